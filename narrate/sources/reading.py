"""Where an article comes from: a URL, a local file, or standard input ("-")."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from narrate.errors import SourceError
from narrate.model import Page, PageKind
from narrate.settings import FetchOptions
from narrate.sources.decode import decode
from narrate.sources.fetch import fetch, is_url

MAX_FILE_BYTES = 50 * 1024 * 1024
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


def read_source(
    source: str, options: FetchOptions | None = None, stdin: BinaryIO | None = None
) -> Page:
    """Read what the user named: an http(s) URL, "-" for stdin, or a path."""
    if is_url(source):
        return fetch(source, options)
    if source == "-":
        data = (stdin or sys.stdin.buffer).read(MAX_FILE_BYTES + 1)
        return _page(data, "standard input", suffix="")
    return read_file(Path(source))


def read_file(path: Path) -> Page:
    try:
        if path.is_dir():
            raise SourceError(f"{path} is a directory, not a file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SourceError(f"{path} is too large (over {MAX_FILE_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied (cannot read the file)") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read ({error.strerror})") from None
    return _page(data, str(path), suffix=path.suffix.lower())


def _page(data: bytes, name: str, suffix: str) -> Page:
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"{name} is too large (over {MAX_FILE_BYTES // 2**20} MiB)")
    text = decode(data, name=name)
    if not text.strip():
        raise SourceError(f"{name} is empty")
    if suffix in _HTML_SUFFIXES:
        kind = PageKind.HTML
    elif suffix in _TEXT_SUFFIXES:
        kind = PageKind.TEXT
    else:
        kind = PageKind.HTML if _looks_like_html(text) else PageKind.TEXT
    return Page(text=text, kind=kind, name=name)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head
