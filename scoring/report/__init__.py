"""Reports of a scored session: Markdown, self-contained HTML, and JSON.

``render_report(card, format)`` is what ``crisisdrill report`` and the game's debrief
export call; each format has a module of its own.
"""

from __future__ import annotations

from typing import Literal, get_args

from game.safejson import dumps
from game.vocabulary import RULES
from scoring.report.html import render_html
from scoring.report.markdown import render_markdown
from scoring.scorecard import Scorecard

ReportFormat = Literal["md", "html", "json"]
FORMATS: tuple[str, ...] = get_args(ReportFormat)


def render_json(card: Scorecard) -> str:
    """The scorecard as one JSON document, with the titles of the rules it cites.

    Args:
        card: a scored session.

    Returns:
        Indented JSON text, keys in a stable order, ending with a newline.
    """
    data = card.to_dict()
    cited = sorted({finding.rule for finding in card.findings}, key=list(RULES).index)
    data["rules"] = {
        rule_id: {
            "slug": RULES[rule_id].slug,
            "name": RULES[rule_id].name(card.language),
            "title": RULES[rule_id].title[card.language],
        }
        for rule_id in cited
    }
    return dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_report(card: Scorecard, report_format: str) -> str:
    """A report of ``card`` in ``report_format``.

    Args:
        card: a scored session.
        report_format: "md", "html" or "json".

    Returns:
        The report text.

    Raises:
        ValueError: an unknown format.
    """
    if report_format == "md":
        return render_markdown(card)
    if report_format == "html":
        return render_html(card)
    if report_format == "json":
        return render_json(card)
    raise ValueError(f"unknown report format {report_format!r}; use one of {', '.join(FORMATS)}")
