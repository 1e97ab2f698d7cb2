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
from narrate.extraction.dom import class_and_id, is_hidden, prose_runs, text_of, word_count

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
    r"|print-?only|inline-?card|story-?card|widget|messenger|sidebar|toolbar|modal|overlay|tooltip"
    r"|ticker|stock-?quote|market-?data|quote-?widget",
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
    paragraph_words, prose = _text_held(tree)
    total_prose = prose.get(tree, 0) or 1
    total_paragraphs = paragraph_words.get(tree, 0) or 1

    def holds_text(elements: list[html.HtmlElement]) -> bool:
        paragraphs = sum(paragraph_words.get(element, 0) for element in elements)
        running = sum(prose.get(element, 0) for element in elements)
        return (
            paragraphs >= _MAX_FURNITURE_SHARE * total_paragraphs
            or running >= _MAX_FURNITURE_SHARE * total_prose
        )

    candidates = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body")
        and _is_furniture(element)
    ]
    # Slides of a gallery article, hidden by a class until shown one by one, and the paragraphs
    # of a metered story, each marked with the paywall's class although all are sent, hold the
    # text together: hidden siblings, and paragraphs, alike in tag and class are judged as one.
    # (Other visible blocks are not: a thread of comments is many small furniture blocks that
    # add up to a lot of text.)
    groups: dict[tuple[object, ...], list[html.HtmlElement]] = {}
    for element in candidates:
        groups.setdefault(_sibling_kind(element), []).append(element)
    doomed = [
        element
        for element in candidates
        if not holds_text([element])
        and not (
            (element.tag == "p" or _hidden_slide(element))
            and holds_text(groups[_sibling_kind(element)])
        )
    ]
    doomed.extend(captions.loose_captions(tree))
    for element in doomed:
        _drop(element)


def _hidden_slide(element: html.HtmlElement) -> bool:
    """Hidden by the markup, or by a class word that says so ("ssr-hide", "js-hidden"): a
    slide that a script shows in its turn."""
    words = _TOKEN_SPLIT.split(element.get("class", "").lower())
    return is_hidden(element) or "hide" in words or "hidden" in words


def _sibling_kind(element: html.HtmlElement) -> tuple[object, ...]:
    """Parent, tag and class words without numbers ("section-12", "slide-3" are alike).
    Paragraphs are alike across the page: a story may be cut into several containers. A
    slide wrapped in a <div> of its own has the wrappers' parent for its parent."""
    words = re.sub(r"\d+", "", element.get("class", "")).split()
    if element.tag == "p":
        return (None, element.tag, tuple(sorted(words)))
    parent = element.getparent()
    while parent is not None and len(parent) == 1 and parent.getparent() is not None:
        parent = parent.getparent()
    return (parent, element.tag, tuple(sorted(words)))


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
    names = _LAYOUT_MODIFIER.sub(" ", _without_own_heading(element, names))
    if _FURNITURE_SUBSTRINGS.search(names):
        return True
    return any(token in _FURNITURE_TOKENS for token in _TOKEN_SPLIT.split(names))


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# "page--with-sidebar", "has-comments", "no-ads": class words that describe the layout around
# an element, not what the element is.
_LAYOUT_MODIFIER = re.compile(r"(?:(?<=\s)|^|--|__|-)(?:has|with|without|no)-[\w-]+")


def _without_own_heading(element: html.HtmlElement, names: str) -> str:
    """Class and id without the slug of the element's own heading: a section called
    "sharing-with-other-developers" after its title is named for what it says, not a share bar.
    A one-word heading ("Related", "Comments") is the box's own label, and names what it is.
    """
    heading = next((child for child in element if child.tag in _HEADINGS), None)
    if heading is None:
        return names
    slug = "-".join(re.findall(r"\w+", text_of(heading).lower()))
    return names.replace(slug, " ") if "-" in slug else names


def _text_held(
    tree: html.HtmlElement,
) -> tuple[dict[html.HtmlElement, int], dict[html.HtmlElement, int]]:
    """Words of <p> text and of running prose inside every element that holds any, each
    count added to the element that holds it and to all its ancestors (a few hundred texts
    times the page's depth, where a sum over every element's children would touch them all)."""
    paragraph_words: dict[html.HtmlElement, int] = {}
    prose: dict[html.HtmlElement, int] = {}
    for paragraph in tree.iter("p"):
        if any(above.tag == "p" for above in paragraph.iterancestors()):
            continue  # a <p> inside a <p> (broken markup) is counted once, in the outer one
        count = word_count("".join(paragraph.itertext()))
        if count:
            _add_up(paragraph_words, paragraph, count)
    for element, count in prose_runs(tree).items():
        _add_up(prose, element, count)
    return paragraph_words, prose


def _add_up(counts: dict[html.HtmlElement, int], element: html.HtmlElement, count: int) -> None:
    counts[element] = counts.get(element, 0) + count
    for above in element.iterancestors():
        counts[above] = counts.get(above, 0) + count


def _drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()
