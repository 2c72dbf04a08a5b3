"""PolicyRuntime on real onnxruntime sessions of small policy files (no ROS, no torch)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from policy_files import write_linear_policy, write_report

from skillbridge.contract import ContractError, NonFiniteObservationError, RobotState, tool_pose
from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.policies.runtime import (
    NonFiniteActionError,
    PolicyLoadError,
    PolicyRuntime,
    RuntimeConfig,
)


def _state(spec, pos=None, vel=None, order=None) -> RobotState:
    q = np.array(spec.default_joint_pos if pos is None else pos, dtype=np.float64)
    v = np.zeros_like(q) if vel is None else np.asarray(vel, dtype=np.float64)
    names = list(spec.joint_names)
    if order is not None:
        return RobotState(tuple(names[i] for i in order), q[order], v[order])
    return RobotState(tuple(names), q, v)


@pytest.fixture()
def policy(tmp_path, panda_spec):
    return write_linear_policy(tmp_path / "zero.onnx", panda_spec)


def test_loads_contract_and_report(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    assert runtime.spec == panda_spec
    assert runtime.verification.ok


def test_refuses_unverified_file_with_the_command_to_run(tmp_path, panda_spec):
    path = write_linear_policy(tmp_path / "raw.onnx", panda_spec, verified=False)
    with pytest.raises(ContractError, match="skillbridge verify"):
        PolicyRuntime(path)
    assert not PolicyRuntime(path, allow_unverified=True).verification.ok


def test_refuses_failed_and_stale_reports(tmp_path, panda_spec):
    path = write_linear_policy(tmp_path / "p.onnx", panda_spec, verified=False)
    write_report(path, panda_spec, passed=False)
    with pytest.raises(ContractError, match="verification failed"):
        PolicyRuntime(path)
    write_report(path, panda_spec, passed=True)
    write_linear_policy(path, panda_spec, bias=0.1, verified=False)  # bytes change after verify
    with pytest.raises(ContractError, match="changed after verification"):
        PolicyRuntime(path)


def test_missing_file_says_how_to_make_one(tmp_path):
    with pytest.raises(PolicyLoadError, match="skillbridge export"):
        PolicyRuntime(tmp_path / "nope.onnx")


def test_zero_action_holds_arm_and_sets_finger_to_default(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    q = np.array(panda_spec.default_joint_pos) + 0.05
    state = _state(panda_spec, q)
    runtime.reset(state, 0.0)
    (targets,) = runtime.step(state)
    # delta joints: measured + 0; the absolute finger joint: default + 0
    np.testing.assert_allclose(targets[:7], q[:7], atol=1e-6)
    assert targets[7] == pytest.approx(panda_spec.default_joint_pos[7])


def test_joint_order_of_the_driver_does_not_matter(tmp_path, panda_spec):
    rng = np.random.default_rng(0)
    weight = rng.normal(0, 0.1, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    q = np.array(panda_spec.default_joint_pos) + rng.normal(0, 0.1, 8)
    v = rng.normal(0, 0.3, 8)
    out = []
    for order in (None, rng.permutation(8)):
        runtime = PolicyRuntime(path)
        state = _state(panda_spec, q, v, order)
        runtime.reset(state, 0.0)
        runtime.set_motion(LanguageMotion.of("left"), state, 0.0)
        out.append([runtime.step(state) for _ in range(3)])
    np.testing.assert_array_equal(out[0], out[1])


def test_steps_are_the_contract_observation_through_the_file(tmp_path, panda_spec):
    """Step after step, the targets and the last action are those of the file run on the
    contract's observation, and the targets are the contract's action mapping of that action
    (the mapping traced into the file agrees with the one training runs, to float32)."""
    import onnxruntime as ort

    from skillbridge.contract import action_to_joint_targets, build_actor_obs
    from skillbridge.contract.artifact import ONNX_ACTION, ONNX_JOINT_POS, ONNX_OBS

    rng = np.random.default_rng(8)
    weight = rng.normal(0, 0.2, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    reference = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    runtime = PolicyRuntime(path)
    start = np.array(panda_spec.default_joint_pos)
    runtime.reset(_state(panda_spec, start), 0.0)
    runtime.set_motion(LanguageMotion.of("forward", "small"), _state(panda_spec, start), 0.0)
    for _ in range(4):
        state = _state(panda_spec, start + rng.normal(0, 0.05, 8), rng.normal(0, 0.3, 8))
        obs = build_actor_obs(state, runtime.target, runtime.last_action, panda_spec)
        pos = state.select(panda_spec.joint_names)[0]
        feeds = {ONNX_OBS: obs, ONNX_JOINT_POS: pos[None].astype(np.float32)}
        (action,) = reference.run([ONNX_ACTION], feeds)
        targets = runtime.step(state)
        expected = action_to_joint_targets(action.astype(np.float64), pos[None], panda_spec)
        np.testing.assert_allclose(targets, expected, atol=1e-6)
        np.testing.assert_array_equal(runtime.last_action, action)


def test_a_batch_of_robots_steps_as_each_robot_alone(tmp_path, panda_spec):
    """The verification gate runs one runtime for many simulated robots: each row of a batch
    equals a runtime of that robot alone (observation history and per-row resets included)."""
    rng = np.random.default_rng(9)
    weight = rng.normal(0, 0.2, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    start = np.array(panda_spec.default_joint_pos) + rng.normal(0, 0.05, (3, 8))
    commands = rng.normal(0, 0.02, (3, 5))
    batch = PolicyRuntime(path, num_robots=3)
    alone = [PolicyRuntime(path) for _ in range(3)]
    batch.reset(_state(panda_spec, start), 0.0)
    batch.set_commands(commands, _state(panda_spec, start), 0.0)
    for i, runtime in enumerate(alone):
        runtime.reset(_state(panda_spec, start[i]), 0.0)
        runtime.set_commands(commands[i : i + 1], _state(panda_spec, start[i]), 0.0)
    for k in range(5):
        q = start + rng.normal(0, 0.02, (3, 8))
        if k == 3:  # robot 1 starts a new episode
            batch.reset(_state(panda_spec, q), 0.1, rows=np.array([1]))
            alone[1].reset(_state(panda_spec, q[1]), 0.1)
        got = batch.step(_state(panda_spec, q))
        for i, runtime in enumerate(alone):
            np.testing.assert_allclose(
                got[i], runtime.step(_state(panda_spec, q[i]))[0], atol=1e-6
            )


def test_missing_joint_is_named(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    names = tuple(n for n in panda_spec.joint_names if n != "panda_joint4")
    state = RobotState(names, np.zeros(7), np.zeros(7))
    with pytest.raises(ContractError, match="panda_joint4"):
        runtime.reset(state, 0.0)


def test_nonfinite_reading_and_action_raise_distinct_errors(tmp_path, policy, panda_spec):
    runtime = PolicyRuntime(policy)
    state = _state(panda_spec)
    runtime.reset(state, 0.0)
    q = np.array(panda_spec.default_joint_pos)
    q[2] = np.nan
    with pytest.raises(NonFiniteObservationError, match="panda_joint3"):
        runtime.step(_state(panda_spec, q))
    nan_policy = write_linear_policy(tmp_path / "nan.onnx", panda_spec, bias=np.nan)
    bad = PolicyRuntime(nan_policy)
    bad.reset(state, 0.0)
    with pytest.raises(NonFiniteActionError):
        bad.step(state)


def test_motion_resolves_from_measured_tool_and_keeps_gripper(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    state = _state(panda_spec, np.r_[panda_spec.default_joint_pos[:7], 0.04])
    runtime.reset(state, 0.0)
    tool_pos, _ = tool_pose(panda_spec.kinematics, state.joint_pos_rad, panda_spec.joint_names)
    target = runtime.set_motion(LanguageMotion.of("up", "small"), state, 0.0)
    np.testing.assert_allclose(target.pos_m[0], tool_pos + [0, 0, 0.01], atol=1e-12)
    assert target.gripper[0] == 1.0  # read open from the fingers, kept by a translation
    assert runtime.set_motion(LanguageMotion.of("close"), state, 0.0).gripper[0] == -1.0
    assert runtime.set_motion(LanguageMotion.of("left"), state, 0.0).gripper[0] == -1.0


def test_targets_stay_in_workspace_and_heading_range(policy, panda_spec):
    runtime = PolicyRuntime(policy, config=RuntimeConfig(max_abs_yaw_rad=1.0))
    state = _state(panda_spec)
    runtime.reset(state, 0.0)
    lo, hi = np.array(panda_spec.workspace_min_m), np.array(panda_spec.workspace_max_m)
    for motion in ("up", "down", "left", "right", "forward", "backward"):
        target = runtime.set_motion(LanguageMotion(motion, "explicit", 0.15), state, 0.0)
        assert np.all(target.pos_m >= lo) and np.all(target.pos_m <= hi)
    for motion in ("rotate_ccw", "rotate_cw"):
        target = runtime.set_motion(LanguageMotion(motion, "explicit", angle_rad=1.04), state, 0)
        assert abs(target.yaw_rad[0]) <= 1.0 + 1e-9


def test_completion_reached_timeout_and_sequence(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    state = _state(panda_spec, np.r_[panda_spec.default_joint_pos[:7], 0.04])
    runtime.reset(state, 10.0)
    assert runtime.status(state, 10.0).outcome == "idle"
    runtime.set_motion(LanguageMotion.of("stop"), state, 10.0)
    # reached needs the minimum motion time and a settled tool (two still readings)
    assert runtime.status(state, 10.02).outcome == "running"
    reached = runtime.status(state, 10.35)
    assert (reached.done, reached.outcome, reached.sequence) == (True, "reached", 1)
    runtime.set_motion(LanguageMotion.of("left", "normal"), state, 11.0)
    running = runtime.status(state, 12.0)
    assert (running.done, running.outcome) == (False, "running")
    assert running.pos_err_m == pytest.approx(0.03, abs=1e-9)
    timeout = runtime.status(state, 13.5)
    assert (timeout.done, timeout.outcome, timeout.sequence) == (True, "timeout", 2)
    runtime.set_motion(LanguageMotion.of("close"), state, 14.0)  # fingers still open
    assert not runtime.status(state, 14.1).fingers_ok
    assert set(timeout.to_dict()) >= {"motion", "done", "outcome", "sequence"}


def test_every_vocabulary_motion_runs(policy, panda_spec):
    runtime = PolicyRuntime(policy)
    state = _state(panda_spec)
    runtime.reset(state, 0.0)
    for motion in MOTIONS:
        runtime.set_motion(LanguageMotion.of(motion, "large"), state, 0.0)
        targets = runtime.step(state)
        assert np.all(targets >= panda_spec.joint_pos_lower)
        assert np.all(targets <= panda_spec.joint_pos_upper)


def test_runtime_and_safety_import_neither_torch_nor_mujoco_nor_rclpy():
    code = (
        "import sys, skillbridge.policies.runtime, skillbridge.policies.safety;"
        "print(sorted({'torch', 'mujoco', 'rclpy'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
