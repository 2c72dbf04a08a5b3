"""The Panda as the contract sees it: a ``PolicySpec`` read off the compiled MuJoCo model.

Joint limits, servo gains and the base-to-tool kinematic chain are read from the model, so the
contract and the simulator cannot drift apart.
"""

from __future__ import annotations

import dataclasses

import mujoco
import numpy as np

from skillbridge.contract import ChainLink, KinematicChain, ObservationTerm, PolicySpec
from skillbridge.sim.errors import SimError
from skillbridge.sim.scene import (
    ALL_ACTUATORS,
    ARM_JOINTS,
    BASE_BODY,
    FINGER_OPEN_M,
    HAND_BODY,
    HOME_ARM_QPOS_RAD,
    POLICY_JOINTS,
    TCP_SITE,
)


@dataclasses.dataclass(frozen=True)
class PandaContractConfig:
    """Choices of the contract that are not physics: rates, scales, observation layout."""

    control_period_s: float = 0.02
    """50 Hz policy; physics substeps below it."""
    arm_action_scale_rad: float = 0.1
    """Target offset from the measured position per unit action; kp/kv = 10/s gives ~1 rad/s."""
    action_clip: float = 1.0
    joint_vel_scale: float = 0.2
    target_pos_scale: float = 5.0
    """1/m: a 20 cm position error reads 1.0."""
    target_pos_clip: float = 3.0
    history: int = 1
    workspace_min_m: tuple[float, float, float] = (0.25, -0.40, 0.015)
    workspace_max_m: tuple[float, float, float] = (0.75, 0.40, 0.55)


def kinematic_chain(model: mujoco.MjModel) -> KinematicChain:
    """Base-to-TCP chain of body transforms and hinge axes, read from the compiled model."""
    base = model.body(BASE_BODY).id
    body = model.body(HAND_BODY).id
    bodies = []
    while body != base:
        bodies.append(body)
        body = int(model.body_parentid[body])
    links = []
    for b in [base, *reversed(bodies)]:
        joint_name, axis = None, (0.0, 0.0, 1.0)
        if model.body_jntnum[b] == 1:
            j = int(model.body_jntadr[b])
            if model.jnt_type[j] != mujoco.mjtJoint.mjJNT_HINGE or np.any(model.jnt_pos[j] != 0):
                raise SimError(
                    f"chain joint {model.joint(j).name} must be a hinge at its body origin"
                )
            joint_name, axis = model.joint(j).name, _xyz(model.jnt_axis[j])
        links.append(
            ChainLink(
                body_name=model.body(b).name,
                pos_m=_xyz(model.body_pos[b]),
                quat_wxyz=_wxyz(model.body_quat[b]),
                joint_name=joint_name,
                axis=axis,
            )
        )
    site = model.site(TCP_SITE)
    return KinematicChain(
        links=tuple(links),
        tool_pos_m=_xyz(site.pos),
        tool_quat_wxyz=_wxyz(site.quat),
    )


def _xyz(v: np.ndarray) -> tuple[float, float, float]:
    return float(v[0]), float(v[1]), float(v[2])


def _wxyz(q: np.ndarray) -> tuple[float, float, float, float]:
    return float(q[0]), float(q[1]), float(q[2]), float(q[3])


def panda_policy_spec(
    model: mujoco.MjModel,
    config: PandaContractConfig | None = None,
    hold_until_opened: bool = False,
) -> PolicySpec:
    """The motion skill's contract for the Panda scene ``model``; ``hold_until_opened`` (the
    grasp setting's, ``GraspConfig.hold_until_opened``) gates the finger joint."""
    cfg = config or PandaContractConfig()
    n_arm = len(ARM_JOINTS)
    lower = [float(model.joint(j).range[0]) for j in POLICY_JOINTS]
    upper = [float(model.joint(j).range[1]) for j in POLICY_JOINTS]
    kp = [float(model.actuator(a).gainprm[0]) for a in ALL_ACTUATORS]
    kd = [float(-model.actuator(a).biasprm[2]) for a in ALL_ACTUATORS]
    half_finger = FINGER_OPEN_M / 2
    n = len(POLICY_JOINTS)
    terms = (
        ObservationTerm("joint_pos_rel", n, 1.0, 10.0, cfg.history),
        ObservationTerm("joint_vel", n, cfg.joint_vel_scale, 10.0, cfg.history),
        ObservationTerm("last_action", n, 1.0, 10.0, 1),
        ObservationTerm("target_pos_error_b", 3, cfg.target_pos_scale, cfg.target_pos_clip, 1),
        ObservationTerm("target_rot_error_b", 3, 1.0, 3.2, 1),
        ObservationTerm("gripper_target", 1, 1.0, 1.0, 1),
        ObservationTerm("tool_pos_b", 3, 1.0, 2.0, 1),
        ObservationTerm("tool_rot_b", 6, 1.0, 1.0, 1),
    )
    spec = PolicySpec(
        robot="franka_emika_panda",
        joint_names=POLICY_JOINTS,
        default_joint_pos=(*HOME_ARM_QPOS_RAD, half_finger),
        joint_pos_lower=tuple(lower),
        joint_pos_upper=tuple(upper),
        action_modes=("delta",) * n_arm + ("absolute",),
        action_scale=(cfg.arm_action_scale_rad,) * n_arm + (half_finger,),
        action_clip=cfg.action_clip,
        kp=tuple(kp),
        kd=tuple(kd),
        control_period_s=cfg.control_period_s,
        observation_terms=terms,
        kinematics=kinematic_chain(model),
        workspace_min_m=cfg.workspace_min_m,
        workspace_max_m=cfg.workspace_max_m,
    )
    return spec.with_grasp_gate() if hold_until_opened else spec
