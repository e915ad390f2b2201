"""xAPI 1.0.3 statements: valid against the statement schema, verbs by mode, stable ids."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft7Validator

from game.results.queries import StoredSession, stored_sessions
from game.results.store import ResultsStore
from game.results.xapi import XapiPlaces, iso_duration, statement, statements
from tests.conftest import DATA_DIR
from tests.results.sessions import Sessions

SCHEMA = json.loads((DATA_DIR / "xapi" / "statement.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft7Validator(SCHEMA)
VERBS = "http://adlnet.gov/expapi/verbs/"


def assert_valid(document: dict[str, Any]) -> None:
    """Valid against the schema, and the rules across fields draft 7 cannot say."""
    problems = [error.message for error in VALIDATOR.iter_errors(document)]
    assert not problems, problems
    score = document.get("result", {}).get("score", {})
    if "raw" in score:
        assert score.get("min", score["raw"]) <= score["raw"] <= score.get("max", score["raw"])


def test_the_schema_is_itself_valid_draft_7() -> None:
    Draft7Validator.check_schema(SCHEMA)


def _three(store: ResultsStore) -> list[StoredSession]:
    recorded = Sessions(store)
    recorded.add("Ana", mode="exam", overall=82, language="es")
    recorded.add("Luis", mode="exam", overall=40, language="en", cohort=None)
    recorded.add(
        "Eva",
        mode="practice",
        overall=100,
        dimensions={"speed": None, "empathy": 0, "channel": 100, "honesty": None},
    )
    return stored_sessions(store)


def test_statements_validate_with_the_verb_of_each_mode(store_url: str) -> None:
    documents = statements(_three(ResultsStore.open(store_url)))
    for document in documents:
        assert_valid(document)
    passed, failed, completed = documents
    assert passed["verb"]["id"] == VERBS + "passed"
    assert passed["result"]["success"] is True
    assert failed["verb"]["id"] == VERBS + "failed"
    assert failed["result"]["success"] is False
    assert completed["verb"]["id"] == VERBS + "completed"
    assert "success" not in completed["result"]  # practice is not graded pass/fail
    for document in documents:
        assert set(document["verb"]["display"]) == {"en-US", "es-ES"}


def test_a_statement_carries_the_session(sqlite_url: str) -> None:
    ana, luis, eva = statements(_three(ResultsStore.open(sqlite_url)))
    assert ana["actor"] == {
        "objectType": "Agent",
        "name": "Ana",
        "account": {"homePage": "https://crisisdrill.invalid", "name": "Ana"},
    }
    assert ana["object"]["id"] == "https://crisisdrill.invalid/scenarios/rebajas"
    assert ana["result"]["score"] == {"scaled": 0.82, "raw": 82, "min": 0, "max": 100}
    assert ana["result"]["duration"] == "PT30M"
    assert ana["result"]["completion"] is True
    assert ana["context"]["language"] == "es-ES"
    assert luis["context"]["language"] == "en-US"
    assert ana["timestamp"] == "2026-12-01T09:40:00.250Z"
    extension = "https://crisisdrill.invalid/xapi/extensions/"
    assert ana["result"]["extensions"] == {
        extension + "speed": 70,
        extension + "empathy": 65,
        extension + "channel": 80,
        extension + "honesty": 90,
        extension + "containment": 55,
    }
    assert ana["context"]["extensions"][extension + "cohort"] == "mañana"
    assert ana["context"]["extensions"][extension + "mode"] == "exam"
    assert ana["context"]["extensions"][extension + "seed"] == 1000
    assert extension + "cohort" not in luis["context"]["extensions"]
    # A dimension with nothing to judge is left out, not sent as a score of 0.
    assert eva["result"]["extensions"] == {extension + "empathy": 0, extension + "channel": 100}


def test_places_and_titles_are_configurable(sqlite_url: str) -> None:
    ana = _three(ResultsStore.open(sqlite_url))[0]
    places = XapiPlaces(home_page="https://lms.example.org", base="https://example.org/cd/")
    document = statement(ana, places, {"es-ES": "Rebajas", "en-US": "Sales"})
    assert_valid(document)
    assert document["actor"]["account"]["homePage"] == "https://lms.example.org"
    assert document["object"]["id"] == "https://example.org/cd/scenarios/rebajas"
    assert document["object"]["definition"]["name"] == {"es-ES": "Rebajas", "en-US": "Sales"}
    assert "https://example.org/cd/xapi/extensions/speed" in document["result"]["extensions"]


def test_ids_are_stable_across_runs_and_stores(sqlite_url: str, tmp_path: Any) -> None:
    first = statements(_three(ResultsStore.open(sqlite_url)))
    again = statements(_three(ResultsStore.open(str(tmp_path / "other.sqlite3"))))
    assert [document["id"] for document in first] == [document["id"] for document in again]
    assert first == again
    assert len({document["id"] for document in first}) == 3


def test_a_newer_scorer_makes_a_new_statement_of_the_same_registration(sqlite_url: str) -> None:
    store = ResultsStore.open(sqlite_url)
    recorded = Sessions(store)
    recorded.add("Ana", scorer_version="0.1.0")
    (old,) = statements(stored_sessions(store))
    recorded.recorded -= 1  # the same log, scored anew
    recorded.add("Ana", scorer_version="0.2.0", overall=90)
    (new,) = statements(stored_sessions(store))
    assert new["id"] != old["id"]
    assert new["context"]["registration"] == old["context"]["registration"]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "PT0S"), (59, "PT59S"), (1800, "PT30M"), (3600, "PT1H"), (3725, "PT1H2M5S")],
)
def test_iso_durations(seconds: int, expected: str) -> None:
    assert iso_duration(seconds) == expected


@pytest.mark.parametrize(
    ("where", "bad"),
    [
        (("id",), "not-a-uuid"),
        (("actor", "account", "homePage"), "crisisdrill"),
        (("verb", "id"), "completed"),
        (("verb", "display"), {"en_US": "completed"}),
        (("object", "id"), "rebajas"),
        (("result", "score", "scaled"), 1.5),
        (("result", "duration"), "30 minutes"),
        (("result", "duration"), "PT"),
        (("context", "language"), "es_ES"),
        (("context", "registration"), "1234"),
        (("timestamp",), "2026-12-01 09:40"),
    ],
)
def test_the_schema_refuses_what_the_spec_forbids(
    sqlite_url: str, where: tuple[str, ...], bad: object
) -> None:
    document = copy.deepcopy(statements(_three(ResultsStore.open(sqlite_url)))[0])
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = bad
    assert list(VALIDATOR.iter_errors(document))


def test_the_schema_refuses_an_agent_without_one_identifier(sqlite_url: str) -> None:
    document = statements(_three(ResultsStore.open(sqlite_url)))[0]
    anonymous = copy.deepcopy(document)
    del anonymous["actor"]["account"]
    assert list(VALIDATOR.iter_errors(anonymous))
    twice = copy.deepcopy(document)
    twice["actor"]["mbox"] = "mailto:ana@example.org"
    assert list(VALIDATOR.iter_errors(twice))
    for required in ("actor", "verb", "object"):
        partial = copy.deepcopy(document)
        del partial[required]
        assert list(VALIDATOR.iter_errors(partial))
