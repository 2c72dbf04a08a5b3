"""The second frozen test set (v2) stays frozen and out of everything used for tuning or training.

The set (``tests/data/language_frozen_v2/``) was written by a helper that did not read the parser,
its tables, its development sets or the first frozen set's rows (see ``make_frozen_v2.py``), and
committed before any parser ran on it. Its files are never edited: their SHA-256 sums are pinned
here. No utterance of it, and no normalized near-duplicate, may occur in the texts the parser is
tuned or trained on (``skillbridge.hierarchy.language.leakage``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.hierarchy.language.leakage import near_duplicates, tuning_texts
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
    spec = importlib.util.spec_from_file_location("make_frozen_v2", V2 / "make_frozen_v2.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    drop = {d["text"] for d in json.loads((V2 / "dropped.json").read_text())["dropped"]}
    rebuilt = [r for r in module.candidates() if r["text"] not in drop]
    committed = load_rows([V2 / "typed.jsonl"])
    assert [{k: v for k, v in r.items() if k != "id"} for r in committed] == rebuilt


def test_no_v2_utterance_or_near_duplicate_is_used_for_tuning():
    corpus = tuning_texts(ROOT)
    assert len(corpus) > 1000  # the generated training phrases are there
    rows = v2_rows()
    leaks = [(rows[i]["id"], rows[i]["text"], score)
             for i, _hit, score in near_duplicates([r["text"] for r in rows], corpus)]  # fmt: skip
    assert not leaks, f"{len(leaks)} frozen v2 utterances are in tuning data: {leaks[:10]}"
