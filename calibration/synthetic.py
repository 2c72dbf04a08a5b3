"""Synthetic robot logs: the simulator with known parameters stands in for the real robot.

``synthesize`` plays an excitation through the ordinary scene (``compile_scene(overrides=truth)``,
contacts on, the cube parked on a far corner of the table): 50 Hz position targets on
``panda_actuator1..7`` held for 10 physics substeps each, the gripper held open, a delayed
actuator's history pre-filled with the first target. At every control tick it samples the joint
states (positions as the encoders report them, true + offset, plus optional noise) and then sends
the next command; both streams carry joint names, in different orders. ``write_bag`` then makes a
real ROS 2 MCAP file of it. Tests and the benchmark fit these logs and compare with the truth.
"""

from __future__ import annotations

import dataclasses

import mujoco
import numpy as np

from skillbridge.calibration.excitation import Excitation
from skillbridge.calibration.samples import JointSamples, RawRecording
from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import (
    ALL_ACTUATORS,
    ARM_JOINTS,
    FINGER_JOINT,
    FINGER_OPEN_M,
    MIMIC_FINGER_JOINT,
    SceneConfig,
    compile_scene,
    home_qpos,
)

#: The cube rests here, on the table but out of the arm's reach.
FAR_CUBE_XY = (1.0, 0.65)


@dataclasses.dataclass(frozen=True)
class SyntheticConfig:
    """Sensor model and timing of a synthetic log."""

    pos_noise_rad: float = 0.0
    """Standard deviation of white noise on reported positions."""
    vel_noise_rad_s: float = 0.0
    settle_s: float = 0.5
    """The arm holds the first target this long before recording starts."""
    seed: int = 0


def _names_shuffled(names: tuple[str, ...], rng: np.random.Generator) -> tuple[str, ...]:
    return tuple(names[i] for i in rng.permutation(len(names)))


def synthesize(
    excitation: Excitation,
    truth: ModelOverrides,
    config: SyntheticConfig | None = None,
    scene: SceneConfig | None = None,
) -> RawRecording:
    """Simulate the robot executing ``excitation`` with physics ``truth``.

    Returns:
        The recording: joint states of all nine joints and the commanded targets of the seven
        arm joints and the finger, each stream in its own (shuffled) joint order.
    """
    cfg = config or SyntheticConfig()
    rng = np.random.default_rng(cfg.seed)
    model = compile_scene(scene, truth)
    data = mujoco.MjData(model)
    arm_cols = [excitation.joint_names.index(j) for j in ARM_JOINTS]
    targets = excitation.targets_rad[:, arm_cols]
    offsets = np.array([truth.joint_value(j, "offset_rad", 0.0) for j in ARM_JOINTS])
    qadr = np.array([model.joint(j).qposadr[0] for j in ARM_JOINTS])
    acts = np.array([model.actuator(a).id for a in ALL_ACTUATORS])
    data.qpos[:] = home_qpos(model, cube_xy=FAR_CUBE_XY)
    data.qpos[qadr] = targets[0] - offsets
    data.ctrl[acts] = [*targets[0], FINGER_OPEN_M]
    for act in acts:
        nsample = int(model.actuator_history[act, 0])
        values = np.full((nsample, 1), data.ctrl[act])
        mujoco.mj_initCtrlHistory(model, data, int(act), None, values)
    mujoco.mj_forward(model, data)
    substeps = int(round(1.0 / (excitation.rate_hz * model.opt.timestep)))
    mujoco.mj_step(model, data, nstep=max(1, int(round(cfg.settle_s / model.opt.timestep))))

    state_names = _names_shuffled((*ARM_JOINTS, FINGER_JOINT, MIMIC_FINGER_JOINT), rng)
    command_names = _names_shuffled((*ARM_JOINTS, FINGER_JOINT), rng)
    all_qadr = {j: model.joint(j).qposadr[0] for j in state_names}
    all_vadr = {j: model.joint(j).dofadr[0] for j in state_names}
    offset_of = dict(zip(ARM_JOINTS, offsets, strict=True))
    n = len(targets)
    pos = np.empty((n, len(state_names)))
    vel = np.empty_like(pos)
    for k in range(n):
        pos[k] = [data.qpos[all_qadr[j]] + offset_of.get(j, 0.0) for j in state_names]
        vel[k] = [data.qvel[all_vadr[j]] for j in state_names]
        data.ctrl[acts[:-1]] = targets[k]
        mujoco.mj_step(model, data, nstep=substeps)
    pos += rng.normal(scale=cfg.pos_noise_rad, size=pos.shape) if cfg.pos_noise_rad else 0.0
    vel += rng.normal(scale=cfg.vel_noise_rad_s, size=vel.shape) if cfg.vel_noise_rad_s else 0.0
    times = excitation.times_s.copy()
    command_values = {**dict(zip(ARM_JOINTS, targets.T, strict=True)), FINGER_JOINT: None}
    cmd = np.column_stack(
        [
            command_values[j] if command_values[j] is not None else np.full(n, FINGER_OPEN_M)
            for j in command_names
        ]
    )
    return RawRecording(
        states=JointSamples(times, state_names, pos, vel),
        commands=JointSamples(times.copy(), command_names, cmd, np.zeros((n, 0))),
        source=f"synthetic: {len(times)} samples at {excitation.rate_hz:g} Hz",
    )


def random_truth(
    joints: tuple[str, ...],
    fields: tuple[str, ...],
    seed: int = 0,
    command_delay_s: float = 0.0125,
    model: mujoco.MjModel | None = None,
) -> ModelOverrides:
    """Known, clearly off-nominal physics for round trips (values drawn per joint).

    armature x U(0.5, 2), damping x U(1.5, 4), frictionloss U(0.1, 0.6) N m, offset
    U(-0.02, 0.02) rad, kp x U(0.75, 1.25), kv x U(0.75, 1.25), relative to ``model``.
    """
    model = model if model is not None else compile_scene()
    rng = np.random.default_rng(seed)
    jointv: dict[str, dict[str, float]] = {}
    actv: dict[str, dict[str, float]] = {}
    for joint in joints:
        dof = model.joint(joint).dofadr[0]
        act = model.actuator(ALL_ACTUATORS[ARM_JOINTS.index(joint)]).id
        draws = {
            "armature": model.dof_armature[dof] * rng.uniform(0.5, 2.0),
            "damping": model.dof_damping[dof] * rng.uniform(1.5, 4.0),
            "frictionloss": rng.uniform(0.1, 0.6),
            "offset_rad": rng.uniform(-0.02, 0.02),
            "kp": model.actuator_gainprm[act, 0] * rng.uniform(0.75, 1.25),
            "kv": -model.actuator_biasprm[act, 2] * rng.uniform(0.75, 1.25),
        }
        for field in fields:
            key = "offset_rad" if field == "offset" else field
            if field in ("kp", "kv"):
                actv.setdefault(joint, {})[key] = float(draws[key])
            elif key in draws:
                jointv.setdefault(joint, {})[key] = float(draws[key])
    return ModelOverrides(joints=jointv, actuators=actv, command_delay_s=command_delay_s)
