"""Streaming speech segmentation with silero VAD (v6, ONNX, shipped in the faster-whisper wheel).

``Segmenter.feed(chunk)`` takes audio as it arrives (16 kHz mono float32, any chunk size) and
returns the utterances that ended in it: speech that started (probability >= ``threshold``)
and was followed by ``end_silence_ms`` of silence (probability < ``threshold - 0.15``). The
model runs one 32 ms window at a time with its recurrent state carried over (the way silero's
own streaming iterator does), so each window costs well under a millisecond.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np

from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ

WINDOW = 512
"""Samples per VAD window at 16 kHz (32 ms), as silero v5/v6 require."""
CONTEXT = 64
"""Samples of the previous window prepended to each one."""


@dataclasses.dataclass(frozen=True)
class VadConfig:
    """When speech starts and ends."""

    threshold: float = 0.5
    """Speech probability at or above which a window is speech."""
    end_silence_ms: float = 300.0
    """Silence after speech that ends an utterance (the floor of end-of-speech latency)."""
    min_speech_ms: float = 150.0
    """Shorter bursts (a knock, a click) are dropped."""
    pad_ms: float = 150.0
    """Audio kept before the start and after the end of speech."""
    max_utterance_s: float = 10.0
    """An utterance is cut here even without a pause (whisper's window, ``chunk_length_s``)."""


@dataclasses.dataclass(frozen=True)
class Segment:
    """One utterance cut from the stream."""

    audio: np.ndarray
    start_s: float
    """Stream time of the first speech window."""
    end_s: float
    """Stream time where speech ended (the start of the closing silence)."""
    detected_s: float
    """Stream time at which the end was detected (``end_s`` + the closing silence)."""


class SileroVad:
    """The silero VAD ONNX model, one window at a time, state carried between calls."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self.session = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), np.float32)
        self._c = np.zeros((1, 1, 128), np.float32)
        self._context = np.zeros((1, CONTEXT), np.float32)

    def __call__(self, window: np.ndarray) -> float:
        """Speech probability of one ``WINDOW``-sample window."""
        x = np.concatenate([self._context, window.reshape(1, WINDOW).astype(np.float32)], axis=1)
        out, self._h, self._c = self.session.run(None, {"input": x, "h": self._h, "c": self._c})
        self._context = x[:, -CONTEXT:]
        return float(np.asarray(out).reshape(-1)[0])


class Segmenter:
    """Cuts a live stream into utterances (see the module docstring)."""

    def __init__(self, config: VadConfig = VadConfig(), vad: SileroVad | None = None) -> None:
        self.config = config
        self.vad = vad or SileroVad()
        self._pending = np.zeros(0, np.float32)
        self._history: list[np.ndarray] = []
        """Windows kept: a pre-roll before speech, all of it during speech."""
        self._windows = 0
        self._speech_start: int | None = None
        self._last_speech = 0
        ms = SAMPLE_RATE_HZ / 1000.0 / WINDOW
        self._end_windows = max(1, round(config.end_silence_ms * ms))
        self._pad_windows = max(0, round(config.pad_ms * ms))
        self._min_windows = max(1, round(config.min_speech_ms * ms))
        self._max_windows = round(config.max_utterance_s * SAMPLE_RATE_HZ / WINDOW)

    def feed(self, chunk: np.ndarray) -> list[Segment]:
        """Add audio; the utterances that ended in it."""
        self._pending = np.concatenate([self._pending, np.asarray(chunk, np.float32).ravel()])
        done = []
        while self._pending.size >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            segment = self._step(window)
            if segment is not None:
                done.append(segment)
        return done

    def flush(self) -> list[Segment]:
        """End of the stream: an utterance still open ends here."""
        closed = None if self._speech_start is None else self._close(self._windows)
        return [] if closed is None else [closed]

    def _step(self, window: np.ndarray) -> Segment | None:
        p = self.vad(window)
        i = self._windows
        self._windows += 1
        self._history.append(window)
        if self._speech_start is None:
            del self._history[: -(self._pad_windows + 1)]
            if p >= self.config.threshold:
                self._speech_start, self._last_speech = i, i
            return None
        if p >= self.config.threshold - 0.15:
            self._last_speech = i if p >= self.config.threshold else self._last_speech
        silent = i - self._last_speech
        if silent >= self._end_windows or i - self._speech_start >= self._max_windows:
            return self._close(i + 1)
        return None

    def _close(self, detected_window: int) -> Segment | None:
        start, last = self._speech_start, self._last_speech
        assert start is not None
        self._speech_start = None
        keep = self._history
        self._history = []
        if last - start + 1 < self._min_windows:
            return None
        first_kept = detected_window - len(keep)
        end_kept = min(detected_window, last + 1 + self._pad_windows) - first_kept
        audio = np.concatenate(keep[:end_kept]) if keep else np.zeros(0, np.float32)
        to_s = WINDOW / SAMPLE_RATE_HZ
        return Segment(audio, start * to_s, (last + 1) * to_s, detected_window * to_s)


def segments_of(audio: np.ndarray, config: VadConfig = VadConfig()) -> Iterator[Segment]:
    """Every utterance in a recording (fed as one stream)."""
    segmenter = Segmenter(config)
    yield from segmenter.feed(audio)
    yield from segmenter.flush()
