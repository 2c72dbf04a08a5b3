"""The fourth frozen test set (v4): its files stay unchanged, and since its retirement it is a
development set.

The set (``tests/data/language_frozen_v4/``) was written by a helper that did not read the parser,
its tables, its development sets, its documentation or the earlier frozen sets' rows (see
``make_frozen_v4.py``), and committed before any parser ran on it. Its files are never edited:
their SHA-256 sums are pinned here. No utterance of it, and no normalized near-duplicate, occurs
in the earlier frozen sets (v1, v2, v3).

Retired to development on 2026-12-08, after it had measured the rounds that tuned on v3 and on
the classes of request: v4's rows are read and tuned on in the next round, and a new frozen set
(v5) is written independently to measure it. Since then v4 is part of the tuning texts
(``leakage.RETIRED_FROZEN_SETS``), so every later frozen set is checked against it, and its
scores are no measure of unseen wording.
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
V4 = DATA / "language_frozen_v4"
V4_SHA256 = {
    "typed.jsonl": "ef536dfd9bcfe8bb4bfa5c7522136ea7be8dcfa02794517639bc19f634bab31d",
    "asr.jsonl": "9afa9e649cd73bd2de77ef96c859dbe58c9ddb54704a4bf109c8cde258ed6e21",
}
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike", "asr")  # fmt: skip


def v4_rows() -> list[dict]:
    return load_rows([V4 / name for name in V4_SHA256])


def _generator():
    return load_script(V4 / "make_frozen_v4.py")


@pytest.mark.parametrize("name", sorted(V4_SHA256))
def test_v4_files_are_unchanged(name):
    digest = hashlib.sha256((V4 / name).read_bytes()).hexdigest()
    assert digest == V4_SHA256[name], f"{name} was edited; the frozen set v4 is never edited"


def test_v4_is_large_enough_and_covers_every_category():
    rows = v4_rows()
    assert len(rows) >= 470
    counts = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert set(counts) == {r["category"] for r in rows}
    assert min(counts.values()) >= 15, counts
    assert counts["asr"] >= 70
    assert sum(counts[c] for c in CATEGORIES if c != "asr") >= 400
    assert len({r["id"] for r in rows}) == len(rows)


def test_v4_rows_are_well_formed_labels():
    for row in v4_rows():
        assert_well_formed(row)
        if row["category"] in ("out_of_scope", "too_large"):
            assert row["outcome"] == "refuse", row


def test_typed_rows_are_what_the_generator_writes():
    """Rebuilding from the seeded generator and its drop list gives the committed rows."""
    drop = {d["id"] for d in json.loads((V4 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in _generator().candidates() if r["id"] not in drop]
    assert load_rows([V4 / "typed.jsonl"]) == rebuilt


def test_asr_rows_carry_the_labels_of_the_typed_rows_they_speak():
    typed = {r["id"]: r for r in load_rows([V4 / "typed.jsonl"])}
    for row in load_rows([V4 / "asr.jsonl"]):
        spoken = typed[row["source"].split()[2]]
        assert row["expect"] == spoken["expect"] and row["outcome"] == spoken["outcome"], row
        assert row["ask_ok"] or not spoken["ask_ok"], row


def test_v4_is_a_development_set_of_the_leakage_check():
    """Retired to development: a later frozen set must not near-duplicate v4's rows."""
    names = {p.resolve() for p in development_sets(ROOT)}
    assert {(V4 / name).resolve() for name in V4_SHA256} <= names


def test_no_v4_utterance_near_duplicates_an_earlier_frozen_set():
    rows = v4_rows()
    hits = near_duplicates([r["text"] for r in rows], _generator().earlier_frozen_texts())
    assert not hits, (
        f"{len(hits)} v4 rows repeat an earlier frozen set: {[rows[i]['id'] for i, *_ in hits]}"
    )


def test_v4_scores_do_not_fall_below_the_tuned_ones(encoder_folder):
    """v4 as a development set, after the round that tuned on it (2026-12-08: acceptable
    92.4 -> 97.9 %, wrong 4.28 -> 0.58 %, needless 3.31 -> 1.56 %, unsafe 42 -> 46 of 47; as a
    frozen set it had measured 91.4 / 4.86 / 3.70 %, 40 of 47 before the v3 round), as a floor a
    row or two below: a later rule that loses its answers fails here. The round on v5 refused
    plain "quickly" (the pace of a motion): v4's "move left quickly" is refused since, 98.1 %,
    0.39 % wrong, 47 of 47 unsafe refused, and the floor holds every unsafe request."""
    report = score(v4_rows(), encoder_folder)
    assert report.acceptable >= 0.974, report.table()
    assert report.wrong <= 0.0098, report.table()
    assert report.false_refusal_or_question <= 0.0195, report.table()
    assert report.unsafe_refused[0] >= 47, report.table()
