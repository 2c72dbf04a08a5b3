"""Closed-loop evaluation of a motion skill in the batched simulator (either backend).

An evaluation episode: reset (random start pose, a fresh randomization sample), one random motion
command, one command window (2.5 s). Success: at the end of the window the tool is within 1 cm /
5 degrees of the commanded pose and the fingers are in the requested state.

Two drivers share the episodes and the scoring:

* ``evaluate_runtime``: an exported file through ``PolicyRuntime`` and one ``SafetyLayer`` per
  simulated robot, ticked as the policy node ticks (runtime step, safety filter, targets to the
  servos): the verification gate, so what is verified is what ships.
* ``evaluate``: any function from actor observations to actions through the simulator's own
  action mapping (the same contract function the file carries): progress during training.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Literal

import numpy as np

from skillbridge.contract import NonFiniteObservationError, PolicySpec, RobotState
from skillbridge.contract.arrays import to_numpy
from skillbridge.contract.artifact import ONNX_ACTION, ONNX_JOINT_POS, ONNX_OBS
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.onnx_session import open_session
from skillbridge.policies.runtime import NonFiniteActionError, PolicyRuntime
from skillbridge.policies.safety import SafetyConfig, SafetyLayer
from skillbridge.sim.env import StepResult, VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.grasp import GraspConfig
from skillbridge.sim.randomization import RandomizationConfig, no_randomization

PolicyFn = Callable[[np.ndarray], np.ndarray]
_SCORED = ("command_done", "pos_err_m", "rot_err_rad", "command_success", "fingers_ok")


class OnnxPolicy:
    """An exported policy's ``action`` output as a function of observations (one intra-op
    thread), with the contract it carries: for rollouts through the simulator's action path."""

    def __init__(self, path: str, threads: int = 1) -> None:
        self.session = open_session(path, threads, PolicyError, "ONNX policy")
        self.metadata = dict(self.session.get_modelmeta().custom_metadata_map)
        self.spec = PolicySpec.from_metadata(self.metadata)

    def __call__(self, obs: np.ndarray) -> np.ndarray:
        # The action does not depend on the measured positions (only the targets do).
        joint_pos = np.zeros((obs.shape[0], self.spec.num_joints), dtype=np.float32)
        feeds = {ONNX_OBS: obs.astype(np.float32), ONNX_JOINT_POS: joint_pos}
        return self.session.run([ONNX_ACTION], feeds)[0]


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
    grasp: GraspConfig = GraspConfig()
    """Grasp physics of the scene (the policy must have been trained under it: its gains are
    part of the contract)."""
    perturbed_robot: bool = False
    """``overrides_path`` is a robot's true physics, not the model the policy was trained around
    (a calibration study's held-out robot): its servo gains may differ from the contract's, as a
    real robot's do; every other contract field must still match."""


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
        scene=dataclasses.replace(base.scene, grasp=cfg.grasp),
    )


#: Contract fields a perturbed robot may differ in: its servo gains are physics, not interface.
ROBOT_GAINS = ("kp", "kd")


def check_same_contract(
    policy_spec: PolicySpec, env_spec: PolicySpec, gains_may_differ: bool = False
) -> None:
    """The policy must have been trained with the simulator's exact contract (but for the servo
    gains, with ``gains_may_differ``: the simulator is then a perturbed robot)."""
    if policy_spec.content_hash() == env_spec.content_hash():
        return
    a, b = dataclasses.asdict(policy_spec), dataclasses.asdict(env_spec)
    differ = sorted(k for k in a if a[k] != b[k])
    if gains_may_differ:
        differ = [k for k in differ if k not in ROBOT_GAINS]
        if not differ:
            return
    if differ == ["grasp_gate_joint"]:
        flag = "hold-until-opened" if policy_spec.grasp_gate_joint else "no-hold-until-opened"
        raise PolicyError(
            "the policy's grasp gate differs from the simulator's hand: run it with "
            f"--grasp.{flag} (docs/grasp.md)"
        )
    raise PolicyError(
        f"the policy's contract differs from the simulator's in {differ}; re-export the policy "
        "from a run of this skillbridge version"
    )


class _Scores:
    """Episodes as they end: at their window (scored) or early in a failure (escape, physics
    error, non-finite action), which counts as a failed episode."""

    def __init__(self) -> None:
        self.pos: list[float] = []
        self.rot: list[float] = []
        self.ok: list[bool] = []
        self.fingers: list[bool] = []
        self.terminated = 0

    def add(self, result: StepResult) -> None:
        info = {k: to_numpy(result.info[k]) for k in _SCORED}
        failed = to_numpy(result.terminated)
        ended = (to_numpy(result.truncated) & info["command_done"]) | failed
        self.pos.extend(info["pos_err_m"][ended])
        self.rot.extend(info["rot_err_rad"][ended])
        self.ok.extend(info["command_success"][ended] & ~failed[ended])
        self.fingers.extend(info["fingers_ok"][ended])
        self.terminated += int(failed.sum())

    def result(self, n: int, steps_per_s: float) -> EvalResult:
        pos_a, rot_a = np.asarray(self.pos[:n]), np.asarray(self.rot[:n])
        return EvalResult(
            episodes=n,
            success_rate=float(np.mean(self.ok[:n])),
            pos_err_mean_m=float(pos_a.mean()),
            pos_err_p95_m=float(np.percentile(pos_a, 95)),
            rot_err_mean_rad=float(rot_a.mean()),
            rot_err_p95_rad=float(np.percentile(rot_a, 95)),
            fingers_ok_rate=float(np.mean(self.fingers[:n])),
            steps_per_s=steps_per_s,
            terminated=self.terminated,
        )


