"""``skillbridge correct``: the operator console of a correction session (line-based terminal UI).

Shows the task, the running language motion (and who chose it), the policy node's safety state
and the feedback of every correction. A typed line is sent as a correction; commands start with
``/``: ``/stop`` (the arm holds where it is and the high level waits), ``/resume`` (both go on),
``/estop`` (latches), ``/reset`` (clears the e-stop; the arm keeps holding until ``/resume``),
``/task TEXT``, ``/help``, ``/quit`` (or Ctrl-D).

With ``--voice`` an empty line (Enter) is push-to-talk: speak, and the end of speech (silero
VAD) ends the recording; the transcript goes out with its confidence, as the voice node sends
it. ``--wav FILE ...`` speaks recordings instead of the microphone. When the skill manager asks
a question (the robot holds), the console shows it; answer by typing or speaking.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from skillbridge.hierarchy.speech.stt import DEFAULT_MODEL
from skillbridge.ros_nodes.diagnostics import clip_text

if TYPE_CHECKING:
    from rclpy.client import Client

HELP = (
    "type a correction (e.g. 'a bit more to the left') and press Enter; commands: /stop /resume "
    "/estop /reset /task TEXT /help /quit"
)
VOICE_HELP = "voice: press Enter on an empty line and speak; the end of speech sends it"
SERVICES = {
    # the policy node holds the arm; the skill manager holds the high level (either may be absent)
    "/stop": ("hold", "pause"),
    "/resume": ("release_hold", "resume"),
    "/estop": ("estop",),
    "/reset": ("reset_estop",),
}


@dataclasses.dataclass(frozen=True)
class ConsoleConfig:
    """Operator console: corrections, stop/resume, e-stop, in a terminal."""

    task: str | None = None
    """Publish this task when the console starts."""
    namespace: str = ""
    """The robot's namespace (topics and services are relative to it)."""
    service_timeout_s: float = 3.0
    voice: bool = False
    """Push-to-talk from the microphone: Enter on an empty line, then speak (needs PortAudio)."""
    wav: tuple[str, ...] = ()
    """Speak these WAV files as corrections, one after another, instead of the microphone."""
    stt_model: str = DEFAULT_MODEL
    """Whisper model for ``--voice``/``--wav``: ``tiny.en`` or ``base`` (docs/language.md)."""


class ConsoleView:
    """What the operator sees, updated from the topics; prints a line when something changes."""

    def __init__(self, out: Any = None) -> None:
        self.out = out or sys.stdout
        self.task = ""
        self.motion = "-"
        self.safety = "-"
        self.lifecycle = "-"
        self._last_line = ""

    def print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def status_line(self) -> str:
        return (
            f"[task: {self.task or '-'}] [motion: {self.motion}] [safety: {self.safety}] "
            f"[policy: {self.lifecycle}]"
        )

    def refresh(self) -> None:
        line = self.status_line()
        if line != self._last_line:
            self._last_line = line
            self.print(line)

    def on_manager_status(self, data: dict[str, Any]) -> None:
        # shown as an escaped excerpt: a topic's text never writes terminal control sequences
        self.task = clip_text(data.get("task") or "", 120)
        motion = data.get("motion")
        source = data.get("source")
        self.motion = "-" if motion is None else f"{_describe(motion)} ({source})"
        if data.get("hold"):
            self.motion += f" HOLD ({data['hold']})"
        if data.get("policy_node") == "lost":
            self.motion += " POLICY NODE LOST"

    def on_policy_status(self, data: dict[str, Any]) -> None:
        self.safety = str(data.get("safety", "-")) + (" E-STOP" if data.get("estop") else "")
        if data.get("held"):
            self.safety += " HELD (/resume)"
        self.lifecycle = str(data.get("lifecycle", "-"))

    def on_feedback(self, data: dict[str, Any]) -> None:
        if data.get("question"):
            self.print(f"  robot asks: {data['question']}  (the arm holds; answer by typing or "
                       "speaking: yes, no, or the option)")  # fmt: skip
            return
        self.print(f"  correction {clip_text(data.get('text'))!r} -> {data.get('message')}")


