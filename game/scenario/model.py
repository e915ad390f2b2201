"""The typed scenario model: everything a scenario file may say, and nothing else.

Field descriptions double as documentation: they are exported to
``scenarios/schema.json`` for editors, so keep them short and written for authors.
Times in a scenario are in simulated minutes from the start of the session.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

from game.scenario.placeholders import fill
from game.vocabulary import Cue, PromiseAct, RuleId, Verdict

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
PHASE_ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
HANDLE_PATTERN = r"^@[A-Za-z0-9_]{1,30}$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
PhaseId = Annotated[str, StringConstraints(pattern=PHASE_ID_PATTERN)]
Handle = Annotated[str, StringConstraints(pattern=HANDLE_PATTERN)]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
# Characters that change how text around them is shown (bidi overrides, C0/C1 controls):
# a scenario could use them to make a reply or a rule read differently than it is.
HIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_hidden_characters(text: str) -> str:
    found = HIDDEN_CHARACTERS.search(text)
    if found is not None:
        raise ValueError(
            f"invisible control character U+{ord(found.group()):04X} at character "
            f"{found.start() + 1}; remove it"
        )
    return text


Text = Annotated[
    str, StringConstraints(min_length=1, max_length=4000), AfterValidator(_no_hidden_characters)
]

Language = Literal["es", "en"]
"""Languages the interface, scenarios and reply analysis support."""

LocalizedText = dict[LanguageCode, Text]
"""One text in several languages, e.g. ``{es: Hola, en: Hello}``."""

Variants = Annotated[list[LocalizedText], Field(min_length=1)]

Difficulty = Literal["introductory", "intermediate", "hard"]

Archetype = Literal[
    "customer",
    "upset_customer",
    "foreign_customer",
    "troll",
    "fan",
    "influencer",
    "journalist",
    "employee",
]

Tone = Literal["positive", "neutral", "negative", "abusive"]

PostKind = Literal["complaint", "question", "praise", "abuse", "rumour", "thanks"]
"""What a post is, for judging a reply to it (scoring.judgement.fit)."""


Metric = Literal[
    "reach",
    "negative_reach",
    "sentiment",
    "unanswered",
    "oldest_unanswered_minutes",
    "advocates",
    "detractors",
    "statements",
    "broken_promises",
    "silenced_complainers",
]

METRIC_DESCRIPTIONS: dict[str, str] = {
    "reach": "people who have seen posts about the crisis",
    "negative_reach": "people who have seen negative posts",
    "sentiment": "reach-weighted mood of the audience, from -1 (hostile) to 1 (warm)",
    "unanswered": "posts that need a reply and have none",
    "oldest_unanswered_minutes": "age of the oldest post still waiting for a reply",
    "advocates": "people defending the brand",
    "detractors": "people attacking the brand",
    "statements": "official statements published",
    "broken_promises": "promises whose deadline passed unkept",
    "silenced_complainers": "people with a legitimate complaint who were hidden or banned",
}

_METRIC_HELP = "One of: " + "; ".join(f"{k}: {v}" for k, v in METRIC_DESCRIPTIONS.items())

TriggerEvent = Literal[
    "ignored",
    "replied",
    "private_message",
    "liked",
    "hidden",
    "warned",
    "banned",
    "escalated",
    "statement",
    "promise_kept",
    "promise_broken",
]


class Model(BaseModel):
    """Base of every scenario model: strict types, unknown keys are errors."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class Brand(Model):
    """The brand the trainee speaks for."""

    name: Text = Field(description="Brand name as customers write it.")
    handle: Handle = Field(description="The brand's account handle, e.g. '@tramastore'.")
    sector: LocalizedText = Field(description="What the brand sells or does.")


