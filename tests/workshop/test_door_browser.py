"""The front door in a real headless Chromium, driven by Playwright.

What an HTTP client cannot tell: that the pages work under their Content-Security-
Policy (textual.js loads, its terminal draws, nothing is blocked), that the browser
keeps and sends the seat cookie, that keys reach the game, and that a dropped game
offers to reconnect. The games are tests/workshop/tiny_seat.py.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.workshop.doors import Door, make_round, open_door

playwright = pytest.importorskip("playwright.async_api")

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")


@pytest.fixture
async def door(tmp_path: Path) -> AsyncIterator[Door]:
    async for opened in open_door(tmp_path, make_round(language="es")):
        yield opened


def _note(problems: list[str], kind: str, text: str) -> None:
    # textual.js still sends the key-up of Ctrl+Q after its game has quit; Chromium
    # reports that send as an error. Anything else (a CSP refusal, a 404) is a problem.
    if kind == "error" and not text.startswith("WebSocket is already in CLOSING"):
        problems.append(text)


async def test_a_trainee_joins_plays_drops_and_reconnects_in_a_real_browser(door: Door) -> None:
    problems: list[str] = []
    async with playwright.async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = await browser.new_page()
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", lambda message: _note(problems, message.type, message.text))
            await page.goto(f"{door.base}/")
            code = door.round.code
            await page.fill("input[name=code]", f"{code[:3].lower()}-{code[3:]}")
            await page.fill("input[name=name]", "<b>Ana</b>")
            await page.click("button[type=submit]")
            await page.wait_for_url("**/play")
            await page.wait_for_selector("body.-first-byte", timeout=15_000)
            await door.until(lambda: bool(door.statuses))
            assert door.statuses[0][0] == "<b>Ana</b>"

            # Keys reach the game: Ctrl+Q quits it, and the page offers to reconnect.
            await page.mouse.click(200, 200)
            await page.keyboard.press("Control+q")
            await page.wait_for_selector("body.-closed", timeout=15_000)
            await page.click("text=Volver a conectar")
            await page.wait_for_selector("body.-first-byte", timeout=15_000)
            await door.until(lambda: len(door.seats) == 3)
            assert door.seats == [("<b>Ana</b>", True), ("<b>Ana</b>", False), ("<b>Ana</b>", True)]
        finally:
            await browser.close()
    assert problems == []
