"""Loudness to the spoken-word podcast norm: EBU R128 / ITU-R BS.1770 measurement, a gain, and a
true-peak limiter, in numpy, in one pass over the PCM we already hold.

ffmpeg's two-pass loudnorm would cost about half the synthesis time again; this costs a few FFTs.
The K-weighting filter is applied in the frequency domain with its magnitude response (zero
phase): energy, and so loudness, depends only on the magnitude.
"""

from __future__ import annotations

import math

import numpy as np

from narrate.model import Loudness

TARGET_MONO_LUFS = -19.0
"""-16 LUFS is the norm for stereo; a mono file is heard 3 dB louder on two speakers."""
CEILING_DBTP = -1.0
_MARGIN_DB = 0.7
"""Head-room under the ceiling for the MP3 encoder, which overshoots a little."""
_OVERSAMPLE = 4
_LIMITER_WINDOW_S = 0.004


def _biquad_power(b: tuple[float, ...], a: tuple[float, ...], w: np.ndarray) -> np.ndarray:
    # |c0 + c1 z + c2 z^2|^2 on the unit circle, in real arithmetic: 10x faster than complex
    cos_w, cos_2w = np.cos(w), np.cos(2 * w)

    def power(c: tuple[float, ...]) -> np.ndarray:
        return (c[0] ** 2 + c[1] ** 2 + c[2] ** 2 + 2 * (c[0] * c[1] + c[1] * c[2]) * cos_w
                + 2 * c[0] * c[2] * cos_2w)  # fmt: skip

    return power(b) / power(a)


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
    return shelf * high_pass


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Gated integrated loudness (LUFS) of mono float samples in [-1, 1]."""
    n = len(samples)
    block, step = int(0.4 * rate), int(0.1 * rate)
    if n < block:
        return -70.0
    size = 1 << (n - 1).bit_length()  # a power of two: FFTs of other lengths can be 50x slower
    spectrum = np.fft.rfft(samples, size)
    # The response is smooth: compute it on a fine grid and interpolate onto the FFT's bins.
    grid = np.linspace(0, rate / 2, 8193)
    response = np.sqrt(np.maximum(_k_weighting_power(grid, rate), 0.0))
    spectrum *= np.interp(np.fft.rfftfreq(size, 1 / rate), grid, response).astype(np.float32)
    weighted = np.fft.irfft(spectrum, size)[:n]
    energy = np.concatenate(([0.0], np.cumsum(weighted.astype(np.float64) ** 2)))
    starts = np.arange(0, n - block + 1, step)
    power = (energy[starts + block] - energy[starts]) / block
    power = power[power > 10 ** ((-70 + 0.691) / 10)]  # absolute gate: -70 LUFS
    if not len(power):
        return -70.0
    relative = 10 * np.log10(power.mean()) - 0.691 - 10  # relative gate: -10 LU
    gated = power[power > 10 ** ((relative + 0.691) / 10)]
    return float(10 * np.log10(gated.mean()) - 0.691)


def _oversampled_peaks(samples: np.ndarray) -> np.ndarray:
    """Per-sample true peak: the largest |value| of a 4x band-limited interpolation around it."""
    taps = 12  # per phase; windowed-sinc interpolation as in BS.1770 annex 2
    t = np.arange(-taps // 2 * _OVERSAMPLE, taps // 2 * _OVERSAMPLE) / _OVERSAMPLE
    kernel = np.sinc(t) * np.kaiser(len(t), 8.0)
    peaks = np.abs(samples).astype(np.float32)
    for phase in range(1, _OVERSAMPLE):
        phase_kernel = kernel[phase::_OVERSAMPLE][::-1]
        interpolated = np.convolve(samples, phase_kernel, mode="same")
        np.maximum(peaks, np.abs(interpolated), out=peaks)
    return peaks


def true_peak_dbtp(samples: np.ndarray) -> float:
    peak = float(_oversampled_peaks(samples).max(initial=0.0))
    return 20 * math.log10(peak) if peak > 0 else -144.0


def _sliding_min(values: np.ndarray, window: int) -> np.ndarray:
    """Minimum of every run of `window` values, in O(n) (van Herk / Gil-Werman)."""
    count = len(values) - window + 1
    rows = -(-len(values) // window)
    blocks = np.pad(values, (0, rows * window - len(values)), constant_values=np.inf)
    blocks = blocks.reshape(rows, window)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(suffix[:count], prefix[window - 1 : window - 1 + count])


def _limit(samples: np.ndarray, rate: int, ceiling: float) -> np.ndarray:
    """Bring every true peak under `ceiling` with a smooth gain that never overshoots."""
    peaks = _oversampled_peaks(samples)
    if peaks.max(initial=0.0) <= ceiling:
        return samples
    gain = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    width = max(1, int(_LIMITER_WINDOW_S * rate))
    # The minimum over +-width then the mean over width: the smoothed gain at any sample is at
    # most the gain that sample needs, and it moves without clicks.
    floor = _sliding_min(np.pad(gain, width, constant_values=1.0), 2 * width + 1)
    kernel = np.ones(width, dtype=np.float32) / width
    smooth = np.convolve(
        np.pad(floor, (width // 2, width - 1 - width // 2), mode="edge"), kernel, "valid"
    )
    return (samples * smooth).astype(np.float32)


def normalize(
    pcm: bytes, rate: int, target_lufs: float = TARGET_MONO_LUFS, ceiling_dbtp: float = CEILING_DBTP
) -> tuple[bytes, Loudness]:
    """Gain to `target_lufs`, limit true peaks to `ceiling_dbtp`; return the PCM and a measure."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    ceiling = 10 ** ((ceiling_dbtp - _MARGIN_DB) / 20)
    current = integrated_loudness(samples, rate)
    for _ in range(2):  # limiting costs a few tenths of a LU; the second round makes them up
        if current <= -70:  # silence: nothing to bring up
            break
        samples = _limit(samples * 10 ** ((target_lufs - current) / 20), rate, ceiling)
        current = integrated_loudness(samples, rate)
    measured = Loudness(current, true_peak_dbtp(samples))
    out = np.clip(np.round(samples * 32768), -32768, 32767).astype(np.int16)
    return out.tobytes(), measured
