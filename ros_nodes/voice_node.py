"""``voice_node``: spoken corrections, offline. Publishes each transcript on ``correction``.

Listens to the microphone (``source: mic``; hands-free, silero VAD ends each utterance) or
plays WAV files through the same pipeline (``source: wav`` with ``wav_paths``), transcribes
each utterance with whisper (a model shipped in a wheel, ``stt_model``) and publishes it on the
``correction`` topic the typed console uses, as JSON ``{"text", "confidence", "source":
"voice"}`` (std_msgs/String); the skill manager reads plain text and this object alike. All
the work is ``skillbridge.hierarchy.speech.pipeline``; this node only moves its output.
"""

from __future__ import annotations

import dataclasses
import threading

from rclpy.node import Node
from std_msgs.msg import String

from skillbridge.hierarchy.speech.stt import DEFAULT_MODEL
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.params import declare_config
from skillbridge.ros_nodes.process import run_nodes


@dataclasses.dataclass(frozen=True)
class VoiceConfig:
    """Parameters of the voice node."""

    source: str = "mic"
    """``mic`` (the default input device) or ``wav`` (the files of ``wav_paths``)."""
    wav_paths: tuple[str, ...] = ()
    """For ``source: wav``: recordings to transcribe, in order."""
    stt_model: str = DEFAULT_MODEL
    """``tiny.en`` or ``base`` (both ship in wheels; see docs/language.md for the measurement)."""
    end_silence_ms: float = 300.0
    """Silence that ends an utterance."""
    start_delay_s: float = 1.0
    """For ``source: wav``: wait this long for subscribers before the first file."""
    correction_topic: str = "correction"


class VoiceNode(Node):
    """See the module docstring."""

    def __init__(self, name: str = "voice", **kwargs) -> None:
        super().__init__(name, **kwargs)
        cfg = self.config = declare_config(self, VoiceConfig)
        if cfg.source not in ("mic", "wav"):
            raise RosNodeError(f"parameter source {cfg.source!r}: use 'mic' or 'wav'")
        if cfg.source == "wav" and not cfg.wav_paths:
            raise RosNodeError("source 'wav' needs wav_paths: the recordings to transcribe")
        from skillbridge.hierarchy.speech.pipeline import VoicePipeline
        from skillbridge.hierarchy.speech.segment import VadConfig
        from skillbridge.hierarchy.speech.stt import SttConfig

        try:
            self.pipeline = VoicePipeline(
                SttConfig(cfg.stt_model), VadConfig(end_silence_ms=cfg.end_silence_ms)
            )
        except Exception as exc:
            if not type(exc).__module__.startswith("skillbridge."):
                raise
            raise RosNodeError(f"speech to text cannot start: {exc}") from exc
        self._pub = self.create_publisher(String, cfg.correction_topic, 10)
        self._stop = threading.Event()
        self.published = 0
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()
        self.get_logger().info(f"listening ({cfg.source}, whisper {cfg.stt_model})")

    def _listen(self) -> None:
        from skillbridge.hierarchy.speech.pipeline import microphone

        try:
            if self.config.source == "wav":
                self._stop.wait(self.config.start_delay_s)
                for path in self.config.wav_paths:
                    for spoken in self.pipeline.wav(path):
                        self._publish(spoken)
                self.get_logger().info(f"done: {self.published} utterances from WAV files")
            else:
                for spoken in self.pipeline.stream(microphone(self._stop, max_s=float("inf"))):
                    self._publish(spoken)
        except Exception as exc:
            self.get_logger().error(f"voice input stopped: {exc}")

    def _publish(self, spoken) -> None:
        if self._stop.is_set():
            return
        heard = spoken.heard()
        self._pub.publish(String(data=heard.to_message()))
        self.published += 1
        self.get_logger().info(f"heard {heard.text!r} (confidence {heard.confidence:.2f})")

    def destroy_node(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)
        super().destroy_node()


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge voice_node``."""
    run_nodes(lambda: [VoiceNode()], args)


if __name__ == "__main__":
    main()
