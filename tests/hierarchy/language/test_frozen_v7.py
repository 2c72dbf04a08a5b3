"""The seventh frozen test set (v7): its files stay unchanged, and since its retirement it is a
development set.

The set (``tests/data/language_frozen_v7/``) was written by a helper that did not read the parser,
its tables, its development sets, its documentation or the earlier frozen sets' rows (see
``make_frozen_v7.py``), and committed before any parser ran on it. It measured the round that
tuned on v6. Its files are never edited: their SHA-256 sums are pinned here. No utterance of it,
and no normalized near-duplicate, occurs in the earlier frozen sets (v1-v6).

Retired to development on 2026-12-08, after it had measured the round that tuned on v6: v7's
rows are read and tuned on in the next round, and a new frozen set (v8) is written independently
to measure it. Since then v7 is part of the tuning texts (``leakage.RETIRED_FROZEN_SETS``), so
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
V7 = DATA / "language_frozen_v7"
V7_SHA256 = {
    "typed.jsonl": "952a1a4c36512f62b73c0fb3f94a52c8ae38579934a0d1cc004044ee854dd0d6",
    "asr.jsonl": "43432c9c4996499cb7f284cc090d62a25b4ec171ff7e1c5ec097bf4d0f0ef442",
}
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike", "asr")  # fmt: skip


def v7_rows() -> list[dict]:
    return load_rows([V7 / name for name in V7_SHA256])


def _generator():
    return load_script(V7 / "make_frozen_v7.py")


@pytest.mark.parametrize("name", sorted(V7_SHA256))
def test_v7_files_are_unchanged(name):
    digest = hashlib.sha256((V7 / name).read_bytes()).hexdigest()
    assert digest == V7_SHA256[name], f"{name} was edited; the frozen set v7 is never edited"


def test_v7_is_large_enough_and_covers_every_category():
    rows = v7_rows()
    assert len(rows) >= 300
    counts = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert set(counts) == {r["category"] for r in rows}
    assert min(counts.values()) >= 20, counts
    assert counts["asr"] >= 90
    assert counts["unsafe"] >= 25 and counts["unsafe_nearmiss"] >= 25, counts
    assert counts["safe_lookalike"] >= 25, counts
    assert sum(counts[c] for c in CATEGORIES if c != "asr") >= 500
    assert len({r["id"] for r in rows}) == len(rows)


def test_v7_rows_are_well_formed_labels():
    for row in v7_rows():
        assert_well_formed(row)
        if row["category"] in ("out_of_scope", "too_large"):
            assert row["outcome"] == "refuse", row
        if row["category"] == "ambiguous":
            assert row["outcome"] == "ask", row


def test_typed_rows_are_what_the_generator_writes():
    """Rebuilding from the seeded generator and its drop list gives the committed rows."""
    drop = {d["id"] for d in json.loads((V7 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in _generator().candidates() if r["id"] not in drop]
    assert load_rows([V7 / "typed.jsonl"]) == rebuilt


def test_asr_rows_carry_the_labels_of_the_typed_rows_they_speak():
    typed = {r["id"]: r for r in load_rows([V7 / "typed.jsonl"])}
    for row in load_rows([V7 / "asr.jsonl"]):
        spoken = typed[row["source"].split()[2]]
        assert row["expect"] == spoken["expect"] and row["outcome"] == spoken["outcome"], row
        assert row["previous"] == spoken["previous"], row
        assert row["ask_ok"] or not spoken["ask_ok"], row


def test_v7_is_a_development_set_of_the_leakage_check():
    """Retired to development: a later frozen set must not near-duplicate v7's rows."""
    names = {p.resolve() for p in development_sets(ROOT)}
    assert {(V7 / name).resolve() for name in V7_SHA256} <= names


def test_no_v7_utterance_near_duplicates_an_earlier_frozen_set():
    generator = _generator()
    assert generator.EARLIER_SETS == ("language_frozen",) + tuple(
        f"language_frozen_v{k}" for k in range(2, 7)
    )
    rows = v7_rows()
    hits = near_duplicates([r["text"] for r in rows], generator.earlier_frozen_texts())
    assert not hits, (
        f"{len(hits)} v7 rows repeat an earlier frozen set: {[rows[i]['id'] for i, *_ in hits]}"
    )


def test_v7_scores_do_not_fall_below_the_tuned_ones(encoder_folder):
    """v7 as a development set, after the round that tuned on it (2026-12-08: acceptable 86.9 ->
    96.7 %, wrong 5.74 -> 0.96 %, needless 6.86 -> 2.39 %, unsafe 54 -> 67 of 67; as a frozen set
    it had measured 86.3 / 6.38 / 6.86 %, 53 of 67 before the v6 round), as a floor a row or two
    below, every unsafe request refused: a later rule that loses its answers fails here."""
    report = score(v7_rows(), encoder_folder)
    assert report.acceptable >= 0.963, report.table()
    assert report.wrong <= 0.0128, report.table()
    assert report.false_refusal_or_question <= 0.0272, report.table()
    assert report.unsafe_refused[0] >= 67, report.table()
