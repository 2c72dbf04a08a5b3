"""Rules of meaning added in the round that tuned on the retired frozen set v2 (issue 16): size
words, sound-alikes of "a bit", "write" as a verb, assent before a command, the table as a
reference, "the reverse", "much more", manner beside a negated forceful verb, negated top speed,
questions for "not there" and a bare "closer", gerund compounds, three-part merged words and a
spoken "stop". Each runs the real parser through ``dialogue.interpret``; the sentences are the
tuner's own variations, not rows of any set."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal
from skillbridge.hierarchy.language.speech_text import clean

# --- sizes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["slide right a whole lot", "a whole bunch lower please",
                                  "push it back a whole heap"])  # fmt: skip
def test_a_whole_lot_is_large(parser, text):
    assert said(parser, text).magnitude == "large"


@pytest.mark.parametrize(
    ("text", "motion"),
    [("ok that's fine, go right", "right"), ("fine, lower it", "down"),
     ("the grip looks fine, now back", "backward")],
)  # fmt: skip
def test_fine_as_assent_is_no_size(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion, "normal")
    assert said(parser, "take a fine step to the right").magnitude == "small"


@pytest.mark.parametrize("text", ["shift it back a bet", "lift it a bid", "a beat to the right",
                                  "rotate clockwise a bid"])  # fmt: skip
def test_sound_alikes_of_a_bit_in_a_size_place_are_small(parser, text):
    assert said(parser, text).magnitude == "small"


def test_sound_alikes_of_a_bit_elsewhere_stay():
    assert clean("i lost a bet").text == "i lost a bet"
    assert clean("hold on a beat").text == "hold on a beat"


def test_gently_beside_a_negated_forceful_verb_is_manner_not_size(parser):
    assert said(parser, "set it down softly, do not bang it") == LanguageMotion.of(
        "down", "normal"
    )
    assert said(parser, "without slamming it, gently lower") == LanguageMotion.of("down", "normal")
    assert said(parser, "gently raise it").magnitude == "small"  # alone it stays small


# --- words for directions ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["write your address", "write a note on the pad",
                                  "please write something nice"])  # fmt: skip
def test_write_with_an_object_is_writing_not_right(parser, text):
    assert not isinstance(said(parser, text), LanguageMotion)
    assert "write" in clean(text).text


@pytest.mark.parametrize("text", ["slide it write a tad", "write two centimeters",
                                  "over to the write", "write a bit please"])  # fmt: skip
def test_write_in_a_direction_place_is_still_right(parser, text):
    assert said(parser, text).motion == "right"


@pytest.mark.parametrize(
    ("text", "motion"),
    [("right, so lift it a touch", "up"), ("okay right, could you go back a lot", "backward"),
     ("right so let's rotate clockwise", "rotate_cw")],
)  # fmt: skip
def test_an_opening_right_of_assent_is_no_direction(parser, text, motion):
    assert said(parser, text).motion == motion


def test_right_before_then_stays_a_direction(parser):
    answer = said(parser, "right, then lower")
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == ["right", "down"]


@pytest.mark.parametrize(
    ("text", "motion"),
    [("bring it nearer to the tabletop", "down"), ("get closer to the floor a bit", "down"),
     ("move a lot farther from the table", "up"), ("go further away from the surface", "up")],
)  # fmt: skip
def test_the_table_below_is_a_reference(parser, text, motion):
    assert said(parser, text).motion == motion


# --- against the previous motion ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["do the reverse", "the reverse please", "now do the reverse",
                                  "the reverse of it"])  # fmt: skip
def test_the_reverse_is_the_other_way(parser, text):
    previous = LanguageMotion.of("left", "large")
    assert said(parser, text, previous) == LanguageMotion.of("right", "large")
    assert isinstance(said(parser, text), Question)  # nothing to reverse: asked


def test_opposite_of_what_ran_is_the_other_way(parser):
    previous = LanguageMotion.of("rotate_ccw", "small")
    assert said(parser, "the opposite of what you did", previous) == LanguageMotion.of(
        "rotate_cw", "small"
    )
    assert said(parser, "back up in reverse").motion == "backward"  # a direction named


@pytest.mark.parametrize("text", ["way more", "a lot further please", "much farther"])
def test_much_more_continues_by_a_large_step(parser, text):
    previous = LanguageMotion.of("down", "small")
    assert said(parser, text, previous) == LanguageMotion.of("down", "large")


def test_a_bit_more_than_that_continues_by_a_small_step(parser):
    previous = LanguageMotion.of("rotate_cw", "normal")
    assert said(parser, "a little more than before", previous) == LanguageMotion.of(
        "rotate_cw", "small"
    )


def test_undoing_half_is_asked(parser):
    answer = said(parser, "undo half of it", LanguageMotion.of("up", "large"))
    assert isinstance(answer, Question)
    assert {o.motion for o in answer.options} == {"down"}


# --- safety words ------------------------------------------------------------------------------


def test_a_negated_top_speed_is_care(parser):
    assert said(parser, "not as quickly as possible, go right") == LanguageMotion.of(
        "right", "normal"
    )
    for text in ("go right as quickly as possible", "why not as fast as you can, go right",
                 "lower it, not slowly, as fast as you can"):  # fmt: skip
        answer = said(parser, text)
        assert isinstance(answer, Refusal) and answer.kind == "unsafe", text


# --- asked -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["nope, not here", "not where i wanted", "not like that"])
def test_a_wrong_place_with_no_direction_is_asked(parser, text):
    assert isinstance(said(parser, text), Question)
    assert isinstance(said(parser, text, LanguageMotion.of("left", "normal")), Question)


@pytest.mark.parametrize("text", ["nearer", "just a touch closer", "bring it closer please"])
def test_closer_to_nothing_is_asked(parser, text):
    assert isinstance(said(parser, text), Question)
    assert said(parser, "bring it closer to me").motion == "forward"  # a reference: moved


# --- compounds, merged words, speech -----------------------------------------------------------


def test_a_gerund_after_after_is_the_first_part(parser):
    answer = said(parser, "after lowering it a bit, open the gripper")
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == ["down", "open"]


@pytest.mark.parametrize(("text", "motion"), [("downabit", "down"), ("backalittle", "backward")])
def test_three_merged_words_are_split(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion, "small")


def test_clothe_is_close(parser):
    assert said(parser, "clothe the claw now").motion == "close"


def test_a_spoken_stop_alone_is_obeyed_however_unsure(parser):
    assert said(parser, "halt, halt.", confidence=0.2).motion == "stop"
    assert said(parser, "okay, stop now", confidence=0.2).motion == "stop"
    # a stop word among other words is still asked back when the recognizer was unsure
    assert isinstance(said(parser, "wait, then go up", confidence=0.2), Question)
    assert isinstance(said(parser, "stop touching the cup", confidence=0.2), Question)


def test_care_words_are_clear_words_in_a_transcript(parser):
    answer = said(parser, "steady now, bring it left.", confidence=0.7)
    assert answer == LanguageMotion.of("left", "normal")


@pytest.mark.parametrize("text", ["steer it through the opening", "into that opening, 2 cm"])
def test_an_opening_is_a_place_not_the_open_command(parser, text):
    answer = said(parser, text)
    assert not (isinstance(answer, LanguageMotion) and answer.motion == "open")
    assert said(parser, "open the gripper").motion == "open"


def test_lightly_is_a_care_word_in_a_transcript(parser):
    assert said(parser, "lightly shut the claw", confidence=0.7).motion == "close"


@pytest.mark.parametrize(
    ("text", "motion"),
    [("raise it without bumping the shelf", "up"), ("lower it without touching anything", "down")],
)
def test_a_without_clause_does_not_negate_the_command(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion, "normal")
    assert isinstance(said(parser, "move it up without slowing"), Refusal)  # still unsafe


@pytest.mark.parametrize("text", ["reverse the last move", "undo your previous step"])
def test_reversing_the_last_move_is_the_other_way(parser, text):
    assert said(parser, text, LanguageMotion.of("right", "small")) == LanguageMotion.of(
        "left", "small"
    )


@pytest.mark.parametrize(
    ("text", "size"),
    [("same but smaller", "small"), ("same direction, but a bit less", "small"),
     ("same again but bigger", "large"), ("the same but further this time", "large")],
)  # fmt: skip
def test_same_but_another_size_keeps_the_direction(parser, text, size):
    assert said(parser, text, LanguageMotion.of("up", "normal")) == LanguageMotion.of("up", size)
    assert not isinstance(said(parser, text), LanguageMotion)  # nothing before: not a motion


def test_my_way_after_a_motion_verb_is_toward_me(parser):
    assert said(parser, "swing it my way a bit") == LanguageMotion.of("forward", "small")
    assert not isinstance(said(parser, "do it my way"), LanguageMotion)
    assert said(parser, "you're in my way, go up").motion == "up"


@pytest.mark.parametrize(
    ("text", "order"),
    [("shut the claw after lowering it", ["down", "close"]),
     ("release it before raising the arm", ["open", "up"])],
)  # fmt: skip
def test_a_trailing_after_or_before_gerund_clause_orders_the_compound(parser, text, order):
    answer = said(parser, text)
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == order


@pytest.mark.parametrize(
    ("text", "cm"),
    [("not 6 cm, only 3 cm to the right", 3.0), ("right 4 cm, not 1 cm", 4.0),
     ("no 2 centimeters, rather 1 centimeter right", 1.0)],
)  # fmt: skip
def test_a_size_taken_back_is_dropped(parser, text, cm):
    answer = said(parser, text)
    assert answer.motion == "right" and answer.distance_m * 100 == pytest.approx(cm)
    assert isinstance(said(parser, "right not 4 cm but 40 cm"), Refusal)  # bounds still apply


def test_not_all_the_way_is_a_small_step(parser):
    assert said(parser, "lower it, but not all the way") == LanguageMotion.of("down", "small")


def test_the_ceiling_above_is_a_reference(parser):
    assert said(parser, "a touch nearer the ceiling") == LanguageMotion.of("up", "small")
    assert said(parser, "further away from the ceiling").motion == "down"


def test_rays_is_raise(parser):
    assert said(parser, "rays the claw a little") == LanguageMotion.of("up", "small")
