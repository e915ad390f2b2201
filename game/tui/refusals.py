"""The engine's refusals, told in the trainee's language, before or after acting.

The engine refuses with a code and its parameters (``game.engine.refusals``); here a
code becomes a notice whose words come from the interface strings. Before a key opens
the composer, the console asks the engine the same question it would ask when acting,
so a banned author or a hidden post is told at once, not after the trainee has typed.
"""

from __future__ import annotations

from game.engine import ActionError
from game.engine.world import Post
from game.tui.controller import Game
from game.tui.notices import Notice, Term
from game.tui.promises import PromiseLine

TEAMS = ("logistics", "customer_care", "product", "legal", "press")
"""The teams a post can be escalated to, in the order they are offered."""


def refusal_notice(error: ActionError) -> Notice:
    """The notice that tells an engine refusal in the trainee's language."""
    return Notice(f"refusal.{error.refusal.value}", dict(error.params), "warning")


def post_refusal(game: Game, post: Post | None, kind: str) -> Notice | None:
    """Why an action of ``kind`` cannot take the post under the cursor (None: it can).

    Args:
        game: the session.
        post: the post under the cursor, if any.
        kind: the engine's action kind (``reply``, ``hide``, ``ban``...).

    Returns:
        The warning to show instead of acting, or None.
    """
    if post is None or post.from_brand:
        return Notice("notice.select_post", severity="warning")
    error = game.session.refusal(post, kind)
    return refusal_notice(error) if error is not None else None


def follow_up_refusal(lines: list[PromiseLine]) -> Notice | None:
    """Why there is nothing to follow up (None: there is).

    Args:
        lines: every promise of the session, as the chooser lists them.

    Returns:
        None when one is owed; else that none was made, or how the made ones ended.
    """
    if any(line.owed for line in lines):
        return None
    if not lines:
        return Notice("notice.no_promises", severity="warning")
    kept = sum(line.standing == "kept" for line in lines)
    counts = {
        "kept": Term("promise.kept_count", kept),
        "broken": Term("promise.broken_count", len(lines) - kept),
    }
    return Notice("notice.promises_closed", counts, severity="warning")


def free_teams(game: Game, post: Post) -> list[str]:
    """The teams that can still take a post: one already holding the exchange cannot."""
    taken = set(game.session.threads[post.thread].escalated)
    return [team for team in TEAMS if team not in taken]
