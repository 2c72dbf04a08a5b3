"""``sim_robot_node``: the MuJoCo Panda behind the robot's topics, stepped in real time.

Publishes ``joint_states`` (named, reported = true + encoder offset) at ``publish_rate_hz``,
applies ``joint_commands`` by name as servo position targets, publishes the cube and pad poses
(``objects/cube/pose``, ``objects/target_pad/pose``, geometry_msgs/PoseStamped, quaternions xyzw),
optionally ``/clock`` (simulated time, for nodes run with ``use_sim_time``), and serves
``reset_scene`` (std_srvs/Trigger: arm home, cube and pad at ``cube_xy``/``pad_xy`` with the cube
turned by ``cube_yaw_rad``, or random; set the parameters first to place the next episode's).

Clocks (``sim_clock.py``): by default the physics follows the wall clock and a command acts from
the physics step it arrives in. With ``publish_clock`` the node is the clock: every tick advances
exactly one publish period, stamps are simulated time, and with ``lockstep_period_s`` it waits at
each control instant for that instant's command. ``/diagnostics`` reports the achieved real-time
factor, late commands, lockstep waits/timeouts and wall-clock catch-up skips.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np
from diagnostic_msgs.msg import DiagnosticArray
from geometry_msgs.msg import PoseStamped
from rclpy.node import Node
from rosgraph_msgs.msg import Clock
from sensor_msgs.msg import JointState
from std_msgs.msg import Float64MultiArray
from std_srvs.srv import Trigger
from trajectory_msgs.msg import JointTrajectory

from skillbridge.ros_nodes.diagnostics import InputErrors, status_array
from skillbridge.ros_nodes.drivers import DriverInterface
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.messages import (
    command_targets,
    command_type,
    joint_targets_msg,
    ns_to_stamp,
    pose_msg,
    stamp_to_ns,
)
from skillbridge.ros_nodes.params import declare_config, read_config
from skillbridge.ros_nodes.process import run_nodes
from skillbridge.ros_nodes.sim_clock import CommandTiming, LockstepGate, steps_per_period, to_ns
from skillbridge.ros_nodes.sim_robot import SimRobot
from skillbridge.sim.scene import POLICY_JOINTS


@dataclasses.dataclass(frozen=True)
class SimRobotConfig:
    """Parameters of the simulated robot."""

    overrides_path: str = ""
    """A ModelOverrides YAML (calibrated or deliberately different robot); empty: nominal."""
    publish_rate_hz: float = 100.0
    """joint_states rate (a real Panda driver publishes at up to 1 kHz)."""
    object_rate_hz: float = 10.0
    real_time_factor: float = 1.0
    """Simulated seconds per wall second (an upper bound with ``publish_clock``)."""
    max_catch_up_s: float = 0.1
    """Wall clock only: when stepping falls behind by more than this, skip ahead instead of
    racing (counted in ``/diagnostics``)."""
    publish_clock: bool = False
    """Be the clock: step whole publish periods, stamp simulated time, publish ``/clock``; run
    the other nodes with ``use_sim_time``. Load then slows simulated time instead of shifting
    commands in it."""
    lockstep_period_s: float = 0.0
    """With ``publish_clock``: the controller's period (e.g. 0.02 for a 50 Hz excitation). At
    each multiple of it after the first command, wait for the command stamped with that instant
    before stepping on, so every command acts exactly at its stamp; 0: never wait."""
    lockstep_timeout_s: float = 2.0
    """Longest wall-clock wait for one command; then step on (counted) until the next one."""
    diagnostics_period_s: float = 1.0
    seed: int = 0
    randomize_layout: bool = False
    """``reset_scene`` draws cube and pad positions instead of using ``cube_xy``/``pad_xy``."""
    cube_xy: tuple[float, ...] = (0.5, 0.0)
    pad_xy: tuple[float, ...] = (0.5, 0.2)
    cube_yaw_rad: float = 0.0
    """The cube's heading about +z at start-up and ``reset_scene`` (rad)."""
    base_frame: str = "panda_link0"
    joint_states_topic: str = "joint_states"
    joint_commands_topic: str = "joint_commands"
    cube_pose_topic: str = "objects/cube/pose"
    pad_pose_topic: str = "objects/target_pad/pose"
    driver_joint_names: tuple[str, ...] = ()
    """Publish and accept the policy joints under these names, in contract order (stand in
    for a driver that spells them its own way, e.g. ``fr3_joint1``); empty: the contract's."""
    command_input: str = "joint_state"
    """The command interface it stands in for: ``joint_state`` (JointState by name),
    ``forward_command`` (Float64MultiArray of ``command_joints``, a forward_command_controller)
    or ``joint_trajectory`` (a joint_trajectory_controller; the last point is the target)."""
    command_joints: tuple[str, ...] = ()
    """The joints a ``forward_command`` carries, in its order (driver names); empty: all."""

    def check(self) -> None:
        positive = (
            "publish_rate_hz", "object_rate_hz", "real_time_factor", "max_catch_up_s",
            "lockstep_timeout_s", "diagnostics_period_s",
        )  # fmt: skip
        for name in positive:
            if not getattr(self, name) > 0:
                raise RosNodeError(f"{name} must be positive, got {getattr(self, name)}")
        if self.lockstep_period_s < 0 or (self.lockstep_period_s and not self.publish_clock):
            raise RosNodeError(
                f"lockstep_period_s {self.lockstep_period_s}: give 0, or a positive period "
                "together with publish_clock: true (lockstep needs the simulated clock)"
            )
        if self.lockstep_period_s:
            steps_per_period(
                self.lockstep_period_s, 1.0 / self.publish_rate_hz, "lockstep_period_s"
            )
        if len(self.cube_xy) != 2 or len(self.pad_xy) != 2:
            raise RosNodeError("cube_xy and pad_xy take two numbers each: [x, y] in metres")
        if not np.isfinite(self.cube_yaw_rad):
            raise RosNodeError(f"cube_yaw_rad must be finite, got {self.cube_yaw_rad}")


