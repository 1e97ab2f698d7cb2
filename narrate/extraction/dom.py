"""Parsing a page into an lxml tree, and the small text helpers every stage shares."""

from __future__ import annotations

import re

from lxml import etree, html

_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WORD = re.compile(r"\w+")

# Comments and processing instructions are dropped at parse time: left in the tree they split
# text nodes, and extractors then lose the text around them.
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)

# Tags whose text is never part of what a reader sees.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object")


def parse_html(markup: str) -> html.HtmlElement | None:
    """The page as an lxml tree, or None when there is no document at all.

    lxml refuses a str that still carries an XML encoding declaration, and the page is already
    decoded, so the declaration is dropped rather than trusted.
    """
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    try:
        return html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def collapse(text: str) -> str:
    """Whitespace runs (newlines, tabs, no-break spaces) to one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def text_of(element: etree._Element) -> str:
    """The visible text of an element, whitespace collapsed.

    Pieces are joined without spaces, as a browser renders them: a drop cap in its own <span>
    ("<span>W</span>hile") is part of the word.
    """
    return collapse("".join(element.itertext()))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def class_and_id(element: etree._Element) -> str:
    """Class and id of an element, lower-cased, as one string to match patterns against."""
    attrib = element.attrib
    return f"{attrib.get('class', '')} {attrib.get('id', '')}".lower()
