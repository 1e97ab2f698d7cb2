"""Loudness to the spoken-word podcast norm (EBU R128 / ITU-R BS.1770), in numpy.

Each clip is levelled on its own, as soon as it is synthesised (in the worker that made it):
a gain to the target loudness, then a true-peak limiter. Its measurements (K-weighted block
powers, true peak) travel with it, into the cache too, so the finished narration is measured
from them without another pass over the whole audio. Levelling each sentence also evens out
the voice's sentence-to-sentence swings, as a broadcast leveller would.

ffmpeg's two-pass loudnorm would cost about half the synthesis time again; this costs a couple
of short FFTs per sentence, off the critical path. The K-weighting filter is applied in the
frequency domain with its magnitude response (zero phase): energy depends only on magnitude.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from narrate.model import Clip, Loudness

TARGET_MONO_LUFS = -19.0
"""-16 LUFS is the norm for stereo; a mono file is heard 3 dB louder on two speakers."""
CEILING_DBTP = -1.0
SILENCE_DBTP = -144.0
"""The true peak given for silence, whose logarithm has none: below any 24-bit signal."""
_MARGIN_DB = 0.7
"""Head-room under the ceiling for the MP3 encoder, which overshoots a little."""
_OVERSAMPLE = 4
_LIMITER_WINDOW_S = 0.004
_BLOCK_S, _STEP_S = 0.4, 0.1
_ABSOLUTE_GATE = 10 ** ((-70 + 0.691) / 10)


def _biquad_power(b: tuple[float, ...], a: tuple[float, ...], w: np.ndarray) -> np.ndarray:
    # |c0 + c1 z + c2 z^2|^2 on the unit circle, in real arithmetic: 10x faster than complex
    cos_w, cos_2w = np.cos(w), np.cos(2 * w)

    def power(c: tuple[float, ...]) -> np.ndarray:
        result: np.ndarray = (c[0] ** 2 + c[1] ** 2 + c[2] ** 2
                              + 2 * (c[0] * c[1] + c[1] * c[2]) * cos_w
                              + 2 * c[0] * c[2] * cos_2w)  # fmt: skip
        return result

    ratio: np.ndarray = power(b) / power(a)
    return ratio


def _k_weighting_power(freqs: np.ndarray, rate: int) -> np.ndarray:
    """|H(f)|^2 of BS.1770's pre-filter (high shelf) and RLB high-pass, at any sample rate."""
    w = 2 * np.pi * freqs / rate
    # high shelf: +4 dB above ~1.7 kHz (constants as in BS.1770's 48 kHz design)
    gain, q, fc = 3.99984385397, 0.7071752369554193, 1681.9744509555319
    big_a, w0 = 10 ** (gain / 40), 2 * math.pi * fc / rate
    alpha, cos = math.sin(w0) / (2 * q), math.cos(w0)
    root = 2 * math.sqrt(big_a) * alpha
    plus, minus = (big_a + 1), (big_a - 1)
    shelf = _biquad_power(
        (big_a * (plus + minus * cos + root), -2 * big_a * (minus + plus * cos),
         big_a * (plus + minus * cos - root)),
        (plus - minus * cos + root, 2 * (minus - plus * cos), plus - minus * cos - root),
        w,
    )  # fmt: skip
    q, fc = 0.5003270373253953, 38.13547087613982
    w0 = 2 * math.pi * fc / rate
    alpha, cos = math.sin(w0) / (2 * q), math.cos(w0)
    high_pass = _biquad_power(
        ((1 + cos) / 2, -(1 + cos), (1 + cos) / 2), (1 + alpha, -2 * cos, 1 - alpha), w
    )
    weights: np.ndarray = shelf * high_pass
    return weights


