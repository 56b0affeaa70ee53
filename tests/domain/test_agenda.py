"""The next giao ban's agenda: which directives, in which order, and how it is laid into messages."""

from __future__ import annotations

from datetime import date

import pytest

from domain.agenda import build_agenda, pack, utf16_len
from domain.report_stats import NO_UNIT_LABEL
from domain.types import TaskStatus
from tests.domain.report_tasks import TODAY, task

CONT = "(tiếp theo)"
SEC = "{title} (tiếp)"


def test_only_open_directives_grouped_by_lead_unit_in_vietnamese_order() -> None:
    views = [
        task(1, lead="Văn phòng"),
        task(2, lead="Đoàn thanh niên"),
        task(3, lead="Công an phường"),
        task(4, lead="Văn phòng", status=TaskStatus.DONE, done_on=date(2026, 11, 10)),
        task(5, lead="Công an phường", status=TaskStatus.CANCELLED, cancelled_on=date(2026, 11, 12)),
        task(6, lead=None),
        task(7, lead="Dân vận"),
    ]
    agenda = build_agenda(views, TODAY)
    # Vietnamese alphabet: d < đ; the tasks without a lead come last.
    expected = ["Công an phường", "Dân vận", "Đoàn thanh niên", "Văn phòng", NO_UNIT_LABEL]
    assert [u.name for u in agenda.units] == expected
    assert [[i.number for i in u.items] for u in agenda.units] == [[3], [7], [2], [1], [6]]
    assert agenda.open_count == 5


def test_within_a_unit_most_overdue_first_then_by_deadline_then_undated() -> None:
    views = [
        task(1, due_original=None),  # no deadline
        task(2, due_original=date(2026, 12, 10)),
        task(3, due_original=date(2026, 11, 18)),  # 2 days overdue on TODAY (20/11)
        task(4, due_original=date(2026, 11, 10)),  # 10 days overdue
        task(5, due_original=date(2026, 11, 25)),
        task(6, due_original=None, urgent=True),  # urgent before plain undated
    ]
    items = build_agenda(views, TODAY).units[0].items
    assert [i.number for i in items] == [4, 3, 5, 2, 6, 1]
    assert [i.days_overdue for i in items[:2]] == [10, 2]
    assert build_agenda(views, TODAY).overdue_count == 2


def test_an_extension_moves_the_deadline_the_agenda_judges_by() -> None:
    extended = task(1, due_original=date(2026, 11, 10), due_current=date(2026, 11, 30), extension_count=1)
    item = build_agenda([extended], TODAY).items[0]
    assert not item.overdue and item.due == date(2026, 11, 30)


def test_progress_extension_request_and_blocker_are_carried() -> None:
    views = [
        task(1, latest_note="đã khảo sát 3/5 tổ dân phố", pending_extension=date(2026, 12, 20)),
        # The latest note is the blocker itself: shown once, as the blocker.
        task(2, latest_note="chưa có kinh phí", blocked_note="chưa có kinh phí"),
        # Progress reported after the blocker: both are shown.
        task(3, latest_note="đã xin được kinh phí một phần", blocked_note="chưa có kinh phí"),
        task(4, meeting_title="Giao ban tháng 11"),
    ]
    agenda = build_agenda(views, TODAY)
    one, two, three, four = sorted(agenda.items, key=lambda i: i.number)
    assert (one.progress, one.extension_to, one.blocked) == ("đã khảo sát 3/5 tổ dân phố", date(2026, 12, 20), None)
    assert (two.progress, two.blocked) == (None, "chưa có kinh phí")
    assert (three.progress, three.blocked) == ("đã xin được kinh phí một phần", "chưa có kinh phí")
    assert four.meeting_title == "Giao ban tháng 11" and four.progress is None
    assert (agenda.extension_count, agenda.blocked_count) == (1, 2)


def test_nothing_open_is_an_empty_agenda() -> None:
    done = task(1, status=TaskStatus.DONE, done_on=date(2026, 11, 10))
    agenda = build_agenda([done], TODAY)
    assert agenda.units == () and agenda.open_count == 0


# ------------------------------------------------------------------------------ pack


def test_utf16_length_counts_emoji_as_two() -> None:
    assert utf16_len("ệ") == 1 and utf16_len("🚧") == 2 and utf16_len("a🚧b") == 4


def test_a_short_agenda_is_one_message_with_sections_separated() -> None:
    parts = pack("HEAD", [("A", ["a1", "a2"]), ("B", ["b1"]), ("C", [])], continued=CONT, section_continued=SEC)
    assert parts == ["HEAD\n\nA\na1\na2\n\nB\nb1"]


def test_long_agendas_split_between_blocks_and_repeat_the_heading() -> None:
    blocks = [f"#{n} " + "việc " * 12 + "\n   📝 tiến độ" for n in range(1, 31)]
    parts = pack(
        "Chương trình",
        [("Văn phòng", blocks[:20]), ("Công an", blocks[20:])],
        continued=CONT,
        section_continued=SEC,
        tail="Hết.",
        limit=400,
    )
    assert len(parts) > 3
    assert all(utf16_len(p) <= 400 for p in parts)
    joined = "\n".join(parts)
    for block in blocks:  # every block whole, exactly once
        assert joined.count(block) == 1
        assert sum(block in p for p in parts) == 1
    for part in parts[1:]:
        assert part.startswith(CONT)
    # A message that continues a unit's items says which unit they belong to.
    for part in parts[1:]:
        lines = part.split("\n")
        if lines[1] == "":  # a new unit starts here: its heading follows
            assert lines[2] in ("Văn phòng", "Công an")
            continue
        number = int(next(line for line in lines if line.startswith("#"))[1:].split()[0])
        assert lines[1] == ("Văn phòng" if number <= 20 else "Công an") + " (tiếp)"
    assert parts[-1].endswith("\n\nHết.")


def test_a_heading_is_never_left_alone_at_the_end_of_a_message() -> None:
    filler = ["x" * 80, "y" * 80]
    parts = pack("H" * 100, [("A", filler), ("B", ["b" * 80])], continued=CONT, section_continued=SEC, limit=290)
    for part in parts:
        assert not part.endswith("\nB") and not part.endswith("\nA")
    assert any(part.split("\n")[-2:] == ["B", "b" * 80] for part in parts)


@pytest.mark.parametrize("limit", [50, 97, 4096])
def test_a_block_longer_than_a_message_is_cut_rather_than_refused(limit: int) -> None:
    huge = "\n".join(["đoạn " * 20] * 3) + "🚧" * limit
    parts = pack("H", [("A", [huge])], continued=CONT, section_continued=SEC, limit=limit)
    assert all(utf16_len(p) <= limit for p in parts)
    text = "".join(parts)
    assert text.count("🚧") == limit  # nothing lost, no emoji cut in half
