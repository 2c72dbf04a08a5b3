"""Launch files and parameter files checked statically; ``skillbridge bringup`` run for real."""

from __future__ import annotations

import ast
import dataclasses
import re
import signal
import subprocess

import pytest
import yaml
from ros_helpers import ROOT, SKILLBRIDGE, wait_for

from skillbridge.policies.safety import SafetyConfig
from skillbridge.ros_nodes.bringup import MODES, BringupConfig, node_parameters, plan
from skillbridge.ros_nodes.errors import RosNodeError

LAUNCH = ROOT / "launch"
CONFIG = ROOT / "config"
LAUNCH_FILES = {
    "sim": "sim.launch.py",
    "robot": "robot.launch.py",
    "calibration": "calibration.launch.py",
}


def _console_scripts() -> set[str]:
    text = (ROOT / "setup.py").read_text()
    return set(re.findall(r'"(\w+) = skillbridge\.[\w.]+:main"', text))


def _launch_nodes(path) -> list[dict[str, object]]:
    """Every Node/LifecycleNode call of a launch file: executable, name, yaml files."""
    nodes = []
    for call in ast.walk(ast.parse(path.read_text())):
        if not (
            isinstance(call, ast.Call)
            and getattr(call.func, "id", "") in ("Node", "LifecycleNode")
        ):
            continue
        kwargs = {k.arg: k.value for k in call.keywords}
        yamls = [
            c.value
            for c in ast.walk(kwargs["parameters"])
            if isinstance(c, ast.Constant) and str(c.value).endswith(".yaml")
        ]
        nodes.append(
            {
                "executable": kwargs["executable"].value,
                "name": kwargs["name"].value,
                "package": kwargs["package"].value,
                "yaml": yamls,
            }
        )
    return nodes


@pytest.mark.parametrize("launch_file", sorted(p.name for p in LAUNCH.glob("*.launch.py")))
def test_launch_files_reference_existing_executables_and_parameter_files(launch_file):
    nodes = _launch_nodes(LAUNCH / launch_file)
    assert nodes, f"{launch_file} starts no node"
    scripts = _console_scripts()
    for node in nodes:
        assert node["package"] == "skillbridge"
        assert node["executable"] in scripts, f"{node['executable']} is not a console script"
        for name in node["yaml"]:
            assert (CONFIG / name).is_file(), f"{launch_file}: config/{name} is missing"


@pytest.mark.parametrize(("mode", "launch_file"), sorted(LAUNCH_FILES.items()))
def test_bringup_starts_what_the_launch_file_starts(mode, launch_file):
    launched = {(n["name"], n["executable"]) for n in _launch_nodes(LAUNCH / launch_file)}
    brought = {(e.name, e.executable) for e in MODES[mode]}
    if mode == "robot":
        assert brought == launched
    else:
        assert brought <= launched  # the launch file may add the simulator behind use_sim
    for entry in MODES[mode]:
        launch_yaml = next(
            n["yaml"] for n in _launch_nodes(LAUNCH / launch_file) if n["name"] == entry.name
        )
        assert set(entry.params) <= set(launch_yaml)


def _fields(node: str) -> set[str]:
    entry = next(e for mode in MODES.values() for e in mode if e.name == node)
    module, _, cls = entry.target.partition(":")
    config_type = {
        "policy_node": "PolicyNodeConfig",
        "sim_robot": "SimRobotConfig",
        "skill_manager": "SkillManagerConfig",
        "recorder": "RecorderConfig",
        "excitation": "ExcitationNodeConfig",
    }[node]
    import importlib

    fields = {
        f.name for f in dataclasses.fields(getattr(importlib.import_module(module), config_type))
    }
    return fields | {f"safety.{f.name}" for f in dataclasses.fields(SafetyConfig)}


@pytest.mark.parametrize("path", sorted(CONFIG.glob("*.yaml")), ids=lambda p: p.name)
def test_parameter_files_set_only_declared_parameters(path):
    data = yaml.safe_load(path.read_text())
    for node in data:
        params = node_parameters(node, [path])
        unknown = sorted(set(params) - _fields(node))
        assert not unknown, f"{path.name}: {node} has no parameters {unknown}"


def test_bringup_plan_applies_overrides_and_rejects_unknown_nodes():
    cfg = BringupConfig(
        mode="robot", policy_path="p.onnx", task="t", param=("policy_node.rate_hz=100",)
    )
    params = {entry.name: p for entry, p in plan(cfg)}
    assert params["policy_node"]["policy_path"] == "p.onnx"
    assert params["policy_node"]["rate_hz"] == 100
    assert params["policy_node"]["safety.max_speed_rad_s"] == 2.5  # from config/policy.yaml
    assert params["skill_manager"]["task"] == "t"
    with pytest.raises(Exception, match="sim_robot"):
        plan(dataclasses.replace(cfg, param=("sim_robot.seed=1",)))


def test_a_driver_config_reaches_every_node_that_reads_joints():
    """``--driver-config`` is read after each node's own file, as robot.launch.py's
    ``driver_config``; a missing file is named."""
    cfg = BringupConfig(mode="robot", driver_config=str(CONFIG / "franka_ros2.yaml"))
    params = {entry.name: p for entry, p in plan(cfg)}
    assert params["policy_node"]["command_output"] == "forward_command"
    for node in ("policy_node", "skill_manager"):
        assert params[node]["driver_joint_names"][0] == "fr3_joint1"
    assert params["policy_node"]["safety.max_speed_rad_s"] == 2.5  # policy.yaml still applies
    with pytest.raises(RosNodeError, match="no_such.yaml: no such file"):
        plan(dataclasses.replace(cfg, driver_config="no_such.yaml"))


def test_bringup_sim_runs_and_stops_cleanly_on_ctrl_c(ros_env, tmp_path, tiny_policy):
    """One process: the policy activates against the simulated robot; SIGINT deactivates it
    (holding position), finalizes the recording and exits 0."""
    log = tmp_path / "bringup.log"
    argv = [SKILLBRIDGE, "bringup", "sim", "--policy-path", str(tiny_policy), "--param",
            f"recorder.path={tmp_path / 'bringup.mcap'}",
            f"skill_manager.corrections_path={tmp_path / 'c.jsonl'}",
            f"skill_manager.high_level_path={ROOT / 'models' / 'high_level.onnx'}"]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(
            argv, env=ros_env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            wait_for(lambda: "activate: now active" in log.read_text(), 60, "activation")
            proc.send_signal(signal.SIGINT)
            assert proc.wait(30) == 0, log.read_text()
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text()
    assert "deactivate: now inactive" in text and "skillbridge bringup: stopped" in text
    from mcap.reader import make_reader

    with (tmp_path / "bringup.mcap").open("rb") as f:
        summary = make_reader(f).get_summary()
    channels = {c.topic for c in summary.channels.values()}
    assert {"/joint_states", "/joint_commands", "/skill_status"} <= channels
