"""Random draws in a backend's array namespace: numpy on the ``cpu`` backend, torch on ``warp``.

Tasks, resets and randomization draw through ``Random`` so the same code samples on the host or
on the device that holds the simulation (a GPU's draws never cross to the host). The two
implementations give the same distributions, not the same streams.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from skillbridge.contract.arrays import Array, is_torch

Shape = int | tuple[int, ...]


class Random(Protocol):
    """Draws as arrays of one namespace, device and floating dtype."""

    def uniform(self, low: float | Array, high: float | Array, shape: Shape) -> Array:
        """Uniform in [low, high); bounds broadcast against ``shape``."""
        ...

    def random(self, shape: Shape) -> Array:
        """Uniform in [0, 1)."""
        ...

    def normal(self, scale: float, shape: Shape) -> Array:
        """Zero-mean Gaussian with standard deviation ``scale``."""
        ...

    def integers(self, low: int, high: int, shape: Shape) -> Array:
        """Integers in [low, high)."""
        ...

    def categorical(self, probs: np.ndarray, n: int) -> Array:
        """``n`` indices drawn with probabilities ``probs`` (summing to 1)."""
        ...

    def signs(self, shape: Shape) -> Array:
        """-1.0 or +1.0 with equal probability."""
        ...

    def reseed(self, seed: int) -> None: ...


class NumpyRandom:
    """``numpy.random.Generator`` draws, float64."""

    def __init__(self, seed: int) -> None:
        self.reseed(seed)

    def reseed(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)

    def uniform(self, low: float | Array, high: float | Array, shape: Shape) -> np.ndarray:
        return self._rng.uniform(low, high, size=shape)

    def random(self, shape: Shape) -> np.ndarray:
        return self._rng.random(shape)

    def normal(self, scale: float, shape: Shape) -> np.ndarray:
        return self._rng.normal(scale=scale, size=shape)

    def integers(self, low: int, high: int, shape: Shape) -> np.ndarray:
        return self._rng.integers(low, high, size=shape)

    def categorical(self, probs: np.ndarray, n: int) -> np.ndarray:
        return self._rng.choice(len(probs), size=n, p=probs)

    def signs(self, shape: Shape) -> np.ndarray:
        return self._rng.choice([-1.0, 1.0], size=shape)


class TorchRandom:
    """``torch.Generator`` draws on one device, in one floating dtype."""

    def __init__(self, seed: int, device: Any, dtype: Any) -> None:
        import torch

        self._torch, self._device, self._dtype = torch, device, dtype
        self._gen = torch.Generator(device=device)
        self._weights: dict[tuple[float, ...], Any] = {}
        self.reseed(seed)

    def reseed(self, seed: int) -> None:
        self._gen.manual_seed(int(seed))

    def _shape(self, shape: Shape) -> tuple[int, ...]:
        return (shape,) if isinstance(shape, int) else tuple(shape)

    def random(self, shape: Shape) -> Any:
        return self._torch.rand(
            self._shape(shape), generator=self._gen, device=self._device, dtype=self._dtype
        )

    def uniform(self, low: float | Array, high: float | Array, shape: Shape) -> Any:
        # Python bounds stay Python numbers: a bound copied to a GPU would wait for its queue.
        return low + (high - low) * self.random(shape)

    def normal(self, scale: float, shape: Shape) -> Any:
        draw = self._torch.randn(
            self._shape(shape), generator=self._gen, device=self._device, dtype=self._dtype
        )
        return scale * draw

    def integers(self, low: int, high: int, shape: Shape) -> Any:
        return self._torch.randint(
            low, high, self._shape(shape), generator=self._gen, device=self._device
        )

    def categorical(self, probs: np.ndarray, n: int) -> Any:
        key = tuple(np.asarray(probs, dtype=float).tolist())
        weights = self._weights.get(key)
        if weights is None:  # copied to the device once per distinct distribution
            weights = self._torch.as_tensor(key, device=self._device, dtype=self._torch.float32)
            self._weights[key] = weights
        return self._torch.multinomial(weights, n, replacement=True, generator=self._gen)

    def signs(self, shape: Shape) -> Any:
        return 2.0 * self.integers(0, 2, shape).to(self._dtype) - 1.0


def make_random(seed: int, like: Array) -> Random:
    """A ``Random`` for arrays like ``like`` (a backend's state array)."""
    if is_torch(like):
        return TorchRandom(seed, like.device, like.dtype)
    return NumpyRandom(seed)
