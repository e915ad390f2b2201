"""One trainee's game process behind the door: textual-serve's AppService, narrowed.

textual-serve starts the game with a shell command and talks to it over its stdin and
stdout. This subclass gives each process its seat (the trainee's name and the round's
folder) through the environment, never through the command line, so that no name a
trainee typed ever reaches a shell; it hands the game's status packets to the door and
drops what a trainee's browser has no use for (downloads, opening other addresses).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from game.seatlink import CONTROL_TYPE, STATUS_TYPE

STOP_GRACE = 3.0
"""Seconds a game has to quit when asked before it is killed."""


class SeatService(AppService):
    """The game process of one seat.

    Args:
        command: the shell command that starts a game (the same for every seat).
        extra_env: the seat's own environment variables.
        on_status: called with each status packet the game sends (its JSON object).
        on_malformed: called for each meta packet that is not a JSON object.
        write_bytes: sends the game's screen data to the browser.
        write_str: sends a JSON packet to the browser.
        close: closes the browser's websocket.
    """

    def __init__(
        self,
        command: str,
        *,
        extra_env: dict[str, str],
        on_status: Callable[[object], None],
        on_malformed: Callable[[], None],
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[object]],
    ) -> None:
        async def close_browser() -> None:
            await close()

        super().__init__(
            command,
            write_bytes=write_bytes,
            write_str=write_str,
            close=close_browser,
            # Required by AppService; the door offers no downloads (see on_meta).
            download_manager=DownloadManager(),
        )
        self._extra_env = dict(extra_env)
        self._on_status = on_status
        self._on_malformed = on_malformed

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment.update(self._extra_env)
        return environment

    async def on_meta(self, data: bytes) -> None:
        """Route a meta packet from the game: statuses to the door, ``exit`` to the browser.

        Everything else is dropped: ``open_url`` would send the trainee's browser
        elsewhere, and ``deliver_file_start`` offers a download, which the door does
        not serve. A packet that is not JSON is counted, never raised.
        """
        try:
            meta: Any = json.loads(data)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
            meta = None
        if not isinstance(meta, dict):
            self._on_malformed()
            return
        kind = meta.get("type")
        if kind == STATUS_TYPE:
            self._on_status(meta)
        elif kind == "exit":
            await super().on_meta(data)

    async def run(self) -> None:
        """Relay the game until it ends, then close the browser's websocket.

        A game that crashes sends no ``exit``: without this its page would stay open
        on a dead screen.
        """
        try:
            await super().run()
        finally:
            with contextlib.suppress(Exception):
                await self.remote_close()

    async def send_control(self, packet: dict[str, Any]) -> bool:
        """Send a control packet to the game as a meta packet.

        Returns:
            Whether it was written (False once the game has gone).
        """
        if packet.get("type") != CONTROL_TYPE:
            raise ValueError("only control packets go to a seat")
        if self._process is None or self._process.returncode is not None:
            return False
        payload = json.dumps(packet).encode("utf-8")
        try:
            self.stdin.write(self.encode_packet(b"M", payload))
            await self.stdin.drain()
        except (RuntimeError, OSError):
            return False
        return True

    async def stop(self) -> None:
        """Ask the game to quit; kill it if it has not within ``STOP_GRACE`` seconds."""
        process = self._process
        with contextlib.suppress(TimeoutError, OSError, RuntimeError):
            async with asyncio.timeout(STOP_GRACE):
                await super().stop()
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        await process.wait()
