"""Procedural background noise for test audio: a robot's cooling fan and a workshop.

Both are made from seeded random numbers, so the same seed gives the same samples:

- ``fan``: broadband noise shaped like airflow (low-passed, a gentle 1/f tilt) plus the blade
  passing tone and its harmonics (a 7-blade fan at 2,400 rpm: 280 Hz), with slow wobble.
- ``workshop``: mains hum (50 Hz and harmonics), band-passed machine noise, a motor whine that
  drifts in pitch, and short metallic knocks (decaying resonances) at random times.

Signals are 16 kHz mono float32, RMS about 0.1.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import butter, sosfilt

from skillbridge.hierarchy.errors import SpeechError
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, rms

KINDS = ("fan", "workshop")


def _shaped(rng: np.random.Generator, n: int, band_hz: tuple[float, float]) -> np.ndarray:
    sos = butter(4, band_hz, btype="bandpass", fs=SAMPLE_RATE_HZ, output="sos")
    return sosfilt(sos, rng.standard_normal(n))


def fan(n: int, seed: int = 0) -> np.ndarray:
    """Cooling-fan noise, ``n`` samples."""
    rng = np.random.default_rng(seed)
    t = np.arange(n) / SAMPLE_RATE_HZ
    air = _shaped(rng, n, (60.0, 3_000.0))
    air += 0.5 * _shaped(rng, n, (20.0, 400.0))
    blade_hz = 280.0 * (1.0 + 0.004 * np.sin(2 * np.pi * 0.3 * t))
    phase = 2 * np.pi * np.cumsum(blade_hz) / SAMPLE_RATE_HZ
    tones = sum(a * np.sin(k * phase) for k, a in ((1, 1.0), (2, 0.4), (3, 0.2)))
    out = air / max(rms(air), 1e-12) + 0.5 * tones
    return _normalized(out)


def workshop(n: int, seed: int = 0) -> np.ndarray:
    """Workshop noise, ``n`` samples."""
    rng = np.random.default_rng(seed + 1_000)
    t = np.arange(n) / SAMPLE_RATE_HZ
    hum = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((50, 1.0), (100, 0.5), (150, 0.3)))
    machine = _shaped(rng, n, (200.0, 5_000.0))
    whine_hz = 900.0 + 60.0 * np.sin(2 * np.pi * 0.2 * t)
    whine = np.sin(2 * np.pi * np.cumsum(whine_hz) / SAMPLE_RATE_HZ)
    knocks = np.zeros(n)
    ring = np.arange(int(0.15 * SAMPLE_RATE_HZ)) / SAMPLE_RATE_HZ
    for start in rng.integers(0, max(n - ring.size, 1), size=max(1, n // SAMPLE_RATE_HZ)):
        f = rng.uniform(1_500, 4_000)
        hit = np.sin(2 * np.pi * f * ring) * np.exp(-ring * 40.0)
        knocks[start : start + ring.size] += hit[: n - start] * rng.uniform(2.0, 5.0)
    out = 0.3 * hum + machine / max(rms(machine), 1e-12) + 0.3 * whine + knocks
    return _normalized(out)


def _normalized(x: np.ndarray) -> np.ndarray:
    return (x / max(rms(x), 1e-12) * 0.1).astype(np.float32)


def make_noise(kind: str, n: int, seed: int = 0) -> np.ndarray:
    """``n`` samples of ``kind`` noise (one of ``KINDS``)."""
    if kind == "fan":
        return fan(n, seed)
    if kind == "workshop":
        return workshop(n, seed)
    raise SpeechError(f"unknown noise {kind!r}; valid kinds: {list(KINDS)}")
