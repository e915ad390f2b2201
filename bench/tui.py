"""Terminal game speed: start-up vs a bare Textual app, key latency under a storm, memory.

Usage: python bench/tui.py [--runs N] [--presses N]

1. Start-up: the time from a fresh interpreter to the picker being ready (mounted and
   painted, headless), median of N processes after a first one that builds the
   picker's cache (its time is shown too), next to a bare Textual app with a
   similar widget tree (heading, settings line, option list with one option, a
   detail pane, footer). The ratio's target is at most 1.5.
2. Latency: the console at 120x40 with 2,000 posts already in the feed while a storm
   of 20 posts per second arrives (a timer adds one every 50 ms and lets the clock
   run); the time from a key press (cursor up/down in the feed, which also redraws
   the thread) until the app has processed it and repainted, p50 and p95 over the
   presses. Target p95 under 50 ms. Headless: the terminal's own drawing is not
   included.
3. Peak memory: the largest resident size of this process (the latency run).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTUP_GAME = """
import time
start = time.perf_counter()
import asyncio
from game.tui import make_app, testing_config

async def main():
    app = make_app(testing_config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.id == "picker"
        print(time.perf_counter() - start)

asyncio.run(main())
"""

STARTUP_BARE = """
import time
start = time.perf_counter()
import asyncio
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList, Static

class Bare(App):
    def compose(self):
        yield Static("heading")
        yield Static("settings")
        with Horizontal():
            yield OptionList("Sale season: photo vs. reality\\nintermediate")
            with Vertical():
                yield Static("summary")
        yield Footer()

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)

asyncio.run(main())
"""

PREFILLED = 2000
STORM_PER_SECOND = 20


def _startup(script: str, runs: int) -> tuple[float, float]:
    """Seconds from a script's first line to its first screen: first run, median of the rest."""
    times = []
    env = {**os.environ, "CRISISDRILL_DATA_DIR": tempfile.mkdtemp(prefix="bench-tui-")}
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        # Timed from the script's first line: imports included, the interpreter's own
        # start (the same for both apps) left out.
        times.append(float(output.strip().splitlines()[-1]))
    # The first run of a fresh data folder builds the picker's cache; later ones read it.
    return times[0], statistics.median(times[1:] or times)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


async def _latency(presses: int) -> tuple[list[float], int]:
    """Key-press-to-repaint times in ms under the storm, and the feed's final size."""
    from textual import events

    from game.engine.world import Post, Thread
    from game.scenario.catalog import resolve_scenario
    from game.tui import make_app, testing_config
    from game.tui.screens.console import ConsoleScreen
    from game.tui.widgets.feed import Feed

    folder = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    app = make_app(
        testing_config(scenario=resolve_scenario("rebajas"), log_dir=folder, report_dir=folder)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConsoleScreen)
        game = app.game
        assert game is not None
        app.advance_clock(60)  # the first people exist
        await pilot.pause()
        session = game.session
        author = next(iter(session.crowd.people.values()))
        counter = 0

        def add_post() -> None:
            # A synthetic crowd post, as the engine would have made it: the bench needs
            # more posts than a session makes, and the console reads them the same way.
            nonlocal counter
            counter += 1
            thread = Thread(f"bench-t{counter}", author.id, "chirp")
            session.threads[thread.id] = thread
            post = Post(
                id=f"bench-m{counter}",
                time=session.now,
                channel="chirp",
                author=author.id,
                text=f"Storm post {counter}: where is my refund, @zurcida? This is a joke.",
                language="en",
                tone="negative",
                needs_reply=True,
                tags_brand=True,
                thread=thread.id,
                source="bench",
            )
            thread.posts.append(post.id)
            session.posts[post.id] = post
            session.post_order.append(post)

        for _ in range(PREFILLED):
            add_post()
        screen.advance_clock(1)
        await pilot.pause()
        feed = screen.query_one(Feed)
        feed.focus()

        def storm() -> None:
            add_post()
            screen.advance_clock(1)

        app.set_interval(1 / STORM_PER_SECOND, storm)
        # Away from the newest post, so that arrivals do not move the cursor.
        feed.select_post(feed.rows[PREFILLED // 2].id)
        await asyncio.sleep(0.5)

        # A repaint is the screen's compositor writing an update; the first one after
        # the cursor reached its new row ends the measurement.
        painted: dict[str, object] = {}
        original = screen._compositor_refresh

        def compositor_refresh() -> None:
            original()
            waiter = painted.get("waiter")
            if (
                isinstance(waiter, asyncio.Future)
                and not waiter.done()
                and feed.cursor_row == painted["row"]
            ):
                waiter.set_result(time.perf_counter())

        screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
        latencies = []
        loop = asyncio.get_running_loop()
        for index in range(presses):
            key = "up" if index % 2 else "down"
            painted["row"] = feed.cursor_row + (-1 if key == "up" else 1)
            waiter: asyncio.Future[float] = loop.create_future()
            painted["waiter"] = waiter
            began = time.perf_counter()
            app.post_message(events.Key(key, None))
            done = await asyncio.wait_for(waiter, timeout=5)
            latencies.append((done - began) * 1000)
            await asyncio.sleep(0.03)  # a person's pace between presses
        rows = feed.row_count
        game.finish()
    return latencies, rows


def main() -> None:
    """Run the three measurements and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per start-up figure")
    parser.add_argument("--presses", type=int, default=200, help="key presses measured")
    options = parser.parse_args()

    game_cold, game_start = _startup(STARTUP_GAME, options.runs + 1)
    _, bare_start = _startup(STARTUP_BARE, options.runs + 1)
    ratio = game_start / bare_start
    latencies, rows = asyncio.run(_latency(options.presses))
    p50 = _percentile(latencies, 0.50)
    p95 = _percentile(latencies, 0.95)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"start-up to picker ready (median of {options.runs} processes)")
    print(
        f"  crisisdrill picker   {game_start * 1000:8.1f} ms   (first run, no cache yet: "
        f"{game_cold * 1000:.1f} ms)"
    )
    print(f"  bare Textual app     {bare_start * 1000:8.1f} ms")
    verdict = "ok" if ratio <= 1.5 else "MISSED"
    print(f"  ratio                {ratio:8.2f}   (target <= 1.5: {verdict})")
    print(
        f"key press to repaint in the console, {PREFILLED:,} posts + "
        f"{STORM_PER_SECOND}/s storm ({options.presses} presses, {rows:,} rows at the end)"
    )
    print(f"  p50                  {p50:8.1f} ms")
    verdict = "ok" if p95 < 50 else "MISSED"
    print(f"  p95                  {p95:8.1f} ms   (target < 50: {verdict})")
    print(f"peak memory (resident) {peak_mb:8.1f} MB")


if __name__ == "__main__":
    main()
