"""The game on a disk that fills up while it is played (a real tmpfs, see tests/faults.py).

The session goes on in memory: the trainee is told once, in their language, that the
log cannot be written and why; what they are writing stays in the composer; the status
bar says LOG NOT SAVED; what waits is written as soon as there is room again. Leaving
while the log is incomplete ends with one line on stderr and exit 1, and the log on
disk stays readable by ``report``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from game.cli.play import after_play, fault_message
from game.journal.events import ActionTaken, SessionClosed
from game.journal.logfile import read_log
from game.scenario.catalog import resolve_scenario
from game.tui import CrisisApp, config, make_app
from game.tui.controller import clock_text
from game.tui.logfault import LogFault
from game.tui.screens.console import ConsoleScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.widgets.composer import ComposerInput
from tests.faults import TinyDisk
from tests.helpers import run_cli
from tests.tui.helpers import SIZE, Notices, console, post_from, settle, type_text

FAILED = {
    "en": "Could not write the session log: No space left on device. The session goes on: "
    "what happens is kept in memory and written as soon as the disk allows it.",
    "es": "No se pudo escribir el registro de la sesión: No space left on device. La sesión "
    "sigue: lo que pasa se guarda en memoria y se escribe en cuanto el disco lo permita.",
}
RECOVERED = {
    "en": "The session log is written again: nothing was lost.",
    "es": "El registro de la sesión vuelve a guardarse: no se ha perdido nada.",
}
UNSAVED = {"en": "LOG NOT SAVED", "es": "REGISTRO SIN GUARDAR"}
QUIT = {
    "en": "The crisis is still running. The session log could not be written (No space left "
    "on device): if you quit now, it keeps the session only up to {clock}.",
    "es": "La crisis sigue en marcha. No se pudo escribir el registro de la sesión (No space "
    "left on device): si sales ahora, solo guarda la sesión hasta las {clock}.",
}
DRAFT = "Hi, we are so sorry about the jacket: we are looking into it right now"


def _app(language: str) -> CrisisApp:
    # No log or report folder given: they go where real play puts them, in the data
    # folder, which is the tiny disk.
    return make_app(config.testing_config(scenario=resolve_scenario("rebajas"), language=language))


async def _draft_a_reply(pilot: Pilot[None], app: CrisisApp) -> None:
    """Two minutes in, start a reply to the first complaint and leave it unsent."""
    app.advance_clock(2 * 60)
    await pilot.pause()
    complaint = post_from(app, "inject:complaint_first")
    assert console(app).select_post(complaint.id)
    await pilot.press("r")
    await type_text(pilot, DRAFT)


async def _play_until_the_log_fails(pilot: Pilot[None], app: CrisisApp) -> None:
    """Minute by minute: the log's last page has some room left, then none."""
    assert app.game is not None
    for _ in range(30):
        app.advance_clock(60)
        await pilot.pause()
        if app.game.log_fault is not None:
            return
    raise AssertionError("the log never failed on a full disk")


