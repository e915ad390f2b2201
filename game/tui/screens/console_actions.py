"""The console's actions on posts: from a key to a refusal, a question, the composer or the engine.

``ConsoleActions`` is the base of the console screen: it holds what each post action
key does; the screen holds the layout, the clock and how changes are shown.
"""

from __future__ import annotations

from textual.screen import Screen

from game.engine import Action, Escalate, Hide, Like
from game.engine.world import Post
from game.tui.controller import Game
from game.tui.intents import (
    BanIntent,
    ComposerIntent,
    FollowUpIntent,
    PostIntent,
    PrivateIntent,
    ReplyIntent,
    SearchIntent,
    StatementIntent,
    WarnIntent,
    author_handle,
)
from game.tui.notices import Notice, Term
from game.tui.promises import promise_lines
from game.tui.refusals import follow_up_refusal, post_refusal
from game.tui.screens import questions
from game.tui.widgets.composer import Composer
from game.tui.widgets.feed import Feed


class ConsoleActions(Screen[None]):
    """What the console's post, statement, follow-up and search keys do.

    The screen that builds on it provides the session and how to act and speak.
    """

    game: Game

    def _act(self, action: Action) -> bool:
        """Take an engine action; False (after saying why) when it was refused."""
        raise NotImplementedError

    def _say(self, notice: Notice) -> None:
        """Tell the trainee something."""
        raise NotImplementedError

    def _current_post(self) -> Post | None:
        post_id = self.query_one(Feed).current_post_id
        return self.game.post(post_id) if post_id else None

    def _selected_post(self, kind: str) -> Post | None:
        """The post under the cursor, if an action of ``kind`` can take it (else say why not)."""
        post = self._current_post()
        refusal = post_refusal(self.game, post, kind)
        if refusal is not None:
            self._say(refusal)
            return None
        return post

    def _open(self, intent: ComposerIntent) -> None:
        self.query_one(Composer).open(intent, intent.label(self.game))

    def _open_for_post(self, intent: type[PostIntent]) -> None:
        post = self._selected_post(intent.kind)
        if post is not None:
            self._open(intent(post.id, author_handle(self.game, post)))

    def action_reply(self) -> None:
        """Answer the selected post in public."""
        self._open_for_post(ReplyIntent)

    def action_private(self) -> None:
        """Answer the selected post's author in private."""
        self._open_for_post(PrivateIntent)

    def action_warn(self) -> None:
        """Warn the selected post's author (an optional message citing the rules)."""
        self._open_for_post(WarnIntent)

    def action_ban(self) -> None:
        """Ban the selected post's author, with a reason."""
        self._open_for_post(BanIntent)

    def action_statement(self) -> None:
        """Choose channels, then write an official statement."""

        def chosen(channels: list[str] | None) -> None:
            if channels:
                self._open(StatementIntent(tuple(channels)))

        self.app.push_screen(questions.statement_channels(self.game), chosen)

    def action_like(self) -> None:
        """Like the selected post."""
        post = self._selected_post(Like.kind)
        if post is not None and self._act(Like(post.id)):
            self._say(Notice("notice.liked"))

    def action_hide(self) -> None:
        """Hide the selected post."""
        post = self._selected_post(Hide.kind)
        if post is not None and self._act(Hide(post.id)):
            self._say(Notice("notice.hidden"))

    def action_escalate(self) -> None:
        """Hand the selected post to a team."""
        post = self._selected_post(Escalate.kind)
        question = questions.escalation_team(self.game, post) if post is not None else None
        if post is None or question is None:
            return
        post_id = post.id

        def chosen(team: str | None) -> None:
            if team and self._act(Escalate(post_id, team)):
                self._say(Notice("notice.escalated", {"team": Term(f"team.{team}")}))

        self.app.push_screen(question, chosen)

    def action_follow_up(self) -> None:
        """Deliver on a promise: the selected thread's, or one chosen from a list.

        The list names every promise, soonest due first; kept and broken ones are
        shown below the owed ones but cannot be chosen.
        """
        lines = promise_lines(self.game)
        refusal = follow_up_refusal(lines)
        if refusal is not None:
            self._say(refusal)
            return
        promises = [line.promise for line in lines if line.owed]
        post = self._current_post()
        here = [p for p in promises if post is not None and p.thread == post.thread]

        def write(promise_id: str | None) -> None:
            promise = next((p for p in promises if p.id == promise_id), None)
            if promise is not None:
                self._open(FollowUpIntent(promise.id, promise.text))

        if len(here) == 1 or len(promises) == 1:
            write((here or promises)[0].id)
            return
        self.app.push_screen(questions.promise_to_keep(self.game, lines), write)

    def action_search(self) -> None:
        """Search the networks for posts that do not tag the brand."""
        self._open(SearchIntent())
