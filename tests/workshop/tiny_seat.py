"""A stand-in for a trainee's game behind the door, for the door's tests.

It shows ``HELLO <name>`` (the name from ``CRISISDRILL_TRAINEE``, as plain text); on
mount it sends two bad status packets (counted and dropped by the door) and then a
good one, ``lobby``; each control it receives it answers with a status whose phase is
the control's command (``pause`` also sets the state to ``paused``); ``end`` quits.

Run as a script by textual-serve: ``python tests/workshop/tiny_seat.py``.
"""

from __future__ import annotations

import os
from typing import Any

from textual.app import App, ComposeResult
from textual.drivers.web_driver import WebDriver
from textual.message import Message
from textual.widgets import Static

NAME = os.environ.get("CRISISDRILL_TRAINEE", "?")


class ControlArrived(Message):
    def __init__(self, packet: dict[str, object]) -> None:
        super().__init__()
        self.packet = packet


class TinyDriver(WebDriver):
    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "crisisdrill.control":
            self._app.post_message(ControlArrived(payload))
        else:
            super().on_meta(packet_type, payload)


class TinySeat(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(f"HELLO {NAME}", markup=False, id="hello")
        yield Static("", markup=False, id="control")

    def on_mount(self) -> None:
        self._meta({"type": "crisisdrill.status", "trainee": NAME, "state": "dancing"})
        self._meta({"type": "crisisdrill.status", "trainee": "someone else", "state": "lobby"})
        self._meta({"type": "crisisdrill.status", "trainee": NAME, "state": "lobby"})

    def on_control_arrived(self, message: ControlArrived) -> None:
        command = str(message.packet.get("command"))
        if command == "end":
            self.exit()
            return
        self.query_one("#control", Static).update(f"CONTROL {command}")
        state = "paused" if command == "pause" else "playing"
        self._meta(
            {"type": "crisisdrill.status", "trainee": NAME, "state": state, "phase": command}
        )

    def _meta(self, packet: dict[str, Any]) -> None:
        driver = self._driver
        if isinstance(driver, WebDriver):
            driver.write_meta(packet)


if __name__ == "__main__":
    TinySeat(driver_class=TinyDriver).run()
