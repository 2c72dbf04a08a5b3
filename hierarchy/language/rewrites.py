"""Word senses and sound-alikes read before parsing (``reframe.reframe`` calls ``rewrite``).

Each rule is a class of phrasing, not a sentence:

- "right" after a form of "be" and before a place word is an intensifier ("the table is right
  below", "it's right there"), not a direction: it becomes "just";
- "widen" / "spread" the gripper (its fingers, jaws) is opening it, "narrow" it closing it;
- "down", "up", "off" after a verb of cleaning or writing ("wipe down the table", "tidy up",
  "write it down") belong to that verb: no direction is said;
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
  motion is reversed), not the direction backward.
"""

from __future__ import annotations

import re

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
HUM = re.compile(r"(?:^|(?<=[,.!?] ))(?:mm+|hm+),? ?(?=[a-z]|$)")
"""A hum opening the text or a clause ("mm, yeah, lower"): after a number "mm" stays a unit."""


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
    for m in CLOCK_IDIOM.finditer(text):
        sense = "counterclockwise" if m.group(2) == "against" else "clockwise"
        changes.append((m.group(0), f"{m.group(1)}{sense}"))
    text = CLOCK_IDIOM.sub(
        lambda m: f"{m[1]}{'counterclockwise' if m[2] == 'against' else 'clockwise'}", text
    )
    return text, changes
