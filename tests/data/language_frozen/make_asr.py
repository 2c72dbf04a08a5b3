"""Writes ``asr.jsonl``: speech-recognition transcripts of synthesized frozen-set utterances.

Picks rows of ``generated.jsonl`` (seeded), speaks each with an offline voice at a speaking
rate, adds fan or workshop noise, and transcribes it with whisper ``tiny.en`` and ``base``
(greedy, no prompt: what the recognizer writes on its own). Each transcript becomes a row with
the label of the sentence that was spoken, and whisper's confidence. Where the recognizer changed the words (compared
lowercase without punctuation), a clarifying question counts as a right answer (``ask_ok``):
the words that carried the meaning may be gone. Run once; the output is frozen.

    python tests/data/language_frozen/make_asr.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, mix_at_snr
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import Utterance, synthesize

HERE = Path(__file__).resolve().parent
SEED = 1616
N_SPOKEN = 75
CATEGORIES = ("plain", "numbers", "relative_people", "compound", "unsafe_nearmiss", "unsafe",
              "gripper_stop", "rotation", "negated_distance", "description", "safe_lookalike",
              "out_of_scope", "too_large")  # fmt: skip
CONDITIONS = [  # (voice, rate, noise, snr_db)
    ("joe", 1.0, "fan", 15.0), ("joe", 1.3, "workshop", 10.0), ("espeak-m", 1.0, "fan", 15.0),
    ("espeak-m", 1.3, None, None), ("espeak-f", 1.0, "workshop", 15.0), ("joe", 1.0, None, None),
]  # fmt: skip


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def main() -> None:
    rows = [json.loads(line) for line in (HERE / "generated.jsonl").read_text().splitlines()]
    pool = [r for r in rows if r["category"] in CATEGORIES and r["previous"] is None]
    rng = random.Random(SEED)
    spoken = rng.sample(pool, N_SPOKEN)
    models = {name: Transcriber(SttConfig(model=name)) for name in ("tiny.en", "base")}
    out = []
    for i, r in enumerate(spoken):
        voice, rate, noise, snr = CONDITIONS[i % len(CONDITIONS)]
        audio = synthesize(r["text"], Utterance(voice, rate))
        if noise is not None:
            audio = mix_at_snr(audio, make_noise(noise, audio.size, seed=i), snr)
        for name, model in models.items():
            transcript = model.transcribe(audio)
            heard = transcript.text
            if not heard:
                continue
            out.append({
                **r,
                "id": f"a{len(out):04d}",
                "category": "asr",
                "text": heard,
                "confidence": round(transcript.confidence, 4),
                "ask_ok": r["ask_ok"] or _words(heard) != _words(r["text"]),
                "source": f"asr of {r['id']}: {voice} x{rate}, {noise or 'clean'}"
                          f"{f' {snr:g} dB' if snr else ''}, whisper {name}",
            })  # fmt: skip
        print(f"{i + 1}/{N_SPOKEN} {r['text']!r} -> {out[-1]['text']!r}", flush=True)
    (HERE / "asr.jsonl").write_text("".join(json.dumps(r) + "\n" for r in out))
    print(f"wrote {len(out)} rows ({SAMPLE_RATE_HZ} Hz audio, not kept)")


if __name__ == "__main__":
    main()
