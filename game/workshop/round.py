"""A workshop round: what everyone plays, its join code, and the folder that keeps it.

The facilitator's command makes the round and writes ``round.json`` in its folder
(``workshops/ROUND-ID/`` in the user data folder); each trainee's game process reads it
back from there, so that all play the same scenario, seed, language, mode and speed.
The session logs of the round go to ``sessions/`` in the same folder, one per trainee.

The join code is what the facilitator projects and trainees type; the secret, never
shown, signs the seat cookie a browser gets once its code and name are accepted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""Letters and digits nobody confuses when read from a projector (no 0/O, 1/I/L, 2/Z...)."""
CODE_LENGTH = 6
ROUND_FILE = "round.json"
DEFAULT_MAX_TRAINEES = 40


class RoundError(ValueError):
    """A round folder that cannot be read as a round (missing or damaged round.json)."""


def new_code() -> str:
    """A fresh join code: six characters of ``CODE_ALPHABET``."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(typed: str) -> str:
    """A code as typed, made comparable: no spaces or dashes, upper case."""
    return "".join(char for char in typed.upper() if char not in " -\t")


@dataclass(frozen=True)
class Round:
    """One round of a workshop.

    Attributes:
        round_id: the round's id (its folder's name), e.g. ``2026-12-06-2105-rebajas``.
        scenario: the scenario as given to ``workshop`` (a built-in id or a path).
        language: the round's language.
        seed: the crowd's seed, the same for everyone.
        mode: practice or exam.
        speed: simulated seconds per real second at the start.
        code: the join code trainees type.
        secret: signs seat cookies (hex); never shown.
        max_trainees: how many may play at once.
        created: when the round was made (ISO 8601 UTC).
    """

    round_id: str
    scenario: str
    language: str
    seed: int
    mode: str
    speed: float
    code: str
    secret: str
    max_trainees: int = DEFAULT_MAX_TRAINEES
    created: str = ""

    @classmethod
    def create(
        cls,
        scenario: str,
        scenario_id: str,
        *,
        language: str,
        seed: int,
        mode: str,
        speed: float,
        max_trainees: int = DEFAULT_MAX_TRAINEES,
        now: datetime | None = None,
    ) -> Round:
        """A new round with a fresh code and secret; its id names the time and scenario."""
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        return cls(
            round_id=f"{moment:%Y-%m-%d-%H%M%S}-{scenario_id}",
            scenario=scenario,
            language=language,
            seed=seed,
            mode=mode,
            speed=speed,
            code=new_code(),
            secret=secrets.token_hex(32),
            max_trainees=max_trainees,
            created=moment.isoformat(timespec="seconds"),
        )

    def accepts(self, typed_code: str) -> bool:
        """Whether a typed code is this round's (compared in constant time)."""
        return hmac.compare_digest(normal_code(typed_code).encode(), self.code.encode())

    def seat_token(self, trainee: str) -> str:
        """The seat cookie's value for a trainee: their name and a signature of it."""
        name = trainee.encode().hex()
        return f"{name}.{self._signature(trainee)}"

    def trainee_of(self, token: str) -> str | None:
        """The trainee a seat cookie names, or None when it is not one of this round's."""
        name_hex, _, signature = token.partition(".")
        try:
            trainee = bytes.fromhex(name_hex).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        if not hmac.compare_digest(signature, self._signature(trainee)):
            return None
        return trainee

    def _signature(self, trainee: str) -> str:
        message = f"{self.round_id}\0{trainee}".encode()
        return hmac.new(bytes.fromhex(self.secret), message, hashlib.sha256).hexdigest()

    def save(self, folder: Path) -> None:
        """Write ``round.json`` in ``folder`` (made if missing), readable by the owner only."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ROUND_FILE
        partial = path.with_suffix(".partial")
        partial.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        partial.chmod(0o600)  # it holds the secret that signs seats
        partial.replace(path)

    @classmethod
    def load(cls, folder: Path) -> Round:
        """Read a round back from its folder.

        Raises:
            RoundError: no ``round.json`` there, or not a round's.
        """
        path = folder / ROUND_FILE
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except FileNotFoundError:
            raise RoundError(f"{folder}: not a workshop round (no {ROUND_FILE})") from None
        except (OSError, ValueError, TypeError) as error:
            raise RoundError(f"{path}: not a workshop round's file ({error})") from None


def sessions_folder(folder: Path) -> Path:
    """Where a round's session logs go."""
    return folder / "sessions"
