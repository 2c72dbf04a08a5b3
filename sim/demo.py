"""Stage demo: a scripted controller executes language motions in the batched simulator."""

from __future__ import annotations

import dataclasses
import time

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import RandomizationConfig, no_randomization
from skillbridge.sim.scripted import ScriptedMotionController
from skillbridge.sim.tasks import motion

DEMO_SEQUENCE = (
    LanguageMotion.of("left", "large"),
    LanguageMotion.of("forward", "normal"),
    LanguageMotion.of("down", "large"),
    LanguageMotion.of("rotate_ccw", "normal"),
    LanguageMotion.of("close"),
    LanguageMotion.of("up", "normal"),
    LanguageMotion.of("right", "small"),
    LanguageMotion.of("open"),
    LanguageMotion.of("stop"),
)


@dataclasses.dataclass(frozen=True)
class SimDemoConfig:
    """Run a sequence of language motions with the scripted controller."""

    num_envs: int = 32
    nthread: int = 2
    randomize: bool = True
    """Domain randomization on (masses, damping, gains, delays, noise, pushes)."""
    seconds_per_motion: float = 2.5
    seed: int = 0
    overrides_path: str | None = None


@dataclasses.dataclass(frozen=True)
class MotionResult:
    motion: str
    pos_err_mean_m: float
    pos_err_max_m: float
    rot_err_mean_rad: float
    success_rate: float


def run_sim_demo(cfg: SimDemoConfig) -> tuple[list[MotionResult], float]:
    """Execute ``DEMO_SEQUENCE`` in every environment; returns per-motion results and steps/s."""
    dr = RandomizationConfig(push_rate_hz=0.0) if cfg.randomize else no_randomization()
    env = VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=cfg.num_envs,
            nthread=cfg.nthread,
            randomization=dr,
            seed=cfg.seed,
            overrides_path=cfg.overrides_path,
            grasped_start_prob=0.0,
            episode_length_s=1e6,
        )
    )
    env.reset()
    controller = ScriptedMotionController(env.spec, cfg.num_envs)
    steps = int(round(cfg.seconds_per_motion / env.dt_s))
    all_ids = np.arange(cfg.num_envs)
    results, start, n_steps = [], time.perf_counter(), 0
    for lm in DEMO_SEQUENCE:
        env.set_commands(all_ids, np.tile(lm.to_command(), (cfg.num_envs, 1)))
        controller.reset()
        for _ in range(steps):
            env.step(controller.act(env.physics.reported_state(), env.target))
            n_steps += cfg.num_envs
        results.append(_score(env, lm))
    return results, n_steps / (time.perf_counter() - start)


def _score(env: VecEnv, lm: LanguageMotion) -> MotionResult:
    tool_pos, tool_rot = env.physics.tool_pose()
    pos_err, rot_err = motion.tracking_errors(env.target, tool_pos, tool_rot)
    q, qd = env.physics.joint_pos(), env.physics.joint_vel()
    fingers = motion.finger_reached(env.target.gripper, q[:, -1], qd[:, -1], env.config.success)
    ok = motion.command_success(pos_err, rot_err, fingers, env.config.success)
    return MotionResult(
        lm.describe(),
        float(pos_err.mean()),
        float(pos_err.max()),
        float(rot_err.mean()),
        float(ok.mean()),
    )


def print_demo(results: list[MotionResult], steps_per_s: float) -> None:
    print(f"{'motion':<22}{'pos err mean':>14}{'pos err max':>13}{'rot err':>10}{'success':>9}")
    for r in results:
        print(
            f"{r.motion:<22}{r.pos_err_mean_m * 1000:>11.1f} mm{r.pos_err_max_m * 1000:>10.1f} mm"
            f"{np.degrees(r.rot_err_mean_rad):>7.1f} deg{r.success_rate * 100:>8.0f}%"
        )
    print(f"batched simulation with controller: {steps_per_s:,.0f} environment steps/s")
