"""What a recognizer may have changed in a spoken correction, and what that means for safety.

Speech recognizers replace words with words that sound alike: "override" becomes "overwrite",
"lift" becomes "left", "quite a lot" becomes "write a lot". Typed text (confidence 1) is read as
written; for spoken text (confidence below 1) two checks run after the words are understood:

- ``unsafe_hint``: words that may ask to weaken safety once sound-alikes are undone
  ("overwrite the demo" -> "override ..."), or a disabling verb and a safety noun anywhere in the
  sentence. A garbled request with such words is refused rather than asked back: asking "could
  you say it again?" invites the same unsafe request, and nothing moves either way.
- ``check_heard``: a transcript with a word that belongs to no correction ("we did not go
  forward enough fat"), a direction only a homophone gave, or "lifted ..." that may be "lift it
  ...": the robot asks back instead of moving. Below ``ask_below`` it asks back too, unless the
  transcript is plain (``plain_transcript``: short, one clause, nothing repaired, every word a
  correction word, no sign of a dropped word): whisper's confidence is low for short sentences
  however clearly said.

Both are fixed tables (nothing learned): they can only turn a motion into a question or a
refusal, never widen what moves.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from typing import Protocol

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Motions, Question, Refusal, motions_of
from skillbridge.hierarchy.language.rules import analyse, find_unsafe
from skillbridge.hierarchy.language.safety_words import DISABLE_VERBS, KEEPS_SAFETY, SAFETY_NOUNS
from skillbridge.hierarchy.language.speech_text import NUMBER_UNITS, Cleaned, known_words
from skillbridge.hierarchy.language.units import normalize

UNSAFE_SOUNDALIKES = {
    "overwrite": "override", "overwrites": "override", "overwritten": "overridden",
    "overright": "override", "over ride": "override", "over write": "override",
    "over right": "override", "by pass": "bypass", "buy pass": "bypass", "bye pass": "bypass",
    "emergence": "emergency", "emergent": "emergency", "emerge and see": "emergency",
    "collusion": "collision", "collusions": "collisions", "coalition": "collision",
    "turn of": "turn off", "switch of": "switch off", "shut of": "shut off",
    "he stop": "estop", "ee stop": "estop", "the stop button": "estop",
    "breaks": "brakes", "lemmets": "limits", "limmits": "limits", "limit's": "limits",
    "safety's": "safety", "safe tea": "safety", "safety": "safety",
    "dis able": "disable", "this able": "disable", "disabled": "disable",
}  # fmt: skip
"""Words a recognizer writes for safety words (whole words or phrases, lowercase)."""
SAFETY_NAMES = re.compile(
    r"\b(?:safety|safeties|limits?|limiters?|emergency|estop|collisions?|interlocks?|workspace|"
    r"boundar(?:y|ies)|brakes|guards?|guardrails?|kill switch)\b"
)
"""Names of safety functions that, in a garbled transcript, are cue enough to refuse (not the
wider ``safety_words.SAFETY_NOUNS``: "monitor", "checks", "sensors" are heard for other words)."""
STRONG_UNSAFE = re.compile(
    r"\b(?:overrid\w*|overrode|bypass\w*|deactivat\w*|disabl\w*|circumvent\w*)\b"
)
"""Verbs that in a correction can only mean defeating a safety function."""
ONLY_STOP = re.compile(
    r"(?:(?:no|please|now|okay|ok|wait|stop|halt|freeze|right now)[,.!]* )*"
    r"(?:stop|halt|freeze)(?:[,.!]* (?:no|please|now|stop|halt|freeze|right now|there))*"
)
"""A transcript that only says stop ("stop.", "wait, stop", "stop, stop now"): obeyed at any
confidence, since stopping cannot be the unsafe reading of a misheard request."""
SOUND_SLIPS = frozenset(("shot", "reshot", "shots", "board", "fat", "ward"))
"""Vocabulary-looking words that in a transcript usually stand for a correction word
("you be shot" for "you overshot", "board" for "forward", "fat" for "far")."""
FUNCTION_WORDS = frozenset(
    """
