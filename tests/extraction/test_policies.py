"""What narrate reads and what it leaves out, one kind of page at a time (pages written here)."""

from __future__ import annotations

from narrate.extraction import extract_article, extract_text
from tests.extraction.pagebuilder import STORY, article_page

DESCRIPTION = "Volunteers from three villages dug out the valley's only bakery after the flood."


def test_the_standfirst_is_read_once_even_when_it_is_the_description() -> None:
    head = f'<meta name="description" content="{DESCRIPTION}">'
    standfirst = f"<p class='article-lead'>{DESCRIPTION}</p>"
    summary = f"<div class='summary'><p>{DESCRIPTION}</p></div>"
    html = article_page(summary, head=head, story=standfirst + STORY)
    text = extract_text(html, "https://valleypost.example/news/bakery")
    assert text.startswith(DESCRIPTION)
    assert text.count("Volunteers from three villages dug out") == 1


URL = "https://valleypost.example/news/bakery"


def test_a_link_inside_a_sentence_is_text_whatever_its_class() -> None:
    paragraph = (
        "<p>The film shows how actress <a class='tag-link' href='/tags/mary-steenburgen'>Mary "
        "Steenburgen</a> came to co-write the song that <a class='tag' href='/tag/jessie'>Jessie "
        "Buckley</a> performs at the end of <a class='related' href='/x'>Wild Rose</a>, and a "
        "<a class='popup' href='#n1'>note</a> explains it.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert (
        "how actress Mary Steenburgen came to co-write the song that Jessie Buckley performs at "
        "the end of Wild Rose, and a note explains it." in text
    )


def test_a_hover_card_inside_a_paragraph_is_not_read() -> None:
    paragraph = (
        "<p>The mayor said the bridge <span class='hover-card'><a href='/a'>Council buys new "
        "gritters</a><span>Read the story</span></span>would reopen by Friday, and the "
        "<span class='inline-story'><div><a href='/b'>Ferry fares rise again</a></div></span>"
        "ferry would run until then.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "The mayor said the bridge would reopen by Friday, and the ferry would run" in text
    assert "gritters" not in text and "Ferry fares" not in text


def test_a_class_rule_never_removes_the_post_itself() -> None:
    """A blog engine calls the post's container a widget, and the post has no <p> at all."""
    lines = "<br>".join(
        f"Line {n} of the post tells how the old mill wheel was lifted out of the race "
        "and carried to the workshop for the winter."
        for n in range(12)
    )
    html = (
        "<html><head><title>Lifting the mill wheel</title></head><body>"
        "<div class='sidebar widget'><a href='/a'>Archive</a></div>"
        f"<div class='widget Blog'><h3 class='post-title'>Lifting the mill wheel</h3>"
        f"<div class='post-body'>{lines}</div></div></body></html>"
    )
    article = extract_article(html, "https://millblog.example/2024/05/wheel.html")
    assert "Line 0 of the post" in article.text and "Line 11 of the post" in article.text
    assert "Archive" not in article.text


def test_a_page_of_only_headings_is_not_emptied() -> None:
    html = (
        "<html><body><article><h2>Test case one</h2><h2>Test case two</h2></article></body></html>"
    )
    assert extract_text(html) == "Test case one\n\nTest case two"