class Meta(Model):
    """What the scenario is, for the picker and the briefing."""

    id: Id = Field(description="Stable id: lower-case letters, digits, '-' or '_'.")
    title: LocalizedText = Field(description="Title shown in the scenario picker.")
    summary: LocalizedText = Field(description="Two or three sentences for the picker.")
    difficulty: Difficulty = Field(description="introductory, intermediate or hard.")
    duration_minutes: int = Field(ge=5, le=480, description="Simulated length of a session.")
    languages: list[Language] = Field(
        min_length=1, description="Languages every trainee-facing text is written in."
    )
    brand: Brand = Field(description="The brand the trainee speaks for.")
    house_rules: list[LocalizedText] = Field(
        min_length=1, description="The brand's published community rules (C4)."
    )
    goals: list[LocalizedText] = Field(
        default_factory=list, description="What the trainee should achieve, for the briefing."
    )
    authors: list[Text] = Field(default_factory=list, description="Who wrote the scenario.")
    pass_mark: int = Field(
        default=70,
        ge=1,
        le=100,
        description="The overall score at or above which an exam of this scenario passes.",
    )

    @field_validator("languages")
    @classmethod
    def _languages_unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each language may be listed only once")
        return value


class Channel(Model):
    """A place where people write to or about the brand."""

    id: Id = Field(description="Channel id used by injects and crowd templates.")
    name: LocalizedText = Field(description="Channel name shown to the trainee.")
    visibility: Literal["public", "private"] = Field(
        description="public: everyone reads the exchange; private: only the two parties."
    )
    expected_response_minutes: int = Field(
        ge=1, le=1440, description="How soon people there expect an answer (P2)."
    )
    audience_weight: float = Field(
        default=1.0,
        ge=0,
        le=10,
        description="How much the audience here counts for reach; ignored for private ones.",
    )


class Fact(Model):
    """Something that is true, false, or not known; honesty is judged against facts."""

    id: Id = Field(description="Fact id used by injects, crowd and conditions.")
    statement: LocalizedText = Field(description="The fact, stated plainly.")
    truth: bool | Literal["unknown"] = Field(
        description="true, false, or unknown (no one can know it during the session)."
    )
    brand_at_fault: bool = Field(
        default=False, description="Whether this fact makes the brand responsible (H1)."
    )
    revealed_at_minute: int | None = Field(
        default=None,
        ge=0,
        description="When the brand learns it; absent means known from the start.",
    )
    mentions: dict[LanguageCode, list[Text]] = Field(
        default_factory=dict,
        description="Words that name this fact's problem, per language, e.g. {es: [ferry, "
        "cancelado], en: [ferry, cancelled]}: an apology to a post about the fact counts in "
        "full when it names it (E1, E4). The post's own words always count too.",
    )
    rules_out: list[PromiseAct] = Field(
        default_factory=list,
        description="What the brand cannot promise while this fact holds (H4), e.g. [refund], "
        "or [dates]: no fix, replacement or visit can be promised by a time yet.",
    )
    ruled_out_promises: list[LocalizedText] = Field(
        default_factory=list,
        description="Words that, in a reply making a promise, promise what this fact "
        "rules out (H4) or what nobody can know yet (H3), e.g. "
        "{es: 'la de la foto', en: 'the one in the photo'}. Case and accents do not "
        "matter; a negated mention ('no podemos ... la de la foto') does not count.",
    )

    @model_validator(mode="after")
    def _unknown_is_never_revealed(self) -> Fact:
        if self.truth == "unknown" and self.revealed_at_minute is not None:
            raise ValueError(
                "a fact whose truth is 'unknown' cannot be revealed; "
                "give it truth true or false, or drop revealed_at_minute"
            )
        return self


class FollowerRange(Model):
    """Bounds of a persona's follower count (drawn heavy-tailed between them)."""

    min: int = Field(ge=0, description="Fewest followers.")
    max: int = Field(ge=0, le=100_000_000, description="Most followers.")

    @model_validator(mode="after")
    def _ordered(self) -> FollowerRange:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self


