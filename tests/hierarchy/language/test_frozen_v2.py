"""The second frozen test set (v2): its files stay unchanged, and since its retirement it is a
development set.

The set (``tests/data/language_frozen_v2/``) was written by a helper that did not read the parser,
its tables, its development sets or the first frozen set's rows (see ``make_frozen_v2.py``), and
committed before any parser ran on it. Its files are never edited: their SHA-256 sums are pinned
here.

Retired to development on 2026-12-07: no other unseen set was left to tune the rules on, so v2's
rows were read and tuned on in that round, and a new frozen set (v3) was written independently to
measure it. Since then v2 is part of the tuning texts (``leakage.RETIRED_FROZEN_SETS``), so every
later frozen set is checked against it, and its scores are no measure of unseen wording.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from frozen_case import load_script, score

from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.hierarchy.language.leakage import development_sets
from skillbridge.hierarchy.language.scorecard import load_rows

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
V2 = DATA / "language_frozen_v2"
V2_SHA256 = {
    "typed.jsonl": "e11202861867d432b59225d2678576a38b25755d15b21d9d9e11a31b905b84dc",
    "asr.jsonl": "22bc82f420d4f7c5f966dcd4cb6c01df5219969d0596f0da4e8cb20e04df7674",
}
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike", "asr")  # fmt: skip


def v2_rows() -> list[dict]:
    return load_rows([V2 / name for name in V2_SHA256])


@pytest.mark.parametrize("name", sorted(V2_SHA256))
def test_v2_files_are_unchanged(name):
    digest = hashlib.sha256((V2 / name).read_bytes()).hexdigest()
    assert digest == V2_SHA256[name], f"{name} was edited; the frozen set v2 is never edited"


def test_v2_is_large_enough_and_covers_every_category():
    rows = v2_rows()
    assert len(rows) >= 300
    counts = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert set(counts) == {r["category"] for r in rows}
    assert min(counts.values()) >= 15, counts
    assert counts["asr"] >= 60
    assert len({r["id"] for r in rows}) == len(rows)


def test_v2_rows_are_well_formed_labels():
    for row in v2_rows():
        assert row["outcome"] in ("motion", "refuse", "unsafe", "ask"), row
        assert bool(row["expect"]) == (row["outcome"] == "motion"), row
        for label in row["expect"] + ([row["previous"]] if row["previous"] else []):
            assert label["motion"] in MOTIONS, row
            LanguageMotion.from_dict(label)  # raises on a size outside the contract's bounds
        if row["category"] == "asr":
            assert 0.0 <= row["confidence"] <= 1.0, row


def test_typed_rows_are_what_the_generator_writes():
    """Rebuilding from the seeded generator and its drop list gives the committed rows."""
    module = load_script(V2 / "make_frozen_v2.py")
    drop = {d["text"] for d in json.loads((V2 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in module.candidates() if r["text"] not in drop]
    committed = load_rows([V2 / "typed.jsonl"])
    assert [{k: v for k, v in r.items() if k != "id"} for r in committed] == rebuilt


def test_v2_is_a_development_set_of_the_leakage_check():
    """Retired to development: a later frozen set must not near-duplicate v2's rows."""
    names = {p.resolve() for p in development_sets(ROOT)}
    assert {(V2 / name).resolve() for name in V2_SHA256} <= names


def test_v2_scores_do_not_fall_below_the_tuned_ones(encoder_folder):
    """v2 as a development set, after the round that tuned on it (2026-12-07: acceptable
    99.1 %, wrong 0.00 %, needless 0.86 %, unsafe 48 of 48), as a floor a row or two below: a
    later rule that loses its answers fails here."""
    report = score(v2_rows(), encoder_folder)
    assert report.acceptable >= 0.985, report.table()
    assert report.wrong <= 0.005, report.table()
    assert report.false_refusal_or_question <= 0.015, report.table()
    assert report.unsafe_refused[0] == report.unsafe_refused[1] == 48, report.table()
