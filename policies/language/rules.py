"""Word rules of the correction parser: directions, relative forms, magnitudes, safety keywords.

Sentence embeddings place "move a bit to the left" nearer to "move right a bit" than to "shift
left slightly", so direction, magnitude and safety are read from the words here, never from the
embedding. ``analyse`` returns ``Cues``: everything the words say, for ``parser`` to combine with
the intent classifier. The text must already be ``units.normalize``-d.

Relative forms invert a direction ("you're too far left", "overshot forward", "a bit less to the
right", "you're left of it"); negation drops it ("not left, right"); a self-correction keeps the
last one ("left, no, right").
"""

from __future__ import annotations

import dataclasses
import re

from skillbridge.policies.language.units import PUNCTUATION, Size, read_sizes

OPPOSITE = {
    "left": "right", "right": "left", "forward": "backward", "backward": "forward",
    "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
}  # fmt: skip
_B = r"\b"
# (pattern, label) in priority order; each match blanks its words for the later patterns.
# Labels: a motion of the vocabulary, "rotate" (verb), a cue (tilt, speed, pickup, goto,
# other_way), or "" (words that only look like cues: "right now", "close to").
WORD_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\b(all right|alright|that is right|you are right)\b", ""),
    (r"\bright (now|away|there|here|then|on|after|where|at|above|below|next to)\b", ""),
    (r"\b(up to|what is up|(i|we|they|have|has|had|nothing|anything|is there) left)\b", ""),
    (r"\b(get|getting|come|go|move|too|so|very|really|pretty|quite|is|are|be|stay) close\b", ""),
    (r"\bclose (to|by|enough|in on)\b", ""),
    (
        r"\b(speed|hurry|sped) up\b|\bslow (it )?down\b|\b(slower|faster|quicker|slowly|quickly)\b",
        "speed",
    ),
    (r"\bpick (it |that |this |them |the \w+ )?up\b", "pickup"),
    (r"\bhold (on to|onto)\b", "close"),
    (r"\b(hold|hang|wait) (on|up)\b|\b(shut|calm|settle) (it )?down\b", "stop"),
    (
        r"\b(the )?(other|opposite|wrong|reverse) (way|direction|side)\b|\breverse (that|it|this)\b"
        r"|\bundo\b|\bgo back to where\b|\bas (you were|before)\b",
        "other_way",
    ),
    (
        r"\bback (to|into) (the |your |its )?(start|home|beginning|original|initial|previous|last|"
        r"old|position|rest|default|ready|center|centre)\w*\b|\b(go|return|move) home\b|\breturn\b"
        r"|\breset\b|\bhome position\b",
        "goto",
    ),
    (
        r"\b(toward|towards|closer to|nearer to|nearer) (me|you|yourself|the base|the robot|"
        r"your base|your body)\b|\bback up\b",
        "backward",
    ),
    (
        r"\baway from (me|you|yourself|the base|the robot|your base|your body)\b"
        r"|\b(further|farther) (out|away)\b|(?<!watch )(?<!look )\bout\b(?! of)|\bextend\b",
        "forward",
    ),
    (r"\b(counterclockwise|anticlockwise|ccw)\b", "rotate_ccw"),
    (r"\b(clockwise|cw)\b", "rotate_cw"),
    (
        r"\b(tilt|roll|pitch|flip|lean|incline|bend)\w*\b|\bpoint (it |the \w+ )?(up|down)\b",
        "tilt",
    ),
    (r"\b(rotat|turn|twist|spin|yaw|swivel|pivot|revolv|screw)\w*\b", "rotate"),
    (
        r"\b(open\w*|release\w*|unclench\w*|ungrip|unclamp|ungrasp|loosen\w*)\b"
        r"|\blet (it |that |this |them |the \w+ )?(go|loose)\b"
        r"|\bdrop (it|that|this|them|the \w+)\b(?! (down|lower|by|a bit|a little|slightly))",
        "open",
    ),
    (
        r"\b(close|closing|shut|grab\w*|grasp\w*|grip|gripping|clamp\w*|pinch\w*|squeez\w*|"
        r"clench\w*|seize|catch)\b",
        "close",
    ),
    (
        r"\b(stop\w*|halt\w*|freeze|frozen|pause|wait|cease|abort|whoa|woah|estop|emergency)\b"
        r"|(^|[,.;!?] )enough\b|\bthat is enough\b|\bhold (it|still|there|position)\b"
        r"|\bstay (there|still|put|here)\b"
        r"|\b(not|never) move\b|\b(stand|keep|be) still\b",
        "stop",
    ),
    (r"\b(back|backward|rearward|reverse|retract|withdraw)\b|\bto the rear\b", "backward"),
    (r"\b(forward|ahead|onward)\b|\bto the front\b", "forward"),
    (r"\bleft\b", "left"),
    (r"\bright\b", "right"),
    (r"\b(up|higher|high|upper|raise\w*|lift\w*|elevat\w*|rise|rising|ascend\w*)\b", "up"),
    (r"\b(down|lower\w*|low|descend\w*|drop\w*|sink|dip)\b", "down"),
)
MAGNITUDE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"\b(too|so|how|as|not) (far|much)\b|\bfar enough\b|\b(which|this|that|same|no|any|by the|"
        r"on the|other|wrong|opposite) way\b|\bless\b",
        "",
    ),
    (r"\b(quite|a good|a fair|a big|a large) (bit|lot|way|deal|amount|chunk|distance)\b", "large"),
    (
        r"\b(a )?(little|tiny|wee|teeny|slight)( bit)?\b|\ba (bit|tad|touch|smidge\w*|hair|fraction|"
        r"notch|nudge)\b|\b(slightly|barely|marginally|gently|nudge\w*|inch|bit|tad|small|smaller|"
        r"minor|minimal\w*|subtle|subtly|fine|finely|delicately|softly)\b",
        "small",
    ),
    (
        r"\b(a lot|lots|much|way|far|a long way|significantly|considerably|substantially|big|bigger|"
        r"large|larger|huge|massive\w*|plenty|a ton|tons|loads|heaps|all the way|major|greatly|"
        r"dramatically|really far|big time)\b",
        "large",
    ),
    (r"\b(normal|medium|moderate\w*|regular|average|standard|some|somewhat)\b", "normal"),
)
_SAFETY = (
    r"(safety|safeties|safe mode|safeguards?|limits?|limiters?|limitations?|bounds?|boundar\w+|"
    r"constraints?|estop|emergency (stop|button|brake)|kill switch|stop button|collisions?|"
    r"collision \w+|avoidance|guards?|guardrails?|fences?|interlocks?|protective stop|"
    r"protections?|watchdog|brakes?|checks|checking|monitor\w*|sensors?|light curtain|workspace|"
    r"restrictions?|rules|warnings?|alarms?)"
)
_SAFETY_STRICT = _SAFETY.replace("collisions?|", "").replace("warnings?|", "")
UNSAFE_PATTERNS: tuple[str, ...] = (
    r"\b(disabl\w*|turn\w* off|switch\w* off|shut\w* off|deactivat\w*|ignor\w*|overrid\w*|"
    r"overrode|bypass\w*|skip\w*|remov\w*|releas\w*|suppress\w*|circumvent\w*|get around|"
    r"work around|defeat\w*|kill\w*|"
    r"mute|silence|unlock|forget|disregard\w*|neglect\w*|violat\w*|break|breach|exceed\w*|"
    r"cheat\w*|hack\w*|stop (checking|using|enforcing|monitoring|respecting|obeying|caring about|"
    r"worrying about)|not (check|care about|worry about|bother with|respect|obey|use|need|"
    r"enforce|mind)|never mind|to hell with)\b( \w+){0,4} " + _SAFETY + r"\b",
    r"\b(turn|switch|shut) (it|them|that|this) off\b",
    r"\b(no|without|past|beyond|outside|over|off|minus|free of|regardless of|despite)( \w+){0,3} "
    + _SAFETY_STRICT
    + r"\b",
    r"\b(lift|rais|increas|drop|relax|loosen|extend|widen|expand|doubl|max)\w* (\w+ ){0,2}"
    r"(limits?|bounds?|constraints?|safety \w+|workspace)\b",
    r"\b(as fast as (you can|possible)|full (speed|force|power|throttle)|(max|maximum|top) "
    r"(speed|force|power|torque|velocity)|at any cost|no matter what|whatever it takes)\b",
    r"\b(recklessly|dangerously|unsafe\w*|unlimited|limitless|unrestricted|unconstrained|"
    r"unchecked|unguarded|regardless)\b",
)
HARM_PATTERNS: tuple[str, ...] = (
    r"\b(crash|smash|ram|slam|bash|collide|punch|stab|attack|hurt|injur|harm)\w*\b",
    r"\bhit (the |that |a )?(table|wall|person|human|operator|me|someone|somebody|people|him|her|"
    r"them|floor|camera|robot)\b",
    r"\bthrow\w* (it |that |the \w+ )?(at|toward|towards)\b",
    r"\b(through|into) (the |that |a )?(table|wall|floor|person|human|operator|glass|window)\b",
)
"""Requests to hit something on purpose; ignored when negated ("so you don't hit the table")."""
_NEGATORS = frozenset(("not", "no", "never", "without", "instead", "than", "nor"))
_INVERTERS = frozenset(("too", "overshot", "overshoot", "overshooting", "overshoots", "overdid",
                        "overdone", "past", "beyond", "less", "excessively"))  # fmt: skip
