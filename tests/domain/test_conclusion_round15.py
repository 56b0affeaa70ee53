"""Whole-conclusion rules of session 11 (branch conclp): the notice time line's scope (conclusion_round14),
the one §8 d rule for the public under a body's lead-in (lead_public_campaign), the letter's address block and
the kinds of conclusions_v14 dev (conclusion_round15). Invented texts of each class, and what must stay."""

from datetime import date

from domain.types import DeadlineKind
from domain.understand.conclusion import split_conclusion

TODAY = date(2026, 8, 20)


def _directives(text: str, today: date = TODAY) -> list:
    return list(split_conclusion(text, today).directives)


def _one(text: str, start: str) -> object:
    found = [d for d in _directives(text) if start in d.text]
    assert len(found) == 1, f"no single directive with {start!r}: {[d.text for d in _directives(text)]}"
    return found[0]


def _leads(text: str, start: str) -> list[str]:
    return [a.text for a in _one(text, start).assignees.lead]  # type: ignore[attr-defined]


# --- (a) a notice's time line times the list it stands in or heads, not the whole text --------------------------
_TWO_SECTIONS = """I. Trang trí chào mừng Đại hội
UBND phường Hòa Bình thông báo việc trang trí chào mừng Đại hội Đoàn phường như sau:
Thời gian trang trí khánh tiết: Từ ngày 01/9/2026 đến hết ngày 05/9/2026.
1. Đài truyền thanh phường phát nội dung thông báo này để cán bộ và nhân dân biết, thực hiện.
2. Các khu phố, trường học, doanh nghiệp trên địa bàn phường treo băng rôn, khẩu hiệu tại trụ sở.
II. Công tác khác
Phòng Văn hóa phường rà soát các biển quảng cáo sai quy định trên các tuyến phố chính.
Các khu phố hoàn thiện hồ sơ khu phố văn hóa, gửi UBND phường."""


def test_the_time_line_times_the_list_it_heads() -> None:
    hang = _one(_TWO_SECTIONS, "Các khu phố, trường học")
    radio = _one(_TWO_SECTIONS, "Đài truyền thanh")
    assert (hang.deadline.kind, hang.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 5))
    assert (radio.deadline.kind, radio.deadline.due) == (DeadlineKind.DATE, date(2026, 9, 1))


def test_an_item_of_another_section_is_not_timed_by_the_line() -> None:
    # the decorating window says nothing of the billboards or the cultural files (session 10 dated both 5/9)
    for start in ("Phòng Văn hóa phường", "hoàn thiện hồ sơ"):
        assert _one(_TWO_SECTIONS, start).deadline.kind is DeadlineKind.NONE, start


def test_a_closing_request_after_the_list_is_not_timed_by_the_line() -> None:
    text = """UBND xã Tân Lập thông báo đến các cơ quan, đơn vị và nhân dân cụ thể như sau:
1/ Các cơ quan, trường học, các thôn tổ chức tổng vệ sinh môi trường tại trụ sở, nhà văn hóa.
2/ Thời gian ra quân tổng vệ sinh: Từ ngày 25/8/2026 đến hết ngày 27/8/2026.
Đề nghị Hội Nông dân xã xây dựng mô hình phân loại rác tại nguồn ở hai thôn."""
    clean = _one(text, "Các cơ quan, trường học")
    assert (clean.deadline.kind, clean.deadline.due) == (DeadlineKind.DATE, date(2026, 8, 27))
    assert _one(text, "Hội Nông dân").deadline.kind is DeadlineKind.NONE
