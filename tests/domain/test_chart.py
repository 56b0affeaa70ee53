"""The completion chart: a PNG of stacked bars per unit, Vietnamese labels rendered with real glyphs."""

from __future__ import annotations

import struct
import unicodedata
import warnings

import pytest
from matplotlib import rc_context
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from domain.chart import (
    CHART_TITLE,
    MAX_ROWS,
    chart_rows,
    chart_size_px,
    completion_chart,
    completion_figure,
    render_png,
)
from domain.report_stats import StateCounts, per_unit
from tests.domain.report_tasks import TODAY, one_of_each_state

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TITLE = CHART_TITLE.format(period="Tháng 11/2026")
UNITS = [
    ("Văn phòng HĐND&UBND phường", StateCounts(done_on_time=5, done_late=2, open_on_time=3, open_overdue=1)),
    ("Ban biên tập Cổng thông tin điện tử", StateCounts(done_on_time=1, open_on_time=2, open_overdue=4)),
    ("Công an phường", StateCounts(open_overdue=3, cancelled=2)),
]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def bar_segments(fig) -> list[list[Rectangle]]:
    """The stacked segments, one container per state, in legend order."""
    (ax,) = fig.axes
    return [list(container) for container in ax.containers]


def test_png_of_the_expected_size() -> None:
    data = completion_chart(UNITS, TITLE)
    assert png_size(data) == chart_size_px(3)
    assert data.endswith(b"IEND\xaeB`\x82")  # complete file, not truncated


def test_one_stacked_bar_per_unit_with_four_state_segments() -> None:
    fig = completion_figure(UNITS, TITLE)
    segments = bar_segments(fig)
    assert len(segments) == 4  # the four counted states; cancelled is not drawn
    assert sum(len(s) for s in segments) == 4 * len(UNITS)
    # Segment lengths are the counts: done on time, done late, open on time, open overdue.
    by_unit = [[round(state[i].get_width()) for state in segments] for i in range(len(UNITS))]
    assert by_unit == [[5, 2, 3, 1], [1, 0, 2, 4], [0, 0, 0, 3]]
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Văn phòng HĐND&UBND phường",
        "Ban biên tập Cổng thông tin điện tử",  # fits one line of the phone-wide chart (report11)
        "Công an phường",
    ]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Đang thực hiện quá hạn",
    ]


def test_chart_of_a_real_period_from_tasks() -> None:
    rows = per_unit(one_of_each_state(), TODAY)
    fig = completion_figure(rows, TITLE)
    assert [[round(s[0].get_width()) for s in bar_segments(fig)]] == [[1, 1, 1, 1]]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "2/4 hoàn thành" in texts


ALL_VIETNAMESE_LETTERS = "ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ Đđ Ơ Ư Ữ Ặ"


def test_vietnamese_labels_render_with_dejavu_and_no_missing_glyph() -> None:
    title = f"Tiến độ: {ALL_VIETNAMESE_LETTERS}"
    units = [*UNITS, (f"Tổ {ALL_VIETNAMESE_LETTERS[:20]}", StateCounts(done_late=1))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)" when drawing
        fig = completion_figure(units, title)
        png = render_png(fig)
    assert png_size(png) == chart_size_px(4)
    # The title is wrapped onto lines that fit a phone's width.
    (title_text,) = [t for t in fig.findobj(Text) if t.get_text().replace("\n", " ") == title]
    assert title_text.get_fontname() == "DejaVu Sans"
    assert {label.get_fontname() for label in fig.axes[0].get_yticklabels()} == {"DejaVu Sans"}


def test_the_missing_glyph_check_can_fail() -> None:
    """Guards the test above: a character DejaVu Sans lacks does raise the warning it listens for."""
    with warnings.catch_warnings(), pytest.raises(UserWarning, match="missing from font"):
        warnings.simplefilter("error")
        completion_chart(UNITS, "会议")


def test_labels_given_in_decomposed_unicode_are_normalised() -> None:
    composed = "Phòng Giáo dục"
    decomposed = unicodedata.normalize("NFD", composed)  # letters + combining marks, as some pastes give
    assert len(decomposed) > len(composed)
    fig = completion_figure([(decomposed, StateCounts(done_on_time=1))], TITLE)
    assert fig.axes[0].get_yticklabels()[0].get_text() == composed


