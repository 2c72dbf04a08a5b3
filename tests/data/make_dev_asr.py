"""Writes ``language_dev_asr.jsonl``: whisper transcripts of synthesized development sentences.

The development set's counterpart of the frozen set's ASR rows, for tuning the confidence
thresholds of ``dialogue.LanguageConfig``: sentences of ``language_dev.jsonl`` and the older
held-out sets that need no previous motion, spoken by each voice at two rates with fan or
workshop noise, transcribed by whisper tiny.en and base.

``--batch 4`` writes ``language_dev_asr_b4.jsonl`` instead: every row of the fourth development
batch (ids ``g...``) that needs no previous motion, spoken the same way and transcribed without
the domain prompt (a second kind of recognizer output to tune the speech rules on); ``--batch 5``
the fifth (ids ``h...``) to ``language_dev_asr_b5.jsonl``, a check of those rules on transcripts
they were not built from. ``--batch 6`` / ``--batch 7`` speak the rows of
``language_dev_b6.jsonl`` / ``language_dev_b7.jsonl`` (``make_dev_b67.py``) that need no previous
motion, the same way, to ``language_dev_asr_b6.jsonl`` / ``language_dev_asr_b7.jsonl``; a
transcript that near-duplicates a row of the frozen sets v1 or v2 is left out.

    python tests/data/make_dev_asr.py [--batch 4|5|6|7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from skillbridge.hierarchy.language.scorecard import load_rows
from skillbridge.hierarchy.speech.audio import mix_at_snr
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import Utterance, synthesize

HERE = Path(__file__).resolve().parent
BATCHES = {4: "g", 5: "h"}
"""Development batches spoken with ``--batch``: the id prefix of their rows."""
BATCH_FILES = {6: "language_dev_b6.jsonl", 7: "language_dev_b7.jsonl"}
"""Development batches in files of their own (``make_dev_b67.py``), spoken with ``--batch``."""
FROZEN = [HERE / "language_frozen" / n for n in ("generated.jsonl", "hand.jsonl", "asr.jsonl")]
FROZEN += [HERE / "language_frozen_v2" / n for n in ("typed.jsonl", "asr.jsonl")]
CONDITIONS = [("joe", 1.3, "fan", 10.0), ("espeak-m", 1.0, "workshop", 15.0),
              ("espeak-f", 1.3, "fan", 15.0), ("joe", 1.0, "workshop", 5.0)]  # fmt: skip


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def _without_frozen(rows: list[dict], prefix: str) -> list[dict]:
    """The rows whose text near-duplicates no frozen row (looked up both ways), renumbered."""
    from skillbridge.hierarchy.language.leakage import near_duplicates, normalized

    frozen = [r["text"] for r in load_rows(FROZEN)]
    texts = [r["text"] for r in rows]
    drop = {texts[i] for i, _found, _score in near_duplicates(texts, frozen)}
    back = {found for _i, found, _score in near_duplicates(frozen, texts)}
    drop |= {t for t in texts if normalized(t) in back}
    print(f"left out {sum(r['text'] in drop for r in rows)} transcripts near-duplicating "
          f"frozen rows: {sorted(drop)}")  # fmt: skip
    kept = [r for r in rows if r["text"] not in drop]
    return [{**r, "id": f"{prefix}{i:04d}"} for i, r in enumerate(kept)]


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    cli.add_argument("--batch", type=int, choices=sorted({**BATCHES, **BATCH_FILES}),
                     default=None, help="speak one development batch (4: ids g..., 5: ids "
                     "h..., 6 and 7: language_dev_b6/b7.jsonl)")  # fmt: skip
    args = cli.parse_args()
    names = ("language_dev.jsonl", "parser_heldout.jsonl", "parser_relative_heldout.jsonl")
    rows = [r for r in load_rows([HERE / n for n in names]) if not r["previous"]]
    rows = [r for r in rows if r.get("category") != "asr"]
    if args.batch in BATCH_FILES:
        spoken = [r for r in load_rows([HERE / BATCH_FILES[args.batch]]) if not r["previous"]]
        prompt, out_name = "", f"language_dev_asr_b{args.batch}.jsonl"
        prefix = f"dev-asr{args.batch}-"
    elif args.batch is not None:
        spoken = [r for r in rows if r["id"].startswith(BATCHES[args.batch])]
        prompt, out_name = "", f"language_dev_asr_b{args.batch}.jsonl"
        prefix = f"dev-asr{args.batch}-"
    else:
        spoken = random.Random(7).sample(rows, 48)
        prompt, out_name, prefix = SttConfig().prompt, "language_dev_asr.jsonl", "dev-asr"
    models = {n: Transcriber(SttConfig(model=n, prompt=prompt)) for n in ("tiny.en", "base")}
    out = []
    for i, r in enumerate(spoken):
        print(f"{i + 1}/{len(spoken)} {r['text']}", flush=True)
        voice, rate, noise, snr = CONDITIONS[i % len(CONDITIONS)]
        audio = synthesize(r["text"], Utterance(voice, rate))
        audio = mix_at_snr(audio, make_noise(noise, audio.size, seed=100 + i), snr)
        for name, model in models.items():
            heard = model.transcribe(audio)
            if heard.text:
                out.append({**r, "id": f"{prefix}{len(out):04d}", "category": "asr",
                            "text": heard.text, "confidence": round(heard.confidence, 4),
                            "ask_ok": r["ask_ok"] or _words(heard.text) != _words(r["text"]),
                            "source": f"dev asr: {voice} x{rate} {noise} {snr} dB {name}"})  # fmt: skip
    if args.batch in BATCH_FILES:
        out = _without_frozen(out, prefix)
    (HERE / out_name).write_text("".join(json.dumps(r) + "\n" for r in out))
    print(f"wrote {len(out)} rows to {out_name}")


if __name__ == "__main__":
    main()
