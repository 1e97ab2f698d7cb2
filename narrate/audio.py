"""Joining clips into one narration and encoding it: ffmpeg is called from here, and only here.

Clips are joined as raw PCM with silences between them; every clip gets a few milliseconds of
fade at both ends so that no join clicks. Cue times come for free from the sample counts.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np

from narrate.errors import AudioError
from narrate.model import Clip, Cue, Narration, Segment

log = logging.getLogger(__name__)

LEAD_IN_MS = 300
FADE_MS = 6
FORMATS = {
    # format: (ffmpeg muxer, codec arguments, default bitrate)
    "mp3": ("mp3", ["-c:a", "libmp3lame"], "64k"),
    "wav": ("wav", ["-c:a", "pcm_s16le"], ""),
    "ogg": ("ogg", ["-c:a", "libopus", "-application", "voip"], "48k"),
    "m4b": ("ipod", ["-c:a", "aac"], "64k"),
}


@cache
def ffmpeg() -> str:
    """A system ffmpeg when there is one, else the one imageio-ffmpeg installed with pip."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as error:
        raise AudioError(f"no ffmpeg found: pip install imageio-ffmpeg ({error})") from None


def _faded(pcm: bytes, sample_rate: int) -> bytes:
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
    n = min(len(samples) // 2, sample_rate * FADE_MS // 1000)
    if n:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        samples[:n] *= ramp
        samples[-n:] *= ramp[::-1]
    return samples.astype(np.int16).tobytes()


def silence(ms: int, sample_rate: int) -> bytes:
    return b"\0\0" * (sample_rate * ms // 1000)


def assemble(spoken: Iterable[tuple[Segment, Clip]], sample_rate: int) -> Narration:
    """Join clips in order with each segment's pause after it, recording where each one sits."""
    parts = [silence(LEAD_IN_MS, sample_rate)]
    position = len(parts[0]) // 2
    cues = []
    for segment, clip in spoken:
        if clip.sample_rate != sample_rate:
            raise AudioError(f"clip at {clip.sample_rate} Hz in a {sample_rate} Hz narration")
        parts.append(_faded(clip.pcm, sample_rate))
        cues.append(Cue(position / sample_rate, (position + clip.samples) / sample_rate, segment))
        pause = silence(segment.pause_ms, sample_rate)
        parts.append(pause)
        position += clip.samples + len(pause) // 2
    return Narration(pcm=b"".join(parts), sample_rate=sample_rate, cues=tuple(cues))


def encode(narration: Narration, path: Path, fmt: str = "mp3", bitrate: str = "") -> None:
    """Encode the narration (mono) into `path` in the given format."""
    if fmt not in FORMATS:
        raise AudioError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    muxer, codec, default_bitrate = FORMATS[fmt]
    rate = ["-b:a", bitrate or default_bitrate] if (bitrate or default_bitrate) else []
    command = [
        ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "s16le", "-ar", str(narration.sample_rate), "-ac", "1", "-i", "pipe:0",
        *codec, *rate, "-f", muxer, str(path),
    ]  # fmt: skip
    log.debug("encoding: %s", " ".join(command))
    try:
        result = subprocess.run(command, input=narration.pcm, capture_output=True, check=False)
    except OSError as error:
        raise AudioError(f"cannot run ffmpeg ({error})") from None
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip().splitlines()
        raise AudioError(f"ffmpeg failed to encode {fmt}: {detail[-1] if detail else 'no message'}")


def decode_pcm(path: Path, sample_rate: int) -> bytes:
    """Decode any audio file ffmpeg reads to mono 16-bit PCM at `sample_rate` (checks, feeds)."""
    command = [
        ffmpeg(),
        "-hide_banner",
        "-loglevel",
        "error",
        "-nostdin",
        "-i",
        str(path),
        "-f",
        "s16le",
        "-ac",
        "1",
        "-ar",
        str(sample_rate),
        "pipe:1",
    ]
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        raise AudioError(f"cannot decode {path}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def duration(path: Path, sample_rate: int = 22050) -> float:
    """The duration of an audio file in seconds, by decoding it."""
    return len(decode_pcm(path, sample_rate)) / 2 / sample_rate
