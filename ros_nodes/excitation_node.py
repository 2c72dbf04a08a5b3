"""``excitation_node``: plays an excitation trajectory through the safety layer (lifecycle node).

configure: load the NPZ (``trajectory_path``) and build the safety layer over the Panda's joint
limits (tightened by ``safety.*``). activate: once ``joint_states`` cover every joint; the
trajectory starts, faded in from the measured pose; joints it does not excite hold their measured
position. Publishes ``joint_commands`` at the trajectory's rate and ``excitation_status`` (JSON:
``progress``, ``done``, ``safety``). deactivate holds the measured pose.

Time is the node's ROS clock: with ``use_sim_time`` (the sim robot publishing ``/clock``) the
trajectory is played in simulated time, each command computed and stamped at a tick of that
clock, so the recording does not depend on the machine's load.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
from rclpy.publisher import Publisher
from rclpy.timer import Timer
from sensor_msgs.msg import JointState
from std_msgs.msg import String

from skillbridge.contract import ContractError, RobotState
from skillbridge.policies.safety import SafetyConfig, SafetyLayer
from skillbridge.ros_nodes.drivers import DriverInterface
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.excitation import (
    PANDA_JOINTS,
    PANDA_LOWER,
    PANDA_UPPER,
    ExcitationTrajectory,
)
from skillbridge.ros_nodes.lifecycle import ManagedNode
from skillbridge.ros_nodes.messages import (
    command_msg,
    command_type,
    joint_state_to_robot_state,
    json_msg,
    ns_to_stamp,
)
from skillbridge.ros_nodes.params import declare_config, lock_while_configured, read_config
from skillbridge.ros_nodes.process import run_nodes


@dataclasses.dataclass(frozen=True)
class ExcitationNodeConfig:
    """Parameters of the excitation player."""

    trajectory_path: str = "excitation.npz"
    rate_hz: float = 0.0
    """Command rate; 0: the trajectory's own rate."""
    autostart: bool = False
    joint_states_topic: str = "joint_states"
    joint_commands_topic: str = "joint_commands"
    status_topic: str = "excitation_status"
    driver_joint_names: tuple[str, ...] = ()
    """The driver's name of each Panda joint (panda_joint1..7, panda_finger_joint1), in that
    order; empty: the driver uses these names. As the policy node's."""
    command_joints: tuple[str, ...] = ()
    """Driver joints the command carries, in the controller's order; empty: all."""
    command_output: str = "joint_state"
    """``joint_state``, ``forward_command`` or ``joint_trajectory`` (see the policy node)."""


