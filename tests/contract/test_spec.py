"""PolicySpec: metadata round trip, hash stability, validation errors that name the field."""

from __future__ import annotations

import dataclasses
import json

import pytest

from skillbridge.contract import ContractError, ObservationTerm, PolicySpec
from skillbridge.contract.spec import HASH_KEY, METADATA_PREFIX

# The hash of the default Panda contract. If this changes, every exported policy's contract
# changes with it: update deliberately (and bump CONTRACT_VERSION if the meaning changed).
PANDA_SPEC_HASH = "defc68afa2c287f8"


def test_metadata_round_trip_is_exact(panda_spec):
    metadata = panda_spec.to_metadata()
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items())
    assert PolicySpec.from_metadata(metadata) == panda_spec


def test_hash_is_stable_across_processes_and_runs(panda_spec):
    assert panda_spec.content_hash().startswith(PANDA_SPEC_HASH)
    assert (
        panda_spec.content_hash()
        == PolicySpec.from_metadata(panda_spec.to_metadata()).content_hash()
    )


def test_hash_changes_with_any_field(panda_spec):
    changed = dataclasses.replace(panda_spec, control_period_s=0.01)
    assert changed.content_hash() != panda_spec.content_hash()
    scale = (*panda_spec.action_scale[:-1], 0.03)
    assert (
        dataclasses.replace(panda_spec, action_scale=scale).content_hash()
        != panda_spec.content_hash()
    )


def test_edited_metadata_is_refused(panda_spec):
    metadata = panda_spec.to_metadata()
    metadata[METADATA_PREFIX + "action_clip"] = json.dumps(5.0)
    with pytest.raises(ContractError, match="hash mismatch"):
        PolicySpec.from_metadata(metadata)


def test_metadata_without_contract_says_what_to_do():
    with pytest.raises(ContractError, match="skillbridge export"):
        PolicySpec.from_metadata({"producer": "pytorch"})


def test_missing_field_is_named(panda_spec):
    metadata = panda_spec.to_metadata()
    del metadata[METADATA_PREFIX + "kp"]
    with pytest.raises(ContractError, match="'skillbridge.contract.kp' missing"):
        PolicySpec.from_metadata(metadata)


def test_unsupported_version_is_refused(panda_spec):
    metadata = dataclasses.replace(panda_spec, version="99").to_metadata()
    with pytest.raises(ContractError, match="version '99'"):
        PolicySpec.from_metadata(metadata)
    assert HASH_KEY in metadata


def test_per_joint_lengths_are_checked(panda_spec):
    with pytest.raises(ContractError, match="kp has 3 entries"):
        dataclasses.replace(panda_spec, kp=(1.0, 2.0, 3.0))


def test_unknown_observation_term_lists_valid_terms(panda_spec):
    bad = (*panda_spec.observation_terms, ObservationTerm("base_lin_vel", 3))
    with pytest.raises(ContractError, match="valid terms"):
        dataclasses.replace(panda_spec, observation_terms=bad)


def test_obs_dim_counts_history(panda_spec):
    terms = tuple(
        dataclasses.replace(t, history=3) if t.name == "joint_pos_rel" else t
        for t in panda_spec.observation_terms
    )
    spec = dataclasses.replace(panda_spec, observation_terms=terms)
    assert spec.obs_dim == panda_spec.obs_dim + 2 * panda_spec.num_joints
