"""Crossheads dressed as plain <div>s, made into headings before the body is extracted.

Some sites set the sub-headings inside a story ("Who pays the cost?", "Our ruling") as a short
<div> between two paragraphs rather than as <h2>/<h3>. A main-content extractor keeps the
paragraphs and drops the lone div, so the story loses its section titles. A short leaf div
sitting between two prose paragraphs is part of the story: it becomes an <h3>.
"""

from __future__ import annotations

from lxml import html

from narrate.extraction.dom import text_of, word_count

_MAX_HEADING_WORDS = 25
_MIN_NEIGHBOUR_WORDS = 8
_INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "br", "sup", "sub", "small"})


def promote(tree: html.HtmlElement) -> None:
    """Rename short leaf <div>s between two prose paragraphs to <h3>, in place."""
    found = [div for div in tree.iter("div") if _is_crosshead(div)]
    for div in found:
        div.tag = "h3"


def _is_crosshead(div: html.HtmlElement) -> bool:
    if any(isinstance(child.tag, str) and child.tag not in _INLINE for child in div):
        return False
    words = word_count(text_of(div))
    if not 1 <= words <= _MAX_HEADING_WORDS:
        return False
    return _is_prose(div.getprevious()) and _is_prose(div.getnext())


def _is_prose(element: html.HtmlElement | None) -> bool:
    return (
        element is not None
        and element.tag == "p"
        and word_count(text_of(element)) >= _MIN_NEIGHBOUR_WORDS
    )
