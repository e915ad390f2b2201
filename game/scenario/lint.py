"""Lint: what a valid scenario does that its author probably did not mean.

Validation (``game.scenario.checks``) refuses what cannot run. Lint finds what runs but
teaches badly: injects that can never fire, personas and facts nothing uses, posts that
need a reply with no model reply for the ideal bot and the debrief, lists of variants
whose languages disagree, and (from played sessions) too few wordings for the crowd's
volume. ``crisisdrill check`` reports these with file, line and column and fails on
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from game.scenario.checks import Issue
from game.scenario.conditions import LeafCondition, fold
from game.scenario.model import (
    AfterMinuteCondition,
    Condition,
    FacilitatorInject,
    FactRevealedCondition,
    Inject,
    MetricCondition,
    MinutesInPhaseCondition,
    Scenario,
)
from game.scenario.parts import condition_leaves, posts
from game.scenario.placeholders import BRAND_PLACEHOLDERS, placeholders_in
from game.scenario.yamlsource import DataPath

MAX_REPEATS_PER_VARIANT = 25
"""More expected posts than this per wording reads as a bot, not a crowd."""
PLACEHOLDER_VARIETY = 5
"""A wording with placeholders counts as this many: the values vary it."""

BOUNDED_METRICS = {"sentiment": (-1.0, 1.0)}
"""Metrics with a fixed range; the others are counts, never negative."""


def lint_scenario(scenario: Scenario) -> list[Issue]:
    """Every lint finding of a valid scenario, in file order of the sections.

    Args:
        scenario: a scenario that passed validation.

    Returns:
        The findings, each at a path of the scenario data.
    """
    return [
        *_never_firing_injects(scenario),
        *_unused_personas(scenario),
        *_unused_facts(scenario),
        *_injects_without_exemplars(scenario),
        *_variant_languages(scenario),
    ]


def condition_can_hold(condition: Condition, scenario: Scenario) -> bool:
    """Tell whether a condition can ever hold during a session of the scenario.

    Conservative: True unless the condition is impossible on its face (a sentiment
    beyond -1..1, a count below zero, a minute after the end, a fact never
    revealed).

    Args:
        condition: a structured condition.
        scenario: the scenario it belongs to.

    Returns:
        False when no session can make it hold.
    """
    return fold(
        condition,
        leaf=lambda leaf: _leaf_can_hold(leaf, scenario),
        all_=all,
        any_=any,
        not_=lambda _inner: True,  # the negation of almost anything can hold at some moment
    )


def _leaf_can_hold(condition: LeafCondition, scenario: Scenario) -> bool:
    duration = scenario.meta.duration_minutes
    if isinstance(condition, MetricCondition):
        low, high = BOUNDED_METRICS.get(condition.metric, (0.0, math.inf))
        if condition.above is not None:
            return condition.above < high
        if condition.at_least is not None:
            return condition.at_least <= high
        if condition.below is not None:
            return condition.below > low
        return condition.at_most is None or condition.at_most >= low
    if isinstance(condition, AfterMinuteCondition):
        return condition.after_minute < duration
    if isinstance(condition, MinutesInPhaseCondition):
        return condition.minutes_in_phase < duration
    if isinstance(condition, FactRevealedCondition):
        fact = next((f for f in scenario.facts if f.id == condition.fact_revealed), None)
        return fact is not None and fact.revealed_at_minute is not None
    return True  # a kind this lint does not know: assume it can hold, as elsewhere


def _never_firing_injects(scenario: Scenario) -> Iterator[Issue]:
    dead: set[str] = set()
    for index, inject in enumerate(scenario.injects):
        if inject.follows is not None and inject.follows in dead:
            dead.add(inject.id)
            yield Issue(
                ("injects", index, "follows"),
                f"inject '{inject.id}' can never appear: it follows '{inject.follows}', "
                "which never appears",
            )
        elif inject.when is not None and not condition_can_hold(inject.when, scenario):
            dead.add(inject.id)
            yield Issue(
                ("injects", index, "when"),
                f"inject '{inject.id}' can never appear: its condition cannot hold in a "
                f"{scenario.meta.duration_minutes}-minute session (a sentiment beyond -1..1, "
                "a count below 0, a minute after the end, or a fact that is never revealed)",
            )


def _unused_personas(scenario: Scenario) -> Iterator[Issue]:
    writing = {post.persona for _, _, post in posts(scenario)}
    for index, persona in enumerate(scenario.personas):
        if persona.id not in writing:
            yield Issue(
                ("personas", index, "id"),
                f"persona '{persona.id}' never writes: no inject or crowd template uses it; "
                "use it or remove it",
            )


def _unused_facts(scenario: Scenario) -> Iterator[Issue]:
    used = {fact for _, _, post in posts(scenario) for fact in post.facts}
    used.update(
        leaf.fact_revealed
        for _, leaf in condition_leaves(scenario)
        if isinstance(leaf, FactRevealedCondition)
    )
    for index, fact in enumerate(scenario.facts):
        if fact.id not in used and not fact.ruled_out_promises:
            yield Issue(
                ("facts", index, "id"),
                f"fact '{fact.id}' is never used: no post touches it (facts:), no condition "
                "reads it and it rules out no promise, so honesty is never judged against it",
            )


def _injects_without_exemplars(scenario: Scenario) -> Iterator[Issue]:
    # A facilitator's inject is never met by the bots, but the debrief shows its model answer.
    scripted: list[tuple[str, Sequence[Inject | FacilitatorInject]]] = [
        ("injects", scenario.injects),
        ("facilitator_injects", scenario.facilitator_injects),
    ]
    for section, items in scripted:
        for index, inject in enumerate(items):
            if inject.needs_reply and inject.tone != "abusive" and inject.replies is None:
                yield Issue(
                    (section, index, "id"),
                    f"inject '{inject.id}' needs a reply but has no replies.good: the ideal "
                    "bot cannot answer it and the debrief has no model answer to show",
                )


def thin_crowd(scenario: Scenario, most_posts: dict[str, int]) -> list[Issue]:
    """Crowd templates with too few wordings for how often they post.

    Run after sessions have been played (``crisisdrill check`` plays the bots):
    ``most_posts`` is, per crowd template id, the most posts it made in one session.

    Args:
        scenario: the scenario.
        most_posts: template id -> the most posts it made in one played session.

    Returns:
        One finding per template whose wordings would each repeat too often.
    """
    issues = []
    for index, template in enumerate(scenario.crowd):
        posted = most_posts.get(template.id, 0)
        variety = sum(
            PLACEHOLDER_VARIETY if any(_varying(text) for text in variant.values()) else 1
            for variant in template.text
        )
        if posted / variety > MAX_REPEATS_PER_VARIANT:
            needed = math.ceil(posted / MAX_REPEATS_PER_VARIANT)
            issues.append(
                Issue(
                    ("crowd", index, "text"),
                    f"crowd template '{template.id}' posted {posted} times in one session "
                    f"from {len(template.text)} wording(s): each repeats over "
                    f"{MAX_REPEATS_PER_VARIANT} times; give it more variants or placeholders "
                    f"(about {needed} plain wordings, fewer with placeholders)",
                )
            )
    return issues


def _varying(text: str) -> bool:
    """Whether a text has a placeholder that changes from post to post (not the brand)."""
    return any(use.name not in BRAND_PLACEHOLDERS for use in placeholders_in(text))


def _variant_lists(scenario: Scenario) -> Iterator[tuple[DataPath, Sequence[dict[str, str]]]]:
    for section, index, post in posts(scenario):
        yield (section, index, "text"), post.text
        if post.replies is not None:
            yield (section, index, "replies", "good"), post.replies.good
    for index, reaction in enumerate(scenario.reactions):
        if reaction.then.post is not None:
            yield ("reactions", index, "then", "post", "text"), reaction.then.post.text
    yield ("scoring", "statement", "good"), scenario.scoring.statement.good


def _variant_languages(scenario: Scenario) -> Iterator[Issue]:
    for path, variants in _variant_lists(scenario):
        if len(variants) < 2:
            continue
        every = set().union(*(set(variant) for variant in variants))
        for number, variant in enumerate(variants):
            missing = sorted(every - set(variant))
            if missing:
                yield Issue(
                    (*path, number),
                    f"this variant has no {', '.join(missing)} text while other variants of "
                    "the list do: whoever reads that language never sees this wording",
                )
