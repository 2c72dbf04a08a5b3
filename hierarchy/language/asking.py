"""When to ask instead of guessing: the speaker undecided, steering talk that may mean a
rotation or a move, a unit without its number, and an ambiguous reading turned into a question
with the readings to choose from. ``dialogue.understand`` asks these before and after it reads a
correction in context."""

from __future__ import annotations

import re

from skillbridge.contract.language import ROTATIONS, TRANSLATIONS, LanguageMotion
from skillbridge.hierarchy.language import field_words, more_words
from skillbridge.hierarchy.language.answers import Answer, Question, Refusal, motions_of
from skillbridge.hierarchy.language.previous import Reads
from skillbridge.hierarchy.language.reframe import needs_reference
from skillbridge.hierarchy.language.rewrites import OTHER_FRAME
from skillbridge.hierarchy.language.rules import analyse
from skillbridge.hierarchy.language.speech_text import NUMBER_UNITS
from skillbridge.hierarchy.language.units import normalize, read_sizes

UNDECIDED = re.compile(
    r"\bi (?:do not|don't|dont) know\b|\bnot sure\b|\bno idea\b|\bi can(?:not|'t|t) decide\b|"
    r"\bwhichever\b|\beither way\b|\bwhich (?:one|is it)\W*$"
)
"""The speaker says they have not decided: ask ("left, no, right, no... I don't know", "my
left or yours, which one?")."""
TAKEN_BACK = re.compile(
    r"\w.*?(?:,|\.\.\.|\.|\s)\s*(?:(?:actually|wait|oh|hmm),? (?:no|nope)|never mind|"
    r"scratch that|forget (?:it|that)|cancel that)\s*[.!]*$"
)
"""A request the speaker takes back at its end ("back a bit... actually no"): ask."""
INCH_OBJECTS = frozenset(("it", "that", "this", "the", "them", "along", "forward", "up", "down",
                          "left", "right", "back", "closer", "over", "away", "toward",
                          "towards"))  # fmt: skip
"""Words after which "inch" is the verb ("inch it up"), not a unit missing its number."""
WHOSE_SIDE = re.compile(r"\b(?:left|right) or (?:yours|mine|its|the robot'?s)\b")
"""The speaker asks whose left is meant ("your left or mine? left"): ask, do not guess."""
BARE_TURN = re.compile(
    r"(?:^|[,.!] |\b(?:ok|okay|so|now|please|just|then|and|you|can|could|would|will|should|"
    r"to|must) )(?P<turn>turn (?:to (?:the |your )?)?(?P<side>left|right))\b"
)
"""The verb "turn" with left/right and nothing turned ("turn left a bit"): steering talk, which
may mean rotating or moving that way; "turn it left", "a turn to the left" and an angle are
rotations."""


def turn_or_move(text: str, whole: Answer, parser: Reads) -> Question | None:
    """ "turn left a bit": rotate counterclockwise, or move left? Asked with both readings."""
    turn = BARE_TURN.search(text)
    if turn is None or not isinstance(whole, LanguageMotion) or whole.motion not in ROTATIONS:
        return None
    if whole.magnitude == "explicit":
        return None  # "turn left 10 degrees": an angle makes it a rotation
    said = text[: turn.start("turn")] + f"move {turn['side']}" + text[turn.end("turn") :]
    moved = motions_of(parser.parse(said))
    if not moved or len(moved) != 1:
        return None
    return Question(f"{whole.describe()} or {moved[0].describe()}?", (whole, moved[0]), heard=text)


def ask_count(text: str, whole: Answer) -> Question | None:
    """A unit with no number before it ("left-hand millimeter": a recognizer's "nine
    millimeters") read as a default-size motion: ask how many instead of guessing the size."""
    if not isinstance(whole, LanguageMotion) or whole.magnitude in (None, "explicit"):
        return None
    tokens = [t.rstrip(".") for t in normalize(text).split()]
    used = set(read_sizes(tokens)[2])
    bare = [t for i, t in enumerate(tokens)
            if t in NUMBER_UNITS and i not in used and not _inch_verb(tokens, i)]  # fmt: skip
    if not bare:
        return None
    unit = bare[0] if bare[0].endswith("s") or len(bare[0]) <= 3 else bare[0] + "s"
    return Question(f"{whole.motion} by how many {unit}? {COUNT_ASK}", heard=text)


