"""Development batches 6 (tuning) and 7 (check) of issue 16: rebuilt by their seeded generator,
well-formed labels, and no near-duplicate of a frozen row (v1 or v2), typed or spoken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frozen_case import load_script

from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.hierarchy.language.scorecard import load_rows

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
MIN_ROWS = {6: 220, 7: 150}
CORE = ("homophone", "negated_distance", "safe_lookalike", "relative_people", "other_way",
        "ambiguous", "compound")  # fmt: skip


def generator():
    return load_script(DATA / "make_dev_b67.py")


def typed(batch: int) -> list[dict]:
    return load_rows([DATA / f"language_dev_b{batch}.jsonl"])


def batches() -> list[int]:
    return [b for b in MIN_ROWS if (DATA / f"language_dev_b{b}.jsonl").is_file()]


@pytest.mark.parametrize("batch", batches())
def test_batch_is_what_the_generator_writes(batch):
    module = generator()
    dropped = json.loads((DATA / "dev_b67_dropped.json").read_text())
    assert module.build(batch, set(dropped[str(batch)])) == typed(batch)


@pytest.mark.parametrize("batch", batches())
def test_batch_rows_are_well_formed_and_cover_the_categories(batch):
    rows = typed(batch)
    assert len(rows) >= MIN_ROWS[batch]
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["id"].startswith(f"i{batch}-") for r in rows)
    for row in rows:
        assert row["outcome"] in ("motion", "refuse", "unsafe", "ask"), row
        assert bool(row["expect"]) == (row["outcome"] == "motion"), row
        for label in row["expect"] + ([row["previous"]] if row["previous"] else []):
            assert label["motion"] in MOTIONS, row
            LanguageMotion.from_dict(label)  # raises on a size outside the contract's bounds
    counts = {c: sum(r["category"] == c for r in rows) for c in CORE}
    assert min(counts.values()) >= 0.06 * len(rows), counts
    assert sum(r["outcome"] == "unsafe" for r in rows) >= 0.08 * len(rows)


def test_no_row_near_duplicates_a_frozen_row():
    module = generator()
    frozen = [r["text"] for r in load_rows(module.FROZEN)]
    paths = [DATA / f"language_dev{s}_b{b}.jsonl" for b in MIN_ROWS for s in ("", "_asr")]
    texts = [r["text"] for r in load_rows([p for p in paths if p.is_file()])]
    assert len(texts) >= MIN_ROWS[6]
    leaks = module.leaking(texts, frozen)
    assert not leaks, f"{len(leaks)} rows of batches 6/7 near-duplicate frozen rows: {leaks}"
