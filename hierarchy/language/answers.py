"""What the language layer answers to one correction: a motion, several, a question, a refusal.

- ``LanguageMotion`` (``skillbridge.contract.language``): one motion.
- ``Motions``: a compound request ("left a bit, then up"), in order; all of it or nothing.
- ``Question``: the parser is not sure enough to move; the robot holds and asks ("left by 3 cm
  or by 8 cm?", "did you say right?"), with the readings it would act on.
- ``Refusal``: not a motion, with a reason a person can act on.

Each has ``to_dict()``, the JSON object of ``skillbridge parse --json`` and of the skill
manager's feedback. ``Heard`` is what comes in: typed text, or a transcript with its confidence.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from skillbridge.contract.language import LanguageMotion


@dataclasses.dataclass(frozen=True)
class Refusal:
    """A correction the parser will not turn into a motion, with a reason a person can act on."""

    kind: str
    """One of ``parser.REFUSAL_KINDS``, or ``cancelled`` (a question answered with "no")."""
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``skillbridge parse --json`` for a refusal."""
        return {"motion": None, "refused": self.reason, "kind": self.kind}


@dataclasses.dataclass(frozen=True)
class Motions:
    """Several motions said in one breath, to run in order."""

    motions: tuple[LanguageMotion, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"motion": None, "motions": [m.to_dict() for m in self.motions]}

    def describe(self) -> str:
        return ", then ".join(m.describe() for m in self.motions)


@dataclasses.dataclass(frozen=True)
class Question:
    """A clarifying question instead of a guess; nothing moves until it is answered."""

    text: str
    """What the robot asks, e.g. ``left by 3 cm or by 8 cm?``."""
    options: tuple[LanguageMotion | Motions, ...] = ()
    """The readings an answer can pick (``yes`` picks the first)."""
    heard: str = ""
    """The words the question is about."""
    kind: str = "question"

    @property
    def reason(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "motion": None,
            "question": self.text,
            "options": [o.to_dict() for o in self.options],
            "kind": self.kind,
        }


Answer = LanguageMotion | Motions | Question | Refusal


def motions_of(answer: Answer) -> tuple[LanguageMotion, ...] | None:
    """The motions an answer would run, or None for a question or refusal."""
    if isinstance(answer, LanguageMotion):
        return (answer,)
    if isinstance(answer, Motions):
        return answer.motions
    return None


@dataclasses.dataclass(frozen=True)
class Heard:
    """One utterance on the ``correction`` topic: typed text, or a transcript with its
    recognizer's confidence (the voice node sends ``{"text", "confidence", "source"}`` JSON)."""

    text: str
    confidence: float = 1.0
    source: str = "typed"

    @classmethod
    def from_message(cls, data: str) -> Heard:
        """Plain text (typed), or the voice node's JSON object."""
        if data.lstrip().startswith("{"):
            try:
                obj = json.loads(data)
            except json.JSONDecodeError:
                return cls(data)
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                confidence = float(obj.get("confidence", 1.0))
                return cls(obj["text"], min(max(confidence, 0.0), 1.0), str(obj.get("source", "")))
        return cls(data)

    def to_message(self) -> str:
        return json.dumps(dataclasses.asdict(self))
