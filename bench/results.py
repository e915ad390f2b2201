"""The results store's speed on SQLite and on a real PostgreSQL server.

Usage: python bench/results.py [--logs N] [--sessions N] [--runs N] [--sqlite-only]

Measures, on each database:
- record: opening the store and recording one scored session (what the debrief does
  once the scorecard is in), median of --runs; target <= 50 ms;
- progress: reading a trainee's 500 sessions with their findings and computing their
  progress, median of --runs; target <= 300 ms;
- import: ``results import`` of --logs session logs (played by bots under trainees'
  names: 10 played logs, each copied under 100 names, so every copy is a new session
  that must be read, scored and recorded).
PostgreSQL runs in a throwaway cluster (tests/postgres.py); without the server
binaries only SQLite is measured, and the output says so.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from game.engine.policies import GAMING_POLICIES, POLICIES
from game.journal.events import SessionLabels
from game.results.queries import findings_of, stored_sessions
from game.results.store import ResultsStore
from game.scenario import load_scenario
from game.scenario.catalog import builtin_scenario_dir
from game.services.results import import_logs, session_logs
from tests.postgres import running_cluster, server_binaries
from tests.results.entries import scoring_entry, session_entry
from tests.results.logs import played_log

TEMPLATES = 10


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm up: imports, the schema check's first connection
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _progress_reader() -> Callable[[ResultsStore, str], object]:
    """The progress computation when it exists; else the reads it is made of."""
    try:
        from game.services import progress  # type: ignore[attr-defined]

        return progress.bench_progress  # type: ignore[no-any-return]
    except (ImportError, AttributeError):

        def reads(store: ResultsStore, trainee: str) -> object:
            found = stored_sessions(store, trainee=trainee)
            return findings_of(store, [session.scoring_id for session in found])

        return reads


def _logs(folder: Path, count: int) -> Path:
    """``count`` distinct logs: 10 played, each copied under other trainees' names."""
    loaded = load_scenario(builtin_scenario_dir() / "rebajas.yaml")
    played = folder / "played"
    policies = [name for name in POLICIES if name not in GAMING_POLICIES]
    for index in range(TEMPLATES):
        played_log(
            loaded,
            played,
            policy=policies[index % len(policies)],
            seed=index + 1,
            trainee="template",
            labels=SessionLabels("practice", "bench", "2026-11-02T09:00:00+00:00"),
        )
    logs = folder / "logs"
    logs.mkdir()
    templates = sorted(played.glob("*.jsonl"))
    for number in range(count):
        lines = templates[number % len(templates)].read_text(encoding="utf-8").split("\n", 1)
        header = json.loads(lines[0])
        header["trainee"] = f"trainee-{number // len(templates)}"
        text = json.dumps(header, ensure_ascii=False) + "\n" + lines[1]
        (logs / f"log-{number:05d}.jsonl").write_text(text, encoding="utf-8")
    return logs


def _measure(name: str, url: str, logs: Path, options: argparse.Namespace) -> None:
    store = ResultsStore.open(url)
    numbers = iter(range(10**6))

    def record_one() -> None:
        ResultsStore.open(url).record(
            session_entry(next(numbers), trainee="recorder"), scoring_entry()
        )

    record = _median_ms(record_one, options.runs)
    for number in range(options.sessions):
        store.record(session_entry(number, trainee="regular"), scoring_entry(40 + number % 50))
    read = _progress_reader()
    progress = _median_ms(lambda: read(store, "regular"), options.runs)
    start = time.perf_counter()
    report = import_logs(store, session_logs([logs]))
    took = time.perf_counter() - start
    print(f"{name}:")
    print(f"  record one session:            {record:8.1f} ms (median of {options.runs})")
    print(
        f"  progress, {options.sessions} sessions:        {progress:8.1f} ms "
        f"(median of {options.runs})"
    )
    print(
        f"  import {options.logs} logs:              {took:8.1f} s "
        f"({took / options.logs * 1000:.1f} ms a log; {report.recorded} recorded, "
        f"{len(report.skipped)} skipped)"
    )


@contextmanager
def _postgres(skip: bool) -> Iterator[str | None]:
    binaries = None if skip else server_binaries()
    if binaries is None:
        yield None
        return
    with running_cluster(binaries) as cluster:
        with psycopg.connect(cluster.url(), autocommit=True) as connection:
            connection.execute("CREATE DATABASE bench")
        yield cluster.url("bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sqlite-only", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="crisisdrill-bench-"))
    try:
        logs = _logs(folder, options.logs)
        _measure("SQLite", str(folder / "results.sqlite3"), logs, options)
        with _postgres(options.sqlite_only) as url:
            if url is None:
                print("PostgreSQL: not measured (no server binaries, or --sqlite-only)")
            else:
                _measure("PostgreSQL", url, logs, options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
