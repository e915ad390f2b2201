"""A whole workshop round end to end: real games, real console, real Chromium.

Three trainees join the round's front door from three browsers (headless Chromium,
driven by Playwright), one of them after a wrong code is refused; the facilitator's
console (the real one, run by Textual's Pilot in this same event loop) starts
everyone; each trainee answers the same first post (same seed: same posts), and the
console's roster counts the reply; the facilitator pauses and every browser shows the
pause; the round ends, and the class debrief made from the round's logs lists the three
trainees and the same post's three answers. The games behind the door are the real
seats (``python -m game.workshop.seat``), one process per trainee.

To read a browser's terminal, an init script catches textual.js's xterm ``Terminal``
when the page stores it, and ``window.__screen()`` returns its visible lines.

With ``CRISISDRILL_DOCS_SCREENSHOTS=1`` the run also writes the README's pictures:
docs/workshop-browser.png (a trainee's browser mid-round) and
docs/workshop-class-report.png (the class report's HTML page). A normal run writes
nothing there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from game.cli import main
from game.journal.codec import LogError
from game.journal.events import SessionEnded
from game.journal.logfile import read_log
from game.results.classreport import render_class_report
from game.scenario.catalog import resolve_scenario
from game.seatlink import Status
from game.services.class_report import class_report
from game.workshop.console import make_facilitator
from game.workshop.door import WorkshopServer
from game.workshop.round import Round, sessions_folder

playwright = pytest.importorskip(
    "playwright.async_api", reason="Playwright for Python is not installed"
)

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENSHOTS = os.environ.get("CRISISDRILL_DOCS_SCREENSHOTS") == "1"
WAIT = 30.0  # seconds to wait for a game at most (three games start on a loaded machine)
TRAINEES = ("Ana", "Bruno", "Carla")
REPLIES = {
    "Ana": "Hola, lo sentimos mucho. Lo revisamos ahora mismo y te escribimos por privado.",
    "Bruno": "Gracias por avisar. Estamos mirando qué ha pasado con la web.",
    "Carla": "Perdona las molestias, ya lo estamos arreglando.",
}

# textual.js keeps its xterm Terminal as ``this.terminal``: catch it as it is set.
HOOK = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    (window.__terms ||= []).push(value);
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true});
  },
});
window.__screen = () => {
  const terminal = window.__terms && window.__terms[0];
  if (!terminal) return '';
  const buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : '');
  }
  return lines.join('\\n');
};
"""


def _round() -> Round:
    return Round.create(
        "rebajas",
        "rebajas",
        language="es",
        seed=7,
        mode="practice",
        speed=4.0,
        max_trainees=5,
    )


async def _until(
    check: Callable[[], bool | Awaitable[bool]], what: str, pilot: Pilot[None] | None = None
) -> None:
    """Wait until ``check`` holds (letting the console run), or fail naming ``what``."""
    try:
        async with asyncio.timeout(WAIT):
            while True:
                result = check()
                if not isinstance(result, bool):
                    result = await result
                if result:
                    return
                if pilot is not None:
                    await pilot.pause(0.1)
                else:
                    await asyncio.sleep(0.1)
    except TimeoutError:
        pytest.fail(f"waited {WAIT:g} s for {what}")


async def _screen(page: Any) -> str:
    text: str = await page.evaluate("window.__screen()")
    return text


async def _screen_has(page: Any, words: str) -> bool:
    return words in await _screen(page)


def _shows(page: Any, words: str) -> Callable[[], Awaitable[bool]]:
    """Whether a page's terminal shows ``words`` now (for ``_until``)."""
    return lambda: _screen_has(page, words)


def _ended_logs(sessions: Path) -> int:
    """How many session logs in the folder run to their end (a ``SessionEnded`` record)."""
    ended = 0
    for path in sessions.glob("*.jsonl"):
        try:
            records = read_log(path).records
        except LogError:  # being written
            continue
        ended += any(isinstance(record, SessionEnded) for record in records)
    return ended


def _replies(table: DataTable[Any], trainee: str) -> str:
    return str(table.get_cell(trainee, "replies"))


