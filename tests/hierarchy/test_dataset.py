"""Language-event sessions: one schema, round trip through JSONL, correction examples, malformed
files."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.errors import HierarchyError
from skillbridge.hierarchy.events import (
    EventRecorder,
    JsonlSink,
    Reply,
    correction_samples,
    read_events,
)
from skillbridge.hierarchy.observation import OBS_DIM
from skillbridge.hierarchy.vocabulary import token_name, token_of

TASK = "put the cube on the pad"


def test_session_round_trip_and_correction_examples(tmp_path):
    sink = JsonlSink(tmp_path / "session.jsonl")
    recorder = EventRecorder([sink])
    obs = np.linspace(0, 1, OBS_DIM)
    left = LanguageMotion.of("left", "normal")
    recorder.decision(1.0, TASK, obs, left)
    right = LanguageMotion.of("right", "small")
    recorder.correction(
        1.3, TASK, obs, Reply("no, a bit to the right", "accepted", "ok", (right,))
    )
    refusal = ("not_a_motion", "I can't do that: not a motion")
    recorder.correction(
        2.4, TASK, obs, Reply("make me a sandwich", "refused", "no", refusal=refusal)
    )
    recorder.operator(3.0, TASK, "pause", True, "paused")
    recorder.end_episode(TASK, True, 12.5)
    sink.close()
    events = read_events(sink.path)
    kinds = [e["type"] for e in events]
    assert kinds == ["session", "decision", "correction", "correction", "operator", "episode_end"]
    assert (
        events[2]["overridden"] == token_of(left) and events[2]["text"] == "no, a bit to the right"
    )
    assert events[3]["motions"] == [] and events[3]["refusal"]["reason"] == refusal[1]
    assert events[4]["action"] == "pause"
    samples = correction_samples(events)
    assert len(samples.tokens) == 1  # the refusal teaches nothing
    assert token_name(int(samples.tokens[0])) == "right:small"
    assert samples.overridden[0] == token_of(left)
    np.testing.assert_allclose(samples.obs[0], obs, atol=1e-6)


def test_malformed_sessions_name_the_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "session", "version": 2}\n{not json\n')
    with pytest.raises(HierarchyError, match=":2 is not JSON"):
        read_events(bad)
    headless = tmp_path / "headless.jsonl"
    headless.write_text('{"type": "decision"}\n')
    with pytest.raises(HierarchyError, match="session header"):
        read_events(headless)
    old = tmp_path / "old.jsonl"
    old.write_text('{"type": "session", "version": 1}\n')
    with pytest.raises(HierarchyError, match="version-2"):
        read_events(old)
    with pytest.raises(HierarchyError, match="does not exist"):
        read_events(tmp_path / "missing.jsonl")
