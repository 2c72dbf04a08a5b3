"""Recordings (ROS 2 MCAP bags or NPZ files) -> time-aligned joint trajectories.

Joints are matched by name in any order. The measured states are linearly interpolated onto a
uniform grid at ``rate_hz``; the commanded targets are sampled with a zero-order hold, as the
robot holds its last command. The grid's phase follows the command stamps (their circular mean
modulo the period) and each grid time takes the latest command stamped up to half a period after
it, so a controller whose ticks jitter by a few milliseconds (any wall-clock log) still gives one
command per grid time instead of shifting some by a whole period. Timing offsets between the two
streams end up in the fitted command delay.

NPZ layout (what ``save_npz`` writes and ``read_npz`` reads), times in seconds::

    state_times_s (N,)  state_names (J,)  state_position (N, J)  state_velocity (N, J) or (N, 0)
    command_times_s (M,)  command_names (K,)  command_position (M, K)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from skillbridge.calibration.bag import file_sha256, read_bag
from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.samples import (
    COMMANDS_TOPIC,
    STATES_TOPIC,
    JointSamples,
    RawRecording,
)
from skillbridge.sim.scene import FINGER_OPEN_M


@dataclasses.dataclass(frozen=True)
class Trajectory:
    """A recording on a uniform time grid: what the fit replays and compares against.

    Attributes:
        times_s: grid times from 0, seconds. Shape: (T,).
        joint_names: the joints of the columns. Length J.
        position_rad: measured (encoder-reported) positions. Shape: (T, J).
        velocity_rad_s: measured velocities. Shape: (T, J).
        command_rad: commanded position targets in force from each grid time. Shape: (T, J).
        finger_m: finger opening to hold during replay (the first measured value, or open).
        rate_hz: grid rate.
        source: file the recording came from.
        sha256: hex digest of that file.
        velocity_from_positions: True when the log had no velocities and they were derived.
    """

    times_s: np.ndarray
    joint_names: tuple[str, ...]
    position_rad: np.ndarray
    velocity_rad_s: np.ndarray
    command_rad: np.ndarray
    finger_m: float
    rate_hz: float
    source: str = ""
    sha256: str = ""
    velocity_from_positions: bool = False

    @property
    def duration_s(self) -> float:
        return float(self.times_s[-1] - self.times_s[0])

    def command_range_rad(self) -> np.ndarray:
        """Peak-to-peak commanded motion per joint. Shape: (J,)."""
        return np.ptp(self.command_rad, axis=0)


def load_raw(
    path: str | Path,
    states_topic: str = STATES_TOPIC,
    commands_topic: str = COMMANDS_TOPIC,
    time_source: str = "auto",
) -> RawRecording:
    """Read an ``.mcap`` bag or an ``.npz`` file as recorded (no alignment)."""
    path = Path(path)
    if not path.exists():
        raise CalibrationError(f"recording {path} does not exist")
    if path.suffix == ".mcap":
        return read_bag(path, states_topic, commands_topic, time_source)
    if path.suffix == ".npz":
        return read_npz(path)
    raise CalibrationError(
        f"unsupported recording {path}: give a ROS 2 bag (.mcap) or an NPZ file (.npz)"
    )


def load_trajectory(
    path: str | Path,
    joint_names: tuple[str, ...],
    rate_hz: float = 50.0,
    *,
    states_topic: str = STATES_TOPIC,
    commands_topic: str = COMMANDS_TOPIC,
    time_source: str = "auto",
    finger_joint: str | None = None,
    min_duration_s: float = 4.0,
    min_motion_rad: float = 0.02,
) -> Trajectory:
    """Read a recording and align it on a uniform grid. See ``align``."""
    raw = load_raw(path, states_topic, commands_topic, time_source)
    return align(
        raw,
        joint_names,
        rate_hz,
        finger_joint=finger_joint,
        min_duration_s=min_duration_s,
        min_motion_rad=min_motion_rad,
    )


def align(
    raw: RawRecording,
    joint_names: tuple[str, ...],
    rate_hz: float = 50.0,
    *,
    finger_joint: str | None = None,
    min_duration_s: float = 4.0,
    min_motion_rad: float = 0.02,
) -> Trajectory:
    """Match joints by name and resample both streams onto one uniform grid.

    Args:
        raw: the recording as read.
        joint_names: joints to extract (each must be in both streams).
        rate_hz: grid rate; the grid starts where both streams have begun and ends with the
            last state sample.
        finger_joint: optional joint whose first measured position is held during replay.
        min_duration_s: shorter recordings are refused.
        min_motion_rad: a recording whose commands move no joint by this much (peak to peak)
            is refused as too still to identify anything.

    Raises:
        CalibrationError: a missing joint (named, with the joints present), NaN samples,
            timestamps that do not increase, a recording too short or too still.
    """
    where = raw.source or "recording"
    _check_stream(raw.states, joint_names, "joint_states", where)
    _check_stream(raw.commands, joint_names, "joint_commands", where)
    t0 = max(raw.states.times_s[0], raw.commands.times_s[0])
    t0 += command_phase(raw.commands.times_s, t0, 1.0 / rate_hz)
    duration = float(raw.states.times_s[-1] - t0)
    if duration < min_duration_s:
        raise CalibrationError(
            f"{where} overlaps joint_states and joint_commands for only {max(duration, 0):.2f} s; "
            f"calibration needs at least {min_duration_s:.1f} s (about 30 s is recommended): "
            "record a longer excitation (`skillbridge calibrate excite --duration-s 30`)"
        )
    grid = t0 + np.arange(int(np.floor(duration * rate_hz + 1e-9)) + 1) / rate_hz
    pos, vel, from_pos = _states_on_grid(raw.states, joint_names, grid)
    cmd = _commands_on_grid(raw.commands, joint_names, grid, 0.5 / rate_hz)
    traj = Trajectory(
        times_s=grid - t0,
        joint_names=tuple(joint_names),
        position_rad=pos,
        velocity_rad_s=vel,
        command_rad=cmd,
        finger_m=_finger(raw.states, finger_joint),
        rate_hz=float(rate_hz),
        source=raw.source,
        sha256=raw.sha256,
        velocity_from_positions=from_pos,
    )
    motion = traj.command_range_rad()
    if np.all(motion < min_motion_rad):
        raise CalibrationError(
            f"{where} is too still to identify anything: the commands move each joint by at most "
            f"{motion.max():.4f} rad peak to peak (threshold {min_motion_rad} rad); record an "
            "excitation from `skillbridge calibrate excite` instead"
        )
    return traj


def _check_stream(
    samples: JointSamples, joint_names: tuple[str, ...], label: str, where: str
) -> None:
    missing = [j for j in joint_names if j not in samples.names]
    if missing:
        raise CalibrationError(
            f"{where}: {label} has no joint {missing[0]!r}"
            + (f" (also missing: {missing[1:]})" if len(missing) > 1 else "")
            + f"; joints present: {list(samples.names)}. Record all of {list(joint_names)} "
            "or fit fewer joints (--joints)"
        )
    t = samples.times_s
    if len(t) < 2:
        raise CalibrationError(f"{where}: {label} has {len(t)} sample(s); nothing to calibrate")
    if not np.all(np.isfinite(t)):
        k = int(np.flatnonzero(~np.isfinite(t))[0])
        raise CalibrationError(f"{where}: {label} timestamp {k} is {t[k]}; fix the recording")
    back = np.flatnonzero(np.diff(t) <= 0)
    if len(back):
        k = int(back[0]) + 1
        raise CalibrationError(
            f"{where}: {label} timestamps do not increase at sample {k} "
            f"({t[k] - t[0]:.4f} s after {t[k - 1] - t[0]:.4f} s from the start); sort or "
            "de-duplicate the messages, or read a bag with --time-source log when header "
            "stamps come from an unsynchronised clock"
        )
    cols = [samples.names.index(j) for j in joint_names]
    arrays = [("position", samples.position[:, cols])]
    if samples.has_velocity:
        arrays.append(("velocity", samples.velocity[:, cols]))
    for what, values in arrays:
        bad = np.argwhere(~np.isfinite(values))
        if len(bad):
            k, c = (int(v) for v in bad[0])
            raise CalibrationError(
                f"{where}: {label} {what} of {joint_names[c]} is {values[k, c]} at sample {k} "
                f"({t[k] - t[0]:.3f} s); NaN or missing samples cannot be replayed: trim the "
                "recording or record again"
            )


def _states_on_grid(
    states: JointSamples, joint_names: tuple[str, ...], grid: np.ndarray
) -> tuple[np.ndarray, np.ndarray, bool]:
    cols = [states.names.index(j) for j in joint_names]
    t = states.times_s
    pos_raw = states.position[:, cols]
    if states.has_velocity:
        vel_raw, from_pos = states.velocity[:, cols], False
    else:
        vel_raw, from_pos = np.gradient(pos_raw, t, axis=0), True
    pos = np.column_stack([np.interp(grid, t, pos_raw[:, c]) for c in range(len(cols))])
    vel = np.column_stack([np.interp(grid, t, vel_raw[:, c]) for c in range(len(cols))])
    return pos, vel, from_pos


def command_phase(times_s: np.ndarray, t0: float, period_s: float) -> float:
    """Offset in [0, period) from ``t0`` to the phase of the command stamps (circular mean).

    0 when the commands tick on ``t0``'s grid (within a nanosecond), e.g. on a simulated clock.
    """
    angles = 2.0 * np.pi * (np.asarray(times_s) - t0) / period_s
    phase = period_s * float(np.angle(np.mean(np.exp(1j * angles)))) / (2.0 * np.pi)
    return phase % period_s if abs(phase) > 1e-9 else 0.0


def _commands_on_grid(
    commands: JointSamples, joint_names: tuple[str, ...], grid: np.ndarray, window_s: float
) -> np.ndarray:
    """The latest command stamped before ``grid + window_s``, per grid time."""
    cols = [commands.names.index(j) for j in joint_names]
    idx = np.searchsorted(commands.times_s, grid + window_s, side="left") - 1
    return commands.position[np.clip(idx, 0, None)][:, cols]


def _finger(states: JointSamples, finger_joint: str | None) -> float:
    if finger_joint is None or finger_joint not in states.names:
        return FINGER_OPEN_M
    value = float(states.position[0, states.names.index(finger_joint)])
    return value if np.isfinite(value) else FINGER_OPEN_M


def save_npz(recording: RawRecording, path: str | Path) -> None:
    """Write a recording in the NPZ layout of this module's docstring."""
    s, c = recording.states, recording.commands
    np.savez(
        path,
        state_times_s=s.times_s,
        state_names=np.array(s.names),
        state_position=s.position,
        state_velocity=s.velocity,
        command_times_s=c.times_s,
        command_names=np.array(c.names),
        command_position=c.position,
    )


