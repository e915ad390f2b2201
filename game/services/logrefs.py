"""Does a log speak of its own scenario? Ids its records use that the scenario lacks.

A log that does not verify (another version, or ``report --force``) is still scored; a
record naming a phase, fact, persona or channel its embedded scenario does not define
would otherwise reach the scorer as an internal error. This names the line instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.inert import inert
from game.journal.events import (
    BrandPosted,
    Event,
    FactRevealed,
    PersonJoined,
    PhaseChanged,
    PostArrived,
    PostFound,
    SessionEnded,
)
from game.scenario.model import Scenario


def unknown_reference(records: list[Event], scenario: Scenario) -> str | None:
    """The first record that names something the scenario does not define.

    Args:
        records: a log's records, the header first (line 1), one per line.
        scenario: the scenario the log embeds.

    Returns:
        ``line N: <kind> '<id>' is not in the scenario``, or None when all is known.
    """
    known = {
        "phase": {phase.id for phase in scenario.phases},
        "fact": {fact.id for fact in scenario.facts},
        "persona": {persona.id for persona in scenario.personas},
        "channel": {channel.id for channel in scenario.channels},
    }
    for line, record in enumerate(records, start=1):
        for kind, name in _references(record):
            if name not in known[kind]:
                shown = inert(name, one_line=True)
                return f"line {line}: {kind} '{shown}' is not in the scenario"
    return None


def _references(record: Event) -> Iterator[tuple[str, str]]:
    if isinstance(record, PhaseChanged):
        yield "phase", record.previous
        yield "phase", record.phase
    elif isinstance(record, SessionEnded):
        yield "phase", record.phase
    elif isinstance(record, FactRevealed):
        yield "fact", record.fact_id
    elif isinstance(record, PersonJoined):
        yield "persona", record.person.persona
    elif isinstance(record, PostArrived | BrandPosted | PostFound):
        yield "channel", record.post.channel
        for fact in record.post.facts:
            yield "fact", fact
