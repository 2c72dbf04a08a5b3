"""Word tables of the correction parser (regular expressions over ``units.normalize``-d text).

Each table lists ``(pattern, label)`` in priority order: a match blanks its words for the later
patterns, so "back up" is read as backward and never also as up, and "right now" is no direction.
The words of safety, harm, speed and care are in ``safety_words``.
"""

from __future__ import annotations


def whole_words(alternatives: str) -> str:
    """A regex matching any of the ``|``-separated (regex) alternatives as whole words."""
    return r"\b(?:" + alternatives + r")\b"


_w = whole_words


_ME = (
    r"(?:me|you|yourself|the base|the robot|the robot base|your base|your body|your shoulder|"
    r"the wall behind (?:you|the robot|the base))"
)
_OBJECTS = (
    r"door|window|drawer|tab|fridge|lid|box|bottle|jar|app|program|file|cabinet|cupboard|gate|"
    r"curtain|book|laptop|valve|tap|faucet|account|browser|eye|mouth|oven|microwave|container"
)
"""Things other than the gripper that "open"/"close" may name ("open the door")."""
# Labels: a motion of the vocabulary, "rotate" (a rotation verb), a cue ("tilt", "speed",
# "pickup", "goto", "other_way", "object"), or "" (words that only look like cues).
_SURFACE = r"(?:table ?top|table|bench ?top|bench|worktop|work surface|floor|ground)"
"""The surface the arm works above (the bench and the worktop are the table): down is toward it."""
_MODAL_BE = (
    r"(?:should|ought to|needs? to|has to|have to|had to|must|would|is supposed to|"
    r"was supposed to|are supposed to|were supposed to|is meant to|was meant to|wants? to)"
)
AFTER_BE_NOT = r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )"
"""A verb right after a form of "be" is a report of a state ("the e-stop is reset"), no command."""
WORD_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        _w(
            r"(?:where|than|what) (?:it|you|we|i|they|the \w+) "
            + _MODAL_BE
            + r"(?: (?:have|be|go|sit|end up|\w+ed))?|"
            r"(?:where|than) (?:it|the \w+) (?:belongs|goes)|"
            r"than (?:needed|necessary|planned|intended|required|wanted|expected|asked)"
        ),
        "goal",
    ),  # fmt: skip
    (
        _w(
            r"all right|alright|(?:that|it|this|you) (?:is|are) (?:just |exactly |quite )?right"
            r"(?! (?:of|side|edge|hand)\b)|not (?:quite |exactly )?right|"
            r"(?:am i|is (?:that|it|this)|are you|was i) (?:just |exactly |quite )?right"
            r"(?! (?:of|side|edge|hand)\b)"
        ),
        "",
    ),  # fmt: skip
    (
        _w(r"right (?:away|there|here|on|after|where|at|next to)")
        + r"|\bright(?= (?:above|below|under|beneath|behind|in front)\b)",
        "",
    ),  # fmt: skip
    (
        _w(
            r"(?:came|come|comes|coming) up(?=\s+(?:\w+\s+){0,3}short)|end(?:s|ed|ing)? up|"
            r"(?:you|we|i) left(?= (?:it|them|that|this)\b)|stopped(?=\s+(?:\w+\s+){0,3}short)"
        ),
        "",
    ),  # fmt: skip
    (
        _w(
            r"undershot|undershoot\w*|(?:far|farther|further) (?:away )?from (?!"
            + _ME
            + r"\b)(?:the|that|this|its|it)\b|far away(?! from\b)|"
            r"short(?! (?:distance|way|step|move|hop|bit|amount|nudge|while|time|burst|push|jog)"
            r"s?\b)"
        ),
        "short",
    ),  # fmt: skip
    (_w(r"(?:looks|seems|feels|sounds|exactly|just) (?:about )?right|go ahead (?:and|,)"), ""),
    # "up to 5 cm", "what are you up to" name no direction; "up to clear the edge" does
    (
        _w(
            r"up to(?! (?:avoid|clear|miss|get|pass|make|keep|stay|let|reach)\b)|what is up|"
            r"(?:i|we|they|have|has|had|nothing|anything|is there) left"
        ),
        "",
    ),  # fmt: skip
    (
        _w(
            r"(?:toward|towards|closer to|close to|nearer to|nearer|near|in the direction of) "
            + _ME
            + r"|(?<!come )(?<!go )(?<!move )(?<!it )(?<!head )"  # "come back up": return up
            r"back(?:ed|ing|s)? (?:(?:it|that|this) )?(?:up|out)"
        ),
        "backward",
    ),  # fmt: skip
    (_w(r"(?:get|getting|come|go|move|too|so|very|really|pretty|quite|is|are|be|stay) close"), ""),
    (_w(r"close (?:to|by|enough|in on)"), ""),
    (_w(r"(?:speed|hurry|sped) up|slow (?:it )?down|slower|faster|quicker"), "speed"),
    (_w(r"repeat\w*|again|one more time|do (?:it|that) twice"), "repeat"),
    (
        _w(
            r"(?:bring|brought|pull\w*|mov\w*|come|draw\w*|drew|tuck\w*) (?:it |the \w+ )?in"
            r"(?! (?:an? (?!bit|little|touch|tad|smidge|hair|tiny|good|lot|long|wee)\w+|the|to|"
            r"front|circles?|line|place)\b)"
        ),
        "backward",
    ),  # fmt: skip
    (
        _w(
            r"(?:go|come|move|head|slide|bring|put|take|lift|raise)"
            r"(?: it| that| this| them| the \w+)? "
            r"back(?= (?:to the |over to the )?(?:left|right|up|down)\b)"
        ),
        "",
    ),  # fmt: skip
    (
        _w(
            r"(?:hit|press|push|slam|use|pull|smash) (?:the |your |that )?(?:estop|emergency "
            r"(?:stop|button|brake)|stop button|kill switch)|cut it out|knock it off|"
            r"(?:hit|apply) the (?:brakes?|breaks?)|on the (?:brakes?|breaks?)|"
            r"the (?:brakes?|breaks?) on|"
            r"(?:kill|cut|end|halt) (?:the |that |this |your )?(?:motion|movement|move)"
        ),
        "stop",
    ),
    (
        _w(r"estop|emergency (?:stop|button|brake)|protective stop|stop button|kill switch"),
        "device",
    ),  # fmt: skip
    # the sense of a turn told by a screw or a lid (seen from above), or as the opposite of
    # clockwise: read before "open"/"close" name an object ("the way you'd open a jar")
    (
        _w(
            r"(?:the )?(?:opposite|reverse) (?:of|to|from) (?:a )?clockwise|"
            r"(?:the way|as|like) (?:you(?:'d| would| do)? )?(?:you are |you're )?"
            r"(?:open|loosen|unscrew|undo)\w* (?:a|the) (?:jar|lid|bottle|screw|bolt)s?"
        ),
        "rotate_ccw",
    ),  # fmt: skip
    (
        _w(
            r"(?:the way|as|like) (?:you(?:'d| would| do)? )?(?:you are |you're )?"
            r"(?:tighten|close|screw|do up)\w* (?:in )?(?:a|the) (?:jar|lid|bottle|screw|bolt)s?"
        ),
        "rotate_cw",
    ),  # fmt: skip
    (_w(r"pick (?:it |that |this |them |the \w+ )?up"), "pickup"),
    (
        _w(r"(?:open|close|shut) (?:the|a|an|this|that|your|my) (?:\w+ )?(?:" + _OBJECTS + ")s?"),
        "object",
    ),  # fmt: skip
    (
        _w(
            r"(?:hold|hang) (?:on to|onto)|hold (?:it |on )?(?:tight\w*|firm\w*|secure\w*)|"
            r"nab(?:s|bed|bing)?"
        ),
        "close",
    ),  # fmt: skip
    (
        _w(
            r"(?:hold|hang|wait) (?:on|up)|(?:shut|calm|settle) (?:it )?down|"
            r"(?:one|just a|wait a|give me a|hold on a) (?:sec|second|moment|minute)(?! time)"
        ),
        "stop",
    ),  # fmt: skip
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
            r"(?:go|return|move) home|return|home position|"
            # "reset" after a form of "be" is a report ("the e-stop is reset"), no command
            f"{AFTER_BE_NOT}reset"
        ),
        "goto",
    ),  # fmt: skip
    (
        _w(
            r"(?:away|far|further|farther) from " + _ME + r"|(?:further|farther) (?:out|away)|"
            r"extend\w*|"
            r"(?<!watch )(?<!look )out(?! of)"
        ),
        "forward",
    ),  # fmt: skip
    (_w(r"counterclockwise|anticlockwise|ccw"), "rotate_ccw"),
    (_w(r"clockwise|cw"), "rotate_cw"),
    # "keep rolling forward": rolling along is moving, not a roll of the gripper
    (
        _w(r"roll\w*(?= (?:forward|forwards|backward|backwards|back|ahead|on|along)\b)"),
        "move_verb",
    ),
    (
        _w(
            r"(?:tilt|roll|pitch|flip|incline|bend)\w*|leans?|"
            r"(?:point|angle) (?:it |the \w+ )?(?:up|down|upward|downward)"
        ),
        "tilt",
    ),  # fmt: skip
    (
        _w(
            r"(?:over)?(?:rotat|turn|twist|spin|spun|yaw|swivel|pivot|revolv|screw(?!driver))\w*|angle"
        ),
        "rotate",
    ),  # fmt: skip
    (_w(r"open (?:it |them |the \w+ |your \w+ )?up"), "open"),
    (_w(r"clamp (?:it )?down"), "close"),
    (
        _w(
            # "released" after a form of "be" is a report too ("the brake was released")
            r"open\w*|"
            + AFTER_BE_NOT
            + r"release\w*|unclench\w*|ungrip|unclamp|ungrasp|loosen\w*|"
            r"let (?:it |that |this |them |the \w+ )?(?:go|loose|drop|fall)|"
            r"drop (?:it|that|this|them|the \w+)(?! (?:down|lower|by|a bit|a little|slightly))"
        ),
        "open",
    ),  # fmt: skip
    (
        _w(
            r"close|closing|shut|grab\w*|grasp\w*|grip|gripping|clamp\w*|(?<!a )pinch\w*|"
            r"squeez\w*|clench\w*|seize|catch|(?:take|get|grab|catch) (?:a )?hold"
        ),
        "close",
    ),  # fmt: skip
    (
        _w(
            r"stop\w*|halt\w*|freeze|frozen|pause|wait|cease|abort|whoa|woah|estop|emergency|"
            r"that is enough|(?<![a-z] )enough(?! \w)|hold (?:it|still|there|position)|"
            r"stay (?:there|still|put|here)|(?:stand|keep|be) still|"
            # "don't move" stops; "don't move left" says only where not to go (asked)
            r"(?:not|never) move(?!(?: it| that| this| them| the \w+)? (?:left|right|up|down|"
            r"forward|backward|back|higher|lower|clockwise|counterclockwise|anticlockwise)\b)|"
            r"(?:not|never) (?:go |move )?any (?:further|farther|more)|no (?:further|farther|more)"
        ),
        "stop",
    ),  # fmt: skip
    # directions named by what lies that way ("8 cm toward the table", "pull it in")
    (_w(r"towards? (?:the )?" + _SURFACE), "down"),
    (_w(r"towards? (?:the )?(?:ceiling|sky|roof)|away from (?:the )?" + _SURFACE), "up"),
    (
        _w(r"(?:pull|draw|tuck)(?:s|ed|ing)? (?:it |the arm |the gripper )?in(?:wards?)?"),
        "backward",
    ),
    (_w(r"below|beneath|under|underneath"), "loc_down"),
    (_w(r"above"), "loc_up"),
    (_w(r"behind"), "loc_backward"),
    (_w(r"in front(?: of)?"), "loc_forward"),
    (
        _w(
            r"back|backed|backing|backward|rearward|reverse|retract\w*|withdr[ae]w\w*|retreat\w*|"
            r"to the rear"
        ),
        "backward",
    ),  # fmt: skip
    (_w(r"forward|ahead|onward|frontward|advance|to the front"), "forward"),
    (_w(r"left"), "left"),
    (_w(r"right"), "right"),
    (
        _w(
            r"up|higher|high|upper|raise\w*|lift\w*|elevat\w*|rise|rising|rose|risen|ascend\w*|"
            r"climb\w*|shallow"
        ),
        "up",
    ),  # fmt: skip
    (_w(r"down|lower\w*|low|descend\w*|drop\w*|sink\w*|sank|sunk|dip\w*|deep|deeper"), "down"),
    (
        _w(
            r"move\w*|go|goes|going|shift\w*|slide|translat\w*|push|pull|bring|scoot|step|head|"
            r"drift|carry|nudge|inch|lean(?:ed|ing|t)"
        ),
        "move_verb",
    ),  # fmt: skip
)
_FINE = r"(?<!\bis )(?<!\bare )(?<!\blooks )(?<!\bseems )(?<!\bsounds )fine(?! [,.]| by| with| to)"
""""fine" as a size ("a fine step"), not an assent ("that's fine, move left", "fine, go up")."""
MAGNITUDE_PATTERNS: tuple[tuple[str, str], ...] = (
    # a limit said with a negation is small: "without going very far", "not by much"
    (
        _w(r"without (?:going|moving) (?:too |very |that |so )?far|not (?:too|by) much"),
        "small",
    ),
    (
        _w(
            r"(?:too|so|how|as|not) (?:far|much)|far enough|less|"
            r"(?:which|this|that|same|no|any|by the|on the|other|wrong|opposite|in the|"
            r"out of the|in its|in your|in my) way|"
            r"the way(?= (?:you|i|we|it)\b)"  # a manner: "the way you'd open a jar"
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
            r"a (?:bit|tad|touch|smidge\w*|hair|whisker|fraction|notch|nudge|skosh|pinch)|"
            r"slightly|barely|marginally|"
            r"gently|nudge\w*|inch|bit|tad|small|smaller|minor|minimal\w*|subtle|subtly|"
            r"finely|delicately|softly|" + _FINE
        ),
        "small",
    ),  # fmt: skip
    (
        _w(
            r"(?:a )?whole (?:lot|bunch|heap|load|ton)s?|a bunch|"
            r"a lot|lots|much|way|far|a long ways?|(?:a )?great deal|significantly|considerably|"
            r"substantially|big|bigger|large|larger|huge|massive\w*|plenty|a ton|tons|loads|heaps|"
            r"all the way|major|greatly|dramatically|big time"
        ),
        "large",
    ),  # fmt: skip
    (_w(r"normal|medium|moderate\w*|regular|average|standard|some|somewhat"), "normal"),
)
TO_THE_LIMIT = _w(
    r"all the way(?! (?:around|round|back|home)\b)|"
    r"(?:the )?(?:whole|entire|full) (?:length|width|depth|span|breadth)|"
    r"(?:across|along|over) (?:the )?(?:whole|entire) (?:\w+ )?(?:table|bench|workspace|worktop|"
    r"desk|tray|room)"
)
"""A motion to the end of its travel ("all the way to the left", "the whole length of the
table", "across the entire bench"): more than one correction may move, so it is refused as too
large, not run as a large step."""
NEGATORS = frozenset(("not", "no", "never", "without", "instead", "than", "nor"))
INVERTERS = frozenset((
    "too", "overshot", "overshoot", "overshooting", "overshoots", "overdid", "overdone",
    "overrotated", "overturned", "past", "beyond", "less", "excessively",
))  # fmt: skip
"""Words that turn a direction into its opposite: "too far left" means move right."""
SELF_CORRECTIONS = frozenset((
    "no", "sorry", "actually", "mean", "rather", "instead", "oops", "correction", "wait", "nope",
    "scratch",
))  # fmt: skip
FILLERS = frozenset(("then", "now", "please", "ok", "okay", "thanks", "so", "and", "just", "for",
                     "me", "robot", "hey", "uh", "hmm"))  # fmt: skip
