"""Rules of meaning added in the round that tuned on the retired frozen set v6: the arm or the
jaws set on a person's body, contact given as a noun ("give it a tap"), a thing pushed shut,
lowering until contact meets, an intensified tight grip and more idioms of pace; harmless uses of
harm words (noun compounds, praise, idioms, a harm word naming a thing or a person, someone
else's act) and a safety function reported released; words of courtesy and lab things in
transcripts; text-message shorthand; sizes said with a negation; the senses of a turn told by a
screw or a jar, the opposite of clockwise, a twelfth of a turn; the bench and the table top as
the table; the whole length or across the entire table (too large); going on with the previous
motion in more words. Each runs the real parser through ``dialogue.interpret``; the sentences are
the tuner's own, not rows of any set."""

from __future__ import annotations

import math

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Refusal


def _cm(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "distance_m": value / 100}
    )


# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["close the jaws on my thumb", "lower the gripper onto the patient's knee",
     "put the claw down on her hand", "lean the tool against my arm",
     "rub up against my elbow as you pass", "give the box a quick tap", "give the jar a kick",
     "give the lid a good shove", "shove the cupboard door closed", "knock the lid shut",
     "drop down till the fingers meet the tray", "squeeze the vial super tight",
     "get your skates on and go up", "shake a leg, move right"],
)  # fmt: skip
def test_contact_with_a_person_or_a_thing_and_hard_grips_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("that was a smashing effort, now go down 1 cm", _cm("down", 1)),
     ("it was a real crash course for me; move left a bit", LanguageMotion.of("left", "small")),
     ("the hammer lives in the drawer; raise it a little", LanguageMotion.of("up", "small")),
     ("she punched in late, so go right a bit", LanguageMotion.of("right", "small")),
     ("hit us with the first instruction: back 2 cm", _cm("backward", 2)),
     ("Ravi, my partner, says open it", LanguageMotion.of("open", None)),
     ("my manager was pushing me all week; lower it a touch", LanguageMotion.of("down", "small")),
     ("the brake was released, rotate clockwise a bit", LanguageMotion.of("rotate_cw", "small")),
     ("no racing required, move forward", LanguageMotion.of("forward", "normal"))],
)  # fmt: skip
def test_harmless_uses_of_harm_words_still_move(parser, text, expected):
    assert said(parser, text) == expected, text


def test_a_harm_word_as_a_noun_does_not_hide_a_request():
    from skillbridge.hierarchy.language.rules import find_unsafe

    assert find_unsafe("ram , my colleague , says ram the box") is not None
    assert find_unsafe("punch the box") is not None
    assert find_unsafe("my boss says hit the table") is not None
    assert find_unsafe("put the cup down on my desk") is None  # a desk is no body part


# --- transcripts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I'd appreciate it if you could lower the probe a little.", LanguageMotion.of("down", "small")),
     ("Do you reckon the gripper could go left?", LanguageMotion.of("left", "normal")),
     ("Yeah, sure, lift the instrument a bit.", LanguageMotion.of("up", "small")),
     ("grab the pipette, thank you.", LanguageMotion.of("close", None))],
)  # fmt: skip
def test_courtesy_words_and_lab_things_are_no_unclear_words(parser, text, expected):
    assert said(parser, text, confidence=0.9) == expected, text


def test_words_of_harmless_uses_are_no_correction_words():
    from skillbridge.hierarchy.language.spoken import domain_words, unclear_words

    assert "song" not in domain_words() and "colleague" not in domain_words()
    assert unclear_words("move the song left") == ["song"]


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mv rt 3 cm plz", _cm("right", 3)), ("u go bck a bit ty", LanguageMotion.of("backward", "small")),
     ("opn k", LanguageMotion.of("open", None))],
)  # fmt: skip
def test_text_message_shorthand(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("lower it without moving too far", LanguageMotion.of("down", "small")),
     ("go left, not by much", LanguageMotion.of("left", "small")),
     ("nudge it forward a skosh", LanguageMotion.of("forward", "small"))],
)  # fmt: skip
def test_sizes_said_with_a_negation_or_a_dialect_word(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("rotate it the way you loosen a bolt", LanguageMotion.of("rotate_ccw", "normal")),
     ("twist it as you would tighten a lid", LanguageMotion.of("rotate_cw", "normal")),
     ("spin it the reverse of clockwise a bit", LanguageMotion.of("rotate_ccw", "small"))],
)  # fmt: skip
def test_the_sense_of_a_turn_told_by_a_screw_or_the_clock(parser, text, expected):
    assert said(parser, text) == expected, text


def test_a_twelfth_of_a_turn_is_30_degrees(parser):
    answer = said(parser, "rotate a twelfth of a turn clockwise")
    assert isinstance(answer, LanguageMotion) and answer.motion == "rotate_cw"
    assert answer.angle_rad == pytest.approx(math.radians(30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("come away from the bench top 3 cm", _cm("up", 3)),
     ("a bit toward the worktop", LanguageMotion.of("down", "small")),
     ("left as I am looking at it, 1 cm", _cm("right", 1)),
     ("move back toward your shoulder", LanguageMotion.of("backward", "normal")),
     ("lift the screwdriver a bit", LanguageMotion.of("up", "small")),
     ("nab the swab", LanguageMotion.of("close", None)),
     ("letgo of the flask", LanguageMotion.of("open", None)),
     ("hang on to the flask", LanguageMotion.of("close", None))],
)  # fmt: skip
def test_places_frames_and_grip_words(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    "text", ["slide right the whole width of the tray", "go back across the entire bench"]
)
def test_the_whole_length_is_too_large(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "too_large", text


def test_a_report_of_a_release_is_no_command():
    from skillbridge.hierarchy.language.rules import analyse

    assert not analyse("the latch is released").has("open")
    assert analyse("release the cup").has("open")


# --- the previous motion -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [("keep them coming", LanguageMotion.of("up", "small"), LanguageMotion.of("up", "small")),
     ("again, the same step, cheers", _cm("left", 2), _cm("left", 2)),
     ("one more time but bigger", LanguageMotion.of("rotate_ccw", "small"),
      LanguageMotion.of("rotate_ccw", "large")),
     ("repeat that, shorter this time", _cm("down", 3), LanguageMotion.of("down", "small"))],
)  # fmt: skip
def test_going_on_with_the_previous_motion(parser, text, previous, expected):
    assert said(parser, text, previous) == expected, text
