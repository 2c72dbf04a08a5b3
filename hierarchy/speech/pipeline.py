"""Speech in, corrections out: silero VAD cuts the stream, whisper transcribes each utterance.

``VoicePipeline.stream(chunks)`` yields one ``Spoken`` per utterance as soon as its end is
detected; ``VoicePipeline.wav(path)`` does the same for a recording. ``microphone(...)`` gives
chunks from the default input device (sounddevice; needs PortAudio, ``libportaudio2``).
Each ``Spoken`` turns into the ``correction`` topic's message with ``heard()``.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from skillbridge.hierarchy.errors import SpeechError
from skillbridge.hierarchy.language.answers import Heard
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, read_wav
from skillbridge.hierarchy.speech.segment import Segment, Segmenter, VadConfig
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber, Transcript


@dataclasses.dataclass(frozen=True)
class Spoken:
    """One utterance: where it was in the stream and what whisper heard."""

    segment: Segment
    transcript: Transcript

    def heard(self) -> Heard:
        return Heard(self.transcript.text, round(self.transcript.confidence, 4), "voice")


class VoicePipeline:
    """Segmenter + transcriber; load once, feed many streams."""

    def __init__(self, stt: SttConfig | None = None, vad: VadConfig | None = None) -> None:
        self.vad_config = vad or VadConfig()
        self.transcriber = Transcriber(stt or SttConfig())

    def stream(self, chunks: Iterable[np.ndarray]) -> Iterator[Spoken]:
        """Utterances of a live stream, each as soon as its end is detected (empty ones are
        dropped: a cough that whisper hears as nothing)."""
        segmenter = Segmenter(self.vad_config)
        for chunk in chunks:
            for segment in segmenter.feed(chunk):
                if (spoken := self._transcribe(segment)) is not None:
                    yield spoken
        for segment in segmenter.flush():
            if (spoken := self._transcribe(segment)) is not None:
                yield spoken

    def wav(self, path: str | Path, chunk_s: float = 0.1) -> list[Spoken]:
        """Every utterance of a WAV file (streamed in ``chunk_s`` chunks)."""
        audio = read_wav(path)
        step = max(1, int(chunk_s * SAMPLE_RATE_HZ))
        return list(self.stream(audio[i : i + step] for i in range(0, audio.size, step)))

    def _transcribe(self, segment: Segment | None) -> Spoken | None:
        if segment is None:
            return None
        transcript = self.transcriber.transcribe(segment.audio)
        return Spoken(segment, transcript) if transcript.text.strip() else None


def microphone(stop: threading.Event, max_s: float = 30.0, device: int | str | None = None):
    """Chunks (0.1 s) from an input device until ``stop`` is set or ``max_s`` has passed.

    Raises:
        SpeechError: sounddevice or PortAudio is missing, or there is no input device.
    """
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:
        raise SpeechError(
            f"the microphone needs sounddevice and PortAudio ({exc}); install libportaudio2 "
            "(apt-get install libportaudio2) or give a WAV file instead"
        ) from exc
    chunks: queue.Queue[np.ndarray] = queue.Queue()
    try:
        stream = sd.InputStream(
            samplerate=SAMPLE_RATE_HZ,
            channels=1,
            dtype="float32",
            blocksize=SAMPLE_RATE_HZ // 10,
            device=device,
            callback=lambda data, _n, _t, _status: chunks.put(data[:, 0].copy()),
        )
    except Exception as exc:  # PortAudioError has no importable base without PortAudio
        raise SpeechError(f"cannot open the microphone ({exc}); pass a WAV file instead") from exc
    deadline = time.monotonic() + max_s
    with stream:
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                yield chunks.get(timeout=0.2)
            except queue.Empty:
                continue
