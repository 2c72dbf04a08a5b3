"""``skillbridge correct``: the operator console of a correction session (line-based terminal UI).

Shows the task, the running language motion (and who chose it), the policy node's safety state
and the feedback of every correction. A typed line is sent as a correction; commands start with
``/``: ``/stop`` (pause: the arm holds), ``/resume``, ``/estop`` (latches), ``/reset`` (clears the
e-stop), ``/task TEXT``, ``/help``, ``/quit`` (or Ctrl-D).
"""

from __future__ import annotations

import dataclasses
import json
import queue
import sys
import threading
import time
from typing import Any

HELP = (
    "type a correction (e.g. 'a bit more to the left') and press Enter; commands: /stop /resume "
    "/estop /reset /task TEXT /help /quit"
)
SERVICES = {"/stop": "pause", "/resume": "resume", "/estop": "estop", "/reset": "reset_estop"}


@dataclasses.dataclass(frozen=True)
class ConsoleConfig:
    """Operator console: corrections, stop/resume, e-stop, in a terminal."""

    task: str | None = None
    """Publish this task when the console starts."""
    namespace: str = ""
    """The robot's namespace (topics and services are relative to it)."""
    service_timeout_s: float = 3.0


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
        self.task = data.get("task") or ""
        motion = data.get("motion")
        source = data.get("source")
        self.motion = "-" if motion is None else f"{_describe(motion)} ({source})"
        if data.get("paused"):
            self.motion += " PAUSED"

    def on_policy_status(self, data: dict[str, Any]) -> None:
        self.safety = str(data.get("safety", "-")) + (" E-STOP" if data.get("estop") else "")
        self.lifecycle = str(data.get("lifecycle", "-"))

    def on_feedback(self, data: dict[str, Any]) -> None:
        self.print(f"  correction {data.get('text')!r} -> {data.get('message')}")


def _describe(motion: dict[str, Any]) -> str:
    name = motion.get("motion", "?")
    if motion.get("distance_m") is not None:
        return f"{name} {motion['distance_m'] * 100:.1f} cm"
    if motion.get("angle_rad") is not None:
        return f"{name} {motion['angle_rad'] * 57.29578:.0f} deg"
    return str(name)


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
        self._clients = {
            name: self.node.create_client(Trigger, name) for name in SERVICES.values()
        }
        self.node.create_timer(0.2, view.refresh)

    def _json(self, handler):
        def callback(msg) -> None:
            try:
                handler(json.loads(msg.data))
            except (json.JSONDecodeError, AttributeError, TypeError):
                return

        return callback

    def handle(self, line: str) -> bool:
        """Act on one typed line; False when the operator quits."""
        text = line.strip()
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
            self._call(SERVICES[text])
        elif text.startswith("/"):
            self.view.print(f"  unknown command {text!r}; {HELP}")
        else:
            self._correction.publish(self._string(data=text))
            self.view.print(f"  sent correction {text!r}")
        return True

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


def run_console(cfg: ConsoleConfig) -> int:
    """CLI entry of ``skillbridge correct``."""
    import rclpy
    from rclpy.signals import SignalHandlerOptions

    rclpy.init(signal_handler_options=SignalHandlerOptions.NO)
    view = ConsoleView()
    console = OperatorConsole(cfg, view)
    view.print(f"skillbridge correct: {HELP}")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(lines,), daemon=True).start()
    if cfg.task:
        time.sleep(0.5)  # let discovery match the task subscriber first
        console.handle(f"/task {cfg.task}")
    try:
        running = True
        while running and rclpy.ok():
            rclpy.spin_once(console.node, timeout_sec=0.05)
            while running and not lines.empty():
                line = lines.get()
                running = line is not None and console.handle(line)
    except KeyboardInterrupt:
        pass
    finally:
        console.node.destroy_node()
        rclpy.try_shutdown()
    view.print("skillbridge correct: bye")
    return 0
