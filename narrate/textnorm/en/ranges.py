"""Ranges and scores: "600,000-800,000" -> "600,000 to 800,000", "6-10 hours" -> "6 to 10 hours",
but "a 3-2 win" -> "a three-two win" and "24/7" -> "twenty four seven".

Ranges only get their "to" here; the numbers on each side are read by the later passes, which
know about units, money and years.
"""

from __future__ import annotations

import re
from typing import Final

from narrate.textnorm.en.numbers import NUMBER, cardinal

_SCORE_WORDS: Final = frozenset({
    "win", "wins", "won", "winning", "victory", "victories", "defeat", "defeated", "defeats",
    "beat", "beats", "beating", "lost", "lose", "loses", "losing", "loss", "draw", "drew", "drawn",
    "tie", "tied", "ties", "lead", "led", "leads", "score", "scored", "scores", "scoreline",
    "final", "finals", "match", "game", "games", "thrashing", "rout", "routed", "edged", "vote",
    "votes", "voted", "record", "margin", "aggregate", "penalties", "shootout", "series",
    "ruling", "rulings", "decision", "majority", "verdict", "split", "tally",
})  # fmt: skip
_RANGE = re.compile(
    rf"(?<![\w.,/:-])(?P<sign>-)?(?P<first>{NUMBER})(?P<dash>\s?[-–—]\s?|\s[-–—]\s)"
    rf"(?P<second>{NUMBER})(?![\w.,]\d|[-/:]\d)"
)
_RATIO = re.compile(r"(?<![\d:.,])(?P<first>\d{1,2}):(?P<second>\d)(?![\d:])")
# "50:50", "60:40": two-digit shares that cannot be a clock time, said "fifty-fifty"
_SHARES = re.compile(r"(?<![\d:.,])(?P<first>\d{2,3}):(?P<second>\d{2,3})(?![\d:]|[.,]\d)")
# "1-1/2": a whole number and a fraction joined by a hyphen, as in "1 1/2"
_MIXED = re.compile(r"(?<![\w./-])(?P<whole>\d+)-(?P<fraction>[1-9]/[1-9]\d?)(?![\w/]|[.,]\d)")
_AROUND = re.compile(r"[A-Za-z]+")
_BETWEEN = re.compile(r"\bbetween\s$", re.IGNORECASE)  # "between 200-300": "and", not "to"
_TWENTY_FOUR_SEVEN = re.compile(r"\b24\s?/\s?7\b")
# dates that name events, not fractions
_EVENTS = re.compile(r"\b(?:(?P<nine>9/11)|(?P<seven>7/7))(?!/|\d)")


def _is_score(m: re.Match[str]) -> bool:
    first, second = m["first"], m["second"]
    if not (first.isdigit() and second.isdigit() and len(first) <= 2 and len(second) <= 2):
        return False
    if m["dash"] != "-":
        return False
    before = _AROUND.findall(m.string[max(0, m.start() - 30) : m.start()])[-3:]
    after = _AROUND.findall(m.string[m.end() : m.end() + 30])[:2]
    if after and after[0].endswith("s") and after[0].lower() not in _SCORE_WORDS:
        return False  # "6-10 hours", "3-5 years"
    return not _SCORE_WORDS.isdisjoint(w.lower() for w in before + after)


_HOURS_CUES: Final = frozenset({
    "open", "opens", "opened", "daily", "hours", "shift", "shifts", "work", "works", "working",
    "weekdays", "weekday", "from", "between", "closed", "office", "job", "nightly", "am", "pm",
})  # fmt: skip
"""Words around "9-5" that make it office hours, a range of the clock, not a score."""


def _descending(m: re.Match[str]) -> bool:
    """ "6-5", "102-99", "2-2": a pair that does not rise is a score or a record, not a range
    (but "open 9-5 daily" is a range of the clock)."""
    first, second = m["first"], m["second"]
    before = _AROUND.findall(m.string[max(0, m.start() - 30) : m.start()])[-2:]
    after = _AROUND.findall(m.string[m.end() : m.end() + 30])[:2]
    if not _HOURS_CUES.isdisjoint(w.lower() for w in before + after):
        return False
    return (
        not m["sign"]
        and m["dash"] == "-"
        and first.isdigit()
        and second.isdigit()
        and len(first) <= 3
        and len(second) <= 3
        and int(first) >= int(second)
    )


def _range(m: re.Match[str]) -> str:
    sign = "minus " if m["sign"] else ""
    if _is_score(m) or _descending(m):
        return f"{cardinal(int(m['first']))}-{cardinal(int(m['second']))}"
    # a window before the match, not the whole text before it: the work stays linear
    joiner = "and" if _BETWEEN.search(m.string, max(0, m.start() - 10), m.start()) else "to"
    return f"{sign}{m['first']} {joiner} {m['second']}"


def expand_ranges(text: str) -> str:
    """Say "to" between the two ends of a numeric range, and read scores as scores."""
    text = _TWENTY_FOUR_SEVEN.sub("twenty four seven", text)
    if "/" in text:
        text = _EVENTS.sub(lambda m: "nine eleven" if m["nine"] else "seven seven", text)
    if ":" in text:
        text = _SHARES.sub(_shares, text)
        text = _RATIO.sub(r"\g<first> to \g<second>", text)
    if "/" in text:
        text = _MIXED.sub(r"\g<whole> \g<fraction>", text)
    return _RANGE.sub(_range, text)


def _shares(m: re.Match[str]) -> str:
    first, second = int(m["first"]), int(m["second"])
    if first <= 24 and second <= 59:
        return m[0]  # "12:30": a time
    return f"{cardinal(first)}-{cardinal(second)}"
