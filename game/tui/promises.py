"""The session's promises as the `f` chooser lists them: whose, what, when due, how they stand.

No Textual here: each promise becomes one line of words in the session's language, and
the chooser only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.engine.world import Promise
from game.tui.controller import Game, clock_text
from game.tui.i18n import STRINGS, tr
from game.tui.render import one_line

Standing = Literal["open", "late", "kept", "broken"]
"""``late``: past its deadline and not followed up yet (a late follow-up still counts a
little); ``broken``: past it and followed up late once, after which nothing more counts."""

OWED: tuple[Standing, ...] = ("open", "late")
STANDINGS: tuple[Standing, ...] = ("open", "late", "kept", "broken")
EXCERPT = 30
"""Characters of a promise's own words shown when its act has no word of its own."""


def standing(promise: Promise, now: int) -> Standing:
    """How a promise stands at the simulated second ``now``."""
    if promise.status == "kept":
        return "kept"
    if promise.status == "broken" or promise.due <= now:
        return "late" if promise.followed_up_late is None else "broken"
    return "open"


@dataclass(frozen=True)
class PromiseLine:
    """One promise as the chooser shows it.

    Attributes:
        promise: the promise.
        standing: open, late, kept or broken.
        label: the whole line, mark first, in the session's language.
    """

    promise: Promise
    standing: Standing
    label: str

    @property
    def owed(self) -> bool:
        """Whether a follow-up can still be chosen for it."""
        return self.standing in OWED


def span(seconds: int) -> str:
    """A stretch of time in minutes, hours from an hour on: "3 min", "2 h 5 min".

    Rounded up to whole minutes and at least 1: "in 0 min" says nothing. "h" and
    "min" are the same symbols in both languages.
    """
    hours, minutes = divmod(max(1, -(-seconds // 60)), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _who(game: Game, promise: Promise) -> str:
    thread = game.session.threads.get(promise.thread)
    person = game.session.crowd.people.get(thread.author) if thread else None
    return f"{person.name} {person.handle}" if person else promise.id


def _what(game: Game, promise: Promise) -> str:
    key = f"promise.act.{promise.act}"
    if key in STRINGS["en"]:  # both languages hold the same keys (a test says so)
        return tr(game.language, key)
    return f"«{one_line(promise.text, EXCERPT)}»"


def promise_line(game: Game, promise: Promise) -> PromiseLine:
    """The chooser's line for one promise.

    Args:
        game: the session (its clock, people and language).
        promise: one of its promises.

    Returns:
        The line: "! late · Ana @ana_r: call back, was due 10:15, 3 min late".
    """
    language = game.language
    state = standing(promise, game.now)
    template = {"open": "promise.line_open", "late": "promise.line_late"}
    line = tr(
        language,
        template.get(state, "promise.line_closed"),
        who=_who(game, promise),
        what=_what(game, promise),
        due=clock_text(promise.due, language),
        span=span(abs(promise.due - game.now)),
    )
    # Marks padded to one width: the customers' names start in one column.
    marks = {s: tr(language, f"promise.mark.{s}") for s in STANDINGS}
    width = max(len(mark) for mark in marks.values())
    return PromiseLine(promise, state, f"{marks[state].ljust(width)} · {line}")


def promise_lines(game: Game) -> list[PromiseLine]:
    """Every promise of the session: owed ones soonest due first, then the closed ones.

    Args:
        game: the session.

    Returns:
        The lines, in the order the chooser lists them.
    """
    lines = [promise_line(game, p) for p in game.session.promises.values()]
    lines.sort(key=lambda line: (not line.owed, line.promise.due, line.promise.made))
    return lines
