"""``PolicyRuntime``: an exported motion policy run step by step, for one robot or a batch.

The policy node runs it for one robot; the verification gate runs the same object for a batch of
simulated robots, one per evaluation episode. Torch-free and ROS-free: numpy, onnxruntime and
``skillbridge.contract`` only. The runtime

1. loads the ONNX file (one intra-op thread), reads its contract from the metadata and refuses a
   file whose best full verification report does not pass, unless ``allow_unverified``;
2. resolves each language motion once against the measured tool pose (``resolve_target``), with
   the target kept inside the contract's workspace box and heading range;
3. per control step builds the observation with the contract's ``build_actor_obs`` and runs the
   file, which maps the action to joint targets itself (the contract's mapping, traced in);
4. reports motion completion the way training scores it: tool within tolerance of the target
   and the fingers in the requested state, or the motion's window elapsed.

Errors are ``ContractError`` subclasses so that this module depends on the contract only.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort

from skillbridge.contract import (
    ContractError,
    MotionTarget,
    ObservationHistory,
    PolicySpec,
    RobotState,
    build_actor_obs,
    hold_target,
    resolve_target,
    tool_pose,
)
from skillbridge.contract.artifact import (
    ONNX_ACTION,
    ONNX_JOINT_POS,
    ONNX_OBS,
    ONNX_TARGETS,
    check_verification_report,
    require_verified,
)
from skillbridge.contract.command import (
    MAX_ABS_TOOL_YAW_RAD,
    MOTION_DONE_POS_M,
    MOTION_DONE_ROT_RAD,
    MOTION_DONE_SPEED_M_S,
    MOTION_MIN_S,
    MOTION_WINDOW_S,
    TOOL_DOWN,
)
from skillbridge.contract.language import LanguageMotion
from skillbridge.contract.rotations import rotation_angle, rotz, yaw_of_matrix
from skillbridge.policies.onnx_session import open_session


class PolicyLoadError(ContractError):
    """The policy file cannot be run here; the message says what to do."""


class NonFiniteActionError(ContractError):
    """The policy produced NaN or Inf; the caller must hold, not act on it."""


@dataclasses.dataclass(frozen=True)
class RuntimeConfig:
    """How motions are resolved and judged complete (defaults match the training task)."""

    window_s: float = MOTION_WINDOW_S
    """A motion is done at the latest this long after it started (the training window)."""
    pos_tolerance_m: float = MOTION_DONE_POS_M
    rot_tolerance_rad: float = MOTION_DONE_ROT_RAD
    min_motion_s: float = MOTION_MIN_S
    """A motion is never reached sooner (the arm must have started moving)."""
    max_tool_speed_m_s: float = MOTION_DONE_SPEED_M_S
    """Reached also requires the tool to have settled (the hierarchy's completion rule)."""
    finger_open_min_m: float = 0.035
    """An open request is reached when the finger is open at least this far."""
    finger_closed_max_m: float = 0.032
    """A close request is reached when the finger is inside this and nearly still."""
    finger_still_m_s: float = 0.01
    finger_joint: str | None = None
    """Joint whose position is the finger opening; None: the contract's last ``absolute`` joint
    (the gripper); no such joint means the fingers are never checked."""
    max_abs_yaw_rad: float = MAX_ABS_TOOL_YAW_RAD
    """Commanded tool headings are clamped to this (joint 7 travel, as in training)."""
    threads: int = 1
    """onnxruntime intra-op threads."""


@dataclasses.dataclass(frozen=True)
class MotionStatus:
    """Progress of one robot's current motion."""

    motion: LanguageMotion | None
    """None before the first motion (the runtime holds its start pose)."""
    sequence: int
    """How many motions were started; identifies this one."""
    done: bool
    outcome: str
    """``idle`` (no motion yet), ``running``, ``reached`` or ``timeout``."""
    elapsed_s: float
    pos_err_m: float
    rot_err_rad: float
    fingers_ok: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "motion": None if self.motion is None else self.motion.to_dict(),
            "sequence": self.sequence,
            "done": self.done,
            "outcome": self.outcome,
            "elapsed_s": round(self.elapsed_s, 4),
            "pos_err_m": round(self.pos_err_m, 5),
            "rot_err_rad": round(self.rot_err_rad, 5),
            "fingers_ok": self.fingers_ok,
        }


