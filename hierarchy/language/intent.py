"""The intent classifier: softmax regression over sentence embeddings (numpy only).

It answers one question, *what kind* of correction a sentence is (translate, rotate, open,
close, stop, unsafe, other, nonsense); direction, size and safety words are read by the rules.
Weights live in ``intent_weights.npz`` next to this file (a few kB, committed), rebuilt by

    python -m skillbridge.hierarchy.language.train
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.policies.errors import PolicyError

WEIGHTS_PATH = Path(__file__).resolve().with_name("intent_weights.npz")


class IntentError(PolicyError):
    """The intent classifier's weights are missing or do not fit the encoder."""


@dataclasses.dataclass(frozen=True)
class IntentClassifier:
    """``softmax(x @ weight + bias)`` over the classes, x a unit-norm sentence embedding.

    Attributes:
        weight: Shape (embed_dim, n_classes).
        bias: Shape (n_classes,).
        classes: Class names, in column order.
        meta: How the weights were made (seed, data sizes, dev accuracy, command).
    """

    weight: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    meta: dict[str, Any]

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """Class probabilities.

        Args:
            embeddings: Shape (batch, embed_dim).

        Returns:
            Shape (batch, n_classes), rows summing to 1.
        """
        logits = embeddings.astype(np.float64) @ self.weight + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weight=self.weight.astype(np.float32),
            bias=self.bias.astype(np.float32),
            classes=np.array(self.classes),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> IntentClassifier:
        """Read weights written by ``save``.

        Raises:
            IntentError: When the file is missing; the message gives the command to rebuild it.
        """
        if not Path(path).is_file():
            raise IntentError(
                f"intent classifier weights {path} not found; rebuild them with "
                "`python -m skillbridge.hierarchy.language.train`"
            )
        with np.load(path, allow_pickle=False) as data:
            return cls(
                weight=data["weight"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                classes=tuple(str(c) for c in data["classes"]),
                meta=json.loads(str(data["meta"])),
            )
