"""The grasp-hold stress test: its quick mode's JSON, and a detector that can say 'dropped'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import grasp_hold as gh

from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.sim.grasp import franka_hand_grasp
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "models" / "motion.onnx"


@pytest.fixture(scope="module")
def quick_json(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("grasp_hold") / "quick.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "grasp_hold.py"), "--quick", "--envs", "8"]
        + ["--json", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: a target not met
    assert "move 2/2" in done.stdout  # progress is printed
    assert path.with_suffix(".png").is_file()
    return json.loads(path.read_text())


def test_quick_mode_writes_the_benchmark_layout(quick_json):
    assert quick_json["benchmark"] == "grasp_hold"
    for result in quick_json["results"]:
        assert set(result) == {
            "name",
            "value",
            "unit",
            "baseline_name",
            "baseline_value",
            "ratio",
            "target",
            "met",
        }
        assert isinstance(result["met"], bool)
    names = {r["name"] for r in quick_json["results"]}
    for tag in ("4 ms physics", "4 ms physics, after_without_gate"):
        assert {
            f"held after 2 moves, {tag}",
            f"held after 2 moves of all starts (settle drops count), {tag}",
            f"mean move duration, {tag}",
        } <= names
    assert len(names) == 6


def test_held_fractions_are_fractions_per_move(quick_json):
    runs = quick_json["conditions"]
    assert set(runs) == {"before @ 4 ms", "after @ 4 ms", "after_without_gate @ 4 ms"}
    for run in runs.values():
        held = run["held_fraction"]
        assert len(held) == 2 and all(0.0 <= h <= 1.0 for h in held)
        assert held[1] <= held[0]  # once dropped, never held again
        assert all(0.3 <= d <= 2.5 for d in run["move_duration_mean_s"])  # min time .. window


def test_a_released_cube_counts_as_not_held():
    """Cubes held after the settle are no longer held once the gripper opens."""
    cfg = gh.HoldConfig(num_envs=4, seed=3)
    run = gh.Run(cfg, franka_hand_grasp(), OnnxPolicy(str(POLICY)), TRAINING_PHYSICS_DT_S)
    run.hold_still(0.5)
    held = gh.held_mask(run.env, cfg.radius_m)
    assert held.any()
    opened = np.zeros((cfg.num_envs, 5))
    opened[:, 4] = 1.0  # the "open" language motion
    run.env.set_commands(np.arange(cfg.num_envs), opened)
    for _ in range(int(1.5 / run.env.dt_s)):
        run.step()
    assert not gh.held_mask(run.env, cfg.radius_m).any()


def test_a_cube_moved_away_from_the_tool_counts_as_not_held():
    """Both fingers may still touch a cube that slid along the pads: past the radius it is
    dropped."""
    cfg = gh.HoldConfig(num_envs=2, seed=3)
    run = gh.Run(cfg, franka_hand_grasp(), OnnxPolicy(str(POLICY)), TRAINING_PHYSICS_DT_S)
    run.hold_still(0.3)
    assert gh.held_mask(run.env, cfg.radius_m).any()
    assert not gh.held_mask(run.env, radius_m=1e-6).any()
