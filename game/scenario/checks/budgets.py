"""The budgets a scenario can be seen to exceed before any session runs.

Two things are known from the file alone: how many posts the crowd can be asked for
(its busiest rate for the whole session, plus the injects) and the longest text a
person's post can grow to once its placeholders are filled. What reactions add depends
on the trainee; the engine counts that as the session runs (``game.engine.budget``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from game.budgets import POST_CHARACTERS, POSTS_PER_SESSION
from game.scenario.checks.issue import Issue
from game.scenario.model import LocalizedText, Persona, Scenario
from game.scenario.parts import posts
from game.scenario.placeholders import placeholders_in
from game.scenario.yamlsource import DataPath

GENERATED_TEXT_CHARACTERS = 100
"""The longest name, first name or city taken to come from Faker (real ones are < 50)."""

GENERATED_HANDLE_CHARACTERS = 27
"""The longest generated handle: '@', 24 letters of the name, a two-digit suffix."""

ORDER_CHARACTERS = 8
"""An order number is eight digits."""


def check_budgets(scenario: Scenario) -> Iterator[Issue]:
    """The crowd's volume and the longest expanded post, against the session budgets.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per budget a session of this scenario would exceed.
    """
    yield from _crowd_volume(scenario)
    yield from _post_lengths(scenario)


def _crowd_volume(scenario: Scenario) -> Iterator[Issue]:
    running = [
        (index, phase)
        for index, phase in enumerate(scenario.phases)
        if phase.final is None and phase.crowd_per_minute > 0
    ]
    if not running:
        return
    index, busiest = max(running, key=lambda item: item[1].crowd_per_minute)
    minutes = scenario.meta.duration_minutes
    volume = round(busiest.crowd_per_minute * minutes) + len(scenario.injects)
    if volume <= POSTS_PER_SESSION:
        return
    rate = f"{busiest.crowd_per_minute:g}"
    injects = len(scenario.injects)
    yield Issue(
        ("phases", index, "crowd_per_minute"),
        f"the crowd can write up to {volume:,} posts in a session ({rate} a minute for "
        f"{minutes} minutes, plus {injects} inject{'s' if injects != 1 else ''}); a session "
        "allows at most "
        f"{POSTS_PER_SESSION:,} people's posts: lower crowd_per_minute or "
        "meta.duration_minutes",
    )


def _post_lengths(scenario: Scenario) -> Iterator[Issue]:
    personas = {persona.id: persona for persona in scenario.personas}
    for section, index, item in posts(scenario):
        persona = personas.get(item.persona)
        writers = [persona] if persona is not None else []
        yield from _variants_within(scenario, (section, index, "text"), item.text, writers)
    for index, reaction in enumerate(scenario.reactions):
        if reaction.then.post is None:
            continue
        reached = [
            p
            for p in scenario.personas
            if p.id in reaction.personas or p.archetype in reaction.archetypes
        ]
        path: DataPath = ("reactions", index, "then", "post", "text")
        yield from _variants_within(scenario, path, reaction.then.post.text, reached)


def _variants_within(
    scenario: Scenario, path: DataPath, variants: Sequence[LocalizedText], writers: list[Persona]
) -> Iterator[Issue]:
    for variant, text_map in enumerate(variants):
        for language, text in text_map.items():
            longest, culprit = _longest_expansion(scenario, text, writers)
            if longest <= POST_CHARACTERS:
                continue
            yield Issue(
                (*path, variant, language),
                f"this text can grow to {longest:,} characters once its placeholders are "
                f"filled ({culprit}); a person's post may have at most {POST_CHARACTERS:,} "
                "characters: use fewer placeholders or shorter values",
            )


def _longest_expansion(scenario: Scenario, text: str, writers: list[Persona]) -> tuple[int, str]:
    """The most characters ``text`` can fill to, and which placeholder weighs most."""
    length = len(text)
    weights: dict[str, tuple[int, int]] = {}  # source -> (uses, longest value)
    for use in placeholders_in(text):
        value = _longest_value(scenario, use.name, writers) if use.name else len(use.source)
        length += value - len(use.source)
        uses, _ = weights.get(use.source, (0, value))
        weights[use.source] = (uses + 1, value)
    if not weights:
        return length, "no placeholders"
    source, (uses, value) = max(weights.items(), key=lambda item: item[1][0] * item[1][1])
    if uses == 1:
        return length, f"{source}: up to {value:,} characters"
    return length, f"{source} {uses:,} times, up to {value:,} characters each"


def _longest_value(scenario: Scenario, name: str, writers: list[Persona]) -> int:
    brand = scenario.meta.brand
    fixed = {"brand": len(brand.name), "brand_handle": len(brand.handle), "order": ORDER_CHARACTERS}
    if name in fixed:
        return fixed[name]
    if name in scenario.placeholders:
        return max(
            (len(value) for option in scenario.placeholders[name] for value in option.values()),
            default=0,
        )
    return max((_author_value(name, persona) for persona in writers), default=0) or max(
        GENERATED_TEXT_CHARACTERS, GENERATED_HANDLE_CHARACTERS
    )


def _author_value(name: str, persona: Persona) -> int:
    """The longest value of an author's placeholder for one persona."""
    if name == "handle":
        return len(persona.handle) if persona.handle else GENERATED_HANDLE_CHARACTERS
    if name in ("name", "first_name") and persona.name is not None:
        return len(persona.name)
    return GENERATED_TEXT_CHARACTERS
