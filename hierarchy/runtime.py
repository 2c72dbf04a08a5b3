"""The learned high level at run time, torch-free: onnxruntime + the sentence encoder.

``OnnxHighLevel`` serves both worlds: batched logits for the simulator (``logits``), and the ROS
skill manager's ``HighLevelPolicy`` protocol (``reset(task)`` / ``next_motion(observation)``),
which builds the same observation (``high_level_obs``) from named joint readings and object poses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from skillbridge.contract import tool_pose
from skillbridge.contract.language import LanguageMotion
from skillbridge.contract.rotations import quat_xyzw_to_wxyz
from skillbridge.hierarchy.interface import HighLevelObservation
from skillbridge.hierarchy.observation import high_level_obs
from skillbridge.hierarchy.spec import (
    INPUT_EMBEDDING,
    INPUT_OBS,
    OUTPUT_LOGITS,
    HighLevelSpec,
)
from skillbridge.hierarchy.vocabulary import TOKENS
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.onnx_session import open_session

Encode = Callable[[Sequence[str]], np.ndarray]


def default_encoder() -> Encode:
    from skillbridge.hierarchy.language.encoder import OnnxSentenceEncoder

    return OnnxSentenceEncoder().encode


class OnnxHighLevel:
    """A high-level ONNX file with its spec; implements ``HighLevelPolicy``."""

    def __init__(self, path: str, encode: Encode | None = None, threads: int = 1) -> None:
        self.session = open_session(path, threads, PolicyError, "high-level policy")
        self.spec = HighLevelSpec.from_metadata(self.session.get_modelmeta().custom_metadata_map)
        self.path = str(path)
        self._encode = encode
        self._task_embedding: np.ndarray | None = None
        self.task = ""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._encode is None:
            self._encode = default_encoder()
        return np.asarray(self._encode(list(texts)), dtype=np.float32)

    def logits(self, embeddings: np.ndarray, obs: np.ndarray) -> np.ndarray:
        """(n, tokens) for task embeddings (n, E) and observations (n, OBS_DIM)."""
        feeds = {INPUT_EMBEDDING: embeddings.astype(np.float32), INPUT_OBS: obs.astype(np.float32)}
        return self.session.run([OUTPUT_LOGITS], feeds)[0]

    # --- HighLevelPolicy ------------------------------------------------------------------------
    def reset(self, task: str) -> None:
        self.task = task
        self._task_embedding = self.embed([task]) if task else None

    def next_motion(self, observation: HighLevelObservation) -> LanguageMotion | None:
        if observation.task != self.task:
            self.reset(observation.task)
        obs = self.observation_row(observation)
        if obs is None or self._task_embedding is None:
            return None
        token = int(np.argmax(self.logits(self._task_embedding, obs[None])[0]))
        return TOKENS[token]

    def observation_row(self, observation: HighLevelObservation) -> np.ndarray | None:
        """The high-level observation from named joints and object poses (None if incomplete)."""
        cube, pad = observation.objects.get("cube"), observation.objects.get("target_pad")
        if observation.robot is None or cube is None or pad is None:
            return None
        spec = self.spec.low_level
        pos, _ = observation.robot.select(spec.joint_names)
        pos = np.atleast_2d(pos)
        tool_pos, tool_rot = tool_pose(spec.kinematics, pos, spec.joint_names)
        gripper = [i for i, mode in enumerate(spec.action_modes) if mode == "absolute"][-1]
        finger = pos[:, gripper]
        quat = quat_xyzw_to_wxyz(np.asarray(cube.quat_xyzw))[None]
        return high_level_obs(
            tool_pos,
            tool_rot,
            finger,
            np.asarray(cube.pos_m)[None],
            quat,
            np.asarray(pad.pos_m)[None],
        )[0]
