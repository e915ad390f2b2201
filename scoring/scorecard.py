"""The result of scoring a session: dimensions, findings and the timeline behind them.

A ``Scorecard`` is plain, immutable data. The scorer (``scoring.scorer``) builds it
from a scenario and a session log; reports (``scoring.report``) and the game's debrief
only read it. ``to_dict`` is the JSON form, stable for tools and tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from game.vocabulary import RuleId

Dimension = Literal["speed", "empathy", "channel", "honesty", "containment"]
DIMENSIONS: tuple[Dimension, ...] = ("speed", "empathy", "channel", "honesty", "containment")
"""The scored dimensions, in the order reports show them."""

Severity = Literal["+", "-"]


@dataclass(frozen=True)
class Evidence:
    """The words that earned or cost the point.

    Attributes:
        text: The whole text the words belong to (usually the trainee's reply).
        start: Offset of the first character of the words in ``text``.
        end: Offset just past the last character.
    """

    text: str
    start: int
    end: int

    @property
    def words(self) -> str:
        """The quoted words themselves."""
        return self.text[self.start : self.end]


@dataclass(frozen=True)
class Finding:
    """One point won or lost, tied to a rule of PRINCIPLES.md and a moment.

    Attributes:
        rule: Rule id, e.g. "P2" (see ``game.vocabulary.RULES``).
        dimension: The dimension it counts in.
        severity: "+" (done well) or "-" (a rule broken or missed).
        time: Simulated second it happened.
        message: What happened and what would have been better, in the session's
            language.
        post_id: The post concerned, when there is one.
        post_text: That post's text, as the trainee saw it.
        post_author: Display name and handle of the post's author.
        channel: Where it happened.
        evidence: The trainee's words that show it, when words show it.
        key: The message template it was written from (``scoring.messages``): findings
            with the same rule and key are the same lesson, repeated.
        cost: Points of the overall score it cost (0 for a "+"): the share of the
            credit its situation lost, weighted as the overall weighs its dimension.
    """

    rule: RuleId
    dimension: Dimension
    severity: Severity
    time: int
    message: str
    post_id: str | None = None
    post_text: str | None = None
    post_author: str | None = None
    channel: str | None = None
    evidence: Evidence | None = None
    key: str = ""
    cost: float = 0.0


@dataclass(frozen=True)
class DimensionScore:
    """The score of one dimension.

    Attributes:
        name: Dimension id.
        score: 0-100, or None when the session gave nothing to judge it on.
        weight: Its weight in the overall score (from the scenario).
        basis: How many situations it was judged on (replies, posts, decisions).
    """

    name: Dimension
    score: int | None
    weight: float
    basis: int


@dataclass(frozen=True)
class TimelinePoint:
    """The state of the crisis at one moment (from the log's metric snapshots).

    Attributes:
        time: Simulated second.
        phase: Phase id at that moment.
        sentiment: -1 to 1.
        reach: People reached by public posts so far.
        negative_reach: Of them, by negative or abusive posts.
        unanswered: Posts waiting for an answer.
    """

    time: int
    phase: str
    sentiment: float
    reach: int
    negative_reach: int
    unanswered: int


@dataclass(frozen=True)
class TimelineMark:
    """Something the trainee did, or a phase change, to mark on the timeline.

    Attributes:
        time: Simulated second.
        kind: Action kind ("reply", "statement", "ban", ...) or "phase".
        label: Short text for the mark, in the session's language.
    """

    time: int
    kind: str
    label: str


@dataclass(frozen=True)
class Scorecard:
    """A scored session.

    Attributes:
        scenario_id: The scenario's id.
        scenario_title: Its title in the session's language.
        language: The session's language ("es" or "en").
        seed: The session's seed.
        trainee: Who played.
        duration: Simulated seconds the session lasted.
        final_phase: Phase id at the end.
        final_phase_name: Its name in the session's language.
        phases: The path of phase ids taken, in order.
        dimensions: The five dimensions, in ``DIMENSIONS`` order.
        overall: Weighted mean of the judged dimensions, 0-100.
        findings: Every point won or lost, in time order.
        timeline: Crisis metrics over time.
        marks: The trainee's actions and phase changes over time.
        final_metrics: The metrics at the end, as the engine names them.
        stopped: Why the session stopped early, when a budget stopped it (in the
            session's language), or None.
        unsent: The words the trainee was writing and never sent, or None; they are
            not scored.
    """

    scenario_id: str
    scenario_title: str
    language: str
    seed: int
    trainee: str
    duration: int
    final_phase: str
    final_phase_name: str
    phases: tuple[str, ...]
    dimensions: tuple[DimensionScore, ...]
    overall: int
    findings: tuple[Finding, ...] = ()
    timeline: tuple[TimelinePoint, ...] = ()
    marks: tuple[TimelineMark, ...] = ()
    final_metrics: dict[str, float] = field(default_factory=dict)
    stopped: str | None = None
    unsent: str | None = None

    def score_of(self, name: Dimension) -> int | None:
        """The score of one dimension (None when not judged).

        Args:
            name: Dimension id.

        Returns:
            Its 0-100 score, or None.
        """
        return next(d.score for d in self.dimensions if d.name == name)

    def scores(self) -> dict[str, int | None]:
        """The five dimensions and ``overall``, as simulate's JSON shows them."""
        result: dict[str, int | None] = {d.name: d.score for d in self.dimensions}
        result["overall"] = self.overall
        return result

    def to_dict(self) -> dict[str, Any]:
        """The scorecard as plain JSON-ready data (evidence words included)."""
        data = asdict(self)
        for finding, source in zip(data["findings"], self.findings, strict=True):
            if source.evidence is not None:
                finding["evidence"]["words"] = source.evidence.words
        data["phases"] = list(self.phases)
        data["scores"] = self.scores()
        if self.unsent is None:  # the JSON of a session without a draft is as it was
            del data["unsent"]
        return data
