"""The high-level policy as the skill manager sees it: ``reset(task)``, ``next_motion(obs)``.

The skill manager (ROS) asks for the next language motion whenever the previous one is done or
timed out, and never while a human correction is being executed. Implementations are plain
Python (numpy, onnxruntime): a learned ONNX high level plugs in behind the same two methods.

Standard library, numpy and ``skillbridge.contract`` only, so the ROS side stays torch-free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from skillbridge.contract import ContractError, RobotState
from skillbridge.contract.language import LanguageMotion


@dataclasses.dataclass(frozen=True)
class ObjectPose:
    """A tracked object in the robot base frame."""

    pos_m: np.ndarray
    """Shape: (3,)."""
    quat_xyzw: np.ndarray
    """Shape: (4,), ROS order."""


@dataclasses.dataclass(frozen=True)
class HighLevelObservation:
    """What the high level may look at when it picks the next motion."""

    task: str
    """The operator's task text, e.g. ``put the cube on the pad``."""
    time_s: float
    """Seconds since the task started."""
    robot: RobotState | None
    """The newest joint readings (named), None before the first."""
    objects: Mapping[str, ObjectPose]
    """Tracked objects by name (``cube``, ``target_pad``), possibly empty."""
    last_motion: LanguageMotion | None
    """The motion executed last (a human correction counts), None at the start."""
    last_outcome: str | None
    """How it ended: ``reached``, ``timeout``; None at the start."""
    corrections: int
    """Corrections received since the task started."""


@runtime_checkable
class HighLevelPolicy(Protocol):
    """Maps (task, observation) to the next language motion."""

    def reset(self, task: str) -> None:
        """A new task starts (forget any per-task state)."""
        ...

    def next_motion(self, observation: HighLevelObservation) -> LanguageMotion | None:
        """The motion to run next, or None to stay idle (the arm holds)."""
        ...


class IdleHighLevel:
    """The default until a learned high level is plugged in: never proposes a motion."""

    def reset(self, task: str) -> None:
        del task

    def next_motion(self, observation: HighLevelObservation) -> LanguageMotion | None:
        del observation
        return None


class SequenceHighLevel:
    """Plays a fixed list of motions once per task, then idles (demos, tests, bring-up)."""

    def __init__(self, motions: Sequence[LanguageMotion], repeat: bool = False) -> None:
        self.motions = tuple(motions)
        self.repeat = repeat
        self._index = 0

    def reset(self, task: str) -> None:
        del task
        self._index = 0

    def next_motion(self, observation: HighLevelObservation) -> LanguageMotion | None:
        del observation
        if not self.motions or (self._index >= len(self.motions) and not self.repeat):
            return None
        motion = self.motions[self._index % len(self.motions)]
        self._index += 1
        return motion


def _sequence(motions_json: Sequence[str], path: str) -> HighLevelPolicy:
    del path
    return SequenceHighLevel([LanguageMotion.from_json(m) for m in motions_json])


def _idle(motions_json: Sequence[str], path: str) -> HighLevelPolicy:
    del motions_json, path
    return IdleHighLevel()


def _learned(motions_json: Sequence[str], path: str) -> HighLevelPolicy:
    del motions_json
    from skillbridge.hierarchy.runtime import OnnxHighLevel  # onnxruntime, no torch

    if not path:
        raise ContractError("high_level 'learned' needs high_level_path (an ONNX high level)")
    return OnnxHighLevel(path)


#: High levels the skill manager can be configured with (its ``high_level`` parameter).
HIGH_LEVELS: dict[str, Callable[[Sequence[str], str], HighLevelPolicy]] = {
    "idle": _idle,
    "sequence": _sequence,
    "learned": _learned,
}


def make_high_level(
    kind: str, motions_json: Sequence[str] = (), path: str = ""
) -> HighLevelPolicy:
    """A high level by kind: ``idle``; ``sequence`` plays ``motions_json`` (language motion
    objects); ``learned`` runs the ONNX high level at ``path``.

    Raises:
        ContractError: unknown kind (valid ones listed) or a malformed motion.
    """
    if kind not in HIGH_LEVELS:
        raise ContractError(f"unknown high level {kind!r}; valid: {sorted(HIGH_LEVELS)}")
    return HIGH_LEVELS[kind](motions_json, path)
