"""Commands versus descriptions of the robot's error: which way a relative correction asks to go.

A correction either *commands* a motion ("move left", "go further out", "back off") or
*describes the error*: where the gripper is ("you're left of it", "a tad low", "just below where
it should be"), what it did ("you drifted right", "you pulled back too much"), or that it went too
far or not far enough ("you went a little past it", "almost there, a little short"). A command
names the motion to make; a description names the displacement to undo. Read as a command, a
description sends the robot further the wrong way, so every clause gets a *mood* from its
grammar:

- **command**: a modal frame names the wanted motion or state ("you should move left", "it needs
  to be higher", "you were supposed to go left"), or the clause opens with an imperative ("go
  left of the cup", "lower it a bit"), or nothing marks it as a description ("left a bit");
- **description**: a subject followed by a finite verb ("you're left", "it looks low", "you've
  drifted right", "you keep drifting"), a past-tense motion verb ("overshot left", "pulled back
  too much"), or a verbless fragment that states a position: excess ("too far left", "past it",
  "beyond it"), shortfall ("a little short", "not far enough", "almost there"), a predicative
  adjective ("a tad low"), an "of"-phrase ("slightly right of the target"), a locative preposition
  ("below where it should be") or a comparison with the goal ("than it should be").

A description's direction is inverted, except that a **shortfall** keeps it ("not far enough
left" -> left) and so does a **located goal**: when the thing placed is the goal, not the gripper
("the cube is to your left", "the target is below you"). Excess or shortfall without any direction
refers to the approach: overshoot means backward, falling short forward.
"""

from __future__ import annotations

import dataclasses
import re

from skillbridge.hierarchy.language.lexicon import (
    CLAUSE_WORDS,
    EXCESS_PREFIXES,
    FINITE_BASE,
    FINITE_VERBS,
    IMPERATIVES,
    LEAD_WORDS,
    MODALS,
    NEGATORS,
    NOT_VERBS_ING,
    PAST_MOTION,
    PLURAL_SUBJECTS,
    ROBOT_WORDS,
    SO_DEGREE,
    SPLITTING_IMPERATIVES,
    STATE_ADJECTIVES,
    SUBJECT_WORDS,
    TARGET_NOUNS,
    WH_WORDS,
)
from skillbridge.hierarchy.language.units import PUNCTUATION

Span = tuple[str, int, int]
"""A word-pattern match: ``(label, first token, one past its last token)``."""
DIRECTION_LABELS = frozenset(("left", "right", "forward", "backward", "up", "down",
                              "rotate_cw", "rotate_ccw"))  # fmt: skip
LOCATIVES = {"loc_up": "up", "loc_down": "down", "loc_forward": "forward",
             "loc_backward": "backward"}  # fmt: skip
"""Locative prepositions ("below", "behind") and the side they place the subject on; they name
a direction only in descriptions ("go below the cup" is no direction)."""
DETERMINERS = frozenset(("the", "a", "an", "this", "that", "your", "my", "its", "their", "our"))
_SPLIT_WORDS = CLAUSE_WORDS - {"now"} | {"because", "since", "cause", "while", "though"}
_SHORTFALL = re.compile(
    r"\b(?:not|never|no)\b(?: \w+){0,3} enough\b|\bnot\b(?: \w+){0,3} yet\b|"
    r"\b(?:almost|nearly|not quite) (?:there|at|far|reach\w*|made it|got there)\b|"
    r"\bnot (?:\w+ )?(?:reach\w*|arriv\w*|make it|made it|get there|got there|all the way)\b|"
    r"\btoo (?:\w+ )?(?:little|short|early|soon|few)\b"
)
_TOO_LITTLE = re.compile(r"too (?:\w+ )?(?:little|short|early|soon|few)\b")
"""Not enough: "you pulled back a tad too little" is a shortfall, not an excess."""
_APPROACH_EXCESS = re.compile(
    r"\btoo (?:\w+ )?(?:far|much)\b"
    r"(?! (?:in|into|over|across|around|sideways|that way|this way)\b)|\b(?:past|beyond)\b"
)
"""Excess along the approach; "too far in", "too far that way" name no known side."""


@dataclasses.dataclass(frozen=True)
class Clause:
    """One clause of a correction (tokens ``start`` to ``end``, exclusive) and its mood."""

    start: int
    end: int
    description: bool = False
    """It describes the robot's position or past motion (the error), not the wanted motion."""
    excess: bool = False
    """It says the robot went too far ("too", "past", "beyond", "overshot")."""
    shortfall: bool = False
    """It says the robot did not go far enough ("short", "not ... enough", "almost there")."""
    approach_excess: bool = False
    """An excess that needs no direction: "too far", "too much", "past it", "overshot"."""
    target_subject: bool = False
    """Its subject is the goal or a thing near it ("the cube is ...", "there is ...")."""
    question: bool = False
    """It asks ("what is to the left of the cup?"): its direction words request nothing."""


