"""SafetyLayer: limits, rate limit, fade-in, watchdog, non-finite input, e-stop (numbers shown)."""

from __future__ import annotations

import numpy as np
import pytest
from policy_files import write_linear_policy

from skillbridge.contract import RobotState
from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.policies.runtime import PolicyRuntime
from skillbridge.policies.safety import Mode, SafetyConfig, SafetyError, SafetyLayer

NAMES = ("a", "b", "finger")
LOWER = (-1.0, -2.0, 0.0)
UPPER = (1.0, 2.0, 0.04)
PERIOD = 0.02


def _layer(**config) -> SafetyLayer:
    cfg = SafetyConfig(finger_joints=("finger",), fade_in_s=0.0, **config)
    return SafetyLayer(NAMES, LOWER, UPPER, PERIOD, cfg)


def _active(**config) -> SafetyLayer:
    config.setdefault(
        "finger_max_speed_m_s", 1e3 if config.get("max_speed_rad_s", 0) > 100 else 0.2
    )
    layer = _layer(**config)
    layer.activate(np.zeros(3), 0.0)
    return layer


def test_step_per_tick_is_speed_times_period():
    layer = _active(max_speed_rad_s=2.5, finger_max_speed_m_s=0.2)
    np.testing.assert_allclose(layer.max_step, [0.05, 0.05, 0.004])  # 2.5 * 0.02, 0.2 * 0.02
    out = layer.filter(np.array([0.5, -0.01, 0.04]), 0.02)
    np.testing.assert_allclose(out.targets, [0.05, -0.01, 0.004])
    assert out.reasons == ("rate_limited",)
    out = layer.filter(np.array([0.5, -0.01, 0.04]), 0.04)
    np.testing.assert_allclose(out.targets, [0.10, -0.01, 0.008])


def test_position_limits_clip_and_tightening_never_widens():
    layer = _active(max_speed_rad_s=1e3, finger_max_speed_m_s=1e3)
    out = layer.filter(np.array([5.0, -5.0, 1.0]), 0.02)
    np.testing.assert_allclose(out.targets, [1.0, -2.0, 0.04])
    assert "position_limited" in out.reasons
    tight = _layer(limit_joints=("a", "b"), limit_lower=(-0.5, -3.0), limit_upper=(0.5, 3.0))
    np.testing.assert_allclose(tight.lower, [-0.5, -2.0, 0.0])  # b's -3 would widen: ignored
    np.testing.assert_allclose(tight.upper, [0.5, 2.0, 0.04])
    assert any("wider than the contract" in note for note in tight.notes)
    with pytest.raises(ValueError):
        tight.lower[0] = -1.0  # read-only


@pytest.mark.parametrize(
    ("config", "match"),
    [
        ({"limit_joints": ("nope",), "limit_lower": (0.0,), "limit_upper": (1.0,)}, "nope"),
        ({"limit_joints": ("a",), "limit_lower": (0.5,), "limit_upper": (0.2,)}, "empty range"),
        ({"limit_joints": ("a",), "limit_lower": (0.5,), "limit_upper": ()}, "one lower"),
        ({"max_speed_rad_s": 0.0}, "max_speed_rad_s"),
        ({"stale_periods": 0}, "stale_periods"),
    ],
)
def test_bad_settings_fail_with_the_setting_named(config, match):
    with pytest.raises(SafetyError, match=match):
        _layer(**config)


def test_fade_in_blends_from_measured_pose():
    layer = SafetyLayer(NAMES, LOWER, UPPER, PERIOD, SafetyConfig(finger_joints=("finger",)))
    layer.activate(np.array([0.2, 0.0, 0.02]), 10.0)
    goal = np.array([0.3, 0.1, 0.02])
    first = layer.filter(goal, 10.0)
    np.testing.assert_allclose(first.targets, [0.2, 0.0, 0.02])  # alpha = 0
    assert first.mode == Mode.FADE_IN
    layer.note_state(10.5)
    half = layer.filter(goal, 10.5)  # smoothstep(0.5) = 0.5
    np.testing.assert_allclose(half.targets, [0.25, 0.05, 0.02])
    layer.note_state(11.0)
    done = layer.filter(goal, 11.0)
    np.testing.assert_allclose(done.targets, goal)
    assert done.mode == Mode.RUNNING


