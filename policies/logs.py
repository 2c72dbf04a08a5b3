"""Training logs in the field's formats: TensorBoard event files and CSV, plus a PNG of curves."""

from __future__ import annotations

import csv
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from torch.utils.tensorboard import SummaryWriter


class TrainingLog:
    """Writes every iteration's scalars to TensorBoard and to ``metrics.csv``."""

    def __init__(self, run_dir: Path, enabled: bool = True) -> None:
        self.run_dir = run_dir
        self.enabled = enabled
        self._writer = SummaryWriter(str(run_dir / "tensorboard")) if enabled else None
        self._csv_path = run_dir / "metrics.csv"
        self._fields: list[str] | None = None
        if enabled and self._csv_path.exists():
            with self._csv_path.open() as f:
                self._fields = next(csv.reader(f), None)

    def write(self, step: int, scalars: dict[str, float]) -> None:
        if self._writer is None:  # disabled (e.g. a rank other than 0)
            return
        for key, value in scalars.items():
            self._writer.add_scalar(key, value, step)
        row = {"env_steps": step, **scalars}
        new_file = self._fields is None
        fields = self._fields = self._fields or list(row)
        with self._csv_path.open("a", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            if new_file:
                writer.writeheader()
            writer.writerow(row)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


def read_metrics(csv_path: Path) -> dict[str, list[float]]:
    with csv_path.open() as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return {}
    return {k: [float(r[k]) for r in rows if r.get(k) not in (None, "")] for k in rows[0]}


PANELS = (
    ("episode/return_mean", "mean episode return"),
    ("episode/command_success", "command success rate"),
    ("loss/value", "value loss"),
    ("policy/action_std", "action std"),
)


def plot_training_curves(csv_path: Path, png_path: Path, title: str = "") -> Path:
    """A 2x2 PNG of return, success, value loss and exploration noise against env steps."""
    metrics = read_metrics(csv_path)
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    steps = metrics.get("env_steps", [])
    for ax, (key, label) in zip(axes.ravel(), PANELS, strict=True):
        if key in metrics and steps:
            ax.plot([s / 1e6 for s in steps[: len(metrics[key])]], metrics[key])
        ax.set_title(label)
        ax.set_xlabel("environment steps (millions)")
        ax.grid(alpha=0.3)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(png_path, dpi=110)
    plt.close(fig)
    return png_path
