"""Language-event sessions: round trip, correction examples, malformed files."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.hierarchy.dataset import EventLog, correction_samples, read_events
from skillbridge.policies.hierarchy.observation import OBS_DIM
from skillbridge.policies.hierarchy.vocabulary import token_name, token_of


def test_session_round_trip_and_correction_examples(tmp_path):
    log = EventLog()
    obs = np.linspace(0, 1, OBS_DIM)
    left = token_of(LanguageMotion.of("left", "normal"))
    log.decision(0, 1.0, "put the cube on the pad", obs, left)
    log.correction(
        0,
        1.3,
        "put the cube on the pad",
        obs,
        "no, a bit to the right",
        LanguageMotion.of("right", "small"),
    )
    log.correction(
        0,
        2.4,
        "put the cube on the pad",
        obs,
        "make me a sandwich",
        "I can't do that: not a motion",
    )
    log.episode_end(0, "put the cube on the pad", True, 12.5)
    path = log.write(tmp_path / "session.jsonl")
    events = read_events(path)
    assert [e["type"] for e in events] == [
        "session",
        "decision",
        "correction",
        "correction",
        "episode_end",
    ]
    assert events[2]["overridden"] == left and events[2]["text"] == "no, a bit to the right"
    assert events[3]["parsed"] is None and "not a motion" in events[3]["refused"]
    samples = correction_samples(events)
    assert len(samples.tokens) == 1  # the refusal teaches nothing
    assert token_name(int(samples.tokens[0])) == "right:small"
    assert samples.overridden[0] == left
    np.testing.assert_allclose(samples.obs[0], obs, atol=1e-6)


def test_malformed_sessions_name_the_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "session", "version": 1}\n{not json\n')
    with pytest.raises(PolicyError, match=":2 is not JSON"):
        read_events(bad)
    headless = tmp_path / "headless.jsonl"
    headless.write_text('{"type": "decision"}\n')
    with pytest.raises(PolicyError, match="session header"):
        read_events(headless)
    with pytest.raises(PolicyError, match="does not exist"):
        read_events(tmp_path / "missing.jsonl")
