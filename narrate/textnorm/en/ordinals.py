"""Ordinals and fractions: "21st" -> "twenty first", "3/4" -> "three quarters", "2 1/2" ->
"two and a half"."""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import cardinal, integer, ordinal

_ORDINAL = re.compile(
    r"(?<![\w.])(?P<number>\d{1,3}(?:,\d{3})+|\d+)\s?(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)\b"
)
_FRACTION = re.compile(
    r"(?<![\w./-])(?:(?P<whole>\d+)\s)?(?P<top>\d{1,3})/(?P<bottom>\d{1,3})"
    r"(?:\s?(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)\b)?(?![\w/]|[.,]\d)"
)
_DENOMINATORS: Final = {2: ("half", "halves"), 4: ("quarter", "quarters")}
_GLYPHS: Final = {
    "½": "a half", "¼": "a quarter", "¾": "three quarters", "⅓": "a third", "⅔": "two thirds",
}  # fmt: skip
_MIXED_GLYPH = re.compile(r"(?<![\w.,])(?P<whole>\d+)\s?(?P<glyph>[½¼¾⅓⅔])")


def fraction(top: int, bottom: int) -> str:
    """3/4 -> "three quarters", 1/2 -> "one half", 22/3 -> "twenty two thirds"."""
    if bottom in _DENOMINATORS:
        one, many = _DENOMINATORS[bottom]
    else:
        one = ordinal(bottom)
        many = one + "s"
    return f"{cardinal(top)} {one if top == 1 else many}"


def suffix_of(n: int) -> str:
    """The suffix that belongs to n: 1 -> "st", 12 -> "th", 22 -> "nd"."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _ordinal(m: re.Match[str]) -> str:
    n = int(m["number"].replace(",", ""))
    if m["suffix"].lower() != suffix_of(n):
        # "11st" is a typo or a code, not an ordinal: read the number and leave the letters.
        return f"{integer(m['number'])} {m['suffix']}"
    return ordinal(n)


def _fraction(m: re.Match[str]) -> str:
    top, bottom = int(m["top"]), int(m["bottom"])
    if bottom in (0, 1) or m["top"].startswith("0") or m["bottom"].startswith("0"):
        return m[0]
    if m["whole"]:
        if top >= bottom:
            return m[0]
        if top == 1 and bottom in _DENOMINATORS:
            return f"{integer(m['whole'])} and a {_DENOMINATORS[bottom][0]}"
        return f"{integer(m['whole'])} and {fraction(top, bottom)}"
    return fraction(top, bottom)


def expand_ordinals(text: str) -> str:
    """Read "1st", "22nd", "103rd", "1,000th" as ordinals."""
    return _ORDINAL.sub(_ordinal, text)


# "6/8 time", "in 3/4": a time signature, said "six eight", where the words say it is music
_METER = re.compile(
    r"(?<![\w./])(?P<top>\d{1,2})/(?P<bottom>2|4|8|16)(?![\w/])"
    r"(?=\s(?:time|meter|metre|signature|rhythm|groove|waltz|feel|swing)\b)"
    r"|(?<=\b(?:in|of) )(?P<top2>\d{1,2})/(?P<bottom2>2|4|8|16)(?![\w/])"
    r"(?=[^.]{0,60}\b(?:song|songs|music|musical|tune|waltz|beat|bars?|rhythm|band|piano|guitar"
    r"|drum|drums|drummer|composer|composed|melody|tempo|chorus|verse)\b)"
)


def _meter(m: re.Match[str]) -> str:
    return f"{cardinal(int(m['top'] or m['top2']))} {cardinal(int(m['bottom'] or m['bottom2']))}"


def expand_fractions(text: str) -> str:
    """Read simple fractions: "1/2", "3/4", "2 1/2", "1/3rd", "3½"; and time signatures."""
    if "/" in text:
        text = _METER.sub(_meter, text)
    if not text.isascii():
        text = _MIXED_GLYPH.sub(lambda m: f"{m['whole']} and {_GLYPHS[m['glyph']]}", text)
    return _FRACTION.sub(_fraction, text)
