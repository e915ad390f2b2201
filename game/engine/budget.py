"""The budgets of one session, counted as it runs (the figures are in ``game.budgets``).

The session asks before each person's post and each trainee action whether it fits;
the first that does not names the budget, and the session ends there.
"""

from __future__ import annotations

from game.budgets import (
    ACTIONS_PER_SESSION,
    POST_CHARACTERS,
    POSTS_PER_MINUTE,
    POSTS_PER_SESSION,
    TEXT_PER_SESSION,
    Budget,
)


class SessionBudget:
    """What one session has used of its budgets."""

    def __init__(self) -> None:
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
        if len(text) > POST_CHARACTERS:
            return "post_length"
        minute = now // 60
        if minute != self._minute:
            self._minute, self._posts_this_minute = minute, 0
        if self.posts >= POSTS_PER_SESSION:
            return "posts"
        if self._posts_this_minute >= POSTS_PER_MINUTE:
            return "posts_per_minute"
        if self.text + len(text) > TEXT_PER_SESSION:
            return "text"
        self.posts += 1
        self._posts_this_minute += 1
        return None

    def action_exceeds(self, written: tuple[str, ...]) -> Budget | None:
        """The budget a trainee action would exceed (it must not be taken), or None.

        Args:
            written: what the trainee typed for it (``Action.written``).
        """
        if self.actions >= ACTIONS_PER_SESSION:
            return "actions"
        if self.text + sum(len(text) for text in written) > TEXT_PER_SESSION:
            return "text"
        return None

    def action_taken(self, written: tuple[str, ...]) -> None:
        """A trainee action was taken: it and its words (kept in the log) count."""
        self.actions += 1
        self.text += sum(len(text) for text in written)

    def posted(self, text: str) -> None:
        """A post appeared (anyone's): its text counts towards the session's text."""
        self.text += len(text)
