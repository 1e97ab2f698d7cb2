"""Paywalls: a teaser (a few sentences, then a subscribe box) is not the whole article.

One place for the signs of a paywall, as data: the prompts a paywall shows and the class words
of its box. Only what a reader would see counts. Pages often carry the paywall vendor's markup
on every story, hidden (``display:none``, a ``hide`` class, the ``hidden`` attribute) until the
free allowance runs out: hidden markup is not a paywall, and a short story that is complete is an
article.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction.dom import class_and_id, is_hidden, text_of, word_count

# What a paywall or registration wall says to the reader.
PROMPTS = re.compile(
    r"subscribe (?:now )?to (?:continue|keep|read)|subscribers? only|for subscribers\b"
    r"|exclusive(?:ly)? for (?:subscribers|members)"
    r"|already (?:a subscriber|a member|have an account)"
    r"|(?:log|sign) in to (?:continue|read|keep)|register (?:for free )?to (?:continue|read)"
    r"|to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register)"
    r"|this (?:article|content|story) is (?:for|only available|reserved)"
    r"|to (?:view|read) the (?:full|rest of the|whole) (?:story|article),? (?:please )?subscribe"
    r"|subscribe now (?:to|for) (?:our|the) .{0,40}(?:edition|for the full story)"
    r"|for the full story|unlock (?:this|the full) (?:article|story)"
    r"|you(?:'|’)ve (?:reached|read) (?:your|all your) (?:limit|free articles)"
    r"|first-time subscribers|log in for (?:immediate )?access",
    re.IGNORECASE,
)
# Class/id words of a paywall box or of the part of the story behind it.
_BOX_CLASS = re.compile(r"paywall|piano|subscriber-only|premium-content|regwall|metered|tp-modal")
# A shorter prompt is a badge on a link to another story ("Subscribers only"), not a wall.
_MIN_SHOWN_WORDS = 4
# A teaser this short holds nothing worth narrating, even with a closing note.
MIN_TEASER_WORDS = 40


# Every prompt above holds one of these (lower case): most texts hold none, and a substring
# test is far cheaper than the pattern.
_PROMPT_KEYS = (
    "subscri",
    "member",
    "already",
    "in to ",
    "register",
    "reading",
    "this article is",
    "this content is",
    "this story is",
    "full story",
    "unlock",
    "ve rea",
    "log in for",
)


def is_prompt(text: str) -> bool:
    """A short block that is the paywall talking ("Subscribe to continue reading")."""
    if word_count(text) > 60:
        return False
    return _may_prompt(text.lower()) and PROMPTS.search(text) is not None


def _may_prompt(lowered: str) -> bool:
    return any(key in lowered for key in _PROMPT_KEYS)


def shows_paywall(tree: html.HtmlElement) -> bool:
    """The page, as a reader sees it, shows a paywall box or prompt."""
    for element in tree.iter("div", "section", "aside", "p", "span", "h2", "h3"):
        boxed = bool(_BOX_CLASS.search(class_and_id(element)))
        if not boxed and element.tag in ("div", "section"):
            continue  # prompts are judged in their own short elements, not whole containers
        if not boxed and not _may_prompt(" ".join("".join(element.itertext()).split()).lower()):
            continue  # the quick look first: most elements say nothing of the kind
        text = text_of(element)
        if word_count(text) < _MIN_SHOWN_WORDS or (not boxed and not is_prompt(text)):
            continue
        if boxed and not (is_prompt(text) or _APPEAL.search(text)):
            continue  # an empty or silent vendor container: nothing is shown to the reader
        if not _hidden_here_or_above(element):
            return True
    return False


_APPEAL = re.compile(r"\b(?:subscribe|subscription|sign in|log in|membership)\b", re.IGNORECASE)


def _hidden_here_or_above(element: html.HtmlElement) -> bool:
    return is_hidden(element) or any(is_hidden(above) for above in element.iterancestors())
