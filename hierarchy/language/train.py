"""Train the intent classifier and write ``intent_weights.npz``.

    python -m skillbridge.hierarchy.language.train [--seed 0] [--n-phrases 6500] [--dev-rows]

Training data: the generated phrases (``paraphrases.generate(seed, n)``) and, with
``--dev-rows``, the human-written development rows (``leakage.development_sets``, retired frozen
sets included), each labelled with an intent by ``row_intent`` and weighted
``TrainConfig.dev_weight``.
Deterministic for a seed: the embeddings come from the ONNX encoder (one thread), and the
optimizer is full-batch Adam from zero weights. A dev set of generated phrases drawn with
``seed + 1`` reports the intent accuracy. ``benchmarks/tools/intent_cv.py`` compares the two by
leaving one retired frozen set out at a time; the development rows lost (docs/language.md, "The
classifier learns from the development rows"), so they are off by default.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.contract.language import ROTATIONS, TRANSLATIONS
from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder
from skillbridge.hierarchy.language.intent import WEIGHTS_PATH, IntentClassifier
from skillbridge.hierarchy.language.leakage import development_sets
from skillbridge.hierarchy.language.paraphrases import INTENTS, generate
from skillbridge.hierarchy.language.rules import analyse
from skillbridge.hierarchy.language.scorecard import from_heldout
from skillbridge.hierarchy.language.units import normalize

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (``tests/data`` holds the development sets)."""
SIZE_REFUSALS = ("too_large", "out_of_workspace", "wrong_unit")
"""Refusals of a motion for its size: the sentence is still a motion of its kind."""
REFUSAL_INTENTS = {"out_of_vocabulary": "other", "nonsense": "nonsense"}
"""The intent of a held-out row refused for another reason (``refusal_kind``)."""


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    """Intent classifier training (softmax regression, full batch)."""

    seed: int = 0
    n_phrases: int = 6500
    """Phrases drawn for training (before de-duplication); the dev set draws a third of it."""
    l2: float = 1e-4
    """Weight decay on the weight matrix."""
    steps: int = 1500
    lr: float = 0.05
    """Adam step size."""
    dev_rows: bool = False
    """Also train on the human-written development rows (``development_rows``). Off: the
    leave-one-set-out cross-validation (``benchmarks/tools/intent_cv.py``) found the dialogue
    worse with them (more wrong motions, fewer unsafe rows refused), so the shipped weights are
    trained on generated phrases only; see docs/language.md."""
    dev_weight: float = 1.0
    """Weight of one development row relative to one generated phrase (before class balance)."""
    leave_out: tuple[str, ...] = ()
    """Development sets left out (paths under ``tests/data``, e.g. ``language_frozen_v9/``
    prefixes): the cross-validation's held-out writer."""
    out: Path = WEIGHTS_PATH


def motion_kind(motion: str) -> str:
    """The intent of a motion name: translate, rotate, open, close or stop."""
    if motion in TRANSLATIONS:
        return "translate"
    return "rotate" if motion in ROTATIONS else motion


def _named_kind(text: str) -> str:
    """The kind of motion a sentence names by its words, else ``other``."""
    cues = analyse(normalize(text))
    if cues.rotation_context or (cues.directions and set(cues.directions) <= set(ROTATIONS)):
        return "rotate"
    if cues.directions:
        return "translate"
    said = [k for k in ("open", "close", "stop") if cues.has(k)]
    return said[0] if len(said) == 1 else "other"


def row_intent(row: dict[str, Any]) -> str | None:
    """The intent a development row teaches, or None for a row left out.

    - ``unsafe`` -> unsafe; ``motion`` -> the kind of its first expected motion.
    - ``refuse`` for a size (category ``too_large``, or a held-out ``refusal_kind`` of
      ``SIZE_REFUSALS``) -> the kind of motion the words name, else other; out of scope or out
      of vocabulary -> other; a held-out ``nonsense`` -> nonsense. Other refusals (a garbled
      transcript, an empty text) say nothing about the kind: left out.
    - ``ask`` rows (ambiguous by label) and rows with a ``previous`` motion ("the other way",
      "less", "again": their kind comes from the context, not the words) are left out.
    """
    if row.get("previous"):
        return None
    outcome, category = row["outcome"], row.get("category", "")
    kind = row.get("refusal_kind")
    if outcome == "unsafe":
        return "unsafe"
    if outcome == "motion":
        return motion_kind(row["expect"][0]["motion"]) if row["expect"] else None
    if outcome != "refuse":
        return None
    if category == "too_large" or kind in SIZE_REFUSALS:
        return _named_kind(row["text"])
    return {"out_of_scope": "other"}.get(category) or REFUSAL_INTENTS.get(kind or "")