class Persona(Model):
    """A kind of person who shows up in the crisis; the engine makes individuals from it."""

    id: Id = Field(description="Persona id used by injects, crowd and reactions.")
    archetype: Archetype = Field(description="What role this persona plays in the crisis.")
    name: Text | None = Field(
        default=None, description="A fixed display name; absent: Faker makes one per person."
    )
    handle: Handle | None = Field(default=None, description="A fixed handle, e.g. '@lauramodas'.")
    locales: dict[str, Annotated[float, Field(gt=0)]] = Field(
        min_length=1,
        description="Faker locales for names and places, with relative weights, "
        "e.g. {es_ES: 3, es_MX: 1}.",
    )
    followers: FollowerRange = Field(description="Range of follower counts.")
    patience_minutes: int = Field(
        ge=1, le=1440, description="How long this person waits for an answer before reacting."
    )
    temper: float = Field(
        ge=0, le=1, description="How fast their mood sours: 0 placid, 1 explosive."
    )
    writes_in: LanguageCode | None = Field(
        default=None,
        description="A language this persona always writes in, whatever the session's "
        "(a foreign customer, E6). Their posts need a text in it.",
    )


class MetricCondition(Model):
    """Holds when a metric compares as stated (give exactly one comparison)."""

    metric: Metric = Field(description=_METRIC_HELP)
    above: float | None = Field(default=None, description="Holds when metric > value.")
    below: float | None = Field(default=None, description="Holds when metric < value.")
    at_least: float | None = Field(default=None, description="Holds when metric >= value.")
    at_most: float | None = Field(default=None, description="Holds when metric <= value.")

    @model_validator(mode="after")
    def _one_comparison(self) -> MetricCondition:
        given = [
            name
            for name in ("above", "below", "at_least", "at_most")
            if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of above, below, at_least, at_most"
                + (f" (got {', '.join(given)})" if given else "")
            )
        return self


class AfterMinuteCondition(Model):
    """Holds from this simulated minute of the session on."""

    after_minute: int = Field(ge=0, description="Simulated minute from which it holds.")


class MinutesInPhaseCondition(Model):
    """Holds once the crisis has been this many minutes in its current phase."""

    minutes_in_phase: int = Field(ge=0, description="Minutes spent in the current phase.")


class FactRevealedCondition(Model):
    """Holds once the named fact is known to the brand."""

    fact_revealed: Id = Field(description="Id of a fact with revealed_at_minute.")


class AllCondition(Model):
    """Holds when every listed condition holds."""

    all: list[Condition] = Field(min_length=1, description="Conditions that must all hold.")


class AnyCondition(Model):
    """Holds when at least one listed condition holds."""

    any: list[Condition] = Field(min_length=1, description="Conditions of which one must hold.")


class NotCondition(Model):
    """Holds when the given condition does not."""

    not_: Condition = Field(alias="not", description="The condition that must not hold.")


CONDITION_KINDS: dict[str, type[Model]] = {
    "metric": MetricCondition,
    "after_minute": AfterMinuteCondition,
    "minutes_in_phase": MinutesInPhaseCondition,
    "fact_revealed": FactRevealedCondition,
    "all": AllCondition,
    "any": AnyCondition,
    "not": NotCondition,
}


def _condition_tag(key: str) -> str:
    # Tags show up in validation error paths; a name no scenario key can have lets the
    # loader drop them when it maps an error back to a line of the file.
    return f"<{key} condition>"


def _condition_kind(value: Any) -> str | None:
    """Pick the condition model by the key that names its kind."""
    if isinstance(value, dict):
        for key in CONDITION_KINDS:
            if key in value:
                return _condition_tag(key)
        return None
    for key, cls in CONDITION_KINDS.items():
        if isinstance(value, cls):
            return _condition_tag(key)
    return None


