"""urllib handlers whose every connection, redirects included, goes through a netguard.Guard.

Kept apart from fetch so that urllib's HTTP modules load only when something is fetched.
"""

from __future__ import annotations

import functools
import http.client
import urllib.request
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from narrate.errors import FetchError
from narrate.sources.netguard import Guard
from narrate.sources.urls import iri_to_uri

ConnectionFactory = Callable[..., http.client.HTTPConnection]


def _factory(
    guard: Guard,
    base: type[http.client.HTTPConnection],
    scheme: str,
    request: urllib.request.Request,
) -> ConnectionFactory:
    """What do_open calls to make its connection: `base`, connecting through the guard."""
    proxied = request.has_proxy() or getattr(request, "_tunnel_host", None)

    def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        connection = base(host, **kwargs)
        if proxied:  # the socket goes to the proxy the user set up; check where it leads
            guard.check_name(request.full_url)
        else:
            # http.client opens its socket through this attribute (socket.create_connection).
            connection._create_connection = functools.partial(guard.connect, scheme)  # type: ignore[attr-defined]
        return connection

    return make


class GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self.guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = _factory(self.guard, http.client.HTTPConnection, "http", req)
        return self.do_open(factory, req)


class GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self.guard = guard

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = _factory(self.guard, http.client.HTTPSConnection, "https", req)
        return self.do_open(factory, req, context=self._context)  # type: ignore[attr-defined]


def _utf8(header: str) -> str:
    """A header value as its sender most likely wrote it: http.client reads headers as
    Latin-1, and sites send non-ASCII addresses in UTF-8."""
    try:
        return header.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return header


def redirects(limit: int) -> Redirects:
    """A redirect handler that follows at most `limit` redirects (urllib reads the limit from a
    class attribute; a subclass per limit sets it)."""
    limited: type[Redirects] = type("LimitedRedirects", (Redirects,), {"max_redirections": limit})
    return limited()


class Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https only, and refuses others with a clear message."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        location = headers.get("Location") or headers.get("URI")
        if location:
            target = urljoin(req.full_url, _utf8(location.strip()))
            if urlsplit(target).scheme.lower() not in {"http", "https"}:
                fp.close()
                raise FetchError(
                    f"{req.full_url}: redirected to {target[:80]!r}, which is not an http or "
                    "https URL; refused"
                )
            # As browsers do: a Location in UTF-8 is followed encoded as such.
            for name in ("Location", "URI"):
                del headers[name]
            headers["Location"] = iri_to_uri(target)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302
