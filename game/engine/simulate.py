"""Headless play: run a policy (a built-in bot or a playbook) through whole sessions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from game.budgets import GAME_BUDGETS, Budget, Budgets
from game.engine.ports import ReplyReader
from game.engine.refusals import ActionError
from game.engine.session import Leave, Session, Subscriber
from game.journal.actions import Action
from game.journal.events import NO_LABELS, Event, SessionLabels
from game.journal.logfile import SessionLog
from game.scenario.loader import LoadedScenario

STEP_SECONDS = 30
"""How often a bot looks at the session (simulated seconds)."""


class Player(Protocol):
    """Anything that decides actions from a session: a bot or a playbook."""

    name: str

    def observe(self, event: Event) -> None:
        """See an event as it happens."""
        ...

    def decide(self, session: Session) -> list[Action]:
        """The actions to take now (``Leave`` to leave the session there)."""
        ...


@dataclass
class RunResult:
    """The outcome of one headless session.

    ``stopped`` says which budget ended it early, "... at minute N" (None: it ran to
    its end); ``exceeded`` names that budget.
    """

    scenario: str
    seed: int
    policy: str
    language: str
    final_phase: str
    phases: list[str]
    metrics: dict[str, Any]
    posts: int
    actions: int
    rejected: int
    log: str | None
    stopped: str | None = None
    exceeded: Budget | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The run as the JSON contract of ``simulate --json``."""
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "policy": self.policy,
            "language": self.language,
            "final_phase": self.final_phase,
            "phases": self.phases,
            "metrics": self.metrics,
            "posts": self.posts,
            "actions": self.actions,
            "rejected_actions": self.rejected,
            "log": self.log,
            "stopped": self.stopped,
            **self.extra,
        }


def log_stem(scenario_id: str, seed: int) -> str:
    """How a session's log is named (before its number): ``SCENARIO-seedN``."""
    return f"{scenario_id}-seed{seed}"


def play(
    loaded: LoadedScenario,
    player: Player,
    *,
    seed: int,
    language: str,
    reader: ReplyReader,
    log_dir: Path | None = None,
    on_end: Callable[[Session], None] | None = None,
    budgets: Budgets = GAME_BUDGETS,
    trainee: str | None = None,
    labels: SessionLabels = NO_LABELS,
) -> RunResult:
    """Play one whole session with ``player`` deciding every ``STEP_SECONDS``.

    A player that returns ``Leave`` leaves the session there: the rest of its actions
    are dropped and the crisis runs on to the scenario's end without it.

    Args:
        loaded: the scenario.
        player: the bot or playbook.
        seed: the session's seed.
        language: the session's language.
        reader: reads the brand's replies (``scoring.read_reply``).
        log_dir: the folder the log goes to (None: keep no log, as benchmarks do).
        on_end: called with the session once it has ended, before it is closed (or
            just after, when the player left); benchmarks and tests look at its people
            and posts.
        budgets: the limits the session runs under (the game's by default).
        trainee: the name in the log (default ``bot:NAME``); tests and benchmarks
            write logs as trainees' to fill a results store.
        labels: mode, cohort and start for the log's header.
    """
    stem = log_stem(loaded.scenario.meta.id, seed)
    log = SessionLog.numbered(log_dir, stem) if log_dir is not None else None
    watchers: list[Subscriber] = [player.observe]
    if log is not None:
        watchers.insert(0, log.record)
    session = Session(
        loaded,
        seed=seed,
        reader=reader,
        language=language,
        subscribers=watchers,
        trainee=f"bot:{player.name}" if trainee is None else trainee,
        labels=labels,
        budgets=budgets,
    )
    taken = rejected = 0
    try:
        session.advance(0)
        while not session.ended:
            for action in player.decide(session):
                if session.ended:
                    break
                if isinstance(action, Leave):
                    session.leave()
                    break
                try:
                    session.act(action)
                    taken += 1
                except ActionError:
                    rejected += 1
            session.advance(STEP_SECONDS)
        if on_end is not None:
            on_end(session)
    finally:
        session.close()
        if log is not None:
            log.close()
    return RunResult(
        scenario=loaded.scenario.meta.id,
        seed=seed,
        policy=player.name,
        language=language,
        final_phase=session.phase,
        phases=list(session.phase_path),
        metrics=session.metrics.to_dict(),
        posts=len(session.posts),
        actions=taken,
        rejected=rejected,
        log=str(log.path) if log is not None else None,
        stopped=session.budget_message(),
        exceeded=session.exceeded,
    )
