"""``/diagnostics`` of the nodes: the policy node's loop timing, inference time, observation age
and safety; the sim robot's clock and command timing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from diagnostic_msgs.msg import DiagnosticArray, DiagnosticStatus, KeyValue

from skillbridge.ros_nodes.timing import Percentiles

if TYPE_CHECKING:
    from skillbridge.ros_nodes.policy_node import PolicyNode


def _ms(prefix: str, summary: Percentiles) -> list[KeyValue]:
    return [KeyValue(key=f"{prefix}_{k}", value=f"{v:.3f}") for k, v in summary.as_ms().items()]


def level_of(safety_mode: str, lifecycle: str, errors: bool) -> bytes:
    """OK when running, WARN when holding or inactive, ERROR on e-stop or recent errors."""
    if safety_mode == "estop" or errors:
        return DiagnosticStatus.ERROR
    if safety_mode in ("hold", "inactive") or lifecycle != "active":
        return DiagnosticStatus.WARN
    return DiagnosticStatus.OK


def policy_diagnostics(node: PolicyNode, state_age_s: float) -> DiagnosticArray:
    """One ``DiagnosticStatus`` named after the node, with every timing and safety value."""
    status = node.status()
    safety = node.safety
    values = [
        KeyValue(key="lifecycle", value=node.lifecycle_state),
        KeyValue(key="safety_state", value=status["safety"]),
        KeyValue(key="estop", value=str(status["estop"]).lower()),
        KeyValue(key="verified", value=str(status["verified"]).lower()),
        KeyValue(key="ticks", value=str(node.ticks)),
        KeyValue(key="realtime_priority", value=str(node.config.realtime_priority)),
        KeyValue(key="motion", value=str(status["motion"])),
        KeyValue(key="state_age_ms", value=f"{state_age_s * 1e3:.3f}"),
    ]
    if node.driver is not None:
        values.append(KeyValue(key="command_output", value=node.driver.output))
    if safety is not None:
        values.append(KeyValue(key="control_period_ms", value=f"{safety.period_s * 1e3:.3f}"))
        values += [
            KeyValue(key=f"held_ticks_{k}", value=str(v)) for k, v in safety.held_ticks.items()
        ]
        values += [
            KeyValue(key=f"limited_ticks_{k}", value=str(v))
            for k, v in safety.limited_ticks.items()
        ]
    values += _ms("tick_period", node.periods.periods.summary())
    values += _ms("inference", node.inference_s.summary())
    values += _ms("observation_age", node.obs_age_s.summary())
    errors = status["errors"]
    values.append(KeyValue(key="errors", value=" | ".join(errors)))  # the last five, each named
    message = status["safety"] if not errors else errors[-1]
    diag = DiagnosticStatus(
        level=level_of(status["safety"], node.lifecycle_state, bool(errors)),
        name=f"skillbridge: {node.get_fully_qualified_name()}",
        message=message,
        hardware_id="skillbridge_policy",
        values=values,
    )
    return DiagnosticArray(status=[diag])


def status_array(
    name: str, hardware_id: str, values: Mapping[str, object], problems: Sequence[str]
) -> DiagnosticArray:
    """One status with ``values`` as key/value strings: WARN naming ``problems``, else OK."""
    pairs = [
        KeyValue(key=k, value=str(round(v, 6)) if isinstance(v, float) else str(v))
        for k, v in values.items()
    ]
    level = DiagnosticStatus.WARN if problems else DiagnosticStatus.OK
    diag = DiagnosticStatus(
        level=level,
        name=name,
        message="; ".join(problems) or "ok",
        hardware_id=hardware_id,
        values=pairs,
    )
    return DiagnosticArray(status=[diag])


def clip_text(text: object, limit: int = 200) -> str:
    """``text`` as a printable string of at most ``limit`` characters (control characters
    escaped): a malformed message (a 1 MB joint name, terminal escapes) then reaches a log line,
    a status or a diagnostic as a readable excerpt, never whole."""
    shown = str(text).encode("unicode_escape").decode("ascii")
    if len(shown) <= limit:
        return shown
    return f"{shown[: limit - 30]}... ({len(shown)} characters)"


class InputErrors:
    """The last few rejected inputs of a node, each naming its topic, for ``/diagnostics``.

    A node that drops a malformed message must still say so where an operator looks; one log
    line per message would flood the log, so repeats of the newest error are not re-logged.
    """

    def __init__(self, keep: int = 10) -> None:
        self.keep = keep
        self.recent: list[str] = []
        self.count = 0

    def add(self, topic: str, problem: str) -> str | None:
        """Record ``problem`` on ``topic``; returns the message to log (None: a repeat)."""
        message = clip_text(f"{topic}: {problem}", 300)
        self.count += 1
        if self.recent and self.recent[-1] == message:
            return None
        self.recent = [*self.recent[-(self.keep - 1) :], message]
        return message
