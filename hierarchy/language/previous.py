"""Corrections read against the motion that ran before: "the other way", "not so far", "a bit
less", "too far to the left", "half that", "I said 2, not 4", "a bit more", "keep going".

Each reader takes the repaired text, the previous motion and a parser, and returns an answer, or
None when the text is not of its kind (``dialogue.understand`` tries them in order). Sizes
always go through the parser's fixed bounds ("the other way, twice as far" after 8 cm is refused
as too large): nothing here widens a limit.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Protocol

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Question, motions_of
from skillbridge.hierarchy.language.parser import ParseResult
from skillbridge.hierarchy.language.rules import analyse
from skillbridge.hierarchy.language.units import ANGLE_UNITS_RAD, LENGTH_UNITS_M, normalize

REVERSE = {"left": "right", "right": "left", "forward": "backward", "backward": "forward",
           "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
           "open": "close", "close": "open"}  # fmt: skip
OTHER_WAY = re.compile(
    r"\b(?:(?:no|nope|nah|wrong way)\W+)*(?:go |do )?(?:the )?(?:other|opposite|wrong|reverse) "
    r"(?:way|direction|side)\b|\breverse (?:that|it|this)\b|\bundo(?: that| it)?\b|"
    r"\b(?:reverse|undo) (?:the |your )?(?:last|previous) (?:move|motion|step|one|correction)\b|"
    r"\b(?:go |do )?(?:the )?opposite\b(?! (?:of|side)\b)|"
    r"\b(?:do )?(?:the )?opposite of (?:that|it|this|what you (?:did|just did))\b|"
    r"\b(?:do |now |go )?the reverse\b(?! (?:of (?!(?:that|it|this)\b)|side)\b)|"
    r"\b(?:flip|switch|swap|change|reverse) (?:the |your )?directions?\b|"
    r"\b(?:backwards?|reversed?|opposite) (?:from|to|of) what (?:you|it) (?:just )?did\b|"
    r"\bnot (?:that|this) way\b|"
    r"\b(?:back )?the way (?:you|it|we) came\b|"
    r"\bback (?:to )?where (?:you|it|we) (?:were|was|started|came from)\b"
)
"""Reverse the previous motion: "the other way", "undo that", "go back the way you came", "the
reverse", "the opposite of that"."""
IN_REVERSE = re.compile(r"\bin reverse\b|^reverse(?= ?[,.!]|$)")
"""After a motion, "in reverse" or an opening "reverse," reverses it ("in reverse, same distance",
"reverse, 5 mm"); with none before it is the driver's "backward" ("go in reverse a bit")."""
NOT_SO_FAR = re.compile(
    r"\bnot (?:by )?(?:quite |so |that |as |too |very |all |terribly |overly )*"
    r"(?:far|much|a lot|a long way|all the way|"
    r"(?:a )?(?:big|large|huge) (?:move|step|one|distance|amount))"
    r"\b(?! enough| further| farther| more)"
)
"""A negated distance: "not so far", "not very far", "not a lot", "not a big move" (not "not
far enough")."""
DONT_OVERDO = re.compile(
    r"\b(?:do not|don't|dont|never) (?:go|move|push|pull|slide|take|bring|shift|nudge)"
    r"(?: it| that| this| the \w+)? "
    r"(?:too |so |that |very )?(?:far|much)\b"
)
"""A warning not to overdo a command: "don't go too far left" is a small step left."""
BACK_OFF = re.compile(r"\b(?:come|go|move|bring it|pull it) back\b|\bback off\b|\bback up\b")
"""After an overshoot, "back" returns along the previous motion ("too far, come back")."""
SCALE_BACK = re.compile(r"\b(?:dial|scale|wind) (?:it |that |this )?back\b")
"""Idioms for "less" whose "back" names no direction: "scale it back a little"."""
_NOT_A_UNIT = r"(?! (?:an? |of an? )?(?:cm|mm|centim|millim|inch|met|degree|rad|turn))"
"""After "half": not "half a centimeter", a size."""
LESS = re.compile(
    SCALE_BACK.pattern + r"|"
    r"\b(?:but )?(?:a )?(?:bit |little |tad |touch )?less(?: far| than that| this time)?\b|"
    r"\bsome of (?:it|that|this)\b|"
    r"\bnot as (?:far|much)\b|\bease off\b|\b(?:a )?(?:smaller|shorter)\b|"
    r"(?<!\band a )\bhalf\b" + _NOT_A_UNIT + r"(?! (?:the )?(?:speed|pace|power|throttle|"
    r"velocity))"
)
"""After a motion, a smaller size: "a bit less", "half as far", "a smaller step", "ease off"
(not "half a centimeter", a size, nor "half speed", a speed,
nor "an inch and a half")."""
NOT_SO_HIGH = re.compile(r"\bnot (?:so|as|that|too) (high|low|deep)\b")
"""It went too high (or low): a small step back ("not so high" after going up)."""
_UNDO_HEIGHT = {"high": "down", "low": "up", "deep": "up"}
TOO_FAR = re.compile(
    r"\b(?:way |much |far )?too (?:far|much)\b|\b(?:overdid|overdone|overshot|overshoot)\b|"
    r"\b(?:went|gone|moved|got|are|were|is) (?:\w+ )?past\b|\bovershoots\b|"
    r"\b(?:more|further|farther) than (?:i|we) (?:wanted|needed|asked for|meant|said)\b"
)
"""An overshoot: after a motion with no direction named, a small step back along it."""
BARE_OVERSHOOT = re.compile(
    r"(?:(?:that(?:'s| is| was)|it(?:'s| is| was)|you(?:'re| are)|oh|no|way|much|far|now|"
    r"(?:that|it|you) (?:went|moved|has gone|have gone|had gone)),? )*"
    r"too (?:far|much)(?: now)?(?:,? (?:i think|i guess|i reckon|i'd say|mate|again))?"
)
"""Only "too much" / "that's too far": with no previous motion it names no direction (ask);
"you went past it" or "too far left" are descriptions the parser reads."""
OVERSHOT = re.compile(r"\btoo (?:far|much|high|low)\b|\bpast\b|\bover(?:did|done|shot|shoot)\b")
"""An overshoot said with a direction: "too far to the left" after going left, "too high now"
after going up, "overdone, ease it back" after going forward: a small step back."""
SCALED = re.compile(
    r"\b(?:(?<!\band a )(?P<half>half)"
    + _NOT_A_UNIT
    + r"(?: (?:that|of that|of it|as (?:far|much)|the (?:distance|way)))?|"
    r"(?P<twice>twice|double) (?:as (?:far|much)|that|the (?:distance|way)))\b"
)
"""A size relative to the previous motion's: "half that" reverses by half of it, "the other
way and twice as far" by twice it (sizes still go through the parser's fixed bounds)."""
_SAME_SIZE = r"(?:(?:the )?same (?:amount|size|distance|angle|again)|as before|like before)"
MORE = re.compile(
    r"^(?:(?:just |yeah |ok |okay )*(?:a )?(?:(?:little |tiny |wee )?bit |little |tad |touch |"
    r"smidge |hair |pinch |some )?(?:more|further|farther|extra)(?: than (?:that|before|last "
    r"time)| of (?:that|it|the same))?|"
    r"keep (?:it )?going|continue|again|same again|"
    r"(?:do )?(?:that|it|the same) (?:again|once more|one more time)|one more time|once more|"
    r"repeat (?:that|it|the last (?:one|move|motion|step)|that last (?:one|move|motion|step))"
    r"(?: again)?|(?:a )?(?:little |tiny )?bit more|more)"
    rf"(?: {_SAME_SIZE})?(?: please)?$"
)
"""Continue or repeat the previous motion: "a bit more", "keep going", "do that again", "a
little extra", "more of that", "repeat the last one", "again, the same amount"."""
MUCH_MORE = re.compile(
    r"^(?:(?:just |yeah |ok |okay )*)(?:much|way|a lot|lots|a whole lot|a good bit|loads|far) "
    r"(?:more|further|farther)(?: than (?:that|before|last time))?(?: please)?$"
)
"""Continue the previous motion by a large step: "much more", "a lot further"."""
SAME_BUT = re.compile(
    r"^(?:(?:just |yeah |ok |okay |now )*)(?:(?:do )?(?:the )?same(?: again| direction| way| "
    r"thing| move| motion)?|once more|one more time|again|repeat(?: that| it)?)"
    r"(?: please)?,? (?:(?:but|only) )?(?:a )?(?:(?:bit|little|lot|touch|tad|heaps|loads|lots|"
    r"much|way|whole lot) )?"
    r"(?:(?P<small>smaller|shorter|less)|(?P<large>bigger|larger|longer|further|farther|more))"
    r"(?: this time)?(?: please)?$"
)
"""The previous direction again at another size: "same but smaller", "same again but bigger",
"once more, smaller this time"."""
MORE_BY = re.compile(r"\b(?:more|further|farther|another|again|extra|additional)\b")
NOT_MORE = re.compile(r"\b(?:than|not|no|never|less)\b")
"""Words that make "2 cm more" a limit or a comparison, not a request to continue."""
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
_SMALL = re.compile(r"\b(?:bit|little|tad|touch|smidge|hair|tiny|slightly|pinch)\b")
_DIRECTION = re.compile(
    r"\b(?:(?:left|right|forward|backward|up|down)(?:s|wards?)?|back|higher|lower|clockwise|"
    r"counterclockwise|anticlockwise)\b"
)


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


