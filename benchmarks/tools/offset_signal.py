"""How strongly gravity shows an encoder offset, joint by joint, against the friction beside it.

The servo regulates the *reported* angle, so an encoder offset moves the true pose, and a
recording sees it only through the gravity torque that pose changes:
``d tau_g_j / d q_j * offset_j``. At rest the same torque moves the reported angle by that amount
over the servo's kp, inside a dead band of ``+- coulomb_j / kp_j`` that friction leaves
undetermined. This tool computes, in the fitter's own
replay model (Menagerie Panda, ``calibration.replay.replay_model``):

* ``|d tau_g_j / d q_j|``, median over poses drawn uniformly inside the default excitation's box
  (``calibration.excitation.ExcitationConfig``: centre +- amplitude), and its maximum over poses
  drawn over each joint's whole range (what the best static hold could get);
* the torque a ``--offset-mrad`` offset adds there, against the coverage study's Coulomb friction
  prior (``benchmarks/calibration_coverage.py``), and the static sag it adds against the friction
  dead band.

No fit runs and nothing is estimated: it is forward dynamics of the model.

    python benchmarks/tools/offset_signal.py [--poses 400] [--offset-mrad 2] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import mujoco
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "offset_signal.json"
STEP_RAD = 1e-4


def main(argv: list[str] | None = None) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from calibration_coverage import Prior

    from skillbridge.calibration.excitation import ExcitationConfig
    from skillbridge.calibration.replay import replay_model

    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--poses", type=int, default=400, help="random poses per pose set")
    cli.add_argument("--offset-mrad", type=float, default=2.0, help="the offset to weigh")
    cli.add_argument("--seed", type=int, default=0)
    cli.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = cli.parse_args(argv)

    model = replay_model()
    data = mujoco.MjData(model)
    joints = [model.joint(f"panda_joint{i}").id for i in range(1, 8)]
    qpos, dofs = model.jnt_qposadr[joints], model.jnt_dofadr[joints]
    kp = np.array(
        [model.actuator_gainprm[model.actuator(f"panda_actuator{i}").id, 0] for i in range(1, 8)]
    )

    def gravity(q: np.ndarray) -> np.ndarray:
        data.qpos[qpos], data.qvel[:] = q, 0.0
        mujoco.mj_forward(model, data)
        return data.qfrc_bias[dofs].copy()

    def own_slope(q: np.ndarray) -> np.ndarray:
        """|d tau_g_j / d q_j| for each joint j, N m/rad (central differences)."""
        out = np.empty(7)
        for j in range(7):
            step = np.zeros(7)
            step[j] = STEP_RAD
            out[j] = abs(gravity(q + step)[j] - gravity(q - step)[j]) / (2 * STEP_RAD)
        return out

    rng = np.random.default_rng(args.seed)
    exc = ExcitationConfig()
    centre, amplitude = np.array(exc.center_rad), np.array(exc.amplitude_rad)
    lower, upper = model.jnt_range[joints, 0], model.jnt_range[joints, 1]
    in_box = np.array(
        [own_slope(centre + amplitude * rng.uniform(-1, 1, 7)) for _ in range(args.poses)]
    )
    anywhere = np.array([own_slope(rng.uniform(lower, upper)) for _ in range(args.poses)])
    offset = args.offset_mrad * 1e-3
    coulomb = np.array(Prior().coulomb_nm)
    rows = []
    for j in range(7):
        median, best = float(np.median(in_box[:, j])), float(anywhere[:, j].max())
        rows.append({
            "joint": f"panda_joint{j + 1}",
            "kp_nm_per_rad": float(kp[j]),
            "gravity_slope_median_in_excitation_nm_per_rad": median,
            "gravity_slope_max_over_range_nm_per_rad": best,
            "offset_torque_median_mnm": median * offset * 1e3,
            "offset_torque_max_mnm": best * offset * 1e3,
            "coulomb_prior_mnm": (coulomb[j] * 1e3).tolist(),
            "offset_sag_max_mrad": best * offset / kp[j] * 1e3,
            "friction_dead_band_mrad": (coulomb[j] / kp[j] * 1e3).tolist(),
        })  # fmt: skip
        print(
            f"joint {j + 1}: kp {kp[j]:.0f}, gravity slope median {median:.3f} (max {best:.3f}) "
            f"N m/rad -> a {args.offset_mrad:g} mrad offset adds {median * offset * 1e3:.3f} "
            f"(max {best * offset * 1e3:.3f}) mN m against Coulomb {coulomb[j][0] * 1e3:.0f}-"
            f"{coulomb[j][1] * 1e3:.0f} mN m; static sag {best * offset / kp[j] * 1e3:.5f} mrad "
            f"against a dead band of +-{coulomb[j][0] / kp[j] * 1e3:.3f}-"
            f"{coulomb[j][1] / kp[j] * 1e3:.3f} mrad"
        )
    result = {
        "tool": "offset_signal",
        "command": "python benchmarks/tools/offset_signal.py " + " ".join(argv or sys.argv[1:]),
        "offset_mrad": args.offset_mrad,
        "poses": args.poses,
        "seed": args.seed,
        "joints": rows,
    }
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
