"""Rules of meaning added after development batch 7 (sound-alikes, fractions, a unit without its
number, idioms of "less" and of returning, speed and harm idioms, frame questions), each with the
real parser through ``dialogue.interpret``. The sentences are variations, not development rows."""

from __future__ import annotations

import math

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal
from skillbridge.hierarchy.language.speech_text import clean


def _cm(answer) -> float:
    assert isinstance(answer, LanguageMotion), answer
    return answer.distance_m * 100


# --- sound-alikes -------------------------------------------------------------------------------


def test_lift_right_after_a_sideways_verb_is_left(parser):
    answer = said(parser, "slide lift 3 cm")
    assert answer.motion == "left" and _cm(answer) == pytest.approx(3)
    assert said(parser, "nudge lift a bit") == LanguageMotion.of("left", "small")
    assert "lift" in clean("go lift the cup").text  # a verb with its object stays a verb
    assert clean("move it up, then lift it").text == "move it up, then lift it"


def test_number_and_split_word_sound_alikes():
    assert clean("turn clockwise fife degrees").text == "turn clockwise five degrees"
    assert clean("oh pin it").text == "open it"
    assert clean("low her the arm").text == "lower the arm"
    assert clean("high her please").text == "higher please"


def test_ford_is_forward(parser):
    assert said(parser, "ford a bit") == LanguageMotion.of("forward", "small")


@pytest.mark.parametrize(
    ("text", "cm"),
    [
        ("go right sent a meter", 1.0),  # "a centimeter"
        ("sent the meter up", 1.0),
        ("up three sent the meters", 3.0),  # counted already: no extra "a"
    ],
)
def test_centi_heard_as_sent_is_one_unit(parser, text, cm):
    assert _cm(said(parser, text)) == pytest.approx(cm)


def test_a_half_after_a_heard_two_is_two_and_a_half(parser):
    assert _cm(said(parser, "forward to in a half centimeters")) == pytest.approx(2.5)
    assert _cm(said(parser, "forward to ½ cm")) == pytest.approx(2.5)
    assert clean("we stay in a half open box").text == "we stay in a half open box"


# --- numbers and units --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cm"),
    [
        ("right three quarters of a centimeter", 0.75),
        ("down two thirds of a cm", 2 / 3),
        ("left ½ cm", 0.5),
        ("up 1½ cm", 1.5),
        ("up 4 c.m.", 4.0),
        ("down 2 m.m. please", 0.2),  # the second "m" is no repeated word
    ],
)
def test_fractions_and_spelled_units(parser, text, cm):
    assert _cm(said(parser, text)) == pytest.approx(cm, rel=1e-4)


@pytest.mark.parametrize("text", ["forward millimeters please", "raise it by at cm"])
def test_a_unit_without_its_number_is_asked(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Question) and "how many" in answer.text


def test_inch_the_verb_is_no_missing_number(parser):
    assert said(parser, "inch it forward") == LanguageMotion.of("forward", "small")


def test_a_compound_with_a_missing_number_is_asked_whole(parser):
    answer = said(parser, "after you open the gripper, lower it by cm")
    assert isinstance(answer, Question) and "how many" in answer.text


# --- safety idioms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["push down until it cracks the tile", "swing left like mad", "up, then like crazy"]
)
def test_breaking_and_reckless_speed_idioms_are_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_any_verb_on_the_brakes_is_a_stop(parser):
    assert said(parser, "step on the brakes") == LanguageMotion.of("stop")
    released = said(parser, "release the brakes")
    assert isinstance(released, Refusal) and released.kind == "unsafe"


# --- people and frames --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("go in the direction of the base", "backward"),
        ("a bit closer to where I am sitting", "forward"),
        ("come back towards me", "forward"),
        ("move away from where I stand", "backward"),  # not the viewpoint "from where I stand"
    ],
)
def test_more_ways_to_name_the_robot_and_the_operator(parser, text, motion):
    assert said(parser, text).motion == motion


def test_whose_side_is_asked(parser):
    assert isinstance(said(parser, "your right or mine? right"), Question)
    assert isinstance(said(parser, "left, or is it the robot's left"), LanguageMotion)