def test_the_per_tick_pass_equals_the_rules_in_numpy():
    """Fade-in, position clip, step limit and clip again, written out in numpy as the rules
    read, give the layer's targets exactly, over random proposals in and out of the limits."""
    rng = np.random.default_rng(11)
    cfg = SafetyConfig(finger_joints=("finger",), fade_in_s=0.1, max_speed_rad_s=3.0)
    layer = SafetyLayer(NAMES, LOWER, UPPER, PERIOD, cfg)
    lower, upper, max_step = np.array(LOWER), np.array(UPPER), layer.max_step
    measured = np.array([0.3, -1.0, 0.01])
    layer.activate(measured, 0.0)
    last, fade_from = measured.copy(), measured.copy()
    counts = {"position_limited": 0, "rate_limited": 0}
    for k in range(40):
        now = k * PERIOD
        layer.note_state(now)
        proposed = rng.uniform(-1.5, 1.5, 3) * np.array([1.0, 2.0, 0.04])
        x = float(np.clip(now / cfg.fade_in_s, 0.0, 1.0))
        target = fade_from + x * x * (3.0 - 2.0 * x) * (proposed - fade_from)
        clipped = np.clip(target, lower, upper)
        limited = last + np.clip(clipped - last, -max_step, max_step)
        expected = np.clip(limited, lower, upper)
        reasons = ("position_limited",) * bool(np.any(clipped != target)) + (
            "rate_limited",
        ) * bool(np.any(limited != clipped))
        for reason in reasons:
            counts[reason] += 1
        out = layer.filter(proposed, now)
        np.testing.assert_array_equal(out.targets, expected)
        assert out.reasons == reasons
        assert out.mode == (Mode.FADE_IN if now < cfg.fade_in_s else Mode.RUNNING)
        last = expected
    assert layer.limited_ticks == counts and min(counts.values()) > 5


def test_activation_outside_limits_is_refused_with_joint_named():
    layer = _layer()
    with pytest.raises(SafetyError, match="b=-2.5"):
        layer.activate(np.array([0.0, -2.5, 0.0]), 0.0)
    with pytest.raises(SafetyError, match="non-finite"):
        layer.activate(np.array([np.nan, 0.0, 0.0]), 0.0)


def test_watchdog_holds_then_requests_deactivation():
    layer = _active(max_speed_rad_s=1e3, stale_periods=3, deactivate_after_s=0.2)
    moved = layer.filter(np.array([0.1, 0.1, 0.01]), 0.02).targets
    layer.note_state(0.02)
    fresh = layer.filter(np.array([0.2, 0.2, 0.02]), 0.02 + 3 * PERIOD)  # age 0.06 = limit
    assert fresh.mode == Mode.RUNNING
    stale = layer.filter(np.array([0.3, 0.3, 0.03]), 0.02 + 4 * PERIOD)
    assert stale.mode == Mode.HOLD and stale.reasons == ("stale_state",)
    np.testing.assert_allclose(stale.targets, fresh.targets)
    assert not stale.deactivate
    late = layer.filter(np.array([0.3, 0.3, 0.03]), 0.25)
    assert late.deactivate and late.mode == Mode.HOLD
    layer.note_state(0.26)
    assert layer.filter(np.array([0.3, 0.3, 0.03]), 0.26).mode == Mode.RUNNING
    assert layer.held_ticks["stale_state"] == 2
    assert not np.allclose(moved, fresh.targets)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nonfinite_target_or_fault_holds_and_counts(bad):
    layer = _active(max_speed_rad_s=1e3)
    good = layer.filter(np.array([0.1, 0.0, 0.0]), 0.0).targets
    out = layer.filter(np.array([bad, 0.0, 0.0]), 0.0)
    assert out.mode == Mode.HOLD and out.reasons == ("nonfinite_action",)
    np.testing.assert_array_equal(out.targets, good)
    out = layer.filter(None, 0.0, fault="nonfinite_observation")
    assert out.reasons == ("nonfinite_observation",)
    assert layer.held_ticks == {"nonfinite_action": 1, "nonfinite_observation": 1}


