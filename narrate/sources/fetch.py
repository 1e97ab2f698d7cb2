"""HTTP(S) fetching with the limits a careful client keeps.

Standard library only (urllib): a real User-Agent, gzip, a redirect limit, a total deadline and a
size cap (checked while reading, also after decompression), cookies within one run, and retries
with backoff on 429 and 5xx that honour Retry-After. urllib's HTTP modules are imported on the
first request: narrating a file does not need them, and they cost every start-up.
"""

from __future__ import annotations

import logging
import socket
import time
import zlib
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from narrate.errors import FetchError, SourceError
from narrate.model import Page, PageKind, Response
from narrate.settings import FetchOptions
from narrate.sources.decode import decode, looks_binary
from narrate.sources.httpcache import HttpCache

if TYPE_CHECKING:
    import http.client
    import urllib.request

log = logging.getLogger(__name__)

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_COMPRESSED = {"gzip", "x-gzip", "deflate"}
_CHUNK = 65536


def is_url(source: str) -> bool:
    return "://" in source[:16]


def _opener(options: FetchOptions) -> urllib.request.OpenerDirector:
    import urllib.request
    from http.cookiejar import CookieJar

    # urllib reads the redirect limit from a class attribute; a subclass per limit sets it.
    redirects = type(
        "Redirects",
        (urllib.request.HTTPRedirectHandler,),
        {"max_redirections": options.max_redirects},
    )
    return urllib.request.build_opener(redirects(), urllib.request.HTTPCookieProcessor(CookieJar()))


HTML_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """Fetch an http(s) URL as a Page, or raise FetchError saying what went wrong."""
    response = get(url, options)
    return _page(response, url)


def get(url: str, options: FetchOptions | None = None, accept: str = HTML_ACCEPT) -> Response:
    """GET an http(s) URL within the limits, retrying 429 and 5xx, revalidating a cached copy."""
    options = options or FetchOptions()
    scheme = urlsplit(url).scheme.lower()
    if scheme not in {"http", "https"}:
        raise SourceError(f"unsupported URL scheme {scheme!r} in {url}: only http and https")
    opener = _opener(options)
    cache = HttpCache(options.cache_dir) if options.cache_dir else None
    cached = cache.get(url) if cache else None
    for attempt in range(options.retries + 1):
        try:
            response = _get_once(opener, url, options, accept, cached)
        except _Retryable as retry:
            if attempt == options.retries:
                raise FetchError(
                    f"{url}: {retry.reason}, gave up after {attempt + 1} tries"
                ) from None
            wait = retry.wait if retry.wait is not None else options.backoff * 2**attempt
            log.info("%s: %s; trying again in %.1f s", url, retry.reason, wait)
            time.sleep(min(wait, options.max_wait))
        else:
            if cache and response is not cached:
                cache.put(url, response)
            return response
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        self.reason, self.wait = reason, wait


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    import email.utils

    when = email.utils.parsedate_to_datetime(value) if value else None
    return max(0.0, when.timestamp() - time.time()) if when else None


def _get_once(
    opener: urllib.request.OpenerDirector,
    url: str,
    options: FetchOptions,
    accept: str,
    cached: Response | None,
) -> Response:
    import http.client
    import urllib.error
    import urllib.request

    headers = {
        "User-Agent": options.user_agent,
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
    }
    if cached and cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached and cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified
    deadline = time.monotonic() + options.timeout
    try:
        with opener.open(
            urllib.request.Request(url, headers=headers), timeout=options.timeout
        ) as got:
            return Response(
                body=_read_body(got, url, options, deadline),
                url=got.geturl(),
                content_type=got.headers.get_content_type(),
                charset=got.headers.get_content_charset(),
                etag=got.headers.get("ETag", ""),
                last_modified=got.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304 and cached:  # not modified: the copy we have is current
            return cached
        if error.code in _RETRY_STATUSES:
            raise _Retryable(
                f"HTTP {error.code}", _retry_after(error.headers.get("Retry-After"))
            ) from None
        if error.code in {301, 302, 303, 307, 308}:
            raise FetchError(
                f"{url}: too many redirects (more than {options.max_redirects})"
            ) from None
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"{url}: cannot connect ({_reason(error.reason)})") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {options.timeout:g} s") from None
    except (ConnectionError, http.client.HTTPException) as error:
        raise _Retryable(f"connection failed ({error.__class__.__name__})") from None


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timed out"
    return getattr(reason, "strerror", None) or str(reason)


def _read_body(
    response: http.client.HTTPResponse, url: str, options: FetchOptions, deadline: float
) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > options.max_bytes:
        raise FetchError(
            f"{url}: page too large ({int(length):,} bytes; limit {options.max_bytes:,})"
        )
    compressed = (response.headers.get("Content-Encoding") or "").lower() in _COMPRESSED
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: accept a gzip or a zlib header
    parts: list[bytes] = []
    size = 0
    # read1 returns what has arrived, so a server that drips bytes still meets the deadline.
    while chunk := response.read1(_CHUNK):
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {options.timeout:g} s")
        try:
            # Cap what a small gzip body may inflate to, as well as the bytes on the wire.
            data = inflater.decompress(chunk, options.max_bytes - size + 1) if compressed else chunk
        except zlib.error:
            raise FetchError(f"{url}: the server sent a corrupt compressed body") from None
        size += len(data)
        if size > options.max_bytes:
            raise FetchError(f"{url}: page too large (over {options.max_bytes:,} bytes)")
        parts.append(data)
    return b"".join(parts)


def _page(response: Response, url: str) -> Page:
    body, content_type = response.body, response.content_type
    if content_type in _HTML_TYPES or content_type in _TEXT_TYPES:
        kind = PageKind.HTML if content_type in _HTML_TYPES else PageKind.TEXT
    elif content_type in {"", "application/octet-stream"} and not looks_binary(body):
        kind = PageKind.HTML if b"<html" in body[:4096].lower() else PageKind.TEXT
    else:
        raise FetchError(f"{url}: not a web page (content type {content_type})")
    text = decode(body, response.charset, name=url)
    return Page(text=text, kind=kind, url=response.url, name=url)
