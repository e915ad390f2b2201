"""Names that must be defined, once: ids, references between sections, locales.

Every id a scenario defines is unique in its section; every id it uses (a channel, a
persona, a fact, an inject followed) is defined; follow-ups form chains, not circles;
every Faker locale exists.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from functools import cache

from game.scenario.checks.issue import Issue, unknown
from game.scenario.model import FactRevealedCondition, Inject, Scenario
from game.scenario.parts import condition_leaves
from game.scenario.yamlsource import DataPath


def check_unique_ids(scenario: Scenario) -> Iterator[Issue]:
    """Ids given twice in one section (the later one is reported).

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    sections: dict[str, Sequence[object]] = {
        "channels": scenario.channels,
        "facts": scenario.facts,
        "personas": scenario.personas,
        "phases": scenario.phases,
        "injects": scenario.injects,
        "facilitator_injects": scenario.facilitator_injects,
        "crowd": scenario.crowd,
        "reactions": scenario.reactions,
    }
    for section, items in sections.items():
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id = str(getattr(item, "id"))  # noqa: B009 - every section item has an id
            if item_id in first:
                yield Issue(
                    (section, index, "id"),
                    f"duplicate id '{item_id}' in {section} (also item {first[item_id] + 1})",
                )
            else:
                first[item_id] = index


def check_references(scenario: Scenario) -> Iterator[Issue]:
    """Channels, personas, facts, phases and injects that are used but not defined.

    The facilitator's injects are checked as the scripted ones: a push names them.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    channels = {channel.id for channel in scenario.channels}
    personas = {persona.id for persona in scenario.personas}
    facts = {fact.id for fact in scenario.facts}
    phases = {phase.id for phase in scenario.phases}
    injects = _injects_by_id(scenario)

    def refer(path: DataPath, kind: str, name: str, known: set[str]) -> Iterator[Issue]:
        if name not in known:
            yield Issue(path, unknown(kind, name, known))

    for index, inject in enumerate(scenario.injects):
        base: DataPath = ("injects", index)
        yield from refer((*base, "channel"), "channel", inject.channel, channels)
        yield from refer((*base, "persona"), "persona", inject.persona, personas)
        for position, fact in enumerate(inject.facts):
            yield from refer((*base, "facts", position), "fact", fact, facts)
        if inject.follows is not None:
            yield from _check_follows(scenario, index, injects)
    for index, pushed in enumerate(scenario.facilitator_injects):
        base = ("facilitator_injects", index)
        yield from refer((*base, "channel"), "channel", pushed.channel, channels)
        yield from refer((*base, "persona"), "persona", pushed.persona, personas)
        for position, fact in enumerate(pushed.facts):
            yield from refer((*base, "facts", position), "fact", fact, facts)
    for index, template in enumerate(scenario.crowd):
        base = ("crowd", index)
        yield from refer((*base, "persona"), "persona", template.persona, personas)
        for position, channel in enumerate(template.channels):
            yield from refer((*base, "channels", position), "channel", channel, channels)
        for phase in template.weights:
            if phase not in phases:
                yield Issue((*base, "weights", phase), unknown("phase", phase, phases), True)
        for position, fact in enumerate(template.facts):
            yield from refer((*base, "facts", position), "fact", fact, facts)
    for index, reaction in enumerate(scenario.reactions):
        base = ("reactions", index)
        for position, persona in enumerate(reaction.personas):
            yield from refer((*base, "personas", position), "persona", persona, personas)
        post = reaction.then.post
        if post is not None and post.channel not in ("same", "other"):
            yield from refer((*base, "then", "post", "channel"), "channel", post.channel, channels)
    for path, leaf in condition_leaves(scenario):
        if isinstance(leaf, FactRevealedCondition):
            yield from refer((*path, "fact_revealed"), "fact", leaf.fact_revealed, facts)


def _check_follows(scenario: Scenario, index: int, by_id: Mapping[str, Inject]) -> Iterator[Issue]:
    inject = scenario.injects[index]
    path: DataPath = ("injects", index, "follows")
    assert inject.follows is not None
    followed = by_id.get(inject.follows)
    if followed is None:
        yield Issue(path, unknown("inject", inject.follows, by_id))
        return
    if followed.id == inject.id:
        yield Issue(path, "an inject cannot follow itself")
        return
    if followed.persona != inject.persona:
        yield Issue(
            path,
            f"follows '{followed.id}', written by persona '{followed.persona}', but this "
            f"inject's persona is '{inject.persona}'; a follow-up has the same author",
        )
    if (
        followed.at_minute is not None
        and inject.at_minute is not None
        and inject.at_minute <= followed.at_minute
    ):
        yield Issue(
            ("injects", index, "at_minute"),
            f"minute {inject.at_minute} is not after minute {followed.at_minute} of "
            f"'{followed.id}', which this inject follows",
        )


def check_follow_cycles(scenario: Scenario) -> Iterator[Issue]:
    """Follow-ups that go round in a circle: each inject follows at most one, so one pass.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per circle, at the ``follows`` of its inject that comes first in the file.
    """
    by_id = _injects_by_id(scenario)
    index_of = {inject.id: index for index, inject in enumerate(scenario.injects)}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for inject in scenario.injects:
        path: list[str] = []
        current: Inject | None = inject
        while current is not None and state.get(current.id) is None:
            state[current.id] = 1
            path.append(current.id)
            current = by_id.get(current.follows) if current.follows else None
        if current is not None and state.get(current.id) == 1:
            cycle = path[path.index(current.id) :]
            if len(cycle) == 1:  # following itself is reported on its own
                for inject_id in path:
                    state[inject_id] = 2
                continue
            first = min(cycle, key=index_of.__getitem__)
            chain = " > ".join([*cycle, cycle[0]])
            yield Issue(
                ("injects", index_of[first], "follows"),
                f"follow-ups go round in a circle ({chain}); one of them must come first",
            )
        for inject_id in path:
            state[inject_id] = 2


def _injects_by_id(scenario: Scenario) -> dict[str, Inject]:
    return {inject.id: inject for inject in scenario.injects}


@cache
def _faker_locales() -> frozenset[str]:
    from faker.config import AVAILABLE_LOCALES  # slow import, only when personas are checked

    return frozenset(AVAILABLE_LOCALES)


def check_locales(scenario: Scenario) -> Iterator[Issue]:
    """Persona locales that Faker does not have.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    known = _faker_locales()
    for index, persona in enumerate(scenario.personas):
        for locale in persona.locales:
            if locale not in known:
                close = difflib.get_close_matches(locale, sorted(known), n=3)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                yield Issue(
                    ("personas", index, "locales", locale),
                    f"'{locale}' is not a Faker locale (such as es_ES, es_MX, en_US){hint}",
                    at_key=True,
                )
