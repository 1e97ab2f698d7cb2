"""Every kind of page has a reader, and each reads its kind."""

from __future__ import annotations

import pytest

from narrate.model import BlockKind, Page, PageKind
from narrate.readers import READERS, read_article


def test_every_kind_of_page_has_a_reader() -> None:
    assert set(READERS) == set(PageKind)


def test_each_reader_reads_its_kind() -> None:
    text = read_article(
        Page("# Trams\n\nThe depot opens.\n\nIt is solar.", PageKind.TEXT, name="a.md")
    )
    assert text.title == "Trams" and [b.text for b in text.blocks] == [
        "The depot opens.",
        "It is solar.",
    ]
    markup = (
        "<html><head><title>Trams run again</title></head><body><article><h1>Trams run again</h1>"
        + "<p>The city's trams ran again on Monday after a week of repairs to the lines.</p>" * 6
        + "</article></body></html>"
    )
    html = read_article(Page(markup, PageKind.HTML), force=True)
    assert html.title == "Trams run again"
    assert html.blocks and html.blocks[0].kind is BlockKind.PARAGRAPH


def test_a_plain_text_reply_from_the_web_gets_the_article_verdict() -> None:
    from narrate.errors import ExtractionError

    reply = Page("Hello.\n\nWorld.", PageKind.TEXT, url="http://127.0.0.1:9/t", name="reply")
    with pytest.raises(ExtractionError, match="only 2 words of text, too few for an article"):
        read_article(reply)
    assert read_article(reply, force=True).blocks  # --force reads it anyway
    own = Page("Hello.\n\nWorld.", PageKind.TEXT, name="notes.txt")  # the user's own file
    assert [b.text for b in read_article(own).blocks] == ["Hello.", "World."]
    story = Page(("The depot opened on Monday, a week early. " * 12).strip(), PageKind.TEXT,
                 url="http://127.0.0.1:9/story", name="story")  # fmt: skip
    assert read_article(story).blocks
