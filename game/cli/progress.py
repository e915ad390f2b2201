"""``crisisdrill progress [--trainee NAME | --cohort NAME] [--json] [--last N] [--db URL]``.

A trainee's sessions over time, how they keep each rule of PRINCIPLES.md over their
latest sessions (worst first, with the trend in an arrow and a word), what to play
next and which exams they passed; or, with ``--cohort``, the trainer's view: one row
per trainee. Words in ``--lang``, else the locale's language, else English.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from game.cli.common import EXIT_OK, LANGUAGES, Commands, UsageError, positive_int, wanted_language
from game.cli.results import add_db_option
from game.safejson import dumps

if TYPE_CHECKING:
    from game.results.progress import CohortRow
    from game.services.progress import TraineeProgress

_WORDS = {
    "es": {
        "title": "Progreso de {trainee}: {count} sesiones",
        "title.one": "Progreso de {trainee}: 1 sesión",
        "sessions": "Sesiones",
        "earlier": "  … y {count} anteriores (--json las da todas)",
        "mastery": "Dominio de las reglas (últimas {window} sesiones, peor primero)",
        "unpractised": "Sin practicar aún: {rules}",
        "next": "Qué jugar ahora",
        "none_next": "  Nada que recomendar por ahora.",
        "unmeasured": "  (sin recomendar: {ids}; solo se miden los escenarios incluidos)",
        "exams": "Exámenes",
        "no_exams": "  Ningún examen aún: cambia a modo examen en el selector (m).",
        "passed": "aprobado",
        "failed": "sin aprobar",
        "exam_row": "  {title}: mejor {best} / {mark} para aprobar, "
        "{attempts} intento(s): {verdict}",
        "cohort": "Grupo {cohort}: {count} alumnos",
        "cohort.one": "Grupo {cohort}: 1 alumno",
    },
    "en": {
        "title": "Progress of {trainee}: {count} sessions",
        "title.one": "Progress of {trainee}: 1 session",
        "sessions": "Sessions",
        "earlier": "  … and {count} earlier (--json gives them all)",
        "mastery": "Rule mastery (last {window} sessions, worst first)",
        "unpractised": "Not practised yet: {rules}",
        "next": "What to play next",
        "none_next": "  Nothing to recommend for now.",
        "unmeasured": "  (not recommended: {ids}; only built-in scenarios are measured)",
        "exams": "Exams",
        "no_exams": "  No exams yet: switch to exam mode in the picker (m).",
        "passed": "passed",
        "failed": "not passed",
        "exam_row": "  {title}: best {best} / {mark} to pass, {attempts} attempt(s): {verdict}",
        "cohort": "Cohort {cohort}: {count} trainees",
        "cohort.one": "Cohort {cohort}: 1 trainee",
    },
}
_HEADS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "sessions": ("FECHA", "ESCENARIO", "MODO", "TOTAL", "RAP", "EMP", "CAN", "HON", "CONT"),
        "mastery": ("REGLA", "PRACTICADA", "INCUMPLIDA", "PUNTOS", "TENDENCIA"),
        "cohort": ("ALUMNO", "SESIONES", "ÚLTIMA", "MEJOR", "REGLAS MÁS FLOJAS"),
    },
    "en": {
        "sessions": ("DATE", "SCENARIO", "MODE", "OVERALL", "SPD", "EMP", "CHN", "HON", "CONT"),
        "mastery": ("RULE", "PRACTISED", "BROKEN", "POINTS", "TREND"),
        "cohort": ("TRAINEE", "SESSIONS", "LATEST", "BEST", "WEAKEST RULES"),
    },
}
SHOWN_SESSIONS = 15
"""The text table shows this many latest sessions (``--json`` gives them all)."""


def add_parser(commands: Commands) -> None:
    """Add ``progress`` and its options."""
    progress = commands.add_parser(
        "progress", help="a trainee's progress, or a cohort's (the trainer's view)"
    )
    who = progress.add_mutually_exclusive_group()
    who.add_argument(
        "--trainee", default=None, help="whose (default: $CRISISDRILL_TRAINEE, else your login)"
    )
    who.add_argument("--cohort", default=None, help="a cohort: one row per trainee")
    progress.add_argument("--json", action="store_true", help="print one JSON document")
    progress.add_argument(
        "--last",
        type=positive_int,
        default=10,
        metavar="N",
        help="rule mastery over the latest N sessions (default 10)",
    )
    progress.add_argument(
        "--simulated", action="store_true", help="count bots' sessions too (trainee bot:NAME)"
    )
    progress.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the text")
    add_db_option(progress)
    progress.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the trainee's (or the cohort's) progress."""
    from game.paths import default_trainee
    from game.services import progress as service
    from game.services.store import open_store

    language = wanted_language(options.lang) or "en"
    language = language if language in _WORDS else "en"
    if options.cohort is not None:
        if not options.cohort.strip():
            raise UsageError("--cohort must name a cohort")
        rows = service.cohort_progress(
            open_store(options.db), options.cohort, last=options.last, db=options.db
        )
        if options.json:
            _json(service.cohort_document(options.cohort, rows))
        else:
            print_cohort(options.cohort, rows, sys.stdout, language)
        return EXIT_OK
    trainee = options.trainee if options.trainee is not None else default_trainee()
    if not trainee.strip():
        raise UsageError("no trainee: name one with --trainee NAME")
    known = service.trainee_progress(
        open_store(options.db),
        trainee,
        last=options.last,
        include_simulated=options.simulated,
        db=options.db,
    )
    if options.json:
        _json(service.progress_document(known, language))
    else:
        print_progress(known, sys.stdout, language)
    return EXIT_OK


