"""ROS 2 control loop of the policy node at 100 Hz and 500 Hz, against bare rclpy nodes.

Every run has its processes apart, over loopback DDS in a private domain: the node under test,
a ``joint_states`` publisher (stamped with the wall clock), and a subscriber that timestamps each
``joint_commands`` on arrival.

* Tick period: the policy node on its timer (``rate_hz`` overridden) vs a bare rclpy timer node
  publishing the same JointState at the same rate. Period error = |arrival interval - period|.
  Target at 100 Hz: p99 <= 1 ms.
* Latency ``joint_states`` -> ``joint_commands``: the policy node ticking on every reading
  (``trigger: joint_states``; commands carry the reading's stamp) vs a bare relay node that
  republishes each reading. Target at 100 Hz: p99 added over the relay <= 0.5 ms.

Each case runs 30 s in total, in five alternating rounds of the four (see ``measure``). The
policy node runs with its defaults (``prewarm_s`` 1.5 ms: the control path is rehearsed and the
process polls from 1.5 ms before each expected tick).

The policy is ``models/motion.onnx`` when present, else an MLP of the trained actor's shape
(normalizer, 256-128-64 ELU) with random weights and the Panda contract (run unverified).

    python benchmarks/ros_loop.py [--quick] [--json benchmarks/results/ros_loop.json]

Under real-time scheduling (every process, floor and policy node alike, as SCHED_FIFO at one
priority: the roles set it for themselves, the policy node through its ``realtime_priority``
parameter; needs root or an rtprio limit):

    python benchmarks/ros_loop.py --realtime 50 --json benchmarks/results/ros_loop_fifo50.json
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

ROOT = Path(__file__).resolve().parents[1]
RATES_HZ = (100.0, 500.0)
WARMUP_S = 1.0


# --- roles (each runs in its own process) --------------------------------------------------------
def raise_priority(priority: int) -> None:
    """A role's process under SCHED_FIFO at ``priority`` (0: left alone). Called before
    ``rclpy.init``, so the middleware's threads inherit it."""
    if priority:
        from skillbridge.ros_nodes.realtime import set_process_priority

        set_process_priority(priority)


def _spin_role(make, seconds: float, finish=None) -> None:
    """Spin the role's node for ``seconds`` on the executor the policy node uses (rclpy's events
    executor, added once: ``rclpy.spin_once(node)`` would add and remove the node on every call
    and make the bare baselines slower than a bare node need be). ``finish()`` runs after the
    spinning, before the teardown: rclpy's teardown once spun forever (``executor.shutdown`` in
    ``EventHandler.__exit__``, 100 % CPU), and what a role measured must not depend on it."""
    import rclpy
    from rclpy.executors import ExternalShutdownException

    from skillbridge.ros_nodes.process import make_executor

    rclpy.init()  # after --realtime took effect: the middleware's threads inherit it
    node = make()
    executor = make_executor()
    executor.add_node(node)
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            executor.spin_once(timeout_sec=0.05)
    except (KeyboardInterrupt, ExternalShutdownException):  # stopped by the orchestrator's
        pass  # SIGINT (a role that outlives its case), in Python or in rclpy's handler
    if finish is not None:
        finish()
    executor.remove_node(node)
    node.destroy_node()
    executor.shutdown(timeout_sec=1.0)
    rclpy.try_shutdown()


def _joint_state(stamp_ns: int):
    from sensor_msgs.msg import JointState

    msg = JointState()
    msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(stamp_ns, 1_000_000_000)
    msg.name = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
    msg.position = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]
    msg.velocity = [0.0] * 8
    return msg


