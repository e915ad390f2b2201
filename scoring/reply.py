"""The reading the engine asks for when the brand publishes words: ``read_reply``.

The engine never imports scoring: whoever starts a session hands it ``read_reply``.
For an answer to a post it returns the judgement of the reply in its situation
(``scoring.judgement``), so the crowd reacts to exactly what the score will credit or
charge; for a statement or a follow-up, the plain analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.journal.records import AnswerRecord, PostRecord
from game.scenario.model import Scenario
from game.vocabulary import Cue, Verdict
from scoring.analyzer import Analysis, AnalysisContext, PromiseHit, analyze
from scoring.judgement import Judgement, judge_reply, situation_of


@dataclass(frozen=True)
class ReplyReading:
    """What the brand's words say, and how they land with the person answered.

    Attributes:
        text: the words read.
        analysis: the cues, promises and language found in them.
        judgement: the reply judged in its situation (None: not an answer to a post).
    """

    text: str
    analysis: Analysis
    judgement: Judgement | None = None

    @property
    def promises(self) -> Sequence[PromiseHit]:
        """The promises made, in order."""
        return self.analysis.promises

    @property
    def delivered(self) -> frozenset[str]:
        """The acts the words report as done (a refund made, a call returned...)."""
        return self.analysis.delivered

    @property
    def topic(self) -> str:
        """What the answered post asks about ("" when the words answer no post)."""
        return self.judgement.situation.question if self.judgement is not None else ""

    @property
    def verdicts(self) -> frozenset[Verdict]:
        """What the judgement found wrong beyond the cues (canned, wrong_language...)."""
        return self.judgement.verdicts if self.judgement is not None else frozenset()

    def cue_ids(self) -> frozenset[Cue]:
        """The distinct cues found in the words."""
        return self.analysis.cue_ids()

    def understood(self) -> frozenset[Cue]:
        """The cues the person answered took in: none, in a language they do not read."""
        return self.judgement.cue_ids() if self.judgement is not None else self.cue_ids()


def read_reply(
    text: str,
    language: str,
    *,
    customer: str | None = None,
    minute_of_day: int | None = None,
    scenario: Scenario | None = None,
    post: PostRecord | None = None,
    archetype: str | None = None,
    earlier: Sequence[AnswerRecord] = (),
) -> ReplyReading:
    """Read the brand's words the way the engine asks for them (its ``ReplyReader``).

    Args:
        text: The brand's words.
        language: The session's language.
        customer: The name of the person answered, when there is one.
        minute_of_day: The simulated clock time, when deadlines matter.
        scenario: The scenario played (with ``post``: judge the reply in context).
        post: The post answered.
        archetype: The archetype of its author's persona.
        earlier: The session's earlier answers, in order (for canned replies).

    Returns:
        The reading; judged when ``scenario`` and ``post`` are given.
    """
    analysis = analyze(text, language, AnalysisContext(customer, minute_of_day))
    if scenario is None or post is None:
        return ReplyReading(text, analysis)
    situation = situation_of(scenario, post, archetype or "customer", customer, language)
    return ReplyReading(text, analysis, judge_reply(text, analysis, situation, earlier))
