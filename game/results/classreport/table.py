"""The class report as CSV for a spreadsheet: one row per trainee, documented columns.

``COLUMNS`` names and describes each column. Text cells are guarded against formula
injection as the results export guards them (``export_csv.spreadsheet_safe``): a
trainee named ``=HYPERLINK(...)`` is shown, never evaluated.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from game.results.classreport.model import ClassReport, LeaderRow
from game.results.export_csv import spreadsheet_safe
from scoring.scorecard import DIMENSIONS

Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    """A column of the class CSV: its header, what it holds, and its value for a row."""

    name: str
    description: str
    value: Callable[[ClassReport, LeaderRow], Cell]


def _dimension(index: int) -> Callable[[ClassReport, LeaderRow], Cell]:
    return lambda _, row: row.scores[index]


COLUMNS: tuple[Column, ...] = (
    Column("round", "the round's id", lambda report, _: report.round_id),
    Column("scenario", "the scenario's id", lambda report, _: report.scenario_id),
    Column("seed", "the crowd's seed, the same for everyone", lambda report, _: report.seed),
    Column("rank", "1 for the best overall; equal overalls share a rank", lambda _, r: r.rank),
    Column("trainee", "the trainee (`Trainee N` when anonymous)", lambda _, r: r.name),
    Column("overall", "the overall score, 0-100", lambda _, r: r.overall),
    *(
        Column(name, f"{name.upper()}, 0-100 (empty: nothing to judge)", _dimension(index))
        for index, name in enumerate(DIMENSIONS)
    ),
    Column("final_phase", "the phase id the crisis ended in", lambda _, r: r.final_phase),
    Column("points_lost", "points of the overall the findings cost", lambda _, r: round(r.lost, 1)),
    Column(
        "rules_broken",
        "the rule ids broken, costliest first, separated by spaces",
        lambda _, r: " ".join(r.broke),
    ),
)
"""The class CSV's columns, in order."""


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    return spreadsheet_safe(value)


def render_csv(report: ClassReport) -> str:
    """The class CSV: a header row, then one row per trainee, best first (LF line ends).

    Args:
        report: the round's figures.

    Returns:
        UTF-8 ready text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in COLUMNS])
    for row in report.leaderboard:
        writer.writerow([_cell(column.value(report, row)) for column in COLUMNS])
    return buffer.getvalue()
