"""The synthetic round-trip case shared by the calibration tests (constants only)."""

from __future__ import annotations

from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import ARM_JOINTS

JOINTS = ARM_JOINTS[:3]
FIELDS = ("armature", "damping", "kp")
DURATION_S = 12.0
TRUE_DELAY_S = 0.0125
"""6.25 physics steps of 2 ms: MuJoCo applies ceil() = 7."""
TRUTH = ModelOverrides(
    joints={
        "panda_joint1": {"armature": 0.16, "damping": 3.0},  # nominal 0.1 kg m^2, 1 N m s/rad
        "panda_joint2": {"armature": 0.06, "damping": 2.5},
        "panda_joint3": {"armature": 0.14, "damping": 4.0},
    },
    actuators={
        "panda_joint1": {"kp": 3825.0},  # nominal 4500 N m/rad (x0.85)
        "panda_joint2": {"kp": 5175.0},  # nominal 4500 (x1.15)
        "panda_joint3": {"kp": 3150.0},  # nominal 3500 (x0.9)
    },
    command_delay_s=TRUE_DELAY_S,
)
