"""ModelOverrides: applied to the compiled model; invalid files fail naming the field."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from skillbridge.sim.errors import OverridesError
from skillbridge.sim.overrides import ModelOverrides, load_overrides, overrides_from_dict
from skillbridge.sim.scene import compile_scene


def _write(tmp_path, text: str):
    path = tmp_path / "overrides.yaml"
    path.write_text(text)
    return path


def test_values_reach_the_compiled_model(tmp_path, panda_model):
    path = _write(
        tmp_path,
        """
version: 1
joints:
  panda_joint2: {armature: 0.2, damping: 3.5, frictionloss: 0.4, offset_rad: 0.01}
actuators:
  panda_joint2: {kp: 4000.0, kv: 300.0}
  panda_actuator8: {kv: 12.0}
command_delay_s: 0.006
""",
    )
    overrides = load_overrides(path, panda_model)
    model = compile_scene(overrides=overrides)
    dof = model.joint("panda_joint2").dofadr[0]
    act = model.actuator("panda_actuator2").id
    assert (model.dof_armature[dof], model.dof_damping[dof], model.dof_frictionloss[dof]) == (
        0.2,
        3.5,
        0.4,
    )
    assert model.actuator_gainprm[act, 0] == 4000.0
    np.testing.assert_allclose(model.actuator_biasprm[act, :3], [-40.0, -4000.0, -300.0])
    assert model.actuator_biasprm[model.actuator("panda_actuator8").id, 2] == -12.0
    np.testing.assert_allclose(model.actuator_delay, 0.006)
    untouched = model.joint("panda_joint1").dofadr[0]
    assert model.dof_damping[untouched] == panda_model.dof_damping[untouched]


def test_save_load_round_trip_and_hash(tmp_path, panda_model):
    original = overrides_from_dict(
        {
            "version": 1,
            "joints": {"panda_joint1": {"damping": 2.0}},
            "command_delay_s": 0.004,
            "provenance": {"recording_sha256": "abc"},
        }
    )
    path = tmp_path / "o.yaml"
    original.save(path)
    again = load_overrides(path, panda_model)
    assert again.to_dict() == original.to_dict()
    assert again.content_hash() == original.content_hash()
    assert ModelOverrides().content_hash() != original.content_hash()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 2\n", "version must be 1"),
        (
            "version: 1\njoints:\n  panda_joint9: {damping: 1.0}\n",
            "unknown joints \\['panda_joint9'\\]",
        ),
        ("version: 1\njoints:\n  panda_joint1: {damping: -1.0}\n", "damping must be >= 0"),
        (
            "version: 1\njoints:\n  panda_joint1: {stiffness: 1.0}\n",
            "unknown fields \\['stiffness'\\]",
        ),
        ("version: 1\nactuators:\n  gripper: {kp: 1.0}\n", "unknown actuator 'gripper'"),
        ("version: 1\nactuators:\n  panda_joint1: {kp: 0}\n", "kp must be > 0"),
        ("version: 1\ncommand_delay_s: -0.1\n", "command_delay_s must be >= 0"),
        ("version: 1\njoints: [a\n", "not valid YAML"),
        ("version: 1\nfriction: 3\n", "unknown top-level keys"),
        ("version: 1\njoints:\n  panda_joint1: {damping: abc}\n", "must be a finite number"),
        (
            "version: 1\nrandomization:\n  joints:\n    panda_joint1: {damping: [2, 1]}\n",
            "low 2.0 > high",
        ),
    ],
)
def test_invalid_files_name_the_field(tmp_path, panda_model, text, message):
    with pytest.raises(OverridesError, match=message):
        load_overrides(_write(tmp_path, text), panda_model)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(OverridesError, match="does not exist"):
        load_overrides(tmp_path / "nope.yaml")


def test_delay_longer_than_history_is_refused(panda_model):
    with pytest.raises(OverridesError, match="max_actuator_delay_s"):
        compile_scene(overrides=overrides_from_dict({"version": 1, "command_delay_s": 1.0}))


def test_file_is_plain_yaml(tmp_path):
    path = tmp_path / "o.yaml"
    overrides_from_dict({"version": 1, "command_delay_s": 0.002}).save(path)
    assert yaml.safe_load(path.read_text())["command_delay_s"] == 0.002
