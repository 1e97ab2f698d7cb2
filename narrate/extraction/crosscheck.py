"""Cross-checking the extracted body against the page's own JSON-LD ``articleBody``.

When a page declares its full text, a paragraph that shares no run of words with it is
something else on the page (a teaser of another story, a newsletter box) and is dropped. Only
paragraphs are judged: declared bodies often leave out the article's lists and quotations (a
review's pros and cons, an embedded post), which are still the article's.
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
    dropped = []
    for block in blocks:
        own = shingles(block.text)
        long_enough = len(words(block.text)) >= 8 and block.kind is BlockKind.PARAGRAPH
        vouched = len(own & declared) >= _MIN_OVERLAP * len(own)
        dropped.append(
            long_enough and not vouched and not (standfirst and _same(block.text, standfirst))
        )
    return [
        block
        for index, block in enumerate(blocks)
        if not dropped[index] and not _emptied(blocks, dropped, index)
    ]


def _emptied(blocks: list[Block], dropped: list[bool], index: int) -> bool:
    """A heading whose whole section was dropped here (down to the next heading of its rank
    or higher) headed the box that went, not the story."""
    heading = blocks[index]
    if heading.kind is not BlockKind.HEADING:
        return False
    section = []
    for block, gone in zip(blocks[index + 1 :], dropped[index + 1 :], strict=True):
        if block.kind is BlockKind.HEADING and block.level <= heading.level:
            break
        if block.kind is not BlockKind.HEADING:
            section.append(gone)
    return bool(section) and all(section)