def other_way(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    match = OTHER_WAY.search(text) or (IN_REVERSE.search(text) if previous else None)
    if match is None:
        return None
    # every mention goes: "wrong way, 1 cm the other way", "in reverse, the other way"
    rest = IN_REVERSE.sub(" ", OTHER_WAY.sub(" ", text)).strip(" ,.!")
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
    if LESS.search(rest):  # "the other way, but less"; "undo half of that" is asked
        half = SCALED.search(rest)
        return (
            _half_back(previous, parser) if half and half["half"] else reverse(previous, "small")
        )
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


def overshoot(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
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


def less(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """ "not so far left" (it went too far left), "left but less" (a small step left), and "a bit
    less" / "too far" with no direction (back off the previous motion by a small step)."""
    if (height := NOT_SO_HIGH.search(text)) and not _DIRECTION.search(text):
        return LanguageMotion.of(_UNDO_HEIGHT[height.group(1)], "small")
    negated, less, too_far = NOT_SO_FAR.search(text), LESS.search(text), TOO_FAR.search(text)
    overdo = DONT_OVERDO.search(text) if _DIRECTION.search(text) else None  # "... much, left"
    match = negated or less or too_far or overdo
    if match is None:
        return None
    named = SCALE_BACK.sub(" ", text)
    sideways = previous is not None and previous.motion not in ("forward", "backward")
    if sideways or (previous is not None and too_far):
        # "too far, come back": back along the last motion, also after going backward (going
        # further back would not undo an overshoot)
        named = BACK_OFF.sub(" ", named)
    if sideways:
        named = re.sub(r"\bback\b", " ", named)  # "less, 1 cm back" after left: right 1 cm
    directions = [(m.start(), m.group(0)) for m in _DIRECTION.finditer(named)]
    if directions and (step := _named_step(text, named, match, too_far, negated, directions)):
        return _sized_own_clause(text, negated, parser) or _small_step(*step, parser)
    short = len(re.findall(r"[a-z]+", named)) <= 8
    if previous is not None and not directions and short:  # "way too much", "a bit less"
        return _back_off(named, previous, parser)
    if previous is None and not directions:
        return _nothing_before(text, overshoot=match is too_far, short=short)
    return None


def _sized_own_clause(text: str, negated: re.Match[str] | None, parser: Reads) -> Answer | None:
    """ "not much, just one centimetre down": the negation is a clause of its own, and the size
    said in the next one is the size meant (not a small step)."""
    if negated is None:
        return None
    head, comma, clause = text[negated.end() :].partition(",")
    if not comma or head.strip() or not analyse(normalize(clause)).sizes:
        return None
    said = parser.parse(clause)
    return said if isinstance(said, LanguageMotion) else None


def _small_step(direction: str, undo: bool, parser: Reads) -> Answer | None:
    """A small step along the direction word (against it when ``undo``)."""
    motions = motions_of(parser.parse(f"{direction} a bit"))
    if not motions:
        return None
    return reverse(motions[0], "small") if undo else motions[0]


def _nothing_before(text: str, *, overshoot: bool, short: bool) -> Question | None:
    """ "Too much" or "not that far next time" with no previous motion: asked (it names no
    direction); "you lifted too much" is a description: parsed."""
    if overshoot and BARE_OVERSHOOT.fullmatch(text.strip(" .!")) is not None:
        return Question("too far which way? I do not know the last motion: say the direction")
    if not overshoot and short:
        return Question("less than what? I do not know the last motion: say the direction")
    return None


def _back_off(named: str, previous: LanguageMotion, parser: Reads) -> Answer | None:
    """A small step back along the previous motion, or the one size said ("less, 1 cm")."""
    kind = "angle" if previous.angle_rad is not None else "length"
    sizes = [s for s in analyse(normalize(named)).sizes
             if s.kind == kind and not s.text.endswith(("turn", "turns"))]  # fmt: skip
    if len(sizes) == 1 and REVERSE.get(previous.motion) in _NAMED:  # not "less of a turn"
        return parser.parse(f"{_NAMED[REVERSE[previous.motion]]} {sizes[0].text}")
    return reverse(previous, "small")


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
    if negated and re.search(r"[,:;]", named[match.end() : first[0]]):
        return first[1], False  # "not far, just a bit right"
    before = [d for pos, d in directions if pos < match.start()]
    if before:
        return before[-1], False  # "left, but not so far"
    return (first[1], True) if negated else None  # "not so far left": it went too far left


def _letters(text: str) -> str:
    """Lower-case ``text`` as words of letters and single spaces ("same, but smaller!" -> "same
    but smaller"): what ``SAME_BUT``, ``MORE`` and ``MUCH_MORE`` match."""
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def same_but(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """ "same but smaller" / "same again but bigger": the previous direction, small or large."""
    plain = _letters(text)
    if (same := SAME_BUT.match(plain)) is None or previous is None:
        return None
    if previous.motion not in _NAMED:
        return None
    return LanguageMotion.of(previous.motion, "small" if same["small"] else "large")


def more(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    plain = _letters(text)
    if MUCH_MORE.match(plain) and previous is not None and previous.motion in _NAMED:
        return LanguageMotion.of(previous.motion, "large")
    if not MORE.match(plain):
        return _more_by(text, previous, parser)
    if previous is None:  # "keep going" with nothing going
        return Question("keep going which way? I do not know the last motion: say the direction")
    if previous.motion not in REVERSE:
        return None
    if _SMALL.search(plain):
        return LanguageMotion.of(previous.motion, "small") if previous.magnitude else previous
    return previous


def _more_by(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """ "2 cm more", "another centimeter", "one more degree" after a motion: that size again
    along it (no direction named, no "than" or negation: "no more than 2 cm" is a limit)."""
    words = normalize(text)
    if previous is None or previous.motion not in _NAMED or _DIRECTION.search(words):
        return None
    said = text.lower()  # before "another" became a number
    if not MORE_BY.search(said) or NOT_MORE.search(said) or len(words.split()) > 7:
        return None
    kind = "angle" if previous.angle_rad is not None else "length"
    cues = analyse(words)
    if cues.unitless or [s.kind for s in cues.sizes] != [kind]:
        return None
    return parser.parse(f"{_NAMED[previous.motion]} {cues.sizes[0].text}")