async def test_a_round_in_three_browsers(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    the_round = _round()
    folder = tmp_path / the_round.round_id
    the_round.save(folder)
    sessions = sessions_folder(folder)
    sessions.mkdir()
    doors: list[WorkshopServer] = []

    def door(
        on_status: Callable[[str, Status], None], on_seat: Callable[[str, bool], None]
    ) -> WorkshopServer:
        doors.append(
            WorkshopServer(the_round, folder, port=0, on_status=on_status, on_seat=on_seat)
        )
        return doors[-1]

    scenario = resolve_scenario("rebajas").scenario
    app = make_facilitator(the_round, folder, scenario, door)
    async with app.run_test(size=(120, 36)) as pilot, playwright.async_playwright() as driver:
        server = doors[0]
        base = server.url
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            pages: dict[str, Any] = {}
            problems: list[str] = []
            for number, name in enumerate(TRAINEES):
                context = await browser.new_context(
                    bypass_csp=True, viewport={"width": 1100, "height": 720}
                )
                await context.add_init_script(HOOK)
                page = await context.new_page()
                page.on("pageerror", lambda error: problems.append(str(error)))
                await page.goto(f"{base}/")
                if number == 0:  # a wrong code is refused: no cookie, no seat
                    await page.fill("input[name=code]", "000000")
                    await page.fill("input[name=name]", name)
                    await page.click("button[type=submit]")
                    await page.wait_for_selector("text=Código incorrecto")
                    assert await context.cookies() == []
                    assert server.seated() == []
                    await page.goto(f"{base}/")
                code = the_round.code
                await page.fill("input[name=code]", f"{code[:3].lower()} {code[3:]}")
                await page.fill("input[name=name]", name)
                await page.click("button[type=submit]")
                await page.wait_for_url("**/play")
                pages[name] = page
            for name, page in pages.items():
                await _until(_shows(page, "Informe previo"), f"{name}'s lobby")
            await _until(lambda: app.roster.connected == 3, "three trainees", pilot)
            assert sorted(server.seated()) == sorted(TRAINEES)

            await pilot.press("s")
            # Everyone gets the same first post (same seed); each answers it.
            for name, page in pages.items():
                await _until(_shows(page, "● NUEVO"), f"{name}'s first post")
            for name, page in pages.items():
                await page.mouse.click(500, 300)
                await page.keyboard.press("r")
                await _until(_shows(page, "Respuesta pública a"), f"{name}'s composer")
                await page.keyboard.type(REPLIES[name])
                await page.keyboard.press("Enter")
            # The facilitator's roster counts each reply.
            table: DataTable[Any] = app.query_one(DataTable)
            await _until(
                lambda: all(_replies(table, name) == "1" for name in TRAINEES),
                "the replies in the roster",
                pilot,
            )
            await _until(_shows(pages["Ana"], "Tu respuesta"), "Ana's coach")
            if SCREENSHOTS:
                await pages["Ana"].screenshot(path=str(DOCS / "workshop-browser.png"))

            # The facilitator pauses: every browser shows it.
            await pilot.press("space")
            for name, page in pages.items():
                await _until(_shows(page, "EN PAUSA"), f"{name}'s pause")
            await _until(lambda: app.roster.count("paused") == 3, "three paused games", pilot)

            # The round ends: every game goes to its debrief and closes its log.
            await pilot.press("e")
            await pilot.press("y")
            await _until(lambda: app.roster.count("debrief") == 3, "three debriefs", pilot)
            await _until(lambda: _ended_logs(sessions) == 3, "three closed logs", pilot)
            # The class debrief of the round: three trainees, the same post's three answers.
            debrief = class_report(
                sessions, anonymous=False, language="es", round_id=the_round.round_id
            )
            assert debrief.warnings == ()
            report = debrief.report
            assert sorted(row.name for row in report.leaderboard) == sorted(TRAINEES)
            first = report.posts[0]
            assert first.answered == 3
            assert {answer.name: answer.texts for answer in first.answers} == {
                name: (REPLIES[name],) for name in TRAINEES
            }
            # The facilitator's command says the same.
            written = tmp_path / "class-report.md"
            assert (
                main(["workshop", "report", str(folder), "--format", "md", "-o", str(written)]) == 0
            )
            markdown = written.read_text(encoding="utf-8")
            assert "- **Participantes:** 3" in markdown
            for name in TRAINEES:
                assert name in markdown
                assert REPLIES[name] in markdown
            if SCREENSHOTS:
                page = await browser.new_page()
                html = tmp_path / "class-report.html"
                html.write_text(render_class_report(report, "html"), encoding="utf-8")
                await page.goto(html.as_uri())
                await page.screenshot(path=str(DOCS / "workshop-class-report.png"), full_page=True)
        finally:
            await browser.close()
    assert problems == []
    errors = folder / "seats.err"  # the games' standard error
    assert not errors.exists() or errors.read_text(encoding="utf-8") == ""
    # The door's last reports, while the console closes, trouble nobody.
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR
    ] == []
