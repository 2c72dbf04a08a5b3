"""Periodicity of the policy node's control loop at 100-1000 Hz, against a bare rclpy timer node.

Every case runs three processes over loopback DDS in a private domain: the node under test, a
``joint_states`` publisher at the control rate (a driver; stamped with the wall clock), and a
stand-in controller that timestamps each ``joint_commands`` on arrival (``time.monotonic``).

* **Periodicity** (targeted), at 100, 250, 500 and 1000 Hz: the policy node (its own process,
  ``models/motion.onnx``, ``trigger: timer``, ``rate_hz`` overridden) vs the baseline, a bare
  rclpy timer node that publishes the same JointState at the same rate on the same executor.
  From the arrival intervals ``d`` (the period as the controller sees it, delivery included),
  as ros2_control's controller manager reports a controller's periodicity: mean, standard
  deviation, min, max; the p99 of the period error ``|d - period|``; and **missed deadlines**:
  intervals longer than 1.5 periods (a controller reading once per period, half a period after
  the command is due, found no new command; ros2_control's overrun is the same event seen from
  inside the loop: an update that ends after the next one is due), plus a silent tail at the
  end of a case. Targets: p99 period error <= 10 % of the period at 500 Hz (0.2 ms), and no
  missed tick in ``--soak``.
* **Latency** (information only, no target) ``joint_states`` -> ``joint_commands`` at 100 Hz:
  the policy node ticking on every reading (``trigger: joint_states``; a command carries its
  reading's stamp) vs a bare relay node that republishes each reading.

Policy node and baseline run in alternating rounds (baseline first, then policy first, ...): on
a shared machine the speed of a process drifts over tens of seconds, and alternating gives both
the same share of slow and fast phases. Each case's first ``WARMUP_S`` after the first arrival
is dropped. Ratios are oriented so that higher is better: baseline / value for std, max, p99 and
the latency; value / baseline for min; baseline / value for the mean (information: both should
equal the period); (baseline + 1) / (value + 1) for missed deadlines (so that zero is defined).

    python benchmarks/ros_loop.py [--quick] [--json benchmarks/results/ros_loop.json]
    python benchmarks/ros_loop.py --soak 10 --json benchmarks/results/ros_loop_soak.json

``--soak MINUTES``: one policy node at 100 Hz for that long; the missed deadlines (target: none)
and the worst period. ``--realtime PRIORITY``: every process (publisher, subscriber, baseline
and policy node, the latter through its ``realtime_priority`` parameter) under SCHED_FIFO at
that priority (needs root or an rtprio limit). ``--conditions TEXT`` goes into the JSON with
the load averages before and after the run. See docs/ros_loop.md.
"""

from __future__ import annotations

import argparse
import dataclasses
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
import _ros_roles
from _common import Result, parse_args, report
from _ros_roles import MISSED_FACTOR, START_TIMEOUT_S, WARMUP_S

# what benchmarks/tools/ros_loop_breakdown.py takes from this module
raise_priority, _spin_role, _joint_state = (
    _ros_roles.raise_priority, _ros_roles.spin_role, _ros_roles.joint_state
)  # fmt: skip

ROOT = Path(__file__).resolve().parents[1]
RATES_HZ = (100.0, 250.0, 500.0, 1000.0)
TARGET_RATE_HZ = 500.0
P99_TARGET_FRACTION = 0.10
"""Target: p99 |period error| <= this fraction of the period at ``TARGET_RATE_HZ``."""
LATENCY_RATE_HZ = 100.0
SOAK_RATE_HZ = 100.0


# --- orchestration ------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    return {
        **os.environ,
        "ROS_DOMAIN_ID": str(random.SystemRandom().randint(1, 200)),
        "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
    }


def _role(name: str, *args: str, realtime: int = 0) -> list[str]:
    return [
        sys.executable,
        _ros_roles.__file__,
        "--role",
        name,
        "--realtime",
        str(realtime),
        *args,
    ]