def _describe(motion: dict[str, Any]) -> str:
    name = clip_text(motion.get("motion", "?"), 40)
    if isinstance(motion.get("distance_m"), (int, float)):
        return f"{name} {motion['distance_m'] * 100:.1f} cm"
    if isinstance(motion.get("angle_rad"), (int, float)):
        return f"{name} {motion['angle_rad'] * 57.29578:.0f} deg"
    return name


def _read_lines(lines: queue.Queue) -> None:
    for line in sys.stdin:
        lines.put(line.rstrip("\n"))
    lines.put(None)  # end of input


class OperatorConsole:
    """The ROS side of the console: one plain node, its subscriptions, publishers and clients."""

    def __init__(self, cfg: ConsoleConfig, view: ConsoleView) -> None:
        from rclpy.node import Node
        from std_msgs.msg import String
        from std_srvs.srv import Trigger

        self.cfg, self.view = cfg, view
        self.node = Node("operator_console", namespace=cfg.namespace or None)
        self._string = String
        self._trigger = Trigger
        self._correction = self.node.create_publisher(String, "correction", 10)
        self._task = self.node.create_publisher(String, "task", 10)
        self.node.create_subscription(
            String, "skill_manager_status", self._json(view.on_manager_status), 10
        )
        self.node.create_subscription(
            String, "skill_status", self._json(view.on_policy_status), 10
        )
        self.node.create_subscription(
            String, "correction_feedback", self._json(view.on_feedback), 10
        )
        self._clients: dict[str, Client[Any, Any]] = {
            name: self.node.create_client(Trigger, name)
            for names in SERVICES.values()
            for name in names
        }
        self.node.create_timer(0.2, view.refresh)

    def _json(self, handler):
        def callback(msg) -> None:
            try:
                handler(json.loads(msg.data))
            except (ValueError, AttributeError, TypeError, KeyError):  # not the status it expects
                return  # (json.JSONDecodeError is a ValueError)

        return callback

    def wait_for_task_subscriber(self, timeout_s: float) -> None:
        """Spin until the skill manager subscribes to ``task`` (a task published before DDS
        matched it is lost: the skill manager loads its parser for seconds on a busy machine)."""
        import rclpy

        deadline = time.monotonic() + timeout_s
        while self._task.get_subscription_count() == 0 and time.monotonic() < deadline:
            rclpy.spin_once(self.node, timeout_sec=0.05)
        time.sleep(0.2)  # matched on this side; give the other side a moment too

    def handle(self, line: str) -> bool:
        """Act on one typed line; False when the operator quits."""
        # Control characters (a terminal's escape sequences, a pasted NUL or bell) are no part
        # of a correction, and a NUL cannot travel in a ROS string: dropped.
        text = "".join(c for c in line if c.isprintable() or c == "\t").strip()
        if not text:
            return True
        if text in ("/quit", "/exit"):
            return False
        if text == "/help":
            self.view.print(HELP)
        elif text.startswith("/task"):
            task = text[len("/task") :].strip()
            self._task.publish(self._string(data=task))
            self.view.print(f"  task sent: {task!r}")
        elif text in SERVICES:
            for service in SERVICES[text]:
                self._call(service)
        elif text.startswith("/"):
            self.view.print(f"  unknown command {text!r}; {HELP}")
        else:
            self.send(text)
        return True

    def send(self, text: str) -> None:
        """Publish a typed correction, or a voice one (the ``Heard`` JSON, with confidence)."""
        self._correction.publish(self._string(data=text))
        shown = clip_text(text, 120)
        if text.startswith("{"):  # the voice thread's Heard JSON, or a typed brace
            try:
                heard = json.loads(text)
                shown = f"{heard['text']} (heard, confidence {heard['confidence']:.2f})"
            except (ValueError, KeyError, TypeError):
                pass
        self.view.print(f"  sent correction {shown!r}")

    def _call(self, service: str) -> None:
        client = self._clients[service]
        if not client.wait_for_service(timeout_sec=self.cfg.service_timeout_s):
            self.view.print(f"  {service}: service not available (is the node running?)")
            return
        future = client.call_async(self._trigger.Request())
        deadline = time.monotonic() + self.cfg.service_timeout_s
        import rclpy

        while not future.done() and time.monotonic() < deadline:
            rclpy.spin_once(self.node, timeout_sec=0.05)
        result = future.result() if future.done() else None
        message = result.message if result is not None else "no answer"
        self.view.print(f"  {service}: {message}")


