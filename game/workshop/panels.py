"""The facilitator console's widgets: the join panel to project, and the roster table."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from game.inert import cell_safe
from game.workshop.bigcode import big_code
from game.workshop.roster import Roster, Seat
from game.workshop.words import word

COLUMNS = ("trainee", "connected", "state", "phase", "mood", "waiting", "replies", "score")


class JoinPanel(Vertical):
    """Where to go and the code to type, large enough to read from the back of a room."""

    def __init__(self, url: str, code: str, language: str) -> None:
        super().__init__(id="join-panel")
        self.url, self.code, self.language = url, code, language

    def compose(self) -> ComposeResult:
        """The address, then the code in block letters and in plain letters."""
        yield Static(Content(word(self.language, "join", url=self.url)), id="join-url")
        yield Static(Content(big_code(self.code)), id="join-code")
        yield Static(Content(" ".join(self.code)), id="join-code-plain")

    def show_url(self, url: str) -> None:
        """Name the address once the door knows it (its port may be chosen on opening)."""
        self.url = url
        self.query_one("#join-url", Static).update(Content(word(self.language, "join", url=url)))


class RosterTable(DataTable[Text]):
    """One row per trainee: connection, their game's state, phase, mood, posts, score."""

    def __init__(self, language: str, phase_names: dict[str, str]) -> None:
        super().__init__(id="roster", cursor_type="row", zebra_stripes=True)
        self.language = language
        self.phase_names = phase_names

    def on_mount(self) -> None:
        """The columns, named in the console's language."""
        self._add_columns()

    def _add_columns(self) -> None:
        for column in COLUMNS:
            self.add_column(word(self.language, f"col.{column}"), key=column)

    def show(self, roster: Roster) -> None:
        """Redraw every row from the roster (a round has at most a few dozen).

        The columns are made again too: their widths are measured as rows are added,
        and a name longer than any before must widen its column.
        """
        self.clear(columns=True)
        self._add_columns()
        for seat in roster.rows():
            self.add_row(*self._cells(seat), key=seat.trainee)

    def _cells(self, seat: Seat) -> list[Text]:
        language = self.language
        status = seat.status
        # Rich Text cells: a DataTable reads a plain str cell as markup, and measures
        # Text for its column widths. The name as the trainee typed it, made as wide as
        # terminals draw it.
        cells = [
            Text(cell_safe(seat.trainee)),
            Text(word(language, "yes" if seat.connected else "no")),
        ]
        if status is None:
            none = word(language, "seat.none")
            return [*cells, *(Text(none) for _ in COLUMNS[2:])]
        score = "—" if status.score is None else str(status.score)
        return [
            *cells,
            Text(word(language, f"seat.{status.state}")),
            Text(cell_safe(self.phase_names.get(status.phase, status.phase)) or "—"),
            Text(f"{status.mood:+.2f}", justify="right"),
            Text(str(status.waiting), justify="right"),
            Text(str(status.replies), justify="right"),
            Text(score, justify="right"),
        ]
