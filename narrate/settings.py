"""One settings object, built once at the edge (the CLI, the feed builder) and handed down."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from narrate.model import AudioFormat

DEFAULT_CACHE_BYTES = 500 * 1024 * 1024
"""The sentence cache's default bound."""


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class SpeechSettings:
    """How the voice speaks: everything besides the text that changes the audio."""

    speaker: str | None = None
    """Speaker name or number, for voices with several speakers."""
    length_scale: float | None = None
    """Phoneme duration factor: above 1 is slower. None: the voice's own."""
    rate: float = 1.0
    """Speed multiplier applied on top of length_scale: 1.25 is 25% faster."""
    noise: bool = True
    """The voice's noise (its natural variation); off, a text gives the same audio every time,
    which is what a test that compares audio or times needs."""


@functools.cache
def user_agent() -> str:
    """A browser's User-Agent (some sites serve others an empty page) that names narrate.
    Worked out on the first request: the installed version takes a metadata look-up."""
    from narrate import __version__

    return (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/126.0 Safari/537.36 narrate/{__version__} (offline article narrator)"
    )


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0
    """Seconds for the whole fetch: connect, headers, body, redirects and retries together."""
    max_bytes: int = 10 * 1024 * 1024
    """Largest body accepted, after decompression."""
    max_redirects: int = 5
    retries: int = 2
    """Extra attempts after a 429, a 5xx or a dropped connection."""
    backoff: float = 1.0
    """First wait between attempts in seconds; doubles each time."""
    max_wait: float = 30.0
    """Longest wait honoured from a Retry-After header."""
    user_agent: str = ""
    """"": narrate's own (user_agent())."""
    cache_dir: Path | None = None
    """Where fetched pages are kept for conditional requests (ETag, Last-Modified); None: off."""
    allow_private: bool = False
    """Let URLs from fetched content reach loopback, private and other internal addresses."""
    trust_url: bool = True
    """The URL was typed by the user, so it may point anywhere. False: it came from someone
    else (a feed item, a server's client) and is held to the address rules (see netguard)."""
    trusted_origin: str = ""
    """With trust_url False: the URL the user gave (a feed's address), whose origin (scheme,
    host and port) those other URLs may share even when it is internal."""

    def for_content(self, user_url: str) -> FetchOptions:
        """The options for URLs found in what `user_url` led to (items, images, links)."""
        trusted = user_url if self.trust_url else self.trusted_origin
        return replace(self, trust_url=False, trusted_origin=trusted)


@dataclass(frozen=True)
class Outputs:
    """Files to write besides the audio; None: not wanted."""

    vtt: Path | None = None
    srt: Path | None = None
    timings: Path | None = None
    """Podcasting 2.0 JSON transcript."""
    chapters: Path | None = None
    """Podcasting 2.0 JSON chapters."""
    html: Path | None = None
    """Read-along page."""
    epub: Path | None = None
    """EPUB 3 with Media Overlays."""


@dataclass(frozen=True)
class Settings:
    voice: str | None = None
    """Voice name or path to a .onnx model; None: an installed voice of the article's language."""
    language: str | None = None
    """The narration's language (a tag: "de", "es-MX"); None: the article's own."""
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    fmt: AudioFormat = AudioFormat.MP3
    bitrate: str = ""
    lexicon: Path | None = None
    force: bool = False
    """Narrate pages that do not look like articles."""
    cover: bool = True
    """Fetch the article's lead image as cover art."""
    strict: bool = False
    """Refuse to narrate when normalisation leaves digits or symbols it could not put in words."""
    fetch: FetchOptions = field(default_factory=FetchOptions)
    jobs: int = field(default_factory=default_jobs)
    cache: bool = True
    cache_dir: Path | None = None
    """The cache's root folder (see narrate.paths); None: the user cache folder."""
    cache_size: int = DEFAULT_CACHE_BYTES
    outputs: Outputs = field(default_factory=Outputs)
    broker: str = ""
    """A cluster's Redis URL: its workers speak the missing sentences. "": this machine."""
    store: str = ""
    """The cluster's shared store (s3://bucket/prefix or file:///path), with a broker."""
