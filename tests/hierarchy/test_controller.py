"""Override semantics of the hierarchy in the simulator (the skill manager's sequencer, one per
simulated robot): a correction acts at once, is recorded, the high level resumes after it; a
refusal changes nothing. Real low-level skill (ONNX), real batched MuJoCo."""

from __future__ import annotations

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Refusal
from skillbridge.hierarchy.rollout import (
    HierarchyRollout,
    OracleChooser,
    RolloutConfig,
)

TASK = "put the cube on the pad"


class SaysOnce:
    """A corrector that says one thing at the first decision of each environment."""

    def __init__(self, text: str) -> None:
        self.text, self.said = text, set()

    def objects(self, env_id, t_s, task, true_obs, chosen):
        if env_id in self.said:
            return False
        self.said.add(env_id)
        return True

    def words(self, task, true_obs):
        return self.text


def parse(text: str):
    if text == "go up some":
        return LanguageMotion.of("up", "normal")
    return Refusal("not_a_motion", "not a motion")


def _hierarchy(low_level, corrector, events=None, seconds=4.0, robots=2):
    cfg = RolloutConfig(
        episodes=robots, num_envs=robots, max_episode_s=seconds, seed=4, randomize=False
    )
    embed = lambda texts: np.zeros((len(texts), 384), np.float32)  # noqa: E731
    return HierarchyRollout(
        cfg,
        low_level,
        OracleChooser(),
        embed,
        [TASK],
        corrector=corrector,
        parse=parse,
        events=None if events is None else events.append,
    )


def _rollout(low_level, corrector, events, seconds=4.0):
    rollout = _hierarchy(low_level, corrector, events, seconds)
    return rollout, rollout.run()


def test_a_correction_overrides_at_once_and_the_high_level_resumes(low_level):
    events: list[dict] = []
    rollout, results = _rollout(low_level, SaysOnce("go up some"), events)
    assert [e["type"] for e in events].count("session") == 1
    corrections = [e for e in events if e["type"] == "correction"]
    assert len(corrections) == 2
    assert all(e["reply"] == "accepted" and e["motions"][0]["motion"] == "up" for e in corrections)
    assert all(r.corrections == 1 for r in results)
    for c in corrections:
        # recorded with its context: what the high level saw and the choice it overrode
        assert len(c["obs"]) == 19 and c["overridden"] is not None and c["text"] == "go up some"
        # the reaction delay, then the override; the high level decides again only afterwards
        first = next(e for e in events if e["type"] == "decision" and e["episode"] == c["episode"])
        later = [
            e
            for e in events
            if e["type"] == "decision" and e["episode"] == c["episode"] and e["t_s"] > c["t_s"]
        ]
        assert c["t_s"] - first["t_s"] >= 0.3 - 1e-6
        assert later, "the high level must resume after the correction"
        assert later[0]["t_s"] - c["t_s"] >= 0.3 - 1e-6  # the corrected motion ran first


def test_the_override_moves_the_target_in_the_step_it_arrives(low_level):
    rollout = _hierarchy(low_level, SaysOnce("go up some"), seconds=1.5, robots=1)
    seen = []
    deliver = rollout._deliver_corrections

    def spy():
        before = rollout.sequencers[0].corrections
        deliver()
        if rollout.sequencers[0].corrections > before:
            tool, _ = rollout.env.physics.tool_pose()
            seen.append((rollout.time_s, tool[0].copy(), rollout.env.target.pos_m[0].copy()))

    rollout._deliver_corrections = spy
    rollout.run()
    assert len(seen) == 1
    t_s, tool, target = seen[0]
    assert abs(t_s - 0.3) < 0.05  # the reaction delay after the first decision
    np.testing.assert_allclose(target - tool, [0.0, 0.0, 0.03], atol=0.005)


def test_a_refusal_changes_nothing(low_level):
    events: list[dict] = []
    _, results = _rollout(low_level, SaysOnce("make me a sandwich"), events, seconds=2.0)
    refused = [e for e in events if e["type"] == "correction"]
    assert refused and all(e["reply"] == "refused" and not e["motions"] for e in refused)
    assert all(e["refusal"] == {"kind": "not_a_motion", "reason": "not a motion"} for e in refused)
    assert all(r.corrections == 0 for r in results)
