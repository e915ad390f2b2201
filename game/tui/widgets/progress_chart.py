"""The Progress screen's chart: each session's overall score over time, in the terminal.

Drawn with textual-plotext (plotext in a Textual widget): axes, ticks and a legend
that a hand-made sparkline lacks. Deterministic: the x axis is the session's number,
labelled with a few of the sessions' dates, so the same sessions draw the same chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual_plotext import PlotextPlot

TICKS = 5
"""At most this many dates under the x axis."""


class ProgressChart(PlotextPlot):
    """Overall score per session (a line), with the pass mark as a dashed level."""

    def show(
        self,
        started: Sequence[datetime],
        overall: Sequence[int],
        *,
        title: str,
        overall_label: str,
        pass_label: str,
        pass_mark: int,
        dimensions: Sequence[tuple[str, Sequence[int | None]]] = (),
    ) -> None:
        """Draw the sessions (oldest first).

        Args:
            started: each session's start.
            overall: each session's overall score.
            title: the chart's title.
            overall_label: the legend of the overall line.
            pass_label: the legend of the pass mark's line.
            pass_mark: the level drawn across.
            dimensions: more lines, each a legend and a score per session (None: not
                judged in that session, left out).
        """
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        numbers = list(range(1, len(overall) + 1))
        plt.title(title)
        plt.ylim(0, 100)
        plt.yticks([0, 25, 50, 75, 100])
        if numbers:
            for label, scores in dimensions:
                judged = [(n, v) for n, v in zip(numbers, scores, strict=True) if v is not None]
                if judged:
                    xs, ys = zip(*judged, strict=True)
                    plt.plot(list(xs), list(ys), marker="dot", label=label)
            plt.plot(numbers, list(overall), marker="braille", label=overall_label)
            plt.plot(
                [numbers[0], numbers[-1]] if len(numbers) > 1 else [0.5, 1.5],
                [pass_mark, pass_mark],
                marker="-",
                label=pass_label,
            )
            step = max(1, (len(numbers) + TICKS - 1) // TICKS)
            shown = numbers[::step]
            plt.xticks([float(n) for n in shown], [started[n - 1].strftime("%d/%m") for n in shown])
        self.refresh()
