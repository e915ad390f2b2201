"""The debrief: scores, top lessons, findings grouped in time order, export.

The log is scored in a thread worker (a long session takes a while): the screen shows
a loading indicator until the scorecard is in, then composes itself again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, OptionList, Static
from textual.worker import Worker, WorkerState

from game.inert import cell_safe
from game.journal.codec import LogError
from game.paths import data_dir
from game.services.files import write_atomically
from game.services.results import ScoredSession, score_and_record
from game.tui.controller import clock_text
from game.tui.i18n import tr
from game.tui.keys import KeySpec, LocalizedKeys
from game.tui.logfault import LogFault
from game.tui.messages import JumpToPost
from game.tui.render import sparkline
from game.tui.widgets.findings import FindingsList, finding_content
from scoring.report import render_report
from scoring.scorecard import Finding, Scorecard

__all__ = ["DebriefScreen", "finding_content", "reports_dir", "score_bar"]

HOLD_SECONDS = 1.5
"""How long the debrief ignores keys when time ran out while the trainee was typing."""

DEBRIEF_KEYS = (
    KeySpec("g", "jump", "debrief.key.jump"),
    KeySpec("m", "export('md')", "debrief.key.md"),
    KeySpec("t", "export('html')", "debrief.key.html"),
    KeySpec("j", "export('json')", "debrief.key.json"),
    KeySpec("escape", "back", "key.back", display="esc"),
    KeySpec("q", "app.quit", "key.quit"),
)


def reports_dir() -> Path:
    """Where exported reports go: ``reports/`` in the user data folder."""
    return data_dir() / "reports"


def score_bar(score: int | None, width: int = 10) -> str:
    """A score as a bar of blocks, e.g. ``███████░░░`` (empty when not judged)."""
    if score is None:
        return "·" * width
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


class DebriefScreen(LocalizedKeys, Screen[None]):
    """The scored session.

    Args:
        log_path: the session's log (scored as it stands on disk, like ``report``).
        language: the interface language.
        report_dir: where exports go (None: the user data folder).
        channel_names: channel ids to names in the session's language.
        log_fault: why the log on disk is incomplete, if it is (said on the screen).
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = DEBRIEF_KEYS
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it without ClassVar)
        (0, "-tiny"),  # under 70 columns only the scores stay beside the findings
        (70, "-narrow"),  # under 100 columns the scores give their width to the findings
        (100, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [  # noqa: RUF012 (as above)
        (0, "-short"),  # under 30 rows the post gives its height to the lessons
        (30, "-tall"),
    ]

    def __init__(
        self,
        log_path: Path,
        *,
        language: str,
        report_dir: Path | None,
        channel_names: dict[str, str] | None = None,
        log_fault: LogFault | None = None,
        unsent: str = "",
        record_to: str | None = None,
    ) -> None:
        super().__init__(id="debrief")
        self.record_to = record_to
        self.record_problem: str | None = None
        self.unsent = unsent
        self.holding = False
        self.log_path = log_path
        self.log_fault = log_fault
        self.channel_names = channel_names or {}
        self.language = language
        self.report_dir = report_dir
        self.card: Scorecard | None = None
        self.error: str | None = None
        self.findings: list[Finding] = []
        """The card's findings in time order."""
        self.exported: list[Path] = []

    @property
    def scored(self) -> bool:
        """Whether scoring is over (a scorecard, or the error that stopped it)."""
        return self.card is not None or self.error is not None

    def compose(self) -> ComposeResult:
        """Scores and timeline on the left; findings and the selected post on the right."""
        language = self.language
        card = self.card
        if not self.scored:
            yield LoadingIndicator(id="debrief-loading")
            yield Footer(compact=True)
            return
        if card is None:
            yield Static(Content(tr(language, "debrief.error", error=self.error)), markup=False)
            yield from self._log_fault_line()
            yield Footer(compact=True)
            return
        with Horizontal(id="debrief-body"):
            with Vertical(id="debrief-side"):
                yield Static(self._scores(card), id="debrief-scores", markup=False)
                yield Static(
                    Content.styled(tr(language, "debrief.timeline"), "bold"),
                    id="debrief-spark-title",
                    markup=False,
                )
                # One block per timeline point, from -1 (▁) to 1 (█), wrapped to the pane.
                yield Static(
                    Content(sparkline([point.sentiment for point in card.timeline], 10_000)),
                    id="debrief-spark",
                    markup=False,
                )
                yield Static(self._marks(card), id="debrief-marks", markup=False)
            with Vertical(id="debrief-main"):
                self.findings = sorted(card.findings, key=lambda finding: finding.time)
                yield FindingsList(card, language, id="debrief-findings")
                with VerticalScroll(id="debrief-post-box"):
                    yield Static(id="debrief-post", markup=False)
        yield Static(
            Content(tr(language, "debrief.log", path=self.log_path)),
            id="debrief-export",
            markup=False,
        )
        yield from self._unsent_line()
        yield from self._log_fault_line()
        if self.record_problem is not None:
            text = tr(language, "debrief.not_recorded", error=self.record_problem)
            yield Static(Content.styled(text, "bold"), id="debrief-not-recorded", markup=False)
        yield Footer(compact=True)

    def hold_keys(self, seconds: float = HOLD_SECONDS) -> None:
        """Ignore the debrief's keys for ``seconds``: they were typed for the composer."""
        self.holding = True
        self.set_timer(seconds, self.release_keys)

    def release_keys(self) -> None:
        """End the hold of ``hold_keys``: the debrief's keys act again."""
        self.holding = False
        self.refresh_bindings()
        self.app.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No key acts while held (see ``hold_keys``)."""
        return not self.holding

    def _unsent_line(self) -> ComposeResult:
        """What the trainee was writing when time ran out: kept, shown, not sent."""
        if self.unsent:
            text = tr(self.language, "debrief.unsent", text=self.unsent)
            yield Static(Content(text), id="debrief-unsent", markup=False)

    def _log_fault_line(self) -> ComposeResult:
        """A line saying that the log on disk stops early, and where, when it does."""
        fault = self.log_fault
        if fault is None:
            return
        if fault.created:
            text = tr(
                self.language,
                "debrief.log_incomplete",
                error=fault.reason,
                clock=clock_text(fault.since, self.language),
            )
        else:
            text = tr(self.language, "debrief.log_missing", error=fault.reason)
        yield Static(Content.styled(text, "bold"), id="debrief-log-fault", markup=False)

    def on_mount(self) -> None:
        """Score the log in a worker the first time; once scored, focus the findings."""
        if not self.scored:
            score = partial(score_and_record, self.log_path, self.record_to)
            self.run_worker(score, name="score", thread=True, exit_on_error=False)
        else:
            self._focus_findings()

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The scorecard is in (or the log could not be scored): show it."""
        worker = event.worker
        if worker.name != "score" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state == WorkerState.ERROR:
            if not isinstance(worker.error, LogError):
                raise worker.error or RuntimeError("the log could not be scored")
            self.error = str(worker.error)
        else:
            done = cast(ScoredSession, worker.result)
            self.card = done.scored.scorecard
            self.record_problem = done.record_problem
        await self.recompose()
        self._focus_findings()

    def _focus_findings(self) -> None:
        if self.card is not None:
            self.query_one(FindingsList).focus()
            self._show_post()

    def _scores(self, card: Scorecard) -> Content:
        language = self.language
        lines = [
            Content.styled(tr(language, "debrief.heading", title=card.scenario_title), "bold"),
            # The name as the trainee typed it: plain text, a dash when none was given.
            Content(tr(language, "debrief.trainee", name=card.trainee.strip() or "—")),
            Content(
                tr(
                    language,
                    "debrief.outcome",
                    phase=card.final_phase_name,
                    minutes=card.duration // 60,
                    seed=card.seed,
                )
            ),
            *([Content.styled(cell_safe(card.stopped), "bold")] if card.stopped else []),
            Content(""),
        ]
        for dimension in card.dimensions:
            score = dimension.score
            shown = tr(language, "debrief.not_judged") if score is None else str(score)
            lines.append(
                Content.assemble(
                    (tr(language, f"dimension.{dimension.name}").ljust(12), "bold"),
                    shown.rjust(4),
                    "  ",
                    score_bar(score),
                )
            )
        lines.append(
            Content.assemble(
                (tr(language, "debrief.overall").ljust(12), "bold reverse"),
                (str(card.overall).rjust(4), "bold reverse"),
                "  ",
                score_bar(card.overall),
            )
        )
        return Content("\n").join(lines)

    def _marks(self, card: Scorecard) -> Content:
        lines = [
            Content.assemble(
                (clock_text(mark.time, self.language), "dim"), " ", Content(cell_safe(mark.label))
            )
            for mark in card.marks
            if mark.kind == "phase"
        ]
        return Content("\n").join(lines)

    def _current(self) -> Finding | None:
        if self.card is None:
            return None
        entry = self.query_one(FindingsList).current
        return None if entry is None else entry.finding

    def highlight(self, finding: Finding) -> None:
        """Put the cursor on one finding (its group opened) and show its post."""
        self.query_one(FindingsList).highlight_finding(finding)
        self._show_post()

    def _show_post(self) -> None:
        finding = self._current()
        box = self.query_one("#debrief-post", Static)
        if finding is None or finding.post_id is None:
            box.update(Content.styled(tr(self.language, "debrief.no_post"), "dim"))
            return
        header = " · ".join(
            part
            for part in (
                finding.post_author,
                self.channel_names.get(finding.channel or "", finding.channel),
                clock_text(finding.time, self.language),
            )
            if part
        )
        box.update(
            Content("\n").join(
                [
                    Content.assemble(
                        (tr(self.language, "debrief.post") + " ", "bold"),
                        (finding.post_id, "bold"),
                        " · ",
                        cell_safe(header),
                    ),
                    Content(cell_safe(finding.post_text or "")),
                ]
            )
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the post of the highlighted finding."""
        event.stop()
        self._show_post()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter opens or closes a group of findings; on a finding, goes to its post."""
        event.stop()
        if not self.query_one(FindingsList).toggle():
            self.action_jump()

    def action_jump(self) -> None:
        """Show the finding's post in the console."""
        finding = self._current()
        if finding is not None and finding.post_id is not None:
            self.post_message(JumpToPost(finding.post_id))

    def action_export(self, report_format: str) -> None:
        """Write the report in a format, atomically, and show where it went."""
        if self.card is None:
            return
        folder = self.report_dir or reports_dir()
        path = folder / f"{self.log_path.stem}.{report_format}"
        try:
            write_atomically(path, render_report(self.card, report_format))
        except OSError as error:
            self.app.notify(
                tr(self.language, "debrief.export_failed", error=error.strerror or error),
                severity="error",
                markup=False,
            )
            return
        self.exported.append(path)
        message = tr(self.language, "debrief.exported", path=path)
        self.query_one("#debrief-export", Static).update(Content.styled(message, "bold"))
        self.app.notify(message, markup=False)

    def action_back(self) -> None:
        """Back to the console, to look at the session as it ended."""
        self.dismiss()
