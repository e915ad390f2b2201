"""``workshop report``: the class debrief of a round, from its folder of session logs.

Every log in the round's ``sessions/`` folder is read and scored as ``report`` scores
one (``score_contents``: with the scenario the log embeds); a damaged log is skipped
and named, so that one crashed game does not hide the class's debrief. The figures and
their formats are ``game.results.classreport``'s.

This layer sits below the workshop, so it takes the sessions folder, not the round:
the caller reads ``round.json`` (``game.workshop.round.Round.load``), which refuses a
folder that is not a round, and passes its ``sessions_folder``, language and id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.journal.actions import PrivateMessage, Reply, Warn
from game.journal.codec import LogError
from game.journal.events import ActionTaken
from game.journal.logfile import LogContents, read_log
from game.results.classreport import ClassReport, TraineeCard, build_class_report
from game.services.errors import InputError
from game.services.report import score_contents


@dataclass(frozen=True)
class ClassDebrief:
    """A round's class report and what the facilitator should know about its logs.

    Attributes:
        report: the figures, ready for ``render_class_report``.
        warnings: logs skipped (damaged, unreadable) and problems that did not stop
            scoring (a torn last line), each naming its log.
    """

    report: ClassReport
    warnings: tuple[str, ...]


def class_report(
    sessions: Path,
    *,
    anonymous: bool,
    language: str | None = None,
    round_id: str = "",
) -> ClassDebrief:
    """Score every session log of a round and make the class report.

    Args:
        sessions: the round's sessions folder (its ``*.jsonl`` logs are read in name
            order); a folder not made yet means nobody has played.
        anonymous: name trainees "Trainee 1..N" in rank order.
        language: the report's language (default: the logs' most common one).
        round_id: the round's id, for the report's heading.

    Returns:
        The report and the warnings about the logs.

    Raises:
        InputError: ``sessions`` exists but is not a folder.
    """
    if sessions.exists() and not sessions.is_dir():
        raise InputError(f"{sessions}: not a folder of session logs")
    logs = sorted(sessions.glob("*.jsonl")) if sessions.is_dir() else []
    entries: list[TraineeCard] = []
    warnings: list[str] = []
    for log in logs:
        try:
            contents = read_log(log)
            scored = score_contents(contents, log)
        except LogError as error:
            warnings.append(f"skipped: {error}")
            continue
        warnings.extend(scored.warnings)
        trainee = contents.header.trainee or scored.scorecard.trainee
        entries.append(TraineeCard(trainee, scored.scorecard, replies_by_post(contents)))
    report = build_class_report(entries, anonymous=anonymous, language=language, round_id=round_id)
    return ClassDebrief(report, tuple(warnings))


def replies_by_post(contents: LogContents) -> dict[str, tuple[str, ...]]:
    """What the trainee wrote to each post: replies, private messages and warnings.

    Args:
        contents: a session log as read.

    Returns:
        Post id -> the texts written to it, in time order.
    """
    written: dict[str, list[str]] = {}
    for record in contents.records:
        if not isinstance(record, ActionTaken):
            continue
        action = record.action
        if isinstance(action, Reply | PrivateMessage | Warn) and action.text.strip():
            written.setdefault(action.post_id, []).append(action.text)
    return {post_id: tuple(texts) for post_id, texts in written.items()}
