"""Rules of meaning added for issue 16 (negated sizes, viewpoint, "too the", brakes, care
clauses in compounds), each with the real parser through ``dialogue.interpret``."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal
from skillbridge.hierarchy.language.speech_text import clean


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("up, not very far", "up"),  # a negated large size is a small step
        ("move right, just not a lot", "right"),
        ("left, not a long way", "left"),
        ("not far, just a bit right", "right"),  # the direction is its own clause: not undone
        ("don't go too far left", "left"),  # a warning not to overdo it: a small step that way
        ("only half as much to the left", "left"),
        ("half as far to the right", "right"),
    ],
)
def test_negated_or_halved_size_is_a_small_step(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion, "small")


def test_not_so_far_with_the_direction_in_its_clause_still_undoes_it(parser):
    assert said(parser, "not very far left") == LanguageMotion.of("right", "small")
    assert said(parser, "half a centimeter to the left").distance_m == pytest.approx(0.005)


def test_not_much_further_is_not_read_as_an_overshoot(parser):
    assert said(parser, "not much further left") != LanguageMotion.of("right", "small")


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("to the left as I see it", "right"),
        ("from where I stand, go left", "right"),
        ("from my side, move it right a bit", "left"),
    ],
)
def test_viewpoint_puts_left_and_right_in_the_operator_frame(parser, text, motion):
    assert said(parser, text).motion == motion
    assert said(parser, text, operator_side="behind").motion != motion  # behind: same as robot


def test_a_size_from_here_is_no_viewpoint(parser):
    assert said(parser, "move left 5 cm from here").motion == "left"


def test_too_before_a_determiner_is_to():
    assert clean("move it too the left").text == "move it to the left"
    assert clean("you are too far left").text == "you are too far left"


def test_too_the_left_is_a_command_not_an_overshoot(parser):
    assert said(parser, "move it too the left").motion == "left"


@pytest.mark.parametrize("text", ["hit the brakes", "slam on the brakes", "kill the motion"])
def test_brake_idioms_stop(parser, text):
    assert said(parser, text).motion == "stop"


@pytest.mark.parametrize("text", ["release the brakes", "disable the brakes"])
def test_defeating_the_brakes_is_still_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_a_care_clause_in_a_compound_is_no_missing_part(parser):
    assert said(parser, "keep clear of the box and go left") == LanguageMotion.of("left")
    answer = said(parser, "go left and ignore the limits")
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("hit the break", "stop"),  # a homophone of the brake idiom
        ("move left at a safe speed", "left"),  # care words keep the classifier from refusing
        ("no need to hurry, back it up", "backward"),  # "back it up" is one motion, not two
        ("slide it to the lift", "left"),  # after "the", "lift" is a noun: "left"
        ("move it dawn", "down"),
        ("lore it a little", "down"),
        ("oh pen the grip her", "open"),
    ],
)
def test_idioms_and_sound_alikes(parser, text, motion):
    assert said(parser, text).motion == motion


def test_lift_as_a_verb_stays_up(parser):
    assert said(parser, "lift the gripper").motion == "up"


@pytest.mark.parametrize(
    ("text", "cm"), [("go left won more centimeter", 1), ("left sicks cm", 6)]
)
def test_number_sound_alikes_before_a_unit(parser, text, cm):
    assert said(parser, text).distance_m == pytest.approx(cm / 100)


def test_all_the_force_is_refused(parser):
    answer = said(parser, "close the gripper with all the force you've got")
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


RIGHT = LanguageMotion.of("right")  # 3 cm


def test_half_that_asks_between_half_the_size_and_a_small_step(parser):
    answer = said(parser, "half that", RIGHT)
    assert isinstance(answer, Question)
    sizes = sorted(o.distance_m for o in answer.options)
    assert [o.motion for o in answer.options] == ["left", "left"]
    assert sizes == pytest.approx([0.01, 0.015])


def test_twice_as_far_the_other_way_doubles_the_size_within_bounds(parser):
    assert said(parser, "no, other way, and twice as far", RIGHT).distance_m == pytest.approx(0.06)
    too_large = said(parser, "other way, twice as far", LanguageMotion.of("right", "large"))
    assert isinstance(too_large, Refusal) and too_large.kind == "too_large"  # 16 cm > bound


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        (
            "overshot by about a centimetre",
            "up",
            LanguageMotion("down", "explicit", distance_m=0.01),
        ),
        ("too high now", "up", LanguageMotion.of("down", "small")),
        ("too far to the left", "left", LanguageMotion.of("right", "small")),
        ("that's overdone, ease it back", "forward", LanguageMotion.of("backward", "small")),
        ("went past it", "left", LanguageMotion.of("right", "small")),
        ("undo some of that", "right", LanguageMotion.of("left", "small")),
    ],
)
def test_overshoot_after_a_motion_steps_back(parser, text, previous, expected):
    assert said(parser, text, LanguageMotion.of(previous, "large")) == expected


def test_too_high_after_a_sideways_motion_is_not_read_as_undoing_it(parser):
    assert said(parser, "too high", LanguageMotion.of("left")).motion == "down"


def test_an_undecided_speaker_is_asked(parser):
    assert isinstance(said(parser, "left, no, right, no... I don't know"), Question)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("after you close the gripper, raise it 5 cm", ["close", "up"]),
        ("before you go up, open it", ["open", "up"]),
        ("after you close the gripper. raise it 5 cm", ["close", "up"]),  # speech: a full stop
    ],
)
def test_a_compound_said_in_the_other_order(parser, text, order):
    answer = said(parser, text)
    assert isinstance(answer, Motions) and [m.motion for m in answer.motions] == order


def test_rolling_along_is_moving_and_a_roll_is_still_refused(parser):
    assert said(parser, "you've stopped short, keep rolling forward").motion == "forward"
    answer = said(parser, "roll it left")
    assert isinstance(answer, Refusal) and answer.kind == "out_of_vocabulary"


def test_not_a_big_move_is_small(parser):
    assert said(parser, "down, not a big move") == LanguageMotion.of("down", "small")


def test_in_the_way_is_no_size(parser):
    assert said(parser, "go up, the cup is in the way") == LanguageMotion.of("up")


def test_stopping_short_of_contact_is_care_not_harm(parser):
    assert said(parser, "move down until it almost touches the table").motion == "down"
    answer = said(parser, "move down until it hits the table")
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_split_sound_alike_of_forward(parser):
    assert said(parser, "go for word a little") == LanguageMotion.of("forward", "small")


@pytest.mark.parametrize("text", ["keep going", "continue", "a bit more"])
def test_keep_going_with_nothing_going_is_asked(parser, text):
    assert isinstance(said(parser, text), Question)
    assert said(parser, text, LanguageMotion.of("left")).motion == "left"


@pytest.mark.parametrize("text", ["back a bit... actually no", "go left, never mind"])
def test_a_request_taken_back_is_asked(parser, text):
    assert isinstance(said(parser, text), Question)


def test_a_self_correction_is_no_taking_back(parser):
    assert said(parser, "left, no, right").motion == "right"
    assert said(parser, "not that way, no", LanguageMotion.of("left")).motion == "right"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bring it two the left", LanguageMotion.of("left")),  # a number never precedes "the"
        ("not two far left", LanguageMotion.of("right", "small")),  # "two far" is "too far"
        ("move it four ward", LanguageMotion.of("forward")),
        ("move left a bite", LanguageMotion.of("left", "small")),
        ("move it allot to the right", LanguageMotion.of("right", "large")),
        ("move it a fare bit left", LanguageMotion.of("left", "large")),
        ("raze it", LanguageMotion.of("up")),
        ("weight", LanguageMotion.of("stop")),
    ],
)
def test_typed_sound_alikes(parser, text, expected):
    assert said(parser, text) == expected


def test_two_before_a_unit_stays_a_number(parser):
    assert said(parser, "move two cm left").distance_m == pytest.approx(0.02)


FORWARD_4CM = LanguageMotion("forward", "explicit", distance_m=0.04)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I said 2 not 4", LanguageMotion("backward", "explicit", distance_m=0.02)),
        ("not 40 mm but 20", LanguageMotion("backward", "explicit", distance_m=0.02)),
        ("I meant 6", LanguageMotion("forward", "explicit", distance_m=0.02)),
    ],
)
def test_a_corrected_number_moves_by_the_difference(parser, text, expected):
    assert said(parser, text, FORWARD_4CM) == expected


def test_a_corrected_number_that_is_not_the_previous_size_moves_nothing(parser):
    assert isinstance(said(parser, "not 4 mm, 2 mm", FORWARD_4CM), (Question, Refusal))


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("move it to the robot's left", "left"),  # a possessive, not "robot is left"
        ("the cube's to the left", "left"),  # "is"
        ("toward my body", "forward"),
        ("move to my side of the table", "forward"),
        ("away from my body", "backward"),
        ("in my direction", "forward"),
        ("towards the operator", "forward"),
        ("as I look at it, go right", "left"),
        ("further from the robot", "forward"),
    ],
)
def test_more_ways_to_name_the_people(parser, text, motion):
    assert said(parser, text).motion == motion


def test_possessive_leaves_pronoun_contractions_alone():
    from skillbridge.hierarchy.language.units import normalize

    assert normalize("it's left of the target") == "it is left of the target"
    assert normalize("the robot's left") == "the robot left"


def test_a_go_ahead_is_a_command_not_a_description(parser):
    assert said(parser, "it's safe to go left now").motion == "left"
    assert said(parser, "it is left").motion == "right"  # a description: undo it


@pytest.mark.parametrize(
    "text", ["move down without hitting the table", "go left without crashing into the box"]
)
def test_negated_collision_words_are_care(parser, text):
    assert isinstance(said(parser, text), LanguageMotion)


@pytest.mark.parametrize("text", ["crash into the table", "go left and hit the box"])
def test_collision_words_alone_are_still_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_up_to_a_purpose_is_up_and_up_to_a_size_is_no_direction(parser):
    assert said(parser, "move up to clear the edge") == LanguageMotion.of("up")
    assert said(parser, "move left up to 5 cm").motion == "left"
