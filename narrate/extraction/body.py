"""The main content of a page as ordered, narratable blocks.

trafilatura finds the main content (it is the field-tested first opinion, and the only module
that imports it); this module runs it on a tree already stripped of furniture and turns its
XML body into Blocks: headings, paragraphs, list items, block quotes, in reading order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from lxml import etree, html

from narrate.extraction.dom import collapse
from narrate.model import Block, BlockKind

logger = logging.getLogger(__name__)

# trafilatura's XML body: container tags that hold other blocks, and leaf tags that are blocks.
_CONTAINERS = frozenset({"body", "div", "list", "section", "article", "main", "table", "ul", "ol"})
_HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}


def main_content(tree: html.HtmlElement, url: str | None) -> list[Block]:
    """The blocks trafilatura finds in a (pruned) tree; [] when it finds nothing."""
    import trafilatura  # slow to import: only when a page is actually extracted

    document = trafilatura.bare_extraction(
        tree,  # trafilatura works on its own copy
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    return list(blocks_from_xml(body))


def blocks_from_xml(body: etree._Element) -> Iterator[Block]:
    yield from _children(body, quoted=False)


def _children(container: etree._Element, quoted: bool) -> Iterator[Block]:
    """Blocks of a container's children; loose text between them (tails, inline runs) is a
    paragraph of its own, as trafilatura leaves text that was not in a <p> in the tails."""
    loose: list[str] = [container.text or ""]
    for child in container:
        if _is_inline(child):
            loose.extend(_texts(child))
        else:
            yield from _loose(loose, quoted)
            loose = []
            yield from _blocks(child, quoted)
        loose.append(child.tail or "")
    yield from _loose(loose, quoted)


def _loose(parts: list[str], quoted: bool) -> Iterator[Block]:
    text = collapse(" ".join(parts))
    if text:
        yield Block(BlockKind.QUOTE if quoted else BlockKind.PARAGRAPH, text)


def _blocks(element: etree._Element, quoted: bool) -> Iterator[Block]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("quote", "blockquote") and _has_block_children(element):
        yield from _children(element, quoted=True)
        return
    if tag in _CONTAINERS or (tag in ("item", "li", "row", "tr") and _has_block_children(element)):
        yield from _children(element, quoted)
        return
    text = collapse(" ".join(_texts(element)))
    if not text:
        return
    if tag in _HEADINGS:
        yield Block(BlockKind.HEADING, text, level=_heading_level(element))
    elif quoted or tag in ("quote", "blockquote"):
        yield Block(BlockKind.QUOTE, text)
    elif tag in ("item", "li"):
        yield Block(BlockKind.LIST_ITEM, text)
    else:
        yield Block(BlockKind.PARAGRAPH, text)


_INLINE = frozenset({"lb", "br", "hi", "ref", "span", "a", "b", "i", "em", "strong", "del"})


def _is_inline(element: etree._Element) -> bool:
    return not isinstance(element.tag, str) or element.tag in _INLINE


def _has_block_children(element: etree._Element) -> bool:
    return any(not _is_inline(child) for child in element)


def _texts(element: etree._Element) -> Iterator[str]:
    """Text of a leaf block; a line break inside it separates words, it does not glue them."""
    if isinstance(element.tag, str) and element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child)
            if child.tag in ("lb", "br", "cell", "td", "th"):
                yield " "
        if child.tail:
            yield child.tail


def _heading_level(element: etree._Element) -> int:
    rend = element.get("rend", "") if element.tag == "head" else element.tag
    if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return max(2, min(6, int(rend[1])))
    return 2
