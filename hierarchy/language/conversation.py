"""Corrections one after another: the open question, its answer, and a compound's queue.

``Dialogue.hear`` reads an utterance as the answer to the open question when it is one ("yes",
"no", "the second", "8", "eight centimeters", "left"), else as a new correction
(``dialogue.interpret``). An utterance that is not understood leaves the question open.
"""

from __future__ import annotations

import re

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Motions, Question, Refusal
from skillbridge.hierarchy.language.dialogue import LanguageConfig, interpret
from skillbridge.hierarchy.language.parser import Parser
from skillbridge.hierarchy.language.units import normalize

_YES = re.compile(r"^(?:yes|yeah|yep|yup|correct|sure|ok|okay|right|that is right|exactly|do it)"
                  r"(?: please)?$")  # fmt: skip
_NO = re.compile(r"^(?:no|nope|nah|cancel|never ?mind|neither|forget it)(?: .*)?$")
_ORDINALS = {"first": 0, "1st": 0, "former": 0, "second": 1, "2nd": 1, "latter": 1}


class Dialogue:
    """Corrections one after another: the open question, and its answer."""

    def __init__(self, config: LanguageConfig | None = None, parser: Parser | None = None):
        self.config = config or LanguageConfig()
        self.parser = parser
        self.pending: Question | None = None

    def hear(
        self, text: str, confidence: float = 1.0, previous: LanguageMotion | None = None
    ) -> Answer:
        """The answer to one utterance; an open question is answered first when it can be."""
        if self.pending is not None:
            answer = answer_to(self.pending, text)
            if answer is not None:
                self.pending = None
                return answer
        answer = interpret(text, previous, confidence, self.config, self.parser)
        if isinstance(answer, Question) and not answer.options and self.pending is not None:
            return answer  # not understood: the open question stays open for its answer
        self.pending = answer if isinstance(answer, Question) and answer.options else None
        return answer


def answer_to(question: Question, text: str) -> Answer | None:
    """What a reply picks among a question's options, or None when it is no answer to it."""
    words = " ".join(re.sub(r"[^a-z0-9. ]+", " ", text.lower()).split())
    if _NO.match(words):
        return Refusal("cancelled", "cancelled: nothing moves; say the correction again")
    if not question.options:
        return None
    if _YES.match(words):
        return question.options[0]
    for word, index in _ORDINALS.items():
        if re.search(rf"\b{word}\b", words) and index < len(question.options):
            return question.options[index]
    numbers = re.findall(r"\d+(?:\.\d+)?", normalize(words))
    picked = [o for o in question.options if numbers and _mentions_size(o, numbers[0])]
    named = [
        o
        for o in question.options
        if isinstance(o, LanguageMotion) and re.search(rf"\b{o.motion}\b", words)
    ]
    for group in (picked, named):
        if len(group) == 1:
            return group[0]
    return None


def _mentions_size(option: LanguageMotion | Motions, number: str) -> bool:
    if not isinstance(option, LanguageMotion):
        return False
    shown = option.describe().split(" ")
    return len(shown) > 1 and float(shown[1]) == float(number)


def first_and_rest(answer: Answer) -> tuple[LanguageMotion | Refusal, tuple[LanguageMotion, ...]]:
    """The part of an answer that runs now and the motions queued after it (a compound's
    later motions); a question is not an answer that runs (see ``Dialogue``)."""
    if isinstance(answer, Motions):
        return answer.motions[0], answer.motions[1:]
    if isinstance(answer, Question):
        raise ValueError("a question does not run; publish it and hold")
    return answer, ()
