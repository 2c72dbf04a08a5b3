"""Coverage study of the calibration fit on robots it never saw, from logs it did not simulate.

``calibration_fit.py`` fits logs made by ``calibration/synthetic.py``: the fitter's own scene,
integrator, timestep and parameterization, so it measures the optimizer. Here each robot is drawn
from a prior (``Prior``) and its log is made by an independent generator (``generate_log``):

- the Menagerie Panda MJCF loaded directly (not the project's scene), RK4 at 0.5 ms (the fitter
  integrates implicitfast at 2 ms);
- servo gains written into the actuators here; kv stays nominal (see ``Prior``);
- no MuJoCo actuator delay: each command stamped ``t_k`` acts from ``t_k + delay``, a delay off
  the fitter's 2 ms grid, the command stream interpolated over the physics step it falls in;
- friction as torques through ``qfrc_applied``: Coulomb ``-F tanh(qd / v_s)`` plus viscous
  ``-b qd`` (the fitter's model has MuJoCo's constraint ``frictionloss`` and ``damping``);
- band-limited torque noise (effort noise) on every arm joint;
- encoder offsets; reported positions with white noise then quantized to 2^-20 rev, velocities
  with white noise; joint_states at 500 Hz, joint_commands at 50 Hz, written as a ROS 2 MCAP.

The commanded trajectory is the project's excitation (``generate_excitation`` at its defaults).
Each log is fitted by ``fit_recording`` at its defaults (what ``skillbridge calibrate fit LOG``
does) and every estimate is compared with the truth. The truth of a field is the value in the
fitter's parameterization that the generator's physics corresponds to: ``damping`` is the viscous
coefficient ``b``, ``frictionloss`` the Coulomb level ``F``; neither is exactly the fitter's model.

Targets (the issue's): reported 95 % intervals contain the truth in >= 90 % of the estimates of
each field; kp within 5 %, armature within 25 %, delay within 2 ms, offsets within 2 mrad (offsets
only where fitted: not at the defaults) on >= 90 % of the robots (every joint of a robot must
meet it); no estimate within 1 % of its bound's span.

    python benchmarks/calibration_coverage.py [--quick] [--robots N] [--duration S] [--seed B]
        [--jobs J] [--replay-dt-s DT] [--friction-timeconst-s T] [--fixture] [--json PATH]

Robot i is drawn with seed ``B + i`` (``--seed``, default 0). Seeds are split by purpose (see
docs/calibration.md): development runs use base 2000, the frozen test run base 7000. ``--jobs``
fits that many robots at once in separate processes (each fit uses two threads). The JSON and PNG
are rewritten after every robot (``robots_done`` of ``robots_planned``).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import mujoco
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, machine, parse_args, report

from skillbridge.calibration import fit as fit_module
from skillbridge.calibration.bag import write_bag
from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import Excitation, ExcitationConfig, generate_excitation
from skillbridge.calibration.fit import FitOptions, FitResult, fit_recording, intervals
from skillbridge.calibration.parameters import UNITS
from skillbridge.calibration.report import overrides_from_fit
from skillbridge.calibration.samples import JointSamples, RawRecording
from skillbridge.calibration.uncertainty import Estimate, randomization_ranges
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import (
    ARM_JOINTS,
    FINGER_JOINT,
    MIMIC_FINGER_JOINT,
    SceneConfig,
    compile_scene,
    panda_mjcf,
)

NOMINAL_KP = np.array([4500.0, 4500.0, 3500.0, 3500.0, 2000.0, 2000.0, 2000.0])
NOMINAL_KV = NOMINAL_KP / 10.0
NOMINAL_ARMATURE = 0.1
QUANTUM_RAD = 2 * np.pi / 2**20
FITTER_DT_S = 0.002
BOUND_FRACTION = 0.01
"""An estimate this close to a bound (fraction of the bound span) counts as a failed fit."""
TARGETS = {"kp": 0.05, "armature": 0.25}
DELAY_TARGET_S = 0.002
OFFSET_TARGET_RAD = 0.002
FRACTION_TARGET = 0.9


@dataclasses.dataclass(frozen=True)
class Prior:
    """Uniform ranges the robots are drawn from (per joint unless noted)."""

    kp_rel: tuple[float, float] = (0.85, 1.15)
    """kp = nominal (4500, 4500, 3500, 3500, 2000, 2000, 2000 N m/rad) times this."""
    armature_kg_m2: tuple[float, float] = (0.05, 0.2)
    viscous_nm_s_per_rad: tuple[float, float] = (0.3, 3.0)
    coulomb_nm: tuple[tuple[float, float], ...] = ((0.1, 0.8),) * 4 + ((0.1, 0.4),) * 3
    friction_smoothing_rad_s: tuple[float, float] = (0.01, 0.04)
    """``v_s`` of the tanh: the velocity at which friction reaches 76 % of its level."""
    delay_s: tuple[float, float] = (0.0005, 0.012)
    """One delay per robot, continuous (off the fitter's 2 ms grid)."""
    offset_rad: tuple[float, float] = (-0.005, 0.005)
    """kv is the nominal kp / 10: the joint-torque controller's gains are set by the user. A kv
    off nominal reaches the default fit (kv not fitted) as joint damping kv - kv_nominal, tens
    of N m s/rad and negative half the time; it would dominate the damping comparison."""


@dataclasses.dataclass(frozen=True)
class SensorConfig:
    """Timing, integrator and noise of the generator."""

    physics_dt_s: float = 0.0005
    integrator: str = "RK4"
    state_rate_hz: float = 500.0
    pos_noise_rad: float = 1e-5
    vel_noise_rad_s: float = 2e-3
    torque_noise_nm: tuple[float, ...] = (0.1,) * 4 + (0.03,) * 3
    """Standard deviation of the effort noise per joint, low-passed with ``torque_noise_tau_s``."""
    torque_noise_tau_s: float = 0.005
    settle_s: float = 0.5


@dataclasses.dataclass(frozen=True)
class Robot:
    """True physics of one robot. Arrays are per arm joint. Shape: (7,)."""

    kp: np.ndarray
    armature: np.ndarray
    viscous: np.ndarray
    coulomb: np.ndarray
    smoothing: np.ndarray
    offset_rad: np.ndarray
    delay_s: float
    seed: int

    def truth(self, field: str) -> np.ndarray:
        """The value in the fitter's parameterization of ``field``. Shape: (7,)."""
        return {
            "kp": self.kp,
            "armature": self.armature,
            "damping": self.viscous,
            "frictionloss": self.coulomb,
            "offset": self.offset_rad,
        }[field]


def draw_robot(prior: Prior, seed: int) -> Robot:
    rng = np.random.default_rng(seed)
    coulomb = np.array([rng.uniform(*r) for r in prior.coulomb_nm])
    return Robot(
        kp=NOMINAL_KP * rng.uniform(*prior.kp_rel, 7),
        armature=rng.uniform(*prior.armature_kg_m2, 7),
        viscous=rng.uniform(*prior.viscous_nm_s_per_rad, 7),
        coulomb=coulomb,
        smoothing=rng.uniform(*prior.friction_smoothing_rad_s, 7),
        offset_rad=rng.uniform(*prior.offset_rad, 7),
        delay_s=float(rng.uniform(*prior.delay_s)),
        seed=seed,
    )


def friction_torque(robot: Robot, qvel: np.ndarray) -> np.ndarray:
    """Coulomb (smooth) plus viscous friction torque, N m. Shape: (7,)."""
    return -robot.coulomb * np.tanh(qvel / robot.smoothing) - robot.viscous * qvel


def command_per_step(
    times_s: np.ndarray, targets: np.ndarray, delay_s: float, step_s: np.ndarray, dt_s: float
) -> np.ndarray:
    """The command acting during each physics step [t, t + dt): the zero-order-held stream
    delayed by ``delay_s``, averaged over the step (a switch inside a step is blended by the
    fraction of the step after it). Before the first command, the first command.

    Args:
        times_s: command stamps, uniform. Shape: (T,).
        targets: commands. Shape: (T, J).
        delay_s: command delay.
        step_s: physics step start times. Shape: (S,).
        dt_s: physics timestep.

    Returns:
        Shape: (S, J).
    """
    period = times_s[1] - times_s[0]
    rel = (step_s - times_s[0] - delay_s) / period
    first = np.clip(np.floor(rel + 1e-9), 0, len(times_s) - 1).astype(int)
    end = rel + dt_s / period
    second = np.clip(np.floor(end - 1e-9), 0, len(times_s) - 1).astype(int)
    switch = (second > first) & (end > 0)
    weight = np.where(switch, (end - np.floor(end - 1e-9)) * period / dt_s, 0.0)
    weight = np.clip(weight, 0.0, 1.0)[:, None]
    return (1 - weight) * targets[first] + weight * targets[second]


def generator_model(robot: Robot, sensors: SensorConfig) -> mujoco.MjModel:
    """Menagerie's Panda with the robot's armature and gains; passive damping and friction are
    zero (applied as torques), contacts off, the generator's integrator and timestep."""
    spec = mujoco.MjSpec.from_file(str(panda_mjcf()))
    spec.option.timestep = sensors.physics_dt_s
    spec.option.integrator = getattr(mujoco.mjtIntegrator, f"mjINT_{sensors.integrator}")
    spec.option.disableflags |= int(mujoco.mjtDisableBit.mjDSBL_CONTACT)
    model = spec.compile()
    for j in range(7):
        dof = model.joint(f"joint{j + 1}").dofadr[0]
        model.dof_armature[dof] = robot.armature[j]
        model.dof_damping[dof] = 0.0
        model.dof_frictionloss[dof] = 0.0
        act = model.actuator(f"actuator{j + 1}").id
        model.actuator_gainprm[act, 0] = robot.kp[j]
        # the servo regulates the reading q + offset: kp (u - q - offset)
        kp = robot.kp[j]
        model.actuator_biasprm[act, :3] = [-kp * robot.offset_rad[j], -kp, -NOMINAL_KV[j]]
    return model


def generate_log(
    excitation: Excitation, robot: Robot, sensors: SensorConfig | None = None
) -> RawRecording:
    """Play ``excitation`` on ``robot``; joint states at ``state_rate_hz``, commands as sent."""
    cfg = sensors or SensorConfig()
    rng = np.random.default_rng(10_000 + robot.seed)
    model = generator_model(robot, cfg)
    data = mujoco.MjData(model)
    dt = model.opt.timestep
    cols = [excitation.joint_names.index(j) for j in ARM_JOINTS]
    targets = excitation.targets_rad[:, cols]
    times = excitation.times_s - excitation.times_s[0]
    qadr = np.array([model.joint(f"joint{j + 1}").qposadr[0] for j in range(7)])
    fingers = [model.joint(n).qposadr[0] for n in ("finger_joint1", "finger_joint2")]
    data.qpos[qadr] = targets[0] - robot.offset_rad
    data.qpos[fingers] = 0.04
    data.ctrl[7] = 255.0  # Menagerie's gripper: open
    mujoco.mj_forward(model, data)
    settle = int(round(cfg.settle_s / dt))
    end_s = times[-1] + (times[1] - times[0])
    step_s = (np.arange(-settle, int(round(end_s / dt))) * dt).round(9)
    commands = command_per_step(times, targets, robot.delay_s, step_s, dt)
    every = int(round(1.0 / (cfg.state_rate_hz * dt)))
    decay = np.exp(-dt / cfg.torque_noise_tau_s)
    drive = np.array(cfg.torque_noise_nm) * np.sqrt(1 - decay**2)
    noise = rng.normal(size=7) * np.array(cfg.torque_noise_nm)
    sampled_t, sampled_q, sampled_v, finger = [], [], [], []
    for i, t in enumerate(step_s):
        if t >= 0 and (i - settle) % every == 0:
            sampled_t.append(t)
            sampled_q.append(data.qpos[qadr].copy())
            sampled_v.append(data.qvel[:7].copy())
            finger.append(data.qpos[fingers].copy())
        noise = decay * noise + drive * rng.normal(size=7)
        data.qfrc_applied[:7] = friction_torque(robot, data.qvel[:7]) + noise
        data.ctrl[:7] = commands[i]
        mujoco.mj_step(model, data)
    q_true = np.array(sampled_q)
    reported = q_true + robot.offset_rad + rng.normal(scale=cfg.pos_noise_rad, size=q_true.shape)
    reported = np.round(reported / QUANTUM_RAD) * QUANTUM_RAD
    vel = np.array(sampled_v) + rng.normal(scale=cfg.vel_noise_rad_s, size=q_true.shape)
    state_names = (*ARM_JOINTS, FINGER_JOINT, MIMIC_FINGER_JOINT)
    fing = np.array(finger)
    states = JointSamples(
        np.array(sampled_t),
        state_names,
        np.hstack([reported, fing]),
        np.hstack([vel, np.zeros_like(fing)]),
    )
    command_names = (FINGER_JOINT, *ARM_JOINTS[::-1])
    sent = np.column_stack([np.full(len(times), 0.04), targets[:, ::-1]])
    return RawRecording(
        states=states,
        commands=JointSamples(times.copy(), command_names, sent, np.zeros((len(times), 0))),
        source=f"coverage generator, robot {robot.seed}",
    )


def _on_bound(value: float, lower: float, upper: float) -> bool:
    return min(value - lower, upper - value) <= BOUND_FRACTION * (upper - lower)


INTERVAL_METHODS: dict[str, float | None] = {
    "gauss-newton": None,
    "block 0.25 s": 0.25,
    "block 0.5 s": 0.5,
    "block 1 s": 1.0,
    "block 3 s": 3.0,
}
"""Interval methods recomputed from each fit's optimum (the fit's own is its default): the
Gauss-Newton covariance is the baseline; block sandwiches with windows of these lengths."""


def _row(name: str, field: str, truth: float, est: Estimate, others: dict[str, float]) -> dict:
    ci = est.ci95 if np.isfinite(est.ci95) else None
    return {
        "name": name,
        "field": field,
        "truth": truth,
        "estimate": est.value,
        "ci95": ci,
        "inside": bool(abs(est.value - truth) <= est.ci95),
        "rel_error": abs(est.value - truth) / abs(truth),
        "abs_error": abs(est.value - truth),
        "on_bound": _on_bound(est.value, est.lower, est.upper),
        "bounds": [est.lower, est.upper],
        "identified": est.identified,
        "ci95_by_method": {m: (c if np.isfinite(c) else None) for m, c in others.items()},
        "inside_by_method": {m: bool(abs(est.value - truth) <= c) for m, c in others.items()},
    }


def _dr(truth: float, low: float, high: float) -> dict:
    return {"dr_range": [float(low), float(high)], "dr_inside": bool(low <= truth <= high)}


def records_of(fit: FitResult, robot: Robot) -> list[dict]:
    """One record per fitted scalar (and the delay): truth, estimate, 95 % half-width, the
    randomization range `calibrate fit` writes for it (``dr_range``), ..."""
    by_method: dict[str, dict[str, float]] = {}
    if fit.optimum is not None:
        for method, block_s in INTERVAL_METHODS.items():
            for e in intervals(fit.optimum, block_s)[0]:
                by_method.setdefault(e.name, {})[method] = e.ci95
    ranges = randomization_ranges(fit.estimates)  # what overrides_from_fit writes
    rows = []
    for e in fit.estimates:
        true = float(robot.truth(e.field)[ARM_JOINTS.index(e.target)])
        row = _row(e.name, e.field, true, e, by_method.get(e.name, {}))
        rows.append(row | _dr(true, *ranges[e.name]))
    if fit.delay is not None:
        row = _row("command_delay_s", "delay", robot.delay_s, fit.delay, by_method[fit.delay.name])
        delay_range = overrides_from_fit(fit).randomization["command_delay_s"]
        rows.append(row | {"delay_steps": fit.delay_steps} | _dr(robot.delay_s, *delay_range))
    return rows


def _stored_dr(row: dict, physics_dt_s: float = 0.002) -> dict:
    """``dr_range`` of a record written before the ranges were stored, from its stored estimate,
    half-width and bounds by the same ``randomization_ranges``. Exact when the interval's
    Student-t quantile is at least 2 (sigma taken as half the half-width): true for block
    sandwiches with few blocks (two blocks: 12.7)."""
    ci = row["ci95"] if row["ci95"] is not None else np.inf
    lower, upper = row["bounds"]
    est = Estimate(
        row["name"], row["field"], "", "", row["estimate"], row["estimate"], lower, upper,
        ci, ci / 2, row["on_bound"], row["identified"],
    )  # fmt: skip
    floor = physics_dt_s if row["field"] == "delay" else 0.0
    low, high = randomization_ranges((est,), min_rel=0.0 if floor else 0.05, min_abs=floor)[
        row["name"]
    ]
    return _dr(row["truth"], low, high)


def study_robot(
    excitation: Excitation,
    robot: Robot,
    sensors: SensorConfig,
    workdir: Path,
    options: FitOptions | None = None,
) -> dict:
    """Generate, write as MCAP, fit (at the defaults unless ``options``); the robot's record."""
    start = time.perf_counter()
    raw = generate_log(excitation, robot, sensors)
    generate_s = time.perf_counter() - start
    path = workdir / f"robot{robot.seed}.mcap"
    write_bag(raw, path)
    load = os.getloadavg()
    try:
        fit = fit_recording(path, options or FitOptions())
    except CalibrationError as exc:
        return {"seed": robot.seed, "error": str(exc), "generate_s": generate_s}
    finally:
        path.unlink(missing_ok=True)
    return {
        "seed": robot.seed,
        "true_delay_s": robot.delay_s,
        "true_offset_rad": robot.offset_rad.tolist(),
        "generate_s": round(generate_s, 1),
        "fit_wall_s": round(fit.wall_time_s, 1),
        "load_before_fit": load,
        "load_after_fit": os.getloadavg(),
        "validation_pos_rms_rad": [
            fit.rms["validation_pos_before"],
            fit.rms["validation_pos_after"],
        ],
        "warnings": list(fit.warnings),
        "parameters": records_of(fit, robot),
    }


def _within(row: dict) -> bool | None:
    field = row["field"]
    if field in TARGETS:
        return row["rel_error"] <= TARGETS[field]
    if field == "delay":
        return row["abs_error"] <= DELAY_TARGET_S
    if field == "offset":
        return row["abs_error"] <= OFFSET_TARGET_RAD
    return None


def summarize(robots: list[dict]) -> dict[str, dict]:
    """Per field: coverage of the intervals, errors, the fraction of robots within target."""
    fitted = [r for r in robots if "parameters" in r]
    fields = dict.fromkeys(p["field"] for r in fitted for p in r["parameters"])
    out = {}
    for field in fields:
        rows = [p for r in fitted for p in r["parameters"] if p["field"] == field]
        err = np.array(
            [p["abs_error" if field in ("delay", "offset") else "rel_error"] for p in rows]
        )
        per_robot = [
            all(_within(p) for p in r["parameters"] if p["field"] == field) for r in fitted
        ]
        methods = rows[0].get("inside_by_method", {})
        dr = [p if "dr_inside" in p else p | _stored_dr(p) for p in rows]
        out[field] = {
            "estimates": len(rows),
            "coverage_95": float(np.mean([p["inside"] for p in rows])),
            "dr_range_covers_truth": float(np.mean([p["dr_inside"] for p in dr])),
            "coverage_95_by_method": {
                m: float(np.mean([p["inside_by_method"][m] for p in rows])) for m in methods
            },
            "unbounded_intervals": sum(p["ci95"] is None for p in rows),
            "median_error": float(np.median(err)),
            "p90_error": float(np.quantile(err, 0.9)),
            "max_error": float(err.max()),
            "error_unit": "s" if field == "delay" else "rad" if field == "offset" else "relative",
            "median_ci95_over_value": float(
                np.median([(p["ci95"] or np.inf) / max(abs(p["estimate"]), 1e-12) for p in rows])
            ),
            "on_bound": sum(p["on_bound"] for p in rows),
            "identified": sum(p["identified"] for p in rows),
            "estimates_within_target": (
                float(np.mean([_within(p) for p in rows]))
                if _within(rows[0]) is not None
                else None
            ),
            "robots_within_target": (
                float(np.mean(per_robot)) if _within(rows[0]) is not None else None
            ),
        }
    return out


def _fraction_result(name: str, value: float | None) -> Result:
    value = float("nan") if value is None else value
    return Result(
        name,
        value,
        "",
        "90 % of robots/estimates",
        FRACTION_TARGET,
        value / FRACTION_TARGET,
        1.0,
        bool(value >= FRACTION_TARGET),
    )


def results_of(summary: dict[str, dict], robots: list[dict]) -> list[Result]:
    rows = []
    for field, s in summary.items():
        rows.append(_fraction_result(f"95% interval coverage, {field}", s["coverage_95"]))
    for field, s in summary.items():
        rows.append(
            _fraction_result(f"DR range covers truth, {field}", s["dr_range_covers_truth"])
        )
    for field, label in (
        ("kp", "kp within 5%"),
        ("armature", "armature within 25%"),
        ("delay", "delay within 2 ms"),
        ("offset", "offsets within 2 mrad"),
    ):
        if field in summary:
            rows.append(
                _fraction_result(f"robots with {label}", summary[field]["robots_within_target"])
            )
    failed = sum(s["on_bound"] for s in summary.values())
    rows.append(
        Result(
            "estimates within 1% of a bound",
            failed,
            "",
            "none",
            0.0,
            1.0 / (1 + failed),
            1.0,
            failed == 0,
        )
    )
    errors = sum("error" in r for r in robots)
    rows.append(
        Result("fits that raised", errors, "", "none", 0.0, 1.0 / (1 + errors), 1.0, errors == 0)
    )
    return rows


def plot(robots: list[dict], path: Path) -> None:
    """Estimate vs truth per field, with the reported 95 % intervals."""
    from matplotlib.figure import Figure

    fitted = [r for r in robots if "parameters" in r]
    fields = list(dict.fromkeys(p["field"] for r in fitted for p in r["parameters"]))
    fig = Figure(figsize=(4.2 * len(fields), 4.2))
    for ax, field in zip(fig.subplots(1, len(fields), squeeze=False)[0], fields, strict=True):
        rows = [p for r in fitted for p in r["parameters"] if p["field"] == field]
        scale = 1e3 if field == "delay" else 1.0
        t = np.array([p["truth"] for p in rows]) * scale
        e = np.array([p["estimate"] for p in rows]) * scale
        ci = np.array([p["ci95"] if p["ci95"] is not None else np.nan for p in rows]) * scale
        inside = np.array([p["inside"] for p in rows])
        bound = np.array([p["on_bound"] for p in rows])
        for mask, color, label in (
            (inside & ~bound, "C0", "truth inside"),
            (~inside & ~bound, "C3", "truth outside"),
            (bound, "k", "on a bound"),
        ):
            if mask.any():
                ax.errorbar(
                    t[mask],
                    e[mask],
                    yerr=ci[mask],
                    fmt="o",
                    ms=3,
                    color=color,
                    label=label,
                    elinewidth=0.8,
                )
        lo, hi = min(t.min(), np.nanmin(e)), max(t.max(), np.nanmax(e))
        ax.plot([lo, hi], [lo, hi], "k--", lw=0.7)
        pad = 0.15 * (hi - lo)
        ax.set_ylim(lo - pad, hi + pad)  # intervals wider than the data run off the axes
        unit = "[ms]" if field == "delay" else f"[{UNITS[field]}]"
        ax.set_title(f"{field} (coverage {np.mean(inside):.0%})")
        ax.set_xlabel(f"truth {unit}".strip())
        ax.set_ylabel("estimate +- reported 95 %")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=80)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--robots", type=int, default=None, help="robots to draw (20; quick 2)")
    parser.add_argument("--duration", type=float, default=None, help="log length, s (30; quick 8)")
    parser.add_argument(
        "--seed", type=int, default=0, help="robot i is drawn with seed SEED + i (default 0)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="robots fitted at once, one process each (default 1)"
    )
    parser.add_argument(
        "--replay-dt-s",
        type=float,
        default=None,
        help="physics step of the fitter's replay (default: FitOptions' own)",
    )
    parser.add_argument(
        "--damping-prior",
        type=float,
        default=None,
        help="sigma of a Gaussian prior on each joint's damping around nominal, N m s/rad "
        "(default: FitOptions' own; 0 = none)",
    )
    parser.add_argument(
        "--damping-prior-everywhere",
        action="store_true",
        help="every damping carries the prior from the start (default: only one the full fit "
        "left on its bound, in a second stage)",
    )
    parser.add_argument(
        "--friction-timeconst-s",
        type=float,
        default=None,
        help="diagnostic: the replay's arm friction-constraint time constant (MuJoCo's 0.02)",
    )
    parser.add_argument(
        "--fixture",
        action="store_true",
        help="calibrate fit --fixture: each robot's touches of the fixture study's calibration "
        "fixture give the fit's starting offsets and their priors",
    )
    parser.add_argument(
        "--resummarize",
        type=Path,
        default=None,
        help="no fits: recompute the summary of this study JSON with the current summary code "
        "(e.g. a measurement added since it ran) and write it back",
    )


