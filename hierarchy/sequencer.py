"""``Sequencer``: which language motion runs next on one robot, for the simulator and the robot.

The simulated hierarchy (``HierarchyRollout``, one sequencer per simulated robot, the high level
asked in batch) and the ROS skill manager (one sequencer) share this one implementation of

* sequencing: the high level is asked only when nothing runs; a motion ends when it is reached,
  its window passes or it times out, and a compound correction's later motions follow in order;
* overrides: an accepted correction replaces whatever runs, at once;
* guided mode: after a correction the high level waits ``floor_s`` before proposing, and for
  ``guided_s`` each proposal is held ``veto_window_s`` so the person sees it and can replace it;
* holds: ``pause`` (the operator's stop) and a latched e-stop hold everything until an explicit
  ``resume`` (an e-stop must be reset first); a question holds until it is answered. While
  paused or latched, corrections are refused and never queued;
* memory (optional, ``hierarchy.memory``): an accepted correction that displaced a proposal is
  stored with what the high level saw; a later proposal of the same motion in a similar
  situation of the same task is replaced by what the person asked for then;
* events: every decision, correction (typed: accepted, refused, question), operator action and
  episode end goes to the session's ``EventRecorder`` in one schema (``hierarchy.events``).

Times are seconds on one clock, given by the caller (simulated time, or ``time.monotonic``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import EventRecorder, Reply
from skillbridge.hierarchy.language.answers import Answer, Motions, Question, Refusal
from skillbridge.hierarchy.memory import CorrectionMemory, MemoryEntry, Recall
from skillbridge.hierarchy.vocabulary import token_of


@dataclasses.dataclass(frozen=True)
class GuidedMode:
    """How the high level yields to a person who is correcting it."""

    guided_s: float = 5.0
    """For this long after a correction each proposal is held ``veto_window_s`` before it is
    sent (the console and ``skill_manager_status`` show it), so it can be replaced first."""
    veto_window_s: float = 0.4
    floor_s: float = 1.0
    """After a correction the high level proposes again no sooner than this (the person who just
    spoke keeps the floor)."""


@dataclasses.dataclass(frozen=True)
class Running:
    """The motion last sent."""

    motion: LanguageMotion
    source: str
    """``high_level``, ``correction`` or ``operator`` (a stop)."""
    sent_s: float


@dataclasses.dataclass(frozen=True)
class Proposal:
    """The high level's last proposal."""

    proposed: LanguageMotion
    """What the high level chose."""
    motion: LanguageMotion
    """What was proposed: ``proposed``, or the correction the memory recalled instead."""
    seen: np.ndarray | None
    """(OBS_DIM,) what the high level saw, if known."""
    recall: Recall | None