class SimRobotNode(Node):
    """See the module docstring."""

    def __init__(self, name: str = "sim_robot", **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.config = declare_config(self, SimRobotConfig)
        self.config.check()
        cfg = self.config
        if cfg.publish_clock and self.get_parameter("use_sim_time").value:
            raise RosNodeError(
                "the sim robot publishes /clock: run it without use_sim_time (the other nodes "
                "use it)"
            )
        self.driver = DriverInterface.make(
            POLICY_JOINTS, cfg.driver_joint_names, cfg.command_joints, cfg.command_input
        )
        self.robot = SimRobot(cfg.overrides_path, cfg.seed)
        self._published_names = self.driver.driver_names_of(self.robot.joint_names)
        self.robot.reset(cfg.cube_xy, cfg.pad_xy, cube_yaw_rad=cfg.cube_yaw_rad)
        self._dt_ns = to_ns(self.robot.dt_s)
        self._tick_steps = steps_per_period(
            1.0 / cfg.publish_rate_hz, self.robot.dt_s, "the publish period 1/publish_rate_hz"
        )
        self._gate = LockstepGate(to_ns(cfg.lockstep_period_s), cfg.lockstep_timeout_s)
        self.timing = CommandTiming()
        self._skips, self._skipped_s = 0, 0.0
        self._published_steps = -1
        self._warned: set[str] = set()
        self.input_errors = InputErrors()
        """Malformed commands dropped (named by topic), reported on ``/diagnostics``."""
        self._start = time.monotonic()
        self._wall_start, self._sim_start_ns = self._start, self.sim_ns
        self._ros_minus_monotonic_ns = self.get_clock().now().nanoseconds - to_ns(self._start)
        self._js_pub = self.create_publisher(JointState, cfg.joint_states_topic, 10)
        self._cube_pub = self.create_publisher(PoseStamped, cfg.cube_pose_topic, 10)
        self._pad_pub = self.create_publisher(PoseStamped, cfg.pad_pose_topic, 10)
        self._clock_pub = self.create_publisher(Clock, "/clock", 10) if cfg.publish_clock else None
        self._diag_pub = self.create_publisher(DiagnosticArray, "/diagnostics", 10)
        self.create_subscription(
            command_type(cfg.command_input), cfg.joint_commands_topic, self._on_commands, 10
        )
        self.create_service(Trigger, "reset_scene", self._on_reset)
        speed = cfg.real_time_factor if cfg.publish_clock else 1.0
        self.create_timer(1.0 / (cfg.publish_rate_hz * speed), self._on_timer)
        self.create_timer(1.0 / cfg.object_rate_hz, self._publish_objects)
        self.create_timer(cfg.diagnostics_period_s, self._publish_diagnostics)
        src = cfg.overrides_path or "nominal model"
        clock = "simulated time (/clock)" if cfg.publish_clock else "wall clock"
        lockstep = f", lockstep {cfg.lockstep_period_s:g} s" if cfg.lockstep_period_s else ""
        self.get_logger().info(
            f"simulated Panda ({src}) publishing {cfg.joint_states_topic} at "
            f"{cfg.publish_rate_hz:.0f} Hz on {clock}{lockstep}"
        )

    @property
    def sim_ns(self) -> int:
        """Simulated time, integer nanoseconds (exact multiples of the physics step)."""
        return self.robot.steps * self._dt_ns

    def _stamp(self):
        """Stamp of the physics state: simulated time when this node is the clock, else the
        (ROS) wall time the physics has reached, which lags the call by under one step."""
        return ns_to_stamp(self.sim_ns if self.config.publish_clock else self._physics_wall_ns())

    def _physics_wall_ns(self) -> int:
        mono = self._start + self.robot.time_s / self.config.real_time_factor
        return self._ros_minus_monotonic_ns + to_ns(mono)

    def _on_commands(self, msg: JointState | Float64MultiArray | JointTrajectory) -> None:
        topic = self.config.joint_commands_topic
        try:
            names, positions = command_targets(self.driver, msg)
        except RosNodeError as exc:
            self._reject(topic, str(exc))
            return
        if not np.all(np.isfinite(positions)):  # like a servo drive: never take a NaN target
            bad = [n for n, v in zip(names, positions, strict=True) if not np.isfinite(v)]
            self._reject(topic, f"non-finite targets for {bad}; the command is ignored")
            return
        # a stamp-less command (forward_command; a trajectory's "start now") is for the present
        header = getattr(msg, "header", None)
        stamp_ns = stamp_to_ns(header.stamp) if header is not None else 0
        if self.config.publish_clock:
            stamp_ns = stamp_ns or self.sim_ns
            self.timing.note(stamp_ns, self.sim_ns)
            self._gate.on_command(stamp_ns)
        else:
            self._advance(round_up=True)  # the command acts from its arrival, not before
            now_ns = self._physics_wall_ns()
            self.timing.note(stamp_ns or now_ns, now_ns)
        contract_names = self.driver.contract_names_of(names)
        unknown = set(self.robot.set_targets(contract_names, positions)) - self._warned
        if unknown:
            self._warned |= unknown
            self._reject(
                topic, f"ignoring targets for unknown or non-commandable joints {unknown}"
            )

    def _reject(self, topic: str, problem: str) -> None:
        """Log a dropped input once and keep it for ``/diagnostics``."""
        message = self.input_errors.add(topic, problem)
        if message is not None:
            self.get_logger().error(f"ignored {message}")

    def _on_timer(self) -> None:
        if self.config.publish_clock:
            if not self._gate.may_advance(self.sim_ns, time.monotonic()):
                # waiting for this control instant's command; repeat the clock in case the
                # controller missed it (/clock subscriptions are best effort)
                assert self._clock_pub is not None  # publish_clock made it
                self._clock_pub.publish(Clock(clock=self._stamp()))
                return
            self._step(self._tick_steps)
        else:
            self._advance()
            if self.robot.steps == self._published_steps:
                return  # the physics has not moved since the last reading: no duplicate stamp
        self._published_steps = self.robot.steps
        pos, vel = self.robot.readings()
        stamp = self._stamp()
        self._js_pub.publish(joint_targets_msg(self._published_names, pos, stamp, vel))
        if self._clock_pub is not None:
            self._clock_pub.publish(Clock(clock=stamp))

    def _advance(self, round_up: bool = False) -> None:
        """Wall clock: step the physics up to the wall clock (times the real-time factor), to the
        last whole step before it or, with ``round_up``, to the first one after it."""
        wanted = (time.monotonic() - self._start) * self.config.real_time_factor
        behind = wanted - self.robot.time_s
        if behind > self.config.max_catch_up_s:  # e.g. the process was paused: skip ahead
            skipped = behind - self.config.max_catch_up_s
            self._start += skipped / self.config.real_time_factor
            self._skips, self._skipped_s = self._skips + 1, self._skipped_s + skipped
            behind = self.config.max_catch_up_s
        steps = behind / self.robot.dt_s
        self._step(int(np.ceil(steps)) if round_up else int(steps))

    def _step(self, steps: int) -> None:
        if not self.robot.step(steps):
            self.get_logger().error("physics failed (bad accelerations): scene reset")

    def _publish_objects(self) -> None:
        stamp = self._stamp()
        poses = self.robot.object_poses()
        frame = self.config.base_frame
        self._cube_pub.publish(pose_msg(*poses["cube"], frame, stamp))
        self._pad_pub.publish(pose_msg(*poses["target_pad"], frame, stamp))

    def timing_values(self) -> dict[str, object]:
        """Clock and command timing so far (the ``/diagnostics`` values)."""
        wall_s = time.monotonic() - self._wall_start
        sim_s = (self.sim_ns - self._sim_start_ns) / 1e9
        ages = self.timing.ages_s.summary()
        simulated = self.config.publish_clock
        return {
            "clock": "simulated" if simulated else "wall",
            "sim_time_s": round(self.sim_ns / 1e9, 6),
            "real_time_factor": round(sim_s / wall_s, 4) if wall_s > 0 else 0.0,
            "commands": self.timing.commands,
            "late_commands": self.timing.late if simulated else 0,
            "max_late_ms": self.timing.max_late_ns / 1e6 if simulated else 0.0,
            "command_age_p50_ms": ages.p50 * 1e3,
            "command_age_p99_ms": ages.p99 * 1e3,
            "lockstep_waits": self._gate.waits,
            "lockstep_timeouts": self._gate.timeouts,
            "catch_up_skips": self._skips,
            "skipped_s": round(self._skipped_s, 4),
        }

    def _publish_diagnostics(self) -> None:
        values = self.timing_values()
        problems = []
        if self.config.publish_clock and values["late_commands"]:
            problems.append(f"{values['late_commands']} commands applied late")
        if values["lockstep_timeouts"]:
            problems.append(f"{values['lockstep_timeouts']} lockstep timeouts")
        if values["catch_up_skips"]:
            problems.append(f"skipped {values['skipped_s']} s to catch up with the wall clock")
        problems += self.input_errors.recent
        name = f"skillbridge: {self.get_fully_qualified_name()}"
        self._diag_pub.publish(status_array(name, "skillbridge_sim_robot", values, problems))

    def _on_reset(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        try:
            cfg = read_config(self, SimRobotConfig)
            cfg.check()
        except RosNodeError as exc:
            response.success, response.message = False, str(exc)
            return response
        self.robot.reset(
            cfg.cube_xy, cfg.pad_xy, randomize=cfg.randomize_layout, cube_yaw_rad=cfg.cube_yaw_rad
        )
        poses = self.robot.object_poses()
        response.success = True
        response.message = (
            f"scene reset: arm home, cube at {poses['cube'][0][:2].round(3).tolist()}, pad at "
            f"{poses['target_pad'][0][:2].round(3).tolist()}"
        )
        return response


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge sim_robot_node``."""
    run_nodes(lambda: [SimRobotNode()], args)


if __name__ == "__main__":
    main()
