"""``progress``: a trainee's sessions over time, rule mastery, exams, what to play next.

Reads the results store (``game.services.results``) and the exercises file
(``game.services.exercises``) and computes with ``game.results.progress``. The words
both front ends share (trends, modes, the reason of a recommendation) are here, in
Spanish and English; the command line and the Progress screen lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.results.database import StoreUnavailable
from game.results.progress import (
    DEFAULT_LAST,
    IMPROVING,
    STEADY,
    UNMEASURED,
    WORSENING,
    CohortRow,
    Progress,
    Recommendation,
    ScenarioInfo,
    cohort_rows,
    progress_of,
)
from game.results.queries import findings_of, stored_sessions, trainees
from game.results.store import ResultsStore
from game.services.errors import InputError
from game.services.exercises import scenario_infos
from game.services.store import describe_store
from game.vocabulary import rule_name

TREND_ARROWS = {IMPROVING: "↑", WORSENING: "↓", STEADY: "→", UNMEASURED: "·"}
"""A symbol beside each trend's word (never the symbol alone)."""
TREND_WORDS = {
    "es": {
        IMPROVING: "mejora",
        WORSENING: "empeora",
        STEADY: "igual",
        UNMEASURED: "sin datos",
    },
    "en": {
        IMPROVING: "improving",
        WORSENING: "worsening",
        STEADY: "steady",
        UNMEASURED: "no data",
    },
}
MODE_WORDS = {
    "es": {"practice": "práctica", "exam": "examen", "simulated": "simulada"},
    "en": {"practice": "practice", "exam": "exam", "simulated": "simulated"},
}


class NoSessions(InputError):
    """Nothing to show: the store has no sessions of this trainee or cohort."""


@dataclass(frozen=True)
class TraineeProgress:
    """A trainee's progress and the scenarios it could name.

    Attributes:
        progress: the computation's result.
        scenarios: the built-in scenarios known to the exercises file, by id.
        unmeasured: scenarios played that recommendations leave out (user scenarios,
            not in the exercises file).
    """

    progress: Progress
    scenarios: dict[str, ScenarioInfo]
    unmeasured: tuple[str, ...]


def _read(action: Any) -> Any:
    try:
        return action()
    except StoreUnavailable as error:
        raise InputError(str(error)) from None


def trainee_progress(
    store: ResultsStore,
    trainee: str,
    *,
    last: int = DEFAULT_LAST,
    include_simulated: bool = False,
    db: str | None = None,
) -> TraineeProgress:
    """A trainee's progress from the store.

    Args:
        store: the results store.
        trainee: whose.
        last: the mastery window (latest sessions).
        include_simulated: bots' sessions too (their trainee is ``bot:NAME``).
        db: the store's location, to name it in messages.

    Raises:
        NoSessions: the trainee has no sessions; the message says how many trainees
            the store knows.
        InputError: the store cannot be read.
    """
    sessions = _read(
        lambda: stored_sessions(store, trainee=trainee, include_simulated=include_simulated)
    )
    if not sessions:
        known = _read(lambda: trainees(store))
        where = describe_store(db)
        if not known:
            raise NoSessions(f"no sessions recorded yet in {where}: play one (crisisdrill play)")
        raise NoSessions(
            f"no sessions of trainee '{trainee}' in {where}; it has sessions of "
            f"{len(known)} trainee{'' if len(known) == 1 else 's'} (--trainee NAME)"
        )
    found = _read(lambda: findings_of(store, [s.scoring_id for s in sessions[-last:]]))
    infos = scenario_infos()
    progress = progress_of(trainee, sessions, found, infos, last)
    known_ids = {info.id for info in infos}
    unmeasured = sorted({s.scenario_id for s in sessions} - known_ids)
    return TraineeProgress(progress, {info.id: info for info in infos}, tuple(unmeasured))


def bench_progress(store: ResultsStore, trainee: str) -> TraineeProgress:
    """A trainee's progress with the defaults, as ``bench/results.py`` times it."""
    return trainee_progress(store, trainee)


def cohort_progress(
    store: ResultsStore, cohort: str, *, last: int = DEFAULT_LAST, db: str | None = None
) -> list[CohortRow]:
    """The trainer's view of a cohort: one row per trainee.

    Raises:
        NoSessions: the cohort has no sessions.
        InputError: the store cannot be read.
    """
    sessions = _read(lambda: stored_sessions(store, cohort=cohort))
    if not sessions:
        raise NoSessions(f"no sessions of cohort '{cohort}' in {describe_store(db)}")
    by_trainee: dict[str, list[Any]] = {}
    for session in sessions:
        by_trainee.setdefault(session.trainee, []).append(session)
    latest = [s.scoring_id for group in by_trainee.values() for s in group[-last:]]
    found = _read(lambda: findings_of(store, latest))
    return cohort_rows(by_trainee, found, last)