def read_clauses(tokens: list[str], spans: list[Span]) -> list[Clause]:
    """Split a normalized correction into clauses and decide the mood of each."""
    ground = _covered(spans, "goal")
    return [_clause(tokens, a, b, spans, ground) for a, b in _split(tokens, ground)]


def clause_of(clauses: list[Clause], index: int) -> Clause:
    """The clause holding token ``index`` (a command clause when none does)."""
    return next((c for c in clauses if c.start <= index < c.end), Clause(index, index + 1))


def description_sign(
    clause: Clause, tokens: list[str], start: int, end: int, *, locative: bool = False
) -> int:
    """-1 when a direction word at tokens ``start:end`` of a description names the error.

    Shortfall keeps the direction ("not far enough left"); excess always inverts it ("the cube
    is too far left"); otherwise a located goal keeps it ("the cube is to your left", "the target
    is below you") and the located robot inverts it ("you're left of the target").
    """
    if clause.shortfall:
        return 1
    if clause.excess:
        return -1
    ground = _ground(tokens, start, end, locative=locative)
    if ground == "robot" or (ground is None and clause.target_subject):
        return 1
    return -1


def implicit_motion(clauses: list[Clause]) -> list[tuple[str, int]]:
    """Approach motions of descriptions that name no direction: ``(motion, token index)``.

    "you're short of it" -> forward, "you went a little past it" -> backward.
    """
    out = []
    for c in clauses:
        if c.description and c.shortfall:
            out.append(("forward", c.start))
        elif c.description and c.approach_excess:
            out.append(("backward", c.start))
    return out


def _covered(spans: list[Span], label: str) -> frozenset[int]:
    return frozenset(i for lab, a, b in spans if lab == label for i in range(a, b))


