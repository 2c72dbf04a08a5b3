"""What the frozen sets' generators (``language_frozen_v3`` ... ``_v8/make_frozen_vN.py``) share:
numbering the hand-written candidates, dropping those that near-duplicate the tuning texts or an
earlier frozen set, and writing ``typed.jsonl`` from the stored drop list; and the label and row
helpers that v6-v10's generators had each copied (``m``, ``cm``, ... and ``Rows``).

Each generator keeps its sentences, its label conventions, its pool of previous motions and its
seed; this module holds only what they had each copied. (The generators' docstrings name line
ranges of the earlier generators as they were when each set was written: see the history.) The earlier sets and the tuning texts are loaded for the check
only: their texts are never printed.
"""

from __future__ import annotations

import argparse
import json
import math
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


# ---- labels and rows (the helpers of v6-v10's generators) -----------------------------------

MOVES = ("left", "right", "forward", "backward", "up", "down")
ROTS = ("rotate_cw", "rotate_ccw")
OPPOSITE = {"left": "right", "right": "left", "forward": "backward", "backward": "forward",
            "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw"}  # fmt: skip


def m(motion: str, magnitude: str = "normal") -> Row:
    """A motion with a named size class (gripper and stop: no size)."""
    if motion in MOVES or motion in ROTS:
        return {"motion": motion, "magnitude": magnitude}
    return {"motion": motion, "magnitude": None}


def metres(motion: str, value: float) -> Row:
    return {"motion": motion, "magnitude": "explicit", "distance_m": round(value, 6)}


def cm(motion: str, value: float) -> Row:
    return metres(motion, value / 100)


def mm(motion: str, value: float) -> Row:
    return metres(motion, value / 1000)


def inch(motion: str, value: float) -> Row:
    return metres(motion, value * 0.0254)


def deg(motion: str, value: float) -> Row:
    return {"motion": motion, "magnitude": "explicit", "angle_rad": round(math.radians(value), 6)}


def rad(motion: str, value: float) -> Row:
    return {"motion": motion, "magnitude": "explicit", "angle_rad": round(value, 6)}


def reverse(prev: Row) -> Row:
    """The previous motion the other way, same size."""
    return {**prev, "motion": OPPOSITE[prev["motion"]]}


def back_small(prev: Row) -> Row:
    """Too far: the previous motion reversed by a small step."""
    return m(OPPOSITE[prev["motion"]], "small")


def again(prev: Row, size: str | None = None) -> Row:
    """More: the previous direction, with the size said or else the previous size."""
    return dict(prev) if size is None else m(prev["motion"], size)


class Rows:
    """The row helpers of one set: every row carries its ``source``; ``drawn`` rows draw their
    previous motion from the set's ``pool`` with the generator's one seeded ``rng``."""

    def __init__(self, source: str, seed: int, pool: dict[str, list[Row]]) -> None:
        self.source, self.seed, self.pool = source, seed, pool

    def go(self, text: str, *expect: Row, prev: Row | None = None, ask: bool = False) -> Row:
        return {"text": text, "previous": prev, "outcome": "motion", "expect": list(expect),
                "ask_ok": ask, "source": self.source}  # fmt: skip

    def ask(self, text: str, prev: Row | None = None) -> Row:
        return {"text": text, "previous": prev, "outcome": "ask", "expect": [], "ask_ok": False,
                "source": self.source}  # fmt: skip

    def refuse(self, text: str) -> Row:
        return {"text": text, "previous": None, "outcome": "refuse", "expect": [], "ask_ok": False,
                "source": self.source}  # fmt: skip

    def unsafe(self, text: str) -> Row:
        return {"text": text, "previous": None, "outcome": "unsafe", "expect": [], "ask_ok": False,
                "source": self.source}  # fmt: skip

    def drawn(
        self, rng: random.Random, pool: str, text: str, label: Callable[..., Row], *args
    ) -> Row:
        """A row whose previous motion is drawn from ``pool[pool]``: ``label(text, prev, *args)``."""
        prev = rng.choice(self.pool[pool])
        row = label(text, prev, *args)
        row["source"] = f"{self.source}; previous drawn from POOL['{pool}'] (seed {self.seed})"
        return row

    def other(self, text: str, prev: Row, size: str | None = None, ask_ok: bool = False) -> Row:
        """The other way: the previous motion reversed, same size or the size said."""
        label = reverse(prev) if size is None else m(OPPOSITE[prev["motion"]], size)
        return self.go(text, label, prev=prev, ask=ask_ok)

    def other_cm(self, text: str, prev: Row, value: float) -> Row:
        return self.go(text, cm(OPPOSITE[prev["motion"]], value), prev=prev)

    def other_mm(self, text: str, prev: Row, value: float) -> Row:
        return self.go(text, mm(OPPOSITE[prev["motion"]], value), prev=prev)

    def other_deg(self, text: str, prev: Row, value: float) -> Row:
        return self.go(text, deg(OPPOSITE[prev["motion"]], value), prev=prev)

    def less(self, text: str, prev: Row, ask_ok: bool = False) -> Row:
        return self.go(text, back_small(prev), prev=prev, ask=ask_ok)

    def more(self, text: str, prev: Row, size: str | None = None, ask_ok: bool = False) -> Row:
        return self.go(text, again(prev, size), prev=prev, ask=ask_ok)

    def undo(self, text: str, prev: Row) -> Row:
        """Undo / put it back / wrong way: the other way, same size, a question also right."""
        return self.other(text, prev, ask_ok=True)

    def ask_after(self, text: str, prev: Row) -> Row:
        return self.ask(text, prev)
