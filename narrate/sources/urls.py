"""Addresses as they go on the wire."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from narrate.errors import SourceError

_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def iri_to_uri(url: str) -> str:
    """An address as it goes on the wire: non-ASCII host labels in IDNA, and in the path, query
    and fragment every character a URI may not hold percent-encoded as UTF-8, as browsers send
    them (/bilder/Straße.jpg, "/images/lead photo.jpg", a | or a quote); escapes already there
    are kept."""
    url = url.strip()
    if _URI_CHARACTERS.fullmatch(url):
        return url
    from urllib.parse import quote, urlunsplit

    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        host = parts.hostname or ""
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise SourceError(f"{url}: not a valid host name") from None
        netloc = f"[{host}]" if ":" in host else host
        if parts.port:
            netloc += f":{parts.port}"
        if parts.username:  # credentials in a URL are kept as given, encoded
            auth = quote(parts.username, safe="") + (
                ":" + quote(parts.password, safe="") if parts.password else ""
            )
            netloc = f"{auth}@{netloc}"
    safe = "/%:@!$&'()*+,;=-._~?"
    path, query, fragment = (quote(part, safe=safe) for part in parts[2:])
    return urlunsplit((parts.scheme, netloc, path, query, fragment))
