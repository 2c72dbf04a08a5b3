"""The tabletop scene: Menagerie's Panda on a table, a cube, a target pad; built with ``MjSpec``.

Frames: the robot base frame is the world frame; the table top is the plane z = 0 and the arm's
base sits on it. ``forward`` is +x, ``left`` is +y, ``up`` is +z.

Names in the compiled model (the rest of the project uses these constants, never literals):
arm joints ``panda_joint1..7`` and ``panda_finger_joint1/2`` (franka_ros naming), the tool centre
point site ``tcp``, the free ``cube`` body, the mocap ``target_pad`` body.
"""

from __future__ import annotations

import dataclasses
import math

import mujoco
import numpy as np

from skillbridge.sim.assets import panda_mjcf
from skillbridge.sim.grasp import GraspConfig, apply_grasp
from skillbridge.sim.overrides import ModelOverrides, apply_overrides

PREFIX = "panda_"
ARM_JOINTS: tuple[str, ...] = tuple(f"{PREFIX}joint{i}" for i in range(1, 8))
FINGER_JOINT = f"{PREFIX}finger_joint1"
MIMIC_FINGER_JOINT = f"{PREFIX}finger_joint2"
POLICY_JOINTS: tuple[str, ...] = (*ARM_JOINTS, FINGER_JOINT)
ARM_ACTUATORS: tuple[str, ...] = tuple(f"{PREFIX}actuator{i}" for i in range(1, 8))
GRIPPER_ACTUATOR = f"{PREFIX}actuator8"
ALL_ACTUATORS: tuple[str, ...] = (*ARM_ACTUATORS, GRIPPER_ACTUATOR)
BASE_BODY = f"{PREFIX}link0"
HAND_BODY = f"{PREFIX}hand"
TCP_SITE = f"{PREFIX}tcp"
CUBE_BODY = "cube"
CUBE_JOINT = "cube_joint"
CUBE_GEOM = "cube_geom"
PAD_BODY = "target_pad"
TABLE_GEOM = "table"
TABLE_CONTACT_SENSOR = "table_contact"
GRASP_CONTACT_SENSOR = "grasp_contact"
LEFT_FINGER_BODY = f"{PREFIX}left_finger"
RIGHT_FINGER_BODY = f"{PREFIX}right_finger"
#: Per-finger contact sensors with the cube (found flag + net force of that finger's contacts).
FINGER_CONTACT_SENSORS = ("left_finger_contact", "right_finger_contact")

#: Distance from the Franka hand frame (flange) to the tool centre point between the fingertips.
TCP_OFFSET_M = 0.1034
#: Finger joint travel (each finger), metres: 0 closed, 0.04 open.
FINGER_OPEN_M = 0.04
#: Panda "ready" pose (franka_ros), gripper pointing down in front of the base.
HOME_ARM_QPOS_RAD = (0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398)
#: Arm links whose collision meshes stay active (the lower links never reach the table or the cube
#: in this task; turning them off keeps stepping fast).
_COLLIDING_LINKS = ("link6", "link7", "hand", "left_finger", "right_finger")


#: Training and evaluation step the physics at 4 ms (five substeps per 20 ms control period):
#: MuJoCo Playground's Panda tasks step at 5 ms; here 4 ms tracks the scripted controller and holds
#: grasps as well as 2 ms and doubles training throughput. The ROS sim robot keeps 2 ms, so every
#: deployment test is also a sim-to-sim transfer across physics rates.
TRAINING_PHYSICS_DT_S = 0.004


@dataclasses.dataclass(frozen=True)
class SceneConfig:
    """Geometry and numerics of the tabletop scene."""

    physics_dt_s: float = 0.002
    """Physics timestep. 2 ms (Menagerie's) for the simulated robot and calibration; training
    uses ``TRAINING_PHYSICS_DT_S``."""
    max_actuator_delay_s: float = 0.08
    """Longest actuator delay any environment may use; sizes the control history buffers."""
    cube_half_size_m: float = 0.025
    """Nominal cube half edge (randomization scales it per environment)."""
    cube_mass_kg: float = 0.1
    table_half_extent_m: tuple[float, float] = (0.6, 0.7)
    table_centre_x_m: float = 0.45
    pad_radius_m: float = 0.05
    grasp: GraspConfig = GraspConfig()
    """Gripper servo and finger-pad contacts (``sim.grasp.franka_hand_grasp()``: the Franka
    Hand's 70 N grasp; the default is the physics the shipped skill was trained with)."""


def _arm_spec(grasp: GraspConfig) -> mujoco.MjSpec:
    """Menagerie's Panda, with the gripper actuator in metres and lower links non-colliding."""
    arm = mujoco.MjSpec.from_file(str(panda_mjcf()))
    gripper = arm.actuator("actuator8")
    # Menagerie maps ctrl 0..255 to 0..0.04 m; use metres so targets read like joint positions.
    # Its 100 N/m servo squeezes a 5 cm cube with 1.25 N per pad and lets a finger be pushed
    # shut by a brush against the cube. The default GraspConfig (1000 N/m, 100 N s/m: a 0.1 s
    # time constant, about the real hand's closing time) squeezes it with 12.5 N per pad;
    # franka_hand_grasp() with the hand's 70 N (arithmetic in sim/grasp.py).
    apply_grasp(arm, gripper, grasp)
    gripper.ctrlrange = [0.0, FINGER_OPEN_M]
    for geom in arm.geoms:
        body_name = geom.parent.name
        if geom.classname.name == "collision" and body_name not in _COLLIDING_LINKS:
            geom.contype = 0
            geom.conaffinity = 0
    hand = arm.body("hand")
    hand.add_site(name="tcp", pos=[0.0, 0.0, TCP_OFFSET_M], size=[0.005, 0, 0], group=4)
    for key in list(arm.keys):
        arm.delete(key)
    return arm


