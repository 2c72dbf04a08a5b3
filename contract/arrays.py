"""Array namespaces: the contract's functions run on numpy arrays and on torch tensors alike.

The contract is written once against the array API standard. numpy arrays (the robot, the
``cpu`` simulator backend) are computed with numpy itself, whose main namespace follows the
standard since numpy 2; torch tensors (the ``warp`` backend on a GPU or Warp's CPU device) with
``array_api_compat.torch``, which smooths over torch's departures from it. numpy is not routed
through ``array_api_compat.numpy``: its wrappers cost up to 10 µs a call (``clip``), and numpy's
own functions already are the standard's.

Nothing here imports torch (the contract must not depend on it): a tensor can only reach these
functions once torch is loaded, and they find it in ``sys.modules``.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

Array = Any
"""A numpy array or a torch tensor (the contract's functions accept either)."""
Namespace = Any
"""numpy, or the torch namespace ``namespace`` returns (the array API's functions)."""

_CONSTANTS: dict[tuple[int, str, str], tuple[np.ndarray, Array]] = {}


def namespace(*arrays: Array) -> Namespace:
    """The array namespace of the arrays: numpy, or array_api_compat's torch namespace with the
    functions that must not leave the device replaced (``_TorchNamespace``)."""
    for a in arrays:
        if is_torch(a):
            if not _TORCH:
                _TORCH.append(_TorchNamespace())
            return _TORCH[0]
    return np


class _TorchNamespace:
    """``array_api_compat.torch``, except ``clip``: the compat version writes through boolean
    masks and copies scalar bounds to the device, and either stalls a GPU's queue (a host
    synchronization per call); ``torch.clamp`` takes scalar and tensor bounds as they are."""

    def __init__(self) -> None:
        import array_api_compat.torch as compat

        self._compat = compat
        self._clamp = sys.modules["torch"].clamp

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compat, name)

    def clip(self, x: Array, min: Any = None, max: Any = None) -> Array:
        return self._clamp(x, min, max)


_TORCH: list[_TorchNamespace] = []  # made at the first tensor (torch is loaded by then)


def is_torch(a: Array) -> bool:
    """Whether ``a`` is a torch tensor (checked without importing torch)."""
    return type(a).__module__.startswith("torch")


def device_of(a: Array) -> Any:
    """The device an array lives on ("cpu" for numpy)."""
    return a.device if is_torch(a) else "cpu"


def like(ref: Array, value: Any, dtype: Any = None) -> Array:
    """``value`` (numpy, a number, a sequence or a tensor) in ``ref``'s namespace and on its
    device; floating values take ``ref``'s floating dtype unless ``dtype`` is given. numpy refs
    get numpy values (and numbers) back unchanged when no dtype is asked for; sequences become
    arrays."""
    if not is_torch(ref):
        if dtype is None:
            return np.asarray(value) if isinstance(value, list | tuple) else value
        return np.asarray(value, dtype=dtype)
    if dtype is None:
        kind = value.dtype.is_floating_point if is_torch(value) else np.asarray(value).dtype.kind
        floating = kind is True or kind == "f"
        dtype = ref.dtype if floating and ref.dtype.is_floating_point else None
    if is_torch(value):
        return value.to(device=ref.device, dtype=dtype)
    torch = sys.modules["torch"]  # loaded, since ``ref`` is a tensor; never imported here
    if isinstance(value, np.ndarray) and not value.flags.writeable:
        value = value.copy()  # torch warns on read-only memory (the spec's frozen arrays)
    return torch.as_tensor(value, device=ref.device, dtype=dtype)


def constant(ref: Array, value: np.ndarray, dtype: Any = None) -> Array:
    """``like`` for a long-lived numpy constant (the spec's arrays, index tables): its copy on a
    torch device is cached, keyed by the constant's identity, so a control loop on a GPU does not
    copy it to the device every step. The cache holds the constant itself, so its id stays
    valid. Pass transient arrays to ``like`` instead."""
    if not is_torch(ref) or not isinstance(value, np.ndarray):
        return like(ref, value, dtype)
    if type(ref).__name__ != "Tensor":  # a tracer's tensor (export): never cache its constants
        return like(ref, value, dtype)
    key = (id(value), str(ref.device), str(dtype or ref.dtype))
    hit = _CONSTANTS.get(key)
    if hit is not None and hit[0] is value:
        return hit[1]
    out = like(ref, value, dtype)
    if len(_CONSTANTS) > 4096:
        _CONSTANTS.clear()
    _CONSTANTS[key] = (value, out)
    return out


def to_numpy(a: Array) -> np.ndarray:
    """A numpy copy or view of an array of either namespace (a host copy for device tensors)."""
    if is_torch(a):
        host: np.ndarray = a.detach().cpu().numpy()
        return host
    return np.asarray(a)


def copy(a: Array) -> Array:
    """A copy of an array in its own namespace."""
    return a.clone() if is_torch(a) else a.copy()


def float_dtype(a: Array) -> Any:
    """``a``'s dtype when it is floating point, else the namespace's default float."""
    xp = namespace(a)
    if xp.isdtype(a.dtype, "real floating"):
        return a.dtype
    return xp.float32 if is_torch(a) else np.float64
