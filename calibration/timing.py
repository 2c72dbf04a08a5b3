"""Wall time of a fit's stages (delay scan, profile, fits, intervals, ...), to say where it goes.

    clock = StageTimes()
    with clock.stage("delay scan"):
        ...
    clock.seconds  # {"delay scan": 12.3, ...}, in the order the stages first ran

A stage entered twice (the delay scan runs before and after the static pre-fit) accumulates.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Mapping


class StageTimes:
    """Accumulated wall time per named stage, seconds."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` block and add it to stage ``name`` (also when it raises)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def describe(seconds: Mapping[str, float]) -> str:
    """One line: ``delay scan 12.3 s, full fit 80.1 s, ...`` in the given order."""
    return ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items())