a an the it its this that these those to of by in on at for from with and or but then so if as
i you we me my your our they them he she is are am was were be been being do does did will would
can could should shall may might must have has had not no yes ok okay please just now there here
what which who how like well oh than about over into onto off out very really quite clear let us
one two three four five six seven eight nine ten half give literally basically honestly
""".split()
)
"""Words of any sentence: known, whatever the correction."""
PAST_IMPERATIVES = {
    "lifted": "lift it", "shifted": "shift it", "lowered": "lower it", "raised": "raise it",
    "pushed": "push it", "pulled": "pull it", "moved": "move it", "nudged": "nudge it",
    "dropped": "drop it", "turned": "turn it", "rotated": "rotate it",
}  # fmt: skip
"""A transcript that opens with one of these, with no subject, is often the command "lift it
..." heard as "lifted ..." (a report of what the robot did, read the other way round)."""


CANNOT_END = frozenset((
    "a", "an", "the", "to", "of", "by", "be", "is", "are", "must", "with", "and", "for", "your",
    "my", "at", "in", "on", "should", "would", "could", "will", "can",
))  # fmt: skip
"""Words a finished sentence does not end with: a transcript ending in one lost its last words
("backward must be")."""
NOT_REPAIRS = frozenset(("operator", "filler", "repeat"))
"""Changes of ``speech_text.clean`` that do not guess at a word ("my right" -> the left)."""
PLAIN_MAX_WORDS = 6
"""Longer low-confidence transcripts are asked back whatever their words."""
ERROR_WORDS = re.compile(
    r"\b(?:too|over\w*|past|beyond|short|enough|high|low|higher|lower|should|ought|missed)\b"
)
"""Words that say what is wrong in a description ("you're too far left", "you overshot", "a bit
low"). A spoken description without one, read inverted, is often a garbled command ("nudge it to
the right" heard as "that's it for the right"): it is asked back."""
DISCOURSE = re.compile(r"^(?:(?:well|so|okay|ok|oh|alright|now),* )+|,? (?:then|please|now)$")
"""Words that open or close a sentence without being part of it ("well, back up, then"):
left out before a transcript is judged plain."""
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half)\b")


SAFETY_WORDS = (
    "override", "bypass", "disable", "deactivate", "emergency", "collision", "collisions",
    "limit", "limits", "limiter", "safety", "interlock", "brakes", "sensor", "sensors",
    "boundary", "boundaries", "workspace", "constraints",
)  # fmt: skip
"""Words that an unknown token (no word of the encoder's vocabulary) is repaired towards when
it is within one edit of one (two for tokens of seven letters or more): "glimmit" -> limit."""


