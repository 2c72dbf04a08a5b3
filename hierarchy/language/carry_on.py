"""Going on with the previous motion, said in the words people use for it: "carry on like that",
"yes, continue that way", "go on, a lot more", "just a tad further that way", "same again, in
the same direction"; or said as a shortfall after it: "not far enough", "still not enough",
"you undershot, a little more", "almost there" (a small step on, as "too far" is a small step
back).

A correction is read as one only when every word belongs to such a phrase: an assent or lead
word ("yes", "ok", "just"), a verb of going on ("continue", "carry on", "keep going", "go on",
"again"), a word that points back at the motion that ran ("that way", "in the same direction",
"like that") or a size ("a tad", "a lot"). A direction, an object or any other word leaves the
text to the other readers. The previous direction is kept; a size word makes the step small or
large, and without one the previous motion runs again as it was. Sizes still go through the
parser's fixed bounds (``LanguageMotion.of``): nothing here widens a limit.
"""

from __future__ import annotations

import re

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer
from skillbridge.hierarchy.language.previous import REVERSE, Reads
from skillbridge.hierarchy.language.units import normalize

LEAD_WORDS = frozenset((
    "yes", "yeah", "yep", "ok", "okay", "good", "great", "nice", "sure", "alright", "fine",
    "just", "and", "so", "now", "please", "then", "right", "perfect", "thanks", "cheers", "aye",
))  # fmt: skip
"""Assent and lead words around a request to go on ("yes, ...", "ok, just ...")."""
LEAD_PHRASES = ("thank you",)
"""Phrases that, like the lead words, add nothing to a request to go on ("again, thank you")."""
GO_ON_PHRASES = (
    "keep going", "keep moving", "keep it going", "keep on going", "keep on", "carry on",
    "continue", "go on", "same again", "again", "more of the same", "do that again",
    "do it again", "once more", "one more time", "more", "further", "farther", "further on",
    "keep it coming", "keep them coming", "keep coming",
)  # fmt: skip
"""Verbs and adverbs of going on with what the robot just did."""
SAME_WAY_PHRASES = (
    "that way", "this way", "the same way", "same way", "in that direction",
    "in the same direction", "the same direction", "same direction", "like that", "like this",
    "as before", "as you were", "with that", "in that way", "same size", "the same size",
    "same amount", "the same amount", "same distance", "the same distance", "same step",
    "the same step",
)  # fmt: skip
"""Words pointing back at the motion that ran ("that way" after it is its direction)."""
SMALL_PHRASES = (
    "a bit", "a little", "a little bit", "a tiny bit", "a tad", "a touch", "a smidge", "a hair",
    "a lil", "a lil bit", "a wee bit", "slightly", "a bit more", "a little more", "a tad more",
)  # fmt: skip
LARGE_PHRASES = (
    "a lot", "a lot more", "lots", "lots more", "a good bit", "a good deal", "a whole lot",
    "much more", "way more", "a long way", "plenty",
)  # fmt: skip
"""Sizes of the step said with the request to go on."""
SHORTFALL_PHRASES = (
    "not far enough", "not quite far enough", "not enough", "not quite enough", "too little",
    "too short", "undershot", "undershot it", "undershoot", "short", "short of it", "still short",
    "almost there", "nearly there", "not there yet", "not quite there", "not quite there yet",
    "you did not go far enough", "you are short", "you are still short", "you fell short",
    "you came up short", "you stopped short", "you undershot", "you undershot it",
    "that was not enough", "that is not enough", "that was not far enough", "still not enough",
    "still not far enough", "it is not there yet", "you are not there yet", "you are almost there",
)  # fmt: skip
"""The robot did not go far enough along the motion that ran: with that motion before, a small
step on along it. Without one the parser reads these as the approach (forward), unchanged."""
_PHRASES = sorted(
    [(p.split(), "go_on") for p in GO_ON_PHRASES]
    + [(p.split(), "same_way") for p in SAME_WAY_PHRASES]
    + [(p.split(), "small") for p in SMALL_PHRASES]
    + [(p.split(), "large") for p in LARGE_PHRASES]
    + [(p.split(), "short") for p in SHORTFALL_PHRASES]
    + [(p.split(), "lead") for p in LEAD_PHRASES],
    key=lambda phrase: -len(phrase[0]),
)
"""Every phrase, longest first, so that "a lot more" is read before "a lot"."""


def _read(words: list[str]) -> list[str] | None:
    """The kind of each phrase the words are made of, or None when a word is in none."""
    kinds: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in LEAD_WORDS:
            i += 1
            continue
        for phrase, kind in _PHRASES:
            if words[i : i + len(phrase)] == phrase:
                kinds.append(kind)
                i += len(phrase)
                break
        else:
            return None
    return kinds


def carry_on(text: str, previous: LanguageMotion | None, parser: Reads) -> Answer | None:
    """The previous motion again (small or large when a size is said; small after a shortfall),
    or None when no motion ran before or the text is not only a request to go on."""
    kinds = _read(re.findall(r"[a-z]+", normalize(text)))  # contractions spelled out
    if not kinds:
        return None
    if "short" in kinds:
        return _along(previous, kinds, "small")
    if "go_on" not in kinds and "same_way" not in kinds or set(kinds) <= {"same_way"}:
        return None  # a bare "that way" with nothing to go on: not this reader's
    return _along(previous, kinds, None)


def _along(previous: LanguageMotion | None, kinds: list[str], size: str | None) -> Answer | None:
    """The previous translation or rotation at the size said (``size`` when none is; the
    previous motion as it was when that is None too); None with nothing before or two sizes,
    so that the parser's answer (a refusal or a question) stands."""
    if previous is None or previous.motion not in REVERSE or previous.motion in ("open", "close"):
        return None
    if kinds.count("small") + kinds.count("large") > 1:
        return None
    said = "small" if "small" in kinds else "large" if "large" in kinds else size
    return previous if said is None else LanguageMotion.of(previous.motion, said)