"""Words that alone do not make a clause ("where is it? then")."""
CLAUSE_WORDS = frozenset(("but", "and", "then", "so", "now", "please"))
WH_WORDS = frozenset(("what", "where", "which", "who", "why", "whats", "wheres", "whose", "when"))
"""Question words that open a question, not a request ("how about ..." is a request)."""
QUESTION_WORDS = frozenset(("is", "are", "am", "does", "did", "was", "were", "have", "has"))
"""Verbs that open a yes/no question when they start a clause."""

# Clause grammar of relative corrections (see ``relative``): is a clause a command or a
# description of the robot's error, and what is located where.
MODALS = frozenset((
    "should", "must", "can", "could", "would", "will", "shall", "might", "may", "need", "needs",
    "needed", "want", "wants", "wanted", "supposed", "meant", "ought", "gotta", "gonna", "wanna",
    "let", "lets", "try",
))  # fmt: skip
"""Words that frame the wanted motion or state ("you should move left", "it needs to be higher"):
the direction named is the one asked for. "have/has/had/got/going" count before "to"."""
FINITE_VERBS = frozenset((
    "is", "are", "am", "was", "were", "did", "does", "has", "have", "had", "looks", "seems",
    "appears", "sits", "sat", "hangs", "hung", "rests", "feels", "keeps", "kept", "stays",
    "stayed", "remains", "remained",
))  # fmt: skip
"""Finite verbs that after a subject state a position or report an event ("it's low", "it looks
high"); base forms ("look", "sit") are finite only after you/we/they (``FINITE_BASE``): "make it
sit lower" is a command."""
FINITE_BASE = frozenset(("look", "seem", "appear", "sit", "hang", "feel", "keep", "stay",
                         "remain"))  # fmt: skip