def _write(robots: list[dict], planned: int, args: argparse.Namespace, context: dict) -> int:
    """Summarize the robots fitted so far and write the table, JSON and PNG (after each robot,
    so a study stopped early leaves a valid record of what it did: ``robots_done``)."""
    summary = summarize(robots)
    print(f"\n{'field':<14}{'coverage':>9}{'within':>8}{'median err':>12}{'on bound':>9}")
    for field, s in summary.items():
        within = s["robots_within_target"]
        print(
            f"{field:<14}{s['coverage_95']:>9.2f}{'' if within is None else f'{within:.2f}':>8}"
            f"{s['median_error']:>12.3g}{s['on_bound']:>9}"
        )
    walls = [r["fit_wall_s"] for r in robots if "fit_wall_s" in r]
    extra = {
        "robots_done": len(robots),
        "robots_planned": planned,
        "summary": summary,
        **context,
        "fit_wall_s": {
            "median": float(np.median(walls)) if walls else None,
            "max": max(walls, default=None),
        },
        "study_wall_s": round(time.perf_counter() - context["_start"], 1),
        "load_average": {"start": context["_load_start"], "end": os.getloadavg()},
        "robots": robots,
    }
    extra = {k: v for k, v in extra.items() if not k.startswith("_")}
    if args.json is not None and walls:
        args.json.parent.mkdir(parents=True, exist_ok=True)  # the plot is written first
        plot(robots, args.json.with_suffix(".png"))
    return report("calibration_coverage", results_of(summary, robots), args.json, extra)


