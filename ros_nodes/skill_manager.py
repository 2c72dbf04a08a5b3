"""The skill manager's logic without ROS: which language motion runs next, and corrections.

* The high level is asked for the next motion when the previous one is done (the policy node's
  ``skill_status`` says so) or has timed out.
* A human correction is parsed; an accepted one overrides at once (it becomes the current
  motion, whatever was running) and the high level resumes after it completes. Every correction
  becomes a ``CorrectionEvent``: time, task, the overridden high-level choice, raw text, result.
* ``pause`` sends ``stop`` and keeps the high level quiet until ``resume``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.hierarchy.dataset import (
    correction_record,
    decision_record,
    episode_end_record,
    session_header,
)
from skillbridge.policies.hierarchy.interface import HighLevelObservation, HighLevelPolicy
from skillbridge.policies.hierarchy.vocabulary import token_of

ParseFn = Callable[[str], Any]
"""``text -> LanguageMotion | Refusal`` (a refusal has ``kind`` and ``reason``)."""


@dataclasses.dataclass(frozen=True)
class Running:
    """The motion last sent on ``skill_command``."""

    motion: LanguageMotion
    source: str
    """``high_level``, ``correction`` or ``operator`` (pause)."""
    sent_s: float
    after_sequence: int
    """The policy node's motion counter before this motion was sent."""


