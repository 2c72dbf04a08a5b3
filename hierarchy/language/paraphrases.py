"""Generated correction phrases with their labels: training and dev data of the parser.

Every phrase is built from templates and word lists written here (seeded, reproducible), never
from the held-out set. Each ``Example`` carries the classifier intent and the full expected
result (motion, magnitude, size, or refusal kind), so a dev set drawn with another seed checks
the whole parser, rules included.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable

from skillbridge.contract.language import ANGLE_RAD, DISTANCE_M
from skillbridge.hierarchy.language import phrasebook as pb

INTENTS: tuple[str, ...] = (
    "translate", "rotate", "open", "close", "stop", "unsafe", "other", "nonsense",
)  # fmt: skip
"""Classes of the intent classifier; directions and sizes come from the word rules."""


@dataclasses.dataclass(frozen=True)
class Example:
    """One phrase and what the parser must make of it (the held-out file's fields)."""

    text: str
    intent: str
    motion: str | None = None
    magnitude: str | None = None
    distance_m: float | None = None
    angle_rad: float | None = None
    refusal_kind: str | None = None

    @property
    def refuse(self) -> bool:
        return self.motion is None


def _pick(rng: random.Random, items: tuple[str, ...] | list[str]) -> str:
    return items[rng.randrange(len(items))]


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def _decorate(rng: random.Random, core: str) -> str:
    """Add an optional lead-in and tail ("ok,", "please") and random capitalisation."""
    text = " ".join(_join(_pick(rng, pb.PREFIXES), core).split()) + _pick(rng, pb.SUFFIXES)
    return text[:1].upper() + text[1:] if rng.random() < 0.4 else text


def _mag(rng: random.Random) -> tuple[str, str]:
    magnitude = rng.choices(("small", "normal", "large"), weights=(4, 3, 3))[0]
    return magnitude, _pick(rng, pb.MAGNITUDE_WORDS[magnitude])


def _length(rng: random.Random, low_m: float, high_m: float) -> tuple[float, str]:
    """A distance in metres between the bounds and its words ("3 cm", "thirty millimetres")."""
    cm = round(rng.uniform(low_m * 100, high_m * 100) * 2) / 2 or 0.5
    style = rng.randrange(6)
    if style == 0 and cm == int(cm) and int(cm) < len(pb.NUMBER_WORDS):
        return cm / 100, f"{pb.NUMBER_WORDS[int(cm)]} {_pick(rng, ('centimeters', 'centimetres'))}"
    if style == 1:
        return cm / 100, f"{cm * 10:g} {_pick(rng, ('mm', 'millimeters', 'millimetres'))}"
    if style == 2 and cm >= 1:
        return cm / 100, f"{cm / 100:g} {_pick(rng, ('m', 'meters', 'metres'))}"
    return cm / 100, f"{cm:g}{_pick(rng, (' cm', 'cm', ' centimeters', ' cms'))}"


def _angle(rng: random.Random, low_deg: float, high_deg: float) -> tuple[float, str]:
    deg = max(1, round(rng.uniform(low_deg, high_deg)))
    if rng.random() < 0.15:
        rad = min(round(math.radians(deg), 2), 1.04) or 0.01
        return rad, f"{rad:g} {_pick(rng, ('rad', 'radians'))}"
    if rng.random() < 0.2 and deg % 5 == 0 and deg <= 60:
        return math.radians(deg), f"{pb.ANGLE_WORDS[deg // 5]} degrees"
    return math.radians(deg), f"{deg}{_pick(rng, (' degrees', ' deg', '°', ' degree'))}"


def translate(rng: random.Random) -> Example:
    """Moves: verb + direction + magnitude, explicit sizes, relative and negated forms."""
    motion = _pick(rng, tuple(pb.DIRECTIONS))
    kind = rng.choices(("plain", "size", "relative", "negated", "verb"), (6, 3, 4, 1, 2))[0]
    magnitude, mag_words = _mag(rng)
    size = None
    if kind == "size":
        size, mag_words = _length(rng, 0.005, 0.15)
        magnitude = "explicit"
    where = _pick(rng, pb.DIRECTIONS[motion])
    if kind == "relative":
        core, motion, magnitude = _relative(rng, motion)
    elif kind == "negated":
        wrong = _pick(rng, [d for d in pb.DIRECTIONS if d != motion])
        core = _pick(rng, pb.NEGATED).format(wrong=_pick(rng, pb.DIRECTIONS[wrong]), right=where)
        core = _join(core, mag_words)
    elif kind == "verb" and motion in pb.DIRECTION_VERBS:
        core = _join(_pick(rng, pb.DIRECTION_VERBS[motion]), mag_words)
    else:
        verb, obj = _pick(rng, pb.MOVE_VERBS), _pick(rng, pb.OBJECTS)
        obj = "" if verb in pb.INTRANSITIVE else obj
        order = rng.randrange(4)
        if verb in pb.SMALL_VERBS and not mag_words and order < 3:
            magnitude = "small"  # "nudge it left": a nudge is small
        parts = [(verb, obj, where, mag_words), (verb, obj, mag_words, where)][order % 2]
        core = _join(*parts) if order < 3 else _join(mag_words, where)
    distance = size if size is not None else DISTANCE_M[magnitude]
    if rng.random() < 0.1:
        tail = _pick(rng, pb.SAFE_TAILS)
        core = f"{core}, {tail}" if rng.random() < 0.6 else f"{tail}, {core}"
    return Example(_decorate(rng, core), "translate", motion, magnitude, distance_m=distance)


def _relative(rng: random.Random, said: str) -> tuple[str, str, str]:
    """A relative form about direction ``said``: (phrase, motion asked for, magnitude)."""
    side = said in ("left", "right")
    form = rng.choices(("too", "over", "more", "side"), (4, 2, 3, 1 if side else 0))[0]
    templates = {"too": pb.TOO_FAR, "over": pb.OVERSHOOT, "more": pb.NOT_ENOUGH}
    template = _pick(rng, templates.get(form, pb.SIDE_OF))
    magnitude = _pick(rng, ("small", "normal", "large"))
    mag_words = _pick(rng, pb.RELATIVE_MAGNITUDE[magnitude]) if "{mag}" in template else ""
    magnitude = magnitude if mag_words else "normal"
    where = (said, f"to the {said}") if form == "side" else pb.DIRECTIONS[said]
    core = template.format(
        d=_pick(rng, pb.RELATIVE_WORDS[said]),
        o=_pick(rng, where),
        mag=mag_words,
        back=_pick(rng, pb.BACK_OFF),
    )
    return core, said if form == "more" else _opposite(said), magnitude


def _opposite(motion: str) -> str:
    pairs = ("left", "right"), ("forward", "backward"), ("up", "down"), ("rotate_cw", "rotate_ccw")
    for a, b in pairs:
        if motion in (a, b):
            return b if motion == a else a
    return motion


def rotate(rng: random.Random) -> Example:
    """Yaw rotations: verb + turning direction + magnitude or angle; relative forms."""
    motion = _pick(rng, ("rotate_cw", "rotate_ccw"))
    magnitude, mag_words = _mag(rng)
    angle = None
    if rng.random() < 0.35:
        angle, mag_words = _angle(rng, 1, 60)
        magnitude = "explicit"
    verb, obj = _pick(rng, pb.ROTATE_VERBS), _pick(rng, pb.ROTATE_OBJECTS)
    where = _pick(rng, pb.TURNS[motion])
    if rng.random() < 0.2:
        template = _pick(rng, pb.ROTATED_TOO_FAR)
        magnitude = _pick(rng, ("small", "normal", "large"))
        mag_words = _pick(rng, pb.RELATIVE_MAGNITUDE[magnitude]) if "{mag}" in template else ""
        magnitude, angle = (magnitude if mag_words else "normal"), None
        core = template.format(d=_pick(rng, pb.TURNS[_opposite(motion)]), mag=mag_words)
    elif rng.random() < 0.5:
        core = _join(verb, obj, where, mag_words)
    else:
        core = _join(verb, obj, mag_words, where)
    angle = angle if angle is not None else ANGLE_RAD[magnitude]
    return Example(_decorate(rng, core), "rotate", motion, magnitude, angle_rad=angle)


def describe(rng: random.Random) -> Example:
    """Descriptions of the robot's error; the label is the correction that undoes it.

    Where the gripper is ("you're a tad low" -> up), what it did ("you drifted right" -> left,
    "you pulled back too much" -> forward), not far enough ("you're short of it" -> forward), too
    far ("you went a little past it" -> backward), or where the goal is ("the cube is to your
    left" -> left); sizes given in units are kept ("you're 2 cm too far left" -> right 2 cm).
    """
    form = rng.choices(_DESCRIBE_FORMS, (5, 4, 2, 2, 2, 2, 1.5))[0]
    if form == "rotate":
        return _rotation_error(rng)
    magnitude, mag, size = _describe_size(rng)
    template, motion = _DESCRIBERS[form](rng)
    if "{mag}" not in template:
        magnitude, size = "normal", None
    core = template.format(mag=mag)
    if form in ("state", "past") and rng.random() < 0.12:  # the description, then the command
        verb = _pick(rng, [v for v in pb.MOVE_VERBS if v not in pb.SMALL_VERBS])
        core = f"{core}, {verb} {_pick(rng, pb.DIRECTIONS[motion])}"
    distance = size if size is not None else DISTANCE_M[magnitude]
    text = _describe_decorate(rng, core)
    return Example(text, "translate", motion, magnitude, distance_m=distance)


_DESCRIBE_FORMS = ("state", "past", "action", "short", "over", "goal", "rotate")
_POSITION_CUES = ("too", " of", "than", "high", "low", "short", "past", "beyond", "behind",
                  "above", "below", "under", "beneath", "deep", "not", "off ")  # fmt: skip
"""Places that stay descriptions without a subject ("a tad low"; "to the left" is a command)."""


def _state(rng: random.Random) -> tuple[str, str]:
    """ "you're {mag} left of the target" -> right."""
    displaced = _pick(rng, tuple(pb.DISPLACED))
    place = _pick(rng, pb.DISPLACED[displaced])
    fragment = any(c in f" {place} " for c in _POSITION_CUES) and rng.random() < 0.35
    subject = "" if fragment else _pick(rng, pb.DESCRIBE_SUBJECTS)
    return _join(subject, "{mag}", place), _opposite(displaced)


def _past(rng: random.Random) -> tuple[str, str]:
    """ "you drifted {mag} to the left" -> right."""
    displaced = _pick(rng, tuple(pb.PAST_WAYS))
    verbs = pb.PAST_VERBS["side" if displaced in ("left", "right") else displaced]
    way = _pick(rng, pb.PAST_WAYS[displaced])
    templates = [t for t in pb.PAST_TEMPLATES if "too" not in t or "too" not in way]
    template = _pick(rng, templates).format(verb=_pick(rng, verbs), way=way, mag="{mag}")
    return template, _opposite(displaced)


def _action(rng: random.Random) -> tuple[str, str]:
    """ "you pulled back {mag} too much" -> forward."""
    displaced = _pick(rng, tuple(pb.PAST_ACTIONS))
    return _pick(rng, pb.PAST_ACTIONS[displaced]), _opposite(displaced)


def _goal(rng: random.Random) -> tuple[str, str]:
    """ "the cube is {mag} to your left" -> left."""
    motion = _pick(rng, tuple(pb.GOAL_PLACES))
    return _pick(rng, pb.GOAL_PLACES[motion]), motion


_DESCRIBERS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "state": _state,
    "past": _past,
    "action": _action,
    "short": lambda rng: (_pick(rng, pb.SHORTFALLS), "forward"),
    "over": lambda rng: (_pick(rng, pb.OVERSHOOTS), "backward"),
    "goal": _goal,
}
"""Template (with ``{mag}`` where the size goes) and the correction, per form."""


