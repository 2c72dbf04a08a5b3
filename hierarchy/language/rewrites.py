"""Word senses and sound-alikes read before parsing (``reframe.reframe`` calls ``rewrite``).

Each rule is a class of phrasing, not a sentence:

- "right" after a form of "be" and before a place word is an intensifier ("the table is right
  below", "it's right there"), not a direction: it becomes "just";
- "widen" / "spread" the gripper (its fingers, jaws) is opening it, "narrow" it closing it;
- "down", "up", "off" after a verb of cleaning or writing ("wipe down the table", "tidy up",
  "write it down") belong to that verb: no direction is said;
- "up" after a verb of aligning ("straighten it up", "line it up with the edge") belongs to that
  verb: how to align is not said;
- "see em", "c m", "sea em" after a number are a recognizer's letters "c m" ("two see em"),
  and "to"/"too" before them the number two;
- a spelled number glued to its unit ("twocentimeters", "tendegrees") is two words;
- "auntie", "ante", "anti" or "and to" before "clockwise" are a recognizer's "anti-clockwise";
- "mm" or "hmm" standing alone between commas (or opening the text) is a hum, not millimetres;
- "against the clock" / "with the clock" after a verb of turning are the senses of rotation
  ("turn it against the clock a little"); elsewhere "against the clock" is haste, left alone;
- "and" or "an" between a verb of turning and "clockwise" is a recognizer's "anti" ("rotate and
  clockwise": no second motion is named);
- "up" after "close" or "shut" at the end of the command is the verb's particle ("close it up",
  "close up the claw"), not a second motion ("open it up" the parser reads already);
- "that's backwards" ending a clause says the direction was wrong: "the wrong way" (the previous
  motion is reversed), not the direction backward;
- a roboticist's names of the tool ("TCP", "EE", "end effector", "tool centre point") are the
  gripper;
- a signed axis of the base frame ("+x", "plus x", "negative z", "delta x of minus 2 cm", "dz =
  +1 cm") is its direction (x forward, y left, z up) and a signed yaw ("yaw plus 10 degrees",
  "negative yaw", "minus 8 degrees in yaw") its sense (positive counterclockwise); not when
  another frame is named ("+x in the tool frame": its orientation is unknown) and never an axis
  without a sign ("along y": which way?);
- the label of a numbered note ("Step 2: ...") is no number of the motion: it separates the
  steps;
- "than" right after a comma or "and" is a slip of "then" ("close it, than go up");
- the whole utterance naming only the stop device ("E-stop!", "emergency stop") is a stop;
- "open your mouth" (a child's words to the claw) is opening the gripper;
- text-message shorthand ("cn u go dn a bit", "rt 5mm pls", "fwd a lil k thx") is the words it
  stands for;
- the words of a trade or another language (``trade_words``: "roger", "avast", "un peu").
"""

from __future__ import annotations

import re

from skillbridge.hierarchy.language.trade_words import trade_words

