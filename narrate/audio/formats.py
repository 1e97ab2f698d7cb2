"""The audio formats narrate writes: one table, one line a format.

Kept apart from the assembly module, which needs numpy, so the command line can check --format
before anything heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from narrate.model import AudioFormat


@dataclass(frozen=True)
class FormatSpec:
    mime: str
    bitrate: str
    """The default bitrate; "" for none."""
    ffmpeg: tuple[str, tuple[str, ...]] | None = None
    """(muxer, codec arguments) for a format ffmpeg makes; None: LAME, in-process (MP3)."""
    id3: bool = False
    """Whether the file carries ID3 tags (title, chapters, transcript, cover)."""


FORMATS: Final[dict[AudioFormat, FormatSpec]] = {
    AudioFormat.MP3: FormatSpec("audio/mpeg", "64k", id3=True),
    AudioFormat.WAV: FormatSpec("audio/wav", "", ("wav", ("-c:a", "pcm_s16le"))),
    AudioFormat.OGG: FormatSpec(
        "audio/ogg; codecs=opus", "48k", ("ogg", ("-c:a", "libopus", "-application", "voip"))
    ),
    AudioFormat.M4B: FormatSpec("audio/mp4", "64k", ("ipod", ("-c:a", "aac"))),
}


def audio_format(name: str) -> AudioFormat:
    """The format named (as --format gives it), or ValueError saying which there are."""
    try:
        return AudioFormat(name.lower())
    except ValueError:
        raise ValueError(f"unknown format {name!r}: choose one of {', '.join(FORMATS)}") from None
