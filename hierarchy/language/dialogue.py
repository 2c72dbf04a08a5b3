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
   small step left; "a bit more", "keep going" continue the previous motion (``previous``), and
   so do "carry on like that", "go on, a lot more" (``carry_on``).
4. Compounds ("left a bit, then up") become all their motions in order, or a question: never
   half of them.
5. Ambiguity becomes a question with the readings to choose from (``asking``): a number
   without a unit ("left 5": "5 cm or 5 mm?"), several sizes ("left by 3 cm or by 8 cm?"), no
   direction.
6. Speech confidence: below ``ask_below`` the robot asks back what it heard instead of moving;
   a direction that only a homophone gave ("write" -> right) is asked back below
   ``homophone_ask_below`` ("did you say right?").

``conversation.Dialogue`` keeps the open question and reads the next utterance as its answer.
"""

from __future__ import annotations

import dataclasses
import re

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import (
    Answer,
    Motions,
    Question,
    Refusal,
    motions_of,
)
from skillbridge.hierarchy.language.asking import (
    COUNT_ASK,
    ask_count,
    ask_if_ambiguous,
    speaker_unsure,
    task_or_advance,
    turn_or_move,
)
from skillbridge.hierarchy.language.carry_on import carry_on
from skillbridge.hierarchy.language.more_words import NAMED_MOTION
from skillbridge.hierarchy.language.parser import Parser, ParseResult, default_parser
from skillbridge.hierarchy.language.previous import (
    REVERSE,
    Reads,
    less,
    more,
    other_way,
    overshoot,
    same_but,
)
from skillbridge.hierarchy.language.reframe import imperative
from skillbridge.hierarchy.language.rewrites import names_the_tool
from skillbridge.hierarchy.language.rules import analyse
from skillbridge.hierarchy.language.speech_text import (
    OPERATOR_SIDES,
    Change,
    Cleaned,
    clean,
)
from skillbridge.hierarchy.language.spoken import check_heard, garbled_unsafe
from skillbridge.hierarchy.language.units import normalize

PURPOSE = re.compile(
    r",? (?:so (?:that )?(?:you|it|we|they|the \w+|its \w+)|in order to|"
    r"to line (?:it|them|the \w+) up) .*$"
)
"""A purpose clause ("go left so you don't bump the cup", "turn it a bit so it lines up with
the slot"): set aside when the whole is no motion and the command before it is one ("lines up"
names no direction of its own)."""
CARE_ADVERB = re.compile(r"(?:^|,? )\b(?:carefully|cautiously|slowly|steadily)\b,?(?= |$)")
"""A manner that asks for care and names no size ("gently" is a small size): the intent
classifier reads "carefully grab the glass" as no motion, so an unread text is read again
without it (the whole was checked for safety first)."""
LIST_VERBS = {
    **dict.fromkeys(("move", "go", "come", "bring", "shift", "slide", "push", "pull", "nudge",
                     "lower", "raise", "lift", "scoot"), "move"),
    **dict.fromkeys(("rotate", "twist", "spin", "turn"), "rotate"),
    **dict.fromkeys(("open", "close", "grab", "release", "grip"), "gripper"),
}  # fmt: skip
"""Verbs that open a command in a comma-separated list of commands, and the kind of motion
each names: a list of two kinds ("close the gripper, lift it") is a compound; one of a single
kind ("go left, go left", "lift it, lift it a bit more") is left to the parser (a stutter, or
asked)."""
SIZE_REFUSALS = frozenset(("too_large", "out_of_workspace", "wrong_unit"))
"""Refusals of a size: final, whatever another reading of the words would give."""
FIRST = re.compile(
    r"^(?:(?P<after>after|once|when)|(?P<before>before)) (?:you(?:'ve| have)? |it(?:'s| has)? |"
    r"(?=\w+ing\b))(?P<clause>[^,.]+)[,.] (?P<rest>.+)$"
)
"""A compound that names its later part first: "after you close the gripper, raise it", "before
rotating, lift it"."""
LAST = re.compile(
    r"^(?P<rest>[^,]+?),? (?:(?P<after>after)|(?P<before>before)) (?P<clause>\w+ing\b.+)$"
)
"""The same with the clause last: "close it after moving down" (down, then close)."""
_JOINERS = re.compile(
    r"\s*(?:[,;]\s*)?\b(?:and then|and after that|after that|(?<!hundred )and(?! a half\b)|then|"
    r"followed by)\b\s*,?\s*|;\s*|\.\s*,\s*(?=[a-z])"
)
"""Words between two commands (or a sentence's end before a step label, read as a comma by
``rewrites.STEP_LABEL``: "item one: left 2 cm. item two: open"); not the "and" of a number ("a
hundred and twenty", "an inch and a half")."""
BREAK_WORDS = frozenset(("back", "go", "move", "come", "bring", "push", "pull", "shift", "slide",
                         "lower", "raise", "lift", "turn", "rotate", "now", "please", "no",
                         "wait", "actually", "sorry"))  # fmt: skip
