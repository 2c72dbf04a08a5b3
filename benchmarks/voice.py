"""Spoken corrections end to end: word error rate, right motions, end-of-speech-to-motion latency.

Utterances: sentences of the frozen test set that name one motion (no previous motion needed),
drawn with a fixed seed, spoken by the offline voices (Piper joe; eSpeak NG male and female) at
rates 1.0 and 1.3, with fan noise (15 dB SNR), workshop noise (10 dB) or none, between 0.5 s
of leading and 1.0 s of trailing background.

Each recording is streamed in 32 ms chunks (one VAD window), as a microphone delivers it,
through silero VAD (300 ms of silence ends an utterance), whisper and the dialogue parser.
Latency = (stream time of the chunk in which the end of speech was detected - the true end of
speech, from the clean synthesized signal) + the wall time from that chunk's arrival to the
parsed answer. Processing of the earlier chunks must keep up with real time (checked:
``max_chunk_ms`` < 32).

Measured for whisper tiny.en and base in the same run; the typed sentence is the baseline of
the right-motion rate. Targets: latency p50 <= 1 s, p99 <= 2 s on this 2-core CPU.

    python benchmarks/voice.py [--quick] [--json benchmarks/results/voice.json]
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.hierarchy.language.answers import motions_of
from skillbridge.hierarchy.language.dialogue import interpret
from skillbridge.hierarchy.language.parser import Parser
from skillbridge.hierarchy.language.scorecard import load_rows, outcome
from skillbridge.hierarchy.language.units import normalize
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, rms
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.segment import Segmenter
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import Utterance, synthesize

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "tests" / "data" / "language_frozen" / "generated.jsonl"
CATEGORIES = ("plain", "numbers", "relative_people", "rotation", "gripper_stop", "description",
              "safe_lookalike", "homophone", "fillers")  # fmt: skip
VOICES = [("joe", 1.0), ("espeak-m", 1.3), ("joe", 1.3), ("espeak-f", 1.0), ("espeak-m", 1.0)]
NOISES = [("fan", 15.0), ("workshop", 10.0), (None, None)]
CHUNK_S = 0.032
MODELS = ("tiny.en", "base")


def recordings(n: int) -> list[dict]:
    """``n`` single-motion frozen rows with their audio (deterministic but for eSpeak's
    prosody jitter, see ``tts``)."""
    rows = [r for r in load_rows([FROZEN]) if r["category"] in CATEGORIES
            and r["outcome"] == "motion" and len(r["expect"]) == 1]  # fmt: skip
    chosen = random.Random(16).sample(rows, n)
    out = []
    for i, row in enumerate(tqdm(chosen, desc="synthesizing", leave=False)):
        voice, rate = VOICES[i % len(VOICES)]
        noise, snr = NOISES[i % len(NOISES)]
        speech = synthesize(row["text"], Utterance(voice, rate))
        lead, tail = int(0.5 * SAMPLE_RATE_HZ), SAMPLE_RATE_HZ
        clean = np.concatenate([np.zeros(lead, np.float32), speech, np.zeros(tail, np.float32)])
        loud = np.flatnonzero(np.abs(speech) > 0.05 * np.abs(speech).max())
        end_s = (lead + (loud[-1] + 1 if loud.size else 0)) / SAMPLE_RATE_HZ
        audio = clean
        if noise is not None:  # SNR over the speech, noise over the whole recording
            hum = make_noise(noise, clean.size, seed=i)
            audio = clean + rms(speech) / rms(hum) / 10.0 ** (snr / 20.0) * hum
        out.append({"row": row, "audio": audio.astype(np.float32), "end_s": end_s,
                    "condition": f"{voice} x{rate} {noise or 'clean'}"})  # fmt: skip
    return out


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", normalize(text)).split())


def run_one(rec: dict, transcriber: Transcriber, parser: Parser) -> dict:
    """Stream one recording; the first utterance's transcript, answer, latency."""
    segmenter = Segmenter()
    step = int(CHUNK_S * SAMPLE_RATE_HZ)
    audio = rec["audio"]
    max_chunk_ms = 0.0
    for start in range(0, audio.size, step):
        arrived = time.perf_counter()
        segments = segmenter.feed(audio[start : start + step])
        if not segments:
            max_chunk_ms = max(max_chunk_ms, (time.perf_counter() - arrived) * 1e3)
            continue
        heard = transcriber.transcribe(segments[0].audio)
        answer = interpret(heard.text, None, heard.confidence, parser=parser)
        compute_s = time.perf_counter() - arrived
        chunk_end_s = min(start + step, audio.size) / SAMPLE_RATE_HZ
        return {"text": heard.text, "confidence": heard.confidence, "answer": answer,
                "latency_s": chunk_end_s - rec["end_s"] + compute_s,
                "wait_s": chunk_end_s - rec["end_s"], "compute_s": compute_s,
                "max_chunk_ms": max_chunk_ms}  # fmt: skip
    nan = float("nan")
    return {"text": "", "confidence": 0.0, "answer": None, "latency_s": nan, "wait_s": nan,
            "compute_s": nan, "max_chunk_ms": max_chunk_ms}  # fmt: skip