class VoiceInput:
    """Push-to-talk or WAV files through the voice pipeline, in a thread; transcripts (the
    ``Heard`` JSON) arrive on ``lines`` like typed lines."""

    def __init__(self, cfg: ConsoleConfig, lines: queue.Queue, view: ConsoleView) -> None:
        from skillbridge.hierarchy.speech.pipeline import VoicePipeline
        from skillbridge.hierarchy.speech.stt import SttConfig

        self.lines, self.view = lines, view
        self.pipeline = VoicePipeline(SttConfig(cfg.stt_model))
        self.busy = threading.Lock()

    def talk(self) -> None:
        """Record one utterance from the microphone (in a thread)."""
        if self.busy.locked():
            return
        threading.Thread(target=self._talk, daemon=True).start()

    def _talk(self) -> None:
        from skillbridge.hierarchy.errors import SpeechError
        from skillbridge.hierarchy.speech.pipeline import microphone

        with self.busy:
            stop = threading.Event()
            self.view.print("  listening... (speak; a pause ends it)")
            try:
                for spoken in self.pipeline.stream(microphone(stop, max_s=15.0)):
                    stop.set()
                    self.lines.put(spoken.heard().to_message())
                    return
            except SpeechError as exc:
                self.view.print(f"  voice: {exc}")
                return
            self.view.print("  voice: heard nothing")

    def play(self, paths: tuple[str, ...]) -> None:
        """Transcribe WAV files one after another; each utterance is sent as a correction."""

        def run() -> None:
            for path in paths:
                for spoken in self.pipeline.wav(path):
                    self.lines.put(spoken.heard().to_message())
                    time.sleep(1.0)  # let the answer come back before the next one

        threading.Thread(target=run, daemon=True).start()


def run_console(cfg: ConsoleConfig) -> int:
    """CLI entry of ``skillbridge correct``."""
    import rclpy
    from rclpy.signals import SignalHandlerOptions

    rclpy.init(signal_handler_options=SignalHandlerOptions.NO)
    view = ConsoleView()
    console = OperatorConsole(cfg, view)
    view.print(f"skillbridge correct: {HELP}")
    lines: queue.Queue = queue.Queue()
    voice = VoiceInput(cfg, lines, view) if cfg.voice or cfg.wav else None
    if cfg.voice:
        view.print(VOICE_HELP)
    threading.Thread(target=_read_lines, args=(lines,), daemon=True).start()
    if cfg.task:
        console.wait_for_task_subscriber(timeout_s=15.0)
        console.handle(f"/task {cfg.task}")
    if voice is not None and cfg.wav:
        voice.play(cfg.wav)
    try:
        running = True
        while running and rclpy.ok():
            rclpy.spin_once(console.node, timeout_sec=0.05)
            while running and not lines.empty():
                line = lines.get()
                if voice is not None and cfg.voice and line == "":
                    voice.talk()
                    continue
                running = line is not None and console.handle(line)
    except KeyboardInterrupt:
        pass
    finally:
        console.node.destroy_node()
        rclpy.try_shutdown()
    view.print("skillbridge correct: bye")
    return 0
