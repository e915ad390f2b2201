"""The class report as one self-contained HTML page (inline style, no script, no link).

Trainees' names and words and the crowd's posts go through ``html.escape``: a trainee
named ``<script>`` is shown as those characters, on a projector or in any browser.
"""

from __future__ import annotations

from html import escape

from game.results.classreport.labels import broke_line, label, points
from game.results.classreport.model import Answer, ClassReport, KeyPost
from scoring.report.labels import dimension_name
from scoring.scorecard import DIMENSIONS

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d2330; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; } td, th { padding: .25rem .7rem; text-align: left; }
td.num, th.num { text-align: right; } tbody tr:nth-child(odd) { background: #f5f6fa; }
.post { border-left: .35rem solid #1c7ed6; padding: .3rem .8rem; margin: 1rem 0; }
.post .text { color: #444; margin: .3rem 0 .6rem; }
ol.answers > li { margin: .5rem 0; } .answer .name { font-weight: bold; }
.answer .said { white-space: pre-wrap; } .none { color: #888; font-style: italic; }
ul.findings { margin: .2rem 0; } .good { color: #2b8a3e; } .bad { color: #c92a2a; }
.cost { font-weight: bold; color: #c92a2a; } mark { background: #ffe066; }
"""


def render_html(report: ClassReport) -> str:
    """The whole class report as one HTML document, in the report's language.

    Args:
        report: the round's figures.

    Returns:
        The HTML text, ending with a newline.
    """
    lang = report.language
    title = label("title", lang)
    if report.scenario_title:
        title += f": {report.scenario_title}"
    body = [f"<h1>{escape(title)}</h1>", '<table class="meta">']
    if report.round_id:
        body.append(_meta(label("round", lang), f"<code>{escape(report.round_id)}</code>"))
    if report.scenario_id:
        body.append(
            _meta(
                label("scenario", lang),
                f"{escape(report.scenario_title)} (<code>{escape(report.scenario_id)}</code>), "
                f"{escape(label('seed', lang))} {report.seed}",
            )
        )
    body += [_meta(label("trainees", lang), str(report.trainees)), "</table>"]
    if report.trainees:
        body += [*_leaderboard(report), *_rules(report), *_posts(report)]
    else:
        body.append(f"<p>{escape(label('no_sessions', lang))}</p>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _meta(name: str, value_html: str) -> str:
    return f"<tr><th>{escape(name)}</th><td>{value_html}</td></tr>"


def _leaderboard(report: ClassReport) -> list[str]:
    lang = report.language
    heads = "".join(f'<th class="num">{escape(dimension_name(n, lang))}</th>' for n in DIMENSIONS)
    lines = [
        f"<h2>{escape(label('leaderboard', lang))}</h2>",
        '<table class="leaderboard">',
        f'<thead><tr><th class="num">{escape(label("rank", lang))}</th>'
        f"<th>{escape(label('trainee', lang))}</th>"
        f'<th class="num">{escape(label("overall", lang))}</th>{heads}'
        f"<th>{escape(label('final_phase', lang))}</th></tr></thead>",
        "<tbody>",
    ]
    for row in report.leaderboard:
        scores = "".join(
            f'<td class="num">{"—" if score is None else score}</td>' for score in row.scores
        )
        lines.append(
            f'<tr><td class="num">{row.rank}</td><td>{escape(row.name) or "—"}</td>'
            f'<td class="num"><strong>{row.overall}</strong></td>{scores}'
            f"<td>{escape(row.final_phase_name)}</td></tr>"
        )
    return [*lines, "</tbody>", "</table>"]


def _rules(report: ClassReport) -> list[str]:
    lang = report.language
    lines = [f"<h2>{escape(label('rules', lang))}</h2>"]
    if not report.rules:
        return [*lines, f"<p>{escape(label('no_rules', lang))}</p>"]
    lines += [
        f"<p>{escape(label('rules_intro', lang))}</p>",
        '<table class="rules">',
        f"<thead><tr><th>{escape(label('rule', lang))}</th>"
        f"<th>{escape(label('broke', lang))}</th>"
        f'<th class="num">{escape(label("kept", lang))}</th>'
        f'<th class="num">{escape(label("lost", lang))}</th></tr></thead>',
        "<tbody>",
    ]
    for row in report.rules:
        lines.append(
            f"<tr><td>{escape(row.name)}</td>"
            f"<td>{escape(broke_line(row.broke, row.met, lang))}</td>"
            f'<td class="num">{row.kept}</td><td class="num">{points(row.cost)}</td></tr>'
        )
    return [*lines, "</tbody>", "</table>"]


def _posts(report: ClassReport) -> list[str]:
    lang = report.language
    lines = [f"<h2>{escape(label('posts', lang))}</h2>"]
    if not report.posts:
        return [*lines, f"<p>{escape(label('no_posts', lang))}</p>"]
    lines.append(f"<p>{escape(label('posts_intro', lang))}</p>")
    for post in report.posts:
        lines += _post(post, lang)
    return lines


def _post(post: KeyPost, lang: str) -> list[str]:
    where = (
        f" {escape(label('on_channel', lang))} <code>{escape(post.channel)}</code>"
        if post.channel
        else ""
    )
    lines = [
        '<section class="post">',
        f"<h3>{escape(post.author) or '—'}{where} (<code>{escape(post.post_id)}</code>)</h3>",
        f'<p class="text">«{escape(post.text)}»</p>',
        '<ol class="answers">',
    ]
    lines += [_answer(answer, lang) for answer in post.answers]
    return [*lines, "</ol>", "</section>"]


def _answer(answer: Answer, lang: str) -> str:
    said = (
        " / ".join(f'<span class="said">«{escape(text)}»</span>' for text in answer.texts)
        if answer.texts
        else f'<span class="none">{escape(label("no_answer", lang))}</span>'
    )
    items = []
    for finding in answer.findings:
        good = finding.severity == "+"
        cost = f' <span class="cost">{points(finding.cost)}</span>' if finding.cost > 0 else ""
        words = f" <mark>{escape(finding.words)}</mark>" if finding.words else ""
        items.append(
            f'<li class="{"good" if good else "bad"}">{"+" if good else "−"} '
            f"{escape(finding.rule)}{cost}: {escape(finding.message)}{words}</li>"
        )
    findings = f'<ul class="findings">{"".join(items)}</ul>' if items else ""
    return (
        f'<li class="answer"><span class="name">{escape(answer.name) or "—"}</span> '
        f'<span class="cost">{points(answer.cost)}</span>: {said}{findings}</li>'
    )
