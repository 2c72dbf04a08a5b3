"""Word tables of the correction parser (regular expressions over ``units.normalize``-d text).

Each table lists ``(pattern, label)`` in priority order: a match blanks its words for the later
patterns, so "back up" is read as backward and never also as up, and "right now" is no direction.
"""

from __future__ import annotations


def _w(alternatives: str) -> str:
    """A regex matching any of the ``|``-separated (regex) alternatives as whole words."""
    return r"\b(?:" + alternatives + r")\b"


_ME = r"(?:me|you|yourself|the base|the robot|your base|your body)"
_OBJECTS = (
    r"door|window|drawer|tab|fridge|lid|box|bottle|jar|app|program|file|cabinet|cupboard|gate|"
    r"curtain|book|laptop|valve|tap|faucet|account|browser|eye|mouth|oven|microwave|container"
)
"""Things other than the gripper that "open"/"close" may name ("open the door")."""
# Labels: a motion of the vocabulary, "rotate" (a rotation verb), a cue ("tilt", "speed",
# "pickup", "goto", "other_way", "object"), or "" (words that only look like cues).
WORD_PATTERNS: tuple[tuple[str, str], ...] = (
    (_w(r"all right|alright|that is right|you are right"), ""),
    (_w(r"right (?:away|there|here|on|after|where|at|above|below|next to)"), ""),
    (_w(r"(?:looks|seems|feels|sounds|exactly|just) (?:about )?right|go ahead (?:and|,)"), ""),
    (_w(r"up to|what is up|(?:i|we|they|have|has|had|nothing|anything|is there) left"), ""),
    (
        _w(r"(?:toward|towards|closer to|close to|nearer to|nearer|near) " + _ME + "|back up"),
        "backward",
    ),  # fmt: skip
    (_w(r"(?:get|getting|come|go|move|too|so|very|really|pretty|quite|is|are|be|stay) close"), ""),
    (_w(r"close (?:to|by|enough|in on)"), ""),
    (_w(r"(?:speed|hurry|sped) up|slow (?:it )?down|slower|faster|quicker"), "speed"),
    (_w(r"repeat\w*|again|one more time|do (?:it|that) twice"), "repeat"),
    (
        _w(
            r"(?:bring|pull|move|come|draw|tuck) (?:it |the \w+ )?in"
            r"(?! (?:an? (?!bit|little|touch|tad|smidge|hair)\w+|the|to|front|circles?|line|"
            r"place)\b)"
        ),
        "backward",
    ),  # fmt: skip
    (
        _w(
            r"(?:go|come|move|head|slide) back"
            r"(?= (?:to the |over to the )?(?:left|right|up|down)\b)"
        ),
        "",
    ),  # fmt: skip
    (
        _w(
            r"(?:hit|press|push|slam|use|pull|smash) (?:the |your |that )?(?:estop|emergency "
            r"(?:stop|button|brake)|stop button|kill switch)|cut it out|knock it off"
        ),
        "stop",
    ),
    (
        _w(r"estop|emergency (?:stop|button|brake)|protective stop|stop button|kill switch"),
        "device",
    ),  # fmt: skip
    (_w(r"pick (?:it |that |this |them |the \w+ )?up"), "pickup"),
    (
        _w(r"(?:open|close|shut) (?:the|a|an|this|that|your|my) (?:\w+ )?(?:" + _OBJECTS + ")s?"),
        "object",
    ),  # fmt: skip
    (_w(r"hold (?:on to|onto)|hold (?:it |on )?(?:tight\w*|firm\w*|secure\w*)"), "close"),
    (_w(r"(?:hold|hang|wait) (?:on|up)|(?:shut|calm|settle) (?:it )?down"), "stop"),
    (
        _w(
            r"(?:the )?(?:other|opposite|wrong|reverse) (?:way|direction|side)|undo|"
            r"reverse (?:that|it|this)|go back to where|as (?:you were|before)"
        ),
        "other_way",
    ),  # fmt: skip
    (
        _w(
            r"back (?:to|into) (?:the |your |its )?(?:start|home|beginning|original|initial|"
            r"previous|last|old|position|rest|default|ready|center|centre)\w*|"
            r"(?:go|return|move) home|return|reset|home position"
        ),
        "goto",
    ),  # fmt: skip
    (
        _w(
            r"(?:away|far) from " + _ME + r"|(?:further|farther) (?:out|away)|extend|"
            r"(?<!watch )(?<!look )out(?! of)"
        ),
        "forward",
    ),  # fmt: skip
    (_w(r"counterclockwise|anticlockwise|ccw"), "rotate_ccw"),
    (_w(r"clockwise|cw"), "rotate_cw"),
    (
        _w(
            r"(?:tilt|roll|pitch|flip|lean|incline|bend)\w*|"
            r"(?:point|angle) (?:it |the \w+ )?(?:up|down|upward|downward)"
        ),
        "tilt",
    ),  # fmt: skip
    (_w(r"(?:over)?(?:rotat|turn|twist|spin|yaw|swivel|pivot|revolv|screw)\w*|angle"), "rotate"),
    (_w(r"open (?:it |them |the \w+ |your \w+ )?up"), "open"),
    (_w(r"clamp (?:it )?down"), "close"),
    (
        _w(
            r"open\w*|release\w*|unclench\w*|ungrip|unclamp|ungrasp|loosen\w*|"
            r"let (?:it |that |this |them |the \w+ )?(?:go|loose|drop|fall)|"
            r"drop (?:it|that|this|them|the \w+)(?! (?:down|lower|by|a bit|a little|slightly))"
        ),
        "open",
    ),  # fmt: skip
    (
        _w(
            r"close|closing|shut|grab\w*|grasp\w*|grip|gripping|clamp\w*|pinch\w*|squeez\w*|"
            r"clench\w*|seize|catch"
        ),
        "close",
    ),  # fmt: skip
    (
        _w(
            r"stop\w*|halt\w*|freeze|frozen|pause|wait|cease|abort|whoa|woah|estop|emergency|"
            r"that is enough|(?<![a-z] )enough(?! \w)|hold (?:it|still|there|position)|"
            r"stay (?:there|still|put|here)|(?:not|never) move|(?:stand|keep|be) still|"
            r"(?:not|never) (?:go |move )?any (?:further|farther|more)|no (?:further|farther|more)"
        ),
        "stop",
    ),  # fmt: skip
    (_w(r"back|backward|rearward|reverse|retract|withdraw|retreat\w*|to the rear"), "backward"),
    (_w(r"forward|ahead|onward|frontward|advance|to the front"), "forward"),
    (_w(r"left"), "left"),
    (_w(r"right"), "right"),
    (_w(r"up|higher|high|upper|raise\w*|lift\w*|elevat\w*|rise|rising|ascend\w*"), "up"),
    (_w(r"down|lower\w*|low|descend\w*|drop\w*|sink|dip|deep|deeper"), "down"),
    (
        _w(
            r"move\w*|go|goes|going|shift\w*|slide|translat\w*|push|pull|bring|scoot|step|head|"
            r"drift|carry|nudge|inch"
        ),
        "move_verb",
    ),  # fmt: skip
)
MAGNITUDE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        _w(
            r"(?:too|so|how|as|not) (?:far|much)|far enough|less|"
            r"(?:which|this|that|same|no|any|by the|on the|other|wrong|opposite) way"
        ),
        "",
    ),  # fmt: skip
    (
        _w(
            r"(?:quite a|a good|a fair|a big|a large|a decent) "
            r"(?:bit|lot|way|deal|amount|chunk|distance)"
        ),
        "large",
    ),  # fmt: skip
    (
        _w(
            r"(?:a )?(?:little|tiny|wee|teeny|slight)(?: bit)?|"
            r"a (?:bit|tad|touch|smidge\w*|hair|fraction|notch|nudge)|slightly|barely|marginally|"
            r"gently|nudge\w*|inch|bit|tad|small|smaller|minor|minimal\w*|subtle|subtly|fine|"
            r"finely|delicately|softly"
        ),
        "small",
    ),  # fmt: skip
    (
        _w(
            r"a lot|lots|much|way|far|a long way|(?:a )?great deal|significantly|considerably|"
            r"substantially|big|bigger|large|larger|huge|massive\w*|plenty|a ton|tons|loads|heaps|"
            r"all the way|major|greatly|dramatically|big time"
        ),
        "large",
    ),  # fmt: skip
    (_w(r"normal|medium|moderate\w*|regular|average|standard|some|somewhat"), "normal"),
)
_SAFETY = _w(
    r"safety|safeties|safe mode|safeguards?|limits?|limiters?|limitations?|bounds?|boundar\w+|"
    r"constraints?|estop|emergency (?:stop|button|brake)|kill switch|stop button|collisions?|"
    r"collision \w+|avoidance|guards?|guardrails?|fences?|interlocks?|protective stop|"
    r"protections?|watchdog|brakes?|checks|checking|monitor\w*|sensors?|light curtain|"
    r"workspace|restrictions?|rules|warnings?|alarms?"
)
_SAFETY_STRICT = _SAFETY.replace(r"collisions?|", "").replace(r"warnings?|", "")
"""Safety nouns after "no"/"without": not bare "collisions" ("left, no collisions please")."""
_DISABLE = _w(
    r"disabl\w*|turn\w* off|switch\w* off|shut\w* off|deactivat\w*|ignor\w*|overrid\w*|overrode|"
    r"bypass\w*|skip\w*|remov\w*|releas\w*|suppress\w*|circumvent\w*|get around|work around|"
    r"defeat\w*|kill\w*|mute|silence|unlock|forget|disregard\w*|neglect\w*|violat\w*|break|"
    r"relax\w*|loosen\w*|weaken\w*|soften\w*|disengag\w*|neutrali[sz]\w*|cancel\w*|"
    r"breach|exceed\w*|cheat\w*|hack\w*|never mind|to hell with|get rid of|who cares about|"
    r"stop (?:checking|using|enforcing|monitoring|respecting|obeying|caring about|worrying about)|"
    r"not (?:check|care about|worry about|bother with|respect|obey|use|need|enforce|mind)"
)
UNSAFE_PATTERNS: tuple[str, ...] = (
    _DISABLE + r"(?: \w+){0,4} " + _SAFETY,
    _w(r"(?:turn|switch|shut) (?:it|them|that|this) off"),
    _w(r"(?:turn|switch|shut|power)\w*") + r" (?:\w+ ){0,3}" + _SAFETY + r" (?:off|down)\b",
    _w(r"no|without|past|beyond|outside|over|off|minus|free of|regardless of|despite")
    + r"(?: \w+){0,3} "
    + _SAFETY_STRICT,
    _w(r"(?:lift|rais|increas|drop|relax|loosen|extend|widen|expand|doubl|max)\w*")
    + r" (?:\w+ ){0,2}"
    + _w(r"limits?|bounds?|constraints?|safety \w+|workspace"),
    _w(
        r"as fast as (?:you can|possible)|full (?:speed|force|power|throttle)|"
        r"(?:max|maximum|top) (?:speed|force|power|torque|velocity)|at any cost|no matter what|"
        r"whatever it takes|as hard as (?:you can|possible)|swing\w* at|"
        r"(?:collisions?|limits?|safety) (?:do not|does not) matter|recklessly|dangerously|"
        r"unsafe\w*|unlimited|limitless|unrestricted|"
        r"unconstrained|unchecked|unguarded|regardless"
    ),  # fmt: skip
)
"""Requests to disable, bypass or exceed a safety function."""
HARM_PATTERNS: tuple[str, ...] = (
    _w(r"(?:crash|smash|ram|slam|bash|collide|punch|stab|attack|hurt|injur|harm)\w*"),
    _w(
        r"hit (?:the |that |a )?(?:table|wall|person|human|operator|me|someone|somebody|people|"
        r"him|her|them|floor|camera|robot)"
    ),  # fmt: skip
    _w(r"throw\w* (?:it |that |the \w+ )?(?:at|toward|towards)"),
    _w(
        r"(?:through|into) (?:the |that |a )?(?:table|wall|floor|person|human|operator|glass|"
        r"window)"
    ),  # fmt: skip
)
"""Requests to hit something on purpose; ignored when negated ("so you don't hit the table")."""
NEGATORS = frozenset(("not", "no", "never", "without", "instead", "than", "nor"))
INVERTERS = frozenset((
    "too", "overshot", "overshoot", "overshooting", "overshoots", "overdid", "overdone",
    "overrotated", "overturned", "past", "beyond", "less", "excessively",
))  # fmt: skip
"""Words that turn a direction into its opposite: "too far left" means move right."""
KEEPS_SAFETY = frozenset((
    "within", "inside", "respecting", "respect", "obeying", "obey", "keep", "keeping", "staying",
    "stay", "honor", "honoring", "safely", "avoid", "avoiding",
))  # fmt: skip
"""Words that turn a safety phrase into a request to keep it ("lower it within the limits")."""
SELF_CORRECTIONS = frozenset((
    "no", "sorry", "actually", "mean", "rather", "instead", "oops", "correction", "wait", "nope",
    "scratch",
))  # fmt: skip
FILLERS = frozenset(("then", "now", "please", "ok", "okay", "thanks", "so", "and", "just", "for",
                     "me", "robot", "hey", "uh", "hmm"))  # fmt: skip
"""Words that alone do not make a clause ("where is it? then")."""
CLAUSE_WORDS = frozenset(("but", "and", "then", "so", "now", "please"))
SUBJECTS = frozenset(("you", "we", "i", "gripper", "hand", "arm", "claw", "tool", "robot"))
WH_WORDS = frozenset(("what", "where", "which", "who", "why", "whats", "wheres", "whose", "when"))
"""Question words that open a question, not a request ("how about ..." is a request)."""
QUESTION_WORDS = frozenset(("is", "are", "am", "does", "did", "was", "were", "have", "has"))
"""Verbs that open a yes/no question when they start a clause."""
