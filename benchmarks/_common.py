"""Shared plumbing of the benchmarks: CLI flags, machine description, table and JSON output.

Every benchmark measures against a named baseline in the same run and reports ratios oriented so
that higher is better, in the JSON layout of ARCHITECTURE.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    baseline_name: str
    baseline_value: float
    ratio: float
    """Higher is better (for latencies: baseline / value)."""
    target: float
    """The ratio (or absolute value, see name) the result must reach."""
    met: bool


def parse_args(
    description: str, add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
) -> argparse.Namespace:
    """``--quick`` and ``--json`` for every benchmark, plus what ``add_arguments`` adds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--quick", action="store_true", help="under a minute: same measurements, smaller budget"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    if add_arguments is not None:
        add_arguments(parser)
    return parser.parse_args()


def machine() -> dict[str, object]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "git_commit": commit,
    }


def report(
    benchmark: str, results: list[Result], json_path: Path | None, extra: dict | None = None
) -> int:
    """Print the table, write JSON; exit code 0 when every target is met, else 1."""
    print(f"\n{benchmark}")
    header = f"{'measurement':<40}{'value':>14}  {'baseline':<34}{'ratio':>8}{'target':>8}  met"
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.name:<40}{r.value:>10.4g} {r.unit:<3}  "
            f"{r.baseline_name[:22]:<22}{r.baseline_value:>10.4g}  {r.ratio:>8.3f}"
            f"{r.target:>8.3g}  {'yes' if r.met else 'NO'}"
        )
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "benchmark": benchmark,
            "machine": machine(),
            "results": [dataclasses.asdict(r) for r in results],
        }
        if extra:
            payload.update(extra)
        json_path.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {json_path}")
    return 0 if all(r.met for r in results) else 1
