"""Making people and their posts from the scenario's personas and templates."""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence

from game.engine.identities import IdentitySource
from game.engine.world import Person
from game.scenario.model import LocalizedText, Persona, Scenario
from game.scenario.placeholders import fill

# Share of background posts written by someone who already posted (repeat voices).
REPEAT_AUTHOR_SHARE = 0.25
# Shape of the follower distribution: bounded Pareto, most people small, a few large.
PARETO_ALPHA = 1.16


def bounded_pareto(rng: random.Random, low: int, high: int) -> int:
    """A heavy-tailed whole number between ``low`` and ``high``."""
    if high <= low:
        return low
    floor = max(low, 1)
    u = rng.random()
    a = PARETO_ALPHA
    ratio = (floor / high) ** a
    value = floor / (1 - u * (1 - ratio)) ** (1 / a)
    return max(low, min(high, int(value)))


class WeightedChoice:
    """Picks keys with probability proportional to their weights (keys in given order).

    The running sums are made once; ``rng.choices`` with them draws exactly what it
    draws with the weights themselves.
    """

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = list(weights)
        self._cumulative = list(itertools.accumulate(weights[key] for key in self.keys))

    def __bool__(self) -> bool:
        return bool(self.keys)

    def pick(self, rng: random.Random) -> str:
        """One key, with probability proportional to its weight."""
        return rng.choices(self.keys, cum_weights=self._cumulative)[0]


class Crowd:
    """Creates the people of one session and writes their posts.

    Args:
        scenario: the scenario.
        rng: the session's random generator (the only source of randomness).
        identities: where names come from (Faker, or a session log on replay).
        language: the session's language.
    """

    def __init__(
        self,
        scenario: Scenario,
        rng: random.Random,
        identities: IdentitySource,
        language: str,
    ) -> None:
        self.scenario = scenario
        self.rng = rng
        self.identities = identities
        self.language = language
        self.people: dict[str, Person] = {}
        self._by_persona: dict[str, list[Person]] = {}
        self._personas = {persona.id: persona for persona in scenario.personas}
        self._locales = {
            persona.id: WeightedChoice(persona.locales) for persona in scenario.personas
        }

    def person_for(self, persona_id: str, *, reuse: bool) -> Person:
        """A person of ``persona_id``: the fixed one, maybe a repeat voice, or a new one."""
        persona = self._personas[persona_id]
        known = self._by_persona.get(persona_id, [])
        if persona.name is not None and known:
            return known[0]
        if reuse and known and self.rng.random() < REPEAT_AUTHOR_SHARE:
            repeat = known[self.rng.randrange(len(known))]
            if not (repeat.banned or repeat.stopped):
                return repeat
        return self._new_person(persona)

    def fixed_person(self, persona_id: str) -> Person | None:
        """The one person of a persona with a fixed name, once they have posted."""
        known = self._by_persona.get(persona_id, [])
        return known[0] if known and self._personas[persona_id].name is not None else None

    def _new_person(self, persona: Persona) -> Person:
        person_id = f"u{len(self.people) + 1}"
        locale = self._locales[persona.id].pick(self.rng)
        seed = self.rng.getrandbits(32)
        suffix = self.rng.randrange(10, 100)
        followers = bounded_pareto(self.rng, persona.followers.min, persona.followers.max)
        order = f"{self.rng.randrange(10**7, 10**8)}"
        identity = self.identities.identity(person_id, locale, seed, suffix)
        name = persona.name or identity.name
        first_name = name.split()[0] if persona.name else identity.first_name
        person = Person(
            id=person_id,
            persona=persona.id,
            archetype=persona.archetype,
            name=name,
            first_name=first_name,
            handle=persona.handle or identity.handle,
            city=identity.city,
            order=order,
            locale=locale,
            language=persona.writes_in or self.language,
            followers=followers,
            patience_minutes=persona.patience_minutes,
            temper=persona.temper,
        )
        self.people[person_id] = person
        self._by_persona.setdefault(persona.id, []).append(person)
        return person

    def draw_values(self) -> dict[str, str]:
        """One value of each custom placeholder, for a new thread (in the session language)."""
        values = {}
        for name in sorted(self.scenario.placeholders):
            options = self.scenario.placeholders[name]
            option = options[self.rng.randrange(len(options))]
            values[name] = option.get(self.language) or next(iter(option.values()))
        return values

    def write(
        self,
        variants: Sequence[LocalizedText],
        author: Person | None,
        values: Mapping[str, str],
    ) -> tuple[str, str]:
        """Draw a variant and fill its placeholders.

        Args:
            variants: the text variants.
            author: who writes it (None for the brand's own texts).
            values: custom placeholder values of the thread.

        Returns:
            The text and its language: the author's own language when the variant has
            it, else the session's, else the variant's first.
        """
        variant = variants[self.rng.randrange(len(variants))]
        language = self._language_of(variant, author)
        return fill(variant[language], self.placeholder_values(author, values)), language

    def _language_of(self, variant: LocalizedText, author: Person | None) -> str:
        for language in (author.language if author else None, self.language):
            if language is not None and language in variant:
                return language
        return next(iter(variant))

    def placeholder_values(
        self, author: Person | None, values: Mapping[str, str]
    ) -> dict[str, str]:
        """Everything a text may use: the brand, the author, the thread's own values."""
        brand = self.scenario.meta.brand
        filled = {"brand": brand.name, "brand_handle": brand.handle, **values}
        if author is not None:
            filled.update(
                name=author.name,
                first_name=author.first_name,
                handle=author.handle,
                city=author.city,
                order=author.order,
            )
        return filled
