"""The selected post's exchange: every message of the thread and its promises."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.world import Post
from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.render import thread_entries, thread_notes


class ThreadView(VerticalScroll):
    """Shows one thread; redrawn only when it or the selection changes.

    One plain-text block per message, so that the selected one can be scrolled to,
    then one for the teams and promises (or the hint when no post is selected).
    """

    DEFAULT_CSS = """
    ThreadView > .thread-post { margin-bottom: 1; }
    """

    def __init__(self, game: Game, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.game = game
        self.post_id: str | None = None
        self._signature: tuple[object, ...] = ()
        self._entries: list[Static] = []  # one per message, in order
        self._entry_ids: list[str] = []

    def compose(self) -> ComposeResult:
        """The notes block; the messages' blocks are mounted before it when shown."""
        yield Static(
            Content(tr(self.game.language, "thread.empty")), id="thread-notes", markup=False
        )

    @property
    def selected_entry(self) -> Static | None:
        """The block of the selected post, when one is shown."""
        if self.post_id is None or self.post_id not in self._entry_ids:
            return None
        return self._entries[self._entry_ids.index(self.post_id)]

    def show(self, post: Post | None) -> None:
        """Show a post's thread (or the hint when there is none)."""
        game = self.game
        notes = self.query_one("#thread-notes", Static)
        if post is None:
            self.post_id = None
            self._signature = ()
            self._set_entries([])
            notes.update(Content(tr(game.language, "thread.empty")))
            notes.display = True
            return
        posts = game.thread_posts(post)
        promises = game.thread_promises(post)
        signature = (
            post.id,
            tuple((p.id, game.state(p)) for p in posts),
            tuple((p.id, p.status) for p in promises),
            tuple(game.session.threads[post.thread].escalated),
        )
        if signature == self._signature:
            return
        self._signature = signature
        self.post_id = post.id
        self._set_entries(thread_entries(game, post))
        shown = thread_notes(game, post)
        notes.update(shown or Content(""))
        notes.display = shown is not None
        # After the next layout, when the new blocks' heights are known: the selected
        # post at the top, the replies that came after it below.
        self.call_after_refresh(self._scroll_to_selected)

    def _set_entries(self, entries: list[tuple[str, Content]]) -> None:
        """One block per message: the blocks there are updated, others added or removed."""
        for widget, (_, content) in zip(self._entries, entries, strict=False):
            widget.update(content)
        extra = [
            Static(content, classes="thread-post", markup=False)
            for _, content in entries[len(self._entries) :]
        ]
        for widget in self._entries[len(entries) :]:
            widget.remove()
        self._entries = self._entries[: len(entries)] + extra
        self._entry_ids = [post_id for post_id, _ in entries]
        if extra:
            self.mount_all(extra, before=self.query_one("#thread-notes", Static))

    def _scroll_to_selected(self) -> None:
        entry = self.selected_entry
        if entry is None:
            return
        if entry is self._entries[0]:
            self.scroll_home(animate=False, immediate=True)
        else:
            self.scroll_to_widget(entry, animate=False, top=True, immediate=True)