Condition = Annotated[
    Annotated[MetricCondition, Tag(_condition_tag("metric"))]
    | Annotated[AfterMinuteCondition, Tag(_condition_tag("after_minute"))]
    | Annotated[MinutesInPhaseCondition, Tag(_condition_tag("minutes_in_phase"))]
    | Annotated[FactRevealedCondition, Tag(_condition_tag("fact_revealed"))]
    | Annotated[AllCondition, Tag(_condition_tag("all"))]
    | Annotated[AnyCondition, Tag(_condition_tag("any"))]
    | Annotated[NotCondition, Tag(_condition_tag("not"))],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message="expected a condition: a mapping with one of the keys "
        + ", ".join(CONDITION_KINDS),
    ),
]
"""A structured condition on metrics, time and facts (never code)."""

AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()


class Phase(Model):
    """A phase of the crisis; the first one listed is where every session starts."""

    id: PhaseId = Field(description="Lower-case letters, digits and '_' (used in diagrams).")
    name: LocalizedText = Field(description="Phase name shown to the trainee.")
    description: LocalizedText | None = Field(
        default=None, description="What is going on in this phase, for the debrief."
    )
    final: Literal["good", "bad"] | None = Field(
        default=None,
        description="Set on phases that end the session: good (resolved) or bad (meltdown).",
    )
    crowd_per_minute: float = Field(
        default=0,
        ge=0,
        le=60,
        description="Background posts per simulated minute while in this phase.",
    )
    containment: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="How well contained the crisis is if the session ends in this phase, "
        "0-100 (the outcome part of CONTAINMENT, O1). Default: 100 for a good final "
        "phase, 0 for a bad one, 50 otherwise.",
    )


class Transition(Model):
    """A way from one phase to another, taken as soon as its condition holds."""

    from_: list[PhaseId | Literal["*"]] = Field(
        alias="from",
        min_length=1,
        description="Phase ids this transition leaves, or '*' for every non-final phase.",
    )
    to: PhaseId = Field(description="The phase it leads to.")
    when: Condition = Field(description="Condition on metrics, time and facts.")

    @field_validator(
        "from_",
        mode="before",
        json_schema_input_type=PhaseId | Literal["*"] | list[PhaseId | Literal["*"]],
    )
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class BadReply(Model):
    """A reply that looks tempting and breaks a rule."""

    text: LocalizedText = Field(description="The reply, in every language.")
    breaks: RuleId = Field(description="The PRINCIPLES.md rule it breaks, e.g. 'P4'.")


class Exemplars(Model):
    """Model replies to a post: good ones for the ideal bot and the debrief, bad ones to learn."""

    good: Variants = Field(description="Replies an expert would give.")
    bad: list[BadReply] = Field(
        default_factory=list, description="Tempting replies that break a rule, for the debrief."
    )


class PostTemplate(Model):
    """What scripted and background posts have in common."""

    id: Id = Field(description="Id of this post or template.")
    persona: Id = Field(description="The persona who writes it.")
    tone: Tone = Field(description="positive, neutral, negative or abusive (rule-breaking).")
    needs_reply: bool = Field(default=True, description="Whether the brand should answer (P1).")
    tags_brand: bool = Field(
        default=True, description="false: the brand is not tagged; found only by monitoring (P3)."
    )
    text: Variants = Field(description="Alternative wordings; one is drawn per post.")
    facts: list[Id] = Field(default_factory=list, description="Facts this post touches.")
    kind: PostKind | None = Field(
        default=None,
        description="What the post is, when its tone and facts do not say it: complaint, "
        "question, praise, abuse, rumour or thanks (decides which cues of a reply fit).",
    )
    replies: Exemplars | None = Field(
        default=None,
        description="Model replies, for the ideal bot and the debrief. They fit every "
        "variant; placeholders take the values of the post being answered. Replies to a "
        "persona with writes_in are written in that language.",
    )


class Inject(PostTemplate):
    """A scripted post: appears at a minute, or when a condition first holds."""

    at_minute: int | None = Field(default=None, ge=0, description="Simulated minute it appears.")
    when: Condition | None = Field(
        default=None, description="Appears when this first holds (instead of at_minute)."
    )
    channel: Id = Field(description="The channel it is posted on.")
    follows: Id | None = Field(
        default=None,
        description="An earlier inject whose author writes this one, in the same thread.",
    )

    @model_validator(mode="after")
    def _one_trigger(self) -> Inject:
        if (self.at_minute is None) == (self.when is None):
            raise ValueError("give exactly one of at_minute or when")
        return self


