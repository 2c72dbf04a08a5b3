"""Data-parallel training: two gloo processes step their own environments and stay identical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

WORKER = Path(__file__).with_name("dist_worker.py")


@pytest.mark.parametrize("backend", ["cpu", pytest.param("warp", marks=pytest.mark.slow)])
def test_two_cpu_ranks_keep_identical_parameters(tmp_path, backend):
    """gloo here; the same code runs NCCL between GPUs (one ``cuda:LOCAL_RANK`` per rank)."""
    torchrun = Path(sys.executable).with_name("torchrun")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MASTER_ADDR": "127.0.0.1"}
    argv = [str(torchrun), "--standalone", "--nproc-per-node", "2", str(WORKER), str(tmp_path)]
    result = subprocess.run(
        [*argv, backend],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    ranks = [torch.load(tmp_path / f"rank{r}.pt", weights_only=True) for r in (0, 1)]
    assert int(ranks[0]["world"]) == 2
    # Different environments on each rank (seeds differ by rank) ...
    assert not torch.equal(ranks[0]["first_obs"], ranks[1]["first_obs"])
    # ... yet the same parameters and normalizer statistics after two all-reduced updates.
    for net in ("actor", "critic"):
        for name, value in ranks[0][net].items():
            torch.testing.assert_close(value, ranks[1][net][name], rtol=0, atol=0, msg=name)
    assert float(ranks[0]["actor"]["normalizer.count"]) == 2 * 2 * 8 * 24
