"""Bytes to text: charset from the transport, then the document, then sniffing.

Pages lie about their encoding less often than they omit it, so the order is: a charset the
HTTP header declares, a BOM, a <meta charset> in the first few KiB, strict UTF-8, and only then
statistical detection (charset-normalizer).
"""

from __future__ import annotations

import codecs
import re

from narrate.errors import SourceError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
# Legacy encodings that web pages use (WHATWG Encoding), in Python's names. Guessing among all
# code pages picks DOS ones (cp775) for short Western text, and the Latin-script code pages are
# too alike to tell apart on a few accents: windows-1252 stands for them all, as in browsers.
_WEB_ENCODINGS = [
    "cp1252", "cp1251", "cp1253", "cp1255", "cp1256", "koi8_r", "koi8_u", "cp874", "gb18030",
    "big5", "shift_jis", "euc_jp", "iso2022_jp", "euc_kr", "cp866",
]  # fmt: skip
_NOT_PAGE_ENCODINGS = {"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined"}
# Control characters other than tab, newline, form feed and carriage return do not occur in text.
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when it is unknown."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # Python also names byte-to-byte transforms (base64, zlib, rot13) and idna, which no page is
    # written in: a charset naming one is treated as no charset at all.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    found = info.name
    # Browsers read ISO-8859-1 and ASCII as windows-1252 (WHATWG Encoding); so do we.
    return "cp1252" if found in {"latin-1", "iso8859-1", "ascii"} else found


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we would read (images, PDFs, archives)."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    return len(_BINARY.findall(head)) > max(2, len(head) // 200)


def decode(data: bytes, declared: str | None = None, *, name: str = "input") -> str:
    """Decode a document's bytes to text, raising SourceError for binary data."""
    if looks_binary(data):
        raise SourceError(f"{name} is binary data, not a web page or text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    for candidate in (_codec(declared), _codec(match.group(1).decode("ascii")) if match else None):
        if candidate:
            return data.decode(candidate, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # slow to import; only undeclared non-UTF-8 needs it

    best = from_bytes(data[:65536], cp_isolation=_WEB_ENCODINGS).best()
    return data.decode(best.encoding if best else "cp1252", errors="replace")
