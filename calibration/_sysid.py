"""``mujoco.sysid``, the system-identification toolbox the fit is built on.

The fit uses its pieces directly: ``Parameter``/``ParameterDict`` (values, box bounds, vector
packing), ``SystemTrajectory``/``TimeSeries`` (measured sequences), ``model_residual`` (finite-
difference columns rolled out in one call, through a custom rollout and residual) and
``optimize`` (the box-constrained Gauss-Newton of ``mujoco.minimize``). requirements.txt installs
``mujoco[sysid]``, whose extras (colorama, tabulate, plotly, ...) the package imports.
"""

from __future__ import annotations

from mujoco import sysid

__all__ = ["sysid"]
