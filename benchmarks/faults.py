"""Fault injection into the running sim stack, each fault recorded as {fault, expected, observed,
pass}.

Each fault is injected into real nodes in their own processes over loopback DDS (SIGKILL, a
stalled process, malformed messages, a hostile terminal); what the stack did is observed on its
topics and compared with what it must do.

The faults are the tests of ``tests/ros_nodes/test_faults.py`` (one implementation: what is
recorded here is what ``make test`` asserts). This script runs them with pytest in a private
``ROS_DOMAIN_ID`` and collects the record each test writes before it asserts; a test that fails
before it could record adds a failing record with its error. There is no baseline: a record is
``{fault, expected, observed, pass}``. Exit status 1 when any fault did not pass.

    python benchmarks/faults.py [--quick] [--json benchmarks/results/faults.json]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, parse_args

ROOT = Path(__file__).resolve().parents[1]
TESTS = "tests/ros_nodes/test_faults.py"


def run_faults(jsonl: Path, junit: Path) -> float:
    """Run the fault tests; returns their wall time in seconds."""
    env = {**os.environ, "SKILLBRIDGE_FAULTS_JSONL": str(jsonl)}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pytest", TESTS, "-m", "", "-q", "-p", "no:cacheprovider",
         f"--junitxml={junit}"],
        cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    return time.monotonic() - started


def collect(jsonl: Path, junit: Path) -> list[dict]:
    """The tests' records, each failing where its test failed, plus a failing record for every
    test that failed before it recorded anything."""
    records = (
        [json.loads(line) for line in jsonl.read_text().splitlines()] if jsonl.is_file() else []
    )
    outcomes: dict[str, str] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        problem = case.find("failure")
        problem = problem if problem is not None else case.find("error")
        skipped = case.find("skipped")
        if problem is not None:
            outcomes[case.get("name", "?")] = (problem.get("message") or "failed")[:300]
        elif skipped is not None:
            outcomes[case.get("name", "?")] = "skipped: " + (skipped.get("message") or "")[:200]
        else:
            outcomes[case.get("name", "?")] = ""
    recorded = {r["test"] for r in records}
    for record in records:
        failure = outcomes.get(record["test"], "")
        if failure:
            record["pass"] = False
            record["observed"] = {**record["observed"], "test_failure": failure}
    for test, failure in outcomes.items():
        if failure and test not in recorded:
            records.append({"fault": test, "expected": "see the test", "observed": failure,
                            "pass": False, "test": test})  # fmt: skip
    return records


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])  # --quick runs the same faults (all are fast)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, junit = Path(tmp) / "faults.jsonl", Path(tmp) / "junit.xml"
        wall_s = run_faults(jsonl, junit)
        records = collect(jsonl, junit)
    print(f"\nfaults ({wall_s:.0f} s)")
    for r in records:
        print(f"{'pass' if r['pass'] else 'FAIL'}  {r['fault']}")
        print(f"      observed: {json.dumps(r['observed'])[:300]}")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"benchmark": "faults", "machine": machine(), "wall_s": round(wall_s, 1),
                   "load_avg_1min": os.getloadavg()[0], "results": records}  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0 if records and all(r["pass"] for r in records) else 1


if __name__ == "__main__":
    sys.exit(main())