BE_FORMS = r"(?:is|are|was|were|be|am|it's|that's|thats|its|'s)"
PLACE_WORDS = (
    r"(?:below|above|under|underneath|beneath|beside|behind|next to|in front|there|here|"
    r"on top|at the edge|against)"
)
INTENSIFIER_RIGHT = re.compile(rf"\b({BE_FORMS}) right (?={PLACE_WORDS}\b)")
""""is right below": "right" means exactly, not a direction."""
GRIPPER = r"(?:(?:the|your|its) )?(?:gripper|claw|fingers|jaws|grip|hand)"
WIDEN = re.compile(rf"\b(?:widen|spread|spread out)\b(?= {GRIPPER}\b)")
NARROW = re.compile(rf"\b(?:narrow|narrow down)\b(?= {GRIPPER}\b)")
"""Making the gripper's gap wider or narrower: open or close."""
CHORE_PARTICLE = re.compile(
    r"\b((?:wipe|wipes|wiping|clean|cleans|cleaning|tidy|tidying|mop|mopping|sweep|sweeping|"
    r"dust|dusting|wash|washing|scrub|scrubbing|hose|write|writing|jot|note|type)"
    r"(?: (?:it|that|this|them|the \w+|everything))?) (?:down|up|off)\b"
)
"""A particle of a verb of cleaning or writing ("wipe down the table", "write it down")."""
ALIGNING_PARTICLE = re.compile(
    r"\b((?:straighten|line|square|level|even|true)s?(?: (?:it|that|this|them|the \w+))?) up\b"
)
"""The particle of a verb of aligning ("straighten it up", "line it up with the edge"): how to
align it is not said, so no direction is."""
_SPOKEN_NUMBERS = (
    r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty"
)
CM_LETTERS = re.compile(
    rf"\b({_SPOKEN_NUMBERS}|to|too) (?:see|sea|c|cee) ?(?:em|m)\b(?! (?:up|down|left|right)\b)"
)
"""The letters "c m" as heard: "two see em" is 2 cm ("go back to see em": "to" is two)."""
GLUED_UNIT = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
    r"ninety)(centimet\w+|millimet\w+|degrees?|inch(?:es)?|cm|mm)\b"
)
"""A spelled number typed or heard together with its unit: "twocentimeters"."""
ANTI_SOUNDALIKE = re.compile(r"\b(?:auntie|aunty|ante|anty|anti|and to)[ -]?(?=clockwise\b)")
"""What recognizers write for "anti" in "anti-clockwise": "rotate auntie clockwise"."""
TURN_VERB = r"(?:rotat|turn|twist|spin)\w*"
CLOCK_IDIOM = re.compile(rf"\b({TURN_VERB}\b.*?)\b(against|with) the clock\b")
"""Rotation told by the clock's hands: "against the clock" anticlockwise, "with it" clockwise."""
ANTI_AFTER_TURN = re.compile(
    rf"\b({TURN_VERB}(?: (?:it|that|this|them|the \w+))?) (?:and|an|end) (?=clockwise\b)"
)
"""A verb of turning, then "and clockwise": a recognizer's "anti-clockwise"."""
_OBJECT = r"(?: (?:it|that|this|them|the \w+|your \w+|its \w+))?"
GRIPPER_PARTICLE = re.compile(
    rf"\b((?:close|shut)s?{_OBJECT}) up\b"
    r"(?= *(?:[,.;!?]|$|and\b|then\b|please\b|now\b|fully\b|all the way\b|completely\b|"
    r"the\b|your\b|its\b))"
)
"""The particle of "close it up", "close up the claw": the gripper's motion only."""
BACKWARDS_ERROR = re.compile(
    r"\b(?:that's|thats|that is|that was|it's|it is|it was|this is) (?:all |completely |totally )?"
    r"backwards?(?= *(?:[,.;!?]|$))"
)
"""'That's backwards': the motion went the wrong way (not "go backward")."""
HUM = re.compile(r"(?:^|(?<=[,.!?] ))(?:mm+|hm+)[,.]* ?(?=[a-z]|$)")
"""A hum opening the text or a clause ("mm, yeah, lower"): after a number "mm" stays a unit."""

TOOL_JARGON = re.compile(r"\b(?:tcp|ee|eef|end[- ]effector|tool cent(?:er|re) point)\b")
"""A roboticist's names of the tool: the gripper."""


def names_the_tool(words: str) -> bool:
    """The words are a roboticist's name of the tool ("TCP", "end effector")."""
    return TOOL_JARGON.fullmatch(words) is not None


_SIGN = r"(?P<sign>[+-] ?|\b(?:plus|minus|positive|negative) )"
_AXIS_DIRECTIONS = {"x": ("forward", "backward"), "y": ("left", "right"), "z": ("up", "down")}
_NUMBER_AHEAD = r"(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a)\b)"
SIGNED_AXIS = re.compile(
    rf"(?:\bin )?{_SIGN}(?P<axis>[xyz])\b(?:[- ](?:axis|direction))?|"
    rf"\b(?:delta |d ?)(?P<axis2>[xyz]) (?:of |by |= ?|is )?{_SIGN.replace('sign', 'sign2')}"
    rf"{_NUMBER_AHEAD}"
)
"""A signed axis of the base frame: "+x", "plus x", "in negative z", "delta x of minus 2"."""
SIGNED_YAW = re.compile(
    rf"{_SIGN}yaw\b(?: (?:of|by))?|\byaw (?:of |by |= ?)?"
    rf"{_SIGN.replace('sign', 'sign2')}|"
    rf"{_SIGN.replace('sign', 'sign3')}(?P<angle>\d+(?:\.\d+)? ?(?:degrees?|deg)\b)"
    r"(?: (?:in|of|about|around) (?:the )?yaw)"
)
"""A signed yaw: "+yaw", "yaw plus 10 degrees", "minus 8 degrees in yaw" (positive is
counterclockwise seen from above, the right-hand rule about the base's up axis)."""
OTHER_FRAME = re.compile(r"\b(?!base\b|robot\b|robot's\b)\w+(?:'s)? (?:frame|coordinates)\b")
"""A frame other than the base's: a signed axis in it is not read."""
STEP_LABEL = re.compile(
    r"(?:^|(?<=[,.;!?] )|(?<=[,.;!?]))(?:step|item|note) (?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s*[:.)-]\s*"
)
"""The label of a numbered note ("Step 2: move left"): no number of the motion."""
THAN_THEN = re.compile(r"(?:(?<=,)|(?<=\band)) than\b")
"""'Than' after a comma or "and": the slip of "then" ("close it, than go up")."""
STOP_DEVICE_ONLY = re.compile(r"^(?:e-?stop|estop|emergency stop)s?(?: now)?[.!]*$")
"""Only the stop device's name said ("E-stop!"): a stop."""
OPEN_MOUTH = re.compile(r"\b(open|close|shut) (?:your|its|the) mouth\b")
"""A child's words to the claw: "open your mouth"."""


