"""The closed-loop calibration benchmark's parts: a held-out robot's truth as overrides, the
evaluation of a policy on a robot whose gains differ from its contract, the share-removed
arithmetic, and the tracking error over ROS 2 measured in the true frame."""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import _ros_tracking
import calibration_closed_loop as ccl
import calibration_coverage as cov

from skillbridge.policies.errors import PolicyError
from skillbridge.policies.evaluate import EvalConfig, evaluate_runtime
from skillbridge.sim.overrides import actuator_for, apply_overrides, load_overrides
from skillbridge.sim.scene import ARM_JOINTS, compile_scene

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "models" / "motion.onnx"


@pytest.fixture(scope="module")
def robot() -> cov.Robot:
    """A prior robot with an encoder offset large enough to see: 10 mrad on joint 1, about 3 mm
    sideways at the tool (sideways: a pitch joint's offset could cancel the servo's sag)."""
    drawn = cov.draw_robot(cov.Prior(), seed=3)
    offsets = np.zeros(7)
    offsets[0] = 0.01
    return dataclasses.replace(drawn, offset_rad=offsets)


@pytest.fixture(scope="module")
def truth_file(robot, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("robot") / "truth.yaml"
    path.write_text(yaml.safe_dump(ccl.truth_overrides(robot)))
    return path


def test_truth_overrides_put_the_robots_physics_into_the_scene(robot, truth_file):
    model = compile_scene()
    apply_overrides(model, load_overrides(truth_file, model))
    for i, joint in enumerate(ARM_JOINTS):
        dof = model.joint(joint).dofadr[0]
        act = actuator_for(model, joint)
        assert model.dof_armature[dof] == pytest.approx(robot.armature[i])
        assert model.dof_damping[dof] == pytest.approx(robot.viscous[i])
        assert model.dof_frictionloss[dof] == pytest.approx(robot.coulomb[i])
        assert model.actuator_gainprm[act, 0] == pytest.approx(robot.kp[i])
    assert model.actuator_delay[0] == pytest.approx(robot.delay_s)
    no_offsets = ccl.without_offsets(ccl.truth_overrides(robot))
    assert all(v["offset_rad"] == 0.0 for v in no_offsets["joints"].values())
    assert no_offsets["actuators"] == ccl.truth_overrides(robot)["actuators"]


def test_a_robot_with_other_gains_is_refused_unless_declared_a_perturbed_robot(truth_file):
    cfg = EvalConfig(episodes=10, num_envs=10, randomize=False, overrides_path=str(truth_file))
    with pytest.raises(PolicyError, match="kp"):
        evaluate_runtime(str(SHIPPED), cfg)
    nominal, _ = evaluate_runtime(str(SHIPPED), dataclasses.replace(cfg, overrides_path=None))
    perturbed, _ = evaluate_runtime(str(SHIPPED), dataclasses.replace(cfg, perturbed_robot=True))
    # the encoder offsets move the true tool away from where the arm believes it is
    assert perturbed.pos_err_mean_m > nominal.pos_err_mean_m + 1e-3


def test_share_removed_is_the_extra_error_the_calibrated_policy_takes_away(tmp_path):
    assert ccl.removed_fraction(1.0, 5.0, 2.0) == pytest.approx(0.75)
    assert ccl.removed_fraction(1.0, 5.0, 6.0) == pytest.approx(-0.25)  # worse than nominal
    assert math.isnan(ccl.removed_fraction(2.0, 1.5, 1.0))  # the robot added no error

    def measure(policy: Path, robot_file: Path | None) -> dict:
        table = {("nominal", None): 1.0, ("nominal", "r"): 3.0, ("calibrated", "r"): 2.0}
        return {"pos_err_mean_mm": table[(policy.name, robot_file and robot_file.name)]}

    scores = ccl.compare(measure, Path("nominal"), Path("calibrated"), Path("r"))
    assert scores["removed_fraction"] == pytest.approx(0.5)
    results = ccl.results_of([{"seed": 1, "truth": scores}])
    assert [r.name for r in results] == [
        "robot 1 truth: share removed",
        "all robots truth: share removed",
    ]
    assert all(r.met and r.ratio == pytest.approx(0.5) for r in results)
    png = tmp_path / "closed_loop.png"
    ccl.plot([{"seed": 1, "truth": scores}], png)
    assert png.stat().st_size > 1000


def test_tracking_over_ros_is_measured_in_the_true_frame(truth_file, tmp_path):
    """Two motions on the robot over ROS 2: the policy reaches what it believes (millimetres),
    and the evaluator, who knows the encoder offsets, sees the true tool further away."""
    from skillbridge.sim.robot import panda_policy_spec

    spec = panda_policy_spec(compile_scene())
    sequence = (("left", "normal"), ("up", "normal"))
    result = _ros_tracking.ros_tracking(SHIPPED, truth_file, spec, tmp_path, sequence)
    assert result["motions"] == 2
    assert result["believed_pos_err_mean_mm"] < 5.0
    assert result["pos_err_mean_mm"] > result["believed_pos_err_mean_mm"] + 1.0


def test_offset_displacement_is_the_lever_arm_times_the_offset(robot, tmp_path):
    """Joint 1 turns the arm about the vertical: 10 mrad moves the tool 10 mrad times its
    distance from the axis; a fit that found the offset leaves nothing, one that missed it all."""
    assert ccl.offset_displacement_mm({}) == 0.0
    truth = ccl.truth_overrides(robot)  # 10 mrad on joint 1 only
    fitted = tmp_path / "fitted.yaml"
    fitted.write_text(
        yaml.safe_dump({"version": 1, "joints": {"panda_joint1": {"offset_rad": 0.01}}})
    )
    found = ccl.kinematics(truth, fitted)
    lever_m = 0.3069  # the tool's distance from joint 1's axis at the ready pose
    assert found["true_offsets_displacement_mm"] == pytest.approx(10.0 * lever_m, rel=0.01)
    assert found["residual_offsets_displacement_mm"] == pytest.approx(0.0, abs=1e-6)
    fitted.write_text(yaml.safe_dump({"version": 1, "joints": {}}))
    missed = ccl.kinematics(truth, fitted)
    assert missed["residual_offsets_displacement_mm"] == missed["true_offsets_displacement_mm"]
    assert missed["offset_error_mrad"]["panda_joint1"] == pytest.approx(10.0)


def test_offset_choices_hand_over_none_all_or_the_identified_offsets():
    sys.path.insert(0, str(REPO / "benchmarks" / "tools"))
    import offset_choices

    def estimate(joint: int, truth: float, est: float, identified: bool) -> dict:
        name = f"panda_joint{joint}.offset"
        return {"name": name, "field": "offset", "truth": truth, "estimate": est,
                "identified": identified}  # fmt: skip

    robot = {"parameters": [estimate(1, 0.01, 0.01, True), estimate(2, 0.0, 0.004, False)]}
    offsets = robot["parameters"]
    assert offset_choices.handed_over(offsets, "none") == {
        "panda_joint1": 0.0,
        "panda_joint2": 0.0,
    }
    assert offset_choices.handed_over(offsets, "all") == {
        "panda_joint1": 0.01,
        "panda_joint2": 0.004,
    }
    assert offset_choices.handed_over(offsets, "identified")["panda_joint2"] == 0.0
    left = offset_choices.residuals(robot, np.array([ccl.start_poses(1)[0]]))
    # identified-only keeps the right joint-1 offset and drops the wrong joint-2 one
    assert left["identified"] == pytest.approx(0.0, abs=1e-9)
    assert left["all"] > 0.5 and left["none"] > 2.0