def _split(tokens: list[str], ground: frozenset[int]) -> list[tuple[int, int]]:
    """Clause spans: cut at punctuation and conjunctions (not intensifying "so"), before a new
    subject with a finite verb ("..., it is too high"), and before a command verb that follows a
    description ("you went too far left go right")."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, t in enumerate(tokens):
        if i in ground:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t in PUNCTUATION or (t in _SPLIT_WORDS and not (t == "so" and nxt in SO_DEGREE)):
            out.append((start, i))
            start = i + 1
        elif i > start and _opens_clause(tokens, start, i, ground):
            out.append((start, i))
            start = i
    out.append((start, len(tokens)))
    return [(a, b) for a, b in out if b > a]


def _opens_clause(tokens: list[str], start: int, i: int, ground: frozenset[int]) -> bool:
    """A new subject with a finite verb or modal (an -ing participle is not finite: "past the
    mug going left"), or a command verb after a description; never after a determiner ("the
    turn")."""
    t, prev = tokens[i], tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if prev in DETERMINERS:
        return False
    if t in DETERMINERS and nxt in SUBJECT_WORDS and prev not in ("of", "than", "from"):
        t, nxt = nxt, tokens[i + 2] if i + 2 < len(tokens) else ""  # "the gripper is ..."
    if t in SUBJECT_WORDS and prev not in ("can", "could", "would", "will", "do", "did"):
        return (_finite([t, nxt], 1) and not nxt.endswith("ing")) or nxt in MODALS
    if t in SPLITTING_IMPERATIVES and prev not in SUBJECT_WORDS | MODALS | NEGATORS | {"to", "do"}:
        words = [w for j, w in enumerate(tokens[start:i], start) if j not in ground]
        return _is_description(words, position=_excess(words))
    return False


def _clause(
    tokens: list[str], a: int, b: int, spans: list[Span], ground: frozenset[int]
) -> Clause:
    words = [t for i, t in enumerate(tokens[a:b], a) if i not in ground]
    inside = [s for s in spans if a <= s[1] < b]
    text = " ".join(words)
    shortfall = bool(_SHORTFALL.search(text)) or any(s[0] == "short" for s in inside)
    excess = _excess(words)
    states = _states_position(tokens, words, inside, has_ground=any(a <= i < b for i in ground))
    description = _is_description(words, position=excess or shortfall or states)
    approach = bool(_APPROACH_EXCESS.search(text)) or any(w.startswith(EXCESS_PREFIXES)
                                                         for w in words)  # fmt: skip
    question = next((w for w in words if w not in LEAD_WORDS), "") in WH_WORDS
    return Clause(
        a, b, description, excess, shortfall, approach and excess, _target(words), question
    )


def _is_description(words: list[str], *, position: bool) -> bool:
    """The mood of a clause; ``position``: it has a verbless position cue (excess, shortfall,
    a predicative adjective, an "of"-phrase, a locative, a comparison with the goal)."""
    head = next((w for w in words if w not in LEAD_WORDS), "")
    if _modal(words) or head in WH_WORDS:
        return False  # "you should go left"; "what is to the left of the cup?" asks
    verb = _verb(words)
    if verb is not None and SUBJECT_WORDS & set(words[:verb]):
        return True  # "you're left", "it looks low", "you've drifted", "you keep drifting"
    if head in IMPERATIVES:
        return False  # "go left of the cup", "lower it a bit"
    if any(w in PAST_MOTION for w in words):
        return True  # "drifted right", "pulled back too much"
    return position


WISH_VERBS = frozenset(("like", "prefer", "love", "wish"))
"""After "I"/"we" these state the wanted state ("I like the gripper a little higher", a
recognizer's "I'd like"), as a modal does; "it looks like ..." stays a description."""
PERMISSIVE = frozenset(("safe", "ok", "okay", "fine", "clear", "alright", "time", "better"))
"""Before "to" + verb these make a go-ahead of "it is ...": a command, not a description."""


def _modal(words: list[str]) -> bool:
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if w in MODALS or (w in WISH_VERBS and i > 0 and words[i - 1] in ("i", "we")):
            return True
        if w in ("is", "are") and nxt in PERMISSIVE and after == "to":
            return True  # "it's safe to go left": a go-ahead, like "you can go left"
        if w in ("have", "has", "had", "got", "going") and nxt == "to":
            return after not in ("the", "your", "my", "a", "its", "where")
    return False


def _verb(words: list[str]) -> int | None:
    """Index of the first finite (or progressive) verb, None if there is none."""
    return next((i for i in range(len(words)) if _finite(words, i)), None)


def _finite(words: list[str], i: int) -> bool:
    """``words[i]`` is a finite verb (or a progressive: "drifting"); "you seem", not "it sit"."""
    word = words[i]
    if word in FINITE_BASE:
        return i > 0 and words[i - 1] in PLURAL_SUBJECTS
    progressive = word.endswith("ing") and len(word) > 4 and word not in NOT_VERBS_ING
    return word in FINITE_VERBS or word in PAST_MOTION or progressive


def _excess(words: list[str]) -> bool:
    for i, w in enumerate(words):
        negated = NEGATORS & set(words[max(0, i - 2) : i])
        if w == "too" and not negated and not _TOO_LITTLE.match(" ".join(words[i : i + 3])):
            return True
        if w in ("past", "beyond", "excessively") or w.startswith(EXCESS_PREFIXES):
            return True
    return False


def _states_position(
    tokens: list[str], words: list[str], spans: list[Span], *, has_ground: bool
) -> bool:
    """A verbless position: "a tad low", "right of the target", "below it", "than needed", "off
    to the left"."""
    directions = [(lab, a, b) for lab, a, b in spans if lab in DIRECTION_LABELS]
    if has_ground or any(lab in LOCATIVES for lab, _, _ in spans):
        return True
    if directions and "off" in words:
        return True  # "a bit off to the left": away from the goal
    if any(b < len(tokens) and tokens[b] == "of" for _, _, b in directions):
        return True
    return bool(directions) and all(tokens[a] in STATE_ADJECTIVES for _, a, _ in directions)


def _target(words: list[str]) -> bool:
    verb = _verb(words)
    subject = set(words[:verb]) if verb is not None else set()
    return bool(subject & TARGET_NOUNS) and not subject & ROBOT_WORDS


def _ground(tokens: list[str], start: int, end: int, *, locative: bool) -> str | None:
    """What a direction word is measured from: "robot" ("to your left", "left of you", "below
    the gripper"), "other" ("left of the target", "below it"), or None (not said). Locative
    prepositions take it directly ("below you"), direction words after of/than/from."""
    if start > 0 and tokens[start - 1] in ("your", "yourself"):
        return "robot"
    rest = tokens[end : end + 4]
    if not rest or not (locative or rest[0] in ("of", "than", "from")):
        return None
    for w in rest:
        if w in ("of", "than", "from", "the", "your", "a", "an"):
            continue
        if w in ROBOT_WORDS:
            return "robot"
        return "other" if w in TARGET_NOUNS or w in ("it", "that", "this", "where") else None
    return None
