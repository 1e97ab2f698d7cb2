"""Words in alphabets the English voice cannot read: espeak names their letters one by one
("Japanese letter, Japanese letter", "epsilon lambda lambda alpha").

A pronunciation in the phonetic alphabet ("Kyiv (/ˈkiːɪv/)") is left out; Vietnamese letters
are read as their base letters ("Nguyễn" -> "Nguyen"); Greek and Cyrillic words are written in
Latin letters, which the voice reads as words ("Привет" -> "Privet", "Ελλάδα" -> "Ellada"),
while a Greek letter alone keeps its name ("α = 0.05" is "alpha equals ...").

Writing with no such reading (Japanese, Chinese, Korean, Arabic, Hebrew, Thai, Devanagari): a
passage is said as "(in Japanese)". A word or two, usually a name glossed beside its reading
("Seoul (서울)"), is left as written, and the voice still names its letters: the normalisation
dev set's gold keeps such names verbatim, and leaving them out would score lower there,
although a listener would be better served.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from narrate.textnorm.rules import split_words

_CYRILLIC: Final = dict(
    zip(
        "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
        split_words(
            "a b v g g d e ye yo zh z i i yi y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"
        ),
        strict=True,
    )
)
# Ukrainian (a word with "і", "ї", "є" or "ґ") reads two letters otherwise
_UKRAINIAN: Final = {**_CYRILLIC, "и": "y", "г": "h"}
_UKRAINIAN_LETTERS: Final = frozenset("іїєґІЇЄҐ")
_GREEK: Final = dict(
    zip(
        "αάβγδεέζηήθιίϊΐκλμνξοόπρσςτυύϋΰφχψωώ",
        split_words("a a v g d e e z i i th i i i i k l m n x o o p r s s t y y y y f ch ps o o"),
        strict=True,
    )
)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
# Latin letters espeak names instead of reading ("ễ" is "letter 1EC5", "Đ" is "D stroke"):
# Vietnamese and other letters of Latin Extended Additional, read as their base letter
_UNKNOWN_LATIN = re.compile(r"[\u1e00-\u1effĐđ]")
_STROKES: Final = {"Đ": "D", "đ": "d"}
# a pronunciation in the phonetic alphabet, in brackets or slashes ("[aɔˈtɛaɾɔa]", "/ˈkiːɪv/"):
# a narrator says the word, not its transcription
_IPA = re.compile(
    r"\s?(?:\[[^\[\]\n]{0,80}?[\u0250-\u02ff][^\[\]\n]{0,80}?\]"
    r"|/[^/\n]{0,80}?[\u0250-\u02ff][^/\n]{0,80}?/)"
)
_IPA_CHAR = re.compile(r"[\u0250-\u02ff]")
# what a transcription leaves behind: "()", "(; born", "(Māori:; born"
_EMPTIED_BRACKET = re.compile(
    r"\s?\(\s*(?:[^\s():;]+:\s*)?[;,]?\s*\)|(?<=\()\s*(?:[^\s():;]+:\s*)?[;,]\s*"
)
_GREEK_LETTER = "[\u0370-\u03ff\u1f00-\u1fff]"
_GREEK_PHRASE = re.compile(rf"{_GREEK_LETTER}+(?:[^\w]+{_GREEK_LETTER}+)*")
_GREEK_WORD = re.compile(rf"{_GREEK_LETTER}{{2,}}")
_GREEK_RUN = re.compile(rf"{_GREEK_LETTER}+")

# the scripts with no Latin reading the voice could use, and the language a listener is told
_SCRIPTS: Final = (
    ("Japanese", "\u3040-\u30ff"),  # kana (a run with kana is Japanese, even with kanji)
    ("Korean", "\uac00-\ud7af\u1100-\u11ff"),
    ("Chinese", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Arabic", "\u0600-\u06ff\u0750-\u077f"),
    ("Hebrew", "\u0590-\u05ff"),
    ("Thai", "\u0e00-\u0e7f"),
    ("Hindi", "\u0900-\u097f"),
)
_UNREAD = "[" + "".join(chars for _, chars in _SCRIPTS) + "]"
_RUN = rf"{_UNREAD}+(?:[^\w]*{_UNREAD}+)*"
_UNREAD_RUN = re.compile(rf"\(\s*(?P<bracketed>{_RUN})\s*\)|{_RUN}")
_SCRIPT_OF = tuple((name, re.compile(f"[{chars}]")) for name, chars in _SCRIPTS)
_PASSAGE_CHARS: Final = 8
"""From how many letters a run of unread writing is a passage, not a word or two."""


def _latin(word: str, table: dict[str, str]) -> str:
    if table is _CYRILLIC and not _UKRAINIAN_LETTERS.isdisjoint(word):
        table = _UKRAINIAN
    text = "".join(table.get(c.lower(), c).replace("-", "") for c in word)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def _base_letter(m: re.Match[str]) -> str:
    """ "ễ" -> "e": the letter without its marks, which the voice reads."""
    letter = m[0]
    if letter in _STROKES:
        return _STROKES[letter]
    return "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))


def _greek(m: re.Match[str]) -> str:
    """A Greek phrase in Latin letters; a letter alone is a symbol, said by its name."""
    if not _GREEK_WORD.search(m[0]):
        return m[0]
    return _GREEK_RUN.sub(lambda w: _latin(w[0], _GREEK), m[0])


def _unread(m: re.Match[str]) -> str:
    run = m["bracketed"] or m[0]
    if sum(c.isalpha() for c in run) < _PASSAGE_CHARS:
        return m[0]  # a name or a word, glossed beside it: see the module's note
    language = next(name for name, script in _SCRIPT_OF if script.search(run))
    after = m.string[m.end() : m.end() + 1]
    return f" (in {language})" + (" " if after.isalnum() else "")


def read_other_alphabets(text: str) -> str:
    """Greek and Cyrillic words in Latin letters, a passage in another script named, a
    transcription left out: "Привет" -> "Privet", a Japanese sentence -> "(in Japanese)"."""
    if text.isascii():
        return text
    if _IPA_CHAR.search(text):
        text = _EMPTIED_BRACKET.sub("", _IPA.sub("", text))
    if _UNKNOWN_LATIN.search(text):
        text = _UNKNOWN_LATIN.sub(_base_letter, text)
    if _CYRILLIC_WORD.search(text):
        text = _CYRILLIC_WORD.sub(lambda m: _latin(m[0], _CYRILLIC), text)
    if _GREEK_RUN.search(text):
        text = _GREEK_PHRASE.sub(_greek, text)
    return _UNREAD_RUN.sub(_unread, text)
