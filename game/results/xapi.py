"""Recorded sessions as xAPI 1.0.3 statements, for a learning record store (LRS).

One statement per session (with its newest scoring): the trainee (an Agent with an
account, never an invented e-mail) *completed* a practice scenario, or *passed* or
*failed* an exam; the scenario is the activity; the result holds the overall score,
the simulated duration and, as extensions, the five dimensions; the context holds the
language, the seed, the mode and the cohort.

A statement's id is a UUID derived from the session's log hash and the scorer's
version, so exporting or posting twice makes the same statements: an LRS keeps the
first and refuses a second copy, and a failed post can simply be sent again. Pure:
returns dictionaries, sends nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from game.results.entries import EXAM
from game.results.queries import StoredSession
from game.results.schema import DIMENSION_COLUMNS

DEFAULT_BASE = "https://crisisdrill.invalid"
"""Where activity and extension IRIs live unless told (``.invalid``: never resolves)."""

STATEMENT_NAMESPACE = uuid.UUID("2363b4d1-647c-4ae9-abf9-19f06a67205f")
"""The namespace of statement and registration ids. Fixed forever: changing it would
make every statement new to an LRS that has them."""

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
"""ADL's activity type for a simulated scenario."""

VERB_NAMES = {
    "completed": {"en-US": "completed", "es-ES": "completó"},
    "passed": {"en-US": "passed", "es-ES": "aprobó"},
    "failed": {"en-US": "failed", "es-ES": "suspendió"},
}

LANGUAGE_TAGS = {"es": "es-ES", "en": "en-US"}
"""RFC 5646 tags of the session languages."""


@dataclass(frozen=True)
class XapiPlaces:
    """Where the statements' identifiers live.

    Attributes:
        home_page: the ``homePage`` of the trainees' accounts (the system that knows
            them by name).
        base: the root of the scenario activities' IRIs
            (``BASE/scenarios/ID``) and of the extensions' (``BASE/xapi/extensions/NAME``).
    """

    home_page: str = DEFAULT_BASE
    base: str = DEFAULT_BASE

    def activity(self, scenario_id: str) -> str:
        """The IRI of a scenario's activity."""
        return f"{self.base.rstrip('/')}/scenarios/{quote(scenario_id, safe='')}"

    def extension(self, name: str) -> str:
        """The IRI of one of crisisdrill's extensions."""
        return f"{self.base.rstrip('/')}/xapi/extensions/{name}"


def statement_id(session: StoredSession) -> str:
    """The statement's id: the same for the same log scored by the same version."""
    return str(uuid.uuid5(STATEMENT_NAMESPACE, f"{session.log_hash}:{session.scorer_version}"))


def language_tag(language: str) -> str:
    """The RFC 5646 tag of a session language (``es`` is ``es-ES``)."""
    return LANGUAGE_TAGS.get(language, language)


def iso_duration(seconds: int) -> str:
    """An ISO 8601 duration: ``PT30M``, ``PT1H2M5S``, ``PT0S``."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    parts = ((hours, "H"), (minutes, "M"), (secs, "S"))
    shown = "".join(f"{value}{unit}" for value, unit in parts if value)
    return f"PT{shown or '0S'}"


def xapi_timestamp(moment: datetime) -> str:
    """A naive UTC moment as an xAPI timestamp (ISO 8601, milliseconds, ``Z``)."""
    return moment.isoformat(timespec="milliseconds") + "Z"


def verb_of(session: StoredSession) -> str:
    """The verb's last word: ``passed``/``failed`` for an exam, else ``completed``."""
    if session.mode != EXAM:
        return "completed"
    return "passed" if session.passed else "failed"


def statement(
    session: StoredSession,
    places: XapiPlaces | None = None,
    titles: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The xAPI statement of one recorded session.

    Args:
        session: the session, with its newest scoring.
        places: where identifiers live (default: ``XapiPlaces()``).
        titles: the scenario's title by RFC 5646 tag; its id when not given.
    """
    places = places or XapiPlaces()
    verb = verb_of(session)
    result: dict[str, Any] = {
        "score": {
            "scaled": round(session.overall / 100, 4),
            "raw": session.overall,
            "min": 0,
            "max": 100,
        },
        "completion": True,  # a scored session is over: the rest of the crisis is judged too
        "duration": iso_duration(session.duration_seconds),
    }
    if session.mode == EXAM:
        result["success"] = bool(session.passed)
    dimensions = {
        places.extension(name): session.dimensions[name]
        for name in DIMENSION_COLUMNS
        if session.dimensions.get(name) is not None  # None: nothing to judge it on
    }
    if dimensions:
        result["extensions"] = dimensions
    context_extensions: dict[str, Any] = {
        places.extension("seed"): session.seed,
        places.extension("mode"): session.mode,
        places.extension("final-phase"): session.final_phase,
        places.extension("scorer-version"): session.scorer_version,
        places.extension("log-hash"): session.log_hash,
    }
    if session.cohort is not None:
        context_extensions[places.extension("cohort")] = session.cohort
    tag = language_tag(session.language)
    return {
        "id": statement_id(session),
        "actor": {
            "objectType": "Agent",
            "name": session.trainee,
            "account": {"homePage": places.home_page, "name": session.trainee},
        },
        "verb": {"id": ADL_VERBS + verb, "display": dict(VERB_NAMES[verb])},
        "object": {
            "objectType": "Activity",
            "id": places.activity(session.scenario_id),
            "definition": {
                "name": dict(titles) if titles else {tag: session.scenario_id},
                "type": SIMULATION,
            },
        },
        "result": result,
        "context": {
            # One registration per session: a rescoring's statement joins the first.
            "registration": str(uuid.uuid5(STATEMENT_NAMESPACE, session.log_hash)),
            "platform": "crisisdrill",
            "language": tag,
            "extensions": context_extensions,
        },
        "timestamp": xapi_timestamp(session.ended_at),
    }


def statements(
    sessions: Iterable[StoredSession],
    places: XapiPlaces | None = None,
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """The statements of sessions, in their order.

    Args:
        sessions: the sessions.
        places: where identifiers live.
        titles: scenario titles by scenario id, then by RFC 5646 tag.
    """
    titles = titles or {}
    return [statement(session, places, titles.get(session.scenario_id)) for session in sessions]