def test_a_missing_or_misshapen_target_holds():
    layer = _active(max_speed_rad_s=1e3)
    good = layer.filter(np.array([0.1, 0.0, 0.0]), 0.0).targets
    for proposed, reason in (
        (None, "no_target"),
        (np.array([0.2, 0.0]), "wrong_shape"),
        (np.array([[0.2, 0.0, 0.0]]), "wrong_shape"),
    ):
        out = layer.filter(proposed, 0.0)
        assert out.mode == Mode.HOLD and out.reasons == (reason,)
        np.testing.assert_array_equal(out.targets, good)
    assert layer.held_ticks == {"no_target": 1, "wrong_shape": 2}


def test_estop_latches_until_reset_then_fades_in():
    layer = SafetyLayer(
        NAMES, LOWER, UPPER, PERIOD, SafetyConfig(finger_joints=("finger",), fade_in_s=0.1)
    )
    layer.activate(np.zeros(3), 0.0)
    layer.estop("operator")
    for t in (0.0, 0.2, 5.0):
        layer.note_state(t)
        out = layer.filter(np.array([0.5, 0.5, 0.02]), t)
        assert out.mode == Mode.ESTOP and "estop" in out.reasons
        np.testing.assert_array_equal(out.targets, np.zeros(3))
    layer.deactivate()
    layer.activate(np.zeros(3), 6.0)  # re-activation does not clear the latch
    assert layer.filter(np.array([0.5, 0.5, 0.02]), 6.0).mode == Mode.ESTOP
    layer.reset_estop(np.array([0.01, 0.0, 0.0]), 6.0)
    out = layer.filter(np.array([0.5, 0.5, 0.02]), 6.0)
    assert out.mode == Mode.FADE_IN
    np.testing.assert_allclose(out.targets, [0.01, 0.0, 0.0])


def test_filter_before_activate_is_an_error():
    with pytest.raises(SafetyError, match="activate"):
        _layer().filter(np.zeros(3), 0.0)


def test_no_language_command_can_widen_a_limit(tmp_path, panda_spec):
    """Drive every motion at its largest size, repeatedly, through runtime + safety layer with
    tightened limits: the limits never change and no target leaves them."""
    rng = np.random.default_rng(3)
    weight = rng.normal(0, 2.0, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "wild.onnx", panda_spec, weight=weight)
    runtime = PolicyRuntime(path)
    config = SafetyConfig(
        limit_joints=("panda_joint1", "panda_joint4"),
        limit_lower=(-0.3, -2.6),
        limit_upper=(0.3, -2.0),
        fade_in_s=0.0,
    )
    layer = SafetyLayer.from_spec(panda_spec, config)
    lower, upper = layer.lower.copy(), layer.upper.copy()
    q = np.array(panda_spec.default_joint_pos)
    state = RobotState(panda_spec.joint_names, q, np.zeros(8))
    runtime.reset(state, 0.0)
    layer.activate(q, 0.0)
    t = 0.0
    for _ in range(3):
        for motion in MOTIONS:
            big = {"distance_m": 0.15} if motion in ("left", "up", "forward", "right") else {}
            cmd = (
                LanguageMotion(motion, "explicit", **big)
                if big
                else LanguageMotion.of(motion, "large")
            )
            runtime.set_motion(cmd, state, t)
            for _ in range(5):
                t += panda_spec.control_period_s
                layer.note_state(t)
                out = layer.filter(runtime.step(state)[0], t)
                assert np.all(out.targets >= lower) and np.all(out.targets <= upper)
                state = RobotState(panda_spec.joint_names, out.targets, np.zeros(8))
    np.testing.assert_array_equal(layer.lower, lower)
    np.testing.assert_array_equal(layer.upper, upper)
    assert layer.lower[0] == -0.3 and layer.upper[3] == -2.0
