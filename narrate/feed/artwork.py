"""The podcast cover: a plain generated PNG when none is given, and a check of a given one.

Apple wants a square JPEG or PNG of 1400 to 3000 pixels a side. The generated cover is a flat
colour picked from the title with a row of sound-wave bars; PNG written with zlib and struct.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

from narrate.errors import FeedError

MIN_SIDE = 1400
MAX_SIDE = 3000
COVER_SIDE = 1400
_BARS = (0.25, 0.45, 0.7, 0.9, 0.6, 0.8, 0.5, 0.3)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _colours(title: str) -> tuple[bytes, bytes]:
    """A dark background and a light foreground, the hue chosen by the title."""
    digest = hashlib.sha256(title.encode()).digest()
    hue = digest[0] % 6
    dark = [40, 40, 40]
    dark[hue % 3] = 90 + digest[1] % 60
    light = [min(255, c + 150) for c in dark]
    return bytes(dark), bytes(light)


def cover_png(title: str, side: int = COVER_SIDE) -> bytes:
    """A square RGB PNG of `side` pixels: flat colour, bars in the middle."""
    background, foreground = _colours(title)
    bar = side // (2 * len(_BARS) + 1)
    left = (side - bar * (2 * len(_BARS) - 1)) // 2
    rows = []
    for y in range(side):
        height = abs(y - side / 2) * 2 / (side / 2)  # 0 at the middle line, 2 at the edges
        row = bytearray(background * side)
        for index, level in enumerate(_BARS):
            if height <= level:
                start = left + 2 * index * bar
                row[3 * start : 3 * (start + bar)] = foreground * bar
        rows.append(b"\x00" + bytes(row))
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", header),
        _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)),
        _chunk(b"IEND", b""),
    ))  # fmt: skip


def image_size(data: bytes) -> tuple[str, int, int]:
    """("png" or "jpeg", width, height) of an image, or FeedError."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith(b"\xff\xd8"):
        return ("jpeg", *_jpeg_size(data))
    raise FeedError("the cover must be a JPEG or PNG image")


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from the first start-of-frame marker."""
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            break
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    raise FeedError("the cover is not a readable JPEG image")


def check_cover(path: Path) -> tuple[bytes, str]:
    """The bytes and file suffix of a cover Apple accepts, or FeedError saying what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FeedError(f"cannot read the cover {path}: {error.strerror or error}") from None
    kind, width, height = image_size(data)
    if width != height or not MIN_SIDE <= width <= MAX_SIDE:
        raise FeedError(
            f"{path} is {width}x{height} pixels: Apple Podcasts wants a square cover of "
            f"{MIN_SIDE} to {MAX_SIDE} pixels a side"
        )
    return data, ".png" if kind == "png" else ".jpg"
