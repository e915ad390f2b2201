"""The scenario picker: built-in and user scenarios; language and mode are chosen here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.tui.config import MODES, Mode
from game.tui.i18n import LANGUAGES, tr
from game.tui.keys import KeySpec, localize
from game.tui.library import LibraryEntry
from game.tui.messages import ScenarioChosen

PICKER_KEYS = (
    KeySpec("enter", "choose", "picker.key.choose", display="⏎", priority=True),
    KeySpec("l", "toggle_language", "picker.key.language"),
    KeySpec("m", "toggle_mode", "picker.key.mode"),
    KeySpec("q", "app.quit", "key.quit"),
)


class PickerScreen(Screen[None]):
    """Choose what to play, in which language and mode."""

    def __init__(self, entries: list[LibraryEntry], *, language: str, mode: Mode) -> None:
        super().__init__(id="picker")
        self.language = language
        self.mode: Mode = mode
        self.scenarios = entries
        localize(self, language, PICKER_KEYS)

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
        """Fill in the texts."""
        self._refresh_texts()
        self.query_one("#picker-list", OptionList).focus()

    def _option(self, entry: LibraryEntry) -> Option:
        language = self.language
        details = " · ".join(
            (
                tr(language, f"difficulty.{entry.difficulty}"),
                tr(language, "picker.minutes", minutes=entry.duration_minutes),
                tr(language, "picker.languages", languages=", ".join(entry.languages)),
                tr(language, f"picker.source.{entry.source}"),
            )
        )
        return Option(
            Content.assemble((entry.text(entry.title, language), "bold"), "\n", (details, "dim")),
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
        if not self.scenarios:
            options.add_option(Option(Content(tr(language, "picker.empty")), disabled=True))
        else:
            options.add_options([self._option(entry) for entry in self.scenarios])
            options.highlighted = highlighted if highlighted is not None else 0
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
            Content.styled(entry.text(entry.title, self.language), "bold"),
            Content(""),
            Content(entry.text(entry.summary, self.language)),
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
        """Play the highlighted scenario."""
        entry = self._current()
        if entry is None:
            return
        language = self.language if self.language in entry.languages else entry.languages[0]
        self.post_message(ScenarioChosen(entry, language, self.mode))

    def action_toggle_language(self) -> None:
        """Switch between Spanish and English (the interface and the session)."""
        self.language = LANGUAGES[(LANGUAGES.index(self.language) + 1) % len(LANGUAGES)]
        localize(self, self.language, PICKER_KEYS)
        self.app.call_later(self._after_language)

    def _after_language(self) -> None:
        self.refresh_bindings()
        self._refresh_texts()

    def action_toggle_mode(self) -> None:
        """Switch between practice and exam."""
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self._refresh_texts()