COUNT_ASK = "Say the number"


def _inch_verb(tokens: list[str], i: int) -> bool:
    """ "inch it up", "inch forward": the verb, not the unit."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return tokens[i] == "inch" and (i == 0 or nxt in INCH_OBJECTS)


def speaker_unsure(text: str) -> Question | None:
    """The speaker has not decided, takes the request back, asks whose left is meant, or names
    another frame than the base's."""
    if UNDECIDED.search(text) or TAKEN_BACK.fullmatch(text):
        return Question("which way? You said you were not sure: say the motion", heard=text)
    if (ask := needs_reference(text)) is not None:  # "not there", "closer"
        return Question(ask, heard=text)
    if WHOSE_SIDE.search(text):
        return Question("whose left and right? Say it in the robot's frame, or 'my left'",
                        heard=text)  # fmt: skip
    if OTHER_FRAME.search(text.lower()):  # "in the tool frame, 1 cm forward": its axes unknown
        return Question("I move in the robot's base frame: say the direction as seen from the "
                        "robot's base", heard=text)  # fmt: skip
    return None


def task_or_advance(text: str) -> Answer | None:
    """A task that is no motion (refused), or a bare "advance" (asked which way)."""
    if more_words.ADVANCE.search(text):
        return Question("advance which way? Say the direction, e.g. 'forward a bit'", heard=text)
    if field_words.SLEW.search(text):
        return Question("slew: turn, or move aside? Say 'rotate ...' or 'move ...'", heard=text)
    if field_words.CRANE_PART.search(text):
        return Refusal("out_of_vocabulary", "a crane's boom is no part of the arm; say a motion")
    task = more_words.TASK.search(text)
    if task is None:
        return None
    if more_words.NAMED_MOTION.search(text[task.end() :] if task["particle"] else text):
        return None
    return Refusal("out_of_vocabulary", f"{task['verb']!r} is a task, not a motion of the arm")


def ask_if_ambiguous(text: str, whole: Answer, parser: Reads) -> Answer:
    """Turn an "ambiguous" refusal into a question with the readings to choose from."""
    if not isinstance(whole, Refusal) or whole.kind != "ambiguous":
        return whole
    cues = analyse(normalize(text))
    moves = [d for d in cues.directions if d in TRANSLATIONS or d in ROTATIONS]
    if len(moves) == 1 and cues.unitless and len(cues.sizes) == 1:  # "left 3 or 8 cm"
        unit = cues.sizes[0].text.split()[-1]
        texts = [f"{moves[0]} {cues.unitless[0]} {unit}", f"{moves[0]} {cues.sizes[0].text}"]
        options = [parser.parse(t) for t in texts]
        return _choice(moves[0], [o for o in options if isinstance(o, LanguageMotion)], whole)
    if len(moves) == 1 and cues.unitless:
        n = cues.unitless[0]
        units = ("degrees", "radians") if moves[0] in ROTATIONS else ("cm", "mm")
        options = [parser.parse(f"{moves[0]} {n} {u}") for u in units]
        return _choice(moves[0], [o for o in options if isinstance(o, LanguageMotion)], whole)
    if len(moves) == 1 and len(cues.sizes) > 1:
        options = [parser.parse(f"{moves[0]} {s.text}") for s in cues.sizes]
        return _choice(moves[0], [o for o in options if isinstance(o, LanguageMotion)], whole)
    return Question(whole.reason, heard=text)


def _choice(motion: str, options: list[LanguageMotion], fallback: Refusal) -> Answer:
    if len(options) < 2:
        return Question(fallback.reason)
    sizes = " or ".join(f"by {o.describe().split(' ', 1)[1]}" for o in options)
    return Question(f"{motion} {sizes}?", tuple(options))
