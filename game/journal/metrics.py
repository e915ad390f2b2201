"""The crisis metrics that phase transitions read and the log samples."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Metrics:
    """A snapshot of the crisis (see METRIC_DESCRIPTIONS in the scenario model).

    All counts are whole numbers >= 0; sentiment is within [-1, 1].
    """

    reach: int = 0
    negative_reach: int = 0
    sentiment: float = 0.0
    unanswered: int = 0
    oldest_unanswered_minutes: int = 0
    advocates: int = 0
    detractors: int = 0
    statements: int = 0
    broken_promises: int = 0
    silenced_complainers: int = 0

    def value(self, name: str) -> float:
        """The metric called ``name``."""
        return float(getattr(self, name))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for logs and JSON output."""
        return asdict(self)
