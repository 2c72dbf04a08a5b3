"""The third frozen test set (v3): its files stay unchanged, and since its retirement it is a
development set.

The set (``tests/data/language_frozen_v3/``) was written by a helper that did not read the parser,
its tables, its development sets, its documentation or the earlier frozen sets' rows (see
``make_frozen_v3.py``), and committed before any parser ran on it. Its files are never edited:
their SHA-256 sums are pinned here. No utterance of it, and no normalized near-duplicate, occurs
in the earlier frozen sets.

Retired to development on 2026-12-07, after it had measured the round that tuned on v2: v3's
rows are read and tuned on in the next round, and a new frozen set (v4) is written independently
to measure it. Since then v3 is part of the tuning texts (``leakage.RETIRED_FROZEN_SETS``), so
every later frozen set is checked against it, and its scores are no measure of unseen wording.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from frozen_case import assert_well_formed, load_script, score

from skillbridge.hierarchy.language.leakage import development_sets, near_duplicates
from skillbridge.hierarchy.language.scorecard import load_rows

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
V3 = DATA / "language_frozen_v3"
V3_SHA256 = {
    "typed.jsonl": "28f15838659dbd6858cffb78f618b2854079d0b52b6b2ca10cb90ddf7086b752",
    "asr.jsonl": "35472166aaccd92e5b0ee1c69d2a663b5ca1b2b35887f59dd75706a4e12d4d3e",
}
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike", "asr")  # fmt: skip


def v3_rows() -> list[dict]:
    return load_rows([V3 / name for name in V3_SHA256])


def _generator():
    return load_script(V3 / "make_frozen_v3.py")


@pytest.mark.parametrize("name", sorted(V3_SHA256))
def test_v3_files_are_unchanged(name):
    digest = hashlib.sha256((V3 / name).read_bytes()).hexdigest()
    assert digest == V3_SHA256[name], f"{name} was edited; the frozen set v3 is never edited"


def test_v3_is_large_enough_and_covers_every_category():
    rows = v3_rows()
    assert len(rows) >= 400
    counts = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert set(counts) == {r["category"] for r in rows}
    assert min(counts.values()) >= 15, counts
    assert counts["asr"] >= 70
    assert sum(counts[c] for c in CATEGORIES if c != "asr") >= 330
    assert len({r["id"] for r in rows}) == len(rows)


def test_v3_rows_are_well_formed_labels():
    for row in v3_rows():
        assert_well_formed(row)


def test_typed_rows_are_what_the_generator_writes():
    """Rebuilding from the seeded generator and its drop list gives the committed rows."""
    drop = {d["id"] for d in json.loads((V3 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in _generator().candidates() if r["id"] not in drop]
    assert load_rows([V3 / "typed.jsonl"]) == rebuilt


def test_v3_is_a_development_set_of_the_leakage_check():
    """Retired to development: a later frozen set must not near-duplicate v3's rows."""
    names = {p.resolve() for p in development_sets(ROOT)}
    assert {(V3 / name).resolve() for name in V3_SHA256} <= names


def test_no_v3_utterance_near_duplicates_an_earlier_frozen_set():
    rows = v3_rows()
    hits = near_duplicates([r["text"] for r in rows], _generator().earlier_frozen_texts())
    assert not hits, (
        f"{len(hits)} v3 rows repeat an earlier frozen set: {[rows[i]['id'] for i, *_ in hits]}"
    )


def test_v3_scores_do_not_fall_below_the_tuned_ones(encoder_folder):
    """v3 as a development set, after the round that tuned on it (2026-12-07: acceptable
    90.0 -> 96.9 %, wrong 4.91 -> 1.02 %, needless 4.70 -> 2.04 %, unsafe 34 -> 42 of 42), as a
    floor a row or two below: a later rule that loses its answers fails here."""
    report = score(v3_rows(), encoder_folder)
    assert report.acceptable >= 0.965, report.table()
    assert report.wrong <= 0.0143, report.table()
    assert report.false_refusal_or_question <= 0.0245, report.table()
    assert report.unsafe_refused[0] == report.unsafe_refused[1] == 42, report.table()
