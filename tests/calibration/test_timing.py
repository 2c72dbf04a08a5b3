"""Stage timing of a fit: accumulation per stage, order, a stage that raises."""

from __future__ import annotations

import time

import pytest

from skillbridge.calibration.timing import StageTimes, describe


def test_a_stage_entered_twice_accumulates_in_first_entry_order():
    clock = StageTimes()
    with clock.stage("scan"):
        time.sleep(0.02)
    with clock.stage("fit"):
        time.sleep(0.01)
    with clock.stage("scan"):
        time.sleep(0.02)
    assert list(clock.seconds) == ["scan", "fit"]
    assert clock.seconds["scan"] >= 0.04 and clock.seconds["fit"] >= 0.01
    assert clock.seconds["scan"] < 1.0


def test_a_stage_that_raises_is_still_timed():
    clock = StageTimes()
    with pytest.raises(ValueError), clock.stage("fit"):
        time.sleep(0.01)
        raise ValueError("optimizer failed")
    assert clock.seconds["fit"] >= 0.01


def test_describe_rounds_to_tenths_in_order():
    assert (
        describe({"delay scan": 12.34, "full fit": 80.06}) == "delay scan 12.3 s, full fit 80.1 s"
    )
