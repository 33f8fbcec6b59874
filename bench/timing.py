"""Timing helpers shared by the benchmarks: repeated runs, median and 95th percentile."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    runs: int
    median_ms: float
    p95_ms: float

    def line(self, label: str) -> str:
        return f"{label}: median {self.median_ms:.2f} ms, p95 {self.p95_ms:.2f} ms ({self.runs} runs)"


def _timing(samples: list[float]) -> Timing:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, max(0, round(0.95 * len(samples)) - 1))]
    return Timing(runs=len(samples), median_ms=statistics.median(samples), p95_ms=p95)


def _elapsed_ms(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def measure(run: Callable[[], object], *, runs: int, warmup: int = 2) -> Timing:
    for _ in range(warmup):
        run()
    return _timing([_elapsed_ms(run) for _ in range(runs)])


def measure_side_by_side(
    first: Callable[[], object], second: Callable[[], object], *, runs: int, warmup: int = 2
) -> tuple[Timing, Timing]:
    """Both timed in turn, run after run: on a shared machine a slow spell then slows both
    alike, and their ratio holds where two series taken one after the other would not."""
    for _ in range(warmup):
        first()
        second()
    pairs = [(_elapsed_ms(first), _elapsed_ms(second)) for _ in range(runs)]
    return _timing([a for a, _ in pairs]), _timing([b for _, b in pairs])
