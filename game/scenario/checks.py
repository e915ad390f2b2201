"""Checks that need the whole scenario: references, languages, placeholders, phases, time.

Each check returns ``Issue`` records that point at a path in the data; the loader turns
paths into lines and columns.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from game.scenario.model import (
    AfterMinuteCondition,
    FactRevealedCondition,
    Inject,
    MetricCondition,
    MinutesInPhaseCondition,
    Scenario,
)
from game.scenario.parts import condition_leaves, posts
from game.scenario.placeholders import AUTHOR_PLACEHOLDERS, BRAND_PLACEHOLDERS, placeholders_in
from game.scenario.yamlsource import DataPath

LANGUAGE_NAMES = {"es": "Spanish", "en": "English"}


@dataclass(frozen=True)
class Issue:
    """A problem at a path of the scenario data.

    Attributes:
        path: where in the data; the loader finds its line and column.
        message: what is wrong and what was expected.
        at_key: point at the mapping key rather than at its value.
    """

    path: DataPath
    message: str
    at_key: bool = False


def check_scenario(scenario: Scenario) -> list[Issue]:
    """Run every whole-scenario check.

    Args:
        scenario: a scenario whose structure is valid.

    Returns:
        The issues found, in no particular order.
    """
    issues: list[Issue] = []
    for check in (
        _check_unique_ids,
        _check_references,
        _check_phase_graph,
        _check_follow_cycles,
        _check_timing,
        _check_texts,
        _check_locales,
        _check_crowd_coverage,
    ):
        issues.extend(check(scenario))
    return issues


LISTED_IDS = 12
"""How many defined ids an 'unknown id' message lists (a file may define thousands)."""


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    ids = sorted(known)
    # Suggestions compare against ids of similar length only: cheap on large files.
    candidates = [i for i in ids if abs(len(i) - len(name)) <= 3][:500]
    close = difflib.get_close_matches(name, candidates, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    listing = ", ".join(ids[:LISTED_IDS]) if ids else "none"
    if len(ids) > LISTED_IDS:
        listing += f" and {len(ids) - LISTED_IDS} more"
    return f"unknown {kind} '{name}'{hint}; defined {kind}s: {listing}"


def _check_unique_ids(scenario: Scenario) -> Iterator[Issue]:
    sections: dict[str, Sequence[object]] = {
        "channels": scenario.channels,
        "facts": scenario.facts,
        "personas": scenario.personas,
        "phases": scenario.phases,
        "injects": scenario.injects,
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


def _check_references(scenario: Scenario) -> Iterator[Issue]:
    channels = {channel.id for channel in scenario.channels}
    personas = {persona.id for persona in scenario.personas}
    facts = {fact.id for fact in scenario.facts}
    phases = {phase.id for phase in scenario.phases}
    injects = _injects_by_id(scenario)

    def refer(path: DataPath, kind: str, name: str, known: set[str]) -> Iterator[Issue]:
        if name not in known:
            yield Issue(path, _unknown(kind, name, known))

    for index, inject in enumerate(scenario.injects):
        base: DataPath = ("injects", index)
        yield from refer((*base, "channel"), "channel", inject.channel, channels)
        yield from refer((*base, "persona"), "persona", inject.persona, personas)
        for position, fact in enumerate(inject.facts):
            yield from refer((*base, "facts", position), "fact", fact, facts)
        if inject.follows is not None:
            yield from _check_follows(scenario, index, injects)
    for index, template in enumerate(scenario.crowd):
        base = ("crowd", index)
        yield from refer((*base, "persona"), "persona", template.persona, personas)
        for position, channel in enumerate(template.channels):
            yield from refer((*base, "channels", position), "channel", channel, channels)
        for phase in template.weights:
            if phase not in phases:
                yield Issue((*base, "weights", phase), _unknown("phase", phase, phases), True)
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
        yield Issue(path, _unknown("inject", inject.follows, by_id))
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


def _check_follow_cycles(scenario: Scenario) -> Iterator[Issue]:
    """Follow-ups that go round in a circle: each inject follows at most one, so one pass."""
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


def _check_phase_graph(scenario: Scenario) -> Iterator[Issue]:
    phases = {phase.id: phase for phase in scenario.phases}
    final = {phase.id for phase in scenario.phases if phase.final is not None}
    initial = scenario.phases[0]
    edges: dict[str, set[str]] = {phase_id: set() for phase_id in phases}
    for index, transition in enumerate(scenario.transitions):
        base: DataPath = ("transitions", index)
        if transition.to not in phases:
            # Reported once; its sources still count as having a way out, so that the
            # typo does not also make them look like dead ends.
            yield Issue((*base, "to"), _unknown("phase", transition.to, set(phases)))
        for position, source in enumerate(transition.from_):
            source_path: DataPath = (*base, "from", position)
            if source == "*":
                for phase_id in phases:
                    if phase_id not in final and phase_id != transition.to:
                        edges[phase_id].add(transition.to)
            elif source not in phases:
                yield Issue(source_path, _unknown("phase", source, set(phases)))
            elif source in final:
                yield Issue(
                    source_path,
                    f"phase '{source}' is final (the session ends there), so this "
                    "transition can never be taken",
                )
            elif source == transition.to:
                yield Issue(source_path, f"transition from '{source}' to itself")
            else:
                edges[source].add(transition.to)
    if initial.final is not None:
        yield Issue(
            ("phases", 0, "final"),
            f"the first phase ('{initial.id}') is where sessions start; it cannot be final",
        )
    if not final:
        yield Issue(
            ("phases",),
            "no phase is final; mark the phases that end a session with final: good or bad",
        )
    reached = {initial.id}
    frontier = [initial.id]
    while frontier:
        for target in edges[frontier.pop()] & phases.keys():
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    for index, phase in enumerate(scenario.phases):
        if phase.id not in reached:
            yield Issue(
                ("phases", index, "id"),
                f"phase '{phase.id}' is never reached: no chain of transitions leads to it "
                f"from the first phase ('{initial.id}')",
            )
        if phase.final is None and not edges[phase.id]:
            yield Issue(
                ("phases", index, "id"),
                f"phase '{phase.id}' has no way out: add a transition from it, or mark it "
                "final (good or bad)",
            )


def _check_timing(scenario: Scenario) -> Iterator[Issue]:
    end = scenario.meta.duration_minutes
    ending = f"the scenario ends at minute {end} (meta.duration_minutes)"
    for index, inject in enumerate(scenario.injects):
        if inject.at_minute is not None and inject.at_minute >= end:
            yield Issue(
                ("injects", index, "at_minute"),
                f"inject '{inject.id}' at minute {inject.at_minute} would never appear: {ending}",
            )
    for index, fact in enumerate(scenario.facts):
        if fact.revealed_at_minute is not None and fact.revealed_at_minute >= end:
            yield Issue(
                ("facts", index, "revealed_at_minute"),
                f"fact '{fact.id}' revealed at minute {fact.revealed_at_minute} would never be "
                f"known: {ending}",
            )
    for index, reaction in enumerate(scenario.reactions):
        if reaction.after_minutes >= end:
            yield Issue(
                ("reactions", index, "after_minutes"),
                f"a delay of {reaction.after_minutes} minutes can never pass: {ending}",
            )
    for path, leaf in condition_leaves(scenario):
        if isinstance(leaf, AfterMinuteCondition) and leaf.after_minute >= end:
            yield Issue(
                (*path, "after_minute"),
                f"after_minute {leaf.after_minute} can never hold: {ending}",
            )
        if isinstance(leaf, MinutesInPhaseCondition) and leaf.minutes_in_phase >= end:
            yield Issue(
                (*path, "minutes_in_phase"),
                f"minutes_in_phase {leaf.minutes_in_phase} can never hold: {ending}",
            )
        if isinstance(leaf, MetricCondition) and leaf.metric == "sentiment":
            for name in ("above", "below", "at_least", "at_most"):
                value = getattr(leaf, name)
                if value is not None and not -1 <= value <= 1:
                    yield Issue(
                        (*path, name),
                        f"sentiment goes from -1 to 1; {name} {value:g} can never be decided",
                    )


@dataclass(frozen=True)
class _TextRule:
    """Which languages and placeholders one text may use."""

    required: frozenset[str]
    allowed: frozenset[str]
    placeholders: frozenset[str]
    own_language: str | None = None


def _check_texts(scenario: Scenario) -> Iterator[Issue]:
    # A custom placeholder can fill a text only in languages all its values have.
    value_languages = {
        name: set.intersection(*(set(value) for value in values))
        for name, values in scenario.placeholders.items()
    }
    for path, text_map, rule in _texts(scenario):
        yield from _check_languages(path, text_map, rule)
        for language, text in text_map.items():
            missing = {
                name
                for name in rule.placeholders & value_languages.keys()
                if language not in value_languages[name]
            }
            yield from _check_placeholders(
                (*path, language), text, rule.placeholders - missing, missing, language
            )


def _texts(scenario: Scenario) -> Iterator[tuple[DataPath, dict[str, str], _TextRule]]:
    """Every trainee-visible text with the rule it must follow."""
    declared = frozenset(scenario.meta.languages)
    custom = frozenset(scenario.placeholders)
    plain = _TextRule(declared, declared, BRAND_PLACEHOLDERS)
    reply = _TextRule(declared, declared, BRAND_PLACEHOLDERS | AUTHOR_PLACEHOLDERS | custom)
    statement = _TextRule(declared, declared, BRAND_PLACEHOLDERS | custom)
    foreign = frozenset(p.writes_in for p in scenario.personas if p.writes_in is not None)
    persona_language = {persona.id: persona.writes_in for persona in scenario.personas}

    def post_rule(persona_id: str, *, required: bool = True) -> _TextRule:
        """Posts by a persona with writes_in, and good replies to them, use its language."""
        language = persona_language.get(persona_id)
        if language is None:
            return reply
        needed = frozenset({language}) if required else frozenset()
        return _TextRule(needed, declared | {language}, reply.placeholders, language)

    meta = scenario.meta
    yield ("meta", "title"), meta.title, plain
    yield ("meta", "summary"), meta.summary, plain
    yield ("meta", "brand", "sector"), meta.brand.sector, plain
    for index, rule_text in enumerate(meta.house_rules):
        yield ("meta", "house_rules", index), rule_text, plain
    for index, goal in enumerate(meta.goals):
        yield ("meta", "goals", index), goal, plain
    for index, channel in enumerate(scenario.channels):
        yield ("channels", index, "name"), channel.name, plain
    for index, fact in enumerate(scenario.facts):
        yield ("facts", index, "statement"), fact.statement, plain
        for number, words in enumerate(fact.ruled_out_promises):
            yield ("facts", index, "ruled_out_promises", number), words, plain
    for name, values in scenario.placeholders.items():
        for index, value in enumerate(values):
            yield ("placeholders", name, index), value, _TextRule(declared, declared, frozenset())
    for index, phase in enumerate(scenario.phases):
        yield ("phases", index, "name"), phase.name, plain
        if phase.description is not None:
            yield ("phases", index, "description"), phase.description, plain
    for section, index, item in posts(scenario):
        for variant, text_map in enumerate(item.text):
            yield (section, index, "text", variant), text_map, post_rule(item.persona)
        if item.replies is not None:
            good_rule = post_rule(item.persona)
            # A bad reply may be bad precisely because it is in the wrong language (E6).
            bad_rule = post_rule(item.persona, required=False)
            for variant, text_map in enumerate(item.replies.good):
                yield (section, index, "replies", "good", variant), text_map, good_rule
            for variant, bad in enumerate(item.replies.bad):
                bad_path: DataPath = (section, index, "replies", "bad", variant, "text")
                yield bad_path, bad.text, bad_rule
    for index, reaction in enumerate(scenario.reactions):
        if reaction.then.post is not None:
            # Whoever the reaction reaches writes in their own language: it needs a text.
            reached = {
                p.writes_in
                for p in scenario.personas
                if p.writes_in and (p.id in reaction.personas or p.archetype in reaction.archetypes)
            }
            rule = _TextRule(declared | reached, declared | foreign, reply.placeholders)
            for variant, text_map in enumerate(reaction.then.post.text):
                path: DataPath = ("reactions", index, "then", "post", "text", variant)
                yield path, text_map, rule
    for variant, text_map in enumerate(scenario.scoring.statement.good):
        yield ("scoring", "statement", "good", variant), text_map, statement
    for variant, bad in enumerate(scenario.scoring.statement.bad):
        yield ("scoring", "statement", "bad", variant, "text"), bad.text, statement


def _language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else f"'{code}'"


def _check_languages(path: DataPath, text_map: dict[str, str], rule: _TextRule) -> Iterator[Issue]:
    if not text_map:
        languages = ", ".join(sorted(rule.required or rule.allowed))
        yield Issue(path, f"empty text: give it in {languages}")
        return
    for language in text_map:
        if language not in rule.allowed:
            allowed = ", ".join(sorted(rule.allowed))
            yield Issue(
                (*path, language),
                f"language '{language}' is not one this text may use ({allowed}); "
                "add it to meta.languages or remove it",
                at_key=True,
            )
    for language in sorted(rule.required - set(text_map)):
        if rule.own_language is not None:
            message = (
                f"missing the {_language_name(language)} text: this persona writes in "
                f"'{language}' (writes_in), and so do good replies to it"
            )
        else:
            message = (
                f"missing the {_language_name(language)} text; every text needs each "
                "language in meta.languages"
            )
        yield Issue(path, message)


def _check_placeholders(
    path: DataPath,
    text: str,
    allowed: frozenset[str],
    untranslated: set[str] | frozenset[str] = frozenset(),
    language: str = "",
) -> Iterator[Issue]:
    for use in placeholders_in(text):
        if use.name is None:
            yield Issue(
                path,
                f"malformed placeholder '{use.source}' at character {use.offset + 1}: write "
                "{name} with lower-case letters, digits and '_', or {{ and }} for braces",
            )
        elif use.name in untranslated:
            yield Issue(
                path,
                f"placeholder '{{{use.name}}}' has no '{language}' values; give every value "
                f"of placeholders.{use.name} a '{language}' text, or do not use it here",
            )
        elif use.name not in allowed:
            names = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
            yield Issue(
                path,
                f"placeholder '{{{use.name}}}' is filled by nothing here; "
                f"this text can use: {names}",
            )


@cache
def _faker_locales() -> frozenset[str]:
    from faker.config import AVAILABLE_LOCALES  # slow import, only when personas are checked

    return frozenset(AVAILABLE_LOCALES)


def _check_locales(scenario: Scenario) -> Iterator[Issue]:
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


def _check_crowd_coverage(scenario: Scenario) -> Iterator[Issue]:
    weighted: dict[str, float] = {}
    for template in scenario.crowd:
        for phase_id, weight in template.weights.items():
            weighted[phase_id] = weighted.get(phase_id, 0) + weight
    for index, phase in enumerate(scenario.phases):
        if phase.crowd_per_minute > 0 and weighted.get(phase.id, 0) <= 0:
            yield Issue(
                ("phases", index, "crowd_per_minute"),
                f"phase '{phase.id}' wants {phase.crowd_per_minute:g} crowd posts a minute "
                "but no crowd template has a weight for it",
            )
