"""``SafetyLayer``: the last step between any target source and the robot's joint servos.

Arrays in contract joint order, so the policy node, the excitation node and the verification
gate (one layer per simulated robot) run the same checks, and tests run them without ROS. Per
tick it

* holds the last safe target on a fault: stale joint readings (older than ``stale_periods``
  control periods), NaN/Inf in the observation or the proposed targets, a latched e-stop;
* requests deactivation when the readings stay stale for ``deactivate_after_s``;
* fades in from the measured pose to the proposed targets over ``fade_in_s`` after activation
  (and after an e-stop reset);
* limits each joint's target step per tick (``max_speed * period``);
* clips to the joint position limits: the contract's, optionally tightened (never widened).

The limits are fixed when the layer is built and stored read-only; nothing that reaches the
layer at run time (targets, language motions, resets) can change them.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence

import numpy as np

from skillbridge.contract import ContractError, PolicySpec


class SafetyError(ContractError):
    """A safety setting or activation is invalid; the message names it and says what to do."""


class Mode(enum.StrEnum):
    """What the layer is doing this tick."""

    INACTIVE = "inactive"
    FADE_IN = "fade_in"
    RUNNING = "running"
    HOLD = "hold"
    """A fault (stale or non-finite input): the last safe target is repeated."""
    ESTOP = "estop"
    """Latched until ``reset_estop``: the last safe target is repeated."""


@dataclasses.dataclass(frozen=True)
class SafetyConfig:
    """Limits and timeouts. Joint lists name joints of the contract."""

    max_speed_rad_s: float = 2.5
    """Largest target change per second of every joint not in ``finger_joints`` (rad/s)."""
    finger_joints: tuple[str, ...] = ("panda_finger_joint1",)
    finger_max_speed_m_s: float = 0.2
    """Largest target change per second of the prismatic finger joints (m/s)."""
    fade_in_s: float = 1.0
    """Blend from the measured pose to the proposed targets over this long after activation."""
    stale_periods: int = 3
    """Hold when the newest joint reading is older than this many control periods."""
    deactivate_after_s: float = 0.5
    """Request deactivation when the readings stay stale this long."""
    limit_joints: tuple[str, ...] = ()
    """Joints whose position limits are tightened by ``limit_lower`` / ``limit_upper``."""
    limit_lower: tuple[float, ...] = ()
    limit_upper: tuple[float, ...] = ()
    activation_tolerance: float = 0.02
    """At activation the measured pose may lie this far outside the limits (rad or m)."""

    def check(self) -> None:
        """Raise SafetyError for an inconsistent or non-positive setting."""
        positive = {
            "max_speed_rad_s": self.max_speed_rad_s,
            "finger_max_speed_m_s": self.finger_max_speed_m_s,
            "deactivate_after_s": self.deactivate_after_s,
            "stale_periods": self.stale_periods,
        }
        for name, value in positive.items():
            if not np.isfinite(value) or value <= 0:
                raise SafetyError(f"safety setting {name} must be positive, got {value}")
        if not np.isfinite(self.fade_in_s) or self.fade_in_s < 0:
            raise SafetyError(f"safety setting fade_in_s must be >= 0, got {self.fade_in_s}")
        n = len(self.limit_joints)
        if len(self.limit_lower) != n or len(self.limit_upper) != n:
            raise SafetyError(
                f"limit_joints has {n} names but limit_lower has {len(self.limit_lower)} and "
                f"limit_upper {len(self.limit_upper)} values; give one lower and one upper "
                "per joint"
            )


@dataclasses.dataclass(frozen=True)
class SafetyOutput:
    """The targets to send this tick and why they are what they are."""

    targets: np.ndarray
    """Shape: (J,), contract joint order. Always finite and within the limits."""
    mode: Mode
    reasons: tuple[str, ...]
    """e.g. ``stale_state``, ``nonfinite_observation``, ``nonfinite_action``, ``estop``,
    ``rate_limited``, ``position_limited``."""
    deactivate: bool
    """The readings have been stale for ``deactivate_after_s``: the caller should deactivate."""


def effective_limits(
    joint_names: Sequence[str],
    lower: Sequence[float],
    upper: Sequence[float],
    config: SafetyConfig,
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Contract limits tightened by the configured ones; a wider setting never widens them.

    Returns:
        ``(lower, upper, notes)``: arrays (J,) and a note for every setting that was ignored
        because it would have widened a limit.

    Raises:
        SafetyError: an unknown joint, a non-finite value, or an empty range after tightening.
    """
    lo, hi = np.array(lower, dtype=np.float64), np.array(upper, dtype=np.float64)
    notes = []
    for name, new_lo, new_hi in zip(
        config.limit_joints, config.limit_lower, config.limit_upper, strict=True
    ):
        if name not in joint_names:
            raise SafetyError(
                f"safety limit for unknown joint {name!r}; valid joints: {list(joint_names)}"
            )
        if not (np.isfinite(new_lo) and np.isfinite(new_hi)):
            raise SafetyError(f"safety limits of {name} must be finite, got [{new_lo}, {new_hi}]")
        j = list(joint_names).index(name)
        if new_lo < lo[j] or new_hi > hi[j]:
            notes.append(
                f"{name}: [{new_lo:.4g}, {new_hi:.4g}] is wider than the contract's "
                f"[{lo[j]:.4g}, {hi[j]:.4g}]; only the tightening part applies"
            )
        lo[j], hi[j] = max(lo[j], new_lo), min(hi[j], new_hi)
        if lo[j] >= hi[j]:
            raise SafetyError(
                f"safety limits of {name} leave an empty range [{lo[j]:.4g}, {hi[j]:.4g}]; "
                "give lower < upper inside the contract's limits"
            )
    lo.setflags(write=False)
    hi.setflags(write=False)
    return lo, hi, tuple(notes)


