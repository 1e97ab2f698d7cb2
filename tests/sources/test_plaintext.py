from __future__ import annotations

from narrate.model import BlockKind
from narrate.sources.plaintext import article_from_text

MARKDOWN = """# Notes on the *budget*

The city will spend **$4.5 million** on [new trams](https://example.org/trams).
This line continues the same paragraph.

## What changes

- Fares stay the same
- Night trams run
  until 1 a.m.

> "A quote from the mayor."

Closing paragraph.
"""


def test_markdown_structure_and_inline_marks() -> None:
    article = article_from_text(MARKDOWN, "notes.md")
    assert article.title == "Notes on the budget"
    kinds = [block.kind for block in article.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]
    assert article.blocks[0].text == (
        "The city will spend $4.5 million on new trams. This line continues the same paragraph."
    )
    assert article.blocks[1].level == 2
    assert article.blocks[3].text == "Night trams run until 1 a.m."
    assert article.blocks[4].text == '"A quote from the mayor."'


def test_plain_text_title_is_a_short_first_line_without_a_full_stop() -> None:
    article = article_from_text("A short title\n\nFirst paragraph.\r\n\r\nSecond one.", "x.txt")
    assert article.title == "A short title"
    assert [b.text for b in article.blocks] == ["First paragraph.", "Second one."]


def test_title_falls_back_to_the_file_name() -> None:
    article = article_from_text("Just one sentence here.\n\nAnd another.", "my_notes-2025.txt")
    assert article.title == "my notes 2025"
    assert len(article.blocks) == 2
    assert article_from_text("Only text.", "standard input").title == ""
