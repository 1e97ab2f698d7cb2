"""The plain data that flows through the pipeline, stage to stage.

    source -> Page -> Article -> Script -> clips -> Narration

Every value here is immutable and holds no behaviour beyond small derived properties, so each
stage can be tested by building its input by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeAlias

SampleSpan: TypeAlias = tuple[int, int]
"""A word's first sample and the sample after its last, in a clip."""
TimeSpan: TypeAlias = tuple[float, float]
"""A word's start and end, in seconds of the finished audio."""


class AudioFormat(StrEnum):
    """The formats narrate writes; narrate.audio.formats says how each is made."""

    MP3 = "mp3"
    WAV = "wav"
    OGG = "ogg"
    M4B = "m4b"


class PageKind(StrEnum):
    HTML = "html"
    TEXT = "text"
    """Plain text or Markdown: paragraphs separated by blank lines."""


@dataclass(frozen=True)
class Page:
    """A decoded document, as read from a URL, a file or stdin."""

    text: str
    """The document as text (already decoded from its charset)."""

    kind: PageKind

    url: str | None = None
    """The final URL after redirects, when the page came from the web."""

    name: str = ""
    """What the user gave (URL, path or "-"), for messages."""


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


@dataclass(frozen=True)
class Block:
    """One block of an article body, in reading order."""

    kind: BlockKind
    text: str
    """Plain text of the block, whitespace collapsed."""

    level: int = 0
    """Heading level (2 for <h2>, ...); 0 for other blocks."""


@dataclass(frozen=True)
class Article:
    """What an article is, independent of where it came from."""

    title: str
    blocks: tuple[Block, ...]
    authors: tuple[str, ...] = ()
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    site_name: str = ""
    language: str = ""
    """BCP 47 tag as declared by the page ("en", "en-GB"), or "" when unknown."""
    image_url: str = ""
    canonical_url: str = ""
    description: str = ""
    url: str = ""
    """Where the page was read from (final URL after redirects), or "" for files and stdin."""
    paywalled: bool = False
    """Only the start of the article was readable: the rest is behind a paywall or a login."""

    @property
    def text(self) -> str:
        """The body as it will be narrated: blocks separated by blank lines, no title."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def source_url(self) -> str:
        return self.canonical_url or self.url


class SegmentKind(StrEnum):
    INTRO = "intro"
    HEADING = "heading"
    SENTENCE = "sentence"
    NOTE = "note"
    """narrate's own words after the body (that the rest is behind a paywall)."""


@dataclass(frozen=True)
class Segment:
    """One unit of speech: synthesised in one call, followed by a pause."""

    kind: SegmentKind
    text: str
    """The written text, as in the article."""

    spoken: str
    """What the voice is given: the text after normalisation."""

    pause_ms: int
    """Silence after this segment."""

    block: int | None = None
    """Index of the article block this segment belongs to; None for the intro."""


@dataclass(frozen=True)
class Script:
    """An article turned into speakable segments, in order."""

    article: Article
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Clip:
    """Synthesised speech for one segment: mono signed 16-bit PCM."""

    pcm: bytes
    sample_rate: int
    energies: tuple[float, ...] = ()
    """K-weighted energy of every 100 ms (BS.1770), once the clip has been levelled."""
    peak_dbtp: float | None = None
    """True peak, once the clip has been levelled; None before."""
    words: tuple[SampleSpan, ...] = ()
    """First and end sample of each word (see wordtimes.words) of the text the voice was
    given, or, once rendered for a segment, of its written text; () when not known."""

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2

    @property
    def seconds(self) -> float:
        return self.samples / self.sample_rate


@dataclass(frozen=True)
class Cue:
    """Where one segment sits in the finished audio."""

    start: float
    end: float
    segment: Segment
    words: tuple[TimeSpan, ...] = ()
    """Start and end (seconds in the audio) of each word of the segment's written text (see
    wordtimes.words); () when the voice gives no phoneme durations."""


@dataclass(frozen=True)
class Loudness:
    """A measurement to EBU R128 / ITU-R BS.1770."""

    integrated_lufs: float
    true_peak_dbtp: float

    def describe(self) -> str:
        return (
            f"{self.integrated_lufs:.1f} LUFS integrated, {self.true_peak_dbtp:.1f} dBTP true peak"
            " (EBU R128)"
        )


@dataclass(frozen=True)
class Narration:
    """The finished audio as PCM, with the timing of every segment."""

    pcm: bytes
    sample_rate: int
    cues: tuple[Cue, ...] = field(default=())
    loudness: Loudness | None = None
    """Set once the audio has been brought to the loudness target."""

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


@dataclass(frozen=True)
class Response:
    """A fetched document, as the HTTP cache keeps it."""

    body: bytes
    url: str
    """The final URL, after redirects."""
    content_type: str
    charset: str | None = None
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class Cover:
    """The article's lead image, as cover art."""

    data: bytes
    mime: str
    """image/jpeg or image/png."""


@dataclass(frozen=True)
class Chapter:
    """A stretch of the narration with a title, in seconds."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class VoiceInfo:
    """A voice found on this machine (narrate.speech.catalog finds them)."""

    name: str
    model: Path
    config: Path
    origin: str
    """Where it was found: "package", a folder, or "path"."""
    language: str = ""
    """Piper's language code, e.g. "en_US"."""
    quality: str = ""
    sample_rate: int = 0
    speakers: tuple[str, ...] = ()
    engine: str = "piper"
    """What speaks it (see narrate.speech.engines)."""
    license: str = ""
    """The licence, from the voice's MODEL_CARD or the catalogue, with the credit line the
    licence asks for: what every output names beside the voice."""
    noncommercial: bool = False
    """Whether the licence forbids commercial use (a podcast with ads, say)."""
