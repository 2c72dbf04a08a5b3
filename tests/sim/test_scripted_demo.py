"""The stage demo: the scripted controller tracks language motions in the batched simulator."""

from __future__ import annotations

from skillbridge.sim.demo import SimDemoConfig, run_sim_demo


def test_scripted_controller_tracks_every_motion_within_tolerance():
    results, steps_per_s = run_sim_demo(SimDemoConfig(num_envs=4, randomize=True, seed=1))
    assert steps_per_s > 0
    for r in results:
        assert r.pos_err_max_m < 0.01, r
        assert r.success_rate >= 0.75, r
