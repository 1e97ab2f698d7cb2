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


# Chinese, Japanese and Korean scripts, written without spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_CHARS_PER_WORD = 2


def spoken_length(text: str) -> int:
    """Length in words, counting text written without spaces (Chinese, Japanese, Korean) by
    its characters, where counting runs of letters would make a whole sentence one word."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return word_count(text)
    return word_count(_CJK.sub(" ", text)) + cjk // _CJK_CHARS_PER_WORD


# Block-level tags: text directly inside one of these (with its inline children) is one run.
# fmt: off
BLOCK_TAGS = frozenset({
    "p", "div", "td", "th", "li", "dd", "dt", "blockquote", "pre", "section", "article", "main",
    "body", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "figure", "ul",
    "ol", "dl", "table", "tr", "form", "center",
})
# fmt: on
_PROSE_RUN_WORDS = 10


def prose_runs(tree: etree._Element) -> dict[etree._Element, int]:
    """Words of running prose held directly by each block element (not by its block children).

    A run is the text of a block element and of its inline children (links, emphasis) up to
    the next block child; only runs of at least a few words count, so menus, buttons and
    labels do not. This sees the text of pages that set paragraphs as ``<br>``-separated lines
    in a ``<div>``, which counting ``<p>`` elements would miss.
    """
    runs: dict[etree._Element, int] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS:
            continue
        total = 0
        for run in _runs(element):
            count = word_count(run)
            if count >= _PROSE_RUN_WORDS:
                total += count
        if total:
            runs[element] = total
    return runs


def _runs(element: etree._Element) -> list[str]:
    """The stretches of inline text of a block element, split at its block children."""
    runs = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            runs.append(child.tail or "")
        elif isinstance(child.tag, str) and child.tag in INVISIBLE_TAGS:
            runs[-1] += " " + (child.tail or "")
        else:
            runs[-1] += " " + _inline_text(child) + " " + (child.tail or "")
    return runs


def _inline_text(element: etree._Element) -> str:
    if not isinstance(element.tag, str) or element.tag in INVISIBLE_TAGS:
        return ""
    parts = [element.text or ""]
    for child in element:
        parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def class_and_id(element: etree._Element) -> str:
    """Class and id of an element, lower-cased, as one string to match patterns against."""
    attrib = element.attrib
    return f"{attrib.get('class', '')} {attrib.get('id', '')}".lower()


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Class words that hide an element in every common CSS framework.
_HIDDEN_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden", "invisible", "u-hidden"})


def is_hidden(element: etree._Element) -> bool:
    """Hidden from every reader by the markup itself (not by a script or a stylesheet)."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")):
        return True
    return any(name in _HIDDEN_CLASSES for name in element.get("class", "").lower().split())
