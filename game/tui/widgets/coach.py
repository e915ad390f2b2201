"""The practice-mode coach: the cues of the last reply and the rules they touch."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.tui.coach import CoachNote
from game.tui.i18n import tr
from game.tui.render import highlighted


class CoachPanel(Static):
    """Shows what the analyzer found in the trainee's last message."""

    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__(Content(tr(language, "coach.idle")), id=id, markup=False)
        self.language = language

    def show_notes(self, text: str, notes: list[CoachNote]) -> None:
        """Explain one reply: its words with the cues highlighted, then each cue."""
        language = self.language
        if not notes:
            self.update(Content(tr(language, "coach.none", text=text)))
            return
        lines = [
            Content.styled(tr(language, "coach.reply"), "bold"),
            highlighted(text, [(note.start, note.end) for note in notes], "bold underline"),
        ]
        for note in notes:
            polarity = tr(language, "coach.good" if note.helps else "coach.bad")
            sign = "+" if note.helps else "−"
            lines.append(
                Content.assemble(
                    (f"{sign} ", "bold"),
                    (
                        tr(language, "coach.cue", cue=note.name, polarity=polarity, rule=note.rule),
                        "bold" if note.helps else "bold italic",
                    ),
                    ": «",
                    note.words,
                    "»",
                )
            )
            lines.append(Content.styled("   " + note.rule_label, "dim"))
        self.update(Content("\n").join(lines))