@dataclasses.dataclass(frozen=True)
class CorrectionEvent:
    """One correction as recorded (JSONL and the ``correction_feedback`` topic)."""

    time_s: float
    task: str
    text: str
    accepted: bool
    motion: dict | None
    """The parsed language motion, when accepted."""
    refusal: dict | None
    """``{"kind", "reason"}`` when refused."""
    overridden: dict | None
    """The high-level choice that was running (or pending) when the correction came."""
    message: str
    """What the operator sees, e.g. ``ok: left 1.0 cm`` or the refusal reason."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class GuidedMode:
    """How the high level yields to a person who is correcting it (as in the simulator's
    ``RolloutConfig``): after a correction it waits ``floor_s`` before proposing again, and for
    ``guided_s`` each proposal is held ``veto_window_s`` before it is sent, so the person sees it
    (console, ``skill_manager_status``) and can replace it before the arm moves."""

    guided_s: float = 5.0
    veto_window_s: float = 0.4
    floor_s: float = 1.0


class SkillSequencer:
    """Sequences motions from the high level and corrections. Times are seconds on one clock."""

    def __init__(
        self,
        high_level: HighLevelPolicy,
        motion_timeout_s: float = 4.0,
        guided: GuidedMode | None = None,
    ) -> None:
        self.high_level = high_level
        self.motion_timeout_s = motion_timeout_s
        self.guided = guided or GuidedMode()
        self.last_correction_s = -float("inf")
        self.held: tuple[LanguageMotion, float] | None = None
        """A proposal waiting out its veto window: (motion, time it may be sent)."""
        self.task = ""
        self.task_start_s = 0.0
        self.paused = False
        self.running: Running | None = None
        self.last_motion: LanguageMotion | None = None
        self.last_outcome: str | None = None
        self.corrections = 0
        self._sequence = 0

    # --- inputs -------------------------------------------------------------------------------
    def start_task(self, task: str, now_s: float) -> None:
        """A new task: the high level resets; whatever ran is forgotten (not stopped)."""
        self.task = task.strip()
        self.task_start_s = now_s
        self.running = None
        self.held = None
        self.last_correction_s = -float("inf")
        self.corrections = 0
        self.high_level.reset(self.task)

    def on_status(self, status: dict[str, Any]) -> None:
        """A ``skill_status`` object of the policy node."""
        sequence = int(status.get("sequence", 0))
        self._sequence = max(self._sequence, sequence)
        run = self.running
        if run is None or not status.get("done"):
            return
        if sequence > run.after_sequence and status.get("motion") == run.motion.to_dict():
            self._finish(str(status.get("outcome", "reached")))

    def _finish(self, outcome: str) -> None:
        assert self.running is not None
        self.last_motion, self.last_outcome = self.running.motion, outcome
        self.running = None

    def correct(self, text: str, now_s: float, parse: ParseFn) -> CorrectionEvent:
        """Parse a correction; an accepted one becomes the running motion at once."""
        result = parse(text)
        overridden = None
        if self.running is not None and self.running.source == "high_level":
            overridden = self.running.motion.to_dict()
        self.corrections += 1
        if isinstance(result, LanguageMotion):
            self.running = Running(result, "correction", now_s, self._sequence)
            self.last_correction_s = now_s
            self.held = None
            motion, refusal = result.to_dict(), None
            message = f"ok: {result.describe()}"
        else:
            motion = None
            refusal = {"kind": getattr(result, "kind", "refused"), "reason": str(result.reason)}
            message = f"refused: {result.reason}"
        return CorrectionEvent(
            round(now_s, 6),
            self.task,
            text,
            motion is not None,
            motion,
            refusal,
            overridden,
            message,
        )

    def pause(self, now_s: float) -> LanguageMotion:
        """Stop the arm (a ``stop`` motion) and keep the high level quiet until ``resume``."""
        self.paused = True
        stop = LanguageMotion.of("stop")
        self.running = Running(stop, "operator", now_s, self._sequence)
        return stop

    def resume(self) -> None:
        self.paused = False

    # --- the high-level tick ------------------------------------------------------------------
    def tick(self, now_s: float, observation: HighLevelObservation) -> LanguageMotion | None:
        """The motion to send now, if any (the high level is asked only when nothing runs)."""
        run = self.running
        if run is not None:
            if now_s - run.sent_s < self.motion_timeout_s:
                return None
            self._finish("timeout")
        if self.paused or not self.task:
            return None
        since = now_s - self.last_correction_s
        if self.held is not None:
            motion, release_s = self.held
            if now_s < release_s:
                return None
            self.held = None
        else:
            if since < self.guided.floor_s:
                return None
            motion = self.high_level.next_motion(observation)
            if motion is not None and since < self.guided.guided_s:
                self.held = (motion, now_s + self.guided.veto_window_s)
                return None
        if motion is not None:
            self.running = Running(motion, "high_level", now_s, self._sequence)
        return motion

    def observation(self, now_s: float, robot: Any, objects: dict) -> HighLevelObservation:
        return HighLevelObservation(
            task=self.task,
            time_s=now_s - self.task_start_s,
            robot=robot,
            objects=objects,
            last_motion=self.last_motion,
            last_outcome=self.last_outcome,
            corrections=self.corrections,
        )

    def summary(self) -> dict[str, Any]:
        """The ``skill_manager_status`` object."""
        run = self.running
        return {
            "task": self.task,
            "paused": self.paused,
            "motion": None if run is None else run.motion.to_dict(),
            "proposed": None if self.held is None else self.held[0].to_dict(),
            "source": None if run is None else run.source,
            "last_motion": None if self.last_motion is None else self.last_motion.to_dict(),
            "last_outcome": self.last_outcome,
            "corrections": self.corrections,
        }


class JsonlWriter:
    """Appends one JSON object per line and flushes it (a crash loses nothing written)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class LanguageEventStream:
    """Language events in the dataset format (``skillbridge.policies.hierarchy.dataset``),
    published on a topic (so the recorder puts them in MCAP) and optionally appended to a session
    file. Each task is an episode."""

    def __init__(self, publish: Callable[[str], None], writer: JsonlWriter | None) -> None:
        self._publish, self._writer = publish, writer
        self.episode = 0
        self._last_token: int | None = None
        self._emit(session_header())

    def _emit(self, record: dict[str, Any]) -> None:
        self._publish(json.dumps(record))
        if self._writer is not None:
            self._writer.write(record)

    def decision(self, t_s: float, task: str, obs: Any, motion: LanguageMotion) -> None:
        self._last_token = token_of(motion)
        if obs is not None:
            self._emit(decision_record(self.episode, t_s, task, obs, self._last_token))

    def correction(
        self, t_s: float, task: str, obs: Any, text: str, parsed: LanguageMotion | str
    ) -> None:
        self._emit(correction_record(self.episode, t_s, task, obs, text, parsed, self._last_token))

    def end_episode(self, task: str, duration_s: float) -> None:
        if task:
            self._emit(episode_end_record(self.episode, task, None, duration_s))
            self.episode += 1
        self._last_token = None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