def _fft_size(n: int) -> int:
    """The smallest 2^a 3^b 5^c >= n: FFTs of lengths with large prime factors can be 50x
    slower, and the next power of two can be twice as long."""
    best = 1 << (n - 1).bit_length()
    fives = 1
    while fives < best:
        threes = fives
        while threes < best:
            best = min(best, threes << max(0, (n - 1) // threes).bit_length())
            threes *= 3
        fives *= 5
    return best


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """The signal through BS.1770's K-weighting filter (its magnitude response, zero phase)."""
    n = len(samples)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    size = _fft_size(n)
    spectrum = np.fft.rfft(samples, size)
    # The response is smooth: compute it on a fine grid and interpolate onto the FFT's bins.
    grid = np.linspace(0, rate / 2, 8193)
    response = np.sqrt(np.maximum(_k_weighting_power(grid, rate), 0.0))
    spectrum *= np.interp(np.fft.rfftfreq(size, 1 / rate), grid, response).astype(np.float32)
    return np.fft.irfft(spectrum, size)[:n].astype(np.float32)


def step_energies(weighted: np.ndarray, rate: int) -> np.ndarray:
    """Energy of a K-weighted signal in each 100 ms step (the last one may be partial).

    BS.1770's 400 ms blocks, 75% overlapped, are sums of four consecutive steps; keeping the
    steps lets clips measured apart be measured together, with the pauses between them.
    """
    step = _step(rate)
    squared = np.pad(weighted.astype(np.float64) ** 2, (0, -len(weighted) % step))
    return np.asarray(squared.reshape(-1, step).sum(axis=1))


def energies(samples: np.ndarray, rate: int) -> np.ndarray:
    """Energy of the K-weighted signal in each 100 ms step."""
    return step_energies(k_weighted(samples, rate), rate)


def _step(rate: int) -> int:
    return round(_STEP_S * rate)


def gated_loudness(steps: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) from step energies: 400 ms blocks, both gates (BS.1770)."""
    per_block = _BLOCK_S / _STEP_S
    if len(steps) < per_block:  # shorter than one block: one block over all of it
        powers = np.array([steps.sum() / max(1, len(steps) * _step(rate))])
    else:
        sums = np.convolve(steps, np.ones(round(per_block)), "valid")
        powers = sums / (per_block * _step(rate))
    powers = powers[powers > _ABSOLUTE_GATE]  # absolute gate: -70 LUFS
    if not len(powers):
        return -70.0
    relative = 10 * np.log10(powers.mean()) - 0.691 - 10  # relative gate: -10 LU
    gated = powers[powers > 10 ** ((relative + 0.691) / 10)]
    return float(10 * np.log10(gated.mean()) - 0.691)


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Gated integrated loudness (LUFS) of mono float samples in [-1, 1]."""
    if len(samples) < int(_BLOCK_S * rate):
        return -70.0
    return gated_loudness(energies(samples, rate), rate)


def _oversampled_peaks(samples: np.ndarray) -> np.ndarray:
    """Per-sample true peak: the largest |value| of a 4x band-limited interpolation around it."""
    taps = 12  # per phase; windowed-sinc interpolation as in BS.1770 annex 2
    t = np.arange(-taps // 2 * _OVERSAMPLE, taps // 2 * _OVERSAMPLE) / _OVERSAMPLE
    kernel = (np.sinc(t) * np.kaiser(len(t), 8.0)).astype(np.float32)  # float32: twice as fast
    peaks = np.abs(samples).astype(np.float32)
    for phase in range(1, _OVERSAMPLE):
        phase_kernel = kernel[phase::_OVERSAMPLE][::-1]
        interpolated = np.convolve(samples, phase_kernel, mode="same")
        np.maximum(peaks, np.abs(interpolated), out=peaks)
    result: np.ndarray = peaks
    return result


def true_peak_dbtp(samples: np.ndarray) -> float:
    peak = float(_oversampled_peaks(samples).max(initial=0.0))
    return 20 * math.log10(peak) if peak > 0 else SILENCE_DBTP


def _sliding_min(values: np.ndarray, window: int) -> np.ndarray:
    """Minimum of every run of `window` values, in O(n) (van Herk / Gil-Werman)."""
    count = len(values) - window + 1
    rows = -(-len(values) // window)
    blocks = np.pad(values, (0, rows * window - len(values)), constant_values=np.inf)
    blocks = blocks.reshape(rows, window)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(suffix[:count], prefix[window - 1 : window - 1 + count])


def _limiter_gain(peaks: np.ndarray, rate: int, ceiling: float) -> np.ndarray | None:
    """The smooth gain, per sample, that brings every true peak (`peaks`, per sample) under
    `ceiling` and never overshoots; None when no peak is over."""
    if peaks.max(initial=0.0) <= ceiling:
        return None
    gain = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    width = max(1, int(_LIMITER_WINDOW_S * rate))
    # The minimum over +-width then the mean over width: the smoothed gain at any sample is at
    # most the gain that sample needs, and it moves without clicks.
    floor = _sliding_min(np.pad(gain, width, constant_values=1.0), 2 * width + 1)
    padded = np.pad(floor, (width // 2, width - 1 - width // 2), mode="edge")
    sums = np.cumsum(padded, dtype=np.float64)  # a moving mean in O(n), whatever the width
    sums[width:] -= sums[:-width].copy()
    return (sums[width - 1 :] / width).astype(np.float32)


def level(
    clip: Clip, target_lufs: float = TARGET_MONO_LUFS, ceiling_dbtp: float = CEILING_DBTP
) -> Clip:
    """The clip at the target loudness with true peaks under the ceiling, and its measures."""
    raw = np.frombuffer(clip.pcm, dtype=np.int16).astype(np.float32) / 32768
    ceiling = 10 ** ((ceiling_dbtp - _MARGIN_DB) / 20)
    rate = clip.sample_rate
    weighted = k_weighted(raw, rate)
    samples, steps = raw, step_energies(weighted, rate)
    current = gated_loudness(steps, rate)
    if current > -70:  # not silence
        # Gains and peaks scale together, so the raw clip is filtered and oversampled once.
        # The limiter's gain moves over milliseconds, so the filtered signal times that gain
        # stands for the filtered limited signal (within a hundredth of a LU).
        raw_peaks = _oversampled_peaks(raw)
        gain_db = target_lufs - current
        for _ in range(2):  # limiting costs a few tenths of a LU; the second round makes them up
            gain = np.float32(10 ** (gain_db / 20))
            limiter = _limiter_gain(raw_peaks * gain, rate, ceiling)
            if limiter is None:
                samples, steps = raw * gain, step_energies(weighted, rate) * float(gain) ** 2
                peak = float(raw_peaks.max(initial=0.0)) * float(gain)
            else:
                samples = raw * (gain * limiter)
                steps = step_energies(weighted * (gain * limiter), rate)
                peak = float((raw_peaks * (gain * limiter)).max(initial=0.0))
            gain_db += target_lufs - gated_loudness(steps, rate)
    else:
        peak = float(np.abs(raw).max(initial=0.0))
    pcm = np.clip(np.round(samples * 32768), -32768, 32767).astype(np.int16).tobytes()
    # The true peak scales with the gain, so it comes from the raw clip's, oversampled once.
    peak_dbtp = 20 * math.log10(peak) if peak > 0 else SILENCE_DBTP
    return replace(clip, pcm=pcm, energies=tuple(steps.tolist()), peak_dbtp=peak_dbtp)


def measure(parts: Iterable[Clip | float], rate: int) -> Loudness:
    """Loudness of clips and pauses (in seconds) played in order, from the clips' measures.

    Exact for the true peak; for the integrated loudness, each clip and pause is rounded to
    whole 100 ms steps, which moves the result by hundredths of a LU.
    """
    steps: list[float] = []
    peak = SILENCE_DBTP
    for part in parts:
        if isinstance(part, Clip):
            steps.extend(part.energies)
            if part.peak_dbtp is not None:
                peak = max(peak, part.peak_dbtp)
        else:
            steps.extend([0.0] * round(part / _STEP_S))
    return Loudness(gated_loudness(np.asarray(steps, dtype=np.float64), rate), peak)