def _policy_file(folder: Path) -> tuple[Path, bool]:
    """models/motion.onnx (committed, verified) and whether it runs unverified (never)."""
    shipped = ROOT / "models" / "motion.onnx"
    if not shipped.is_file():
        raise FileNotFoundError(f"{shipped} is missing: it is committed; restore it with git")
    return shipped, False


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


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 5.0
    for p in procs:
        try:
            p.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def run_window(
    subject: list[str],
    rate: float,
    seconds: float,
    folder: Path,
    realtime: int = 0,
    progress: bool = False,
    warmup_s: float = WARMUP_S,
) -> tuple[np.ndarray, float]:
    """Start subject, publisher and subscriber together; once the subscriber has ``seconds``
    after its warm-up, stop them. Returns the subscriber's rows after the warm-up (arrival
    monotonic s, arrival wall ns, stamp ns) and the end of its window (monotonic s).
    ``realtime``: SCHED_FIFO priority of publisher and subscriber (0: default scheduler)."""
    env, out = _env(), folder / f"rows_{time.monotonic_ns()}.npy"
    log = (folder / "subject.log").open("a")
    lifetime = str(START_TIMEOUT_S + warmup_s + seconds + 30)
    sub = ["--seconds", str(seconds), "--out", str(out), "--warmup", str(warmup_s)]
    sub += ["--rate", str(rate if progress else 0)]
    procs = [
        subprocess.Popen(subject, env=env, stdout=log, stderr=subprocess.STDOUT),
        subprocess.Popen(_role("subscriber", *sub, realtime=realtime), env=env),
        subprocess.Popen(
            _role("publisher", "--rate", str(rate), "--seconds", lifetime, realtime=realtime),
            env=env,
        ),
    ]
    end_file = Path(f"{out}.end")
    deadline = time.monotonic() + START_TIMEOUT_S + warmup_s + seconds + 30
    try:  # the subscriber saves its rows, then tears down (which rclpy may never finish)
        while not end_file.is_file() and time.monotonic() < deadline:
            if procs[1].poll() is not None and not end_file.is_file():
                break
            time.sleep(0.05)
        time.sleep(0.05)  # the rows file is written before the end file
    finally:
        _stop(procs)
        log.close()
    if not end_file.is_file():
        raise RuntimeError(f"the subscriber saved nothing; {subject[:4]} log ends:\n"
                           + (folder / "subject.log").read_text()[-2000:])  # fmt: skip
    rows = np.load(out)
    if len(rows) < 10:
        tail = (folder / "subject.log").read_text()[-2000:]
        raise RuntimeError(f"only {len(rows)} joint_commands from {subject[:4]}:\n{tail}")
    return rows[rows[:, 0] >= rows[0, 0] + warmup_s], float(end_file.read_text())


def run_case(
    subject: list[str], rate: float, seconds: float, folder: Path, realtime: int = 0
) -> np.ndarray:
    """``run_window``'s rows alone (for benchmarks/tools/ros_loop_breakdown.py)."""
    return run_window(subject, rate, seconds, folder, realtime)[0]


# --- statistics ----------------------------------------------------------------------------------
def periodicity(windows: list[tuple[np.ndarray, float]], rate: float) -> dict[str, float]:
    """Arrival intervals of every window pooled: mean, std, min, max and p99 |error| in ms,
    ``missed`` (intervals > MISSED_FACTOR periods, a silent tail of a window included),
    ``empty_periods`` (the whole periods those intervals spanned without a command)."""
    period = 1.0 / rate
    parts = []
    for rows, end in windows:
        parts.append(np.diff(rows[:, 0]))
        if end - rows[-1, 0] > MISSED_FACTOR * period:  # the subject went quiet before the end
            parts.append(np.array([end - rows[-1, 0]]))
    d = np.concatenate(parts)
    late = d[d > MISSED_FACTOR * period]
    return {
        "mean_ms": float(d.mean() * 1e3),
        "std_ms": float(d.std() * 1e3),
        "min_ms": float(d.min() * 1e3),
        "max_ms": float(d.max() * 1e3),
        "p99_err_ms": float(np.percentile(np.abs(d - period), 99) * 1e3),
        "missed": int(len(late)),
        "empty_periods": int(np.sum(np.round(late / period) - 1)),
        "intervals": int(len(d)),
    }


