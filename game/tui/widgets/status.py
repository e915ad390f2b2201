"""The status bar: clock and speed, phase, reach, and the audience's mood with a sparkline."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from game.tui.controller import Game, clock_text, compact_number
from game.tui.i18n import tr
from game.tui.render import sparkline


class StatusBar(Horizontal):
    """One line at the top of the console."""

    def __init__(self, game: Game, mode: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.game = game
        self.mode = mode

    def compose(self) -> ComposeResult:
        """The parts of the bar."""
        yield Static(id="status-clock", markup=False)
        yield Static(id="status-phase", markup=False)
        yield Static(id="status-reach", markup=False)
        yield Static(id="status-mood", markup=False)
        yield Static(id="status-spark", markup=False)

    def update_status(self, *, speed: float, paused: bool) -> None:
        """Redraw from the game's current state."""
        game = self.game
        language = game.language
        session = game.session
        metrics = session.metrics
        clock = tr(
            language,
            "status.clock",
            clock=clock_text(session.now, language),
            minute=session.now // 60,
            total=session.end_time // 60,
            speed=f"{speed:g}",
        )
        flags = []
        if game.ended:
            flags.append(tr(language, "status.ended"))
        elif paused:
            flags.append(tr(language, "status.paused"))
        if game.log_fault is not None:
            flags.append(tr(language, "status.log_unsaved"))
        flags.append(tr(language, f"mode.{self.mode}").upper())
        self.query_one("#status-clock", Static).update(
            Content.assemble((clock, "bold"), "  ", (" · ".join(flags), "reverse"))
        )
        phase = next(p for p in game.scenario.phases if p.id == session.phase)
        self.query_one("#status-phase", Static).update(
            Content(tr(language, "status.phase", phase=game.scenario.text(phase.name, language)))
        )
        self.query_one("#status-reach", Static).update(
            Content(
                tr(
                    language,
                    "status.reach",
                    reach=compact_number(metrics.reach),
                    negative=compact_number(metrics.negative_reach),
                )
                + "  "
                + tr(language, "status.unanswered", count=metrics.unanswered)
            )
        )
        self.query_one("#status-mood", Static).update(
            Content(tr(language, "status.sentiment", sentiment=f"{metrics.sentiment:+.2f}"))
        )
        spark = self.query_one("#status-spark", Static)
        spark.update(Content(sparkline(game.sentiment, max(8, spark.size.width))))
