"""Learning from corrections: a small fine-tuning run changes the high level's choice in the
corrected states and keeps its demonstrations; the result is a valid high-level ONNX file."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import (
    EventRecorder,
    JsonlSink,
    Reply,
    session_header,
    write_events,
)
from skillbridge.hierarchy.finetune import FinetuneConfig, finetune
from skillbridge.hierarchy.runtime import OnnxHighLevel
from skillbridge.hierarchy.train import Demonstrations
from skillbridge.hierarchy.vocabulary import TOKENS, token_of
from skillbridge.policies.errors import PolicyError


def _corrections_session(tmp_path, high_level_path, encoder, count=25):
    """Corrections telling the high level to go up a bit wherever it wanted to move sideways
    while holding nothing (a consistent, learnable rule a person might insist on)."""
    demos = Demonstrations.load(high_level_path.with_name("high_level_demos.npz"))
    high = OnnxHighLevel(str(high_level_path), encode=encoder)
    rng = np.random.default_rng(0)
    rows = rng.choice(len(demos.tokens), size=count, replace=False)
    up = LanguageMotion.of("up", "small")
    sink = JsonlSink(tmp_path / "session.jsonl")
    recorder = EventRecorder([sink])
    for row in rows:
        obs, task = demos.obs[row], demos.tasks[row]
        choice = int(np.argmax(high.logits(high.embed([task]), obs[None])[0]))
        recorder.decision(1.0, task, obs, TOKENS[choice])
        recorder.correction(1.4, task, obs, Reply("go up a little", "accepted", "ok", (up,)))
        recorder.end_episode(task, None, 2.0)
    sink.close()
    return sink.path, token_of(up)


def test_finetuning_follows_the_corrections(tmp_path, high_level_path, encoder):
    session, up = _corrections_session(tmp_path, high_level_path, encoder)
    out = tmp_path / "tuned.onnx"
    report = finetune(
        FinetuneConfig(
            sessions=(str(session),), base=str(high_level_path), out=str(out), epochs=15
        ),
        embed=encoder,
    )
    assert report["corrections"] == 25
    before, after = report["agreement_before"], report["agreement_after"]
    assert after["corrections"] >= 0.9 and after["corrections"] > before["corrections"] + 0.5
    assert after["demonstrations"] >= before["demonstrations"] - 0.1  # the task is not forgotten
    tuned = OnnxHighLevel(str(out), encode=encoder)
    assert tuned.spec == OnnxHighLevel(str(high_level_path), encode=encoder).spec


def test_sessions_without_corrections_are_refused(tmp_path, high_level_path, encoder):
    empty = write_events([session_header()], tmp_path / "empty.jsonl")
    with pytest.raises(PolicyError, match="no accepted corrections"):
        finetune(
            FinetuneConfig(
                sessions=(str(empty),), base=str(high_level_path), out=str(tmp_path / "x.onnx")
            ),
            embed=encoder,
        )
