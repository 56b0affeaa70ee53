"""The completion chart: per lead unit, one horizontal bar stacked by the four counted states.

Sent with `/tonghop bieudo` and attached to the first-Monday-of-the-month summary. Horizontal bars
because unit names are long Vietnamese phrases ("Phòng Giáo dục và Đào tạo") that read badly on a
slanted x axis. Units come in the order given (`report_stats.per_unit`: Vietnamese alphabetical),
top to bottom, so a unit keeps its place month after month; a unit whose tasks were all cancelled
has nothing to draw and is left out. Beyond `MAX_ROWS` units the smallest are merged into one
"Các đơn vị khác" bar, so the picture stays readable on a phone and within Telegram's photo
limits (width + height ≤ 10000 px).

Rendering uses matplotlib's object API (`Figure` + the Agg canvas) and never imports pyplot: no
display is needed, no global figure state is kept, and the builder is safe to run in a worker
thread (`asyncio.to_thread`). The font is DejaVu Sans, which ships with matplotlib and covers
Vietnamese (ầ, ệ, ữ, đ ...); labels are NFC-normalised so that combining marks from pasted text
render as the precomposed glyphs. Fonts are set on each text rather than through the global
rcParams, so concurrent renders in several threads do not interfere. The state names come from
`domain.states`, shared with the summary and the workbook.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from domain.report_stats import StateCounts
from domain.states import COUNTED_STATES, STATE_LABELS
from domain.types import TaskState

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_TITLE = "Kết quả thực hiện nhiệm vụ theo đơn vị — {period}"
X_LABEL = "Số nhiệm vụ"
DONE_OF_TOTAL = "{done}/{total} hoàn thành"
NO_TASKS = "Không có nhiệm vụ nào trong kỳ này"
OTHER_UNITS = "Các đơn vị khác ({count})"

MAX_ROWS = 20
DPI = 100
WIDTH_PX = 1200
_BASE_HEIGHT_PX = 190  # title, legend and axis
_ROW_HEIGHT_PX = 50  # room for a unit name on two lines
_LABEL_WIDTH_CHARS = 28
_FONT = "DejaVu Sans"
_MIN_LABELLED_SHARE = 0.025
# Every text gets its font explicitly instead of through rcParams: rc_context would change global
# state, which two charts rendered in two worker threads at once would trample. parse_math=False
# because a unit called "Quỹ $5 … $" is text, not a formula.
_TEXT: dict[str, object] = {"fontfamily": _FONT, "parse_math": False}

# Strong colours that survive a phone screen and carry white count labels. (A hatch on "overdue"
# was tried for grey print, but it made the count unreadable; the legend and fixed order suffice.)
STATE_COLORS = {
    TaskState.DONE_ON_TIME: "#2e7d32",
    TaskState.DONE_LATE: "#f9a825",
    TaskState.OPEN_ON_TIME: "#1565c0",
    TaskState.OPEN_OVERDUE: "#c62828",
}


def chart_rows(per_unit_counts: Sequence[tuple[str, StateCounts]]) -> list[tuple[str, StateCounts]]:
    """The bars the chart draws: units with counted tasks, the smallest merged beyond MAX_ROWS."""
    rows = [(name, counts) for name, counts in per_unit_counts if counts.total > 0]
    if len(rows) <= MAX_ROWS:
        return rows
    by_size = sorted(range(len(rows)), key=lambda i: -rows[i][1].total)  # stable: ties keep order
    kept = set(by_size[: MAX_ROWS - 1])
    others = [rows[i][1] for i in range(len(rows)) if i not in kept]
    merged = sum(others, StateCounts())
    return [rows[i] for i in sorted(kept)] + [(OTHER_UNITS.format(count=len(others)), merged)]


def chart_size_px(bar_count: int) -> tuple[int, int]:
    """(width, height) in pixels of a chart with `bar_count` unit bars (at least one row's room)."""
    return WIDTH_PX, _BASE_HEIGHT_PX + _ROW_HEIGHT_PX * max(bar_count, 1)


def _label(name: str) -> str:
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    return "\n".join(textwrap.wrap(name, _LABEL_WIDTH_CHARS, max_lines=2, placeholder=" …")) or name


def completion_figure(per_unit_counts: Sequence[tuple[str, StateCounts]], title: str) -> Figure:
    """The chart as a matplotlib Figure (for tests and for callers that want another format)."""
    # matplotlib is imported here, not with the module: it costs about half a second and ~30 MB, and the
    # bot imports this module at start for a chart drawn a few times a month.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = chart_rows(per_unit_counts)
    width, height = chart_size_px(len(rows))
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.suptitle(unicodedata.normalize("NFC", title), fontsize=14, fontweight="bold", **_TEXT)
    if not rows:
        ax.set_axis_off()
        ax.text(0.5, 0.5, NO_TASKS, ha="center", va="center", fontsize=13, transform=ax.transAxes, **_TEXT)
        return fig

    positions = list(range(len(rows)))
    longest = max(counts.total for _, counts in rows)
    left = [0] * len(rows)
    for state in COUNTED_STATES:
        values = [counts.of(state) for _, counts in rows]
        bars = ax.barh(
            positions,
            values,
            left=left,
            height=0.6,
            color=STATE_COLORS[state],
            edgecolor="white",
            linewidth=0.8,
            label=STATE_LABELS[state],
        )
        # The count inside its segment, only where it fits (a digit or two is ~2.5 % of the axis).
        labels = [str(v) if v and v / longest >= _MIN_LABELLED_SHARE else "" for v in values]
        ax.bar_label(
            bars, labels=labels, label_type="center", color="white", fontsize=10, fontweight="bold", **_TEXT
        )
        left = [a + b for a, b in zip(left, values, strict=True)]

    for y, (_, counts) in zip(positions, rows, strict=True):
        note = DONE_OF_TOTAL.format(done=counts.done, total=counts.total)
        ax.text(counts.total + longest * 0.01, y, note, va="center", fontsize=10, **_TEXT)
    ax.set_yticks(positions, [_label(name) for name, _ in rows], fontsize=11, **_TEXT)
    ax.tick_params(axis="x", labelsize=10, labelfontfamily=_FONT)
    ax.invert_yaxis()  # first unit on top
    ax.set_xlim(0, longest * 1.22)  # room for the "x/y hoàn thành" note
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(X_LABEL, fontsize=11, **_TEXT)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # Below the bars: above them it would collide with the title.
    fig.legend(
        loc="outside lower center",
        ncols=len(COUNTED_STATES),
        frameon=False,
        prop={"family": _FONT, "size": 10},
    )
    return fig


def render_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def completion_chart(per_unit_counts: Sequence[tuple[str, StateCounts]], title: str) -> bytes:
    """PNG bytes of the completion chart; size `chart_size_px(len(chart_rows(per_unit_counts)))`."""
    return render_png(completion_figure(per_unit_counts, title))
