"""``benchmarks/gpu.py --quick --device cpu``: the GPU benchmark's code path on Warp's CPU device
(every section runs and the JSON and plot are written; its numbers mean nothing here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_gpu_benchmark_runs_its_code_path_on_the_warp_cpu_device(tmp_path):
    out = tmp_path / "gpu.json"
    done = subprocess.run(
        [sys.executable, "benchmarks/gpu.py", "--quick", "--device", "cpu", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode in (0, 1), done.stdout[-2000:] + done.stderr[-2000:]  # 1: targets
    report = json.loads(out.read_text())
    names = [r["name"] for r in report["results"]]
    assert names[:2] == ["warp env steps/s, 16 worlds", "warp env steps/s, 32 worlds"]
    assert "warp training env steps/s" in names
    assert all(r["value"] > 0 for r in report["results"] if "steps/s" in r["name"])
    assert out.with_suffix(".png").stat().st_size > 10_000
