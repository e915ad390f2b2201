"""The timeline chart of the HTML report: an inline SVG, no script, no external file.

Sentiment (-1..1, left axis, solid line) and reach (0..its maximum, right axis, dashed
line) over simulated time; phase changes as labelled vertical lines; the trainee's
actions as marks along the bottom, each with a tooltip. Lines differ by dash as well
as colour, so the chart reads without colour too.
"""

from __future__ import annotations

from html import escape

from scoring.ledger import clock
from scoring.report.labels import label
from scoring.scorecard import Scorecard

WIDTH, HEIGHT = 860, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 64, 28, 64
"""Margins around the plot area, in SVG units (room for axes and action marks)."""


def timeline_svg(card: Scorecard) -> str:
    """The chart as an ``<svg>`` element, every text escaped.

    Args:
        card: a scored session (its ``timeline`` and ``marks``).

    Returns:
        SVG markup; a short note instead when the log has no metric snapshots.
    """
    lang = card.language
    if not card.timeline:
        return f"<p>{escape(label('no_timeline', lang))}</p>"
    end = max(card.duration, card.timeline[-1].time, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    peak = max((point.reach for point in card.timeline), default=0) or 1

    def x(time: int) -> float:
        return LEFT + plot_w * min(max(time, 0), end) / end

    def y_sentiment(value: float) -> float:
        return TOP + plot_h * (1 - (max(-1.0, min(1.0, value)) + 1) / 2)

    def y_reach(value: int) -> float:
        return TOP + plot_h * (1 - value / peak)

    sentiment = " ".join(f"{x(p.time):.1f},{y_sentiment(p.sentiment):.1f}" for p in card.timeline)
    reach = " ".join(f"{x(p.time):.1f},{y_reach(p.reach):.1f}" for p in card.timeline)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(label("timeline", lang))}">',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" class="plot"/>',
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y_sentiment(0):.1f}" '
        f'y2="{y_sentiment(0):.1f}" class="zero"/>',
    ]
    parts += _axes(lang, plot_w, plot_h, end, peak)
    for mark in card.marks:
        if mark.kind == "phase":
            parts.append(
                f'<g class="phase"><line x1="{x(mark.time):.1f}" x2="{x(mark.time):.1f}" '
                f'y1="{TOP}" y2="{TOP + plot_h}"/><text x="{x(mark.time) + 3:.1f}" '
                f'y="{TOP + 12}">{escape(mark.label)}</text>'
                f"<title>{escape(label('phase_change', lang))} {clock(mark.time, lang)}: "
                f"{escape(mark.label)}</title></g>"
            )
    parts += [
        f'<polyline class="reach" points="{reach}"/>',
        f'<polyline class="sentiment" points="{sentiment}"/>',
    ]
    base = TOP + plot_h + 34
    for mark in card.marks:
        if mark.kind != "phase":
            cx = x(mark.time)
            parts.append(
                f'<path class="action {escape(mark.kind)}" d="M{cx:.1f},{base - 8} '
                f'l5,9 l-10,0 z"><title>{clock(mark.time, lang)} {escape(mark.kind)}: '
                f"{escape(mark.label)}</title></path>"
            )
    parts.append(
        f'<text x="{LEFT}" y="{base + 16}" class="legend">▲ {escape(label("actions", lang))}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _axes(lang: str, plot_w: int, plot_h: int, end: int, peak: int) -> list[str]:
    bottom = TOP + plot_h
    parts = [
        f'<text x="{LEFT - 6}" y="{TOP + 4}" class="axis" text-anchor="end">1</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h / 2 + 4:.1f}" class="axis" '
        'text-anchor="end">0</text>',
        f'<text x="{LEFT - 6}" y="{bottom + 4}" class="axis" text-anchor="end">-1</text>',
        f'<text x="{LEFT + plot_w + 6}" y="{TOP + 4}" class="axis">{peak:,}</text>',
        f'<text x="{LEFT + plot_w + 6}" y="{bottom + 4}" class="axis">0</text>',
        f'<text x="{LEFT}" y="{TOP - 10}" class="legend sentiment-key">— '
        f"{escape(label('sentiment', lang))}</text>",
        f'<text x="{LEFT + plot_w}" y="{TOP - 10}" class="legend reach-key" '
        f'text-anchor="end">- - {escape(label("reach", lang))}</text>',
    ]
    for step in range(5):
        time = end * step // 4
        tick_x = LEFT + plot_w * step / 4
        parts.append(
            f'<text x="{tick_x:.1f}" y="{bottom + 14}" class="axis" '
            f'text-anchor="middle">{clock(time, lang)}</text>'
        )
    return parts