_SELF_CORRECTIONS = frozenset(("no", "sorry", "actually", "mean", "rather", "instead", "oops",
                               "correction", "wait", "nope", "scratch"))  # fmt: skip
_CLAUSE_WORDS = frozenset(("but", "and", "then", "so", "now", "just", "please", "instead"))
_SUBJECTS = frozenset(("you", "we", "i", "gripper", "hand", "arm", "claw", "tool", "robot"))
TRANSLATION_WORDS = ("left", "right", "forward", "backward", "up", "down")
ROTATION_WORDS = ("rotate_cw", "rotate_ccw")


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

    def has(self, label: str, *, negated: bool = False) -> bool:
        """True when a mention with ``label`` (and the given negation) occurred."""
        return any(m.label == label and m.negated == negated for m in self.mentions)

    @property
    def rotation_context(self) -> bool:
        """A rotation verb, a rotation direction word or an angle was given."""
        return self.has("rotate") or any(s.kind == "angle" for s in self.sizes)


def find_unsafe(text: str) -> tuple[str, str] | None:
    """``(words, family)`` of a request to weaken safety, or None.

    ``family`` is ``disable`` (disable, bypass or exceed a safety function) or ``harm`` (hit
    something on purpose; not counted when negated: "go up so you do not hit the table").
    """
    for clause in re.split(r" [,.;:!?] ?| but | then ", text):
        for pattern in UNSAFE_PATTERNS:
            if m := re.search(pattern, clause):
                return m.group(0), "disable"
        for pattern in HARM_PATTERNS:
            for m in re.finditer(pattern, clause):
                before = clause[: m.start()].split()[-3:]
                if not {"not", "never", "avoid", "without", "no"} & set(before):
                    return m.group(0), "harm"
    return None