def latency(windows: list[tuple[np.ndarray, float]]) -> dict[str, float]:
    """Reading stamp -> command arrival (wall clock), ms."""
    x = np.concatenate([(rows[:, 1] - rows[:, 2]) * 1e-6 for rows, _ in windows])
    p50, p99 = np.percentile(x, [50, 99])
    return {"p50_ms": float(p50), "p99_ms": float(p99), "max_ms": float(x.max()), "n": len(x)}


@dataclasses.dataclass(frozen=True)
class Budget:
    """How long each case runs (the full run: about 3.5 minutes on 2 cores)."""

    rounds: int = 2
    """Alternating rounds of baseline and policy node per rate."""
    intervals: int = 1000
    """Intervals measured per case and round (at least ``min_seconds``): 10 s at 100 Hz."""
    min_seconds: float = 4.0
    warmup_s: float = WARMUP_S
    """Dropped at the start of every case (imports done, caches warm, DDS matched)."""

    def seconds(self, rate: float) -> float:
        return max(self.min_seconds, self.intervals / rate)


FULL, QUICK = Budget(), Budget(rounds=1, intervals=150, min_seconds=1.0, warmup_s=0.5)


def alternate(
    cases: dict[str, list[str]], rate: float, budget: Budget, folder: Path, rt: int
) -> dict[str, list[tuple[np.ndarray, float]]]:
    """Each case for ``budget.seconds(rate)`` per round, the order reversed every round."""
    out: dict[str, list[tuple[np.ndarray, float]]] = {k: [] for k in cases}
    for i in range(budget.rounds):
        for name in list(cases)[:: 1 if i % 2 == 0 else -1]:
            seconds = budget.seconds(rate)
            window = run_window(cases[name], rate, seconds, folder, rt, warmup_s=budget.warmup_s)
            out[name].append(window)
    return out


def _ratio(base: float, value: float) -> float:
    return base / value if value else float("inf")


def results_for(rate: float, m: dict) -> list[Result]:
    """Policy node vs bare timer at one rate (see the module docstring for the ratios)."""
    hz, pol, base = f"{rate:.0f}hz", m["policy"], m["baseline"]
    target_ms = P99_TARGET_FRACTION / rate * 1e3 if rate == TARGET_RATE_HZ else 0.0
    out = []
    for stat in ("mean", "std", "min", "max", "p99_err"):
        v, b = pol[f"{stat}_ms"], base[f"{stat}_ms"]
        ratio = _ratio(v, b) if stat == "min" else _ratio(b, v)
        t = target_ms if stat == "p99_err" else 0.0
        name = f"period_{stat}_{hz}_ms" + (f" (<= {t:.2g} ms)" if t else "")
        out.append(Result(name, v, "ms", "bare rclpy timer", b, ratio, t, v <= t if t else True))
    v, b = pol["missed"], base["missed"]
    out.append(Result(f"missed_{hz}", v, "n", "bare rclpy timer", b, (b + 1) / (v + 1), 0.0, True))
    return out


def latency_results(m: dict) -> list[Result]:
    hz = f"{LATENCY_RATE_HZ:.0f}hz"
    return [
        Result(f"latency_{s}_{hz}_ms (info)", m["policy"][f"{s}_ms"], "ms", "bare relay",
               m["baseline"][f"{s}_ms"], _ratio(m["baseline"][f"{s}_ms"], m["policy"][f"{s}_ms"]),
               0.0, True)
        for s in ("p50", "p99")
    ]  # fmt: skip


# --- entry points --------------------------------------------------------------------------------
def conditions(note: str, before: tuple[float, ...]) -> dict[str, object]:
    """The load averages (1, 5, 15 min) before and after the run, and what the caller noted."""
    return {"load_before": [round(x, 2) for x in before],
            "load_after": [round(x, 2) for x in os.getloadavg()], "note": note}  # fmt: skip


