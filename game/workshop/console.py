"""The facilitator's console: the join code to project, the roster, and the round's controls.

It runs the front door inside its own event loop (``Door``: the web server the
trainees' browsers reach), hears from it who connects and what each game reports, and
sends every game the facilitator's orders: start everyone at once, pause and resume,
change the speed, push a post written on the spot, end the round.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import ClassVar, Protocol

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Static

from game.inert import cell_safe
from game.scenario.model import Scenario
from game.seatlink import Control, Status
from game.tui.i18n import tr
from game.tui.render import one_line
from game.tui.screens.dialogs import ConfirmScreen
from game.workshop.dialogs import InjectDialog, PostDialog
from game.workshop.panels import JoinPanel, RosterTable
from game.workshop.roster import Roster
from game.workshop.round import Round
from game.workshop.words import word

_ROUND_ACTIONS = frozenset({"start", "pause", "speed", "inject", "post", "end", "class_debrief"})
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
"""The speeds + and - step through."""
_STYLES = Path(__file__).parent.parent / "tui" / "styles" / "app.tcss"


class Door(Protocol):
    """What the console needs of the front door (``game.workshop.door.WorkshopServer``)."""

    @property
    def url(self) -> str:
        """Where trainees go (known once started)."""

    async def start(self) -> None:
        """Open the door: listen for browsers."""

    async def stop(self) -> None:
        """Close it: disconnect every browser, stop every game."""

    async def broadcast(self, control: Control) -> list[str]:
        """Send an order to every connected game; the names it reached."""

    async def send(self, trainee: str, control: Control) -> bool:
        """Send an order to one trainee's game (False: no game of that name runs)."""

    def end_round(self) -> None:
        """From now on, joining and playing pages say the round is over."""


DoorFactory = Callable[[Callable[[str, Status], None], Callable[[str, bool], None]], Door]
"""Makes the door, given what to call with a game's status and with a seat's connection."""