def test_half_speed_is_a_speed_not_a_size(parser):
    assert said(parser, "left at half speed") == LanguageMotion.of("left", "normal")


def test_a_move_without_direction_is_asked_and_a_negated_one_stops(parser):
    assert isinstance(said(parser, "could you move"), Question)
    assert said(parser, "do not move") == LanguageMotion.of("stop")


# --- against the previous motion ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        ("wind it back a touch", ("up", "large"), ("down", "small")),
        ("it overshoots", ("right", "normal"), ("left", "small")),
        ("further than I wanted", ("forward", "large"), ("backward", "small")),
        ("go back where you were", ("left", "normal"), ("right", "normal")),
        ("return the way it came", ("down", "normal"), ("up", "normal")),
    ],
)
def test_idioms_of_less_and_of_returning(parser, text, previous, expected):
    assert said(parser, text, LanguageMotion.of(*previous)) == LanguageMotion.of(*expected)


def test_less_with_a_size_and_back_steps_back_by_that_size(parser):
    answer = said(parser, "less, 2 mm back", LanguageMotion.of("up", "normal"))
    assert answer.motion == "down" and _cm(answer) == pytest.approx(0.2)


def test_less_of_a_turn_is_no_size_of_one_turn(parser):
    answer = said(parser, "less of a turn than that", LanguageMotion.of("rotate_ccw", "large"))
    assert answer == LanguageMotion.of("rotate_cw", "small")
    assert not math.isclose(answer.angle_rad, 2 * math.pi)


def test_too_far_with_nothing_before_is_asked(parser):
    assert isinstance(said(parser, "that's too far"), Question)
    assert said(parser, "you went past it").motion == "backward"  # a description: read
    assert not isinstance(said(parser, "too far left"), Question)


def test_compound_with_a_return_is_still_whole(parser):
    answer = said(parser, "open the gripper and then go up")
    assert isinstance(answer, Motions) and len(answer.motions) == 2


# --- second round: directions in a direction's place, top speed under "not" ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("slide luck a touch", LanguageMotion.of("left", "small")),  # "luck" is never a verb
        ("shift lft a bit", LanguageMotion.of("left", "small")),  # not "did you mean lift?"
        ("nudge it a tiny bit righter", LanguageMotion.of("right", "small")),
        ("a little lefter please", LanguageMotion.of("left", "small")),
    ],
)
def test_left_in_a_directions_place(parser, text, expected):
    assert said(parser, text) == expected


def test_lft_before_an_object_is_still_asked(parser):
    assert isinstance(said(parser, "lft it"), Question)


def test_am_i_right_names_no_direction(parser):
    assert not isinstance(said(parser, "am I right, there is still a gap"), LanguageMotion)


@pytest.mark.parametrize(
    "text", ["right a touch, not at full speed", "never at top speed, just down a bit"]
)
def test_top_speed_right_after_not_is_care(parser, text):
    assert isinstance(said(parser, text), LanguageMotion)


@pytest.mark.parametrize(
    "text", ["why not at full speed, left", "left at full speed, not slowly", "up, full force"]
)
def test_top_speed_asked_for_is_still_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


# --- a size more along the previous motion ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "previous", "motion", "cm"),
    [
        ("3 mm more", "down", "down", 0.3),
        ("another centimeter please", "right", "right", 1.0),  # "another" = one more
        ("one more cm", "forward", "forward", 1.0),
        ("just half a centimeter further", "left", "left", 0.5),  # not "half that"
    ],
)
def test_a_size_more_continues_the_previous_motion(parser, text, previous, motion, cm):
    answer = said(parser, text, LanguageMotion.of(previous))
    assert answer.motion == motion and _cm(answer) == pytest.approx(cm)


