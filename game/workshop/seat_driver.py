"""The driver of a trainee's seat: Textual's web driver plus the workshop's packets.

textual-serve keeps one pipe to each game process: keys and screen updates travel in
it as data packets, anything else as JSON "meta" packets. The facilitator's controls
come in as ``crisisdrill.control`` meta packets, checked strictly (``decode_control``)
and handed to the app as ``RemoteCommand`` messages; the seat's status goes out as
``crisisdrill.status`` meta packets (``PipeSink``).

The browser cannot forge a control: what it sends reaches the game as keystrokes
inside data packets, never as meta.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from textual import messages
from textual.app import App
from textual.drivers.web_driver import WebDriver

from game.seatlink import CONTROL_TYPE, ProtocolError, Status, decode_control
from game.tui import CrisisApp
from game.tui.messages import RemoteCommand
from game.tui.remote import warn


class PipeSink:
    """A seat's statuses out through its driver, as status packets.

    The app is made before Textual makes its driver: the driver attaches itself here
    when it is made (``SeatDriver``); a status sent before that is dropped.
    """

    def __init__(self) -> None:
        self.driver: SeatDriver | None = None

    def send(self, status: Status) -> None:
        """Write one status packet (on the app's thread: the pipe is written from it).

        Args:
            status: the seat's status.
        """
        if self.driver is None:
            return
        try:
            packet = Status(**asdict(status)).to_json()
        except ProtocolError as error:  # a bug of ours: tell the seat's log, keep playing
            warn(f"status not sent: {error}")
            return
        self.driver.write_meta(packet)


class SeatDriver(WebDriver):
    """Textual's web driver that also takes the facilitator's controls.

    Set as the seat app's ``driver_class`` (or ``TEXTUAL_DRIVER=
    game.workshop.seat_driver:SeatDriver``). It also ends the app when its input
    closes: the web driver alone ignores that, and a seat whose server went away
    would play on forever.
    """

    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        if isinstance(app, CrisisApp) and isinstance(app.config.seat, PipeSink):
            app.config.seat.driver = self

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        """A control becomes a ``RemoteCommand`` for the app; other meta as Textual does.

        Runs on the input thread: ``post_message`` is safe from there.

        Args:
            packet_type: the meta packet's ``type``.
            payload: the whole meta packet.
        """
        if packet_type != CONTROL_TYPE:
            super().on_meta(packet_type, payload)
            return
        try:
            control = decode_control(payload)
        except ProtocolError as error:
            # Refused whole, never half-read; an exception here would end the input.
            warn(f"control refused: {error}")
            return
        self._app.post_message(
            RemoteCommand(
                control.command,
                speed=control.speed,
                inject=control.inject,
                persona=control.persona,
                channel=control.channel,
                text=control.text,
            )
        )

    def run_input_thread(self) -> None:
        """Read input until it closes; then, unless the app is already ending, end it."""
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())
