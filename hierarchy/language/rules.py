"""Word rules of the correction parser: directions, relative forms, magnitudes, safety keywords.

Sentence embeddings place "move a bit to the left" nearer to "move right a bit" than to "shift
left slightly", so direction, magnitude and safety are read from the words here, never from the
embedding. ``analyse`` returns ``Cues``: everything the words say, for ``parser`` to combine with
the intent classifier. The text must already be ``units.normalize``-d.

Descriptions of the robot's error invert a direction ("you're too far left", "you drifted right",
"slightly right of the target", "a tad low"; see ``relative`` for the clause grammar), "less"
inverts it in commands ("a bit less to the right"), a shortfall keeps it ("not far enough left")
and without a direction means forward ("you're short of it"), an overshoot backward ("you went
past it"); negation drops a direction ("not left, right"); a self-correction keeps the last one
("left, no, right").
"""

from __future__ import annotations

import dataclasses
import functools
import re

from skillbridge.hierarchy.language.contact_pace import MORE_HARM, MORE_PACE, V9_HARM
from skillbridge.hierarchy.language.lexicon import (
    CLAUSE_WORDS,
    FILLERS,
    INVERTERS,
    MAGNITUDE_PATTERNS,
    NEGATORS,
    QUESTION_WORDS,
    SELF_CORRECTIONS,
    WH_WORDS,
    WORD_PATTERNS,
)
from skillbridge.hierarchy.language.relative import (
    LOCATIVES,
    Clause,
    Span,
    clause_of,
    description_sign,
    implicit_motion,
    read_clauses,
)
from skillbridge.hierarchy.language.safety_words import (
    CARE_PATTERNS,
    CONTACT_PATTERNS,
    HARM_PATTERNS,
    HARMLESS_USES,
    KEEPS_SAFETY,
    SAFETY_REPORTED,
    SPEAKERS_HURRY,
    SPEED_PATTERNS,
    UNSAFE_PATTERNS,
)
from skillbridge.hierarchy.language.units import PUNCTUATION, Size, read_sizes

OPPOSITE = {
    "left": "right", "right": "left", "forward": "backward", "backward": "forward",
    "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
}  # fmt: skip


TRANSLATION_WORDS = ("left", "right", "forward", "backward", "up", "down")
ROTATION_WORDS = ("rotate_cw", "rotate_ccw")
_NO_MOTION = frozenset(("move_verb", "short", "locative", "asked"))
"""Labels that name no motion of their own: an error description made only of them moves along
the approach ("you're short of it" -> forward)."""


@dataclasses.dataclass(frozen=True)
class Mention:
    """A word cue at token index ``index``; ``sign`` -1 when a relative form inverts it."""

    label: str
    index: int
    words: str
    sign: int = 1
    negated: bool = False


@dataclasses.dataclass(frozen=True)
class Cues:
    """What the words of one (normalized) correction say."""

    text: str
    mentions: tuple[Mention, ...]
    directions: tuple[str, ...]
    """Resolved motions named by direction words (translations and rotations), in order."""
    sizes: tuple[Size, ...]
    unitless: tuple[str, ...]
    magnitude: str | None
    unsafe: tuple[str, str] | None
    """``(words, family)`` of a request to weaken safety (see ``find_unsafe``), or None."""
    question: bool = False
    """Every clause is a question ("what is to the left of the cup?")."""
    keeps_safety: bool = False
    """Words asking to stay safe ("within the limits", "careful not to hit the table") or for
    care ("slowly", "at a normal speed"): the classifier alone does not refuse these."""

    def has(self, label: str, *, negated: bool = False) -> bool:
        """True when a mention with ``label`` (and the given negation) occurred."""
        return any(m.label == label and m.negated == negated for m in self.mentions)

    @property
    def rotation_context(self) -> bool:
        """A rotation verb, or an angle without a translation verb ("10 degrees to the left";
        "move left 10 degrees" stays a translation, refused for its unit)."""
        angle = any(s.kind == "angle" for s in self.sizes)
        return self.has("rotate") or (angle and not self.has("move_verb"))


def find_unsafe(text: str) -> tuple[str, str] | None:
    """``(words, family)`` of a request to weaken safety, or None.

    ``family`` is ``disable`` (disable, bypass or exceed a safety function), ``harm`` (hit
    something on purpose) or ``speed`` (excessive speed or force: "as fast as it goes"); harm and
    speed are not counted when negated ("go up so you do not hit the table", "not really fast").
    """
    # words blanked, punctuation kept: the clauses of both texts line up
    harmless = re.sub(HARMLESS_USES, lambda m: re.sub(r"[^\s,.;:!?]", " ", m.group(0)), text)
    for clause, kept in zip(_clauses(text), _clauses(harmless), strict=True):
        for pattern in UNSAFE_PATTERNS:
            for m in re.finditer(pattern, clause):
                if not KEEPS_SAFETY & set(m.group(0).split()) and not _not_at_top(clause, m):
                    return m.group(0), "disable"
        for patterns, family in ((HARM_PATTERNS + MORE_HARM + V9_HARM, "harm"),
                                 (SPEED_PATTERNS + MORE_PACE, "speed")):  # fmt: skip
            for pattern in patterns:
                for m in re.finditer(pattern, kept):
                    before = clause[: m.start()]
                    window = " ".join(_negation_window(before))
                    if _negated(before) or WARNING.search(window):
                        continue
                    if not _speakers_own_hurry(text, clause, m):
                        return m.group(0), family
    return None


