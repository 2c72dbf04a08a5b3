"""``skillbridge sim ...``: run the stage demo, inspect the model and contract, check overrides."""

from __future__ import annotations

import dataclasses
import json

import tyro

from skillbridge.sim.demo import SimDemoConfig, print_demo, run_sim_demo
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import compile_scene

__all__ = [
    "CheckOverridesConfig",
    "InfoConfig",
    "SimDemoConfig",
    "check_overrides",
    "demo",
    "info",
]


@dataclasses.dataclass(frozen=True)
class InfoConfig:
    """Print the compiled scene and the motion skill's contract (optionally as JSON)."""

    overrides_path: str | None = None
    json: bool = False


@dataclasses.dataclass(frozen=True)
class CheckOverridesConfig:
    """Validate a ModelOverrides YAML file against the Panda scene."""

    path: tyro.conf.Positional[str]
    """The YAML file."""


def demo(cfg: SimDemoConfig) -> int:
    results, rate = run_sim_demo(cfg)
    print_demo(results, rate)
    return 0


def info(cfg: InfoConfig) -> int:
    overrides = load_overrides(cfg.overrides_path) if cfg.overrides_path else None
    model = compile_scene(overrides=overrides)
    spec = panda_policy_spec(model)
    if cfg.json:
        print(json.dumps(dataclasses.asdict(spec), indent=2))
        return 0
    print(f"model: nq={model.nq} nv={model.nv} nu={model.nu} timestep={model.opt.timestep} s")
    print(
        f"contract {spec.content_hash()[:16]}: robot {spec.robot}, control period "
        f"{spec.control_period_s} s, {spec.action_dim} actions, actor obs {spec.obs_dim}"
    )
    print("joints:", ", ".join(spec.joint_names))
    print("observation terms:", ", ".join(f"{t.name}[{t.width}]" for t in spec.observation_terms))
    return 0


def check_overrides(cfg: CheckOverridesConfig) -> int:
    overrides = load_overrides(cfg.path, compile_scene())
    print(f"{cfg.path}: valid (content hash {overrides.content_hash()[:16]})")
    return 0