def role_publisher(rate: float, seconds: float, topic: str) -> None:
    """Publish joint_states stamped with the wall clock (a driver)."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    def make():
        node = Node("bench_publisher")
        pub = node.create_publisher(JointState, topic, 10)
        node.create_timer(1.0 / rate, lambda: pub.publish(_joint_state(time.time_ns())))
        return node

    _spin_role(make, seconds)


def role_timer(rate: float, seconds: float) -> None:
    """Baseline: a bare rclpy timer publishing JointState at ``rate``."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    def make():
        node = Node("bench_timer")
        pub = node.create_publisher(JointState, "joint_commands", 10)
        node.create_timer(1.0 / rate, lambda: pub.publish(_joint_state(time.time_ns())))
        return node

    _spin_role(make, seconds)


def role_relay(seconds: float) -> None:
    """Baseline: republish every joint_states at once (keeps its stamp)."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    def make():
        node = Node("bench_relay")
        pub = node.create_publisher(JointState, "joint_commands", 10)
        node.create_subscription(JointState, "joint_states", pub.publish, 10)
        return node

    _spin_role(make, seconds)


def role_subscriber(seconds: float, out: Path) -> None:
    """Record arrival (monotonic, wall) and stamp of every joint_commands."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    rows: list[tuple[float, int, int]] = []

    def on_msg(msg) -> None:
        stamp = msg.header.stamp.sec * 1_000_000_000 + msg.header.stamp.nanosec
        rows.append((time.monotonic(), time.time_ns(), stamp))

    def make():
        node = Node("bench_subscriber")
        node.create_subscription(JointState, "joint_commands", on_msg, 100)
        return node

    _spin_role(make, seconds, lambda: np.save(out, np.array(rows, np.float64).reshape(-1, 3)))


# --- orchestration ------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    return {
        **os.environ,
        "ROS_DOMAIN_ID": str(random.SystemRandom().randint(1, 200)),
        "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
    }


def _role(name: str, *args: str, realtime: int = 0) -> list[str]:
    return [sys.executable, __file__, "--role", name, "--realtime", str(realtime), *args]