TEXT_SPEAK = {
    "rt": "right", "rgt": "right", "fwd": "forward", "fwds": "forward",
    "bck": "back", "bk": "back", "dn": "down", "opn": "open", "cls": "close", "mv": "move",
    "rot8": "rotate", "pls": "please", "plz": "please", "thx": "thanks", "thnx": "thanks",
    "ty": "thanks", "k": "ok", "kk": "ok", "u": "you", "ur": "your", "cn": "can", "lol": "",
}  # fmt: skip
"""Shorthand of text messages and the words it stands for (whole words only). Not "lft": as
near to "lift" as to "left", it stays a slip that is asked unless a sideways verb says left."""
_TEXT_SPEAK = re.compile(r"(?<![\w'-])(" + "|".join(TEXT_SPEAK) + r")(?![\w'-])")


def _signed(sign: str) -> int:
    return -1 if sign.strip() in ("-", "minus", "negative") else 1


def _axis_words(match: re.Match[str]) -> str:
    axis = match["axis"] or match["axis2"]
    positive, negative = _AXIS_DIRECTIONS[axis]
    word = positive if _signed(match["sign"] or match["sign2"]) > 0 else negative
    return f" {word} "  # spaced: "tcp-z" is "gripper down"


def _yaw_words(match: re.Match[str]) -> str:
    sign = match["sign"] or match["sign2"] or match["sign3"]
    sense = "counterclockwise" if _signed(sign) > 0 else "clockwise"
    return f"{match['angle']} {sense}" if match["angle"] else f"rotate {sense} "


def _base_frame_axes(text: str, changes: list[tuple[str, str]]) -> str:
    """Signed axes and yaw read as directions, unless another frame is named."""
    if OTHER_FRAME.search(text):
        return text
    for pattern, words in ((SIGNED_YAW, _yaw_words), (SIGNED_AXIS, _axis_words)):
        for m in pattern.finditer(text):
            changes.append((m.group(0), words(m).strip()))
        text = pattern.sub(words, text)
    return re.sub(r"  +", " ", text).strip()


def rewrite(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with the word senses and sound-alikes of the module docstring read, and the
    ``(before, after)`` of each change."""
    changes: list[tuple[str, str]] = []

    def sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
        for m in pattern.finditer(text):
            changes.append((m.group(0), m.expand(repl)))
        return pattern.sub(repl, text)

    text = sub(INTENSIFIER_RIGHT, r"\1 just ", text)
    text = sub(WIDEN, "open", text)
    text = sub(NARROW, "close", text)
    text = sub(CHORE_PARTICLE, r"\1", text)
    text = sub(ALIGNING_PARTICLE, r"\1", text)
    text = sub(GLUED_UNIT, r"\1 \2", text)
    for m in CM_LETTERS.finditer(text):
        number = "two" if m.group(1) in ("to", "too") else m.group(1)
        changes.append((m.group(0), f"{number} cm"))
    text = CM_LETTERS.sub(lambda m: f"{'two' if m[1] in ('to', 'too') else m[1]} cm", text)
    text = sub(ANTI_SOUNDALIKE, "anti", text)
    text = sub(HUM, "", text)
    text = sub(ANTI_AFTER_TURN, r"\1 anti", text)
    text = sub(GRIPPER_PARTICLE, r"\1", text)
    text = sub(BACKWARDS_ERROR, "that is the wrong way", text)
    text = sub(TOOL_JARGON, "gripper", text)
    text = _base_frame_axes(text, changes)
    text = sub(STEP_LABEL, ", ", text).strip(" ,")
    text = sub(THAN_THEN, " then", text)
    text = sub(STOP_DEVICE_ONLY, "stop", text)
    text = sub(OPEN_MOUTH, r"\1 the gripper", text)
    text = trade_words(text, changes)  # a trade's or another language's words (``trade_words``)
    for m in _TEXT_SPEAK.finditer(text):
        changes.append((m.group(0), TEXT_SPEAK[m.group(1)]))
    text = _TEXT_SPEAK.sub(lambda m: TEXT_SPEAK[m.group(1)], text)
    for m in CLOCK_IDIOM.finditer(text):
        sense = "counterclockwise" if m.group(2) == "against" else "clockwise"
        changes.append((m.group(0), f"{m.group(1)}{sense}"))
    text = CLOCK_IDIOM.sub(
        lambda m: f"{m[1]}{'counterclockwise' if m[2] == 'against' else 'clockwise'}", text
    )
    return text, changes
