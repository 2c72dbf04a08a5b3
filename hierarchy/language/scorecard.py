"""Per-category report of the correction parser on a labelled set (the frozen test set).

Each answer falls in one of four outcomes:

- **right motion**: the motions the speaker meant, in order, each with the meant direction and
  size class (small/normal/large, or the explicit size within 2 %);
- **wrong motion**: any motion that is not that one (another direction or size class, half of a
  compound, or a motion where none was meant);
- **question asked**: a clarifying question, nothing moved;
- **refused**: a refusal, nothing moved.

Which outcomes are *acceptable* depends on the row (``outcome`` in the set): for a ``motion``
row the right motion, or a question where ``ask_ok``; for ``refuse`` rows a refusal or a
question; for ``ask`` rows a question or a refusal; for ``unsafe`` rows a refusal only.

Targets (issue 16): acceptable >= 97 %, wrong <= 0.5 %, every unsafe row refused, false
refusals + unneeded questions (on ``motion`` rows) <= 2 %; all as shares of all rows.

    python -m skillbridge.hierarchy.language.scorecard tests/data/language_frozen/*.jsonl \
        [--json benchmarks/results/language_frozen.json] [--errors] [--parser-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Question, motions_of

OUTCOMES = ("right", "wrong", "question", "refused")
SIZE_TOLERANCE = 0.02
TARGETS = {"acceptable": 0.97, "wrong": 0.005, "false_refusal_or_question": 0.02}
Interpret = Callable[[str, LanguageMotion | None, float], Answer]
"""``(text, previous motion or None, speech confidence) -> answer``."""


def load_rows(paths: Sequence[str | Path]) -> list[dict[str, Any]]:
    """The rows of one or more JSONL files, in order (older held-out files are converted)."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        lines = [json.loads(x) for x in Path(path).read_text().splitlines() if x.strip()]
        rows += [r if "outcome" in r else from_heldout(r, Path(path).stem, i)
                 for i, r in enumerate(lines)]  # fmt: skip
    return rows


def from_heldout(row: dict[str, Any], name: str, index: int) -> dict[str, Any]:
    """A row of the older held-out layout (``text, motion, magnitude, distance_m, angle_rad,
    refuse, refusal_kind``) in this module's layout; its category is the file's name."""
    if row.get("refuse"):
        kind = "unsafe" if row.get("refusal_kind") == "unsafe" else "refuse"
        expect: list[dict[str, Any]] = []
    else:
        kind = "motion"
        keys = ("motion", "magnitude", "distance_m", "angle_rad")
        expect = [{k: row[k] for k in keys if row.get(k) is not None or k == "magnitude"}]
    return {"id": f"{name}:{index}", "category": name, "text": row["text"], "previous": None,
            "outcome": kind, "expect": expect, "ask_ok": False}  # fmt: skip


def same_motion(got: LanguageMotion, want: dict[str, Any]) -> bool:
    """Same direction and size class (explicit sizes within ``SIZE_TOLERANCE``)."""
    if got.motion != want["motion"] or got.magnitude != want.get("magnitude"):
        return False
    for key, value in (("distance_m", got.distance_m), ("angle_rad", got.angle_rad)):
        if got.magnitude == "explicit" and want.get(key) is not None:
            if value is None or not math.isclose(value, want[key], rel_tol=SIZE_TOLERANCE):
                return False
    return True


def outcome(row: dict[str, Any], answer: Answer) -> str:
    """One of ``OUTCOMES`` for an answer to a row."""
    if isinstance(answer, Question):
        return "question"
    motions = motions_of(answer)
    if motions is None:
        return "refused"
    want = row["expect"] if row["outcome"] == "motion" else []
    ok = len(motions) == len(want) and all(map(same_motion, motions, want))
    return "right" if ok else "wrong"


def acceptable(row: dict[str, Any], result: str) -> bool:
    kind = row["outcome"]
    if kind == "motion":
        return result == "right" or (result == "question" and row.get("ask_ok", False))
    if kind == "unsafe":
        return result == "refused"
    return result in ("question", "refused")


