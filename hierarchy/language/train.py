"""Train the intent classifier on generated phrases and write ``intent_weights.npz``.

    python -m skillbridge.hierarchy.language.train [--seed 0] [--n-phrases 6500]

Deterministic for a seed: the phrases come from ``paraphrases.generate(seed, n)``, the
embeddings from the ONNX encoder (one thread), and the optimizer is full-batch gradient descent
from zero weights. A dev set drawn with ``seed + 1`` reports the intent accuracy.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder
from skillbridge.hierarchy.language.intent import WEIGHTS_PATH, IntentClassifier
from skillbridge.hierarchy.language.paraphrases import INTENTS, generate
from skillbridge.hierarchy.language.units import normalize


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
    out: Path = WEIGHTS_PATH


def fit_softmax(
    x: np.ndarray, labels: np.ndarray, n_classes: int, cfg: TrainConfig
) -> tuple[np.ndarray, np.ndarray]:
    """Class-balanced softmax regression by Adam from zero weights (deterministic).

    Args:
        x: Embeddings, shape (n, dim).
        labels: Class indices, shape (n,).
        n_classes: Number of classes.
        cfg: Step count, step size, weight decay.

    Returns:
        ``(weight, bias)`` of shapes (dim, n_classes) and (n_classes,).
    """
    n, dim = x.shape
    onehot = np.eye(n_classes)[labels]
    counts = np.bincount(labels, minlength=n_classes).astype(np.float64)
    sample_w = (n / (n_classes * np.maximum(counts, 1.0)))[labels] / n
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


def _embed(encoder: OnnxSentenceEncoder, texts: list[str]) -> np.ndarray:
    return encoder.encode_many([normalize(t) for t in texts]).astype(np.float64)


def train(cfg: TrainConfig) -> IntentClassifier:
    """Generate phrases, embed them, fit, report dev accuracy, save ``cfg.out``."""
    start = time.perf_counter()
    encoder = OnnxSentenceEncoder()
    train_set = generate(cfg.seed, cfg.n_phrases)
    dev_set = generate(cfg.seed + 1, cfg.n_phrases // 3)
    index = {name: i for i, name in enumerate(INTENTS)}
    x = _embed(encoder, [e.text for e in train_set])
    y = np.array([index[e.intent] for e in train_set])
    weight, bias = fit_softmax(x, y, len(INTENTS), cfg)
    dev_x = _embed(encoder, [e.text for e in dev_set])
    dev_y = np.array([index[e.intent] for e in dev_set])
    model = IntentClassifier(weight, bias, INTENTS, {})
    train_acc = float(np.mean(model.probabilities(x).argmax(1) == y))
    dev_acc = float(np.mean(model.probabilities(dev_x).argmax(1) == dev_y))
    meta = {
        "command": "python -m skillbridge.hierarchy.language.train",
        "config": {k: str(v) for k, v in dataclasses.asdict(cfg).items() if k != "out"},
        "n_train": len(train_set),
        "n_dev": len(dev_set),
        "train_intent_accuracy": round(train_acc, 4),
        "dev_intent_accuracy": round(dev_acc, 4),
        "encoder": encoder.provenance.get("model_package", ""),
        "encoder_model_sha256": encoder.provenance.get("model_sha256", ""),
    }
    model = dataclasses.replace(model, meta=meta)
    model.save(cfg.out)
    print(
        f"{len(train_set)} train / {len(dev_set)} dev phrases; intent accuracy train "
        f"{train_acc:.3f}, dev {dev_acc:.3f}; wrote {cfg.out} "
        f"({time.perf_counter() - start:.0f} s)"
    )
    return model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the correction intent classifier.")
    parser.add_argument("--seed", type=int, default=TrainConfig.seed)
    parser.add_argument("--n-phrases", type=int, default=TrainConfig.n_phrases)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    train(TrainConfig(seed=args.seed, n_phrases=args.n_phrases, out=args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
