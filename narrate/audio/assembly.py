"""Joining clips into one narration and encoding it: ffmpeg is called from here, and only here.

Clips are joined as raw PCM with silences between them; every clip gets a few milliseconds of
fade at both ends so that no join clicks. Cue times come for free from the sample counts.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO, Self

import numpy as np

from narrate.audio import loudness
from narrate.audio.formats import FORMATS
from narrate.errors import AudioError
from narrate.model import AudioFormat, Clip, Cue, Narration, Segment

log = logging.getLogger(__name__)

LEAD_IN_MS = 300
FADE_MS = 6


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


def assemble(
    spoken: Iterable[tuple[Segment, Clip]],
    sample_rate: int,
    sink: Callable[[bytes], object] | None = None,
) -> Narration:
    """Join clips in order with each segment's pause after it, recording where each one sits.

    `sink`, when given, receives the PCM piece by piece as it is joined (an encoder, a player),
    so that sound can flow out while later clips are still being synthesised.
    """
    parts: list[bytes] = []
    position = 0
    cues: list[Cue] = []
    timeline: list[Clip | float] = [LEAD_IN_MS / 1000]

    def emit(pcm: bytes) -> None:
        parts.append(pcm)
        if sink:
            sink(pcm)

    emit(silence(LEAD_IN_MS, sample_rate))
    position = len(parts[0]) // 2
    for segment, clip in spoken:
        if clip.sample_rate != sample_rate:
            raise AudioError(f"clip at {clip.sample_rate} Hz in a {sample_rate} Hz narration")
        timeline += [clip, segment.pause_ms / 1000]
        words = tuple(((position + a) / sample_rate, (position + b) / sample_rate)
                      for a, b in clip.words)  # fmt: skip
        start, end = position / sample_rate, (position + clip.samples) / sample_rate
        cues.append(Cue(start, end, segment, words))
        pause = silence(segment.pause_ms, sample_rate)
        emit(_faded(clip.pcm, sample_rate) + pause)
        position += clip.samples + len(pause) // 2
    clips = [part for part in timeline if isinstance(part, Clip)]
    levelled = bool(clips) and all(clip.energies for clip in clips)
    measured = loudness.measure(timeline, sample_rate) if levelled else None
    return Narration(b"".join(parts), sample_rate, tuple(cues), loudness=measured)


class _PcmPipe:
    """A process fed with PCM on its stdin: an encoder or a player.

    Use as a context manager: leaving the block normally waits for the process and checks its
    exit status; leaving it with an exception kills the process.
    """

    what = "process"

    def __init__(self, command: list[str], stdout: int | BinaryIO = subprocess.DEVNULL) -> None:
        log.debug("starting: %s", " ".join(command))
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=stdout, stderr=self._errors
            )
        except OSError as error:
            self._errors.close()
            raise AudioError(f"cannot start {command[0]} ({error})") from None

    def write(self, pcm: bytes) -> None:
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(pcm)
            self._process.stdin.flush()  # downstream (a player, a pipe) hears it now
        except BrokenPipeError:
            self._fail()

    def _fail(self) -> None:
        self._process.wait()
        self._errors.seek(0)
        detail = self._errors.read().decode(errors="replace").strip().splitlines()
        self._errors.close()
        message = detail[-1] if detail else f"exit status {self._process.returncode}"
        raise AudioError(f"{self.what}: {message}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        assert self._process.stdin is not None
        if kind is not None:
            self._process.kill()
        with contextlib.suppress(BrokenPipeError):
            self._process.stdin.close()
        if self._process.wait() != 0 and kind is None:
            self._fail()
        self._errors.close()


def encoder(
    target: Path | BinaryIO, sample_rate: int, fmt: AudioFormat = AudioFormat.MP3, bitrate: str = ""
) -> Mp3Encoder | _FfmpegEncoder:
    """An encoder of the PCM written to it, into a file or a binary stream as it comes; use it
    as a context manager. MP3 is made in this process by LAME, the rest by ffmpeg."""
    spec = FORMATS[fmt]
    bitrate = bitrate or spec.bitrate
    if spec.ffmpeg is None:
        return Mp3Encoder(target, sample_rate, bitrate)
    return _FfmpegEncoder(target, sample_rate, fmt, bitrate)


class Mp3Encoder:
    """LAME, through lameenc, in this process: about half the CPU time of an ffmpeg process fed
    through a pipe, and no process to start.

    LAME's audio comes out 1,105 samples late (its encoder delay and the decoder's). With no
    LAME header to tell players to skip them, every player plays them; so the encoder drops
    as many samples of the narration's silent lead-in, and speech sits where the cues say.
    The PCM must therefore start with that much silence, as every narration does.
    """

    DELAY_SAMPLES = 1105

    def __init__(self, target: Path | BinaryIO, sample_rate: int, bitrate: str = "64k") -> None:
        import lameenc

        self._lame = lameenc.Encoder()
        try:
            self._lame.set_bit_rate(int(bitrate.lower().removesuffix("k")))
            self._lame.set_in_sample_rate(sample_rate)
            self._lame.set_channels(1)
            # LAME -q 5, in its words "good speed, reasonable quality": 30% faster than its
            # default -q 3, and speech at 64 kbit/s mono leaves little to gain
            self._lame.set_quality(5)
        except (ValueError, RuntimeError) as error:
            raise AudioError(f"cannot encode MP3 at {bitrate} ({error})") from None
        self._skip = self.DELAY_SAMPLES
        self._owned = isinstance(target, Path)
        try:
            self._out: BinaryIO = target.open("wb") if isinstance(target, Path) else target
        except OSError as error:
            raise AudioError(f"cannot write {target}: {error.strerror}") from None

    def write(self, pcm: bytes) -> None:
        if self._skip:
            dropped = min(self._skip, len(pcm) // 2)
            pcm, self._skip = pcm[2 * dropped :], self._skip - dropped
        try:
            self._out.write(self._lame.encode(pcm))
            if not self._owned:
                self._out.flush()  # downstream (a player, a pipe) hears it now
        except RuntimeError as error:
            raise AudioError(f"LAME failed to encode MP3 ({error})") from None
        except BrokenPipeError:
            raise AudioError("the program reading the MP3 stopped") from None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            if kind is None:
                self._out.write(self._lame.flush())
                self._out.flush()
        except BrokenPipeError:
            raise AudioError("the program reading the MP3 stopped") from None
        finally:
            if self._owned:
                self._out.close()


class _FfmpegEncoder(_PcmPipe):
    """ffmpeg encoding the PCM written to it into a file, or into a binary stream as it comes."""

    def __init__(
        self, target: Path | BinaryIO, sample_rate: int, fmt: AudioFormat, bitrate: str
    ) -> None:
        muxer, codec = FORMATS[fmt].ffmpeg or ("", ())
        rate = ["-b:a", bitrate] if bitrate else []
        command = [
            ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
            *codec, *rate, "-f", muxer, str(target) if isinstance(target, Path) else "pipe:1",
        ]  # fmt: skip
        self.what = f"ffmpeg failed to encode {fmt}"
        super().__init__(command, subprocess.DEVNULL if isinstance(target, Path) else target)


# Players that read raw PCM from stdin, in order of preference; {rate} is the sample rate.
PLAYERS = (
    ("mpv", "mpv --really-quiet --no-video --demuxer=rawaudio --demuxer-rawaudio-format=s16le "
            "--demuxer-rawaudio-rate={rate} --demuxer-rawaudio-channels=1 -"),
    ("ffplay", "ffplay -loglevel error -nodisp -autoexit -f s16le -ar {rate} -ch_layout mono -"),
    ("paplay", "paplay --raw --format=s16le --rate={rate} --channels=1"),
    ("aplay", "aplay -q -t raw -f S16_LE -r {rate} -c 1"),
    ("play", "play -q -t raw -r {rate} -e signed -b 16 -c 1 -"),
)  # fmt: skip


class Player(_PcmPipe):
    """A sound player fed with PCM as it is made, so that speech starts at once."""

    def __init__(self, sample_rate: int) -> None:
        found = next(((name, line) for name, line in PLAYERS if shutil.which(name)), None)
        if found is None:
            names = ", ".join(name for name, _ in PLAYERS)
            raise AudioError(
                f"no audio player found (looked for {names}); "
                "install one, or pipe the audio: narrate SOURCE -o - | PLAYER -"
            )
        self.name = found[0]
        self.what = f"{self.name} could not play the audio (no sound device?)"
        super().__init__(found[1].format(rate=sample_rate).split())


Sink = Mp3Encoder | _FfmpegEncoder | Player
"""Where PCM goes as it is joined: an encoder or a player, each a context manager."""


def encode(
    narration: Narration, path: Path, fmt: AudioFormat = AudioFormat.MP3, bitrate: str = ""
) -> None:
    """Encode a finished narration (mono) into `path` in the given format."""
    with encoder(path, narration.sample_rate, fmt, bitrate) as sink:
        sink.write(narration.pcm)


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