"""Words before which a missing comma may belong ("overshot forward back off a little")."""
NO_BREAK_AFTER = frozenset(("not", "never", "dont", "don't", "do", "to", "can", "will", "would",
                            "should", "must"))  # fmt: skip
"""Words that bind the verb after them: no comma goes between ("do not go up" is no "go up")."""


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
    cleaned = clean(text, config.operator_side)
    if _unsafe(said) and not _only_reworded(text, cleaned, confidence):
        return said
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


def _only_reworded(text: str, cleaned: Cleaned, confidence: float) -> bool:
    """Typed text whose only repairs join or split words ("to ward the table": toward) or name
    the tool in plain words ("the TCP": the gripper) and that has no unsafe words: a refusal of
    the words as said is the intent classifier's alone, misled by words it does not know, so
    the repaired words are read (and checked) instead."""
    repairs = [c for c in cleaned.changes if _rewords(c)]
    return (
        confidence >= 1.0
        and bool(repairs)
        and len(repairs) == len(cleaned.changes)
        and analyse(normalize(text)).unsafe is None
    )


def _rewords(change: Change) -> bool:
    """A repair that only rewords: joined or split words, or the tool named in plain words."""
    return change.kind in ("merge", "split") or (
        change.kind == "frame" and names_the_tool(change.before)
    )


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
    if (unsure := speaker_unsure(text) or task_or_advance(text)) is not None:
        return unsure
    if (unsure := turn_or_move(text, whole, parser)) is not None:
        return unsure
    for step in (same_but, other_way, overshoot, less, more, carry_on, _compound):
        answer = step(text, previous, parser)
        if answer is not None:
            return answer
    if (aside := _words_set_aside(text, whole, parser)) is not None:
        return aside
    return ask_count(text, whole) or ask_if_ambiguous(text, whole, parser)


def _words_set_aside(text: str, whole: Answer, parser: Reads) -> Answer | None:
    """A text that is no motion as a whole, read without what only frames the command: a
    purpose clause, a missing comma of speech, a care adverb ("carefully grab the glass")."""
    purpose = PURPOSE.search(text)
    if purpose and motions_of(whole) is None:
        aim = parser.parse(text[: purpose.start()])
        if motions_of(aim) is not None:
            return aim
    if not _unread(whole):
        return None
    if (comma := _missing_comma(text, parser)) is not None:
        return comma
    if CARE_ADVERB.search(text):
        plain = parser.parse(CARE_ADVERB.sub("", text).strip(" ,"))
        if motions_of(plain) is not None:
            return plain
    return None


def _unread(whole: Answer) -> bool:
    """Not read as a motion, and not refused for its size: a size over a bound must never be
    dropped by reading the words another way ("rotate clockwise a quarter, turn")."""
    sized = isinstance(whole, Refusal) and whole.kind in SIZE_REFUSALS
    return motions_of(whole) is None and not sized


