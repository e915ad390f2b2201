"""The console's coach key: into the coach and back, or the coach in the feed's place.

Beside the feed (wide terminals) the key moves the focus into the coach, where the
arrows scroll it, and back. Where there is no room beside the feed (the console's
``-narrow`` size) the coach is hidden until asked for, then takes the place of the
feed and the thread (the screen's ``-coach`` class, see console.tcss).
"""

from __future__ import annotations

from textual.screen import Screen

from game.tui.notices import Notice
from game.tui.widgets.coach import CoachPanel
from game.tui.widgets.feed import Feed


class ConsoleCoach(Screen[None]):
    """What the coach key does; a base of the console screen."""

    _coach_told = False  # whether the trainee was told once that n shows the hidden coach

    def _say(self, notice: Notice) -> None:
        """Tell the trainee something."""
        raise NotImplementedError

    def coached(self) -> None:
        """The coach has read a message: where it is hidden, say once how to see it."""
        if self.has_class("-narrow") and not self.coach_shown and not self._coach_told:
            self._coach_told = True
            self._say(Notice("notice.coach_ready"))

    @property
    def coach_shown(self) -> bool:
        """Whether the trainee is in the coach (focused beside the feed, or in its place)."""
        panels = self.query(CoachPanel)
        if not panels:
            return False
        if self.has_class("-narrow"):
            return self.has_class("-coach")
        return panels.first().has_focus

    def action_coach(self, show: bool | None = None) -> None:
        """Go into the coach, or back to the feed.

        Args:
            show: True to go in, False to go back, None to toggle.
        """
        panels = self.query(CoachPanel)
        if not panels:
            return  # exam mode: no coach (the key is disabled there anyway)
        if show is None:
            show = not self.coach_shown
        self.set_class(show, "-coach")
        target = panels.first() if show else self.query_one(Feed)
        # The one to focus may still be hidden until the new class is applied.
        self.call_after_refresh(target.focus)

    def focus_back(self) -> None:
        """Hand the keys back after the composer: to the coach if it is in the feed's place."""
        narrow_coach = self.has_class("-narrow") and self.has_class("-coach")
        panels = self.query(CoachPanel)
        if narrow_coach and panels:
            panels.first().focus()
        else:
            self.query_one(Feed).focus()
