"""The listening page, its script and style, and podcast feed folders.

The page is static: every piece of text from an article or a client is put into it by its
script with textContent, never as markup, and a Content-Security-Policy allows only the page's
own script, style, audio and API, so that nothing an article holds can run.
"""

from __future__ import annotations

import mimetypes
from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

router = APIRouter(include_in_schema=False)

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_ASSETS = {"listen.js": "text/javascript", "listen.css": "text/css"}
# What podcast apps expect of a feed folder's files (mimetypes does not know them all).
FEED_TYPES = {
    ".xml": "application/rss+xml", ".rss": "application/rss+xml", ".mp3": "audio/mpeg",
    ".m4b": "audio/mp4", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".wav": "audio/wav",
    ".vtt": "text/vtt", ".srt": "application/x-subrip", ".json": "application/json",
    ".html": "text/html", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
    ".epub": "application/epub+zip",
}  # fmt: skip


@cache
def _asset(name: str) -> str:
    return (files("narrate.server") / "data" / name).read_text(encoding="utf-8")


@router.get("/")
@router.get("/listen")
def page() -> HTMLResponse:
    """The page; /listen?url=... (the bookmarklet's link) is the same page, which starts
    narrating the URL it is given."""
    headers = {"Content-Security-Policy": PAGE_POLICY, "Cache-Control": "no-cache"}
    return HTMLResponse(_asset("listen.html"), headers=headers)


@router.get("/static/{name}")
def asset(name: str) -> Response:
    if name not in _ASSETS:
        raise HTTPException(404, "no such file")
    return Response(_asset(name), media_type=_ASSETS[name], headers={"Cache-Control": "no-cache"})


@router.get("/feeds/{feed}/{name:path}")
def feed_file(feed: str, name: str, request: Request) -> Response:
    """A file of a podcast feed folder given with --feed, by the folder's name; with Range."""
    folders: dict[str, Path] = request.app.state.feeds
    folder = folders.get(feed)
    parts = Path(name).parts
    if folder is None or not parts or any(p.startswith(".") or p == ".." for p in parts):
        raise HTTPException(404, "no such file")
    path = (folder / name).resolve()
    if not path.is_file() or not path.is_relative_to(folder.resolve()):
        raise HTTPException(404, "no such file")
    kind = FEED_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    return FileResponse(path, media_type=kind or "application/octet-stream")
