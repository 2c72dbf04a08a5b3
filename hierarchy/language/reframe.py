"""Frame phrases and sound-alikes read before parsing (``speech_text.clean`` calls ``reframe``),
and phrases whose meaning the robot must ask (``dialogue`` calls ``needs_reference``).

Each rule is a class of phrasing, not a sentence:

- an opening "right, so ..." / "right, can you ..." is assent, not a direction, when the rest
  names one ("right, so a bit higher" is up);
- "closer to the table" / "nearer the floor" is down, "further from the table" is up (the
  table is below the gripper), and the other way round for the ceiling;
- "a bid", "a bet", "a beat" in a size's place are a recognizer's "a bit" ("go down a bet"),
  and "the" before a size noun after a direction a recognizer's "a" ("go down the smidge");
- "gently" / "softly" beside a negated forceful verb ("ease it down gently, don't slam it")
  is the manner of the motion, not its size: it becomes "carefully" (a care word, no size);
- "write" with an object ("write my name", "write a note") is the verb, not a homophone of
  "right" (``writing_verb``);
- "the opening" is a place (a gap), not the command "open";
- a size taken back before or after another ("not 5 cm, just 2 cm to the left") is dropped;
- "lower it without hitting the table": a comma before the "without ..." clause keeps its
  negation off the command;
- "not there", "not like that" and a bare "closer" name no direction: asked.
"""

from __future__ import annotations

import re

from skillbridge.hierarchy.language.lexicon import IMPERATIVES
from skillbridge.hierarchy.language.rewrites import rewrite

ASSENT_RIGHT = re.compile(
    r"^(?:(?:ok|okay|alright|well|so|yeah|yes),? )*right,? "
    r"(?=(?:so|can you|could you|would you|will you|let's|let us|ok|okay)\b)"
)
"""An opening "right" of assent: before "so", a polite request or "let's" ("right, so ...",
"right, can you ..."); not before "then" or a comma alone ("right, then up" is a compound)."""
DIRECTION_WORDS = re.compile(
    r"\b(?:left|right|forwards?|backwards?|back|up|down|higher|lower|raise|lift|clockwise|"
    r"counterclockwise|anticlockwise|toward|towards|away|closer|nearer)\b"
)
"""Words that name a direction: the rest after an assent must have one."""
_SURFACE = r"(?:the |that )?(?:table|tabletop|table top|floor|ground|surface|bench|workbench)"
TOWARD_TABLE = re.compile(r"\b(?:closer|nearer)(?: to)? " + _SURFACE + r"\b")
"""Toward the surface below the gripper: down."""
FROM_TABLE = re.compile(r"\b(?:further|farther)(?: away)? from " + _SURFACE + r"\b")
"""Away from the surface below the gripper: up."""
_ABOVE = r"(?:the )?(?:ceiling|roof|sky)"
TOWARD_CEILING = re.compile(r"\b(?:closer|nearer)(?: to)? " + _ABOVE + r"\b")
FROM_CEILING = re.compile(r"\b(?:further|farther|away)(?: away)? from " + _ABOVE + r"\b")
"""The same for what is above: closer to the ceiling is up, away from it down."""
BIT_SOUNDALIKES = frozenset(("bid", "bet", "beat", "bat", "bait", "bitt"))
"""What recognizers and typists write for "bit" after "a"; replaced only in a size's place."""
SIZE_CONTEXT = frozenset((
    "left", "right", "forward", "forwards", "backward", "backwards", "back", "up", "down",
    "higher", "lower", "it", "them", "that", "more", "further", "farther", "closer", "clockwise",
    "counterclockwise", "anticlockwise", "over", "out", "in",
))  # fmt: skip
"""Words after which "a bet" is a size ("left a bet", "lift it a bid", "more a beat")."""
SIZE_FOLLOWERS = frozenset((
    "more", "further", "farther", "closer", "higher", "lower", "to", "toward", "towards",
    "left", "right", "up", "down", "forward", "back", "backward",
))  # fmt: skip
"""Words before which "a bet" is a size ("a bet to the left", "a bid higher")."""
THE_SIZE = re.compile(
    r"\b(left|right|forward|back|backward|up|down|higher|lower|clockwise|counterclockwise|"
    r"anticlockwise|further|farther|more) the (smidge|tad|touch|hair|bit|tiny bit|little bit)\b"
    r"(?= *(?:[,.;!?]|$|more\b|further\b|please\b))"
)
"""A size noun said with "the" in a size's place ("left the tad."): "a"."""
FORCEFUL = re.compile(
    r"\b(?:do not|don't|dont|never|no|without|not) (?:\w+ )?"
    r"(?:slam|bang|smash|crash|drop|jam|ram|throw|thump|whack|bash)\w*"
)
"""A negated forceful verb ("don't slam it", "without banging it")."""
MANNER = re.compile(r"\b(?:gently|softly|delicately)\b")
WRITE_OBJECTS = frozenset((
    "my", "your", "his", "her", "their", "our", "its", "down", "something", "anything",
    "this", "these", "those", "some", "me", "us", "him", "on", "with", "out", "letters",
    "words", "text", "notes", "numbers",
))  # fmt: skip
"""Words after which "write" is writing ("write my name", "write something")."""
_DETERMINERS = frozenset(("a", "an", "the"))
_SIZE_NOUNS = frozenset(("bit", "little", "tad", "touch", "smidge", "hair", "few", "couple",
                         "lot", "way", "side", "same"))  # fmt: skip
