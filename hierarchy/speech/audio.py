"""Audio plumbing: 16 kHz mono float32, WAV files, resampling, mixing at a signal-to-noise ratio.

Every array here is a 1-D ``float32`` signal in [-1, 1] at ``SAMPLE_RATE_HZ`` unless a name says
otherwise.
"""

from __future__ import annotations

from math import gcd
from pathlib import Path

import numpy as np
from scipy.io import wavfile
from scipy.signal import resample_poly

from skillbridge.hierarchy.errors import SpeechError

SAMPLE_RATE_HZ = 16_000
"""What whisper and silero VAD take."""


def resample(audio: np.ndarray, rate_hz: int, to_hz: int = SAMPLE_RATE_HZ) -> np.ndarray:
    """Polyphase resampling of a 1-D signal from ``rate_hz`` to ``to_hz``."""
    if rate_hz == to_hz:
        return np.asarray(audio, dtype=np.float32)
    g = gcd(int(rate_hz), int(to_hz))
    return resample_poly(audio, to_hz // g, rate_hz // g).astype(np.float32)


def read_wav(path: str | Path) -> np.ndarray:
    """A WAV file (int16/int32/float, mono or multi-channel) as 16 kHz mono float32.

    Raises:
        SpeechError: the file is missing or not a WAV file.
    """
    try:
        rate, data = wavfile.read(str(path))
    except (OSError, ValueError) as exc:
        raise SpeechError(f"cannot read WAV file {path}: {exc}; give a PCM .wav file") from exc
    if data.dtype.kind == "i":
        data = data.astype(np.float32) / float(np.iinfo(data.dtype).max)
    elif data.dtype.kind == "u":
        data = (data.astype(np.float32) - 128.0) / 128.0
    data = np.asarray(data, dtype=np.float32)
    if data.ndim == 2:
        data = data.mean(axis=1)
    return resample(data, int(rate))


def write_wav(path: str | Path, audio: np.ndarray, rate_hz: int = SAMPLE_RATE_HZ) -> Path:
    """Write 16-bit PCM (clipped to [-1, 1])."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(audio, -1.0, 1.0) * 32767.0).astype(np.int16)
    wavfile.write(str(path), rate_hz, pcm)
    return path


def rms(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(audio, dtype=np.float64)))) if audio.size else 0.0


def mix_at_snr(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    """``speech + noise`` with the noise scaled so that speech RMS / noise RMS is ``snr_db``.

    The noise must be at least as long as the speech (it is cut to length). The sum is scaled
    down if it would clip.
    """
    if noise.size < speech.size:
        raise SpeechError(f"noise has {noise.size} samples, speech {speech.size}: make it longer")
    noise = noise[: speech.size]
    gain = rms(speech) / max(rms(noise), 1e-12) / (10.0 ** (snr_db / 20.0))
    out = speech + gain * noise
    peak = float(np.max(np.abs(out))) if out.size else 0.0
    return (out / peak * 0.98 if peak > 0.98 else out).astype(np.float32)
