"""A workshop of 30 ends in the same minute: 30 processes record into one SQLite store.

The store does not exist before they start, so they also race to create it. Nothing
may be lost, and no "database is locked" may reach anyone.
"""

from __future__ import annotations

import multiprocessing
import traceback
from multiprocessing.synchronize import Barrier

from game.results.queries import stored_sessions
from game.results.store import ResultsStore
from tests.results.entries import scoring_entry, session_entry

PROCESSES = 30
SESSIONS_EACH = 3


def _trainee(index: int, url: str, barrier: Barrier, errors: multiprocessing.Queue[str]) -> None:
    try:
        barrier.wait(timeout=60)  # all start together
        for number in range(SESSIONS_EACH):
            store = ResultsStore.open(url)
            store.record(session_entry(number, trainee=f"trainee-{index}"), scoring_entry())
    except BaseException:
        errors.put(traceback.format_exc())


def test_thirty_processes_record_at_once_and_nothing_is_lost(sqlite_url: str) -> None:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES)
    errors: multiprocessing.Queue[str] = context.Queue()
    workers = [
        context.Process(target=_trainee, args=(index, sqlite_url, barrier, errors))
        for index in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    recorded = stored_sessions(ResultsStore.open(sqlite_url))
    assert len(recorded) == PROCESSES * SESSIONS_EACH
    assert len({session.trainee for session in recorded}) == PROCESSES
