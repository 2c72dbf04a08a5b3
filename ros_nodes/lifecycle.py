"""A lifecycle node base that turns errors into failed transitions with a clear message, and an
optional autostart that drives configure -> activate from inside the node's executor.

Configure validates and fails fast (a failed configure is not retried: the parameters must be
fixed); activate may wait for inputs (it is retried every ``retry_s`` until it succeeds).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from rclpy.lifecycle import LifecycleNode, LifecycleState, TransitionCallbackReturn
from rclpy.timer import Timer

from skillbridge.contract import ContractError
from skillbridge.ros_nodes.errors import RosNodeError

#: Errors that mean "wrong input": the transition fails with their message, no traceback.
EXPECTED_ERRORS = (RosNodeError, ContractError)


class ManagedNode(LifecycleNode):
    """Subclasses implement ``configure``/``activate``/``deactivate``/``cleanup`` (raise on
    error); ``lifecycle_state`` and ``last_error`` follow the transitions."""

    def __init__(self, name: str, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.lifecycle_state = "unconfigured"
        self.last_error = ""
        self._autostart_timer: Timer | None = None
        self._configure_failed = False
        self._last_logged = ""

    # --- hooks for subclasses ------------------------------------------------------------------
    def configure(self) -> None: ...

    def activate(self) -> None: ...

    def deactivate(self) -> None: ...

    def cleanup(self) -> None: ...

    # --- rclpy callbacks ------------------------------------------------------------------------
    def on_configure(self, state: LifecycleState) -> TransitionCallbackReturn:
        return self._transition("configure", self.configure, "inactive")

    def on_activate(self, state: LifecycleState) -> TransitionCallbackReturn:
        return self._transition("activate", self.activate, "active")

    def on_deactivate(self, state: LifecycleState) -> TransitionCallbackReturn:
        return self._transition("deactivate", self.deactivate, "inactive")

    def on_cleanup(self, state: LifecycleState) -> TransitionCallbackReturn:
        return self._transition("cleanup", self.cleanup, "unconfigured")

    def on_shutdown(self, state: LifecycleState) -> TransitionCallbackReturn:
        if self.lifecycle_state == "active":
            self._transition("deactivate", self.deactivate, "inactive")
        result = self._transition("shutdown", self.cleanup, "finalized")
        return result

    def _transition(
        self, label: str, hook: Callable[[], None], reached: str
    ) -> TransitionCallbackReturn:
        try:
            hook()
        except EXPECTED_ERRORS as exc:
            self.last_error = f"{label} failed: {exc}"
            if self.last_error != self._last_logged:
                self.get_logger().error(self.last_error)
                self._last_logged = self.last_error
            return TransitionCallbackReturn.FAILURE
        except Exception as exc:  # a bug: keep the traceback in the log
            self.last_error = f"{label} failed: {type(exc).__name__}: {exc}"
            self.get_logger().error(f"{self.last_error}\n{traceback.format_exc()}")
            return TransitionCallbackReturn.ERROR
        self.lifecycle_state = reached
        self.last_error = ""
        self._last_logged = ""
        self.get_logger().info(f"{label}: now {reached}")
        return TransitionCallbackReturn.SUCCESS

    # --- autostart ------------------------------------------------------------------------------
    @property
    def autostart_failed(self) -> bool:
        """The autostart's configure failed (it is not retried; ``last_error`` says why)."""
        return self._configure_failed

    def start_autostart(self, retry_s: float = 0.25) -> None:
        """Configure, then activate (retried until it succeeds) from a timer of this node."""
        self._autostart_timer = self.create_timer(retry_s, self._autostart_step)

    def _autostart_step(self) -> None:
        if self.lifecycle_state == "unconfigured" and not self._configure_failed:
            if self.trigger_configure() != TransitionCallbackReturn.SUCCESS:
                self._configure_failed = True
                self.get_logger().error("autostart stopped: fix the parameters and restart")
                self._stop_autostart()
        elif self.lifecycle_state == "inactive":
            self.trigger_activate()
        if self.lifecycle_state in ("active", "finalized"):
            self._stop_autostart()

    def _stop_autostart(self) -> None:
        if self._autostart_timer is not None:
            self._autostart_timer.cancel()
            self.destroy_timer(self._autostart_timer)
            self._autostart_timer = None
