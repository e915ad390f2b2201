"""The front door, served for real on 127.0.0.1 and visited with an HTTP client."""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from game.seatlink import Control, Status
from game.workshop.address import door_url
from game.workshop.door import SEAT_COOKIE, seat_command
from game.workshop.tries import FREE_TRIES, PAUSE, CodeTries
from tests.workshop.doors import WAIT, Door, make_round, open_door


@pytest.fixture
async def door(tmp_path: Path) -> AsyncIterator[Door]:
    async for opened in open_door(tmp_path, make_round()):
        yield opened


@pytest.fixture
async def small_door(tmp_path: Path) -> AsyncIterator[Door]:
    async for opened in open_door(tmp_path, make_round(max_trainees=1)):
        yield opened


async def _seat(door: Door, name: str) -> str:
    response = await door.join(door.round.code, name)
    assert response.status == 303
    return response.cookies[SEAT_COOKIE].value


async def _screen_until(ws: aiohttp.ClientWebSocketResponse[bool], needle: str) -> str:
    """What the game drew, read until ``needle`` shows up."""
    screen = ""
    async with asyncio.timeout(WAIT):
        while needle not in screen:
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                screen += message.data.decode("utf-8", "replace")
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"the socket ended ({message.type}) before {needle!r}")
    return screen


async def _closed(ws: aiohttp.ClientWebSocketResponse[bool]) -> None:
    """Wait for the door to close a socket (what the game still drew is skipped)."""
    async with asyncio.timeout(WAIT):
        while (await ws.receive()).type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
            pass


# The pages.


async def test_the_join_page_asks_for_the_code_and_a_name_and_loads_nothing_from_outside(
    door: Door,
) -> None:
    response, page = await door.get("/")
    assert response.status == 200
    assert 'name="code"' in page and 'name="name"' in page
    assert "http" not in page.replace('"http-equiv"', "")
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    icon, _ = await door.get("/favicon.ico")
    assert icon.status == 204


async def test_the_pages_speak_the_rounds_language(tmp_path: Path) -> None:
    async for spanish in open_door(tmp_path, make_round(language="es")):
        _, page = await spanish.get("/")
        assert "Tu nombre" in page
        response = await spanish.join("WRONG1", "Ana")
        assert response.status == 403


async def test_a_wrong_code_gets_a_page_that_says_so_and_no_cookie(door: Door) -> None:
    async with door.http.post(
        f"{door.base}/join", data={"code": "ZZZZZZ", "name": "Ana"}, allow_redirects=False
    ) as response:
        page = await response.text()
    assert response.status == 403
    assert "Wrong code" in page
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("name", ["", "   ", "bell\x07", "two\nlines", "tab\there", "x" * 41])
async def test_a_name_that_cannot_be_one_is_refused(door: Door, name: str) -> None:
    response = await door.join(door.round.code, name)
    assert response.status == 400
    assert "Set-Cookie" not in response.headers


