"""What the frozen sets' generators (``language_frozen_v3`` ... ``_v8/make_frozen_vN.py``) share:
numbering the hand-written candidates, dropping those that near-duplicate the tuning texts or an
earlier frozen set, and writing ``typed.jsonl`` from the stored drop list.

Each generator keeps its sentences, its label conventions and its seed; this module holds only
the plumbing they had each copied. The earlier sets and the tuning texts are loaded for the check
only: their texts are never printed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Row = dict[str, Any]
FIELDS = ("category", "text", "previous", "outcome", "expect", "ask_ok", "source")


def candidates(
    builders: dict[str, Callable[[random.Random], list[Row]]],
    categories: Sequence[str],
    seed: int,
    prefix: str,
) -> list[Row]:
    """Every candidate row in category order, one seeded generator for all, ids
    ``{prefix}-0001`` ... in that order."""
    rng = random.Random(seed)
    rows = [{"category": category, **{k: r[k] for k in FIELDS[1:]}}
            for category in categories for r in builders[category](rng)]  # fmt: skip
    return [{"id": f"{prefix}-{i + 1:04d}", **r} for i, r in enumerate(rows)]


def earlier_frozen_texts(root: Path, earlier_sets: Sequence[str]) -> list[str]:
    """The texts of the earlier frozen sets (loaded for the check only, never shown)."""
    texts = []
    for name in earlier_sets:
        for path in sorted((root / "tests" / "data" / name).glob("*.jsonl")):
            texts += [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    return texts


def leaked(texts: list[str], root: Path, earlier_sets: Sequence[str], earlier: str) -> list[Row]:
    """``{"index", "reason"}`` for each text that near-duplicates the tuning texts or an earlier
    frozen set (``leakage.near_duplicates``; ``earlier`` names those sets in the reason); the
    matched texts are not kept."""
    from skillbridge.hierarchy.language.leakage import near_duplicates, tuning_texts

    found: dict[int, str] = {}
    for label, corpus in (("tuning texts", tuning_texts(root)),
                          (f"an earlier frozen set ({earlier})",
                           earlier_frozen_texts(root, earlier_sets))):  # fmt: skip
        for i, _hit, score in near_duplicates(texts, corpus):
            found.setdefault(i, f"near-duplicate of {label} (fuzz ratio {score:.1f})")
    return [{"index": i, "reason": found[i]} for i in sorted(found)]


def main(
    argv: list[str] | None,
    doc: str | None,
    here: Path,
    seed: int,
    categories: Sequence[str],
    rows: list[Row],
    find_leaks: Callable[[list[str]], list[Row]],
) -> None:
    """``make_frozen_vN.py [--decontaminate]``: write ``typed.jsonl`` from the candidates less
    the ids in ``dropped.json``; with ``--decontaminate``, recompute ``dropped.json`` first."""
    cli = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    cli.add_argument("--decontaminate", action="store_true",
                     help="recompute dropped.json against the tuning texts and earlier sets")  # fmt: skip
    args = cli.parse_args(argv)
    if args.decontaminate:
        hits = find_leaks([r["text"] for r in rows])
        dropped = [{"id": rows[h["index"]]["id"], "category": rows[h["index"]]["category"],
                    "text": rows[h["index"]]["text"], "reason": h["reason"]} for h in hits]  # fmt: skip
        (here / "dropped.json").write_text(
            json.dumps({"seed": seed, "dropped": dropped}, indent=1) + "\n")  # fmt: skip
    drop = {d["id"] for d in json.loads((here / "dropped.json").read_text())["dropped"]}
    kept = [r for r in rows if r["id"] not in drop]
    (here / "typed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in kept))
    counts = {c: sum(r["category"] == c for r in kept) for c in categories}
    print(f"{len(rows)} candidates, {len(drop)} dropped, {len(kept)} rows written: {counts}")
