"""The class report as Markdown, for a wiki or a projector.

Trainees' names and words, and the crowd's posts, are untrusted: each goes through
``scoring.report``'s ``escape_markdown``, so that a name such as ``<script>`` or a
reply with ``[b]`` or ``|`` reads literally and cannot break a table.
"""

from __future__ import annotations

from game.results.classreport.labels import broke_line, label, points
from game.results.classreport.model import Answer, ClassReport, KeyPost
from scoring.report.labels import dimension_name
from scoring.report.markdown import code_span, escape_markdown
from scoring.scorecard import DIMENSIONS


def render_markdown(report: ClassReport) -> str:
    """The whole class report as Markdown, in the report's language.

    Args:
        report: the round's figures.

    Returns:
        The Markdown text, ending with a newline.
    """
    lang = report.language
    lines = [_title(report), ""]
    if report.round_id:
        lines.append(f"- **{label('round', lang)}:** {code_span(report.round_id)}")
    if report.scenario_id:
        lines.append(
            f"- **{label('scenario', lang)}:** {escape_markdown(report.scenario_title)} "
            f"({code_span(report.scenario_id)}), {label('seed', lang)} {report.seed}"
        )
    lines += [f"- **{label('trainees', lang)}:** {report.trainees}", ""]
    if not report.trainees:
        return "\n".join([*lines, label("no_sessions", lang)]) + "\n"
    lines += _leaderboard(report)
    lines += _rules(report)
    lines += _posts(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(report: ClassReport) -> str:
    title = label("title", report.language)
    if report.scenario_title:
        title += f": {escape_markdown(report.scenario_title)}"
    return f"# {title}"


def _leaderboard(report: ClassReport) -> list[str]:
    lang = report.language
    dimensions = " | ".join(dimension_name(name, lang) for name in DIMENSIONS)
    lines = [
        f"## {label('leaderboard', lang)}",
        "",
        f"| {label('rank', lang)} | {label('trainee', lang)} | {label('overall', lang)} "
        f"| {dimensions} | {label('final_phase', lang)} |",
        "|---:|---|---:|" + "---:|" * len(DIMENSIONS) + "---|",
    ]
    for row in report.leaderboard:
        scores = " | ".join("—" if score is None else str(score) for score in row.scores)
        lines.append(
            f"| {row.rank} | {escape_markdown(row.name) or '—'} | **{row.overall}** | {scores} "
            f"| {escape_markdown(row.final_phase_name)} |"
        )
    return [*lines, ""]


def _rules(report: ClassReport) -> list[str]:
    lang = report.language
    lines = [f"## {label('rules', lang)}", ""]
    if not report.rules:
        return [*lines, label("no_rules", lang), ""]
    lines += [
        label("rules_intro", lang),
        "",
        f"| {label('rule', lang)} | {label('broke', lang)} | {label('kept', lang)} "
        f"| {label('lost', lang)} |",
        "|---|---|---:|---:|",
    ]
    for row in report.rules:
        lines.append(
            f"| {escape_markdown(row.name)} | {broke_line(row.broke, row.met, lang)} "
            f"| {row.kept} | {points(row.cost)} |"
        )
    return [*lines, ""]


def _posts(report: ClassReport) -> list[str]:
    lang = report.language
    lines = [f"## {label('posts', lang)}", ""]
    if not report.posts:
        return [*lines, label("no_posts", lang), ""]
    lines += [label("posts_intro", lang), ""]
    for number, post in enumerate(report.posts, 1):
        lines += _post(number, post, lang)
    return lines


def _post(number: int, post: KeyPost, lang: str) -> list[str]:
    where = f" {label('on_channel', lang)} {code_span(post.channel)}" if post.channel else ""
    lines = [
        f"### {number}. {escape_markdown(post.author) or '—'}{where} ({code_span(post.post_id)})",
        "",
        f"«{escape_markdown(post.text)}»",
        "",
    ]
    for place, answer in enumerate(post.answers, 1):
        lines += _answer(place, answer, lang)
    return [*lines, ""]


def _answer(place: int, answer: Answer, lang: str) -> list[str]:
    said = (
        " / ".join(f"«{escape_markdown(text)}»" for text in answer.texts)
        if answer.texts
        else label("no_answer", lang)
    )
    lines = [f"{place}. **{escape_markdown(answer.name) or '—'}** ({points(answer.cost)}): {said}"]
    for finding in answer.findings:
        sign = "+" if finding.severity == "+" else "−"
        cost = f" ({points(finding.cost)})" if finding.cost > 0 else ""
        words = f" «{escape_markdown(finding.words)}»" if finding.words else ""
        lines.append(
            f"   - {sign} {escape_markdown(finding.rule)}{cost}: "
            f"{escape_markdown(finding.message)}{words}"
        )
    return lines
