"""Encoder offsets from a calibration fixture, on robots and touches the fitter never saw.

A joint log cannot give every encoder offset: gravity shows none of joint 1's and the wrist's a
hundred times more weakly than friction (docs/calibration.md, "Offsets"). ``calibrate offsets``
(``skillbridge.calibration.fixture``) uses the external reference instead: a fixture at a known
place with seats at known poses. This study draws robots from the coverage study's prior
(``calibration_coverage.draw_robot``: offsets uniform in +-5 mrad) and makes each robot's fixture
log with code of its own:

- the Menagerie Panda MJCF loaded directly (the fitter uses the project's scene), a tool centre
  point 0.1034 m along the hand's axis (Franka's documented flange-to-fingertip distance);
- each robot's joint origins off the nominal kinematics by 0.2 mm per axis (``link_m``), and
  its joint frames tilted across their axes by 0.3 mrad per axis (``axis_rad``); the fitter
  knows neither, only its priors (0.5 mm, 1 mrad);
- a fixture of five seats (four on the plate, one on a post) whose *true* poses differ from the
  nominal ones written in the file by machining errors (0.03 mm, 0.3 mrad per axis), and each
  touch by a seating error (0.02 mm, 0.2 mrad);
- three key angles per seat and two elbow postures (inverse kinematics from two starting
  postures, solved here), 30 touches;
- readings: true angles plus offsets, 1e-5 rad noise, quantized to 2^-20 rev (the coverage
  study's encoders).

The file states tolerances of 0.1 mm and 1 mrad (a user's conservative figure, larger than the
generator's errors). Each log is fitted by ``fit_fixture`` at its defaults; ``--no-keys`` gives
plain seats (positions only), where joint 7 must be reported as not identified.

Targets (issue 18's): offsets within 2 mrad on >= 90 % of the robots (every joint of a robot),
and the reported 95 % intervals containing the truth for >= 90 % of the offsets. Baseline, in
the same run: the encoders trusted as they read (offsets 0, what a user has without a fixture).

    python benchmarks/calibration_fixture.py [--quick] [--robots N] [--seed B] [--no-keys]
        [--json PATH]

Seeds: development base 2000 (the design above was set on robots 2000-2005). Frozen test sets,
each fixed in this file before any of its robots was drawn: base 7600 (robots 7600-7619), run
once with the exact kinematics (``--link-m 0 --axis-rad 0``); base 7700 (7700-7719, the
default), run once after the generator gained the link errors and tilts.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import mujoco
import numpy as np
from scipy.spatial.transform import Rotation

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report
from calibration_closed_loop import offset_displacement_mm, start_poses
from calibration_coverage import OFFSET_TARGET_RAD, QUANTUM_RAD, Prior, draw_robot

from skillbridge.calibration.fixture import FixtureLog, FixtureTouch, fit_fixture
from skillbridge.sim.assets import panda_mjcf
from skillbridge.sim.scene import ARM_JOINTS

TEST_SEED = 7700
TCP_FROM_HAND_M = 0.1034
SEATS_M = np.array(
    [[0.40, -0.20, 0.10], [0.40, 0.20, 0.10], [0.60, -0.15, 0.05], [0.60, 0.15, 0.05],
     [0.50, 0.00, 0.35]]
)  # fmt: skip
"""Nominal seat positions, robot base frame (as the fixture's drawing gives them)."""
KEY_YAWS_RAD = np.deg2rad([-60.0, 0.0, 60.0])
"""Key angles of each seat: the hand points down, turned about the vertical by these."""
ELBOW_STARTS = ((0.0, -0.3, 0.0, -2.2, 0.0, 1.9, 0.8), (0.0, 0.2, 0.9, -1.8, -0.6, 2.2, 0.3))
"""Starting postures of the inverse kinematics: two elbow postures per seat and key."""


@dataclasses.dataclass(frozen=True)
class FixtureErrors:
    machining_m: float = 3e-5
    machining_rad: float = 3e-4
    seating_m: float = 2e-5
    seating_rad: float = 2e-4
    reading_noise_rad: float = 1e-5
    link_m: float = 2e-4
    """Per-axis error of each joint's origin (link1..link7 and the hand) from the nominal
    kinematics: no real arm is built to its drawing (0: the fitter's kinematics exactly)."""
    axis_rad: float = 3e-4
    """Tilt of each joint frame (link1..link7 and the hand) from the drawing, about the two axes
    across the joint's (a turn about the joint's axis would be an offset)."""
    stated_position_m: float = 1e-4
    stated_orientation_rad: float = 1e-3


class TrueArm:
    """The generator's kinematics: Menagerie's Panda with a tool centre point site."""

    def __init__(self) -> None:
        spec = mujoco.MjSpec.from_file(str(panda_mjcf()))
        spec.body("hand").add_site(name="calibration_tcp", pos=[0.0, 0.0, TCP_FROM_HAND_M])
        self.model = spec.compile()
        self.data = mujoco.MjData(self.model)
        self.joints = [self.model.joint(f"joint{j + 1}") for j in range(7)]
        self.qpos = np.array([j.qposadr[0] for j in self.joints])
        self.limits = np.array([j.range for j in self.joints])
        self.site = self.model.site("calibration_tcp").id
        self.links = np.array([self.model.body(f"link{j + 1}").id for j in range(7)]
                              + [self.model.body("hand").id])  # fmt: skip
        self.nominal_pos = self.model.body_pos[self.links].copy()
        self.nominal_quat = self.model.body_quat[self.links].copy()

    def build(self, rng: np.random.Generator, link_m: float, axis_rad: float) -> None:
        """This robot's kinematics: every joint origin off the drawing by ``link_m`` and every
        joint frame tilted by ``axis_rad``, per axis (0: no draw, exactly the drawing)."""
        error = rng.normal(0.0, link_m, (8, 3)) if link_m > 0 else 0.0
        self.model.body_pos[self.links] = self.nominal_pos + error
        for row, quat in enumerate(self.nominal_quat):
            # across the joint's axis (z): a turn about it would be an encoder offset
            tilt = np.r_[rng.normal(0.0, axis_rad, 2), 0.0] if axis_rad > 0 else np.zeros(3)
            drawn = Rotation.from_quat(quat, scalar_first=True)
            turned = (drawn * Rotation.from_rotvec(tilt)).as_quat(scalar_first=True)
            self.model.body_quat[self.links[row]] = turned

    def pose(self, q: np.ndarray) -> tuple[np.ndarray, Rotation]:
        self.data.qpos[self.qpos] = q
        mujoco.mj_kinematics(self.model, self.data)
        mujoco.mj_comPos(self.model, self.data)
        xmat = self.data.site_xmat[self.site].reshape(3, 3)
        return self.data.site_xpos[self.site].copy(), Rotation.from_matrix(xmat)

    def solve(
        self, position: np.ndarray, rotation: Rotation, start: np.ndarray
    ) -> np.ndarray | None:
        """Damped least-squares inverse kinematics; None if it does not converge in limits."""
        q = start.copy()
        jacp, jacr = np.zeros((3, self.model.nv)), np.zeros((3, self.model.nv))
        dofs = np.array([j.dofadr[0] for j in self.joints])
        for _ in range(200):
            now, rot = self.pose(q)
            error = np.r_[position - now, (rotation * rot.inv()).as_rotvec()]
            if np.linalg.norm(error[:3]) < 1e-9 and np.linalg.norm(error[3:]) < 1e-8:
                return q
            mujoco.mj_jacSite(self.model, self.data, jacp, jacr, self.site)
            jac = np.vstack([jacp[:, dofs], jacr[:, dofs]])
            step = jac.T @ np.linalg.solve(jac @ jac.T + 1e-6 * np.eye(6), error)
            q = np.clip(q + step, self.limits[:, 0], self.limits[:, 1])
        return None


def seat_rotation(yaw_rad: float) -> Rotation:
    """The hand pointing down, turned ``yaw_rad`` about the vertical."""
    return Rotation.from_euler("z", yaw_rad) * Rotation.from_euler("x", np.pi)


def make_log(
    arm: TrueArm, offsets_rad: np.ndarray, seed: int, keyed: bool, errors: FixtureErrors
) -> FixtureLog:
    """The touches a user records on this robot: nominal seat poses, readings of the truth."""
    rng = np.random.default_rng(seed + 100_000)
    arm.build(rng, errors.link_m, errors.axis_rad)
    touches = []
    for position in SEATS_M:
        true_position = position + rng.normal(0.0, errors.machining_m, 3)
        machined = Rotation.from_rotvec(rng.normal(0.0, errors.machining_rad, 3))
        for yaw in KEY_YAWS_RAD:
            nominal = seat_rotation(yaw)
            for start in ELBOW_STARTS:
                seated = Rotation.from_rotvec(rng.normal(0.0, errors.seating_rad, 3))
                pose_position = true_position + rng.normal(0.0, errors.seating_m, 3)
                q = arm.solve(pose_position, seated * machined * nominal, np.array(start))
                if q is None:
                    continue
                reading = q + offsets_rad + rng.normal(0.0, errors.reading_noise_rad, 7)
                reading = np.round(reading / QUANTUM_RAD) * QUANTUM_RAD
                quat = nominal.as_quat(scalar_first=True) if keyed else None
                touches.append(FixtureTouch(reading, position.copy(), quat))
    return FixtureLog(tuple(touches), errors.stated_position_m, errors.stated_orientation_rad)


def displacement_mm(offsets_rad: np.ndarray, poses: np.ndarray) -> float:
    """Mean tool displacement (mm) of these offsets over the closed-loop study's start poses:
    the error a policy trusting its encoders keeps (``calibration_closed_loop``)."""
    return offset_displacement_mm(
        dict(zip(ARM_JOINTS, map(float, offsets_rad), strict=True)), poses
    )


def study_robot(
    arm: TrueArm, seed: int, keyed: bool, errors: FixtureErrors, poses: np.ndarray | None = None
) -> dict:
    truth = draw_robot(Prior(), seed).offset_rad
    log = make_log(arm, truth, seed, keyed, errors)
    start = time.perf_counter()
    fit = fit_fixture(log)
    error = fit.offsets_rad - truth
    poses = start_poses() if poses is None else poses
    return {
        "seed": seed,
        "touches": fit.touches,
        "truth_mrad": (1e3 * truth).round(4).tolist(),
        "fitted_mrad": (1e3 * fit.offsets_rad).round(4).tolist(),
        "error_mrad": (1e3 * error).round(4).tolist(),
        "ci95_mrad": (1e3 * fit.ci95_rad).round(4).tolist(),
        "identified": fit.identified.tolist(),
        "covered": (np.abs(error) <= fit.ci95_rad).tolist(),
        "within_target": bool(np.all(np.abs(error) <= OFFSET_TARGET_RAD)),
        "baseline_within_target": bool(np.all(np.abs(truth) <= OFFSET_TARGET_RAD)),
        "misfit_mm": round(1e3 * fit.rms_position_m, 4),
        "misfit_mrad": round(1e3 * fit.rms_orientation_rad, 4),
        "chi2_per_dof": round(fit.chi2_per_dof, 3),
        "fit_wall_s": round(time.perf_counter() - start, 3),
        "true_offsets_displacement_mm": round(displacement_mm(truth, poses), 4),
        "left_displacement_mm": round(displacement_mm(-error, poses), 4),
    }


def results_of(robots: list[dict]) -> list[Result]:
    within = float(np.mean([r["within_target"] for r in robots]))
    baseline = float(np.mean([r["baseline_within_target"] for r in robots]))
    covered = float(np.mean([c for r in robots for c in r["covered"]]))
    identified = [
        c for r in robots for c, ok in zip(r["covered"], r["identified"], strict=True) if ok
    ]
    floor = 1.0 / len(robots)  # a baseline of no robot counts as one, to keep the ratio finite
    return [
        Result("robots with every offset within 2 mrad", within, "frac",
               "encoders as read (no fixture)", baseline, within / max(baseline, floor), 0.9,
               within >= 0.9),
        Result("95 % intervals containing the truth", covered, "frac", "target", 0.9,
               covered / 0.9, 0.9, covered >= 0.9),
        Result("... of identified offsets", float(np.mean(identified)) if identified else 0.0,
               "frac", "target", 0.9, float(np.mean(identified)) / 0.9 if identified else 0.0,
               0.9, bool(identified) and float(np.mean(identified)) >= 0.9),
    ]  # fmt: skip


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--robots", type=int, default=None, help="robots to draw (20; quick 3)")
    parser.add_argument(
        "--seed", type=int, default=TEST_SEED,
        help=f"robot i is drawn with seed SEED + i (default {TEST_SEED}, the frozen test set; "
        "development: 2000)",
    )  # fmt: skip
    parser.add_argument(
        "--no-keys", action="store_true", help="plain seats: positions only (joint 7 unseen)"
    )
    parser.add_argument(
        "--link-m", type=float, default=FixtureErrors.link_m,
        help="per-axis error of each joint origin from the drawing, m (0: exact kinematics)",
    )  # fmt: skip
    parser.add_argument(
        "--axis-rad", type=float, default=FixtureErrors.axis_rad,
        help="per-axis tilt of each joint frame from the drawing, rad (0: none)",
    )  # fmt: skip


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], _arguments)
    n = args.robots or (3 if args.quick else 20)
    arm, errors = TrueArm(), FixtureErrors(link_m=args.link_m, axis_rad=args.axis_rad)
    start = time.perf_counter()
    poses = start_poses()
    robots = [study_robot(arm, args.seed + i, not args.no_keys, errors, poses) for i in range(n)]
    print(f"{'robot':>6}{'touches':>8}  max |error| mrad  identified  chi2/dof")
    for r in robots:
        worst = max(abs(e) for e in r["error_mrad"])
        print(f"{r['seed']:>6}{r['touches']:>8}  {worst:>16.3f}  {sum(r['identified'])}/7"
              f"{r['chi2_per_dof']:>12.2f}")  # fmt: skip
    per_joint = np.array([r["error_mrad"] for r in robots])
    extra = {
        "seed": args.seed,
        "robots_planned": n,
        "keyed": not args.no_keys,
        "errors": dataclasses.asdict(errors),
        "per_joint_max_abs_error_mrad": np.abs(per_joint).max(axis=0).round(4).tolist(),
        "tool_displacement_mm": {
            "true_offsets_median": float(
                np.median([r["true_offsets_displacement_mm"] for r in robots])
            ),
            "left_by_the_fixture_median": float(
                np.median([r["left_displacement_mm"] for r in robots])
            ),
            "left_by_the_fixture_max": max(r["left_displacement_mm"] for r in robots),
        },
        "study_wall_s": round(time.perf_counter() - start, 1),
        "robots": robots,
    }
    return report("calibration_fixture", results_of(robots), args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
