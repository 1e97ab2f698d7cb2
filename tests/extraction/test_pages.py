"""Saved pages shaped like real news pages: what must be narrated and what never must.

Each case names the first and last sentences of the body (where extractors fail: a missed
lead, a truncated ending) and snippets of the page furniture that must not be read aloud.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.extraction import extract_article, extract_text

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


CASES = {
    "coastal_storm.html": (
        [
            "More than two hundred residents of the harbour district were led to safety",
            "Warnings ignored",
            "“We heard a noise like a lorry tipping its load",
            "Forecasters expect the wind to ease by Saturday, when engineers will begin to assess"
            " how quickly the breach can be closed.",
        ],
        [
            "We use cookies",
            "This audio is created with AI assistance",
            "Listen to this article",
            "Photograph: Lowen Tregear",
            "Read also",
            "Survey warned of cracks",
            "morning briefing",
            "Sign up for our free newsletter",
            "Share this article",
            "Flooding",
            "Most popular",
            "Ferry timetable",
            "All rights reserved",
            "Sport",
        ],
    ),
    "garden_blog_comments.html": (
        [
            "For three summers my balcony produced exactly four tomatoes",
            "If you cannot give a plant more sun, give it a variety that needs less of it.",
            "I painted the back wall white to bounce more light onto the leaves.",
            "I finally understood why people become so evangelical about growing their own.",
        ],
        [
            "Posted on August 2",
            "Photo by the author",
            "is a garden writer",
            "You might also like",
            "Chillies love heat",
            "Mint, parsley and chives",
            "This is so encouraging",
            "Did you need permission",
            "Leave a Reply",
            "Proudly growing",
        ],
    ),
    "night_trains_feature.html": (
        [
            # The standfirst is the article's opening: read once, before the story.
            "Sleeper services are spreading across Europe again, filled with travellers",
            "At a quarter past nine on a wet Tuesday",
            "as if nothing about this had ever gone out of fashion.",
        ],
        [
            "Travel\n",
            "By Tomasz Wierzbicki",
            "The rail passes that still save you money",
            "Flexible tickets have quietly become more expensive",
            "Meridian is reader-funded",
            "More from Meridian",
            "two men keep a light",
            "Registered in England",
        ],
    ),
    "radweg_de.html": (
        [
            "Nach zwei Jahren Bauzeit ist der Radweg zwischen Unterau",
            "Die drei Gemeinden teilen sich den Rest.",
        ],
        [
            "Cookies",
            "Lesen Sie auch",
            "Die alte Brücke wird im Herbst saniert",
            "Mehr zum Thema",
            "Neue Busverbindung",
            "Impressum",
        ],
    ),
    "lede_and_teaser.html": (
        [
            "City employees will work four days a week for the same pay from April",
            "when members will decide whether to make the change permanent.",
        ],
        [
            "Family bakery opens its third shop",
            "The bakery that started in a garage",
            "is a staff reporter",
            "Recommended for you",
            "School board",
            "Obituaries",
        ],
    ),
    # The story is cut into chunks around an ad; an extractor that keeps one chunk loses half.
    "split_body_chunks.html": (
        [
            "Hospitals in the river valley will share a single pool of night-shift nurses",
            "Until now each hospital has kept its own list of staff willing to work extra nights",
            "if it leaves any ward with fewer permanent staff than it has today.",
        ],
        [
            "Advertisement",
            "More from the Riverside Times",
            "Walk-in clinic",
            "protects library hours",
            "Rowing club",
            "4 Mill Lane",
            "Politics",
        ],
    ),
    # A print edition's licence, tool labels and contact line around the story; the headline
    # is worded differently from the <title>.
    "markets_print_licence.html": (
        [
            "Wheat and maize futures fell for a third day on Tuesday",
            "sold part of the crop in advance at prices agreed before the summer.",
        ],
        [
            "Grain Prices Are Slipping",
            "Order Reprints",
            "Print Article",
            "personal, non-commercial use",
            "Distribution and use of this material",
            "Write to Ines Okafor",
            "9 Exchange Square",
        ],
    ),
    # Captions set as a bare <span> or <center> under an image, with no <figure> around them.
    "review_loose_captions.html": (
        [
            "The Lumen 14 is the first laptop from the company in three years",
            "Battery life is the headline eleven hours of video in our test",
            "we would recommend without a list of warnings attached.",
        ],
        ["The new keyboard of the Lumen 14", "Two USB-C ports on the left side", "Circuit Road"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_has_the_article(name: str) -> None:
    must, _ = CASES[name]
    text = extract_text(page(name), "https://example.org/news/story")
    for snippet in must:
        assert snippet in text


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_has_no_furniture(name: str) -> None:
    _, never = CASES[name]
    text = extract_text(page(name), "https://example.org/news/story")
    for snippet in never:
        assert snippet not in text


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_opens_with_first_sentence_and_closes_with_last(name: str) -> None:
    must, _ = CASES[name]
    text = extract_text(page(name), "https://example.org/news/story")
    assert text.startswith(must[0])
    assert text.endswith(must[-1])


@pytest.mark.parametrize("name", sorted(CASES))
def test_title_is_not_in_the_body(name: str) -> None:
    article = extract_article(page(name), "https://example.org/news/story")
    assert article.title
    assert article.title not in article.text
