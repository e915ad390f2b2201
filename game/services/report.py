"""``report``: score a session log as it stands on disk, and render or write its report.

Scoring here is shared by ``crisisdrill report``, ``crisisdrill simulate`` and the
game's debrief, so that each scores a log exactly the same way: with the scenario the
log embeds, not with whatever the library holds today. ``report`` verifies the log
first (``game.services.verify``): an altered log is not scored unless forced.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.replay import embedded_scenario
from game.journal.codec import LogError
from game.journal.logfile import LogContents, read_log
from game.scenario.model import Scenario
from game.services.errors import InputError
from game.services.files import write_atomically
from game.services.logrefs import unknown_reference
from game.services.verify import Status, builtin_impostor, verify_contents
from scoring.report import render_report
from scoring.scorecard import Scorecard
from scoring.scorer import score


@dataclass(frozen=True)
class ScoredLog:
    """A scorecard and what the user should know about the log behind it.

    Attributes:
        scorecard: the score.
        warnings: problems that did not stop scoring (a torn last line).
        scenario: the scenario the log embeds, which scored it.
    """

    scorecard: Scorecard
    warnings: tuple[str, ...]
    scenario: Scenario


def score_log(path: Path) -> ScoredLog:
    """Read a session log and score it with the scenario it embeds.

    Args:
        path: the ``.jsonl`` session log.

    Returns:
        The scorecard, with the reader's warnings.

    Raises:
        LogError: the log is missing, not a session log, or its scenario is unusable.
    """
    return score_contents(read_log(path), path)


def score_contents(contents: LogContents, path: Path) -> ScoredLog:
    """Score a log already read (see ``score_log``).

    Raises:
        LogError: its scenario is unusable or a record is damaged.
    """
    loaded = embedded_scenario(contents, path)
    unknown = unknown_reference(contents.records, loaded.scenario)
    if unknown is not None:
        raise LogError(f"{path}: a record is damaged: {unknown}")
    try:
        card = score(loaded.scenario, contents.records)
    except (KeyError, TypeError, ValueError) as error:
        raise LogError(
            f"{path}: a record is damaged ({error.__class__.__name__}: {error})"
        ) from None
    return ScoredLog(card, tuple(contents.warnings), loaded.scenario)


@dataclass(frozen=True)
class Report:
    """A session's report.

    Attributes:
        text: the report as rendered (HTML may not end with a newline).
        warnings: problems with the log that did not stop scoring.
    """

    text: str
    warnings: tuple[str, ...]


class LogAltered(LogError):
    """The log is not what crisisdrill wrote for its actions; it was not scored."""


def report(log: Path, report_format: str, *, force: bool = False) -> Report:
    """Verify a session log, then score it and render its report.

    A log of another version of crisisdrill cannot be verified here: it is scored, with
    a warning that says so. So is an altered log when ``force`` is given, the warning
    first.

    Args:
        log: the session log.
        report_format: "md", "html" or "json".
        force: score an altered log anyway.

    Returns:
        The report and the warnings about the log, the verification's first.

    Raises:
        LogAltered: the log does not verify (``altered: line N ...``), without ``force``.
        LogError: the log cannot be read or scored (see ``score_log``).
    """
    contents = read_log(log)
    verification = verify_contents(contents, log)
    warnings: list[str] = []
    if verification.status is Status.ALTERED:
        if not force:
            raise LogAltered(f"{log}: {verification.message}")
        warnings.append(f"{log}: not verified: {verification.message}")
    elif verification.status is Status.UNVERIFIED:
        warnings.append(f"{log}: {verification.message}")
    impostor = builtin_impostor(contents)
    if impostor is not None:
        warnings.append(f"{log}: {impostor}")
    scored = score_contents(contents, log)
    warnings.extend(scored.warnings)
    if verification.verified and not verification.complete and not scored.warnings:
        warnings.append(f"{log}: the log stops before the session was closed")
    return Report(render_report(scored.scorecard, report_format), tuple(warnings))


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
