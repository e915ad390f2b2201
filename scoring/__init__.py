"""Pure reply analysis and scoring.

``analyze`` finds the cues of one trainee reply (apology, blame, promise, ...), each
with the exact span of text that earned it, so that the debrief can show the words.
Nothing here imports the user interface.
"""

from scoring.analyzer import (
    Analysis,
    AnalysisContext,
    CueHit,
    PromiseHit,
    analyze,
)
from scoring.reply import ReplyReading, read_reply

__all__ = [
    "Analysis",
    "AnalysisContext",
    "CueHit",
    "PromiseHit",
    "ReplyReading",
    "analyze",
    "read_reply",
]
