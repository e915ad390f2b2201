"""How long ``progress`` takes for a trainee with 500 sessions (target: 300 ms or less).

Records 500 synthetic sessions (four findings each) of one trainee, beside 500 of
another, then times the service ``trainee_progress`` (store read, mastery, exams,
recommendations) and the cohort view; on SQLite, and on PostgreSQL when its server
binaries are installed (a throwaway cluster, as the tests start).

Run: .venv/bin/python bench/progress.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.* helpers

from game.results.store import ResultsStore
from game.services.progress import cohort_progress, trainee_progress
from tests.postgres import running_cluster, server_binaries
from tests.results.synthetic import record_history

SESSIONS = 500
TARGET_MS = 300.0
ROUNDS = 7


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    action()  # warm: the first query prepares the connection pool
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def bench(name: str, url: str) -> None:
    """Fill the store at ``url`` and print the timings."""
    store = ResultsStore.open(url)
    started = time.perf_counter()
    record_history(store, "ana", SESSIONS, cohort="g1")
    record_history(store, "bea", SESSIONS, cohort="g1")
    filled = time.perf_counter() - started
    median, worst = _timed(lambda: trainee_progress(store, "ana"))
    verdict = "within" if median <= TARGET_MS else "OVER"
    print(
        f"{name:<11} progress, {SESSIONS} sessions: median {median:6.1f} ms, "
        f"worst {worst:6.1f} ms ({verdict} the {TARGET_MS:.0f} ms target)"
    )
    median, worst = _timed(lambda: cohort_progress(store, "g1"))
    print(f"{name:<11} cohort of 2 x {SESSIONS}: median {median:6.1f} ms, worst {worst:6.1f} ms")
    print(f"{name:<11} (recording {2 * SESSIONS} sessions took {filled:.1f} s)")


def bench_command(url: str) -> None:
    """The whole command, as a user runs it: Python's start and imports included."""
    command = [sys.executable, "-m", "game", "progress", "--trainee", "ana", "--db", url]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"{'SQLite':<11} `crisisdrill progress` whole command: median {median:.0f} ms")


def main() -> None:
    """Time progress on SQLite, then on PostgreSQL if it is installed."""
    with tempfile.TemporaryDirectory(prefix="crisisdrill-bench-") as folder:
        bench("SQLite", str(Path(folder) / "results.sqlite3"))
        bench_command(str(Path(folder) / "results.sqlite3"))
    binaries = server_binaries()
    if binaries is None:
        print("PostgreSQL: skipped (no server binaries: initdb, pg_ctl)")
        return
    with running_cluster(binaries) as cluster:
        bench("PostgreSQL", cluster.url())


if __name__ == "__main__":
    main()
