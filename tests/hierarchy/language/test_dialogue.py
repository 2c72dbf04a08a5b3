"""Corrections in context with the real parser: repairs, previous motion, compounds, questions."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Heard, Motions, Question, Refusal
from skillbridge.hierarchy.language.conversation import Dialogue, answer_to, first_and_rest
from skillbridge.hierarchy.language.dialogue import LanguageConfig
from skillbridge.hierarchy.language.speech_text import clean

LEFT_BIG = LanguageMotion.of("left", "large")


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("uh move um lfet a bit", "move left a bit"),
        ("go write too centimetres", "go right two centimetres"),
        ("rotate for degrees", "rotate four degrees"),
        ("you have to turn", "you have to turn"),  # "to" before "turn" is no number
        ("slide alittle back ward", "slide a little backward"),
        ("can can you moveleft", "can you move left"),
        ("clsoe the grippr", "close the gripper"),
    ],
)
def test_repairs(text, repaired):
    assert clean(text).text == repaired


@pytest.mark.parametrize(
    ("side", "toward_me", "my_left"),
    [("across", "forward", "right"), ("behind", "backward", "left"), ("left", "left", "forward")],
)
def test_operator_side_sets_toward_me_and_my_left(parser, side, toward_me, my_left):
    assert said(parser, "move toward me", operator_side=side).motion == toward_me
    assert said(parser, "go a bit to my left", operator_side=side).motion == my_left
    assert said(parser, "away from the robot").motion == "forward"


def test_unknown_operator_side_is_named():
    with pytest.raises(ValueError, match="valid"):
        LanguageConfig(operator_side="above")


def test_other_way_reverses_the_previous_motion_and_an_explicit_direction_wins(parser):
    assert said(parser, "no, the other way", LEFT_BIG) == LanguageMotion.of("right", "large")
    assert said(parser, "other way, a tiny bit", LEFT_BIG) == LanguageMotion.of("right", "small")
    assert said(parser, "the other way, up", LEFT_BIG).motion == "up"
    assert isinstance(said(parser, "the other way"), Question)


def test_negated_and_relative_distances(parser):
    assert said(parser, "left but not so far") == LanguageMotion.of("left", "small")
    assert said(parser, "not so far left") == LanguageMotion.of("right", "small")
    assert said(parser, "a bit less", LEFT_BIG) == LanguageMotion.of("right", "small")
    assert said(parser, "a bit more", LEFT_BIG) == LanguageMotion.of("left", "small")
    assert isinstance(said(parser, "a bit less"), Question)
    assert said(parser, "you're too far left").motion == "right"  # the parser's description


def test_compounds_are_whole_or_a_question_never_half(parser):
    both = said(parser, "left a bit and then up")
    assert isinstance(both, Motions)
    assert [m.motion for m in both.motions] == ["left", "up"]
    assert both.motions[0].magnitude == "small"
    first, rest = first_and_rest(both)
    assert first.motion == "left" and [m.motion for m in rest] == ["up"]
    assert isinstance(said(parser, "go up and then come back down"), Question)  # cancels out
    assert isinstance(said(parser, "left then make me a coffee"), Question)
    unsafe = said(parser, "go left and then ignore the joint limits")
    assert isinstance(unsafe, Refusal) and unsafe.kind == "unsafe"


def test_ambiguous_sizes_become_questions_with_options(parser):
    q = said(parser, "go left 3 or 8 cm")
    assert isinstance(q, Question) and q.text == "left by 3.0 cm or by 8.0 cm?"
    assert [o.distance_m for o in q.options] == pytest.approx([0.03, 0.08])
    unit = said(parser, "move left 5")
    assert isinstance(unit, Question) and "5.0 cm or by 0.5 cm" in unit.text


def test_low_speech_confidence_asks_and_homophones_ask_below_their_threshold(parser):
    assert said(parser, "move right a bit", confidence=0.9).motion == "right"
    low = said(
        parser, "move right a bit", confidence=0.2
    )  # plain: asked only below plain_ask_below
    assert isinstance(low, Question) and low.options[0].motion == "right"
    homophone = said(parser, "move write a bit", confidence=0.7)
    assert isinstance(homophone, Question) and homophone.text.startswith("did you say right?")
    assert said(parser, "move write a bit").motion == "right"  # typed: no doubt
    garbled = said(parser, "holy newt laugh", confidence=0.2)
    assert isinstance(garbled, Question) and "say it again" in garbled.text


def test_limits_and_safety_stay_deterministic_whatever_the_repairs(parser):
    for text, kind in [("move lfet 40 cm", "too_large"), ("uh disable the safty limits", "unsafe"),
                       ("ignore the joint limits", "unsafe")]:  # fmt: skip
        for confidence in (1.0, 0.2):
            answer = said(parser, text, confidence=confidence)
            assert isinstance(answer, (Refusal, Question))
            if kind == "unsafe" or confidence == 1.0:
                assert isinstance(answer, Refusal) and answer.kind == kind


def test_dialogue_reads_the_answer_to_its_question(parser):
    dialogue = Dialogue(parser=parser)
    q = dialogue.hear("left 3 or 8 cm")
    assert isinstance(q, Question)
    assert dialogue.hear("8").distance_m == pytest.approx(0.08)
    assert dialogue.pending is None
    dialogue.hear("move write a bit", confidence=0.6)
    assert dialogue.hear("yes").motion == "right"
    dialogue.hear("move write a bit", confidence=0.6)
    cancelled = dialogue.hear("no")
    assert isinstance(cancelled, Refusal) and cancelled.kind == "cancelled"
    dialogue.hear("left 3 or 8 cm")
    assert isinstance(dialogue.hear("hey", confidence=0.3), Question)  # not understood
    assert dialogue.hear("the first").distance_m == pytest.approx(0.03)  # still open
    dialogue.hear("left 3 or 8 cm")
    assert dialogue.hear("go up instead").motion == "up"  # a new correction, not an answer


def test_answer_to_picks_by_ordinal_and_direction():
    q = Question("?", (LanguageMotion.of("left"), LanguageMotion.of("right")))
    assert answer_to(q, "the second one").motion == "right"
    assert answer_to(q, "left").motion == "left"
    assert answer_to(q, "banana") is None


def test_heard_round_trips_and_plain_text_is_typed():
    heard = Heard("move left", 0.42, "voice")
    assert Heard.from_message(heard.to_message()) == heard
    assert Heard.from_message("move left") == Heard("move left")
    assert Heard.from_message("{not json") == Heard("{not json")


def test_speech_without_punctuation_and_purpose_clauses(parser):
    assert said(parser, "overshot forward back off a little") == LanguageMotion.of(
        "backward", "small"
    )
    assert said(parser, "carefully go left so you don't bump the cup").motion == "left"
    assert said(parser, "lower, though not by much") == LanguageMotion.of("down", "small")
    assert said(parser, "not far enough left").motion == "left"  # a shortfall, not "less"
    assert said(parser, "too far, come back", LEFT_BIG) == LanguageMotion.of("right", "small")
    assert said(parser, "no, opposite", LEFT_BIG) == LanguageMotion.of("right", "large")


def test_a_slip_equally_near_two_words_is_asked(parser):
    q = said(parser, "lft it")  # "go lft" is left: a verb of sideways motion (test_meaning_rules_b7)
    assert isinstance(q, Question) and q.text == "did you mean left or lift?"
    assert {o.motion for o in q.options} == {"up", "left"}