def measure(recs: list[dict], model: str, parser: Parser) -> dict:
    import jiwer

    transcriber = Transcriber(SttConfig(model))
    runs = [run_one(r, transcriber, parser) for r in tqdm(recs, desc=model, leave=False)]
    refs = [_words(r["row"]["text"]) for r in recs]
    hyps = [_words(x["text"]) for x in runs]
    right = [x["answer"] is not None and outcome(r["row"], x["answer"]) == "right"
             for r, x in zip(recs, runs, strict=True)]  # fmt: skip
    lat = np.array([x["latency_s"] for x in runs])
    lat = np.where(np.isnan(lat), np.inf, lat)  # a missed utterance never arrives
    return {
        "wer": float(jiwer.wer(refs, hyps)),
        "right": float(np.mean(right)),
        "p50_s": float(np.percentile(lat, 50)),
        "p99_s": float(np.percentile(lat, 99)),
        "wait_p50_s": float(np.nanmedian([x["wait_s"] for x in runs])),
        "compute_p50_s": float(np.nanmedian([x["compute_s"] for x in runs])),
        "max_chunk_ms": float(max(x["max_chunk_ms"] for x in runs)),
        "asked": int(
            sum(
                x["answer"] is not None and outcome(r["row"], x["answer"]) == "question"
                for r, x in zip(recs, runs, strict=True)
            )
        ),  # fmt: skip
        "wrong": int(
            sum(
                x["answer"] is not None and motions_of(x["answer"]) is not None and not ok
                for x, ok in zip(runs, right, strict=True)
            )
        ),  # fmt: skip
        "transcripts": [
            {
                "said": r["row"]["text"],
                "heard": x["text"],
                "condition": r["condition"],
                "confidence": round(x["confidence"], 3),
                "answer": None if x["answer"] is None else x["answer"].to_dict(),
                "latency_s": round(x["latency_s"], 3),
            }
            for r, x in zip(recs, runs, strict=True)
        ],  # fmt: skip
    }


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    load_before = os.getloadavg()
    n = 12 if args.quick else 60
    recs = recordings(n)
    parser = Parser()
    typed = float(np.mean([outcome(r["row"], interpret(r["row"]["text"], parser=parser))
                           == "right" for r in recs]))  # fmt: skip
    got = {m: measure(recs, m, parser) for m in MODELS}
    tiny, base = got["tiny.en"], got["base"]
    results = [
        Result("WER base", base["wer"], "", "WER tiny.en", tiny["wer"],
               tiny["wer"] / max(base["wer"], 1e-9), 1.0, base["wer"] <= tiny["wer"]),
        Result("right motion, spoken (base)", base["right"], "", "typed sentence",
               typed, base["right"] / typed, 0.97, base["right"] / typed >= 0.97),
        Result("right motion, spoken (tiny.en)", tiny["right"], "", "typed sentence",
               typed, tiny["right"] / typed, 0.97, tiny["right"] / typed >= 0.97),
        Result("end of speech -> motion p50 (base)", base["p50_s"], "s", "target", 1.0,
               1.0 / base["p50_s"], 1.0, base["p50_s"] <= 1.0),
        Result("end of speech -> motion p99 (base)", base["p99_s"], "s", "target", 2.0,
               2.0 / base["p99_s"], 1.0, base["p99_s"] <= 2.0),
        Result("end of speech -> motion p50 (tiny.en)", tiny["p50_s"], "s", "p50 base",
               base["p50_s"], base["p50_s"] / tiny["p50_s"], 1.0, tiny["p50_s"] <= 1.0),
        Result("end of speech -> motion p99 (tiny.en)", tiny["p99_s"], "s", "p99 base",
               base["p99_s"], base["p99_s"] / tiny["p99_s"], 1.0, tiny["p99_s"] <= 2.0),
    ]  # fmt: skip
    extra = {
        "config": {"utterances": n, "chunk_s": CHUNK_S, "end_silence_ms": 300,
                   "voices": VOICES, "noises": NOISES, "stt": "int8, 2 threads, greedy",
                   "load_average_before": [round(x, 2) for x in load_before],
                   "load_average_after": [round(x, 2) for x in os.getloadavg()]},
        "details": {m: {k: v for k, v in g.items() if k != "transcripts"}
                    for m, g in got.items()},
        "transcripts": {m: g["transcripts"] for m, g in got.items()},
    }  # fmt: skip
    print(json.dumps(extra["details"], indent=1))
    print(f"load average before/after: {extra['config']['load_average_before']} / "
          f"{extra['config']['load_average_after']}")  # fmt: skip
    return report("voice", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
