"""Top lessons and grouped findings: what a trainer would say first about a session.

A careless session can hold hundreds of findings, most of them the same mistake made
again. ``group_findings`` folds findings with the same rule, sign and message into one
group; ``top_lessons`` picks the groups that cost the most points, each with its rule,
its cost, its costliest example and what to do instead (the rule's own words). The
debrief, Markdown and HTML reports all show these, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.clocktime import clock_time
from game.vocabulary import RULES
from scoring.lesson_texts import FRAME, GROUPS
from scoring.messages import localized
from scoring.scorecard import Finding, Scorecard

MOST_LESSONS = 5
"""At most this many top lessons: more would bury the ones that matter."""
LEAST_LESSONS = 3
"""Lessons shown even when they cost under a point, when the session has them."""
WORTH_A_LESSON = 1.0
"""Overall points a group must cost to be a lesson beyond the first ``LEAST_LESSONS``."""
SAME_POINT = {
    "overall.capped": "containment.outcome",
    "containment.left_early": "containment.outcome",
}
"""Message keys that make the same point as another: how the crisis ended, leaving it
early and the cap that ending puts on the overall are one lesson."""


@dataclass(frozen=True)
class FindingGroup:
    """Findings that are the same point made again: same rule, sign and message key.

    Attributes:
        findings: The findings, in time order (at least one).
    """

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        """The earliest finding of the group."""
        return self.findings[0]

    @property
    def count(self) -> int:
        """How many findings the group holds."""
        return len(self.findings)

    @property
    def cost(self) -> float:
        """Overall points the group cost, all its findings together."""
        return sum(finding.cost for finding in self.findings)

    @property
    def worst(self) -> Finding:
        """The finding that cost most (the earliest of equals)."""
        return max(self.findings, key=lambda finding: (finding.cost, -finding.time))

    def headline(self, language: str) -> str:
        """One line for the group: the finding's message, or how many and which cost most.

        Args:
            language: "es" or "en".

        Returns:
            E.g. "21 answers came too late (costliest: 10:12, Ana (@ana_r))".
        """
        if self.count == 1:
            return self.first.message
        if all(finding.post_id is None for finding in self.findings):
            # One point about the whole session told in parts, not a repeat: all of it.
            by_cost = sorted(self.findings, key=lambda finding: -finding.cost)
            return " ".join(dict.fromkeys(finding.message for finding in by_cost))
        first = self.first
        template = GROUPS.get(first.key)
        if template is not None:
            line = localized(template, language).replace("{count}", str(self.count))
        else:
            rule = RULES.get(first.rule)
            title = rule.title.get(language, rule.title["en"]) if rule else first.rule
            line = (
                localized(FRAME["group"], language)
                .replace("{count}", str(self.count))
                .replace("{rule}", title)
            )
        if first.severity == "+":
            return f"{line} ({where(first, 'first_time', language)})"
        return f"{line} ({where(self.worst, 'costliest', language)})"


@dataclass(frozen=True)
class Lesson:
    """One of the few things that mattered most in a session.

    Attributes:
        group: The findings it stands for.
        headline: What happened, in one line.
        advice: What to do instead: the rule's statement in the session's language.
    """

    group: FindingGroup
    headline: str
    advice: str

    @property
    def example(self) -> Finding:
        """The costliest finding: its post and the trainee's words are the example."""
        return self.group.worst

    @property
    def quote(self) -> str | None:
        """The words to quote: what the trainee wrote, or the post that waited for them.

        A late or missing answer is best shown by the post it left waiting; anything
        else by the trainee's own words (the part that earned the finding).
        """
        example = self.example
        if example.dimension == "speed" or example.evidence is None:
            return example.post_text
        return example.evidence.words

    @property
    def rule(self) -> str:
        """The rule id."""
        return self.group.first.rule


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Fold findings into groups of the same point made again.

    Args:
        findings: A session's findings in time order.

    Returns:
        The groups, in the order of their first finding.
    """
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        point = SAME_POINT.get(finding.key, finding.key) or finding.message
        key = (finding.rule, finding.severity, point)
        groups.setdefault(key, []).append(finding)
    return [FindingGroup(tuple(members)) for members in groups.values()]


def top_lessons(card: Scorecard, most: int = MOST_LESSONS) -> list[Lesson]:
    """The few groups of broken rules that cost the session most, costliest first.

    At least ``LEAST_LESSONS`` when the session broke that many, then any that cost a
    point or more, up to ``most``.

    Args:
        card: A scored session.
        most: The most lessons to give.

    Returns:
        The lessons; empty when no rule was broken.
    """
    broken = [group for group in group_findings(card.findings) if group.first.severity == "-"]
    broken.sort(key=lambda group: (-group.cost, -group.count, group.first.time))
    chosen = [
        group
        for rank, group in enumerate(broken[:most])
        if rank < LEAST_LESSONS or group.cost >= WORTH_A_LESSON
    ]
    return [_lesson(group, card.language) for group in chosen]


def cost_text(points: float, language: str) -> str:
    """Points lost as the reports write them: "−12 pts", or "under 1 pt"."""
    if round(points) < 1:
        return localized(FRAME["cost_small"], language)
    if round(points) == 1:
        return localized(FRAME["cost_one"], language)
    return localized(FRAME["cost"], language).replace("{points}", str(round(points)))


def where(finding: Finding, key: str, language: str) -> str:
    """Where a group's notable finding happened: "costliest: 10:12, Ana (@ana_r)".

    Args:
        finding: The finding.
        key: "costliest" or "first_time": which one of the group it is.
        language: "es" or "en".

    Returns:
        The words, in ``language``.
    """
    parts = (clock_time(finding.time, language), finding.post_author or "")
    place = ", ".join(part for part in parts if part)
    return localized(FRAME[key], language).replace("{where}", place)


def frame(key: str, language: str) -> str:
    """A word of the lessons' frame ("What mattered most", "For example") in ``language``."""
    return localized(FRAME[key], language)


def advice_for(rule_id: str, language: str) -> str:
    """What to do instead of breaking a rule: its statement, "Instead: answer quickly..."."""
    rule = RULES.get(rule_id)  # type: ignore[call-overload]
    title = rule.title.get(language, rule.title["en"]) if rule else rule_id
    return localized(FRAME["instead"], language).replace("{advice}", title)


def _lesson(group: FindingGroup, language: str) -> Lesson:
    return Lesson(
        group=group,
        headline=group.headline(language),
        advice=advice_for(group.first.rule, language),
    )
