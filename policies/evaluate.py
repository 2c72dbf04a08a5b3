"""Closed-loop evaluation of a motion skill in the batched simulator (either backend).

An evaluation episode: reset (random start pose, a fresh randomization sample), one random motion
command, one command window (2.5 s). Success: at the end of the window the tool is within 1 cm /
5 degrees of the commanded pose and the fingers are in the requested state. The policy is any
function from actor observations (N, obs_dim) to actions (N, action_dim), e.g. an onnxruntime
session (``OnnxPolicy``), so evaluation runs exactly what ships.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Literal

import numpy as np

from skillbridge.contract import PolicySpec
from skillbridge.contract.arrays import to_numpy
from skillbridge.contract.artifact import ONNX_INPUT, ONNX_OUTPUT
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.onnx_session import open_session
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import RandomizationConfig, no_randomization

PolicyFn = Callable[[np.ndarray], np.ndarray]
_SCORED = ("command_done", "pos_err_m", "rot_err_rad", "command_success", "fingers_ok")


class OnnxPolicy:
    """An exported policy in onnxruntime (one intra-op thread), with the contract it carries."""

    def __init__(self, path: str, threads: int = 1) -> None:
        self.session = open_session(path, threads, PolicyError, "ONNX policy")
        self.metadata = dict(self.session.get_modelmeta().custom_metadata_map)
        self.spec = PolicySpec.from_metadata(self.metadata)

    def __call__(self, obs: np.ndarray) -> np.ndarray:
        return self.session.run([ONNX_OUTPUT], {ONNX_INPUT: obs.astype(np.float32)})[0]


@dataclasses.dataclass(frozen=True)
class EvalConfig:
    """Closed-loop evaluation settings."""

    episodes: int = 200
    num_envs: int = 50
    randomize: bool = True
    """Physical parameters, sensor noise and command delays randomized as in training."""
    pushes: bool = False
    """Random pushes on the hand (off by default: a push in the last instant of a window says
    nothing about tracking)."""
    overrides_path: str | None = None
    seed: int = 20261122
    nthread: int = 2
    backend: Literal["cpu", "warp"] = "cpu"
    """Simulator backend of the evaluation (see ``EnvConfig.backend``)."""
    device: str = "cpu"
    """Device of the ``warp`` backend: ``cpu`` (Warp's CPU device) or ``cuda:N``."""


@dataclasses.dataclass(frozen=True)
class EvalResult:
    episodes: int
    success_rate: float
    pos_err_mean_m: float
    pos_err_p95_m: float
    rot_err_mean_rad: float
    rot_err_p95_rad: float
    fingers_ok_rate: float
    steps_per_s: float
    terminated: int = 0
    """Episodes that ended early in a failure (escaped the workspace, physics error)."""


def eval_env_config(cfg: EvalConfig, num_envs: int) -> EnvConfig:
    base = EnvConfig()
    if cfg.randomize:
        dr = RandomizationConfig() if cfg.pushes else RandomizationConfig(push_rate_hz=0.0)
    else:
        dr = no_randomization()
    return dataclasses.replace(
        base,
        num_envs=num_envs,
        randomization=dr,
        seed=cfg.seed,
        nthread=cfg.nthread,
        backend=cfg.backend,
        device=cfg.device,
        overrides_path=cfg.overrides_path,
        episode_length_s=base.commands.command_period_s,
    )


def check_same_contract(policy_spec: PolicySpec, env_spec: PolicySpec) -> None:
    """The policy must have been trained with the simulator's exact contract."""
    if policy_spec.content_hash() == env_spec.content_hash():
        return
    a, b = dataclasses.asdict(policy_spec), dataclasses.asdict(env_spec)
    differ = sorted(k for k in a if a[k] != b[k])
    raise PolicyError(
        f"the policy's contract differs from the simulator's in {differ}; re-export the policy "
        "from a run of this skillbridge version"
    )


def evaluate(policy: PolicyFn, policy_spec: PolicySpec, cfg: EvalConfig) -> EvalResult:
    """Run ``cfg.episodes`` single-command episodes; every episode counts once."""
    num_envs = min(cfg.num_envs, cfg.episodes)
    env = VecEnv(eval_env_config(cfg, num_envs))
    check_same_contract(policy_spec, env.spec)
    obs = env.reset()
    pos, rot, ok, fingers = [], [], [], []
    terminated = 0
    start, steps = time.perf_counter(), 0
    while len(ok) < cfg.episodes:
        result = env.step(policy(to_numpy(obs["actor"])))
        steps += num_envs
        info = {k: to_numpy(result.info[k]) for k in _SCORED}
        failed = to_numpy(result.terminated)
        # An episode ends at its window (scored) or early on a failure (escape, physics error,
        # non-finite action), which counts as a failed episode.
        ended = (to_numpy(result.truncated) & info["command_done"]) | failed
        pos.extend(info["pos_err_m"][ended])
        rot.extend(info["rot_err_rad"][ended])
        ok.extend(info["command_success"][ended] & ~failed[ended])
        fingers.extend(info["fingers_ok"][ended])
        terminated += int(failed.sum())
        obs = result.obs
    n = cfg.episodes
    pos_a, rot_a = np.asarray(pos[:n]), np.asarray(rot[:n])
    return EvalResult(
        episodes=n,
        success_rate=float(np.mean(ok[:n])),
        pos_err_mean_m=float(pos_a.mean()),
        pos_err_p95_m=float(np.percentile(pos_a, 95)),
        rot_err_mean_rad=float(rot_a.mean()),
        rot_err_p95_rad=float(np.percentile(rot_a, 95)),
        fingers_ok_rate=float(np.mean(fingers[:n])),
        steps_per_s=steps / (time.perf_counter() - start),
        terminated=terminated,
    )


def record_observations(
    policy: PolicyFn, steps: int, num_envs: int = 8, seed: int = 7
) -> np.ndarray:
    """Actor observations met by the policy in closed loop (randomized), (steps * num_envs, D)."""
    env = VecEnv(dataclasses.replace(EnvConfig(), num_envs=num_envs, seed=seed))
    obs = env.reset()
    recorded = []
    for _ in range(steps):
        recorded.append(obs["actor"].copy())
        obs = env.step(policy(obs["actor"])).obs
    return np.concatenate(recorded)