class ExcitationNode(ManagedNode):
    """See the module docstring."""

    def __init__(self, name: str = "excitation", **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.config = declare_config(self, ExcitationNodeConfig)
        declare_config(self, SafetyConfig, "safety.")
        lock_while_configured(self, "safety.", lambda: self.safety is not None)
        self.trajectory: ExcitationTrajectory | None = None
        self.safety: SafetyLayer | None = None
        self._state: RobotState | None = None
        self._state_time = 0.0
        self._start_ns = 0
        self._hold = np.zeros(len(PANDA_JOINTS))
        self._columns = np.zeros(0, dtype=int)
        self._timer: Timer | None = None
        self._last_tick_ns = -1
        self.repeated_ticks = 0
        """Timer calls at a clock reading already commanded (dropped: one command per instant)."""
        self.progress = 0.0
        # readings arrive before configure: rename them from the start
        self.driver = DriverInterface.make(PANDA_JOINTS, self.config.driver_joint_names)
        self._cmd_pub: Publisher[Any] | None = None
        self._status_pub = self.create_publisher(String, self.config.status_topic, 10)
        self.create_subscription(JointState, self.config.joint_states_topic, self._on_state, 10)
        self.create_timer(0.5, self._publish_status)
        if self.config.autostart:
            self.start_autostart()

    def configure(self) -> None:
        self.config = read_config(self, ExcitationNodeConfig)
        trajectory = ExcitationTrajectory.load(self.config.trajectory_path)
        unknown = [n for n in trajectory.joint_names if n not in PANDA_JOINTS]
        if unknown:
            raise RosNodeError(f"trajectory joints {unknown} are not Panda joints {PANDA_JOINTS}")
        rate = self.config.rate_hz or trajectory.rate_hz
        safety_config = read_config(self, SafetyConfig, "safety.")
        self.safety = SafetyLayer(
            PANDA_JOINTS, PANDA_LOWER, PANDA_UPPER, 1.0 / rate, safety_config
        )
        outside = (trajectory.targets_rad < self.safety.lower[self._index(trajectory)]) | (
            trajectory.targets_rad > self.safety.upper[self._index(trajectory)]
        )
        if outside.any():
            joints = sorted({trajectory.joint_names[j] for j in np.flatnonzero(outside.any(0))})
            self.get_logger().warning(f"targets of {joints} exceed the limits: they are clipped")
        self.driver = DriverInterface.make(
            PANDA_JOINTS,
            self.config.driver_joint_names,
            self.config.command_joints,
            self.config.command_output,
            1.0 / rate,
        )
        self._cmd_pub = self.create_publisher(
            command_type(self.driver.output), self.config.joint_commands_topic, 10
        )
        self.trajectory = trajectory
        self._columns = self._index(trajectory)
        self.get_logger().info(
            f"excitation {self.config.trajectory_path}: {trajectory.duration_s:.1f} s of "
            f"{list(trajectory.joint_names)} at {rate:g} Hz"
        )

    @staticmethod
    def _index(trajectory: ExcitationTrajectory) -> np.ndarray:
        return np.array([PANDA_JOINTS.index(n) for n in trajectory.joint_names])

    def activate(self) -> None:
        if self.safety is None or self.trajectory is None:
            raise RosNodeError("not configured")
        now_ns = self._now_ns()
        if self._state is None or now_ns / 1e9 - self._state_time > 0.5:
            raise RosNodeError(f"no recent {self.config.joint_states_topic}; is the robot up?")
        try:
            pos, _ = self._state.select(PANDA_JOINTS)
        except ContractError as exc:
            raise RosNodeError(str(exc)) from exc
        self.safety.activate(pos, now_ns / 1e9)
        self._hold = np.asarray(pos, dtype=np.float64).copy()
        # the trajectory starts after the fade-in
        self._start_ns = now_ns + int(round(self.safety.config.fade_in_s * 1e9))
        self.progress = 0.0
        self._last_tick_ns = -1
        self._timer = self.create_timer(self.safety.period_s, self._tick)

    def deactivate(self) -> None:
        if self._timer is not None:
            self.destroy_timer(self._timer)
            self._timer = None
        if self.safety is not None and self._state is not None:
            pos, _ = self._state.select(PANDA_JOINTS)
            if np.all(np.isfinite(pos)):
                held = np.clip(pos, self.safety.lower, self.safety.upper)
                self._publish(held)
            self.safety.deactivate()

    def cleanup(self) -> None:
        if self._cmd_pub is not None:
            self.destroy_publisher(self._cmd_pub)
        self.trajectory, self.safety, self._cmd_pub = None, None, None

    def _on_state(self, msg: JointState) -> None:
        try:
            state = self.driver.to_contract(joint_state_to_robot_state(msg))
        except RosNodeError as exc:
            self.get_logger().error(str(exc))
            return
        self._state, self._state_time = state, self._now_ns() / 1e9
        if self.safety is not None and all(n in state.joint_names for n in PANDA_JOINTS):
            self.safety.note_state(self._state_time)

    def _tick(self) -> None:
        assert self.safety is not None and self.trajectory is not None
        now_ns = self._now_ns()
        if now_ns <= self._last_tick_ns:
            # the executor called the timer again at an instant (or a clock that went back):
            # a second command stamped the same would make the recording ambiguous
            self.repeated_ticks += 1
            if self.repeated_ticks == 1:
                self.get_logger().warning(f"timer called again at {now_ns / 1e9:.4f} s: dropped")
            return
        self._last_tick_ns = now_ns
        proposed = self._hold.copy()
        elapsed = max(0, now_ns - self._start_ns) / 1e9  # exact on ticks of a simulated clock
        proposed[self._columns] = self.trajectory.sample(elapsed)
        self.progress = min(1.0, elapsed / max(self.trajectory.duration_s, 1e-9))
        out = self.safety.filter(proposed, now_ns / 1e9)
        self._publish(out.targets, now_ns)
        if out.deactivate:
            self.get_logger().error("joint_states stale: deactivating")
            self.trigger_deactivate()

    def _now_ns(self) -> int:
        return self.get_clock().now().nanoseconds

    def _publish(self, targets: np.ndarray, now_ns: int | None = None) -> None:
        """Publish targets stamped ``now_ns`` (the tick's clock reading; default: now)."""
        assert self._cmd_pub is not None
        stamp = ns_to_stamp(self._now_ns() if now_ns is None else now_ns)
        self._cmd_pub.publish(command_msg(self.driver, targets, stamp))

    def _publish_status(self) -> None:
        progress = self.progress
        self._status_pub.publish(
            json_msg(
                {
                    "lifecycle": self.lifecycle_state,
                    "progress": progress,
                    "done": progress >= 1.0,
                    "repeated_ticks": self.repeated_ticks,
                    "safety": "inactive" if self.safety is None else str(self.safety.mode),
                    "errors": [self.last_error] if self.last_error else [],
                }
            )
        )


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge excitation_node``."""
    run_nodes(lambda: [ExcitationNode()], args)


if __name__ == "__main__":
    main()
