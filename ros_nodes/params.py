"""ROS parameters from frozen config dataclasses: one declaration per field, read back typed.

A node declares the fields of its config dataclass as parameters (``prefix.field``) with the
dataclass defaults, and reads them back into a new instance, so the YAML parameter files, the
launch files and ``skillbridge bringup`` all set the same, documented fields.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from rcl_interfaces.msg import ParameterDescriptor
from rclpy.node import Node
from rclpy.parameter import Parameter

from skillbridge.ros_nodes.errors import RosNodeError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

_ARRAY_TYPES = {
    str: Parameter.Type.STRING_ARRAY,
    float: Parameter.Type.DOUBLE_ARRAY,
    int: Parameter.Type.INTEGER_ARRAY,
    bool: Parameter.Type.BOOL_ARRAY,
}


def _field_type(cls: type, field: dataclasses.Field) -> Any:
    return typing.get_type_hints(cls)[field.name]


def _element_type(hint: Any) -> type | None:
    """Element type of ``tuple[X, ...]``, None for scalars."""
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0]
    return None


def _coerce(value: Any, hint: Any, name: str) -> Any:
    element = _element_type(hint)
    try:
        if element is not None:
            return tuple(element(v) for v in (value or ()))
        if hint is bool:
            if not isinstance(value, bool):
                raise TypeError(f"expected true/false, got {value!r}")
            return value
        if hint not in (str, float, int):
            raise TypeError(f"config fields must be str, float, int, bool or tuples, not {hint}")
        return hint(value)
    except (TypeError, ValueError) as exc:
        raise RosNodeError(f"parameter {name!r}: {exc}; expected {hint}") from exc


def declare_config(node: Node, cls: type[T], prefix: str = "") -> T:
    """Declare every field of ``cls`` as ``prefix + field`` and return the values as ``cls``.

    Raises:
        RosNodeError: a value of the wrong type (named), or a field the helper cannot map.
    """
    defaults = cls()
    for field in dataclasses.fields(cls):
        name = prefix + field.name
        if node.has_parameter(name):
            continue
        element = _element_type(_field_type(cls, field))
        default = getattr(defaults, field.name)
        descriptor = ParameterDescriptor(description=field.name, dynamic_typing=True)
        if element is not None and len(default) == 0:
            typed = ParameterDescriptor(description=field.name)
            node.declare_parameter(name, _ARRAY_TYPES[element], typed)
        elif element is not None:
            node.declare_parameter(name, list(default), descriptor)
        else:
            node.declare_parameter(name, default, descriptor)
    return read_config(node, cls, prefix)


def read_config(node: Node, cls: type[T], prefix: str = "") -> T:
    """The current values of parameters declared by ``declare_config``, as ``cls``.

    Raises:
        RosNodeError: a value of the wrong type (named).
    """
    values = {}
    for field in dataclasses.fields(cls):
        name = prefix + field.name
        param = node.get_parameter_or(name, None)
        value = None if param is None else param.value
        values[field.name] = _coerce(value, _field_type(cls, field), name)
    return cls(**values)


def lock_while_configured(node: Node, prefix: str, configured: Callable[[], bool]) -> None:
    """Refuse run-time changes of the parameters under ``prefix`` while ``configured()``.

    A node reads them at configure (the safety layer's limits): a change later would be silent
    and could widen a limit. The explicit, logged way is the lifecycle: deactivate, cleanup, set
    the parameters, configure again (which logs the limits in force).
    """
    from rcl_interfaces.msg import SetParametersResult

    def check(params: list[Parameter]) -> SetParametersResult:
        changed = [p.name for p in params if p.name.startswith(prefix)]
        if changed and configured():
            reason = (
                f"{changed} are read at configure and locked while configured; deactivate, "
                "cleanup, set them, and configure again"
            )
            node.get_logger().warning(f"refused parameter change: {reason}")
            return SetParametersResult(successful=False, reason=reason)
        return SetParametersResult(successful=True)

    node.add_on_set_parameters_callback(check)
