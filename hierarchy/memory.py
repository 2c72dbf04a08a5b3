"""A correction memory: a person corrects once, and the robot keeps the lesson (after DROC).

Each accepted correction that displaced a high-level proposal is stored with its context: the
task, what the high level saw when it proposed (its observation row), the motion it proposed
(the *overridden* token) and the motion the person asked for. When the high level is about to
propose the same motion again for the same task in a similar situation, the nearest stored
situation within ``MemoryConfig.max_distance`` is recalled and its requested motion is proposed
instead. The ``Sequencer`` applies it, so the simulator and the skill manager share the rule.

Similarity is measured on relative features, in units of the decisions' own resolution:

* the tool-to-cube offset (x, y, z), in ``position_scale_m`` (1 cm: the smallest motion, and
  the oracle places the tool to within 6-8 mm). A biased cube estimate shifts exactly these
  offsets, so the same bias gives the same features wherever the cube lies on the table;
  absolute positions would make every episode's layout a new situation;
* the turn to the cube's faces, in ``yaw_scale_rad`` (0.1 rad: the oracle's tolerance is 6 deg);
* the finger opening (0 closed .. 1 open), in ``finger_scale`` (0.25: a closed-on-cube gripper
  sits near 0.5, an open one at 1);
* the cube-to-pad offset, in ``position_scale_m``, only once the gripper is closed: before the
  grasp the decision does not depend on the pad, and the layout would otherwise make every
  episode's approach look new.

Besides lessons about situations, the memory learns where an object really is. A person asks
the gripper to close only when it is around the cube: then the cube's seen offset from the tool
(``cube_rel_x``, ``cube_rel_y``) is how far the seen cube lies from the real one. The memory
keeps the running mean of that offset (``SeenOffset``) and the high level sees the cube moved
back by it from then on (``CorrectionMemory.seen_offset``, applied where its observation is
built: the batched rollout and the skill manager). A miscalibrated camera is one such offset for
every step of a task, so this lesson carries to steps no situation lesson has covered yet. Only
x and y are learned: the grasp height says nothing of the cube's seen height.

Records are events of the session (``{"type": "memory", ...}`` and ``{"type": "seen_offset",
...}`` in ``hierarchy.events``'s schema), so a recording holds its memory and the next session
loads it from MCAP or JSONL.
numpy only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.errors import HierarchyError
from skillbridge.hierarchy.observation import OBS_DIM, OBS_NAMES
from skillbridge.hierarchy.vocabulary import TOKENS, same_intent, token_of

_COL = {name: i for i, name in enumerate(OBS_NAMES)}
FINGER_CLOSED = 0.8
"""Finger opening fraction below which the gripper counts as closed (the oracle's threshold)."""
FEATURE_NAMES: tuple[str, ...] = (
    "cube_rel_x",
    "cube_rel_y",
    "cube_rel_z",
    "cube_rel_yaw",
    "finger_open",
    "pad_rel_x_closed",
    "pad_rel_y_closed",
)


@dataclasses.dataclass(frozen=True)
class MemoryConfig:
    """How similar a situation must be for a stored correction to change the proposal."""

    max_distance: float = 1.5
    """Recall within this distance in the normalized feature space (unitless: 1 is one
    ``position_scale_m`` of offset). Chosen on the development seed 2000 (0.75, 1.5, 3, 6 tried:
    1.5 needed the fewest corrections), never on the evaluation seed 1000
    (``docs/experiments.md``, "Correction memory")."""
    position_scale_m: float = 0.01
    yaw_scale_rad: float = 0.1
    finger_scale: float = 0.25
    seen_offsets: bool = True
    """Learn where the cube really is from the grasps a person asks for (``SeenOffset``);
    False keeps only the situation lessons (for comparison)."""

    def __post_init__(self) -> None:
        scales = (self.max_distance, self.position_scale_m, self.yaw_scale_rad, self.finger_scale)
        if not all(np.isfinite(s) and s > 0 for s in scales):
            raise HierarchyError(
                f"memory distance and scales must be positive and finite, got {scales}"
            )


def memory_features(obs: np.ndarray, cfg: MemoryConfig) -> np.ndarray:
    """Normalized relative features of high-level observations.

    Args:
        obs: (n, OBS_DIM) or (OBS_DIM,) rows of ``high_level_obs``.

    Returns:
        (n, len(FEATURE_NAMES)) float64, unitless (see the module docstring).
    """
    obs = np.atleast_2d(np.asarray(obs, dtype=np.float64))
    if obs.shape[1] != OBS_DIM:
        raise HierarchyError(f"an observation row has {obs.shape[1]} values, expected {OBS_DIM}")
    finger = obs[:, _COL["finger_open"]]
    closed = (finger < FINGER_CLOSED).astype(np.float64)
    pos = cfg.position_scale_m
    return np.stack(
        [
            obs[:, _COL["cube_rel_x"]] / pos,
            obs[:, _COL["cube_rel_y"]] / pos,
            obs[:, _COL["cube_rel_z"]] / pos,
            obs[:, _COL["cube_rel_yaw"]] / cfg.yaw_scale_rad,
            finger / cfg.finger_scale,
            closed * obs[:, _COL["pad_rel_x"]] / pos,
            closed * obs[:, _COL["pad_rel_y"]] / pos,
        ],
        axis=1,
    )


def task_key(task: str) -> str:
    """Tasks match when their words do (case and spacing aside)."""
    return " ".join(task.lower().split())


@dataclasses.dataclass(frozen=True)
class MemoryEntry:
    """One correction in its context."""

    task: str
    obs: np.ndarray
    """(OBS_DIM,) float32: what the high level saw when it proposed ``overridden``."""
    overridden: int
    """The token the high level proposed (before any recall) and the person displaced."""
    motion: LanguageMotion
    """What the person asked for instead (a compound's first motion)."""

    def to_record(self) -> dict[str, Any]:
        """The entry's fields of a ``memory`` event (``EventRecorder.memory`` adds the rest)."""
        return {
            "task": self.task,
            "obs": [round(float(v), 6) for v in self.obs],
            "overridden": self.overridden,
            "motion": self.motion.to_dict(),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> MemoryEntry:
        """An entry from a ``memory`` event.

        Raises:
            HierarchyError: a field is missing or malformed (the problem is named).
        """
        try:
            obs = np.asarray(record["obs"], dtype=np.float32)
            overridden = int(record["overridden"])
            motion = LanguageMotion.from_dict(record["motion"])
            task = str(record["task"])
        except (KeyError, TypeError, ValueError) as exc:
            raise HierarchyError(f"a memory record is malformed ({exc!r}): {record}") from exc
        if obs.shape != (OBS_DIM,):
            raise HierarchyError(
                f"a memory record's obs has {obs.size} values, expected {OBS_DIM}"
            )
        if not 0 <= overridden < len(TOKENS):
            raise HierarchyError(
                f"a memory record's overridden token {overridden} is not in 0..{len(TOKENS) - 1}"
            )
        return cls(task, obs, overridden, motion)


@dataclasses.dataclass(frozen=True)
class SeenOffset:
    """How far an object is seen from where it is (seen minus real, base frame x and y),
    the mean of ``samples`` grasps the person asked for."""

    name: str
    offset_m: np.ndarray
    """(2,) float64."""
    samples: int

    def to_record(self) -> dict[str, Any]:
        return {"object": self.name, "offset_m": [round(float(v), 6) for v in self.offset_m],
                "samples": self.samples}  # fmt: skip

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SeenOffset:
        """Raises: HierarchyError: a field is missing or malformed (the problem is named)."""
        try:
            offset = np.asarray(record["offset_m"], dtype=np.float64)
            name, samples = str(record["object"]), int(record["samples"])
        except (KeyError, TypeError, ValueError) as exc:
            raise HierarchyError(f"a seen_offset record is malformed ({exc!r}): {record}") from exc
        if offset.shape != (2,) or not np.all(np.isfinite(offset)) or samples < 1:
            raise HierarchyError(
                f"a seen_offset record needs a finite [x, y] offset and samples >= 1: {record}"
            )
        return cls(name, offset, samples)


@dataclasses.dataclass(frozen=True)
class Recall:
    """A stored correction that changes a proposal."""

    index: int
    """The entry's position in the memory."""
    distance: float
    """Normalized feature distance to the stored situation."""
    motion: LanguageMotion
    """What is proposed instead."""


class CorrectionMemory:
    """Corrections of one operator session (and those loaded from earlier ones)."""

    def __init__(
        self, cfg: MemoryConfig | None = None, entries: Iterable[MemoryEntry] = ()
    ) -> None:
        self.cfg = cfg or MemoryConfig()
        self.entries: list[MemoryEntry] = []
        self._features = np.zeros((0, len(FEATURE_NAMES)))
        self._tasks: list[str] = []
        self.recalls = 0
        """Proposals this memory changed."""
        self.offsets: dict[str, SeenOffset] = {}
        """Learned seen-minus-real offsets, by object name."""
        for entry in entries:
            self.add(entry)

    def seen_offset(self, name: str) -> np.ndarray:
        """(3,) what to subtract from ``name``'s seen position: zero until learned (and in z)."""
        learned = self.offsets.get(name)
        if learned is None or not self.cfg.seen_offsets:
            return np.zeros(3)
        return np.array([*learned.offset_m, 0.0])

    def learn_grasp(self, seen: np.ndarray) -> SeenOffset | None:
        """The person asked the gripper to close with ``seen`` (OBS_DIM,) as the high level saw
        it (the learned offset already applied): the cube is between the fingers, so its seen
        offset from the tool is what is left of the error. Returns the updated estimate, or
        None when ``cfg.seen_offsets`` is off."""
        if not self.cfg.seen_offsets:
            return None
        residual = np.asarray(seen, np.float64)[[_COL["cube_rel_x"], _COL["cube_rel_y"]]]
        old = self.offsets.get("cube")
        mean, n = (np.zeros(2), 0) if old is None else (old.offset_m, old.samples)
        estimate = mean + residual  # this grasp's measure of the whole offset
        learned = SeenOffset("cube", mean + (estimate - mean) / (n + 1), n + 1)
        self.offsets["cube"] = learned
        return learned

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: MemoryEntry) -> None:
        self.entries.append(entry)
        self._tasks.append(task_key(entry.task))
        self._features = np.vstack([self._features, memory_features(entry.obs, self.cfg)])

    def recall(self, task: str, obs: np.ndarray, proposed: LanguageMotion) -> Recall | None:
        """The rule: if a person displaced the same motion (same direction or action, any
        magnitude) for the same task in the nearest similar situation (within
        ``max_distance``), propose what that person asked for instead.

        Args:
            obs: (OBS_DIM,) what the high level sees now.
            proposed: what the high level is about to propose.
        """
        if not self.entries:
            return None
        token, key = token_of(proposed), task_key(task)
        rows = [
            i
            for i, entry in enumerate(self.entries)
            if self._tasks[i] == key and same_intent(entry.overridden, token)
        ]
        if not rows:
            return None
        distances = np.linalg.norm(self._features[rows] - memory_features(obs, self.cfg), axis=1)
        best = int(np.argmin(distances))
        if distances[best] > self.cfg.max_distance:
            return None
        index = rows[best]
        motion = self.entries[index].motion
        if motion == proposed:
            return None
        self.recalls += 1
        return Recall(index, float(distances[best]), motion)

    @classmethod
    def from_events(
        cls, events: Iterable[dict[str, Any]], cfg: MemoryConfig | None = None
    ) -> CorrectionMemory:
        """The memory of a session's ``memory`` events (the entries loaded into that session
        are among them, so memories carry on from session to session)."""
        events = list(events)
        entries = [MemoryEntry.from_record(e) for e in events if e.get("type") == "memory"]
        memory = cls(cfg, _unique(entries))
        for e in events:  # the last estimate of each object is the session's
            if e.get("type") == "seen_offset":
                learned = SeenOffset.from_record(e)
                memory.offsets[learned.name] = learned
        return memory

    @classmethod
    def from_session(cls, path: str | Path, cfg: MemoryConfig | None = None) -> CorrectionMemory:
        """The memory recorded in a session file: an MCAP recording or a JSONL session.

        Raises:
            HierarchyError: unreadable session, or one without memory records.
        """
        from skillbridge.hierarchy.events import read_events

        memory = cls.from_events(read_events(path), cfg)
        if not memory.entries and not memory.offsets:
            raise HierarchyError(
                f"{path} holds no correction memory (no 'memory' events): was it recorded with "
                "the memory enabled?"
            )
        return memory


def _unique(entries: list[MemoryEntry]) -> list[MemoryEntry]:
    """Entries without repeats (a loaded entry republished in a later session appears again)."""
    seen: set[tuple[str, bytes, int, str]] = set()
    kept = []
    for e in entries:
        key = (e.task, e.obs.tobytes(), e.overridden, e.motion.to_json())
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept


__all__ = [
    "FEATURE_NAMES",
    "CorrectionMemory",
    "MemoryConfig",
    "MemoryEntry",
    "Recall",
    "SeenOffset",
    "memory_features",
]
