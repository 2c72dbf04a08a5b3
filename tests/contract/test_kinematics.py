"""Forward kinematics of the contract: MuJoCo's tool site, any joint order, either namespace."""

from __future__ import annotations

import mujoco
import numpy as np
import torch

from skillbridge.contract.kinematics import tool_pose
from skillbridge.sim.scene import POLICY_JOINTS, TCP_SITE, home_qpos


def test_batched_poses_in_any_joint_order_match_mujoco_in_both_namespaces(panda_model, panda_spec):
    """300 configurations over the whole joint range, columns shuffled with an extra joint: each
    row equals MuJoCo's ``tcp`` site to 1e-9 m, and torch float64 tensors give the same."""
    rng = np.random.default_rng(11)
    names = (*POLICY_JOINTS[::-1], "some_other_joint")
    data = mujoco.MjData(panda_model)
    q = np.zeros((300, len(names)))
    site_pos, site_rot = np.zeros((300, 3)), np.zeros((300, 3, 3))
    for i in range(300):
        data.qpos[:] = home_qpos(panda_model)
        for name in POLICY_JOINTS[:7]:
            data.joint(name).qpos = rng.uniform(*panda_model.joint(name).range)
        mujoco.mj_kinematics(panda_model, data)
        q[i] = [data.joint(n).qpos[0] for n in POLICY_JOINTS[::-1]] + [rng.uniform(-3, 3)]
        site_pos[i], site_rot[i] = data.site(TCP_SITE).xpos, data.site(TCP_SITE).xmat.reshape(3, 3)
    pos, rot = tool_pose(panda_spec.kinematics, q, names)
    np.testing.assert_allclose(pos, site_pos, rtol=0, atol=1e-9)
    np.testing.assert_allclose(rot, site_rot, rtol=0, atol=1e-9)
    pos_t, rot_t = tool_pose(panda_spec.kinematics, torch.from_numpy(q), names)
    np.testing.assert_allclose(pos_t.numpy(), pos, rtol=0, atol=1e-12)
    np.testing.assert_allclose(rot_t.numpy(), rot, rtol=0, atol=1e-12)
