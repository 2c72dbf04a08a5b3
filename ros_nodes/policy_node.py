"""``policy_node``: the exported motion policy behind the safety layer, as a lifecycle node.

configure: load the ONNX file, check its contract and verification report, validate parameters.
activate: only once ``joint_states`` cover every contract joint; start the control timer.
deactivate: stop the timer and hold the measured pose. Joints are always matched by name.

Holds (ISO 13850: resetting an e-stop never restarts motion by itself): ``estop`` latches and the
last safe target is repeated; ``reset_estop`` clears the latch but the arm keeps holding where it
is; ``hold`` (an operator's stop) holds it there without a latch. Holding repeats the last safe
target, the servo's equilibrium at the arm's measured pose (commanding the measured pose itself
would let a position servo sag by its steady-state error at every hold). While held or latched
no ``skill_command`` starts (each is refused and reported, never queued); only ``release_hold``
resumes, fading in from the held target, with no motion running.

Topics (relative): ``joint_states`` (in), ``skill_command`` (in, a language motion as JSON),
``joint_commands`` (out, in the driver's interface: JointState with names, a forward command
controller's Float64MultiArray, or a one-point JointTrajectory; a JointState's ``header.stamp``
is the stamp of the reading the targets were computed from), ``skill_status`` (out, JSON),
``/diagnostics``. Joints are the driver's (``driver_joint_names``) on the wire and the
contract's inside.
Services (std_srvs/Trigger): ``estop`` (latches), ``reset_estop``, ``hold``, ``release_hold``.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import numpy as np
from builtin_interfaces.msg import Time
from diagnostic_msgs.msg import DiagnosticArray
from rclpy.publisher import Publisher
from rclpy.subscription import Subscription
from rclpy.timer import Timer
from sensor_msgs.msg import JointState
from std_msgs.msg import String
from std_srvs.srv import Trigger

from skillbridge.contract import ContractError, NonFiniteObservationError, RobotState
from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.runtime import NonFiniteActionError, PolicyRuntime
from skillbridge.policies.safety import SafetyConfig, SafetyError, SafetyLayer
from skillbridge.ros_nodes.diagnostics import clip_text, policy_diagnostics
from skillbridge.ros_nodes.drivers import DriverInterface
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.lifecycle import ManagedNode
from skillbridge.ros_nodes.messages import (
    command_msg,
    command_type,
    joint_state_to_robot_state,
    json_msg,
)
from skillbridge.ros_nodes.params import declare_config, lock_while_configured, read_config
from skillbridge.ros_nodes.process import run_nodes
from skillbridge.ros_nodes.realtime import check_priority, set_process_priority
from skillbridge.ros_nodes.timing import PeriodTracker, RollingSamples

TRIGGERS = ("timer", "joint_states")


@dataclasses.dataclass(frozen=True)
class PolicyNodeConfig:
    """Parameters of the policy node (the safety layer's are under ``safety.``)."""

    policy_path: str = "models/motion.onnx"
    allow_unverified: bool = False
    """Run a file without a matching, passing ``skillbridge verify`` report (never on a robot)."""
    rate_hz: float = 0.0
    """Control rate; 0 uses the contract's control period (override only for benchmarks)."""
    trigger: str = "timer"
    """``timer``: tick at ``rate_hz``; ``joint_states``: tick on every complete reading."""
    realtime_priority: int = 0
    """1..99: configure puts this process (executor and DDS threads) under SCHED_FIFO at this
    priority, as ros2_control does for its update loop, so other processes no longer preempt
    a tick; needs root or an rtprio limit. 0: the default scheduler."""
    driver_joint_names: tuple[str, ...] = ()
    """The driver's name of each contract joint, in contract order (franka_ros2:
    ``fr3_joint1`` ...); empty: the driver uses the contract's names."""
    command_joints: tuple[str, ...] = ()
    """Driver joints the command carries, in the controller's joint order; empty: all, in
    contract order (e.g. the seven arm joints for an arm controller, the gripper elsewhere)."""
    command_output: str = "joint_state"
    """``joint_state`` (sensor_msgs/JointState with names), ``forward_command``
    (std_msgs/Float64MultiArray for a forward_command_controller) or ``joint_trajectory``
    (trajectory_msgs/JointTrajectory for a joint_trajectory_controller, one point per tick)."""
    status_rate_hz: float = 20.0
    diagnostics_period_s: float = 1.0
    autostart: bool = False
    """Configure and activate by itself (no lifecycle manager needed)."""
    joint_states_topic: str = "joint_states"
    joint_commands_topic: str = "joint_commands"
    skill_command_topic: str = "skill_command"
    skill_status_topic: str = "skill_status"
    diagnostics_topic: str = "/diagnostics"

    def check(self) -> None:
        if self.trigger not in TRIGGERS:
            raise RosNodeError(f"trigger {self.trigger!r} is unknown; valid: {list(TRIGGERS)}")
        if not np.isfinite(self.rate_hz) or self.rate_hz < 0:
            raise RosNodeError(f"rate_hz must be >= 0 (0: the contract's), got {self.rate_hz}")
        check_priority(self.realtime_priority)
        if self.status_rate_hz <= 0 or self.diagnostics_period_s <= 0:
            raise RosNodeError("status_rate_hz and diagnostics_period_s must be positive")
        if not self.policy_path:
            raise RosNodeError("policy_path is empty; set it to an exported .onnx file")


class PolicyNode(ManagedNode):
    """See the module docstring."""

    def __init__(self, name: str = "policy_node", **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.config = declare_config(self, PolicyNodeConfig)
        declare_config(self, SafetyConfig, "safety.")
        lock_while_configured(self, "safety.", lambda: self.safety is not None)
        self.runtime: PolicyRuntime | None = None
        self.safety: SafetyLayer | None = None
        self.driver: DriverInterface | None = None
        self._estop_reason = ""
        self._state: RobotState | None = None
        self._state_msg: JointState | None = None
        """The reading ``_state`` was converted from (its stamp goes on the commands)."""
        self._state_time = 0.0
        self._pending: LanguageMotion | None = None
        self._holding = False
        """Held (after a stop or an e-stop reset) until ``release_hold``."""
        self._held: np.ndarray | None = None
        """The pose (contract order) every tick sends while held (set at the first tick when
        the hold began before the node was active)."""
        self._errors: list[str] = []
        self._hold_reasons: tuple[str, ...] = ()
        self._timer: Timer | None = None
        self._last_tick_s = 0.0
        self._subs: list[Subscription[Any]] = []
        self.periods = PeriodTracker()
        self.inference_s = RollingSamples()
        self.obs_age_s = RollingSamples()
        self.ticks = 0
        self._status_pub = self.create_publisher(String, self.config.skill_status_topic, 10)
        self._diag_pub = self.create_publisher(DiagnosticArray, self.config.diagnostics_topic, 10)
        self._cmd_pub: Publisher[Any] | None = None
        self.create_service(Trigger, "estop", self._on_estop)
        self.create_service(Trigger, "reset_estop", self._on_reset_estop)
        self.create_service(Trigger, "hold", self._on_hold)
        self.create_service(Trigger, "release_hold", self._on_release_hold)
        self.create_timer(1.0 / self.config.status_rate_hz, self.publish_status)
        self.create_timer(self.config.diagnostics_period_s, self._publish_diagnostics)
        if self.config.autostart:
            self.start_autostart()

    # --- lifecycle ----------------------------------------------------------------------------
    def configure(self) -> None:
        self.config = read_config(self, PolicyNodeConfig)
        self.config.check()
        safety_config = read_config(self, SafetyConfig, "safety.")
        runtime = PolicyRuntime(
            self.config.policy_path, allow_unverified=self.config.allow_unverified
        )
        period = 1.0 / self.config.rate_hz if self.config.rate_hz > 0 else None
        safety = SafetyLayer.from_spec(runtime.spec, safety_config, period)
        driver = DriverInterface.make(
            runtime.spec.joint_names,
            self.config.driver_joint_names,
            self.config.command_joints,
            self.config.command_output,
            safety.period_s,
        )
        if self.config.realtime_priority > 0:  # the last step that can fail
            threads = set_process_priority(self.config.realtime_priority)
            self.get_logger().info(
                f"SCHED_FIFO priority {self.config.realtime_priority} for {threads} threads"
            )
        if self._estop_reason:
            safety.estop(self._estop_reason)
        self.runtime, self.safety, self.driver = runtime, safety, driver
        self._cmd_pub = self.create_publisher(
            command_type(driver.output), self.config.joint_commands_topic, 10
        )
        for note in self.safety.notes:
            self.get_logger().warning(f"safety limits: {note}")
        self.get_logger().info(
            f"safety limits in force: position {np.round(safety.lower, 4).tolist()} .. "
            f"{np.round(safety.upper, 4).tolist()}, step {np.round(safety.max_step, 5).tolist()} "
            f"per {safety.period_s * 1e3:.1f} ms"
        )
        if not runtime.verification.ok:
            self.get_logger().warning(
                f"running an UNVERIFIED policy: {runtime.verification.reason}"
            )
        self._subs = [
            self.create_subscription(
                JointState, self.config.joint_states_topic, self._on_joint_states, 10
            ),
            self.create_subscription(
                String, self.config.skill_command_topic, self._on_skill_command, 10
            ),
        ]
        self.get_logger().info(
            f"loaded {self.config.policy_path} ({runtime.verification.reason}); driver joints "
            f"{list(driver.driver_names)}; commands: {driver.output} of "
            f"{list(driver.command_joints)}; control period {self.safety.period_s * 1e3:.1f} ms"
        )

    def activate(self) -> None:
        runtime, safety = self._require_configured()
        state = self._state
        if state is None:
            raise RosNodeError(
                f"no {self.config.joint_states_topic} received yet; waiting for a reading of "
                f"{list(self.driver.driver_names if self.driver else runtime.spec.joint_names)}"
            )
        missing = [n for n in runtime.spec.joint_names if n not in state.joint_names]
        if missing:
            raise RosNodeError(
                f"{self.config.joint_states_topic} lacks contract joints {missing} (it has "
                f"{list(state.joint_names)}); check the driver's joint names against the policy "
                "(parameter driver_joint_names)"
            )
        now = time.monotonic()
        if now - self._state_time > safety.config.deactivate_after_s:
            raise RosNodeError(
                f"the newest {self.config.joint_states_topic} is {now - self._state_time:.2f} s "
                "old; is the driver publishing?"
            )
        pos, _ = runtime.measured(state)
        safety.activate(pos[0], now)
        runtime.reset(state, now)
        if self._pending is not None:
            runtime.set_motion(self._pending, state, now)
            self._pending = None
        self.periods.reset()
        if self.config.trigger == "timer":
            self._timer = self.create_timer(safety.period_s, self.tick)

    def deactivate(self) -> None:
        if self._timer is not None:
            self.destroy_timer(self._timer)
        self._timer = None
        self._pending = None  # a motion sent while inactive never starts by itself later
        if self.safety is not None and self.runtime is not None and self._state is not None:
            self._hold_measured()
            self.safety.deactivate()

    def cleanup(self) -> None:
        if self.config.realtime_priority > 0:
            set_process_priority(0)
        for sub in self._subs:
            self.destroy_subscription(sub)
        self._subs = []
        if self._cmd_pub is not None:
            self.destroy_publisher(self._cmd_pub)
        self.runtime, self.safety, self.driver, self._cmd_pub = None, None, None, None
        self._state, self._state_msg = None, None

    def _require_configured(self) -> tuple[PolicyRuntime, SafetyLayer]:
        if self.runtime is None or self.safety is None:
            raise RosNodeError("not configured; configure the node first")
        return self.runtime, self.safety

    def _hold_measured(self) -> None:
        """Send the measured pose (within limits) as the target: the robot stays where it is."""
        assert self.safety is not None and self.runtime is not None and self._state is not None
        try:
            pos = self.runtime.measured(self._state)[0][0]
        except ContractError:
            pos = None
        if pos is None or not np.all(np.isfinite(pos)):
            target = self.safety.last_target
        else:
            target = np.clip(pos, self.safety.lower, self.safety.upper)
        if target is not None:
            self._publish_targets(target)

    # --- inputs -------------------------------------------------------------------------------
    def _on_joint_states(self, msg: JointState) -> None:
        try:
            state = joint_state_to_robot_state(msg)
            if self.driver is not None:
                state = self.driver.to_contract(state)
        except RosNodeError as exc:
            self._error(str(exc))
            return
        now = time.monotonic()
        self._state, self._state_msg, self._state_time = state, msg, now
        if self.runtime is None or self.safety is None:
            return
        # The tick holds on such a reading (bad_state, nonfinite_observation); these errors say
        # on skill_status and /diagnostics which topic sent what, not only that it held. Every
        # reading is checked here, not in the tick: under the timer trigger a valid reading may
        # replace a bad one before the next tick, and the bad one must still be reported.
        topic = self.config.joint_states_topic
        missing = [n for n in self.runtime.spec.joint_names if n not in state.joint_names]
        if missing:
            self._error(
                f"{topic} lacks contract joints {missing} (it has {list(state.joint_names)}); "
                "holding: check driver_joint_names"
            )
            return
        pos, vel = self.runtime.measured(state)
        if not (np.all(np.isfinite(pos)) and np.all(np.isfinite(vel))):
            self._error(f"{topic} has non-finite positions or velocities; holding")
        self.safety.note_state(now)
        if self.lifecycle_state == "active" and self.config.trigger == "joint_states":
            self.tick()

    def _on_skill_command(self, msg: String) -> None:
        try:
            motion = LanguageMotion.from_json(msg.data)
        except ContractError as exc:
            self._error(f"{self.config.skill_command_topic} rejected: {exc}")
            return
        except (TypeError, ValueError) as exc:  # e.g. a list as the motion's name
            self._error(
                f"{self.config.skill_command_topic} rejected: not a language motion ({exc}): "
                f"{clip_text(msg.data, 80)}"
            )
            return
        blocked = self._blocked()
        if blocked:
            if motion.motion != "stop":  # a stop while holding is what already happens
                self._error(f"skill_command {motion.describe()} refused: {blocked}; not queued")
                self.publish_status()
            return
        if self.lifecycle_state != "active" or self.runtime is None or self._state is None:
            self._pending = motion
            return
        try:
            self.runtime.set_motion(motion, self._state, time.monotonic())
        except ContractError as exc:
            self._error(f"skill_command {motion.describe()} not started: {exc}")
        self.publish_status()

    def _on_estop(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        self._estop_reason = "estop service"
        self._pending = None
        if self.safety is not None:
            self.safety.estop(self._estop_reason)
        self.get_logger().warning("E-STOP latched: holding the last safe target")
        response.success, response.message = True, "e-stop latched; call reset_estop to clear"
        self.publish_status()
        return response

    def _on_reset_estop(
        self, request: Trigger.Request, response: Trigger.Response
    ) -> Trigger.Response:
        try:
            target = self._hold_target()
            if self.safety is not None:
                self.safety.reset_estop(target, time.monotonic())
        except (ContractError, SafetyError) as exc:
            response.success, response.message = False, f"cannot reset: {exc}"
            return response
        self._estop_reason = ""
        self._hold(target)
        response.success, response.message = (
            True,
            "e-stop cleared; the arm holds where it is until release_hold (/resume)",
        )
        self.get_logger().info(response.message)
        self.publish_status()
        return response

    def _on_hold(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        try:
            self._hold(self._hold_target())
        except ContractError as exc:
            response.success, response.message = False, f"cannot hold: {exc}"
            return response
        response.success, response.message = True, "holding where the arm is until release_hold"
        self.get_logger().warning(response.message)
        self.publish_status()
        return response

    def _on_release_hold(
        self, request: Trigger.Request, response: Trigger.Response
    ) -> Trigger.Response:
        runtime, safety, state = self.runtime, self.safety, self._state
        if self._estop_reason:
            response.success, response.message = False, "e-stop latched: reset it first"
        elif runtime is None or safety is None or state is None:
            response.success, response.message = False, "not configured or no joint_states yet"
        else:
            now = time.monotonic()
            start = self._held if self._held is not None else runtime.measured(state)[0][0]
            if self.lifecycle_state == "active":
                safety.activate(start, now)  # fades in from the held target
            runtime.reset(state, now)  # no motion runs: the next skill_command starts one
            self._holding, self._held = False, None
            response.success, response.message = True, "released: the policy holds the tool"
            self.get_logger().info(response.message)
        self.publish_status()
        return response

    def _hold_target(self) -> np.ndarray | None:
        """Where a hold keeps the arm: the last safe target, else (never active) the measured
        pose of the policy joints; None before any reading."""
        if self.safety is not None and self.safety.last_target is not None:
            return self.safety.last_target
        if self.runtime is None or self._state is None:
            return None
        measured: np.ndarray = self.runtime.measured(self._state)[0][0]
        return measured

    def _hold(self, target: np.ndarray | None) -> None:
        """Send ``target`` every tick until ``release_hold``; running and queued motions are
        dropped."""
        self._holding = True
        if target is not None and self.safety is not None:
            self._held = np.clip(target, self.safety.lower, self.safety.upper)
        self._pending = None

    def _blocked(self) -> str:
        """Why no motion may start now ('' when one may)."""
        if self._estop_reason:
            return "e-stop latched"
        if self._holding:
            return "holding until release_hold (/resume)"
        return ""

    # --- the control tick ---------------------------------------------------------------------
    def tick(self) -> None:
        """Observation -> onnxruntime (action and targets) -> safety layer -> joint_commands."""
        runtime, safety, state = self.runtime, self.safety, self._state
        if runtime is None or safety is None or state is None:
            return
        if self.lifecycle_state != "active":  # a tick already queued when deactivate ran
            return
        now = time.monotonic()
        proposed, fault = None, None
        if self._holding and self._held is None:
            self._held = safety.last_target  # held since before activation: where it is now
        try:
            proposed = self._held if self._holding else runtime.step(state)[0]
        except NonFiniteObservationError:
            fault = "nonfinite_observation"
        except NonFiniteActionError:
            fault = "nonfinite_action"
        except ContractError as exc:
            fault = "bad_state"
            self._error(str(exc))
        out = safety.filter(proposed, now, fault)
        assert self._state_msg is not None
        self._publish_targets(out.targets, self._state_msg.header.stamp)
        self._hold_reasons = out.reasons
        self.periods.tick(now)
        self.obs_age_s.add(now - self._state_time)
        self.inference_s.add(runtime.last_inference_s)
        self.ticks += 1
        self._last_tick_s = now
        if out.deactivate:
            self._error(
                f"{self.config.joint_states_topic} stale for {safety.state_age_s(now):.2f} s "
                f"(> {safety.config.deactivate_after_s} s): deactivating"
            )
            self.trigger_deactivate()
            self.publish_status()

    def _publish_targets(self, targets: np.ndarray, stamp: Time | None = None) -> None:
        assert self.driver is not None and self._cmd_pub is not None
        stamp = stamp if stamp is not None else self.get_clock().now().to_msg()
        self._cmd_pub.publish(command_msg(self.driver, targets, stamp))

    # --- reporting ----------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        message = clip_text(message, 400)  # a malformed message may carry megabytes of text
        if not self._errors or self._errors[-1] != message:
            self.get_logger().error(message)
        self._errors = [*self._errors[-4:], message]

    def status(self) -> dict[str, Any]:
        """The ``skill_status`` object (see docs/ros.md)."""
        out: dict[str, Any] = {
            "node": self.get_name(),
            "lifecycle": self.lifecycle_state,
            "motion": None,
            "sequence": 0,
            "done": False,
            "outcome": "idle",
            "safety": "inactive" if self.safety is None else str(self.safety.mode),
            "estop": bool(self._estop_reason),
            "held": self._holding,
            "hold_reasons": list(self._hold_reasons),
            "errors": [*self._errors, *([self.last_error] if self.last_error else [])],
            "verified": bool(self.runtime and self.runtime.verification.ok),
        }
        if self.runtime is not None and self._state is not None:
            out.update(self.runtime.status(self._state, time.monotonic()).to_dict())
        if self.lifecycle_state != "active":
            out["done"] = False
        return out

    def publish_status(self) -> None:
        self._status_pub.publish(json_msg(self.status()))

    def _publish_diagnostics(self) -> None:
        now = time.monotonic()
        age = self.safety.state_age_s(now) if self.safety is not None else float("inf")
        array = policy_diagnostics(self, age)
        array.header.stamp = self.get_clock().now().to_msg()
        self._diag_pub.publish(array)


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge policy_node``."""
    run_nodes(lambda: [PolicyNode()], args)


if __name__ == "__main__":
    main()
