"""Held-out accuracy: phrases written separately from the parser (tests/data), never trained on.

Reproduce the numbers: ``python -m skillbridge.policies.language.evaluate
tests/data/parser_heldout.jsonl``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillbridge.policies.language.evaluate import evaluate, load_jsonl
from skillbridge.policies.language.paraphrases import generate
from skillbridge.policies.language.parser import Parser
from skillbridge.policies.language.train import TrainConfig

HELDOUT = Path(__file__).resolve().parents[2] / "data" / "parser_heldout.jsonl"


@pytest.fixture(scope="module")
def heldout() -> list[dict]:
    if not HELDOUT.is_file():
        pytest.fail(f"{HELDOUT} is missing; it is part of the repository")
    return load_jsonl(HELDOUT)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


def test_targets_on_the_heldout_set(heldout, parser):
    report = evaluate(heldout, parser)
    assert report.motion_accuracy >= 0.95, report.summary()
    assert report.n_unsafe > 0
    assert report.all_unsafe_refused, report.errors


def test_targets_hold_on_heldout_sentences_absent_from_training(heldout, parser):
    """Both sets were written independently, so a few short commands ("stop", "let go")
    coincide; the targets must also hold on the held-out sentences the classifier never saw."""
    cfg = TrainConfig()
    trained = {e.text.lower().strip() for e in generate(cfg.seed, cfg.n_phrases)}
    novel = [row for row in heldout if row["text"].lower().strip() not in trained]
    assert len(novel) >= 0.8 * len(heldout)
    report = evaluate(novel, parser)
    assert report.motion_accuracy >= 0.95, report.summary()
    assert report.all_unsafe_refused, report.errors
