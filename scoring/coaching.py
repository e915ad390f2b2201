"""What each cue of a message means for the rules, as the judges score it.

The practice coach explains a message the moment it is sent, before the crowd or the
scorer has seen what follows. It cannot judge in context (was the fact true, known,
the author a troll?), but it can say which rules the judges in ``scoring.judges`` read
each cue for, and whether they credit it or charge it. That knowledge lives here, next
to the judges, so that the coach and the debrief never disagree about a rule; a test
plays sessions and holds every finding the judges tie to a cue to this table.

Pure: no user interface and no engine; the caller says what kind of message it was.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from game.vocabulary import RuleId
from scoring.analyzer import Analysis, CueHit
from scoring.judgement import Judgement

MessageKind = Literal["reply", "private_message", "follow_up", "statement", "warning"]
"""The brand messages of a session log (``scoring.sessionview.BrandMessage.kind``)."""

# Which judge reads which kind of message (see each judge's docstring):
ANSWERS = frozenset({"reply", "private_message"})  # empathy and the facts of honesty
PUBLIC = frozenset({"reply", "follow_up"})  # channel._public
PRIVATE = frozenset({"private_message"})  # channel._private
STATEMENTS = frozenset({"statement"})  # empathy, honesty and channel statements
PROMISING = frozenset({"reply", "private_message", "follow_up", "statement"})  # promises


@dataclass(frozen=True)
class Touch:
    """One way a judge reads a cue.

    Attributes:
        rule: the rule of PRINCIPLES.md it cites.
        helps: True when the judge credits the cue, False when it charges it.
        kinds: the kinds of message the judge reads it in.
        usual: False for a reading that needs a less common situation (a false rumour,
            a fact nobody knows yet, a promise that is later broken).
    """

    rule: RuleId
    helps: bool
    kinds: frozenset[str]
    usual: bool = True


TOUCHES: dict[str, tuple[Touch, ...]] = {
    # E1 credits an apology or acknowledgement of a complaint, H1 owning a fault;
    # conceding a rumour that is false is charged under H3.
    # An apology that names nothing is generic (E4); giving way to abuse feeds it (C4).
    "apology": (
        Touch("E1", True, ANSWERS),
        Touch("H1", True, ANSWERS),
        Touch("H3", False, ANSWERS, usual=False),
        Touch("E4", False, ANSWERS, usual=False),
        Touch("C4", False, PUBLIC, usual=False),
    ),
    "acknowledgement": (
        Touch("E1", True, ANSWERS),
        Touch("E4", False, ANSWERS, usual=False),
        Touch("C4", False, PUBLIC, usual=False),
    ),
    "gratitude": (Touch("E1", True, ANSWERS),),  # thanks, for praise
    "admission": (
        Touch("H1", True, ANSWERS),
        Touch("H3", False, ANSWERS, usual=False),
        Touch("C4", False, PUBLIC, usual=False),
    ),
    # Denying a true fact (H1) or a cause nobody knows yet (H3); contradicting an
    # earlier statement (C5). Only correcting a false rumour is credited (H3).
    "denial": (
        Touch("H1", False, ANSWERS | STATEMENTS),
        Touch("C5", False, STATEMENTS),
        Touch("H3", False, ANSWERS, usual=False),
        Touch("H3", True, ANSWERS, usual=False),
    ),
    "blame": (Touch("H1", False, ANSWERS),),
    "hostility": (Touch("E2", False, ANSWERS | STATEMENTS),),
    # In an answer a cause is only ever charged, as speculation while the fact is not
    # known (H3); a statement owes it (H2, below), except before the facts are in.
    "cause": (Touch("H3", False, ANSWERS), Touch("H3", False, STATEMENTS, usual=False)),
    # With a gesture: E5. "We will fix it" is also a promise, judged as one (H4).
    "fix": (Touch("E5", True, ANSWERS), Touch("H4", False, PROMISING, usual=False)),
    # A refund to a fan is noise (E4), to a troll appeasement (C4), for a rumour a
    # concession (H3).
    "compensation": (
        Touch("E5", True, ANSWERS),
        Touch("E4", False, ANSWERS, usual=False),
        Touch("C4", False, PUBLIC, usual=False),
        Touch("H3", False, ANSWERS, usual=False),
        Touch("C5", False, ANSWERS, usual=False),
    ),
    "prevention": (Touch("H3", False, ANSWERS, usual=False),),
    "promise": (
        Touch("H4", True, PROMISING),
        Touch("H4", False, PROMISING, usual=False),  # broken, late or ruled out
        Touch("H3", False, PROMISING, usual=False),  # resting on an unknown fact
    ),
    # No judge credits the invitation itself: it makes asking for data in public right.
    "dm_invite": (Touch("C3", True, PUBLIC),),
    "data_request": (
        Touch("C3", False, PUBLIC),
        Touch("C3", True, PRIVATE),
        Touch("E4", False, ANSWERS, usual=False),
    ),
    "link_only": (Touch("P4", False, ANSWERS),),
    "boilerplate": (Touch("E4", False, ANSWERS | STATEMENTS),),
    # Credited to an abusive author; to someone who only complained it costs.
    "rules_citation": (
        Touch("C4", True, frozenset({"reply"})),
        Touch("C4", False, PUBLIC, usual=False),
    ),
}
"""Every cue the judges read, with the rules they cite for it."""

STATEMENT_RULE = Touch("H2", True, STATEMENTS)
"""A cue the scenario requires of the official statement counts towards H2."""


@dataclass(frozen=True)
class CueReading:
    """One cue of a message and what the judges make of it there.

    Attributes:
        hit: the cue and the words that show it.
        touches: every reading of the judges for this kind of message.
        helps: whether it usually earns credit (None: no judge scores it here).
    """

    hit: CueHit
    touches: tuple[Touch, ...]
    helps: bool | None

    @property
    def rules(self) -> tuple[RuleId, ...]:
        """The rules of the usual readings, in table order, without repeats."""
        return tuple(dict.fromkeys(touch.rule for touch in self.touches if touch.usual))


def touches_for(
    cue: str, kind: MessageKind, analysis: Analysis, requires: Collection[str] = ()
) -> tuple[Touch, ...]:
    """How the judges read one cue in one kind of message.

    Args:
        cue: the cue id.
        kind: the kind of message it was found in.
        analysis: the whole message's analysis (one cue can change another's reading).
        requires: the cues the scenario requires of an official statement.

    Returns:
        The readings that apply, the usual ones first.
    """
    found = [touch for touch in TOUCHES.get(cue, ()) if kind in touch.kinds]
    if cue == "data_request" and kind in PUBLIC and analysis.has("dm_invite"):
        # "Send us your order number by DM" asks in private: channel.py lets it pass.
        found = [touch for touch in found if touch.rule != "C3"]
    if kind in STATEMENT_RULE.kinds and cue in requires:
        found.insert(0, STATEMENT_RULE)
    return tuple(sorted(found, key=lambda touch: not touch.usual))


VERDICT_RULES: dict[str, RuleId] = {
    "canned": "E4",
    "generic": "E4",
    "stuffed": "E4",
    "wrong_language": "E6",
    "contradictory": "H1",
}
"""The rule the judges charge each verdict of the reading under (``misplaced`` cites the
rule of each cue out of place, in the fit table)."""


def verdict_rules(judgement: Judgement) -> list[tuple[str, RuleId]]:
    """What the reading found wrong with a reply, each with the rule it costs.

    Args:
        judgement: the reply judged in its situation.

    Returns:
        (verdict, rule) pairs in a stable order; a misplaced cue gives its own rule.
    """
    found: list[tuple[str, RuleId]] = []
    for verdict in sorted(judgement.verdicts):
        if verdict == "misplaced":
            found += sorted({("misplaced", why.rule) for _, why in judgement.misplaced})
        else:
            found.append((verdict, VERDICT_RULES[verdict]))
    return found


def in_situation(hit: CueHit, kind: MessageKind, judgement: Judgement) -> tuple[Touch, ...] | None:
    """How the judges read a cue in the situation a reply was judged in (None: as usual).

    Conceding a false rumour costs H3; out of place, a cue costs under the rule of the
    fit table; of no use there, or an apology that names nothing of the post, it costs
    E4 (a generic apology still owns a fault, H1).
    """
    kinds = frozenset({kind})
    touches: list[Touch] = []
    conceded = judgement.conceded
    if conceded is not None and conceded.cue == hit.cue:
        touches.append(Touch("H3", False, kinds))
    touches += [
        Touch(why.rule, False, kinds) for cue, why in judgement.misplaced if cue.cue == hit.cue
    ]
    if any(noise.cue == hit.cue for noise in judgement.noise):
        touches.append(Touch("E4", False, kinds))
    feeling = judgement.feeling
    generic = feeling is not None and judgement.specific is None and feeling.cue != "gratitude"
    if generic and feeling is not None and feeling.cue == hit.cue:
        touches.append(Touch("E4", False, kinds))
        if not touches[:-1]:
            usual = [t for t in TOUCHES.get(hit.cue, ()) if t.usual and kind in t.kinds]
            touches += [t for t in usual if t.rule != "E1"]
    unique = {(touch.rule, touch.helps): touch for touch in touches}
    return tuple(unique.values()) or None


def read_message(
    analysis: Analysis,
    kind: MessageKind,
    requires: Collection[str] = (),
    judgement: Judgement | None = None,
) -> list[CueReading]:
    """What the judges make of each cue of a message, in the order they appear.

    Args:
        analysis: the message's analysis.
        kind: what kind of message it is.
        requires: the cues the scenario requires of an official statement.
        judgement: the reply judged in its situation, when it answers a post: its
            misplaced, noisy and generic cues are read as the judges read them there.

    Returns:
        One reading per cue hit.
    """
    readings = []
    for hit in analysis.cues:
        situated = in_situation(hit, kind, judgement) if judgement is not None else None
        touches = situated or touches_for(hit.cue, kind, analysis, requires)
        usual = [touch.helps for touch in touches if touch.usual]
        readings.append(CueReading(hit, touches, usual[0] if usual else None))
    return readings