def test_fonts_do_not_depend_on_global_matplotlib_settings() -> None:
    """Another part of the process (or another thread) may change rcParams; the chart must not care."""
    with rc_context({"font.family": "serif", "font.size": 30}):
        fig = completion_figure(UNITS, TITLE)
        render_png(fig)  # draws: x tick labels are made now
    (ax,) = fig.axes
    texts = [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts, ax.xaxis.label]
    assert {t.get_fontname() for t in texts} == {"DejaVu Sans"}
    assert max(t.get_fontsize() for t in texts) <= 16  # the unit names, sized for a phone (report11)


def test_dollar_signs_in_names_are_text_not_math() -> None:
    name = "Quỹ $5 & 50% _vốn_ ^x$"
    fig = completion_figure([(name, StateCounts(done_on_time=1))], f"{TITLE} $x^2$")
    render_png(fig)  # mathtext would fail or drop the "$" here
    assert fig.axes[0].get_yticklabels()[0].get_text() == name


def test_units_with_only_cancelled_tasks_have_no_bar() -> None:
    units = [*UNITS, ("Hội Nông dân", StateCounts(cancelled=3))]
    assert [name for name, _ in chart_rows(units)] == [name for name, _ in UNITS]
    assert png_size(completion_chart(units, TITLE)) == chart_size_px(3)


def test_many_units_are_capped_and_the_smallest_merged() -> None:
    units = [(f"Tổ dân phố {i}", StateCounts(done_on_time=i, open_overdue=1)) for i in range(1, 31)]
    rows = chart_rows(units)
    assert len(rows) == MAX_ROWS
    assert rows[-1][0] == "Các đơn vị khác (11)"
    merged = rows[-1][1]
    assert (merged.done_on_time, merged.open_overdue) == (sum(range(1, 12)), 11)
    assert sum(c.total for _, c in rows) == sum(c.total for _, c in units)  # nothing lost
    assert [name for name, _ in rows[:3]] == ["Tổ dân phố 12", "Tổ dân phố 13", "Tổ dân phố 14"]  # order kept
    fig = completion_figure(units, TITLE)
    assert sum(len(s) for s in bar_segments(fig)) == 4 * MAX_ROWS
    width, height = png_size(completion_chart(units, TITLE))
    assert (width, height) == chart_size_px(MAX_ROWS)
    assert width + height <= 10_000 and height / width <= 20  # Telegram's photo limits


def test_an_empty_period_gives_a_picture_saying_so() -> None:
    fig = completion_figure([], TITLE)
    assert bar_segments(fig) == []
    assert [t.get_text() for t in fig.axes[0].texts] == ["Không có nhiệm vụ nào trong kỳ này"]
    assert png_size(completion_chart([], TITLE)) == chart_size_px(0)


PHONE_PX = 360  # Telegram shows a photo at the screen's width: ~360 px on a common phone


def on_phone_px(text: Text, fig) -> float:
    """The height in phone pixels of `text`'s letters when the chart is shown 360 px wide."""
    return text.get_fontsize() * fig.dpi / 72 * PHONE_PX / (fig.get_size_inches()[0] * fig.dpi)


def test_on_a_phone_every_unit_is_drawn_on_a_row_of_its_own_in_letters_large_enough_to_read() -> None:
    # report11: the chart was 1200×340 px; at 360 px wide its unit names were ~4 px tall.
    units = [*UNITS, ("Phòng Văn hoá, Khoa học và Thông tin phường và các tổ dân phố", StateCounts(open_on_time=2))]
    fig = completion_figure(units, TITLE)
    render_png(fig)
    (ax,) = fig.axes
    width, height = chart_size_px(len(units))
    assert width <= 720 and height > width * 0.8  # a tall picture, not a strip
    assert chart_size_px(len(units) + 1)[1] > height  # one more unit, a taller picture
    names = [t for t in ax.get_yticklabels() if t.get_text()]
    assert [t.get_text().replace("\n", " ") for t in names] == [name for name, _ in units]
    assert "\n" in names[-1].get_text()  # a long name wraps onto a second line
    assert all(on_phone_px(t, fig) >= 11 for t in names)  # unit names: at least 11 phone pixels
    others = [*ax.get_xticklabels(), *ax.texts, ax.xaxis.label, *fig.legends[0].get_texts()]
    assert all(on_phone_px(t, fig) >= 9 for t in others)
    # Every name lies inside the picture (none cut at the left edge), each above its own bar.
    renderer = fig.canvas.get_renderer()
    fig_box = fig.bbox
    for label in names:
        box = label.get_window_extent(renderer)
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1
