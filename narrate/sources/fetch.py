"""HTTP(S) fetching with the limits a careful client keeps.

Standard library only (urllib): a real User-Agent, gzip, a redirect limit, a total deadline and a
size cap (checked while reading, also after decompression), cookies within one run, and retries
with backoff on 429 and 5xx that honour Retry-After. Every connection goes through the address
guard (netguard): http and https only, no internal address unless the user gave it. urllib's
HTTP modules are imported on the first request: narrating a file does not need them, and they
cost every start-up.
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
from narrate.settings import FetchOptions, user_agent
from narrate.sources.decode import decode, looks_binary
from narrate.sources.httpcache import HttpCache
from narrate.sources.netguard import Guard, origin
from narrate.sources.urls import iri_to_uri

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


def _opener(options: FetchOptions, guard: Guard) -> urllib.request.OpenerDirector:
    """An opener that speaks http and https only (no ftp, file or data), every connection
    through `guard`."""
    import urllib.request
    from http.cookiejar import CookieJar

    from narrate.sources.guarded import GuardedHTTP, GuardedHTTPS, redirects

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        GuardedHTTP(guard),
        GuardedHTTPS(guard),
        urllib.request.HTTPDefaultErrorHandler(),
        redirects(options.max_redirects),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPCookieProcessor(CookieJar()),
    ):
        opener.add_handler(handler)
    return opener


HTML_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """Fetch an http(s) URL as a Page, or raise FetchError saying what went wrong."""
    response = get(url, options)
    return _page(response, url)


def get(url: str, options: FetchOptions | None = None, accept: str = HTML_ACCEPT) -> Response:
    """GET an http(s) URL within the limits, retrying 429 and 5xx, revalidating a cached copy.

    All of it (connect, headers, body, redirects, retries and the waits between them) keeps
    within options.timeout.
    """
    options = options or FetchOptions()
    timeout = check_timeout(options.timeout)
    try:
        url = iri_to_uri(url)
        scheme = urlsplit(url).scheme.lower()
    except ValueError as error:  # an unclosed "[", a port that is not a number
        raise SourceError(f"{url}: not a valid URL ({error})") from None
    if scheme not in {"http", "https"}:
        raise SourceError(f"unsupported URL scheme {scheme!r} in {url}: only http and https")
    trusted = url if options.trust_url else _wire_form(options.trusted_origin)
    guard = Guard(origin(trusted), options.allow_private, time.monotonic() + timeout)
    try:
        return _get_with_retries(url, options, accept, guard)
    finally:
        guard.close()


def check_timeout(seconds: float) -> float:
    """A timeout that is a positive, finite number of seconds (at most a day), or SourceError."""
    if not (0 < seconds <= 86400):  # also false for nan
        raise SourceError(f"--timeout must be a number of seconds above 0 (at most 86400), "
                          f"not {seconds!r}")  # fmt: skip
    return seconds


def _wire_form(url: str) -> str:
    """`url` as iri_to_uri writes it (so that origins compare alike), or "" if it has none."""
    try:
        return iri_to_uri(url)
    except (SourceError, ValueError):
        return ""


def _get_with_retries(url: str, options: FetchOptions, accept: str, guard: Guard) -> Response:
    opener = _opener(options, guard)
    cache = HttpCache(options.cache_dir) if options.cache_dir else None
    cached = cache.get(url) if cache else None
    for attempt in range(options.retries + 1):
        try:
            response = _get_once(opener, url, options, accept, cached, guard)
        except _Retryable as retry:
            wait = retry.wait if retry.wait is not None else options.backoff * 2**attempt
            wait = min(wait, options.max_wait)
            if attempt == options.retries or wait >= guard.remaining():
                raise FetchError(
                    f"{url}: {retry.reason}, gave up after {attempt + 1} tries"
                ) from None
            log.info("%s: %s; trying again in %.1f s", url, retry.reason, wait)
            time.sleep(wait)
        else:
            if cache and response is not cached:
                cache.put(url, response)
            return response
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        self.reason, self.wait = reason, wait


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date); None when the
    header is absent or unreadable (a negative number, a word, a date out of range)."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value[:9])
    if not value:
        return None
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError, OverflowError, IndexError):
        return None


def _get_once(
    opener: urllib.request.OpenerDirector,
    url: str,
    options: FetchOptions,
    accept: str,
    cached: Response | None,
    guard: Guard,
) -> Response:
    import http.client
    import urllib.error
    import urllib.request

    headers = {
        "User-Agent": options.user_agent or user_agent(),
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
    }
    if cached and cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached and cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified
    timed_out = FetchError(f"{url}: timed out after {options.timeout:g} s")
    if guard.remaining() <= 0:
        raise timed_out
    try:
        request = urllib.request.Request(url, headers=headers)
        with opener.open(request, timeout=guard.remaining()) as got:
            return Response(
                body=_read_body(got, url, options, guard.deadline),
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
    except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException,
            OSError) as error:  # fmt: skip
        if guard.remaining() <= 0:  # the deadline shut the socket, whatever the symptom
            raise timed_out from None
        if isinstance(error, http.client.InvalidURL):  # not worth another try
            raise FetchError(f"{url}: not a valid URL ({error})") from None
        if isinstance(error, urllib.error.URLError):
            raise FetchError(f"{url}: cannot connect ({_reason(error.reason)})") from None
        if isinstance(error, TimeoutError):
            raise timed_out from None
        if isinstance(error, ConnectionError | http.client.HTTPException):
            raise _Retryable(f"connection failed ({error.__class__.__name__})") from None
        raise FetchError(f"{url}: {error.strerror or error}") from None
    except (ValueError, UnicodeError) as error:  # a URL or header urllib cannot use
        raise FetchError(f"{url}: {error}") from None


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
    if time.monotonic() > deadline:  # the deadline shut the socket: the body is cut short
        raise FetchError(f"{url}: timed out after {options.timeout:g} s")
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
    if not text.strip():
        raise FetchError(f"{url}: the page is empty")
    return Page(text=text, kind=kind, url=response.url, name=url)
