"""The practice-mode coach: which cues a reply shows and which rule each one touches.

The analyzer names cues; PRINCIPLES.md names rules. This table joins the two for the
live hint only (the debrief's findings come from the scorer, which judges in context).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.clock import DAY_STARTS_AT_MINUTE
from game.vocabulary import RULES, RuleId
from scoring import AnalysisContext, analyze
from scoring.messages import cue_name

# cue id -> (helps?, the rule it touches). Context decides the score; this is the hint.
CUE_RULES: dict[str, tuple[bool, RuleId]] = {
    "apology": (True, "H2"),
    "acknowledgement": (True, "E1"),
    "gratitude": (True, "E1"),
    "admission": (True, "H1"),
    "denial": (False, "H1"),
    "blame": (False, "E2"),
    "hostility": (False, "E2"),
    "cause": (True, "H2"),
    "fix": (True, "H2"),
    "prevention": (True, "H2"),
    "promise": (True, "H4"),
    "dm_invite": (True, "C2"),
    "data_request": (False, "C3"),
    "link_only": (False, "P4"),
    "boilerplate": (False, "E4"),
    "compensation": (True, "E5"),
    "rules_citation": (True, "C4"),
}


@dataclass(frozen=True)
class CoachNote:
    """One cue found in a reply, for the coach panel.

    Attributes:
        cue: the cue id.
        name: the cue in words, in the session's language.
        words: the words of the reply that show it.
        start: where they start in the reply.
        end: where they end.
        helps: whether the cue usually earns points.
        rule: the rule id it touches.
        rule_label: the rule's id, slug and title in the session's language.
    """

    cue: str
    name: str
    words: str
    start: int
    end: int
    helps: bool
    rule: str
    rule_label: str


# In a private message these are what the rule asks for, not what it forbids.
HELPS_IN_PRIVATE = frozenset({"data_request"})


def coach_notes(
    text: str,
    language: str,
    customer_name: str | None,
    now_seconds: int,
    *,
    private: bool = False,
) -> list[CoachNote]:
    """Analyse a reply the way the engine does and explain each cue it found.

    Args:
        text: the trainee's words.
        language: the session's language.
        customer_name: the name of the person answered, if any.
        now_seconds: simulated second of the reply (resolves "by 5 pm").
        private: the words went in a private message (personal data belongs there, C3).

    Returns:
        One note per cue hit, in the order they appear in the reply.
    """
    context = AnalysisContext(customer_name, DAY_STARTS_AT_MINUTE + now_seconds // 60)
    analysis = analyze(text, language, context)
    notes = []
    for hit in analysis.cues:
        helps, rule = CUE_RULES.get(hit.cue, (True, "O2"))
        if private and hit.cue in HELPS_IN_PRIVATE:
            helps = True
        notes.append(
            CoachNote(
                cue=hit.cue,
                name=cue_name(hit.cue, language),
                words=hit.text,
                start=hit.start,
                end=hit.end,
                helps=helps,
                rule=rule,
                rule_label=RULES[rule].label(language),
            )
        )
    return notes
