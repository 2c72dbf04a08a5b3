"""Override semantics of the hierarchy: a correction acts at once, is recorded, the high level
resumes after it; a refusal changes nothing. Real low-level skill (ONNX), real batched MuJoCo."""

from __future__ import annotations

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.hierarchy.controller import (
    HierarchyRollout,
    OracleChooser,
    RolloutConfig,
)
from skillbridge.policies.hierarchy.dataset import EventLog

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
    return LanguageMotion.of("up", "normal") if text == "go up some" else "not a motion"


def _rollout(low_level, corrector, log, seconds=4.0):
    cfg = RolloutConfig(episodes=2, num_envs=2, max_episode_s=seconds, seed=4, randomize=False)
    embed = lambda texts: np.zeros((len(texts), 384), np.float32)  # noqa: E731
    rollout = HierarchyRollout(
        cfg, low_level, OracleChooser(), embed, [TASK], corrector=corrector, parse=parse, log=log
    )
    return rollout, rollout.run()


def test_a_correction_overrides_at_once_and_the_high_level_resumes(low_level):
    log = EventLog()
    rollout, results = _rollout(low_level, SaysOnce("go up some"), log)
    corrections = [e for e in log.events if e["type"] == "correction"]
    assert len(corrections) == 2 and all(e["parsed"]["motion"] == "up" for e in corrections)
    assert all(r.corrections == 1 for r in results)
    for c in corrections:
        # recorded with its context: what the high level saw and the choice it overrode
        assert len(c["obs"]) == 19 and c["overridden"] is not None and c["text"] == "go up some"
        # the reaction delay, then the override; the high level decides again only afterwards
        first = next(
            e for e in log.events if e["type"] == "decision" and e["episode"] == c["episode"]
        )
        later = [
            e
            for e in log.events
            if e["type"] == "decision" and e["episode"] == c["episode"] and e["t_s"] > c["t_s"]
        ]
        assert c["t_s"] - first["t_s"] >= 0.3 - 1e-6
        assert later, "the high level must resume after the correction"
        assert later[0]["t_s"] - c["t_s"] >= 0.3 - 1e-6  # the corrected motion ran first


def test_the_override_moves_the_target_in_the_step_it_arrives(low_level):
    cfg = RolloutConfig(episodes=1, num_envs=1, max_episode_s=1.5, seed=4, randomize=False)
    embed = lambda texts: np.zeros((len(texts), 384), np.float32)  # noqa: E731
    rollout = HierarchyRollout(
        cfg,
        low_level,
        OracleChooser(),
        embed,
        [TASK],
        corrector=SaysOnce("go up some"),
        parse=parse,
    )
    seen = []
    deliver = rollout._deliver_corrections

    def spy():
        before = int(rollout.corrections[0])
        deliver()
        if rollout.corrections[0] > before:
            tool, _ = rollout.env.physics.tool_pose()
            seen.append((rollout.time_s, tool[0].copy(), rollout.env.target.pos_m[0].copy()))

    rollout._deliver_corrections = spy
    rollout.run()
    assert len(seen) == 1
    t_s, tool, target = seen[0]
    assert abs(t_s - 0.3) < 0.05  # the reaction delay after the first decision
    np.testing.assert_allclose(target - tool, [0.0, 0.0, 0.03], atol=0.005)


def test_a_refusal_changes_nothing(low_level):
    log = EventLog()
    _, results = _rollout(low_level, SaysOnce("make me a sandwich"), log, seconds=2.0)
    refused = [e for e in log.events if e["type"] == "correction"]
    assert refused and all(e["parsed"] is None and e["refused"] == "not a motion" for e in refused)
    assert all(r.corrections == 0 for r in results)
