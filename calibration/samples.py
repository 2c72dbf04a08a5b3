"""Raw joint samples as recorded (per topic, own timestamps) before alignment."""

from __future__ import annotations

import dataclasses

import numpy as np

#: Default topic suffixes; bags may prefix a namespace (``/panda/joint_states``).
STATES_TOPIC = "joint_states"
COMMANDS_TOPIC = "joint_commands"


@dataclasses.dataclass(frozen=True)
class JointSamples:
    """Named joint samples of one stream (``sensor_msgs/JointState`` messages).

    Attributes:
        times_s: sample times, seconds from the recording's first message (bags) or any
            origin shared by both streams (NPZ). Shape: (N,).
        names: joint names of the columns, in the stream's order. Length J.
        position: positions (rad, or m for fingers); commanded targets on the command stream.
            Shape: (N, J).
        velocity: velocities (rad/s), or an empty (N, 0) array when the stream has none.
    """

    times_s: np.ndarray
    names: tuple[str, ...]
    position: np.ndarray
    velocity: np.ndarray

    @property
    def has_velocity(self) -> bool:
        return self.velocity.shape[1] == len(self.names) and len(self.names) > 0


@dataclasses.dataclass(frozen=True)
class RawRecording:
    """Measured joint states and commanded joint targets of one log, as recorded.

    Attributes:
        states: the robot's reported joint states (encoder positions and velocities).
        commands: the joint position targets sent to the robot (``position`` column).
        source: where it came from (a file path, or a description).
        sha256: hex digest of the source file's bytes ("" when not from a file).
    """

    states: JointSamples
    commands: JointSamples
    source: str = ""
    sha256: str = ""
