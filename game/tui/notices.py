"""What the console tells the trainee: engine events and refusals as notices.

A ``Notice`` is an interface string key, its values and a severity; the screen words
it in the trainee's language and shows it as a toast. Nothing here imports Textual,
so what is announced for which event can be tested without an app.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from game.budgets import budget_of, exceeded_message
from game.journal.events import (
    Event,
    FactRevealed,
    PhaseChanged,
    PostArrived,
    PostFound,
    PromiseBroken,
    PromiseDue,
    PromiseKept,
    SessionEnded,
)
from game.tui.controller import Game, clock_text, compact_number
from game.tui.i18n import tr

Severity = Literal["information", "warning", "error"]
"""As Textual's notifications name them."""

INFLUENTIAL = ("influencer", "journalist")
"""Authors whose arrival is announced: many read them."""

LOG_NOTICE_SECONDS = 15.0
"""How long the notice that the log cannot be written stays up; the status bar keeps
saying it after that, until the log is whole again."""


@dataclass(frozen=True)
class Term:
    """A value that is itself an interface word (an i18n key), said in the same language.

    Attributes:
        key: the interface string.
        count: its ``{count}`` (singular or plural form), if it has one.
    """

    key: str
    count: int | None = None


@dataclass(frozen=True)
class Notice:
    """One thing to tell the trainee.

    Attributes:
        key: the interface string.
        values: its placeholders; scenario and Faker text goes in as it is.
        severity: information, warning or error.
        timeout: seconds it stays up (None: Textual's default, a few seconds).
    """

    key: str
    values: Mapping[str, str | int | Term] = field(default_factory=dict)
    severity: Severity = "information"
    timeout: float | None = None

    def text(self, language: str) -> str:
        """The notice in words, in ``language`` (to be shown as plain text)."""
        values = {
            name: _term(value, language) if isinstance(value, Term) else value
            for name, value in self.values.items()
        }
        return tr(language, self.key, **values)


def _term(term: Term, language: str) -> str:
    if term.count is None:
        return tr(language, term.key)
    return tr(language, term.key, count=term.count)


def event_notices(events: Iterable[Event], game: Game) -> list[Notice]:
    """The notices a step of the game deserves, in the order of its events.

    Args:
        events: the engine's events of one step.
        game: the session (names of people, phases, facts and channels).

    Returns:
        One notice per event worth telling; posts found by a search are counted in a
        single notice at the end.
    """
    scenario = game.scenario
    language = game.language
    notices: list[Notice] = []
    found = 0
    for event in events:
        if isinstance(event, PostArrived):
            person = game.person(event.post)
            if person is not None and person.archetype in INFLUENTIAL and event.post.tags_brand:
                kind = "journalist" if person.archetype == "journalist" else "influencer_kind"
                notices.append(
                    Notice(
                        "notice.influencer",
                        {
                            "kind": Term(f"notice.{kind}"),
                            "name": f"{person.name} {person.handle}",
                            "followers": compact_number(person.followers),
                            "channel": game.channel_name(event.post.channel),
                        },
                        "warning",
                    )
                )
        elif isinstance(event, PostFound):
            found += 1
        elif isinstance(event, PhaseChanged):
            phase = next(p for p in scenario.phases if p.id == event.phase)
            name = scenario.text(phase.name, language)
            notices.append(Notice("notice.phase", {"phase": name}, "warning"))
        elif isinstance(event, PromiseDue):
            values = {"id": event.promise_id, "due": clock_text(event.due, language)}
            notices.append(Notice("notice.promise_due", values, "warning"))
        elif isinstance(event, PromiseBroken):
            notices.append(Notice("notice.promise_broken", {"id": event.promise_id}, "error"))
        elif isinstance(event, PromiseKept):
            notices.append(Notice("notice.promise_kept", {"id": event.promise_id}))
        elif isinstance(event, FactRevealed):
            fact = next(f for f in scenario.facts if f.id == event.fact_id)
            statement = scenario.text(fact.statement, language)
            notices.append(Notice("notice.fact", {"fact": statement}))
        elif isinstance(event, SessionEnded):
            phase = next(p for p in scenario.phases if p.id == event.phase)
            notices.append(Notice("notice.ended", {"phase": scenario.text(phase.name, language)}))
            budget = budget_of(event.reason)
            if budget is not None:
                stopped = exceeded_message(budget, event.time // 60, language)
                notices.append(Notice("notice.stopped", {"reason": stopped}, "error"))
    if found:
        notices.append(Notice("notice.found", {"count": found}))
    return notices


def log_notice(reason: str | None, told: str | None) -> Notice | None:
    """What to tell about the session log, once per change.

    Args:
        reason: why the log cannot be written now (the OS's words), None when it is whole.
        told: the reason told last (None: nothing, or that it was whole again).

    Returns:
        The notice that the log failed (or failed anew, for another reason), that it is
        whole again, or None when nothing changed.
    """
    if reason == told:
        return None
    if reason is None:
        return Notice("notice.log_recovered")
    return Notice("notice.log_failed", {"error": reason}, "error", timeout=LOG_NOTICE_SECONDS)
