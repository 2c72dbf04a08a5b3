"""Replay recorded commands in the simulator: the arm of the tabletop scene, batched.

The replay model is the training scene (``build_scene_spec``) with contacts disabled and the cube
held by gravity compensation where it is parked, far out of reach: an excitation never touches
anything, and skipping collision detection halves the cost of a step. Candidate parameters are
written into per-simulation model fields of a ``mujoco.batch.Batch`` by running
``sim.overrides.apply_overrides`` on a scratch model and copying the fields it writes, so a
candidate means exactly what the same ``ModelOverrides`` file means to the simulator.

Timing convention (that of the robot and of ``synthetic.py``): the state sampled at grid time
``t_k`` precedes command ``k``; the state at ``t_{k+1}`` is the prediction for sample ``k + 1``.

The command delay is continuous (``delayed_controls``): command ``k`` acts from ``t_k + delay``
until command ``k + 1`` takes over at ``t_{k+1} + delay``, and the physics step in which a switch
falls applies the two commands blended by the fraction of the step each is in force (the step's
average of the delayed zero-order-held stream). The replay therefore sets the controls itself and
runs MuJoCo's actuators without delay (``actuator_delay`` 0); a ``command_delay_s`` of exactly
``k`` physics steps reproduces MuJoCo's own delay of ``k`` steps (``steps_of_delay``).
"""

from __future__ import annotations

import copy
import dataclasses

import mujoco
import numpy as np
from mujoco.batch import Batch, SimulationError

from skillbridge.calibration.recording import Trajectory
from skillbridge.sim.overrides import ModelOverrides, apply_overrides
from skillbridge.sim.scene import (
    ALL_ACTUATORS,
    ARM_JOINTS,
    CUBE_BODY,
    FINGER_JOINT,
    HAND_BODY,
    MIMIC_FINGER_JOINT,
    SceneConfig,
    build_scene_spec,
    home_qpos,
)

#: Model fields ``apply_overrides`` (and the payload) write; copied per simulation.
WRITTEN_FIELDS = (
    "dof_armature",
    "dof_damping",
    "dof_frictionloss",
    "actuator_gainprm",
    "actuator_biasprm",
    "actuator_delay",
    "body_mass",
)
PARKED_CUBE_XY = (3.0, 3.0)
_FULL = mujoco.mjtState.mjSTATE_FULLPHYSICS
_INTEGRATION = mujoco.mjtState.mjSTATE_INTEGRATION


def replay_model(scene: SceneConfig | None = None) -> mujoco.MjModel:
    """The scene without contacts, the cube floating (gravity-compensated) where it is put, and
    without what a replay never reads.

    With contacts off a geom acts only through the mass of a body that takes its inertia from
    its geoms: the geoms of the world and of bodies with explicit inertials (the whole arm) are
    left out, with the meshes only they used, and so are sensors (a replay reads positions and
    velocities). The dynamics are those of the scene with contacts off, to the bit (tested);
    each step skips the poses of ~80 geoms, and compiling skips the meshes.
    """
    spec = build_scene_spec(scene)
    spec.option.disableflags |= int(mujoco.mjtDisableBit.mjDSBL_CONTACT)
    spec.option.disableflags |= int(mujoco.mjtDisableBit.mjDSBL_SENSOR)
    spec.body(CUBE_BODY).gravcomp = 1.0
    for body in spec.bodies:
        if body.explicitinertial or body.name == "world":
            for geom in list(body.geoms):
                spec.delete(geom)
    used = {geom.meshname for geom in spec.geoms}
    for mesh in list(spec.meshes):
        if mesh.name not in used:
            spec.delete(mesh)
    return spec.compile()


class ModelWriter:
    """Per-candidate model fields, exactly as ``apply_overrides`` writes them."""

    def __init__(self, model: mujoco.MjModel) -> None:
        self._pristine = {f: getattr(model, f).copy() for f in WRITTEN_FIELDS}
        self._scratch = copy.copy(model)
        self._hand = model.body(HAND_BODY).id

    def fields(self, overrides: ModelOverrides, payload_kg: float = 0.0) -> dict[str, np.ndarray]:
        """Field name -> values of one candidate (shapes as in ``MjModel``)."""
        for name, values in self._pristine.items():
            getattr(self._scratch, name)[...] = values
        apply_overrides(self._scratch, overrides)
        self._scratch.body_mass[self._hand] += payload_kg
        return {f: getattr(self._scratch, f).copy() for f in WRITTEN_FIELDS}


