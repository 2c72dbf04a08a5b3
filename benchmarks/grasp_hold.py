"""Grasp-hold stress test: are grasped cubes still held after five 8 cm lateral moves?

Batched environments (the training domain randomization, pushes included, fixed seed) start with
a cube between closed fingers; the motion skill (the ONNX file the hierarchy runs, through the
same observation -> action path as ``hierarchy.rollout``) executes five ``left``/``right`` large
(8 cm) language motions, alternating, the first towards the middle of the table. A motion ends as
the hierarchy ends it: settled at its target after at least ``MOTION_MIN_S``, or its 2.5 s window
is over. After each move every cube is scored:

    held = both fingers touch the cube (per-finger contact sensors, last physics substep)
           and the cube's centre is within ``--radius-mm`` of the tool centre point.

A cube counts as still held after move k if it was held after the settle and after moves 1..k (one
drop is a failure even if the cube is caught again); ``held_of_all_starts`` also counts the cubes a
skill lets go of while holding still in the settle (a fraction of every start). Environments that
end early (tool out of the workspace, physics failure) count as dropped. The baseline is the
shipped physics (``GraspConfig()``, "before"); the candidate is ``franka_hand_grasp()`` ("after":
the hand holds a grasp until it is asked to open), and ``after_without_gate`` the same physics
with the finger following the skill's action; same seed, same policy, same starts;
``--finetuned PATH`` adds a skill trained under the new physics, run under both hand settings.
Each runs at the hierarchy's 4 ms physics step and (full run) at the ROS sim robot's 2 ms.
Also reported: mean move duration (the skill's speed), the fraction of moves that settled inside
the window, and the mean slip of held cubes in the hand.

Usage:
    .venv/bin/python benchmarks/grasp_hold.py [--quick] [--json PATH] [--png PATH]
        [--finetuned results/grasp_finetune/motion_franka_hand.onnx]
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

import numpy as np
from _common import Result, parse_args, report

from skillbridge.contract.command import (
    MOTION_DONE_POS_M,
    MOTION_DONE_ROT_RAD,
    MOTION_DONE_SPEED_M_S,
    MOTION_MIN_S,
    MOTION_WINDOW_S,
)
from skillbridge.contract.language import DISTANCE_M
from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.grasp import GraspConfig, franka_hand_grasp
from skillbridge.sim.randomization import RandomizationConfig
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig
from skillbridge.sim.tasks.motion import in_tool_frame

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "grasp_hold.json"
TARGET_HELD = 0.95
CONDITIONS = {
    "before": GraspConfig(),
    "after": franka_hand_grasp(),
    "after_without_gate": dataclasses.replace(franka_hand_grasp(), hold_until_opened=False),
}
"""``after_without_gate``: the hand's physics with the finger following the skill's action even
while close is requested (``GraspConfig.hold_until_opened`` off): what the gate is worth."""
SETTLE_S = 1.0
"""Hold still this long after the reset before the first score (the grasp closes and settles)."""


@dataclasses.dataclass(frozen=True)
class HoldConfig:
    num_envs: int = 64
    moves: int = 5
    distance_m: float = DISTANCE_M["large"]
    radius_m: float = 0.015
    seed: int = 7
    nthread: int = 2


def make_env(cfg: HoldConfig, grasp: GraspConfig, physics_dt_s: float) -> VecEnv:
    """Tabletop task (commands from the caller), every episode starting grasped, training DR."""
    return VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=cfg.num_envs,
            nthread=cfg.nthread,
            seed=cfg.seed,
            grasped_start_prob=1.0,
            pick_start_prob=0.0,
            episode_length_s=1e6,
            randomization=RandomizationConfig(),
            scene=SceneConfig(physics_dt_s=physics_dt_s, grasp=grasp),
        )
    )


def held_mask(env: VecEnv, radius_m: float) -> np.ndarray:
    """(N,) bool: both fingers touch the cube and its centre is within ``radius_m`` of the TCP."""
    found, _ = env.physics.finger_contacts()
    cube_pos, _ = env.physics.cube_pose()
    tool_pos, _ = env.physics.tool_pose()
    near = np.linalg.norm(cube_pos - tool_pos, axis=1) <= radius_m
    return np.asarray(found.all(axis=1) & near)


def cube_in_tool(env: VecEnv) -> np.ndarray:
    """Cube centre in the tool frame, metres, (N, 3): how far it sits from the pads' middle."""
    cube_pos, _ = env.physics.cube_pose()
    tool_pos, tool_rot = env.physics.tool_pose()
    return np.asarray(in_tool_frame(cube_pos, tool_pos, tool_rot))


