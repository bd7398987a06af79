"""The mood chart: mood, missing them and the urge by day, with the ledger's events below.

Drawn with textual-plotext, which is imported only when a chart is first drawn: it
takes about a tenth of a second to import, and nctui's start-up is measured
(benchmarks/run.py). `preload` lets the journal screen import it on a worker thread
while the person is still on the first tab.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.widgets import Static

from nctui.domain.chart_data import ChartData
from nctui.domain.checkin import Rating
from nctui.domain.ledger import Kind

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

LINE_COLOURS: dict[Rating, str] = {
    Rating.MOOD: "primary",
    Rating.MISS: "secondary",
    Rating.URGE: "accent",
}
# Each line drawn in its own shape too, so the three tell apart without colour (NO_COLOR).
LINE_MARKERS: dict[Rating, tuple[str, str]] = {
    Rating.MOOD: ("braille", "⠒⠒"),
    Rating.MISS: ("hd", "▀▀"),
    Rating.URGE: ("·", "··"),
}
LINE_NAMES: dict[Rating, str] = {
    Rating.MOOD: "mood",
    Rating.MISS: "missing them",
    Rating.URGE: "urge",
}
# Events sit in a band under the zero line, each kind on a row of its own (the last
# number: rows below zero), so they never hide a rating or each other.
MARKS: dict[Kind, tuple[str, str, int, str]] = {
    Kind.URGE: ("•", "success", 1, "urge resisted"),
    Kind.SLIP: ("x", "warning", 2, "slip"),
    Kind.CONTACT: ("●", "error", 3, "contact"),
    Kind.ALLOWED: ("○", "error", 4, "allowed"),
}
Y_HIGH = 10.2
PLOT_FRAME_ROWS = 3
"""Rows of the plot that are not its canvas: the top and bottom of the frame, and the
day labels."""
FALLBACK_ROWS = 13
"""Canvas rows assumed before the plot has a size (it is drawn again once it has)."""


def row_height(canvas_rows: int) -> float:
    """The value one canvas row stands for, with the band of event rows under zero.

    The scale is chosen so that zero and each event row fall exactly on a row of their
    own: the plot puts a value on row floor(0.5 + (rows - 1) * share of the range), so
    whole multiples of this height land one row apart, however small the terminal.
    """
    band = max(MARKS.values(), key=lambda mark: mark[2])[2]
    return Y_HIGH / max(1, canvas_rows - 1 - band)


def preload() -> None:
    """Import the charting library (safe on a worker thread)."""
    import textual_plotext  # noqa: F401, PLC0415 - imported here to keep start-up lean


def legend_markup() -> str:
    """The legend, coloured like the chart: the lines, then the marks below them."""
    lines = [
        f"[${colour}]{LINE_MARKERS[rating][1]}[/] {LINE_NAMES[rating]}"
        for rating, colour in LINE_COLOURS.items()
    ]
    marks = [f"[${colour}]{mark}[/] {name}" for mark, colour, _, name in MARKS.values()]
    return "  ".join(lines) + "\n" + "  ".join(marks)


def tick_every(days: int, width: int) -> int:
    """Days between labels on the day axis: a week, or more when they would crowd."""
    room = max(2, width // 10)  # a label like "26 Nov" needs about ten columns
    for step in (7, 14, 28, 56):
        if days / step <= room:
            return step
    return 91


class MoodChart(Vertical):
    """A line per rating and a mark per event, one point per day of the period."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="mood-chart")
        self._plot: PlotextPlot | None = None
        self._data: ChartData | None = None

    def compose(self) -> ComposeResult:
        """The legend; the plot itself is added when there is something to draw."""
        yield Static(legend_markup(), classes="chart-legend")

    def show(self, data: ChartData) -> None:
        """Draw `data`, replacing whatever was drawn before."""
        self._data = data
        if self._plot is None:
            from textual_plotext import PlotextPlot  # noqa: PLC0415 - see the module note

            self._plot = PlotextPlot(classes="chart-plot")
            self.mount(self._plot, before=0)
        self._draw()

    def _colour(self, name: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables[name]).rgb

    def _draw(self) -> None:
        plot, data = self._plot, self._data
        if plot is None or data is None:
            return
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        window = data.window
        for rating, colour in LINE_COLOURS.items():
            points = data.series[rating]
            if points:
                xs, ys = zip(*points, strict=True)
                marker = LINE_MARKERS[rating][0]
                plt.plot(list(xs), list(ys), marker=marker, color=self._colour(colour))
        rows = plot.size.height - PLOT_FRAME_ROWS if plot.size.height else FALLBACK_ROWS
        unit = row_height(rows)
        band = max(mark[2] for mark in MARKS.values())
        for kind, (mark, colour, below, _) in MARKS.items():
            days = data.marks.get(kind, [])
            if days:
                height = -below * unit
                plt.scatter(days, [height] * len(days), marker=mark, color=self._colour(colour))
        plt.xlim(0.5, window.days + 0.5)
        plt.ylim(-band * unit, Y_HIGH)
        plt.yticks([0, 5, 10])
        # The chart's own width: the plot inside it may not be laid out yet, and the
        # chart is resized (and redrawn) whenever its width changes.
        step = tick_every(window.days, self.size.width or 80)
        ticks: list[float] = list(range(1, window.days + 1, step))
        plt.xticks(ticks, [_short(window.label(int(day))) for day in ticks])
        plot.refresh()

    def on_resize(self) -> None:
        """Space the day labels again for the new width."""
        self._draw()


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"