class Sequencer:
    """Motions of one robot from its high level and the people correcting it."""

    def __init__(
        self,
        guided: GuidedMode | None = None,
        motion_timeout_s: float = 4.0,
        recorder: EventRecorder | None = None,
        memory: CorrectionMemory | None = None,
    ) -> None:
        """Args: ``memory``: the session's correction memory (may be shared by the sequencers
        of one session); None: corrections are not remembered."""
        self.guided = guided or GuidedMode()
        self.memory = memory
        self.proposal: Proposal | None = None
        self.motion_timeout_s = motion_timeout_s
        self.recorder = recorder or EventRecorder()
        self.task = ""
        self.task_start_s = 0.0
        self.running: Running | None = None
        self.held: tuple[LanguageMotion, float] | None = None
        """A proposal waiting out its veto window: (motion, time it may be sent)."""
        self.queue: list[LanguageMotion] = []
        """The later motions of a compound correction."""
        self.hold: str | None = None
        """Why the high level holds: ``pause``, ``estop`` or ``question``; None: it runs."""
        self.estop_latched = False
        self.question: Question | None = None
        self.last_correction_s = -float("inf")
        self.last_motion: LanguageMotion | None = None
        self.last_outcome: str | None = None
        self.corrections = 0
        """Accepted corrections of this task."""
        self.utterances = 0
        """Everything people said during this task (accepted, refused or asked back)."""
        self.motions = 0

    # --- tasks ----------------------------------------------------------------------------------
    def start_task(self, task: str, now_s: float) -> None:
        """A new task (ends the current one's episode): whatever ran is forgotten, not stopped."""
        if self.task:
            self.recorder.end_episode(self.task, None, now_s - self.task_start_s)
        self.task, self.task_start_s = task.strip(), now_s
        self.running, self.held, self.queue, self.question = None, None, [], None
        self.proposal = None
        self.last_correction_s = -float("inf")
        self.last_motion = self.last_outcome = None
        self.corrections = self.utterances = self.motions = 0
        if self.hold == "question":
            self.hold = None

    def end_task(self, now_s: float, success: bool | None) -> None:
        """The episode of the current task ended (the simulator knows whether it succeeded)."""
        if self.task:
            self.recorder.end_episode(self.task, success, now_s - self.task_start_s)
        self.task, self.running, self.held, self.queue = "", None, None, []

    def t_s(self, now_s: float) -> float:
        return now_s - self.task_start_s

    # --- the running motion ---------------------------------------------------------------------
    def _send(self, motion: LanguageMotion, source: str, now_s: float) -> LanguageMotion:
        self.running = Running(motion, source, now_s)
        self.motions += 1
        return motion

    def finished(self, outcome: str, now_s: float) -> LanguageMotion | None:
        """The running motion ended (``reached``, ``timeout`` ...). Returns the next motion of a
        compound correction, to send now, if one is queued."""
        if self.running is None:
            return None
        self.last_motion, self.last_outcome = self.running.motion, outcome
        self.running = None
        if self.queue and self.hold is None:
            return self._send(self.queue.pop(0), "correction", now_s)
        return None

    def expire(self, now_s: float) -> LanguageMotion | None:
        """End a motion that outlived ``motion_timeout_s`` (its completion never came); returns
        a queued motion to send, as ``finished``."""
        run = self.running
        if run is not None and now_s - run.sent_s >= self.motion_timeout_s:
            return self.finished("timeout", now_s)
        return None

    # --- the high level -------------------------------------------------------------------------
    def ready_for_proposal(self, now_s: float) -> bool:
        """Whether the high level should be asked now: a task, nothing running or held, no hold,
        and the floor after the last correction has passed."""
        return (
            bool(self.task)
            and self.running is None
            and self.held is None
            and self.hold is None
            and now_s - self.last_correction_s >= self.guided.floor_s
        )

    def propose(
        self, motion: LanguageMotion | None, now_s: float, seen: np.ndarray | None = None
    ) -> LanguageMotion | None:
        """The high level's choice, changed by a recalled correction if the memory holds one
        for this situation: recorded, then sent now or held for its veto window (guided mode).
        Returns the motion to send now, if any (``proposal`` says what was proposed)."""
        if motion is None:
            return None
        recall = None
        if self.memory is not None and seen is not None:
            recall = self.memory.recall(self.task, seen, motion)
        self.proposal = Proposal(motion, motion if recall is None else recall.motion, seen, recall)
        recalled = None
        if recall is not None:
            recalled = {"proposed": token_of(motion), "memory": recall.index,
                        "distance": round(recall.distance, 3)}  # fmt: skip
            motion = recall.motion
        self.recorder.decision(self.t_s(now_s), self.task, seen, motion, recalled)
        if now_s - self.last_correction_s < self.guided.guided_s:
            self.held = (motion, now_s + self.guided.veto_window_s)
            return None
        return self._send(motion, "high_level", now_s)

    def release(self, now_s: float) -> LanguageMotion | None:
        """A held proposal whose veto window passed without a correction: send it now."""
        if self.held is None or now_s < self.held[1] or self.hold is not None:
            return None
        motion, self.held = self.held[0], None
        return self._send(motion, "high_level", now_s)

    # --- people ---------------------------------------------------------------------------------
    def correct(
        self,
        text: str,
        answer: Answer,
        now_s: float,
        seen: np.ndarray | None = None,
        confidence: float = 1.0,
    ) -> tuple[Reply, LanguageMotion | None]:
        """A person's correction, read by the language layer into ``answer``.

        Returns:
            The reply (recorded; the console shows its message) and the motion to send now: an
            accepted motion (a compound's first; the rest are queued), ``stop`` when a question
            holds the arm, or None.
        """
        self.utterances += 1
        blocked = self._blocked_reason()
        if blocked is not None:
            refusal = (self.hold or "estop", blocked)
            reply = Reply(text, "refused", f"refused: {blocked}", refusal=refusal,
                          confidence=confidence)  # fmt: skip
            return self._record(reply, now_s, seen), None
        if isinstance(answer, Question):
            return self._ask(text, answer, now_s, seen, confidence)
        if isinstance(answer, Refusal):
            reply = Reply(text, "refused", f"refused: {answer.reason}",
                          refusal=(answer.kind, answer.reason), confidence=confidence)  # fmt: skip
            return self._record(reply, now_s, seen), None
        motions = answer.motions if isinstance(answer, Motions) else (answer,)
        if self.hold == "question":
            self.hold, self.question = None, None
        described = ", then ".join(m.describe() for m in motions)
        run = self.running
        replaced = run.motion if run is not None and run.source == "high_level" else None
        if self.held is not None:
            replaced = self.held[0]
        reply = Reply(text, "accepted", f"ok: {described}", motions=motions,
                      confidence=confidence, replaced=replaced)  # fmt: skip
        self._record(reply, now_s, seen)
        if replaced is not None:
            self._remember(replaced, motions[0], now_s)
        if motions[0].motion == "close" and seen is not None:
            self._learn_grasp(seen, now_s)
        self.held, self.queue = None, list(motions[1:])
        self.last_correction_s = now_s
        self.corrections += 1
        return reply, self._send(motions[0], "correction", now_s)

    def _remember(self, replaced: LanguageMotion, asked: LanguageMotion, now_s: float) -> None:
        """Store the correction that displaced the last proposal, keyed on what the high level
        itself chose there (so a recalled motion that is corrected again is keyed the same)."""
        proposal = self.proposal
        if self.memory is None or proposal is None or proposal.seen is None:
            return
        if proposal.motion != replaced:
            return
        entry = MemoryEntry(self.task, np.asarray(proposal.seen, np.float32),
                            token_of(proposal.proposed), asked)  # fmt: skip
        self.memory.add(entry)
        self.recorder.memory(self.t_s(now_s), entry.to_record(), "correction")

    def _learn_grasp(self, seen: np.ndarray, now_s: float) -> None:
        """The person had the gripper close: where the cube really is (``SeenOffset``)."""
        learned = None if self.memory is None else self.memory.learn_grasp(seen)
        if learned is not None:
            self.recorder.seen_offset(self.t_s(now_s), self.task, learned.to_record(), "grasp")

    def load_memory(self, memory: CorrectionMemory, now_s: float) -> None:
        """Use ``memory`` (e.g. loaded from an earlier session) from now on; its entries are
        recorded as ``memory`` events so this session's recording carries them on."""
        self.memory = memory
        t_s = self.t_s(now_s) if self.task else 0.0
        for entry in memory.entries:
            self.recorder.memory(t_s, entry.to_record(), "loaded")
        for learned in memory.offsets.values():
            self.recorder.seen_offset(t_s, self.task, learned.to_record(), "loaded")

    def _blocked_reason(self) -> str | None:
        if self.estop_latched:
            return "e-stop latched: not queued; reset the e-stop, then resume"
        if self.hold == "estop":
            return "e-stop was reset: the arm holds until resume; not queued"
        if self.hold == "pause":
            return "paused: the arm holds until resume; not queued"
        return None

    def _ask(
        self,
        text: str,
        question: Question,
        now_s: float,
        seen: np.ndarray | None,
        confidence: float,
    ) -> tuple[Reply, LanguageMotion | None]:
        self.hold, self.question = "question", question
        self.held, self.queue = None, []
        options = tuple(option.to_dict() for option in question.options)
        reply = Reply(text, "question", f"? {question.text}", question=question.text,
                      options=options, confidence=confidence)  # fmt: skip
        self._record(reply, now_s, seen)
        return reply, self._send(LanguageMotion.of("stop"), "operator", now_s)

    def _record(self, reply: Reply, now_s: float, seen: np.ndarray | None) -> Reply:
        self.recorder.correction(self.t_s(now_s), self.task, seen, reply)
        return reply

    def pause(self, now_s: float) -> LanguageMotion:
        """The operator's stop: the arm holds and the high level waits until ``resume``."""
        self.hold = "estop" if self.estop_latched else "pause"
        self.held, self.queue, self.question = None, [], None
        self._operator(now_s, "pause", True, "paused: the arm holds until resume")
        return self._send(LanguageMotion.of("stop"), "operator", now_s)

    def estop(self, now_s: float) -> None:
        """The e-stop latched (the policy node holds the arm): hold until reset and resume."""
        if self.estop_latched:
            return
        self.estop_latched, self.hold = True, "estop"
        self.running, self.held, self.queue, self.question = None, None, [], None
        self._operator(now_s, "estop", True, "e-stop latched: nothing is sent or queued")

    def estop_reset(self, now_s: float) -> None:
        """The e-stop was reset: still holding, until an explicit ``resume``."""
        if not self.estop_latched:
            return
        self.estop_latched = False
        self._operator(now_s, "estop_reset", True, "e-stop reset: holding until resume")

    def resume(self, now_s: float) -> tuple[bool, str]:
        """End a pause or a reset e-stop's hold. Refused while the e-stop is latched."""
        if self.estop_latched:
            message = "e-stop latched: reset it before resuming"
            self._operator(now_s, "resume", False, message)
            return False, message
        self.hold, self.question = None, None
        self._operator(now_s, "resume", True, "resumed")
        return True, "resumed: the high level continues"

    def _operator(self, now_s: float, action: str, accepted: bool, message: str) -> None:
        self.recorder.operator(self.t_s(now_s), self.task, action, accepted, message)

    # --- reporting ------------------------------------------------------------------------------
    def _recalled(self) -> bool:
        """Whether the high-level motion running or held is a recalled correction."""
        if self.proposal is None or self.proposal.recall is None:
            return False
        run = self.running
        return self.held is not None or (run is not None and run.source == "high_level")

    def summary(self) -> dict[str, Any]:
        """The ``skill_manager_status`` object."""
        run = self.running
        return {
            "task": self.task,
            "hold": self.hold,
            "estop": self.estop_latched,
            "paused": self.hold is not None,
            "question": None if self.question is None else self.question.text,
            "motion": None if run is None else run.motion.to_dict(),
            "proposed": None if self.held is None else self.held[0].to_dict(),
            "recalled": self._recalled(),
            "memory": None if self.memory is None else len(self.memory),
            "source": None if run is None else run.source,
            "queued": [m.to_dict() for m in self.queue],
            "last_motion": None if self.last_motion is None else self.last_motion.to_dict(),
            "last_outcome": self.last_outcome,
            "corrections": self.corrections,
            "utterances": self.utterances,
        }
