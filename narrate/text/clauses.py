"""Over-long sentences cut into speakable pieces at clause boundaries.

One synthesis call's memory grows with its length (about 17 MiB per second of audio), and a
narrator breathes at clause boundaries: semicolons, colons, dashes, then commas before a
conjunction. The cut points show in `narrate --dry-run` as separate lines.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

DEFAULT_MAX_CHARS: Final = 300
"""Longest piece split_long aims for, in characters."""

_CLAUSE_CUTS: Final = (
    re.compile(r";(?=\s)"),
    re.compile(r":(?=\s)"),
    re.compile(r"(?=\s[—–-]{1,2}\s)|(?<=\S)(?=—)"),
    re.compile(
        r",(?=\s+(?:and|but|or|nor|so|yet|while|whereas|although|though|because|which|who"
        r"|when|where|after|before|since|until|unless)\b)"
    ),
    re.compile(r",(?=\s)"),
    re.compile(r"(?<=\S)(?=\s)"),
)


def split_long(sentence: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Cut an over-long sentence at clause boundaries so that pieces fit max_chars, measured
    as spoken (a digit counts as a word's length: see spoken_length).

    Boundaries are tried in order: semicolon, colon, dash, comma before a conjunction, any
    comma, any space; inside one kind the cut nearest the middle wins. A single word longer than
    max_chars is cut inside as a last resort. Pieces are stripped and never empty.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    text = sentence.strip()
    pieces: list[str] = []
    todo = [text] if text else []
    while todo:
        piece = todo.pop()
        if spoken_length(piece) <= max_chars:
            pieces.append(piece)
            continue
        halves = _halve(piece, max_chars)
        if halves is None:  # one long word: cut it all at once, so the work stays linear
            pieces.extend(_chunks(piece, max_chars))
            continue
        todo.append(halves[1])
        todo.append(halves[0])
    return pieces


_DIGIT_WORD: Final = 5
"""About how many characters a digit takes once said ("7" is "seven", "0.34" is "zero point
three four"): a table of figures is short to write and long to say."""


_NUMBER_POINT = re.compile(r"(?<=\d)[.:](?=\d)")


def spoken_length(text: str) -> int:
    """How long text is to say, in characters of plain words: its length, each digit and each
    point between digits ("4.2.34") counted as the word it becomes."""
    digits = sum(c.isdigit() for c in text)
    if not digits:
        return len(text)
    points = len(_NUMBER_POINT.findall(text))
    return len(text) + (_DIGIT_WORD - 1) * (digits + points)


def _chunks(word: str, max_chars: int) -> list[str]:
    """A text with no boundary in max_chars pieces (stripped, never empty)."""
    chunks = (word[i : i + max_chars].strip() for i in range(0, len(word), max_chars))
    return [chunk for chunk in chunks if chunk]


def _halve(text: str, max_chars: int) -> tuple[str, str] | None:
    """Cut text in two at its best boundary (a piece under a fifth of max_chars is a last
    resort), or None when it has no boundary at all.

    Each call scans the text once per kind of boundary; halving near the middle keeps the whole
    split at n log n.
    """
    middle = len(text) / 2
    quoted = _quoted(text)
    for inside_quotes in (False, True):  # a quoted phrase is cut only when nothing else is left
        if inside_quotes and not quoted:
            break
        for shortest in (max_chars // 5, 1):
            for pattern in _CLAUSE_CUTS:
                best = -1
                for m in pattern.finditer(text):
                    cut = m.end()
                    if (
                        _left_length(text, cut) >= shortest
                        and _right_length(text, cut) >= shortest
                        and (best < 0 or abs(cut - middle) < abs(best - middle))
                        and (inside_quotes or not _inside(quoted, cut))
                    ):
                        best = cut
                if best > 0:
                    return text[:best].rstrip(), text[best:].lstrip()
    return None


# a quotation of up to a long sentence's length, in curly or straight double quotes
_QUOTATION = re.compile(r"“[^“”]{1,400}”|\"[^\"\n]{1,400}\"")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans of the quoted phrases in text, in order."""
    return [m.span() for m in _QUOTATION.finditer(text)]


def _inside(spans: list[tuple[int, int]], cut: int) -> bool:
    i = bisect.bisect_right(spans, (cut, 1 << 62)) - 1  # the last span starting before cut
    return i >= 0 and spans[i][0] < cut < spans[i][1]


# The lengths of the two sides of a cut once stripped, without copying them (the text is
# stripped already, so only the white space at the cut counts).
def _left_length(text: str, cut: int) -> int:
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    return cut


def _right_length(text: str, cut: int) -> int:
    while cut < len(text) and text[cut].isspace():
        cut += 1
    return len(text) - cut
