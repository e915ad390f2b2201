"""One reading of a reply in its situation, for the score, the crowd and the coach.

The analyzer (``scoring.analyzer``) finds cues as words; this package judges them in
context: who the reply answers (``recipient``), what they wrote (``post kind``), whether
an apology names their problem (``specificity``), whether the same words went to others
(``canned``), whether it holds together (``coherence``), and whether it is in their
language. The engine hands the same reading to the crowd, the judges credit it, and
the practice coach shows it, so all three always agree.
"""

from scoring.judgement.fit import Fit, fit_for
from scoring.judgement.reading import Judgement, Situation, judge_reply, situation_of

__all__ = [
    "Fit",
    "Judgement",
    "Situation",
    "fit_for",
    "judge_reply",
    "situation_of",
]
