"""Which encoder offsets should a fit hand to training? A kinematic check on stored estimates.

The closed-loop study (``benchmarks/calibration_closed_loop.py``) found that a policy trained
around a fit compensates the fitted encoder offsets, right or wrong, so what it keeps of the
offsets' error is the tool displacement of true minus handed-over offsets. This tool computes
that displacement (mean over the evaluation's start-pose distribution, mm) for each robot of a
coverage-study JSON (``calibration_coverage.py``: true offsets and estimates with their
``identified`` flags), for three choices:

* ``none``: no offsets (a policy trained around nominal encoders);
* ``all``: every fitted offset (what ``calibrate fit`` writes today);
* ``identified``: only the offsets the fit marked identified, the others at 0.

No fit or simulation runs: it reads the JSON. Use development studies
(``calibration_coverage_30s_dev.json``, seeds 2000-2005) to choose; a choice made here needs a
fresh frozen run to be claimed.

    python benchmarks/tools/offset_choices.py [STUDY_JSON] [--json PATH]

``STUDY_JSON`` defaults to ``benchmarks/results/calibration_coverage_30s_dev.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from calibration_closed_loop import offset_displacement_mm, start_poses

CHOICES = ("none", "all", "identified")


def handed_over(offsets: list[dict], choice: str) -> dict[str, float]:
    """The offsets a choice hands to training, by joint."""
    out = {}
    for p in offsets:
        joint = p["name"].split(".")[0]
        keep = choice == "all" or (choice == "identified" and p["identified"])
        out[joint] = p["estimate"] if keep else 0.0
    return out


def residuals(robot: dict, poses: np.ndarray) -> dict[str, float]:
    """Tool displacement (mm) of true minus handed-over offsets, per choice."""
    offsets = [p for p in robot["parameters"] if p["field"] == "offset"]
    true = {p["name"].split(".")[0]: p["truth"] for p in offsets}
    out = {}
    for choice in CHOICES:
        given = handed_over(offsets, choice)
        left = {j: true[j] - given[j] for j in true}
        out[choice] = round(offset_displacement_mm(left, poses), 4)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "study",
        nargs="?",
        type=Path,
        default=Path("benchmarks/results/calibration_coverage_30s_dev.json"),
        help="a calibration_coverage JSON with per-robot offset estimates",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the table here")
    args = parser.parse_args()
    try:
        robots = json.loads(args.study.read_text())["robots"]
    except (OSError, ValueError, KeyError) as exc:
        raise SystemExit(f"{args.study}: not a calibration_coverage JSON ({exc})") from exc
    fitted = [r for r in robots if "parameters" in r]
    if not any(p["field"] == "offset" for r in fitted for p in r["parameters"]):
        raise SystemExit(f"{args.study} has no offset estimates: fit offsets in that study")
    poses = start_poses()
    rows = [{"seed": r["seed"], **residuals(r, poses)} for r in fitted]
    print(
        f"{'robot':>6}"
        + "".join(f"{c:>12}" for c in CHOICES)
        + "   (mm left of the offsets' error)"
    )
    for row in rows:
        print(f"{row['seed']:>6}" + "".join(f"{row[c]:>12.2f}" for c in CHOICES))
    means = {c: round(float(np.mean([r[c] for r in rows])), 4) for c in CHOICES}
    print(f"{'mean':>6}" + "".join(f"{means[c]:>12.2f}" for c in CHOICES))
    if args.json is not None:
        payload = {"study": str(args.study), "robots": rows, "mean_mm": means}
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
