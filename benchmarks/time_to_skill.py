"""Wall time for the motion skill to reach 95% success on 2 cores, and stable-baselines3 PPO's
success within the same wall-time budget.

Success is the verification gate's measure: 200 single-command evaluation episodes with
randomization on (deterministic policy), evaluated every ``EVAL_EVERY`` iterations. Only training
time counts toward the wall time; evaluation time is reported separately. SB3 PPO (DummyVecEnv of
8 gymnasium environments, VecNormalize, 128x128 networks) then trains for the same wall time and
is evaluated with the same protocol. Targets: at most 20 minutes, and ahead of SB3.

    python benchmarks/time_to_skill.py [--quick] [--json benchmarks/results/time_to_skill.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report
from _sb3 import make_sb3_ppo

from skillbridge.policies.evaluate import EvalConfig, evaluate
from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.gym_env import PandaGymEnv

TARGET_SUCCESS = 0.95
EVAL_EVERY = 50


def train_ours(budget_s: float, episodes: int) -> dict:
    cfg = TrainConfig(
        runner=RunnerConfig(
            log_dir="/tmp/skillbridge-bench", run_name="tts", progress=False, max_iterations=10**6
        )
    )
    runner = Runner(cfg)
    eval_cfg = EvalConfig(episodes=episodes, randomize=True)
    curve, eval_s, success = [], 0.0, 0.0
    while runner.wall_time_s < budget_s:
        runner.learn_once()
        if runner.iteration % EVAL_EVERY:
            continue
        start = time.perf_counter()
        with torch.no_grad():
            result = evaluate(
                lambda o: runner.actor(torch.from_numpy(o)).numpy(), runner.env.spec, eval_cfg
            )
        eval_s += time.perf_counter() - start
        success = result.success_rate
        curve.append((runner.wall_time_s, runner.env_steps, success))
        print(
            f"  ours: {runner.wall_time_s / 60:5.1f} min  {runner.env_steps / 1e6:5.2f} M steps"
            f"  success {success:.1%}",
            flush=True,
        )
        if success >= TARGET_SUCCESS:
            break
    return {
        "wall_s": runner.wall_time_s,
        "success": success,
        "env_steps": runner.env_steps,
        "eval_s": eval_s,
        "curve": curve,
        "reached": success >= TARGET_SUCCESS,
    }


def train_sb3(budget_s: float, episodes: int) -> dict:
    torch.set_num_threads(2)
    model = make_sb3_ppo(n_epochs=5)
    vec = model.get_env()
    start, steps = time.perf_counter(), 0
    while time.perf_counter() - start < budget_s:
        model.learn(total_timesteps=4096, reset_num_timesteps=False)
        steps += 4096
    wall = time.perf_counter() - start
    vec.training = False

    def act(obs: np.ndarray) -> np.ndarray:
        return model.predict(vec.normalize_obs(obs), deterministic=True)[0]

    spec = PandaGymEnv().vec_env.spec  # the same contract the wrapped environments use
    result = evaluate(act, spec, EvalConfig(episodes=episodes, randomize=True))
    return {"wall_s": wall, "success": result.success_rate, "env_steps": steps}


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    budget_s = 120.0 if args.quick else 20 * 60.0
    episodes = 50 if args.quick else 200
    ours = train_ours(budget_s, episodes)
    print(
        f"ours: {ours['success']:.1%} after {ours['wall_s'] / 60:.1f} min training "
        f"({ours['env_steps'] / 1e6:.2f} M steps; evaluation took {ours['eval_s']:.0f} s more)"
    )
    sb3 = train_sb3(ours["wall_s"], episodes)
    print(
        f"SB3 PPO: {sb3['success']:.1%} after {sb3['wall_s'] / 60:.1f} min "
        f"({sb3['env_steps'] / 1e6:.2f} M steps)"
    )
    minutes = ours["wall_s"] / 60.0
    reached = ours["reached"]
    results = [
        Result(
            "minutes to 95% success (ours)",
            minutes if reached else float("inf"),
            "min",
            "budget",
            budget_s / 60.0,
            (budget_s / 60.0) / minutes if reached else 0.0,
            1.0,
            reached and minutes <= 20.0,
        ),
        Result(
            "success at equal wall time",
            ours["success"],
            "",
            "SB3 PPO",
            sb3["success"],
            ours["success"] / max(sb3["success"], 1e-3),
            1.0,
            ours["success"] > sb3["success"],
        ),
    ]
    return report(
        "time_to_skill",
        results,
        args.json,
        {"ours": ours, "sb3": sb3, "target_success": TARGET_SUCCESS},
    )


if __name__ == "__main__":
    sys.exit(main())
