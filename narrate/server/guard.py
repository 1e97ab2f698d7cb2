"""What keeps the server safe to run: API key, request size, rate and host-name limits, security
headers, and the check that a URL a client gives does not lead to this machine or its network.

The limits are one ASGI middleware rather than a framework dependency per route, so that they
hold for every route, streamed responses included, and cost nothing to read through.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from narrate.errors import FetchError
from narrate.server.config import ServerConfig, is_loopback
from narrate.sources import netguard

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "narrate_session"
# Open without a key: the page and its assets hold no data, and the page needs to learn
# whether to ask for a key and to trade it for its session cookie; feeds given with --feed are
# published for podcast apps, which cannot send one.
_OPEN_PATHS = ("/api/config", "/api/session", "/static/", "/openapi.json", "/feeds/")
_OPEN_EXACT = ("/", "/listen")
# Requests that start work: rate-limited per client address.
_COSTLY = (("POST", "/api/narrations"), ("POST", "/v1/audio/speech"))
_MAX_CLIENTS = 10_000
# A name lookup that does not answer must not hold a request (the resolver has no timeout).
_LOOKUP_S = 10.0
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def session_token(api_key: str) -> str:
    """The session cookie's value: derived from the API key, so that a browser's cookie store
    (or a leaked cookie) never holds the key itself, which also opens the API to scripts."""
    return hmac.new(api_key.encode(), b"narrate browser session", hashlib.sha256).hexdigest()


def check_public(url: str, allow_private: bool = False) -> None:
    """Refuse at once a URL whose host resolves to an address that is not on the public
    internet (loopback, private, link-local such as the cloud metadata address, ...), unless
    `allow_private`. The fetch itself holds every connection and redirect to the same rule
    (FetchOptions.trust_url False); this check only answers the client before any job is made.
    """
    if netguard.origin(url) is None:
        raise FetchError(f"{url}: only http and https URLs can be narrated")
    if allow_private:
        return
    deadline = time.monotonic() + _LOOKUP_S
    lookup = netguard.Guard(trusted=None, allow_private=False, deadline=deadline)
    try:
        kept_out = lookup.kept_out(url)
    except (OSError, TimeoutError) as error:
        raise FetchError(f"{url}: cannot resolve the host name ({error})") from None
    if kept_out:
        host, _, address, kind = kept_out
        raise FetchError(
            f"{url}: refused, {host} is a {kind} address ({address}); the server fetches "
            "only public addresses unless started with --allow-private"
        )


class RateLimit:
    """A token bucket per client address: `per_minute` requests, in bursts of as many."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """0 when the request may go ahead (and is counted), else seconds until it may."""
        if self.per_minute <= 0:
            return 0.0
        rate = self.per_minute / 60
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > _MAX_CLIENTS:  # forget those whose bucket is full again
                full = now - 60
                self._buckets = {k: v for k, v in self._buckets.items() if v[1] > full}
            tokens, then = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - then) * rate)
            if tokens < 1:
                self._buckets[client] = (tokens, now)
                return (1 - tokens) / rate
            self._buckets[client] = (tokens - 1, now)
            return 0.0


class Guard:
    """The middleware: refuse what is not allowed before the app sees it."""

    def __init__(self, app: ASGIApp, config: ServerConfig) -> None:
        self.app = app
        self.config = config
        self.rates = RateLimit(config.rate_per_minute)
        self.local = is_loopback(config.host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal:
            await _answer(send, *refusal)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        if scope["method"] in ("POST", "PUT") and not _header(scope, b"content-length"):
            buffered = await self._buffered(receive)
            if buffered is None:
                too_large = f"the request is larger than {self.config.max_body} bytes"
                await _answer(send, 413, too_large, {})
                return
            receive = buffered
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str, dict[str, str]] | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path, method = scope["path"], scope["method"]
        if self.local and not _local_host(headers.get("host", "")):
            # A page elsewhere that makes its own name resolve to 127.0.0.1 (DNS rebinding)
            # must not reach the server through the listener's browser.
            return 421, "this server answers only to localhost and 127.0.0.1", {}
        if self.config.api_key and not _open(path) and not self._authorised(headers):
            return (
                401,
                "an API key is needed: Authorization: Bearer KEY",
                {"www-authenticate": "Bearer"},
            )
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_body:
            return 413, f"the request is larger than {self.config.max_body} bytes", {}
        if (method, path) in _COSTLY:
            client = (scope.get("client") or ("?", 0))[0]
            wait = self.rates.wait(client)
            if wait:
                return (
                    429,
                    "too many requests: try again later",
                    {"retry-after": str(math.ceil(wait))},
                )
        return None

    def _authorised(self, headers: dict[str, str]) -> bool:
        key = self.config.api_key.encode()
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer ") and hmac.compare_digest(
            bearer[7:].strip().encode(), key
        ):
            return True
        cookies = dict(
            part.strip().split("=", 1)
            for part in headers.get("cookie", "").split(";")
            if "=" in part
        )
        token = session_token(self.config.api_key).encode()
        return hmac.compare_digest(cookies.get(SESSION_COOKIE, "").encode(), token)

    async def _buffered(self, receive: Receive) -> Receive | None:
        """A body sent without a length (in chunks), read whole while it stays within the
        limit and handed on as one; None when it does not."""
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.config.max_body:
                return None
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        return replay


def _header(scope: Scope, name: bytes) -> bytes:
    return next((value for key, value in scope["headers"] if key.lower() == name), b"")


def _open(path: str) -> bool:
    return path in _OPEN_EXACT or path.startswith(_OPEN_PATHS)


def _local_host(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]") in ("127.0.0.1", "localhost", "::1") or name.startswith("127.")


async def _answer(send: Send, status: int, detail: str, extra: dict[str, str]) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in extra.items()] + _HEADERS
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