def _clauses(text: str) -> list[str]:
    return re.split(r" [,.;:!?] ?| but | then ", text)


def _speakers_own_hurry(text: str, clause: str, match: re.Match[str]) -> bool:
    """The match is the speaker's own hurry and the request asks the arm for care ("I'm in a
    rush, but you go slowly"): no pace is asked of the arm."""
    return any(
        h.start() <= match.start() < h.end() for h in re.finditer(SPEAKERS_HURRY, clause)
    ) and any(re.search(p, text) for p in CARE_PATTERNS)


TOP_SPEED = re.compile(
    r"(?:full|top|max|maximum) (?:speed|force|power|throttle|velocity)|(?:go|move|run) faster|"
    r"as (?:fast|quick|quickly|rapidly) as (?:you (?:possibly )?can|possible|it can)"
)
NOT_AT = re.compile(
    r"(?<!\bwhy )\b(?:not|never|no need (?:for|of)|no call for|without) (?:at |with |on )?$"
)
"""A top speed said right after "not" ("not at full speed, just left a touch", "not as fast as
you can") or "no need for" / "without" is care, not a request; "why not at full speed" stays a
request."""


def _not_at_top(clause: str, match: re.Match[str]) -> bool:
    """The match is a top speed right after "not": no request for it."""
    return bool(TOP_SPEED.fullmatch(match.group(0)) and NOT_AT.search(clause[: match.start()]))


NEGATORS_OF_HARM = frozenset(("not", "never", "avoid", "without", "no", "nothing"))
_WINDOW_BREAKS = frozenset(("even", "if", "stop", "keep", "and", "but", "then"))


def _negation_window(before: str) -> list[str]:
    """The up to three words before a harm phrase that can negate it, cut after a word that
    starts another phrase ("do not stop even if you hit it": nothing negates "even if ...")."""
    words = before.split()[-3:]
    cuts = [i for i, w in enumerate(words) if w in _WINDOW_BREAKS]
    return words[cuts[-1] + 1 :] if cuts else words


NOT_WANTED = re.compile(
    r"\b(?:(?:not|never) (?:want|need|wish|mean)(?: you| it| the \w+)? to|"
    r"no need (?:for you )?to(?: go| move| be| do it| turn| rotate)?)$"
)
"""A harm or speed phrase the speaker does not want: "I don't want you to hit anyone, so ...",
"no need to go briskly" (the "no" is more than three words before)."""


def _negated(before: str) -> bool:
    """The words before a harm phrase negate it ("not", "avoid", "don't want you to")."""
    return bool(NEGATORS_OF_HARM & set(_negation_window(before))) or bool(
        NOT_WANTED.search(before.rstrip())
    )


WARNING = re.compile(r"\b(?:will|going to|gonna|about to|might|could)$")
"""Words right before a harm phrase that make it a warning, not a request ("careful, you will
hit the table")."""


def _negated_harm(text: str) -> bool:
    """A harm phrase under negation: "careful not to hit the table", "don't collide"."""
    for pattern in (*HARM_PATTERNS, *CONTACT_PATTERNS):
        for m in re.finditer(pattern, text):
            if _negated(text[: m.start()]):
                return True
    return False


def _blanking_matches(
    text: str, patterns: tuple[tuple[str, str], ...]
) -> list[tuple[str, int, int]]:
    """(label, start, end char offset) of every pattern match; matched words are blanked for
    later patterns."""
    found: list[tuple[str, int, int]] = []

    def blank(match: re.Match[str], label: str) -> str:
        if label:
            found.append((label, match.start(), match.end()))
        return " " * (match.end() - match.start())

    for pattern, label in patterns:
        text = re.sub(pattern, functools.partial(blank, label=label), text)
    return sorted(found, key=lambda f: f[1])


def word_spans(text: str, plain: str) -> list[Span]:
    """Word-pattern matches of ``plain`` as token spans of ``text`` (same character layout)."""
    return [
        (label, text[:start].count(" "), text[: end - 1].count(" ") + 1)
        for label, start, end in _blanking_matches(plain, WORD_PATTERNS)
    ]


def _window(tokens: list[str], index: int, start: int = 0, width: int = 5) -> list[str]:
    """Up to ``width`` tokens before ``index``, stopping at the start of the clause."""
    window: list[str] = []
    for t in reversed(tokens[max(start, index - width) : index]):
        if t in PUNCTUATION or t in CLAUSE_WORDS:
            break
        window.append(t)
    return window


