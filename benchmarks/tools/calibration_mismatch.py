"""Which difference between the coverage generator and the fitter biases the calibration?

For one robot of the coverage study (``benchmarks/calibration_coverage.py``), the fitter's cost
(``Problem.cost``, what the fit minimizes) is evaluated at the robot's true parameters, mapped
into the fitter's parameterization, on logs from generator variants that remove one difference at
a time (effort and sensor noise, the tanh Coulomb friction, the integrator and step), and with
the fitter's replay at finer physics steps. A correct model at the truth costs only the noise; a
large cost at the truth is model mismatch, which the fit absorbs by moving parameters away from
the truth. Next to each cost: the cost with every armature scaled, and with the delay shifted,
at the truth otherwise (which way the mismatch pulls them).

A cost at the truth says how large a mismatch is, not how far the fit must move the parameters
to absorb it. With ``--fit`` each variant's log is also fitted at the defaults (about a minute
each) and the estimates' errors are reported: the median armature error, the largest kp error,
joint 7's damping and the delay error.

    python benchmarks/tools/calibration_mismatch.py [--seed 2000] [--duration 30] [--fit]
        [--json PATH]

``--friction-timeconst-s T [T ...]`` instead fits the study's log once per T with the stiffness
of MuJoCo's friction constraint in the replay changed: the arm joints' ``dof_solref`` time
constant (MuJoCo's default 0.02 s; smaller is stiffer). A diagnostic only: it replaces the
fitter's replay-model builder in this process, and the overrides a fit writes do not carry it.

Use development seeds (2000-2005), never the frozen test seeds (7000-7019, 7100-7119).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import calibration_coverage as coverage

from skillbridge.calibration import fit as fit_module
from skillbridge.calibration.bag import write_bag
from skillbridge.calibration.excitation import ExcitationConfig, generate_excitation
from skillbridge.calibration.fit import FitOptions, build_problem
from skillbridge.calibration.recording import load_trajectory
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import ARM_JOINTS, FINGER_JOINT, SceneConfig, compile_scene

ARMATURE_SCALES = (0.5, 1.5, 2.5)
DELAY_SHIFTS_S = (-0.001, -0.0005, 0.0005, 0.001)


def _truth(robot: coverage.Robot, specs: tuple) -> np.ndarray:
    return np.array(
        [
            robot.delay_s
            if s.field == "delay"
            else float(robot.truth(s.field)[ARM_JOINTS.index(s.target)])
            for s in specs
        ]
    )


def costs_at_truth(log_path: Path, robot: coverage.Robot, replay_dt_s: float) -> dict:
    """Cost at the truth, with armature scaled and with the delay shifted."""
    opts = FitOptions(scene=SceneConfig(physics_dt_s=replay_dt_s))
    traj = load_trajectory(
        log_path,
        ARM_JOINTS,
        opts.rate_hz,
        finger_joint=FINGER_JOINT,
        min_duration_s=2 * opts.segment_s,
        min_motion_rad=opts.min_motion_rad,
    )
    problem, specs = build_problem(traj, opts)
    truth = _truth(robot, specs)
    armature = np.array([s.field == "armature" for s in specs])
    delay = np.array([s.field == "delay" for s in specs])
    return {
        "at_truth": problem.cost(truth),
        "armature_scaled": {
            f"{k:g}": problem.cost(np.where(armature, truth * k, truth)) for k in ARMATURE_SCALES
        },
        "delay_shifted_ms": {
            f"{d * 1e3:+g}": problem.cost(np.where(delay, truth + d, truth))
            for d in DELAY_SHIFTS_S
        },
    }


def fit_errors(log_path: Path, robot: coverage.Robot, replay_dt_s: float) -> dict:
    """Fit ``log_path`` at the defaults (replay step ``replay_dt_s``); the estimates' errors."""
    opts = FitOptions(scene=SceneConfig(physics_dt_s=replay_dt_s))
    fit = fit_module.fit_recording(log_path, opts)
    by_name = {e.name: e for e in fit.estimates}

    def rel_errors(field: str) -> np.ndarray:
        true = robot.truth(field)
        est = np.array([by_name[f"{j}.{field}"].value for j in ARM_JOINTS])
        return np.abs(est - true) / np.abs(true)

    return {
        "armature_median_rel_error": float(np.median(rel_errors("armature"))),
        "kp_max_rel_error": float(np.max(rel_errors("kp"))),
        "joint7_damping": [float(robot.viscous[6]), by_name["panda_joint7.damping"].value],
        "delay_error_s": fit.command_delay_s - robot.delay_s,
        "on_bound": list(fit.failed),
        "fit_wall_s": round(fit.wall_time_s, 1),
    }


