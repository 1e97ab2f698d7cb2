"""Joining clips, cue times from sample counts, encoding with the pip-installed ffmpeg."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from narrate.audio.assembly import (
    FADE_MS,
    LEAD_IN_MS,
    assemble,
    decode_pcm,
    duration,
    encode,
    encoder,
)
from narrate.audio.formats import audio_format
from narrate.errors import AudioError
from narrate.model import AudioFormat, Clip, Segment, SegmentKind

RATE = 16000


def _segment(text: str, pause_ms: int) -> Segment:
    return Segment(SegmentKind.SENTENCE, text, text, pause_ms)


def _tone(seconds: float, level: int = 10000) -> Clip:
    return Clip(pcm=np.full(int(RATE * seconds), level, dtype=np.int16).tobytes(), sample_rate=RATE)


def test_cues_come_from_sample_counts_and_pauses() -> None:
    narration = assemble(
        [(_segment("one", 500), _tone(1.0)), (_segment("two", 250), _tone(0.5))], RATE
    )
    first, second = narration.cues
    lead = LEAD_IN_MS / 1000
    assert (first.start, first.end) == (lead, lead + 1.0)
    assert (second.start, second.end) == (lead + 1.5, lead + 2.0)
    assert narration.seconds == pytest.approx(lead + 2.0 + 0.25)
    assert first.end <= second.start <= narration.seconds


def test_each_clip_fades_in_and_out_so_joins_do_not_click() -> None:
    narration = assemble([(_segment("one", 100), _tone(0.2))], RATE)
    samples = np.frombuffer(narration.pcm, dtype=np.int16)
    start = RATE * LEAD_IN_MS // 1000
    fade = RATE * FADE_MS // 1000
    assert samples[start] == 0  # the tone starts from silence, not with a step to 10000
    assert abs(int(samples[start + fade // 2]) - 5000) < 200
    assert samples[start + fade + 10] == 10000
    assert abs(int(samples[start + int(0.2 * RATE) - 1])) < 100


def test_clips_at_another_rate_are_refused() -> None:
    with pytest.raises(AudioError, match="22050 Hz"):
        assemble([(_segment("x", 0), Clip(b"\0\0" * 10, 22050))], RATE)


@pytest.mark.parametrize("fmt", list(AudioFormat))
def test_every_format_encodes_and_decodes_to_the_same_length(
    tmp_path: Path, fmt: AudioFormat
) -> None:
    narration = assemble([(_segment("one", 300), _tone(1.2, level=3000))], RATE)
    path = tmp_path / f"out.{fmt}"
    encode(narration, path, fmt)
    assert path.stat().st_size > 1000
    # encoders pad a few frames; the length must still match the speech closely
    assert duration(path, RATE) == pytest.approx(narration.seconds, abs=0.08)


def test_mp3_bitrate_is_applied(tmp_path: Path) -> None:
    narration = assemble([(_segment("one", 0), _tone(4.0, level=3000))], RATE)
    low, high = tmp_path / "low.mp3", tmp_path / "high.mp3"
    encode(narration, low, AudioFormat.MP3, "32k")
    encode(narration, high, AudioFormat.MP3, "128k")
    assert high.stat().st_size > 2.5 * low.stat().st_size


def test_unknown_format_and_broken_input_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'flac': choose one of mp3, wav"):
        audio_format("flac")
    assert audio_format("OGG") is AudioFormat.OGG
    garbage = tmp_path / "garbage.mp3"
    garbage.write_bytes(b"not audio at all")
    with pytest.raises(AudioError, match="cannot decode"):
        decode_pcm(garbage, RATE)


@pytest.mark.parametrize("streamed", [False, True])
def test_mp3_puts_each_sample_where_the_timeline_says(tmp_path: Path, streamed: bool) -> None:
    """LAME delays its audio by 1,105 samples; the encoder takes them from the lead-in, so a
    decoded click sits at the sample it was written at, in a file or a stream alike."""
    rate = 22050
    pcm = np.zeros(3 * rate, dtype=np.int16)
    click = rate + rate // 2
    pcm[click : click + 40] = (np.hanning(40) * 20000).astype(np.int16)
    target = tmp_path / "click.mp3"
    if streamed:
        with target.open("wb") as stream, encoder(stream, rate, AudioFormat.MP3) as sink:
            sink.write(pcm[:1000].tobytes())  # the delay spans two writes
            sink.write(pcm[1000:].tobytes())
    else:
        with encoder(target, rate, AudioFormat.MP3) as sink:
            sink.write(pcm.tobytes())
    decoded = np.frombuffer(decode_pcm(target, rate), dtype=np.int16)
    assert abs(int(np.argmax(np.abs(decoded))) - (click + 20)) <= 2
    assert len(pcm) - 1105 <= len(decoded) <= len(pcm) + 1152


def test_an_mp3_bitrate_lame_cannot_make_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="cannot encode MP3 at fast"):
        encoder(tmp_path / "x.mp3", 22050, AudioFormat.MP3, "fast")
