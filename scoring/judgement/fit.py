"""Which cues fit a reply, by what the post was and who wrote it: the fit table.

A cue is only worth something where it fits. An apology answers a complaint, not a
troll's insult; thanks answer praise; a denial answers a false rumour, where an
admission concedes it. The table below is the whole of that knowledge, as data: for
each kind of post, the cues that show feeling (one of them earns the E1 credit), the
cues that are out of place and what they cost, and the cues that are noise (they earn
nothing and, piled up, make a reply stuffed). A recipient adds its own misplaced cues
(appeasing a troll is wrong whatever the troll wrote). A scenario can set the kind of
any post with ``kind:`` on its template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.scenario.model import PostKind
from game.vocabulary import Cue, RuleId

Recipient = Literal["customer", "troll", "fan", "journalist", "staff", "influencer"]
"""Who wrote the post, for judging the reply to it."""


RECIPIENT_OF_ARCHETYPE: dict[str, Recipient] = {
    "customer": "customer",
    "upset_customer": "customer",
    "foreign_customer": "customer",
    "troll": "troll",
    "fan": "fan",
    "influencer": "influencer",
    "journalist": "journalist",
    "employee": "staff",
}
"""A scenario persona's archetype as a recipient."""


@dataclass(frozen=True)
class Misplaced:
    """Why a cue is out of place, and where it costs.

    Attributes:
        rule: the rule it breaks.
        reason: the message key suffix that explains it (``judgement.<reason>``).
    """

    rule: RuleId
    reason: str


@dataclass(frozen=True)
class Fit:
    """What a reply to one kind of post should and should not hold.

    Attributes:
        feeling: cues that show feeling here; one earns E1 (empty: none is owed).
        misplaced: cues that are out of place, with the rule they break.
        noise: cues that earn nothing here.
    """

    feeling: frozenset[Cue]
    misplaced: dict[Cue, Misplaced] = field(default_factory=dict)
    noise: frozenset[Cue] = frozenset()


_APPEASING: dict[Cue, Misplaced] = {
    cue: Misplaced("C4", "appeased_abuse")
    for cue in ("apology", "admission", "acknowledgement", "compensation")
}
"""Giving way to abuse rewards it: the troll learns that insults pay (C4). Thanks and a
warning of what will happen next ("we will remove them") are calm, not appeasing."""

_CONCEDING: dict[Cue, Misplaced] = {
    cue: Misplaced("H3", "conceded_rumour") for cue in ("admission", "compensation", "prevention")
}
"""Owning, repairing or preventing what never happened makes a false rumour true (H3)."""

_RULES_TO_A_COMPLAINT = Misplaced("C4", "rules_to_complaint")
"""Citing the house rules to someone who only complained treats them as a troll (C4)."""

_THANKING_NOISE: frozenset[Cue] = frozenset({"compensation", "data_request"})
"""What a thank-you does not need: a fan is not owed a refund nor asked for data. (Owning
the fault to a fan who excuses the brand is right, and so is saying what is being fixed.)"""

FIT: dict[PostKind, Fit] = {
    "complaint": Fit(
        feeling=frozenset({"apology", "acknowledgement"}),
        misplaced={"rules_citation": _RULES_TO_A_COMPLAINT},
    ),
    "question": Fit(
        feeling=frozenset(),
        misplaced={"rules_citation": _RULES_TO_A_COMPLAINT},
    ),
    "praise": Fit(
        feeling=frozenset({"gratitude", "acknowledgement"}),
        noise=_THANKING_NOISE | {"rules_citation"},
    ),
    "thanks": Fit(
        feeling=frozenset({"gratitude", "acknowledgement"}),
        noise=_THANKING_NOISE | {"rules_citation"},
    ),
    "abuse": Fit(feeling=frozenset(), misplaced=_APPEASING),
    "rumour": Fit(
        feeling=frozenset({"acknowledgement", "gratitude", "apology"}),
        misplaced=_CONCEDING,
    ),
}
"""The fit table: per kind of post (see the module docstring)."""

BY_RECIPIENT: dict[Recipient, dict[Cue, Misplaced]] = {
    "troll": _APPEASING,
    "staff": {"compensation": Misplaced("C5", "compensated_staff")},
}
"""Cues out of place for a recipient, whatever the post."""


def fit_for(kind: PostKind, recipient: Recipient) -> Fit:
    """The fit of a reply to a post of ``kind`` written by ``recipient``.

    Args:
        kind: what the post is.
        recipient: who wrote it.

    Returns:
        The post kind's fit, with the recipient's misplaced cues added.
    """
    base = FIT[kind]
    extra = BY_RECIPIENT.get(recipient)
    if not extra:
        return base
    return Fit(base.feeling, {**base.misplaced, **extra}, base.noise - set(extra))
