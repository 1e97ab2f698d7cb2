"""Loudness: our BS.1770 measure against ffmpeg's ebur128, and the target met on real speech."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from narrate.audio import assembly as audio
from narrate.audio import loudness
from narrate.model import AudioFormat, Clip, Narration, Segment, SegmentKind

RATE = 22050


def ffmpeg_ebur128(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) as measured by ffmpeg's own filter."""
    result = subprocess.run(
        [
            audio.ffmpeg(),
            "-hide_banner",
            "-nostats",
            "-i",
            str(path),
            "-af",
            "ebur128=peak=true",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = result.stderr[result.stderr.rindex("Summary:") :]
    integrated = re.search(r"I:\s+(-?[\d.]+) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary)
    assert integrated and peak, summary
    return float(integrated.group(1)), float(peak.group(1))


def _speechlike(seconds: float, seed: int = 3) -> np.ndarray:
    """Bursts of filtered noise with gaps, peak-normalised per burst like Piper's sentences."""
    rng = np.random.default_rng(seed)
    parts = []
    for _ in range(int(seconds / 2)):
        burst = np.convolve(rng.standard_normal(int(1.6 * RATE)), np.ones(8) / 8, "same")
        burst *= np.hanning(len(burst)) ** 0.3
        parts += [burst / np.abs(burst).max(), np.zeros(int(0.4 * RATE))]
    return np.concatenate(parts).astype(np.float32)


def test_our_measure_agrees_with_ffmpeg(tmp_path: Path) -> None:
    samples = _speechlike(20) * 0.5
    pcm = (samples * 32767).astype(np.int16).tobytes()
    path = tmp_path / "x.wav"
    audio.encode(Narration(pcm, RATE), path, AudioFormat.WAV)
    theirs, _ = ffmpeg_ebur128(path)
    assert loudness.integrated_loudness(samples, RATE) == pytest.approx(theirs, abs=0.3)


def _clips(seconds: float) -> list[Clip]:
    """Speech-like clips at the levels Piper gives: peak-normalised, some quieter than others."""
    bursts = _speechlike(seconds)
    size = int(2.0 * RATE)
    clips = []
    for number, start in enumerate(range(0, len(bursts) - size + 1, size)):
        part = bursts[start : start + size] * (0.3 if number % 3 else 1.0)
        clips.append(Clip((part * 32767).astype(np.int16).tobytes(), RATE))
    return clips


def test_levelled_clips_make_an_mp3_at_the_podcast_target(tmp_path: Path) -> None:
    levelled = [loudness.level(clip) for clip in _clips(30)]
    for clip in levelled:
        assert clip.peak_dbtp is not None and clip.peak_dbtp <= -1.0
        assert loudness.gated_loudness(np.asarray(clip.energies), RATE) == pytest.approx(
            -19.0, abs=0.3
        )
    segment = Segment(SegmentKind.SENTENCE, "x", "x", 400)
    narration = audio.assemble([(segment, clip) for clip in levelled], RATE)
    assert narration.loudness is not None
    whole = np.frombuffer(narration.pcm, dtype=np.int16).astype(np.float32) / 32768
    # measured from the clips' own measures, as from the joined audio
    assert narration.loudness.integrated_lufs == pytest.approx(
        loudness.integrated_loudness(whole, RATE), abs=0.2
    )
    wav, mp3 = tmp_path / "x.wav", tmp_path / "x.mp3"
    audio.encode(narration, wav, AudioFormat.WAV)
    audio.encode(narration, mp3, AudioFormat.MP3)
    integrated, peak = ffmpeg_ebur128(wav)
    assert integrated == pytest.approx(-19.0, abs=0.3)
    assert peak <= -1.0
    # 64 kbit/s MP3 drops some of this noise's highs, which K-weighting counts extra (real
    # speech loses 0.1-0.3 LU); its peaks must stay under the ceiling all the same
    encoded, encoded_peak = ffmpeg_ebur128(mp3)
    assert integrated - 0.5 <= encoded <= integrated + 0.1
    assert encoded_peak <= -1.0


def test_silence_is_left_alone() -> None:
    silent = Clip(b"\0\0" * RATE * 2, RATE)
    levelled = loudness.level(silent)
    assert levelled.pcm == silent.pcm
    assert loudness.measure([levelled], RATE).integrated_lufs == -70.0


def test_a_clip_shorter_than_one_block_is_still_levelled() -> None:
    short = _clips(4)[1]
    brief = Clip(short.pcm[: int(0.25 * RATE) * 2], RATE)
    levelled = loudness.level(brief)
    assert len(levelled.energies) == 3  # 250 ms: three 100 ms steps, the last one partial
    assert loudness.gated_loudness(np.asarray(levelled.energies), RATE) == pytest.approx(
        -19.0, abs=0.5
    )


def test_sliding_minimum_matches_the_obvious_one() -> None:
    values = np.random.default_rng(1).random(1000).astype(np.float32)
    for window in (1, 2, 17, 999):
        expected = np.lib.stride_tricks.sliding_window_view(values, window).min(axis=1)
        assert np.array_equal(loudness._sliding_min(values, window), expected)


def test_a_levelled_clip_carries_the_measures_of_its_own_samples() -> None:
    """The energies are computed from the raw clip times the gains, not from the result:
    they must still be the result's, and its true peak under the ceiling."""
    for clip in _clips(12)[:4]:
        levelled = loudness.level(clip)
        samples = np.frombuffer(levelled.pcm, dtype=np.int16).astype(np.float32) / 32768
        claimed = loudness.gated_loudness(np.asarray(levelled.energies), RATE)
        assert claimed == pytest.approx(loudness.integrated_loudness(samples, RATE), abs=0.02)
        assert levelled.peak_dbtp == pytest.approx(loudness.true_peak_dbtp(samples), abs=0.01)
        assert levelled.peak_dbtp is not None and levelled.peak_dbtp <= -1.0


def test_fft_sizes_are_the_smallest_with_only_small_prime_factors() -> None:
    def smooth(n: int) -> bool:
        for p in (2, 3, 5):
            while n % p == 0:
                n //= p
        return n == 1

    for n in (1, 2, 7, 97, 1000, 22050, 264601):
        expected = next(m for m in range(n, 2 * n + 1) if smooth(m))
        assert loudness._fft_size(n) == expected
