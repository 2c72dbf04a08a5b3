"""Encoder offsets from a calibration fixture: the external reference a joint log cannot give.

The servo regulates the angle its encoder reports, so a joint log sees an encoder offset only
through gravity: joint 1 (vertical axis) not at all and the wrist a hundred times more weakly than
the friction beside it (docs/calibration.md, "Offsets"). A fixture does what gravity cannot. It is
a plate bolted at a known place relative to the robot's mount, with seats at known poses in the
base frame; the tool (a calibration pin at the tool centre point, or the closed fingertips) is
guided into a seat, and the encoders are read while it sits there. With the true joint angles
``reading - offset`` the arm's kinematics must put the tool centre point at the seat: each touch
is three equations in the seven offsets (six with a keyed seat, which also fixes the hand's
orientation). Touches in several seats, keys and elbow postures determine all seven; without a
keyed seat, joint 7 (which turns the tool about its own axis) is left to its prior and reported
as not identified.

Fixture file (YAML; tolerances are one standard deviation)::

    position_tolerance_m: 0.0001       # seat position: machining + seating
    orientation_tolerance_rad: 0.001   # keyed seat orientation (touches with tcp_quat_wxyz)
    kinematic_tolerance_m: 0.0005      # the arm's joint origins against its drawing
    axis_tolerance_rad: 0.001          # ... and its joint frames' tilts
    touches:
      - joints_rad: [0.01, -0.42, ...]        # the 7 encoder readings while seated
        tcp_position_m: [0.45, -0.15, 0.05]   # the seat, robot base frame
        tcp_quat_wxyz: [0, 1, 0, 0]           # optional: the keyed seat's hand orientation

No arm is built exactly to its drawing, and an offset can stand in for a link that is a little
off (0.2 mm at the wrist is ~0.3 mrad of a joint near the base). The fit therefore estimates the
errors of the eight joint frames (seven links and the hand: origin x, y, z and tilt about x and
y, 40 numbers; a turn about a joint's own axis is its offset) with the offsets, under Gaussian
priors of ``kinematic_tolerance_m`` and ``axis_tolerance_rad``: a small nonlinear least squares
(scipy), the residuals scaled by the tolerances, the offsets under a Gaussian prior around the
initial ones (what a user knows without the fixture). The kinematics are MuJoCo's, on the
simulator's own scene. The offsets' intervals come from the Gauss-Newton covariance with the
frame errors marginalized, inflated by the reduced chi-square when the touches disagree more
than the stated tolerances allow.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import mujoco
import numpy as np
import yaml
from scipy.optimize import least_squares
from scipy.spatial.transform import Rotation

from skillbridge.calibration.errors import CalibrationError
from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import ARM_JOINTS, HAND_BODY, TCP_SITE, compile_scene

Z95 = 1.959964
IDENTIFIED_SHARE = 0.25
"""An offset counts as identified when the fixture shrinks its standard deviation to at most
this share of the prior's: the touches, not the prior, decide it."""


@dataclasses.dataclass(frozen=True)
class FixtureTouch:
    """The arm seated in one fixture seat."""

    joints_rad: np.ndarray
    """Encoder readings of the seven arm joints. Shape: (7,)."""
    tcp_position_m: np.ndarray
    """Where the seat holds the tool centre point, base frame. Shape: (3,)."""
    tcp_quat_wxyz: np.ndarray | None = None
    """The keyed seat's hand orientation (base frame), or None for a plain seat. Shape: (4,)."""


@dataclasses.dataclass(frozen=True)
class FixtureLog:
    touches: tuple[FixtureTouch, ...]
    position_tolerance_m: float = 1e-4
    orientation_tolerance_rad: float = 1e-3
    kinematic_tolerance_m: float = 5e-4
    """How far (one standard deviation, per axis) each joint origin of the arm may sit from the
    drawing. The fit estimates the origins (24 numbers) and the frames' tilts (24) with the
    offsets, under these priors, so the offsets' intervals carry what the kinematics do not
    know; 0: the drawing is exact (offsets only)."""
    axis_tolerance_rad: float = 1e-3
    """How far (one standard deviation, about each of the two axes across the joint's) each
    joint frame may be tilted from the drawing."""


