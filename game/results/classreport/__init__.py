"""The class debrief of a workshop round: leaderboard, rules, the same post's answers.

The leaderboard (anonymous for projecting), per rule how many trainees kept or broke
it, and the posts everyone saw, answered side by side. ``build_class_report`` makes
the figures from the trainees' scorecards (pure, no I/O); ``render_class_report``
writes them as Markdown, self-contained HTML or CSV. Reading the round's logs is the
service's job (``game.services.class_report``).
"""

from __future__ import annotations

from typing import Literal, get_args

from game.results.classreport.build import build_class_report
from game.results.classreport.html import render_html
from game.results.classreport.markdown import render_markdown
from game.results.classreport.model import (
    Answer,
    AnswerFinding,
    ClassReport,
    KeyPost,
    LeaderRow,
    RuleRow,
    TraineeCard,
)
from game.results.classreport.table import render_csv

ClassFormat = Literal["md", "html", "csv"]
FORMATS: tuple[str, ...] = get_args(ClassFormat)

__all__ = [
    "FORMATS",
    "Answer",
    "AnswerFinding",
    "ClassFormat",
    "ClassReport",
    "KeyPost",
    "LeaderRow",
    "RuleRow",
    "TraineeCard",
    "build_class_report",
    "render_class_report",
]


def render_class_report(report: ClassReport, report_format: str) -> str:
    """The class report in ``report_format``.

    Args:
        report: the figures of a round.
        report_format: "md", "html" or "csv".

    Returns:
        The text (Markdown and CSV end with a newline).

    Raises:
        ValueError: an unknown format.
    """
    if report_format == "md":
        return render_markdown(report)
    if report_format == "html":
        return render_html(report)
    if report_format == "csv":
        return render_csv(report)
    raise ValueError(f"unknown report format {report_format!r}; use one of {', '.join(FORMATS)}")
