"""Fixtures of the results store's tests: stores on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.postgres import SEARCHED, Cluster, running_cluster, server_binaries

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One PostgreSQL cluster for the whole run (skipped, saying why, without binaries)."""
    binaries = server_binaries()
    if binaries is None:
        pytest.skip(
            f"PostgreSQL server binaries (initdb, pg_ctl) are absent: not on PATH nor in "
            f"{SEARCHED}; install Debian's postgresql package to run these tests"
        )
    with running_cluster(binaries) as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> str:
    """A new, empty database of the cluster, for one test."""
    name = f"results_{next(_databases)}"
    with psycopg.connect(postgres_cluster.url(), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return postgres_cluster.url(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A new SQLite store's path, in a folder that does not exist yet."""
    return str(tmp_path / "store" / "results.sqlite3")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """Each test of a store runs on both databases."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))
