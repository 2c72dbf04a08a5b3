"""Excitation trajectories for system identification: joint targets at the control rate.

Each excited joint follows three phases around a centre pose, faded in and out:

1. a multisine (Schroeder phases, amplitudes ~ 1/f so the velocity spectrum is flat) on a
   frequency grid interleaved across joints, so no two joints share a frequency;
2. a logarithmic chirp (constant velocity amplitude), up-sweeping on even and down-sweeping on
   odd joints;
3. random steps (raised-cosine transitions) between random levels held 0.4-1.2 s.

Low frequencies and holds pin down the servo stiffness (gravity sag) and the encoder offsets, the
band around the servo corner (~1.6 Hz for kp/kv = 10/s) the damping and delay, the upper band
the armature (inertia), the many velocity reversals the friction. Each joint's amplitude in each
phase is first scaled to keep its targets inside its limits (with a margin) and its target speed
under a fraction of the Panda's limits and of what the servo can deliver without saturating
within one control period (a 50 Hz target step asks for ``kp * step`` at once); one global scale
is then bisected down until the tool centre point (forward kinematics of the contract) stays
inside a workspace box at every sample.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
from scipy import signal

from skillbridge.calibration.errors import CalibrationError
from skillbridge.contract import PolicySpec, tool_pose
from skillbridge.sim.scene import ARM_JOINTS, FINGER_OPEN_M, HOME_ARM_QPOS_RAD

#: Franka Emika Panda joint velocity limits (datasheet), rad/s, in ``ARM_JOINTS`` order.
PANDA_MAX_JOINT_VEL_RAD_S = (2.175, 2.175, 2.175, 2.175, 2.61, 2.61, 2.61)
#: Franka Emika Panda joint torque limits (datasheet; the scene's actuator force ranges), N m.
PANDA_MAX_JOINT_TORQUE_NM = (87.0, 87.0, 87.0, 87.0, 12.0, 12.0, 12.0)


@dataclasses.dataclass(frozen=True)
class ExcitationConfig:
    """Shape, length and safety envelope of an excitation."""

    duration_s: float = 30.0
    """Total length including the fade-in/out ramps (see README: ~30 s for 7 joints)."""
    rate_hz: float = 50.0
    """Target rate: the control rate of the robot."""
    joints: tuple[str, ...] = ARM_JOINTS
    """Joints to excite; the other arm joints hold their centre value."""
    center_rad: tuple[float, ...] = HOME_ARM_QPOS_RAD
    """Centre pose of the seven arm joints (``ARM_JOINTS`` order)."""
    amplitude_rad: tuple[float, ...] = (0.5, 0.3, 0.5, 0.35, 0.6, 0.45, 0.7)
    """Largest deviation from the centre per arm joint before safety scaling."""
    min_freq_hz: float = 0.2
    max_freq_hz: float = 3.0
    multisine_fraction: float = 0.45
    chirp_fraction: float = 0.35
    """The rest of the time (after multisine and chirp) is random steps."""
    ramp_s: float = 1.0
    """Fade-in and fade-out time at the ends (raised cosine)."""
    position_margin_rad: float = 0.15
    """Targets stay this far inside every joint limit."""
    velocity_fraction: float = 0.6
    """Target velocities stay under this fraction of ``PANDA_MAX_JOINT_VEL_RAD_S``."""
    torque_fraction: float = 0.5
    """A target step between two control periods asks the servo for ``kp * step`` at once;
    steps stay under ``torque_fraction * PANDA_MAX_JOINT_TORQUE_NM / kp``. A saturated servo
    hides kp and kv, and MuJoCo's implicit integration of a clamped stiff servo chatters."""
    workspace_min_m: tuple[float, float, float] = (0.15, -0.55, 0.15)
    """Lower corner of the box the tool centre point must stay in (base frame), metres."""
    workspace_max_m: tuple[float, float, float] = (0.85, 0.55, 0.95)
    seed: int = 0