_NPZ_KEYS = (
    "state_times_s",
    "state_names",
    "state_position",
    "command_times_s",
    "command_names",
    "command_position",
)


def read_npz(path: str | Path) -> RawRecording:
    """Read an NPZ recording (see the module docstring for its keys)."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [k for k in _NPZ_KEYS if k not in npz]
            if missing:
                raise CalibrationError(
                    f"{path} lacks {missing}; an NPZ recording needs {list(_NPZ_KEYS)} "
                    "(and optionally state_velocity)"
                )
            data = {k: npz[k] for k in npz.files}
    except (OSError, ValueError) as exc:
        raise CalibrationError(f"cannot read NPZ recording {path}: {exc}") from exc
    n = len(data["state_times_s"])
    states = JointSamples(
        np.asarray(data["state_times_s"], float),
        tuple(str(v) for v in data["state_names"]),
        np.asarray(data["state_position"], float).reshape(n, -1),
        np.asarray(data.get("state_velocity", np.zeros((n, 0))), float).reshape(n, -1),
    )
    m = len(data["command_times_s"])
    commands = JointSamples(
        np.asarray(data["command_times_s"], float),
        tuple(str(v) for v in data["command_names"]),
        np.asarray(data["command_position"], float).reshape(m, -1),
        np.zeros((m, 0)),
    )
    return RawRecording(states, commands, str(path), file_sha256(path))
