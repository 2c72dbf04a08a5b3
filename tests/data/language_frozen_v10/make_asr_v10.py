"""Writes ``asr.jsonl`` of the tenth frozen set (v10): transcripts of synthesized ``typed.jsonl`` rows.

Picks ``N_SPOKEN`` motion rows of ``typed.jsonl`` without a previous motion (seeded; the spelling
categories are left out: a voice cannot say a misspelling), speaks each once with one of the
project's offline voices (Piper ``joe``, eSpeak NG ``espeak-f`` / ``espeak-m``) at one of two
speaking rates (1.0, 1.3), adds fan or workshop noise (16 or 10 dB SNR), and transcribes the same
audio with both shipped whisper models (``tiny.en`` and ``base``) through
``skillbridge.hierarchy.speech.stt``, greedy and *without* the domain prompt (a recognizer that
was not primed with the correction vocabulary). Each non-empty transcript becomes a row
(category ``asr``) with the label of the sentence that was spoken and whisper's confidence. Where
the recognizer changed any word other than a filler (``FILLERS``; compared after folding
spelled-out numbers and unit and direction spellings, so "2.5 cm" for "two and a half
centimetres" is no change), a clarifying question is also right (``ask_ok``).
Transcripts that near-duplicate the tuning texts or an earlier frozen set (v1-v9) are dropped
(``make_frozen_v10.leaked``) and listed in ``asr_dropped.json``. Ids are ``v10a-0001`` ... in
transcription order; dropped ids are not reused.

Written by the same helper as ``typed.jsonl``, under the same independence rules (see
``make_frozen_v10.py``), by adapting v9's script (``make_asr_v9.py``: a new seed, v10's rows and
ids, 40 spoken sentences, the same voices, rates, noises and models, no domain prompt); the
transcripts were never given to the parser before they were committed. Reproducibility: the
choice, the conditions and the noise are seeded and Piper is deterministic, but eSpeak NG's
prosody draws on an unseeded random source, so a rerun can hear a few eSpeak rows differently.
Run once (``nice -n 10``, one CTranslate2 thread, on a shared 2-core machine, nothing
downloaded: ``HF_HUB_OFFLINE=1``; 85 s wall time, 80 transcripts, 69 of them changed, none
empty and none dropped, 80 rows written, 74 with ``ask_ok``); the output is frozen (SHA-256
pinned).

    python tests/data/language_frozen_v10/make_asr_v10.py
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import time
from pathlib import Path

from skillbridge.hierarchy.speech.audio import mix_at_snr
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import VOICES, Utterance, synthesize

HERE = Path(__file__).resolve().parent
SEED = 2102
N_SPOKEN = 40
MODELS = ("tiny.en", "base")
THREADS = 1
"""CTranslate2 threads: the generating machine was shared (2 cores)."""
LEFT_OUT = ("typo", "split_merged", "homophone")
"""Categories not spoken: their point is the spelling, which speech does not carry."""
CONDITIONS = [(voice, rate, noise) for rate in (1.0, 1.3) for noise in ("fan", "workshop")
              for voice in VOICES]  # fmt: skip
SNR_DB = (16.0, 10.0)

_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_NUMBERS.update(
    {
        w: 10 * (i + 2)
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    }
)
_UNITS = {
    "cm": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "cms": "cm",
    "mm": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "mil": "mm",
    "mils": "mm",
    "m": "m",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "degree": "deg",
    "degrees": "deg",
    "deg": "deg",
    "inch": "in",
    "inches": "in",
}
FILLERS = set(
    """um umm uh uhh uhm er erm hmm mm ah like so okay ok well yeah alright basically
    literally please thanks""".split()
)
"""Words that carry no meaning for the arm; every other word counts."""


def words(text: str) -> list[str]:
    """Lowercase words without punctuation (apostrophes kept), degree signs spelled out."""
    text = text.lower().replace("°", " degrees ").replace("-", " ")
    text = re.sub(r"\b(?:counter|anti) clockwise\b", "counterclockwise", text)
    return re.findall(r"[a-z']+|\d+(?:\.\d+)?", text)


def meaning(text: str) -> list[str]:
    """The words without fillers, spelled-out numbers folded to digits, unit and direction
    spellings unified ("two and a half centimetres" and "2.5 cm" both give ``['2.5', 'cm']``)."""
    out: list[str] = []
    value: float | None = None
    tokens = words(text)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in _NUMBERS or re.fullmatch(r"\d+(?:\.\d+)?", t):
            n = float(_NUMBERS[t]) if t in _NUMBERS else float(t)
            value = n if value is None else value + n
        elif t == "hundred" and value is not None:
            value *= 100
        elif value is not None and tokens[i : i + 3] == ["and", "a", "half"]:
            value += 0.5
            i += 2
        elif (
            value is not None
            and t == "point"
            and i + 1 < len(tokens)
            and tokens[i + 1] in _NUMBERS
        ):
            value += _NUMBERS[tokens[i + 1]] / 10
            i += 1
        elif (
            value is not None and t == "and" and i + 1 < len(tokens) and tokens[i + 1] in _NUMBERS
        ):
            pass  # "one hundred and twenty"
        else:
            if value is not None:
                out.append(f"{value:g}")
                value = None
            if t in _UNITS:
                out.append(_UNITS[t])
            elif t in ("half", "quarter", "quarters"):
                out.append(t)
            elif t not in FILLERS:
                out.append(
                    {
                        "forwards": "forward",
                        "backwards": "backward",
                        "upwards": "upward",
                        "downwards": "downward",
                        "anticlockwise": "counterclockwise",
                    }.get(t, t)
                )
        i += 1
    if value is not None:
        out.append(f"{value:g}")
    return out


def _make_frozen():
    spec = importlib.util.spec_from_file_location("make_frozen_v10", HERE / "make_frozen_v10.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    rows = [json.loads(x) for x in (HERE / "typed.jsonl").read_text().splitlines() if x.strip()]
    pool = [r for r in rows if r["category"] not in LEFT_OUT and r["outcome"] == "motion"
            and r["previous"] is None]  # fmt: skip
    wall = time.perf_counter()
    rng = random.Random(SEED)
    spoken = rng.sample(pool, N_SPOKEN)
    audios = []
    for i, r in enumerate(spoken):
        voice, rate, noise = CONDITIONS[i % len(CONDITIONS)]
        snr = SNR_DB[(i // len(CONDITIONS)) % len(SNR_DB)]
        audio = synthesize(r["text"], Utterance(voice, rate))
        audios.append(
            (
                mix_at_snr(audio, make_noise(noise, audio.size, seed=SEED + i), snr),
                f"{voice} x{rate}, {noise} {snr:g} dB",
            )
        )
    heard = []
    start = time.perf_counter()
    for model_name in MODELS:
        model = Transcriber(SttConfig(model=model_name, prompt="", threads=THREADS))
        for r, (audio, how) in zip(spoken, audios, strict=True):
            transcript = model.transcribe(audio)
            changed = meaning(transcript.text) != meaning(r["text"])
            print(f"{len(heard) + 1}/{len(MODELS) * N_SPOKEN} ({time.perf_counter() - start:.0f} s)"
                  f" {model_name} {'CHANGED ' if changed else ''}{r['text']!r} -> "
                  f"{transcript.text!r}", flush=True)  # fmt: skip
            heard.append({
                **r,
                "id": f"v10a-{len(heard) + 1:04d}",
                "category": "asr",
                "text": transcript.text,
                "confidence": round(transcript.confidence, 4),
                "ask_ok": r["ask_ok"] or changed,
                "source": f"asr of {r['id']} ({r['category']}): {how}, whisper {model_name}, "
                          f"no prompt",
            })  # fmt: skip
    spoken_rows = [r for r in heard if r["text"]]
    hits = _make_frozen().leaked([r["text"] for r in spoken_rows])
    dropped = [{"id": spoken_rows[h["index"]]["id"], "text": spoken_rows[h["index"]]["text"],
                "reason": h["reason"]} for h in hits]  # fmt: skip
    dropped += [{"id": r["id"], "text": "", "reason": "empty transcript"}
                for r in heard if not r["text"]]  # fmt: skip
    (HERE / "asr_dropped.json").write_text(
        json.dumps({"seed": SEED, "dropped": dropped}, indent=1) + "\n"
    )
    drop = {d["id"] for d in dropped}
    kept = [r for r in heard if r["id"] not in drop]
    (HERE / "asr.jsonl").write_text("".join(json.dumps(r) + "\n" for r in kept))
    n_changed = sum(r["ask_ok"] for r in kept)
    print(
        f"{len(heard)} transcripts, {len(drop)} dropped, {len(kept)} rows written "
        f"({n_changed} with ask_ok); wall time {time.perf_counter() - wall:.0f} s"
    )


if __name__ == "__main__":
    main()
