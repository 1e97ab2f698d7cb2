"""Reading the schema.org Article a page declares in JSON-LD.

News sites describe their article for search engines; when present, it is the most reliable
source of metadata and, through ``articleBody``, a cross-check of the extracted body.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from lxml import html

logger = logging.getLogger(__name__)

# schema.org types that describe one article (NewsArticle, BlogPosting, ReportageNewsArticle, ...).
_ARTICLE_SUFFIXES = ("article", "posting", "report")


def find_article(tree: html.HtmlElement) -> dict[str, Any]:
    """The page's JSON-LD Article object, or {} when it declares none."""
    best: dict[str, Any] = {}
    for node in _objects(tree):
        if _is_article(node) and (not best or len(node) > len(best)):
            best = node
    return best


def of_type(tree: html.HtmlElement, name: str) -> list[dict[str, Any]]:
    """Every JSON-LD object of the schema.org type ``name`` ("ClaimReview", ...)."""
    found = []
    for node in _objects(tree):
        types = node.get("@type", "")
        if name in (types if isinstance(types, list) else [types]):
            found.append(node)
    return found


def _objects(tree: html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in script.get("type", "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than any article
            logger.debug("unreadable JSON-LD block skipped")
            continue
        yield from _flatten(data)


_MAX_DEPTH = 32
"""Lists and @graphs nested deeper than this hold no article a page means to declare."""


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document: top level, lists and @graph members."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict):
            yield from _flatten(main, depth + 1)


def _is_article(node: dict[str, Any]) -> bool:
    types = node.get("@type", "")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(name, str) and name.lower().endswith(_ARTICLE_SUFFIXES) for name in names)


def names(value: Any) -> list[str]:
    """Person or organisation names from a string, an object with "name", or a list of them."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return names(value.get("name", ""))
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    return []


def url_of(value: Any) -> str:
    """A URL from a string, an ImageObject-like {"url": ...} or the first of a list."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return url_of(value.get("url") or value.get("@id") or "")
    if isinstance(value, list) and value:
        return url_of(value[0])
    return ""


def string(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value:
        return string(value[0])
    return ""
