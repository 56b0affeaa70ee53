"""Deadline rules of the tenth round (branch deadm, eighth issue-11 session; corpus M's first look).

Each rule names the kind of sentence it serves and the dev sentences of its class; the tests
(`tests/domain/test_deadline_round10.py`) use sentences written for them.
"""

from __future__ import annotations

# --- a day written in brackets after the name of the day it is -------------------------------------------
# Kind of sentence: the work is set "vào <a day named in words> (<its calendar day>)": "vào ngày điều tra đầu
# tiên (1-4-2019)" (M040-01, M), "vào thứ Tư (ngày 2.9.2020)" (CI05, I), "vào ngày mai (18.9)" (CG13, G), "sáng
# ngày mai (15/10)" (CI03, I). The bracketed day is the named day written out, so it is read as "vào ngày X" is
# (§15: the day of the work itself). Before, a day opening with "(" and closed by ")" was taken for a narrative
# stamp ("hôm qua (16-1), Bộ … đã có …") and dropped; a stamp has no "vào" before it, and its report words are
# still caught by the "vào" path's own report test (`_stamps_a_report`).
_DAY_NAMES = ("ngay", "thu ", "chu nhat", "sang ", "chieu ", "toi ")
_BREAKS = (",", ".", ";", ":", "(", ")", "!", "?")


def bracketed_named_day(f: str, at: int) -> bool:
    """Whether the day expression at f[at] (folded text) is written in brackets, "(1-4-2019)" or
    "(ngày 2.9.2020)", right after "vào" and the words naming that day, in the same clause."""
    if at < 6 or f[at - 1] != "(":
        return False
    before = f[max(0, at - 61) : at - 1]
    v = before.rfind("vao ")
    if v < 0 or (v > 0 and before[v - 1].isalnum()):
        return False
    named = before[v + 4 :]
    return not any(c in named for c in _BREAKS) and any(w in named for w in _DAY_NAMES)


# --- a cadence word outside the task's action -------------------------------------------------------------
# Kind of sentence: "hằng tuần / mọi năm / hằng năm" that qualifies something other than the action asked:
# (a) the weekly day of rest — "căn cứ vào ngày nghỉ hằng tuần để bố trí nghỉ bù" (CI05, I), "trùng vào thứ bảy
#     và chủ nhật là ngày nghỉ hằng tuần" (CM06's background line, M);
# (b) a comparison — "thu hoạch muộn hơn so với mọi năm" (M090-01, M): the years compared with;
# (c) what has been done each year, reported — "mặc dù vật nuôi hằng năm đã được tiêm phòng" (G089-01, G).
# None says how often the task is done (§24: a cadence that qualifies the action; "giao ban hàng tháng" as a
# name is the noun case `_qualifies_a_noun` already handles), so none is `recurring`. Three forms, four texts
# from four documents of three corpora; each form alone has one or two (a separate commit the lead may drop).
# Not here: daily hours ("khung giờ 11-14h và 18-23h hàng ngày") — M011-03 labels them `none`, L044-01 (the
# same power-saving advice) `recurring`: a guide question, not a rule.
_PAST_AFTER = (" da ", " deu da ", " van da ")


def cadence_not_of_task(f: str, start: int, end: int) -> bool:
    """Whether the cadence f[start:end] ("hang tuan", "moi nam"; folded text) names the weekly day off, is
    compared with ("so với mọi năm") or reports a past practice ("hằng năm đã được …")."""
    return f.endswith(("ngay nghi ", "so voi "), 0, start) or f.startswith(_PAST_AFTER, end)