def development_rows(
    root: Path = ROOT, leave_out: Sequence[str] = ()
) -> list[tuple[str, str, str]]:
    """``(text, intent, set name)`` of every labelled development row (``row_intent``), but
    those of sets whose name (path under ``tests/data``) starts with one of ``leave_out``."""
    data = root / "tests" / "data"
    out = []
    for path in development_sets(root):
        name = path.relative_to(data).as_posix()
        if any(name.startswith(prefix) for prefix in leave_out):
            continue
        lines = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        for i, raw in enumerate(lines):
            row = raw if "outcome" in raw else from_heldout(raw, path.stem, i)
            row["refusal_kind"] = raw.get("refusal_kind")
            intent = row_intent(row)
            if intent is not None and row["text"].strip():
                out.append((row["text"], intent, name))
    return out


def training_data(cfg: TrainConfig, root: Path = ROOT) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, class indices and per-row weights (generated phrases 1, development rows
    ``cfg.dev_weight``)."""
    index = {name: i for i, name in enumerate(INTENTS)}
    pairs = [(e.text, e.intent, 1.0) for e in generate(cfg.seed, cfg.n_phrases)]
    if cfg.dev_rows:
        rows = development_rows(root, cfg.leave_out)
        pairs += [(text, intent, cfg.dev_weight) for text, intent, _ in rows]
    texts = [t for t, _, _ in pairs]
    return texts, np.array([index[i] for _, i, _ in pairs]), np.array([w for _, _, w in pairs])


def fit_softmax(
    x: np.ndarray,
    labels: np.ndarray,
    n_classes: int,
    cfg: TrainConfig,
    row_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Class-balanced, row-weighted softmax regression by Adam from zero weights.

    Args:
        x: Embeddings, shape (n, dim).
        labels: Class indices, shape (n,).
        n_classes: Number of classes.
        cfg: Step count, step size, weight decay.
        row_weight: Weight of each row (default 1); each class gets the same total weight.

    Returns:
        ``(weight, bias)`` of shapes (dim, n_classes) and (n_classes,).
    """
    n, dim = x.shape
    rw = np.ones(n) if row_weight is None else np.asarray(row_weight, dtype=np.float64)
    onehot = np.eye(n_classes)[labels]
    counts = np.bincount(labels, weights=rw, minlength=n_classes)
    sample_w = (n / (n_classes * np.where(counts > 0, counts, 1.0)))[labels] / n * rw
    params = [np.zeros((dim, n_classes)), np.zeros(n_classes)]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, cfg.steps + 1):
        logits = x @ params[0] + params[1]
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        delta = (prob - onehot) * sample_w[:, None]
        grads = [x.T @ delta + cfg.l2 * params[0], delta.sum(axis=0)]
        for param, grad, (mean, var) in zip(params, grads, moments, strict=True):
            _adam_step(param, grad, mean, var, step=step, lr=cfg.lr)
    return params[0], params[1]


def _adam_step(
    param: np.ndarray, grad: np.ndarray, mean: np.ndarray, var: np.ndarray, *, step: int, lr: float
) -> None:
    """One in-place Adam update (beta1 0.9, beta2 0.999)."""
    mean[...] = 0.9 * mean + 0.1 * grad
    var[...] = 0.999 * var + 0.001 * grad * grad
    param -= lr * (mean / (1 - 0.9**step)) / (np.sqrt(var / (1 - 0.999**step)) + 1e-8)


Embed = Callable[[list[str]], np.ndarray]
"""``texts -> (n, dim) float64 unit rows``; the texts are embedded after ``normalize``."""


