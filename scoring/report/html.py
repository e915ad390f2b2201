"""The HTML report: one self-contained file (inline style and SVG, no script, no link).

Every text from a scenario, the crowd or the trainee goes through ``html.escape``, so
a post such as ``<script>`` or ``[@click=app.quit]`` shows literally.
"""

from __future__ import annotations

from html import escape

from game.vocabulary import RULES, rule_name
from scoring.ledger import clock, duration
from scoring.lessons import cost_text, frame, group_findings, top_lessons
from scoring.report.chart import timeline_svg
from scoring.report.labels import dimension_name, label
from scoring.report.summary import rule_counts
from scoring.scorecard import Finding, Scorecard

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d2330; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; } td, th { padding: .25rem .7rem; text-align: left; }
td.num, th.num { text-align: right; } tr.overall td { font-weight: bold; }
.finding { border-left: .35rem solid #999; padding: .3rem .8rem; margin: .8rem 0; }
.finding.good { border-color: #2b8a3e; } .finding.bad { border-color: #c92a2a; }
.finding .head { font-weight: bold; } .sign { font-family: monospace; }
.post, .words { margin: .3rem 0; } .post { color: #444; }
mark { background: #ffe066; padding: 0 .1rem; }
ol.lessons li { margin: .6rem 0; } .cost { font-weight: bold; color: #c92a2a; }
.advice { font-style: italic; } details.group > summary { cursor: pointer; margin: .8rem 0; }
details.group > summary .head { display: inline; font-weight: bold; }
svg.timeline { width: 100%; height: auto; font-size: 11px; }
svg .plot { fill: #f7f8fb; stroke: #ccd; } svg .zero { stroke: #bbb; stroke-dasharray: 2 3; }
svg .sentiment { fill: none; stroke: #1c7ed6; stroke-width: 2; }
svg .reach { fill: none; stroke: #e8590c; stroke-width: 2; stroke-dasharray: 6 4; }
svg .phase line { stroke: #666; stroke-dasharray: 4 3; } svg .phase text { fill: #444; }
svg .action { fill: #5f3dc4; } svg .axis, svg .legend { fill: #333; }
svg .sentiment-key { fill: #1c7ed6; } svg .reach-key { fill: #e8590c; }
"""


def render_html(card: Scorecard) -> str:
    """The whole report as one HTML document, in the session's language.

    Args:
        card: a scored session.

    Returns:
        The HTML text.
    """
    lang = card.language
    title = f"{label('title', lang)}: {card.scenario_title}"
    body = [
        f"<h1>{escape(title)}</h1>",
        '<table class="meta">',
        _row(label("trainee", lang), escape(card.trainee) or "—"),
        _row(
            label("scenario", lang),
            f"{escape(card.scenario_title)} (<code>{escape(card.scenario_id)}</code>), "
            f"{escape(label('seed', lang).lower())} {card.seed}",
        ),
        _row(label("duration", lang), duration(card.duration)),
        _row(
            label("final_phase", lang),
            f"{escape(card.final_phase_name)} (<code>{escape(card.final_phase)}</code>)",
        ),
        _row(label("path", lang), " → ".join(escape(phase) for phase in card.phases)),
        *([_row(label("stopped", lang), escape(card.stopped))] if card.stopped else []),
        *([_row(label("unsent", lang), escape(card.unsent))] if card.unsent else []),
        "</table>",
        f"<h2>{escape(label('scores', lang))}</h2>",
        _scores(card),
        f"<h2>{escape(label('timeline', lang))}</h2>",
        timeline_svg(card),
        *_lessons(card),
        *_by_rule(card),
        f"<h2>{escape(label('findings', lang))}</h2>",
    ]
    if not card.findings:
        body.append(f"<p>{escape(label('no_findings', lang))}</p>")
    for group in group_findings(card.findings):
        if group.count == 1:
            body.append(_finding(group.first, lang))
            continue
        sign = "+" if group.first.severity == "+" else "−"
        body.append(
            f'<details class="group"><summary><span class="head">{clock(group.first.time, lang)}'
            f' · <span class="sign">{sign}</span> {escape(rule_name(group.first.rule, lang))} '
            f"×{group.count}</span>: {escape(group.headline(lang))}</summary>"
        )
        body += [_finding(finding, lang) for finding in group.findings]
        body.append("</details>")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _row(key: str, value_html: str) -> str:
    return f"<tr><th>{escape(key)}</th><td>{value_html}</td></tr>"


def _scores(card: Scorecard) -> str:
    lang = card.language
    rows = [
        '<table class="scores">',
        f"<tr><th>{escape(label('dimension', lang))}</th>"
        f'<th class="num">{escape(label("score", lang))}</th>'
        f'<th class="num">{escape(label("weight", lang))}</th>'
        f'<th class="num">{escape(label("basis", lang))}</th></tr>',
    ]
    for dimension in card.dimensions:
        value = label("not_judged", lang) if dimension.score is None else str(dimension.score)
        rows.append(
            f"<tr><td>{escape(dimension_name(dimension.name, lang))}</td>"
            f'<td class="num">{escape(value)}</td><td class="num">{dimension.weight:g}</td>'
            f'<td class="num">{dimension.basis}</td></tr>'
        )
    rows.append(
        f'<tr class="overall"><td>{escape(label("overall", lang))}</td>'
        f'<td class="num">{card.overall}</td><td></td><td></td></tr>'
    )
    rows.append("</table>")
    return "\n".join(rows)


def _by_rule(card: Scorecard) -> list[str]:
    lang = card.language
    counts = rule_counts(card)
    if not counts:
        return []
    rows = [
        f"<h2>{escape(label('by_rule', lang))}</h2>",
        '<table class="rules">',
        f"<tr><th>{escape(label('rule', lang))}</th>"
        f'<th class="num">+ {escape(label("good", lang))}</th>'
        f'<th class="num">− {escape(label("bad", lang))}</th></tr>',
    ]
    for rule_id, (good, bad) in counts.items():
        rule = RULES.get(rule_id)
        name = rule.label(lang) if rule else rule_id
        rows.append(
            f'<tr><td>{escape(name)}</td><td class="num">{good}</td><td class="num">{bad}</td></tr>'
        )
    rows.append("</table>")
    return rows


def _lessons(card: Scorecard) -> list[str]:
    """The top lessons: rule, cost, what happened, an example, what to do instead."""
    lang = card.language
    items = [f"<h2>{escape(frame('top', lang))}</h2>"]
    lessons = top_lessons(card)
    if not lessons:
        return [*items, f"<p>{escape(frame('none', lang))}</p>"]
    items.append('<ol class="lessons">')
    for lesson in lessons:
        parts = [
            f"<li><strong>{escape(rule_name(lesson.rule, lang))}</strong> "
            f'<span class="cost">{escape(cost_text(lesson.group.cost, lang))}</span>',
            f"<div>{escape(lesson.headline)}</div>",
        ]
        if lesson.quote:
            parts.append(
                f'<div class="words">{escape(frame("example", lang))}: '
                f"«{escape(lesson.quote)}»</div>"
            )
        parts.append(f'<div class="advice">{escape(lesson.advice)}</div></li>')
        items.append("\n".join(parts))
    items.append("</ol>")
    return items


def _finding(finding: Finding, lang: str) -> str:
    good = finding.severity == "+"
    sign = "+" if good else "−"
    parts = [
        f'<div class="finding {"good" if good else "bad"}" id="finding-{finding.time}-'
        f'{escape(finding.rule)}">',
        f'<div class="head">{clock(finding.time, lang)} · <span class="sign">{sign}</span> '
        f"{escape(rule_name(finding.rule, lang))} "
        f"({escape(dimension_name(finding.dimension, lang))})"
        "</div>",
        f"<div>{escape(finding.message)}</div>",
    ]
    if finding.post_text is not None:
        where = f" {label('on_channel', lang)} {finding.channel}" if finding.channel else ""
        parts.append(
            f'<div class="post">{escape(label("post", lang))}: '
            f"{escape((finding.post_author or '') + where)}: «{escape(finding.post_text)}»</div>"
        )
    if finding.evidence is not None:
        evidence = finding.evidence
        parts.append(
            f'<div class="words">{escape(label("your_words", lang))}: '
            f"«{escape(evidence.text[: evidence.start])}<mark>{escape(evidence.words)}</mark>"
            f"{escape(evidence.text[evidence.end :])}»</div>"
        )
    parts.append("</div>")
    return "\n".join(parts)
