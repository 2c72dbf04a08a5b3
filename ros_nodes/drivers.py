"""Where the contract's joints meet a real driver's: joint names and the command interface.

Drivers name joints their own way (franka_ros2: ``fr3_joint1``; others ``joint1``) and take
commands through ros2_control controllers:

* ``joint_state``: ``sensor_msgs/JointState`` with names and position targets (the simulated
  robot's interface, and drivers that take named targets);
* ``forward_command``: ``std_msgs/Float64MultiArray`` for a ``forward_command_controller`` (e.g.
  ``joint_group_position_controller``): positions in the controller's joint order, no names;
* ``joint_trajectory``: ``trajectory_msgs/JointTrajectory`` for a
  ``joint_trajectory_controller``: one point per tick, reached one control period from now.

``DriverInterface`` holds the mapping; the message builders live in ``messages.py``. Plain Python,
testable without ROS.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from skillbridge.contract import RobotState
from skillbridge.ros_nodes.errors import RosNodeError

OUTPUTS = ("joint_state", "forward_command", "joint_trajectory")


@dataclasses.dataclass(frozen=True)
class DriverInterface:
    """The contract's joints under the driver's names, and what the command output carries."""

    contract_names: tuple[str, ...]
    driver_names: tuple[str, ...]
    """The driver's name of each contract joint, in contract order."""
    command_joints: tuple[str, ...]
    """Driver joints the command output carries, in the controller's order."""
    output: str
    period_s: float
    """The control period: a trajectory point's ``time_from_start``."""

    @classmethod
    def make(
        cls,
        contract_names: Sequence[str],
        driver_joint_names: Sequence[str] = (),
        command_joints: Sequence[str] = (),
        output: str = "joint_state",
        period_s: float = 0.02,
    ) -> DriverInterface:
        """Check and build the mapping.

        Args:
            contract_names: the policy's joints, in contract order.
            driver_joint_names: the driver's name of each, in the same order; empty: the
                contract's names.
            command_joints: which driver joints the command carries, in the controller's
                order; empty: every joint, in contract order.
            output: one of ``OUTPUTS``.
            period_s: the control period.

        Raises:
            RosNodeError: a wrong count, a repeated or unknown name, or an unknown output
                (each message names the values and what to give instead).
        """
        contract = tuple(contract_names)
        driver = tuple(driver_joint_names) or contract
        if len(driver) != len(contract):
            raise RosNodeError(
                f"driver_joint_names has {len(driver)} names but the policy has {len(contract)} "
                f"joints {list(contract)}; give one driver name per contract joint, in this order"
            )
        if len(set(driver)) != len(driver):
            raise RosNodeError(f"driver_joint_names repeats a name: {list(driver)}")
        commanded = tuple(command_joints) or driver
        unknown = [n for n in commanded if n not in driver]
        if unknown or len(set(commanded)) != len(commanded):
            raise RosNodeError(
                f"command_joints {list(commanded)} must be distinct driver joints; unknown: "
                f"{unknown}; the driver joints are {list(driver)}"
            )
        if output not in OUTPUTS:
            raise RosNodeError(f"command output {output!r} is unknown; valid: {list(OUTPUTS)}")
        if not period_s > 0:
            raise RosNodeError(f"control period must be positive, got {period_s}")
        return cls(contract, driver, commanded, output, float(period_s))

    @property
    def renames(self) -> bool:
        return self.driver_names != self.contract_names

    def to_contract(self, state: RobotState) -> RobotState:
        """A driver's reading relabelled with the contract's names (other joints keep theirs).

        Raises:
            RosNodeError: a driver joint is missing from the reading (named).
        """
        if not self.renames:
            return state
        missing = [n for n in self.driver_names if n not in state.joint_names]
        if missing:
            raise RosNodeError(
                f"joint_states lacks the driver joints {missing} (it has "
                f"{list(state.joint_names)}); check driver_joint_names"
            )
        names = self.contract_names_of(state.joint_names)
        return RobotState(names, state.joint_pos_rad, state.joint_vel_rad_s)

    def driver_names_of(self, names: Sequence[str]) -> tuple[str, ...]:
        """Contract (or scene) joint names as the driver spells them; others keep theirs."""
        rename = dict(zip(self.contract_names, self.driver_names, strict=True))
        return tuple(rename.get(n, n) for n in names)

    def contract_names_of(self, names: Sequence[str]) -> tuple[str, ...]:
        """Driver joint names as the contract spells them; others keep theirs."""
        rename = dict(zip(self.driver_names, self.contract_names, strict=True))
        return tuple(rename.get(n, n) for n in names)

    @property
    def command_columns(self) -> np.ndarray:
        """Index into contract-order targets of each commanded joint, in command order."""
        return np.array([self.driver_names.index(n) for n in self.command_joints])

    def to_driver(self, targets: np.ndarray) -> np.ndarray:
        """Contract-order targets (J,) as the command's values, in ``command_joints`` order."""
        values = np.asarray(targets, dtype=np.float64).reshape(-1)
        return np.asarray(values[self.command_columns])