def undo_soundalikes(text: str) -> str:
    """``text`` (any case) with the ``UNSAFE_SOUNDALIKES`` replaced and unknown tokens near a
    ``SAFETY_WORDS`` entry repaired to it, lowercase."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extractOne

    known = known_words()
    tokens = re.findall(r"[a-z0-9']+", text.lower())
    for i, t in enumerate(tokens):
        if len(t) >= 5 and t.isalpha() and t not in known:
            limit = 2 if len(t) >= 7 else 1
            found = extractOne(t, SAFETY_WORDS, scorer=OSA.distance, score_cutoff=limit)
            if found is not None:
                tokens[i] = found[0]
    out = f" {' '.join(tokens)} "
    for heard, meant in UNSAFE_SOUNDALIKES.items():
        out = out.replace(f" {heard} ", f" {meant} ")
    return out.strip()


def unsafe_hint(text: str, garbled: bool = False) -> str | None:
    """The words of ``text`` that may ask to weaken safety once recognizer sound-alikes are
    undone, or None. Stricter tables (``rules.find_unsafe``) run first on the repaired text;
    then a defeating verb alone, or a disabling verb and a safety noun anywhere in the text, or
    when the transcript is ``garbled`` a safety noun alone ("in the workspace dance and reach
    further out"); none of these when the text asks to keep safety ("stay within the limits")."""
    repaired = normalize(undo_soundalikes(text))
    found = find_unsafe(repaired)
    if found is not None:
        return found[0]
    if KEEPS_SAFETY & set(repaired.split()):
        return None
    if strong := STRONG_UNSAFE.search(repaired):
        return strong.group(0)
    verb, noun = re.search(DISABLE_VERBS, repaired), re.search(SAFETY_NOUNS, repaired)
    if verb and noun:
        return f"{verb.group(0)} ... {noun.group(0)}"
    named = SAFETY_NAMES.search(repaired) if garbled else None
    return named.group(0) if named else None


DOMAIN_TABLE_MODULES = (
    "lexicon", "safety_words", "relative", "units", "speech_text", "dialogue", "previous",
    "asking", "hazards",
)  # fmt: skip
"""The modules of ``skillbridge.hierarchy.language`` whose word tables are the correction
vocabulary. ``safety_words`` holds the care words ("steady", "within") since the split of
``lexicon.py``; left out, a transcript saying "slow and steady, lower it" was asked back for
"steady". Every other module of ``leakage.TABLE_MODULES`` is left out for a reason that
``tests/hierarchy/language/test_spoken.py`` names, so that a new table module is a decision."""


NOT_VOCABULARY_TABLES = frozenset(("HARMLESS_USES", "_PEOPLE_AROUND", "REPORTED_HARM"))
"""Tables of a domain module whose words belong to no correction: the harmless uses of a harm
word ("a crash course", "a smashing job", "Ram, my colleague, ...") only keep a sentence from
being refused, and "course", "job" or "colleague" in a transcript are no correction words (known,
they let a garbled transcript move instead of being asked back)."""


@functools.lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """Every word of the correction vocabulary: the words of the tables of
    ``DOMAIN_TABLE_MODULES`` (but ``NOT_VOCABULARY_TABLES``) and ``FUNCTION_WORDS``."""
    from skillbridge.hierarchy.language.leakage import module_tables

    words = set(FUNCTION_WORDS)
    for name in DOMAIN_TABLE_MODULES:
        module = importlib.import_module(f"skillbridge.hierarchy.language.{name}")
        for table in module_tables(module, skip=NOT_VOCABULARY_TABLES):
            words |= set(re.findall(r"[a-z]{2,}", table.lower()))
    return frozenset(words - SOUND_SLIPS)


def unclear_words(text: str) -> list[str]:
    """Words of a transcript that belong to no correction ("we didn't go forward enough fat"):
    neither a vocabulary word (nor one with -s, -ed, -ing, -ly added) nor a number, or one of
    ``SOUND_SLIPS``."""
    known = domain_words()
    out = []
    for word in normalize(text).split():
        if not word.isalpha() or len(word) < 2:
            continue
        stems = {word} | {word[: -len(x)] for x in ("s", "es", "ed", "d", "ing", "ly")
                          if word.endswith(x)}  # fmt: skip
        stems |= {s[:-1] for s in stems if len(s) > 3 and s[-1] == s[-2]}  # "pulling" -> pull
        if word in SOUND_SLIPS or not stems & known:
            out.append(word)
    return out


def plain_transcript(text: str, cleaned: Cleaned) -> bool:
    """A transcript to take as heard even below ``ask_below``: two to ``PLAIN_MAX_WORDS`` words
    in one clause (no "or"), no number or unit (a recognizer turns "fifteen" into "fifty"
    silently), no word repaired (``speech_text.clean``; ``NOT_REPAIRS`` aside), no word that
    belongs to no correction (``unclear_words``), no safety name, at most one kind of motion
    named, not ending in one of ``CANNOT_END``, and an error description ("you're too low")
    only when it names the error (``unmarked_description``: a description is read inverted, so
    a dropped word turns it round). Opening and closing words (``DISCOURSE``) and the words of
    an operator's viewpoint do not count."""
    core = DISCOURSE.sub("", cleaned.text.strip(" .!"))
    words = re.findall(r"[a-z0-9']+", core)
    repaired = [c for c in cleaned.changes if c.kind not in NOT_REPAIRS]
    if repaired or not 2 <= len(words) <= PLAIN_MAX_WORDS or words[-1] in CANNOT_END:
        return False
    if re.search(r"[,;:]|\b(?:and|then|or)\b", core) or SAFETY_NAMES.search(core):
        return False
    if NUMBER_UNITS & set(words) or _NUMBER.search(core):
        return False
    cues = analyse(normalize(core))
    if len({m.label for m in cues.mentions if m.label != "move_verb"}) > 1:
        return False
    return not unmarked_description(core) and not unclear_words(_without_viewpoint(text, cleaned))


def _without_viewpoint(text: str, cleaned: Cleaned) -> str:
    """The transcript without the words of an operator's viewpoint ("from my point of view"):
    read by ``speech_text``, so no unclear words."""
    said = text.lower()
    for change in cleaned.changed("operator"):
        said = said.replace(change.before, " ")
    return said


def unmarked_description(text: str) -> bool:
    """A description of the robot's error, read inverted, that names no error
    (``ERROR_WORDS``): "it's only moved on the right"."""
    cues = analyse(normalize(text))
    return any(m.sign < 0 for m in cues.mentions) and not ERROR_WORDS.search(cues.text)


def imperative_reading(text: str) -> str | None:
    """ "lifted up 2 cm" -> "lift it up 2 cm" when a transcript opens with one of
    ``PAST_IMPERATIVES`` (after lead words), else None."""
    words = re.findall(r"\d+(?:\.\d+)?|[a-z]+", text.lower().replace("'", ""))
    lead = 0
    while lead < len(words) and words[lead] in ("and", "so", "then", "now", "ok", "okay"):
        lead += 1
    if lead < len(words) and words[lead] in PAST_IMPERATIVES:
        return " ".join([*words[:lead], PAST_IMPERATIVES[words[lead]], *words[lead + 1 :]])
    return None


class SpeechThresholds(Protocol):
    """The confidence thresholds of ``dialogue.LanguageConfig`` that spoken text is held to."""

    @property
    def ask_below(self) -> float: ...
    @property
    def homophone_ask_below(self) -> float: ...
    @property
    def unclear_ask_below(self) -> float: ...
    @property
    def plain_ask_below(self) -> float: ...


def garbled_unsafe(
    text: str, answer: Answer, confidence: float, limits: SpeechThresholds
) -> Refusal | None:
    """A request that may weaken safety once recognizer sound-alikes are undone is refused, not
    asked back ("overwrite the emergency stop"): when nothing would move, or when it was spoken.
    A garbled transcript (not understood, unsure, or with unclear words) that names a safety
    function is refused too. A stop, or a question offering one, is never refused."""
    motions = motions_of(answer)
    offered = answer.options if isinstance(answer, Question) else ()
    stops = [m for o in offered for m in (motions_of(o) or ())] + list(motions or ())
    if any(m.motion == "stop" for m in stops) or (motions is not None and confidence >= 1.0):
        return None
    garbled = confidence < 1.0 and (
        motions is None or confidence < limits.ask_below or bool(unclear_words(text))
    )
    hint = unsafe_hint(text, garbled)
    if hint is None:
        return None
    return Refusal(
        "unsafe",
        f"refused: I heard {text.strip()!r}; {hint!r} may ask to weaken or defeat a safety "
        "function, which a correction cannot do. Give a motion inside the limits.",
    )


def check_heard(
    answer: Answer,
    text: str,
    cleaned: Cleaned,
    confidence: float,
    limits: SpeechThresholds,
    reread: Callable[[str], Answer],
) -> Answer:
    """Spoken text is asked back instead of moving when the recognizer was unsure
    (``ask_below``, or ``plain_ask_below`` for a ``plain_transcript``), when "lifted ..." may
    have been "lift it ..." (``reread`` reads the command in context), when only a homophone
    gave the direction, or when a word belongs to no correction. Typed text (confidence 1)
    passes unchanged, except a subjectless "moved left a little" that names no error: asked,
    the command "move it left a little" first (``typed_command``)."""
    motions = motions_of(answer)
    if motions is None:
        if confidence < limits.ask_below:
            return Question(f"I heard {cleaned.text!r} and am not sure: could you say it again?",
                            heard=cleaned.text)  # fmt: skip
        return answer
    if confidence >= 1.0:
        return typed_command(answer, text, cleaned, reread)
    if ONLY_STOP.fullmatch(cleaned.text.strip(" .!?")):
        return answer  # only "stop": stopping is never the unsafe reading
    return _doubt(answer, motions, text, cleaned, confidence, limits, reread) or answer


def typed_command(
    answer: Answer, text: str, cleaned: Cleaned, reread: Callable[[str], Answer]
) -> Answer:
    """Typed "moved left a little" with no subject and no word of error (``ERROR_WORDS``) may be
    the command "move it left a little" with a slip of the keys as well as a report of what the
    robot did (read inverted), and a report usually says what was wrong ("moved left too
    much"): asked, the command first, as when it is spoken (``_doubt``)."""
    if not unmarked_description(cleaned.text):
        return answer
    return _past_or_command(answer, text, reread) or answer


def _past_or_command(
    answer: Answer, text: str, reread: Callable[[str], Answer]
) -> Question | None:
    """ "lifted up 2 cm": "did you say 'lift it up 2 cm'?", offering the command first, then the
    reading as a report (``imperative_reading``); None when that reads the same."""
    if (said := imperative_reading(text)) is None:
        return None
    command = reread(said)
    if motions_of(command) is None or command == answer:
        return None
    return Question(f"did you say {said!r}? ({_describe(command)})",
                    _options(command) + _options(answer), heard=text)  # fmt: skip


def _doubt(
    answer: Answer,
    motions: tuple[LanguageMotion, ...],
    text: str,
    cleaned: Cleaned,
    confidence: float,
    limits: SpeechThresholds,
    reread: Callable[[str], Answer],
) -> Question | None:
    """The question to ask about a spoken motion (see ``check_heard``), or None."""
    heard = cleaned.text
    plain = confidence >= limits.plain_ask_below and plain_transcript(text, cleaned)
    if confidence < limits.ask_below and not plain:
        return Question(f"did you say {heard!r}? ({_describe(answer)})", _options(answer),
                        heard=heard)  # fmt: skip
    if (command := _past_or_command(answer, text, reread)) is not None:
        return command
    homophones = {c.after for c in cleaned.changed("homophone")}
    by_homophone = [m.motion for m in motions if m.motion in homophones]
    if by_homophone and confidence < limits.homophone_ask_below:
        return Question(f"did you say {by_homophone[0]}? ({_describe(answer)})",
                        _options(answer), heard=heard)  # fmt: skip
    said = _without_viewpoint(text, cleaned)
    unclear = unclear_words(said) if confidence < limits.unclear_ask_below else []
    if unclear:
        return Question(f"did you say {heard!r}? I did not catch {unclear[0]!r} "
                        f"({_describe(answer)})", _options(answer), heard=heard)  # fmt: skip
    if unmarked_description(heard):
        return Question(f"did you say {heard!r}? ({_describe(answer)})", _options(answer),
                        heard=heard)  # fmt: skip
    return None


def _options(answer: Answer) -> tuple[LanguageMotion | Motions, ...]:
    return (answer,) if isinstance(answer, (LanguageMotion, Motions)) else ()


def _describe(answer: Answer) -> str:
    return answer.describe() if isinstance(answer, (LanguageMotion, Motions)) else ""