def with_friction_timeconst(timeconst_s: float) -> None:
    """Make every replay model of this process use ``timeconst_s`` as the time constant of the
    arm joints' friction constraint (``dof_solref``; MuJoCo's default 0.02 s, smaller is
    stiffer). A diagnostic: the fitter has no such parameter and its overrides do not carry it."""
    build = fit_module.replay_model

    def replay_model(scene: SceneConfig | None = None) -> mujoco.MjModel:
        model = build(scene)
        for joint in ARM_JOINTS:
            model.dof_solref[model.joint(joint).dofadr[0], 0] = timeconst_s
        return model

    fit_module.replay_model = replay_model


def with_fixture(options: FitOptions, robot: Robot) -> tuple[FitOptions, dict]:
    """``calibrate fit --fixture``: the robot's touches of the fixture study's calibration
    fixture (its own generator, ``calibration_fixture.make_log``), their offsets as the fit's
    starting values and their standard deviations as its offset priors."""
    import calibration_fixture as fixture_study

    from skillbridge.calibration.fixture import fit_fixture

    log = fixture_study.make_log(
        fixture_study.TrueArm(), robot.offset_rad, robot.seed, True, fixture_study.FixtureErrors()
    )
    fit = fit_fixture(log)
    priors = dict(zip(ARM_JOINTS, map(float, fit.std_rad), strict=True))
    record = {
        "touches": fit.touches,
        "offset_error_rad": (fit.offsets_rad - robot.offset_rad).tolist(),
    }
    return dataclasses.replace(
        options, initial=fit.overrides(options.initial), offset_priors_rad=priors
    ), record


