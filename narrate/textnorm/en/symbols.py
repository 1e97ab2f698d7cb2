"""Symbols and punctuation that espeak would read as words, or run together.

"&" -> "and", "#1" -> "number one", "@user" -> "at user", "2+3" -> "2 plus 3", "x = y" ->
"x equals y"; dashes and ellipses become pauses (" — " and ", ") rather than words.
"""

from __future__ import annotations

import re
from typing import Final

_SIMPLE: Final = {
    "&": " and ", "=": " equals ", "×": " times ", "±": " plus or minus ", "§": " section ",
    "¶": " paragraph ", "≈": " about ", "≤": " at most ", "≥": " at least ", "→": " to ",
    "½": " one half", "¼": " one quarter", "¾": " three quarters", "⅓": " one third",
    "⅔": " two thirds", "©": " copyright ", "®": "", "™": "", "†": "", "‡": "",
}  # fmt: skip
_SIMPLE_RE = re.compile("|".join(re.escape(k) for k in _SIMPLE))
_DASH = re.compile(r"[ \t]*(?:[—―]|-{2,}|(?<=[ \t])[-–](?=[ \t—―–-]|$))[—―–\- \t]*")
_ELLIPSIS = re.compile(r"[ \t]*(?:…|\.[ \t]?\.[ \t]?\.)[.…]*")
_HASH = re.compile(r"(?<!\w)#\s?(?=\d)")  # "#1", not the "#" inside a code ("A#7")
_SHARP = re.compile(r"\b([A-G])#(?!\w)")
_HASHTAG = re.compile(r"(?<!\w)#+(?P<tag>(?=[^\W\d_]))?")
_AT = re.compile(r"\s*@\s*")
_PLUS = re.compile(r"(?<=\d)\s?\+\s?(?=\d)|(?<=\d)\+(?!\w)|(?<![\w)+])\+(?=\d)")
_MINUS = re.compile(r"(?<=\d)\s?[−]\s?(?=\d)")
_PERCENT = re.compile(r"%")
_TILDE = re.compile(r"~\s?(?=\d)")
_STAR = re.compile(r"(?<=\d)\s?\*\s?(?=\d)")
_AROUND_DIGITS: Final = (
    ("+", _PLUS, " plus "), ("−", _MINUS, " minus "), ("*", _STAR, " times "),
    ("~", _TILDE, "about "),
)  # fmt: skip
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;:!?](?:\s|$))")


def _ellipsis(m: re.Match[str]) -> str:
    """An ellipsis is a pause: a full stop before a capital or the end, else a comma."""
    before = m.string[m.start() - 1] if m.start() else ""
    after = m.string[m.end() :].lstrip()
    if before in ",;:.!?":
        return " "
    if not after or after[0].isupper():
        return ". "
    return ", " if after[0].isalnum() else " "


def expand_math(text: str) -> str:
    """Symbols between numbers: "2+3" -> "2 plus 3", "#1" -> "number 1", "~40" -> "about 40"."""
    if "#" in text:
        text = _HASH.sub("number ", text)
    for trigger, pattern, words in _AROUND_DIGITS:
        if trigger in text:
            text = pattern.sub(words, text)
    return text


def expand_symbols(text: str) -> str:
    """Say the symbols a narrator says, and turn dashes and ellipses into pauses."""
    text = _SIMPLE_RE.sub(lambda m: _SIMPLE[m[0]], text)
    if "#" in text:
        text = _HASHTAG.sub(lambda m: " " if m["tag"] is None else "hashtag ", text)
        text = _SHARP.sub(r"\1 sharp", text)  # C#, F#: the languages and the keys
        text = text.replace("#", " ")  # inside a code ("A#7"): not said
    if "@" in text:
        text = _AT.sub(" at ", text)
    if "%" in text:
        text = _PERCENT.sub(" percent", text)
    if "..." in text or ". ." in text or "…" in text:
        text = _ELLIPSIS.sub(_ellipsis, text)
    if "-" in text or "—" in text or "―" in text or "–" in text:
        text = _DASH.sub(" — ", text)
    return text


def tidy(text: str) -> str:
    """Collapse the runs of spaces the passes leave behind."""
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" ") if text.startswith(" ") or text.endswith(" ") else text