OPENING = re.compile(
    r"\b(the|an|that|this|its|your) opening\b"
    r"(?! of (?:the |your |its )?(?:gripper|claw|hand|jaws))"
)
"""An opening as a place ("through the opening"), not the command "open": a gap (no motion)."""
WITHOUT_CLAUSE = re.compile(r"(?<=[a-z]) (without|while not|but not) (?=[a-z]+ing\b)")
""" "lower it without hitting the table": the "without ..." clause says what to avoid; a comma
keeps its negation off the command before it."""
_SIZE = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten) ?"
    r"(?:cm|mm|centimet\w*|millimet\w*|degrees?|deg|inch\w*)\b"
)
NEGATED_SIZE = re.compile(
    r"\b(?:not|no) (?:by )?" + _SIZE + r",? ?(?:(?:but|just|only|rather|instead),? )*"
)
"""A size said and taken back ("not 5 cm, just 2 cm left"): dropped when another size and a
direction are said (without a direction, "not 4 cm, 2 cm" corrects the previous size:
``previous``)."""
NO_PLACE = re.compile(
    r"^(?:(?:no|nope|nah|wait|hmm)[,.!]* )*not (?:there|here|like that|that spot|that place|"
    r"that position|quite there|where i (?:meant|wanted|said))[.!]*$"
)
"""It is not where it should be, but which way is not said: ask."""
BARE_CLOSER = re.compile(
    r"^(?:(?:please|just|now|ok|okay|go|move|come|get|bring|put|it|a|bit|little|tad|touch|"
    r"slightly),? )*(?:closer|nearer)(?: please)?[.!]*$"
)
"""Closer to what? A comparative with nothing to compare with ("closer", "a bit nearer")."""


