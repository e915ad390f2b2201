"""``play``: what starting a session needs apart from the user interface.

Which scenario an argument names, which language a session is played in, and the
briefing a trainee reads before it starts (the game shows it on a screen; without a
terminal the command line prints it). Simulated sessions start the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.catalog import resolve_scenario
from game.scenario.loader import LoadedScenario
from game.scenario.model import Scenario


def language_for(scenario: Scenario, wanted: str | None) -> str:
    """The language to play ``scenario`` in: the one wanted if it has it, else its first.

    Args:
        scenario: the scenario.
        wanted: the language asked for, if any.

    Returns:
        One of the scenario's languages.
    """
    if wanted in scenario.meta.languages:
        return wanted
    return scenario.meta.languages[0]


@dataclass(frozen=True)
class OpenedScenario:
    """A scenario named on the command line, and the language to use it in.

    Attributes:
        loaded: the scenario.
        language: one of its languages.
    """

    loaded: LoadedScenario
    language: str


def open_scenario(argument: str, wanted_language: str | None = None) -> OpenedScenario:
    """Load the scenario an argument names (a built-in or user id, or a path).

    Args:
        argument: the SCENARIO argument.
        wanted_language: the language asked for, if any.

    Returns:
        The scenario and the language to play it in.

    Raises:
        ScenarioError: the file is invalid, or no scenario has that id.
    """
    loaded = resolve_scenario(argument)
    return OpenedScenario(loaded, language_for(loaded.scenario, wanted_language))


@dataclass(frozen=True)
class ChannelBrief:
    """One channel as the briefing names it.

    Attributes:
        name: its name in the briefing's language.
        visibility: ``public`` or ``private``.
        response_minutes: the response time expected on it.
    """

    name: str
    visibility: str
    response_minutes: int


@dataclass(frozen=True)
class Briefing:
    """What a trainee is told before a session, in one language.

    Only the facts the brand knows at the start: those revealed later stay hidden.

    Attributes:
        language: the language of every text here.
        title: the scenario's title.
        summary: its summary.
        difficulty: its difficulty.
        duration_minutes: how long a session lasts.
        brand_name: the brand's name.
        brand_handle: the brand's handle.
        house_rules: the published community rules.
        channels: the channels, in the scenario's order.
        true_facts: what is true.
        false_facts: what is false.
        unknown_facts: what nobody knows yet.
        goals: the session's goals.
    """

    language: str
    title: str
    summary: str
    difficulty: str
    duration_minutes: int
    brand_name: str
    brand_handle: str
    house_rules: tuple[str, ...]
    channels: tuple[ChannelBrief, ...]
    true_facts: tuple[str, ...]
    false_facts: tuple[str, ...]
    unknown_facts: tuple[str, ...]
    goals: tuple[str, ...]


def briefing(loaded: LoadedScenario, language: str) -> Briefing:
    """The briefing of a scenario in ``language``.

    Args:
        loaded: the scenario.
        language: one of its languages.

    Returns:
        The texts of the briefing.
    """
    scenario = loaded.scenario
    meta = scenario.meta

    def text(localized: dict[str, str]) -> str:
        return scenario.text(localized, language)

    at_start = [fact for fact in scenario.facts if fact.revealed_at_minute is None]

    def facts(truth: bool | str) -> tuple[str, ...]:
        return tuple(text(fact.statement) for fact in at_start if fact.truth == truth)

    return Briefing(
        language=language,
        title=scenario.title_in(language),
        summary=text(meta.summary),
        difficulty=meta.difficulty,
        duration_minutes=meta.duration_minutes,
        brand_name=meta.brand.name,
        brand_handle=meta.brand.handle,
        house_rules=tuple(text(rule) for rule in meta.house_rules),
        channels=tuple(
            ChannelBrief(text(channel.name), channel.visibility, channel.expected_response_minutes)
            for channel in scenario.channels
        ),
        true_facts=facts(True),
        false_facts=facts(False),
        unknown_facts=facts("unknown"),
        goals=tuple(text(goal) for goal in meta.goals),
    )
