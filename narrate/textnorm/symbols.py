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
_DASH = re.compile(r"\s*(?:—|―|--+|\s–\s|\s-\s(?=[^\d\s]))\s*")
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…)(?P<after>\s*)(?P<next>\S?)")
_HASH = re.compile(r"#\s?(?=\d)")
_HASHTAG = re.compile(r"(?<!\w)#(?=[A-Za-z])")
_AT = re.compile(r"(?<!\w)@(?=\w)|\s@\s")
_PLUS = re.compile(r"(?<=\d)\s?\+\s?(?=\d)|(?<=\d)\+(?!\w)")
_MINUS = re.compile(r"(?<=\d)\s?[−]\s?(?=\d)")
_PERCENT = re.compile(r"%")
_TILDE = re.compile(r"~\s?(?=\d)")
_STAR = re.compile(r"(?<=\d)\s?\*\s?(?=\d)")
_AROUND_DIGITS: Final = (
    ("+", _PLUS, " plus "), ("−", _MINUS, " minus "), ("*", _STAR, " times "),
    ("~", _TILDE, "about "),
)  # fmt: skip
_DASH_HINT = re.compile(r"—|―|--|\s[-–]\s")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;:!?](?:\s|$))")


def _ellipsis(m: re.Match[str]) -> str:
    if not m["next"]:
        return "."
    if m["next"][0].isupper():
        return ". " + m["next"]
    return ", " + m["next"]


def expand_symbols(text: str) -> str:
    """Say the symbols a narrator says, and turn dashes and ellipses into pauses."""
    if "..." in text or ". ." in text or "…" in text:
        text = _ELLIPSIS.sub(_ellipsis, text)
    if _DASH_HINT.search(text):
        text = _DASH.sub(" — ", text)
    if "#" in text:
        text = _HASHTAG.sub("hashtag ", _HASH.sub("number ", text))
    if "@" in text:
        text = _AT.sub(" at ", text)
    for trigger, pattern, words in _AROUND_DIGITS:
        if trigger in text:
            text = pattern.sub(words, text)
    if "%" in text:
        text = _PERCENT.sub(" percent", text)
    return _SIMPLE_RE.sub(lambda m: _SIMPLE[m[0]], text)


def tidy(text: str) -> str:
    """Collapse the runs of spaces the passes leave behind."""
    text = _SPACES.sub(" ", text)
    return text.strip(" ") if text.startswith(" ") or text.endswith(" ") else text
