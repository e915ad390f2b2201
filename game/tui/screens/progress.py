"""The Progress screen: a trainee's sessions over time, rule mastery, what to play next.

Opened from the picker (``p``); Escape goes back. The results store is read in a
thread worker behind a loading indicator; a store that cannot be read, or one with no
sessions of the trainee, is said in words on the screen. Every text is plain: trainee
names and scenario titles are shown as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from game.tui.i18n import tr
from game.tui.keys import KeySpec, LocalizedKeys
from game.tui.render import shown
from game.tui.widgets.progress_chart import ProgressChart

if TYPE_CHECKING:
    from game.services.progress import TraineeProgress

PROGRESS_KEYS = (
    KeySpec("escape", "back", "key.back", display="esc"),
    KeySpec("d", "toggle_dimensions", "progress.key.dimensions"),
    KeySpec("q", "app.quit", "key.quit"),
)
NARROW = 100
"""Below this many columns the chart and the tables are stacked, not side by side."""
SHOWN_SESSIONS = 15
"""The sessions table shows this many latest sessions (the chart shows them all)."""
DIMENSIONS = ("speed", "empathy", "channel", "honesty", "containment")


def load_progress(db: str | None, trainee: str, last: int) -> TraineeProgress:
    """Read a trainee's progress from the store (runs in a worker thread).

    Raises:
        InputError: no sessions, or the store cannot be read; the message says which.
    """
    # Imported here, off the UI thread: the store and the scoring are slow imports.
    from game.services.progress import trainee_progress
    from game.services.store import open_store

    return trainee_progress(open_store(db), trainee, last=last, db=db)


class ProgressScreen(LocalizedKeys, Screen[None]):
    """A trainee's progress.

    Args:
        db: the results store (None: ``$CRISISDRILL_DB``, else the user data folder's).
        trainee: whose progress.
        language: the interface language.
        last: the rule mastery's window (latest sessions).
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = PROGRESS_KEYS

    def __init__(self, db: str | None, trainee: str, *, language: str, last: int = 10) -> None:
        super().__init__()
        self.db = db
        self.trainee = trainee
        self.language = language
        self.last = last
        self.progress: TraineeProgress | None = None
        self.with_dimensions = False

    def compose(self) -> ComposeResult:
        """Heading, then the chart and what next, then the mastery and sessions tables."""
        yield Static(id="progress-heading", markup=False)
        with VerticalScroll(id="progress-body"):
            yield Static(id="progress-message", markup=False)
            with Horizontal(classes="progress-row", id="progress-top"):
                yield ProgressChart(id="progress-chart")
                yield Static(id="progress-next", markup=False)
            with Horizontal(classes="progress-row", id="progress-tables"):
                with Vertical(classes="progress-column", id="progress-mastery-column"):
                    yield Static(id="progress-mastery-heading", markup=False)
                    yield DataTable(id="progress-mastery", cursor_type="row", zebra_stripes=True)
                    yield Static(id="progress-unpractised", markup=False)
                with Vertical(classes="progress-column"):
                    yield Static(id="progress-sessions-heading", markup=False)
                    yield DataTable(id="progress-sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Read the store in a worker; the body shows a loading indicator meanwhile."""
        self._narrow(self.size.width)
        self.query_one("#progress-heading", Static).update(
            Content.assemble(
                (tr(self.language, "app.title"), "bold"),
                " · ",
                tr(self.language, "progress.heading", trainee=shown(self.trainee) or "?"),
            )
        )
        for part in ("#progress-top", "#progress-tables"):
            self.query_one(part).display = False
        if not self.trainee.strip():
            self._say(tr(self.language, "progress.no_trainee"))
            return
        self.query_one("#progress-body").loading = True
        self.run_worker(
            lambda: load_progress(self.db, self.trainee, self.last),
            name="progress",
            thread=True,
            exit_on_error=False,
        )

    def on_resize(self, event: events.Resize) -> None:
        """Stack the parts on a narrow terminal."""
        self._narrow(event.size.width)

    def _narrow(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The store was read (or could not be): show the progress or say why not."""
        state = event.state
        if state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one("#progress-body").loading = False
        worker = event.worker
        if state == WorkerState.ERROR:
            self._say(tr(self.language, "progress.error", error=str(worker.error)))
            return
        self.progress = worker.result
        self._show()

    def _say(self, text: str) -> None:
        message = self.query_one("#progress-message", Static)
        message.update(Content(text))
        message.display = True

    def _show(self) -> None:
        known = self.progress
        if known is None:
            return
        language = self.language
        progress = known.progress
        self.query_one("#progress-message", Static).display = False
        for part in ("#progress-top", "#progress-tables"):
            self.query_one(part).display = True
        self.query_one("#progress-heading", Static).update(
            Content.assemble(
                (tr(language, "app.title"), "bold"),
                " · ",
                tr(
                    language,
                    "progress.title",
                    trainee=shown(progress.trainee),
                    count=len(progress.sessions),
                ),
            )
        )
        self._draw_chart(known)
        self.query_one("#progress-next", Static).update(self._next_and_exams(known))
        self._fill_mastery(known)
        self._fill_sessions(known)

    def _draw_chart(self, known: TraineeProgress) -> None:
        language = self.language
        sessions = known.progress.sessions
        marks = [e.pass_mark for e in known.progress.exams] or [70]
        dimensions = [
            (tr(language, f"progress.column.{name}"), [s.dimensions.get(name) for s in sessions])
            for name in (DIMENSIONS if self.with_dimensions else ())
        ]
        self.query_one(ProgressChart).show(
            [s.started_at for s in sessions],
            [s.overall for s in sessions],
            title=tr(language, "progress.chart"),
            overall_label=tr(language, "progress.overall"),
            pass_label=tr(language, "progress.pass_mark"),
            pass_mark=max(set(marks), key=marks.count),
            dimensions=dimensions,
        )

    def action_toggle_dimensions(self) -> None:
        """Show or hide the five dimensions' lines beside the overall."""
        self.with_dimensions = not self.with_dimensions
        if self.progress is not None:
            self._draw_chart(self.progress)

    def _next_and_exams(self, known: TraineeProgress) -> Content:
        from game.services.progress import reason, title_of

        language = self.language
        progress = known.progress
        parts = [Content.styled(tr(language, "progress.next"), "bold")]
        if not progress.recommendations:
            parts.append(Content(tr(language, "progress.none_next")))
        for number, rec in enumerate(progress.recommendations, 1):
            title = shown(title_of(known, rec.scenario_id, language))
            parts.append(
                Content.assemble(
                    (f"{number}. {title}", "bold"), f" · {tr(language, f'mode.{rec.mode}')}"
                )
            )
            parts.append(Content.styled("   " + reason(known, rec, language, rules=2), "dim"))
        if known.unmeasured:
            parts.append(
                Content.styled(
                    tr(language, "progress.unmeasured", ids=shown(", ".join(known.unmeasured))),
                    "italic",
                )
            )
        parts += [Content(""), Content.styled(tr(language, "progress.exams"), "bold")]
        if not progress.exams:
            parts.append(Content(tr(language, "progress.no_exams")))
        for exam in progress.exams:
            verdict = tr(language, "progress.passed" if exam.passed else "progress.not_passed")
            parts.append(
                Content(
                    tr(
                        language,
                        "progress.exam",
                        title=shown(title_of(known, exam.scenario_id, language)),
                        best=exam.best,
                        mark=exam.pass_mark,
                        verdict=verdict,
                    )
                )
            )
        return Content("\n").join(parts)

    def _fill_mastery(self, known: TraineeProgress) -> None:
        from game.services.progress import points_text, trend_text
        from game.vocabulary import rule_name

        language = self.language
        progress = known.progress
        self.query_one("#progress-mastery-heading", Static).update(
            Content.styled(tr(language, "progress.mastery", window=progress.window), "bold")
        )
        table = self.query_one("#progress-mastery", DataTable)
        table.clear(columns=True)
        table.add_columns(*(tr(language, f"progress.column.{c}") for c in _MASTERY_COLUMNS))
        for m in progress.mastery:
            if not m.practised:
                continue
            table.add_row(
                Text(rule_name(m.rule, language)),
                Text(f"{m.broken}/{m.practised}", justify="right"),
                Text(points_text(m.points_lost), justify="right"),
                Text(trend_text(m.trend, language)),
            )
        unpractised = [m.rule for m in progress.mastery if not m.practised]
        self.query_one("#progress-unpractised", Static).update(
            Content.styled(
                tr(language, "progress.unpractised", rules=", ".join(unpractised))
                if unpractised
                else "",
                "dim",
            )
        )

    def _fill_sessions(self, known: TraineeProgress) -> None:
        language = self.language
        sessions = known.progress.sessions
        self.query_one("#progress-sessions-heading", Static).update(
            Content.styled(
                tr(
                    language,
                    "progress.sessions",
                    shown=min(SHOWN_SESSIONS, len(sessions)),
                    count=len(sessions),
                ),
                "bold",
            )
        )
        table = self.query_one("#progress-sessions", DataTable)
        table.clear(columns=True)
        table.add_columns(*(tr(language, f"progress.column.{c}") for c in _SESSION_COLUMNS))
        for s in reversed(sessions[-SHOWN_SESSIONS:]):
            scores = [s.dimensions.get(d) for d in DIMENSIONS]
            table.add_row(
                Text(s.started_at.strftime("%d/%m")),
                Text(shown(s.scenario_id)),
                Text(_mode(s.mode, language)),
                Text(str(s.overall), justify="right", style="bold"),
                *(Text("—" if v is None else str(v), justify="right") for v in scores),
            )

    def action_back(self) -> None:
        """Back to the picker."""
        self.app.pop_screen()


_MASTERY_COLUMNS = ("rule", "broken", "points", "trend")
_SESSION_COLUMNS = (
    "date",
    "scenario",
    "mode",
    "overall",
    "speed",
    "empathy",
    "channel",
    "honesty",
    "containment",
)


def _mode(mode: str, language: str) -> str:
    return tr(language, f"mode.{mode}") if mode in ("practice", "exam") else mode