def reframe(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with frame phrases and size sound-alikes read (see the module docstring), and
    the ``(before, after)`` of each change."""
    text, changes = rewrite(text)  # word senses and sound-alikes (``rewrites``)
    if (assent := ASSENT_RIGHT.match(text)) and DIRECTION_WORDS.search(text[assent.end() :]):
        changes.append((assent.group(0).strip(), ""))
        text = text[assent.end() :]
    for pattern, direction in ((TOWARD_TABLE, "down"), (FROM_TABLE, "up"),
                               (TOWARD_CEILING, "up"), (FROM_CEILING, "down")):  # fmt: skip
        for m in pattern.finditer(text):
            changes.append((m.group(0), direction))
        text = pattern.sub(direction, text)
    for m in THE_SIZE.finditer(text):
        changes.append((m.group(0), f"{m.group(1)} a {m.group(2)}"))
    text = THE_SIZE.sub(r"\1 a \2", text)
    text = _drop_negated_size(text, changes)
    for m in WITHOUT_CLAUSE.finditer(text):
        changes.append((m.group(0).strip(), f", {m.group(1)}"))
    text = WITHOUT_CLAUSE.sub(r", \1 ", text)
    for m in OPENING.finditer(text):
        changes.append((m.group(0), f"{m.group(1)} gap"))
    text = OPENING.sub(r"\1 gap", text)
    if FORCEFUL.search(text) and (manner := MANNER.search(text)):
        changes.append((manner.group(0), "carefully"))
        text = MANNER.sub("carefully", text)
    tokens = text.split(" ")
    for i, word in enumerate(tokens):
        bare = word.rstrip(",.!?")
        if bare in BIT_SOUNDALIKES and i > 0 and tokens[i - 1] in ("a", "an"):
            before = tokens[i - 2].rstrip(",") if i > 1 else ""
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if before in SIZE_CONTEXT or after.rstrip(",.!?") in SIZE_FOLLOWERS:
                changes.append((bare, "bit"))
                tokens[i] = "bit" + word[len(bare) :]
    return " ".join(tokens), changes


def _drop_negated_size(text: str, changes: list[tuple[str, str]]) -> str:
    """Without the size taken back (``NEGATED_SIZE``) when another size and a direction are
    said; without a direction "not 4 cm, 2 cm" corrects the previous size (``previous``)."""
    negated = NEGATED_SIZE.search(text)
    if negated is None:
        return text
    kept = (text[: negated.start()] + text[negated.end() :]).strip(" ,")
    if not (re.search(_SIZE, kept) and DIRECTION_WORDS.search(kept)):
        return text
    changes.append((negated.group(0).strip(" ,"), ""))
    return kept


def writing_verb(tokens: list[str], i: int) -> bool:
    """ "write" at ``tokens[i]`` is the verb ("write my name", "write a note"), not "right":
    an object follows and no direction's place comes before ("to the write", "move it write")."""
    before = tokens[i - 1] if i > 0 else ""
    if before in ("the", "your", "my", "it", "them", "move", "go", "shift", "slide", "push"):
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    after = tokens[i + 2] if i + 2 < len(tokens) else ""
    if nxt in _DETERMINERS:
        return after.isalpha() and after not in _SIZE_NOUNS
    return nxt in WRITE_OBJECTS


GERUND_VERBS = frozenset((*IMPERATIVES, "open", "close", "release", "grab", "grip", "raise",
                          "lift", "lower", "rotate", "slide", "shift", "nudge"))  # fmt: skip
"""Verbs whose -ing form opens a clause of a compound ("before raising it": "raise it")."""


def imperative(clause: str) -> str:
    """ "raising the arm" -> "raise the arm": a clause opening with the -ing form of one of
    ``GERUND_VERBS``, in the imperative (other clauses unchanged)."""
    word, _, rest = clause.partition(" ")
    if not word.endswith("ing") or len(word) < 5:
        return clause
    stem = word[:-3]
    for verb in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else ""):
        if verb in GERUND_VERBS:
            return f"{verb} {rest}".strip()
    return clause


def needs_reference(text: str) -> str | None:
    """The question for a correction that names no direction, only that the place is wrong
    ("not there") or a comparative with nothing to compare ("closer"); None otherwise."""
    said = " ".join(text.lower().split())
    if NO_PLACE.match(said):
        return "where should it go? Say the direction"
    if BARE_CLOSER.match(said):
        return "closer to what? Say the direction (closer to me, down to the table, ...)"
    return None
