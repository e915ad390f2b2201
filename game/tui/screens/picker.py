"""The scenario picker: built-in and user scenarios; language and mode are chosen here.

The library and the chosen scenario are read in a thread worker (validating YAML
takes a while): the list shows a loading indicator meanwhile and the keys wait.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from game.services.learning import learning_order, start_here
from game.tui.config import MODES, Mode
from game.tui.i18n import LANGUAGES, tr
from game.tui.keys import KeySpec, LocalizedKeys
from game.tui.library import LibraryEntry, library
from game.tui.messages import ProgressWanted, ScenarioChosen
from game.tui.render import shown

if TYPE_CHECKING:
    from game.scenario.loader import LoadedScenario

PICKER_KEYS = (
    KeySpec("enter", "choose", "picker.key.choose", display="⏎", priority=True),
    KeySpec("l", "toggle_language", "picker.key.language"),
    KeySpec("m", "toggle_mode", "picker.key.mode"),
    KeySpec("p", "progress", "picker.key.progress"),
    KeySpec("q", "app.quit", "key.quit"),
)


def load_entry(entry: LibraryEntry) -> LoadedScenario:
    """Load and validate a listed scenario in full (runs in a worker thread).

    Raises:
        ScenarioError: the file changed since it was listed and is no longer valid.
    """
    # Imported here, off the UI thread: the scenario model is the slow import.
    from game.scenario.loader import load_scenario

    return load_scenario(Path(entry.path))


def _difficulty(entry: LibraryEntry) -> str:
    return entry.difficulty


def in_learning_order(entries: list[LibraryEntry], language: str) -> list[LibraryEntry]:
    """The scenarios introductory first, then intermediate, then hard; ties by title.

    Args:
        entries: the library.
        language: the interface language, whose titles break ties.
    """
    return learning_order(entries, _difficulty, lambda entry: entry.text(entry.title, language))


class PickerScreen(LocalizedKeys, Screen[None]):
    """Choose what to play, in which language and mode.

    Args:
        entries: the library (None: read it in a worker when the screen mounts).
        language: the interface language.
        mode: practice or exam.
        highlighted: the entry to highlight first.
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = PICKER_KEYS

    def __init__(
        self,
        entries: list[LibraryEntry] | None,
        *,
        language: str,
        mode: Mode,
        highlighted: int | None = None,
    ) -> None:
        # No id: on a change of language two pickers are briefly mounted at once.
        super().__init__()
        self.language = language
        self.mode: Mode = mode
        self.scenarios: list[LibraryEntry] = in_learning_order(entries or [], language)
        self.loaded = entries is not None
        self._highlighted = highlighted
        self._choosing: LibraryEntry | None = None

    def compose(self) -> ComposeResult:
        """Heading, settings, the list and the highlighted scenario's summary."""
        yield Static(id="picker-heading", markup=False)
        yield Static(id="picker-settings", markup=False)
        with Horizontal(id="picker-body"):
            yield OptionList(id="picker-list", markup=False)
            with Vertical(id="picker-detail"):
                yield Static(id="picker-summary", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill in the texts; read the library if it was not given."""
        options = self.query_one("#picker-list", OptionList)
        options.focus()
        self._refresh_texts()
        if not self.loaded:
            options.loading = True
            # An error here is a bug, not a bad file (those are left out): it ends the app.
            self.run_worker(library, name="library", thread=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The library has been read, or the chosen scenario loaded (or refused)."""
        worker = event.worker
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one("#picker-list", OptionList).loading = False
        if worker.name == "library" and event.state == WorkerState.SUCCESS:
            self.loaded = True
            self.scenarios = in_learning_order(worker.result or [], self.language)
            self._refresh_texts()
        elif worker.name == "scenario":
            entry, self._choosing = self._choosing, None
            if entry is not None:
                self._chosen(entry, worker.result, worker.error)

    def _chosen(
        self, entry: LibraryEntry, loaded: LoadedScenario | None, error: BaseException | None
    ) -> None:
        from game.scenario.problems import ScenarioError

        if isinstance(error, ScenarioError):
            # Changed since it was listed: said, and the trainee chooses again.
            self.app.notify(error.render(), severity="error", markup=False)
        elif error is not None:
            raise error  # a bug, not a bad file: as loud as on the UI thread
        elif loaded is not None:
            language = self.language if self.language in entry.languages else entry.languages[0]
            self.post_message(ScenarioChosen(loaded, language, self.mode))

    def _option(self, entry: LibraryEntry, first: LibraryEntry | None) -> Option:
        language = self.language
        title = Content.styled(shown(entry.text(entry.title, language)), "bold")
        if entry is first:  # a word and a symbol, not a colour alone; its own line, never cut
            title = Content.assemble((tr(language, "picker.start_here"), "bold"), "\n", title)
        details = " · ".join(
            (
                tr(language, f"difficulty.{entry.difficulty}"),
                tr(language, "picker.minutes", minutes=entry.duration_minutes),
                tr(language, "picker.languages", languages=", ".join(entry.languages)),
                tr(language, f"picker.source.{entry.source}"),
            )
        )
        return Option(
            Content.assemble(title, "\n", (details, "dim")),
            id=entry.id,
        )

    def _refresh_texts(self) -> None:
        language = self.language
        self.query_one("#picker-heading", Static).update(
            Content.assemble(
                (tr(language, "app.title"), "bold"),
                " · ",
                tr(language, "app.subtitle"),
                " · ",
                (tr(language, "picker.heading"), "bold"),
            )
        )
        self.query_one("#picker-settings", Static).update(
            Content.assemble(
                (
                    tr(language, "picker.language", language=tr(language, f"language.{language}")),
                    "bold",
                ),
                "   ",
                (tr(language, "picker.mode", mode=tr(language, f"mode.{self.mode}")), "bold"),
                "   ",
                (tr(language, f"mode.{self.mode}.help"), "italic"),
            )
        )
        options = self.query_one("#picker-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not self.loaded:
            pass  # the loading indicator says it
        elif not self.scenarios:
            options.add_option(Option(Content(tr(language, "picker.empty")), disabled=True))
        else:
            first = start_here(self.scenarios, _difficulty)
            options.add_options([self._option(entry, first) for entry in self.scenarios])
            if highlighted is None:
                highlighted, self._highlighted = self._highlighted or 0, None
            options.highlighted = min(highlighted, len(self.scenarios) - 1)
        self._show_summary()

    def _current(self) -> LibraryEntry | None:
        index = self.query_one("#picker-list", OptionList).highlighted
        if index is None or not self.scenarios:
            return None
        return self.scenarios[index]

    def _show_summary(self) -> None:
        summary = self.query_one("#picker-summary", Static)
        entry = self._current()
        if entry is None:
            summary.update("")
            return
        parts = [
            Content.styled(shown(entry.text(entry.title, self.language)), "bold"),
            Content(""),
            Content(shown(entry.text(entry.summary, self.language))),
        ]
        if self.language not in entry.languages:
            other = entry.languages[0]
            parts += [
                Content(""),
                Content.styled(
                    tr(
                        self.language,
                        "picker.not_in_language",
                        language=tr(self.language, f"language.{self.language}"),
                        other=tr(self.language, f"language.{other}"),
                    ),
                    "italic",
                ),
            ]
        summary.update(Content("\n").join(parts))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the summary of the highlighted scenario."""
        event.stop()
        self._show_summary()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a scenario chooses it."""
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """Play the highlighted scenario (loaded in full in a worker first)."""
        entry = self._current()
        if entry is None or self._choosing is not None:
            return
        self._choosing = entry
        self.query_one("#picker-list", OptionList).loading = True
        work = partial(load_entry, entry)
        self.run_worker(work, name="scenario", thread=True, exit_on_error=False)

    def action_toggle_language(self) -> None:
        """Switch between Spanish and English (the interface and the session).

        The keys are described in the new language by a picker made for it, which
        takes this one's place with the same list, highlight and mode.
        """
        if self._choosing is not None:
            return
        language = LANGUAGES[(LANGUAGES.index(self.language) + 1) % len(LANGUAGES)]
        current = self._current()
        entries = in_learning_order(self.scenarios, language) if self.loaded else None
        # Titles sort differently in the other language: keep the same scenario highlighted.
        highlighted = entries.index(current) if entries and current in entries else None
        picker = PickerScreen.in_language(language)
        self.app.switch_screen(
            picker(entries, language=language, mode=self.mode, highlighted=highlighted)
        )

    def action_progress(self) -> None:
        """Show the trainee's progress (the app knows the store and the trainee)."""
        if self._choosing is None:
            self.post_message(ProgressWanted(self.language))

    def action_toggle_mode(self) -> None:
        """Switch between practice and exam."""
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self._refresh_texts()
