"""The app: screens in order (picker, briefing, console, debrief) and the app factory."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.journal.events import SessionLabels
from game.tui.config import AppConfig, Mode
from game.tui.i18n import LANGUAGES, tr
from game.tui.messages import (
    BriefingAccepted,
    JumpToPost,
    ProgressWanted,
    RemoteCommand,
    ScenarioChosen,
    SessionOver,
)
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.screens.picker import PickerScreen
from game.tui.themes import HIGH_CONTRAST, OFFERED_THEMES, next_theme
from game.tui.widgets.composer import Composer

# The briefing, console and debrief pull in the scenario model, the engine and the
# scoring: imported when they are first shown, so that the picker opens at once.
if TYPE_CHECKING:
    from game.scenario.loader import LoadedScenario
    from game.tui.controller import Game
    from game.tui.logfault import LogFault
    from game.tui.remote import RemoteSeat
    from game.tui.screens.console import ConsoleScreen
    from game.tui.screens.debrief import DebriefScreen


def _default_language(config: AppConfig) -> str:
    if config.language in LANGUAGES:
        return config.language
    if config.scenario is not None:
        return config.scenario.scenario.meta.languages[0]
    return "es"


class CrisisApp(App[None]):
    """The crisisdrill game.

    Args:
        config: how to start (see ``AppConfig``); build it with ``make_app``.
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "styles/app.tcss",
        "styles/picker.tcss",
        "styles/briefing.tcss",
        "styles/console.tcss",
        "styles/debrief.tcss",
        "styles/progress.tcss",
    ]
    TITLE = "crisisdrill"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+t", "cycle_theme", "Theme", show=False),
    ]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        self.language = _default_language(config)
        self.mode: Mode = config.mode
        self.game: Game | None = None
        self.loaded: LoadedScenario | None = None
        self.seed = config.seed
        self.console_screen: ConsoleScreen | None = None
        self.debrief: DebriefScreen | None = None
        self.seat: RemoteSeat | None = None  # a workshop seat's link to the facilitator

    # ------------------------------------------------------------------ start

    def on_mount(self) -> None:
        """Register the themes and show the first screen."""
        self.register_theme(HIGH_CONTRAST)
        self.theme = self.config.theme
        if self.config.seat is not None and self.config.scenario is not None:
            from game.tui.remote import RemoteSeat

            self.seat = RemoteSeat(self, self.config.seat)
            if not self._resumed(self.config.resume):
                self._briefing(self.config.scenario, can_go_back=False)
            self.seat.begin()
            return
        if self.config.scenario is not None:
            self._briefing(self.config.scenario, can_go_back=False)
            return
        # The picker reads the library itself, in a worker, behind a loading indicator.
        picker = PickerScreen.in_language(self.language)
        self.push_screen(picker(None, language=self.language, mode=self.mode))

    def _briefing(self, loaded: LoadedScenario, *, can_go_back: bool) -> None:
        from game.tui.screens.briefing import BriefingScreen

        languages = loaded.scenario.meta.languages
        if self.language not in languages:
            self.language = languages[0]
        self.loaded = loaded
        if self.config.seed is None:
            # The one random draw of a session: everything after it follows from the seed.
            self.seed = random.SystemRandom().randrange(1, 1_000_000)
        assert self.seed is not None
        self.push_screen(
            BriefingScreen.in_language(self.language)(
                loaded,
                language=self.language,
                mode=self.mode,
                speed=self.config.speed,
                seed=self.seed,
                can_go_back=can_go_back,
                lobby=self.seat is not None,
            )
        )

    def _resumed(self, path: Path | None) -> bool:
        """Go on with the session of a log, past the lobby; False: start anew instead.

        A session that cannot be resumed (a damaged log, or one another game still
        writes) is left as it is: the trainee is told, and gets the lobby of a new one.
        """
        if path is None:
            return False
        from game.journal.codec import LogError
        from game.tui.controller import Game
        from game.tui.remote import warn

        try:
            game = Game.resume(path)
        except (LogError, OSError) as error:
            warn(f"{path}: not resumed, a new session starts: {error}")
            self.notify(tr(self.language, "notice.not_resumed"), severity="warning", markup=False)
            return False
        self.start_session(game)
        if not game.ended:
            self.notify(tr(self.language, "notice.session_resumed"), markup=False)
        return True

    def on_scenario_chosen(self, message: ScenarioChosen) -> None:
        """The picker chose (and loaded the scenario in full): show the briefing."""
        self.language = message.language
        self.mode = message.mode
        self._briefing(message.loaded, can_go_back=True)

    def on_progress_wanted(self, message: ProgressWanted) -> None:
        """The picker asked for the Progress screen: the trainee's, from the store."""
        from game.tui.screens.progress import ProgressScreen

        screen = ProgressScreen.in_language(message.language)
        self.push_screen(
            screen(self.config.results_db, self.config.trainee, language=message.language)
        )

    def on_briefing_accepted(self, message: BriefingAccepted) -> None:
        """Start the session and show the console."""
        self.start_session()

    def on_remote_command(self, message: RemoteCommand) -> None:
        """A workshop facilitator's command (only a seat obeys one)."""
        if self.seat is not None:
            self.seat.obey(message)

    def start_session(self, resumed: Game | None = None) -> None:
        """Start the session and show the console in the briefing's place.

        Args:
            resumed: a game rebuilt from its log (``Game.resume``) to go on with
                instead of a new session.
        """
        from game.tui.controller import Game
        from game.tui.screens.briefing import BriefingScreen
        from game.tui.screens.console import ConsoleScreen

        if resumed is not None:
            self.loaded, self.seed = resumed.session.loaded, resumed.session.seed
            self.language = resumed.language
        assert self.loaded is not None and self.seed is not None
        # A workshop's start can come while a dialog or the palette covers the lobby.
        while not isinstance(self.screen, BriefingScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        self.game = resumed or Game(
            self.loaded,
            seed=self.seed,
            language=self.language,
            trainee=self.config.trainee,
            labels=SessionLabels(
                mode=self.mode,
                cohort=self.config.cohort,
                started=datetime.now(UTC).isoformat(timespec="seconds"),
            ),
            log_dir=self.config.log_dir,
        )
        self.console_screen = ConsoleScreen.in_language(self.language)(
            self.game,
            mode=self.mode,
            speed=self.config.speed,
            real_clock=self.config.real_clock,
            cursor_blink=self.config.cursor_blink,
        )
        if resumed is not None:
            # The feed is full already: no fast first minute waiting for a post.
            self.console_screen.clock.end_quiet_start()
        if self.seat is not None:
            self.seat.prepare(self.console_screen)
        if isinstance(self.screen, BriefingScreen):
            self.switch_screen(self.console_screen)
        else:  # resumed: no briefing was shown
            self.push_screen(self.console_screen)

    def on_session_over(self, message: SessionOver) -> None:
        """Score the session and show the debrief."""
        from game.tui.screens.debrief import DebriefScreen

        if self.game is None or isinstance(self.screen, DebriefScreen):
            return
        # The session can end while a dialog or the palette is open: close them, or
        # leaving the debrief would land on a dialog for a session that is over.
        while self.console_screen is not None and self.screen is not self.console_screen:
            if len(self.screen_stack) <= 1:
                break
            self.pop_screen()
        if self.debrief is None:
            self.debrief = DebriefScreen.in_language(self.language)(
                self.game.log_path,
                language=self.language,
                report_dir=self.config.report_dir,
                channel_names={c.id: self.game.channel_name(c.id) for c in self.game.channels},
                log_fault=self.game.log_fault,
                unsent=message.unsent,
                record_to=self._results_location(),
            )
            # Installed, the debrief outlives a trip to the console (g, then d) whole:
            # a screen that is only pushed is taken apart when it is popped.
            self.install_screen(self.debrief, name="debrief")
        if message.interrupted:
            self.debrief.hold_keys(self.config.key_hold_seconds)
        self.push_screen(self.debrief)

    def _results_location(self) -> str | None:
        if not self.config.record_results:
            return None
        from game.services.results import store_location

        return store_location(self.config.results_db)

    def on_jump_to_post(self, message: JumpToPost) -> None:
        """From the debrief to a post in the console."""
        if self.console_screen is None:
            return
        if self.screen is self.debrief:
            self.pop_screen()
        # Once the console is back on screen: selecting while it is still covered
        # leaves its feed and thread unpainted in a real terminal.
        self.call_after_refresh(self.console_screen.select_post, message.post_id)

    # ------------------------------------------------------------------ for tests

    def advance_clock(self, seconds: int) -> None:
        """Let simulated time pass by hand (tests; real play uses the console's timer).

        Args:
            seconds: simulated seconds.
        """
        if self.console_screen is not None:
            self.console_screen.advance_clock(seconds)

    @property
    def log_path(self) -> Path | None:
        """The session log, once a session has started."""
        return self.game.log_path if self.game is not None else None

    @property
    def log_fault(self) -> LogFault | None:
        """Why the session log on disk is incomplete (None: no session, or a whole log)."""
        return self.game.log_fault if self.game is not None else None

    # ------------------------------------------------------------------ quitting

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Quitting waits while the debrief holds the keys typed for the composer."""
        return not (action == "quit" and self.debrief is not None and self.debrief.holding)

    async def action_quit(self) -> None:
        """Quit, always after asking: a stray key must not end the game or lose a report.

        During a running session the dialog says the crisis goes on and what the log
        keeps; after it, where the log is and that unexported reports can be made later.
        """
        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._leave()

        game = self.game
        running = game is not None and not game.ended
        self.push_screen(
            ConfirmScreen(
                tr(self.language, "quit.title" if running else "quit.title_app"),
                self._quit_body(game) if game is not None else tr(self.language, "quit.body_idle"),
                tr(self.language, "quit.yes"),
                tr(self.language, "quit.no" if running else "quit.stay"),
            ),
            answered,
        )

    def _quit_body(self, game: Game) -> str:
        """What quitting keeps: the log, or only part of it when it cannot be written."""
        from game.tui.controller import clock_text

        fault = game.log_fault
        if game.ended and fault is None:
            return tr(self.language, "quit.body_ended", log=game.log_path)
        if fault is None:
            return tr(self.language, "quit.body", log=game.log_path)
        if not fault.created:
            return tr(self.language, "quit.body_lost", error=fault.reason)
        return tr(
            self.language,
            "quit.body_unsaved",
            error=fault.reason,
            clock=clock_text(fault.since, self.language),
        )

    def _leave(self) -> None:
        if self.game is not None:
            # Words left in the composer are logged as unsent, as when time runs out.
            for screen in self.screen_stack:
                for composer in screen.query(Composer):
                    composer.keep_draft(self.game)
            self.game.finish()  # logs where it stopped, closes the file
        self.exit()

    # ------------------------------------------------------------------ themes, palette

    def action_cycle_theme(self) -> None:
        """Next of the offered themes: dark, light, high contrast."""
        self.theme = next_theme(self.theme)
        label = dict(OFFERED_THEMES).get(self.theme)
        name = tr(self.language, label) if label else self.theme
        self.notify(tr(self.language, "theme.changed", name=name), markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands, the offered themes, and the console's actions."""
        yield from super().get_system_commands(screen)
        for name, label in OFFERED_THEMES:
            title = f"{tr(self.language, 'key.theme')}: {tr(self.language, label)}"
            yield SystemCommand(title, title, lambda name=name: setattr(self, "theme", name))
        if screen is self.console_screen and self.console_screen is not None:
            yield from self.console_screen.palette_commands()


def make_app(config: AppConfig | None = None) -> CrisisApp:
    """Build the game app; the command line and the tests both start it from here.

    Args:
        config: how to start (None: the defaults of real play).

    Returns:
        The app, ready to ``run()`` or ``run_test()``.
    """
    return CrisisApp(config or AppConfig())
