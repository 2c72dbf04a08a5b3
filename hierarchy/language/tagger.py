"""Experiment: a learned motion reader on the shipped encoder, against the hand-written grammar.

The learned reader predicts the motion (one of the 13 language motions, or "refuse") and the
size class (small, normal, large, explicit) from the all-MiniLM-L6-v2 sentence embedding with
two softmax regressions (``train.fit_softmax``), trained on the generated training phrases
(``paraphrases.generate(0, 6500)``, the intent classifier's data). Units, numbers and safety
stay deterministic: explicit sizes are read by ``units.read_sizes`` and checked against the
contract's bound, and ``rules.find_unsafe`` refuses first. The same word repairs
(``speech_text.clean``) run before it. It has no notion of context or compounds.

    python -m skillbridge.hierarchy.language.tagger tests/data/language_frozen/*.jsonl \
        [--json benchmarks/results/tagger_vs_grammar.json]

Scores both readers on the given sets with the scorecard, overall and on the rows that need
neither context nor a compound (single motions, safety, refusals).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from skillbridge.contract import ContractError
from skillbridge.contract.language import MOTIONS, ROTATIONS, TRANSLATIONS, LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Refusal
from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder
from skillbridge.hierarchy.language.paraphrases import generate
from skillbridge.hierarchy.language.rules import find_unsafe
from skillbridge.hierarchy.language.scorecard import load_rows, run
from skillbridge.hierarchy.language.speech_text import clean
from skillbridge.hierarchy.language.train import TrainConfig, fit_softmax
from skillbridge.hierarchy.language.units import normalize, read_sizes

MOTION_CLASSES = (*MOTIONS, "refuse")
SIZE_CLASSES = ("small", "normal", "large", "explicit", "none")


class LearnedReader:
    """Motion and size class from the sentence embedding (see the module docstring)."""

    def __init__(self, encoder: OnnxSentenceEncoder, seed: int = 0, n: int = 6500) -> None:
        self.encoder = encoder
        examples = generate(seed, n)
        x = encoder.encode([normalize(e.text) for e in examples])
        motion = np.array([MOTION_CLASSES.index(e.motion or "refuse") for e in examples])
        size = np.array([SIZE_CLASSES.index(e.magnitude or "none") for e in examples])
        cfg = TrainConfig(seed=seed)
        self.motion_w = fit_softmax(x, motion, len(MOTION_CLASSES), cfg)
        self.size_w = fit_softmax(x, size, len(SIZE_CLASSES), cfg)

    def read(self, text: str, _previous=None, _confidence: float = 1.0) -> Answer:
        norm = normalize(clean(text).text)
        if find_unsafe(norm) is not None:
            return Refusal("unsafe", "refused: asks to weaken a safety function")
        emb = self.encoder.encode([norm])
        motion = MOTION_CLASSES[int(np.argmax(emb @ self.motion_w[0] + self.motion_w[1]))]
        size = SIZE_CLASSES[int(np.argmax(emb @ self.size_w[0] + self.size_w[1]))]
        if motion == "refuse":
            return Refusal("out_of_vocabulary", "not a motion")
        if motion not in TRANSLATIONS and motion not in ROTATIONS:
            return LanguageMotion.of(motion)
        sizes, _unitless, _used = read_sizes(norm.split())
        want = "angle" if motion in ROTATIONS else "length"
        sized = [s for s in sizes if s.kind == want]
        try:
            if sized:
                key = "angle_rad" if want == "angle" else "distance_m"
                return LanguageMotion(motion, "explicit", **{key: sized[0].value})
            return LanguageMotion.of(motion, size if size in ("small", "large") else "normal")
        except ContractError as exc:
            return Refusal("too_large", str(exc))


def simple_rows(rows: list[dict]) -> list[dict]:
    """Rows that need neither a previous motion nor a compound."""
    return [r for r in rows if not r["previous"] and len(r["expect"]) <= 1
            and r["category"] not in ("other_way", "negated_distance", "compound")]  # fmt: skip


def main() -> int:
    from skillbridge.hierarchy.language.dialogue import interpret
    from skillbridge.hierarchy.language.parser import Parser

    cli = argparse.ArgumentParser(description="Learned motion reader vs the grammar.")
    cli.add_argument("paths", nargs="+", type=Path)
    cli.add_argument("--json", type=Path, default=None)
    args = cli.parse_args()
    rows = load_rows(args.paths)
    parser = Parser()
    learned = LearnedReader(parser.encoder)  # type: ignore[arg-type]
    readers = {"grammar": lambda t, p, c: interpret(t, p, c, parser=parser),
               "learned": learned.read}  # fmt: skip
    out = {}
    for subset, chosen in (("all", rows), ("single motions, no context", simple_rows(rows))):
        for name, reader in readers.items():
            report = run(chosen, reader)
            out[f"{name} / {subset}"] = {"n": report.n, **{k: v for k, v in report.summary()
                                         .items() if k not in ("per_category",)}}  # fmt: skip
            print(f"{name:8} {subset:28} {report.table().splitlines()[-1]}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