def load_session(path: str | Path, threads: int = 1) -> tuple[ort.InferenceSession, PolicySpec]:
    """An onnxruntime session of a policy file and the contract in its metadata.

    Raises:
        PolicyLoadError: the file is missing, not ONNX, or has the wrong tensor names.
        ContractError: the metadata holds no valid contract.
    """
    if not Path(path).is_file():
        raise PolicyLoadError(
            f"policy file {path} does not exist; export one with `skillbridge export RUN --out "
            f"{path}` (then `skillbridge verify {path} --checkpoint RUN`)"
        )
    session = open_session(path, threads, PolicyLoadError, "policy (onnxruntime)")
    inputs = sorted(i.name for i in session.get_inputs())
    outputs = sorted(o.name for o in session.get_outputs())
    if inputs != sorted([ONNX_OBS, ONNX_JOINT_POS]) or outputs != sorted(
        [ONNX_ACTION, ONNX_TARGETS]
    ):
        raise PolicyLoadError(
            f"{path} has inputs {inputs} and outputs {outputs}; a skillbridge policy maps "
            f"{[ONNX_OBS, ONNX_JOINT_POS]} to {[ONNX_ACTION, ONNX_TARGETS]}: export it again "
            "with `skillbridge export`"
        )
    spec = PolicySpec.from_metadata(dict(session.get_modelmeta().custom_metadata_map))
    return session, spec