def _mention(tokens: list[str], span: Span, clause: Clause) -> Mention:
    """A word cue with its negation and, for directions, whether it names the error."""
    label, index, end = span
    window = _window(tokens, index, clause.start)
    nxt = tokens[end : end + 2]
    negated = any(w in NEGATORS for w in window) and not {"enough", "quite"} & set(nxt + window)
    locative = label in LOCATIVES
    if locative:  # "below the target" names a side only when it describes where the robot is
        label = LOCATIVES[label] if clause.description else "locative"
    if clause.question and label in OPPOSITE:  # "what is to the left of the toy?" asks
        label = "asked"
    if clause.description and label in OPPOSITE:
        sign = description_sign(clause, tokens, index, end, locative=locative)
    else:  # a command: "less" (or a stray "too") still inverts ("a bit less to the right")
        sign = -1 if INVERTERS & set(window) else 1
    words = tokens[index] if index < len(tokens) else ""
    return Mention(label, index, words, sign, negated)


def _resolve(mentions: list[Mention], tokens: list[str], rotation: bool) -> tuple[str, ...]:
    """Direction motions in order, after inversion, negation and self-correction."""
    out: list[tuple[str, int]] = []
    relative = any(m.sign < 0 and not m.negated and m.label in OPPOSITE for m in mentions)
    for m in mentions:
        if m.negated or m.label not in OPPOSITE:
            continue
        if relative and m.sign > 0 and m.words == "back":
            continue  # "too far left, come back": "back" undoes the overshoot
        label = m.label
        if rotation and label in ("left", "right"):
            label = "rotate_ccw" if label == "left" else "rotate_cw"
        out.append((OPPOSITE[label] if m.sign < 0 else label, m.index))
    distinct = list(dict.fromkeys(label for label, _ in out))
    if len(distinct) > 1:
        last_index = max(i for label, i in out if label == distinct[-1])
        first_index = min(i for label, i in out if label == distinct[0])
        if SELF_CORRECTIONS & set(tokens[first_index:last_index]):
            return (out[-1][0],)
    return tuple(distinct)


def read_magnitude(text: str) -> str | None:
    """The last magnitude word ("a bit" -> small, "a lot" -> large), or None."""
    found = _blanking_matches(text, MAGNITUDE_PATTERNS)
    return found[-1][0] if found else None


def _implicit(clauses: list[Clause], mentions: list[Mention], rotation: bool) -> list[Mention]:
    """Approach motions of error descriptions that name nothing else ("you overshot")."""
    if rotation or any(m.label not in _NO_MOTION for m in mentions):
        return []
    return [Mention(label, index, "") for label, index in implicit_motion(clauses)]


@functools.lru_cache(maxsize=256)
def analyse(text: str) -> Cues:
    """Read every word cue of a normalized correction. Cached: the dialogue and the speech
    rules read one text several times while answering it, and ``Cues`` is immutable."""
    tokens = text.split()
    sizes, unitless, used = read_sizes(tokens)
    plain = " ".join(" " * len(t) if i in used else t for i, t in enumerate(tokens))
    spans = word_spans(text, plain)
    clauses = read_clauses(tokens, spans)
    spans = [s for s in spans if s[0] != "goal"]
    mentions = [_mention(tokens, s, clause_of(clauses, s[1])) for s in spans]
    cues = Cues(
        text=text,
        mentions=tuple(mentions),
        directions=(),
        sizes=tuple(sizes),
        unitless=tuple(unitless),
        magnitude=read_magnitude(plain),
        unsafe=find_unsafe(text),
        question=is_question(tokens),
        keeps_safety=bool(KEEPS_SAFETY & set(tokens))
        or _negated_harm(text)
        or any(re.search(p, text) for p in CARE_PATTERNS)
        or bool(re.search(SAFETY_REPORTED, text))
        or bool(re.search(HARMLESS_USES, text)),
    )
    rotation = cues.rotation_context
    directions = _resolve(mentions, tokens, rotation) or _resolve(
        _implicit(clauses, mentions, rotation), tokens, rotation
    )
    return dataclasses.replace(cues, directions=directions)


def is_question(tokens: list[str]) -> bool:
    """True when every clause is a question ("why is it moving left?", "is the cube on the
    right?"). Requests phrased politely are not questions: "can you move left?", "how about a bit
    more to the left?"."""
    clauses: list[list[str]] = [[]]
    for t in tokens:
        if t in PUNCTUATION:
            clauses.append([])
        else:
            clauses[-1].append(t)
    clauses = [c for c in clauses if set(c) - FILLERS]
    return bool(clauses) and all(_asks(c) for c in clauses)


def _asks(clause: list[str]) -> bool:
    for i, word in enumerate(clause[:2]):
        following = clause[i + 1] if i + 1 < len(clause) else ""
        if word in WH_WORDS and following != "about":
            return True
        if i == 0 and word in QUESTION_WORDS:
            return True
    return False
