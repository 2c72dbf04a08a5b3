"""Corrections in context: what was said, what ran before, how sure the recognizer was.

``interpret(text, previous, confidence)`` answers one correction with a ``LanguageMotion``,
``Motions`` (a compound request, all of it), a ``Question`` (hold and ask) or a ``Refusal``:

1. Safety first, on the words as said and as repaired: a request to weaken safety is refused
   whatever else holds (nothing learned or repaired can widen a limit; sizes are checked by the
   parser's fixed bounds).
2. The words are repaired (``speech_text.clean``: fillers, homophones, split/merged words,
   spelling slips, directions relative to the operator).
3. Context: "the other way" reverses the previous motion (an explicit direction wins); "a bit
   less", "not so far" after a motion back off by a small step, and "left, but not so far" is a
   small step left; "a bit more", "keep going" continue the previous motion.
4. Compounds ("left a bit, then up") become all their motions in order, or a question: never
   half of them.
5. Ambiguity becomes a question with the readings to choose from: a number without a unit
   ("left 5": "5 cm or 5 mm?"), several sizes ("left by 3 cm or by 8 cm?"), no direction.
6. Speech confidence: below ``ask_below`` the robot asks back what it heard instead of moving;
   a direction that only a homophone gave ("write" -> right) is asked back below
   ``homophone_ask_below`` ("did you say right?").

``conversation.Dialogue`` keeps the open question and reads the next utterance as its answer.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Protocol

from skillbridge.contract.language import ROTATIONS, TRANSLATIONS, LanguageMotion
from skillbridge.hierarchy.language.answers import (
    Answer,
    Motions,
    Question,
    Refusal,
    motions_of,
)
from skillbridge.hierarchy.language.parser import Parser, ParseResult, default_parser
from skillbridge.hierarchy.language.rules import analyse
from skillbridge.hierarchy.language.speech_text import OPERATOR_SIDES, Cleaned, clean
from skillbridge.hierarchy.language.spoken import check_heard, garbled_unsafe
from skillbridge.hierarchy.language.units import ANGLE_UNITS_RAD, LENGTH_UNITS_M, normalize

REVERSE = {"left": "right", "right": "left", "forward": "backward", "backward": "forward",
           "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
           "open": "close", "close": "open"}  # fmt: skip
OTHER_WAY = re.compile(
    r"\b(?:(?:no|nope|nah|wrong way)\W+)*(?:go |do )?(?:the )?(?:other|opposite|wrong|reverse) "
    r"(?:way|direction|side)\b|\breverse (?:that|it|this)\b|\bundo(?: that| it)?\b|"
    r"\b(?:go |do )?(?:the )?opposite\b(?! (?:of|side)\b)|"
    r"\b(?:flip|switch|swap) (?:the )?direction\b|\bnot (?:that|this) way\b"
)
NOT_SO_FAR = re.compile(
    r"\bnot (?:by )?(?:quite |so |that |as |too |very |all |terribly |overly )*"
    r"(?:far|much|a lot|a long way|(?:a )?(?:big|large|huge) (?:move|step|one|distance|amount))"
    r"\b(?! enough| further| farther| more)"
)
"""A negated distance: "not so far", "not very far", "not a lot", "not a big move" (not "not
far enough")."""
DONT_OVERDO = re.compile(
    r"\b(?:do not|don't|dont|never) (?:go|move|push|pull|slide|take it|bring it|shift it) "
    r"(?:too |so |that |very )?(?:far|much)\b"
)
"""A warning not to overdo a command: "don't go too far left" is a small step left."""
BACK_OFF = re.compile(r"\b(?:come|go|move|bring it|pull it) back\b|\bback off\b|\bback up\b")
"""After an overshoot, "back" returns along the previous motion ("too far, come back")."""
PURPOSE = re.compile(
    r",? so (?:that )?(?:you|it|we) (?:do not|don't|will not|won't|would not|does not|doesn't) .*$"
)
"""A purpose clause that only says what to avoid ("go left so you don't bump the cup")."""
LESS = re.compile(
    r"\b(?:but )?(?:a )?(?:bit |little |tad |touch )?less(?: far| than that| this time)?\b|"
    r"\bsome of (?:it|that|this)\b|"
    r"\bnot as (?:far|much)\b|\bease off\b|\b(?:a )?(?:smaller|shorter)\b|"
    r"\bhalf\b(?! (?:an? |of an? )?(?:cm|mm|centim|millim|inch|met|degree|rad|turn))"
)
"""After a motion, a smaller size: "a bit less", "half as far", "a smaller step", "ease off"
(not "half a centimeter", a size)."""
NOT_SO_HIGH = re.compile(r"\bnot (?:so|as|that|too) (high|low|deep)\b")
"""It went too high (or low): a small step back ("not so high" after going up)."""
_UNDO_HEIGHT = {"high": "down", "low": "up", "deep": "up"}
TOO_FAR = re.compile(
    r"\b(?:way |much |far )?too (?:far|much)\b|\b(?:overdid|overdone|overshot|overshoot)\b|"
    r"\b(?:went|gone|moved|got|are|were|is) (?:\w+ )?past\b"
)
"""An overshoot: after a motion with no direction named, a small step back along it."""
OVERSHOT = re.compile(r"\btoo (?:far|much|high|low)\b|\bpast\b|\bover(?:did|done|shot|shoot)\b")
"""An overshoot said with a direction: "too far to the left" after going left, "too high now"
after going up, "overdone, ease it back" after going forward: a small step back."""
SCALED = re.compile(
    r"\b(?:(?P<half>half)(?: (?:that|of that|of it|as (?:far|much)|the (?:distance|way)))?|"
    r"(?P<twice>twice|double) (?:as (?:far|much)|that|the (?:distance|way)))\b"
)
"""A size relative to the previous motion's: "half that" reverses by half of it, "the other
way and twice as far" by twice it (sizes still go through the parser's fixed bounds)."""
UNDECIDED = re.compile(
    r"\bi (?:do not|don't|dont) know\b|\bnot sure\b|\bno idea\b|\bi can(?:not|'t|t) decide\b|"
    r"\bwhichever\b|\beither way\b"
)
"""The speaker says they have not decided: ask ("left, no, right, no... I don't know")."""
TAKEN_BACK = re.compile(
    r"\w.*?(?:,|\.\.\.|\.|\s)\s*(?:(?:actually|wait|oh|hmm),? (?:no|nope)|never mind|"
    r"scratch that|forget (?:it|that)|cancel that)\s*[.!]*$"
)
"""A request the speaker takes back at its end ("back a bit... actually no"): ask."""
FIRST = re.compile(
    r"^(?:(?P<after>after|once|when)|(?P<before>before)) (?:you(?:'ve| have)?|it(?:'s| has)?) "
    r"(?P<clause>[^,.]+)[,.] (?P<rest>.+)$"
)
"""A compound that names its later part first: "after you close the gripper, raise it"."""
MORE = re.compile(
    r"^(?:(?:just |yeah |ok |okay )*(?:a )?(?:(?:little |tiny |wee )?bit |little |tad |touch |"
    r"smidge |hair )?(?:more|further|farther)|keep (?:it )?going|continue|again|same again|"
    r"(?:a )?(?:little |tiny )?bit more|more)(?: please)?$"
)
_NAMED = {
    "left": "left",
    "right": "right",
    "forward": "forward",
    "backward": "backward",
    "up": "up",
    "down": "down",
    "rotate_cw": "clockwise",
    "rotate_ccw": "counterclockwise",
}
"""The word that names each motion."""
_SMALL = re.compile(r"\b(?:bit|little|tad|touch|smidge|hair|tiny|slightly)\b")
_DIRECTION = re.compile(
    r"\b(?:(?:left|right|forward|backward|up|down)(?:s|wards?)?|back|higher|lower|clockwise|"
    r"counterclockwise|anticlockwise)\b"
)
_JOINERS = re.compile(
    r"\s*(?:[,;]\s*)?\b(?:and then|and after that|after that|and|then|followed by)\b\s*,?\s*|;\s*"
)
BREAK_WORDS = frozenset(("back", "go", "move", "come", "bring", "push", "pull", "shift", "slide",
                         "lower", "raise", "lift", "turn", "rotate", "now", "please", "no",
                         "wait", "actually", "sorry"))  # fmt: skip
"""Words before which a missing comma may belong ("overshot forward back off a little")."""


@dataclasses.dataclass(frozen=True)
class LanguageConfig:
    """How corrections are read in context (``skill_manager`` parameters of the same names)."""

    operator_side: str = "across"
    """Where the operator stands (``speech_text.OPERATOR_SIDES``): ``across`` the table facing
    the robot (default: "toward me" is forward, "my left" the robot's right), ``behind`` (at the
    base), ``left`` or ``right`` of the robot."""
    ask_below: float = 0.5
    """Speech confidence below which the robot asks back what it heard instead of moving
    (chosen on the development transcripts, ``tests/data/language_dev_asr.jsonl``)."""
    homophone_ask_below: float = 0.8
    """A direction that a homophone gave ("write" -> right) is asked back below this."""
    plain_ask_below: float = 0.25
    """A plain transcript (``spoken.plain_transcript``: short, one clause, nothing repaired,
    every word a correction word) is taken as heard down to this confidence: whisper is unsure
    of short clear sentences. On the 719 development transcripts (``language_dev_asr*``, batch
    6 included) needless questions fell from 7.4 % (rule off, 0.5) to 4.7 % at 0.25 (4.6 % at
    0.2); wrong motions 1.9 -> 2.1 % (one row: "I can't wait for me" read as stop), 2.2 % at
    0.15. 0.25 keeps a margin."""
    unclear_ask_below: float = 1.0
    """A transcript with a word that belongs to no correction ("forward enough fat",
    ``spoken.unclear_words``) is asked back below this confidence: 1 = any spoken text (on the
    development transcripts 0.8, 0.9 and 1 scored alike: wrong motions 4.0 -> 1.2 %, no more
    needless questions)."""

    def __post_init__(self) -> None:
        if self.operator_side not in OPERATOR_SIDES:
            raise ValueError(
                f"operator_side {self.operator_side!r} is unknown; valid: {list(OPERATOR_SIDES)}"
            )


def _unsafe(answer: Answer) -> bool:
    return isinstance(answer, Refusal) and answer.kind == "unsafe"


def reverse(motion: LanguageMotion, magnitude: str | None = None) -> LanguageMotion | None:
    """The same motion the other way (same size, or ``magnitude`` when given); None for stop."""
    if motion.motion not in REVERSE:
        return None
    if magnitude is not None and magnitude != "explicit":
        return LanguageMotion.of(REVERSE[motion.motion], magnitude)
    return dataclasses.replace(motion, motion=REVERSE[motion.motion])


class Reads(Protocol):
    """What reading in context needs of a parser: one text at a time."""

    def parse(self, text: str) -> ParseResult: ...


class _Once:
    """The parser, each distinct text parsed once per correction (the raw and the repaired text
    are often the same; the steps below re-read parts)."""

    def __init__(self, parser: Parser) -> None:
        self._parser = parser
        self._seen: dict[str, ParseResult] = {}

    def parse(self, text: str) -> ParseResult:
        if text not in self._seen:
            self._seen[text] = self._parser.parse(text)
        return self._seen[text]


def interpret(
    text: str,
    previous: LanguageMotion | None = None,
    confidence: float = 1.0,
    config: LanguageConfig = LanguageConfig(),
    parser: Parser | None = None,
) -> Answer:
    """One correction in context (see the module docstring)."""
    reads = _Once(parser or default_parser())
    said = reads.parse(text)
    if _unsafe(said):
        return said
    cleaned = clean(text, config.operator_side)
    answer = understand(cleaned.text, previous, reads)
    if _unsafe(answer):
        return answer
    if (refusal := garbled_unsafe(text, answer, confidence, config)) is not None:
        return refusal
    if isinstance(answer, Question):
        return answer
    if motions_of(answer) is None and cleaned.changed("unsure"):
        return _which_word(cleaned, previous, reads) or answer

    def reread(said: str) -> Answer:
        return understand(clean(said, config.operator_side).text, previous, reads)

    return check_heard(answer, text, cleaned, confidence, config, reread)


def _which_word(cleaned: Cleaned, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """A slip two vocabulary words are equally near ("lft": left or lift): ask which."""
    slip = cleaned.changed("unsure")[0]
    words = slip.after.split("|")
    options, named = [], []
    for word in words:
        reading = understand(re.sub(rf"\b{slip.before}\b", word, cleaned.text), previous, parser)
        if isinstance(reading, (LanguageMotion, Motions)):
            options.append(reading)
            named.append(word)
    if not options:
        return None
    return Question(f"did you mean {' or '.join(named)}?", tuple(options), heard=cleaned.text)


def understand(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer:
    """Repaired text -> answer, with the previous motion as context."""
    whole = parser.parse(text)
    if _unsafe(whole):
        return whole
    if UNDECIDED.search(text) or TAKEN_BACK.fullmatch(text):
        return Question("which way? You said you were not sure: say the motion", heard=text)
    for step in (_other_way, _overshoot, _less, _more, _compound):
        answer = step(text, previous, parser)
        if answer is not None:
            return answer
    purpose = PURPOSE.search(text)
    if purpose and motions_of(whole) is None:
        aim = parser.parse(text[: purpose.start()])
        if motions_of(aim) is not None:
            return aim
    if motions_of(whole) is None and (comma := _missing_comma(text, parser)) is not None:
        return comma
    return _ask_if_ambiguous(text, whole, parser)


def _missing_comma(text: str, parser: Reads) -> Answer | None:
    """Speech has no punctuation: a clause break before one of ``BREAK_WORDS`` that makes
    the text one motion, when exactly one such break does."""
    words = text.rstrip(" .!?").split()
    if len(words) < 3 or any(p in text for p in ",;:"):
        return None
    found = {}
    for i in range(2, len(words)):
        if words[i] in BREAK_WORDS:
            answer = parser.parse(" ".join(words[:i]) + ", " + " ".join(words[i:]))
            if isinstance(answer, LanguageMotion):
                found[answer.to_json()] = answer
    return next(iter(found.values())) if len(found) == 1 else None


def _other_way(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    match = OTHER_WAY.search(text)
    if match is None:
        return None
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.!")
    if previous is not None and previous.motion not in ("forward", "backward"):
        rest = re.sub(r"\bback\b", " ", rest)  # "swing it back the other way": return
    if _DIRECTION.search(rest):
        explicit = parser.parse(rest)
        if motions_of(explicit) is not None:
            return explicit
    turned = reverse(previous) if previous is not None else None
    if previous is None or turned is None:
        return Question("which way? I do not know which motion to reverse: say the direction")
    cues = analyse(normalize(rest)) if rest.strip(" ,.!") else None
    if cues is not None and cues.sizes and turned.motion in _NAMED:  # "the other way by 2 cm"
        sized = parser.parse(f"{_NAMED[turned.motion]} {rest}")
        if isinstance(sized, LanguageMotion) and sized.motion == turned.motion:
            return sized
    if LESS.search(rest):  # "the other way, but less"
        return reverse(previous, "small")
    scaled = SCALED.search(rest)  # "the other way, and twice as far"
    twice = _scaled(previous, 2.0, parser) if scaled and scaled.group("twice") else None
    return twice or (reverse(previous, cues.magnitude) if cues and cues.magnitude else turned)


def _scaled(previous: LanguageMotion, factor: float, parser: Reads) -> Answer | None:
    """The previous motion reversed, its size times ``factor``, read by the parser (so the
    parser's fixed bounds apply); None when the previous motion has no size."""
    turned = REVERSE.get(previous.motion)
    if turned not in _NAMED:
        return None
    if previous.angle_rad is not None:
        size = f"{math.degrees(previous.angle_rad) * factor:.3g} degrees"
    elif previous.distance_m is not None:
        size = f"{previous.distance_m * 100 * factor:.3g} cm"
    else:
        return None
    return parser.parse(f"{_NAMED[turned]} {size}")


def _half_back(previous: LanguageMotion, parser: Reads) -> Answer | None:
    """ "Half that" after a motion: back by half its size, or a small step back ("less"); the
    development sets' writers read it both ways, so the robot asks which."""
    half, small = _scaled(previous, 0.5, parser), reverse(previous, "small")
    if not isinstance(half, LanguageMotion) or small is None or half == small:
        return small
    return Question(f"{half.describe()} (half of it) or {small.describe()}?", (half, small))


def _corrected_size(text: str, previous: LanguageMotion) -> str | None:
    """ "I said 2, not 4" / "not 5, 3 cm" after a motion of that old size: the words of the
    motion that ends at the new size (the difference, along or against the previous motion), or
    None. The old size is the negated number, or the previous size after "I said/meant"; a
    number without a unit takes the unit that makes the old one the previous size."""
    words = normalize(text).replace(",", " ").split()
    said = re.search(r"\bi (?:said|meant)\b", " ".join(words))
    numbers = [(i, float(w)) for i, w in enumerate(words) if re.fullmatch(r"\d+(?:\.\d+)?", w)]
    old = [v for i, v in numbers if i > 0 and words[i - 1] == "not"]
    new = [v for i, v in numbers if i == 0 or words[i - 1] != "not"]
    if len(new) != 1 or len(old) > 1 or not (old or said) or _DIRECTION.search(" ".join(words)):
        return None
    angle = previous.angle_rad is not None
    done = previous.angle_rad if angle else previous.distance_m
    units = ANGLE_UNITS_RAD if angle else LENGTH_UNITS_M
    said_units = [units[w] for w in words if w in units]
    defaults = ("degrees",) if angle else ("cm", "mm")
    for scale in said_units[:1] or [units[u] for u in defaults]:
        if done and (not old or math.isclose(old[0] * scale, done, rel_tol=0.02)):
            change = new[0] * scale - done
            motion = previous.motion if change > 0 else REVERSE[previous.motion]
            size = (
                f"{math.degrees(abs(change)):.3g} degrees"
                if angle
                else f"{abs(change) * 100:.3g} cm"
            )
            return f"{_NAMED[motion]} {size}" if change and motion in _NAMED else None
    return None


def _overshoot(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """After a motion: "half that" is asked (``_half_back``); "overshot by a centimetre" by the
    size said; "too far to the left" after going left, "too high" after going up, "overdone,
    ease it back" after going forward are a small step back (the parser alone reads these
    descriptions with a normal size)."""
    if previous is None or previous.motion not in REVERSE:
        return None
    if (corrected := _corrected_size(text, previous)) is not None:
        return parser.parse(corrected)
    if _DIRECTION.search(text) is None:
        scaled = SCALED.search(text)
        if scaled and scaled.group("half"):
            return _half_back(previous, parser)
        sizes = analyse(normalize(text)).sizes
        if TOO_FAR.search(text) and len(sizes) == 1 and REVERSE[previous.motion] in _NAMED:
            return parser.parse(f"{_NAMED[REVERSE[previous.motion]]} {sizes[0].text}")
    if OVERSHOT.search(text) and not analyse(normalize(text)).sizes:
        said = motions_of(parser.parse(text))
        if said and len(said) == 1 and said[0].motion == REVERSE[previous.motion]:
            return reverse(previous, "small")
    return None


def _less(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """ "not so far left" (it went too far left), "left but less" (a small step left), and "a bit
    less" / "too far" with no direction (back off the previous motion by a small step)."""
    if (height := NOT_SO_HIGH.search(text)) and not _DIRECTION.search(text):
        return LanguageMotion.of(_UNDO_HEIGHT[height.group(1)], "small")
    negated, less, too_far = NOT_SO_FAR.search(text), LESS.search(text), TOO_FAR.search(text)
    match = negated or less or too_far
    if match is None:
        return None
    named = text
    if previous is not None and previous.motion not in ("forward", "backward"):
        named = BACK_OFF.sub(" ", text)  # "too far, come back": back along the last motion
    directions = [(m.start(), m.group(0)) for m in _DIRECTION.finditer(named)]
    if directions and (step := _named_step(text, named, match, too_far, negated, directions)):
        motions = motions_of(parser.parse(f"{step[0]} a bit"))
        if not motions:
            return None
        return reverse(motions[0], "small") if step[1] else motions[0]
    short = len(re.findall(r"[a-z]+", named)) <= 8
    if previous is not None and not directions and short:  # "way too much", "a bit less"
        return reverse(previous, "small")
    return None  # "you lifted too much": a description the parser reads


def _named_step(
    text: str,
    named: str,
    match: re.Match[str],
    too_far: re.Match[str] | None,
    negated: re.Match[str] | None,
    directions: list[tuple[int, str]],
) -> tuple[str, bool] | None:
    """The direction word a smaller size names a small step in, and whether that step undoes it
    (``True``: "not so far left" = it went too far left); None when no direction is meant."""
    if DONT_OVERDO.search(text) and len({d for _, d in directions}) == 1:
        return directions[0][1], False  # "don't go too far left"
    if match is too_far:
        return None
    first = directions[0]
    if match.group(0).strip().startswith("half") and first[0] > match.start():
        return first[1], False  # "half as far to the left"
    if negated and "," in named[match.end() : first[0]]:
        return first[1], False  # "not far, just a bit right"
    before = [d for pos, d in directions if pos < match.start()]
    if before:
        return before[-1], False  # "left, but not so far"
    return (first[1], True) if negated else None  # "not so far left": it went too far left


def _more(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    plain = " ".join(re.sub(r"[^a-z ]+", " ", text).split())
    if not MORE.match(plain):
        return None
    if previous is None:  # "keep going" with nothing going
        return Question("keep going which way? I do not know the last motion: say the direction")
    if previous.motion not in REVERSE:
        return None
    if _SMALL.search(plain):
        return LanguageMotion.of(previous.motion, "small") if previous.magnitude else previous
    return previous


def _compound(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    if first := FIRST.match(text):  # "after you close it, raise it": close, then raise
        order = (
            (first["clause"], first["rest"])
            if first["after"]
            else (first["rest"], first["clause"])
        )
        text = f"{order[0]}, then {order[1]}"
    parts = [p.strip(" ,.") for p in _JOINERS.split(text) if p and p.strip(" ,.")]
    if len(parts) < 2:
        return None
    answers = [understand(p, previous, parser) for p in parts]
    if any(_unsafe(a) for a in answers):
        return next(a for a in answers if _unsafe(a))
    found = [motions_of(a) for a in answers]
    if all(f is None for f in found):
        return None
    if any(f is None for f in found):
        return _partly_understood(text, parts, found, parser)
    motions = tuple(m for f in found if f for m in f)
    for a, b in zip(motions, motions[1:], strict=False):
        if REVERSE.get(a.motion) == b.motion:
            return Question(f"{a.describe()} and then {b.describe()} cancel out: which one?",
                            (a, b), heard=text)  # fmt: skip
    return motions[0] if len(motions) == 1 else Motions(motions)


def _partly_understood(text: str, parts: list[str], found: list, parser: Reads) -> Answer:
    """Some parts of a compound are motions, some not: the whole, or a question; never half."""
    whole = parser.parse(text)
    if motions_of(whole) is not None:
        return whole  # "stay inside the limits and go right a bit"
    understood = Motions(tuple(m for f in found if f for m in f))
    missed_parts = [p for p, f in zip(parts, found, strict=True) if f is None]
    if all(_only_care(p) for p in missed_parts):  # "keep clear of the box and go left"
        return understood.motions[0] if len(understood.motions) == 1 else understood
    missed = missed_parts[0]
    return Question(f"did you mean {understood.describe()}? I did not understand {missed!r}",
                    (understood,), heard=text)  # fmt: skip


def _only_care(part: str) -> bool:
    """A clause that asks only for care or to keep clear ("keep clear of the box", "stay within
    the limits"): no direction, size or unsafe words of its own."""
    cues = analyse(normalize(part))
    named = cues.directions or cues.sizes or cues.unitless or cues.unsafe
    return cues.keeps_safety and not named


def _ask_if_ambiguous(text: str, whole: Answer, parser: Reads) -> Answer:
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