class PolicyRuntime:
    """The policy loop state of ``num_robots`` robots: contract, session, targets, last actions.

    Arrays have the robot dimension first; a ``RobotState`` of shape (J,) counts as one robot.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        allow_unverified: bool = False,
        config: RuntimeConfig | None = None,
        num_robots: int = 1,
    ) -> None:
        """Load and check a policy file.

        Args:
            path: the exported ONNX file.
            allow_unverified: run a file without a passing best full verification report.
            config: completion tolerances and resolution limits.
            num_robots: robots stepped together (1 on a robot; the evaluation's batch in verify).

        Raises:
            PolicyLoadError: missing or unloadable file.
            ContractError: no valid contract in the file, or (unless ``allow_unverified``) no
                passing full report; the message names the command to run.
        """
        self.path = Path(path)
        self.config = config or RuntimeConfig()
        self.session, self.spec = load_session(path, self.config.threads)
        if not allow_unverified:
            require_verified(path)
        self.verification = check_verification_report(path)
        self.num_robots = num_robots
        self._finger = self._finger_column()
        self._history = ObservationHistory(self.spec, num_robots)
        n = num_robots
        self.last_action = np.zeros((n, self.spec.action_dim), dtype=np.float32)
        self.target: MotionTarget | None = None
        self.motion: list[LanguageMotion | None] = [None] * n
        self.sequence = np.zeros(n, dtype=np.int64)
        self.active = np.zeros(n, dtype=bool)
        """Robots executing a motion (False after ``reset``: they hold their pose)."""
        self._started_s = np.zeros(n)
        self._last_tool: tuple[float, np.ndarray] | None = None
        self.last_inference_s = 0.0
        """How long the last ``step`` took (observation, inference, mapping)."""
        self.last_obs: np.ndarray | None = None
        """The observation of the last ``step``, (N, obs_dim) float32."""

    def _finger_column(self) -> int | None:
        name = self.config.finger_joint
        if name is None:
            absolute = [i for i, m in enumerate(self.spec.action_modes) if m == "absolute"]
            return absolute[-1] if absolute else None
        if name not in self.spec.joint_names:
            raise ContractError(
                f"finger joint {name!r} is not a policy joint; "
                f"valid: {list(self.spec.joint_names)}"
            )
        return self.spec.joint_names.index(name)

    # --- targets ------------------------------------------------------------------------------
    def measured(self, state: RobotState) -> tuple[np.ndarray, np.ndarray]:
        """Positions and velocities of the policy joints in contract order, each (N, J).

        Raises:
            ContractError: a policy joint is missing from ``state`` (named in the message).
        """
        pos, vel = state.select(self.spec.joint_names)
        shape = (-1, self.spec.num_joints)
        return np.reshape(pos, shape), np.reshape(vel, shape)

    def tool(self, joint_pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Tool poses (N, 3), (N, 3, 3) of policy-joint positions (N, J) in contract order."""
        return tool_pose(self.spec.kinematics, joint_pos, self.spec.joint_names)

    def _rows(self, rows: np.ndarray | None) -> np.ndarray:
        return np.arange(self.num_robots) if rows is None else np.asarray(rows)

    def reset(
        self,
        state: RobotState,
        now_s: float,
        gripper: float | np.ndarray | None = None,
        rows: np.ndarray | None = None,
    ) -> None:
        """Start (or restart) the loop of some robots: hold their measured tool pose, forget
        their last action and history.

        Args:
            state: the measured joints of every robot (N, J) (or (J,) for one).
            now_s: the current time, seconds (any monotonic clock, used consistently).
            gripper: gripper targets (+1 open, -1 closed) of those robots; None keeps the
                previous ones, or reads them from the measured finger opening the first time.
            rows: which robots (default: all).
        """
        ids = self._rows(rows)
        pos, _ = self.measured(state)
        tool_pos, tool_rot = self.tool(pos[ids])
        if gripper is None:
            grip = self._current_gripper(pos)[ids]
        else:
            grip = np.broadcast_to(np.asarray(gripper, dtype=np.float64), (len(ids),))
        held = hold_target(tool_pos, tool_rot, grip)
        self._set_target(ids, held)
        self.last_action[ids] = 0.0
        self._history.reset(ids)
        for i in ids:
            self.motion[i] = None
        self.active[ids] = False
        self._started_s[ids] = now_s

    def _set_target(self, ids: np.ndarray, target: MotionTarget) -> None:
        if self.target is None:
            n = self.num_robots
            self.target = MotionTarget(np.zeros((n, 3)), np.tile(np.eye(3), (n, 1, 1)), np.ones(n))
        self.target.pos_m[ids] = target.pos_m
        self.target.rot[ids] = target.rot
        self.target.gripper[ids] = target.gripper

    def _current_gripper(self, pos: np.ndarray) -> np.ndarray:
        if self.target is not None:
            return np.array(self.target.gripper, dtype=np.float64)
        return self.measured_gripper(pos)

    def measured_gripper(self, pos: np.ndarray) -> np.ndarray:
        """Gripper state of each robot read from its finger opening (+1 open, -1 closed), (N,),
        from policy-joint positions (N, J); open when the contract has no finger joint."""
        if self._finger is None:
            return np.ones(len(pos))
        return np.where(pos[:, self._finger] >= self.config.finger_closed_max_m, 1.0, -1.0)

    def set_motion(self, motion: LanguageMotion, state: RobotState, now_s: float) -> MotionTarget:
        """Start a language motion on every robot from its measured tool pose (see
        ``set_commands``). Returns the resolved targets."""
        command = np.tile(np.asarray(motion.to_command(), dtype=np.float64), (self.num_robots, 1))
        target = self.set_commands(command, state, now_s)
        self.motion = [motion] * self.num_robots
        return target

    def set_commands(
        self, commands: np.ndarray, state: RobotState, now_s: float, rows: np.ndarray | None = None
    ) -> MotionTarget:
        """Start commands (rows of dx_m, dy_m, dz_m, dyaw_rad, gripper) on some robots.

        The gripper target is kept unless a command opens or closes; target positions stay
        inside the contract's workspace box and headings within ``max_abs_yaw_rad``.

        Returns:
            The resolved targets of those robots.
        """
        if self.target is None:
            raise ContractError("PolicyRuntime.set_commands before reset(); call reset first")
        ids = self._rows(rows)
        pos, _ = self.measured(state)
        tool_pos, tool_rot = self.tool(pos[ids])
        target = self._bounded(
            resolve_target(tool_pos, tool_rot, commands, self.target.gripper[ids])
        )
        self._set_target(ids, target)
        self.sequence[ids] += 1
        self.active[ids] = True
        self._started_s[ids] = now_s
        for i in ids:
            self.motion[i] = None
        return target

    def _bounded(self, target: MotionTarget) -> MotionTarget:
        arrays, limit = self.spec.arrays, self.config.max_abs_yaw_rad
        yaw = np.clip(yaw_of_matrix(target.rot), -limit, limit)
        pos = np.clip(target.pos_m, arrays.workspace_min_m, arrays.workspace_max_m)
        return MotionTarget(pos, rotz(yaw) @ TOOL_DOWN, target.gripper)

    # --- stepping -----------------------------------------------------------------------------
    def step(self, state: RobotState) -> np.ndarray:
        """One control step of every robot: observation, inference (the file maps the action).

        Args:
            state: the measured joints (any order, extra joints ignored), (N, J) or (J,).

        Returns:
            Joint position targets in contract order, (N, J), within the contract's limits.

        Raises:
            ContractError: ``reset`` was never called, or a policy joint is missing.
            NonFiniteObservationError: NaN/Inf in the readings.
            NonFiniteActionError: NaN/Inf in the policy output.
        """
        if self.target is None:
            raise ContractError("PolicyRuntime.step before reset(); call reset(state, now_s)")
        start = time.perf_counter()
        try:
            obs = build_actor_obs(
                state, self.target, self.last_action, self.spec, history=self._history
            )
            self.last_obs = obs
            pos, _ = self.measured(state)
            action, targets = self.session.run(
                [ONNX_ACTION, ONNX_TARGETS],
                {ONNX_OBS: obs, ONNX_JOINT_POS: pos.astype(np.float32)},
            )
            if not (np.isfinite(action).all() and np.isfinite(targets).all()):
                raise NonFiniteActionError(
                    "the policy output NaN/Inf; holding. Check the observation ranges and the file"
                )
        finally:
            self.last_inference_s = time.perf_counter() - start
        self.last_action = action
        return np.asarray(targets, dtype=np.float64)

    def status(self, state: RobotState, now_s: float, robot: int = 0) -> MotionStatus:
        """Whether one robot's current motion is complete (reached, or its window elapsed)."""
        elapsed = max(0.0, now_s - float(self._started_s[robot]))
        motion, sequence = self.motion[robot], int(self.sequence[robot])
        if self.target is None:
            return MotionStatus(None, sequence, False, "idle", elapsed, 0.0, 0.0, False)
        try:
            pos, vel = self.measured(state)
        except ContractError:
            pos = vel = np.full((self.num_robots, self.spec.num_joints), np.nan)
        pos, vel = pos[robot], vel[robot]
        if not (np.all(np.isfinite(pos)) and np.all(np.isfinite(vel))):
            return MotionStatus(motion, sequence, False, "running", elapsed, np.nan, np.nan, False)
        tool_pos, tool_rot = self.tool(pos[None])
        speed = self._tool_speed(tool_pos[0], now_s)
        pos_err = float(np.linalg.norm(self.target.pos_m[robot] - tool_pos[0]))
        rot_err = float(rotation_angle(self.target.rot[robot], tool_rot[0]))
        fingers = self._fingers_ok(pos, vel, robot)
        reached = (
            pos_err <= self.config.pos_tolerance_m
            and rot_err <= self.config.rot_tolerance_rad
            and fingers
            and elapsed >= self.config.min_motion_s
            and speed <= self.config.max_tool_speed_m_s
        )
        if not self.active[robot]:
            outcome, done = "idle", False
        elif reached:
            outcome, done = "reached", True
        elif elapsed >= self.config.window_s:
            outcome, done = "timeout", True
        else:
            outcome, done = "running", False
        return MotionStatus(motion, sequence, done, outcome, elapsed, pos_err, rot_err, fingers)

    def _tool_speed(self, tool_pos: np.ndarray, now_s: float) -> float:
        """Tool speed from the previous status call (m/s; infinite on the first call)."""
        last, self._last_tool = self._last_tool, (now_s, tool_pos.copy())
        if last is None or now_s <= last[0]:
            return float("inf")
        return float(np.linalg.norm(tool_pos - last[1]) / (now_s - last[0]))

    def _fingers_ok(self, pos: np.ndarray, vel: np.ndarray, robot: int) -> bool:
        if self._finger is None or self.target is None:
            return True
        opening, speed = pos[self._finger], abs(vel[self._finger])
        if self.target.gripper[robot] > 0:
            return bool(opening >= self.config.finger_open_min_m)
        return bool(
            opening <= self.config.finger_closed_max_m and speed <= self.config.finger_still_m_s
        )