def _json(document: object) -> None:
    sys.stdout.write(dumps(document, ensure_ascii=False, indent=2))
    print()


def _table(rows: list[tuple[str, ...]], out: TextIO, numeric: set[int]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        print("  " + "  ".join(cells).rstrip(), file=out)


def print_progress(known: TraineeProgress, out: TextIO, language: str) -> None:
    """Print a trainee's progress as text: sessions, mastery, what next, exams."""
    from game.services.progress import mode_word, points_text, reason, title_of, trend_text
    from game.vocabulary import rule_name

    words = _WORDS[language]
    progress = known.progress
    sessions = progress.sessions
    title = words["title.one" if len(sessions) == 1 else "title"]
    print(title.format(trainee=progress.trainee, count=len(sessions)), file=out)
    print(file=out)
    print(words["sessions"], file=out)
    rows: list[tuple[str, ...]] = [_HEADS[language]["sessions"]]
    for s in sessions[-SHOWN_SESSIONS:]:
        dims = [s.dimensions.get(d) for d in ("speed", "empathy", "channel", "honesty")]
        rows.append(
            (
                s.started_at.strftime("%Y-%m-%d %H:%M"),
                s.scenario_id,
                mode_word(s.mode, language),
                str(s.overall),
                *("—" if d is None else str(d) for d in dims),
                "—"
                if s.dimensions.get("containment") is None
                else str(s.dimensions["containment"]),
            )
        )
    _table(rows, out, numeric=set(range(3, 9)))
    if len(sessions) > SHOWN_SESSIONS:
        print(words["earlier"].format(count=len(sessions) - SHOWN_SESSIONS), file=out)
    print(file=out)
    print(words["mastery"].format(window=progress.window), file=out)
    practised = [m for m in progress.mastery if m.practised]
    if practised:
        mrows: list[tuple[str, ...]] = [_HEADS[language]["mastery"]]
        for m in practised:
            mrows.append(
                (
                    rule_name(m.rule, language),
                    str(m.practised),
                    str(m.broken),
                    points_text(m.points_lost),
                    trend_text(m.trend, language),
                )
            )
        _table(mrows, out, numeric={1, 2, 3})
    unpractised = [m.rule for m in progress.mastery if not m.practised]
    if unpractised:
        print("  " + words["unpractised"].format(rules=", ".join(unpractised)), file=out)
    print(file=out)
    print(words["next"], file=out)
    if not progress.recommendations:
        print(words["none_next"], file=out)
    for number, rec in enumerate(progress.recommendations, 1):
        title = title_of(known, rec.scenario_id, language)
        print(f"  {number}. {title} ({rec.scenario_id}), {mode_word(rec.mode, language)}", file=out)
        print(f"     {reason(known, rec, language)}", file=out)
    if known.unmeasured:
        print(words["unmeasured"].format(ids=", ".join(known.unmeasured)), file=out)
    print(file=out)
    print(words["exams"], file=out)
    if not progress.exams:
        print(words["no_exams"], file=out)
    for exam in progress.exams:
        print(
            words["exam_row"].format(
                title=title_of(known, exam.scenario_id, language),
                best=exam.best,
                mark=exam.pass_mark,
                attempts=exam.attempts,
                verdict=words["passed"] if exam.passed else words["failed"],
            ),
            file=out,
        )


def print_cohort(cohort: str, rows: list[CohortRow], out: TextIO, language: str) -> None:
    """Print a cohort's rows: trainee, sessions, latest and best overall, weakest rules."""
    from game.vocabulary import rule_name

    words = _WORDS[language]
    heading = words["cohort.one" if len(rows) == 1 else "cohort"]
    print(heading.format(cohort=cohort, count=len(rows)), file=out)
    table: list[tuple[str, ...]] = [_HEADS[language]["cohort"]]
    for row in rows:
        weakest = ", ".join(rule_name(rule, language) for rule in row.weakest) or "—"
        table.append((row.trainee, str(row.sessions), str(row.latest), str(row.best), weakest))
    _table(table, out, numeric={1, 2, 3})
