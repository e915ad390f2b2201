"""The Markdown report: scores, the findings in time order with the trainee's words.

Every text that comes from a scenario, the crowd or the trainee is escaped, so that a
post full of brackets or asterisks reads literally in any Markdown viewer.
"""

from __future__ import annotations

import re

from game.vocabulary import RULES, rule_name
from scoring.ledger import clock, duration
from scoring.lessons import cost_text, frame, group_findings, top_lessons
from scoring.report.labels import dimension_name, label
from scoring.report.summary import rule_counts
from scoring.scorecard import Finding, Scorecard

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape_markdown(text: str, *, keep_edges: bool = False) -> str:
    """Text that Markdown shows as it is: specials escaped, line breaks as spaces.

    Args:
        text: any text, e.g. a troll's post.
        keep_edges: keep one space where the text starts or ends with white space
            (for a piece of a sentence, such as the words around a highlight).

    Returns:
        One line of Markdown that renders as ``text``.
    """
    flat = re.sub(r"\s+", " ", text)
    if not keep_edges:
        flat = flat.strip()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def code_span(text: str) -> str:
    """Text as a Markdown code span that nothing in it can close or break.

    A value from a log (a phase name, a metric key) may hold backticks or line breaks:
    the fence is one backtick longer than its longest run, and breaks become spaces.

    Args:
        text: any text.

    Returns:
        An inline code span that renders as ``text`` on one line.
    """
    flat = re.sub(r"\s+", " ", text)
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render_markdown(card: Scorecard) -> str:
    """The whole report as Markdown, in the session's language.

    Args:
        card: a scored session.

    Returns:
        The Markdown text, ending with a newline.
    """
    lang = card.language
    lines = [
        f"# {label('title', lang)}: {escape_markdown(card.scenario_title)}",
        "",
        f"- **{label('trainee', lang)}:** {escape_markdown(card.trainee) or '—'}",
        f"- **{label('scenario', lang)}:** {escape_markdown(card.scenario_title)} "
        f"({code_span(card.scenario_id)}), {label('seed', lang).lower()} {card.seed}",
        f"- **{label('duration', lang)}:** {duration(card.duration)}",
        f"- **{label('final_phase', lang)}:** {escape_markdown(card.final_phase_name)} "
        f"({code_span(card.final_phase)})",
        f"- **{label('path', lang)}:** " + " → ".join(code_span(phase) for phase in card.phases),
        *(
            [f"- **{label('stopped', lang)}:** {escape_markdown(card.stopped)}"]
            if card.stopped
            else []
        ),
        *(
            [f"- **{label('unsent', lang)}:** {escape_markdown(card.unsent)}"]
            if card.unsent
            else []
        ),
        "",
        f"## {label('scores', lang)}",
        "",
        f"| {label('dimension', lang)} | {label('score', lang)} | {label('weight', lang)} "
        f"| {label('basis', lang)} |",
        "|---|---:|---:|---:|",
    ]
    for dimension in card.dimensions:
        value = label("not_judged", lang) if dimension.score is None else str(dimension.score)
        lines.append(
            f"| {dimension_name(dimension.name, lang)} | {value} | {dimension.weight:g} "
            f"| {dimension.basis} |"
        )
    lines += [f"| **{label('overall', lang)}** | **{card.overall}** | | |", ""]
    lines += _lessons(card)
    lines += _by_rule(card)
    lines += [f"## {label('findings', lang)}", ""]
    if not card.findings:
        lines += [label("no_findings", lang), ""]
    for group in group_findings(card.findings):
        if group.count == 1:
            lines += _finding(group.first, lang)
            continue
        sign = "+" if group.first.severity == "+" else "−"
        lines += [
            f"### {clock(group.first.time, lang)} · {sign} {rule_name(group.first.rule, lang)} "
            f"×{group.count}",
            "",
            escape_markdown(group.headline(lang)),
            "",
            "<details>",
            "",
        ]
        for finding in group.findings:
            lines += _finding(finding, lang, heading="####")
        lines += ["</details>", ""]
    lines += [f"## {label('final_metrics', lang)}", ""]
    lines += [f"- {code_span(name)}: {value:g}" for name, value in card.final_metrics.items()]
    return "\n".join(lines) + "\n"


def _by_rule(card: Scorecard) -> list[str]:
    lang = card.language
    counts = rule_counts(card)
    if not counts:
        return []
    lines = [
        f"## {label('by_rule', lang)}",
        "",
        f"| {label('rule', lang)} | + {label('good', lang)} | − {label('bad', lang)} |",
        "|---|---:|---:|",
    ]
    for rule_id, (good, bad) in counts.items():
        rule = RULES.get(rule_id)
        name = rule.label(lang) if rule else rule_id
        lines.append(f"| {escape_markdown(name)} | {good} | {bad} |")
    return [*lines, ""]


def _lessons(card: Scorecard) -> list[str]:
    """The top lessons, numbered: rule and cost, what happened, an example, instead."""
    lang = card.language
    lines = [f"## {frame('top', lang)}", ""]
    lessons = top_lessons(card)
    if not lessons:
        return [*lines, frame("none", lang), ""]
    for number, lesson in enumerate(lessons, 1):
        lines.append(
            f"{number}. **{rule_name(lesson.rule, lang)}** "
            f"({cost_text(lesson.group.cost, lang)}): {escape_markdown(lesson.headline)}"
        )
        if lesson.quote:
            lines.append(f"   - {frame('example', lang)}: «{escape_markdown(lesson.quote)}»")
        lines.append(f"   - {escape_markdown(lesson.advice)}")
    return [*lines, ""]


def _finding(finding: Finding, lang: str, heading: str = "###") -> list[str]:
    sign = "+" if finding.severity == "+" else "−"
    lines = [
        f"{heading} {clock(finding.time, lang)} · {sign} {rule_name(finding.rule, lang)} "
        f"({dimension_name(finding.dimension, lang)})",
        "",
        escape_markdown(finding.message),
        "",
    ]
    if finding.post_text is not None:
        where = (
            f" {label('on_channel', lang)} {code_span(finding.channel)}" if finding.channel else ""
        )
        author = escape_markdown(finding.post_author or "")
        lines.append(
            f"- {label('post', lang)}: {author}{where}: «{escape_markdown(finding.post_text)}»"
        )
    if finding.evidence is not None:
        evidence = finding.evidence
        before = escape_markdown(evidence.text[: evidence.start], keep_edges=True).lstrip()
        words = escape_markdown(evidence.words)
        after = escape_markdown(evidence.text[evidence.end :], keep_edges=True).rstrip()
        highlighted = f"**{words}**" if words else ""
        lines.append(f"- {label('your_words', lang)}: «{before}{highlighted}{after}»")
    if finding.post_text is not None or finding.evidence is not None:
        lines.append("")
    return lines