class SafetyLayer:
    """Filters proposed joint targets; one instance per robot, ticked at the control period."""

    def __init__(
        self,
        joint_names: Sequence[str],
        lower: Sequence[float],
        upper: Sequence[float],
        period_s: float,
        config: SafetyConfig | None = None,
    ) -> None:
        """Build the layer.

        Args:
            joint_names: joint order of every array (the contract's).
            lower, upper: the contract's position limits, (J,).
            period_s: the control period the layer is ticked at, seconds.
            config: limits and timeouts.

        Raises:
            SafetyError: invalid settings (named).
        """
        self.config = config or SafetyConfig()
        self.config.check()
        if not period_s > 0:
            raise SafetyError(f"control period must be positive, got {period_s}")
        self.joint_names = tuple(joint_names)
        self.period_s = float(period_s)
        self.lower, self.upper, self.notes = effective_limits(
            self.joint_names, lower, upper, self.config
        )
        speeds = np.array(
            [
                self.config.finger_max_speed_m_s
                if n in self.config.finger_joints
                else self.config.max_speed_rad_s
                for n in self.joint_names
            ]
        )
        self.max_step = speeds * self.period_s
        self.max_step.setflags(write=False)
        self.mode = Mode.INACTIVE
        self.estopped = False
        self.estop_reason = ""
        self.held_ticks: dict[str, int] = {}
        self.limited_ticks: dict[str, int] = {}
        self._last: np.ndarray | None = None
        self._fade_from: np.ndarray | None = None
        self._fade_start_s = 0.0
        self._last_state_s: float | None = None

    @classmethod
    def from_spec(
        cls, spec: PolicySpec, config: SafetyConfig | None = None, period_s: float | None = None
    ) -> SafetyLayer:
        """A layer over a policy contract (its joints, limits and, by default, its period)."""
        return cls(
            spec.joint_names,
            spec.joint_pos_lower,
            spec.joint_pos_upper,
            period_s or spec.control_period_s,
            config,
        )

    # --- lifecycle ----------------------------------------------------------------------------
    def activate(self, measured: np.ndarray, now_s: float) -> None:
        """Start from the measured pose: targets fade in from it.

        Raises:
            SafetyError: the pose is non-finite or outside the limits (joints named).
        """
        pos = self._check_pose(measured)
        self._last = np.clip(pos, self.lower, self.upper)
        self._fade_from = self._last.copy()
        self._fade_start_s = now_s
        self._last_state_s = now_s
        self.mode = Mode.ESTOP if self.estopped else Mode.FADE_IN

    def _check_pose(self, measured: np.ndarray) -> np.ndarray:
        pos = np.asarray(measured, dtype=np.float64).reshape(-1)
        if pos.shape != (len(self.joint_names),):
            raise SafetyError(f"expected {len(self.joint_names)} joint positions, got {pos.shape}")
        if not np.all(np.isfinite(pos)):
            bad = [n for n, p in zip(self.joint_names, pos, strict=True) if not np.isfinite(p)]
            raise SafetyError(f"cannot activate: non-finite readings for {bad}")
        tol = self.config.activation_tolerance
        outside = (pos < self.lower - tol) | (pos > self.upper + tol)
        if outside.any():
            joints = [
                f"{self.joint_names[j]}={pos[j]:.4g} not in [{self.lower[j]:.4g}, "
                f"{self.upper[j]:.4g}]"
                for j in np.flatnonzero(outside)
            ]
            raise SafetyError(
                f"cannot activate: measured pose outside the safety limits ({'; '.join(joints)}); "
                "move the robot inside them or relax the tightened limits"
            )
        return pos

    def deactivate(self) -> None:
        self.mode = Mode.INACTIVE
        self._fade_from = None

    @property
    def last_target(self) -> np.ndarray | None:
        """The last target sent (a copy), None before activation."""
        return None if self._last is None else self._last.copy()

    # --- inputs -------------------------------------------------------------------------------
    def note_state(self, now_s: float) -> None:
        """A complete joint reading arrived at ``now_s`` (feeds the watchdog)."""
        self._last_state_s = now_s

    def state_age_s(self, now_s: float) -> float:
        """Age of the newest joint reading, seconds (inf before the first)."""
        return np.inf if self._last_state_s is None else now_s - self._last_state_s

    def estop(self, reason: str = "e-stop") -> None:
        """Latch the e-stop: hold the last safe target until ``reset_estop``."""
        self.estopped = True
        self.estop_reason = reason
        if self.mode != Mode.INACTIVE:
            self.mode = Mode.ESTOP

    def reset_estop(self, start: np.ndarray | None, now_s: float) -> None:
        """Clear a latched e-stop; an active layer fades in again from ``start`` (the held
        target: the pose the arm was held at)."""
        self.estopped = False
        self.estop_reason = ""
        if self.mode != Mode.INACTIVE and start is not None:
            self.activate(start, now_s)

    # --- the tick -----------------------------------------------------------------------------
    def filter(
        self, proposed: np.ndarray | None, now_s: float, fault: str | None = None
    ) -> SafetyOutput:
        """The targets to send this tick.

        Args:
            proposed: targets from the policy (or a trajectory), (J,); None when the source
                could not produce any (then ``fault`` says why).
            now_s: the current time, seconds (the clock given to ``note_state``).
            fault: why ``proposed`` is missing, e.g. ``nonfinite_observation``.

        Raises:
            SafetyError: called before ``activate``.
        """
        if self._last is None or self.mode == Mode.INACTIVE:
            raise SafetyError("SafetyLayer.filter before activate(); activate it first")
        age = self.state_age_s(now_s)
        stale = age > self.config.stale_periods * self.period_s
        deactivate = age > self.config.deactivate_after_s
        targets = self._as_targets(proposed)
        reasons = self._hold_reasons(proposed, targets, stale, fault)
        if reasons:
            for reason in reasons:
                self.held_ticks[reason] = self.held_ticks.get(reason, 0) + 1
            self.mode = Mode.ESTOP if self.estopped else Mode.HOLD
            return SafetyOutput(self._last.copy(), self.mode, reasons, deactivate)
        assert targets is not None
        return self._pass(targets, now_s)

    def _as_targets(self, proposed: np.ndarray | None) -> np.ndarray | None:
        """The proposed targets as (J,) floats, or None when nothing or the wrong shape came."""
        if proposed is None:
            return None
        values = np.asarray(proposed, dtype=np.float64)
        return values if values.shape == (len(self.joint_names),) else None

    def _hold_reasons(
        self,
        proposed: np.ndarray | None,
        targets: np.ndarray | None,
        stale: bool,
        fault: str | None,
    ) -> tuple[str, ...]:
        reasons = []
        if self.estopped:
            reasons.append("estop")
        if stale:
            reasons.append("stale_state")
        if fault:
            reasons.append(fault)
        elif proposed is None:
            reasons.append("no_target")
        elif targets is None:
            reasons.append("wrong_shape")
        elif not np.all(np.isfinite(targets)):
            reasons.append("nonfinite_action")
        return tuple(reasons)

    def _pass(self, proposed: np.ndarray, now_s: float) -> SafetyOutput:
        """Fade-in, position clip, step limit, clip again, in the order the rules apply."""
        assert self._last is not None
        target = proposed
        if self._fade_from is not None:
            alpha = self._fade_alpha(now_s)
            target = self._fade_from + alpha * (proposed - self._fade_from)
            if alpha >= 1.0:
                self._fade_from = None
        clipped = np.clip(target, self.lower, self.upper)
        limited = self._last + np.clip(clipped - self._last, -self.max_step, self.max_step)
        out = np.clip(limited, self.lower, self.upper)
        position_limited = bool(np.any(clipped != target))
        rate_limited = bool(np.any(limited != clipped))
        reasons = ("position_limited",) * position_limited + ("rate_limited",) * rate_limited
        for reason in reasons:
            self.limited_ticks[reason] = self.limited_ticks.get(reason, 0) + 1
        self._last = out
        self.mode = Mode.FADE_IN if self._fade_from is not None else Mode.RUNNING
        return SafetyOutput(out.copy(), self.mode, reasons, False)

    def _fade_alpha(self, now_s: float) -> float:
        if self.config.fade_in_s <= 0:
            return 1.0
        x = float(np.clip((now_s - self._fade_start_s) / self.config.fade_in_s, 0.0, 1.0))
        return x * x * (3.0 - 2.0 * x)  # smoothstep: zero slope at both ends