def _describe_size(rng: random.Random) -> tuple[str, str, float | None]:
    """(magnitude, its words, explicit distance in m or None) for a description."""
    if rng.random() < 0.2:
        size, words = _length(rng, 0.003, 0.06)
        return "explicit", words, size
    magnitude = rng.choices(("small", "normal", "large"), weights=(4, 3, 2))[0]
    return magnitude, _pick(rng, pb.DESCRIBE_MAGNITUDE[magnitude]), None


def _describe_decorate(rng: random.Random, core: str) -> str:
    text = " ".join(_join(_pick(rng, pb.DESCRIBE_PREFIXES), core).split())
    text += _pick(rng, pb.DESCRIBE_SUFFIXES)
    return text[:1].upper() + text[1:] if rng.random() < 0.4 else text


def _rotation_error(rng: random.Random) -> Example:
    """ "you turned a bit too far clockwise" -> counterclockwise."""
    motion = _pick(rng, ("rotate_cw", "rotate_ccw"))
    magnitude = rng.choices(("small", "normal", "large", "explicit"), weights=(4, 3, 2, 2))[0]
    if magnitude == "explicit":
        angle, mag = _angle(rng, 2, 40)
    else:
        mag, angle = _pick(rng, pb.DESCRIBE_MAGNITUDE[magnitude]), ANGLE_RAD[magnitude]
    core = _pick(rng, pb.ROTATED_STATE).format(d=_pick(rng, pb.TURNS[_opposite(motion)]), mag=mag)
    return Example(_describe_decorate(rng, core), "rotate", motion, magnitude, angle_rad=angle)


