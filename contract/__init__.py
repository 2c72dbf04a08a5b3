"""The policy I/O contract, executed identically in training, evaluation and on the robot.

numpy and the standard library only: importing this package never imports mujoco, torch or rclpy.
"""

from skillbridge.contract.action import action_to_joint_targets
from skillbridge.contract.command import (
    GRIPPER_CLOSED,
    GRIPPER_OPEN,
    MotionTarget,
    hold_target,
    resolve_target,
)
from skillbridge.contract.errors import ContractError
from skillbridge.contract.kinematics import tool_pose
from skillbridge.contract.observation import (
    NonFiniteObservationError,
    ObservationHistory,
    build_actor_obs,
    observation_frames,
    stack_actor_obs,
)
from skillbridge.contract.spec import (
    COMMAND_NAMES,
    ChainLink,
    KinematicChain,
    ObservationTerm,
    PolicySpec,
)
from skillbridge.contract.state import RobotState

__all__ = [
    "COMMAND_NAMES",
    "GRIPPER_CLOSED",
    "GRIPPER_OPEN",
    "ChainLink",
    "ContractError",
    "KinematicChain",
    "MotionTarget",
    "NonFiniteObservationError",
    "ObservationHistory",
    "ObservationTerm",
    "PolicySpec",
    "RobotState",
    "action_to_joint_targets",
    "build_actor_obs",
    "hold_target",
    "observation_frames",
    "stack_actor_obs",
    "resolve_target",
    "tool_pose",
]
