"""``PolicySpec``: everything a deployed policy needs to be run exactly as it was trained.

The spec travels inside the ONNX file as a flat ``dict[str, str]`` (ONNX ``metadata_props``) with a
content hash, so the robot side never repeats any of it in parameters.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Mapping
from typing import Any

import numpy as np

from skillbridge.contract.errors import ContractError

CONTRACT_VERSION = "1"
METADATA_PREFIX = "skillbridge.contract."
HASH_KEY = METADATA_PREFIX + "hash"

ACTION_MODES = ("delta", "absolute")
"""``delta``: target = measured + scale * action; ``absolute``: default + scale * action."""

#: Observation terms the contract can compute, with their sizes: an int, or the name of the spec
#: length they follow ("joints": one per policy joint, "actions": one per action).
TERM_SIZES: dict[str, int | str] = {
    "joint_pos_rel": "joints",  # measured position minus the default pose
    "joint_vel": "joints",
    "last_action": "actions",
    "target_pos_error_b": 3,  # commanded TCP position minus current, base frame, metres
    "target_rot_error_b": 3,  # rotation vector, current to commanded TCP orientation, base frame
    "gripper_target": 1,  # +1 open, -1 closed
    "tool_pos_b": 3,  # tool centre point from forward kinematics of the measured joints, metres
    "tool_rot_b": 6,  # its orientation: the first two columns of the rotation matrix
}

#: Layout of a command as it conditions the low-level skill (one language motion).
COMMAND_NAMES = ("dx_m", "dy_m", "dz_m", "dyaw_rad", "gripper")

#: Fields added to version 1 after it shipped, with the default that means "as before". At that
#: default they are left out of the metadata and the hash, so every earlier file keeps its
#: contract hash, and a file without them reads as the default.
OPTIONAL_FIELDS: dict[str, Any] = {"grasp_gate_joint": None}


@dataclasses.dataclass(frozen=True)
class ObservationTerm:
    """One block of the actor observation: ``clip(raw * scale, -clip, clip)``, over history."""

    name: str
    size: int
    scale: float = 1.0
    clip: float = 100.0
    history: int = 1
    """Frames stacked, newest first; 1 means only the current frame."""

    @property
    def width(self) -> int:
        """Columns this term occupies in the observation."""
        return self.size * self.history


@dataclasses.dataclass(frozen=True)
class ChainLink:
    """A body of a serial chain: fixed transform from its parent, then an optional hinge."""

    body_name: str
    pos_m: tuple[float, float, float]
    quat_wxyz: tuple[float, float, float, float]
    joint_name: str | None = None
    axis: tuple[float, float, float] = (0.0, 0.0, 1.0)


@dataclasses.dataclass(frozen=True)
class KinematicChain:
    """Base-to-tool kinematics: the robot side computes the tool pose exactly as the simulator."""

    links: tuple[ChainLink, ...]
    tool_pos_m: tuple[float, float, float]
    tool_quat_wxyz: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 0.0)

    @property
    def joint_names(self) -> tuple[str, ...]:
        return tuple(link.joint_name for link in self.links if link.joint_name is not None)


@dataclasses.dataclass(frozen=True)
class SpecArrays:
    """Read-only numpy views of a spec's per-joint values (in ``joint_names`` order) and of its
    observation terms' scales and clip bounds."""

    default_joint_pos: np.ndarray
    joint_pos_lower: np.ndarray
    joint_pos_upper: np.ndarray
    action_scale: np.ndarray
    delta_action: np.ndarray
    """bool: the joint's action is an offset from the measured position."""
    grasp_gated: np.ndarray
    """bool: the joint is ``grasp_gate_joint`` (held at its lower limit while asked to close)."""
    obs_scale: np.ndarray
    """Scale of each column of one frame of every observation term, in term order."""
    obs_clip: np.ndarray
    """Clip bound of each of those columns."""
    workspace_min_m: np.ndarray
    workspace_max_m: np.ndarray


def _frozen(values: Any, dtype: Any = np.float64) -> np.ndarray:
    out = np.array(values, dtype=dtype)
    out.flags.writeable = False
    return out


