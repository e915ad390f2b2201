"""Score a session log as it stands on disk: the embedded scenario, then the scorer.

Shared by ``crisisdrill report``, ``crisisdrill simulate`` and the game's debrief, so
that each scores a log exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.replay import embedded_scenario
from game.journal.codec import LogError
from game.journal.logfile import read_log
from scoring.scorecard import Scorecard
from scoring.scorer import score


@dataclass(frozen=True)
class ScoredLog:
    """A scorecard and what the user should know about the log behind it.

    Attributes:
        scorecard: the score.
        warnings: problems that did not stop scoring (a torn last line).
    """

    scorecard: Scorecard
    warnings: tuple[str, ...]


def score_log(path: Path) -> ScoredLog:
    """Read a session log and score it with the scenario it embeds.

    Args:
        path: the ``.jsonl`` session log.

    Returns:
        The scorecard, with the reader's warnings.

    Raises:
        LogError: the log is missing, not a session log, or its scenario is unusable.
    """
    contents = read_log(path)
    loaded = embedded_scenario(contents, path)
    try:
        card = score(loaded.scenario, contents.records)
    except (KeyError, TypeError, ValueError) as error:
        raise LogError(
            f"{path}: a record is damaged ({error.__class__.__name__}: {error})"
        ) from None
    return ScoredLog(card, tuple(contents.warnings))
