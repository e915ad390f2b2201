"""A small real LRS for the tests: an HTTP server on 127.0.0.1 that keeps statements by id.

It checks basic auth and the xAPI version header, validates each statement against the
test schema, refuses a POST holding an id it has (409, storing none of the batch, as a
strict LRS may) and can be told to answer one POST with 500.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jsonschema import Draft7Validator

from tests.conftest import DATA_DIR

SCHEMA = json.loads((DATA_DIR / "xapi" / "statement.schema.json").read_text(encoding="utf-8"))
USER = "facilitator"
PASSWORD = "s3cret-pa55"
PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy")


@dataclass
class Lrs:
    """What the server holds and how it misbehaves.

    Attributes:
        url: its xAPI endpoint.
        statements: stored statements by id.
        stored_ids: every id in the order it was stored (a duplicate would show here).
        posts: how many POSTs it answered.
        fail_post: answer this POST (1 for the first) with 500.
        requests: (method, path) of every request.
    """

    url: str = ""
    statements: dict[str, dict[str, Any]] = field(default_factory=dict)
    stored_ids: list[str] = field(default_factory=list)
    posts: int = 0
    fail_post: int | None = None
    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self, document: dict[str, Any]) -> None:
        self.statements[document["id"]] = document
        self.stored_ids.append(document["id"])


def _handler(lrs: Lrs) -> type[BaseHTTPRequestHandler]:
    validator = Draft7Validator(SCHEMA)
    expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _answer(self, status: int, body: Any = None) -> None:
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _document(self) -> Any:
            length = int(self.headers.get("Content-Length", "0"))
            return json.loads(self.rfile.read(length))

        def _refused(self) -> bool:
            if self.headers.get("Authorization") != expected:
                self._answer(401, {"message": "bad credentials"})
                return True
            if self.headers.get("X-Experience-API-Version") != "1.0.3":
                self._answer(400, {"message": "X-Experience-API-Version 1.0.3 expected"})
                return True
            if self.headers.get("Content-Type") != "application/json":
                self._answer(400, {"message": "application/json expected"})
                return True
            return False

        def _invalid(self, documents: list[Any]) -> bool:
            for document in documents:
                problems = [error.message for error in validator.iter_errors(document)]
                if problems or "id" not in document:
                    self._answer(400, {"message": problems or ["no id"]})
                    return True
            return False

        def do_POST(self) -> None:
            with lrs.lock:
                parts = urlsplit(self.path)
                lrs.requests.append(("POST", parts.path))
                if parts.path != "/xapi/statements":
                    self._answer(404)
                    return
                if self._refused():
                    return
                documents = self._document()
                lrs.posts += 1
                if lrs.posts == lrs.fail_post:
                    self._answer(500, {"message": "the LRS fell over"})
                    return
                if self._invalid(documents):
                    return
                ids = [document["id"] for document in documents]
                if len(set(ids)) != len(ids):
                    self._answer(400, {"message": "duplicate ids in one batch"})
                    return
                if any(identifier in lrs.statements for identifier in ids):
                    self._answer(409, {"message": "some statements exist"})
                    return
                for document in documents:
                    lrs.store(document)
                self._answer(200, ids)

        def do_PUT(self) -> None:
            with lrs.lock:
                parts = urlsplit(self.path)
                lrs.requests.append(("PUT", parts.path))
                (identifier,) = parse_qs(parts.query)["statementId"]
                if self._refused():
                    return
                document = self._document()
                if self._invalid([document]):
                    return
                if document.get("id", identifier) != identifier:
                    self._answer(400, {"message": "the id is not the statementId"})
                    return
                if identifier in lrs.statements:
                    self._answer(409, {"message": "exists"})
                    return
                lrs.store(document | {"id": identifier})
                self._answer(204)

    return Handler


@contextmanager
def running_lrs() -> Iterator[Lrs]:
    """An LRS on a free loopback port, stopped at the end."""
    lrs = Lrs()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(lrs))
    lrs.url = f"http://127.0.0.1:{server.server_address[1]}/xapi"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield lrs
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
