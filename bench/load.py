"""Time to load and validate the flagship scenario vs. a bare CSafeLoader load of it.

Usage: python bench/load.py [SCENARIO.yaml] [--runs N]

Prints the median of N runs of each, and their ratio (target: at most 3).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from game.scenario import load_scenario
from game.scenario.catalog import builtin_scenario_dir


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm up: imports, caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _bare_load(path: Path) -> object:
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenario", nargs="?", type=Path, default=builtin_scenario_dir() / "rebajas.yaml"
    )
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    path: Path = options.scenario
    size = path.stat().st_size
    ours = _median_seconds(lambda: load_scenario(path), options.runs)
    bare = _median_seconds(lambda: _bare_load(path), options.runs)
    print(f"scenario: {path} ({size:,} bytes), median of {options.runs} runs")
    print(f"load + validate (crisisdrill): {ours * 1000:8.2f} ms")
    print(f"bare yaml.load(CSafeLoader):   {bare * 1000:8.2f} ms")
    print(f"ratio: {ours / bare:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