@dataclasses.dataclass(frozen=True)
class FixtureFit:
    """Encoder offsets of the seven arm joints from a fixture log."""

    offsets_rad: np.ndarray
    std_rad: np.ndarray
    """Standard deviation of each offset (prior included). Shape: (7,)."""
    identified: np.ndarray
    """Whether the touches, not the prior, determine each offset (``IDENTIFIED_SHARE``)."""
    initial_rad: np.ndarray
    prior_rad: float
    rms_position_m: float
    """Position misfit left at the seats."""
    rms_orientation_rad: float
    """Orientation misfit left at the keyed seats (0 without any)."""
    chi2_per_dof: float
    touches: int

    @property
    def ci95_rad(self) -> np.ndarray:
        return Z95 * self.std_rad

    def table(self) -> str:
        lines = [f"{'joint':<14}{'offset mrad':>12}{'95% interval':>14}  identified"]
        for j, name in enumerate(ARM_JOINTS):
            lines.append(
                f"{name:<14}{1e3 * self.offsets_rad[j]:>12.3f}{'+-':>6}"
                f"{1e3 * self.ci95_rad[j]:<8.3f}  {'yes' if self.identified[j] else 'no (prior)'}"
            )
        lines.append(
            f"{self.touches} touches; misfit {1e3 * self.rms_position_m:.3f} mm RMS, "
            f"{1e3 * self.rms_orientation_rad:.3f} mrad RMS; chi2/dof {self.chi2_per_dof:.2f}"
        )
        return "\n".join(lines)

    def overrides(
        self, base: ModelOverrides | None = None, k_sigma: float = 2.0
    ) -> ModelOverrides:
        """``base`` with the fitted offsets, and randomization of each offset over +- k_sigma
        standard deviations (what training should not trust more than the fixture does)."""
        base = base or ModelOverrides()
        joints = {name: dict(base.joints.get(name, {})) for name in base.joints}
        ranges = {k: dict(v) for k, v in base.randomization.get("joints", {}).items()}
        for j, name in enumerate(ARM_JOINTS):
            value, half = float(self.offsets_rad[j]), float(k_sigma * self.std_rad[j])
            joints.setdefault(name, {})["offset_rad"] = value
            ranges.setdefault(name, {})["offset_rad"] = [value - half, value + half]
        randomization = {**base.randomization, "joints": ranges}
        provenance = {**base.provenance, "fixture_touches": self.touches}
        return dataclasses.replace(
            base, joints=joints, randomization=randomization, provenance=provenance
        )