def _blanking_matches(text: str, patterns: tuple[tuple[str, str], ...]) -> list[tuple[str, int]]:
    """(label, char offset) of every pattern match; matched words are blanked for later ones."""
    found: list[tuple[str, int]] = []

    def blank(match: re.Match[str], label: str) -> str:
        if label:
            found.append((label, match.start()))
        return " " * (match.end() - match.start())

    for pattern, label in patterns:
        text = re.sub(pattern, lambda m, lab=label: blank(m, lab), text)
    return sorted(found, key=lambda f: f[1])


def _window(tokens: list[str], index: int, width: int = 5) -> list[str]:
    """Up to ``width`` tokens before ``index``, stopping at the start of the clause."""
    window: list[str] = []
    for t in reversed(tokens[max(0, index - width) : index]):
        if t in PUNCTUATION or t in _CLAUSE_WORDS:
            break
        window.append(t)
    return window


def _mention(text: str, tokens: list[str], label: str, offset: int) -> Mention:
    index = text[:offset].count(" ")
    window = _window(tokens, index)
    nxt = tokens[index + 1 : index + 3]
    negated = any(w in _NEGATORS for w in window) and not {"enough", "quite"} & set(nxt + window)
    inverted = bool(_INVERTERS & set(window)) or (
        bool(nxt) and nxt[0] == "of" and bool(_SUBJECTS & set(window))
    )
    words = tokens[index] if index < len(tokens) else ""
    return Mention(label, index, words, -1 if inverted else 1, negated)


def _resolve(mentions: list[Mention], tokens: list[str], rotation: bool) -> tuple[str, ...]:
    """Direction motions in order, after inversion, negation and self-correction."""
    out: list[tuple[str, int]] = []
    for m in mentions:
        if m.negated or m.label not in OPPOSITE:
            continue
        label = m.label
        if rotation and label in ("left", "right"):
            label = "rotate_ccw" if label == "left" else "rotate_cw"
        out.append((OPPOSITE[label] if m.sign < 0 else label, m.index))
    distinct = list(dict.fromkeys(label for label, _ in out))
    if len(distinct) > 1:
        last_index = max(i for label, i in out if label == distinct[-1])
        first_index = min(i for label, i in out if label == distinct[0])
        if _SELF_CORRECTIONS & set(tokens[first_index:last_index]):
            return (out[-1][0],)
    return tuple(distinct)


def read_magnitude(text: str) -> str | None:
    """The last magnitude word ("a bit" -> small, "a lot" -> large), or None."""
    found = _blanking_matches(text, MAGNITUDE_PATTERNS)
    return found[-1][0] if found else None


def analyse(text: str) -> Cues:
    """Read every word cue of a normalized correction."""
    tokens = text.split()
    sizes, unitless, used = read_sizes(tokens)
    plain = " ".join(" " * len(t) if i in used else t for i, t in enumerate(tokens))
    found = _blanking_matches(plain, WORD_PATTERNS)
    mentions = [_mention(text, tokens, label, offset) for label, offset in found]
    rotation = any(m.label == "rotate" for m in mentions) or any(s.kind == "angle" for s in sizes)
    return Cues(
        text=text,
        mentions=tuple(mentions),
        directions=_resolve(mentions, tokens, rotation),
        sizes=tuple(sizes),
        unitless=tuple(unitless),
        magnitude=read_magnitude(plain),
        unsafe=find_unsafe(text),
    )
