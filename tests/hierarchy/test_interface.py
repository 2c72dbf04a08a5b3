"""The high levels the skill manager can run."""

from __future__ import annotations

import pytest

from skillbridge.contract import ContractError
from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.interface import HighLevelPolicy, IdleHighLevel, make_high_level


def test_high_levels_satisfy_the_protocol_and_unknown_kinds_are_named():
    assert isinstance(IdleHighLevel(), HighLevelPolicy)
    left = LanguageMotion.of("left")
    assert isinstance(make_high_level("sequence", [left.to_json()]), HighLevelPolicy)
    with pytest.raises(ContractError, match="valid: \\['idle', 'learned', 'sequence'\\]"):
        make_high_level("dreamed")
    with pytest.raises(ContractError, match="needs high_level_path"):
        make_high_level("learned")
