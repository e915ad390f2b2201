"""What the judges of each dimension share: credits, findings and reply analyses.

Each dimension's score is the mean of the credits (0 to 1) it gave, one per situation
it judged; every credit below 1, and every notable good move, comes with a finding
that names the rule, the moment, the post and the trainee's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Protocol

from game.clocktime import clock_time
from game.journal.records import AnswerRecord, PostRecord
from game.vocabulary import RuleId
from scoring.analyzer import Analysis, AnalysisContext, analyze
from scoring.hits import first_hit
from scoring.judgement import Judgement, judge_reply, situation_of
from scoring.judgement.reading import question_of

__all__ = ["Ledger", "Span", "clock", "first_hit", "minutes"]
from scoring.costs import Situation, finding_costs
from scoring.messages import say
from scoring.scorecard import Dimension, DimensionScore, Evidence, Finding, Severity
from scoring.sessionview import BrandMessage, SessionView


class Span(Protocol):
    """Anything found at a span of a text: a cue hit, personal data."""

    @property
    def start(self) -> int:
        """Offset of the first character."""

    @property
    def end(self) -> int:
        """Offset just past the last character."""


JUDGED_KINDS = frozenset({"reply", "private_message"})
"""The brand messages judged in their situation: answers to a post."""


@dataclass
class Ledger:
    """Credits and findings as the judges add them.

    Attributes:
        view: the session being scored.
        credits: per dimension, one credit (0-1) per situation judged.
        findings: every finding, in the order the judges added them.
    """

    view: SessionView
    credits: dict[Dimension, list[float]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    _analyses: dict[int, Analysis] = field(default_factory=dict)
    _judgements: dict[int, Judgement] = field(default_factory=dict)
    _answers: list[tuple[int, AnswerRecord]] | None = None
    _situations: list[Situation] = field(default_factory=list)
    _open: Situation | None = None
    _loose: Situation = field(default_factory=Situation)

    @property
    def language(self) -> str:
        """The session's language: findings are written in it."""
        return self.view.language

    def channel_name(self, channel_id: str) -> str:
        """A channel's name in the session's language."""
        for channel in self.view.scenario.channels:
            if channel.id == channel_id:
                return channel.name.get(self.language) or channel_id
        return channel_id

    def credit(self, dimension: Dimension, value: float) -> None:
        """Count one judged situation for a dimension.

        Args:
            dimension: the dimension.
            value: 0 (rule broken) to 1 (done well); clamped to that range.
        """
        value = min(1.0, max(0.0, value))
        self.credits.setdefault(dimension, []).append(value)
        (self._open or self._loose).credits.append((dimension, value))

    @contextmanager
    def situation(self) -> Iterator[None]:
        """Judge one situation: the credits and "-" findings given inside belong together.

        What a finding cost (``costed_findings``) is the credit its situation lost.
        Situations do not nest: an inner one joins the outer.
        """
        if self._open is not None:
            yield
            return
        self._open = Situation()
        try:
            yield
        finally:
            self._situations.append(self._open)
            self._open = None

    def costed_findings(self, dimensions: tuple[DimensionScore, ...]) -> list[Finding]:
        """The findings, each with the overall points it cost.

        Args:
            dimensions: The session's dimension scores.

        Returns:
            The findings in the order noted, ``cost`` filled in.
        """
        situations = [*self._situations, self._loose]
        costs = finding_costs(self.findings, situations, dimensions)
        return [
            replace(finding, cost=round(cost, 4)) if cost else finding
            for finding, cost in zip(self.findings, costs, strict=True)
        ]

    def analysis(self, message: BrandMessage) -> Analysis:
        """The analyzer's reading of one brand message (computed once).

        Args:
            message: the brand message.

        Returns:
            Its cues, promises, language and personal address, with spans in its text.
        """
        cached = self._analyses.get(message.index)
        if cached is None:
            post = self.view.post_by_id.get(message.post_id or "")
            person = self.view.people.get(post.author) if post else None
            context = AnalysisContext(customer_name=person.name if person else None)
            cached = analyze(message.text, self.language, context)
            self._analyses[message.index] = cached
        return cached

    def judgement(self, message: BrandMessage) -> Judgement | None:
        """The reading of an answer in its situation, as the crowd met it (computed once).

        Args:
            message: a brand message.

        Returns:
            The judgement of a reply or private message to a post; None for others.
        """
        if message.kind not in JUDGED_KINDS or message.post_id not in self.view.post_by_id:
            return None
        cached = self._judgements.get(message.index)
        if cached is None:
            view = self.view
            post = view.post_by_id[message.post_id or ""]
            person = view.people.get(post.author)
            archetype = person.archetype if person else "customer"
            situation = situation_of(
                view.scenario, post, archetype, person.name if person else None, self.language
            )
            earlier = [said for index, said in self._answers_so_far() if index < message.index]
            cached = judge_reply(message.text, self.analysis(message), situation, earlier)
            self._judgements[message.index] = cached
        return cached

    def answer_at(self, position: int) -> BrandMessage | None:
        """The session's ``position``-th answer (as ``Reuse.first`` counts them)."""
        answers = self._answers_so_far()
        if not 0 <= position < len(answers):
            return None
        index = answers[position][0]
        return next((m for m in self.view.messages if m.index == index), None)

    def _answers_so_far(self) -> list[tuple[int, AnswerRecord]]:
        """Every answer of the session with its index, as the engine remembered them."""
        if self._answers is None:
            view = self.view
            self._answers = []
            for message in view.messages:
                post = view.post_by_id.get(message.post_id or "")
                if message.kind in JUDGED_KINDS and post is not None:
                    person = view.people.get(post.author)
                    name = person.name if person else ""
                    question = question_of(view.scenario, post)
                    said = AnswerRecord(message.text, post.author, name, question)
                    self._answers.append((message.index, said))
        return self._answers

    def note(
        self,
        rule: RuleId,
        dimension: Dimension,
        severity: Severity,
        time: int,
        key: str,
        *,
        post: PostRecord | None = None,
        message: BrandMessage | None = None,
        hit: Span | None = None,
        **values: object,
    ) -> None:
        """Add a finding whose text is the message template ``key``.

        Args:
            rule: rule id of PRINCIPLES.md.
            dimension: where it counts.
            severity: "+" or "-".
            time: simulated second.
            key: template in ``scoring.messages``.
            post: the crowd post concerned.
            message: the trainee's message concerned (its words become the evidence).
            hit: the span inside ``message`` to highlight; the whole message if None.
            **values: the template's values.
        """
        evidence = None
        if message is not None:
            start, end = (hit.start, hit.end) if hit is not None else (0, len(message.text))
            evidence = Evidence(message.text, start, end)
        author = self.view.people.get(post.author) if post else None
        if severity == "-":
            (self._open or self._loose).findings.append(len(self.findings))
        self.findings.append(
            Finding(
                rule=rule,
                dimension=dimension,
                severity=severity,
                time=time,
                message=say(key, self.language, **values),
                post_id=post.id if post else None,
                post_text=post.text if post else None,
                post_author=author.label if author else None,
                channel=(message.channel if message else post.channel if post else None),
                evidence=evidence,
                key=key,
            )
        )


def clock(seconds: int, language: str) -> str:
    """A moment of the session as the scenario's clock shows it ("10:12", "10:01 tomorrow").

    Args:
        seconds: Simulated seconds since the session started.
        language: The session's language, for the day's name past midnight.

    Returns:
        The time of day; findings and reports never show time since the start.
    """
    return clock_time(seconds, language)


def duration(seconds: int) -> str:
    """A length of simulated time in whole minutes, rounded up: "41 min" (not a moment)."""
    return f"{minutes(seconds)} min"


def minutes(seconds: int) -> str:
    """A duration in whole minutes, rounded up (a 10 s wait is "1")."""
    return str(max(1, -(-seconds // 60)))
