"""Pages that are not articles stop with a message saying what they are; --force overrides."""

from __future__ import annotations

import pytest

from narrate.errors import ExtractionError
from narrate.extraction import extract_article, extract_text, language_warning
from tests.extraction.test_pages import page


@pytest.mark.parametrize(
    ("name", "url", "says"),
    [
        ("home_page.html", "https://valleyherald.example/", "home page"),
        ("not_found.html", "https://coastalcourier.example/news/gone", "error page"),
        ("paywall_teaser.html", "https://ledger.example/tech/battery", "paywall"),
    ],
)
def test_non_articles_are_refused_with_a_reason(name: str, url: str, says: str) -> None:
    with pytest.raises(ExtractionError, match=says) as caught:
        extract_article(page(name), url)
    message = str(caught.value)
    assert "--force" in message
    assert "\n" not in message


@pytest.mark.parametrize("name", ["home_page.html", "not_found.html", "paywall_teaser.html"])
def test_allow_non_article_returns_what_there_is(name: str) -> None:
    article = extract_article(page(name), allow_non_article=True)
    assert article.blocks


def test_paywall_teaser_text_is_the_readable_part() -> None:
    text = extract_text(page("paywall_teaser.html"))
    assert text.startswith("Sodium is cheap, plentiful")
    assert "Subscribe to continue reading" not in text
    assert "Already a subscriber" not in text


def test_extract_text_never_raises_on_junk() -> None:
    assert extract_text("") == ""
    assert extract_text("<html><body></body></html>") == ""
    declared = "<?xml version='1.0' encoding='utf-8'?><html><body><p>Hi</p></body></html>"
    assert extract_text(declared) in ("", "Hi")


def test_empty_page_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_article("   ")


def test_articles_pass_the_verdict() -> None:
    for name in ("coastal_storm.html", "garden_blog_comments.html", "radweg_de.html"):
        extract_article(page(name), "https://example.org/2024/story")


def test_language_warning_names_the_language() -> None:
    article = extract_article(page("radweg_de.html"))
    warning = language_warning(article, "en_US")
    assert warning is not None
    assert "German" in warning and "English" in warning
    assert language_warning(article, "de_DE") is None
    english = extract_article(page("coastal_storm.html"))
    assert language_warning(english, "en_US") is None


PAYWALL_PROMPTS = [
    "Subscribe now to continue reading.",
    "Subscribers only",
    "Exclusively for members",
    "Already a subscriber? Sign in",
    "Log in to continue",
    "Register for free to read",
    "To continue reading, please log in",
    "This article is for subscribers",
    "To read the full story, please subscribe",
    "Subscribe now for the Sunday edition",
    "Unlock this article",
    "You've reached your limit",
    "You’ve read all your free articles",
    "First-time subscribers save half",
    "Log in for immediate access",
]


@pytest.mark.parametrize("prompt", PAYWALL_PROMPTS)
def test_every_way_a_paywall_talks_is_known(prompt: str) -> None:
    """Each phrasing of the prompt patterns, so that the quick look for their key words
    before the pattern never hides one."""
    from narrate.extraction.paywall import is_prompt

    assert is_prompt(prompt)
    assert is_prompt(prompt.upper())


def test_a_front_page_that_is_one_message_is_narrated() -> None:
    """A site's front page that holds a single text (a notice, a farewell, a one-post blog),
    with few links beside it, is that text; a front page of headlines is still refused."""
    message = " ".join(
        f"<p>Paragraph {n} of the notice: the island ferry company will stop its winter "
        "sailings at the end of the month, and the summer timetable starts in May, with two "
        "crossings a day and a third on Saturdays when the weather allows.</p>"
        for n in range(1, 5)
    )
    html = (
        "<html><head><title>Island Ferries</title></head><body><nav><a href='/'>Home</a> "
        f"<a href='/times'>Times</a></nav><main>{message}</main></body></html>"
    )
    article = extract_article(html, "https://islandferries.example/")
    assert article.text.startswith("Paragraph 1 of the notice")
