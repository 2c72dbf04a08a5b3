"""Leave-one-set-out cross-validation of the intent classifier's training data and settings.

For each retired frozen set vK (v2..v9), the classifier is trained without vK's rows (typed and
asr) and vK is scored with the full dialogue (``scorecard.run`` over ``dialogue.interpret``), as
an unseen writer would be. The baseline is the classifier trained on generated phrases only
(``TrainConfig(dev_rows=False)``, the weights shipped before the development rows were used: it
does not depend on vK, so it is fitted once). The rules were tuned on every development set, so
the absolute numbers flatter the parser; only the differences between classifiers mean
something. Every text the encoder sees is embedded once and cached (``--cache``).

    python benchmarks/tools/intent_cv.py [--cache DIR] [--weights 0.5,1,2] [--l2 1e-4] \
        [--unsafe-p 0.5] [--json benchmarks/results/intent_cv.json]

``benchmarks/results/intent_cv.json`` was written with ``--weights 0.5,1,2 --unsafe-p 0.5,0.65``
(about 15 minutes on two busy cores once the embeddings are cached).

The adopted setting (docs/language.md, "The classifier learns from the development rows") must
improve the mean unsafe refused without raising the mean wrong or lowering the mean acceptable.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.hierarchy.language.dialogue import interpret
from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder
from skillbridge.hierarchy.language.intent import IntentClassifier
from skillbridge.hierarchy.language.parser import Parser, ParserConfig
from skillbridge.hierarchy.language.scorecard import load_rows, run
from skillbridge.hierarchy.language.train import Embed, TrainConfig, fit, row_intent
from skillbridge.hierarchy.language.units import normalize

ROOT = Path(__file__).resolve().parents[2]
FOLDS = tuple(range(2, 10))
"""The retired frozen sets held out in turn (v1 is no development set; v10 is unseen)."""
MEASURES = (
    "acceptable", "wrong", "needless", "unsafe_refused", "intent_accuracy",
    "classifier_unsafe_recall", "classifier_false_unsafe",
)  # fmt: skip


class CachedEncoder:
    """The ONNX encoder with every text's embedding kept (in memory and in ``folder``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.encoder = OnnxSentenceEncoder(threads=1)
        self.vectors: dict[str, np.ndarray] = {}
        keys, vecs = folder / "texts.json", folder / "vectors.npy"
        if keys.is_file() and vecs.is_file():
            self.vectors = dict(zip(json.loads(keys.read_text()), np.load(vecs), strict=True))
        self.new = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            for text, vec in zip(missing, self.encoder.encode_many(missing), strict=True):
                self.vectors[text] = vec
            self.new += len(missing)
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        """``train.Embed``: normalize, then encode."""
        return self.encode([normalize(t) for t in texts]).astype(np.float64)

    def save(self) -> None:
        if not self.new:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        keys = list(self.vectors)
        (self.folder / "texts.json").write_text(json.dumps(keys))
        np.save(self.folder / "vectors.npy", np.stack([self.vectors[k] for k in keys]))
        self.new = 0


def fold_rows(k: int) -> list[dict[str, Any]]:
    data = ROOT / "tests" / "data" / f"language_frozen_v{k}"
    return load_rows([data / "typed.jsonl", data / "asr.jsonl"])


def score(parser: Parser, rows: list[dict[str, Any]], embed: Embed) -> dict[str, Any]:
    """The dialogue's scorecard on ``rows``, and the classifier alone on the rows that
    ``row_intent`` labels (intent accuracy; unsafe recall and false unsafe at the threshold)."""
    report = run(rows, lambda t, p, c: interpret(t, p, c, parser=parser))
    done, total = report.unsafe_refused
    labelled = [(r["text"], i) for r in rows if (i := row_intent(r)) is not None]
    probs = parser.classifier.probabilities(embed([t for t, _ in labelled]))
    got = [parser.classifier.classes[j] for j in probs.argmax(1)]
    unsafe_col = parser.classifier.classes.index("unsafe")
    flagged = probs[:, unsafe_col] >= parser.config.unsafe_probability
    is_unsafe = np.array([i == "unsafe" for _, i in labelled])
    return {
        "n": report.n,
        "acceptable": report.acceptable,
        "wrong": report.wrong,
        "needless": report.false_refusal_or_question,
        "unsafe_refused": done / total if total else 1.0,
        "unsafe": f"{done}/{total}",
        "intent_accuracy": float(np.mean(np.array(got) == np.array([i for _, i in labelled]))),
        "classifier_unsafe_recall": float(flagged[is_unsafe].mean()),
        "classifier_false_unsafe": float(flagged[~is_unsafe].mean()),
    }


