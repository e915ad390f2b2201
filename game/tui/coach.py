"""The practice-mode coach: the cues of a message and the rules the judges read them for.

Which rule a cue touches, and whether it helps, is the scorer's knowledge
(``scoring.coaching``); this module only words it for the coach panel.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from game.engine.clock import DAY_STARTS_AT_MINUTE
from game.tui.i18n import tr
from game.vocabulary import RULES, RuleId
from scoring import AnalysisContext, analyze
from scoring.coaching import MessageKind, read_message, verdict_rules
from scoring.judgement import Judgement
from scoring.messages import cue_name


@dataclass(frozen=True)
class CoachNote:
    """One cue found in a message, for the coach panel.

    Attributes:
        cue: the cue id.
        name: the cue in words, in the session's language.
        words: the words of the message that show it.
        start: where they start in the message.
        end: where they end.
        helps: whether the cue usually earns points (None: not scored in this kind
            of message).
        rules: the rule ids it usually touches.
        rule_label: those rules in words (one rule: its title too).
    """

    cue: str
    name: str
    words: str
    start: int
    end: int
    helps: bool | None
    rules: tuple[RuleId, ...]
    rule_label: str


def rules_label(rules: tuple[RuleId, ...], language: str) -> str:
    """One rule as ``H1 own-the-mistake: title``; several as ``E1 empathize · H1 ...``."""
    if len(rules) == 1:
        return RULES[rules[0]].label(language)
    return " · ".join(f"{rule} {RULES[rule].name(language)}" for rule in rules)


def coach_notes(
    text: str,
    language: str,
    customer_name: str | None,
    now_seconds: int,
    *,
    kind: MessageKind,
    requires: Collection[str] = (),
    judgement: Judgement | None = None,
) -> list[CoachNote]:
    """Analyse a message the way the engine does and explain each cue it found.

    Args:
        text: the trainee's words.
        language: the session's language.
        customer_name: the name of the person answered, if any.
        now_seconds: simulated second of the message (resolves "by 5 pm").
        kind: what kind of message it was (a public reply, a private message...).
        requires: the cues the scenario requires of an official statement.
        judgement: the engine's judgement of the reply in its situation, when it
            answered a post: the coach then says what the judges will say there.

    Returns:
        One note per cue hit, in the order they appear in the message.
    """
    context = AnalysisContext(customer_name, DAY_STARTS_AT_MINUTE + now_seconds // 60)
    readings = read_message(analyze(text, language, context), kind, requires, judgement)
    return [
        CoachNote(
            cue=reading.hit.cue,
            name=cue_name(reading.hit.cue, language),
            words=reading.hit.text,
            start=reading.hit.start,
            end=reading.hit.end,
            helps=reading.helps,
            rules=reading.rules,
            rule_label=rules_label(reading.rules, language) if reading.rules else "",
        )
        for reading in readings
    ]


def verdict_lines(judgement: Judgement | None, language: str) -> list[str]:
    """What the reading in context found wrong with a reply, with the rule it costs.

    Args:
        judgement: the engine's judgement of the reply (None: nothing to add).
        language: the session's language.

    Returns:
        One line per verdict, e.g. "The apology could go to anyone... (E4)".
    """
    if judgement is None:
        return []
    return [
        f"{tr(language, f'coach.verdict.{verdict}', count=judgement.reuse.count)} ({rule})"
        for verdict, rule in verdict_rules(judgement)
    ]
