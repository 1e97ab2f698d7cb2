"""Loudness: our BS.1770 measure against ffmpeg's ebur128, and the target met on real speech."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from narrate import audio, loudness
from narrate.model import Narration

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
    audio.encode(Narration(pcm, RATE), path, "wav")
    theirs, _ = ffmpeg_ebur128(path)
    assert loudness.integrated_loudness(samples, RATE) == pytest.approx(theirs, abs=0.3)


def test_normalised_mp3_meets_the_podcast_target(tmp_path: Path) -> None:
    raw = (_speechlike(30) * 32767).astype(np.int16).tobytes()
    pcm, measured = loudness.normalize(raw, RATE)
    assert measured.integrated_lufs == pytest.approx(-19.0, abs=0.2)
    assert measured.true_peak_dbtp <= -1.0
    path = tmp_path / "x.mp3"
    audio.encode(Narration(pcm, RATE), path, "mp3")
    integrated, peak = ffmpeg_ebur128(path)
    assert integrated == pytest.approx(-19.0, abs=0.6)
    assert peak <= -1.0


def test_silence_is_left_alone() -> None:
    pcm, measured = loudness.normalize(b"\0\0" * RATE * 2, RATE)
    assert pcm == b"\0\0" * RATE * 2
    assert measured.integrated_lufs == -70.0


def test_sliding_minimum_matches_the_obvious_one() -> None:
    values = np.random.default_rng(1).random(1000).astype(np.float32)
    for window in (1, 2, 17, 999):
        expected = np.lib.stride_tricks.sliding_window_view(values, window).min(axis=1)
        assert np.array_equal(loudness._sliding_min(values, window), expected)
