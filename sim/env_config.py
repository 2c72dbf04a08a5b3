"""``EnvConfig``: one typed config for the batched environment (CLI flags come from it)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Literal

import tyro

from skillbridge.contract.command import MAX_ABS_TOOL_YAW_RAD
from skillbridge.sim.randomization import RandomizationConfig
from skillbridge.sim.robot import PandaContractConfig
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig
from skillbridge.sim.tasks.motion import (
    MotionCommandConfig,
    MotionRewardConfig,
    SuccessTolerance,
)
from skillbridge.sim.tasks.tabletop import TabletopConfig


@dataclasses.dataclass(frozen=True)
class EnvConfig:
    """The batched Panda environment."""

    task: Literal["motion", "tabletop"] = "motion"
    """``motion``: commands are drawn automatically (low-level skill training). ``tabletop``:
    commands come from the caller (``VecEnv.set_commands``), e.g. the high-level policy."""
    num_envs: int = 64
    backend: Annotated[Literal["cpu", "warp"], tyro.conf.arg(aliases=("--backend",))] = "cpu"
    """``cpu``: mujoco.batch on host threads (numpy arrays). ``warp``: MuJoCo Warp (torch tensors
    on ``device``); the learner then trains on that device too."""
    device: Annotated[str, tyro.conf.arg(aliases=("--device",))] = "cpu"
    """Where the ``warp`` backend simulates: ``cpu`` (Warp's CPU device) or ``cuda:N``."""
    nthread: int = 2
    """Threads stepping the batch (cpu backend); 0 uses every CPU."""
    final_observations: bool = True
    """Return the observations of finished episodes' final states in ``info`` (a learner that
    bootstraps truncated episodes from them needs them; one that does not can skip the cost)."""
    episode_length_s: float = 10.0
    seed: int = 0
    overrides_path: str | None = None
    """A ModelOverrides YAML (from calibration): nominal physics and randomization centres."""
    grasped_start_prob: float = 0.3
    """Fraction of episodes that start with the cube between closed fingers."""
    pick_start_prob: float = 0.25
    """Fraction of ``motion`` episodes that start above the cube, aligned with it, and command the
    pick primitive first (down onto the cube, close, lift) before random commands."""
    max_abs_yaw_rad: float = MAX_ABS_TOOL_YAW_RAD
    """Commanded tool headings stay within this of the base x axis (joint 7 travel)."""
    scene: SceneConfig = SceneConfig(physics_dt_s=TRAINING_PHYSICS_DT_S)
    contract: PandaContractConfig = PandaContractConfig()
    randomization: RandomizationConfig = RandomizationConfig()
    commands: MotionCommandConfig = MotionCommandConfig()
    rewards: MotionRewardConfig = MotionRewardConfig()
    success: SuccessTolerance = SuccessTolerance()
    tabletop: TabletopConfig = TabletopConfig()
