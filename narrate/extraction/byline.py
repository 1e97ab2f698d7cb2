"""Author and date as the page shows them to readers, when its metadata does not say.

Many pages declare neither in JSON-LD nor in <meta>, but print a byline ("By Jane Doe and Sam
Lee") and a <time datetime="..."> under the headline. The intro announces both, so they are
read from there: the byline from elements marked as one (``rel="author"``,
``itemprop="author"``, a byline or author-name class), the date from the first <time> of the
article.
"""

from __future__ import annotations

import re

from lxml import html

from narrate.extraction.dom import class_and_id, text_of

_BYLINE_CLASS = re.compile(r"byline|author-?name|article-?author|post-?author|writer|\bauthor\b")
_BY = re.compile(r"^(?:written |words |story )?(?:by|von|par|por|di|door)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*")
# What follows a name on a byline: a role, a place, a date.
_AFTER_NAME = re.compile(r"\s+(?:[-–—|•·]|\bin\b|\bat\b|\bon\b).*$", re.IGNORECASE)
_PARTICLES = r"(?:van|von|der|den|de|da|di|del|della|la|le|du|bin|ibn|al|el)"
_NAME = re.compile(rf"^[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:{_PARTICLES}\s+)*[A-ZÀ-ÖØ-Þ][\w'’.-]*){{0,4}}$")
# Words of a job title or a notice, never of a name.
_NOT_NAMES = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|journalist|photographer"
    r"|columnist|desk|team|newsroom|published|updated|posted|agency|news|press|wire"
    r"|ma|md|phd|mph|msc|bsc|rn)\b",
    re.IGNORECASE,
)
_MAX_BYLINE_CHARS = 120
_ARTICLE_TAGS = ("article", "main", "header")


def visible_authors(tree: html.HtmlElement) -> tuple[str, ...]:
    """Names from the first byline the page shows, or () when it shows none."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _is_byline(element):
            continue
        names = _names(_byline_text(element))
        if names:
            return names
    return ()


def visible_date(tree: html.HtmlElement) -> str:
    """The machine-readable date of the article's first <time>, or ""."""
    scopes = [el for tag in _ARTICLE_TAGS for el in tree.iter(tag)] or [tree]
    for scope in scopes:
        for time in scope.iter("time"):
            stamp = time.get("datetime") or time.get("content") or ""
            if stamp.strip():
                return stamp.strip()
    return ""


def _is_byline(element: html.HtmlElement) -> bool:
    if element.get("rel", "").lower() == "author":
        return True
    if element.get("itemprop", "").lower() == "author":
        return True
    return element.tag != "meta" and bool(_BYLINE_CLASS.search(class_and_id(element)))


def _byline_text(element: html.HtmlElement) -> str:
    named = [text_of(el) for el in element.iter() if el.get("itemprop", "").lower() == "name"]
    return ", ".join(name for name in named if name) or text_of(element)


def _names(text: str) -> tuple[str, ...]:
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return ()
    text = re.sub(r"\([^()]*\)", " ", _BY.sub("", text.strip()))
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _AFTER_NAME.sub("", _BY.sub("", part.strip())).strip(" .")
        if name.isupper():
            name = name.title()  # "JANE DOE" is a name, not letters to spell
        if _NAME.match(name) and not _NOT_NAMES.search(name) and name not in names:
            names.append(name)
    return tuple(names)