def title_of(known: TraineeProgress, scenario_id: str, language: str) -> str:
    """A scenario's title in ``language`` (its id when unknown)."""
    info = known.scenarios.get(scenario_id)
    if info is None:
        return scenario_id
    return info.title.get(language) or next(iter(info.title.values()), scenario_id)


def _language(language: str) -> str:
    return language if language in TREND_WORDS else "en"


def points_text(points_lost: float) -> str:
    """Points a rule cost: whole points ("−104", "−2"), a tenth under one ("−0.4"), or "0"."""
    if not points_lost:
        return "0"
    whole = round(points_lost)
    return f"−{whole}" if whole >= 1 else f"−{points_lost:.1f}"


def trend_text(trend: str, language: str) -> str:
    """A trend as an arrow and a word: "↑ improving", "↓ empeora"."""
    return f"{TREND_ARROWS[trend]} {TREND_WORDS[_language(language)][trend]}"


def mode_word(mode: str, language: str) -> str:
    """A session mode in ``language``."""
    return MODE_WORDS[_language(language)].get(mode, mode)


def reason(
    known: TraineeProgress, recommendation: Recommendation, language: str, *, rules: int = 3
) -> str:
    """One line saying why a recommendation, naming the rules it drills.

    Args:
        known: the trainee's progress.
        recommendation: one of its recommendations.
        language: ``es`` or ``en``.
        rules: name at most this many rules (the screen has less room than the text).
    """
    es = _language(language) == "es"
    mastery = {m.rule: m for m in known.progress.mastery}
    named = []
    for rule in recommendation.rules[:rules]:
        m = mastery.get(rule)
        if m is None or not m.practised:
            how = "sin practicar aún" if es else "not practised yet"
        else:
            how = (
                f"incumplida {m.broken} de {m.practised}"
                if es
                else f"broken {m.broken} of {m.practised}"
            )
        named.append(f"{rule_name(rule, 'es' if es else 'en')} ({how})")
    named_rules = ", ".join(named)
    exam = next(
        (e for e in known.progress.exams if e.scenario_id == recommendation.scenario_id), None
    )
    info = known.scenarios.get(recommendation.scenario_id)
    mark = exam.pass_mark if exam else info.pass_mark if info else 70
    if recommendation.mode == "exam":
        if recommendation.retake and exam is not None:
            lead = (
                f"repite el examen (tu mejor nota, {exam.best}; se aprueba con {mark})"
                if es
                else f"retake the exam (your best {exam.best}, pass mark {mark})"
            )
        else:
            lead = (
                f"ya cumples casi siempre sus reglas: examínate (se aprueba con {mark})"
                if es
                else f"you mostly keep its rules: take its exam (pass mark {mark})"
            )
        return f"{lead}; {'vigila' if es else 'watch'} {named_rules}" if named else lead
    if exam is not None and exam.passed:
        lead = "examen aprobado; aún entrena" if es else "exam passed; still drills"
    else:
        lead = "entrena" if es else "drills"
    if not named:
        return lead
    return f"{lead} {named_rules}"


def progress_document(known: TraineeProgress, language: str) -> dict[str, Any]:
    """The trainee's progress as one JSON-ready document (``progress --json``)."""
    progress = known.progress
    return {
        "trainee": progress.trainee,
        "window": progress.window,
        "sessions": [
            {
                "started_at": s.started_at.isoformat(timespec="seconds"),
                "scenario": s.scenario_id,
                "mode": s.mode,
                "language": s.language,
                "overall": s.overall,
                "dimensions": s.dimensions,
                "final_phase": s.final_phase,
                "passed": s.passed,
            }
            for s in progress.sessions
        ],
        "mastery": [
            {
                "rule": m.rule,
                "name": rule_name(m.rule, language),
                "practised": m.practised,
                "broken": m.broken,
                "break_rate": round(m.break_rate, 3),
                "points_lost": m.points_lost,
                "trend": m.trend,
            }
            for m in progress.mastery
        ],
        "weakest": [m.rule for m in progress.weakest],
        "next": [
            {
                "scenario": r.scenario_id,
                "title": title_of(known, r.scenario_id, language),
                "mode": r.mode,
                "rules": list(r.rules),
                "reason": reason(known, r, language),
            }
            for r in progress.recommendations
        ],
        "exams": [
            {
                "scenario": e.scenario_id,
                "attempts": e.attempts,
                "best": e.best,
                "pass_mark": e.pass_mark,
                "passed": e.passed,
            }
            for e in progress.exams
        ],
        "not_recommended": list(known.unmeasured),
    }


def cohort_document(cohort: str, rows: list[CohortRow]) -> dict[str, Any]:
    """A cohort's rows as one JSON-ready document (``progress --cohort --json``)."""
    return {
        "cohort": cohort,
        "trainees": [
            {
                "trainee": row.trainee,
                "sessions": row.sessions,
                "latest": row.latest,
                "best": row.best,
                "weakest": list(row.weakest),
            }
            for row in rows
        ],
    }
