"""Removes from the frozen set every row that near-duplicates a text used for tuning or training.

Run once, after ``make_frozen.py`` and ``make_asr.py`` and before the set is committed: the
independent helpers wrote everyday phrases that other engineers' training phrases and held-out
sets also hold ("make me a coffee", "the other way"). Rows are only removed, never changed.
When it ran, the development sets were the two parser held-out files; it now checks against
every development set (``leakage.development_sets``), so a rerun may remove rows that a later
development set near-duplicates (the leakage test would flag those first).

    python tests/data/language_frozen/decontaminate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from skillbridge.hierarchy.language.leakage import near_duplicates, tuning_texts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def main() -> None:
    corpus = tuning_texts(ROOT)
    for name in ("generated.jsonl", "hand.jsonl", "asr.jsonl"):
        path = HERE / name
        rows = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        hits = {i for i, _, _ in near_duplicates([r["text"] for r in rows], corpus)}
        kept = [r for i, r in enumerate(rows) if i not in hits]
        path.write_text("".join(json.dumps(r) + "\n" for r in kept))
        print(f"{name}: removed {len(hits)} of {len(rows)} rows, kept {len(kept)}")


if __name__ == "__main__":
    main()
