"""The class report's figures: plain, immutable data that every format renders alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scoring.scorecard import Scorecard, Severity


@dataclass(frozen=True)
class TraineeCard:
    """One trainee's session of the round: what the report is made from.

    Attributes:
        trainee: the trainee's name as the log tells it.
        card: the session's scorecard.
        replies: what the trainee wrote to each post (post id -> texts in time order:
            replies and private messages); the scorecard alone quotes only the replies
            that earned or cost a point.
    """

    trainee: str
    card: Scorecard
    replies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class LeaderRow:
    """A row of the leaderboard.

    Attributes:
        rank: 1 for the best overall; equal scores share a rank (1, 2, 2, 4).
        name: the trainee's name, or "Trainee N" in an anonymous report.
        overall: the overall score.
        scores: each dimension's score (None: nothing to judge it on), in
            ``DIMENSIONS`` order.
        final_phase: the phase id the crisis ended in.
        final_phase_name: its name in the report's language.
        broke: the rules the trainee broke, costliest first.
        lost: the points of the overall the trainee's findings cost.
    """

    rank: int
    name: str
    overall: int
    scores: tuple[int | None, ...]
    final_phase: str
    final_phase_name: str
    broke: tuple[str, ...] = ()
    lost: float = 0.0


@dataclass(frozen=True)
class RuleRow:
    """How the class did on one rule.

    Attributes:
        rule: the rule id, e.g. "H4".
        name: the id and short name in the report's language ("H4 admit-fault").
        met: trainees with any finding of it (the rule came up in their session).
        kept: of them, those with a "+" and no "-" of it.
        broke: of them, those with a "-" of it.
        trainees: trainees in the round.
        cost: points of the overall it cost the class, summed.
    """

    rule: str
    name: str
    met: int
    kept: int
    broke: int
    trainees: int
    cost: float


@dataclass(frozen=True)
class AnswerFinding:
    """A finding of one trainee's answer to a key post.

    Attributes:
        rule: the rule's id and name in the report's language.
        severity: "+" or "-".
        message: what happened, in the session's language.
        cost: points of the overall it cost (0 for a "+").
        words: the trainee's words that showed it ("" when no words did).
    """

    rule: str
    severity: Severity
    message: str
    cost: float
    words: str


@dataclass(frozen=True)
class Answer:
    """One trainee's answer to a key post.

    Attributes:
        name: the trainee (or their anonymous name).
        texts: what they wrote to the post, in time order (empty: no answer).
        findings: the findings of the post in their session, in time order.
        cost: points those findings cost.
    """

    name: str
    texts: tuple[str, ...]
    findings: tuple[AnswerFinding, ...]
    cost: float

    @property
    def gained(self) -> int:
        """How many "+" findings the answer earned."""
        return sum(1 for finding in self.findings if finding.severity == "+")


@dataclass(frozen=True)
class KeyPost:
    """A post everyone saw (same seed) and several answered, with every answer.

    Attributes:
        post_id: the post's id in the sessions (``m7``).
        author: display name and handle of its author.
        channel: where it was posted ("" when not said).
        text: the post as the trainees saw it.
        answers: each trainee's answer, best first (fewest points lost).
    """

    post_id: str
    author: str
    channel: str
    text: str
    answers: tuple[Answer, ...]

    @property
    def answered(self) -> int:
        """How many trainees wrote something to it."""
        return sum(1 for answer in self.answers if answer.texts)


@dataclass(frozen=True)
class ClassReport:
    """The debrief of a round for the whole class.

    Attributes:
        language: the report's language ("es" or "en").
        scenario_id: the scenario played ("" when no session was scored).
        scenario_title: its title in the report's language.
        seed: the crowd's seed everyone had.
        anonymous: whether trainees are named "Trainee N".
        leaderboard: best overall first.
        rules: the rules met, worst first (most broke, then most points lost).
        posts: the key posts, in the order they appeared.
        round_id: the round's id ("" when not said).
    """

    language: str
    scenario_id: str
    scenario_title: str
    seed: int
    anonymous: bool
    leaderboard: tuple[LeaderRow, ...]
    rules: tuple[RuleRow, ...]
    posts: tuple[KeyPost, ...]
    round_id: str = ""

    @property
    def trainees(self) -> int:
        """How many sessions the report covers."""
        return len(self.leaderboard)
