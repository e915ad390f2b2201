"""Actions the engine would refuse, told before asking it, in the trainee's language.

The engine would refuse the same cases, but explains in English only: these are told
here in the trainee's language. (To be replaced by the engine's own refusal codes.)
"""

from __future__ import annotations

from game.engine.world import Post, Promise
from game.tui.controller import Game
from game.tui.notices import Notice

TEAMS = ("logistics", "customer_care", "product", "legal", "press")
"""The teams a post can be escalated to, in the order they are offered."""


def post_refusal(game: Game, post: Post | None, *, to_author: bool = True) -> Notice | None:
    """Why an action cannot take the post under the cursor (None: it can).

    Args:
        game: the session.
        post: the post under the cursor, if any.
        to_author: the action speaks to the post's author (a banned one cannot hear).

    Returns:
        The warning to show instead of acting, or None.
    """
    if post is None or post.from_brand:
        return Notice("notice.select_post", severity="warning")
    person = game.person(post)
    if to_author and person is not None and person.banned:
        return Notice("notice.author_banned", {"handle": person.handle}, "warning")
    return None


def hide_refusal(post: Post) -> Notice | None:
    """Why a post cannot be hidden (None: it can)."""
    return Notice("notice.already_hidden", severity="warning") if post.hidden else None


def follow_up_refusal(promises: list[Promise]) -> Notice | None:
    """Why there is nothing to follow up (None: there is)."""
    return None if promises else Notice("notice.no_promises", severity="warning")


def free_teams(game: Game, post: Post) -> list[str]:
    """The teams that can still take a post: one already holding the exchange cannot."""
    taken = set(game.session.threads[post.thread].escalated)
    return [team for team in TEAMS if team not in taken]
