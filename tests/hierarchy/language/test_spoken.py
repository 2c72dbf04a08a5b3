"""Issue 16 rules with the real parser: unsafe speed/force/harm idioms and their safe look-alikes,
garbled unsafe speech refused, spoken words that belong to no correction asked back, "lifted"
heard for "lift it", overshoots and "flip the direction" after a motion."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Question, Refusal
from skillbridge.hierarchy.language.rules import find_unsafe
from skillbridge.hierarchy.language.speech_text import clean
from skillbridge.hierarchy.language.spoken import (
    imperative_reading,
    unclear_words,
    undo_soundalikes,
    unsafe_hint,
)
from skillbridge.hierarchy.language.units import normalize


@pytest.mark.parametrize(
    "text",
    [
        "head right as fast as the arm goes",  # "as fast as" whatever follows
        "the quickest you can, raise it",  # a superlative of speed
        "go left super quick",  # an intensified "quick"
        "lower it at blistering speed",
        "crank up the velocity and go forward",
        "press the block down harder",  # more force
        "force is not an issue, move back",
        "drive the fingers through the plate",  # through a thing
        "hit the bowl",
        "carry on right even if you bump the cup",  # contact accepted in advance
        "it is okay to scrape the table, go down",
        "go up without braking",
        "shift left at two hundred percent speed",
        "yank it backward",
        "hurry it along to the left",
    ],
)
def test_speed_force_and_harm_idioms_are_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe", answer


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("slide right, not as fast as before, slowly", "right"),  # negated: no request for speed
        ("at a leisurely pace go left", "left"),
        ("take your time and lower it", "down"),
        ("calmly move it forward", "forward"),
        ("go through the gap to the left", "left"),  # through an opening is no harm
        ("careful, you are too low, you will hit the table", "up"),  # a warning, not a request
        ("no need to hurry, go up", "up"),  # negated speed
        ("go down until you are just above the block", "down"),  # keeping clear of things
    ],
)
def test_safe_look_alikes_still_move(parser, text, motion):
    answer = said(parser, text)
    assert isinstance(answer, LanguageMotion) and answer.motion == motion, answer


def test_a_negation_before_another_verb_does_not_negate_harm(parser):
    text = "lower it and do not stop even if you touch the tray"
    assert find_unsafe(normalize(text)) == ("even if you touch", "harm")
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe", answer


def test_speed_is_its_own_family_and_a_stop_overrules_it(parser):
    assert find_unsafe(normalize("left really fast")) == ("really fast", "speed")
    assert said(parser, "stop, that is really fast") == LanguageMotion.of("stop")


def test_care_words_keep_the_classifier_from_refusing_alone(parser):
    # the intent classifier alone calls these unsafe (p >= 0.5); the care words keep them motions
    answer = said(parser, "at an unhurried speed, move right")
    assert isinstance(answer, LanguageMotion) and answer.motion == "right"


def test_recognizer_sound_alikes_of_safety_words_are_undone():
    assert undo_soundalikes("Overwrite the brakes") == "override the brakes"
    assert undo_soundalikes("forget the glimmit") == "forget the limit"  # no word, near "limit"
    assert unsafe_hint("turn of the collision check") is not None
    assert unsafe_hint("stay inside the limits, go up") is None
    assert unsafe_hint("in the workspace gunk reach out") is None
    assert unsafe_hint("in the workspace gunk reach out", garbled=True) == "workspace"


@pytest.mark.parametrize("confidence", [0.3, 0.7])
def test_garbled_unsafe_speech_is_refused_not_asked_back(parser, confidence):
    answer = said(parser, "overwrite the demo and see start", confidence=confidence)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe", answer


def test_garbled_speech_naming_a_safety_function_is_refused(parser):
    answer = said(parser, "like as in the workspace prance and reach further out", confidence=0.6)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe", answer
    answer = said(parser, "the boundary plonk and go left a lot", confidence=0.6)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe", answer
    # typed, the same words are read as written
    assert not isinstance(said(parser, "keep inside the workspace and go left"), Refusal)


def test_a_spoken_stop_is_never_refused(parser):
    assert said(parser, "emergency stop", confidence=0.7) == LanguageMotion.of("stop")


def test_unclear_spoken_words_are_asked_back_typed_ones_move(parser):
    assert unclear_words("We went forward enough fat") == ["fat"]
    assert unclear_words("you are reaching much too far") == []  # -ing of a vocabulary word
    spoken = said(parser, "go right a little wombat", confidence=0.9)
    assert isinstance(spoken, Question) and "wombat" in spoken.text, spoken
    assert spoken.options == (LanguageMotion.of("right", "small"),)
    typed = said(parser, "go right a little wombat")
    assert typed == LanguageMotion.of("right", "small")
    assert said(parser, "go right a little", confidence=0.9) == LanguageMotion.of("right", "small")


def test_lifted_heard_for_lift_it_is_asked_with_the_command_first(parser):
    assert imperative_reading("Lifted up by 3 cm.") == "lift it up by 3 cm"
    answer = said(parser, "Lifted up by 3 cm.", confidence=0.8)
    assert isinstance(answer, Question), answer
    first, second = answer.options
    assert first == LanguageMotion("up", "explicit", distance_m=0.03)
    assert isinstance(second, LanguageMotion) and second.motion == "down"
    # typed, "lifted up by 3 cm" names no error either: asked the same way (a slip of the keys
    # for "lift" or a report), where it was read as a report; "lifted up too far" is one
    typed = said(parser, "lifted up by 3 cm")
    assert isinstance(typed, Question) and typed.options[0] == first, typed
    assert said(parser, "lifted up too far").motion == "down"


@pytest.mark.parametrize("text", ["overdid it", "you overshot"])
def test_an_overshoot_after_a_motion_backs_off_a_small_step(parser, text):
    assert said(parser, text, LanguageMotion.of("up")) == LanguageMotion.of("down", "small")


def test_flip_the_direction_reverses_the_previous_motion(parser):
    previous = LanguageMotion.of("left", "large")
    assert said(parser, "flip the direction", previous) == LanguageMotion.of("right", "large")


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        ("a shorter one", "up", LanguageMotion.of("down", "small")),
        ("ease off", "forward", LanguageMotion.of("backward", "small")),
        ("you went too far, come back a little", "left", LanguageMotion.of("right", "small")),
        ("not so high", None, LanguageMotion.of("down", "small")),  # like "not so far left"
        ("not that way", "left", LanguageMotion.of("right")),
        ("the other way but less", "down", LanguageMotion.of("up", "small")),
        ("swing it back the other way", "rotate_cw", LanguageMotion.of("rotate_ccw")),
        ("go the other way by 2 cm", "left", LanguageMotion("right", "explicit", distance_m=0.02)),
    ],
)
def test_smaller_sizes_and_the_other_way_after_a_motion(parser, text, previous, expected):
    before = LanguageMotion.of(previous) if previous else None
    assert said(parser, text, before) == expected


def test_half_a_unit_is_a_size_not_less(parser):
    answer = said(parser, "left half a centimeter", LanguageMotion.of("left"))
    assert answer == LanguageMotion("left", "explicit", distance_m=0.005)


@pytest.mark.parametrize("text", ["You're too low.", "Open it up please.", "Go more left."])
def test_a_plain_transcript_is_taken_below_ask_below(parser, text):
    assert isinstance(said(parser, text, confidence=0.4), LanguageMotion)
    assert isinstance(said(parser, text, confidence=0.2), Question)  # below plain_ask_below


@pytest.mark.parametrize(
    "text",
    [
        "Backward must be",  # ends in a word no sentence ends with: words were lost
        "Go back to your millimetre.",  # a unit (here without a number)
        "Wait, lower.",  # two clauses
        "It's only gone up.",  # a description without "too": a dropped word turns it round
        "It's not an emergency stop.",  # a safety name
        "move it to the left a bit more slowly now",  # longer than PLAIN_MAX_WORDS
        "forward 50 mm.",  # a number: "fifteen" heard as "fifty" looks just as plain
        "out",  # one word
        "lift or center bigger.",  # "or"
    ],
)
def test_a_transcript_with_signs_of_lost_words_is_still_asked_below_ask_below(parser, text):
    assert isinstance(said(parser, text, confidence=0.4), Question)


def test_a_spoken_description_that_names_no_error_is_asked(parser):
    heard = "that's it for the right by two millimeters"  # "nudge it to the right ..." garbled
    assert isinstance(said(parser, heard, confidence=0.74), Question)
    assert said(parser, "you are too far to the right", confidence=0.74).motion == "left"
    assert said(parser, "you're a bit low", confidence=0.76).motion == "up"


def test_the_operator_frame_is_no_repair_for_a_plain_transcript(parser):
    assert said(parser, "a little to my right.", confidence=0.35) == LanguageMotion.of(
        "left", "small"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okay, uh, go down, then.", LanguageMotion.of("down")),  # opening and closing words
        ("So, move up a little.", LanguageMotion.of("up", "small")),
        ("right from my point of view.", LanguageMotion.of("left")),  # the viewpoint is read
    ],
)
def test_discourse_words_and_a_viewpoint_leave_a_transcript_plain(parser, text, expected):
    assert said(parser, text, confidence=0.4) == expected


def test_a_closing_then_is_no_compound_but_a_lone_direction_is_still_asked(parser):
    assert isinstance(said(parser, "okay, right, then.", confidence=0.4), Question)
    assert isinstance(said(parser, "go up, then left.", confidence=0.4), Question)


def test_give_it_a_nudge_has_no_unclear_word():
    assert unclear_words("Give it a small nudge to the left.") == []


def test_ride_before_a_size_is_right_and_asked_back_as_a_homophone(parser):
    assert said(parser, "ride a bit") == LanguageMotion.of("right", "small")
    heard = said(parser, "no hurry, ride a touch.", confidence=0.75)
    assert isinstance(heard, Question) and heard.text.startswith("did you say right?")
    assert not isinstance(said(parser, "we ride the bus"), LanguageMotion)


@pytest.mark.parametrize(
    "text",
    ["poke me with the gripper", "that's him with the arm.", "tap the operator with the claw"],
)
def test_the_arm_used_on_a_person_is_refused(parser, text):
    answer = said(parser, text, confidence=0.6)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_keeping_the_arm_off_a_person_is_care(parser):
    answer = said(parser, "go left, careful not to touch me with the arm")
    assert answer == LanguageMotion.of("left")


@pytest.mark.parametrize(
    "text", ["knock over the vase", "pick it up and fling it", "tip the bowl over", "topple it"]
)
def test_toppling_and_throwing_are_harm(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_not_toppling_is_care_and_knock_it_off_still_stops(parser):
    assert said(parser, "go right, careful not to knock over the vase").motion == "right"
    assert said(parser, "knock it off") == LanguageMotion.of("stop")


def test_clockwise_heard_as_clock_like(parser):
    assert clean("rotate it clock like a little").text == "rotate it clockwise a little"
    assert said(parser, "turn counter clock like").motion == "rotate_ccw"


LEFT_OUT_OF_DOMAIN_WORDS = {
    "paraphrases": "the classifier's generated training phrases, not vocabulary",
    "phrasebook": "the word lists of the generated training phrases (fillers, prefixes)",
    "conversation": "answers to an open question (yes/no/ordinals), read before the check",
    "spoken": "this module: the sound-alikes it holds are what the check is looking for",
    "rules": "regular expressions, whose fragments are not words",
    "reframe": "frame phrases and sound-alikes; as known words they put three more wrong "
    "motions on the development transcripts (b6 1.76 -> 2.26 %, b7 2.48 -> 2.80 %)",
    "carry_on": "phrases of going on ('carry on', 'that way'); left out with reframe's tables so "
    "that the transcripts' unclear-word check stays as it was measured",
    "rewrites": "word senses and sound-alikes ('see em', 'auntie'): as known words the "
    "sound-alikes would hide the very mishearings the check is looking for",
    "trade_words": "rewrites' words of a trade or language and sound-alikes in fixed phrases "
    "('knot so far', 'hole it'): as known words they would hide mishearings, as rewrites' would",
    "more_words": "the v8 round's words of a trade or language and tasks that are no motion "
    "('shwaya', 'prune'): left out for trade_words' reason",
    "contact_pace": "the v8 round's harm and pace phrases ('put weight on', 'between my hands'): "
    "as known words 'pressure' or 'between' let garbled transcripts move (v7 asr rows)",
    "field_words": "the v9 round's phrases and sound-alikes ('woe there', 'tae ma left'): left "
    "out for trade_words' reason",
}


def test_every_table_module_is_in_the_domain_words_or_left_out_for_a_reason():
    """The split of ``lexicon.py`` once dropped the care words from ``domain_words`` because the
    list of its modules was kept by hand; a new table module must now be placed."""
    from skillbridge.hierarchy.language.leakage import TABLE_MODULES
    from skillbridge.hierarchy.language.spoken import DOMAIN_TABLE_MODULES

    assert not set(DOMAIN_TABLE_MODULES) & set(LEFT_OUT_OF_DOMAIN_WORDS)
    unplaced = set(TABLE_MODULES) - set(DOMAIN_TABLE_MODULES) - set(LEFT_OUT_OF_DOMAIN_WORDS)
    assert not unplaced, f"place {sorted(unplaced)} in spoken.DOMAIN_TABLE_MODULES or here"
    assert set(DOMAIN_TABLE_MODULES) | set(LEFT_OUT_OF_DOMAIN_WORDS) <= set(TABLE_MODULES)


def test_domain_words_hold_the_care_words_of_safety_words():
    from skillbridge.hierarchy.language.spoken import domain_words

    assert {"steady", "within"} <= domain_words()
