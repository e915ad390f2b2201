"""``crisisdrill results export`` end to end: stdout, files, filters, an LRS, errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from game.results.store import ResultsStore
from tests.helpers import run_cli
from tests.results.lrs_server import PASSWORD, PROXY_VARIABLES, USER, Lrs, running_lrs
from tests.results.sessions import Sessions
from tests.results.test_xapi import assert_valid

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("CRISISDRILL_LRS_USER", raising=False)
    monkeypatch.delenv("CRISISDRILL_LRS_PASSWORD", raising=False)


@pytest.fixture
def lrs() -> Iterator[Lrs]:
    with running_lrs() as server:
        yield server


@pytest.fixture
def db(sqlite_url: str) -> str:
    recorded = Sessions(ResultsStore.open(sqlite_url))
    recorded.add("Ana", mode="exam", overall=82, started_at=datetime(2026, 11, 30, 10))
    recorded.add("Luis", mode="exam", overall=40, cohort="tarde", started_at=datetime(2026, 12, 2))
    recorded.add("Eva", mode="practice", started_at=datetime(2026, 12, 3))
    recorded.add("bot:ideal", mode="simulated", cohort=None, started_at=datetime(2026, 12, 4))
    return sqlite_url


def _trainees(text: str) -> list[str]:
    return [row["trainee"] for row in csv.DictReader(io.StringIO(text))]


def test_csv_to_stdout_with_filters(capsys: Capture, db: str) -> None:
    result = run_cli(capsys, "results", "export", "--format", "csv", "--db", db)
    assert result.code == 0, result.err
    assert _trainees(result.out) == ["Ana", "Luis", "Eva"]
    assert _trainees(
        run_cli(
            capsys, "results", "export", "--format", "csv", "--db", db, "--since", "2026-12-01"
        ).out
    ) == ["Luis", "Eva"]
    assert _trainees(
        run_cli(
            capsys,
            "results",
            "export",
            "--format=csv",
            "--db",
            db,
            "--since",
            "2026-12-02T01:00+02:00",
        ).out
    ) == ["Luis", "Eva"]
    assert _trainees(
        run_cli(capsys, "results", "export", "--format=csv", "--db", db, "--cohort", "tarde").out
    ) == ["Luis"]
    assert _trainees(
        run_cli(capsys, "results", "export", "--format=csv", "--db", db, "--trainee", "Eva").out
    ) == ["Eva"]
    assert _trainees(
        run_cli(capsys, "results", "export", "--format=csv", "--db", db, "--simulated").out
    ) == ["Ana", "Luis", "Eva", "bot:ideal"]


def test_csv_from_postgresql(capsys: Capture, postgres_url: str) -> None:
    Sessions(ResultsStore.open(postgres_url)).add("Ana")
    result = run_cli(capsys, "results", "export", "--format", "csv", "--db", postgres_url)
    assert result.code == 0, result.err
    assert _trainees(result.out) == ["Ana"]


def test_xapi_to_a_file(capsys: Capture, db: str, tmp_path: Path) -> None:
    target = tmp_path / "statements.json"
    result = run_cli(
        capsys, "results", "export", "--format", "xapi", "--db", db, "-o", str(target),
        "--home-page", "https://lms.example.org", "--base-iri", "https://example.org/cd",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err == f"wrote 3 sessions to {target}\n"
    documents = json.loads(target.read_text(encoding="utf-8"))
    for document in documents:
        assert_valid(document)
    assert [document["verb"]["id"].rsplit("/", 1)[1] for document in documents] == [
        "passed",
        "failed",
        "completed",
    ]
    # The built-in scenario is named by its titles.
    assert documents[0]["object"]["definition"]["name"]["es-ES"].startswith("Rebajas")
    assert documents[0]["actor"]["account"]["homePage"] == "https://lms.example.org"
    again = run_cli(capsys, "results", "export", "--format", "xapi", "--db", db)
    assert [d["id"] for d in json.loads(again.out)] == [d["id"] for d in documents]


def test_no_sessions_is_said_but_not_an_error(capsys: Capture, sqlite_url: str) -> None:
    result = run_cli(capsys, "results", "export", "--format", "xapi", "--db", sqlite_url)
    assert result.code == 0
    assert json.loads(result.out) == []
    assert "no recorded sessions match (bots' sessions need --simulated)" in result.err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--since", "yesterday"], "argument --since: expected a date (2026-12-01)"),
        (["--since", "2026-02-30"], "argument --since: expected a date"),
        (["--format", "pdf"], "argument --format: invalid choice"),
        (["--lrs", "http://127.0.0.1:9/xapi", "--format", "csv"], "--lrs is for --format xapi"),
        (["--base-iri", "example.org"], "--base-iri must be an http:// or https:// URL"),
        (["--lrs", "http://127.0.0.1:9/xapi"], "--lrs needs the LRS's user"),
        (["--lrs", "http://127.0.0.1:9/xapi", "--lrs-user", "u"], "--lrs needs the LRS's password"),
        (
            ["--lrs", "https://u:p@lrs.example.org", "--lrs-user", "u", "--lrs-password", "p"],
            "the LRS's URL holds a user or password",
        ),
    ],
)
def test_usage_errors(capsys: Capture, db: str, arguments: list[str], message: str) -> None:
    base = ["results", "export", "--db", db]
    if "--format" not in arguments:
        base += ["--format", "xapi"]
    result = run_cli(capsys, *base, *arguments)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_an_unwritable_file_is_one_line(capsys: Capture, db: str, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    result = run_cli(capsys, "results", "export", "--format", "csv", "--db", db, "-o", str(target))
    assert result.code == 1
    assert result.err.startswith("crisisdrill: ")
    assert len(result.err.splitlines()) == 1
    assert not target.parent.exists()


def test_posting_to_an_lrs_fails_halfway_then_retries_without_duplicates(
    capsys: Capture, sqlite_url: str, lrs: Lrs, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = Sessions(ResultsStore.open(sqlite_url))
    for number in range(60):  # two batches: 50 and 10
        recorded.add(f"trainee {number:02}", mode="exam", overall=number + 40)
    monkeypatch.setenv("CRISISDRILL_LRS_USER", USER)
    monkeypatch.setenv("CRISISDRILL_LRS_PASSWORD", PASSWORD)
    command = ["results", "export", "--format", "xapi", "--db", sqlite_url, "--lrs", lrs.url]
    lrs.fail_post = 2
    first = run_cli(capsys, *command)
    assert first.code == 1
    assert first.out == f"posted 50 statements to {lrs.url} (0 already there)\n"
    assert f"crisisdrill: 10 statements did not go to {lrs.url}; run the same command again" in (
        first.err
    )
    assert "  HTTP 500 Internal Server Error: " in first.err
    unsent = [line.split()[0] for line in first.err.splitlines() if line.startswith("    ")]
    assert len(unsent) == 10
    assert not set(unsent) & set(lrs.statements)
    assert "trainee 59  rebajas  ended 2026-12-01T10:39:00Z" in first.err

    lrs.fail_post = None
    again = run_cli(capsys, *command)
    assert again.code == 0, again.err
    assert again.out == f"posted 60 statements to {lrs.url} (50 already there)\n"
    assert set(unsent) <= set(lrs.statements)
    assert len(lrs.stored_ids) == len(set(lrs.stored_ids)) == 60
    for output in (first.out, first.err, again.out, again.err):
        assert PASSWORD not in output


def test_a_wrong_password_is_reported_clearly(capsys: Capture, db: str, lrs: Lrs) -> None:
    result = run_cli(
        capsys, "results", "export", "--format", "xapi", "--db", db, "--lrs", lrs.url,
        "--lrs-user", USER, "--lrs-password", "not-the-password",
    )  # fmt: skip
    assert result.code == 1
    assert result.out == f"posted 0 statements to {lrs.url} (0 already there)\n"
    assert "HTTP 401 Unauthorized (check --lrs-user and the password)" in result.err
    assert "not-the-password" not in result.err + result.out
    assert "Traceback" not in result.err
    assert lrs.statements == {}


def test_posting_can_also_keep_a_copy(capsys: Capture, db: str, lrs: Lrs, tmp_path: Path) -> None:
    target = tmp_path / "sent.json"
    result = run_cli(
        capsys, "results", "export", "--format", "xapi", "--db", db, "--lrs", lrs.url + "/",
        "--lrs-user", USER, "--lrs-password", PASSWORD, "-o", str(target),
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == f"posted 3 statements to {lrs.url}/ (0 already there)\n"
    assert {d["id"] for d in json.loads(target.read_text(encoding="utf-8"))} == set(lrs.statements)


def test_a_name_with_control_characters_keeps_the_json_valid(
    capsys: Capture, sqlite_url: str, tmp_path: Path
) -> None:
    name = "Ana\x85\u202e\x1b]52;c;x\x07"
    Sessions(ResultsStore.open(sqlite_url)).add(name)
    printed = run_cli(capsys, "results", "export", "--format", "xapi", "--db", sqlite_url)
    assert printed.code == 0, printed.err
    assert json.loads(printed.out)[0]["actor"]["name"] == name
    target = tmp_path / "out.json"
    written = ["results", "export", "--format", "xapi", "--db", sqlite_url, "-o", str(target)]
    assert run_cli(capsys, *written).code == 0
    assert target.read_text(encoding="utf-8") == printed.out
