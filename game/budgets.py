"""What a scenario may make the engine do, and what a trainee may write: the budgets.

Scenario files travel between people, so a session is bounded whatever the file asks
for. ``validate`` checks what it can before a session starts (the crowd's volume, the
longest text a post can expand to); the engine enforces the rest as it runs and ends a
session that goes over with a reason naming the budget (``ended_by``).

The figures are several times what the built-in scenarios reach under every bot
(people's posts: at most 1,581 in a session and 227 in a minute; the longest post 272
characters), and small enough that a session under them runs in well under a second,
and its log stays far below what ``report`` reads (``MAX_LOG_BYTES``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

POSTS_PER_SESSION = 5_000
"""People's posts in one session (the crowd, injects and reactions; not the brand's)."""

POSTS_PER_MINUTE = 500
"""People's posts in one simulated minute."""

POST_CHARACTERS = 2_000
"""Characters of one person's post once its placeholders are filled."""

ACTIONS_PER_SESSION = 10_000
"""Actions the trainee (or a bot) takes in one session, waits included."""

TRAINEE_TEXT_CHARACTERS = 10_000
"""Characters of one reply, message, statement or ban reason the trainee writes."""

TEXT_PER_SESSION = 5_000_000
"""Characters of all the posts of a session together, the brand's included."""

Budget = Literal["posts", "posts_per_minute", "post_length", "actions", "text"]
"""Which budget a session went over."""

BUDGET_REASON_PREFIX = "budget:"
"""How ``SessionEnded.reason`` names a budget: ``budget:posts``..."""


@dataclass(frozen=True)
class Budgets:
    """The limits one session runs under (the game's by default).

    ``check`` plays its bots under tighter ones (``CHECK_BUDGETS``): it plays dozens of
    sessions, and a scenario whose sessions need thousands of posts is not one a
    trainee can play.
    """

    posts: int = POSTS_PER_SESSION
    posts_per_minute: int = POSTS_PER_MINUTE
    post_length: int = POST_CHARACTERS
    actions: int = ACTIONS_PER_SESSION
    text: int = TEXT_PER_SESSION

    def limit(self, budget: Budget) -> int:
        """The figure of one budget."""
        limit: int = getattr(self, budget)
        return limit


GAME_BUDGETS = Budgets()
"""What every played or simulated session runs under."""

CHECK_POSTS_PER_SESSION = 2_500
"""People's posts in one of ``check``'s sessions: half the game's, and still 1.6 times
the busiest built-in session. A scenario over it fails check at the first bot, in
seconds, instead of keeping check busy for minutes."""

CHECK_BUDGETS = replace(GAME_BUDGETS, posts=CHECK_POSTS_PER_SESSION)
"""What ``check``'s bots play under."""

_ENGLISH: dict[Budget, str] = {
    "posts": "the scenario exceeded its post budget ({limit} posts a session)",
    "posts_per_minute": "the scenario exceeded its post budget ({limit} posts in a minute)",
    "post_length": "the scenario exceeded its text budget (a post of more than {limit} characters)",
    "actions": "the session exceeded its action budget ({limit} actions)",
    "text": "the session exceeded its text budget ({limit} characters in all)",
}

_SPANISH: dict[Budget, str] = {
    "posts": "el escenario superó su límite de publicaciones ({limit} por sesión)",
    "posts_per_minute": "el escenario superó su límite de publicaciones ({limit} en un minuto)",
    "post_length": "el escenario superó su límite de texto (una publicación de más de "
    "{limit} caracteres)",
    "actions": "la sesión superó su límite de acciones ({limit})",
    "text": "la sesión superó su límite de texto ({limit} caracteres en total)",
}


def reason_for(budget: Budget) -> str:
    """The ``SessionEnded.reason`` of a session that went over ``budget``."""
    return f"{BUDGET_REASON_PREFIX}{budget}"


def budget_of(reason: str) -> Budget | None:
    """The budget a ``SessionEnded.reason`` names (None: the session ended normally)."""
    if not reason.startswith(BUDGET_REASON_PREFIX):
        return None
    name = reason.removeprefix(BUDGET_REASON_PREFIX)
    return next((budget for budget in _ENGLISH if budget == name), None)


def exceeded_message(
    budget: Budget, minute: int, language: str = "en", budgets: Budgets = GAME_BUDGETS
) -> str:
    """The sentence that says why a session stopped: "... at minute N".

    Args:
        budget: the budget that was exceeded.
        minute: the simulated minute it happened in.
        language: ``es`` or ``en`` (anything else: English).
        budgets: the limits the session ran under.
    """
    limit = f"{budgets.limit(budget):,}"
    if language == "es":
        text = _SPANISH[budget].format(limit=limit.replace(",", "."))
        return f"{text} en el minuto {minute}"
    return f"{_ENGLISH[budget].format(limit=limit)} at minute {minute}"
