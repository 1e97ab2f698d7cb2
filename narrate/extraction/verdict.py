"""Is this page an article worth narrating? A listener cannot see junk coming, so we say no
clearly: home pages and link lists, error pages, and paywall or registration teasers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import html

from narrate.extraction import paywall
from narrate.extraction.dom import INVISIBLE_TAGS, collapse, spoken_length
from narrate.extraction.metadata import Metadata

_FORCE = "use --force to narrate it anyway"
_ERROR_TITLE = re.compile(
    r"\b(?:404|410|page not found|not found|no longer available|does not exist|error"
    r"|seite nicht gefunden|page introuvable|página no encontrada)\b",
    re.IGNORECASE,
)
# Below this many words, a page that does not call itself an article is not one.
_MIN_UNDECLARED_WORDS = 60
_MIN_WORDS = 25


@dataclass(frozen=True)
class PageStats:
    """What the whole page looks like, measured before any furniture is removed."""

    words: int
    link_words: int
    paywall_shown: bool
    """A reader sees a paywall box or prompt somewhere on the page."""


def measure(tree: html.HtmlElement) -> PageStats:
    body = tree.find("body")
    root = body if body is not None else tree
    # Every piece is counted in one pass over one joined text: counting piece by piece costs
    # a call for each of the page's thousands of text nodes.
    pieces: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.tag not in INVISIBLE_TAGS:
            pieces.append(element.text)
        if element.tail:
            pieces.append(element.tail)
    words = spoken_length(" ".join(pieces))
    link_words = spoken_length(" ".join(" ".join(a.itertext()) for a in root.iter("a")))
    shown = paywall.shows_paywall(root)
    return PageStats(words=words, link_words=link_words, paywall_shown=shown)


# A body this long is the article even on a page that shows a paywall box somewhere.
_MAX_TEASER_WORDS = 250


def is_teaser(body: str, stats: PageStats) -> bool:
    """Only the start of the article is readable: the page shows a paywall after a short body."""
    return stats.paywall_shown and spoken_length(body) < _MAX_TEASER_WORDS


def check(body: str, meta: Metadata, stats: PageStats, url: str | None) -> None:
    """Raise ExtractionError, saying what the page is, unless it holds an article."""
    from narrate.errors import ExtractionError

    words = spoken_length(body)
    if words == 0:
        raise ExtractionError(f"{_name(meta)} holds no article text to narrate ({_FORCE})")
    if words < 150 and _ERROR_TITLE.search(meta.title):
        raise ExtractionError(f"{_name(meta)} looks like an error page, not an article ({_FORCE})")
    promised = spoken_length(meta.article_body)
    if (promised >= 150 and words < 0.5 * promised) or (
        is_teaser(body, stats) and words < paywall.MIN_TEASER_WORDS
    ):
        raise ExtractionError(
            f"{_name(meta)} looks like a paywall or registration teaser: only {words} words of "
            f"the article are readable (log in or save the page from your browser, or {_FORCE})"
        )
    link_share = stats.link_words / stats.words if stats.words else 0.0
    front_page = _is_front_page(url, meta) and not meta.declared_article
    if front_page and not _one_message(words, link_share, stats):
        raise ExtractionError(f"{_name(meta)} looks like a home page, not an article ({_FORCE})")
    if not meta.declared_article and link_share > 0.5 and words < 0.25 * stats.words:
        raise ExtractionError(
            f"{_name(meta)} looks like a list of links, not an article ({_FORCE})"
        )
    # A page that calls itself an article may be short; one that does not needs more text.
    least = _MIN_WORDS if meta.declared_article else _MIN_UNDECLARED_WORDS
    if words < least:
        raise ExtractionError(
            f"{_name(meta)} has only {words} words of text, too few for an article ({_FORCE})"
        )


def check_plain_text(text: str, name: str) -> None:
    """The verdict for a plain-text reply from the web, which says nothing about itself: it
    needs the text a page that does not call itself an article needs."""
    from narrate.errors import ExtractionError

    words = spoken_length(text)
    if words < _MIN_UNDECLARED_WORDS:
        raise ExtractionError(
            f"{name} has only {words} words of text, too few for an article ({_FORCE})"
        )


# A front page that is one text (a notice, a site's farewell, a one-post blog): most of the
# page's words are the body, and few are links to other pages.
_MIN_MESSAGE_WORDS = 120
_MIN_MESSAGE_SHARE = 0.7
_MAX_MESSAGE_LINK_SHARE = 0.15


def _one_message(words: int, link_share: float, stats: PageStats) -> bool:
    return (
        words >= _MIN_MESSAGE_WORDS
        and words >= _MIN_MESSAGE_SHARE * stats.words
        and link_share <= _MAX_MESSAGE_LINK_SHARE
    )


def _is_front_page(url: str | None, meta: Metadata) -> bool:
    address = meta.canonical_url or url or ""
    return bool(address) and urlsplit(address).path.strip("/") == ""


def _name(meta: Metadata) -> str:
    title = collapse(meta.title)
    return f'the page "{title}"' if title else "the page"
