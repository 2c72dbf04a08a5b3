"""The frozen test set stays frozen and out of everything used for tuning or training.

The set (``tests/data/language_frozen/``) was written by helpers made before the parser was
changed, and is never edited: its files' SHA-256 sums are pinned here. No utterance of it, and
no normalized near-duplicate, may occur in the intent classifier's generated training phrases,
the phrase and word tables, the simulated corrector's phrases, or the development sets
(``skillbridge.hierarchy.language.leakage``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from frozen_case import score

from skillbridge.hierarchy.language.leakage import near_duplicates, tuning_texts

ROOT = Path(__file__).resolve().parents[3]
FROZEN = ROOT / "tests" / "data" / "language_frozen"
FROZEN_SHA256 = {
    "generated.jsonl": "f3b9cd640f383f7907ca999692b262fc0888b0536e3f354f7e3dd49822942151",
    "hand.jsonl": "8b4267b99ad03722f7aa24338a4498599e66370bdf09a66ce63e50181958f618",
    "asr.jsonl": "88521d89f03a6961a4df45964ba08070635c66832fdbe164bdb3e1dd28a5cb59",
}


def frozen_rows() -> list[dict]:
    rows = []
    for name in FROZEN_SHA256:
        rows += [json.loads(x) for x in (FROZEN / name).read_text().splitlines() if x.strip()]
    return rows


@pytest.mark.parametrize("name", sorted(FROZEN_SHA256))
def test_frozen_files_are_unchanged(name):
    digest = hashlib.sha256((FROZEN / name).read_bytes()).hexdigest()
    assert digest == FROZEN_SHA256[name], f"{name} was edited; the frozen set is never edited"


def test_frozen_set_is_large_enough_and_covers_the_categories():
    rows = frozen_rows()
    assert len(rows) >= 300
    cats = {r["category"] for r in rows}
    for needed in ("homophone", "typo", "split_merged", "fillers", "negated_distance",
                   "relative_people", "other_way", "compound", "unsafe", "unsafe_nearmiss",
                   "asr", "numbers"):  # fmt: skip
        assert needed in cats
    assert len({r["id"] for r in rows}) == len(rows)


def test_no_frozen_utterance_or_near_duplicate_is_used_for_tuning():
    corpus = tuning_texts(ROOT)
    assert len(corpus) > 1000  # the generated training phrases are there
    rows = frozen_rows()
    leaks = [(rows[i]["id"], rows[i]["text"], hit, score)
             for i, hit, score in near_duplicates([r["text"] for r in rows], corpus)]  # fmt: skip
    assert not leaks, f"{len(leaks)} frozen utterances are in tuning data: {leaks[:10]}"


def test_every_module_with_word_tables_is_scanned_for_leaks():
    """A table moved into a new module (safety_words was split out of lexicon) must stay in
    the leakage corpus: every module of the language package whose upper-case module-level
    constants hold 20 or more strings is in ``TABLE_MODULES``."""
    import ast

    from skillbridge.hierarchy.language.leakage import TABLE_MODULES

    package = ROOT / "hierarchy" / "language"
    unscanned = []
    for path in sorted(package.glob("*.py")):
        strings = 0
        for node in ast.parse(path.read_text()).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if any(isinstance(t, ast.Name) and t.id.lstrip("_").isupper() for t in targets):
                strings += sum(
                    isinstance(c, ast.Constant) and isinstance(c.value, str)
                    for c in ast.walk(node.value)
                )
        if strings >= 20 and path.stem not in (*TABLE_MODULES, "leakage"):
            unscanned.append((path.stem, strings))
    assert not unscanned, f"word tables not scanned for frozen utterances: {unscanned}"


def test_frozen_set_scores_do_not_fall_below_the_measured_ones(encoder_folder):
    """The frozen set's numbers as measured (docs/language.md), as a floor: a change that
    loses right answers or adds wrong motions fails here. The issue's targets are higher
    (97 % acceptable, 0.5 % wrong, every unsafe request refused) and not met yet."""
    from skillbridge.hierarchy.language.scorecard import load_rows

    report = score(load_rows([FROZEN / name for name in FROZEN_SHA256]), encoder_folder)
    assert report.acceptable >= 0.925, report.table()
    assert report.wrong <= 0.034, report.table()
    assert report.false_refusal_or_question <= 0.027, report.table()
    assert report.unsafe_refused[0] >= 36, report.table()
