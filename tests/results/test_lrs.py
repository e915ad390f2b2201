"""Posting statements to a real (local) LRS: batches, retries without duplicates, failures."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from game.results.queries import stored_sessions
from game.results.store import ResultsStore
from game.results.xapi import statements
from game.services.lrs import LrsUrlError, post_statements, statements_endpoint
from tests.results.lrs_server import PASSWORD, PROXY_VARIABLES, USER, Lrs, running_lrs
from tests.results.sessions import Sessions


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:  # the LRS is on this machine: no proxy between
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lrs() -> Iterator[Lrs]:
    with running_lrs() as server:
        yield server


def _statements(sqlite_url: str, how_many: int) -> list[dict[str, Any]]:
    store = ResultsStore.open(sqlite_url)
    recorded = Sessions(store)
    for number in range(how_many):
        recorded.add(f"trainee {number}", mode="exam", overall=50 + number)
    return statements(stored_sessions(store))


def _post(lrs: Lrs, documents: list[dict[str, Any]], **options: Any) -> Any:
    return post_statements(lrs.url, documents, user=USER, password=PASSWORD, **options)


def test_statements_go_in_batches(lrs: Lrs, sqlite_url: str) -> None:
    documents = _statements(sqlite_url, 5)
    report = _post(lrs, documents, batch_size=2)
    assert (report.stored, report.already, report.unsent) == (5, 0, [])
    assert lrs.posts == 3
    assert lrs.statements == {document["id"]: document for document in documents}


def test_a_failed_batch_is_named_and_a_retry_stores_the_rest_once(
    lrs: Lrs, sqlite_url: str
) -> None:
    documents = _statements(sqlite_url, 5)
    ids = [document["id"] for document in documents]
    lrs.fail_post = 2
    first = _post(lrs, documents, batch_size=2)
    # The second batch failed; the third still went.
    assert first.unsent_ids == ids[2:4]
    assert first.unsent[0].reason.startswith("HTTP 500 Internal Server Error")
    assert "the LRS fell over" in first.unsent[0].reason
    assert first.stored == 3
    lrs.fail_post = None
    again = _post(lrs, documents, batch_size=2)
    assert (again.stored, again.already, again.unsent) == (2, 3, [])
    assert sorted(lrs.stored_ids) == sorted(ids)  # each once
    # Known batches were refused whole (409) and then sent one by one.
    assert ("PUT", "/xapi/statements") in lrs.requests


def test_posting_everything_twice_stores_nothing_new(lrs: Lrs, sqlite_url: str) -> None:
    documents = _statements(sqlite_url, 3)
    _post(lrs, documents)
    again = _post(lrs, documents)
    assert (again.stored, again.already, again.unsent) == (0, 3, [])
    assert len(lrs.stored_ids) == 3


def test_wrong_credentials_stop_at_the_first_answer(lrs: Lrs, sqlite_url: str) -> None:
    documents = _statements(sqlite_url, 5)
    report = post_statements(lrs.url, documents, user=USER, password="wrong", batch_size=2)
    assert report.stored == 0
    assert report.unsent_ids == [document["id"] for document in documents]
    assert report.unsent[0].reason.startswith("HTTP 401 Unauthorized (check --lrs-user")
    assert report.unsent[1].reason.startswith("not sent after: HTTP 401")
    assert len(lrs.requests) == 1
    assert lrs.statements == {}


def test_an_lrs_that_cannot_be_reached_is_said_so(sqlite_url: str) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    documents = _statements(sqlite_url, 2)
    report = post_statements(
        f"http://127.0.0.1:{port}/xapi", documents, user=USER, password=PASSWORD
    )
    assert report.unsent_ids == [document["id"] for document in documents]
    assert report.unsent[0].reason.startswith("cannot reach the LRS")


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [
        ("https://lrs.example.org/xapi", "https://lrs.example.org/xapi/statements"),
        ("https://lrs.example.org/xapi/", "https://lrs.example.org/xapi/statements"),
        ("http://lrs.example.org/statements", "http://lrs.example.org/statements"),
    ],
)
def test_the_statements_endpoint(url: str, endpoint: str) -> None:
    assert statements_endpoint(url) == endpoint


@pytest.mark.parametrize(
    "url",
    [
        "lrs.example.org",
        "ftp://lrs.example.org",
        "https://user:pw@lrs.example.org/xapi",
        "https://",
    ],
)
def test_unusable_lrs_urls(url: str) -> None:
    with pytest.raises(LrsUrlError):
        statements_endpoint(url)
