"""An rclpy node beside a graph, in a process that is not a node itself (a demo or a benchmark
that publishes to and watches nodes running in their own processes).

rclpy is imported when one is made, not with this module: the command line imports the demos
without starting ROS.
"""

from __future__ import annotations

import time


class SideNode:
    """A node with its own rclpy context and single-threaded executor, spun on demand."""

    def __init__(self, name: str, step_s: float = 0.05) -> None:
        """``step_s``: the longest wait for one callback while spinning."""
        import rclpy
        from rclpy.executors import SingleThreadedExecutor

        self.context = rclpy.Context()
        rclpy.init(context=self.context)
        self.node = rclpy.create_node(name, context=self.context)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        self.step_s = step_s

    def spin(self, seconds: float) -> None:
        """Run callbacks for ``seconds`` of wall time."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.executor.spin_once(timeout_sec=self.step_s)

    def close(self) -> None:
        self.executor.shutdown()
        self.node.destroy_node()
        self.context.try_shutdown()
