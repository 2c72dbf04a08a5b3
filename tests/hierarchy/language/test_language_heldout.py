"""Held-out accuracy: phrases written separately from the parser (tests/data), never trained on.

Two sets: ``parser_heldout.jsonl`` (all kinds of corrections and refusals) and
``parser_relative_heldout.jsonl`` (descriptions of the robot's error: "you drifted right", "a tad
low", "you're short of it"). Reproduce the numbers with
``python -m skillbridge.hierarchy.language.evaluate tests/data/<file>``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillbridge.hierarchy.language.evaluate import evaluate, load_jsonl
from skillbridge.hierarchy.language.paraphrases import generate
from skillbridge.hierarchy.language.parser import Parser
from skillbridge.hierarchy.language.rules import OPPOSITE
from skillbridge.hierarchy.language.train import TrainConfig

DATA = Path(__file__).resolve().parents[2] / "data"
HELDOUT = DATA / "parser_heldout.jsonl"
RELATIVE = DATA / "parser_relative_heldout.jsonl"


def _load(path: Path) -> list[dict]:
    if not path.is_file():
        pytest.fail(f"{path} is missing; it is part of the repository")
    return load_jsonl(path)


def _novel(rows: list[dict]) -> list[dict]:
    """The rows whose sentence is not among the generated training phrases."""
    cfg = TrainConfig()
    trained = {e.text.lower().strip() for e in generate(cfg.seed, cfg.n_phrases)}
    return [row for row in rows if row["text"].lower().strip() not in trained]


@pytest.fixture(scope="module")
def heldout() -> list[dict]:
    return _load(HELDOUT)


@pytest.fixture(scope="module")
def relative() -> list[dict]:
    return _load(RELATIVE)


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
    novel = _novel(heldout)
    assert len(novel) >= 0.8 * len(heldout)
    report = evaluate(novel, parser)
    assert report.motion_accuracy >= 0.95, report.summary()
    assert report.all_unsafe_refused, report.errors


def test_targets_on_the_relative_heldout_set(relative, parser):
    """Error descriptions ask for the opposite of what they name; a miss may be a refusal but
    never the direction of the error itself (which would make the error worse)."""
    report = evaluate(relative, parser)
    assert report.motion_accuracy >= 0.90, report.summary()
    wrong_way = [
        e
        for e in report.errors
        if e["got"]["motion"] is not None
        and e["got"]["motion"] == OPPOSITE.get(e["expected"].get("motion", ""))
    ]
    assert not wrong_way, wrong_way


def test_relative_target_holds_on_sentences_absent_from_training(relative, parser):
    novel = _novel(relative)
    assert len(novel) >= 0.8 * len(relative)
    report = evaluate(novel, parser)
    assert report.motion_accuracy >= 0.90, report.summary()