def _missing_comma(text: str, parser: Reads) -> Answer | None:
    """Speech has no punctuation: a clause break before one of ``BREAK_WORDS`` that makes
    the text one motion, when exactly one such break does."""
    words = text.rstrip(" .!?").split()
    if len(words) < 3 or any(p in text for p in ",;:"):
        return None
    found = {}
    for i in range(2, len(words)):
        if words[i] in BREAK_WORDS and words[i - 1] not in NO_BREAK_AFTER:
            answer = parser.parse(" ".join(words[:i]) + ", " + " ".join(words[i:]))
            if isinstance(answer, LanguageMotion):
                found[answer.to_json()] = answer
    return next(iter(found.values())) if len(found) == 1 else None


def _compound(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    if first := FIRST.match(text) or LAST.match(text):  # "after you close it, raise it"
        clause = imperative(first["clause"])  # "before raising it": "raise it"
        order = (clause, first["rest"]) if first["after"] else (first["rest"], clause)
        text = f"{order[0]}, then {order[1]}"
    joined = [p.strip(" ,.") for p in _JOINERS.split(text) if p and p.strip(" ,.")]
    parts = [piece for part in joined for piece in _command_list(part)]
    if len(parts) < 2:
        return None
    answers = [understand(p, previous, parser) for p in parts]
    if (blocking := _blocking_part(answers, text)) is not None:
        return blocking
    # a part that only asks for care ("keep this speed") is no motion, whatever the classifier
    # makes of it (it read "keep this speed" as a stop)
    found = [None if _only_care(p) else motions_of(a) for p, a in zip(parts, answers, strict=True)]
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


def _command_list(part: str) -> list[str]:
    """ "close the gripper, lift it 3 cm": commands separated by commas, each opening with a
    verb of ``LIST_VERBS``, of more than one kind, are parts of a compound; otherwise the part
    stays whole ("left, but not so far", "right, now down": a comma before no command)."""
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    verbs = [p.split()[0] for p in pieces]
    if len(pieces) > 1 and all(v in LIST_VERBS for v in verbs):
        kinds = {LIST_VERBS[v] for v in verbs}  # the parser reads one kind at a time
        return pieces if len(kinds) > 1 else [part]
    return [part]


def _blocking_part(answers: list[Answer], text: str) -> Answer | None:
    """An unsafe part refuses the whole; a part missing its number asks for the whole again
    (never half of a request)."""
    if any(_unsafe(a) for a in answers):
        return next(a for a in answers if _unsafe(a))
    if asked := [a for a in answers if isinstance(a, Question) and a.text.endswith(COUNT_ASK)]:
        return Question(f"{asked[0].text} with the whole request", heard=text)
    return None


def _partly_understood(text: str, parts: list[str], found: list, parser: Reads) -> Answer:
    """Some parts of a compound are motions, some not: the whole, or a question; never half."""
    whole = parser.parse(text)
    understood = Motions(tuple(m for f in found if f for m in f))
    missed_parts = [p for p, f in zip(parts, found, strict=True) if f is None]
    if (read := motions_of(whole)) is not None and not (
        len(read) < len(understood.motions) and any(NAMED_MOTION.search(p) for p in missed_parts)
    ):  # "stay inside the limits and go right a bit"; a whole that drops a part naming a
        return whole  # motion is not ("close, lift and right at her": the "right" is lost)
    if all(_only_care(p) for p in missed_parts):  # "keep clear of the box and go left"
        return understood.motions[0] if len(understood.motions) == 1 else understood
    missed = missed_parts[0]
    return Question(f"did you mean {understood.describe()}? I did not understand {missed!r}",
                    (understood,), heard=text)  # fmt: skip


def _only_care(part: str) -> bool:
    """A clause that asks only for care or to keep clear ("keep clear of the box", "stay within
    the limits"): no direction, size or unsafe words of its own."""
    cues = analyse(normalize(part))
    named = cues.directions or cues.sizes or cues.unitless or cues.unsafe or cues.has("stop")
    return cues.keeps_safety and not named
