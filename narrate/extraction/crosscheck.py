"""Cross-checking the extracted body against the page's own JSON-LD ``articleBody``.

When a page declares its full text, a block that shares no run of words with it is
something else on the page (a teaser of another story, a newsletter box) and is dropped.
"""

from __future__ import annotations

from narrate.extraction.dom import words
from narrate.model import Block, BlockKind

_SHINGLE = 4
# The declared body must be at least this long, relative to ours, to be trusted as complete.
_MIN_COVERAGE = 0.6
_MIN_OVERLAP = 0.25


def shingles(text: str) -> set[tuple[str, ...]]:
    tokens = [w.lower() for w in words(text)]
    if len(tokens) < _SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)}


def _same(a: str, b: str) -> bool:
    return [w.lower() for w in words(a)] == [w.lower() for w in words(b)]


def against_declared(blocks: list[Block], article_body: str, standfirst: str = "") -> list[Block]:
    """The blocks the declared body vouches for; the standfirst (the page's description, which
    declared bodies often leave out) is kept too."""
    declared_words = len(words(article_body))
    ours = sum(len(words(block.text)) for block in blocks)
    if declared_words < 50 or declared_words < _MIN_COVERAGE * ours:
        return blocks
    declared = shingles(article_body)
    kept = []
    for block in blocks:
        own = shingles(block.text)
        long_enough = len(words(block.text)) >= 8 and block.kind is not BlockKind.HEADING
        vouched = len(own & declared) >= _MIN_OVERLAP * len(own)
        if long_enough and not vouched and not (standfirst and _same(block.text, standfirst)):
            continue
        kept.append(block)
    return kept
