"""``skillbridge calibrate excite``, ``calibrate offsets`` and ``calibrate fit``.

``excite`` writes an excitation (joint targets at the control rate) for the robot to play while
``joint_states`` and ``joint_commands`` are recorded; ``offsets`` turns the touches of a
calibration fixture into encoder offsets (``calibration.fixture``); ``fit`` turns a recording
into a ModelOverrides YAML for the simulator, and optionally a report (with ``--fixture``, the
fixture's offsets are its starting values and priors). Without the dispatcher, run
``python -m skillbridge.calibration.cli {excite,offsets,fit} ...``.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from typing import Any, Literal

import tyro
from tqdm import tqdm

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import ExcitationConfig, describe, generate_excitation
from skillbridge.calibration.fit import FitOptions, FitResult, fit_trajectory
from skillbridge.calibration.fixture import FixtureFit, fit_fixture, load_fixture
from skillbridge.calibration.identifiability import (
    DEFAULT_RESIDUAL_RAD,
    IdentifiabilityConfig,
    Prediction,
    plan_excitation,
)
from skillbridge.calibration.parameters import DEFAULT_FIELDS, parse_fields
from skillbridge.calibration.recording import load_trajectory
from skillbridge.calibration.report import parameter_rows, write_overrides, write_report
from skillbridge.calibration.timing import describe as describe_times
from skillbridge.sim.overrides import ModelOverrides, load_overrides
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import ARM_JOINTS, FINGER_JOINT, SceneConfig, compile_scene

__all__ = ["ExciteConfig", "FitConfig", "OffsetsConfig", "excite", "fit", "main", "offsets"]


@dataclasses.dataclass(frozen=True)
class ExciteConfig:
    """Write an excitation trajectory (joint targets) for system identification."""

    out: str = "excitation.npz"
    """Output NPZ: times_s (T,), joint_names (7,), targets_rad (T, 7), rate_hz."""
    duration_s: float = 30.0
    """Length; ~30 s identifies 7 joints x 4 parameters and the delay (see README)."""
    rate_hz: float = 50.0
    """Target rate (the robot's control rate)."""
    joints: tuple[str, ...] = ARM_JOINTS
    """Joints to excite; the others hold the centre pose."""
    center_rad: tuple[float, ...] = ExcitationConfig.center_rad
    """Centre pose of the seven arm joints."""
    max_freq_hz: float = 3.0
    """Highest excited frequency."""
    velocity_fraction: float = 0.6
    """Fraction of the Panda's joint velocity limits the targets may reach."""
    torque_fraction: float = 0.5
    """Fraction of the joint torque limits one control period's target step may ask for."""
    seed: int = 0
    overrides_path: str | None = None
    """ModelOverrides whose servo gains size the steps (default: the scene's)."""
    predict: bool = True
    """Before writing, predict which of ``params`` a fit of this excitation can identify (the
    nominal robot simulated playing it; see docs/calibration.md). Takes ~20 s per 30 s try."""
    params: str = ",".join(DEFAULT_FIELDS)
    """Comma-separated fields the prediction checks (as ``calibrate fit --params``)."""
    max_duration_s: float = 60.0
    """Lengthen the excitation (x1.5 per try) up to this until every checked parameter is
    predicted identifiable; at this length, say which to leave out instead."""
    residual_rad: float = DEFAULT_RESIDUAL_RAD
    """Position misfit the prediction assumes a fit leaves (rad): the coverage study's
    held-out RMS on robots the fitter never saw."""


@dataclasses.dataclass(frozen=True)
class OffsetsConfig:
    """Encoder offsets from the touches of a calibration fixture (seats at known poses)."""

    fixture: tyro.conf.Positional[str]
    """Fixture YAML: tolerances and touches (joint readings, seat position, optional keyed
    orientation); the format is in skillbridge.calibration.fixture and docs/calibration.md."""
    out: str = "offsets.yaml"
    """ModelOverrides YAML to write: the offsets, and their randomization over +- k_sigma."""
    initial_overrides: str | None = None
    """Start from (and keep everything else of) this ModelOverrides YAML; its offsets are the
    prior's mean."""
    prior_rad: float = FitOptions.offset_prior_rad
    """Standard deviation of the prior on each offset: what the touches must beat."""
    k_sigma: float = 2.0
    """Randomization of each offset: value +- k_sigma standard deviations."""


@dataclasses.dataclass(frozen=True)
class FitConfig:
    """Fit joint friction/damping/armature, servo gains and the command delay to a recording."""

    recording: tyro.conf.Positional[str]
    """ROS 2 bag (.mcap) or NPZ with joint_states and joint_commands."""
    out: str = "overrides.yaml"
    """ModelOverrides YAML to write (point EnvConfig.overrides_path at it)."""
    params: str = ",".join(DEFAULT_FIELDS)
    """Comma-separated fields: armature, damping, frictionloss, offset, kp, kv, payload."""
    joints: str = ",".join(ARM_JOINTS)
    """Comma-separated joints whose fields are fitted."""
    report_dir: str | None = None
    """Write PNG pages and index.html here."""
    fit_delay: bool = True
    """Search the command delay (else keep the initial overrides' delay)."""
    max_delay_s: float = 0.04
    """Longest command delay searched, seconds."""
    states_topic: str = "joint_states"
    """Topic (or suffix, namespaces allowed) of the measured joint states."""
    commands_topic: str = "joint_commands"
    """Topic (or suffix) of the commanded joint targets."""
    time_source: Literal["auto", "header", "log"] = "auto"
    """Timestamps of bag messages: header stamps, recorder log time, or auto."""
    initial_overrides: str | None = None
    """Start from (and keep the unfitted values of) this ModelOverrides YAML."""
    fixture: str | None = None
    """Fixture YAML (``calibrate offsets``): its offsets start the fit and their standard
    deviations are the offsets' priors, which a joint log alone cannot give (joint 1, wrist)."""
    rate_hz: float = 50.0
    """Resampling rate (must divide the 500 Hz physics rate)."""
    segment_s: float = 3.0
    """Replayed segment length; every 4th segment is held out for validation."""
    pos_scale_rad: float = 1e-4
    """Position residual scale (~ encoder noise)."""
    vel_scale_rad_s: float = 1e-2
    """Velocity residual scale."""
    max_iters: int = 30
    offset_prior_rad: float = FitOptions.offset_prior_rad
    """Standard deviation of the Gaussian prior on each encoder offset (0: none)."""
    damping_prior: float = FitOptions.damping_prior_nm_s_per_rad
    """Standard deviation of the Gaussian prior on a joint's damping around its starting value,
    N m s/rad, given to a damping the fit left on its bound (0: none)."""
    damping_prior_everywhere: bool = False
    """Give every damping the prior from the start (more accurate kp, worse wrist offsets)."""
    interval_block_s: float = FitOptions.interval_block_s or 0.0
    """Window of the block-sandwich intervals, s (0: Gauss-Newton, for white residuals)."""
    nthread: int = 2
    """Threads stepping the simulations."""
    replay_dt_s: float = SceneConfig().physics_dt_s
    """Physics step of the replay, s. The default (the simulator's 2 ms) gives the parameters
    that make a 2 ms simulation track the robot; a finer step (0.0005) moves them toward the
    physical values (armature and delay of a stiff servo are biased by the step) at about four
    times the fit time (docs/calibration.md)."""
    k_sigma: float = 2.0
    """Randomization ranges: value +- k_sigma standard deviations, at least the 95 % interval
    and 5 %."""
    quiet: bool = False


def excite(cfg: ExciteConfig) -> int:
    overrides = load_overrides(cfg.overrides_path) if cfg.overrides_path else None
    spec = panda_policy_spec(compile_scene(overrides=overrides))
    shape = ExcitationConfig(
        duration_s=cfg.duration_s,
        rate_hz=cfg.rate_hz,
        joints=tuple(cfg.joints),
        center_rad=tuple(cfg.center_rad),
        max_freq_hz=cfg.max_freq_hz,
        velocity_fraction=cfg.velocity_fraction,
        torque_fraction=cfg.torque_fraction,
        seed=cfg.seed,
    )
    if not cfg.predict:
        excitation = generate_excitation(shape, spec)
    else:
        options = FitOptions(
            fields=parse_fields(cfg.params),
            joints=tuple(cfg.joints),
            rate_hz=cfg.rate_hz,
            initial=overrides or ModelOverrides(),
        )

        def report(prediction: Prediction) -> None:
            print(f"-- predicted identifiability, {prediction.duration_s:.0f} s excitation")
            print(prediction.table())

        excitation, prediction = plan_excitation(
            shape,
            spec,
            options,
            IdentifiabilityConfig(residual_rad=cfg.residual_rad),
            max_duration_s=max(cfg.max_duration_s, cfg.duration_s),
            report=report,
        )
        if prediction.drop:
            print(
                f"WARNING: at {prediction.duration_s:.0f} s not every parameter is predicted "
                f"identifiable; fit without {', '.join(prediction.drop)} or excite more "
                "(--max-duration-s, --max-freq-hz)"
            )
    excitation.save(cfg.out)
    print(describe(excitation))
    print(f"wrote {cfg.out}")
    return 0


class _Bar:
    """tqdm progress of a fit: one bar, its description the current stage."""

    def __init__(self, quiet: bool) -> None:
        self.bar = tqdm(desc="calibrate", unit="it", disable=quiet, leave=False)

    def __call__(self, stage: str, iteration: int, objective: float) -> None:
        self.bar.set_description(stage)
        self.bar.set_postfix_str(f"cost {objective:.4g}")
        self.bar.update(1)


def _summary(result: FitResult, out: str, output_s: float | None = None) -> str:
    """What ``calibrate fit`` prints: the parameter table, errors, where the time went
    (``output_s``: writing the YAML and the report), warnings, failures."""
    widths = (30, 10, 10, 10, 24, 18)
    head = ("parameter", "unit", "initial", "fitted", "95% interval", "identified")
    lines = ["".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    for row in parameter_rows(result):
        lines.append("".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    r = result.rms
    lines.append(
        f"held-out position RMS {r['validation_pos_before']:.3e} -> "
        f"{r['validation_pos_after']:.3e} rad ({result.validation_improvement:.1f}x); "
        f"fit took {result.wall_time_s:.1f} s"
    )
    stages = dict(result.stage_times_s) | ({"output": output_s} if output_s is not None else {})
    if stages:
        lines.append(f"time by stage: {describe_times(stages)}")
    lines.extend(f"warning: {w}" for w in result.warnings)
    if result.failed:
        lines.append(
            f"FIT FAILED for {len(result.failed)} parameter(s) on their bounds: "
            f"{', '.join(result.failed)}; their values in {out} are the bounds', not measurements"
        )
    lines.append(f"wrote {out}")
    return "\n".join(lines)


def fit(cfg: FitConfig) -> int:
    if not 0 < cfg.replay_dt_s <= 0.01:
        raise CalibrationError(
            f"--replay-dt-s {cfg.replay_dt_s} is not a physics step: give seconds in (0, 0.01], "
            "e.g. 0.002 (the default) or 0.0005"
        )
    initial = load_overrides(cfg.initial_overrides) if cfg.initial_overrides else ModelOverrides()
    offset_priors: dict[str, float] = {}
    if cfg.fixture:
        fixture = _fit_offsets(cfg.fixture, initial, cfg.offset_prior_rad)
        initial = fixture.overrides(initial, cfg.k_sigma)
        offset_priors = dict(zip(ARM_JOINTS, map(float, fixture.std_rad), strict=True))
    joints = tuple(j.strip() for j in cfg.joints.split(",") if j.strip())
    options = FitOptions(
        fields=parse_fields(cfg.params),
        joints=joints,
        fit_delay=cfg.fit_delay,
        max_delay_s=cfg.max_delay_s,
        segment_s=cfg.segment_s,
        rate_hz=cfg.rate_hz,
        pos_scale_rad=cfg.pos_scale_rad,
        vel_scale_rad_s=cfg.vel_scale_rad_s,
        max_iters=cfg.max_iters,
        offset_prior_rad=cfg.offset_prior_rad,
        offset_priors_rad=offset_priors,
        damping_prior_nm_s_per_rad=cfg.damping_prior,
        damping_prior_everywhere=cfg.damping_prior_everywhere,
        interval_block_s=cfg.interval_block_s or None,
        nthread=cfg.nthread,
        scene=SceneConfig(physics_dt_s=cfg.replay_dt_s),
        initial=initial,
    )
    traj = load_trajectory(
        cfg.recording,
        ARM_JOINTS,
        cfg.rate_hz,
        states_topic=cfg.states_topic,
        commands_topic=cfg.commands_topic,
        time_source=cfg.time_source,
        finger_joint=FINGER_JOINT,
        min_duration_s=2 * cfg.segment_s,
    )
    bar = _Bar(cfg.quiet)
    try:
        result = fit_trajectory(traj, options, progress=bar)
    finally:
        bar.bar.close()
    start = time.perf_counter()
    write_overrides(result, cfg.out, cfg.k_sigma)
    if cfg.report_dir:
        print(f"report: {write_report(result, cfg.report_dir)}")
    print(_summary(result, cfg.out, time.perf_counter() - start))
    return 0


def _fit_offsets(path: str, initial: ModelOverrides, prior_rad: float) -> FixtureFit:
    """The fixture's offsets, printed as a table."""
    start = [initial.joint_value(j, "offset_rad", 0.0) for j in ARM_JOINTS]
    result = fit_fixture(load_fixture(path), initial_rad=start, prior_rad=prior_rad)
    print(f"-- encoder offsets from the fixture {path}")
    print(result.table())
    unseen = [j for j, ok in zip(ARM_JOINTS, result.identified, strict=True) if not ok]
    if unseen:
        print(
            f"WARNING: the touches do not determine the offsets of {', '.join(unseen)} (left to "
            "the prior); add keyed seats (tcp_quat_wxyz) or touches in other postures"
        )
    return result


def offsets(cfg: OffsetsConfig) -> int:
    initial = load_overrides(cfg.initial_overrides) if cfg.initial_overrides else ModelOverrides()
    result = _fit_offsets(cfg.fixture, initial, cfg.prior_rad)
    overrides = result.overrides(initial, cfg.k_sigma)
    overrides.save(cfg.out)
    load_overrides(cfg.out, compile_scene())
    print(f"wrote {cfg.out}")
    return 0


COMMANDS: dict[str, tuple[type, Callable[[Any], int]]] = {
    "excite": (ExciteConfig, excite),
    "offsets": (OffsetsConfig, offsets),
    "fit": (FitConfig, fit),
}


def main(argv: list[str] | None = None) -> int:
    """``python -m skillbridge.calibration.cli {excite,offsets,fit} ...`` (the dispatcher's
    flags)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        print("usage: python -m skillbridge.calibration.cli {excite,offsets,fit} [OPTIONS]")
        return 2
    prog = f"skillbridge calibrate {args[0]}"
    config, command = COMMANDS[args[0]]
    try:
        return command(tyro.cli(config, args=args[1:], prog=prog))
    except CalibrationError as exc:
        print(f"skillbridge calibrate {args[0]}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
