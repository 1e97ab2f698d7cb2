"""The feed folder's memory: one JSON file, read and rewritten under a lock.

    DIR/narrate-feed.json    the channel and every episode (what feed.xml is rendered from)
    DIR/.narrate-feed.lock   taken (flock) for every read-modify-write of the state and feed.xml

Narrating is slow and happens outside the lock; only the short update of the state and the feed
runs under it, so two `narrate feed add` runs at once both land.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from narrate.errors import FeedError
from narrate.files import write_text
from narrate.sources.vetting import xml_safe

STATE_NAME = "narrate-feed.json"
LOCK_NAME = ".narrate-feed.lock"
FEED_NAME = "feed.xml"
STATE_VERSION = 1
MAX_RETIRED = 2000


@dataclass(frozen=True)
class Channel:
    """What the podcast as a whole says about itself."""

    title: str
    base_url: str
    """Where DIR is served, ending in "/": feed.xml is at base_url + "feed.xml"."""
    description: str = ""
    author: str = ""
    email: str = ""
    """itunes:owner's address: where Apple sends the ownership check; "": no itunes:owner."""
    language: str = "en"
    category: str = "News"
    subcategory: str = ""
    explicit: bool = False
    image: str = ""
    """File name of the cover inside DIR."""
    link: str = ""
    """The website the podcast belongs to; default: base_url."""
    guid: str = ""
    """podcast:guid, a UUIDv5 of the feed URL, fixed at init."""
    keep: int = 0
    """Most episodes kept (the oldest go first, files too); 0: all."""


@dataclass(frozen=True)
class Episode:
    guid: str
    """Stable forever: made once from the article's canonical URL, never from its title."""
    urls: tuple[str, ...]
    """Every address this article was met under (given, final, canonical): how it is found again."""
    title: str
    description: str
    link: str
    published: str
    """ISO 8601, from the article's date, else the input feed's, else when first added."""
    stem: str
    """File name stem, fixed at the first narration: safe characters only."""
    version: str
    """Short hash of the spoken text: part of every file name, so a new narration gets new
    names and the feed never points at a half-replaced file."""
    text_hash: str
    length: int
    """Bytes of the MP3."""
    duration: float
    voice: str = ""
    voice_license: str = ""
    image_url: str = ""
    language: str = ""

    @property
    def audio(self) -> str:
        return f"{self.stem}-{self.version}.mp3"

    @property
    def vtt(self) -> str:
        return f"{self.stem}-{self.version}.vtt"

    @property
    def transcript(self) -> str:
        return f"{self.stem}-{self.version}.transcript.json"

    @property
    def chapters(self) -> str:
        return f"{self.stem}-{self.version}.chapters.json"

    @property
    def files(self) -> tuple[str, ...]:
        return (self.audio, self.vtt, self.transcript, self.chapters)


@dataclass(frozen=True)
class State:
    channel: Channel
    episodes: tuple[Episode, ...] = field(default=())
    retired: tuple[str, ...] = field(default=())
    """Addresses of episodes removed or dropped by `keep`: sync does not bring them back."""

    def find(self, urls: tuple[str, ...] | list[str]) -> Episode | None:
        wanted = set(urls)
        return next((e for e in self.episodes if wanted.intersection(e.urls)), None)

    def by_guid(self, guid: str) -> Episode | None:
        return next((e for e in self.episodes if e.guid == guid), None)


def state_path(folder: Path) -> Path:
    return folder / STATE_NAME


def load(folder: Path) -> State:
    """The state of the feed in `folder`, or FeedError saying why there is none."""
    path = state_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedError(
            f"{folder} is not a narrate feed (no {STATE_NAME}): start one with 'narrate feed init'"
        ) from None
    except (OSError, ValueError) as error:
        raise FeedError(f"cannot read {path}: {error}") from None
    try:
        return State(
            channel=_build(Channel, data["channel"]),
            episodes=tuple(
                _build(Episode, {**item, "urls": tuple(item["urls"])}) for item in data["episodes"]
            ),
            retired=tuple(data.get("retired", ())),
        )
    except (KeyError, TypeError) as error:
        raise FeedError(f"{path} is damaged ({error.__class__.__name__}: {error})") from None


def _build(cls: Any, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{key: value for key, value in data.items() if key in names})


def save(folder: Path, state: State) -> None:
    """Write the state atomically (call under `locked`)."""
    data = {
        "version": STATE_VERSION,
        "channel": asdict(state.channel),
        "episodes": [{**asdict(e), "urls": list(e.urls)} for e in state.episodes],
        "retired": list(state.retired[-MAX_RETIRED:]),
    }
    # xml_safe: a lone surrogate in a title would make the file unwritable as UTF-8.
    text = xml_safe(json.dumps(data, ensure_ascii=False, indent=1))
    write_text(state_path(folder), text + "\n")


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's exclusive lock: one writer of state and feed.xml at a time.

    flock on POSIX (released by the kernel if the process dies, so a crash never leaves a stale
    lock); msvcrt.locking on Windows.
    """
    try:
        handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise FeedError(f"cannot lock {folder}: {error.strerror or error}") from None
    try:
        _lock(handle)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _lock(handle: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        while True:
            try:
                msvcrt.locking(handle, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                return
            except OSError:
                continue  # LK_LOCK gives up after ten seconds; keep waiting
    fcntl.flock(handle, fcntl.LOCK_EX)
