"""What narrate believes of a page's claims about itself, and text that every output can carry.

- A canonical URL says which address an article goes by, and a feed finds its episodes again by
  it: a page may claim one on its own site only (the same registrable domain), or a page
  elsewhere could take over an existing episode, or steer relative image URLs somewhere else.
- Addresses a page gives (canonical, lead image) are http(s) or relative, never `javascript:`,
  `data:` or `file:`: they end up as links in feed.xml, show notes, ID3 tags and the EPUB.
- A date is one that can be placed in UTC (not `0001-01-01T00:00:00+14:00`, which is before
  the first day a computer date can hold): feeds, tags and the EPUB all write dates in UTC.
- Text holds no character XML 1.0 forbids (C0 controls but tab, newline and carriage return;
  U+FFFE, U+FFFF), no C1 control and no lone surrogate: one such character makes feed.xml not
  well-formed, or an ID3 tag or caption file unwritable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress
import re
from urllib.parse import urlsplit

from narrate.model import Article

_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Second-level labels under which, in a two-letter country domain, names are registered a level
# down (bbc.co.uk, abc.net.au): a small stand-in for the Public Suffix List that covers how news
# sites are named.
_SECOND_LEVEL = {"ac", "co", "com", "edu", "gov", "go", "ne", "net", "or", "org", "gob", "nic"}


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids, C1 controls and lone surrogates."""
    return _UNSAFE_CHARACTERS.sub("", text)


def registrable_domain(host: str) -> str:
    """The part of a host name one owner registers: "news.example.co.uk" -> "example.co.uk".

    An IP address or a one-label name (localhost) is its own domain.
    """
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return host
    labels = host.split(".")
    keep = 2
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        keep = 3
    return ".".join(labels[-keep:])


def web_address(url: str) -> str:
    """`url` if it is an absolute http(s) URL with a valid host and port, else ""."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url.strip()


def same_site(url: str, other: str) -> bool:
    """Both URLs are http(s) on the same registrable domain."""
    hosts = [urlsplit(u).hostname if web_address(u) else None for u in (url, other)]
    return all(hosts) and registrable_domain(hosts[0] or "") == registrable_domain(hosts[1] or "")


def trusted_canonical(canonical: str, fetched: str) -> str:
    """The canonical URL a page declares if narrate trusts it, else "".

    A page read from the web may only name an address on its own site; a saved page or a text
    file the user gave is believed, if its canonical URL is a web address at all.
    """
    canonical = web_address(canonical)
    if not canonical or not fetched or same_site(canonical, fetched):
        return canonical
    return ""


def _image_address(url: str) -> str:
    """An image URL that is http(s) or relative (resolved against the page later), else ""."""
    url = xml_safe(url).strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme in {"http", "https"}:
        return web_address(url)
    return url if scheme == "" else ""


def _placeable(when: dt.datetime | None) -> dt.datetime | None:
    """The date if it converts to UTC and back, else None (unknown)."""
    if when is None or when.tzinfo is None:
        return when
    try:
        when.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return None
    return when


def vet_article(article: Article) -> Article:
    """The article with only the claims narrate trusts and with XML-safe text everywhere."""
    blocks = tuple(
        dataclasses.replace(block, text=xml_safe(block.text)) for block in article.blocks
    )
    return dataclasses.replace(
        article,
        title=xml_safe(article.title),
        blocks=blocks,
        authors=tuple(xml_safe(author) for author in article.authors),
        site_name=xml_safe(article.site_name),
        language=xml_safe(article.language),
        description=xml_safe(article.description),
        canonical_url=trusted_canonical(xml_safe(article.canonical_url), article.url),
        image_url=_image_address(article.image_url),
        published=_placeable(article.published),
        modified=_placeable(article.modified),
    )
