"""The processes of ``ros_loop.py``, one role each: a driver publishing ``joint_states``, the bare
baselines (a timer node, a relay node) and the stand-in controller that timestamps every
``joint_commands`` on arrival.

    python benchmarks/_ros_roles.py --role subscriber --seconds 10 --out rows.npy
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

WARMUP_S = 1.0
"""Dropped at the start of a case by default (imports done, caches warm, DDS matched)."""
START_TIMEOUT_S = 60.0
"""How long the subscriber waits for the first command (imports, discovery, configure)."""
MISSED_FACTOR = 1.5
"""An arrival interval longer than this many periods is a missed deadline."""


def raise_priority(priority: int) -> None:
    """A role's process under SCHED_FIFO at ``priority`` (0: left alone). Called before
    ``rclpy.init``, so the middleware's threads inherit it."""
    if priority:
        from skillbridge.ros_nodes.realtime import set_process_priority

        set_process_priority(priority)


def spin_role(make, seconds: float, finish=None, done: Callable[[], bool] | None = None) -> None:
    """Spin the role's node for ``seconds``, until ``done()`` or until SIGINT/SIGTERM, on the
    executor the policy node uses (rclpy's events executor, added once: ``rclpy.spin_once(node)``
    would add and remove the node on every call and make the bare baselines slower than a bare
    node need be). A signal only sets a flag (no callback is cut short). ``finish()`` runs after
    the spinning, before the teardown: rclpy's teardown once spun forever
    (``executor.shutdown``, 100 % CPU), and what a role measured must not depend on it."""
    import rclpy
    from rclpy.signals import SignalHandlerOptions

    from skillbridge.ros_nodes.process import make_executor

    stop: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, _frame: stop.append(signum))
    rclpy.init(signal_handler_options=SignalHandlerOptions.NO)  # after --realtime took effect
    node = make()
    executor = make_executor()
    executor.add_node(node)
    end = time.monotonic() + seconds
    while not stop and time.monotonic() < end and not (done is not None and done()):
        executor.spin_once(timeout_sec=0.05)
    if finish is not None:
        finish()
    executor.remove_node(node)
    node.destroy_node()
    executor.shutdown(timeout_sec=1.0)
    rclpy.try_shutdown()


def joint_state(stamp_ns: int):
    from sensor_msgs.msg import JointState

    msg = JointState()
    msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(stamp_ns, 1_000_000_000)
    msg.name = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
    msg.position = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]
    msg.velocity = [0.0] * 8
    return msg


def _timer_role(name: str, topic: str, rate: float, seconds: float) -> None:
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    def make():
        node = Node(name)
        pub = node.create_publisher(JointState, topic, 10)
        node.create_timer(1.0 / rate, lambda: pub.publish(joint_state(time.time_ns())))
        return node

    spin_role(make, seconds)


def role_publisher(rate: float, seconds: float, topic: str) -> None:
    """Publish joint_states stamped with the wall clock (a driver)."""
    _timer_role("bench_publisher", topic, rate, seconds)


def role_timer(rate: float, seconds: float) -> None:
    """Baseline: a bare rclpy timer publishing JointState at ``rate``."""
    _timer_role("bench_timer", "joint_commands", rate, seconds)


def role_relay(seconds: float) -> None:
    """Baseline: republish every joint_states at once (keeps its stamp)."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    def make():
        node = Node("bench_relay")
        pub = node.create_publisher(JointState, "joint_commands", 10)
        node.create_subscription(JointState, "joint_states", pub.publish, 10)
        return node

    spin_role(make, seconds)


def role_subscriber(
    seconds: float, out: Path, rate: float = 0.0, warmup_s: float = WARMUP_S
) -> None:
    """Record arrival (monotonic s, wall ns) and stamp (ns) of every joint_commands until
    ``warmup_s + seconds`` after the first one, then save them to ``out`` and the end of the
    window (monotonic s) to ``out.end``. ``rate`` > 0: print a progress line every minute."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    rows: list[tuple[float, int, int]] = []
    window = warmup_s + seconds

    def on_msg(msg) -> None:
        stamp = msg.header.stamp.sec * 1_000_000_000 + msg.header.stamp.nanosec
        rows.append((time.monotonic(), time.time_ns(), stamp))

    def progress() -> None:
        if len(rows) > 1:
            d = np.diff(np.array([r[0] for r in rows]))
            late = int(np.sum(d > MISSED_FACTOR / rate))
            print(f"  {rows[-1][0] - rows[0][0]:6.0f} s: {len(rows)} commands, {late} missed, "
                  f"worst period {d.max() * 1e3:.2f} ms", flush=True)  # fmt: skip

    def make():
        node = Node("bench_subscriber")
        node.create_subscription(JointState, "joint_commands", on_msg, 100)
        if rate > 0:
            node.create_timer(60.0, progress)
        return node

    def done() -> bool:
        return bool(rows) and time.monotonic() >= rows[0][0] + window

    def finish() -> None:
        end = time.monotonic() if not rows else min(time.monotonic(), rows[0][0] + window)
        np.save(out, np.array(rows, np.float64).reshape(-1, 3))
        Path(f"{out}.end").write_text(repr(end))

    spin_role(make, START_TIMEOUT_S + window, finish, done)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--role", required=True, choices=("publisher", "timer", "relay", "subscriber")
    )
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--realtime", type=int, default=0)
    parser.add_argument("--warmup", type=float, default=WARMUP_S)
    a = parser.parse_args()
    raise_priority(a.realtime)
    roles = {
        "publisher": lambda: role_publisher(a.rate, a.seconds, "joint_states"),
        "timer": lambda: role_timer(a.rate, a.seconds),
        "relay": lambda: role_relay(a.seconds),
        "subscriber": lambda: role_subscriber(a.seconds, a.out, a.rate, a.warmup),
    }
    roles[a.role]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