def mean(results: dict[int, dict[str, Any]]) -> dict[str, float]:
    return {m: round(float(np.mean([r[m] for r in results.values()])), 5) for m in MEASURES}


def evaluate(
    cache: CachedEncoder, cfg: TrainConfig, ps: Sequence[float], baseline: IntentClassifier | None
) -> dict[float, dict[int, dict[str, Any]]]:
    """Per unsafe threshold and held-out set: fit without the set (or use ``baseline``), score
    it."""
    out: dict[float, dict[int, dict[str, Any]]] = {p: {} for p in ps}
    for k in FOLDS:
        held = dataclasses.replace(cfg, leave_out=(f"language_frozen_v{k}/",))
        model = baseline or fit(held, cache.embed, ROOT)
        for p in ps:
            parser = Parser(encoder=cache, config=ParserConfig(unsafe_probability=p))
            parser.classifier = model
            out[p][k] = score(parser, fold_rows(k), cache.embed)
        cache.save()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "intent_cv")
    cli.add_argument("--weights", default="0.5,1,2", help="development row weights to try")
    cli.add_argument("--l2", default="1e-4", help="weight decays to try")
    cli.add_argument("--unsafe-p", default="0.5", help="unsafe_probability values to try")
    cli.add_argument("--json", type=Path, default=None)
    args = cli.parse_args(argv)
    start = time.perf_counter()
    cache = CachedEncoder(args.cache)
    base_cfg = TrainConfig(dev_rows=False)
    baseline = fit(base_cfg, cache.embed, ROOT)
    runs: list[dict[str, Any]] = []

    def record(name: str, cfg: TrainConfig, p: float, per: dict[int, dict[str, Any]]) -> None:
        runs.append({"name": name, "dev_rows": cfg.dev_rows, "dev_weight": cfg.dev_weight,
                     "l2": cfg.l2, "unsafe_probability": p, "mean": mean(per),
                     "per_set": {f"v{k}": v for k, v in per.items()}})  # fmt: skip
        m = runs[-1]["mean"]
        print(f"{name:<30} acceptable {m['acceptable']:.4f} wrong {m['wrong']:.4f} needless "
              f"{m['needless']:.4f} unsafe refused {m['unsafe_refused']:.4f} | classifier: "
              f"accuracy {m['intent_accuracy']:.3f} unsafe recall "
              f"{m['classifier_unsafe_recall']:.3f} false unsafe "
              f"{m['classifier_false_unsafe']:.3f} ({time.perf_counter() - start:.0f} s)",
              flush=True)  # fmt: skip

    ps = [float(p) for p in args.unsafe_p.split(",")]
    default_p = ParserConfig().unsafe_probability
    per = evaluate(cache, base_cfg, [default_p], baseline)[default_p]
    record("current (generated only)", base_cfg, default_p, per)
    for l2 in (float(x) for x in args.l2.split(",")):
        for w in (float(x) for x in args.weights.split(",")):
            cfg = TrainConfig(dev_rows=True, dev_weight=w, l2=l2)
            for p, per in evaluate(cache, cfg, ps, None).items():
                record(f"dev rows w={w:g} l2={l2:g} p={p:g}", cfg, p, per)
    summary = {r["name"]: r["mean"] for r in runs}
    if args.json:
        payload = {"folds": [f"language_frozen_v{k}" for k in FOLDS], "mode": "dialogue",
                   "command": " ".join([sys.argv[0], *(argv or sys.argv[1:])]),
                   "summary": summary, "runs": runs}  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
