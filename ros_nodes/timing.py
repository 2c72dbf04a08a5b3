"""Loop timing statistics for diagnostics and benchmarks (plain numpy, no ROS)."""

from __future__ import annotations

import dataclasses

import numpy as np


@dataclasses.dataclass(frozen=True)
class Percentiles:
    """Summary of a window of samples, in the samples' unit."""

    count: int
    p50: float
    p99: float
    max: float

    def as_ms(self) -> dict[str, float]:
        """The summary of samples in seconds, in milliseconds (for display)."""
        return {"p50_ms": self.p50 * 1e3, "p99_ms": self.p99 * 1e3, "max_ms": self.max * 1e3}


class RollingSamples:
    """The newest ``size`` samples of one quantity (a ring buffer)."""

    def __init__(self, size: int = 2000) -> None:
        self._values = np.zeros(size)
        self._count = 0

    def add(self, value: float) -> None:
        self._values[self._count % len(self._values)] = value
        self._count += 1

    def summary(self) -> Percentiles:
        n = min(self._count, len(self._values))
        if n == 0:
            return Percentiles(0, float("nan"), float("nan"), float("nan"))
        window = self._values[:n]
        p50, p99 = np.percentile(window, [50, 99])
        return Percentiles(self._count, float(p50), float(p99), float(window.max()))


class PeriodTracker:
    """Periods between successive ticks, seconds."""

    def __init__(self, size: int = 2000) -> None:
        self.periods = RollingSamples(size)
        self._last: float | None = None

    def tick(self, now_s: float) -> None:
        if self._last is not None:
            self.periods.add(now_s - self._last)
        self._last = now_s

    def reset(self) -> None:
        self._last = None
