"""The body as blocks for narration: headings, paragraphs, list items and quotes in order."""

from __future__ import annotations

import datetime as dt

from narrate.extraction import extract_article
from narrate.model import Block, BlockKind
from tests.extraction.test_pages import page


def test_blocks_keep_kind_and_order() -> None:
    article = extract_article(page("garden_blog_comments.html"))
    kinds = [block.kind for block in article.blocks]
    assert kinds[:5] == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]
    assert article.blocks[1] == Block(BlockKind.HEADING, "What was going wrong", level=2)
    items = [block.text for block in article.blocks if block.kind is BlockKind.LIST_ITEM]
    assert items == [
        "I switched to small cherry varieties that ripen in fewer days.",
        "I moved the pots to the railing, where the light lasts longest.",
        "I painted the back wall white to bounce more light onto the leaves.",
    ]


def test_block_text_is_whitespace_collapsed() -> None:
    html = (
        "<html><head><title>A walk</title></head><body><article><h1>A walk</h1>"
        + "<p>The   path\n\tclimbs  through   old beech woods to the ridge above the village, "
        "where the view opens on three valleys at once.</p>" * 3 + "</article></body></html>"
    )
    article = extract_article(html, allow_non_article=True)
    assert article.blocks[0].text.startswith("The path climbs through old beech woods")
    assert all("  " not in block.text and "\n" not in block.text for block in article.blocks)


def test_metadata_from_json_ld() -> None:
    article = extract_article(page("coastal_storm.html"), "https://coastalcourier.example/x")
    assert article.title == "Storm floods harbour district as sea wall gives way"
    assert article.authors == ("Maren Holt", "Idris Penhale")
    assert article.published == dt.datetime(2024, 3, 14, 6, 30, tzinfo=dt.UTC)
    assert article.modified == dt.datetime(2024, 3, 14, 11, 5, tzinfo=dt.UTC)
    assert article.site_name == "The Coastal Courier"
    assert article.language == "en-GB"
    assert article.image_url == "https://coastalcourier.example/images/2024/03/harbour-flood.jpg"
    assert article.canonical_url == (
        "https://coastalcourier.example/news/2024/03/storm-floods-harbour-district"
    )
    assert article.description.startswith("Residents of the harbour district were evacuated")
    assert article.url == "https://coastalcourier.example/x"


def test_metadata_from_opengraph_and_meta() -> None:
    article = extract_article(page("night_trains_feature.html"))
    assert article.title == "The quiet return of the night train"
    assert article.authors == ("Tomasz Wierzbicki",)
    assert article.published == dt.datetime(2022, 11, 19)
    assert article.site_name == "Meridian Magazine"
    assert article.canonical_url == "https://meridian.example/features/night-train-return"
    assert article.image_url == "https://meridian.example/media/sleeper-car.jpg"


def test_title_loses_its_site_suffix() -> None:
    article = extract_article(page("lede_and_teaser.html"))
    assert article.title == "City council approves four-day week trial for its staff"
    assert extract_article(page("radweg_de.html")).title == (
        "Neuer Radweg verbindet drei Dörfer im Tal"
    )


def test_a_question_asked_of_every_guest_is_read_each_time() -> None:
    """Repeats far apart are content (an interview's questions, a plan's labels); only a block
    doubled in place, as desktop and mobile markup do, is read once."""
    article = extract_article(page("interview_repeated_questions.html"))
    texts = [block.text for block in article.blocks]
    assert texts.count("What made you start baking for a living?") == 3
    assert texts.count("Which loaf would you save in a fire?") == 3
    assert texts.count("Anna, who bakes rye by the harbour") == 1


def test_a_crosshead_set_as_a_div_is_a_heading() -> None:
    """A short div between two paragraphs is the story's section title, even when its class
    says "subhead"; the subhead above the first paragraph is the standfirst, read once first."""
    article = extract_article(page("explainer_div_crossheads.html"))
    headings = [block.text for block in article.blocks if block.kind is BlockKind.HEADING]
    assert headings == ["How much money would it save?", "What happens on the fifth day?"]
    assert article.text.startswith("A short guide before the county votes next month.")
    assert article.text.count("A short guide") == 1
    assert "\n\nThe county school board will vote next month" in article.text
