"""Helpers for the Pilot tests: start an app, reach the console, act on posts."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from game.engine.world import Post
from game.tui import CrisisApp, make_app, testing_config
from game.tui.screens.console import ConsoleScreen
from game.tui.widgets.composer import ComposerInput

SIZE = (120, 40)
SNAPSHOTS = Path(__file__).parent.parent / "snapshots" / "tui"


def new_app(tmp_path: Path, **changes: object) -> CrisisApp:
    """An app with the test configuration, its logs and reports under ``tmp_path``."""
    options: dict[str, object] = {"log_dir": tmp_path / "logs", "report_dir": tmp_path / "reports"}
    options.update(changes)
    return make_app(testing_config(**options))


def console(app: CrisisApp) -> ConsoleScreen:
    """The console screen, which must be showing."""
    screen = app.screen
    assert isinstance(screen, ConsoleScreen), screen
    return screen


def post_from(app: CrisisApp, source: str) -> Post:
    """The first post made by a scenario inject or crowd template (e.g. ``inject:x``)."""
    assert app.game is not None
    return next(p for p in app.game.session.post_order if p.source == source)


SETTLE_ROUNDS = 50
"""At most this many rounds of waiting for workers (each round is one idle pause)."""


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app's workers (library, scenario, scoring) are done and shown.

    A worker's result reaches the screen as a message after the worker completes,
    and may lead to more (a chosen scenario opens the briefing): this waits until no
    worker is left over two idle pauses in a row.
    """
    app = pilot.app
    quiet = 0
    for _ in range(SETTLE_ROUNDS):
        await app.workers.wait_for_complete()
        await pilot.pause()
        quiet = quiet + 1 if not app.workers else 0
        if quiet == 2:
            return
    raise AssertionError(f"workers still running: {list(app.workers)}")


class Notices:
    """The toasts an app shows, read from Textual's public ``Notify`` messages.

    Pass it as ``run_test(message_hook=...)``; ``texts`` then lists what was shown.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.texts.append(message.notification.message)


TYPED = 6
"""Characters typed key by key; the rest is pasted (each key press costs a repaint)."""


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused composer: the first keys one by one, the rest pasted."""
    field = pilot.app.focused
    assert isinstance(field, ComposerInput), field
    await pilot.press(*text[:TYPED])
    field.insert_text_at_cursor(text[TYPED:])
    await pilot.pause()
    assert field.value == text


async def act_on(pilot: Pilot[None], app: CrisisApp, post: Post, key: str, text: str) -> None:
    """Select a post, press an action key, write the text and send it."""
    assert console(app).select_post(post.id)
    await pilot.press(key)
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def start_session(pilot: Pilot[None], minutes: int = 0) -> None:
    """From the briefing into the console, then let ``minutes`` of simulated time pass."""
    await pilot.press("enter")
    await pilot.pause()
    if minutes:
        pilot.app.advance_clock(minutes * 60)  # type: ignore[attr-defined]
        await pilot.pause()


async def finish_session(pilot: Pilot[None]) -> None:
    """Finish now (x, then y) and wait for the debrief to be scored and shown."""
    await pilot.press("x")
    await pilot.pause()
    await pilot.press("y")
    await settle(pilot)