def run_benchmark(args: argparse.Namespace, policy: Path, unverified: bool, tmp: Path) -> int:
    budget = QUICK if args.quick else FULL
    before = os.getloadavg()
    results, raw = [], {}
    rt = args.realtime
    for rate in args.rates:
        cases = {
            "baseline": _role("timer", "--rate", str(rate), "--seconds", "600", realtime=rt),
            "policy": _policy_argv(policy, unverified, rate, "timer", rt),
        }
        pooled = alternate(cases, rate, budget, tmp, rt)
        m = {k: periodicity(v, rate) for k, v in pooled.items()}
        raw[f"{rate:.0f}hz"] = m
        results += results_for(rate, m)
        print(f"{rate:.0f} Hz: policy {m['policy']}\n        bare   {m['baseline']}", flush=True)
    cases = {
        "baseline": _role("relay", "--seconds", "600", realtime=rt),
        "policy": _policy_argv(policy, unverified, LATENCY_RATE_HZ, "joint_states", rt),
    }
    pooled = alternate(cases, LATENCY_RATE_HZ, budget, tmp, rt)
    lat = {k: latency(v) for k, v in pooled.items()}
    results += latency_results(lat)
    extra = {
        "budget": dataclasses.asdict(budget),
        "seconds_per_case": {f"{r:.0f}hz": budget.seconds(r) for r in args.rates},
        "realtime_priority": rt,
        "missed_deadline": f"arrival interval > {MISSED_FACTOR} periods",
        "policy": "models/motion.onnx",
        "raw": {"periodicity": raw, f"latency_{LATENCY_RATE_HZ:.0f}hz": lat},
        "conditions": conditions(args.conditions, before),
    }
    return report("ros_loop", results, args.json, extra)


def run_soak(args: argparse.Namespace, policy: Path, unverified: bool, tmp: Path) -> int:
    rate, seconds = SOAK_RATE_HZ, args.soak * 60.0
    before = os.getloadavg()
    print(f"soak: the policy node at {rate:.0f} Hz for {args.soak:g} min", flush=True)
    subject = _policy_argv(policy, unverified, rate, "timer", args.realtime)
    window = run_window(subject, rate, seconds, tmp, args.realtime, progress=True)
    m = periodicity([window], rate)
    arrivals = window[0][:, 0]
    late = np.flatnonzero(np.diff(arrivals) > MISSED_FACTOR / rate)
    period_ms = 1e3 / rate
    hz = f"{rate:.0f}hz"
    results = [
        Result(f"soak_missed_{hz} (== 0)", m["missed"], "n", "none missed", 0.0,
               1.0 / (m["missed"] + 1), 0.0, m["missed"] == 0),
        Result(f"soak_period_max_{hz}_ms", m["max_ms"], "ms", "the period", period_ms,
               period_ms / m["max_ms"], 0.0, True),
        Result(f"soak_period_p99_err_{hz}_ms", m["p99_err_ms"], "ms", "10 % of the period",
               0.1 * period_ms, 0.1 * period_ms / m["p99_err_ms"], 0.0, True),
    ]  # fmt: skip
    extra = {
        "soak_minutes": args.soak,
        "realtime_priority": args.realtime,
        "missed_deadline": f"arrival interval > {MISSED_FACTOR} periods",
        "expected_ticks": int(seconds * rate),
        "missed_at_s": [round(float(arrivals[i] - arrivals[0]), 3) for i in late[:200]],
        "worst_at_s": round(float(arrivals[np.argmax(np.diff(arrivals))] - arrivals[0]), 3),
        "raw": {"periodicity": m},
        "conditions": conditions(args.conditions, before),
    }
    return report("ros_loop_soak", results, args.json, extra)


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--realtime", type=int, default=0, metavar="PRIORITY",
        help="run every process (publisher, subscriber, baseline, policy node) under SCHED_FIFO "
        "at this priority (1-99; needs root or an rtprio limit); default 0: the default scheduler",
    )  # fmt: skip
    p.add_argument(
        "--soak", type=float, default=0.0, metavar="MINUTES",
        help=f"instead: one policy node at {SOAK_RATE_HZ:.0f} Hz for MINUTES; target: no missed "
        "deadline",
    )  # fmt: skip
    p.add_argument(
        "--rates", type=lambda s: tuple(float(x) for x in s.split(",")), default=RATES_HZ,
        help="comma-separated control rates in Hz (default: 100,250,500,1000)",
    )  # fmt: skip
    p.add_argument("--conditions", default="", help="a note on the machine's load for the JSON")


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], _add_arguments)
    with tempfile.TemporaryDirectory() as tmp:
        policy, unverified = _policy_file(Path(tmp))
        print(f"policy: {policy}")
        run = run_soak if args.soak > 0 else run_benchmark
        return run(args, policy, unverified, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