def _phrase(intent: str, motion: str | None, phrases: tuple[str, ...]) -> Callable:
    def make(rng: random.Random) -> Example:
        core = _pick(rng, phrases).format(obj=_pick(rng, pb.GRIP_OBJECTS))
        if motion in ("open", "close") and rng.random() < 0.15:
            core = _join(core, _mag(rng)[1])
        return Example(_decorate(rng, core), intent, motion, refusal_kind=_KIND.get(intent))

    return make


_KIND = {"unsafe": "unsafe", "other": "out_of_vocabulary", "nonsense": "nonsense"}


def unsafe(rng: random.Random) -> Example:
    """Requests to disable, bypass or exceed safety functions, alone or with a motion."""
    if rng.random() < 0.35:
        core = _pick(rng, pb.UNSAFE_PHRASES)
    else:
        core = _join(_pick(rng, pb.DISABLE_VERBS), _pick(rng, pb.SAFETY_THINGS))
    if rng.random() < 0.3:
        motion = _pick(rng, tuple(pb.DIRECTIONS))
        move = _join(_pick(rng, pb.MOVE_VERBS), _pick(rng, pb.DIRECTIONS[motion]))
        core = f"{core} and {move}" if rng.random() < 0.5 else f"{move} and {core}"
    return Example(_decorate(rng, core), "unsafe", refusal_kind="unsafe")


