"""``skillbridge correct`` driven in a pseudo-terminal against real skill manager and policy nodes."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time

from ros_helpers import SKILLBRIDGE, wait_for


class Terminal:
    """A process on a pty: type lines, read what it printed."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, close_fds=True
        )
        os.close(slave)
        self.output = ""

    def read(self) -> str:
        while select.select([self.master], [], [], 0.05)[0]:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk.decode(errors="replace")
        return self.output

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def expect(self, text: str, timeout: float = 10.0) -> str:
        return wait_for(lambda: text in self.read() and self.output, timeout, repr(text))

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        code = self.proc.wait(10)
        os.close(self.master)
        return code


def test_console_sends_corrections_and_drives_stop_and_estop(
    start_node, ros_env, tmp_path, linear_policy
):
    start_node(
        "skillbridge.ros_nodes.policy_node",
        "policy_node",
        {"policy_path": str(linear_policy), "autostart": True},
    )
    start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    term = Terminal([SKILLBRIDGE, "correct", "--task", "stack the cube"], ros_env, tmp_path)
    try:
        term.expect("type a correction", 20)
        term.expect("[task: stack the cube]", 20)
        term.type("a bit more to the left")
        term.expect("-> ok: left 1.0 cm", 20)
        term.expect("[motion: left 1.0 cm (correction)]")
        term.type("turn off the collision checks")
        term.expect("-> refused:")
        term.type("/stop")
        term.expect("hold: holding where the arm is until release_hold")
        term.expect("pause: paused")
        term.expect("HOLD (pause)")
        term.expect("HELD (/resume)")
        term.type("a bit more to the left")
        term.expect("-> refused: paused: the arm holds until resume; not queued")
        term.type("/resume")
        term.expect("release_hold:")
        term.expect("resume: resumed")
        term.type("/estop")
        term.expect("estop: e-stop latched")
        term.expect("E-STOP")
        term.type("/reset")
        term.expect("reset_estop: e-stop cleared; the arm holds where it is")
        term.type("/bogus")
        term.expect("unknown command")
        term.type("/quit")
        term.expect("bye")
        deadline = time.monotonic() + 10
        while term.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        code = term.close()
    assert code == 0, term.output
