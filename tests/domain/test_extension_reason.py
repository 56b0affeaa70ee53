"""The reason an extension request carries to the chair: what the assignee wrote after the asking
words (qa13: the chair read «Lý do: xin vì chờ phòng TN&MT xác nhận»)."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.progress import _due_and_reason

TODAY = date(2026, 12, 8)


class _Task:
    number = 4
    due_current = date(2026, 12, 11)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("xin đến 18/12 vì chờ phòng TN&MT xác nhận", "chờ phòng TN&MT xác nhận"),
        ("Xin gia hạn đến 18/12 do chờ số liệu của các xã", "chờ số liệu của các xã"),
        ("đề nghị gia hạn đến ngày 30/12, lý do: chờ kinh phí", "chờ kinh phí"),
        ("de nghi cho gia han den 30/12 ly do cho kinh phi", "cho kinh phi"),
        ("xin lùi hạn đến 18/12. Lý do: máy chủ hỏng", "máy chủ hỏng"),
        ("18/12 chờ số liệu", "chờ số liệu"),
        ("18/12 xin ý kiến Sở trước khi trình", "xin ý kiến Sở trước khi trình"),
        ("đến 18/12 vì xin ý kiến Sở", "xin ý kiến Sở"),
        ("xin đến 18/12", None),
        ("xin gia hạn đến 18/12", None),
    ],
)
def test_reason_without_the_asking_words(answer: str, reason: str | None) -> None:
    due, got, _ = _due_and_reason(answer, TODAY, _Task())  # type: ignore[arg-type]
    assert due in (date(2026, 12, 18), date(2026, 12, 30))
    assert got == reason


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        # qa18: the card says «Lý do:»; «Lý do: vì chờ …» read "because" twice.
        ("18/12 Vì còn chờ kết quả thẩm định", "còn chờ kết quả thẩm định"),
        ("xin đến 18/12, lý do: vì chờ Sở Xây dựng trả lời", "chờ Sở Xây dựng trả lời"),
        ("đến 18/12 bởi vì máy chủ của phường bị hỏng", "máy chủ của phường bị hỏng"),
        ("đến 18/12 tại vì cán bộ phụ trách nghỉ ốm", "cán bộ phụ trách nghỉ ốm"),
        ("đề nghị gia hạn đến 18/12 là do thiếu người", "thiếu người"),
        ("xin den 18/12 vi cho so lieu cac to dan pho", "cho so lieu cac to dan pho"),
        # Not the word "because": kept as written («đổ», «đó» fold to «do»; «vị trí» to «vi»).
        ("18/12 đổ bê tông mặt đường chưa xong", "đổ bê tông mặt đường chưa xong"),
        ("18/12 đó là việc của hai phòng", "đó là việc của hai phòng"),
        ("18/12 vị trí đặt trạm chưa chốt", "vị trí đặt trạm chưa chốt"),
    ],
)
def test_reason_without_the_word_because(answer: str, reason: str) -> None:
    due, got, _ = _due_and_reason(answer, TODAY, _Task())  # type: ignore[arg-type]
    assert due == date(2026, 12, 18)
    assert got == reason