PLURAL_SUBJECTS = frozenset(("you", "we", "they", "i"))
PAST_MOTION = frozenset((
    "went", "gone", "moved", "drifted", "shifted", "slid", "slipped", "pulled", "pushed", "leaned",
    "leant", "dropped", "lowered", "raised", "lifted", "backed", "turned", "rotated", "twisted",
    "spun", "swung", "swiveled", "swivelled", "pivoted", "yawed", "veered", "strayed", "wandered",
    "crept", "reached", "extended", "stepped", "headed", "brought", "took", "drove", "ran", "fell",
    "sank", "sunk", "dipped", "descended", "rose", "risen", "climbed", "came", "landed", "ended",
    "stopped", "nudged", "inched", "jogged", "scooted", "carried", "steered", "adjusted",
    "retracted", "withdrew", "withdrawn", "advanced", "elevated", "overshot", "overdid",
    "overdone", "overrotated", "overturned", "overextended", "overreached", "undershot",
    "positioned", "placed", "settled", "translated", "traveled", "travelled", "shot", "got",
    "wound", "aimed", "approached", "dove", "dived", "crossed",
))  # fmt: skip
"""Past tense and participles of motion verbs: a report of what the robot did."""
NOT_VERBS_ING = frozenset((
    "thing", "things", "nothing", "something", "anything", "everything", "bring", "string",
    "spring", "ring", "king", "wing", "sing", "during", "ceiling", "morning", "evening",
    "building",
))  # fmt: skip
"""Words ending in -ing that are no progressive verb."""
IMPERATIVES = frozenset((
    "move", "go", "come", "bring", "shift", "slide", "push", "pull", "get", "put", "take", "turn",
    "rotate", "twist", "spin", "yaw", "swivel", "pivot", "nudge", "head", "step", "keep",
    "continue", "lower", "raise", "lift", "drop", "back", "reach", "extend", "retract",
    "withdraw", "advance", "descend", "rise", "sink", "dip", "elevate", "stay", "hold", "steer",
    "adjust", "position", "shuffle", "guide", "reposition", "jog", "translate", "aim", "scoot",
    "inch", "carry", "draw", "tuck", "make", "set", "place", "hover", "center", "centre", "align",
    "fix", "correct", "be", "do", "approach", "swing", "stop", "shove", "ease", "creep",
))  # fmt: skip
"""Base forms that open an imperative clause ("go left of the cup", "lower it a bit")."""
SPLITTING_IMPERATIVES = frozenset((
    "move", "go", "come", "bring", "shift", "slide", "push", "pull", "get", "put", "take", "turn",
    "rotate", "nudge", "head", "step", "try", "please",
))  # fmt: skip
"""Unambiguous verbs that start a new clause after a description ("too far left go right")."""
LEAD_WORDS = frozenset((
    "ok", "okay", "hmm", "uh", "um", "yes", "yeah", "no", "nope", "alright", "robot", "hey",
    "just", "now", "well", "oh", "good", "careful", "then", "so", "and", "but", "also", "maybe",
    "please", "again", "still", "sorry", "oops", "whoa", "actually",
))  # fmt: skip
"""Words that may precede the verb of a clause without being its subject or verb."""
ROBOT_WORDS = frozenset((
    "you", "yourself", "we", "i", "gripper", "hand", "arm", "claw", "tool", "robot", "effector",
    "fingers", "jaws", "wrist", "tip", "probe", "instrument", "pincer", "pincers",
))  # fmt: skip
"""Names of the moved thing (the robot, the gripper)."""
TARGET_NOUNS = frozenset((
    "target", "goal", "cube", "block", "object", "cup", "mug", "bottle", "box", "ball", "peg",
    "hole", "slot", "spot", "mark", "marker", "item", "piece", "part", "destination", "bin",
    "plate", "tray", "bowl", "jar", "sponge", "handle", "center", "centre", "middle", "there",
    # a lab bench's things
    "vial", "tube", "pipette", "beaker", "flask", "dish", "rack", "sample", "screw", "lid", "wire",
    "cable", "glass", "syringe", "swab",
))  # fmt: skip
"""Names of the goal or of things around it (and existential "there"): a clause whose subject is
one of these locates the goal relative to the robot ("the cube is to your left" -> left)."""
SUBJECT_WORDS = ROBOT_WORDS | TARGET_NOUNS | {"it", "that", "this", "they", "he", "she"}
STATE_ADJECTIVES = frozenset(("high", "low", "deep", "shallow"))
"""Predicative adjectives: alone they state a position ("a tad low"), unlike the comparatives
and adverbs of commands ("a bit lower", "up")."""
EXCESS_PREFIXES = ("overshot", "overshoot", "overdid", "overdo", "overrotat", "overturn",
                   "overextend", "overreach", "overstep", "overtravel")  # fmt: skip
"""Words that report going beyond the goal (besides "too", "past", "beyond")."""
SO_DEGREE = frozenset(("far", "much", "high", "low", "deep", "close", "little", "slightly"))
"""After "so" these make it an intensifier ("you're so far left"), not a clause break."""
