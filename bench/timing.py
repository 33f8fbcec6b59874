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


def measure(run: Callable[[], object], *, runs: int, warmup: int = 2) -> Timing:
    for _ in range(warmup):
        run()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, max(0, round(0.95 * len(samples)) - 1))]
    return Timing(runs=runs, median_ms=statistics.median(samples), p95_ms=p95)
