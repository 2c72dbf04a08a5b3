"""Fixtures of the speech tests: real synthesized speech (Piper joe, deterministic), real noise."""

from __future__ import annotations

import numpy as np
import pytest
from speech_helpers import LEFT, STOP, silence

from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, write_wav
from skillbridge.hierarchy.speech.tts import Utterance, synthesize


@pytest.fixture(scope="session")
def two_utterances() -> tuple[np.ndarray, list[tuple[float, float]]]:
    """``LEFT`` and ``STOP`` (joe, rates 1.0 and 1.3) between pauses; their (start, end) in s."""
    a = synthesize(LEFT, Utterance("joe", 1.0))
    b = synthesize(STOP, Utterance("joe", 1.3))
    parts, spans, t = [], [], 0.0
    for speech in (a, b):
        parts += [silence(1.0), speech]
        spans.append((t + 1.0, t + 1.0 + speech.size / SAMPLE_RATE_HZ))
        t += 1.0 + speech.size / SAMPLE_RATE_HZ
    parts.append(silence(1.0))
    return np.concatenate(parts), spans


@pytest.fixture(scope="session")
def two_utterances_wav(two_utterances, tmp_path_factory):
    return write_wav(tmp_path_factory.mktemp("wav") / "two.wav", two_utterances[0])