def _add_contact_sensor(
    spec: mujoco.MjSpec, name: str, robot_body: str, body: str, subtree: bool = True
) -> None:
    """Net contact force (found flag + force, world frame) between a robot body (with its
    subtree unless ``subtree`` is False) and a body."""
    found_and_force = 3  # bit mask of data="found force"
    net_force = 3  # reduce="netforce"
    spec.add_sensor(
        name=name,
        type=mujoco.mjtSensor.mjSENS_CONTACT,
        objtype=mujoco.mjtObj.mjOBJ_XBODY if subtree else mujoco.mjtObj.mjOBJ_BODY,
        objname=robot_body,
        reftype=mujoco.mjtObj.mjOBJ_BODY,
        refname=body,
        intprm=[found_and_force, net_force, 1],
    )


def build_scene_spec(config: SceneConfig | None = None) -> mujoco.MjSpec:
    """Build (uncompiled) the tabletop scene.

    Args:
        config: scene geometry; defaults to ``SceneConfig()``.

    Returns:
        The spec; compile with ``compile_scene`` so overrides and delays are applied.
    """
    cfg = config or SceneConfig()
    spec = mujoco.MjSpec()
    spec.modelname = "skillbridge_tabletop"
    spec.option.timestep = cfg.physics_dt_s
    spec.option.integrator = mujoco.mjtIntegrator.mjINT_IMPLICITFAST
    spec.option.cone = mujoco.mjtCone.mjCONE_ELLIPTIC
    spec.option.impratio = cfg.grasp.impratio
    world = spec.worldbody
    world.add_light(name="key", pos=[0.4, 0.0, 2.0], dir=[0, 0, -1])
    world.add_geom(
        name="floor",
        type=mujoco.mjtGeom.mjGEOM_PLANE,
        size=[2, 2, 0.05],
        pos=[0, 0, -0.75],
        contype=0,
        conaffinity=0,
        rgba=[0.3, 0.3, 0.35, 1],
    )
    hx, hy = cfg.table_half_extent_m
    world.add_geom(
        name=TABLE_GEOM,
        type=mujoco.mjtGeom.mjGEOM_BOX,
        size=[hx, hy, 0.02],
        pos=[cfg.table_centre_x_m, 0.0, -0.02],
        rgba=[0.55, 0.42, 0.3, 1],
        friction=[0.8, 0.01, 0.001],
    )
    cube = world.add_body(name=CUBE_BODY, pos=[0.5, 0.0, cfg.cube_half_size_m])
    cube.add_freejoint(name=CUBE_JOINT)
    half = cfg.cube_half_size_m
    cube.add_geom(
        name=CUBE_GEOM,
        type=mujoco.mjtGeom.mjGEOM_BOX,
        size=[half, half, half],
        mass=cfg.cube_mass_kg,
        rgba=[0.85, 0.2, 0.2, 1],
        condim=4,
        friction=[1.0, 0.01, 0.001],
    )
    pad = world.add_body(name=PAD_BODY, pos=[0.5, 0.2, 0.0], mocap=True)
    pad.add_geom(
        type=mujoco.mjtGeom.mjGEOM_CYLINDER,
        size=[cfg.pad_radius_m, 0.001, 0],
        contype=0,
        conaffinity=0,
        rgba=[0.2, 0.7, 0.3, 0.6],
    )
    frame = world.add_frame(pos=[0, 0, 0])
    frame.attach_body(_arm_spec(cfg.grasp).worldbody.first_body(), PREFIX, "")
    _add_contact_sensor(spec, TABLE_CONTACT_SENSOR, BASE_BODY, "world")
    _add_contact_sensor(spec, GRASP_CONTACT_SENSOR, HAND_BODY, CUBE_BODY)
    for name, finger in zip(
        FINGER_CONTACT_SENSORS, (LEFT_FINGER_BODY, RIGHT_FINGER_BODY), strict=True
    ):
        _add_contact_sensor(spec, name, finger, CUBE_BODY, subtree=False)
    _size_control_history(spec, cfg)
    return spec


def _size_control_history(spec: mujoco.MjSpec, cfg: SceneConfig) -> None:
    """Give every actuator a ctrl history long enough for the largest delay (zero-order hold)."""
    nsample = int(math.ceil(cfg.max_actuator_delay_s / cfg.physics_dt_s)) + 2
    for actuator in spec.actuators:
        actuator.nsample = nsample
        actuator.interp = 0  # zero-order hold, as a real command bus holds the last command
        actuator.delay = 0.0


def home_qpos(model: mujoco.MjModel, cube_xy: tuple[float, float] = (0.5, 0.0)) -> np.ndarray:
    """qpos: the arm at the ready pose, the gripper open, the cube on the table at ``cube_xy``."""
    qpos = model.qpos0.copy()
    for name, value in zip(ARM_JOINTS, HOME_ARM_QPOS_RAD, strict=True):
        qpos[model.joint(name).qposadr[0]] = value
    for name in (FINGER_JOINT, MIMIC_FINGER_JOINT):
        qpos[model.joint(name).qposadr[0]] = FINGER_OPEN_M
    adr = model.joint(CUBE_JOINT).qposadr[0]
    half = float(model.geom(CUBE_GEOM).size[0])
    qpos[adr : adr + 7] = [cube_xy[0], cube_xy[1], half, 1.0, 0.0, 0.0, 0.0]
    return qpos


def compile_scene(
    config: SceneConfig | None = None, overrides: ModelOverrides | None = None
) -> mujoco.MjModel:
    """Compile the scene and apply measured overrides (the one way every component loads it)."""
    model = build_scene_spec(config).compile()
    if overrides is not None:
        apply_overrides(model, overrides)
    return model
