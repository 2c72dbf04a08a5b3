"""Grasp physics: the gripper servo and the finger-pad/cube contact, as one config.

Two settings exist. ``GraspConfig()`` is the physics the shipped motion skill was trained and
verified with (a 1000 N/m servo, Menagerie's finger geoms). ``franka_hand_grasp()`` models the
Franka Hand's grasp: a stiffer servo that squeezes the nominal cube with the hand's rated 70 N
continuous force, fingers that a push cannot back-drive, and stiff, low-creep pad contacts. Its
servo gains differ, so a policy's contract (which records the gains) differs too: a skill must be
trained (or fine-tuned) and exported under it before the verify gate accepts it there. The
reasons for each number, and what they were measured to do, are in ``docs/grasp.md``.

Force arithmetic (Menagerie's hand): the gripper actuator drives the fixed tendon ``split``,
``L = 0.5 q1 + 0.5 q2``, and an equality keeps ``q1 = q2``, so ``L`` is each finger's opening.
A tendon force ``F`` reaches each finger joint through its coefficient as ``0.5 F``: a cube
between the pads is squeezed with ``0.5 F``. The servo's tendon force is
``F = clip(kp (ctrl - L) - kv dL/dt, -F_max, F_max)``; closed on a cube of half edge ``h``
(``ctrl = 0``, ``L = h``), at rest ``F = -min(kp h, F_max)``.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import mujoco

#: Fraction of the gripper tendon's force that reaches each finger (the tendon coefficients).
FINGER_FORCE_PER_TENDON_FORCE = 0.5
#: Franka Hand datasheet: continuous grasping force 70 N (140 N peak).
FRANKA_HAND_CONTINUOUS_FORCE_N = 70.0
FRANKA_HAND_PEAK_FORCE_N = 140.0
_FINGER_BODIES = ("left_finger", "right_finger")


@dataclasses.dataclass(frozen=True)
class GraspConfig:
    """Gripper servo and finger-pad contact parameters (defaults: the shipped skill's physics)."""

    gripper_kp_n_per_m: float = 1000.0
    """Servo stiffness on the gripper tendon (each finger's opening), N/m."""
    gripper_kv_n_s_per_m: float = 100.0
    """Servo damping on the tendon, N s/m; ``kv / kp`` is the closing time constant."""
    gripper_force_limit_n: float = 100.0
    """Largest tendon force, N (Menagerie's); each finger gets half of it."""
    finger_armature_kg: float | None = None
    """Reflected drive inertia of each finger's slide joint, kg; None keeps Menagerie's 0.1."""
    pad_contact: bool = False
    """Give the finger collision geoms the contact parameters below (with priority, so they
    decide every contact of a finger: with the cube, and with the table). False: Menagerie's."""
    pad_condim: int = 4
    """Contact dimensionality of finger contacts: 4 adds torsional friction about the normal."""
    pad_friction: tuple[float, float, float] = (1.0, 0.005, 0.0001)
    """Sliding (-), torsional (m), rolling (m) friction of the finger contacts."""
    pad_solref: tuple[float, float] = (0.02, 1.0)
    """Contact time constant (s) and damping ratio of finger contacts (MuJoCo's default)."""
    pad_solimp: tuple[float, float, float, float, float] = (0.9, 0.95, 0.001, 0.5, 2.0)
    """Contact impedance of finger contacts (MuJoCo's default)."""
    impratio: float = 1.0
    """Scene-wide ratio of frictional to normal constraint impedance (elliptic cones): above 1
    friction is harder, so a held object creeps less under sustained tangential load."""
    hold_until_opened: bool = False
    """The hand keeps a grasp until it is asked to open: while the gripper request is close, the
    finger target is fully closed whatever the skill's finger action. The Franka Hand's
    ``grasp`` action holds its force until a ``move``; without this a learned skill can loosen
    its grip at 50 Hz and drop what it carries. Recorded in the contract
    (``PolicySpec.grasp_gate_joint``) and traced into the exported graph, so the robot runs the
    same gate. False: the shipped skill's contract (the finger follows its action)."""

    def squeeze_force_n(self, cube_half_size_m: float) -> float:
        """Nominal force each pad presses a cube of this half edge with, closed and at rest."""
        tendon = min(self.gripper_kp_n_per_m * cube_half_size_m, self.gripper_force_limit_n)
        return FINGER_FORCE_PER_TENDON_FORCE * tendon


def franka_hand_grasp() -> GraspConfig:
    """The Franka Hand's grasp: 70 N on the nominal cube, stiff fingers and pad contacts.

    * ``kp = 5600 N/m``: closed on the nominal cube (half edge 25 mm, command 0) the tendon
      force is ``5600 * 0.025 = 140 N``, so each pad presses with ``0.5 * 140 = 70 N``, the
      datasheet's continuous force. The randomized cube sizes (0.85-1.15) and gains (0.9-1.1)
      spread it over 54-89 N.
    * Force limit ``280 N`` on the tendon (140 N per finger, the datasheet's peak): never
      reached in use (``kp * 0.04 m = 224 N``). A limit that saturates in a grasp (a stiffer
      servo clipped at 140 N) was tried: its force swung between the limits and the fingers
      chattered at the 4 ms step.
    * ``kv = 560 N s/m``: keeps the previous servo's 0.1 s time constant (kv / kp).
    * Finger armature 2 kg: the hand's fingers are driven through a spindle that a push on the
      object cannot back-drive; a large reflected inertia models that. With Menagerie's 0.1 kg
      the fingers chatter against a 70 N grasp at the 4 ms training step and throw cubes out.
    * Pads: condim 4 (torsional friction resists the cube pivoting about the squeeze axis, the
      way a held cube swings under a lateral move), sliding friction 1.0 (rubber-like pad on a
      plastic or wooden cube), torsional 0.005 m (about 2/3 of the pad's 8.5 mm half width times
      the sliding coefficient), rolling off (0.0001 m; the pad is flat).
    * ``solref = (0.01, 1)``: a 10 ms time constant, critically damped: stiffer than the 20 ms
      default and still 2.5 physics steps at the 4 ms training step (5 at 2 ms).
    * ``solimp = (0.95, 0.99, 0.001, 0.5, 2)``: high impedance for a firm, low-penetration
      grasp contact (0.2 mm at 70 N).
    * ``impratio = 10``: with elliptic cones, friction constraints harder than normal ones,
      which MuJoCo's documentation gives as the way to prevent slip without raising friction.
    """
    return GraspConfig(
        gripper_kp_n_per_m=5600.0,
        gripper_kv_n_s_per_m=560.0,
        gripper_force_limit_n=2.0 * FRANKA_HAND_PEAK_FORCE_N,
        finger_armature_kg=2.0,
        pad_contact=True,
        pad_condim=4,
        pad_friction=(1.0, 0.005, 0.0001),
        pad_solref=(0.01, 1.0),
        pad_solimp=(0.95, 0.99, 0.001, 0.5, 2.0),
        impratio=10.0,
        hold_until_opened=True,
    )


GraspName = Literal["trained", "franka-hand"]
"""The grasps a command line can name: ``trained`` (the scene the shipped skill was trained and
verified in) and ``franka-hand`` (``franka_hand_grasp``)."""


def named_grasp(name: GraspName) -> GraspConfig:
    """The grasp physics a command line's ``--grasp`` names."""
    return franka_hand_grasp() if name == "franka-hand" else GraspConfig()


def apply_grasp(arm: mujoco.MjSpec, gripper: mujoco.MjsActuator, cfg: GraspConfig) -> None:
    """Write ``cfg`` into Menagerie's arm spec (before it is attached to the scene).

    ``gripper`` is the hand's actuator, already mapped to metres of opening.
    """
    gripper.gainprm[0] = cfg.gripper_kp_n_per_m
    gripper.biasprm[1] = -cfg.gripper_kp_n_per_m
    gripper.biasprm[2] = -cfg.gripper_kv_n_s_per_m
    gripper.forcerange = [-cfg.gripper_force_limit_n, cfg.gripper_force_limit_n]
    if cfg.finger_armature_kg is not None:
        for joint in arm.joints:
            if joint.parent.name in _FINGER_BODIES:
                joint.armature = cfg.finger_armature_kg
    if not cfg.pad_contact:
        return
    for geom in arm.geoms:
        if geom.parent.name in _FINGER_BODIES and geom.contype != 0:
            geom.priority = 1
            geom.condim = cfg.pad_condim
            geom.friction = list(cfg.pad_friction)
            geom.solref = list(cfg.pad_solref)
            geom.solimp = list(cfg.pad_solimp)
