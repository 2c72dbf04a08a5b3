"""Excitation trajectories for calibration recordings, read from the NPZ that
``skillbridge calibrate excite --out FILE.npz`` writes (no ROS here).

Layout: ``times_s`` (T,), ``joint_names`` (J,), ``targets_rad`` (T, J), ``rate_hz`` (scalar).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from skillbridge.ros_nodes.errors import RosNodeError

#: Franka Emika Panda joint position limits (datasheet, = Menagerie's ranges), rad; fingers m.
PANDA_JOINTS = (*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1")
PANDA_LOWER = (-2.8973, -1.7628, -2.8973, -3.0718, -2.8973, -0.0175, -2.8973, 0.0)
PANDA_UPPER = (2.8973, 1.7628, 2.8973, -0.0698, 2.8973, 3.7525, 2.8973, 0.04)


@dataclasses.dataclass(frozen=True)
class ExcitationTrajectory:
    """Joint targets over time, held between samples (zero-order hold)."""

    times_s: np.ndarray
    """Shape: (T,), increasing, from 0."""
    joint_names: tuple[str, ...]
    targets_rad: np.ndarray
    """Shape: (T, J)."""
    rate_hz: float

    @property
    def duration_s(self) -> float:
        return float(self.times_s[-1])

    @staticmethod
    def load(path: str | Path) -> ExcitationTrajectory:
        """Read and check an excitation NPZ.

        Raises:
            RosNodeError: missing file or keys, wrong shapes, non-finite or unordered samples.
        """
        hint = "make one with `skillbridge calibrate excite --out FILE.npz`"
        try:
            with np.load(path, allow_pickle=False) as npz:
                times = np.asarray(npz["times_s"], dtype=np.float64)
                names = tuple(str(n) for n in npz["joint_names"])
                targets = np.asarray(npz["targets_rad"], dtype=np.float64)
                rate = (
                    float(npz["rate_hz"]) if "rate_hz" in npz else 1.0 / np.median(np.diff(times))
                )
        except (OSError, KeyError, ValueError) as exc:
            raise RosNodeError(f"{path} is not an excitation file ({exc}); {hint}") from exc
        if targets.shape != (len(times), len(names)) or len(times) < 2:
            raise RosNodeError(
                f"{path}: targets_rad has shape {targets.shape}, expected ({len(times)}, "
                f"{len(names)}) for {len(times)} times and joints {list(names)}; {hint}"
            )
        if not (np.all(np.isfinite(targets)) and np.all(np.diff(times) > 0)):
            raise RosNodeError(f"{path}: non-finite targets or times not increasing; {hint}")
        return ExcitationTrajectory(times - times[0], names, targets, rate)

    def sample(self, t_s: float) -> np.ndarray:
        """Targets at ``t_s`` seconds from the start (the last sample after the end), (J,).

        A sample due within a microsecond counts as due: ticks of a simulated clock land exactly
        on the sample times, which float rounding may put a hair later.
        """
        k = int(np.searchsorted(self.times_s, t_s + 1e-6, side="right")) - 1
        return self.targets_rad[min(max(k, 0), len(self.times_s) - 1)]