def onnx_embed() -> tuple[Embed, dict[str, str]]:
    """The ONNX encoder as an ``Embed``, with its provenance."""
    encoder = OnnxSentenceEncoder()

    def embed(texts: list[str]) -> np.ndarray:
        return encoder.encode_many([normalize(t) for t in texts]).astype(np.float64)

    return embed, dict(encoder.provenance)


def fit(cfg: TrainConfig, embed: Embed, root: Path = ROOT) -> IntentClassifier:
    """Embed the training data and fit (no dev accuracy, nothing saved): the cross-validation's
    step. ``meta`` holds the data sizes."""
    texts, y, w = training_data(cfg, root)
    x = embed(texts)
    weight, bias = fit_softmax(x, y, len(INTENTS), cfg, w)
    dev = development_rows(root, cfg.leave_out) if cfg.dev_rows else []
    model = IntentClassifier(weight, bias, INTENTS, {})
    meta = {
        "n_train": len(texts) - len(dev),
        "n_dev_rows": len(dev),
        "dev_rows_per_intent": {k: sum(1 for _, i, _ in dev if i == k) for k in INTENTS},
        "dev_sets": sorted({name for _, _, name in dev}),
        "train_intent_accuracy": round(float(np.mean(model.probabilities(x).argmax(1) == y)), 4),
    }
    return dataclasses.replace(model, meta=meta)


def train(
    cfg: TrainConfig, embed: Embed | None = None, extra_meta: dict[str, Any] | None = None
) -> IntentClassifier:
    """Fit on the generated phrases and the development rows, report the dev accuracy on
    generated phrases, save ``cfg.out`` (``extra_meta``, e.g. the cross-validation, is kept in
    its meta)."""
    start = time.perf_counter()
    provenance: dict[str, str] = {}
    if embed is None:
        embed, provenance = onnx_embed()
    model = fit(cfg, embed)
    dev_set = generate(cfg.seed + 1, cfg.n_phrases // 3)
    index = {name: i for i, name in enumerate(INTENTS)}
    dev_x = embed([e.text for e in dev_set])
    dev_y = np.array([index[e.intent] for e in dev_set])
    dev_acc = float(np.mean(model.probabilities(dev_x).argmax(1) == dev_y))
    meta = {
        "command": "python -m skillbridge.hierarchy.language.train",
        "config": {k: str(v) for k, v in dataclasses.asdict(cfg).items() if k != "out"},
        **model.meta,
        "n_dev": len(dev_set),
        "dev_intent_accuracy": round(dev_acc, 4),
        "encoder": provenance.get("model_package", ""),
        "encoder_model_sha256": provenance.get("model_sha256", ""),
        **(extra_meta or {}),
    }
    model = dataclasses.replace(model, meta=meta)
    model.save(cfg.out)
    print(
        f"{meta['n_train']} phrases + {meta['n_dev_rows']} development rows / {len(dev_set)} dev "
        f"phrases; intent accuracy train {meta['train_intent_accuracy']:.3f}, dev "
        f"{dev_acc:.3f}; wrote {cfg.out} ({time.perf_counter() - start:.0f} s)"
    )
    return model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the correction intent classifier.")
    parser.add_argument("--seed", type=int, default=TrainConfig.seed)
    parser.add_argument("--n-phrases", type=int, default=TrainConfig.n_phrases)
    parser.add_argument(
        "--dev-rows", action="store_true", help="also train on the development rows"
    )
    parser.add_argument("--dev-weight", type=float, default=TrainConfig.dev_weight)
    parser.add_argument("--l2", type=float, default=TrainConfig.l2)
    parser.add_argument(
        "--cv-json", type=Path, default=None, help="cross-validation results to keep in the meta"
    )
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    cfg = TrainConfig(
        seed=args.seed, n_phrases=args.n_phrases, dev_rows=args.dev_rows,
        dev_weight=args.dev_weight, l2=args.l2, out=args.out,
    )  # fmt: skip
    extra = {"cv": json.loads(args.cv_json.read_text())["summary"]} if args.cv_json else None
    train(cfg, extra_meta=extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
