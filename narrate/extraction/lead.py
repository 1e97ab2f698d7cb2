"""Recovering a lead paragraph that the main-content extractor left out.

News pages often put the lead (standfirst, "lede") next to the headline, outside the container
that holds the rest of the story, so an extractor that picks one container misses it. A
listener would never notice the gap, so we look for it: long, link-free paragraphs that sit
between the headline and the first extracted block are the article's opening.
"""

from __future__ import annotations

from lxml import html

from narrate.extraction.boilerplate import is_furniture_text
from narrate.extraction.cleanup import same_words
from narrate.extraction.dom import text_of, word_count
from narrate.model import Block, BlockKind

_MIN_LEAD_WORDS = 12
_MAX_LINK_SHARE = 0.3
# Only this close to the headline: further away, a paragraph is more likely a teaser.
_MAX_LEAD_PARAGRAPHS = 2


def recover_lead(tree: html.HtmlElement, blocks: list[Block], title: str) -> list[Block]:
    if not blocks or not title:
        return blocks
    first = blocks[0].text
    found: list[Block] = []
    after_title = False
    for element in tree.iter("h1", "p"):
        text = text_of(element)
        if element.tag == "h1":
            after_title = after_title or same_words(text, title)
            continue
        if not after_title:
            continue
        if same_words(text, first) or any(same_words(text, b.text) for b in blocks[:5]):
            break
        if _is_lead(element, text):
            found.append(Block(BlockKind.PARAGRAPH, text))
    if len(found) > _MAX_LEAD_PARAGRAPHS:
        return blocks
    return found + blocks


def _is_lead(element: html.HtmlElement, text: str) -> bool:
    words = word_count(text)
    if words < _MIN_LEAD_WORDS or is_furniture_text(text):
        return False
    link_words = sum(word_count(text_of(a)) for a in element.iter("a"))
    return link_words <= _MAX_LINK_SHARE * words
