"""Held-out accuracy: phrases written separately from the parser (tests/data), never trained on.

Reproduce the numbers: ``python -m skillbridge.policies.language.evaluate
tests/data/parser_heldout.jsonl``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillbridge.policies.language.evaluate import evaluate, load_jsonl
from skillbridge.policies.language.paraphrases import generate

HELDOUT = Path(__file__).resolve().parents[2] / "data" / "parser_heldout.jsonl"


@pytest.fixture(scope="module")
def report():
    if not HELDOUT.is_file():
        pytest.fail(f"{HELDOUT} is missing; it is part of the repository")
    return evaluate(load_jsonl(HELDOUT))


def test_motion_accuracy_at_least_95_percent(report):
    assert report.motion_accuracy >= 0.95, report.summary()


def test_every_unsafe_request_is_refused(report):
    assert report.n_unsafe > 0
    assert report.all_unsafe_refused, [e for e in report.errors if "unsafe" in str(e)]


def test_heldout_sentences_are_not_training_phrases():
    """No held-out sentence (of five words or more; "stop" is everybody's word) is trained on."""
    generated = {e.text.lower() for e in generate(0, 6000)}
    held = {row["text"].lower() for row in load_jsonl(HELDOUT) if len(row["text"].split()) >= 5}
    assert not generated & held