def _policy_file(folder: Path) -> tuple[Path, bool]:
    """models/motion.onnx (verified) or a synthetic MLP with the Panda contract (unverified)."""
    shipped = ROOT / "models" / "motion.onnx"
    if shipped.is_file():
        return shipped, False
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from skillbridge.contract.artifact import ONNX_INPUT, ONNX_OUTPUT
    from skillbridge.sim.robot import panda_policy_spec
    from skillbridge.sim.scene import compile_scene

    spec = panda_policy_spec(compile_scene())
    rng = np.random.default_rng(0)
    sizes = [spec.obs_dim, 256, 128, 64, spec.action_dim]
    inits = [
        numpy_helper.from_array(np.zeros((1, spec.obs_dim), np.float32), "mean"),
        numpy_helper.from_array(np.ones((1, spec.obs_dim), np.float32), "std"),
    ]
    nodes = [
        helper.make_node("Sub", [ONNX_INPUT, "mean"], ["c"]),
        helper.make_node("Div", ["c", "std"], ["h0"]),
    ]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        w = rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out)).astype(np.float32) * 0.1
        inits += [
            numpy_helper.from_array(w, f"w{i}"),
            numpy_helper.from_array(np.zeros(n_out, np.float32), f"b{i}"),
        ]
        last = i == len(sizes) - 2
        out = ONNX_OUTPUT if last else f"z{i}"
        nodes.append(helper.make_node("Gemm", [f"h{i}", f"w{i}", f"b{i}"], [out]))
        if not last:
            nodes.append(helper.make_node("Elu", [out], [f"h{i + 1}"]))
    graph = helper.make_graph(
        nodes,
        "mlp",
        [helper.make_tensor_value_info(ONNX_INPUT, TensorProto.FLOAT, ["batch", spec.obs_dim])],
        [
            helper.make_tensor_value_info(
                ONNX_OUTPUT, TensorProto.FLOAT, ["batch", spec.action_dim]
            )
        ],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 10
    helper.set_model_props(model, spec.to_metadata())
    path = folder / "mlp.onnx"
    onnx.save(model, str(path))
    return path, True


def _policy_argv(
    policy: Path, unverified: bool, rate: float, trigger: str, realtime: int = 0
) -> list[str]:
    params = [
        f"policy_path:={policy}", "autostart:=true", f"rate_hz:={rate}", f"trigger:={trigger}",
        f"allow_unverified:={'true' if unverified else 'false'}", "safety.fade_in_s:=0.0",
        "diagnostics_period_s:=5.0", f"realtime_priority:={realtime}",
    ]  # fmt: skip
    argv = [sys.executable, "-m", "skillbridge.ros_nodes.policy_node", "--ros-args"]
    for p in params:
        argv += ["-p", p]
    return argv


def run_case(
    subject: list[str], rate: float, seconds: float, folder: Path, realtime: int = 0
) -> np.ndarray:
    """Start subject (+ publisher) + subscriber; return the subscriber's rows after warm-up.
    ``realtime``: the SCHED_FIFO priority of publisher and subscriber (0: default scheduler)."""
    env = _env()
    total = WARMUP_S + seconds
    out = folder / f"rows_{time.monotonic_ns()}.npy"
    log = (folder / "subject.log").open("a")
    procs = [subprocess.Popen(subject, env=env, stdout=log, stderr=subprocess.STDOUT)]
    time.sleep(1.0)  # imports and discovery
    for role in (
        _role("subscriber", "--seconds", str(total + 1), "--out", str(out), realtime=realtime),
        _role("publisher", "--rate", str(rate), "--seconds", str(total + 1), realtime=realtime),
    ):
        procs.append(subprocess.Popen(role, env=env))
    try:  # the subscriber saves its rows, then tears down (which rclpy may never finish)
        procs[1].wait(timeout=total + 1 + 30)
    except subprocess.TimeoutExpired:
        if not out.is_file():
            raise
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
    log.close()
    rows = np.load(out)
    if len(rows) < 10:
        tail = (folder / "subject.log").read_text()[-2000:]
        raise RuntimeError(f"only {len(rows)} joint_commands from {subject[:4]}:\n{tail}")
    return rows[rows[:, 0] >= rows[0, 0] + WARMUP_S]


def period_error_ms(rows: np.ndarray, rate: float) -> np.ndarray:
    return np.abs(np.diff(rows[:, 0]) - 1.0 / rate) * 1e3


def latency_ms(rows: np.ndarray) -> np.ndarray:
    return (rows[:, 1] - rows[:, 2]) * 1e-6


def _pct(x: np.ndarray) -> tuple[float, float, float]:
    p50, p99 = np.percentile(x, [50, 99])
    return float(p50), float(p99), float(x.max())


def measure(
    rate: float,
    seconds: float,
    rounds: int,
    policy: Path,
    unverified: bool,
    folder: Path,
    realtime: int = 0,
) -> dict:
    """Four cases at one rate, each for ``seconds`` in total, run in ``rounds`` alternating
    rounds (timer, policy on its timer, relay, policy on readings, again ...): on this shared
    machine the speed of a process drifts over tens of seconds, and alternating gives subject
    and baseline the same share of slow and fast phases. The publisher runs in every case (the
    policy node activates on it). ``realtime``: every process's SCHED_FIFO priority (0: off)."""
    part = seconds / rounds
    longer = str(WARMUP_S + part + 3)
    cases: dict[str, list[np.ndarray]] = {k: [] for k in ("timer", "node_t", "relay", "node_l")}

    def rows(subject: list[str]) -> np.ndarray:
        return run_case(subject, rate, part, folder, realtime)

    for _ in range(rounds):
        timer = _role("timer", "--rate", str(rate), "--seconds", longer, realtime=realtime)
        cases["timer"].append(period_error_ms(rows(timer), rate))
        node_t = _policy_argv(policy, unverified, rate, "timer", realtime)
        cases["node_t"].append(period_error_ms(rows(node_t), rate))
        relay = _role("relay", "--seconds", longer, realtime=realtime)
        cases["relay"].append(latency_ms(rows(relay)))
        node_l = _policy_argv(policy, unverified, rate, "joint_states", realtime)
        cases["node_l"].append(latency_ms(rows(node_l)))
    pooled = {k: np.concatenate(v) for k, v in cases.items()}
    return {
        "period_timer": _pct(pooled["timer"]),
        "period_policy": _pct(pooled["node_t"]),
        "latency_relay": _pct(pooled["relay"]),
        "latency_policy": _pct(pooled["node_l"]),
        "ticks": len(pooled["node_t"]) + rounds,
        "rounds": rounds,
    }


def results_for(rate: float, m: dict) -> list[Result]:
    hz = f"{rate:.0f}hz"
    targeted = rate == 100.0
    out = []
    for i, stat in enumerate(("p50", "p99", "max")):
        value, base = m["period_policy"][i], m["period_timer"][i]
        target = 1.0 if (targeted and stat == "p99") else 0.0
        out.append(Result(
            f"period_err_{stat}_{hz}_ms" + (" (<= 1 ms)" if target else ""), value, "ms",
            "bare rclpy timer", base, base / value if value else float("inf"), target,
            value <= target if target else True,
        ))  # fmt: skip
    for i, stat in enumerate(("p50", "p99")):
        value, base = m["latency_policy"][i], m["latency_relay"][i]
        out.append(
            Result(
                f"latency_{stat}_{hz}_ms", value, "ms", "bare relay", base, base / value, 0.0, True
            )
        )
    added = m["latency_policy"][1] - m["latency_relay"][1]
    target = 0.5 if targeted else 0.0
    out.append(Result(
        f"latency_added_p99_{hz}_ms" + (" (<= 0.5 ms)" if target else ""), added, "ms",
        "bare relay p99", m["latency_relay"][1], m["latency_relay"][1] / m["latency_policy"][1],
        target, added <= target if target else True,
    ))  # fmt: skip
    return out


def main() -> int:
    if "--role" in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument("--role")
        parser.add_argument("--rate", type=float, default=100.0)
        parser.add_argument("--seconds", type=float, default=5.0)
        parser.add_argument("--out", type=Path)
        parser.add_argument("--realtime", type=int, default=0)
        a = parser.parse_args()
        raise_priority(a.realtime)
        roles = {
            "publisher": lambda: role_publisher(a.rate, a.seconds, "joint_states"),
            "timer": lambda: role_timer(a.rate, a.seconds),
            "relay": lambda: role_relay(a.seconds),
            "subscriber": lambda: role_subscriber(a.seconds, a.out),
        }
        roles[a.role]()
        return 0
    args = parse_args(
        __doc__.splitlines()[0],
        lambda p: p.add_argument(
            "--realtime",
            type=int,
            default=0,
            metavar="PRIORITY",
            help="run every process (floor and policy node) under SCHED_FIFO at this priority "
            "(1-99; needs root or an rtprio limit); default 0: the default scheduler",
        ),
    )
    seconds, rounds = (6.0, 2) if args.quick else (30.0, 5)
    with tempfile.TemporaryDirectory() as tmp:
        policy, unverified = _policy_file(Path(tmp))
        print(f"policy: {policy} ({'synthetic MLP, unverified' if unverified else 'verified'})")
        results, raw = [], {}
        for rate in RATES_HZ:
            m = measure(rate, seconds, rounds, policy, unverified, Path(tmp), args.realtime)
            raw[f"{rate:.0f}hz"] = m
            results += results_for(rate, m)
    extra = {
        "seconds_per_case": seconds,
        "rounds": rounds,
        "realtime_priority": args.realtime,
        "policy": "models/motion.onnx" if not unverified else "synthetic MLP 256-128-64",
        "raw_ms": raw,
    }
    return report("ros_loop", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
