"""Going on with the previous motion, said in the words people use for it: "carry on like that",
"yes, continue that way", "go on, a lot more", "just a tad further that way", "same again, in
the same direction".

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

LEAD_WORDS = frozenset((
    "yes", "yeah", "yep", "ok", "okay", "good", "great", "nice", "sure", "alright", "fine",
    "just", "and", "so", "now", "please", "then", "right", "perfect",
))  # fmt: skip
"""Assent and lead words around a request to go on ("yes, ...", "ok, just ...")."""
GO_ON_PHRASES = (
    "keep going", "keep moving", "keep it going", "keep on going", "keep on", "carry on",
    "continue", "go on", "same again", "again", "more of the same", "do that again",
    "do it again", "once more", "one more time", "more", "further", "farther", "further on",
)  # fmt: skip
"""Verbs and adverbs of going on with what the robot just did."""
SAME_WAY_PHRASES = (
    "that way", "this way", "the same way", "same way", "in that direction",
    "in the same direction", "the same direction", "same direction", "like that", "like this",
    "as before", "as you were", "with that", "in that way",
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
_PHRASES = sorted(
    [(p.split(), "go_on") for p in GO_ON_PHRASES]
    + [(p.split(), "same_way") for p in SAME_WAY_PHRASES]
    + [(p.split(), "small") for p in SMALL_PHRASES]
    + [(p.split(), "large") for p in LARGE_PHRASES],
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
    """The previous motion again (small or large when a size is said), or None when no motion
    ran before or the text is not only a request to go on."""
    words = re.findall(r"[a-z]+", text.lower())
    kinds = _read(words)
    if not kinds or "go_on" not in kinds and "same_way" not in kinds:
        return None
    if kinds.count("small") + kinds.count("large") > 1 or set(kinds) <= {"same_way"}:
        return None  # two sizes, or a bare "that way" with nothing to go on: not this reader's
    if previous is None or previous.motion not in REVERSE or previous.motion in ("open", "close"):
        return None  # nothing to go on with: the parser's answer stands (a refusal or a question)
    if "small" in kinds:
        return LanguageMotion.of(previous.motion, "small")
    if "large" in kinds:
        return LanguageMotion.of(previous.motion, "large")
    return previous