@dataclasses.dataclass(frozen=True)
class ArmIndex:
    """Addresses of the arm joints and actuators in a model (``ARM_JOINTS`` order)."""

    qpos: np.ndarray
    dof: np.ndarray
    ctrl: np.ndarray
    finger_qpos: tuple[int, int]
    gripper_ctrl: int

    @staticmethod
    def of(model: mujoco.MjModel) -> ArmIndex:
        return ArmIndex(
            qpos=np.array([model.joint(j).qposadr[0] for j in ARM_JOINTS]),
            dof=np.array([model.joint(j).dofadr[0] for j in ARM_JOINTS]),
            ctrl=np.array([model.actuator(a).id for a in ALL_ACTUATORS[:-1]]),
            finger_qpos=(
                int(model.joint(FINGER_JOINT).qposadr[0]),
                int(model.joint(MIMIC_FINGER_JOINT).qposadr[0]),
            ),
            gripper_ctrl=int(model.actuator(ALL_ACTUATORS[-1]).id),
        )


def initial_state(
    model: mujoco.MjModel,
    *,
    position_rad: np.ndarray,
    velocity_rad_s: np.ndarray,
    past_commands_rad: np.ndarray,
    finger_m: float,
    substeps: int,
) -> np.ndarray:
    """Full physics state (``mjSTATE_FULLPHYSICS``) at the start of a replay, time 0.

    Args:
        model: the replay model.
        position_rad: arm positions, as reported by the encoders. Shape: (7,).
        velocity_rad_s: arm velocities. Shape: (7,).
        past_commands_rad: the arm commands of the preceding control periods, oldest first, the
            last one in force just before time 0. Shape: (P, 7), P >= 1.
        finger_m: finger opening (held).
        substeps: physics steps per control period.

    Returns:
        The state vector; the actuator history holds the past commands at their physics-step
        timestamps, so a delayed actuator reads what the robot was really sent.
    """
    idx = ArmIndex.of(model)
    data = mujoco.MjData(model)
    data.qpos[:] = home_qpos(model, cube_xy=PARKED_CUBE_XY)
    data.qpos[idx.qpos] = position_rad
    data.qpos[list(idx.finger_qpos)] = finger_m
    data.qvel[idx.dof] = velocity_rad_s
    data.ctrl[idx.ctrl] = past_commands_rad[-1]
    data.ctrl[idx.gripper_ctrl] = finger_m
    for column, act in enumerate(idx.ctrl):
        nsample = int(model.actuator_history[act, 0])
        back = (np.arange(nsample, 0, -1) + substeps - 1) // substeps  # periods before t=0
        rows = np.clip(len(past_commands_rad) - back, 0, None)
        values = past_commands_rad[rows, column].reshape(-1, 1)
        mujoco.mj_initCtrlHistory(model, data, int(act), None, np.ascontiguousarray(values))
    gripper = int(model.actuator_history[idx.gripper_ctrl, 0])
    mujoco.mj_initCtrlHistory(model, data, idx.gripper_ctrl, None, np.full((gripper, 1), finger_m))
    state = np.empty(mujoco.mj_stateSize(model, _FULL))
    mujoco.mj_getState(model, data, state, _FULL)
    return state


def state_at(
    model: mujoco.MjModel, traj: Trajectory, start: int, history: int, substeps: int
) -> np.ndarray:
    """``initial_state`` of a replay from grid index ``start`` of a recording: its measured
    positions and velocities there and the ``history`` commands before it (at least the first,
    near the recording's start)."""
    return initial_state(
        model,
        position_rad=traj.position_rad[start],
        velocity_rad_s=traj.velocity_rad_s[start],
        past_commands_rad=traj.command_rad[max(0, start - history) : max(1, start)],
        finger_m=traj.finger_m,
        substeps=substeps,
    )


def delayed_controls(
    commands_rad: np.ndarray,
    history: int,
    delay_s: np.ndarray,
    period_s: float,
    dt_s: float,
    nsteps: int,
) -> np.ndarray:
    """The control acting during each physics step of a replay, for each delay.

    Command row ``j`` is stamped ``(j - history) * period_s`` (row ``history`` at time 0) and
    acts from its stamp plus the delay; physics step ``n`` covers ``[n dt, (n + 1) dt)`` and
    applies the average of the delayed zero-order-held stream over it. Before the first row,
    the first row.

    Args:
        commands_rad: past and replayed commands, oldest first. Shape: (H + L, J).
        history: rows before time 0 (H).
        delay_s: one delay per simulation. Shape: (n,).
        period_s: command period.
        dt_s: physics timestep (at most the command period).
        nsteps: physics steps to return (S).

    Returns:
        Shape: (n, S, J).
    """
    delay = np.asarray(delay_s, float).reshape(-1, 1)
    last = len(commands_rad) - 1
    start = (np.arange(nsteps)[None, :] * dt_s - delay) / period_s + history
    first = np.clip(np.floor(start + 1e-9), 0, last).astype(int)
    end = start + dt_s / period_s
    second = np.clip(np.floor(end - 1e-9), 0, last).astype(int)
    after = (end - np.floor(end - 1e-9)) * period_s / dt_s  # fraction of the step after a switch
    weight = np.clip(np.where(second > first, after, 0.0), 0.0, 1.0)[..., None]
    return (1.0 - weight) * commands_rad[first] + weight * commands_rad[second]


