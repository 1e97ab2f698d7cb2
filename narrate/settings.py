"""One settings object, built once at the edge (the CLI, the feed builder) and handed down."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from narrate.sources.fetch import FetchOptions
from narrate.speech.piper import SpeechSettings
from narrate.speech.segmentcache import DEFAULT_MAX_BYTES
from narrate.speech.synthesis import default_jobs


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
    """Voice name or path to a .onnx model; None: the default voice."""
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    fmt: str = "mp3"
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
    """None: the user cache folder."""
    cache_size: int = DEFAULT_MAX_BYTES
    outputs: Outputs = field(default_factory=Outputs)
    broker: str = ""
    """A cluster's Redis URL: its workers speak the missing sentences. "": this machine."""
    store: str = ""
    """The cluster's shared store (s3://bucket/prefix or file:///path), with a broker."""
