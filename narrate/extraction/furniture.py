"""Page furniture: the elements of an article page that a narrator must not read aloud.

Structural rules remove whole elements from the tree before the body is extracted
(navigation, forms, figures, share bars, related-article cards, comment threads), recognised
by tag, ARIA role or class/id words. Lines of furniture set in a plain <p> are judged one
block at a time after extraction, by ``boilerplate``.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction import captions, inline
from narrate.extraction.dom import class_and_id, prose_runs, text_of, word_count

# Never part of the narrated body, whatever their class says.
_DROP_TAGS = frozenset(
    {
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "label",
        "audio",
        "video",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "dialog",
        "figcaption",
        "menu",
        "script",
        "style",
        "noscript",
        "template",
    }
)
_DROP_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "complementary",
        "contentinfo",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "tablist",
    }
)
# Class/id words that name furniture anywhere inside a token ("relatedArticles", "nl-signup").
_FURNITURE_SUBSTRINGS = re.compile(
    r"newsletter|subscri|signup|sign-up|related|recommend|comment|disqus|cookie|consent|gdpr"
    r"|breadcrumb|outbrain|taboola|popular|trending|most-read|mostread|sharing|social|share-"
    r"|sharebar|sharetools|advert|sponsor|promo|paywall|(?:audio|video|media|podcast)-?player|caption"
    r"|credit|author-?bio|author-?box|about-?the-?author|authorinfo|author-info|read-?more"
    r"|readalso|read-also|more-?stories|more-?from|further-?reading|donat|sr-only|screen-?reader"
    r"|visually-?hidden|skip-?link|tag-?list|taglist|post-?tags|article-?tags|jump-?link"
    r"|print-?only|inline-?card|story-?card|widget|messenger|sidebar|toolbar|modal|overlay|tooltip",
)
# Short, ambiguous words that count only as a whole class token ("ad", "tags", "share").
_FURNITURE_TOKENS = frozenset(
    {
        "ad",
        "ads",
        "share",
        "shares",
        "tags",
        "tag",
        "menu",
        "nav",
        "navbar",
        "byline",
        "bio",
        "rrssb",
        "hidden",
        "hide",
        "noprint",
        "meta",
        "metadata",
    }
)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")

# A candidate holding this share of the page's running prose is the article, not furniture.
_MAX_FURNITURE_SHARE = 0.3


def prune(tree: html.HtmlElement) -> None:
    """Remove furniture elements from the tree, in place.

    A class-name rule never removes the block that holds the page's text: a blog engine may
    call the post's own container a "widget", and a page may set its text without any <p>.
    """
    runs = prose_runs(tree)
    total_prose = sum(runs.values()) or 1
    total_paragraphs = _paragraph_words(tree) or 1
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        if not _is_furniture(element):
            continue
        holds_text = (
            _paragraph_words(element) >= _MAX_FURNITURE_SHARE * total_paragraphs
            or _prose(element, runs) >= _MAX_FURNITURE_SHARE * total_prose
        )
        if not holds_text:
            doomed.append(element)
    doomed.extend(captions.loose_captions(tree))
    for element in doomed:
        _drop(element)


def _is_furniture(element: html.HtmlElement) -> bool:
    tag = element.tag
    if tag in _DROP_TAGS:
        return True
    if tag == "figure":
        # A figure wrapping a quote (a pull quote, a quoted post) is text; an image is not.
        return element.find(".//blockquote") is None
    if element.get("role", "").lower() in _DROP_ROLES or element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true" and tag not in ("span", "i", "em", "b", "strong"):
        return True
    if tag in ("article", "main") and not element.get("class"):
        return False
    if inline.in_sentence(element):
        return inline.is_popup(element)
    names = class_and_id(element)
    if not names.strip():
        return False
    if _FURNITURE_SUBSTRINGS.search(names):
        return True
    return any(token in _FURNITURE_TOKENS for token in _TOKEN_SPLIT.split(names))


def _paragraph_words(element: html.HtmlElement) -> int:
    return sum(word_count(text_of(p)) for p in element.iter("p"))


def _prose(element: html.HtmlElement, runs: dict[html.HtmlElement, int]) -> int:
    return sum(runs.get(inner, 0) for inner in element.iter())


def _drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()