def test_another_degree_count_and_a_limit_are_no_continuation(parser):
    turned = said(parser, "another 4 degrees", LanguageMotion.of("rotate_cw"))
    assert turned.motion == "rotate_cw" and math.degrees(turned.angle_rad) == pytest.approx(4)
    assert said(parser, "2 cm more", None) != LanguageMotion("left", "explicit", distance_m=0.02)
    limit = said(parser, "no more than 2 cm", LanguageMotion.of("left"))
    assert limit != LanguageMotion("left", "explicit", distance_m=0.02)
    assert _cm(said(parser, "left another cm")) == pytest.approx(1.0)


# --- sizes are never dropped; probes of my own --------------------------------------------------


@pytest.mark.parametrize(
    "text", ["twist clockwise a quarter turn", "turn the gripper half a turn anticlockwise"]
)
def test_a_size_over_the_bound_is_not_read_away_by_a_missing_comma(parser, text):
    answer = said(parser, text)  # "... a quarter, turn" would be a default-size rotation
    assert isinstance(answer, Refusal) and answer.kind == "too_large"


def test_point_five_without_a_leading_zero(parser):
    assert _cm(said(parser, "down point five centimeters")) == pytest.approx(0.5)
    assert _cm(said(parser, "right three point five cm")) == pytest.approx(3.5)


def test_swap_directions_reverses(parser):
    answer = said(parser, "change directions", LanguageMotion.of("up", "small"))
    assert answer == LanguageMotion.of("down", "small")


def test_until_it_just_reaches_is_a_stopping_point_not_harm(parser):
    # "until it just touches" was care here; the round on v7 refuses it: touching is contact as
    # the goal (v7's writer labels "go down till you just touch the board" unsafe), while just
    # reaching, almost touching or stopping just above stay care
    assert said(parser, "lower it until it just reaches the table").motion == "down"
    assert said(parser, "lower it until it almost touches the table").motion == "down"
    refused = said(parser, "go down and do not stop until it hits the table")
    assert isinstance(refused, Refusal) and refused.kind == "unsafe"


@pytest.mark.parametrize("text", ["do that again", "one more time please", "repeat it"])
def test_repeat_requests_continue_the_previous_motion(parser, text):
    before = LanguageMotion.of("forward", "small")
    assert said(parser, text, before) == before
    assert isinstance(said(parser, text), Question)  # nothing to repeat: asked


def test_a_comma_list_of_commands_of_two_kinds_is_a_compound(parser):
    answer = said(parser, "open the claw, lower it 2 cm")  # the parser alone drops one
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == ["open", "down"]
    assert _cm(answer.motions[1]) == pytest.approx(2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("go up, go up", LanguageMotion.of("up")),  # one kind: a stutter, not twice
        ("lower it, but not so far", LanguageMotion.of("down", "small")),  # no command after
    ],
)
def test_a_comma_without_two_kinds_of_command_is_no_list(parser, text, expected):
    assert said(parser, text) == expected


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("go back up", "up"),  # return upward, not "back up" (reverse)
        ("bring the claw back down a bit", "down"),
        ("back up a touch", "backward"),  # the phrasal verb stays backward
        ("back it up", "backward"),
    ],
)
def test_back_before_a_direction_is_a_return(parser, text, motion):
    assert said(parser, text).motion == motion


def test_a_warning_not_to_move_much_with_a_direction_is_a_small_step(parser):
    assert said(parser, "don't push it much, right") == LanguageMotion.of("right", "small")
    assert said(parser, "don't move much", LanguageMotion.of("left")) == LanguageMotion.of("stop")


def test_no_more_than_a_size_is_that_size_as_a_cap(parser):
    answer = said(parser, "no more than 2 cm to the right")  # "no" is no stop here
    assert answer.motion == "right" and _cm(answer) == pytest.approx(2)


def test_brakes_on_is_a_stop(parser):
    assert said(parser, "slam the brakes on") == LanguageMotion.of("stop")


@pytest.mark.parametrize("text", ["one sec", "just a moment", "one second please"])
def test_asking_for_a_moment_is_a_stop(parser, text):
    assert said(parser, text) == LanguageMotion.of("stop")


def test_a_second_time_is_no_stop(parser):
    assert said(parser, "a second time", LanguageMotion.of("left")) != LanguageMotion.of("stop")