@dataclasses.dataclass(frozen=True)
class Excitation:
    """Joint position targets to send at ``rate_hz``.

    Attributes:
        times_s: target times from 0, seconds. Shape: (T,).
        joint_names: the seven arm joints. Length J = 7.
        targets_rad: position targets. Shape: (T, J).
        rate_hz: target rate.
        amplitude_scale: the global safety scale (<= 1) applied on top of each joint's own
            velocity and position-limit scaling, for the workspace box.
    """

    times_s: np.ndarray
    joint_names: tuple[str, ...]
    targets_rad: np.ndarray
    rate_hz: float
    amplitude_scale: float

    def save(self, path: str | Path) -> None:
        np.savez(
            path,
            times_s=self.times_s,
            joint_names=np.array(self.joint_names),
            targets_rad=self.targets_rad,
            rate_hz=self.rate_hz,
            amplitude_scale=self.amplitude_scale,
        )

    @staticmethod
    def load(path: str | Path) -> Excitation:
        try:
            with np.load(path, allow_pickle=False) as npz:
                return Excitation(
                    times_s=np.asarray(npz["times_s"], float),
                    joint_names=tuple(str(n) for n in npz["joint_names"]),
                    targets_rad=np.asarray(npz["targets_rad"], float),
                    rate_hz=float(npz["rate_hz"]),
                    amplitude_scale=float(npz["amplitude_scale"]),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise CalibrationError(
                f"{path} is not an excitation file (`skillbridge calibrate excite`): {exc}"
            ) from exc


def _taper(t: np.ndarray, start: float, stop: float, ramp: float) -> np.ndarray:
    """1 inside [start + ramp, stop - ramp], raised-cosine edges, 0 outside. Shape of ``t``."""
    up = np.clip((t - start) / ramp, 0.0, 1.0)
    down = np.clip((stop - t) / ramp, 0.0, 1.0)
    return 0.25 * (1 - np.cos(np.pi * up)) * (1 - np.cos(np.pi * down))


def _normalise(x: np.ndarray) -> np.ndarray:
    peak = np.max(np.abs(x))
    return x / peak if peak > 0 else x


def _multisine(t: np.ndarray, length: float, index: int, count: int, cfg: ExcitationConfig):
    """Unit-peak multisine over ``[0, length)`` on joint ``index``'s share of the grid."""
    f0 = 1.0 / length
    harmonics = np.arange(max(1, int(np.ceil(cfg.min_freq_hz / f0))), int(cfg.max_freq_hz / f0))
    mine = harmonics[(harmonics % count) == index]
    if len(mine) == 0:
        mine = harmonics[:1]
    m = np.arange(1, len(mine) + 1)
    phases = -np.pi * m * (m - 1) / len(mine)
    freqs = mine * f0
    waves = np.sin(2 * np.pi * freqs[:, None] * t[None] + phases[:, None]) / freqs[:, None]
    signal = waves.sum(axis=0)
    return _normalise(signal)


def _chirp(t: np.ndarray, length: float, index: int, count: int, cfg: ExcitationConfig):
    """Logarithmic sweep over ``[0, length)`` (``scipy.signal.chirp``), up on even joints and
    down on odd ones, amplitude ~ 1/f so that the velocity envelope is flat (unit at the lowest
    frequency)."""
    low, high = cfg.min_freq_hz, cfg.max_freq_hz
    f0, f1 = (low, high) if index % 2 == 0 else (high, low)
    # scipy's chirp is a cosine: -90 degrees makes it the sine the other phases start from
    offset_deg = 360.0 * index / count - 90.0
    sweep = signal.chirp(t, f0=f0, t1=length, f1=f1, method="logarithmic", phi=offset_deg)
    freq = f0 * (f1 / f0) ** (t / length)  # the logarithmic sweep's instantaneous frequency
    return sweep * low / freq


def _steps(t: np.ndarray, rng: np.random.Generator, transition_s: float = 0.25) -> np.ndarray:
    """Random levels in [-1, 1] held 0.4-1.2 s, raised-cosine transitions."""
    out = np.zeros_like(t)
    level, start = 0.0, 0.0
    while start < t[-1]:
        new = rng.uniform(-1.0, 1.0)
        s = np.clip((t - start) / transition_s, 0.0, 1.0)
        blend = level + (new - level) * 0.5 * (1 - np.cos(np.pi * s))
        out = np.where(t >= start, blend, out)
        level, start = new, start + rng.uniform(0.4, 1.2)
    return out


def _phases(cfg: ExcitationConfig, t: np.ndarray) -> np.ndarray:
    """Unit-amplitude deviation of every arm joint per phase (0 if not excited). (3, T, 7)."""
    rng = np.random.default_rng(cfg.seed)
    duration = float(t[-1])
    t_a = cfg.multisine_fraction * duration
    t_b = t_a + cfg.chirp_fraction * duration
    edge = 0.5
    out = np.zeros((3, len(t), len(ARM_JOINTS)))
    excited = [j for j in ARM_JOINTS if j in cfg.joints]
    window = _taper(t, 0.0, duration, cfg.ramp_s)
    for i, joint in enumerate(excited):
        col = ARM_JOINTS.index(joint)
        out[0, :, col] = _multisine(t, t_a, i, len(excited), cfg) * _taper(t, 0.0, t_a, edge)
        out[1, :, col] = _chirp(t - t_a, t_b - t_a, i, len(excited), cfg) * _taper(
            t, t_a, t_b, edge
        )
        out[2, :, col] = _steps(t - t_b, rng) * _taper(t, t_b, duration, edge)
    return out * window[None, :, None]


def _speed_limits(spec: PolicySpec, cfg: ExcitationConfig) -> np.ndarray:
    """Largest target speed per arm joint: velocity limit, or the torque a step would ask for."""
    names = list(spec.joint_names)
    kp = np.array([spec.kp[names.index(j)] for j in ARM_JOINTS])
    by_torque = cfg.torque_fraction * np.array(PANDA_MAX_JOINT_TORQUE_NM) / kp * cfg.rate_hz
    return np.minimum(cfg.velocity_fraction * np.array(PANDA_MAX_JOINT_VEL_RAD_S), by_torque)


def excitation_violations(
    targets_rad: np.ndarray, spec: PolicySpec, cfg: ExcitationConfig
) -> list[str]:
    """Every safety rule a target trajectory breaks (empty when it is safe).

    Args:
        targets_rad: arm targets in ``ARM_JOINTS`` order. Shape: (T, 7).
        spec: the contract (joint limits, kinematic chain).
        cfg: margins, velocity fraction, workspace box, rate.
    """
    problems = []
    names = list(spec.joint_names)
    lower = np.array([spec.joint_pos_lower[names.index(j)] for j in ARM_JOINTS])
    upper = np.array([spec.joint_pos_upper[names.index(j)] for j in ARM_JOINTS])
    m = cfg.position_margin_rad
    for c, joint in enumerate(ARM_JOINTS):
        lo, hi = targets_rad[:, c].min(), targets_rad[:, c].max()
        if lo < lower[c] + m or hi > upper[c] - m:
            problems.append(
                f"{joint} targets span [{lo:.3f}, {hi:.3f}] rad, limits with margin "
                f"[{lower[c] + m:.3f}, {upper[c] - m:.3f}]"
            )
    vel = np.abs(np.diff(targets_rad, axis=0)) * cfg.rate_hz
    vmax = _speed_limits(spec, cfg)
    for fast in np.flatnonzero(vel.max(axis=0) > vmax * (1 + 1e-9)):
        problems.append(
            f"{ARM_JOINTS[fast]} target speed {vel[:, fast].max():.3f} > {vmax[fast]:.3f} rad/s "
            "(velocity limit, or servo torque for one control period's step)"
        )
    q = np.zeros((len(targets_rad), len(names)))
    for c, joint in enumerate(ARM_JOINTS):
        q[:, names.index(joint)] = targets_rad[:, c]
    for extra in set(names) - set(ARM_JOINTS):
        q[:, names.index(extra)] = FINGER_OPEN_M
    tcp, _ = tool_pose(spec.kinematics, q, spec.joint_names)
    lo_box, hi_box = np.array(cfg.workspace_min_m), np.array(cfg.workspace_max_m)
    outside = np.any((tcp < lo_box) | (tcp > hi_box), axis=1)
    if outside.any():
        k = int(np.flatnonzero(outside)[0])
        problems.append(
            f"tool centre point leaves the workspace box {list(cfg.workspace_min_m)}.."
            f"{list(cfg.workspace_max_m)} m (first at t={k / cfg.rate_hz:.2f} s: "
            f"{np.round(tcp[k], 3).tolist()})"
        )
    return problems


def generate_excitation(cfg: ExcitationConfig, spec: PolicySpec) -> Excitation:
    """Build a safe excitation: the largest amplitude scale <= 1 that breaks no rule.

    Raises:
        CalibrationError: unknown joints, bad settings, or a centre pose that is already
            unsafe (so no amplitude, however small, is).
    """
    unknown = sorted(set(cfg.joints) - set(ARM_JOINTS))
    if unknown or not cfg.joints:
        raise CalibrationError(f"cannot excite joints {unknown or []}; choose from {ARM_JOINTS}")
    if len(cfg.center_rad) != len(ARM_JOINTS) or len(cfg.amplitude_rad) != len(ARM_JOINTS):
        raise CalibrationError("center_rad and amplitude_rad need one value per arm joint (7)")
    if cfg.duration_s < 3 * cfg.ramp_s or cfg.rate_hz <= 0:
        raise CalibrationError(
            f"duration_s {cfg.duration_s} is too short for ramps of {cfg.ramp_s} s; "
            "use at least 10 s (30 s recommended)"
        )
    if not 0 < cfg.min_freq_hz < cfg.max_freq_hz < cfg.rate_hz / 4:
        raise CalibrationError(
            f"need 0 < min_freq_hz < max_freq_hz < rate_hz / 4, got {cfg.min_freq_hz}, "
            f"{cfg.max_freq_hz}, {cfg.rate_hz}"
        )
    t = np.arange(int(round(cfg.duration_s * cfg.rate_hz)) + 1) / cfg.rate_hz
    center = np.array(cfg.center_rad)
    problems = excitation_violations(np.tile(center, (2, 1)), spec, cfg)
    if problems:
        raise CalibrationError("the centre pose is unsafe: " + "; ".join(problems))
    phases = _phases(cfg, t) * np.array(cfg.amplitude_rad)
    unit = sum(phase * _per_joint_scale(phase, center, spec, cfg) for phase in phases)
    scale = _largest_safe_scale(lambda s: center + s * unit, spec, cfg)
    if scale < 0.05:
        reasons = "; ".join(excitation_violations(center + 0.05 * unit, spec, cfg))
        raise CalibrationError(
            f"no useful excitation fits around this centre pose ({reasons}); move the centre "
            "away from the limits or the workspace walls, or widen the workspace box"
        )
    return Excitation(t, ARM_JOINTS, center + scale * unit, cfg.rate_hz, scale)


def _per_joint_scale(
    unit: np.ndarray, center: np.ndarray, spec: PolicySpec, cfg: ExcitationConfig
) -> np.ndarray:
    """Per-joint factor <= 1 keeping ``unit`` (T, 7) within each joint's speed and position
    limits. Phases do not overlap, so scaling each phase alone keeps their sum safe. (7,)."""
    names = list(spec.joint_names)
    m = cfg.position_margin_rad
    lower = np.array([spec.joint_pos_lower[names.index(j)] for j in ARM_JOINTS]) + m
    upper = np.array([spec.joint_pos_upper[names.index(j)] for j in ARM_JOINTS]) - m
    speed = np.abs(np.diff(unit, axis=0)).max(axis=0) * cfg.rate_hz
    vmax = _speed_limits(spec, cfg)
    room_up = (upper - center) / np.maximum(unit.max(axis=0), 1e-12)
    room_down = (center - lower) / np.maximum(-unit.min(axis=0), 1e-12)
    by_speed = vmax / np.maximum(speed, 1e-12)
    return np.clip(np.minimum.reduce([by_speed, room_up, room_down]) * 0.999, 0.0, 1.0)


def _largest_safe_scale(make, spec: PolicySpec, cfg: ExcitationConfig) -> float:
    if not excitation_violations(make(1.0), spec, cfg):
        return 1.0
    lo, hi = 0.0, 1.0
    for _ in range(14):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if not excitation_violations(make(mid), spec, cfg) else (lo, mid)
    return lo


def describe(excitation: Excitation) -> str:
    """One line per joint: range and peak target speed."""
    vel = np.abs(np.diff(excitation.targets_rad, axis=0)).max(axis=0) * excitation.rate_hz
    lines = [
        f"{len(excitation.times_s)} targets at {excitation.rate_hz:g} Hz "
        f"({excitation.times_s[-1]:.1f} s), amplitude scale {excitation.amplitude_scale:.3f}"
    ]
    for c, joint in enumerate(excitation.joint_names):
        col = excitation.targets_rad[:, c]
        lines.append(
            f"  {joint}: [{col.min():+.3f}, {col.max():+.3f}] rad, peak speed {vel[c]:.2f} rad/s"
        )
    return "\n".join(lines)


def config_json(cfg: ExcitationConfig) -> str:
    return json.dumps(dataclasses.asdict(cfg))