def _status(app: CrisisApp) -> str:
    return str(console(app).query_one("#status-clock", Static).content)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_full_disk_mid_session_is_told_keeps_the_draft_and_the_game_goes_on(
    tiny_disk: TinyDisk, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _app(language)
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _draft_a_reply(pilot, app)
        tiny_disk.fill()
        await _play_until_the_log_fails(pilot, app)
        assert shown.texts.count(FAILED[language]) == 1
        assert UNSAVED[language] in _status(app)
        # The draft is where it was, still being written.
        field = app.focused
        assert isinstance(field, ComposerInput) and field.value == DRAFT
        # The game goes on; the fault is told once, not at every step.
        app.advance_clock(3 * 60)
        await pilot.pause()
        assert shown.texts.count(FAILED[language]) == 1
        assert isinstance(app.screen, ConsoleScreen) and app.is_running
        # Quitting says how much of the session the log keeps.
        await pilot.press("escape", "q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        body = str(dialog.query_one(".dialog-body", Static).content)
        assert app.log_fault is not None
        assert body == QUIT[language].format(clock=clock_text(app.log_fault.since))
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0  # no traceback: the app ended as asked
    fault = app.log_fault
    assert fault is not None and fault.created
    log = fault.path
    capsys.readouterr()
    assert after_play(app) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"crisisdrill: {log}: the session log is incomplete (No space left on device): "
        f"{fault.pending} records from {clock_text(fault.since)} on were not written; "
        f"crisisdrill report {log} reads it up to there\n"
    )
    # The log on disk ends with whole lines: read and scored with no warning of a torn one.
    contents = read_log(log)
    assert contents.warnings == []
    assert not isinstance(contents.records[-1], SessionClosed)
    report = run_cli(capsys, "report", str(log), "--format", "json")
    assert report.code == 0, report.err
    assert "incomplete" not in report.err
    assert tiny_disk.leftovers() == []


async def test_a_reply_sent_on_a_full_disk_reaches_the_log_when_room_returns(
    tiny_disk: TinyDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _app("en")
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _draft_a_reply(pilot, app)
        tiny_disk.fill()
        await _play_until_the_log_fails(pilot, app)
        await pilot.press("enter")  # sent while nothing can be written
        await pilot.pause()
        assert app.game is not None and app.game.log_fault is not None
        thread = app.game.thread_posts(post_from(app, "inject:complaint_first"))
        assert [post.text for post in thread if post.from_brand] == [DRAFT]
        tiny_disk.release()
        app.advance_clock(60)
        await pilot.pause()
        assert app.game.log_fault is None
        assert shown.texts.count(RECOVERED["en"]) == 1
        assert UNSAVED["en"] not in _status(app)
        app.advance_clock(60 * 60)  # to the end: the debrief
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert not app.screen.query("#debrief-log-fault")
    capsys.readouterr()
    assert after_play(app) == 0
    assert app.log_path is not None
    contents = read_log(app.log_path)
    assert contents.warnings == []
    assert isinstance(contents.records[-1], SessionClosed)
    replies = [r.action for r in contents.records if isinstance(r, ActionTaken)]
    assert [getattr(action, "text", None) for action in replies] == [DRAFT]
    assert tiny_disk.leftovers() == []


async def test_a_session_that_ends_on_a_full_disk_debriefs_what_the_log_holds(
    tiny_disk: TinyDisk,
) -> None:
    app = _app("en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        tiny_disk.fill()
        await _play_until_the_log_fails(pilot, app)
        assert app.game is not None
        app.advance_clock(60 * 60)
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        fault = app.log_fault
        assert fault is not None
        line = debrief.query_one("#debrief-log-fault", Static)
        assert str(line.content) == (
            "The log on disk is incomplete (No space left on device): it stops at "
            f"{clock_text(fault.since)}; this debrief and its exports cover the session "
            "up to there."
        )
        assert debrief.card.duration <= fault.since + 60
    assert tiny_disk.leftovers() == []


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("en", "Could not save the report: No space left on device"),
        ("es", "No se pudo guardar el informe: No space left on device"),
    ],
)
async def test_exporting_a_report_on_a_full_disk_says_so_and_leaves_nothing(
    tiny_disk: TinyDisk, language: str, notice: str
) -> None:
    app = _app(language)
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(60 * 60)
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        tiny_disk.fill(leave=8192)  # a start of each report fits, not the whole
        for key in ("m", "t", "j"):
            await pilot.press(key)
            await pilot.pause()
        assert shown.texts.count(notice) == 3
        assert debrief.exported == []
        assert app.is_running
        assert tiny_disk.leftovers() == []
        assert list((tiny_disk.root / "reports").iterdir()) == []
        tiny_disk.release()
        await pilot.press("t")
        await pilot.pause()
        assert [path.suffix for path in debrief.exported] == [".html"]
    assert tiny_disk.leftovers() == []


async def test_a_session_started_on_a_full_disk_gets_its_log_once_there_is_room(
    tiny_disk: TinyDisk,
) -> None:
    app = _app("en")
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        tiny_disk.fill()  # filled after play's check, while the briefing was read
        await pilot.press("enter")
        await pilot.pause()
        fault = app.log_fault
        assert fault is not None and not fault.created
        assert shown.texts[0] == FAILED["en"]
        await pilot.press("q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert str(dialog.query_one(".dialog-body", Static).content) == (
            "The crisis is still running. The session log could not be written (No space "
            "left on device): if you quit now, nothing of this session is kept."
        )
        await pilot.press("n")
        tiny_disk.release()
        app.advance_clock(60)
        await pilot.pause()
        assert app.log_fault is None
        assert shown.texts[-1] == RECOVERED["en"]
    assert app.log_path is not None
    assert read_log(app.log_path).header.scenario == "rebajas"
    assert tiny_disk.leftovers() == []


def test_leaving_with_no_log_at_all_says_so_in_one_line(tmp_path: Path) -> None:
    fault = LogFault(
        path=tmp_path / "rebajas-seed7-001.jsonl",
        error=OSError(errno.EROFS, os.strerror(errno.EROFS)),
        pending=12,
        since=0,
        created=False,
    )
    assert fault_message(fault) == (
        f"{tmp_path}/rebajas-seed7-001.jsonl: the session log could not be written "
        "(Read-only file system); nothing of the session was kept"
    )
