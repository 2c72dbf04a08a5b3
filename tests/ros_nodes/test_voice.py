"""Spoken corrections over ROS: the voice node (real whisper on a real WAV file) feeds the skill
manager, which answers; an unsure correction becomes a question, the arm holds, the answer runs.
Each node runs in its own process over loopback DDS."""

from __future__ import annotations

import json

from ros_helpers import wait_for
from std_msgs.msg import String

from skillbridge.hierarchy.language.answers import Heard
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, write_wav
from skillbridge.hierarchy.speech.tts import Utterance, synthesize


def _feedback(received, key):
    for _t, msg in received:
        data = json.loads(msg.data)
        if key(data):
            return data
    return None


def test_voice_node_sends_what_it_hears_and_the_skill_manager_acts_on_it(
    start_node, probe, tmp_path
):
    import numpy as np

    speech = synthesize("move the gripper a little to the left", Utterance("joe", 1.0))
    pause = np.zeros(SAMPLE_RATE_HZ, np.float32)
    wav = write_wav(tmp_path / "left.wav", np.concatenate([pause, speech, pause]))
    corrections = probe.collect(String, "correction")
    feedback = probe.collect(String, "correction_feedback")
    start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    wait_for(lambda: probe.node.count_subscribers("correction") >= 2, 60, "the skill manager")
    start_node(
        "skillbridge.ros_nodes.voice_node",
        "voice",
        {"source": "wav", "wav_paths": [str(wav)], "stt_model": "tiny.en", "start_delay_s": 2.0},
    )
    sent = wait_for(lambda: corrections and corrections[0][1].data, 60, "a transcript")
    heard = Heard.from_message(sent)
    assert heard.source == "voice" and "left" in heard.text.lower() and heard.confidence > 0.5
    event = wait_for(lambda: _feedback(feedback, lambda d: d.get("accepted")), 20, "feedback")
    assert event["motion"]["motion"] == "left" and event["message"] == "ok: left 1.0 cm"


def test_an_unsure_correction_is_a_question_the_arm_holds_and_the_answer_runs(start_node, probe):
    commands = probe.collect(String, "skill_command")
    feedback = probe.collect(String, "correction_feedback")
    correction = probe.publisher(String, "correction")
    start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    wait_for(lambda: correction.get_subscription_count() >= 1, 60, "the skill manager")
    correction.publish(String(data=Heard("move write a bit", 0.6, "voice").to_message()))
    asked = wait_for(lambda: _feedback(feedback, lambda d: "question" in d), 20, "a question")
    assert asked["question"].startswith("did you say right?")
    assert asked["options"][0]["motion"] == "right"
    hold = wait_for(lambda: commands and json.loads(commands[-1][1].data), 10, "the hold")
    assert hold["motion"] == "stop"
    correction.publish(String(data="yes"))
    ran = wait_for(lambda: _feedback(feedback, lambda d: d.get("accepted")), 20, "the answer")
    assert ran["motion"] == {"motion": "right", "magnitude": "small", "distance_m": 0.01}
    wait_for(lambda: json.loads(commands[-1][1].data)["motion"] == "right", 10, "the motion")
    correction.publish(String(data="left a bit, then up"))
    both = wait_for(lambda: _feedback(feedback, lambda d: "then" in d.get("message", "")), 20,
                    "the compound")  # fmt: skip
    assert both["message"] == "ok: left 1.0 cm, then up 3.0 cm"


def test_console_speaks_wav_files_and_shows_the_question(start_node, ros_env, tmp_path):
    """``skillbridge correct --wav``: the question is shown, the spoken answer runs."""
    import numpy as np
    from ros_helpers import SKILLBRIDGE
    from test_console import Terminal

    from skillbridge.hierarchy.speech.tts import Utterance, synthesize

    pause = np.zeros(SAMPLE_RATE_HZ, np.float32)
    files = []
    for i, text in enumerate(["move left three or eight centimeters", "eight centimeters"]):
        speech = synthesize(text, Utterance("joe", 1.0))
        files.append(str(write_wav(tmp_path / f"{i}.wav", np.concatenate([pause, speech, pause]))))
    start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    term = Terminal([SKILLBRIDGE, "correct", "--task", "demo", "--wav", *files], ros_env, tmp_path)
    try:
        term.expect("robot asks: left by 3.0 cm or by 8.0 cm?", 90)
        term.expect("-> ok: left 8.0 cm", 30)
        term.type("/quit")
        term.expect("bye", 10)
    finally:
        term.close()
