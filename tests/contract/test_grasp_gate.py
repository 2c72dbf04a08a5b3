"""The grasp gate (``PolicySpec.grasp_gate_joint``): while the gripper is asked to close, the
gripper joint's target is fully closed whatever the action; contracts without it are unchanged."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch

from skillbridge.contract import ContractError, PolicySpec, action_to_joint_targets
from skillbridge.contract.spec import METADATA_PREFIX
from skillbridge.sim.scene import FINGER_JOINT

GATE_KEY = METADATA_PREFIX + "grasp_gate_joint"


@pytest.fixture
def gated(panda_spec):
    return panda_spec.with_grasp_gate()


def test_the_gate_goes_on_the_one_absolute_joint(panda_spec, gated):
    assert gated.grasp_gate_joint == FINGER_JOINT
    assert gated.arrays.grasp_gated.tolist() == [False] * 7 + [True]
    two = dataclasses.replace(panda_spec, action_modes=("absolute",) * 8)
    with pytest.raises(ContractError, match="exactly one absolute"):
        two.with_grasp_gate()


def test_a_contract_without_the_gate_keeps_its_metadata_and_hash(panda_spec, gated):
    """Files exported before the field existed have no key for it and read as ungated."""
    assert GATE_KEY not in panda_spec.to_metadata()
    assert PolicySpec.from_metadata(panda_spec.to_metadata()).grasp_gate_joint is None
    assert gated.to_metadata()[GATE_KEY] == f'"{FINGER_JOINT}"'
    assert PolicySpec.from_metadata(gated.to_metadata()) == gated
    assert gated.content_hash() != panda_spec.content_hash()


def test_a_gate_on_an_unknown_joint_is_named(panda_spec):
    with pytest.raises(ContractError, match="grasp_gate_joint 'wrist' is not a policy joint"):
        dataclasses.replace(panda_spec, grasp_gate_joint="wrist")


def test_the_request_column_is_the_gripper_target_term(panda_spec):
    column = panda_spec.gripper_request_column()
    names = [t.name for t in panda_spec.observation_terms for _ in range(t.width)]
    assert names[column] == "gripper_target" and names[column - 1] != "gripper_target"


def test_asked_to_close_the_finger_stays_shut_whatever_the_action(gated):
    """An opening finger action (+3: the clip makes it +1, fully open without the gate) is
    overridden only where the request is close; the arm's targets never change."""
    q = np.tile(np.array(gated.default_joint_pos), (3, 1))
    action = np.zeros((3, 8))
    action[:, 0], action[:, 7] = 0.5, 3.0
    request = np.array([-1.0, 1.0, -1.0])
    targets = action_to_joint_targets(action, q, gated, request)
    ungated = action_to_joint_targets(action, q, dataclasses.replace(gated, grasp_gate_joint=None))
    np.testing.assert_array_equal(targets[:, 7], [0.0, ungated[1, 7], 0.0])
    assert ungated[1, 7] == pytest.approx(gated.joint_pos_upper[7])
    np.testing.assert_array_equal(targets[:, :7], ungated[:, :7])
    assert action_to_joint_targets(action[0], q[0], gated, -1.0)[7] == 0.0  # one robot, scalar


def test_the_gate_needs_the_request(gated):
    q = np.array(gated.default_joint_pos)
    with pytest.raises(ContractError, match="pass gripper_request"):
        action_to_joint_targets(np.zeros(8), q, gated)


def test_torch_gives_numpy_targets_through_the_gate(gated):
    rng = np.random.default_rng(3)
    q = rng.uniform(gated.joint_pos_lower, gated.joint_pos_upper, (32, 8))
    action = rng.normal(scale=2.0, size=(32, 8))
    request = rng.choice([-1.0, 1.0], 32)
    expected = action_to_joint_targets(action, q, gated, request)
    got = action_to_joint_targets(
        torch.from_numpy(action), torch.from_numpy(q), gated, torch.from_numpy(request)
    )
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=1e-12)
