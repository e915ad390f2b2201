"""Languages and placeholders of every text a trainee sees.

Each text has the languages it must have and no others, and uses only placeholders that
something fills there (the brand, the post's author, the scenario's own), with values in
the text's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.scenario.checks.issue import Issue
from game.scenario.model import Scenario
from game.scenario.parts import posts
from game.scenario.placeholders import AUTHOR_PLACEHOLDERS, BRAND_PLACEHOLDERS, placeholders_in
from game.scenario.yamlsource import DataPath

LANGUAGE_NAMES = {"es": "Spanish", "en": "English"}


@dataclass(frozen=True)
class _TextRule:
    """Which languages and placeholders one text may use."""

    required: frozenset[str]
    allowed: frozenset[str]
    placeholders: frozenset[str]
    own_language: str | None = None


def check_texts(scenario: Scenario) -> Iterator[Issue]:
    """Languages and placeholders of every trainee-visible text.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
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
