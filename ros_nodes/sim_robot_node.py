"""``sim_robot_node``: the MuJoCo Panda behind the robot's topics, stepped in real time.

Publishes ``joint_states`` (named, reported = true + encoder offset) at ``publish_rate_hz``,
applies ``joint_commands`` by name as servo position targets, publishes the cube and pad poses
(``objects/cube/pose``, ``objects/target_pad/pose``, geometry_msgs/PoseStamped, quaternions xyzw),
optionally ``/clock`` (simulated time, for nodes run with ``use_sim_time``), and serves
``reset_scene`` (std_srvs/Trigger: arm home, cube and pad at ``cube_xy``/``pad_xy`` or random).
"""

from __future__ import annotations

import dataclasses
import time

from geometry_msgs.msg import PoseStamped
from rclpy.node import Node
from rosgraph_msgs.msg import Clock
from sensor_msgs.msg import JointState
from std_srvs.srv import Trigger

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.messages import joint_targets_msg, pose_msg, s_to_stamp
from skillbridge.ros_nodes.params import declare_config, read_config
from skillbridge.ros_nodes.process import run_nodes
from skillbridge.ros_nodes.sim_robot import SimRobot


@dataclasses.dataclass(frozen=True)
class SimRobotConfig:
    """Parameters of the simulated robot."""

    overrides_path: str = ""
    """A ModelOverrides YAML (calibrated or deliberately different robot); empty: nominal."""
    publish_rate_hz: float = 100.0
    """joint_states rate (a real Panda driver publishes at up to 1 kHz)."""
    object_rate_hz: float = 10.0
    real_time_factor: float = 1.0
    max_catch_up_s: float = 0.1
    """When stepping falls behind by more than this, skip ahead instead of racing."""
    publish_clock: bool = False
    seed: int = 0
    randomize_layout: bool = False
    """``reset_scene`` draws cube and pad positions instead of using ``cube_xy``/``pad_xy``."""
    cube_xy: tuple[float, ...] = (0.5, 0.0)
    pad_xy: tuple[float, ...] = (0.5, 0.2)
    base_frame: str = "panda_link0"
    joint_states_topic: str = "joint_states"
    joint_commands_topic: str = "joint_commands"
    cube_pose_topic: str = "objects/cube/pose"
    pad_pose_topic: str = "objects/target_pad/pose"

    def check(self) -> None:
        for name in ("publish_rate_hz", "object_rate_hz", "real_time_factor", "max_catch_up_s"):
            if not getattr(self, name) > 0:
                raise RosNodeError(f"{name} must be positive, got {getattr(self, name)}")
        if len(self.cube_xy) != 2 or len(self.pad_xy) != 2:
            raise RosNodeError("cube_xy and pad_xy take two numbers each: [x, y] in metres")


class SimRobotNode(Node):
    """See the module docstring."""

    def __init__(self, name: str = "sim_robot", **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.config = declare_config(self, SimRobotConfig)
        self.config.check()
        self.robot = SimRobot(self.config.overrides_path, self.config.seed)
        self.robot.reset(self.config.cube_xy, self.config.pad_xy)
        self._warned: set[str] = set()
        self._start = time.monotonic()
        cfg = self.config
        self._js_pub = self.create_publisher(JointState, cfg.joint_states_topic, 10)
        self._cube_pub = self.create_publisher(PoseStamped, cfg.cube_pose_topic, 10)
        self._pad_pub = self.create_publisher(PoseStamped, cfg.pad_pose_topic, 10)
        self._clock_pub = self.create_publisher(Clock, "/clock", 10) if cfg.publish_clock else None
        self.create_subscription(JointState, cfg.joint_commands_topic, self._on_commands, 10)
        self.create_service(Trigger, "reset_scene", self._on_reset)
        self.create_timer(1.0 / cfg.publish_rate_hz, self._on_timer)
        self.create_timer(1.0 / cfg.object_rate_hz, self._publish_objects)
        src = cfg.overrides_path or "nominal model"
        self.get_logger().info(
            f"simulated Panda ({src}) publishing {cfg.joint_states_topic} at "
            f"{cfg.publish_rate_hz:.0f} Hz"
        )

    def _on_commands(self, msg: JointState) -> None:
        if len(msg.position) != len(msg.name):
            self.get_logger().error(
                f"joint_commands with {len(msg.name)} names and {len(msg.position)} positions "
                "ignored"
            )
            return
        unknown = set(self.robot.set_targets(msg.name, msg.position)) - self._warned
        if unknown:
            self._warned |= unknown
            self.get_logger().warning(f"ignoring targets for non-commandable joints {unknown}")

    def _on_timer(self) -> None:
        self._advance()
        pos, vel = self.robot.readings()
        stamp = self.get_clock().now().to_msg()
        self._js_pub.publish(joint_targets_msg(self.robot.joint_names, pos, stamp, vel))
        if self._clock_pub is not None:
            self._clock_pub.publish(Clock(clock=s_to_stamp(self.robot.time_s)))

    def _advance(self) -> None:
        """Step the physics up to the wall clock (times the real-time factor)."""
        wanted = (time.monotonic() - self._start) * self.config.real_time_factor
        behind = wanted - self.robot.time_s
        if behind > self.config.max_catch_up_s:  # e.g. the process was paused: skip ahead
            self._start += (behind - self.config.max_catch_up_s) / self.config.real_time_factor
            behind = self.config.max_catch_up_s
        if not self.robot.step(int(behind / self.robot.dt_s)):
            self.get_logger().error("physics failed (bad accelerations): scene reset")

    def _publish_objects(self) -> None:
        stamp = self.get_clock().now().to_msg()
        poses = self.robot.object_poses()
        frame = self.config.base_frame
        self._cube_pub.publish(pose_msg(*poses["cube"], frame, stamp))
        self._pad_pub.publish(pose_msg(*poses["target_pad"], frame, stamp))

    def _on_reset(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        try:
            cfg = read_config(self, SimRobotConfig)
            cfg.check()
        except RosNodeError as exc:
            response.success, response.message = False, str(exc)
            return response
        self.robot.reset(cfg.cube_xy, cfg.pad_xy, randomize=cfg.randomize_layout)
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
