"""Article to Script: what is said, in what order, and the pauses between.

The intro reads the title, the byline and the date; then each block of the body: a heading is a
segment of its own, other blocks are split into sentences, and over-long sentences are cut at
clause boundaries so that no single synthesis call grows without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from narrate.model import Article, BlockKind, Script, Segment, SegmentKind
from narrate.text.clauses import split_long
from narrate.text.sentences import split_sentences
from narrate.textnorm import normalize


@dataclass(frozen=True)
class Pauses:
    """Silence after each kind of segment, in milliseconds."""

    clause: int = 250
    """After a piece of a long sentence that was cut for synthesis."""
    sentence: int = 400
    paragraph: int = 850
    heading: int = 900
    intro: int = 1300
    """After the intro, before the body starts."""
    intro_line: int = 500
    """Between the lines of the intro (title, byline, date)."""


MAX_SEGMENT_CHARS = 300
PAYWALL_NOTE = "The rest of this article is behind a paywall."


def _and_list(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def intro_lines(article: Article) -> list[str]:
    """The written lines of the intro: title, byline, date."""
    lines = [article.title] if article.title else []
    if article.authors:
        lines.append(f"By {_and_list(article.authors)}.")
    if article.published:
        day = article.published
        lines.append(f"Published {day:%B} {day.day}, {day.year}.")
    return lines


def _speakable(text: str) -> str:
    """End a line with a full stop, so that titles and headings get a falling close."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def build_script(
    article: Article, speak: Callable[[str], str] = normalize, pauses: Pauses | None = None
) -> Script:
    """Turn an article into segments; `speak` maps written text to what the voice is given."""
    pauses = pauses or Pauses()
    segments = [
        Segment(SegmentKind.INTRO, line, speak(_speakable(line)), pauses.intro_line)
        for line in intro_lines(article)
    ]
    if segments:
        segments[-1] = replace(segments[-1], pause_ms=pauses.intro)
    segments.extend(_body(article, speak, pauses))
    if article.paywalled:  # the listener must not take the teaser for the whole story
        segments.append(Segment(SegmentKind.NOTE, PAYWALL_NOTE, speak(PAYWALL_NOTE), 0))
    return Script(article=article, segments=tuple(s for s in segments if s.spoken.strip()))


def _body(article: Article, speak: Callable[[str], str], pauses: Pauses) -> Iterator[Segment]:
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.HEADING:
            yield Segment(
                SegmentKind.HEADING,
                block.text,
                speak(_speakable(block.text)),
                pauses.heading,
                index,
            )
            continue
        pieces = [
            (piece, last_piece)
            for sentence in split_sentences(block.text)
            for piece, last_piece in _marked_last(split_long(sentence, MAX_SEGMENT_CHARS))
        ]
        for number, (piece, last_piece) in enumerate(pieces, 1):
            pause = pauses.clause if not last_piece else pauses.sentence
            if number == len(pieces):
                pause = pauses.paragraph
            yield Segment(SegmentKind.SENTENCE, piece, speak(piece), pause, index)


def _marked_last(items: list[str]) -> Iterator[tuple[str, bool]]:
    for number, item in enumerate(items, 1):
        yield item, number == len(items)
