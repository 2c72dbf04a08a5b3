"""Timing of the simulated robot (no ROS here): simulated time in exact nanoseconds, the lockstep
gate that holds it for a controller, and the counters that say whether timing was kept.

Two clocks (``sim_robot_node``'s ``publish_clock``):

* **wall** (default): the physics follows the wall clock; a command takes effect at the physics
  step it arrives in. Whatever the transport and the scheduler add between a command's stamp and
  its arrival acts as extra command delay, and under CPU load it varies.
* **simulated**: the node is the clock. Each tick advances exactly one publish period, then
  publishes ``joint_states`` and ``/clock`` stamped with that simulated time; nodes running with
  ``use_sim_time`` compute their commands at those instants and stamp them with them. Under load
  simulated time runs slower than ``real_time_factor``; it never skips ahead. With a lockstep
  period the node also waits, at every control instant, for the command stamped with it, so a
  command always takes effect exactly at its stamp: the recording is the same under any load.
"""

from __future__ import annotations

import dataclasses

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.timing import RollingSamples

NS_PER_S = 1_000_000_000


def to_ns(seconds: float) -> int:
    """Seconds -> integer nanoseconds (rounded)."""
    return int(round(seconds * NS_PER_S))


class LockstepGate:
    """Holds simulated time at control instants until the command for that instant arrives.

    Control instants are the first command's stamp plus multiples of ``period_ns``. Once engaged
    (by a command), the clock may advance up to the next instant; there it waits for a command
    stamped at or after that instant. After ``timeout_s`` of wall time without one the gate
    counts a timeout and disengages until the next command arrives (a controller that stopped
    must not stall the simulation). The timeout is declared one held tick after the deadline
    passed, never on the first tick that sees it: if this process itself was stalled, the
    commands that arrived meanwhile are delivered before that tick.
    """

    def __init__(self, period_ns: int, timeout_s: float) -> None:
        """Args:
        period_ns: control period in nanoseconds; 0 disables the gate.
        timeout_s: longest wall-clock wait for one command, seconds.
        """
        self.period_ns = period_ns
        self.timeout_s = timeout_s
        self.next_ns: int | None = None
        """The awaited control instant; None while disengaged."""
        self.waits = 0
        """Ticks held back waiting for a command."""
        self.timeouts = 0
        self._waiting_since: float | None = None
        self._overdue = False

    def on_command(self, stamp_ns: int) -> None:
        """A command stamped ``stamp_ns`` arrived: the next instant is one period after it."""
        if self.period_ns <= 0:
            return
        if self.next_ns is None or stamp_ns >= self.next_ns:
            self.next_ns = stamp_ns + self.period_ns
            self._waiting_since, self._overdue = None, False

    def may_advance(self, sim_ns: int, wall_s: float) -> bool:
        """Whether the clock may leave ``sim_ns`` now (``wall_s``: a monotonic wall clock)."""
        if self.next_ns is None or sim_ns < self.next_ns:
            return True
        if self._waiting_since is None:
            self._waiting_since = wall_s
        if not self._overdue:
            self._overdue = wall_s - self._waiting_since >= self.timeout_s
            self.waits += 1
            return False
        self.timeouts += 1
        self.next_ns, self._waiting_since, self._overdue = None, None, False
        return True


@dataclasses.dataclass
class CommandTiming:
    """How old commands were when they took effect: counts, ages, the worst lateness.

    On the simulated clock a command's age is the simulated time it arrived at minus its stamp:
    0 when on time, positive when it was applied late. On the wall clock it is the wall time of
    the physics step it took effect at minus its stamp: transport and scheduling latency less the
    step quantization, which adds to the command delay a fit sees.
    """

    commands: int = 0
    late: int = 0
    """Commands with a positive age."""
    max_late_ns: int = 0
    ages_s: RollingSamples = dataclasses.field(default_factory=RollingSamples)

    def note(self, stamp_ns: int, now_ns: int) -> None:
        """A command stamped ``stamp_ns`` took effect at ``now_ns`` (same clock)."""
        age = now_ns - stamp_ns
        self.commands += 1
        self.ages_s.add(age / NS_PER_S)
        if age > 0:
            self.late += 1
            self.max_late_ns = max(self.max_late_ns, age)


def steps_per_period(period_s: float, dt_s: float, what: str) -> int:
    """Whole steps of ``dt_s`` in ``period_s``.

    Raises:
        RosNodeError: ``period_s`` is not a whole number of ``dt_s`` steps (names ``what``).
    """
    steps = period_s / dt_s
    if steps < 1 or abs(steps - round(steps)) > 1e-6:
        raise RosNodeError(
            f"{what} ({period_s * 1e3:g} ms) must be a whole multiple of {dt_s * 1e3:g} ms; "
            f"e.g. {dt_s * 1e3:g} ms or {2 * dt_s * 1e3:g} ms"
        )
    return int(round(steps))
