"""Pure pieces of the core loop: folding, permissions, argument parsing, assembling assignees."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.assign import Mention, arrange
from domain.calendar import add_working_days, is_working_day, lunar_new_year, working_days_between
from domain.commands import keyword, split_unit_definition, task_ref
from domain.permissions import Action, Role, allowed
from domain.types import AssigneeRef, Assignees, TaskState, TaskStatus, task_state
from domain.understand.textnorm import fold


def test_fold_strips_diacritics_and_keeps_length() -> None:
    text = "Xong TRƯỚC ngày 15/12 — Đoàn TN, Hội LHPN"
    assert fold(text) == "xong truoc ngay 15/12 — doan tn, hoi lhpn"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("action", "role", "assignee", "ok"),
    [
        (Action.LOG, Role.CHAIR, False, True),
        (Action.LOG, Role.SECRETARY, False, True),
        (Action.LOG, Role.MEMBER, False, False),
        (Action.LOG, Role.MEMBER, True, False),
        (Action.CANCEL, Role.SECRETARY, False, False),
        (Action.APPROVE, Role.SECRETARY, True, False),
        (Action.CLOSE, Role.MEMBER, True, True),
        (Action.CLOSE, Role.MEMBER, False, False),
        (Action.CLOSE, Role.SECRETARY, False, False),
        (Action.CLOSE, Role.CHAIR, False, True),
        (Action.MANAGE, Role.SECRETARY, False, False),
    ],
)
def test_permission_table(action: Action, role: Role, assignee: bool, ok: bool) -> None:
    assert allowed(action, role, is_assignee=assignee) is ok


def test_task_ref_and_keywords() -> None:
    assert task_ref("#12 đã gửi báo cáo") == task_ref("12 đã gửi báo cáo")
    ref = task_ref("12 đã gửi báo cáo")
    assert ref is not None and ref.number == 12 and ref.rest == "đã gửi báo cáo"
    assert task_ref("mười hai") is None
    assert task_ref("12abc") is None
    assert keyword("hạn 20/12", "han") == ("han", "20/12")
    assert keyword("HAN: 20/12", "han") == ("han", "20/12")
    assert keyword("hanh chinh", "han") is None
    assert split_unit_definition("Văn phòng HĐND&UBND = VP, Văn phòng") == (
        "Văn phòng HĐND&UBND",
        ["VP", "Văn phòng"],
    )


def _unit(text: str, start: int) -> AssigneeRef:
    return AssigneeRef(text, "1", (start, start + len(text)))


def test_arrange_mentions_after_phoi_hop_coordinate() -> None:
    text = "@an chủ trì, phối hợp @binh rà soát"
    result = arrange(text, Assignees(), [Mention(0, 3, "1", "@an"), Mention(22, 27, "2", "@binh")])
    assert [a.text for a in result.lead] == ["@an"]
    assert [a.text for a in result.support] == ["@binh"]


def test_arrange_first_named_leads_over_units_and_people() -> None:
    text = "Văn phòng phối hợp @lan rà soát"
    parsed = Assignees(lead=(_unit("Văn phòng", 0),))
    result = arrange(text, parsed, [Mention(19, 23, "9", "@lan")])
    assert [a.text for a in result.lead] == ["Văn phòng"]
    assert [a.text for a in result.support] == ["@lan"]


def test_arrange_without_diacritics_and_extra_leads_become_coordinators() -> None:
    text = "@an, @binh lam bao cao, phoi hop @chi"
    mentions = [Mention(0, 3, "1", "@an"), Mention(5, 10, "2", "@binh"), Mention(33, 37, "3", "@chi")]
    result = arrange(text, Assignees(), mentions)
    assert [a.text for a in result.lead] == ["@an"]
    assert [a.text for a in result.support] == ["@binh", "@chi"]


def test_working_days_skip_weekends_and_holidays() -> None:
    # 30/4 and 1/5/2027 are holidays (Friday, Saturday); 3/5 is the substituted day off.
    assert not is_working_day(date(2027, 4, 30))
    assert add_working_days(date(2027, 4, 29), 1) == date(2027, 5, 4)
    assert working_days_between(date(2027, 4, 29), date(2027, 5, 4)) == 1
    assert lunar_new_year(2027) == date(2027, 2, 6)


def _walk_working_days(start: date, n: int) -> date:
    """add_working_days as it was written first: a day at a time."""
    step = 1 if n >= 0 else -1
    day, remaining = start, abs(n)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def test_add_working_days_answers_as_the_day_by_day_walk() -> None:
    # (branch speed11) add_working_days bisects each year's list of working days: every start of
    # 2019-2027 (Tết, substituted days off, year ends crossed both ways) and counts up to a year.
    start = date(2019, 1, 1)
    for k in range(0, 9 * 365, 3):
        day = start + timedelta(days=k)
        for n in (0, 1, -1, 2, -2, 5, -5, 10, 15, -15, 30, 260, -260):
            assert add_working_days(day, n) == _walk_working_days(day, n), (day, n)


def test_lateness_is_measured_against_the_original_deadline() -> None:
    today = date(2026, 12, 20)
    late = task_state(TaskStatus.DONE, date(2026, 12, 10), date(2026, 12, 30), date(2026, 12, 15), today)
    assert late is TaskState.DONE_LATE
    on_time = task_state(TaskStatus.DONE, date(2026, 12, 10), date(2026, 12, 10), date(2026, 12, 10), today)
    assert on_time is TaskState.DONE_ON_TIME
    assert task_state(TaskStatus.OPEN, None, date(2026, 12, 19), None, today) is TaskState.OPEN_OVERDUE
    assert task_state(TaskStatus.OPEN, None, None, None, today) is TaskState.OPEN_ON_TIME


def test_settings_values() -> None:
    from domain.committee_settings import (
        SettingError,
        parse_offsets,
        parse_quiet_hours,
        parse_time,
        parse_weekday,
    )

    assert [parse_time(t) for t in ("8", "8h", "8:30", "08.30", "8h30")] == [
        "08:00",
        "08:00",
        "08:30",
        "08:30",
        "08:30",
    ]
    assert parse_offsets("3, 1,0") == [3, 1, 0]
    assert parse_weekday("Thứ Hai") == parse_weekday("thu2") == 0
    assert parse_weekday("chủ nhật") == 6
    assert parse_quiet_hours("20h đến 7h") == ("20:00", "07:00")
    for bad in ("25:00", "8:61", "sáng"):
        with pytest.raises(SettingError):
            parse_time(bad)
    with pytest.raises(SettingError):
        parse_offsets("3,-1")


def test_arrange_a_tagged_person_takes_the_place_of_the_name_the_parser_read() -> None:
    text = "Giao Bình Lê chủ trì, phối hợp Văn phòng rà soát"
    parsed = Assignees(lead=(AssigneeRef("Bình Lê", None, (5, 12)),), support=(_unit("Văn phòng", 31),))
    result = arrange(text, parsed, [Mention(5, 12, "7", "Bình Lê")])
    assert [(a.text, a.unit_key) for a in result.lead] == [("Bình Lê", "person:7")]
    assert [a.text for a in result.support] == ["Văn phòng"]


def test_a_keyword_of_two_words_is_matched_whole_with_or_without_diacritics() -> None:
    # qa4: «/ds quá hạn» was read as a unit named «quá hạn»; «/sua 3 nội dung …» kept «nội dung» in the text.
    assert keyword("quá hạn", "quahan", "quá hạn") == ("quá hạn", "")
    assert keyword("Qua  Han", "quahan", "quá hạn") == ("quá hạn", "")
    assert keyword("nội dung rà soát hồ sơ", "noidung", "nội dung", "nd") == ("nội dung", "rà soát hồ sơ")
    assert keyword("noi dung: rà soát", "noidung", "nội dung") == ("nội dung", "rà soát")
    assert keyword("quá trình rà soát", "quá hạn") is None
    assert keyword("quá", "quá hạn") is None
    assert keyword("han 20/12", "han", "hạn") == ("han", "20/12")
