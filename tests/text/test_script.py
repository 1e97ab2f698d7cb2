from __future__ import annotations

import datetime as dt
from dataclasses import replace

from narrate.model import Article, Block, BlockKind, SegmentKind
from narrate.text.script import MAX_SEGMENT_CHARS, PAYWALL_NOTE, Pauses, build_script, intro_lines

ARTICLE = Article(
    title="Trams return to the city",
    authors=("Olena Marchuk", "Petro Ivanenko", "Ann Lee"),
    published=dt.datetime(2025, 1, 10, 8, 30),
    blocks=(
        Block(BlockKind.PARAGRAPH, "The first tram left at 5 a.m. on Monday. It was full."),
        Block(BlockKind.HEADING, "What comes next", 2),
        Block(BlockKind.PARAGRAPH, "More lines open in spring."),
    ),
)


def test_intro_reads_title_byline_and_date() -> None:
    assert intro_lines(ARTICLE) == [
        "Trams return to the city",
        "By Olena Marchuk, Petro Ivanenko and Ann Lee.",
        "Published January 10, 2025.",
    ]


def test_segments_pauses_and_blocks() -> None:
    pauses = Pauses()
    script = build_script(ARTICLE, speak=str.upper, pauses=pauses)
    kinds = [s.kind for s in script.segments]
    assert kinds == [SegmentKind.INTRO] * 3 + [
        SegmentKind.SENTENCE,
        SegmentKind.SENTENCE,
        SegmentKind.HEADING,
        SegmentKind.SENTENCE,
    ]
    texts = [s.text for s in script.segments]
    assert texts[3:] == [
        "The first tram left at 5 a.m. on Monday.",
        "It was full.",
        "What comes next",
        "More lines open in spring.",
    ]
    assert script.segments[0].spoken == "TRAMS RETURN TO THE CITY."  # a full stop for the close
    assert [s.pause_ms for s in script.segments] == [
        pauses.intro_line,
        pauses.intro_line,
        pauses.intro,
        pauses.sentence,
        pauses.paragraph,
        pauses.heading,
        pauses.paragraph,
    ]
    assert [s.block for s in script.segments] == [None, None, None, 0, 0, 1, 2]


def test_long_sentences_are_cut_and_segments_that_say_nothing_are_dropped() -> None:
    clause = "the council met again on the question of fares and timetables"
    long_sentence = "; ".join([clause] * 8) + "."
    article = Article(
        title="",
        blocks=(Block(BlockKind.PARAGRAPH, long_sentence), Block(BlockKind.PARAGRAPH, "—")),
    )
    script = build_script(article, speak=lambda t: t.strip("—"))
    assert len(script.segments) > 1
    assert all(len(s.text) <= MAX_SEGMENT_CHARS for s in script.segments)
    assert " ".join(s.text for s in script.segments).replace("  ", " ") == long_sentence
    assert script.segments[0].pause_ms == Pauses().clause
    assert script.segments[-1].pause_ms == Pauses().paragraph


def test_a_paywalled_teaser_ends_by_saying_the_rest_is_behind_a_paywall() -> None:
    teaser = replace(ARTICLE, paywalled=True)
    last = build_script(teaser, speak=str).segments[-1]
    assert last.kind is SegmentKind.NOTE and last.text == PAYWALL_NOTE and last.block is None
    assert all(s.kind is not SegmentKind.NOTE for s in build_script(ARTICLE, speak=str).segments)