class FacilitatorInject(PostTemplate):
    """A scripted post the workshop's facilitator pushes to every game, when they choose."""

    channel: Id = Field(description="The channel it is posted on.")


class CrowdTemplate(PostTemplate):
    """Background posts that fill the feed, drawn by phase weights."""

    channels: list[Id] = Field(min_length=1, description="Channels these posts appear on.")
    weights: dict[PhaseId, Annotated[float, Field(ge=0)]] = Field(
        min_length=1,
        description="Relative weight of this template in each phase; absent phases: 0.",
    )


class ReactionPost(Model):
    """A post that a reaction makes its person write."""

    channel: Literal["same", "other"] | Id = Field(
        default="same",
        description="'same' channel, 'other' public channel, or a channel id.",
    )
    tone: Tone = Field(description="positive, neutral, negative or abusive.")
    text: Variants = Field(description="Alternative wordings; one is drawn per post.")
    kind: PostKind | None = Field(
        default=None, description="What the post is (default: read from its tone)."
    )
    needs_reply: bool | None = Field(
        default=None,
        description="Whether the brand should answer it. Default: negative and neutral "
        "posts do; a thank-you or an abusive post does not.",
    )
    replies: Exemplars | None = Field(
        default=None,
        description="Model replies to this post, for the ideal bot and the debrief. "
        "Default: those of the author's persona's first post that has some.",
    )
    per_person: int | None = Field(
        default=None,
        ge=1,
        description="How many times one person writes this post (default: each time the "
        "reaction fires). After that the reaction still moves moods, but the person does "
        "not write it again: someone who calls out a canned reply does so two or three "
        "times, not forty.",
    )


class ReactionEffect(Model):
    """What happens when a reaction fires."""

    mood: float = Field(default=0, ge=-1, le=1, description="Change of the person's mood.")
    audience: float = Field(
        default=0, ge=-1, le=1, description="Change of the audience's sentiment."
    )
    post: ReactionPost | None = Field(default=None, description="A post the person writes.")
    stops: bool = Field(default=False, description="The person writes no more.")
    becomes_advocate: bool = Field(default=False, description="The person defends the brand.")


class Reaction(Model):
    """How people respond to what the trainee does (or does not do)."""

    id: Id = Field(description="Reaction id.")
    archetypes: list[Archetype] = Field(
        default_factory=list, description="Archetypes it applies to."
    )
    personas: list[Id] = Field(default_factory=list, description="Personas it applies to.")
    trigger: TriggerEvent = Field(
        description="What the trainee did (or did not do) to the person's post; 'ignored' "
        "fires when their patience runs out; 'escalated' when the post is handed to a team "
        "(legal, logistics, press...), which then deals with the person; 'promise_kept' and "
        "'promise_broken' when a promise made to them is followed up in time or comes due "
        "unkept."
    )
    cues_any: list[Cue] = Field(
        default_factory=list, description="Only if the reply has at least one of these cues."
    )
    cues_none: list[Cue] = Field(
        default_factory=list, description="Only if the reply has none of these cues."
    )
    verdicts_any: list[Verdict] = Field(
        default_factory=list,
        description="Only if the reading of the reply found one of these: canned, generic, "
        "wrong_language, misplaced, contradictory, stuffed.",
    )
    verdicts_none: list[Verdict] | None = Field(
        default=None,
        description="Only if the reading found none of these. Default: a reaction that "
        "raises the person's mood does not fire on a canned or stuffed reply or one in a "
        "language they do not read; [] lets it fire on anything.",
    )
    after_minutes: int = Field(default=0, ge=0, le=480, description="Delay before the effect.")
    once: bool = Field(
        default=False,
        description="Fire at most once per person (a thank-you is not written again each time "
        "the brand answers it); later events fall through to the next matching reaction.",
    )
    then: ReactionEffect = Field(description="The effect.")

    @model_validator(mode="after")
    def _has_target(self) -> Reaction:
        if not self.archetypes and not self.personas:
            raise ValueError("give archetypes or personas (or both)")
        return self

    @property
    def blocking_verdicts(self) -> frozenset[Verdict]:
        """The verdicts that keep this reaction from firing (``verdicts_none`` or its default)."""
        if self.verdicts_none is not None:
            return frozenset(self.verdicts_none)
        if self.then.mood > 0:
            return frozenset({"canned", "stuffed", "wrong_language"})
        return frozenset()


