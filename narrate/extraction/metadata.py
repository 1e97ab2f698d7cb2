"""What a page says about its article: title, authors, dates, site, language, image, links.

Sources, most trusted first: JSON-LD, OpenGraph and other <meta> tags, then the document itself
(<title>, <h1>, <html lang>, <link rel=canonical>).
"""

from __future__ import annotations

import datetime as dt
import html as html_entities
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import html

from narrate.extraction import byline, jsonld
from narrate.extraction.dom import collapse, text_of
from narrate.extraction.pubdates import parse_date

# " | Site", " - Site", " — Site", " :: Site", " · Site", " » Site" at the end of a <title>.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|•)\s+")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    authors: tuple[str, ...] = ()
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    site_name: str = ""
    language: str = ""
    image_url: str = ""
    canonical_url: str = ""
    description: str = ""
    article_body: str = ""
    """The JSON-LD articleBody, whitespace collapsed: a cross-check, never narrated as is."""
    declared_article: bool = False
    """The page calls itself an article (JSON-LD Article type or og:type "article")."""


def read_metadata(tree: html.HtmlElement, url: str | None) -> Metadata:
    ld = jsonld.find_article(tree)
    meta = _meta_tags(tree)
    site_name = meta.get("og:site_name") or _publisher(ld) or meta.get("application-name", "")
    title = _title(tree, ld, meta, site_name)
    return Metadata(
        title=title,
        authors=_authors(ld, meta) or byline.visible_authors(tree),
        published=_date(jsonld.string(ld.get("datePublished")), meta, _PUBLISHED_KEYS)
        or parse_date(byline.visible_date(tree)),
        modified=_date(jsonld.string(ld.get("dateModified")), meta, _MODIFIED_KEYS),
        site_name=plain_text(site_name),
        language=_language(tree, ld, meta),
        image_url=_absolute(url, jsonld.url_of(ld.get("image")) or _first(meta, _IMAGE_KEYS)),
        canonical_url=_absolute(url, _canonical(tree) or meta.get("og:url", "")),
        description=plain_text(jsonld.string(ld.get("description")) or _first(meta, _DESC_KEYS)),
        article_body=plain_text(jsonld.string(ld.get("articleBody"))),
        declared_article=bool(ld) or meta.get("og:type", "").lower() == "article",
    )


_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_IMAGE_KEYS = ("og:image", "og:image:url", "twitter:image", "twitter:image:src")
_DESC_KEYS = ("og:description", "description", "twitter:description", "dc.description")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")


def _meta_tags(tree: html.HtmlElement) -> dict[str, str]:
    """<meta> name/property/itemprop -> content, lower-cased keys, first occurrence wins."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = meta.get("content") or ""
        key = key.strip().lower()
        if key and content.strip() and key not in found:
            found[key] = content.strip()
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[key] for key in keys if meta.get(key)), "")


def _publisher(ld: dict[str, Any]) -> str:
    publisher = jsonld.names(ld.get("publisher"))
    return publisher[0] if publisher else ""


def _title(tree: html.HtmlElement, ld: dict[str, Any], meta: dict[str, str], site: str) -> str:
    """The headline without the " | Site name" a <title> usually carries."""
    h1 = next((text_of(el) for el in tree.iterfind(".//h1") if text_of(el)), "")
    title_el = tree.find(".//title")
    candidates = [
        jsonld.string(ld.get("headline")),
        meta.get("og:title", ""),
        meta.get("twitter:title", ""),
        text_of(title_el) if title_el is not None else "",
    ]
    for candidate in candidates:
        candidate = plain_text(candidate)
        if candidate:
            # The visible headline is often the same words without the site suffix.
            if h1 and h1 != candidate and h1 in candidate:
                return h1
            return strip_site_suffix(candidate, site)
    return h1


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_TAG = re.compile(r"<[a-z/!][^<>]*>", re.IGNORECASE)


def plain_text(value: str) -> str:
    """Page data as the words it means: entities escaped twice by the page ("&#163;71.6m")
    decoded, and HTML tags some sites leave in JSON-LD fields removed."""
    for _ in range(2):  # "&amp;#163;" is escaped twice: once for HTML, once by the site
        if not _ENTITY.search(value):
            break
        value = html_entities.unescape(value)
    if "<" in value:
        value = _TAG.sub(" ", value)
    return collapse(value)


def strip_site_suffix(title: str, site: str) -> str:
    """ "Storm hits coast | Daily Planet" -> "Storm hits coast"; keeps titles with no suffix."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    lead, rest = title[: separators[0].start()], title[separators[0].end() :]
    site_key = _key(site)
    if site_key:
        if _same_site(tail, site_key):
            return head
        # Some sites put their name first: "Daily Planet | Storm hits coast".
        return rest if _same_site(lead, site_key) else title
    # Unknown site name: a short last part after a longer headline is a site name.
    if len(tail.split()) <= 3 and len(head.split()) >= 3:
        return head
    return title


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _same_site(part: str, site_key: str) -> bool:
    key = _key(part)
    return bool(key) and (key in site_key or site_key in key)


def _authors(ld: dict[str, Any], meta: dict[str, str]) -> tuple[str, ...]:
    found = jsonld.names(ld.get("author")) or jsonld.names(ld.get("creator"))
    if not found:
        raw = _first(meta, _AUTHOR_KEYS)
        found = re.split(r",|\band\b|;", raw) if raw and "://" not in raw else []
    authors: list[str] = []
    for name in found:
        name = plain_text(re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE))
        if name and "://" not in name and name not in authors:
            authors.append(name)
    return tuple(authors)


def _date(value: str, meta: dict[str, str], keys: tuple[str, ...]) -> dt.datetime | None:
    for raw in (value, _first(meta, keys)):
        parsed = parse_date(raw)
        if parsed is not None:
            return parsed
    return None


def _language(tree: html.HtmlElement, ld: dict[str, Any], meta: dict[str, str]) -> str:
    raw = (
        tree.get("lang")
        or tree.get("xml:lang")
        or jsonld.string(ld.get("inLanguage"))
        or meta.get("og:locale", "")
        or meta.get("content-language", "")
        or meta.get("language", "")
    )
    for http_equiv in tree.iterfind(".//meta[@http-equiv]"):
        if not raw and http_equiv.get("http-equiv", "").lower() == "content-language":
            raw = http_equiv.get("content", "")
    return normalize_language(raw)


def normalize_language(raw: str) -> str:
    """ "en_us" -> "en-US", "EN" -> "en"; "" for anything that is not a language tag."""
    raw = raw.strip().split(",")[0].replace("_", "-")
    match = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?", raw)
    if match is None:
        return ""
    lang, region = match.group(1).lower(), match.group(2)
    if region is None:
        return lang
    return f"{lang}-{region.upper() if len(region) == 2 else region.title()}"


def _canonical(tree: html.HtmlElement) -> str:
    for link in tree.iterfind(".//link[@rel]"):
        href = str(link.get("href") or "")
        if link.get("rel", "").lower() == "canonical" and href:
            return href.strip()
    return ""


def _absolute(base: str | None, link: str) -> str:
    if not link:
        return ""
    return urljoin(base, link) if base else link
