"""The article's lead image as cover art: fetched with the page's limits, kept only when it
is a JPEG or PNG of a sensible size. A missing cover never stops a narration."""

from __future__ import annotations

import logging
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from narrate.errors import NarrateError
from narrate.model import Article, Cover
from narrate.settings import FetchOptions
from narrate.sources.fetch import get

log = logging.getLogger(__name__)

MAX_COVER_BYTES = 5 * 1024 * 1024
_IMAGE_ACCEPT = "image/jpeg,image/png;q=0.9"


def sniff(data: bytes) -> str | None:
    """The MIME type of JPEG or PNG data, from its first bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def fetch_cover(article: Article, options: FetchOptions | None = None) -> Cover | None:
    """The article's lead image, or None (with a log line saying why) when there is none.

    Only for articles that came from the web: narrating a saved page or a text file never
    touches the network. Nothing about the image (its address, the server, its bytes) can make
    this raise: a cover is never worth a narration.
    """
    if not article.image_url or not article.url:
        return None
    try:
        return _fetch_cover(article, options or FetchOptions())
    except NarrateError as error:
        log.info("no cover art: %s", error)
    except Exception as error:  # whatever went wrong, the narration goes on without a cover
        log.warning("no cover art: %s (%s: %s)", article.image_url, type(error).__name__, error)
    return None


def _fetch_cover(article: Article, options: FetchOptions) -> Cover | None:
    url = urljoin(article.source_url, article.image_url)
    if urlsplit(url).scheme not in {"http", "https"}:
        return None
    # The image's address came from the page: it is held to the address rules (see netguard),
    # with the page's own origin allowed when the user gave the page.
    base = options.for_content(article.url)
    limits = replace(base, timeout=min(base.timeout, 10.0), max_bytes=MAX_COVER_BYTES, retries=0)
    data = get(url, limits, accept=_IMAGE_ACCEPT).body
    mime = sniff(data)
    if mime is None:
        log.info("no cover art: %s is not a JPEG or PNG image", url)
        return None
    return Cover(data, mime)