def load_fixture(path: str | Path) -> FixtureLog:
    """Read a fixture file (module docstring).

    Raises:
        CalibrationError: unreadable file or a malformed entry (named, with what to write).
    """
    try:
        raw = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise CalibrationError(f"cannot read the fixture file {path}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("touches"), list):
        raise CalibrationError(
            f"{path}: expected a mapping with a 'touches' list (see "
            "skillbridge.calibration.fixture for the format)"
        )
    touches = tuple(
        _touch(entry, f"{path}: touches[{i}]") for i, entry in enumerate(raw["touches"])
    )
    log = FixtureLog(
        touches,
        position_tolerance_m=_positive(raw, "position_tolerance_m", 1e-4, path),
        orientation_tolerance_rad=_positive(raw, "orientation_tolerance_rad", 1e-3, path),
        kinematic_tolerance_m=_nonnegative(raw, "kinematic_tolerance_m", 5e-4, path),
        axis_tolerance_rad=_positive(raw, "axis_tolerance_rad", 1e-3, path),
    )
    check_enough(log, str(path))
    return log


def _touch(entry: Any, where: str) -> FixtureTouch:
    if not isinstance(entry, dict):
        raise CalibrationError(f"{where} is not a mapping with joints_rad and tcp_position_m")
    joints = _vector(entry.get("joints_rad"), 7, f"{where}.joints_rad (7 encoder readings, rad)")
    position = _vector(entry.get("tcp_position_m"), 3, f"{where}.tcp_position_m (x, y, z in m)")
    quat = None
    if entry.get("tcp_quat_wxyz") is not None:
        quat = _vector(entry["tcp_quat_wxyz"], 4, f"{where}.tcp_quat_wxyz (w, x, y, z)")
        norm = float(np.linalg.norm(quat))
        if not 0.99 < norm < 1.01:
            raise CalibrationError(
                f"{where}.tcp_quat_wxyz has norm {norm:.3f}; give a unit quaternion"
            )
        quat = quat / norm
    return FixtureTouch(joints, position, quat)


def _vector(value: Any, size: int, what: str) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CalibrationError(f"{what}: not a list of numbers ({value!r})") from exc
    if array.shape != (size,) or not np.all(np.isfinite(array)):
        raise CalibrationError(f"{what}: expected {size} finite numbers, got {value!r}")
    return array


def _positive(raw: dict, key: str, default: float, path: str | Path) -> float:
    value = raw.get(key, default)
    if not isinstance(value, (int, float)) or not np.isfinite(value) or value <= 0:
        raise CalibrationError(f"{path}: {key} must be a positive number, got {value!r}")
    return float(value)


def _nonnegative(raw: dict, key: str, default: float, path: str | Path) -> float:
    value = raw.get(key, default)
    if not isinstance(value, (int, float)) or not np.isfinite(value) or value < 0:
        raise CalibrationError(f"{path}: {key} must be a number >= 0, got {value!r}")
    return float(value)


def check_enough(log: FixtureLog, where: str) -> None:
    """Seven offsets need at least seven equations (three per touch, three more when keyed)."""
    equations = sum(3 + 3 * (t.tcp_quat_wxyz is not None) for t in log.touches)
    if equations < len(ARM_JOINTS):
        raise CalibrationError(
            f"{where}: {len(log.touches)} touch(es) give {equations} equations for 7 offsets; "
            "record at least 3 touches in different seats (keyed seats to identify joint 7)"
        )


class _Kinematics:
    """Tool centre point pose of the simulator's scene for given arm joint angles, with the
    frames of the seven links and the hand off the drawing (``set_errors``)."""

    LINKS = (*(j.replace("joint", "link") for j in ARM_JOINTS), HAND_BODY)

    def __init__(self) -> None:
        self.model = compile_scene()
        self.data = mujoco.MjData(self.model)
        self.qpos = np.array([self.model.joint(j).qposadr[0] for j in ARM_JOINTS])
        self.site = self.model.site(TCP_SITE).id
        self.links = np.array([self.model.body(b).id for b in self.LINKS])
        self.drawing_pos = self.model.body_pos[self.links].copy()
        self.drawing_quat = self.model.body_quat[self.links].copy()

    def set_errors(self, origin_m: np.ndarray, tilt_rad: np.ndarray) -> None:
        """Each frame's origin moved by ``origin_m`` (8, 3) and the frame tilted by ``tilt_rad``
        (8, 2): rotation vectors about the frame's x and y. Not about z: every joint turns about
        its frame's z, so a turn about z is the joint's zero itself (its offset), and the hand's
        is joint 7's."""
        self.model.body_pos[self.links] = self.drawing_pos + origin_m
        turn = np.empty(4)
        for row, body in enumerate(self.links):
            tilt = np.r_[tilt_rad[row], 0.0]
            angle = float(np.linalg.norm(tilt))
            axis = tilt / angle if angle > 0 else np.array([1.0, 0.0, 0.0])
            mujoco.mju_axisAngle2Quat(turn, axis, angle)
            mujoco.mju_mulQuat(self.model.body_quat[body], self.drawing_quat[row], turn)

    def pose(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self.data.qpos[self.qpos] = q
        mujoco.mj_kinematics(self.model, self.data)
        return self.data.site_xpos[self.site].copy(), self.data.site_xmat[self.site].reshape(3, 3)


def fit_fixture(
    log: FixtureLog,
    initial_rad: Sequence[float] | None = None,
    prior_rad: float = 0.01,
) -> FixtureFit:
    """The encoder offsets that put the tool into every seat.

    Args:
        log: the touches and their tolerances.
        initial_rad: offsets known before (the prior's mean); zeros by default.
        prior_rad: standard deviation of the prior on each offset (what the touches must beat).
    """
    check_enough(log, "the fixture log")
    kin = _Kinematics()
    x0 = np.zeros(7) if initial_rad is None else np.asarray(initial_rad, np.float64)
    seats = [
        (
            t,
            None
            if t.tcp_quat_wxyz is None
            else Rotation.from_quat(t.tcp_quat_wxyz, scalar_first=True),
        )
        for t in log.touches
    ]

    frames = len(kin.LINKS)
    links = 5 * frames if log.kinematic_tolerance_m > 0 else 0
    link_scale = np.r_[np.full(3 * frames, log.kinematic_tolerance_m),
                       np.full(2 * frames, log.axis_tolerance_rad)]  # fmt: skip

    def data_residuals(x: np.ndarray) -> np.ndarray:
        offsets = x[:7]
        if links:
            kin.set_errors(
                x[7 : 7 + 3 * frames].reshape(-1, 3), x[7 + 3 * frames :].reshape(-1, 2)
            )
        rows = []
        for touch, seat in seats:
            position, rotation = kin.pose(touch.joints_rad - offsets)
            rows.append((position - touch.tcp_position_m) / log.position_tolerance_m)
            if seat is not None:
                error = (seat.inv() * Rotation.from_matrix(rotation)).as_rotvec()
                rows.append(error / log.orientation_tolerance_rad)
        return np.concatenate(rows)

    def residuals(x: np.ndarray) -> np.ndarray:
        prior = [(x[:7] - x0) / prior_rad]
        if links:
            prior.append(x[7:] / link_scale)
        return np.concatenate([data_residuals(x), *prior])

    start = np.r_[x0, np.zeros(links)]
    scale = np.r_[np.full(7, 1e-3), link_scale if links else np.zeros(0)]
    solution = least_squares(residuals, start, method="lm", x_scale=scale)
    data = data_residuals(solution.x)
    jac = solution.jac
    cov = np.linalg.pinv(jac.T @ jac)[:7, :7]  # the offsets', the link errors marginalized
    dof = max(len(data) - 7, 1)
    chi2 = float(data @ data) / dof
    std = np.sqrt(np.diag(cov) * max(1.0, chi2))
    position_rows, orientation_rows = _split(data, seats)
    return FixtureFit(
        offsets_rad=solution.x[:7],
        std_rad=std,
        identified=std <= IDENTIFIED_SHARE * prior_rad,
        initial_rad=x0,
        prior_rad=prior_rad,
        rms_position_m=_rms(position_rows) * log.position_tolerance_m,
        rms_orientation_rad=_rms(orientation_rows) * log.orientation_tolerance_rad,
        chi2_per_dof=chi2,
        touches=len(log.touches),
    )


def _split(data: np.ndarray, seats: list) -> tuple[np.ndarray, np.ndarray]:
    """Scaled residuals of positions and of orientations."""
    position, orientation, at = [], [], 0
    for _, seat in seats:
        position.append(data[at : at + 3])
        at += 3
        if seat is not None:
            orientation.append(data[at : at + 3])
            at += 3
    return np.concatenate(position), np.concatenate(orientation) if orientation else np.zeros(0)


def _rms(values: np.ndarray) -> float:
    return float(np.sqrt(np.mean(values**2))) if len(values) else 0.0


__all__ = ["FixtureFit", "FixtureLog", "FixtureTouch", "fit_fixture", "load_fixture"]
