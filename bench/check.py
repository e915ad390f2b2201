"""How long `crisisdrill check` takes per built-in scenario (target: under 10 s each).

Run: .venv/bin/python bench/check.py
"""

from __future__ import annotations

import time

from game.cli.check import CHECK_MARGIN, CHECK_SEEDS
from game.scenario.catalog import builtin_scenario_dir, scenario_files
from game.services.check import check_scenario


def main() -> None:
    print(f"crisisdrill check, {CHECK_SEEDS} seeds x 7 bots per scenario")
    print(f"{'scenario':<28} {'seconds':>8}  verdict")
    for path in scenario_files(builtin_scenario_dir()):
        started = time.perf_counter()
        passed = check_scenario(
            path, path.name, seeds=range(1, CHECK_SEEDS + 1), margin=CHECK_MARGIN
        ).passed
        seconds = time.perf_counter() - started
        verdict = "passed" if passed else "FAILED"
        target = "" if seconds < 10 else "  (over the 10 s target)"
        print(f"{path.stem:<28} {seconds:>8.2f}  {verdict}{target}")


if __name__ == "__main__":
    main()
