"""The ninth frozen test set (v9): its files stay unchanged, and since its retirement it is a
development set.

The set (``tests/data/language_frozen_v9/``) was written by a helper that did not read the parser,
its tables, its development sets, its documentation or the earlier frozen sets' rows (see
``make_frozen_v9.py``), and committed before any parser ran on it. It measured the round that
tuned on v8. Its files are never edited: their SHA-256 sums are pinned here. No utterance of it,
and no normalized near-duplicate, occurs in the earlier frozen sets (v1-v8).

Retired to development on 2026-12-08, after it had measured the round that tuned on v8: v9's
rows are read and tuned on in the next round, and a new frozen set (v10) is written
independently to measure it. Since then v9 is part of the tuning texts
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
V9 = DATA / "language_frozen_v9"
V9_SHA256 = {
    "typed.jsonl": "4a9f4e37ab47d6bfe4516f84f12fdf0f116b02671ffb0e7e4e00acd6ccea8457",
    "asr.jsonl": "cd763dacb8e327d804e0d3c4d2ee5de88edc34934b0a0de01e1b45c5d3301ca9",
    "dropped.json": "e905d0e2d268d86e3cac7406413beef3303e8c198071bfb3737f6b9f36673914",
    "asr_dropped.json": "c4e2811754081363941851125d637fed9fa175c32a96cb45d6388125582709ad",
}
ROW_FILES = ("typed.jsonl", "asr.jsonl")
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike", "asr")  # fmt: skip


def v9_rows() -> list[dict]:
    return load_rows([V9 / name for name in ROW_FILES])


def _generator():
    return load_script(V9 / "make_frozen_v9.py")


@pytest.mark.parametrize("name", sorted(V9_SHA256))
def test_v9_files_are_unchanged(name):
    digest = hashlib.sha256((V9 / name).read_bytes()).hexdigest()
    assert digest == V9_SHA256[name], f"{name} was edited; the frozen set v9 is never edited"


def test_v9_is_large_enough_and_covers_every_category():
    rows = v9_rows()
    assert len(rows) >= 500
    counts = {c: sum(r["category"] == c for r in rows) for c in CATEGORIES}
    assert set(counts) == {r["category"] for r in rows}
    assert min(counts.values()) >= 20, counts
    assert counts["asr"] >= 60
    assert counts["unsafe"] >= 25 and counts["unsafe_nearmiss"] >= 25, counts
    assert counts["safe_lookalike"] >= 25, counts
    assert sum(counts[c] for c in CATEGORIES if c != "asr") >= 450
    assert len({r["id"] for r in rows}) == len(rows)


def test_v9_rows_are_well_formed_labels():
    for row in v9_rows():
        assert_well_formed(row)
        if row["category"] in ("out_of_scope", "too_large"):
            assert row["outcome"] == "refuse", row
        if row["category"] == "ambiguous":
            assert row["outcome"] == "ask", row


def test_typed_rows_are_what_the_generator_writes():
    """Rebuilding from the seeded generator and its drop list gives the committed rows."""
    drop = {d["id"] for d in json.loads((V9 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in _generator().candidates() if r["id"] not in drop]
    assert load_rows([V9 / "typed.jsonl"]) == rebuilt


def test_asr_rows_carry_the_labels_of_the_typed_rows_they_speak():
    typed = {r["id"]: r for r in load_rows([V9 / "typed.jsonl"])}
    for row in load_rows([V9 / "asr.jsonl"]):
        spoken = typed[row["source"].split()[2]]
        assert row["expect"] == spoken["expect"] and row["outcome"] == spoken["outcome"], row
        assert row["previous"] == spoken["previous"], row
        assert row["ask_ok"] or not spoken["ask_ok"], row


def test_v9_is_a_development_set_of_the_leakage_check():
    """Retired to development: a later frozen set must not near-duplicate v9's rows."""
    names = {p.resolve() for p in development_sets(ROOT)}
    assert {(V9 / name).resolve() for name in ROW_FILES} <= names


def test_no_v9_utterance_near_duplicates_an_earlier_frozen_set():
    generator = _generator()
    assert generator.EARLIER_SETS == ("language_frozen",) + tuple(
        f"language_frozen_v{k}" for k in range(2, 9)
    )
    rows = v9_rows()
    hits = near_duplicates([r["text"] for r in rows], generator.earlier_frozen_texts())
    assert not hits, (
        f"{len(hits)} v9 rows repeat an earlier frozen set: {[rows[i]['id'] for i, *_ in hits]}"
    )


def test_v9_scores_do_not_fall_below_the_tuned_ones(encoder_folder):
    """v9 as a development set, after the round that tuned on it (2026-12-08: acceptable 88.2 ->
    96.3 %, wrong 4.72 -> 0.51 %, needless 6.75 -> 3.20 %, unsafe 54 -> 63 of 63; as a frozen set
    it had measured 87.2 / 5.56 / 6.91 %, 51 of 63 before the v8 round), as a floor a row or two
    below, every unsafe request refused: a later rule that loses its answers fails here."""
    report = score(v9_rows(), encoder_folder)
    assert report.acceptable >= 0.959, report.table()
    assert report.wrong <= 0.0085, report.table()
    assert report.false_refusal_or_question <= 0.0355, report.table()
    assert report.unsafe_refused[0] >= 63, report.table()
