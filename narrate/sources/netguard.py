"""Which addresses a fetch may reach, and for how long: the guard every connection goes through.

A URL the user typed is theirs to point anywhere. A URL that came from fetched content (a feed
item, a redirect, an image, a canonical link) or from a server's client may reach an address
inside a network (loopback, private, link-local, shared/CGNAT, multicast, reserved,
unspecified; IPv4 and IPv6, IPv4 inside IPv6 too) only on the origin the user gave, or when the
user allows it (--allow-private). Otherwise a page could make narrate read an internal page or
image and publish it in a feed (server-side request forgery).

The check is made on the addresses a name resolves to, when connecting, and the connection goes
to the address checked: a name that resolves differently the second time (DNS rebinding) gains
nothing. The same guard holds the fetch's deadline: every socket it opens is shut when the
deadline passes, so a server that drips header lines cannot keep a fetch alive.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from narrate.errors import FetchError

log = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Origin = tuple[str, str, int]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressInfo = tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[Any, ...]]


def origin(url: str) -> Origin | None:
    """(scheme, host, port) of an http(s) URL, the unit the same-origin rule compares; None
    for anything else (including a port out of range)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower().rstrip("."), port or _DEFAULT_PORTS[scheme]


def internal_kind(address: IPAddress) -> str:
    """What kind of non-public address this is ("loopback", "private", ...), "" when public.

    An IPv4 address carried inside an IPv6 one (mapped, 6to4, NAT64) is judged as itself.
    """
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and address in _NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return internal_kind(inner)
        if address.is_site_local:
            return "site-local"
    for kind, flag in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if flag:
            return kind
    # Neither private nor global: shared address space (CGNAT, 100.64.0.0/10) and the like.
    return "" if address.is_global else "shared"


def _bare(ip: object) -> str:
    """An address from getaddrinfo without its IPv6 zone ("fe80::1%eth0")."""
    return str(ip).split("%")[0]


@dataclass
class Guard:
    """The policy for one fetch (its redirects included) and its deadline.

    `trusted`: the origin the user gave, which may be internal; None when the URL being
    fetched came from someone else and the user gave no origin for it.
    """

    trusted: Origin | None
    allow_private: bool
    deadline: float
    """time.monotonic() after which every socket of this fetch is shut."""
    _timers: list[threading.Timer] = field(default_factory=list)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def may_reach(self, scheme: str, host: str, port: int, address: IPAddress) -> str:
        """ "" when the connection is allowed, else why not (the kind of address)."""
        if self.allow_private or (scheme, host.lower().rstrip("."), port) == self.trusted:
            return ""
        return internal_kind(address)

    def check_name(self, url: str) -> None:
        """Resolve a URL's host and refuse it if any of its addresses is one the policy keeps
        out (used where the connection itself goes to a proxy, which the user set up, and the
        proxy resolves the name)."""
        if kept_out := self.kept_out(url):
            raise self._refusal(*kept_out)

    def kept_out(self, url: str) -> tuple[str, int, str, str] | None:
        """The first address of a URL's host that the policy keeps out, as (host, port,
        address, kind of address), or None when every address may be reached."""
        where = origin(url)
        if where is None:
            raise FetchError(f"{url}: not an http or https URL")
        scheme, host, port = where
        try:
            addresses = [ipaddress.ip_address(host)]  # an address needs no lookup
        except ValueError:
            addresses = [
                ipaddress.ip_address(_bare(info[4][0])) for info in self._resolve(host, port)
            ]
        for address in addresses:
            if kind := self.may_reach(scheme, host, port, address):
                return host, port, str(address), kind
        return None

    def connect(
        self,
        scheme: str,
        destination: tuple[str, int],
        timeout: float | None = None,
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        """Open a TCP connection to an address of `destination` that the policy allows (the
        signature of socket.create_connection, which http.client calls)."""
        host, port = destination
        refused: tuple[str, str] | None = None
        failure: OSError | None = None
        for family, kind, proto, _, sockaddr in self._resolve(host, port):
            ip = _bare(sockaddr[0])
            if why := self.may_reach(scheme, host, port, ipaddress.ip_address(ip)):
                refused = refused or (ip, why)
                continue
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(max(0.001, min(self.remaining(), timeout or self.remaining())))
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
            except OSError as error:
                sock.close()
                failure = error
                continue
            self._shut_at_deadline(sock)
            return sock
        if failure is None and refused is not None:
            raise self._refusal(host, port, *refused)
        raise failure or OSError(f"no address found for {host}")

    def _resolve(self, host: str, port: int) -> list[AddressInfo]:
        """The addresses of `host`, looked up within the deadline: the system's resolver has
        no timeout of its own (an unanswered lookup can take half a minute), so it runs in a
        thread that is left behind if the deadline passes first."""
        found: list[list[AddressInfo]] = []
        failed: list[BaseException] = []

        def lookup() -> None:
            try:
                found.append(list(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
            except BaseException as error:  # handed to the caller's thread, raised there
                failed.append(error)

        thread = threading.Thread(target=lookup, name="name-lookup", daemon=True)
        thread.start()
        thread.join(max(0.0, self.remaining()))
        if failed:
            if isinstance(failed[0], UnicodeError):
                raise FetchError(f"{host}: not a valid host name") from None
            raise failed[0]
        if not found:
            raise TimeoutError(f"the name lookup of {host} timed out")
        return found[0]

    def _refusal(self, host: str, port: int, ip: str, kind: str) -> FetchError:
        log.debug("refused %s:%d (%s, %s)", host, port, ip, kind)
        return FetchError(
            f"refused to connect to {host}:{port} ({ip}, a {kind} address): the address came "
            "from fetched content, not from you (--allow-private or NARRATE_ALLOW_PRIVATE=1 "
            "allows it)"
        )

    def _shut_at_deadline(self, sock: socket.socket) -> None:
        def shut() -> None:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

        timer = threading.Timer(max(0.0, self.remaining()), shut)
        timer.daemon = True
        timer.start()
        self._timers.append(timer)

    def close(self) -> None:
        """Cancel the deadline's timers (the fetch is over)."""
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
