"""The budgets of one session, counted as it runs (the figures are in ``game.budgets``).

The session asks before each person's post and each trainee action whether it fits;
the first that does not names the budget, and the session ends there.
"""

from __future__ import annotations

from game.budgets import GAME_BUDGETS, Budget, Budgets


class SessionBudget:
    """What one session has used of its budgets.

    Args:
        limits: the budgets it runs under.
    """

    def __init__(self, limits: Budgets = GAME_BUDGETS) -> None:
        self.limits = limits
        self.posts = 0
        self.actions = 0
        self.text = 0
        self._minute = -1
        self._posts_this_minute = 0

    def person_post(self, now: int, text: str) -> Budget | None:
        """Count a person's post about to appear at second ``now``.

        Returns:
            The budget it would exceed (the post must not appear), or None.
        """
        if len(text) > self.limits.post_length:
            return "post_length"
        minute = now // 60
        if minute != self._minute:
            self._minute, self._posts_this_minute = minute, 0
        if self.posts >= self.limits.posts:
            return "posts"
        if self._posts_this_minute >= self.limits.posts_per_minute:
            return "posts_per_minute"
        if self.text + len(text) > self.limits.text:
            return "text"
        self.posts += 1
        self._posts_this_minute += 1
        return None

    def action_exceeds(self, written: tuple[str, ...]) -> Budget | None:
        """The budget a trainee action would exceed (it must not be taken), or None.

        Args:
            written: what the trainee typed for it (``Action.written``).
        """
        if self.actions >= self.limits.actions:
            return "actions"
        if self.text + sum(len(text) for text in written) > self.limits.text:
            return "text"
        return None

    def action_taken(self, written: tuple[str, ...]) -> None:
        """A trainee action was taken: it and its words (kept in the log) count."""
        self.actions += 1
        self.text += sum(len(text) for text in written)

    def posted(self, text: str) -> None:
        """A post appeared (anyone's): its text counts towards the session's text."""
        self.text += len(text)
