"""The main content of a page as ordered, narratable blocks.

trafilatura finds the main content (it is the field-tested first opinion, and the only module
that imports it); this module runs it on a tree already stripped of furniture and turns its
XML body into Blocks: headings, paragraphs, list items, block quotes, in reading order. Each
block keeps how much of its text was link text, the best single sign of a "related story" line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from lxml import etree, html

from narrate.extraction import tables
from narrate.extraction.dom import collapse, word_count
from narrate.model import Block, BlockKind

logger = logging.getLogger(__name__)

# trafilatura's XML body: container tags that hold other blocks, and leaf tags that are blocks.
_CONTAINERS = frozenset({"body", "div", "list", "section", "article", "main", "table", "ul", "ol"})
_HEADINGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE = frozenset({"lb", "br", "hi", "ref", "span", "a", "b", "i", "em", "strong", "del"})
_LINKS = frozenset({"ref", "a"})
_ITEMS = frozenset({"item", "li", "row", "tr"})
_CELLS = frozenset({"cell", "td", "th"})


@dataclass(frozen=True)
class Found:
    """A block as extracted, with the share of its words that were links to the same site.

    Links elsewhere (a shop, a source, a tweet) are part of what the article says; a line that
    is all a link to another page of the same site is a "related story" pointer.
    """

    block: Block
    link_share: float = 0.0
    headline: bool = False
    """The block was an <h1>: on an article page, the headline itself."""


def main_content(tree: html.HtmlElement, url: str | None) -> list[Found]:
    """The blocks trafilatura finds in a (pruned) tree; [] when it finds nothing.

    ``url`` is the page's address (or canonical URL): it tells same-site links from others.
    """
    import trafilatura  # slow to import: only when a page is actually extracted

    document = trafilatura.bare_extraction(
        tree,  # trafilatura works on its own copy
        # No address: trafilatura would resolve "#section" against the site's root, and a
        # heading's link to itself would look like a link to another page. Links are judged
        # here, as written in the page.
        url=None,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=True,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    return list(blocks_from_xml(body, url))


def blocks_from_xml(body: etree._Element, url: str | None = None) -> Iterator[Found]:
    return _Walker(url).children(body, quoted=False)


def blocks_of_element(
    element: html.HtmlElement, url: str | None = None, *, quoted: bool = False
) -> Iterator[Found]:
    """The block that one leaf element of the page itself holds: a heading, a list item or a
    paragraph (a quote inside a quotation), with whatever inline markup inside."""
    tag = element.tag
    walker = _Walker(url)
    if tag in _HEADINGS:
        for item in walker.make(BlockKind.HEADING, [element], level=_heading_level(element)):
            yield replace(item, headline=tag == "h1")
        return
    kind = BlockKind.LIST_ITEM if tag == "li" else BlockKind.PARAGRAPH
    yield from walker.make(BlockKind.QUOTE if quoted else kind, [element])


class _Walker:
    """Turns trafilatura's XML body into Found blocks; knows the page's address for links."""

    def __init__(self, url: str | None) -> None:
        self.host = host_of(url)
        self.page = _without_fragment(url or "")

    def children(self, container: etree._Element, quoted: bool) -> Iterator[Found]:
        """Blocks of a container's children; loose text between them (tails, inline runs) is
        a paragraph of its own, as trafilatura leaves text that was not in a <p> in tails."""
        kind = BlockKind.QUOTE if quoted else BlockKind.PARAGRAPH
        loose: list[etree._Element | str] = [container.text or ""]
        for child in container:
            if _is_inline(child):
                loose.append(child)
            else:
                yield from self.make(kind, loose)
                loose = []
                yield from self.blocks(child, quoted)
            loose.append(child.tail or "")
        yield from self.make(kind, loose)

    def blocks(self, element: etree._Element, quoted: bool) -> Iterator[Found]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("code", "pre") and _is_code_listing(element):
            return  # a listener cannot follow a program read out symbol by symbol
        if tag == "table" and (table := self.table(element)) is not None:
            yield from table
        elif tag in ("quote", "blockquote") and _has_block_children(element):
            yield from self.children(element, quoted=True)
        elif tag in _CONTAINERS or (tag in _ITEMS | _CELLS and _has_block_children(element)):
            yield from self.children(element, quoted)
        elif tag in _HEADINGS:
            headline = (element.get("rend") if tag == "head" else tag) == "h1"
            for item in self.make(BlockKind.HEADING, [element], level=_heading_level(element)):
                yield replace(item, headline=headline)
        elif quoted or tag in ("quote", "blockquote"):
            yield from self.make(BlockKind.QUOTE, [element])
        elif tag in ("item", "li"):
            yield from self.make(BlockKind.LIST_ITEM, [element])
        else:
            yield from self.make(BlockKind.PARAGRAPH, [element])

    def table(self, element: etree._Element) -> list[Found] | None:
        """A data table as the lines ``tables`` decides; None for a table that is text."""
        rows = [row for row in element if row.tag in _ITEMS]
        cells = [[cell for cell in row if cell.tag in _CELLS] for row in rows]
        if not rows or any(_is_layout_cell(cell) for row in cells for cell in row):
            return None  # a layout table holding sections of a page
        texts = [[collapse("".join(self.texts(cell, []))) for cell in row] for row in cells]
        # A caption set as a first row of one cell over the whole table is the table's title.
        titles = []
        while len(texts) > 1 and sum(bool(text) for text in texts[0]) == 1 and len(texts[1]) > 1:
            titles.append(next(text for text in texts.pop(0) if text))
            cells.pop(0)
        header = bool(cells[0]) and all(_is_head(cell) for cell in cells[0])
        found = tables.lines(texts, header)
        if found is None:
            return None
        lines = [Found(Block(BlockKind.PARAGRAPH, title)) for title in titles]
        return lines + [Found(Block(BlockKind.LIST_ITEM, line)) for line in found]

    def make(
        self, kind: BlockKind, parts: list[etree._Element | str], level: int = 0
    ) -> Iterator[Found]:
        """One block from loose text and elements (whose tails are not theirs to include)."""
        texts: list[str] = []
        links: list[str] = []
        for part in parts:
            if isinstance(part, str):
                texts.append(part)
            else:
                texts.extend(self.texts(part, links))
        text = collapse(join_inline(texts))
        words = word_count(text)
        if words:
            share = min(1.0, word_count(" ".join(links)) / words)
            yield Found(Block(kind, text, level=level), share)

    def texts(self, element: etree._Element, links: list[str]) -> Iterator[str]:
        """Text of a leaf block, collecting same-site link text into ``links``; a line break
        inside a block separates words, it does not glue them."""
        inner: list[str] = [element.text] if isinstance(element.tag, str) and element.text else []
        for child in element:
            if isinstance(child.tag, str):
                inner.extend(self.texts(child, links))
                if child.tag in ("lb", "br", "cell", "td", "th", "p"):
                    inner.append(" ")
            if child.tail:
                inner.append(child.tail)
        target = element.get("href" if element.tag == "a" else "target") or ""
        if element.tag in _LINKS and self.same_site(target):
            links.extend(inner)
        return iter(inner)

    def same_site(self, target: str) -> bool:
        """A link to another page of the same site. A link to a place on this very page (a
        heading's permalink, a contents entry, a footnote mark) points to no other story: a
        heading that links to itself is still a heading."""
        if not target or self.in_page(target):
            return False  # an anchor without an address (an index mark) points nowhere
        if target.startswith(("#", "/")) or "://" not in target:
            return True
        if not self.host:
            return True  # the page's address is unknown: every link may be a same-site one
        host = host_of(target)
        return host == self.host or host.endswith("." + self.host)

    def in_page(self, target: str) -> bool:
        address, mark, fragment = target.partition("#")
        if not mark or not fragment.strip("!/"):
            return False  # "#" alone is a script's button ("Load more"), not a place
        return not address or _without_fragment(address) == self.page


# Where two pieces of inline text meet with no space between them, a word or a closing mark
# on the left and a word or an opening mark on the right were two words in the page: the
# main-content extractor trims the space around links and emphasis.
_WORD_END = re.compile(r"(?:[^\W\d_]{2}|[\d.,;:!?)\]\"”’])$")
_WORD_START = re.compile(r"[^\W_]|[(\[“\"‘@#$£€]")
_SPACELESS = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def join_inline(pieces: list[str]) -> str:
    """Inline pieces of one block as a reader sees them: a drop cap ("W" + "hile") and a
    name split by markup ("Nyong" + "'" + "o") stay whole, and a space the extractor trimmed
    between two words ("Archived from" + "the original") is put back. Scripts written
    without spaces (Chinese, Japanese) are joined as they are."""
    text = ""
    for piece in pieces:
        if text and piece and not text[-1].isspace() and not piece[0].isspace():
            spaceless = _SPACELESS.match(text[-1]) or _SPACELESS.match(piece[0])
            if not spaceless and _WORD_END.search(text) and _WORD_START.match(piece):
                # A straight quote mark opens a quotation when it is the odd one so far.
                opening = text.count('"') % 2 == 1
                if not (text.endswith('"') and opening) and not (piece[0] == '"' and opening):
                    text += " "
        text += piece
    return text


def _without_fragment(url: str) -> str:
    return url.partition("#")[0].removeprefix("https:").removeprefix("http:")


# Characters that make up a program's text far more often than prose's.
_CODE_SYMBOLS = frozenset("{}[]()<>;=_/\\|#$*+`~^&%@│─┼┤├└┘┌┐")
_MIN_CODE_SYMBOL_SHARE = 0.06


def _is_code_listing(element: etree._Element) -> bool:
    """A block of preformatted text that is a program, a command or its output: symbols
    make up a good share of it. Preformatted prose (a poem, a letter) is read."""
    text = "".join(element.itertext())
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return True
    symbols = sum(char in _CODE_SYMBOLS for char in visible)
    return symbols >= _MIN_CODE_SYMBOL_SHARE * len(visible)


def host_of(url: str | None) -> str:
    if not url:
        return ""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _has_block_children(element: etree._Element) -> bool:
    return any(not _is_inline(child) for child in element)


def _is_layout_cell(cell: etree._Element) -> bool:
    """A cell holding lists, headings or several paragraphs lays out a page; a data table's
    cell holds a value, or a paragraph of text about its row."""
    blocks = [child for child in cell if not _is_inline(child)]
    return len(blocks) > 1 or any(child.tag != "p" for child in blocks)


def _is_inline(element: etree._Element) -> bool:
    return not isinstance(element.tag, str) or element.tag in _INLINE


def _is_head(cell: etree._Element) -> bool:
    return bool(cell.tag == "th" or cell.get("role") == "head")


def _heading_level(element: etree._Element) -> int:
    rend = element.get("rend", "") if element.tag == "head" else element.tag
    if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return max(2, min(6, int(rend[1])))
    return 2
