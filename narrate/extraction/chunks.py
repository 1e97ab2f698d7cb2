"""Rejoining an article that the page splits into several containers.

Some sites cut a long article into "chunks", one container per stretch of text, with ads or
inline boxes between them. A main-content extractor picks one container and the rest of the
story is silently lost. The chunks share a tag and class, so once we know which container our
paragraphs came from, its twins elsewhere in the page hold the rest, in document order.
"""

from __future__ import annotations

from collections import Counter

from lxml import html

from narrate.extraction.body import Found, blocks_from_xml
from narrate.extraction.dom import text_of, word_count, words

# Twins must add at least this much prose to be worth rebuilding the body from them.
_MIN_GAIN = 0.2
_MIN_PROSE_WORDS = 12


def rejoin(tree: html.HtmlElement, found: list[Found], url: str | None) -> list[Found]:
    container = _home(tree, found)
    if container is None:
        return found
    signature = (container.tag, container.get("class"))
    twins = [el for el in tree.iter(container.tag) if (el.tag, el.get("class")) == signature]
    # Chunks before ours are rarely story (a summary box, "key points"): keep the ones after.
    twins = twins[twins.index(container) :]
    if len(twins) < 2 or any(_nested(twin, twins) for twin in twins):
        return found
    ours = {item.block.text for item in found}
    extra = sum(
        word_count(text)
        for twin in twins
        for text in map(text_of, twin.iter("p"))
        if text not in ours and word_count(text) >= _MIN_PROSE_WORDS
    )
    total = sum(word_count(item.block.text) for item in found)
    if extra < _MIN_GAIN * total:
        return found
    rebuilt = [item for twin in twins for item in blocks_from_xml(twin, url)]
    # The twins must hold all of the story found so far (word for word, whatever the spacing):
    # a rebuild that loses some of it has taken containers that merely share a layout class
    # ("text-left") for chunks of the story.
    have = {_key(item.block.text) for item in rebuilt}
    if any(_key(text) not in have for text in ours if word_count(text) >= _MIN_PROSE_WORDS):
        return found
    return rebuilt


def _key(text: str) -> str:
    return " ".join(word.lower() for word in words(text))


def _home(tree: html.HtmlElement, found: list[Found]) -> html.HtmlElement | None:
    """The element holding most of our paragraphs, when they share one and it has a class."""
    texts = {item.block.text for item in found if word_count(item.block.text) >= _MIN_PROSE_WORDS}
    if len(texts) < 2:
        return None
    parents: Counter[html.HtmlElement] = Counter()
    for paragraph in tree.iter("p"):
        if text_of(paragraph) in texts:
            parent = paragraph.getparent()
            if parent is not None:
                parents[parent] += 1
    if not parents:
        return None
    home, count = parents.most_common(1)[0]
    if count < 2 or not home.get("class") or home.tag in ("body", "html"):
        return None
    return home


def _nested(element: html.HtmlElement, others: list[html.HtmlElement]) -> bool:
    return any(ancestor in others for ancestor in element.iterancestors())
