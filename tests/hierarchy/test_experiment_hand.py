"""The hierarchy experiment runs a skill that holds its grasp until opened only in a hand that
does (the rollouts map actions in the simulator, which applies the hand's gate, not the file's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillbridge.hierarchy.experiment import ExperimentConfig, check_hand
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.evaluate import OnnxPolicy

ROOT = Path(__file__).resolve().parents[2]
CARRY = ROOT / "results" / "grasp_finetune" / "gate" / "motion_carry_slip_fast_gated.onnx"
SHIPPED = ROOT / "models" / "motion.onnx"


def test_a_gated_skill_needs_the_hand_that_keeps_its_grasp():
    carry = OnnxPolicy(str(CARRY))
    assert carry.spec.grasp_gate_joint is not None
    with pytest.raises(PolicyError, match="--grasp franka-hand"):
        check_hand(carry, ExperimentConfig(low_level=str(CARRY)))
    check_hand(carry, ExperimentConfig(low_level=str(CARRY), grasp="franka-hand"))


def test_the_shipped_skill_runs_in_either_hand():
    shipped = OnnxPolicy(str(SHIPPED))
    for grasp in ("trained", "franka-hand"):
        check_hand(shipped, ExperimentConfig(grasp=grasp))


def test_the_experiment_and_the_high_levels_training_name_the_same_hands():
    """``--grasp`` means one physics wherever it is given (``sim.grasp.named_grasp``), at the
    training's physics step for demonstrations."""
    from skillbridge.hierarchy.train import HighLevelTrainConfig
    from skillbridge.sim.grasp import franka_hand_grasp
    from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S

    for grasp in ("trained", "franka-hand"):
        demos = HighLevelTrainConfig(grasp=grasp).scene()
        assert demos.grasp == ExperimentConfig(grasp=grasp).scene().grasp
        assert demos.physics_dt_s == TRAINING_PHYSICS_DT_S
    assert HighLevelTrainConfig(grasp="franka-hand").scene().grasp == franka_hand_grasp()
    assert not HighLevelTrainConfig().scene().grasp.hold_until_opened