class Replayer:
    """Replays commands from initial states for many candidate models at once.

    One ``mujoco.batch.Batch`` per batch size is kept and reused; ``nthread`` threads step it.
    """

    def __init__(self, model: mujoco.MjModel, nthread: int = 2) -> None:
        self.model = model
        self.nthread = nthread
        self.index = ArmIndex.of(model)
        self.writer = ModelWriter(model)
        self._batches: dict[int, tuple[Batch, dict[str, np.ndarray]]] = {}
        self._data = mujoco.MjData(model)

    def _batch(self, nsim: int) -> tuple[Batch, dict[str, np.ndarray]]:
        if nsim not in self._batches:
            batch = Batch(self.model, nsim, self.nthread)
            fields = {f: batch.expand(f) for f in WRITTEN_FIELDS}
            self._batches[nsim] = (batch, fields)
        return self._batches[nsim]

    def _integration_row(self, full_state: np.ndarray, offset_rad: np.ndarray) -> np.ndarray:
        """Full-physics state with reported arm positions -> batch row with true positions."""
        mujoco.mj_setState(self.model, self._data, full_state, _FULL)
        self._data.qpos[self.index.qpos] -= offset_rad
        self._data.time = 0.0
        row = np.empty(mujoco.mj_stateSize(self.model, _INTEGRATION))
        mujoco.mj_getState(self.model, self._data, row, _INTEGRATION)
        return row

    def run(
        self,
        candidates: list[tuple[ModelOverrides, float]],
        full_states: list[np.ndarray],
        commands_rad: list[np.ndarray],
        finger_m: float,
        substeps: int,
        history: int = 0,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Simulate simulation i = (candidate i, initial state i, commands i).

        Args:
            candidates: (overrides, payload kg) per simulation; the overrides' joint offsets
                turn reported into true positions and back, their ``command_delay_s`` delays
                the commands (``delayed_controls``). The same tuple object given for several
                simulations (one candidate on several segments) has its fields computed once.
            full_states: ``initial_state`` vectors (reported positions). Length n.
            commands_rad: arm commands per simulation, all of shape (H + L, 7): ``history``
                (H) past commands, then the L replayed ones.
            finger_m: finger target.
            substeps: physics steps per command.
            history: past commands at the start of each command array.

        Returns:
            Reported positions (n, L, 7) and velocities (n, L, 7) at the L sample times after
            the start, and a (n,) bool mask of simulations whose physics failed.
        """
        n = len(candidates)
        batch, fields = self._batch(n)
        offsets = np.zeros((n, len(ARM_JOINTS)))
        delays = np.array([overrides.command_delay_s for overrides, _ in candidates])
        written: dict[int, tuple[dict[str, np.ndarray], np.ndarray]] = {}
        for i, candidate in enumerate(candidates):
            if id(candidate) not in written:  # a candidate repeated over segments: once
                overrides, payload = candidate
                undelayed = dataclasses.replace(overrides, command_delay_s=0.0)
                written[id(candidate)] = (
                    self.writer.fields(undelayed, payload),
                    np.array([overrides.joint_value(j, "offset_rad", 0.0) for j in ARM_JOINTS]),
                )
            values, offsets[i] = written[id(candidate)]
            for name, value in values.items():
                fields[name][i] = value
            batch.state[i] = self._integration_row(full_states[i], offsets[i])
        batch.warning[...] = 0
        commands = np.stack(commands_rad)
        length = commands.shape[1] - history
        dt = float(self.model.opt.timestep)
        nsteps = length * substeps
        controls = np.stack(
            [
                delayed_controls(
                    commands[i], history, delays[i : i + 1], substeps * dt, dt, nsteps
                )[0]
                for i in range(n)
            ]
        )  # (n, S, 7)
        # steps where no simulation's control changes run together
        change = np.flatnonzero(np.any(controls[:, 1:] != controls[:, :-1], axis=(0, 2))) + 1
        sample_ends = np.arange(1, length + 1) * substeps
        cuts = np.union1d(change, sample_ends)
        qpos, qvel, ctrl = batch.bind("qpos"), batch.bind("qvel"), batch.bind("ctrl")
        ctrl[:, self.index.gripper_ctrl] = finger_m
        pos = np.empty((n, length, len(ARM_JOINTS)))
        vel = np.empty_like(pos)
        failed = np.zeros(n, dtype=bool)
        step = 0
        for cut in cuts:
            ctrl[:, self.index.ctrl] = controls[:, step]
            try:
                batch.step(nstep=int(cut - step))
            except SimulationError as exc:
                failed[exc.ids] = True
            step = int(cut)
            if step % substeps == 0:
                k = step // substeps - 1
                pos[:, k] = qpos[:, self.index.qpos]
                vel[:, k] = qvel[:, self.index.dof]
        failed |= batch.warning[:, mujoco.mjtWarning.mjWARN_BADQACC, 1] > 0
        return pos + offsets[:, None, :], vel, failed
