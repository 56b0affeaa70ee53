"""The completion chart: per lead unit, one horizontal bar stacked by the four counted states.

Sent with `/tonghop bieudo` and attached to the first-Monday-of-the-month summary. Horizontal bars
because unit names are long Vietnamese phrases ("Phòng Giáo dục và Đào tạo") that read badly on a
slanted x axis; each name on the full width above its bar, since the picture is phone-wide (640 px,
shown ~360 px wide by Telegram). Units come in the order given (`report_stats.per_unit`: Vietnamese alphabetical),
top to bottom, so a unit keeps its place month after month; a unit whose tasks were all cancelled
has nothing to draw and is left out. People given tasks directly (counted under no unit) are drawn
under the units, below a heading of their own, as the Monday summary lists them apart. Beyond
`MAX_ROWS` bars the smallest are merged into one "Các đơn vị khác" (or "Các cá nhân khác") bar, so
the picture stays readable on a phone and within Telegram's photo limits (width + height ≤ 10000 px).

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
CHART_TITLE_WITH_PEOPLE = "Kết quả thực hiện nhiệm vụ theo đơn vị, cá nhân — {period}"
X_LABEL = "Số nhiệm vụ"
DONE_OF_TOTAL = "{done}/{total} hoàn thành"
NO_TASKS = "Không có nhiệm vụ nào trong kỳ này"
OTHER_UNITS = "Các đơn vị khác ({count})"
# People given tasks directly (counted under no unit) come under the units, below this heading, as the
# Monday summary lists them apart.
PEOPLE_HEADING = "Giao trực tiếp cho cá nhân"
OTHER_PEOPLE = "Các cá nhân khác ({count})"

MAX_ROWS = 20
DPI = 100
# Phone-shaped (report11): Telegram shows a photo at the screen's width, ~360 px on a common phone. At
# 1200 px wide the unit names (11 pt) were ~4 px tall there; at 640 px the names (16 pt = 22 px) are
# ~12 px tall and the smallest text (13 pt) ~10 px. Each unit has a row of its own: its name on the full
# width, its bar under it, so a long name needs no room beside the bars.
WIDTH_PX = 640
_BASE_HEIGHT_PX = 250  # title on two lines, legend on two lines and the axis
_ROW_HEIGHT_PX = 120  # a unit name (up to two lines) above its bar
_LABEL_WIDTH_CHARS = 46
_TITLE_WIDTH_CHARS = 40
_NAME_PT = 16
_NOTE_PT = 14
_SMALL_PT = 13
_TITLE_PT = 17
# In a row of height 1 (data units), the name is centred at -0.27 and the bar at +0.17 from the row's
# position: the name above its bar, the next row's name below it.
_NAME_OFFSET = -0.27
_BAR_OFFSET = 0.17
_BAR_HEIGHT = 0.42
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


Rows = list[tuple[str, StateCounts]]


def chart_rows(
    per_unit_counts: Sequence[tuple[str, StateCounts]], limit: int = MAX_ROWS, other: str = OTHER_UNITS
) -> Rows:
    """The bars the chart draws: units with counted tasks, the smallest merged beyond `limit`."""
    rows = [(name, counts) for name, counts in per_unit_counts if counts.total > 0]
    if len(rows) <= limit:
        return rows
    by_size = sorted(range(len(rows)), key=lambda i: -rows[i][1].total)  # stable: ties keep order
    kept = set(by_size[: limit - 1])
    others = [rows[i][1] for i in range(len(rows)) if i not in kept]
    merged = sum(others, StateCounts())
    return [rows[i] for i in sorted(kept)] + [(other.format(count=len(others)), merged)]


def chart_groups(
    units: Sequence[tuple[str, StateCounts]], people: Sequence[tuple[str, StateCounts]] = ()
) -> tuple[Rows, Rows]:
    """(unit bars, people bars) within MAX_ROWS bars in all: the units keep at least three quarters of
    the room when both are many; what one group does not use, the other may."""
    units = [(n, c) for n, c in units if c.total > 0]
    people = [(n, c) for n, c in people if c.total > 0]
    unit_room = min(len(units), max(MAX_ROWS - len(people), MAX_ROWS * 3 // 4))
    return chart_rows(units, unit_room), chart_rows(people, MAX_ROWS - unit_room, OTHER_PEOPLE)


def chart_size_px(bar_count: int) -> tuple[int, int]:
    """(width, height) in pixels of a chart with `bar_count` unit bars (at least one row's room)."""
    return WIDTH_PX, _BASE_HEIGHT_PX + _ROW_HEIGHT_PX * max(bar_count, 1)


def _label(name: str) -> str:
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    return "\n".join(textwrap.wrap(name, _LABEL_WIDTH_CHARS, max_lines=2, placeholder=" …")) or name


def completion_figure(
    per_unit_counts: Sequence[tuple[str, StateCounts]],
    title: str,
    people: Sequence[tuple[str, StateCounts]] = (),
) -> Figure:
    """The chart as a matplotlib Figure (for tests and for callers that want another format). `people`:
    the people given tasks directly, drawn under the units below a heading of their own."""
    # matplotlib is imported here, not with the module: it costs about half a second and ~30 MB, and the
    # bot imports this module at start for a chart drawn a few times a month.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    unit_rows, people_rows = chart_groups(per_unit_counts, people)
    rows = unit_rows + people_rows
    # The people's heading takes a row of its own, with no bar.
    heading_at = len(unit_rows) if people_rows else None
    width, height = chart_size_px(len(rows) + (heading_at is not None))
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    title = "\n".join(textwrap.wrap(unicodedata.normalize("NFC", title), _TITLE_WIDTH_CHARS)) or title
    fig.suptitle(title, fontsize=_TITLE_PT, fontweight="bold", **_TEXT)
    if not rows:
        ax.set_axis_off()
        ax.text(0.5, 0.5, NO_TASKS, ha="center", va="center", fontsize=_NOTE_PT, transform=ax.transAxes, **_TEXT)
        return fig

    positions = [i if heading_at is None or i < heading_at else i + 1 for i in range(len(rows))]
    longest = max(counts.total for _, counts in rows)
    left = [0] * len(rows)
    for state in COUNTED_STATES:
        values = [counts.of(state) for _, counts in rows]
        bars = ax.barh(
            [y + _BAR_OFFSET for y in positions],
            values,
            left=left,
            height=_BAR_HEIGHT,
            color=STATE_COLORS[state],
            edgecolor="white",
            linewidth=0.8,
            label=STATE_LABELS[state],
        )
        # The count inside its segment, only where it fits (a digit or two is ~2.5 % of the axis).
        labels = [str(v) if v and v / longest >= _MIN_LABELLED_SHARE else "" for v in values]
        ax.bar_label(
            bars, labels=labels, label_type="center", color="white", fontsize=_NOTE_PT, fontweight="bold", **_TEXT
        )
        left = [a + b for a, b in zip(left, values, strict=True)]

    for y, (_, counts) in zip(positions, rows, strict=True):
        note = DONE_OF_TOTAL.format(done=counts.done, total=counts.total)
        ax.text(counts.total + longest * 0.015, y + _BAR_OFFSET, note, va="center", fontsize=_NOTE_PT, **_TEXT)
    labels = [_label(name) for name, _ in rows]
    if heading_at is not None:
        positions.insert(heading_at, heading_at)
        labels.insert(heading_at, PEOPLE_HEADING)
        if heading_at:
            ax.axhline(heading_at - 0.5, color="#9e9e9e", linewidth=0.8)
    # The names are the y tick labels, moved inside the axes above their bars (a negative pad, aligned
    # left): on a phone's width there is no room for a column of names beside the bars.
    name_rows = [y + _NAME_OFFSET for y in positions]
    if heading_at is not None:
        name_rows[heading_at] = positions[heading_at]  # the heading has no bar under it
    ax.set_yticks(name_rows, labels, fontsize=_NAME_PT, ha="left", va="center", **_TEXT)
    ax.tick_params(axis="y", length=0, pad=-2)
    if heading_at is not None:
        ax.get_yticklabels()[heading_at].set_fontweight("bold")
    ax.tick_params(axis="x", labelsize=_SMALL_PT, labelfontfamily=_FONT)
    ax.set_ylim(len(positions) - 1 + 0.5, -0.5)  # first unit on top
    ax.set_xlim(0, longest * 1.5)  # room for the "x/y hoàn thành" note
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(X_LABEL, fontsize=_SMALL_PT, **_TEXT)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # Below the bars: above them it would collide with the title.
    fig.legend(
        loc="outside lower center",
        ncols=2,
        frameon=False,
        prop={"family": _FONT, "size": _SMALL_PT},
    )
    return fig


def render_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def completion_chart(
    per_unit_counts: Sequence[tuple[str, StateCounts]], title: str, people: Sequence[tuple[str, StateCounts]] = ()
) -> bytes:
    """PNG bytes of the completion chart; size `chart_size_px(len(chart_rows(per_unit_counts)))` (one row
    more, for the heading, when `people` has any)."""
    return render_png(completion_figure(per_unit_counts, title, people))
