"""A workshop door served for real on 127.0.0.1, with tiny stand-in games behind it.

The games are tests/workshop/tiny_seat.py, a small Textual app run the way the real one
is (by textual-serve, with its seat in the environment), so that the door's tests do
not depend on the real game.
"""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from game.seatlink import Status
from game.workshop.door import SEAT_COOKIE, WorkshopServer
from game.workshop.round import Round

TINY_SEAT = Path(__file__).with_name("tiny_seat.py")
WAIT = 15.0  # seconds a test waits for a game at most (a loaded machine is slow)


def make_round(max_trainees: int = 40, language: str = "en") -> Round:
    return Round.create(
        "rebajas",
        "rebajas",
        language=language,
        seed=7,
        mode="practice",
        speed=2.0,
        max_trainees=max_trainees,
    )


@dataclass
class Door:
    server: WorkshopServer
    round: Round
    http: aiohttp.ClientSession
    statuses: list[tuple[str, Status]] = field(default_factory=list)
    seats: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.server.url

    async def join(self, code: str, name: str, token: str | None = None) -> aiohttp.ClientResponse:
        async with self.http.post(
            f"{self.base}/join",
            data={"code": code, "name": name},
            headers=_cookie(token),
            allow_redirects=False,
        ) as response:
            await response.read()
            return response

    async def get(self, path: str, token: str | None = None) -> tuple[aiohttp.ClientResponse, str]:
        async with self.http.get(
            f"{self.base}{path}", headers=_cookie(token), allow_redirects=False
        ) as response:
            return response, await response.text(errors="replace")

    def connect(self, token: str | None, origin: str | None = None):
        headers = _cookie(token)
        headers["Origin"] = self.base if origin is None else origin
        return self.http.ws_connect(f"{self.base}/ws?width=100&height=30", headers=headers)

    async def until(self, check: Callable[[], bool]) -> None:
        async with asyncio.timeout(WAIT):
            while not check():
                await asyncio.sleep(0.02)


def _cookie(token: str | None) -> dict[str, str]:
    return {} if token is None else {"Cookie": f"{SEAT_COOKIE}={token}"}


async def open_door(tmp_path: Path, round: Round) -> AsyncIterator[Door]:
    round.save(tmp_path)
    statuses: list[tuple[str, Status]] = []
    seats: list[tuple[str, bool]] = []
    command = f"exec {shlex.quote(sys.executable)} {shlex.quote(str(TINY_SEAT))}"
    server = WorkshopServer(
        round,
        tmp_path,
        on_status=lambda name, status: statuses.append((name, status)),
        on_seat=lambda name, connected: seats.append((name, connected)),
        command=f"{command} 2>>{shlex.quote(str(tmp_path / 'seats.err'))}",
    )
    await server.start()
    # No cookie jar: each request carries the cookie the test means it to.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        try:
            yield Door(server, round, http, statuses, seats)
        finally:
            await server.stop()
