"""Who the crowd are: names, handles and cities from Faker, or from a session log.

Faker's seeded output changes between releases, so the session log keeps every
identity it made; a replay reads them back instead of asking Faker again. Either way
the session's own random generator is consumed identically, so replays stay aligned.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from faker import Faker


@dataclass(frozen=True, slots=True)
class Identity:
    """A generated person's identity."""

    name: str
    first_name: str
    handle: str
    city: str


class IdentitySource(Protocol):
    """Gives the identity of the person with a given id."""

    def identity(self, person_id: str, locale: str, seed: int, suffix: int) -> Identity:
        """Make or recall the identity of ``person_id``."""
        ...


@cache
def _faker(locale: str) -> Faker:
    # Building a Faker proxy costs milliseconds: one per locale per process, reseeded
    # for every person so that sessions never depend on one another.
    return Faker(locale)


def _handle_from(first: str, last: str, suffix: int) -> str:
    ascii_name = unicodedata.normalize("NFKD", f"{first}{last[:1]}").encode("ascii", "ignore")
    base = re.sub(r"[^A-Za-z0-9_]", "", ascii_name.decode()) or "user"
    return f"@{base[:24]}{suffix}"


class FakerIdentities:
    """Identities made by Faker, seeded per person."""

    def identity(self, person_id: str, locale: str, seed: int, suffix: int) -> Identity:
        """Make a name, handle and city in ``locale``."""
        fake = _faker(locale)
        fake.seed_instance(seed)
        first = fake.first_name()
        last = fake.last_name()
        return Identity(f"{first} {last}", first, _handle_from(first, last, suffix), fake.city())


class LoggedIdentities:
    """Identities read back from a session log."""

    def __init__(self, records: dict[str, dict[str, Any]]) -> None:
        self._records = records

    def identity(self, person_id: str, locale: str, seed: int, suffix: int) -> Identity:
        """The identity the log recorded for ``person_id``.

        Raises:
            KeyError: the log has no such person (it is truncated or not this session's).
        """
        record = self._records[person_id]
        return Identity(record["name"], record["first_name"], record["handle"], record["city"])
