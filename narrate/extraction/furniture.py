"""Page furniture: everything on an article page that a narrator must not read aloud.

Two kinds of rule. Structural rules remove whole elements from the tree before the body is
extracted (navigation, forms, figures, share bars, related-article cards, comment threads),
recognised by tag, ARIA role or class/id words. Text rules judge single blocks after
extraction ("Read also: ...", "This audio is created with AI assistance", photo credits,
newsletter and donation appeals), because many sites put such lines in a plain <p>.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction import captions, inline, paywall
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


# ---------------------------------------------------------------------------------------------
# Text rules: one block at a time.

_LINE_RULES = re.compile(
    r"^(?:"
    # audio players and their notes
    r"this (?:audio|article|story) (?:is|was|has been) (?:created|generated|produced|read|narrated)"
    r"|(?:listen|hören|écouter|escuchar|слушать) (?:to )?(?:this|the|den|l'|el)?\s*"
    r"(?:article|story|artikel|article|artículo)"
    r"|audio (?:is |was )?(?:generated|created)|\d+\s*min(?:ute)?s? listen"
    # links to other articles
    r"|read (?:also|more|next|this)|also read|see also|related(?: story| article| coverage)?\s*:"
    r"|recommended(?: reading)?\s*:|more on this|more from|more:|watch:|listen:|click here"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|a lire aussi"
    r"|lee (?:también|más)|leia (?:também|mais)|leggi anche|читайте также|baca juga"
    # appeals: newsletters, subscriptions, donations, following
    r"|sign up (?:for|to)|subscribe (?:to|now|today|for)|get (?:our|the) .{0,40}newsletter"
    r"|enter your email|support (?:our|independent|quality) journalism|donate (?:now|today)"
    r"|become a (?:member|subscriber|supporter|patron)|follow us on|share this (?:article|story)"
    r"|click to share|(?:story|article) continues below|continue reading below|advertisement$"
    r"|scroll to continue|copyright ©|© \d{4}|all rights reserved"
    # print and reprint licences, contact lines closing a story
    r"|this (?:copy|article|material) is for your personal,? non-?commercial use"
    r"|to order (?:presentation-ready|multiple) copies|write to [^.]{1,80}\bat \S+@\S+"
    # captions and credits
    r"|(?:photo|photograph|image|picture|illustration|video|graphic)s?(?: credit)?\s*(?::|by )"
    r"|credit\s*:|(?:getty|reuters|ap|afp|epa|shutterstock) images?\b"
    r")",
    re.IGNORECASE,
)
# Credits that close a caption: "... (Getty Images)", "... Photo: Jane Doe/AP".
_TRAILING_CREDIT = re.compile(
    r"(?:\((?:photo|image|credit)?[^()]{0,40}(?:getty|reuters|afp|ap photo|epa|shutterstock)"
    r"[^()]{0,30}\)|(?:photo|photograph|image)\s*:\s*[^.]{0,60})$",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"\b(?:newsletter|inbox|subscribe|subscription|donate|donation|sign up|unsubscribe)\b",
    re.IGNORECASE,
)
_SHORT_BLOCK = 40
# Labels of page tools that a main-content extractor may keep as a line of their own.
_TOOL_LABELS = frozenset(
    {"print", "print article", "print this article", "order reprints", "reprints", "email"}
    | {"share", "save", "save article", "copy link", "gift this article", "comments"}
)


def is_furniture_text(text: str) -> bool:
    """True for a block that is page furniture by its words alone (short blocks only)."""
    words = word_count(text)
    if words == 0:
        return True
    if words > _SHORT_BLOCK:
        return False
    if _LINE_RULES.match(text) or _TRAILING_CREDIT.search(text) or paywall.is_prompt(text):
        return True
    if " ".join(re.findall(r"\w+", text.lower())) in _TOOL_LABELS:
        return True
    # A short plea to subscribe or donate, even phrased freely.
    return words <= 25 and len(_APPEAL.findall(text)) >= 2