def friction_softness(excitation, robot: coverage.Robot, timeconsts: list[float]) -> list[dict]:
    """Fit the study's log once per friction time constant, each in a fresh process."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "log.mcap"
        write_bag(coverage.generate_log(excitation, robot, coverage.SensorConfig()), path)
        for timeconst_s in timeconsts:
            with ProcessPoolExecutor(1) as pool:
                fit = pool.submit(_fit_softened, path, robot, timeconst_s).result()
            rows.append({"friction_timeconst_s": timeconst_s, "fit": fit})
            print(f"friction time constant {timeconst_s:g} s: {fit}", flush=True)
    return rows


def _fit_softened(path: Path, robot: coverage.Robot, timeconst_s: float) -> dict:
    coverage.with_friction_timeconst(timeconst_s)
    return fit_errors(path, robot, 0.002)


def variants(
    robot: coverage.Robot,
) -> list[tuple[str, coverage.Robot, coverage.SensorConfig, float]]:
    """(label, robot, generator sensors, replay step) per row, one difference removed at a time."""
    sensors = coverage.SensorConfig()
    quiet = dataclasses.replace(
        sensors, pos_noise_rad=0.0, vel_noise_rad_s=0.0, torque_noise_nm=(0.0,) * 7
    )
    viscous_only = dataclasses.replace(robot, coulomb=np.zeros(7))
    fitter_step = dataclasses.replace(quiet, physics_dt_s=0.002, integrator="IMPLICITFAST")
    return [
        ("study generator (RK4 0.5 ms), replay 2 ms", robot, sensors, 0.002),
        ("no effort or sensor noise", robot, quiet, 0.002),
        ("... and no Coulomb friction", viscous_only, quiet, 0.002),
        (
            "... generator implicitfast 0.5 ms",
            viscous_only,
            dataclasses.replace(quiet, integrator="IMPLICITFAST"),
            0.002,
        ),
        ("... generator implicitfast 2 ms (the fitter's)", viscous_only, fitter_step, 0.002),
        ("Coulomb back, generator implicitfast 2 ms", robot, fitter_step, 0.002),
        ("study generator, replay 1 ms", robot, sensors, 0.001),
        ("study generator, replay 0.5 ms", robot, sensors, 0.0005),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2000, help="robot seed (development: 2000)")
    parser.add_argument("--duration", type=float, default=30.0, help="log length, s")
    parser.add_argument("--fit", action="store_true", help="also fit each variant's log")
    parser.add_argument(
        "--friction-timeconst-s",
        type=float,
        nargs="+",
        default=None,
        help="instead: fit the study's log with these friction-constraint time constants",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the table here")
    args = parser.parse_args()
    if 7000 <= args.seed < 7200:
        raise SystemExit(f"--seed {args.seed} is a frozen test robot; use 2000-2005")
    spec = panda_policy_spec(compile_scene())
    excitation = generate_excitation(ExcitationConfig(duration_s=args.duration), spec)
    robot = coverage.draw_robot(coverage.Prior(), args.seed)
    if args.friction_timeconst_s:
        softness = friction_softness(excitation, robot, args.friction_timeconst_s)
        return _write(args, {"friction_softness": softness})
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, variant, sensors, replay_dt_s in variants(robot):
            path = Path(tmp) / "log.mcap"
            write_bag(coverage.generate_log(excitation, variant, sensors), path)
            row = {"variant": label, "replay_dt_s": replay_dt_s}
            row |= costs_at_truth(path, variant, replay_dt_s)
            if args.fit and replay_dt_s == 0.002:  # finer replays: calibration_coverage.py
                row["fit"] = fit_errors(path, variant, replay_dt_s)
            rows.append(row)
            print(
                f"{label:48s} cost at truth {row['at_truth']:10.1f}  armature x"
                + "/".join(row["armature_scaled"])
                + ": "
                + " ".join(f"{v:9.1f}" for v in row["armature_scaled"].values())
                + "  delay "
                + "/".join(row["delay_shifted_ms"])
                + " ms: "
                + " ".join(f"{v:9.1f}" for v in row["delay_shifted_ms"].values()),
                flush=True,
            )
            if "fit" in row:
                f = row["fit"]
                print(
                    f"{'':48s} fit: armature median error {f['armature_median_rel_error']:.2f}, "
                    f"kp max error {f['kp_max_rel_error']:.3f}, joint 7 damping "
                    f"{f['joint7_damping'][1]:.2f} (true {f['joint7_damping'][0]:.2f}), delay "
                    f"error {f['delay_error_s'] * 1e3:+.2f} ms, {f['fit_wall_s']} s",
                    flush=True,
                )
    return _write(args, {"rows": rows})


def _write(args: argparse.Namespace, results: dict) -> int:
    if args.json:
        record = {"tool": "calibration_mismatch", "seed": args.seed, "duration_s": args.duration}
        record |= {"machine": coverage.machine(), **results}
        args.json.write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
