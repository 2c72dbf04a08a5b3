"""Process plumbing shared by every node's ``main`` and by ``skillbridge bringup``.

SIGINT/SIGTERM only set a flag; the executor loop then stops between callbacks, lifecycle nodes
that are active are deactivated (they hold position) while the context is still valid, and the
nodes are destroyed. A signal never lands in the middle of a callback or a transition.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

import rclpy
from rclpy.executors import Executor, MultiThreadedExecutor, SingleThreadedExecutor
from rclpy.node import Node
from rclpy.signals import SignalHandlerOptions

from skillbridge.ros_nodes.lifecycle import ManagedNode


class Stops(Protocol):
    """Anything ``spin_until_stopped`` can poll."""

    @property
    def stopped(self) -> bool: ...


class StopFlag:
    """Set by SIGINT/SIGTERM (or by code, e.g. a test) to end ``spin_until_stopped``."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: self.event.set())

    @property
    def stopped(self) -> bool:
        return self.event.is_set()


def make_executor(threads: int = 1, *, sim_time: bool = False, context=None) -> Executor:
    """One thread: rclpy's C++ events executor (no per-spin wait-set rebuild in Python; on the
    2-core dev machine its loop timing was within the run-to-run noise of the classic executor,
    see README) or, with ``SKILLBRIDGE_EXECUTOR=single``, the classic one. More threads: the
    multi-threaded executor.

    ``sim_time`` (a node runs with ``use_sim_time``): always the classic executor. The events
    executor's timers manager posts a ROS-time timer for dispatch once per ``/clock`` update
    that was queued before the timer ran, and each dispatch calls the timer: when two clock
    updates arrive together the callback runs twice at one instant and the timer then skips the
    next one (in a burst test 165 of 239 calls repeated an instant; the classic executor: none).
    A lockstep simulation then waits for a command that never comes. ``context``: rclpy's
    default when None.
    """
    if threads > 1:
        return MultiThreadedExecutor(threads, context=context)
    if sim_time or os.environ.get("SKILLBRIDGE_EXECUTOR", "events") == "single":
        return SingleThreadedExecutor(context=context)
    from rclpy.experimental import EventsExecutor

    return EventsExecutor(context=context)


def uses_sim_time(nodes: Sequence[Node]) -> bool:
    """Whether any of the nodes runs on the simulated clock (``use_sim_time``)."""
    return any(node.get_parameter("use_sim_time").value for node in nodes)


def spin_until_stopped(executor: Executor, stop: Stops, period_s: float = 0.05) -> None:
    """Spin until the flag is set (checked every ``period_s``)."""
    while not stop.stopped and rclpy.ok():
        executor.spin_once(timeout_sec=period_s)


def shut_down(nodes: Sequence[Node], executor: Executor) -> None:
    """Deactivate active lifecycle nodes (they hold), destroy every node, shut rclpy down."""
    for node in nodes:
        if isinstance(node, ManagedNode) and node.lifecycle_state == "active":
            node.trigger_deactivate()
    for node in nodes:
        executor.remove_node(node)
        node.destroy_node()
    executor.shutdown(timeout_sec=1.0)
    rclpy.try_shutdown()


def run_nodes(
    make_nodes: Callable[[], Sequence[Node]],
    args: list[str] | None = None,
    *,
    threads: int = 1,
) -> int:
    """Init rclpy, build the nodes, spin them until SIGINT/SIGTERM, shut down cleanly.

    Args:
        make_nodes: builds the nodes after ``rclpy.init``.
        args: command-line arguments (``--ros-args ...``).
        threads: 1: a single-threaded executor; more: a multi-threaded one.
    """
    rclpy.init(args=args, signal_handler_options=SignalHandlerOptions.NO)
    stop = StopFlag()
    stop.install()
    nodes = make_nodes()
    executor = make_executor(threads, sim_time=uses_sim_time(nodes))
    for node in nodes:
        executor.add_node(node)
    try:
        spin_until_stopped(executor, stop)
    finally:
        shut_down(nodes, executor)
    return 0
