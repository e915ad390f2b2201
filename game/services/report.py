"""``report``: score a session log as it stands on disk, and render or write its report.

Scoring here is shared by ``crisisdrill report``, ``crisisdrill simulate`` and the
game's debrief, so that each scores a log exactly the same way: with the scenario the
log embeds, not with whatever the library holds today.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.replay import embedded_scenario
from game.journal.codec import LogError
from game.journal.logfile import read_log
from game.services.errors import InputError
from game.services.files import write_atomically
from scoring.report import render_report
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


@dataclass(frozen=True)
class Report:
    """A session's report.

    Attributes:
        text: the report as rendered (HTML may not end with a newline).
        warnings: problems with the log that did not stop scoring.
    """

    text: str
    warnings: tuple[str, ...]


def report(log: Path, report_format: str) -> Report:
    """Score a session log and render its report.

    Args:
        log: the session log.
        report_format: "md", "html" or "json".

    Returns:
        The report and the log's warnings.

    Raises:
        LogError: the log cannot be scored (see ``score_log``).
    """
    scored = score_log(log)
    return Report(render_report(scored.scorecard, report_format), scored.warnings)


def write_report(path: Path, text: str) -> None:
    """Write a report where the user asked, atomically; its folder must exist.

    Args:
        path: the file to write.
        text: the report.

    Raises:
        InputError: the file cannot be written.
    """
    try:
        write_atomically(path, text, make_folders=False)
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
