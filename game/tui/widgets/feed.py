"""The feed of one channel: a virtual list that draws only the rows on screen.

Each row is rendered once into a cached strip; a new post adds one row and a state
change re-renders one row, so a storm into a feed of thousands costs a row per post,
not a redraw of the feed. The header stays on the first line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from game.engine.world import Post
from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.messages import PostHighlighted
from game.tui.render import feed_cells

COLUMNS = ("state", "time", "author", "handle", "followers", "text")
WIDTHS = {"state": 12, "time": 5, "author": 16, "handle": 14, "followers": 7}
NARROW = 90
"""Below this width the handle and followers give their room to the text (thread view
still shows them)."""
CACHE_LIMIT = 4000


def shown_columns(width: int) -> tuple[str, ...]:
    """The columns that fit a feed ``width`` cells wide."""
    if width >= NARROW:
        return COLUMNS
    return tuple(column for column in COLUMNS if column not in ("handle", "followers"))


def _row(cells: tuple[Text, ...], width: int) -> Text:
    """One line of fixed-width columns, the text taking what is left."""
    columns = shown_columns(width)
    fixed = sum(WIDTHS.get(column, 0) for column in columns) + len(columns)
    text_width = max(8, width - fixed)
    line = Text(no_wrap=True, end="")
    for column, cell in zip(COLUMNS, cells, strict=True):
        if column not in columns:
            continue
        column_width = WIDTHS.get(column, text_width)
        piece = cell.copy()
        piece.no_wrap = True
        piece.truncate(column_width, overflow="ellipsis", pad=True)
        if column == "followers":
            piece = Text(cell.plain.rjust(column_width)[:column_width], style=cell.style)
        line.append_text(piece)
        line.append(" ")
    return line


class Feed(ScrollView, can_focus=True):
    """Posts of the selected channel, oldest first; the cursor picks the post to act on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", show=False),
        Binding("down,j", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(0)", show=False),
        Binding("end", "edge(1)", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"feed--cursor", "feed--header"}
    DEFAULT_CSS = """
    Feed { overflow-x: hidden; }
    Feed > .feed--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: bold; }
    Feed > .feed--header { text-style: bold; background: $panel; }
    """

    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.game: Game | None = None
        self.rows: list[Post] = []
        self._index: dict[str, int] = {}
        self.cursor_row = 0
        self._cache: dict[tuple[str, int, bool, str], Strip] = {}

    # ------------------------------------------------------------------ content

    @property
    def row_count(self) -> int:
        """How many posts the feed holds."""
        return len(self.rows)

    def show(self, game: Game, posts: list[Post], selected: str | None = None) -> None:
        """Replace the rows with a channel's posts, the cursor on one of them.

        Args:
            game: the session.
            posts: the channel's posts, oldest first.
            selected: the post to put the cursor on (the newest if None or not there).
        """
        self.game = game
        self.rows = list(posts)
        self._index = {post.id: row for row, post in enumerate(self.rows)}
        self._cache.clear()
        self._resize_virtual()
        row = self._index.get(selected, len(self.rows) - 1) if selected else len(self.rows) - 1
        self._move(row)
        self.refresh()

    def append(self, game: Game, post: Post) -> None:
        """Add one post at the end; the cursor stays where the trainee put it.

        Following new posts would move the selection between reading a post and
        pressing a key, and the answer would go to whoever posted last.
        """
        self.game = game
        following = not self.rows
        self._index[post.id] = len(self.rows)
        self.rows.append(post)
        self._resize_virtual()
        if following:
            self._move(len(self.rows) - 1)
        self.refresh()

    def restate(self, game: Game, post: Post) -> None:
        """Redraw one post's row after its state changed (no-op if it is not shown)."""
        row = self._index.get(post.id)
        if row is None:
            return
        for key in [key for key in self._cache if key[0] == post.id]:
            del self._cache[key]
        self.refresh()

    @property
    def current_post_id(self) -> str | None:
        """The id of the post under the cursor."""
        if not self.rows:
            return None
        return self.rows[self.cursor_row].id

    def clear_cache(self) -> None:
        """Forget the rendered rows (they are drawn again when next shown)."""
        self._cache.clear()

    def row_of(self, post_id: str) -> int | None:
        """The row of a post in this feed, if it is there."""
        return self._index.get(post_id)

    def select_post(self, post_id: str) -> bool:
        """Put the cursor on a post; False if it is not in this feed."""
        row = self._index.get(post_id)
        if row is None:
            return False
        self._move(row)
        return True

    # ------------------------------------------------------------------ cursor

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # minus the header

    def _move(self, row: int) -> None:
        if not self.rows:
            self.cursor_row = 0
            return
        row = max(0, min(row, len(self.rows) - 1))
        self.cursor_row = row
        self._scroll_to_cursor()
        # Again once the layout is settled: a new virtual size or a first mount is
        # not measured yet.
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()
        # Always: the row may hold another post than before (a new channel's feed).
        self.post_message(PostHighlighted(self.rows[row].id))

    def _scroll_to_cursor(self) -> None:
        row = self.cursor_row
        top = int(self.scroll_y)
        visible = self._visible_rows()
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        """Move the cursor up or down."""
        self._move(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        """Move the cursor a screen up or down."""
        self._move(self.cursor_row + direction * self._visible_rows())

    def action_edge(self, end: int) -> None:
        """To the oldest (0) or the newest (1) post."""
        self._move(len(self.rows) - 1 if end else 0)

    def on_click(self, event: Click) -> None:
        """A click on a row puts the cursor there."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        self._move(int(self.scroll_y) + offset.y - 1)

    # ------------------------------------------------------------------ drawing

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)

    def on_resize(self) -> None:
        """New width: rows are drawn again at it."""
        self._cache.clear()
        self._resize_virtual()

    def render_line(self, y: int) -> Strip:
        """One line of the feed: the header, or the row under it at this scroll."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            cells = tuple(Text(tr(self.language, f"feed.{column}")) for column in COLUMNS)
            header = _row(cells, width)
            style = base + self.get_component_rich_style("feed--header")
            return self._strip(header, width, style)
        row = int(self.scroll_y) + y - 1
        if self.game is None or not 0 <= row < len(self.rows):
            return Strip.blank(width, base)
        post = self.rows[row]
        selected = row == self.cursor_row
        key = (post.id, width, selected, self.app.theme)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            line = _row(feed_cells(self.game, post), width)
            style = base
            if selected:
                style = base + self.get_component_rich_style("feed--cursor")
            strip = self._strip(line, width, style, cursor=selected)
            self._cache[key] = strip
        return strip

    def _strip(self, line: Text, width: int, style: Style, *, cursor: bool = False) -> Strip:
        segments = list(line.render(self.app.console))
        # The row's own styles on top of the widget's; the cursor's colours over all.
        if cursor:
            segments = list(Segment.apply_style(segments, post_style=style))
        else:
            segments = list(Segment.apply_style(segments, style=style))
        return Strip(segments).extend_cell_length(width, style).crop(0, width)
