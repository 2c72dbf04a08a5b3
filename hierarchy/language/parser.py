"""Free-text corrections -> one ``LanguageMotion``, or a ``Refusal`` that says what to do.

Two parts, each doing what it is reliable at:

- the **intent classifier** (softmax regression over all-MiniLM-L6-v2 embeddings run by
  onnxruntime) decides what kind of request a sentence is: translate, rotate, open, close, stop,
  unsafe, other (outside the vocabulary) or nonsense. Paraphrases ("let go", "grab it") land here.
- the **word rules** (``rules``, ``units``) read direction (with negation and relative forms:
  "you're too far left" -> right), magnitude words, sizes with units, and safety keywords.
  Embeddings are blind to direction ("a bit to the left" sits nearer "right a bit" than "shift
  left slightly"), so a direction never comes from them.

This module imports onnxruntime, tokenizers and numpy only: never torch (checked by
import-linter and by a test). Sizes beyond the per-motion bound or the workspace are refused,
never clipped; requests to weaken safety functions are always refused.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from skillbridge.contract.language import (
    MAX_ANGLE_RAD,
    MAX_DISTANCE_M,
    ROTATIONS,
    TRANSLATIONS,
    LanguageMotion,
)
from skillbridge.hierarchy.language.answers import Refusal
from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder
from skillbridge.hierarchy.language.intent import WEIGHTS_PATH, IntentClassifier
from skillbridge.hierarchy.language.lexicon import TO_THE_LIMIT
from skillbridge.hierarchy.language.rules import Cues, analyse
from skillbridge.hierarchy.language.units import normalize

VOCABULARY_HINT = (
    "I understand one motion at a time: move left/right/forward/backward/up/down, rotate "
    "clockwise/counterclockwise, open, close or stop, with a size such as 'a bit', 'a lot' or "
    "'3 cm'"
)
REFUSAL_KINDS = (
    "empty", "nonsense", "out_of_vocabulary", "ambiguous", "wrong_unit", "too_large",
    "out_of_workspace", "unsafe",
)  # fmt: skip
_AXIS = {"forward": 0, "backward": 0, "left": 1, "right": 1, "up": 2, "down": 2}


ParseResult = LanguageMotion | Refusal


@dataclasses.dataclass(frozen=True)
class ParserConfig:
    """Thresholds and limits of the parser."""

    workspace_extent_m: tuple[float, float, float] = (0.50, 0.80, 0.535)
    """Size of the Panda workspace box along x, y, z (sim/robot.py: x 0.25-0.75, y +-0.40,
    z 0.015-0.55 m). A move longer than the box along its axis can never be done."""
    unsafe_probability: float = 0.5
    """Refuse as unsafe when the classifier gives the unsafe class at least this."""
    override_below: float = 0.75
    """Word cues (a clear direction, "open", "stop") overrule an "other"/"nonsense" intent that
    the classifier gives less than this."""
    cueless_below: float = 0.5
    """An open/close/stop intent with no word for it ("follow my hand" -> close) needs at least
    this probability, else the text is refused as outside the vocabulary."""


class SentenceEncoder(Protocol):
    """Anything that embeds texts like ``OnnxSentenceEncoder`` (shape (batch, 384), unit rows)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class Parser:
    """Loads the ONNX encoder and the intent classifier once; parses many texts.

    Args:
        encoder_folder: Folder of ``encoder.onnx`` + ``tokenizer.json``; built in the cache if
            None (see ``encoder.ensure_encoder``).
        weights: The intent classifier ``.npz``.
        config: Thresholds and workspace size.
        encoder: Use this encoder instead of loading the ONNX one (the latency benchmark passes
            the torch reference here).
    """

    def __init__(
        self,
        encoder_folder: Path | None = None,
        weights: Path = WEIGHTS_PATH,
        config: ParserConfig = ParserConfig(),
        encoder: SentenceEncoder | None = None,
    ) -> None:
        self.encoder = encoder or OnnxSentenceEncoder(encoder_folder, threads=1)
        self.classifier = IntentClassifier.load(weights)
        self.config = config

    def parse(self, text: str) -> ParseResult:
        """One correction -> a motion or a refusal."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[ParseResult]:
        """Parse several corrections with one encoder call."""
        norms = [normalize(t) for t in texts]
        todo = [i for i, n in enumerate(norms) if n.strip(" ,.;:!?")]
        empty = Refusal("empty", f"there are no words to parse. {VOCABULARY_HINT}")
        out: list[ParseResult] = [empty] * len(texts)
        if todo:
            probs = self.classifier.probabilities(self.encoder.encode([norms[i] for i in todo]))
            for row, i in enumerate(todo):
                intents = dict(zip(self.classifier.classes, probs[row].tolist(), strict=True))
                out[i] = decide(texts[i], analyse(norms[i]), intents, self.config)
        return out


def decide(text: str, cues: Cues, intents: dict[str, float], config: ParserConfig) -> ParseResult:
    """Combine the word cues and the intent probabilities into a motion or a refusal."""
    if refusal := _safety(text, cues, intents, config):
        return refusal
    intent = "other" if cues.question else _intent(cues, intents, config)
    stop = intent == "stop" and cues.has("stop")  # stopping is allowed whatever else was said
    if not stop and intent != "nonsense" and (refusal := _unsupported(cues)):
        return refusal
    if intent in ("open", "close", "stop"):
        return _gripper_or_stop(intent, cues)
    if intent in ("translate", "rotate"):
        return _move(cues, config)
    if intent == "nonsense":
        return Refusal("nonsense", f"I could not make sense of {_quote(text)}. {VOCABULARY_HINT}")
    return Refusal("out_of_vocabulary", f"{_quote(text)} is not a motion. {VOCABULARY_HINT}")


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _safety(text: str, cues: Cues, intents: dict[str, float], cfg: ParserConfig) -> Refusal | None:
    """Refuse requests that weaken safety (a "stop" warning of a collision is not one)."""
    disable = cues.unsafe is not None and cues.unsafe[1] == "disable"
    if _stop_outside(cues) and not disable:
        # "stop, you'll crash into the table" is a stop, not a request to crash; a stop word
        # inside the unsafe words ("lower until the box stops you") is no stop command
        return None
    if cues.unsafe is None and (
        cues.keeps_safety or intents.get("unsafe", 0.0) < cfg.unsafe_probability
    ):
        return None  # the classifier alone does not overrule "stay within the limits"
    words = cues.unsafe[0] if cues.unsafe else text
    return Refusal(
        "unsafe",
        f"refused: {_quote(words)} asks to weaken or defeat a safety function (limits, e-stop, "
        "collision checks, speed/force limits). A correction cannot change safety settings; "
        "give a motion inside the limits, or change the safety configuration offline.",
    )


def _stop_outside(cues: Cues) -> bool:
    """A stop is said, and not as a word of an unsafe goal ("lower until the box stops you",
    "until you can not go further": the stop is where the contact ends, no stop command; "hold
    it against my wrist": the hold is the contact's)."""
    goal = (
        cues.unsafe[0]
        if cues.unsafe and re.match(r"(?:until|till|til|hold)\b", cues.unsafe[0])
        else ""
    )
    return any(
        m.label == "stop" and not m.negated and not re.search(rf"\b{re.escape(m.words)}\b", goal)
        for m in cues.mentions
    )


def _intent(cues: Cues, intents: dict[str, float], cfg: ParserConfig) -> str:
    """The classifier's intent, checked against the word cues.

    The classifier knows what kind of request a paraphrase is; the words are more reliable
    when they are unambiguous: "hold it" is a stop even if the classifier says close, "lift the
    gripper" is a move even if it says open, "can you move" a move without a direction (the
    robot asks which way; a question holds the arm), and an unsure "other" with a clear
    direction word is a move. Questions ("what is to the left of the cup?") are never motions.
    """
    p_top, top = max((p, k) for k, p in intents.items() if k != "unsafe")
    said = [k for k in ("open", "close", "stop") if cues.has(k)]
    move = (
        "rotate"
        if cues.rotation_context or (cues.directions and set(cues.directions) <= set(ROTATIONS))
        else "translate"
    )
    if (
        top in ("open", "close", "stop")
        and not (said or cues.directions)
        and cues.has("move_verb")
    ):
        top = move  # "can you move": a move with no direction (asked), not a stop
    if top in ("open", "close", "stop"):
        if top in said or not (said or cues.directions):
            return top if top in said or p_top >= cfg.cueless_below else "other"
        return said[0] if len(said) == 1 else move
    if top in ("translate", "rotate"):
        return said[0] if len(said) == 1 and not cues.directions else top
    if p_top >= cfg.override_below:
        return top
    if cues.directions and not _unsupported(cues):
        return move
    return said[0] if len(said) == 1 else top


def _unsupported(cues: Cues) -> Refusal | None:
    """Requests the vocabulary has no motion for (tilt, speed, going home, "the other way")."""
    messages = {
        "object": ("out_of_vocabulary", "open and close work the gripper only; I cannot open "
                   "or close other things"),
        "tilt": ("out_of_vocabulary", "only rotation about the vertical axis exists (rotate "
                 "clockwise/counterclockwise); tilting, rolling or pitching the gripper does not"),
        "speed": ("out_of_vocabulary", "speed is not part of a correction; say a direction and "
                  "a size, e.g. 'left a bit'"),
        "goto": ("out_of_vocabulary", "I cannot go back to a stored position; say the direction "
                 "to move, e.g. 'up 5 cm'"),
        "pickup": ("ambiguous", "'pick up' is two motions: say 'close', then 'up'"),
        "repeat": ("out_of_vocabulary", "I do not repeat earlier motions; say the motion itself, "
                   "e.g. 'left a bit'"),
        "other_way": ("ambiguous", "I do not keep track of the last motion; say the direction, "
                      "e.g. 'left' or 'clockwise'"),
    }  # fmt: skip
    for label, (kind, reason) in messages.items():
        if cues.has(label):
            return Refusal(kind, reason)
    return None


def _gripper_or_stop(intent: str, cues: Cues) -> ParseResult:
    if intent == "stop":
        return LanguageMotion.of("stop")
    if cues.sizes:
        return Refusal(
            "wrong_unit",
            f"{intent} takes no size ({cues.sizes[0].text}): the gripper {intent}s fully; "
            f"say just '{intent}'",
        )
    moves = [d for d in cues.directions if d in TRANSLATIONS or d in ROTATIONS]
    if moves:
        return Refusal(
            "ambiguous",
            f"that is two motions ({intent} and {moves[0]}); send them one at a time",
        )
    return LanguageMotion.of(intent)


def _move(cues: Cues, cfg: ParserConfig) -> ParseResult:
    """A translation or rotation: direction from the words, then its size."""
    if not cues.directions:
        return Refusal(
            "ambiguous",
            "which way? Say a direction: left, right, forward, backward, up, down, or "
            "clockwise/counterclockwise to rotate",
        )
    if len(cues.directions) > 1:
        named = " and ".join(cues.directions)
        return Refusal(
            "ambiguous", f"one motion per correction: that names {named}; send them one at a time"
        )
    motion = cues.directions[0]
    if len({s.kind for s in cues.sizes}) > 1:
        return Refusal("ambiguous", "that is a move and a rotation; send them one at a time")
    if cues.rotation_context and motion in TRANSLATIONS and not cues.has("rotate"):
        return Refusal("wrong_unit", f"{motion} takes a length in cm, mm or m, not an angle")
    if cues.rotation_context and motion in TRANSLATIONS:
        return Refusal(
            "out_of_vocabulary",
            f"rotating {motion} is not possible: only rotation about the vertical axis "
            "(clockwise/counterclockwise) exists",
        )
    return _sized(motion, cues, cfg)


def _sized(motion: str, cues: Cues, cfg: ParserConfig) -> ParseResult:
    """Attach the size: explicit units (checked against the bounds), else the magnitude word."""
    if cues.unitless:
        unit = "degrees or radians" if motion in ROTATIONS else "cm, mm or m"
        return Refusal(
            "ambiguous", f"{cues.unitless[0]} has no unit; say e.g. '{cues.unitless[0]} {unit}'"
        )
    sizes = {round(s.value, 9): s for s in cues.sizes}
    if len(sizes) > 1:
        listed = ", ".join(s.text for s in sizes.values())
        return Refusal("ambiguous", f"several sizes ({listed}); give one size per correction")
    if not sizes and re.search(TO_THE_LIMIT, cues.text) and not cues.has(motion, negated=True):
        bound = (
            f"{math.degrees(MAX_ANGLE_RAD):.0f} degrees"
            if motion in ROTATIONS
            else f"{MAX_DISTANCE_M * 100:.0f} cm"
        )
        return Refusal(
            "too_large",
            f"{motion} all the way is more than one correction may move; say a size up to {bound}",
        )
    if not sizes:
        return LanguageMotion.of(motion, cues.magnitude or "normal")
    size = next(iter(sizes.values()))
    want = "angle" if motion in ROTATIONS else "length"
    if size.kind != want:
        unit = "degrees or radians" if want == "angle" else "cm, mm or m"
        return Refusal(
            "wrong_unit", f"{motion} takes {'an' if want == 'angle' else 'a'} {want} in {unit}, "
            f"not {size.text}",
        )  # fmt: skip
    return _bounded(motion, size.value, size.text, cfg)


def _bounded(motion: str, value: float, words: str, cfg: ParserConfig) -> ParseResult:
    if value <= 0 or not math.isfinite(value):
        return Refusal("ambiguous", f"{words} is not a positive size; say how far to move")
    rotation = motion in ROTATIONS
    bound = MAX_ANGLE_RAD if rotation else MAX_DISTANCE_M
    if not rotation and value > cfg.workspace_extent_m[_AXIS[motion]]:
        extent = cfg.workspace_extent_m[_AXIS[motion]]
        return Refusal(
            "out_of_workspace",
            f"{motion} {words} ({value:.2f} m) is larger than the whole workspace along that axis "
            f"({extent:.2f} m); no sequence of motions can do it",
        )
    if value > bound * (1 + 1e-6):
        n = math.ceil(value / bound - 1e-9)
        shown = (f"{math.degrees(v):.0f} degrees" if rotation else f"{v * 100:.1f} cm"
                 for v in (value, bound, value / n))  # fmt: skip
        total, limit, part = shown
        return Refusal(
            "too_large",
            f"{motion} {total} exceeds the per-motion safety bound of {limit}; it is not "
            f"clipped: split it into {n} corrections of {part}",
        )
    if rotation:
        return LanguageMotion(motion, "explicit", angle_rad=value)
    return LanguageMotion(motion, "explicit", distance_m=value)


@functools.lru_cache(maxsize=1)
def default_parser() -> Parser:
    """The process-wide parser (loaded on first use)."""
    return Parser()


def parse(text: str) -> ParseResult:
    """Parse one correction with the process-wide parser: a ``LanguageMotion`` or ``Refusal``."""
    return default_parser().parse(text)
