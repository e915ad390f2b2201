"""Headless session speed: median ms per full session, posts, peak memory, Faker floor.

Usage: python bench/simulate.py [SCENARIO] [--runs N] [--storm K]

For each built-in policy it plays N seeds of the scenario (no log written, as the
engine's own cost is measured) and prints the median time per session, the posts
generated, the peak memory of one session (tracemalloc), and the time Faker alone takes
to make the same people (the floor no engine can beat), with the ratio, and how much of
the session went into analysing the bot's replies (scoring.analyze, the same work a
trainee's replies cost). Last rows play the ideal and ignorer policies on a "storm" copy
of the scenario whose crowd volume is K times larger, to measure sessions of 1,000+
posts (target: under 100 ms median).
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

import game.engine.session as session_module
from game.engine.identities import FakerIdentities
from game.engine.policies import POLICIES
from game.engine.session import Session
from game.engine.simulate import play
from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from scoring import analyze


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
    """Seconds Faker needs to make the identities of ``session``'s people."""
    faker = FakerIdentities()
    start = time.perf_counter()
    for index, person in enumerate(session.crowd.people.values()):
        faker.identity(person.id, person.locale, index, 10)
    return time.perf_counter() - start


class TimedAnalyze:
    """Stands in for the engine's ``analyze`` and adds up the time spent in it."""

    def __init__(self) -> None:
        self.real = analyze
        self.seconds = 0.0

    def __call__(self, *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.real(*args)
        finally:
            self.seconds += time.perf_counter() - start


def measure(loaded: LoadedScenario, policy: str, seeds: range) -> dict[str, float]:
    """Median figures of ``policy`` over ``seeds``."""
    times, posts, floors, analysis = [], [], [], []
    timed = TimedAnalyze()
    for seed in seeds:
        bot = POLICIES[policy]()
        timed.seconds = 0.0
        vars(session_module)["analyze"] = timed  # the engine's name for the analyzer
        start = time.perf_counter()
        try:
            result = play(loaded, bot, seed=seed, language="es", write_log=False)
        finally:
            vars(session_module)["analyze"] = analyze
        times.append(time.perf_counter() - start)
        analysis.append(timed.seconds)
        posts.append(result.posts)
        replay = Session(loaded, seed=seed, language="es")
        replay.advance(loaded.scenario.meta.duration_minutes * 60)
        floors.append(faker_floor(replay) * result.posts / max(len(replay.posts), 1))
        replay.close()
    tracemalloc.start()
    play(loaded, POLICIES[policy](), seed=seeds.start, language="es", write_log=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times)
    floor = statistics.median(floors)
    return {
        "ms": median * 1000,
        "posts": statistics.median(posts),
        "peak_mib": peak / 2**20,
        "faker_ms": floor * 1000,
        "ratio": median / floor if floor else float("inf"),
        "analysis_ms": statistics.median(analysis) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenario", nargs="?", type=Path, default=builtin_scenario_dir() / "rebajas.yaml"
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--storm", type=float, default=6.0)
    options = parser.parse_args()
    loaded = load_scenario(options.scenario)
    seeds = range(1, options.runs + 1)
    play(loaded, POLICIES["ideal"](), seed=0, language="es", write_log=False)  # warm caches
    print(f"scenario: {loaded.scenario.meta.id}, {options.runs} seeds per row, median figures")
    columns = (
        ("ms/session", 11),
        ("posts", 8),
        ("peak MiB", 10),
        ("Faker ms", 10),
        ("ratio", 8),
        ("analysis ms", 13),
    )
    header = f"{'policy':<22}" + "".join(f"{name:>{width}}" for name, width in columns)
    print(header)
    rows = [(name, loaded, name) for name in POLICIES]
    rows.append((f"ideal, storm x{options.storm:g}", storm_copy(loaded, options.storm), "ideal"))
    rows.append(
        (f"ignorer, storm x{options.storm:g}", storm_copy(loaded, options.storm), "ignorer")
    )
    for label, scenario, policy in rows:
        figures = measure(scenario, policy, seeds)
        print(
            f"{label:<22}{figures['ms']:>11.1f}{figures['posts']:>8.0f}{figures['peak_mib']:>10.2f}"
            f"{figures['faker_ms']:>10.1f}{figures['ratio']:>8.1f}{figures['analysis_ms']:>13.1f}"
        )


if __name__ == "__main__":
    main()
