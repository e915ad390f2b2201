"""Headless session speed: median ms per full session, posts, peak memory, Faker floor.

Usage: python bench/simulate.py [SCENARIO] [--runs N] [--storm K]

For each built-in policy it plays N seeds of the scenario (default: the flagship) and
prints the median time per whole session without a log (the engine's own cost) and
with its log written, the posts generated (median and largest), the peak memory of
the largest session (tracemalloc), the time Faker alone takes to make the same people
(the floor no engine can beat) with the ratio of the session to it, and how much of
the session went into analysing the bot's replies (scoring.read_reply, the same work a
trainee's replies cost), with the p50 and p95 of one reading. The last lines check the
targets: one reading under 10 ms at p95, and a full session of the scenario itself with
at least 1,000 posts (median) in under 100 ms median.
``--storm K`` adds rows for a copy of the scenario with K times the crowd, as a stress
test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from game.engine.identities import FakerIdentities
from game.engine.policies import POLICIES
from game.engine.session import Session
from game.engine.simulate import play
from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from scoring import read_reply

TARGET_POSTS = 1000
TARGET_MS = 100.0
REPLY_P95_MS = 10.0


def storm_copy(loaded: LoadedScenario, factor: float) -> LoadedScenario:
    """The same scenario with ``factor`` times more background posts in every phase."""
    scenario = loaded.scenario
    phases = [
        phase.model_copy(update={"crowd_per_minute": phase.crowd_per_minute * factor})
        for phase in scenario.phases
    ]
    return LoadedScenario(
        scenario.model_copy(update={"phases": phases}),
        loaded.path,
        loaded.content_hash,
        loaded.source_text,
    )


def faker_floor(session: Session) -> float:
    """Seconds Faker alone needs to make the identities of ``session``'s people."""
    faker = FakerIdentities()
    start = time.perf_counter()
    for index, person in enumerate(session.crowd.people.values()):
        faker.identity(person.id, person.locale, index, 10)
    return time.perf_counter() - start


class TimedReader:
    """The reply reader handed to the engine, timing every reading it makes.

    A reading is what a trainee's reply costs in game: the analysis and the judgement
    in context (fit, specificity, canned replies against every earlier answer).
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls: list[float] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return read_reply(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            self.seconds += spent
            self.calls.append(spent)


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def measure(loaded: LoadedScenario, policy: str, seeds: range, log_dir: Path) -> dict[str, float]:
    """Median figures of ``policy`` over ``seeds``."""
    times, logged, posts, floors, analysis = [], [], [], [], []
    timed = TimedReader()
    for seed in seeds:
        people: list[Session] = []
        timed.seconds = 0.0
        start = time.perf_counter()
        result = play(
            loaded, POLICIES[policy](), seed=seed, language="es", reader=timed, on_end=people.append
        )
        times.append(time.perf_counter() - start)
        analysis.append(timed.seconds)
        posts.append(result.posts)
        floors.append(faker_floor(people[0]))
        start = time.perf_counter()
        play(
            loaded, POLICIES[policy](), seed=seed, language="es", reader=read_reply, log_dir=log_dir
        )
        logged.append(time.perf_counter() - start)
    busiest = seeds[posts.index(max(posts))]  # peak memory of the largest session
    tracemalloc.start()
    play(loaded, POLICIES[policy](), seed=busiest, language="es", reader=read_reply)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times)
    floor = statistics.median(floors)
    return {
        "ms": median * 1000,
        "log_ms": statistics.median(logged) * 1000,
        "posts": statistics.median(posts),
        "max_posts": max(posts),
        "peak_mib": peak / 2**20,
        "faker_ms": floor * 1000,
        "ratio": median / floor if floor else float("inf"),
        "analysis_ms": statistics.median(analysis) * 1000,
        "reply_p50": percentile(timed.calls, 0.50) * 1000 if timed.calls else 0.0,
        "reply_p95": percentile(timed.calls, 0.95) * 1000 if timed.calls else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenario", nargs="?", type=Path, default=builtin_scenario_dir() / "rebajas.yaml"
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--storm", type=float, default=0.0, help="add stress rows (0: none)")
    options = parser.parse_args()
    loaded = load_scenario(options.scenario)
    seeds = range(1, options.runs + 1)
    play(loaded, POLICIES["ideal"](), seed=0, language="es", reader=read_reply)  # warm caches
    print(f"scenario: {loaded.scenario.meta.id}, {options.runs} seeds per row, median figures")
    columns = (
        ("ms/session", 11),
        ("with log", 9),
        ("posts", 7),
        ("max", 6),
        ("peak MiB", 9),
        ("Faker ms", 9),
        ("ratio", 6),
        ("analysis ms", 12),
        ("reply p50", 10),
        ("p95 ms", 7),
    )
    print(f"{'policy':<20}" + "".join(f"{name:>{width}}" for name, width in columns))
    rows = [(name, loaded, name) for name in POLICIES]
    if options.storm:
        storm = storm_copy(loaded, options.storm)
        rows += [
            (f"{name}, storm x{options.storm:g}", storm, name) for name in ("ideal", "ignorer")
        ]
    own: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for label, scenario, policy in rows:
            figures = measure(scenario, policy, seeds, Path(folder))
            if scenario is loaded:
                own[label] = figures
            print(
                f"{label:<20}{figures['ms']:>11.1f}{figures['log_ms']:>9.1f}"
                f"{figures['posts']:>7.0f}{figures['max_posts']:>6.0f}{figures['peak_mib']:>9.2f}"
                f"{figures['faker_ms']:>9.1f}{figures['ratio']:>6.1f}{figures['analysis_ms']:>12.1f}"
                f"{figures['reply_p50']:>10.2f}{figures['reply_p95']:>7.2f}"
            )
    big = {name: f for name, f in own.items() if f["posts"] >= TARGET_POSTS}
    if not big:
        most = max(own, key=lambda name: own[name]["posts"])
        print(
            f"target ({TARGET_POSTS:,}+ posts under {TARGET_MS:g} ms median): NOT MET, no policy "
            f"has a median of {TARGET_POSTS:,} posts (most: {most}, {own[most]['posts']:,.0f})"
        )
        return
    calls = [f for f in own.values() if f["reply_p95"]]
    if calls:
        worst = max(f["reply_p95"] for f in calls)
        verdict = "met" if worst <= REPLY_P95_MS else "NOT MET"
        print(
            f"target (reading a reply, p95 under {REPLY_P95_MS:g} ms): {verdict}, "
            f"worst {worst:.2f} ms"
        )
    for name, figures in big.items():
        verdict = "met" if figures["ms"] < TARGET_MS else "NOT MET"
        print(
            f"target ({TARGET_POSTS:,}+ posts under {TARGET_MS:g} ms median): {verdict} by "
            f"{name}: {figures['posts']:,.0f} posts in {figures['ms']:.1f} ms "
            f"({figures['log_ms']:.1f} ms with its log)"
        )


if __name__ == "__main__":
    main()