class FacilitatorApp(App[None]):
    """The facilitator's console for one round.

    Args:
        round_: the round.
        folder: the round's folder (its logs).
        scenario: the round's scenario (persona, channel and phase names).
        door_factory: makes the front door, wired to this console.
    """

    TITLE = "crisisdrill"
    CSS_PATH: ClassVar[list[str | PurePath]] = [_STYLES, Path(__file__).parent / "console.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = []  # per language: see ``make_facilitator``

    def __init__(
        self, round_: Round, folder: Path, scenario: Scenario, door_factory: DoorFactory
    ) -> None:
        super().__init__()
        self.round = round_
        self.folder = folder
        self.scenario = scenario
        self.language = round_.language
        self.roster = Roster()
        self.state = "lobby"
        self.speed = round_.speed
        self._door_factory = door_factory
        self.door: Door | None = None
        self._closing = False

    def compose(self) -> ComposeResult:
        """The title, the join panel, the round and its counts, the roster."""
        yield Static(Content.styled(word(self.language, "title"), "bold"), id="console-title")
        yield JoinPanel("…", self.round.code, self.language)
        yield Static(id="round-info")
        yield Static(id="round-state")
        yield RosterTable(self.language, self._phase_names())
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        """Open the door, then show where to join."""
        self.door = self._door_factory(self.on_status_report, self.on_seat_report)
        await self.door.start()
        self.query_one(JoinPanel).show_url(self.door.url)
        self._redraw()

    async def on_unmount(self) -> None:
        """Close the door: no game outlives the console."""
        self._closing = True  # the door's last reports come once the widgets are gone
        if self.door is not None:
            await self.door.stop()

    # ------------------------------------------------------------------ the door's reports

    def on_status_report(self, trainee: str, status: Status) -> None:
        """A game reported its status."""
        self.roster.update(trainee, status)
        self._redraw()

    def on_seat_report(self, trainee: str, connected: bool) -> None:
        """A browser connected or dropped; a late joiner is brought into the round."""
        self.roster.connect(trainee, connected)
        if connected and self.state in ("running", "paused"):
            orders = [Control("start")]
            if self.speed != self.round.speed:
                orders.append(Control("speed", speed=self.speed))
            if self.state == "paused":
                orders.append(Control("pause"))
            self.run_worker(self._send_all(trainee, orders), group="orders")
        self._redraw()

    async def _send_all(self, trainee: str, orders: list[Control]) -> None:
        if self.door is not None:
            for order in orders:  # in order: the game must be started before it pauses
                await self.door.send(trainee, order)

    async def _broadcast(self, control: Control) -> None:
        if self.door is not None:
            await self.door.broadcast(control)

    # ------------------------------------------------------------------ controls

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The round's keys act only on the console itself, not behind a dialog or report.

        Hidden there too: the class debrief's key bar shows its own keys only.
        """
        return not (action in _ROUND_ACTIONS and len(self.screen_stack) > 1)

    async def action_start(self) -> None:
        """Start everyone at once (from the lobby, once someone has joined)."""
        if self.state != "lobby" or self.door is None:
            return
        if not self.roster.connected:
            self.notify(word(self.language, "notice.nobody"), severity="warning")
            return
        await self.door.broadcast(Control("start"))
        self.state = "running"
        self.notify(word(self.language, "notice.started", count=self.roster.connected))
        self._redraw()

    async def action_pause(self) -> None:
        """Pause every game, or resume them."""
        if self.door is None or self.state not in ("running", "paused"):
            self.notify(word(self.language, "notice.not_running"), severity="warning")
            return
        pausing = self.state == "running"
        await self.door.broadcast(Control("pause" if pausing else "resume"))
        self.state = "paused" if pausing else "running"
        self.notify(word(self.language, "notice.paused" if pausing else "notice.resumed"))
        self._redraw()

    async def action_speed(self, step: int) -> None:
        """One step faster (+1) or slower (-1) for everyone."""
        if self.door is None or self.state == "ended":
            return
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.speed))
        self.speed = SPEEDS[max(0, min(len(SPEEDS) - 1, index + step))]
        await self.door.broadcast(Control("speed", speed=self.speed))
        self.notify(word(self.language, "notice.speed", speed=self.speed))
        self._redraw()

    def action_post(self) -> None:
        """Write a post under one of the scenario's personas, pushed to every game."""
        if self.door is None or self.state not in ("running", "paused"):
            self.notify(word(self.language, "notice.not_running"), severity="warning")
            return
        scenario, language = self.scenario, self.language
        personas = [(cell_safe(p.id), p.id) for p in scenario.personas]
        channels = [(cell_safe(c.name.get(language, c.id)), c.id) for c in scenario.channels]
        self.push_screen(PostDialog(personas, channels, language), self._posted)

    def action_inject(self) -> None:
        """Push one of the scenario's prepared posts (``facilitator_injects``) to every game."""
        if self.door is None or self.state not in ("running", "paused"):
            self.notify(word(self.language, "notice.not_running"), severity="warning")
            return
        injects = [
            (one_line(self._inject_text(inject.text[0]), 90), inject.id)
            for inject in self.scenario.facilitator_injects
        ]
        if not injects:
            self.notify(word(self.language, "inject.none"), severity="warning")
            return
        self.push_screen(InjectDialog(injects, self.language), self._posted)

    def _inject_text(self, variant: dict[str, str]) -> str:
        return variant.get(self.language) or next(iter(variant.values()), "")

    def _posted(self, control: Control | None) -> None:
        if control is None or self.door is None:
            return
        self.run_worker(self._broadcast(control), group="orders")
        if control.inject is not None:
            inject = next(i for i in self.scenario.facilitator_injects if i.id == control.inject)
            shown = one_line(self._inject_text(inject.text[0]), 60)
        else:
            shown = one_line(control.text or "", 60)
        self.notify(Content(word(self.language, "notice.posted", text=shown)).plain)

    def action_end(self) -> None:
        """End the round, after asking: everyone goes to their debrief."""
        if self.state == "ended":
            return

        def answered(yes: bool | None) -> None:
            if yes and self.door is not None:
                self.run_worker(self._broadcast(Control("end")), group="orders")
                self.door.end_round()
                self.state = "ended"
                self.notify(word(self.language, "notice.ended"))
                self._redraw()

        language = self.language
        self.push_screen(
            ConfirmScreen(
                word(language, "end.title"),
                word(language, "end.body"),
                word(language, "end.yes"),
                word(language, "end.no"),
            ),
            answered,
        )

    def action_class_debrief(self) -> None:
        """The class debrief of the round so far (finished games count; the rest as they stand)."""
        from game.workshop.class_screen import class_debrief_screen
        from game.workshop.round import sessions_folder

        folder = sessions_folder(self.folder)
        self.push_screen(class_debrief_screen(folder, self.language, self.round.round_id))

    async def action_quit(self) -> None:
        """Quit after asking: the door closes with the console."""
        language = self.language

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                word(language, "quit.title"),
                word(language, "quit.body", folder=self.folder),
                word(language, "quit.yes"),
                word(language, "quit.no"),
            ),
            answered,
        )

    # ------------------------------------------------------------------ drawing

    def _phase_names(self) -> dict[str, str]:
        return {phase.id: phase.name.get(self.language, phase.id) for phase in self.scenario.phases}

    def _redraw(self) -> None:
        if self._closing:
            return
        language, roster = self.language, self.roster
        title = self.scenario.meta.title.get(language, self.scenario.meta.id)
        mode = tr(language, f"mode.{self.round.mode}")
        self.query_one("#round-info", Static).update(
            Content(
                word(
                    language,
                    "round",
                    scenario=cell_safe(title),
                    seed=self.round.seed,
                    mode=mode,
                    speed=self.speed,
                )
            )
        )
        counts = word(
            language,
            "counts",
            connected=roster.connected,
            lobby=roster.count("lobby"),
            playing=roster.count("playing"),
            debrief=roster.count("debrief"),
        )
        state = word(language, f"state.{self.state}")
        self.query_one("#round-state", Static).update(Content.styled(f"{state} · {counts}", "bold"))
        self.query_one(RosterTable).show(roster)


def console_bindings(language: str) -> list[BindingType]:
    """The console's keys, described in ``language`` for the footer."""
    keys = (
        ("s", "start", "key.start", None),
        ("space", "pause", "key.pause", "␣"),
        ("plus", "speed(1)", "key.faster", "+"),
        ("minus", "speed(-1)", "key.slower", "-"),
        ("i", "inject", "key.inject", None),
        ("w", "post", "key.post", None),
        ("e", "end", "key.end", None),
        ("r", "class_debrief", "key.report", None),
        ("q", "quit", "key.quit", None),
    )
    return [
        Binding(key, action, word(language, label), key_display=shown)
        for key, action, label, shown in keys
    ]


def make_facilitator(
    round_: Round, folder: Path, scenario: Scenario, door_factory: DoorFactory
) -> FacilitatorApp:
    """The console for a round, its keys in the round's language (CLI and tests use this).

    Textual reads a class's ``BINDINGS`` when the class is made: one subclass per
    language carries them.
    """
    language_class: type[FacilitatorApp] = type(
        f"FacilitatorApp_{round_.language}",
        (FacilitatorApp,),
        {"BINDINGS": console_bindings(round_.language)},
    )
    return language_class(round_, folder, scenario, door_factory)
