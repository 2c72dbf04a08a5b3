"""Worker for the data-parallel test: trains two iterations on this rank and dumps parameters.

Run by ``torchrun --nproc-per-node 2 tests/policies/dist_worker.py OUT_DIR BACKEND``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch

from skillbridge.policies import distributed
from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.env_config import EnvConfig


def main() -> None:
    out, backend = Path(sys.argv[1]), sys.argv[2]
    rank, world = distributed.init_from_env()
    cfg = TrainConfig(
        env=EnvConfig(num_envs=8, nthread=1, backend=backend),
        runner=RunnerConfig(
            max_iterations=2, log_dir=str(out), run_name="dist", seed=5, progress=False
        ),
    )
    runner = Runner(cfg, rank, world)
    first_obs = runner.obs["actor"][0].clone()
    for _ in range(2):
        runner.learn_once()
    state = {
        "actor": runner.actor.state_dict(),
        "critic": runner.critic.state_dict(),
        "first_obs": first_obs,
        "world": torch.tensor(world),
    }
    torch.save(state, out / f"rank{rank}.pt")
    torch.distributed.destroy_process_group()


if __name__ == "__main__":
    main()