def other(rng: random.Random) -> Example:
    """Requests outside the vocabulary: tasks, chit-chat, questions, unsupported motions."""
    if rng.random() < 0.4:
        core = _pick(rng, pb.TASK_TEMPLATES).format(
            thing=_pick(rng, pb.THINGS), place=_pick(rng, pb.PLACES)
        )
    else:
        core = _pick(rng, pb.OTHER_PHRASES)
    return Example(_decorate(rng, core), "other", refusal_kind="out_of_vocabulary")


def nonsense(rng: random.Random) -> Example:
    """Keyboard mash, invented words, word salad."""
    style = rng.randrange(3)
    if style == 0:
        letters = "abcdefghijklmnopqrstuvwxyz"
        count = rng.randint(1, 4)
        words = ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(count)]
    elif style == 1:
        words = [_pick(rng, pb.SALAD) for _ in range(rng.randint(2, 6))]
    else:
        words = [_pick(rng, pb.NONSENSE_PHRASES)]
    return Example(" ".join(words), "nonsense", refusal_kind="nonsense")


def refusal(rng: random.Random) -> Example:
    """Phrases the rules must refuse although the intent is a move: sizes and ambiguity."""
    motion = _pick(rng, tuple(pb.DIRECTIONS))
    verb, where = _pick(rng, pb.MOVE_VERBS), _pick(rng, pb.DIRECTIONS[motion])
    kind = rng.choices(("too_large", "out_of_workspace", "no_direction", "unitless"), (4, 2, 2, 1))
    if kind[0] == "too_large":
        _, words = _length(rng, 0.17, 0.45)
        return Example(_join(verb, where, words), "translate", refusal_kind="too_large")
    if kind[0] == "out_of_workspace":
        words = f"{rng.randint(1, 5)} {_pick(rng, ('meters', 'm', 'metres'))}"
        return Example(_join(verb, where, words), "translate", refusal_kind="out_of_workspace")
    if kind[0] == "no_direction":
        core = _join(verb, _pick(rng, pb.OBJECTS), _mag(rng)[1])
        return Example(core, "translate", refusal_kind="ambiguous")
    core = _join(verb, where, str(rng.randint(2, 9)))
    return Example(core, "translate", refusal_kind="ambiguous")


GENERATORS: dict[str, tuple[Callable[[random.Random], Example], float]] = {
    "translate": (translate, 3.0),
    "describe": (describe, 1.0),
    "rotate": (rotate, 1.5),
    "open": (_phrase("open", "open", pb.OPEN_PHRASES), 1.0),
    "close": (_phrase("close", "close", pb.CLOSE_PHRASES), 1.0),
    "stop": (_phrase("stop", "stop", pb.STOP_PHRASES), 1.0),
    "unsafe": (unsafe, 1.5),
    "other": (other, 2.0),
    "nonsense": (nonsense, 0.7),
    "refusal": (refusal, 0.7),
}
"""Generator and relative share of each kind of phrase."""


def generate(seed: int, n: int) -> list[Example]:
    """``n`` labelled phrases, deterministic for a seed, duplicates removed.

    Args:
        seed: Seed of the generator (training uses 0, the dev set 1).
        n: Number of phrases to draw before de-duplication.
    """
    rng = random.Random(seed)
    names = list(GENERATORS)
    weights = [GENERATORS[k][1] for k in names]
    seen: dict[str, Example] = {}
    for _ in range(n):
        example = GENERATORS[rng.choices(names, weights)[0]][0](rng)
        seen.setdefault(example.text.lower(), example)
    return list(seen.values())
