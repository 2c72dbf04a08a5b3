"""The demo's "real robot" file and the truth-versus-fit table (plain YAML documents)."""

from __future__ import annotations

import math

import pytest

from skillbridge.ros_nodes.calibration_compare import DEMO_TRUTH, compare, demo_truth, format_table


def test_demo_truth_changes_exactly_the_fitted_fields():
    doc = demo_truth(("panda_joint2", "panda_joint5"), ("damping", "kp", "offset"), 0.009)
    assert doc["joints"] == {
        "panda_joint2": {"damping": 2.523, "offset_rad": -0.0189},
        "panda_joint5": {"damping": 3.312, "offset_rad": -0.00892},
    }
    assert doc["actuators"] == {"panda_joint2": {"kp": 5070.0}, "panda_joint5": {"kp": 1661.0}}
    assert doc["command_delay_s"] == 0.009 and doc["version"] == 1
    with pytest.raises(ValueError, match="fields: \\['armature'"):
        demo_truth(("panda_joint1",), ("payload",))
    assert set(DEMO_TRUTH) == {f"panda_joint{i}" for i in range(1, 8)}


def test_compare_judges_each_parameter_and_the_delay():
    truth = {
        "joints": {"panda_joint1": {"damping": 2.0}},
        "actuators": {"panda_joint1": {"kp": 4000.0}},
        "command_delay_s": 0.0125,
    }
    fitted = {
        "joints": {"panda_joint1": {"damping": 2.3, "armature": 0.1}},
        "actuators": {"panda_joint1": {"kp": 4100.0}},
        "command_delay_s": 0.013,
        "provenance": {
            "fitted": ["panda_joint1.damping", "panda_joint1.kp", "panda_joint1.armature"],
            "ci95": {
                "panda_joint1.damping": 0.4,
                "panda_joint1.kp": 20.0,
                "command_delay_s": 0.0008,
            },
            "physics_dt_s": 0.002,
        },
    }
    damping, kp, armature, delay = compare(truth, fitted, rel_tolerance=0.10)
    assert damping.rel_error == pytest.approx(0.15) and damping.ok is False  # 2.3 vs 2.0
    assert kp.rel_error == pytest.approx(0.025) and kp.ok is True and kp.ci95 == 20.0
    assert math.isnan(armature.truth) and armature.ok is None  # not in the truth: nominal
    # MuJoCo acts 12.5 ms as 7 whole 2 ms steps: the lag the fit measures is 14 ms
    assert delay.truth == pytest.approx(0.014) and delay.ci95 == pytest.approx(0.0008)
    assert delay.ok is True  # 1 ms < one 2 ms step
    fitted["command_delay_s"] = 0.0115
    assert compare(truth, fitted)[-1].ok is False  # 2.5 ms short of the lag
    table = format_table([damping, kp, armature, delay]).splitlines()
    assert table[0].split()[:3] == ["parameter", "truth", "fitted"]
    assert "NO (10%)" in table[1] and "yes (10%)" in table[2] and "nominal" in table[3]
