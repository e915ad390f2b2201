"""The class debrief on the facilitator's console: leaderboard, rules, the same post answered.

Made from the round's session logs (``game.services.class_report``) in a worker: the
console stays live while twenty logs are scored. ``a`` switches to the anonymous
leaderboard for projecting; ``r`` reads the logs again (games still finishing).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from game.inert import cell_safe
from game.results.classreport import ClassReport
from game.results.classreport.labels import broke_line, label, points
from game.services.class_report import ClassDebrief, class_report
from game.workshop.words import word


class ClassDebriefScreen(Screen[None]):
    """The class report of a round, read from its logs.

    Args:
        sessions: the round's sessions folder.
        language: the round's language.
        round_id: the round's id, for the heading.
    """

    BINDINGS: ClassVar[list[BindingType]] = []  # per language: see ``class_debrief_screen``

    def __init__(self, sessions: Path, language: str, round_id: str) -> None:
        super().__init__(id="class-debrief")
        self.sessions, self.language, self.round_id = sessions, language, round_id
        self.anonymous = False
        self.debrief: ClassDebrief | None = None

    def compose(self) -> ComposeResult:
        """A loading indicator until the report is made, then the report."""
        yield LoadingIndicator(id="class-loading")
        yield VerticalScroll(id="class-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Make the report."""
        self.action_reload()

    def action_reload(self) -> None:
        """Read and score the round's logs again (a worker thread)."""
        self.debrief = None
        self.query_one(LoadingIndicator).display = True
        make = partial(
            class_report,
            self.sessions,
            anonymous=self.anonymous,
            language=self.language,
            round_id=self.round_id,
        )
        self.run_worker(make, name="class", thread=True, exclusive=True, exit_on_error=False)

    def action_anonymous(self) -> None:
        """Names or "Trainee 1..N", for projecting."""
        self.anonymous = not self.anonymous
        self.action_reload()

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The report is in (or could not be made): show it."""
        if event.worker.name != "class" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self.query_one(LoadingIndicator).display = False
        body = self.query_one("#class-body", VerticalScroll)
        await body.remove_children()
        if event.state == WorkerState.ERROR:
            await body.mount(Static(Content(str(event.worker.error))))
            return
        debrief = event.worker.result
        assert isinstance(debrief, ClassDebrief)
        await body.mount_all(list(self._parts(debrief)))
        self.debrief = debrief  # set once shown: tests wait on it

    def _parts(self, debrief: ClassDebrief) -> list[Static | DataTable[Text]]:
        report, language = debrief.report, self.language
        title = f"{label('title', language)} · {cell_safe(report.scenario_title)}"
        parts: list[Static | DataTable[Text]] = [
            Static(Content.styled(title, "bold"), classes="class-heading")
        ]
        parts.extend(
            Static(Content(cell_safe(warning)), classes="class-warning")
            for warning in debrief.warnings
        )
        if not report.leaderboard:
            parts.append(Static(Content(label("no_sessions", language))))
            return parts
        parts.append(Static(Content.styled(label("leaderboard", language), "bold")))
        parts.append(self._leaderboard(report))
        parts.append(Static(Content.styled(label("rules", language), "bold")))
        parts.append(self._rules(report))
        parts.append(Static(Content.styled(label("posts", language), "bold")))
        parts.extend(self._posts(report))
        return parts

    def _leaderboard(self, report: ClassReport) -> DataTable[Text]:
        table: DataTable[Text] = DataTable(cursor_type="row", classes="class-table")
        language = self.language
        table.add_columns(
            label("rank", language),
            label("trainee", language),
            label("overall", language),
            label("final_phase", language),
        )
        for row in report.leaderboard:
            table.add_row(
                Text(str(row.rank), justify="right"),
                Text(cell_safe(row.name)),
                Text(str(row.overall), justify="right"),
                Text(cell_safe(row.final_phase_name)),
            )
        return table

    def _rules(self, report: ClassReport) -> DataTable[Text]:
        table: DataTable[Text] = DataTable(cursor_type="row", classes="class-table")
        language = self.language
        table.add_columns(
            label("rule", language),
            label("broke", language),
            label("kept", language),
            label("lost", language),
        )
        for rule in report.rules:
            table.add_row(
                Text(cell_safe(rule.name)),
                Text(broke_line(rule.broke, rule.met, language)),
                Text(str(rule.kept), justify="right"),
                Text(points(rule.cost), justify="right"),
            )
        return table

    def _posts(self, report: ClassReport) -> list[Static]:
        language = self.language
        if not report.posts:
            return [Static(Content(label("no_posts", language)))]
        parts: list[Static] = []
        for post in report.posts:
            said = f"{cell_safe(post.author)} ({cell_safe(post.channel)}): {cell_safe(post.text)}"
            parts.append(Static(Content.styled(said, "italic"), classes="class-post"))
            for answer in post.answers:
                words = " / ".join(cell_safe(text) for text in answer.texts)
                lines = [
                    f"  {cell_safe(answer.name)} · {points(answer.cost)} "
                    f"{label('cost', language)}: {words or label('no_answer', language)}"
                ]
                lines.extend(
                    f"      {finding.severity} {finding.rule} {cell_safe(finding.message)}"
                    for finding in answer.findings
                )
                parts.append(Static(Content("\n".join(lines)), classes="class-answer"))
        return parts


def class_debrief_screen(sessions: Path, language: str, round_id: str) -> ClassDebriefScreen:
    """The class debrief screen, its keys described in the round's language."""
    keys: list[BindingType] = [
        Binding("escape", "app.pop_screen", word(language, "key.back")),
        Binding("a", "anonymous", word(language, "key.anonymous")),
        Binding("r", "reload", word(language, "key.reload")),
    ]
    screen_class: type[ClassDebriefScreen] = type(
        f"ClassDebriefScreen_{language}", (ClassDebriefScreen,), {"BINDINGS": keys}
    )
    return screen_class(sessions, language, round_id)
