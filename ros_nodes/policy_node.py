"""``policy_node``: the exported motion policy behind the safety layer, as a lifecycle node.

configure: load the ONNX file, check its contract and verification report, validate parameters.
activate: only once ``joint_states`` cover every contract joint; start the control timer.
deactivate: stop the timer and hold the measured pose. Joints are always matched by name.

Topics (relative): ``joint_states`` (in), ``skill_command`` (in, a language motion as JSON),
``joint_commands`` (out: names + position targets; ``header.stamp`` is the stamp of the reading
the targets were computed from), ``skill_status`` (out, JSON), ``/diagnostics``.
Services: ``estop`` (latches), ``reset_estop`` (std_srvs/Trigger).
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np
from diagnostic_msgs.msg import DiagnosticArray
from sensor_msgs.msg import JointState
from std_msgs.msg import String
from std_srvs.srv import Trigger

from skillbridge.contract import ContractError, NonFiniteObservationError, RobotState
from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.runtime import NonFiniteActionError, PolicyRuntime
from skillbridge.policies.safety import SafetyConfig, SafetyError, SafetyLayer
from skillbridge.ros_nodes.diagnostics import policy_diagnostics
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.lifecycle import ManagedNode
from skillbridge.ros_nodes.messages import (
    JointTargetsMessage,
    joint_state_to_robot_state,
    json_msg,
)
from skillbridge.ros_nodes.params import declare_config, read_config
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
    prewarm_s: float = 0.0015
    """Before each expected tick, run the control path once without acting and then poll for
    the tick instead of sleeping, from this long before it (0 disables). On a shared CPU a
    tick after 10 ms of idle runs ~8x slower than back to back (caches and predictors taken by
    other work); this buys most of that back for about 2 * prewarm_s of CPU per period."""
    realtime_priority: int = 0
    """1..99: configure puts this process (executor and DDS threads) under SCHED_FIFO at this
    priority, as ros2_control does for its update loop, so other processes no longer preempt
    a tick; needs root or an rtprio limit. 0: the default scheduler."""
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
        if not np.isfinite(self.prewarm_s) or self.prewarm_s < 0:
            raise RosNodeError(f"prewarm_s must be >= 0 (0 disables), got {self.prewarm_s}")
        check_priority(self.realtime_priority)
        if self.status_rate_hz <= 0 or self.diagnostics_period_s <= 0:
            raise RosNodeError("status_rate_hz and diagnostics_period_s must be positive")
        if not self.policy_path:
            raise RosNodeError("policy_path is empty; set it to an exported .onnx file")


class PolicyNode(ManagedNode):
    """See the module docstring."""

    def __init__(self, name: str = "policy_node", **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.config = declare_config(self, PolicyNodeConfig)
        declare_config(self, SafetyConfig, "safety.")
        self.runtime: PolicyRuntime | None = None
        self.safety: SafetyLayer | None = None
        self._estop_reason = ""
        self._state: RobotState | None = None
        self._state_msg: JointState | None = None
        """The reading ``_state`` was converted from (its stamp goes on the commands)."""
        self._state_time = 0.0
        self._pending: LanguageMotion | None = None
        self._errors: list[str] = []
        self._hold_reasons: tuple[str, ...] = ()
        self._timer = None
        self._warm_timer = None
        self._tick_interval_s = 0.0
        self._last_tick_s = 0.0
        self._expected_tick_s = 0.0
        self.busy_poll_until = 0.0
        """Monotonic time until which the process loop polls instead of sleeping."""
        self.prewarm_hits = 0
        """Ticks that started inside their warm-up's polling window."""
        self._subs: list = []
        self.periods = PeriodTracker()
        self.inference_s = RollingSamples()
        self.obs_age_s = RollingSamples()
        self.ticks = 0
        self._status_pub = self.create_publisher(String, self.config.skill_status_topic, 10)
        self._diag_pub = self.create_publisher(DiagnosticArray, self.config.diagnostics_topic, 10)
        self._cmd_pub = self.create_publisher(JointState, self.config.joint_commands_topic, 10)
        self._command: JointTargetsMessage | None = None
        """The joint_commands message, refilled every tick (built at configure)."""
        self.create_service(Trigger, "estop", self._on_estop)
        self.create_service(Trigger, "reset_estop", self._on_reset_estop)
        # Reports go out right after a tick while the loop runs (never in the way of the next
        # one); these timers cover the times without ticks.
        self._last_status_s = self._last_diagnostics_s = 0.0
        self.create_timer(1.0 / self.config.status_rate_hz, self._status_timer)
        self.create_timer(self.config.diagnostics_period_s, self._diagnostics_timer)
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
        if self.config.realtime_priority > 0:  # the last step that can fail
            threads = set_process_priority(self.config.realtime_priority)
            self.get_logger().info(
                f"SCHED_FIFO priority {self.config.realtime_priority} for {threads} threads"
            )
        if self._estop_reason:
            safety.estop(self._estop_reason)
        self.runtime, self.safety = runtime, safety
        self._command = JointTargetsMessage(runtime.spec.joint_names)
        for note in self.safety.notes:
            self.get_logger().warning(f"safety limits: {note}")
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
            f"loaded {self.config.policy_path} ({runtime.verification.reason}); joints "
            f"{list(runtime.spec.joint_names)}; control period {self.safety.period_s * 1e3:.1f} ms"
        )

    def activate(self) -> None:
        runtime, safety = self._require_configured()
        state = self._state
        if state is None:
            raise RosNodeError(
                f"no {self.config.joint_states_topic} received yet; waiting for a reading of "
                f"{list(runtime.spec.joint_names)}"
            )
        missing = [n for n in runtime.spec.joint_names if n not in state.joint_names]
        if missing:
            raise RosNodeError(
                f"{self.config.joint_states_topic} lacks contract joints {missing} (it has "
                f"{list(state.joint_names)}); check the driver's joint names against the policy"
            )
        now = time.monotonic()
        if now - self._state_time > safety.config.deactivate_after_s:
            raise RosNodeError(
                f"the newest {self.config.joint_states_topic} is {now - self._state_time:.2f} s "
                "old; is the driver publishing?"
            )
        pos, _ = runtime.measured(state)
        safety.activate(pos, now)
        runtime.reset(state, now)
        if self._pending is not None:
            runtime.set_motion(self._pending, state, now)
            self._pending = None
        self.periods.reset()
        if self.config.trigger == "timer":
            self._timer = self.create_timer(safety.period_s, self.tick)

    def deactivate(self) -> None:
        for timer in (self._timer, self._warm_timer):
            if timer is not None:
                self.destroy_timer(timer)
        self._timer = self._warm_timer = None
        self.busy_poll_until = 0.0
        if self.safety is not None and self.runtime is not None and self._state is not None:
            self._hold_measured()
            self.safety.deactivate()

    def cleanup(self) -> None:
        if self.config.realtime_priority > 0:
            set_process_priority(0)
        for sub in self._subs:
            self.destroy_subscription(sub)
        self._subs = []
        self.runtime = None
        self.safety = None
        self._state, self._state_msg = None, None

    def _require_configured(self) -> tuple[PolicyRuntime, SafetyLayer]:
        if self.runtime is None or self.safety is None:
            raise RosNodeError("not configured; configure the node first")
        return self.runtime, self.safety

    def _hold_measured(self) -> None:
        """Send the measured pose (within limits) as the target: the robot stays where it is."""
        assert self.safety is not None and self.runtime is not None and self._state is not None
        try:
            pos, _ = self.runtime.measured(self._state)
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
        except RosNodeError as exc:
            self._error(str(exc))
            return
        now = time.monotonic()
        self._state, self._state_msg, self._state_time = state, msg, now
        if self.runtime is None or self.safety is None:
            return
        if all(n in state.joint_names for n in self.runtime.spec.joint_names):
            self.safety.note_state(now)
            if self.lifecycle_state != "active":
                return
            if self.config.trigger == "joint_states":
                self.tick()
            else:
                # Compute when the reading arrives, act on the clock: the next control tick
                # finds this result (same reading, target and last action) and only filters
                # and publishes it, so its timing no longer depends on a reading's phase.
                self.runtime.warm_up(state)

    def _on_skill_command(self, msg: String) -> None:
        try:
            motion = LanguageMotion.from_json(msg.data)
        except ContractError as exc:
            self._error(f"skill_command rejected: {exc}")
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
        if self.safety is not None:
            self.safety.estop(self._estop_reason)
        self.get_logger().warning("E-STOP latched: holding the last safe target")
        response.success, response.message = True, "e-stop latched; call reset_estop to clear"
        self.publish_status()
        return response

    def _on_reset_estop(
        self, request: Trigger.Request, response: Trigger.Response
    ) -> Trigger.Response:
        pos = None
        if self.runtime is not None and self._state is not None:
            try:
                pos, _ = self.runtime.measured(self._state)
            except ContractError as exc:
                response.success, response.message = False, f"cannot reset: {exc}"
                return response
        try:
            if self.safety is not None:
                self.safety.reset_estop(pos, time.monotonic())
        except SafetyError as exc:
            response.success, response.message = False, f"cannot reset: {exc}"
            return response
        self._estop_reason = ""
        response.success, response.message = (
            True,
            "e-stop cleared; fading in from the measured pose",
        )
        self.get_logger().info(response.message)
        self.publish_status()
        return response

    # --- the control tick ---------------------------------------------------------------------
    def tick(self) -> None:
        """Observation -> onnxruntime -> action mapping -> safety layer -> joint_commands."""
        runtime, safety, state = self.runtime, self.safety, self._state
        if runtime is None or safety is None or state is None:
            return
        now = time.monotonic()
        proposed, fault = None, None
        try:
            proposed = runtime.step(state)
        except NonFiniteObservationError:
            fault = "nonfinite_observation"
        except NonFiniteActionError:
            fault = "nonfinite_action"
        except ContractError as exc:
            fault = "bad_state"
            self._error(str(exc))
        out = safety.filter(proposed, now, fault)
        self._publish_targets(out.targets, self._state_msg.header.stamp)
        # The bookkeeping waits until the command is out (none of it changes what was sent).
        self._hold_reasons = out.reasons
        self.prewarm_hits += now <= self.busy_poll_until
        self.periods.tick(now)
        self.obs_age_s.add(now - self._state_time)
        # The time of the computation behind these targets, wherever it ran (the step itself,
        # or the warm-up on the reading's arrival or in the rehearsal whose result it reused).
        self.inference_s.add(runtime.last_inference_s)
        self.ticks += 1
        self._note_tick(now)
        armed = self._schedule_prewarm()
        # The warm-up sends the reports, away from the command's delivery; a tick sends them
        # when none is armed, or when ticks keep coming before it fires (irregular readings).
        if not armed or now - self._last_status_s >= 2.0 / self.config.status_rate_hz:
            self._report_after_tick(now)
        if out.deactivate:
            self._error(
                f"{self.config.joint_states_topic} stale for {safety.state_age_s(now):.2f} s "
                f"(> {safety.config.deactivate_after_s} s): deactivating"
            )
            self.trigger_deactivate()
            self.publish_status()

    # --- prewarm ------------------------------------------------------------------------------
    def _note_tick(self, now: float) -> None:
        """Track the readings' schedule (joint_states trigger): a smoothed interval and a
        phase-locked expected time of the next one. A driver's timer that fires late once keeps
        its schedule (the next reading comes early), so predicting from the schedule, not from
        the last arrival, keeps the warm-up ahead of that early one."""
        if self._last_tick_s > 0:
            gap, ema = now - self._last_tick_s, self._tick_interval_s
            self._tick_interval_s = gap if ema == 0 else 0.9 * ema + 0.1 * min(gap, 2 * ema)
        self._last_tick_s = now
        interval = self._tick_interval_s
        error = now - self._expected_tick_s
        if interval == 0 or abs(error) > 0.5 * interval:
            self._expected_tick_s = now + interval  # (re)synchronize
        else:
            self._expected_tick_s += interval + 0.1 * error

    def _schedule_prewarm(self) -> bool:
        """Arm the warm-up ``prewarm_s`` before the next expected tick: the control timer's next
        call (timer trigger), or one smoothed reading interval after this one (joint_states).
        Returns whether it is armed."""
        self.busy_poll_until = 0.0
        lead = self.config.prewarm_s
        if lead <= 0:
            return False
        delay = self._expected_tick_in_s() - lead
        if delay < lead:  # too fast to be worth it (or no estimate yet)
            return False
        if self._warm_timer is None:
            self._warm_timer = self.create_timer(delay, self._prewarm)
        else:  # a one-shot: new delay, restarted (and un-cancelled) by reset
            self._warm_timer.timer_period_ns = int(delay * 1e9)
            self._warm_timer.reset()
        return True

    def _expected_tick_in_s(self) -> float:
        until_ns = self._timer.time_until_next_call() if self._timer is not None else None
        if until_ns is not None:
            return until_ns * 1e-9
        return self._expected_tick_s - time.monotonic()

    def _prewarm(self) -> None:
        assert self._warm_timer is not None
        self._warm_timer.cancel()  # one shot: the next tick re-arms it
        # Status and diagnostics go out here, not right after the tick: work there kept this
        # process on its CPU while the command was being delivered, and the subscriber's wake-up
        # then waited for the other CPU (ros_loop: delivery p99 1.06 ms with the reports after
        # the tick, 0.66 without them).
        self._report_after_tick(time.monotonic())
        # A rehearsal that started late would hold up the tick itself: then only poll.
        late = self._expected_tick_in_s() < 0.5 * self.config.prewarm_s
        if not late:
            self._rehearse()
        # Poll until the tick, and for up to 2 x prewarm_s past its expected time (a late
        # reading costs polling time, never a cold tick, within that margin).
        self.busy_poll_until = time.monotonic() + 3 * self.config.prewarm_s

    def _rehearse(self) -> None:
        """The tick's path without its effects: the newest reading converted again, the
        runtime's step on it (``warm_up``) and the command message filled but not published. Each
        part left out costs its cold time in the tick (in process: the tick after a rehearsal of
        the step alone 263 / 502 µs p50 / p99, with these parts too 193 / 429). On the control
        timer, a tick that finds no newer reading uses the rehearsal's result."""
        runtime, msg, state = self.runtime, self._state_msg, self._state
        if runtime is None or msg is None or state is None:
            return
        try:
            joint_state_to_robot_state(msg)
        except RosNodeError:
            return
        runtime.warm_up(state)
        last = self.safety.last_target if self.safety is not None else None
        if last is not None and self._command is not None:
            self._command.fill(last, msg.header.stamp)  # the next publish refills it

    def _publish_targets(self, targets: np.ndarray, stamp=None) -> None:
        assert self._command is not None
        stamp = stamp if stamp is not None else self.get_clock().now().to_msg()
        self._cmd_pub.publish(self._command.fill(targets, stamp))

    # --- reporting ----------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        if not self._errors or self._errors[-1] != message:
            self.get_logger().error(message)
        self._errors = [*self._errors[-4:], message]

    def status(self) -> dict:
        """The ``skill_status`` object (see the README's ROS 2 runtime section)."""
        out: dict = {
            "node": self.get_name(),
            "lifecycle": self.lifecycle_state,
            "motion": None,
            "sequence": 0,
            "done": False,
            "outcome": "idle",
            "safety": "inactive" if self.safety is None else str(self.safety.mode),
            "estop": bool(self._estop_reason),
            "hold_reasons": list(self._hold_reasons),
            "errors": [*self._errors, *([self.last_error] if self.last_error else [])],
            "verified": bool(self.runtime and self.runtime.verification.ok),
        }
        if self.runtime is not None and self._state is not None:
            out.update(self.runtime.status(self._state, time.monotonic()).to_dict())
        if self.lifecycle_state != "active":
            out["done"] = False
        return out

    def _ticking(self, now: float) -> bool:
        return self._last_tick_s > 0 and now - self._last_tick_s < 0.5

    def _report_after_tick(self, now: float) -> None:
        if now - self._last_status_s >= 1.0 / self.config.status_rate_hz:
            self.publish_status()
        if now - self._last_diagnostics_s >= self.config.diagnostics_period_s:
            self._publish_diagnostics()

    def _status_timer(self) -> None:
        if not self._ticking(time.monotonic()):
            self.publish_status()

    def _diagnostics_timer(self) -> None:
        if not self._ticking(time.monotonic()):
            self._publish_diagnostics()

    def publish_status(self) -> None:
        self._last_status_s = time.monotonic()
        self._status_pub.publish(json_msg(self.status()))

    def _publish_diagnostics(self) -> None:
        now = time.monotonic()
        self._last_diagnostics_s = now
        age = self.safety.state_age_s(now) if self.safety is not None else float("inf")
        array = policy_diagnostics(self, age)
        array.header.stamp = self.get_clock().now().to_msg()
        self._diag_pub.publish(array)


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge policy_node``."""
    run_nodes(lambda: [PolicyNode()], args)


if __name__ == "__main__":
    main()
