"""The workshop's front door: trainees join a round from their browsers and play there.

A trainee opens the door's address, types the round's code and a name, and gets a seat
cookie (signed by the round, HttpOnly, SameSite=Strict); with it, ``/play`` loads
textual-serve's terminal, whose websocket starts the trainee's own game process
(``python -m game.workshop.seat``) and carries its screen and keys. Every page but the
join form, every static file and the websocket need a valid seat cookie.

The server runs inside the caller's event loop (the facilitator's console is a Textual
app): ``start()`` and ``stop()`` are coroutines; textual-serve's own ``serve()``, which
owns the loop, prints a logo and logs with rich, is never used.

Controls reach a game as textual-serve meta packets on its stdin; the game's status
comes back as meta packets on its stdout. A browser cannot write either: what it sends
reaches the game only as keystrokes and terminal sizes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import textual_serve
from aiohttp import WSMsgType, web

from game.seatlink import Control, ProtocolError, Status, decode_status
from game.workshop.address import door_url
from game.workshop.door_pages import join_page, notice_page, play_page
from game.workshop.names import MAX_TRAINEE_NAME, clean_name
from game.workshop.round import Round
from game.workshop.seat_service import STOP_GRACE, SeatService
from game.workshop.tries import CodeTries

log = logging.getLogger(__name__)
# Without a handler of its own, textual-serve's warnings would reach stderr through
# logging's last resort, i.e. the facilitator's screen; whoever configures logging
# still gets them by propagation.
logging.getLogger("textual-serve").addHandler(logging.NullHandler())

SEAT_COOKIE = "crisisdrill_seat"
MAX_MESSAGE = 64 * 1024
"""The largest websocket message a browser may send (bytes): keys, pastes, sizes."""
MAX_FORM = 8 * 1024
"""The largest request body (bytes): the join form is a code and a name."""
COLUMNS = (20, 400)
ROWS = (8, 200)
"""The terminal sizes a browser may ask for, so that no one asks a game for a huge screen."""

# textual.js injects its styles and xterm styles its cells inline ('unsafe-inline' for
# styles); scripts come only from the door itself. 'self' covers ws:// to the same host.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_PUBLIC_PATHS = frozenset({"/", "/join", "/favicon.ico"})
_STATIC = Path(textual_serve.__file__).parent / "static"


def _ignore_status(trainee: str, status: Status) -> None:
    """The default ``on_status``: nobody listens."""


def _ignore_seat(trainee: str, connected: bool) -> None:
    """The default ``on_seat``: nobody listens."""


def seat_command(folder: Path) -> str:
    """The shell command that starts one trainee's game for a round's folder.

    ``exec`` leaves no shell behind each game; the game's errors go to ``seats.err``
    in the round's folder, never onto the facilitator's screen. It names no trainee:
    each game reads its seat from its environment.
    """
    errors = shlex.quote(str(folder / "seats.err"))
    return f"exec {shlex.quote(sys.executable)} -m game.workshop.seat 2>>{errors}"


@dataclass
class _Seat:
    service: SeatService
    websocket: web.WebSocketResponse
    released: asyncio.Event = field(default_factory=asyncio.Event)
    announced: bool = False


class WorkshopServer:
    """The web front door of one workshop round.

    Args:
        round: the round: its code, its cookie secret, its language, its room size.
        folder: the round's folder (where ``round.json`` is); each game gets it.
        host: the interface to listen on (loopback unless the facilitator says).
        port: the port; 0 picks a free one (read ``port`` after ``start()``).
        on_status: called with the seat's name and each status its game sends.
        on_seat: called with a name and True when a seat's game starts, False when it
            has gone.
        command: the shell command that starts a game; ``seat_command(folder)`` when
            None. It must not contain anything a trainee typed.
    """

    def __init__(
        self,
        round: Round,
        folder: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        on_status: Callable[[str, Status], None] = _ignore_status,
        on_seat: Callable[[str, bool], None] = _ignore_seat,
        command: str | None = None,
    ) -> None:
        self._round = round
        self._folder = folder
        self._host = host
        self._port = port
        self._on_status = on_status
        self._on_seat = on_seat
        self._command = command if command is not None else seat_command(folder)
        self._seats: dict[str, _Seat] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._runner: web.AppRunner | None = None
        self._over = False
        self._stopping = False
        self._malformed = 0
        self._tries = CodeTries()

    @property
    def port(self) -> int:
        """The port the door listens on (the one picked, after ``start()``)."""
        return self._port

    @property
    def url(self) -> str:
        """The address trainees type (for every interface: the machine's main address)."""
        return door_url(self._host, self._port)

    @property
    def over(self) -> bool:
        """Whether ``end_round()`` has been called."""
        return self._over

    @property
    def malformed(self) -> int:
        """Meta packets from games that were not well-formed statuses (dropped)."""
        return self._malformed

    def seated(self) -> list[str]:
        """The names whose games are running, in the order they connected."""
        return list(self._seats)

    def end_round(self) -> None:
        """Close the door: no one joins any more and ``/play`` says the round is over.

        The games already running go on (the facilitator's ``end`` control tells them
        the round is over); a trainee who leaves cannot come back.
        """
        self._over = True

    async def start(self) -> None:
        """Listen on the host and port; with port 0, ``port`` then says which one."""
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_FORM)
        app.on_response_prepare.append(self._headers)
        app.add_routes(
            [
                web.get("/", self._index),
                web.get("/join", self._index),
                web.post("/join", self._join),
                web.get("/play", self._play),
                web.get("/favicon.ico", _no_icon),
                web.get("/ws", self._websocket),
                web.static("/static", _STATIC),
            ]
        )
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=STOP_GRACE
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Close every seat (their games are stopped) and stop listening."""
        self._stopping = True
        await asyncio.gather(*(self._unseat(name) for name in list(self._seats)))
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def send(self, trainee: str, control: Control) -> bool:
        """Send a control to one trainee's game.

        Returns:
            Whether it was written (False when that trainee has no running game).
        """
        seat = self._seats.get(trainee)
        if seat is None:
            return False
        return await seat.service.send_control(control.to_json())

    async def broadcast(self, control: Control) -> list[str]:
        """Send a control to every running game.

        Returns:
            The names it was written to.
        """
        names = list(self._seats)
        sent = await asyncio.gather(*(self.send(name, control) for name in names))
        return [name for name, done in zip(names, sent, strict=True) if done]

    # The web side.

    def _trainee(self, request: web.Request) -> str | None:
        token = request.cookies.get(SEAT_COOKIE)
        return None if token is None else self._round.trainee_of(token)

    def _full_for(self, name: str) -> bool:
        return name not in self._seats and len(self._seats) >= self._round.max_trainees

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Let through the join form; everything else needs a valid seat cookie."""
        if request.path not in _PUBLIC_PATHS and self._trainee(request) is None:
            if request.path == "/ws":
                raise web.HTTPForbidden()
            raise web.HTTPSeeOther("/")
        return await handler(request)

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"

    async def _index(self, request: web.Request) -> web.Response:
        if self._over:
            return notice_page(self._round.language, "over")
        return join_page(self._round.language)

    async def _join(self, request: web.Request) -> web.Response:
        language = self._round.language
        if self._over:
            return notice_page(language, "over")
        form = await request.post()
        code, typed = form.get("code"), form.get("name")
        client = request.remote or ""
        if not self._tries.may_try(client, time.monotonic()):
            return notice_page(language, "too_many")
        if not isinstance(code, str) or not self._round.accepts(code):
            self._tries.wrong(client, time.monotonic())
            return notice_page(language, "wrong_code")
        self._tries.right(client)
        name = clean_name(typed) if isinstance(typed, str) else None
        if name is None:
            return notice_page(language, "bad_name", limit=MAX_TRAINEE_NAME)
        # A seated name is someone's, unless this browser holds its cookie (a reload).
        if name in self._seats and self._trainee(request) != name:
            return notice_page(language, "taken", name=name)
        if self._full_for(name):
            return notice_page(language, "full", limit=self._round.max_trainees)
        response = web.HTTPSeeOther("/play")
        response.set_cookie(
            SEAT_COOKIE,
            self._round.seat_token(name),
            httponly=True,
            samesite="Strict",
            path="/",
        )
        raise response

    async def _play(self, request: web.Request) -> web.Response:
        language = self._round.language
        name = self._trainee(request)
        if self._over or name is None:
            return notice_page(language, "over")
        if self._full_for(name):
            return notice_page(language, "full", limit=self._round.max_trainees)
        # Built from the Host the browser used: the listening address may be 0.0.0.0.
        scheme = "wss" if request.secure else "ws"
        return play_page(language, f"{scheme}://{request.host}/ws")

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        name = self._trainee(request)
        origin = urlsplit(request.headers.get("Origin", "")).netloc.lower()
        # A page from elsewhere must not drive a seat with this browser's cookie.
        if name is None or self._over or origin != request.host.lower():
            raise web.HTTPForbidden()
        async with self._locks.setdefault(name, asyncio.Lock()):
            if name in self._seats:  # the same trainee again: the new page takes over
                await self._unseat(name)
            # From the room's count to holding a place in it, nothing awaits: two
            # trainees connecting at once cannot both take the last place.
            if self._full_for(name) or self._stopping:
                raise web.HTTPForbidden()
            websocket = web.WebSocketResponse(
                heartbeat=15, max_msg_size=MAX_MESSAGE, timeout=STOP_GRACE
            )
            service = SeatService(
                self._command,
                extra_env={
                    "CRISISDRILL_TRAINEE": name,
                    "CRISISDRILL_WORKSHOP": str(self._folder),
                },
                on_status=lambda packet: self._status(name, packet),
                on_malformed=self._count_malformed,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
            )
            seat = _Seat(service, websocket)
            self._seats[name] = seat
            try:
                await websocket.prepare(request)
                await service.start(*_size(request.query.get("width"), request.query.get("height")))
            except BaseException:
                await service.stop()
                self._release(name, seat)
                raise
        try:
            seat.announced = True
            self._tell_seat(name, True)
            if not self._stopping:
                await _pump(websocket, service)
        finally:
            await service.stop()
            await websocket.close()
            self._release(name, seat)
        return websocket

    async def _unseat(self, name: str) -> None:
        """Close a seat's websocket and wait until its handler has stopped its game."""
        seat = self._seats.get(name)
        if seat is None:
            return
        if seat.websocket.prepared:
            await seat.websocket.close()
        try:
            async with asyncio.timeout(STOP_GRACE * 2):
                await seat.released.wait()
        except TimeoutError:  # its handler is stuck: stop the game from here
            await seat.service.stop()
            self._release(name, seat)

    def _release(self, name: str, seat: _Seat) -> None:
        if seat.released.is_set():
            return
        seat.released.set()
        if self._seats.get(name) is seat:
            del self._seats[name]
        if seat.announced:
            self._tell_seat(name, False)

    def _tell_seat(self, name: str, connected: bool) -> None:
        try:
            self._on_seat(name, connected)
        except Exception:  # the console's trouble must not take a seat down
            log.exception("on_seat failed")

    def _count_malformed(self) -> None:
        self._malformed += 1

    def _status(self, name: str, packet: object) -> None:
        try:
            status = decode_status(packet)
        except ProtocolError:
            self._malformed += 1
            return
        if status.trainee != name:  # a game speaks only for its own seat
            self._malformed += 1
            return
        try:
            self._on_status(name, status)
        except Exception:
            log.exception("on_status failed")


async def _no_icon(request: web.Request) -> web.Response:
    """No icon, said without an error (browsers ask for one on every page)."""
    return web.Response(status=204)


def _size(width: object, height: object) -> tuple[int, int]:
    """A terminal size a browser asked for, within ``COLUMNS`` and ``ROWS``."""

    def bounded(value: object, limits: tuple[int, int], default: int) -> int:
        try:
            number = int(str(value))
        except ValueError:
            return default
        return max(limits[0], min(limits[1], number))

    return bounded(width, COLUMNS, 80), bounded(height, ROWS, 24)


async def _pump(websocket: web.WebSocketResponse, service: SeatService) -> None:
    """Carry a browser's messages to its game until either side closes.

    textual.js sends JSON arrays: ``["stdin", text]``, ``["resize", {width, height}]``,
    ``["ping", data]``, ``["focus"]``, ``["blur"]``. Anything else is ignored.
    """
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope: Any = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            if not await service.send_bytes(data.encode("utf-8", "replace")):
                break
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(*_size(data.get("width"), data.get("height")))
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "focus":
            await service.focus()
        elif kind == "blur":
            await service.blur()
