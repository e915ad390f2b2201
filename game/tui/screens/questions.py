"""The questions the console asks in a dialog: channels, team, promise, finishing now.

Each function builds the dialog with its options in the session's language; the
console pushes it and acts on the answer.
"""

from __future__ import annotations

from game.engine.world import Post
from game.tui.controller import Game, clock_text
from game.tui.i18n import tr
from game.tui.promises import PromiseLine
from game.tui.refusals import free_teams
from game.tui.render import shown
from game.tui.screens.dialogs import ChannelsScreen, ChooseScreen, ConfirmScreen


def statement_channels(game: Game) -> ChannelsScreen:
    """Which public channels an official statement goes to (all ticked)."""
    language = game.language
    return ChannelsScreen(
        tr(language, "choose.channels"),
        [(channel.id, shown(game.channel_name(channel.id))) for channel in game.public_channels()],
        tr(language, "choose.ok"),
        tr(language, "choose.cancel"),
    )


def escalation_team(game: Game, post: Post) -> ChooseScreen | None:
    """Which team takes a post (None: every team already holds it)."""
    options = [(team, tr(game.language, f"team.{team}")) for team in free_teams(game, post)]
    return ChooseScreen(tr(game.language, "choose.team"), options) if options else None


def promise_to_keep(game: Game, lines: list[PromiseLine]) -> ChooseScreen:
    """Which owed promise to follow up; the kept and broken ones are listed, not offered.

    Args:
        game: the session.
        lines: its promises as ``promise_lines`` lists them (owed ones first).

    Returns:
        The dialog; it answers with a promise id.
    """
    options = [(line.promise.id, line.label) for line in lines]
    closed = {line.promise.id for line in lines if not line.owed}
    return ChooseScreen(tr(game.language, "choose.promise"), options, disabled=closed, wide=True)


def finish_now(game: Game) -> ConfirmScreen:
    """Whether to end the session now."""
    language = game.language
    return ConfirmScreen(
        tr(language, "notice.finish_title"),
        tr(language, "notice.finish_body", clock=clock_text(game.now, language)),
        tr(language, "action.finish"),
        tr(language, "quit.no"),
    )
