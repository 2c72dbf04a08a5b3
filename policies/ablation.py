"""``skillbridge train ablation``: asymmetric vs symmetric critic at equal environment steps.

For each seed, the same configuration is trained twice: with the privileged critic (asymmetric)
and with the critic reading the actor's observations (symmetric). Each final policy is evaluated
with the verification gate's protocol (deterministic, randomization on). Writes one PNG of the
success-rate and return curves (mean and range over seeds) and a JSON summary.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

from skillbridge.policies.evaluate import EvalConfig, evaluate
from skillbridge.policies.logs import read_metrics
from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig

MODES = {"asymmetric": False, "symmetric": True}


@dataclasses.dataclass(frozen=True)
class AblationConfig:
    """Train asymmetric and symmetric critics with the same seeds and step budget."""

    seeds: tuple[int, ...] = (1, 2, 3)
    max_iterations: int = 1200
    log_dir: str = "runs/ablation"
    out: str = "results/ablation"
    eval_episodes: int = 200


def train_one(cfg: AblationConfig, mode: str, seed: int) -> dict:
    runner_cfg = RunnerConfig(
        max_iterations=cfg.max_iterations,
        log_dir=cfg.log_dir,
        run_name=f"{mode}_s{seed}",
        seed=seed,
        symmetric=MODES[mode],
    )
    runner = Runner(TrainConfig(runner=runner_cfg))
    run_dir = runner.train()
    with torch.no_grad():
        result = evaluate(
            lambda o: runner.actor(torch.from_numpy(o)).numpy(),
            runner.env.spec,
            EvalConfig(episodes=cfg.eval_episodes, randomize=True),
        )
    return {
        "mode": mode,
        "seed": seed,
        "run_dir": str(run_dir),
        "env_steps": runner.env_steps,
        "wall_time_s": runner.wall_time_s,
        "eval_success": result.success_rate,
        "eval_pos_err_mean_m": result.pos_err_mean_m,
        "eval_rot_err_mean_rad": result.rot_err_mean_rad,
    }


def _curves(runs: list[dict], key: str) -> tuple[np.ndarray, np.ndarray]:
    series = [read_metrics(Path(r["run_dir"]) / "metrics.csv") for r in runs]
    length = min(len(s[key]) for s in series)
    steps = np.asarray(series[0]["env_steps"][:length]) / 1e6
    return steps, np.array([s[key][:length] for s in series])


def plot(runs: list[dict], path: Path) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    panels = (
        ("episode/command_success", "training command success rate"),
        ("episode/return_mean", "mean episode return"),
    )
    for ax, (key, title) in zip(axes, panels, strict=True):
        for mode, color in (("asymmetric", "tab:blue"), ("symmetric", "tab:orange")):
            steps, values = _curves([r for r in runs if r["mode"] == mode], key)
            ax.plot(steps, values.mean(0), color=color, label=f"{mode} critic")
            ax.fill_between(steps, values.min(0), values.max(0), color=color, alpha=0.2)
        ax.set_title(title)
        ax.set_xlabel("environment steps (millions)")
        ax.grid(alpha=0.3)
        ax.legend()
    seeds = sorted({r["seed"] for r in runs})
    fig.suptitle(f"Asymmetric vs symmetric critic (seeds {seeds}; band: min-max)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run_ablation(cfg: AblationConfig) -> dict:
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    runs = [train_one(cfg, mode, seed) for seed in cfg.seeds for mode in MODES]
    summary = {
        mode: {
            "eval_success_mean": float(
                np.mean([r["eval_success"] for r in runs if r["mode"] == mode])
            ),
            "eval_success_per_seed": [r["eval_success"] for r in runs if r["mode"] == mode],
            "final_training_success_mean": float(
                np.mean(
                    [
                        _curves([r], "episode/command_success")[1][0, -1]
                        for r in runs
                        if r["mode"] == mode
                    ]
                )
            ),
        }
        for mode in MODES
    }
    report = {"config": dataclasses.asdict(cfg), "runs": runs, "summary": summary}
    (out / "ablation.json").write_text(json.dumps(report, indent=2) + "\n")
    plot(runs, out / "asymmetric_vs_symmetric.png")
    return report


def main(cfg: AblationConfig) -> int:
    report = run_ablation(cfg)
    for mode, s in report["summary"].items():
        print(
            f"{mode:>11}: evaluation success {s['eval_success_mean']:.1%} "
            f"(per seed {[f'{v:.1%}' for v in s['eval_success_per_seed']]}), final training "
            f"success {s['final_training_success_mean']:.1%}"
        )
    return 0