class Run:
    """One condition: the environments, the policy, and what ended early."""

    def __init__(
        self, cfg: HoldConfig, grasp: GraspConfig, policy: OnnxPolicy, physics_dt_s: float
    ) -> None:
        self.cfg, self.policy = cfg, policy
        self.env = make_env(cfg, grasp, physics_dt_s)
        self.obs = self.env.reset()
        self.ended = np.zeros(cfg.num_envs, bool)
        """Environments reset by the env (escape, physics failure): dropped from then on."""
        self.last_tool = np.array(self.env.physics.tool_pose()[0])

    def step(self) -> dict:
        result = self.env.step(self.policy(self.obs["actor"]))
        self.obs = result.obs
        self.ended[np.asarray(result.info["done_ids"], int)] = True
        return result.info

    def settled(self, info: dict) -> np.ndarray:
        """The hierarchy's end of a motion: at the target (tight), fingers in state, still."""
        tool_pos = np.array(self.env.physics.tool_pose()[0])
        speed = np.linalg.norm(tool_pos - self.last_tool, axis=1) / self.env.dt_s
        self.last_tool = tool_pos
        return (
            (info["pos_err_m"] <= MOTION_DONE_POS_M)
            & (info["rot_err_rad"] <= MOTION_DONE_ROT_RAD)
            & info["fingers_ok"]
            & (speed <= MOTION_DONE_SPEED_M_S)
        )

    def hold_still(self, seconds: float) -> None:
        self.env.set_commands(np.arange(self.cfg.num_envs), np.zeros((self.cfg.num_envs, 5)))
        for _ in range(int(round(seconds / self.env.dt_s))):
            self.step()

    def move(self, direction: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One lateral move of ``direction`` (+1 left, -1 right) per env until every env has
        settled or timed out. Returns each env's duration (s) and whether it settled."""
        n, dt = self.cfg.num_envs, self.env.dt_s
        cmd = np.zeros((n, 5))
        cmd[:, 1] = direction * self.cfg.distance_m
        self.env.set_commands(np.arange(n), cmd)
        duration = np.full(n, np.nan)
        steps = int(round(MOTION_WINDOW_S / dt))
        for k in range(1, steps + 1):
            settled = self.settled(self.step())
            done_now = np.isnan(duration) & settled & (k * dt >= MOTION_MIN_S)
            duration[done_now] = k * dt
            if not np.isnan(duration).any():
                break
        reached = ~np.isnan(duration)
        return np.where(reached, duration, MOTION_WINDOW_S), reached


def run_condition(
    name: str, cfg: HoldConfig, grasp: GraspConfig, policy: OnnxPolicy, physics_dt_s: float
) -> dict:
    """Settle, then ``cfg.moves`` alternating lateral moves; held fractions after each."""
    start = time.perf_counter()
    run = Run(cfg, grasp, policy, physics_dt_s)
    run.hold_still(SETTLE_S)
    still = held_mask(run.env, cfg.radius_m) & ~run.ended
    start_offset = cube_in_tool(run.env)
    y = np.array(run.env.physics.tool_pose()[0])[:, 1]
    direction = np.where(y > 0, -1.0, 1.0)
    grasped = int(still.sum())
    held, held_of_starts, durations, reached_rates, slips = [], [], [], [], []
    print(f"[{name}] {grasped}/{cfg.num_envs} cubes held after the {SETTLE_S:.0f} s settle")
    for k in range(cfg.moves):
        duration, reached = run.move(direction)
        direction = -direction
        still &= held_mask(run.env, cfg.radius_m) & ~run.ended
        slip = np.linalg.norm(cube_in_tool(run.env) - start_offset, axis=1)
        held.append(float(still.sum() / max(grasped, 1)))
        held_of_starts.append(float(still.sum() / cfg.num_envs))
        durations.append(float(duration.mean()))
        reached_rates.append(float(reached.mean()))
        slips.append(float(slip[still].mean()) if still.any() else float("nan"))
        print(
            f"[{name}] move {k + 1}/{cfg.moves}: held {held[-1]:.1%} ({held_of_starts[-1]:.1%} of"
            f" all starts), move {durations[-1]:.2f} s,"
            f" settled {reached_rates[-1]:.0%}, slip of held {slips[-1] * 1000:.1f} mm"
            f" ({time.perf_counter() - start:.0f} s)"
        )
    return {
        "condition": name,
        "physics_dt_s": physics_dt_s,
        "grasp": dataclasses.asdict(grasp),
        "grasped_at_start": grasped,
        "held_fraction": held,
        "held_of_all_starts": held_of_starts,
        "move_duration_mean_s": durations,
        "settled_fraction": reached_rates,
        "slip_of_held_mean_m": slips,
        "episodes_ended_early": int(run.ended.sum()),
        "wall_s": time.perf_counter() - start,
    }


def plot(runs: list[dict], path: Path, cfg: HoldConfig) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for r in runs:
        moves = np.arange(0, len(r["held_fraction"]) + 1)
        held = np.asarray([1.0, *r["held_fraction"]]) * 100
        ax.plot(moves, held, marker="o", label=r["condition"])
    ax.axhline(TARGET_HELD * 100, color="grey", linestyle="--", label="target 95 %")
    ax.set_xlabel(f"lateral moves of {cfg.distance_m * 100:.0f} cm")
    ax.set_ylabel("grasped cubes still held (%)")
    ax.set_ylim(0, 105)
    ax.set_title(f"grasp hold: {cfg.num_envs} grasped starts, training DR, seed {cfg.seed}")
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print(f"wrote {path}")


def condition_name(grasp_name: str, physics_dt_s: float) -> str:
    return f"{grasp_name} @ {physics_dt_s * 1000:.0f} ms"


def results_of(runs: dict[str, dict], dts: list[float], candidates: list[str]) -> list[Result]:
    """Per physics step and candidate: held fraction and move duration against ``before``."""
    results = []
    for dt, candidate in ((dt, c) for dt in dts for c in candidates):
        before = runs[condition_name("before", dt)]
        after = runs[condition_name(candidate, dt)]
        b_held, a_held = before["held_fraction"][-1], after["held_fraction"][-1]
        b_all, a_all = before["held_of_all_starts"][-1], after["held_of_all_starts"][-1]
        b_dur = float(np.mean(before["move_duration_mean_s"]))
        a_dur = float(np.mean(after["move_duration_mean_s"]))
        moves = len(after["held_fraction"])
        tag = f"{dt * 1000:.0f} ms physics" + ("" if candidate == "after" else f", {candidate}")
        results += [
            Result(
                f"held after {moves} moves, {tag}",
                a_held,
                "",
                "before (shipped physics)",
                b_held,
                a_held / max(b_held, 1e-9),
                TARGET_HELD,
                a_held >= TARGET_HELD,
            ),
            Result(
                f"held after {moves} moves of all starts (settle drops count), {tag}",
                a_all,
                "",
                "before (shipped physics)",
                b_all,
                a_all / max(b_all, 1e-9),
                TARGET_HELD,
                a_all >= TARGET_HELD,
            ),
            Result(
                f"mean move duration, {tag}",
                a_dur,
                "s",
                "before (shipped physics)",
                b_dur,
                b_dur / a_dur,
                1.0,
                a_dur <= b_dur * 1.05,
            ),
        ]
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policy", default=str(ROOT / "models" / "motion.onnx"))
    parser.add_argument("--envs", type=int, default=None, help="grasped starts (default 64)")
    parser.add_argument("--seed", type=int, default=HoldConfig.seed)
    parser.add_argument(
        "--radius-mm", type=float, default=HoldConfig.radius_m * 1000, help="held radius"
    )
    parser.add_argument("--png", type=Path, default=None, help="plot (default next to --json)")
    parser.add_argument(
        "--finetuned",
        default=None,
        help="also run this ONNX skill (trained under franka_hand_grasp()) under the new physics",
    )


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], add_arguments)
    if not Path(args.policy).is_file():
        raise SystemExit(f"--policy {args.policy}: no such file; pass an exported ONNX skill")
    if args.radius_mm <= 0:
        raise SystemExit(f"--radius-mm must be positive, got {args.radius_mm}")
    envs = args.envs or (16 if args.quick else 64)
    if envs < 1:
        raise SystemExit(f"--envs must be at least 1, got {envs}")
    cfg = HoldConfig(
        num_envs=envs,
        moves=2 if args.quick else 5,
        radius_m=args.radius_mm / 1000,
        seed=args.seed,
    )
    # The hierarchy's step (training's) first; the ROS sim robot's 2 ms in a full run.
    dts = [TRAINING_PHYSICS_DT_S] if args.quick else [TRAINING_PHYSICS_DT_S, 0.002]
    policy = OnnxPolicy(args.policy)
    conditions = [(name, grasp, policy) for name, grasp in CONDITIONS.items()]
    if args.finetuned is not None:
        if not Path(args.finetuned).is_file():
            raise SystemExit(f"--finetuned {args.finetuned}: no such file")
        finetuned = OnnxPolicy(args.finetuned)
        conditions += [
            ("finetuned", CONDITIONS["after"], finetuned),
            ("finetuned_without_gate", CONDITIONS["after_without_gate"], finetuned),
        ]
    runs = {
        condition_name(name, dt): run_condition(condition_name(name, dt), cfg, grasp, pol, dt)
        for dt in dts
        for name, grasp, pol in conditions
    }
    candidates = [name for name, _, _ in conditions if name != "before"]
    json_path = args.json if args.json is not None else (None if args.quick else DEFAULT_JSON)
    png = args.png or (json_path.with_suffix(".png") if json_path else None)
    if png is not None:
        plot(list(runs.values()), png, cfg)
    extra = {
        "config": {
            **dataclasses.asdict(cfg),
            "policy": args.policy,
            "finetuned": args.finetuned,
            "quick": args.quick,
        },
        "held_definition": (
            "both finger contact sensors found and |cube centre - tcp| <= radius_m, after the "
            "settle and after every move so far; early-ended environments count as dropped"
        ),
        "conditions": runs,
    }
    return report("grasp_hold", results_of(runs, dts, candidates), json_path, extra)


if __name__ == "__main__":
    raise SystemExit(main())
