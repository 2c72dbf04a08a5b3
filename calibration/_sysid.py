"""``mujoco.sysid``, the system-identification toolbox the fit is built on.

The fit uses its pieces directly: ``Parameter``/``ParameterDict`` (values, box bounds, vector
packing), ``SystemTrajectory``/``TimeSeries`` (measured sequences), ``model_residual`` (finite-
difference columns rolled out in one call, through a custom rollout and residual), ``optimize``
(the box-constrained Gauss-Newton of ``mujoco.minimize``) and ``calculate_intervals``
(confidence intervals from the Jacobian at the optimum).

Two packaging gaps are bridged here, and only here:

- ``mujoco/sysid/__init__.py`` re-exports everything inside one ``try`` that also imports the
  HTML report, which needs plotly; without plotly the package namespace stays empty. The
  implementation modules under ``mujoco.sysid._src`` are imported directly instead.
- ``mujoco.sysid._src.parameter`` imports colorama and tabulate at module level, solely to colour
  and tabulate console print-outs (``ParameterDict.__str__``, ``compare_parameters``). Both are
  extras of ``mujoco[sysid]`` that requirements.txt does not pin. When one is missing, a plain
  stand-in is registered for the duration of that import and removed afterwards, so no other
  module ever sees it. Pinning ``colorama`` and ``tabulate`` makes this a no-op.
"""

from __future__ import annotations

import importlib.util
import sys
import types


def _colorama_stand_in() -> types.ModuleType:
    """``colorama.Fore``/``Style`` with every colour an empty string."""
    module = types.ModuleType("colorama")
    colours = ("BLACK", "RED", "GREEN", "YELLOW", "BLUE", "MAGENTA", "CYAN", "WHITE", "RESET")
    module.Fore = types.SimpleNamespace(**{c: "" for c in colours})  # type: ignore[attr-defined]
    module.Style = types.SimpleNamespace(RESET_ALL="", BRIGHT="", DIM="", NORMAL="")  # type: ignore[attr-defined]
    return module


def _plain_table(rows: list[list[str]], headers: list[str], **_: object) -> str:
    """Whitespace-aligned text table (what ``tabulate`` is used for in sysid)."""
    table = [list(map(str, headers)), *[list(map(str, r)) for r in rows]]
    widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in table)


def _tabulate_stand_in() -> types.ModuleType:
    module = types.ModuleType("tabulate")
    module.tabulate = _plain_table  # type: ignore[attr-defined]
    return module


def _import_sysid() -> types.SimpleNamespace:
    stand_ins = {
        name: factory()
        for name, factory in (("colorama", _colorama_stand_in), ("tabulate", _tabulate_stand_in))
        if importlib.util.find_spec(name) is None
    }
    sys.modules.update(stand_ins)
    try:
        from mujoco.sysid._src import optimize, parameter, residual, timeseries, trajectory
    finally:
        for name in stand_ins:
            sys.modules.pop(name, None)
    return types.SimpleNamespace(
        Parameter=parameter.Parameter,
        ParameterDict=parameter.ParameterDict,
        SystemTrajectory=trajectory.SystemTrajectory,
        TimeSeries=timeseries.TimeSeries,
        SignalType=timeseries.SignalType,
        model_residual=residual.model_residual,
        optimize=optimize.optimize,
        calculate_intervals=optimize.calculate_intervals,
    )


sysid = _import_sysid()
"""The sysid pieces the fit uses (``sysid.ParameterDict``, ``sysid.optimize``, ...)."""
