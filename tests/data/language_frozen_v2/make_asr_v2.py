"""Writes ``asr.jsonl`` of the second frozen set: transcripts of synthesized ``typed.jsonl`` rows.

Picks ``N_SPOKEN`` rows of ``typed.jsonl`` (seeded; spelled slips, split words and ambiguous rows
are left out: a voice cannot say a misspelling), speaks each with one of the project's offline
voices (Piper ``joe``, eSpeak NG ``espeak-f`` / ``espeak-m``) at one of two speaking rates (1.0
and 1.3), adds fan or workshop noise (10 or 16 dB SNR), and transcribes it with whisper
``tiny.en`` through ``skillbridge.hierarchy.speech.stt`` with its default configuration (greedy,
the domain prompt: what the voice node runs). Each transcript becomes a row with the label of the
sentence that was spoken and whisper's confidence; where the recognizer changed the words
(compared lowercase without punctuation), a clarifying question is also a right answer
(``ask_ok``), as in the first frozen set. Transcripts that near-duplicate the tuning data or the
first frozen set (``leakage``) are dropped and listed in ``asr_dropped.json``.

Reproducibility: the row choice, the conditions and the noise are seeded and Piper is
deterministic; eSpeak NG's prosody draws on an unseeded random source (see ``speech.tts``), so a
rerun can hear a few eSpeak rows differently. Run once; the output is frozen.

    python tests/data/language_frozen_v2/make_asr_v2.py
"""

from __future__ import annotations

import importlib.util
import json
import random
import time
from pathlib import Path

from skillbridge.hierarchy.speech.audio import mix_at_snr
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import VOICES, Utterance, synthesize

HERE = Path(__file__).resolve().parent
SEED = 2017
N_SPOKEN = 72
MODEL = "tiny.en"
LEFT_OUT = ("typo", "split_merged", "homophone", "ambiguous")
"""Categories not spoken: their point is the spelling, which speech does not carry."""
CONDITIONS = [(voice, rate, noise) for rate in (1.0, 1.3) for noise in ("fan", "workshop")
              for voice in VOICES]  # fmt: skip
SNR_DB = (16.0, 10.0)


def _same_words():
    """``make_asr._words`` of the first frozen set (lowercase words without punctuation)."""
    spec = importlib.util.spec_from_file_location(
        "make_asr_v1", HERE.parent / "language_frozen" / "make_asr.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._words


def _leakage(texts: list[str]) -> set[int]:
    spec = importlib.util.spec_from_file_location("make_frozen_v2", HERE / "make_frozen_v2.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dropped = module.leaked(texts)
    (HERE / "asr_dropped.json").write_text(json.dumps({"dropped": dropped}, indent=1) + "\n")
    names = {d["text"] for d in dropped}
    return {i for i, t in enumerate(texts) if t in names}


def main() -> None:
    words = _same_words()
    rows = [json.loads(x) for x in (HERE / "typed.jsonl").read_text().splitlines() if x.strip()]
    pool = [r for r in rows if r["category"] not in LEFT_OUT]
    rng = random.Random(SEED)
    spoken = rng.sample(pool, N_SPOKEN)
    model = Transcriber(SttConfig(model=MODEL))
    heard_rows = []
    changed = 0
    start = time.perf_counter()
    for i, r in enumerate(spoken):
        voice, rate, noise = CONDITIONS[i % len(CONDITIONS)]
        snr = SNR_DB[(i // len(CONDITIONS)) % len(SNR_DB)]
        audio = synthesize(r["text"], Utterance(voice, rate))
        audio = mix_at_snr(audio, make_noise(noise, audio.size, seed=SEED + i), snr)
        transcript = model.transcribe(audio)
        print(f"{i + 1}/{N_SPOKEN} ({time.perf_counter() - start:.0f} s) {r['text']!r} -> "
              f"{transcript.text!r}", flush=True)  # fmt: skip
        if not transcript.text:
            continue
        changed += words(transcript.text) != words(r["text"])
        heard_rows.append({
            **r,
            "category": "asr",
            "text": transcript.text,
            "confidence": round(transcript.confidence, 4),
            "ask_ok": r["ask_ok"] or words(transcript.text) != words(r["text"]),
            "source": f"asr of {r['id']} ({r['category']}): {voice} x{rate}, {noise} {snr:g} dB, "
                      f"whisper {MODEL}",
        })  # fmt: skip
    drop = _leakage([r["text"] for r in heard_rows])
    kept = [r for i, r in enumerate(heard_rows) if i not in drop]
    out = [{**r, "id": f"v2a{i:04d}"} for i, r in enumerate(kept)]
    (HERE / "asr.jsonl").write_text("".join(json.dumps(r) + "\n" for r in out))
    print(f"{len(heard_rows)} transcripts ({changed} with changed words), {len(drop)} dropped as "
          f"near-duplicates, {len(out)} rows written")  # fmt: skip


if __name__ == "__main__":
    main()
