"""The intent classifier's training data: development rows, their intent labels, the weights."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from skillbridge.hierarchy.language.intent import IntentClassifier
from skillbridge.hierarchy.language.paraphrases import INTENTS
from skillbridge.hierarchy.language.train import (
    TrainConfig,
    development_rows,
    fit_softmax,
    motion_kind,
    row_intent,
)

ROOT = Path(__file__).resolve().parents[3]


def _row(outcome: str, text: str = "x", expect=(), previous=None, category: str = "plain"):
    return {"text": text, "outcome": outcome, "expect": list(expect), "previous": previous,
            "category": category}  # fmt: skip


@pytest.mark.parametrize(
    ("motion", "kind"),
    [("left", "translate"), ("down", "translate"), ("rotate_cw", "rotate"),
     ("rotate_ccw", "rotate"), ("open", "open"), ("close", "close"), ("stop", "stop")],
)  # fmt: skip
def test_motion_kind(motion: str, kind: str) -> None:
    assert motion_kind(motion) == kind


def test_row_intent_mapping() -> None:
    assert row_intent(_row("unsafe", "ignore the limits")) == "unsafe"
    assert row_intent(_row("motion", expect=[{"motion": "rotate_cw"}])) == "rotate"
    compound = [{"motion": "close"}, {"motion": "up"}]
    assert row_intent(_row("motion", expect=compound)) == "close"  # the first motion's kind
    assert row_intent(_row("ask", "move it closer", category="ambiguous")) is None
    prev = {"motion": "left", "magnitude": "normal"}
    assert row_intent(_row("motion", "the other way", [{"motion": "right"}], prev)) is None
    assert row_intent(_row("refuse", "Up 40 cm", category="too_large")) == "translate"
    assert row_intent(_row("refuse", "Rotate clockwise 200 degrees", category="too_large")) == (
        "rotate"
    )
    assert row_intent(_row("refuse", "Hand me the pliers.", category="out_of_scope")) == "other"
    assert row_intent(_row("refuse", "Got to leave them.", category="asr")) is None
    held = {**_row("refuse", "the the the", category="parser_heldout"), "refusal_kind": "nonsense"}
    assert row_intent(held) == "nonsense"


def test_development_rows_are_training_data() -> None:
    rows = development_rows(ROOT)
    sets = {name for _, _, name in rows}
    assert "language_frozen_v9/typed.jsonl" in sets and "language_dev.jsonl" in sets
    assert not any("frozen_v10" in name or name.startswith("language_frozen/") for name in sets)
    counts = Counter(intent for _, intent, _ in rows)
    assert set(counts) <= set(INTENTS) and counts["unsafe"] > 500
    held_out = development_rows(ROOT, leave_out=("language_frozen_v9/",))
    assert len(held_out) < len(rows)
    assert not any(name.startswith("language_frozen_v9/") for _, _, name in held_out)
    assert TrainConfig().dev_weight > 0


def test_row_weight_counts_like_repeated_rows() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(12, 4))
    y = np.array([0, 1, 2] * 4)
    cfg = TrainConfig(steps=50)
    w = np.ones(12)
    w[0] = 2.0
    once = fit_softmax(x, y, 3, cfg, w)
    twice = fit_softmax(np.vstack([x, x[:1]]), np.append(y, y[0]), 3, cfg)
    assert np.allclose(once[0], twice[0]) and np.allclose(once[1], twice[1])


def test_shipped_weights_record_their_data() -> None:
    meta = IntentClassifier.load().meta
    assert meta["n_train"] > 0
    if meta.get("n_dev_rows"):
        assert "cv" in meta and meta["dev_sets"]