class Weights(Model):
    """Relative weight of each dimension in the overall score."""

    speed: float = Field(default=1, ge=0, description="Weight of SPEED.")
    empathy: float = Field(default=1, ge=0, description="Weight of EMPATHY.")
    channel: float = Field(default=1, ge=0, description="Weight of CHANNEL.")
    honesty: float = Field(default=1, ge=0, description="Weight of HONESTY.")
    containment: float = Field(default=1, ge=0, description="Weight of CONTAINMENT.")


class StatementRules(Model):
    """What the official statement must contain, and model statements."""

    requires: list[Cue] = Field(
        default_factory=list, description="Cues the statement must contain (H2), e.g. apology."
    )
    good: list[LocalizedText] = Field(
        default_factory=list, description="Model statements, for the ideal bot and the debrief."
    )
    bad: list[BadReply] = Field(
        default_factory=list, description="Tempting statements that break a rule."
    )


class Scoring(Model):
    """How this scenario weighs the score."""

    weights: Weights = Field(default_factory=Weights, description="Weights of the dimensions.")
    statement: StatementRules = Field(
        default_factory=StatementRules, description="What the official statement must hold."
    )


class Scenario(Model):
    """A crisis scenario."""

    model_config = ConfigDict(title="crisisdrill scenario")

    format: Literal[1] = Field(description="Version of the scenario format; write 1.")
    meta: Meta = Field(description="What the scenario is: title, brand, rules, length.")
    channels: list[Channel] = Field(min_length=1, description="Where people write.")
    facts: list[Fact] = Field(
        default_factory=list, description="What is true, false or unknown; honesty is judged on it."
    )
    personas: list[Persona] = Field(min_length=1, description="Who shows up.")
    placeholders: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")],
        Annotated[list[LocalizedText], Field(min_length=1)],
    ] = Field(
        default_factory=dict,
        description="Your own placeholders: each name lists values, one drawn per post.",
    )
    phases: list[Phase] = Field(
        min_length=2, description="Phases of the crisis; the first is where sessions start."
    )
    transitions: list[Transition] = Field(min_length=1, description="Ways between phases.")
    injects: list[Inject] = Field(default_factory=list, description="Scripted posts.")
    facilitator_injects: list[FacilitatorInject] = Field(
        default_factory=list,
        description="Posts a workshop's facilitator may push to every trainee's game at a "
        "moment of their choosing; bots and solo sessions never see them.",
    )
    crowd: list[CrowdTemplate] = Field(default_factory=list, description="Background posts.")
    reactions: list[Reaction] = Field(
        default_factory=list, description="How people respond to the trainee."
    )
    scoring: Scoring = Field(default_factory=Scoring, description="How the score is weighed.")

    def text(self, localized: LocalizedText, language: str) -> str:
        """A briefing text in ``language`` (else the first declared), brand filled in.

        For texts outside posts and replies, where only ``{brand}`` and
        ``{brand_handle}`` may appear (validation guarantees it).
        """
        chosen = localized.get(language) or localized[self.meta.languages[0]]
        brand = self.meta.brand
        return fill(chosen, {"brand": brand.name, "brand_handle": brand.handle})

    def title_in(self, language: str) -> str:
        """The title in ``language``, or in the first declared language."""
        return self.text(self.meta.title, language)
