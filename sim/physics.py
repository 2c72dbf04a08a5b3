"""Named accessors over a physics backend: the Panda's joints, tool, cube, pad and contacts.

Everything is batched with the environment dimension first, in the backend's arrays (numpy on
``cpu``, torch on ``warp``). Positions a real robot would report include the encoder offsets of
the model overrides (``reported_state``); the true values are what the critic and the rewards see.
"""

from __future__ import annotations

import mujoco
import numpy as np

from skillbridge.contract import PolicySpec, RobotState
from skillbridge.contract.arrays import Array, copy, like, namespace
from skillbridge.sim.backend import PhysicsBackend
from skillbridge.sim.overrides import ModelOverrides, reported_joint_offsets
from skillbridge.sim.scene import (
    ALL_ACTUATORS,
    CUBE_JOINT,
    FINGER_CONTACT_SENSORS,
    GRASP_CONTACT_SENSOR,
    HAND_BODY,
    MIMIC_FINGER_JOINT,
    PAD_BODY,
    POLICY_JOINTS,
    TABLE_CONTACT_SENSOR,
    TCP_SITE,
)


class PandaPhysics:
    """Read and write the scene's named quantities in every environment of a backend."""

    def __init__(
        self, backend: PhysicsBackend, spec: PolicySpec, overrides: ModelOverrides | None = None
    ) -> None:
        model = backend.model
        self.backend = backend
        self.spec = spec
        self.num_envs = backend.num_envs
        self.qpos = backend.state("qpos")
        self.xp = namespace(self.qpos)
        self._qpos_idx = like(self.qpos, [model.joint(j).qposadr[0] for j in POLICY_JOINTS])
        self._qvel_idx = like(self.qpos, [model.joint(j).dofadr[0] for j in POLICY_JOINTS])
        self._mimic_qpos = model.joint(MIMIC_FINGER_JOINT).qposadr[0]
        self._mimic_qvel = model.joint(MIMIC_FINGER_JOINT).dofadr[0]
        self._cube_qpos = model.joint(CUBE_JOINT).qposadr[0]
        self._cube_qvel = model.joint(CUBE_JOINT).dofadr[0]
        self._ctrl_idx = like(self.qpos, [model.actuator(a).id for a in ALL_ACTUATORS])
        self._hand_body = model.body(HAND_BODY).id
        self._pad_mocap = int(model.body(PAD_BODY).mocapid[0])
        self._table_sensor = _sensor_slice(model, TABLE_CONTACT_SENSOR)
        self._grasp_sensor = _sensor_slice(model, GRASP_CONTACT_SENSOR)
        self._finger_sensors = [_sensor_slice(model, s) for s in FINGER_CONTACT_SENSORS]
        self.offsets = like(self.qpos, reported_joint_offsets(overrides, POLICY_JOINTS))
        self.has_offsets = bool(np.any(reported_joint_offsets(overrides, POLICY_JOINTS)))
        self.qvel = backend.state("qvel")
        self.ctrl = backend.state("ctrl")
        self.mocap_pos = backend.state("mocap_pos")
        self.xfrc = backend.state("xfrc_applied")
        self.sensordata = backend.output("sensordata")
        tcp = model.site(TCP_SITE).id
        self._tcp_pos = backend.output("site_xpos")[:, tcp]
        self._tcp_rot = backend.output("site_xmat")[:, tcp]
        self._tool_cache: tuple[Array, Array] | None = None
        self.history = backend.state("history") if model.nhistory else None
        self._history_slices = [
            (int(model.actuator_historyadr[a]), int(model.actuator_history[a, 0]))
            for a in (model.actuator(name).id for name in ALL_ACTUATORS)
        ]

    # --- joints -------------------------------------------------------------------------------
    def joint_pos(self) -> Array:
        """True positions of the policy joints, (N, 8)."""
        return self.qpos[:, self._qpos_idx]

    def joint_vel(self) -> Array:
        return self.qvel[:, self._qvel_idx]

    def reported_state(
        self, pos_noise: Array | float = 0.0, vel_noise: Array | float = 0.0
    ) -> RobotState:
        """What the robot's encoders report: true + offset (+ noise in training)."""
        return RobotState(
            POLICY_JOINTS,
            self.joint_pos() + self.offsets + pos_noise,
            self.joint_vel() + vel_noise,
        )

    def true_state(self) -> RobotState:
        return RobotState(POLICY_JOINTS, self.joint_pos(), self.joint_vel())

    @property
    def ctrl_index(self) -> Array:
        """Columns of ``ctrl`` of the policy joints' servos, in policy order."""
        return self._ctrl_idx

    def set_joint_targets(self, targets: Array) -> None:
        """Servo targets in policy-joint order, in reported (encoder) coordinates, (N, 8)."""
        self.ctrl[:, self._ctrl_idx] = targets

    def hold_ctrl_history(self, env_ids: Array, targets: Array) -> None:
        """Fill the delayed-command buffers of reset environments with their first targets, so a
        delayed actuator never reads the zero command of a fresh buffer."""
        if self.history is None:
            return
        for column, (adr, nsample) in enumerate(self._history_slices):
            # layout per actuator: [user, cursor, nsample times, nsample values]
            values = slice(adr + 2 + nsample, adr + 2 + 2 * nsample)
            self.history[env_ids, values] = targets[:, column : column + 1]

    def write_joint_state(self, env_ids: Array, pos: Array, vel: Array) -> None:
        """Set true joint positions/velocities (the mimic finger follows finger 1); ``commit``
        before reading the tool pose."""
        self.qpos[env_ids[:, None], self._qpos_idx[None, :]] = pos
        self.qvel[env_ids[:, None], self._qvel_idx[None, :]] = vel
        self.qpos[env_ids, self._mimic_qpos] = pos[:, -1]
        self.qvel[env_ids, self._mimic_qvel] = vel[:, -1]

    # --- tool ---------------------------------------------------------------------------------
    def tool_pose(self) -> tuple[Array, Array]:
        """True tool centre point pose, (N, 3), (N, 3, 3): MuJoCo's ``tcp`` site after the last
        step or commit (the contract's kinematics of the true joints give the same to 1e-9 m; a
        test checks it). Copies, cached until the next step or state write."""
        if self._tool_cache is None:
            self._tool_cache = (
                copy(self._tcp_pos),
                copy(self.xp.reshape(self._tcp_rot, (self.num_envs, 3, 3))),
            )
        return self._tool_cache

    def commit(self, env_ids: Array) -> None:
        """After state or model-field writes: recompute these environments' derived quantities
        (the tool pose among them)."""
        self._tool_cache = None
        self.backend.commit(env_ids)

    def step(self, nsubsteps: int) -> Array:
        """Step the backend; returns the (N,) mask of failed environments."""
        self._tool_cache = None
        return self.backend.step(nsubsteps)

    def finger_pos(self) -> Array:
        """Opening of each finger, metres, (N,)."""
        return self.qpos[:, self._qpos_idx[-1]]

    # --- objects ------------------------------------------------------------------------------
    def cube_pose(self) -> tuple[Array, Array]:
        """Cube position (N, 3) and orientation quaternion wxyz (N, 4)."""
        q = self.qpos[:, self._cube_qpos : self._cube_qpos + 7]
        return q[:, :3], q[:, 3:7]

    def cube_vel(self) -> Array:
        """Cube linear and angular velocity, (N, 6)."""
        return self.qvel[:, self._cube_qvel : self._cube_qvel + 6]

    def write_cube(self, env_ids: Array, pos: Array, quat_wxyz: Array) -> None:
        a = self._cube_qpos
        self.qpos[env_ids, a : a + 3] = pos
        self.qpos[env_ids, a + 3 : a + 7] = quat_wxyz
        self.qvel[env_ids, self._cube_qvel : self._cube_qvel + 6] = 0.0

    def pad_pos(self) -> Array:
        return self.mocap_pos[:, self._pad_mocap]

    def write_pad(self, env_ids: Array, pos: Array) -> None:
        self.mocap_pos[env_ids, self._pad_mocap] = pos

    # --- contacts and forces ------------------------------------------------------------------
    def table_contact(self) -> tuple[Array, Array]:
        """Robot-table contact: found flag (N,) and net force (N, 3), from the last substep."""
        block = self.sensordata[:, self._table_sensor]
        return block[:, 0] > 0, block[:, 1:4]

    def grasp_contact(self) -> tuple[Array, Array]:
        """Hand/fingers-cube contact: found flag (N,) and net force (N, 3)."""
        block = self.sensordata[:, self._grasp_sensor]
        return block[:, 0] > 0, block[:, 1:4]

    def finger_contacts(self) -> tuple[Array, Array]:
        """Each finger's contact with the cube (left, right): found flags (N, 2) and net forces
        on the finger, world frame, N (N, 2, 3), from the last substep."""
        blocks = [self.sensordata[:, s] for s in self._finger_sensors]
        found = self.xp.stack([b[:, 0] > 0 for b in blocks], axis=1)
        return found, self.xp.stack([b[:, 1:4] for b in blocks], axis=1)

    def push_hand(self, force_n: Array) -> None:
        """External force on the hand, world frame, (N, 3); zero to release."""
        self.xfrc[:, self._hand_body, :3] = force_n


def _sensor_slice(model: mujoco.MjModel, name: str) -> slice:
    sensor = model.sensor(name)
    start = int(sensor.adr[0])
    return slice(start, start + int(sensor.dim[0]))
