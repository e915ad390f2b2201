"""The practice-mode coach: the cues of the last reply and the rules they touch.

The panel scrolls (keys when focused, the mouse wheel) so that nothing it has to say
is cut, however small the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.tui.coach import CoachNote, coach_notes, verdict_lines
from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.intents import ComposerIntent
from game.tui.render import highlighted
from scoring import ReplyReading
from scoring.judgement import Judgement


def _judgement_of(game: Game, text: str) -> Judgement | None:
    """The engine's own judgement of the words just sent (the crowd reacted to it)."""
    reading = game.session.last_reading
    if isinstance(reading, ReplyReading) and reading.judgement is not None:
        return reading.judgement if reading.text == text else None
    return None


class CoachPanel(VerticalScroll):
    """Shows what the analyzer found in the trainee's last message.

    A scrolling container around one plain-text block (``#coach-text``): focused, the
    arrows and page keys scroll it; escape hands the keys back to the console.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.coach(False)", show=False),
    ]

    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.border_title = Content(tr(language, "coach.heading"))

    def compose(self) -> ComposeResult:
        """The one block of text, the idle hint until the first message is coached."""
        yield Static(Content(tr(self.language, "coach.idle")), id="coach-text", markup=False)

    @property
    def text(self) -> str:
        """What the panel says, as plain text."""
        return str(self.query_one("#coach-text", Static).visual)

    def update(self, content: Content) -> None:
        """Show ``content`` from its first line."""
        self.query_one("#coach-text", Static).update(content)
        self.scroll_home(animate=False)

    def coach(self, game: Game, intent: ComposerIntent, text: str) -> bool:
        """Explain a message just sent (one the coach does not read leaves the panel).

        Returns:
            Whether the panel now explains it.
        """
        if intent.coach_kind is None:
            return False
        post = game.post(intent.post_id) if intent.post_id else None
        person = game.person(post) if post is not None else None
        judgement = _judgement_of(game, text)
        notes = coach_notes(
            text,
            self.language,
            person.name if person else None,
            game.now,
            kind=intent.coach_kind,
            requires=game.scenario.scoring.statement.requires,
            judgement=judgement,
        )
        self.show_notes(text, notes, verdict_lines(judgement, self.language))
        return True

    def show_notes(self, text: str, notes: list[CoachNote], verdicts: Sequence[str] = ()) -> None:
        """Explain one reply: its words with the cues highlighted, then each cue.

        Args:
            text: the reply.
            notes: one per cue found.
            verdicts: what the reading in context found wrong, one line each.
        """
        language = self.language
        if not notes:
            lines = [Content(tr(language, "coach.none", text=text))]
            self.update(Content("\n").join(lines + self._verdicts(verdicts)))
            return
        lines = [
            Content.styled(tr(language, "coach.reply"), "bold"),
            highlighted(text, [(note.start, note.end) for note in notes], "bold underline"),
        ]
        for note in notes:
            # Not scored here (a cue in a warning, say): said so, not shown as a hint.
            polarity = {True: "coach.good", False: "coach.bad", None: "coach.unscored"}
            sign = {True: "+", False: "−", None: "·"}[note.helps]
            rules = ", ".join(note.rules) or "—"
            lines.append(
                Content.assemble(
                    (f"{sign} ", "bold"),
                    (
                        tr(
                            language,
                            "coach.cue",
                            cue=note.name,
                            polarity=tr(language, polarity[note.helps]),
                            rule=rules,
                        ),
                        "bold" if note.helps else "bold italic",
                    ),
                    ": «",
                    note.words,
                    "»",
                )
            )
            if note.rule_label:
                lines.append(Content.styled("   " + note.rule_label, "dim"))
        self.update(Content("\n").join(lines + self._verdicts(verdicts)))

    def _verdicts(self, verdicts: Sequence[str]) -> list[Content]:
        """What the reply lacked in its situation, under a heading of its own."""
        if not verdicts:
            return []
        heading = Content.styled(tr(self.language, "coach.missing"), "bold")
        return [heading, *(Content.styled("− " + line, "bold italic") for line in verdicts)]