def _study_seed(
    seed: int,
    duration_s: float,
    workdir: str,
    options: FitOptions,
    friction_timeconst_s: float | None = None,
    fixture: bool = False,
) -> dict:
    """One robot in a worker process: its own excitation (deterministic), generator and fit."""
    if friction_timeconst_s is not None:
        with_friction_timeconst(friction_timeconst_s)
    spec = panda_policy_spec(compile_scene())
    excitation = generate_excitation(ExcitationConfig(duration_s=duration_s), spec)
    robot = draw_robot(Prior(), seed)
    if not fixture:
        return study_robot(excitation, robot, SensorConfig(), Path(workdir), options)
    options, record = with_fixture(options, robot)
    return study_robot(excitation, robot, SensorConfig(), Path(workdir), options) | {
        "fixture": record
    }


def resummarize(path: Path) -> int:
    """Recompute ``summary`` and ``results`` of a finished study from its per-robot records."""
    import json

    try:
        study = json.loads(path.read_text())
        robots = study["robots"]
    except (OSError, ValueError, KeyError) as exc:
        raise SystemExit(f"--resummarize {path}: not a calibration_coverage JSON ({exc})") from exc
    extra = {k: v for k, v in study.items() if k not in ("benchmark", "results")}
    extra["summary"] = summarize(robots)  # "machine" stays the one the fits ran on
    extra["resummarized"] = {
        "what": "summary recomputed from the stored records, no new fits",
        "git_commit": machine()["git_commit"],
    }
    return report("calibration_coverage", results_of(extra["summary"], robots), path, extra)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], _arguments)
    if args.resummarize is not None:
        return resummarize(args.resummarize)
    robots_n = args.robots or (2 if args.quick else 20)
    duration_s = args.duration or (8.0 if args.quick else 30.0)
    if args.jobs < 1:
        raise SystemExit(f"--jobs must be at least 1, got {args.jobs}")
    seeds = [args.seed + i for i in range(robots_n)]
    options = FitOptions()
    if args.damping_prior is not None:
        options = dataclasses.replace(options, damping_prior_nm_s_per_rad=args.damping_prior)
    if args.damping_prior_everywhere:
        options = dataclasses.replace(options, damping_prior_everywhere=True)
    if args.replay_dt_s is not None:
        options = dataclasses.replace(
            options, scene=dataclasses.replace(options.scene, physics_dt_s=args.replay_dt_s)
        )
    context = {
        "_start": time.perf_counter(),
        "_load_start": os.getloadavg(),
        "log_duration_s": duration_s,
        "base_seed": args.seed,
        "seeds": seeds,
        "jobs": args.jobs,
        "fit_options": "FitOptions() defaults: "
        + ", ".join(options.fields)
        + f"; delay 0-{options.max_delay_s * 1e3:g} ms; replay step "
        + f"{options.scene.physics_dt_s * 1e3:g} ms"
        + f"; offset prior sigma {options.offset_prior_rad:g} rad"
        + f"; damping prior sigma {options.damping_prior_nm_s_per_rad:g} N m s/rad "
        + (
            "on every damping"
            if options.damping_prior_everywhere
            else "where a damping ends on a bound"
        )
        + (
            f"; replay friction time constant {args.friction_timeconst_s:g} s (diagnostic)"
            if args.friction_timeconst_s is not None
            else ""
        )
        + ("; offsets from a calibration fixture (--fixture)" if args.fixture else ""),
        "prior": dataclasses.asdict(Prior()),
        "sensors": dataclasses.asdict(SensorConfig()),
        "threads": 2,
        "command": " ".join(["python", *sys.argv]),
    }
    robots: list[dict] = []
    code = 1
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(args.jobs) as pool:
        futures = {
            pool.submit(
                _study_seed,
                seed,
                duration_s,
                tmp,
                options,
                args.friction_timeconst_s,
                args.fixture,
            ): seed
            for seed in seeds
        }
        for future in as_completed(futures):
            row = future.result()
            robots.append(row)
            robots.sort(key=lambda r: r["seed"])
            print(
                f"robot {futures[future]}: fit {row.get('fit_wall_s', 'failed')} s, "
                f"load {os.getloadavg()[0]:.1f} ({len(robots)}/{robots_n})",
                flush=True,
            )
            code = _write(robots, robots_n, args, context)
    return code


if __name__ == "__main__":
    sys.exit(main())
