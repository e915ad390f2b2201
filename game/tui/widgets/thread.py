"""The selected post's exchange: every message of the thread and its promises."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.world import Post
from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.render import thread_content


class ThreadView(VerticalScroll):
    """Shows one thread; redrawn only when it or the selection changes."""

    def __init__(self, game: Game, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.game = game
        self.post_id: str | None = None
        self._signature: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        """One plain-text block."""
        yield Static(Content(tr(self.game.language, "thread.empty")), markup=False)

    def show(self, post: Post | None) -> None:
        """Show a post's thread (or the hint when there is none)."""
        game = self.game
        body = self.query_one(Static)
        if post is None:
            self.post_id = None
            self._signature = ()
            body.update(Content(tr(game.language, "thread.empty")))
            return
        posts = game.thread_posts(post)
        promises = game.thread_promises(post)
        signature = (
            post.id,
            tuple((p.id, game.state(p)) for p in posts),
            tuple((p.id, p.status) for p in promises),
        )
        if signature == self._signature:
            return
        self._signature = signature
        self.post_id = post.id
        body.update(thread_content(game, post))
        # After the next layout, when the new text's height is known: a thread's first
        # post is read from the top, a later one with the replies after it.
        if posts and posts[0].id == post.id:
            self.call_after_refresh(self.scroll_home, animate=False)
        else:
            self.call_after_refresh(self.scroll_end, animate=False)