async def test_the_right_code_and_a_name_give_a_seat_cookie_and_the_game_page(door: Door) -> None:
    code = door.round.code
    response = await door.join(f"{code[:3].lower()}-{code[3:]}", "  Ana   María ")
    assert response.status == 303
    assert response.headers["Location"] == "/play"
    cookie = response.cookies[SEAT_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert door.round.trainee_of(cookie.value) == "Ana María"

    response, page = await door.get("/play", cookie.value)
    assert response.status == 200
    assert f'data-session-websocket-url="ws://127.0.0.1:{door.server.port}/ws"' in page
    static, _ = await door.get("/static/js/textual.js", cookie.value)
    assert static.status == 200


@pytest.mark.parametrize("path", ["/play", "/static/js/textual.js", "/static/css/xterm.css"])
async def test_without_a_seat_cookie_every_other_page_sends_back_to_the_join_form(
    door: Door, path: str
) -> None:
    forged = make_round().seat_token("Ana")  # another round's secret
    for token in (None, forged, "not-a-cookie"):
        response, _ = await door.get(path, token)
        assert response.status == 303
        assert response.headers["Location"] == "/"


async def test_the_websocket_needs_a_valid_cookie_and_the_doors_own_origin(door: Door) -> None:
    token = door.round.seat_token("Ana")
    for cookie, origin in (
        (None, None),
        (make_round().seat_token("Ana"), None),
        (token, "http://evil.example"),
        (token, ""),
    ):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            async with door.connect(cookie, origin):
                pass
        assert refused.value.status == 403
    assert door.server.seated() == []


# The games behind the door.


async def test_a_seat_runs_its_own_game_which_reports_and_obeys(door: Door) -> None:
    token = await _seat(door, "Ana")
    async with door.connect(token) as ws:
        await _screen_until(ws, "HELLO Ana")
        await door.until(lambda: ("Ana", True) in door.seats)
        await door.until(lambda: len(door.statuses) == 1)
        assert door.statuses[0] == ("Ana", Status(trainee="Ana", state="lobby"))
        assert door.server.malformed == 2  # a bad state, another trainee's name
        assert door.server.seated() == ["Ana"]

        assert await door.server.broadcast(Control("pause")) == ["Ana"]
        await _screen_until(ws, "CONTROL pause")
        await door.until(lambda: len(door.statuses) == 2)
        assert door.statuses[1][1].state == "paused"

        assert await door.server.send("Ana", Control("speed", speed=4.0))
        await door.until(lambda: len(door.statuses) == 3)
        assert door.statuses[2][1].phase == "speed"
        assert not await door.server.send("Nobody", Control("start"))

        # A game that ends closes its page's socket and frees its seat.
        assert await door.server.send("Ana", Control("end"))
        await _closed(ws)
        await door.until(lambda: door.seats[-1] == ("Ana", False))
        assert door.server.seated() == []


async def test_a_full_room_and_a_taken_name_are_refused_but_the_same_browser_takes_over(
    small_door: Door,
) -> None:
    door = small_door
    name = "<b>Ana</b>"
    token = await _seat(door, name)
    async with door.connect(token) as first:
        await _screen_until(first, f"HELLO {name}")  # drawn as typed, not as markup

        full = await door.join(door.round.code, "Bea")
        assert full.status == 403 and "Set-Cookie" not in full.headers

        async with door.http.post(
            f"{door.base}/join", data={"code": door.round.code, "name": name}
        ) as taken:
            page = await taken.text()
        assert taken.status == 409
        assert "&lt;b&gt;Ana&lt;/b&gt;" in page and "<b>" not in page

        again = await door.join(door.round.code, name, token)  # a reload
        assert again.status == 303
        async with door.connect(token) as second:
            await _screen_until(second, f"HELLO {name}")
            await _closed(first)
            assert door.seats == [(name, True), (name, False), (name, True)]
            assert door.server.seated() == [name]
    await door.until(lambda: door.server.seated() == [])


async def test_two_trainees_connecting_at_once_cannot_both_take_the_last_place(
    small_door: Door,
) -> None:
    door = small_door
    tokens = [door.round.seat_token(name) for name in ("Ana", "Bea")]
    results = await asyncio.gather(
        *(_connect_and_hold(door, token) for token in tokens), return_exceptions=True
    )
    refused = [r for r in results if isinstance(r, aiohttp.WSServerHandshakeError)]
    assert len(refused) == 1 and refused[0].status == 403
    assert len([name for name, connected in door.seats if connected]) == 1


async def _connect_and_hold(door: Door, token: str) -> None:
    async with door.connect(token) as ws:
        await _screen_until(ws, "HELLO")


async def test_stopping_the_door_stops_every_game(door: Door) -> None:
    token = await _seat(door, "Ana")
    async with door.connect(token) as ws:
        await _screen_until(ws, "HELLO Ana")
        await door.server.stop()
        assert door.seats[-1] == ("Ana", False)
        assert door.server.seated() == []
        await _closed(ws)


async def test_after_the_round_ends_the_door_says_so_and_seats_no_one(door: Door) -> None:
    token = await _seat(door, "Ana")
    door.server.end_round()
    for path in ("/", "/play"):
        response, page = await door.get(path, token)
        assert response.status == 410
        assert "This round is over" in page
        assert "textual.js" not in page
    response = await door.join(door.round.code, "Bea")
    assert response.status == 410 and "Set-Cookie" not in response.headers
    with pytest.raises(aiohttp.WSServerHandshakeError):
        async with door.connect(token):
            pass


def test_the_seat_command_names_no_trainee_and_quotes_the_folder() -> None:
    folder = Path("/tmp/a round's folder")
    words = shlex.split(seat_command(folder))
    assert words[:4] == ["exec", sys.executable, "-m", "game.workshop.seat"]
    assert words[4] == f"2>>{folder / 'seats.err'}"


def test_the_doors_address_names_a_real_interface_when_it_listens_on_all() -> None:
    assert door_url("127.0.0.1", 8080) == "http://127.0.0.1:8080"
    assert door_url("::1", 8080) == "http://[::1]:8080"
    everywhere = door_url("0.0.0.0", 8080)
    assert everywhere.startswith("http://") and everywhere.endswith(":8080")
    assert "0.0.0.0" not in everywhere


async def test_a_browser_that_keeps_guessing_the_code_is_slowed_down(door: Door) -> None:
    for _ in range(FREE_TRIES):
        assert (await door.join("ZZZZZZ", "Ana")).status == 403
    slowed = await door.join(door.round.code, "Ana")  # even the right code must wait
    assert slowed.status == 429 and "Set-Cookie" not in slowed.headers


def test_wrong_codes_are_counted_per_address_and_a_right_one_clears_them() -> None:
    tries = CodeTries()
    for second in range(FREE_TRIES):
        assert tries.may_try("10.0.0.9", float(second))
        tries.wrong("10.0.0.9", float(second))
    assert not tries.may_try("10.0.0.9", FREE_TRIES - 1 + PAUSE / 2)
    assert tries.may_try("10.0.0.9", FREE_TRIES - 1 + PAUSE)
    assert tries.may_try("10.0.0.7", 0.0)
    tries.right("10.0.0.9")
    assert tries.may_try("10.0.0.9", FREE_TRIES - 1 + PAUSE / 2)
