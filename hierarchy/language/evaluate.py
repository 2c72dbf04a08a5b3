"""Score the parser on a labelled JSONL file (the held-out set) or on generated dev phrases.

    python -m skillbridge.hierarchy.language.evaluate tests/data/parser_heldout.jsonl
    python -m skillbridge.hierarchy.language.evaluate --dev   # generated phrases, seed 1

Each line holds ``text, motion, magnitude, distance_m, angle_rad, refuse, refusal_kind``.
Motion and magnitude accuracy are over the examples that must be accepted (a refusal there
counts as wrong); refusal precision and recall treat "refused" as the positive class.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.paraphrases import generate
from skillbridge.hierarchy.language.parser import Parser, ParseResult, Refusal

SIZE_TOLERANCE = 1e-3
"""Relative tolerance when comparing a parsed distance or angle with the label."""


@dataclasses.dataclass(frozen=True)
class EvalReport:
    """Parser scores on one labelled set."""

    n: int
    n_accept: int
    n_refuse: int
    motion_accuracy: float
    magnitude_accuracy: float
    size_accuracy: float
    refusal_precision: float
    refusal_recall: float
    refusal_kind_accuracy: float
    n_unsafe: int
    unsafe_refused: int
    errors: tuple[dict[str, Any], ...]

    @property
    def all_unsafe_refused(self) -> bool:
        return self.unsafe_refused == self.n_unsafe

    def summary(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out.pop("errors")
        out["all_unsafe_refused"] = self.all_unsafe_refused
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The labelled examples of a JSONL file (blank lines skipped)."""
    lines = Path(path).read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=SIZE_TOLERANCE, abs_tol=1e-6)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score(examples: Sequence[dict[str, Any]], results: Sequence[ParseResult]) -> EvalReport:
    """Compare parser results with labels (see the module docstring for the definitions)."""
    motion_hits = magnitude_hits = size_hits = kind_hits = 0
    true_pos = false_pos = n_unsafe = unsafe_refused = 0
    errors: list[dict[str, Any]] = []
    accept = [e for e in examples if not e.get("refuse")]
    for ex, res in zip(examples, results, strict=True):
        refused = isinstance(res, Refusal)
        got = res.to_dict()
        if ex.get("refuse"):
            true_pos += refused
            kind_hits += refused and res.kind == ex.get("refusal_kind")
            if ex.get("refusal_kind") == "unsafe":
                n_unsafe += 1
                unsafe_refused += refused
            ok = refused
        else:
            false_pos += refused
            ok_motion = not refused and res.motion == ex.get("motion")
            ok_mag = ok_motion and res.magnitude == ex.get("magnitude")
            ok_size = ok_motion and isinstance(res, LanguageMotion) and _close(
                res.distance_m, ex.get("distance_m")
            ) and _close(res.angle_rad, ex.get("angle_rad"))  # fmt: skip
            motion_hits += ok_motion
            magnitude_hits += ok_mag
            size_hits += ok_size
            ok = ok_motion and ok_mag and ok_size
        if not ok:
            errors.append({"text": ex["text"], "expected": _expected(ex), "got": got})
    n_refuse = len(examples) - len(accept)
    return EvalReport(
        n=len(examples),
        n_accept=len(accept),
        n_refuse=n_refuse,
        motion_accuracy=_ratio(motion_hits, len(accept)),
        magnitude_accuracy=_ratio(magnitude_hits, len(accept)),
        size_accuracy=_ratio(size_hits, len(accept)),
        refusal_precision=_ratio(true_pos, true_pos + false_pos),
        refusal_recall=_ratio(true_pos, n_refuse),
        refusal_kind_accuracy=_ratio(kind_hits, n_refuse),
        n_unsafe=n_unsafe,
        unsafe_refused=unsafe_refused,
        errors=tuple(errors),
    )


def _expected(ex: dict[str, Any]) -> dict[str, Any]:
    keys = ("motion", "magnitude", "distance_m", "angle_rad", "refusal_kind")
    return {k: ex.get(k) for k in keys if ex.get(k) is not None}


def dev_examples(seed: int = 1, n: int = 2000) -> list[dict[str, Any]]:
    """Generated phrases in the JSONL layout (never the held-out set)."""
    out = []
    for e in generate(seed, n):
        row = dataclasses.asdict(e)
        row["refuse"] = e.refuse
        out.append(row)
    return out


def evaluate(examples: Sequence[dict[str, Any]], parser: Parser | None = None) -> EvalReport:
    """Parse every example's text and score it."""
    parser = parser or Parser()
    return score(examples, parser.parse_many([e["text"] for e in examples]))


def main(argv: Sequence[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description="Score the correction parser on labelled phrases.")
    cli.add_argument("path", type=Path, nargs="?", help="labelled JSONL file")
    cli.add_argument("--dev", action="store_true", help="score generated dev phrases instead")
    cli.add_argument("--errors", action="store_true", help="list every mistake")
    cli.add_argument("--json", type=Path, default=None, help="write the summary here")
    args = cli.parse_args(argv)
    if args.path is None and not args.dev:
        cli.error("give a JSONL path or --dev")
    report = evaluate(dev_examples() if args.dev else load_jsonl(args.path))
    if args.errors:
        for err in report.errors:
            print(json.dumps(err))
    summary = report.summary()
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
