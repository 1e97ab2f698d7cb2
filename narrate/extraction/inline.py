"""Elements inside a running sentence: words of the sentence, or a pop-up spliced into it.

A link or a highlighted name inside a paragraph is text, whatever its class says: a "tag" link
on an actor's name is still the actor's name, and dropping it leaves "how actress came to
co-write". What must go is different in kind: a hover card or pop-up of other headlines that a
page nests inside the paragraph, which a browser shows only on demand and which carries blocks,
images or a class saying what it is.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction.dom import BLOCK_TAGS, class_and_id

# Tags that are a phrase of the sentence around them.
_PHRASE_TAGS = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "abbr", "mark", "time", "cite", "q", "small"}
    | {"sup", "sub", "font", "code", "ins", "dfn", "var", "bdi", "data"}
)
# Class/id words of an element shown on demand over the text.
_POPUP = re.compile(r"hover|pop-?up|popover|flyout|tooltip|(?<!s)card|preview|dropdown")


def in_sentence(element: html.HtmlElement) -> bool:
    """A phrase element with running text right before or after it in the same parent."""
    if element.tag not in _PHRASE_TAGS or element.getparent() is None:
        return False
    previous = element.getprevious()
    parent = element.getparent()
    before = (previous.tail if previous is not None else parent.text) or ""
    return bool(before.strip() or (element.tail or "").strip())


def is_popup(element: html.HtmlElement) -> bool:
    """An on-demand card inside a sentence: holding blocks or images, or named as a card and
    built of parts. A bare word named "popup" is the trigger that opens one: a word of the
    sentence."""
    inner = [child for child in element.iterdescendants() if isinstance(child.tag, str)]
    if any(child.tag in BLOCK_TAGS or child.tag == "img" for child in inner):
        return True
    return bool(inner) and bool(_POPUP.search(class_and_id(element)))
