"""Posting xAPI statements to a learning record store (LRS), with HTTP basic auth.

Statements go in batches to ``URL/statements`` (POST). Their ids are stable, so a
post that failed halfway is simply run again: an LRS never stores a second statement
with an id it has. An LRS may answer a whole batch with 409 Conflict when some of its
ids are already there; that batch is then sent one statement at a time (PUT
``statements?statementId=ID``), where 204 means stored and 409 already there.

Nothing here prints: ``post_statements`` returns what went and what did not, and why.
"""

from __future__ import annotations

import base64
import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

XAPI_VERSION = "1.0.3"
BATCH_SIZE = 50
TIMEOUT_SECONDS = 30
_STOPPING = (401, 403)
"""Answers that every later batch would get too (bad credentials): stop asking."""


class LrsUrlError(ValueError):
    """An LRS address that cannot be used (the message says why)."""


def statements_endpoint(url: str) -> str:
    """The statements resource of an LRS endpoint (``URL/statements``).

    Args:
        url: the LRS's xAPI endpoint, e.g. ``https://lrs.example.org/xapi``; one that
            already ends in ``/statements`` is taken as it is.

    Raises:
        LrsUrlError: not an http(s) URL with a host, or it holds a user or password
            (they belong in the options, where they are never printed).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsUrlError(f"{url!r} is not an http:// or https:// URL of an LRS")
    if parts.username is not None or parts.password is not None:
        raise LrsUrlError(
            "the LRS's URL holds a user or password: give them as options or in the "
            "environment instead, where they are never printed"
        )
    if parts.query or parts.fragment:
        raise LrsUrlError(f"{url}: the LRS's URL takes no query or fragment")
    base = url.rstrip("/")
    return base if base.endswith("/statements") else f"{base}/statements"


@dataclass(frozen=True)
class Unsent:
    """Statements that did not go, and why.

    Attributes:
        ids: their ids.
        reason: the LRS's answer (``HTTP 500 Internal Server Error: ...``) or the
            connection's failure.
    """

    ids: tuple[str, ...]
    reason: str


@dataclass
class PostReport:
    """What a post did.

    Attributes:
        stored: statements the LRS stored now.
        already: statements it had already (by id).
        unsent: those that did not go, batch by batch.
    """

    stored: int = 0
    already: int = 0
    unsent: list[Unsent] = field(default_factory=list)

    @property
    def unsent_ids(self) -> list[str]:
        """Every id that did not go, in the order they were to be sent."""
        return [identifier for part in self.unsent for identifier in part.ids]


class _Failure(Exception):
    """One request failed; ``stop`` when later ones would fail the same way."""

    def __init__(self, reason: str, *, stop: bool, ids: tuple[str, ...] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.stop = stop
        self.ids = ids
        """The statements that did not go (None: the whole batch)."""


@dataclass(frozen=True)
class _Client:
    endpoint: str
    authorization: str
    timeout: float

    def send(self, method: str, url: str, document: Any) -> int:
        """Send one request; its status (2xx or 409), else ``_Failure``."""
        request = urllib.request.Request(
            url,
            data=json.dumps(document).encode("ascii"),  # escapes: any name travels
            method=method,
            headers={
                "Authorization": self.authorization,
                "X-Experience-API-Version": XAPI_VERSION,
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as error:
            if error.code == 409:
                return 409
            raise _Failure(_http_reason(error), stop=error.code in _STOPPING) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            detail = error.reason if isinstance(error, urllib.error.URLError) else error
            raise _Failure(f"cannot reach the LRS ({detail})", stop=True) from None


def _http_reason(error: urllib.error.HTTPError) -> str:
    reason = f"HTTP {error.code} {error.reason}"
    if error.code == 401:
        reason += " (check --lrs-user and the password)"
    try:
        body = error.read(300).decode("utf-8", "replace")
    except OSError:
        body = ""
    detail = " ".join(body.split())[:200]
    return f"{reason}: {detail}" if detail else reason


def basic_authorization(user: str, password: str) -> str:
    """The ``Authorization`` header's value for HTTP basic auth."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def post_statements(
    url: str,
    statements: Sequence[dict[str, Any]],
    *,
    user: str,
    password: str,
    batch_size: int = BATCH_SIZE,
    timeout: float = TIMEOUT_SECONDS,
) -> PostReport:
    """Post statements to an LRS; report what was stored, already there, or not sent.

    A batch that fails is reported and the next one is tried, unless the LRS cannot
    be reached or refuses the credentials: then the rest is reported unsent too.

    Args:
        url: the LRS's xAPI endpoint (see ``statements_endpoint``).
        statements: statements, each with its ``id``.
        user: the basic-auth user (an LRS's key).
        password: its password (secret).
        batch_size: statements per POST.
        timeout: seconds to wait for each answer.

    Raises:
        LrsUrlError: the URL cannot be used.
    """
    client = _Client(statements_endpoint(url), basic_authorization(user, password), timeout)
    report = PostReport()
    batches = [statements[i : i + batch_size] for i in range(0, len(statements), batch_size)]
    for number, batch in enumerate(batches):
        try:
            _post_batch(client, batch, report)
        except _Failure as failure:
            report.unsent.append(Unsent(failure.ids or _ids(batch), failure.reason))
            if failure.stop:
                rest = [statement for later in batches[number + 1 :] for statement in later]
                if rest:
                    report.unsent.append(Unsent(_ids(rest), f"not sent after: {failure.reason}"))
                break
    return report


def _post_batch(client: _Client, batch: Sequence[dict[str, Any]], report: PostReport) -> None:
    if client.send("POST", client.endpoint, list(batch)) != 409:
        report.stored += len(batch)
        return
    # Some ids are there already and the LRS refused the whole batch: one by one, so
    # that the new ones are stored and the known ones counted.
    failed: list[str] = []
    last: _Failure | None = None
    for position, statement in enumerate(batch):
        target = f"{client.endpoint}?statementId={quote(str(statement['id']), safe='')}"
        try:
            status = client.send("PUT", target, statement)
        except _Failure as failure:
            last = failure
            failed.append(str(statement["id"]))
            if failure.stop:
                failed.extend(_ids(batch[position + 1 :]))
                break
            continue
        if status == 409:
            report.already += 1
        else:
            report.stored += 1
    if last is not None:
        raise _Failure(last.reason, stop=last.stop, ids=tuple(failed))


def _ids(statements: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(str(statement["id"]) for statement in statements)