@dataclasses.dataclass(frozen=True)
class PolicySpec:
    """The observation/action contract of one policy. Per-joint tuples follow ``joint_names``."""

    robot: str
    joint_names: tuple[str, ...]
    """Policy joint order; joints are always matched by name, never by index."""
    default_joint_pos: tuple[float, ...]
    joint_pos_lower: tuple[float, ...]
    joint_pos_upper: tuple[float, ...]
    action_modes: tuple[str, ...]
    action_scale: tuple[float, ...]
    action_clip: float
    kp: tuple[float, ...]
    """Position gains of the joint servos the targets are sent to (N m/rad, or N/m for fingers)."""
    kd: tuple[float, ...]
    control_period_s: float
    observation_terms: tuple[ObservationTerm, ...]
    kinematics: KinematicChain
    workspace_min_m: tuple[float, float, float]
    """Lower corner of the box the tool centre point may be commanded into (base frame)."""
    workspace_max_m: tuple[float, float, float]
    command_names: tuple[str, ...] = COMMAND_NAMES
    version: str = CONTRACT_VERSION
    grasp_gate_joint: str | None = None
    """The gripper joint that holds a grasp until it is asked to open: while the observation's
    ``gripper_target`` is negative (close) its target is its lower limit (fully closed, the full
    squeeze) whatever the action. The Franka Hand's ``grasp`` action keeps its force until a
    ``move``; a learned skill cannot loosen a grasp it was not asked to release. None: every
    joint follows its action (the skills trained before this field)."""

    def __post_init__(self) -> None:
        n = len(self.joint_names)
        if len(set(self.joint_names)) != n:
            raise ContractError(f"joint_names repeat: {list(self.joint_names)}")
        for field in (
            "default_joint_pos",
            "joint_pos_lower",
            "joint_pos_upper",
            "action_modes",
            "action_scale",
            "kp",
            "kd",
        ):
            if len(getattr(self, field)) != n:
                raise ContractError(
                    f"{field} has {len(getattr(self, field))} entries but there are {n} joints "
                    f"{list(self.joint_names)}; give one per joint"
                )
        bad_modes = sorted(set(self.action_modes) - set(ACTION_MODES))
        if bad_modes:
            raise ContractError(f"unknown action modes {bad_modes}; valid: {list(ACTION_MODES)}")
        if self.control_period_s <= 0:
            raise ContractError(f"control_period_s must be positive, got {self.control_period_s}")
        for term in self.observation_terms:
            self._check_term(term)
        self._check_grasp_gate()
        chain_joints = set(self.kinematics.joint_names)
        unknown = sorted(chain_joints - set(self.joint_names))
        if unknown:
            raise ContractError(f"kinematic chain joints {unknown} are not policy joints")

    def _check_grasp_gate(self) -> None:
        gate = self.grasp_gate_joint
        if gate is None:
            return
        if gate not in self.joint_names:
            raise ContractError(
                f"grasp_gate_joint {gate!r} is not a policy joint {list(self.joint_names)}; name "
                "the gripper joint or leave it None"
            )
        if "gripper_target" not in {t.name for t in self.observation_terms}:
            raise ContractError(
                "grasp_gate_joint needs the 'gripper_target' observation term: the gate reads "
                "the gripper request from it"
            )

    def with_grasp_gate(self) -> PolicySpec:
        """This contract with its gripper joint (its one ``absolute`` joint) held closed while
        close is requested (``grasp_gate_joint``)."""
        absolute = [j for j, m in zip(self.joint_names, self.action_modes, strict=True)
                    if m == "absolute"]  # fmt: skip
        if len(absolute) != 1:
            raise ContractError(
                f"a grasp gate needs exactly one absolute (gripper) joint; this contract has "
                f"{absolute}"
            )
        return dataclasses.replace(self, grasp_gate_joint=absolute[0])

    def gripper_request_column(self) -> int:
        """Column of the observation holding the current gripper request (``gripper_target``,
        newest frame)."""
        column = 0
        for term in self.observation_terms:
            if term.name == "gripper_target":
                return column
            column += term.width
        raise ContractError("this contract has no 'gripper_target' observation term")

    def _check_term(self, term: ObservationTerm) -> None:
        if term.name not in TERM_SIZES:
            raise ContractError(
                f"unknown observation term {term.name!r}; valid terms: {sorted(TERM_SIZES)}"
            )
        expected = self.term_size(term.name)
        if term.size != expected or term.history < 1:
            raise ContractError(
                f"observation term {term.name!r} has size {term.size} x history {term.history}; "
                f"its size must be {expected} and history >= 1"
            )

    def term_size(self, name: str) -> int:
        """Size of one frame of a known observation term for this spec."""
        size = TERM_SIZES[name]
        if size in {"joints", "actions"}:
            return len(self.joint_names)
        return int(size)

    @functools.cached_property
    def arrays(self) -> SpecArrays:
        """The per-joint tuples and term scales as arrays, built once: control loops read them
        every step."""
        return SpecArrays(
            default_joint_pos=_frozen(self.default_joint_pos),
            joint_pos_lower=_frozen(self.joint_pos_lower),
            joint_pos_upper=_frozen(self.joint_pos_upper),
            action_scale=_frozen(self.action_scale),
            delta_action=_frozen([mode == "delta" for mode in self.action_modes], bool),
            grasp_gated=_frozen([j == self.grasp_gate_joint for j in self.joint_names], bool),
            obs_scale=_frozen([t.scale for t in self.observation_terms for _ in range(t.size)]),
            obs_clip=_frozen([t.clip for t in self.observation_terms for _ in range(t.size)]),
            workspace_min_m=_frozen(self.workspace_min_m),
            workspace_max_m=_frozen(self.workspace_max_m),
        )

    @property
    def num_joints(self) -> int:
        return len(self.joint_names)

    @property
    def action_dim(self) -> int:
        return len(self.joint_names)

    @property
    def obs_dim(self) -> int:
        return sum(term.width for term in self.observation_terms)

    def to_metadata(self) -> dict[str, str]:
        """Flat string map for ONNX ``metadata_props``: one JSON value per field, plus the hash."""
        fields = _plain(self)
        flat = {METADATA_PREFIX + k: json.dumps(v, sort_keys=True) for k, v in fields.items()}
        flat[HASH_KEY] = self.content_hash()
        return flat

    def content_hash(self) -> str:
        """sha256 of the canonical JSON of every field: equal specs hash equal, on any machine."""
        canonical = json.dumps(_plain(self), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, str]) -> PolicySpec:
        """Rebuild a spec from ``to_metadata`` output and check its hash.

        Raises:
            ContractError: no contract in the map, a field missing or malformed, an unsupported
                version, or a hash that does not match the fields.
        """
        keys = [k for k in metadata if k.startswith(METADATA_PREFIX)]
        if not keys:
            raise ContractError(
                "no skillbridge contract in this metadata (no 'skillbridge.contract.*' keys); "
                "export the policy with `skillbridge export`, which embeds its contract"
            )
        try:
            values = {
                f.name: json.loads(metadata[METADATA_PREFIX + f.name])
                for f in dataclasses.fields(cls)
                if f.name not in OPTIONAL_FIELDS or METADATA_PREFIX + f.name in metadata
            }
        except KeyError as exc:
            raise ContractError(f"contract field {exc.args[0]!r} missing from metadata") from exc
        except json.JSONDecodeError as exc:
            raise ContractError(f"contract metadata is not valid JSON: {exc}") from exc
        if values["version"] != CONTRACT_VERSION:
            raise ContractError(
                f"contract version {values['version']!r} is not supported (this skillbridge reads "
                f"{CONTRACT_VERSION!r}); re-export the policy with this version"
            )
        spec = _spec_from_plain(values)
        stored = metadata.get(HASH_KEY)
        if stored != spec.content_hash():
            raise ContractError(
                f"contract hash mismatch: metadata says {stored}, fields hash to "
                f"{spec.content_hash()}; the file was edited after export, re-export it"
            )
        return spec


def _plain(spec: PolicySpec) -> dict[str, Any]:
    """JSON-ready dict of a spec (tuples become lists); optional fields at their default are
    left out (``OPTIONAL_FIELDS``)."""
    plain: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(spec)))
    for name, default in OPTIONAL_FIELDS.items():
        if plain[name] == default:
            del plain[name]
    return plain


def _spec_from_plain(values: dict[str, Any]) -> PolicySpec:
    try:
        chain = values["kinematics"]
        kinematics = KinematicChain(
            links=tuple(
                ChainLink(
                    link["body_name"],
                    tuple(link["pos_m"]),
                    tuple(link["quat_wxyz"]),
                    link["joint_name"],
                    tuple(link["axis"]),
                )
                for link in chain["links"]
            ),
            tool_pos_m=tuple(chain["tool_pos_m"]),
            tool_quat_wxyz=tuple(chain["tool_quat_wxyz"]),
        )
        terms = tuple(ObservationTerm(**t) for t in values["observation_terms"])
        plain: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in values.items()
        }
        plain.update(kinematics=kinematics, observation_terms=terms)
        return PolicySpec(**plain)
    except (KeyError, TypeError) as exc:
        raise ContractError(f"contract metadata is malformed: {exc!r}") from exc