def evaluate(policy: PolicyFn, policy_spec: PolicySpec, cfg: EvalConfig) -> EvalResult:
    """Run ``cfg.episodes`` single-command episodes of an observation -> action function."""
    num_envs = min(cfg.num_envs, cfg.episodes)
    env = VecEnv(eval_env_config(cfg, num_envs))
    check_same_contract(policy_spec, env.spec, cfg.perturbed_robot)
    obs, scores = env.reset(), _Scores()
    start, steps = time.perf_counter(), 0
    while len(scores.ok) < cfg.episodes:
        result = env.step(policy(to_numpy(obs["actor"])))
        steps += num_envs
        scores.add(result)
        obs = result.obs
    return scores.result(cfg.episodes, steps / (time.perf_counter() - start))


@dataclasses.dataclass(frozen=True)
class Recording:
    """What the runtime met in closed loop: its observations and the measured positions of the
    policy joints, (steps * N, obs_dim) and (steps * N, J), float32 (the file's inputs)."""

    obs: np.ndarray
    joint_pos: np.ndarray


def evaluate_runtime(
    policy_path: str, cfg: EvalConfig, record_steps: int = 0
) -> tuple[EvalResult, Recording]:
    """Run ``cfg.episodes`` single-command episodes of an exported file as the robot runs it.

    ``PolicyRuntime`` (batched over the simulated robots) and one ``SafetyLayer`` per robot
    (the node's defaults, except that an episode starts with the loop already running: no
    activation fade-in) are ticked each control period with the readings the simulator reports
    (noise included); the layer's targets go to the servos. Each episode's command is resolved by
    the runtime against its own reading, as a ``skill_command`` is on the robot.

    Args:
        record_steps: keep the runtime's inputs of this many first control periods.
    """
    num_envs = min(cfg.num_envs, cfg.episodes)
    env = VecEnv(eval_env_config(cfg, num_envs))
    runtime = PolicyRuntime(policy_path, allow_unverified=True, num_robots=num_envs)
    check_same_contract(runtime.spec, env.spec, cfg.perturbed_robot)
    safety = dataclasses.replace(SafetyConfig(), fade_in_s=0.0)
    layers = [SafetyLayer.from_spec(runtime.spec, safety) for _ in range(num_envs)]
    env.reset()
    recorded: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
    now, scores = 0.0, _Scores()
    _start_episodes(env, runtime, layers, np.arange(num_envs), now)
    start, steps = time.perf_counter(), 0
    while len(scores.ok) < cfg.episodes:
        state = _host_state(env.reported_state)
        targets = _tick(runtime, layers, state, now)
        if steps < record_steps * num_envs and runtime.last_obs is not None:
            recorded[0].append(runtime.last_obs)
            recorded[1].append(runtime.measured(state)[0].astype(np.float32))
        result = env.step_joint_targets(targets, runtime.last_action)
        now += env.dt_s
        steps += num_envs
        scores.add(result)
        done = to_numpy(result.info["done_ids"])
        if len(done):
            _start_episodes(env, runtime, layers, done, now)
    recording = Recording(
        np.concatenate(recorded[0]) if recorded[0] else np.zeros((0, runtime.spec.obs_dim)),
        np.concatenate(recorded[1]) if recorded[1] else np.zeros((0, runtime.spec.num_joints)),
    )
    return scores.result(cfg.episodes, steps / (time.perf_counter() - start)), recording


def _host_state(state: RobotState) -> RobotState:
    """The readings as numpy (the ``warp`` backend's are device tensors), as a driver sends."""
    return RobotState(
        state.joint_names, to_numpy(state.joint_pos_rad), to_numpy(state.joint_vel_rad_s)
    )


def _start_episodes(
    env: VecEnv, runtime: PolicyRuntime, layers: list[SafetyLayer], ids: np.ndarray, now: float
) -> None:
    """New episodes: the runtime holds, then takes the episode's command; the layers restart
    from the measured pose."""
    state = _host_state(env.reported_state)
    pos, _ = runtime.measured(state)
    # A new episode is a new robot: its gripper state is read from its fingers, as a node does
    # at its first activation (not carried over from the previous episode of this row).
    runtime.reset(state, now, gripper=runtime.measured_gripper(pos[ids]), rows=ids)
    runtime.set_commands(to_numpy(env.last_command)[ids], state, now, rows=ids)
    for i in ids:
        layers[i].activate(pos[i], now)


def _tick(
    runtime: PolicyRuntime, layers: list[SafetyLayer], state: RobotState, now: float
) -> np.ndarray:
    """The policy node's tick for every robot: runtime step, then each robot's safety layer."""
    proposed, fault = None, None
    try:
        proposed = runtime.step(state)
    except NonFiniteObservationError:
        fault = "nonfinite_observation"
    except NonFiniteActionError:
        fault = "nonfinite_action"
    targets = []
    for i, layer in enumerate(layers):
        layer.note_state(now)
        row = None if proposed is None else proposed[i]
        targets.append(layer.filter(row, now, fault).targets)
    return np.stack(targets)
