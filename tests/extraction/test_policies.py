"""What narrate reads and what it leaves out, one kind of page at a time (pages written here)."""

from __future__ import annotations

from narrate.extraction import extract_text
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
