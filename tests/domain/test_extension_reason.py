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
        ("xin đến 18/12 vì chờ phòng TN&MT xác nhận", "vì chờ phòng TN&MT xác nhận"),
        ("Xin gia hạn đến 18/12 do chờ số liệu của các xã", "do chờ số liệu của các xã"),
        ("đề nghị gia hạn đến ngày 30/12, lý do: chờ kinh phí", "chờ kinh phí"),
        ("de nghi cho gia han den 30/12 ly do cho kinh phi", "cho kinh phi"),
        ("xin lùi hạn đến 18/12. Lý do: máy chủ hỏng", "máy chủ hỏng"),
        ("18/12 chờ số liệu", "chờ số liệu"),
        ("18/12 xin ý kiến Sở trước khi trình", "xin ý kiến Sở trước khi trình"),
        ("đến 18/12 vì xin ý kiến Sở", "vì xin ý kiến Sở"),
        ("xin đến 18/12", None),
        ("xin gia hạn đến 18/12", None),
    ],
)
def test_reason_without_the_asking_words(answer: str, reason: str | None) -> None:
    due, got, _ = _due_and_reason(answer, TODAY, _Task())  # type: ignore[arg-type]
    assert due in (date(2026, 12, 18), date(2026, 12, 30))
    assert got == reason
