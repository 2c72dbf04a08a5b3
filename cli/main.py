"""``skillbridge``: the command-line entry point.

The table below names every command, the typed config dataclass its flags are generated from
(tyro) and the function that runs it. Each command lives in the layer it drives and is imported
only when called, so ``skillbridge parse`` never pays for torch and ``skillbridge sim`` never
imports rclpy. Errors raised by skillbridge itself are printed as one line (exit code 1); any
other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys

import tyro


@dataclasses.dataclass(frozen=True)
class Command:
    module: str
    config: str
    """Name of the config dataclass in ``module``."""
    run: str
    """Name of the function ``run(config) -> int`` in ``module``."""
    help: str


COMMANDS: dict[str, dict[str, Command]] = {
    "sim": {
        "demo": Command(
            "skillbridge.sim.cli",
            "SimDemoConfig",
            "demo",
            "a scripted controller executes language motions in the batched simulator",
        ),
        "info": Command(
            "skillbridge.sim.cli",
            "InfoConfig",
            "info",
            "print the compiled scene and the motion skill's contract",
        ),
        "check-overrides": Command(
            "skillbridge.sim.cli",
            "CheckOverridesConfig",
            "check_overrides",
            "validate a ModelOverrides YAML file",
        ),
    },
    "train": {
        "motion": Command(
            "skillbridge.policies.cli",
            "TrainConfig",
            "train_motion",
            "train the language-motion skill with asymmetric PPO in the batched simulator",
        ),
        "ablation": Command(
            "skillbridge.policies.ablation",
            "AblationConfig",
            "main",
            "asymmetric vs symmetric critic, same seeds and steps: curves PNG and evaluation",
        ),
        "high-level": Command(
            "skillbridge.hierarchy.train",
            "HighLevelTrainConfig",
            "main",
            "clone the oracle's language motions (run by the learned skill) into a high level",
        ),
    },
    "finetune-high-level": {
        "": Command(
            "skillbridge.hierarchy.finetune",
            "FinetuneConfig",
            "main",
            "fine-tune the high level on recorded corrections mixed with its demonstrations",
        ),
    },
    "hierarchy": {
        "experiment": Command(
            "skillbridge.hierarchy.experiment",
            "ExperimentConfig",
            "main",
            "live corrections and learning from them on a shifted task (YAY Robot / RT-H loop)",
        ),
    },
    "export": {
        "": Command(
            "skillbridge.policies.cli",
            "ExportConfig",
            "export",
            "export a trained actor to ONNX with its contract and provenance inside",
        ),
    },
    "verify": {
        "": Command(
            "skillbridge.policies.cli",
            "VerifyConfig",
            "verify",
            "verification gate: parity, contract, closed-loop evaluation; writes the report",
        ),
    },
    "parse": {
        "": Command(
            "skillbridge.hierarchy.language.cli",
            "ParseConfig",
            "parse",
            "parse a correction into a language motion (or a refusal with its reason)",
        ),
    },
    "calibrate": {
        "excite": Command(
            "skillbridge.calibration.cli",
            "ExciteConfig",
            "excite",
            "generate a safe excitation trajectory (chirps, multisines, steps) for identification",
        ),
        "offsets": Command(
            "skillbridge.calibration.cli",
            "OffsetsConfig",
            "offsets",
            "encoder offsets from a calibration fixture's touches -> ModelOverrides YAML",
        ),
        "fit": Command(
            "skillbridge.calibration.cli",
            "FitConfig",
            "fit",
            "identify the simulator from a robot log (MCAP/NPZ) -> ModelOverrides YAML + report",
        ),
        "demo": Command(
            "skillbridge.ros_nodes.calibration_demo",
            "CalibrationDemoConfig",
            "run_demo",
            "round trip through ROS: excite the sim robot (known physics), record, fit, compare",
        ),
    },
    "demo": {
        "": Command(
            "skillbridge.ros_nodes.demo",
            "DemoConfig",
            "run_demo",
            "the full stack on loopback: sim robot, policy, high level, two typed corrections",
        ),
    },
    "bringup": {
        "": Command(
            "skillbridge.ros_nodes.bringup",
            "BringupConfig",
            "bringup",
            "start the ROS 2 graph (sim | robot | calibration) in one process; Ctrl-C stops it",
        ),
    },
    "correct": {
        "": Command(
            "skillbridge.ros_nodes.console",
            "ConsoleConfig",
            "run_console",
            "operator console: send corrections, stop/resume, e-stop; shows task, motion, safety",
        ),
    },
}


USAGE = """usage: skillbridge COMMAND [SUBCOMMAND] [OPTIONS]

skillbridge: a sim-to-real control stack. Asymmetric actor-critic skills trained in batched MuJoCo
under domain randomization, a language skill hierarchy with live human corrections, ONNX export
with the observation/action contract inside, a ROS 2 runtime, and calibration from robot logs.

commands:
{commands}

`skillbridge COMMAND SUBCOMMAND --help` lists the options of a command.
"""


def _usage() -> str:
    lines = []
    for group, subs in COMMANDS.items():
        for name, cmd in subs.items():
            label = group if name == "" else f"{group} {name}"
            lines.append(f"  {label:<26}{cmd.help}")
    return USAGE.format(commands="\n".join(lines))


def _find(args: list[str]) -> tuple[str, Command, list[str]] | None:
    if not args or args[0] not in COMMANDS:
        return None
    group = COMMANDS[args[0]]
    if "" in group:
        return args[0], group[""], args[1:]
    if len(args) > 1 and args[1] in group:
        return f"{args[0]} {args[1]}", group[args[1]], args[2:]
    return None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    found = _find(args)
    if found is None:
        wanted_help = not args or args[-1] in ("-h", "--help", "help")
        if not wanted_help:
            print(f"skillbridge: unknown command {' '.join(args[:2])!r}\n", file=sys.stderr)
        print(_usage(), file=sys.stdout if wanted_help else sys.stderr)
        return 0 if wanted_help else 2
    label, cmd, rest = found
    module = importlib.import_module(cmd.module)
    config_type = getattr(module, cmd.config)
    config = tyro.cli(config_type, args=rest, prog=f"skillbridge {label}", description=cmd.help)
    try:
        return int(getattr(module, cmd.run)(config) or 0)
    except Exception as exc:
        if not type(exc).__module__.startswith("skillbridge."):
            raise
        print(f"skillbridge {label}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
