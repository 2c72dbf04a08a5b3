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
    targets = runtime.step(state)
    # delta joints: measured + 0; the absolute finger joint: default + 0
    np.testing.assert_allclose(targets[:7], q[:7])
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


def test_warm_up_changes_nothing(tmp_path, panda_spec):
    rng = np.random.default_rng(3)
    weight = rng.normal(0, 0.1, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    q = np.array(panda_spec.default_joint_pos) + rng.normal(0, 0.05, 8)
    states = [_state(panda_spec, q + 0.01 * k) for k in range(3)]
    plain, warmed = PolicyRuntime(path), PolicyRuntime(path)
    for runtime in (plain, warmed):
        runtime.reset(states[0], 0.0)
        runtime.set_motion(LanguageMotion.of("left", "small"), states[0], 0.0)
    for state in states:
        warmed.warm_up(states[-1])  # a different reading than the tick's
        np.testing.assert_array_equal(warmed.step(state), plain.step(state))
        np.testing.assert_array_equal(warmed.last_action, plain.last_action)
    bad = _state(panda_spec, np.full(8, np.nan))
    warmed.warm_up(bad)  # errors are left to the real tick
    np.testing.assert_array_equal(warmed.step(states[0]), plain.step(states[0]))


def test_steps_equal_the_batched_contract_and_a_disagreement_falls_back(tmp_path, panda_spec):
    """The runtime's one-robot observation gives the targets of ``build_actor_obs``; should it
    ever disagree on a real reading at reset, the runtime switches to the definition."""
    from skillbridge.contract import action_to_joint_targets, build_actor_obs

    rng = np.random.default_rng(5)
    weight = rng.normal(0, 0.1, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    runtime = PolicyRuntime(path)
    state = _state(panda_spec, np.array(panda_spec.default_joint_pos) + rng.normal(0, 0.1, 8))
    runtime.reset(state, 0.0)
    runtime.set_motion(LanguageMotion.of("left", "small"), state, 0.0)
    assert runtime.observation_path == "single"
    obs = build_actor_obs(state, runtime.target, runtime.last_action, panda_spec)
    action = obs.astype(np.float64) @ weight
    expected = action_to_joint_targets(
        action[0], state.select(panda_spec.joint_names)[0], panda_spec
    )
    np.testing.assert_allclose(runtime.step(state), expected, atol=1e-5)
    broken = PolicyRuntime(path)
    broken._single_obs = lambda *_: np.zeros((1, panda_spec.obs_dim), np.float32)
    broken.reset(state, 0.0)
    assert broken.observation_path == "batched"
    broken.set_motion(LanguageMotion.of("left", "small"), state, 0.0)
    np.testing.assert_allclose(broken.step(state), expected, atol=1e-5)


def test_consecutive_steps_equal_a_fresh_session_run(tmp_path, panda_spec):
    """The runtime runs its session through buffers bound once (IO binding): step after step,
    targets and last action are those of a plain ``session.run`` on the contract's observation,
    and a result it handed out is never overwritten by the next inference."""
    import onnxruntime as ort

    from skillbridge.contract import action_to_joint_targets, build_actor_obs
    from skillbridge.contract.artifact import ONNX_INPUT, ONNX_OUTPUT

    rng = np.random.default_rng(8)
    weight = rng.normal(0, 0.2, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    reference = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    runtime = PolicyRuntime(path)
    start = np.array(panda_spec.default_joint_pos)
    runtime.reset(_state(panda_spec, start), 0.0)
    runtime.set_motion(LanguageMotion.of("forward", "small"), _state(panda_spec, start), 0.0)
    handed_out = []
    for _ in range(4):
        state = _state(panda_spec, start + rng.normal(0, 0.05, 8), rng.normal(0, 0.3, 8))
        obs = build_actor_obs(state, runtime.target, runtime.last_action, panda_spec)
        action = reference.run([ONNX_OUTPUT], {ONNX_INPUT: obs})[0]
        pos = state.select(panda_spec.joint_names)[0]
        targets = runtime.step(state)
        np.testing.assert_allclose(targets, action_to_joint_targets(action[0], pos, panda_spec))
        np.testing.assert_allclose(runtime.last_action, action, rtol=1e-6)
        handed_out.append(
            (targets.copy(), targets, runtime.last_action.copy(), runtime.last_action)
        )
    assert len({id(a) for *_, a in handed_out}) == 4
    for kept, targets, kept_action, action in handed_out:
        np.testing.assert_array_equal(targets, kept)
        np.testing.assert_array_equal(action, kept_action)


def test_a_step_on_the_rehearsed_inputs_reuses_the_rehearsal_and_nothing_else(
    tmp_path, panda_spec, monkeypatch
):
    rng = np.random.default_rng(4)
    weight = rng.normal(0, 0.1, (panda_spec.obs_dim, panda_spec.action_dim))
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec, weight=weight)
    plain, warmed = PolicyRuntime(path), PolicyRuntime(path)
    q = np.array(panda_spec.default_joint_pos)
    state, newer = _state(panda_spec, q + 0.02), _state(panda_spec, q + 0.03)
    for runtime in (plain, warmed):
        runtime.reset(state, 0.0)
        runtime.set_motion(LanguageMotion.of("left", "small"), state, 0.0)
    inferences = []
    infer = warmed._infer
    monkeypatch.setattr(warmed, "_infer", lambda *a: inferences.append(1) or infer(*a))

    def check(step_state) -> None:
        np.testing.assert_array_equal(warmed.step(step_state), plain.step(step_state))
        np.testing.assert_array_equal(warmed.last_action, plain.last_action)

    warmed.warm_up(state)
    check(state)  # the same reading, target and last action: reused
    assert len(inferences) == 1
    warmed.warm_up(state)
    check(newer)  # a newer reading arrived: computed
    assert len(inferences) == 3
    warmed.warm_up(newer)
    check(newer)  # rehearsed after the last step, on this reading: reused
    assert len(inferences) == 4
    warmed.warm_up(newer)
    for runtime in (plain, warmed):
        runtime.set_motion(LanguageMotion.of("up", "small"), newer, 0.1)
    check(newer)  # a new motion since the rehearsal: computed
    assert len(inferences) == 6
    check(newer)  # a rehearsal is used once at most
    assert len(inferences) == 7


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


def test_a_warm_up_on_inputs_it_already_holds_computes_nothing(tmp_path, panda_spec, monkeypatch):
    """A reading's arrival and the rehearsal before the tick warm up the same inputs: computed
    once, and the step reports that computation's time as its inference."""
    path = write_linear_policy(tmp_path / "lin.onnx", panda_spec)
    runtime = PolicyRuntime(path)
    state = _state(panda_spec, np.array(panda_spec.default_joint_pos))
    runtime.reset(state, 0.0)
    inferences = []
    infer = runtime._infer
    monkeypatch.setattr(runtime, "_infer", lambda *a: inferences.append(1) or infer(*a))
    runtime.warm_up(state)
    held = runtime._rehearsed
    runtime.warm_up(state)
    assert len(inferences) == 1 and runtime._rehearsed is held
    runtime.step(state)
    assert len(inferences) == 1 and runtime.last_inference_s == held.seconds > 0
    runtime.step(state)  # the last action changed: computed, and timed here
    assert len(inferences) == 2 and runtime.last_inference_s != held.seconds
