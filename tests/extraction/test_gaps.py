"""Paragraphs the main-content extractor skipped in the middle of a story are put back."""

from __future__ import annotations

from narrate.extraction import gaps
from narrate.extraction.body import Found
from narrate.extraction.dom import parse_html
from narrate.model import Block, BlockKind

FIRST = "The ferry to the island stopped running in March, when its only engine failed."
SKIPPED = (
    "As the harbour master <a href='/notes'>told the council</a>, a new engine costs more "
    "than the ferry earns in <a href='/x'>three summers</a>."
)
SKIPPED_TEXT = (
    "As the harbour master told the council, a new engine costs more than the ferry earns in "
    "three summers."
)
LAST = "Until the money is found, the island's children cross to school in a fishing boat."
URL = "https://islandnews.example/ferry"


def found(*texts: str) -> list[Found]:
    return [Found(Block(BlockKind.PARAGRAPH, text)) for text in texts]


def texts(items: list[Found]) -> list[str]:
    return [item.block.text for item in items]


def test_a_paragraph_skipped_between_two_of_the_story_is_put_back() -> None:
    tree = parse_html(f"<body><article><p>{FIRST}</p><p>{SKIPPED}</p><p>{LAST}</p></article>")
    assert tree is not None
    assert texts(gaps.fill(tree, found(FIRST, LAST), URL)) == [FIRST, SKIPPED_TEXT, LAST]


def test_a_heading_and_list_skipped_keep_their_kinds() -> None:
    tree = parse_html(
        f"<body><div class='post'><p>{FIRST}</p><h2>What the island needs</h2>"
        f"<ul><li>A second engine.</li><li>A spare crew.</li></ul><p>{LAST}</p></div>"
    )
    assert tree is not None
    filled = gaps.fill(tree, found(FIRST, LAST), URL)
    assert [item.block for item in filled[1:4]] == [
        Block(BlockKind.HEADING, "What the island needs", level=2),
        Block(BlockKind.LIST_ITEM, "A second engine."),
        Block(BlockKind.LIST_ITEM, "A spare crew."),
    ]


def test_text_outside_the_story_container_is_not_pulled_in() -> None:
    """Between two blocks that stand in different parts of the page (the story and a box
    far away), what lies between is not the story's."""
    tree = parse_html(
        f"<body><main><div><div><article><p>{FIRST}</p></article></div></div></main>"
        "<section><p>Tides, weather and the week's sailings in one place.</p></section>"
        f"<div><div><div><p>{LAST}</p></div></div></div></body>"
    )
    assert tree is not None
    assert texts(gaps.fill(tree, found(FIRST, LAST), URL)) == [FIRST, LAST]


def test_a_block_extracted_with_different_words_is_not_read_twice() -> None:
    """The extractor may drop a phrase set in <code> or split a bold lead-in from its
    paragraph; the page's own version of that block is the same block, not a gap."""
    tree = parse_html(
        f"<body><article><p>{FIRST}</p>"
        "<p><b>Timetable.</b> The winter timetable keeps two sailings a day, at "
        "<code>07:40</code> and at five in the afternoon, weather allowing.</p>"
        f"<p>{LAST}</p></article>"
    )
    assert tree is not None
    extracted = found(
        FIRST,
        "The winter timetable keeps two sailings a day, at and at five in the afternoon, "
        "weather allowing.",
        LAST,
    )
    assert gaps.fill(tree, extracted, URL) == extracted


def test_a_long_run_of_skipped_blocks_is_left_out() -> None:
    """Many blocks skipped together are something the extractor left out on purpose."""
    teasers = "".join(
        f"<p>Teaser number {n} about another story on the site.</p>" for n in range(6)
    )
    tree = parse_html(f"<body><article><p>{FIRST}</p>{teasers}<p>{LAST}</p></article>")
    assert tree is not None
    assert texts(gaps.fill(tree, found(FIRST, LAST), URL)) == [FIRST, LAST]


def test_a_box_of_its_own_between_two_paragraphs_is_not_put_back() -> None:
    """A teaser card set inside the story's container is wrapped unlike the story's own
    paragraphs: it stays out."""
    tree = parse_html(
        f"<body><div class='story'><p>{FIRST}</p><div class='card'><p>The lighthouse keeper "
        f"retires after forty years on the rock, and nobody wants the job.</p></div>"
        f"<p>{LAST}</p></div>"
    )
    assert tree is not None
    assert texts(gaps.fill(tree, found(FIRST, LAST), URL)) == [FIRST, LAST]


def test_a_paragraph_the_page_sets_twice_side_by_side_is_read_twice() -> None:
    """The extractor keeps one copy of a repeated paragraph; the page set both."""
    refrain = "Row, row, row the ferry, all across the bay, the engine coughs and we row on."
    tree = parse_html(
        f"<body><article><p>{FIRST}</p><p>{refrain}</p><p>{refrain}</p></article></body>"
    )
    assert tree is not None
    assert texts(gaps.fill(tree, found(FIRST, refrain), URL)) == [FIRST, refrain, refrain]
    # When the extractor kept both, nothing is added.
    assert texts(gaps.fill(tree, found(FIRST, refrain, refrain), URL)) == [
        FIRST,
        refrain,
        refrain,
    ]


def test_a_short_heading_is_not_taken_for_the_paragraph_that_repeats_its_words() -> None:
    """A title of three words found inside a long paragraph is not that paragraph: the
    paragraph, and the copy the page sets after it, are still found where they are."""
    refrain = (
        "The island ferry sails at dawn, and the island ferry sails at dusk, weather allowing."
    )
    tree = parse_html(
        f"<body><h1>The island ferry</h1><article><p>{refrain}</p><p>{refrain}</p></article>"
    )
    assert tree is not None
    extracted = [
        Found(Block(BlockKind.HEADING, "The island ferry", level=1), headline=True),
        *found(refrain),
    ]
    assert texts(gaps.fill(tree, extracted, URL)) == ["The island ferry", refrain, refrain]


def test_a_skipped_line_that_the_story_reads_further_on_is_not_read_twice() -> None:
    """A blog sets a line at the top and again later; the extractor kept the later one."""
    line = "The ferry timetable for the summer season"
    tree = parse_html(
        f"<body><article><p>{FIRST}</p><p>{line}</p><p>{SKIPPED}</p><p>{LAST}</p>"
        f"<p>{line}</p></article></body>"
    )
    assert tree is not None
    filled = texts(gaps.fill(tree, found(FIRST, LAST, line), URL))
    assert filled == [FIRST, SKIPPED_TEXT, LAST, line]
