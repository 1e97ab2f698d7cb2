"""Reading a site's RSS or Atom feed, safely: which articles it lists, newest first.

Parsed with lxml (already a dependency, so no new one) and a hardened parser: no entity
substitution, no DTD loading, no network, no huge trees; and any document that declares
entities is refused outright, as defusedxml does, which shuts out billion-laughs and external
entity (XXE) tricks whatever the parser's defaults. Bytes are capped before parsing.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from narrate.errors import SourceError
from narrate.settings import FetchOptions
from narrate.sources import fetch as fetching
from narrate.sources.fetch import is_url

MAX_FEED_BYTES = 5 * 1024 * 1024
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass(frozen=True)
class Item:
    """One entry of an input feed: where its article is, and the date the feed gives it."""

    url: str
    title: str = ""
    published: dt.datetime | None = None


def read_feed(source: str, options: FetchOptions | None = None) -> list[Item]:
    """The items of an RSS 2.0, RSS 1.0 or Atom feed at a URL or path, in document order."""
    options = replace(options or FetchOptions(), max_bytes=MAX_FEED_BYTES)
    data = fetch_bytes(source, options) if is_url(source) else _read_file(Path(source))
    return parse_feed(data, base=source if is_url(source) else "")


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FEED_BYTES + 1)
    except OSError as error:
        raise SourceError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_FEED_BYTES:
        raise SourceError(f"{path}: feed too large (over {MAX_FEED_BYTES:,} bytes)")
    return data


def fetch_bytes(url: str, options: FetchOptions) -> bytes:
    """The body of a feed URL, with fetch's limits, retries and revalidation."""
    return fetching.get(url, options, accept=_FEED_ACCEPT).body


_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_pis=True)  # fmt: skip


def parse_feed(data: bytes, base: str = "") -> list[Item]:
    """Items of a feed document; SourceError when it is not a safe, well-formed feed."""
    if len(data) > MAX_FEED_BYTES:
        raise SourceError(f"feed too large (over {MAX_FEED_BYTES:,} bytes)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise SourceError(f"{base or 'the feed'} is not well-formed XML ({error})") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SourceError(f"{base or 'the feed'} declares XML entities; refused for safety")
    if root.tag == f"{_ATOM}feed":
        items = [_atom_entry(entry, base) for entry in root.iter(f"{_ATOM}entry")]
    elif root.tag == "rss" or root.tag.endswith("RDF"):
        entries = [*root.iter("item"), *root.iter(f"{_RSS1}item")]
        items = [_rss_item(entry, base) for entry in entries]
    else:
        raise SourceError(f"{base or 'the feed'} is not an RSS or Atom feed (root <{root.tag}>)")
    return [item for item in items if item is not None]


def _text(element: etree._Element, *paths: str) -> str:
    for path in paths:
        found = element.find(path)
        if found is not None and (found.text or "").strip():
            return " ".join(found.text.split())
    return ""


def _absolute(url: str, base: str) -> str | None:
    url = urljoin(base, url.strip()) if base else url.strip()
    return url if urlsplit(url).scheme in {"http", "https"} else None


def _rss_item(entry: etree._Element, base: str) -> Item | None:
    link = _text(entry, "link", f"{_RSS1}link")
    guid = entry.find("guid")
    if not link and guid is not None and guid.get("isPermaLink", "true") == "true":
        link = (guid.text or "").strip()
    url = _absolute(link, base)
    if url is None:
        return None
    when = _date(_text(entry, "pubDate", _DC_DATE))
    return Item(url, _text(entry, "title", f"{_RSS1}title"), when)


def _atom_entry(entry: etree._Element, base: str) -> Item | None:
    links = entry.findall(f"{_ATOM}link")
    chosen = next((x for x in links if x.get("rel", "alternate") == "alternate"), None)
    url = _absolute(chosen.get("href", ""), base) if chosen is not None else None
    if url is None:
        return None
    when = _date(_text(entry, f"{_ATOM}published", f"{_ATOM}updated"))
    return Item(url, _text(entry, f"{_ATOM}title"), when)


def _date(text: str) -> dt.datetime | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core); None when absent or unreadable."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
