"""The simulated Panda as a robot (no ROS here): one MuJoCo scene loaded exactly as ``sim/`` loads
it, joint position targets by name, readings as a real driver reports them.

* The model: ``compile_scene(overrides=load_overrides(path))``; a calibrated or deliberately
  different robot is one ``ModelOverrides`` file away.
* Readings: ``true + encoder offset`` (``PandaPhysics.reported_state``), plus the mimic finger.
* Targets: position targets in reported coordinates on the servo actuators (``panda_actuator1..7``
  and the gripper actuator for ``panda_finger_joint1``), the same convention as training.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from skillbridge.sim.arrays import NumpyRandom
from skillbridge.sim.backend import CpuBatchBackend
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.physics import PandaPhysics
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import (
    CUBE_JOINT,
    FINGER_OPEN_M,
    MIMIC_FINGER_JOINT,
    POLICY_JOINTS,
    compile_scene,
    home_qpos,
)
from skillbridge.sim.tasks.tabletop import TabletopConfig, sample_layout, yaw_quat_wxyz

_ENV = np.array([0])


class SimRobot:
    """One simulated Panda stepped on demand."""

    def __init__(self, overrides_path: str = "", seed: int = 0) -> None:
        """Compile the scene (with overrides, if a path is given) and put the arm at home.

        Raises:
            OverridesError: the overrides file is missing or invalid (named).
        """
        self.overrides = load_overrides(overrides_path) if overrides_path else None
        self.model = compile_scene(overrides=self.overrides)
        self.spec = panda_policy_spec(self.model)
        self.backend = CpuBatchBackend(self.model, 1, nthread=1)
        self.physics = PandaPhysics(self.backend, self.spec, self.overrides)
        self.dt_s = float(self.model.opt.timestep)
        self.rng = NumpyRandom(seed)
        self.targets = np.zeros(len(POLICY_JOINTS))
        self.steps = 0
        self._index = {name: i for i, name in enumerate(POLICY_JOINTS)}
        self.joint_names: tuple[str, ...] = (*POLICY_JOINTS, MIMIC_FINGER_JOINT)
        self._mimic_qpos = self.model.joint(MIMIC_FINGER_JOINT).qposadr[0]
        self._mimic_qvel = self.model.joint(MIMIC_FINGER_JOINT).dofadr[0]
        self.reset()

    @property
    def time_s(self) -> float:
        """Simulated time since construction, seconds."""
        return self.steps * self.dt_s

    def reset(
        self,
        cube_xy: Sequence[float] | None = None,
        pad_xy: Sequence[float] | None = None,
        randomize: bool = False,
        cube_yaw_rad: float = 0.0,
    ) -> None:
        """Arm at the ready pose with the gripper open; cube and pad at the given (or random)
        table positions, the cube turned by ``cube_yaw_rad`` about +z; targets hold the pose."""
        if randomize:
            cube, _, pad = sample_layout(self.rng, 1, TabletopConfig())
            cube_xy, pad_xy = cube[0], pad[0]
        self.backend.reset(_ENV)
        xy = (float(cube_xy[0]), float(cube_xy[1])) if cube_xy is not None else (0.5, 0.0)
        qpos = home_qpos(self.model, xy)
        cube = self.model.joint(CUBE_JOINT).qposadr[0]
        qpos[cube + 3 : cube + 7] = yaw_quat_wxyz(np.array([float(cube_yaw_rad)]))[0]
        self.physics.qpos[0] = qpos
        self.physics.qvel[0] = 0.0
        if pad_xy is not None:
            self.physics.write_pad(_ENV, np.array([[pad_xy[0], pad_xy[1], 0.0]]))
        pos = self.physics.joint_pos()[0]
        self.targets = pos + self.physics.offsets
        self.targets[-1] = FINGER_OPEN_M
        self.physics.set_joint_targets(self.targets[None])
        self.physics.hold_ctrl_history(_ENV, self.targets[None])
        self.physics.commit(_ENV)

    def set_targets(
        self, names: Sequence[str], positions: Sequence[float] | np.ndarray
    ) -> list[str]:
        """Set position targets of named joints (others keep theirs).

        Returns:
            The names that are not commandable here (ignored), e.g. the mimic finger.
        """
        unknown = []
        for name, value in zip(names, positions, strict=True):
            column = self._index.get(name)
            if column is None or not np.isfinite(value):
                unknown.append(name)
                continue
            self.targets[column] = value
        self.physics.set_joint_targets(self.targets[None])
        return unknown

    def step(self, n: int) -> bool:
        """Advance ``n`` physics steps. Returns False when the physics failed (then it resets)."""
        if n <= 0:
            return True
        failed = bool(self.physics.step(n)[0])
        self.steps += n
        if failed:
            self.reset()
        return not failed

    def readings(self) -> tuple[np.ndarray, np.ndarray]:
        """Reported positions and velocities in ``joint_names`` order (policy joints with encoder
        offsets, then the mimic finger)."""
        state = self.physics.reported_state()
        pos = np.append(state.joint_pos_rad[0], self.physics.qpos[0, self._mimic_qpos])
        vel = np.append(state.joint_vel_rad_s[0], self.physics.qvel[0, self._mimic_qvel])
        return pos, vel

    def object_poses(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """``{"cube": (pos (3,), quat_wxyz (4,)), "target_pad": ...}`` in the base frame."""
        cube_pos, cube_quat = self.physics.cube_pose()
        pad = self.physics.pad_pos()[0]
        return {
            "cube": (cube_pos[0].copy(), cube_quat[0].copy()),
            "target_pad": (pad.copy(), np.array([1.0, 0.0, 0.0, 0.0])),
        }

    def tool_pos(self) -> np.ndarray:
        """True tool centre point position (3,)."""
        return self.physics.tool_pose()[0][0].copy()