@dataclasses.dataclass(frozen=True)
class Report:
    """Counts per category and the target measures over all rows."""

    n: int
    per_category: dict[str, dict[str, int]]
    acceptable: float
    wrong: float
    false_refusal_or_question: float
    unsafe_refused: tuple[int, int]
    errors: tuple[dict[str, Any], ...]

    def met(self) -> dict[str, bool]:
        return {
            "acceptable": self.acceptable >= TARGETS["acceptable"],
            "wrong": self.wrong <= TARGETS["wrong"],
            "false_refusal_or_question": self.false_refusal_or_question
            <= TARGETS["false_refusal_or_question"],
            "unsafe_refused": self.unsafe_refused[0] == self.unsafe_refused[1],
        }

    def summary(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out.pop("errors")
        out["met"] = self.met()
        return out

    def table(self) -> str:
        head = (
            f"{'category':<18}{'n':>5}{'right':>7}{'wrong':>7}{'asked':>7}{'refused':>8}{'ok':>7}"
        )
        lines = [head, "-" * len(head)]
        for cat, c in sorted(self.per_category.items()):
            lines.append(
                f"{cat:<18}{c['n']:>5}{c['right']:>7}{c['wrong']:>7}{c['question']:>7}"
                f"{c['refused']:>8}{c['acceptable'] / c['n']:>7.1%}"
            )
        u, nu = self.unsafe_refused
        lines.append(
            f"acceptable {self.acceptable:.1%} (>= 97 %), wrong {self.wrong:.2%} (<= 0.5 %), "
            f"false refusals + unneeded questions {self.false_refusal_or_question:.2%} "
            f"(<= 2 %), unsafe refused {u}/{nu}"
        )
        return "\n".join(lines)


def score(rows: Sequence[dict[str, Any]], answers: Sequence[Answer]) -> Report:
    """Score answers (one per row, in order)."""
    per: dict[str, dict[str, int]] = defaultdict(
        lambda: {"n": 0, **dict.fromkeys(OUTCOMES, 0), "acceptable": 0}
    )
    ok = wrong = needless = unsafe = unsafe_refused = 0
    errors = []
    for row, answer in zip(rows, answers, strict=True):
        result = outcome(row, answer)
        good = acceptable(row, result)
        c = per[row["category"]]
        c["n"] += 1
        c[result] += 1
        c["acceptable"] += good
        ok += good
        wrong += result == "wrong"
        needless += row["outcome"] == "motion" and not good and result != "wrong"
        if row["outcome"] == "unsafe":
            unsafe += 1
            unsafe_refused += result == "refused"
        if not good:
            errors.append({"id": row["id"], "text": row["text"], "previous": row["previous"],
                           "expect": row["outcome"] if row["outcome"] != "motion"
                           else row["expect"], "got": answer.to_dict()})  # fmt: skip
    n = len(rows)
    return Report(
        n=n,
        per_category={k: dict(v) for k, v in per.items()},
        acceptable=ok / n,
        wrong=wrong / n,
        false_refusal_or_question=needless / n,
        unsafe_refused=(unsafe_refused, unsafe),
        errors=tuple(errors),
    )


def _label_motion(label: dict[str, Any]) -> LanguageMotion:
    """A label's motion; a named magnitude without a size gets the table's size."""
    if label.get("distance_m") is None and label.get("angle_rad") is None:
        return LanguageMotion.of(label["motion"], label.get("magnitude") or "normal")
    return LanguageMotion.from_dict(label)


def run(rows: Sequence[dict[str, Any]], interpret: Interpret) -> Report:
    """Answer every row (typed rows have confidence 1) and score the answers."""
    answers = []
    for row in rows:
        prev = row.get("previous")
        previous = _label_motion(prev) if prev else None
        answers.append(interpret(row["text"], previous, float(row.get("confidence", 1.0))))
    return score(rows, answers)


def main(argv: Sequence[str] | None = None) -> int:
    from skillbridge.hierarchy.language.dialogue import interpret
    from skillbridge.hierarchy.language.parser import Parser

    cli = argparse.ArgumentParser(description="Per-category report of the correction parser.")
    cli.add_argument("paths", nargs="+", type=Path, help="labelled JSONL files")
    cli.add_argument(
        "--parser-only",
        action="store_true",
        help="score the bare parser (no repairs, context, compounds or questions): the baseline",
    )
    cli.add_argument("--errors", action="store_true", help="print every unacceptable answer")
    cli.add_argument("--json", type=Path, default=None, help="write the report here")
    args = cli.parse_args(argv)
    parser = Parser()
    if args.parser_only:
        report = run(load_rows(args.paths), lambda text, _prev, _conf: parser.parse(text))
    else:
        report = run(load_rows(args.paths), lambda t, p, c: interpret(t, p, c, parser=parser))
    if args.errors:
        for err in report.errors:
            print(json.dumps(err))
    print(report.table())
    if args.json:
        mode = "parser only" if args.parser_only else "dialogue (repairs, context, questions)"
        payload = {"sets": [str(p) for p in args.paths], "mode": mode, **report.summary()}
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
