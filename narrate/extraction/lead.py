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
from narrate.extraction.crosscheck import shingles
from narrate.extraction.dom import text_of, word_count, words
from narrate.model import Block, BlockKind

_MIN_LEAD_WORDS = 12
_MAX_LINK_SHARE = 0.3
# Only this close to the headline: further away, a paragraph is more likely a teaser.
_MAX_LEAD_PARAGRAPHS = 2


def recover_lead(tree: html.HtmlElement, blocks: list[Block], title: str) -> list[Block]:
    if not blocks or not title:
        return blocks
    opening = {_key(block.text) for block in blocks[:5]}
    read = {_key(block.text) for block in blocks}
    found: list[Block] = []
    after_title = False
    for element in tree.iter("h1", "p"):
        text = text_of(element)
        if element.tag == "h1":
            after_title = after_title or same_words(text, title)
            continue
        if not after_title:
            continue
        key = _key(text)
        if key in opening:
            break
        if key in read:
            continue  # the body reads it further down: once is enough
        if _is_lead(element, text):
            if _already_read(text, blocks[:5]):
                break  # the opening, with a word or two more ("said" + a link's hidden label)
            found.append(Block(BlockKind.PARAGRAPH, text))
    if len(found) > _MAX_LEAD_PARAGRAPHS:
        return blocks
    return found + blocks


def _key(text: str) -> tuple[str, ...]:
    """The words of a text, for comparing two texts as ``same_words`` does."""
    return tuple(word.lower() for word in words(text))


def _is_lead(element: html.HtmlElement, text: str) -> bool:
    words = word_count(text)
    if words < _MIN_LEAD_WORDS or is_furniture_text(text):
        return False
    link_words = sum(word_count(text_of(a)) for a in element.iter("a"))
    return link_words <= _MAX_LINK_SHARE * words


_STANDFIRST_TAGS = ("h1", "h2", "h3", "h4", "p", "div", "span")
_TRUNCATED = ("…", "...")


def recover_standfirst(
    tree: html.HtmlElement, blocks: list[Block], description: str
) -> list[Block]:
    """The standfirst is read, once: when the page shows its own description as a line of
    its own after the headline (an <h2>, a lead <p> in the header, an intro <div>) and the
    body does not hold it yet, it opens the body."""
    if not blocks or word_count(description) < _MIN_LEAD_WORDS:
        return blocks
    if any(_shows(block.text, description) for block in blocks[: _MAX_LEAD_PARAGRAPHS + 3]):
        return blocks
    after_headline = False
    first = _key(blocks[0].text)
    for element in tree.iter(*_STANDFIRST_TAGS):
        if element.tag == "h1":
            after_headline = True
            continue
        if not after_headline:
            continue
        text = text_of(element)
        if not text:
            continue
        if _key(text) == first:
            break  # the story starts here: a summary further down is not a standfirst
        if not _shows(text, description):
            continue
        # The innermost element that shows it: not its box with a date or a name beside it.
        inner = (text_of(e) for e in element.iterdescendants(*_STANDFIRST_TAGS))
        text = min((t for t in inner if _shows(t, description)), key=len, default=text)
        if _already_read(text, blocks):
            return blocks
        if not is_furniture_text(text):
            return [Block(BlockKind.PARAGRAPH, text), *blocks]
    return blocks


# A standfirst whose word runs are mostly in the opening blocks is the story's own opening.
_MAX_READ_SHARE = 0.5


def _already_read(text: str, blocks: list[Block]) -> bool:
    own = shingles(text)
    read = set().union(*(shingles(block.text) for block in blocks))
    return len(own & read) >= _MAX_READ_SHARE * len(own)


def _shows(text: str, description: str) -> bool:
    """``text`` is the description, or the whole of what a cut-short description began."""
    if same_words(text, description):
        return True
    if not description.endswith(_TRUNCATED):
        return False
    cut = [w.lower() for w in words(description)][:-1]  # the last word may be cut in half
    said = [w.lower() for w in words(text)]
    # A paragraph a little longer than what was cut from it; not a container of the whole story.
    return len(cut) >= _MIN_LEAD_WORDS and len(said) <= 2 * len(cut) and said[: len(cut)] == cut
