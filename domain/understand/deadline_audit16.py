"""Deadline false triggers found by an audit of the grammar's time words (branch deadaudit, issue 11, session 12).

Method (bench/README.md, "Session 12 (branch deadaudit)"): every time word the grammar keys on was paired with the
accented words that fold to the same letters and with the compounds it is part of, from knowledge of Vietnamese,
not from labelled sentences; each pair was tried with invented sentences (misfire and true use side by side), with
raw administrative text (unlabelled public pages) and with every open dev text. Most pairs are already settled by the
words around them; the two classes below misfired. Tests: `tests/domain/test_deadline_audit16.py`.
"""

from __future__ import annotations

import re

# --- «hàng» closing a noun («ngân hàng», «mặt hàng», «khách hàng», «cửa hàng») before a named period -----------
# Kind of sentence: a bank's, a shop's, goods' or customers' period named right after the noun — "Hội nghị triển khai
# nhiệm vụ ngân hàng năm 2026" (a raw page of the audit), "kiểm soát giá các mặt hàng tháng Tết", "phục vụ khách
# hàng tuần này", "đơn hàng tháng 3". The folded "hang nam / hang thang / hang tuan" read as the cadence «hằng năm»
# (yearly) … and a recurring outranked the rest. A cadence names no particular period: «hằng năm» is never followed,
# on its line, by a year, «hằng tháng» by a month's number, either by "này" or "Tết" ("sau", "tới", "qua" are also
# "after", "to", "via": "gửi báo cáo hằng tuần tới UBND", "hằng tháng sau khi tổng hợp" stay cadences). So when the
# unit is so followed, the «hàng» is the last syllable of the noun before it and the period is read on its own.
# Structural (what follows the unit), so a text written without accents reads the same. Counts after a cadence —
# "hàng tháng 2 lần", "hằng tuần 1-2 lần", "hằng năm 2 đợt" — stay cadences; a figure on the next line is an item's
# number. No open dev text holds the shape (the one "hằng quý, 6 tháng" has a comma): it moves no dev record.
_NAMED_AFTER_UNIT = re.compile(  # (on the same line: a figure on the next line is an item's number)
    r"[ \t\u00a0]+(?:(?:nay|tet)\b|(?<=nam )(?:19|20)[0-9]{2}\b"
    r"|(?<=thang )(?:0?[1-9]|1[0-2])\b(?!\s*(?:[-–]\s*[0-9]+\s*)?(?:lan|dot|ky|buoi|cuoc|phien|dip|ca|ngay)\b))"
)


def hang_of_a_noun(f: str, start: int, end: int) -> bool:
    """Whether the cadence "hang <unit>" at f[start:end] (folded text) is a noun's «hàng» before a named period."""
    return f.startswith("hang", start) and _NAMED_AFTER_UNIT.match(f, end) is not None


# --- «tháng sáu» (June) is not «tháng sau» (next month) ----------------------------------------------------------
# Kind of sentence: a month named in words with the number six — "hoàn thành trong tháng sáu", "trước tháng Sáu năm
# 2026". «sáu» (six) and «sau» (after, next) fold alike, so the grammar read the sixth month as the next one. Where
# the word after «tháng» is written «sáu», it is the number: the folded text gets the figure "6" in its place (padded
# to the same length, so every span still indexes the text) and is read again. A lunar month ("tháng sáu âm lịch",
# "tháng sáu năm Bính Ngọ") is left as it was. "tháng sau" written so, and a text written without accents, read as
# before. No open dev text holds «tháng sáu»; it moves no dev record.
_MONTH_SIX = re.compile(r"\bthang\s+(sau)\b(?!\s+(?:am\s+lich|nam\s+(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\b))")


def month_six_masked(text: str, folded: str) -> str | None:
    """`folded` with every «sáu» after «tháng» that `text` (NFC, same length) writes with its accent turned to the
    figure "6"; None when there is none (see above)."""
    spots = [m.start(1) for m in _MONTH_SIX.finditer(folded) if text[m.start(1) : m.end(1)].lower() == "sáu"]
    if not spots:
        return None
    for at in spots:
        folded = f"{folded[:at]}6  {folded[at + 3 :]}"
    return folded


# --- «hạng» (a rank), «hãng» (a firm) are not «hàng / hằng» (every) ------------------------------------------------
# Kind of sentence: a ranking named by its period — "công bố xếp hạng tuần của các đơn vị", "các đơn vị được xếp hạng
# tháng trước", "kết quả chấm điểm, xếp hạng năm 2024" (two raw pages of the audit, on credit growth quotas) — or an
# exam to move up a rank, "thi thăng hạng năm nay". «hạng» folds to "hang", so "hang tuan / hang thang" read as the
# cadence «hằng tuần» and the ranking became a weekly task. The cadence is only ever written «hàng» or «hằng»: where
# the word is written with other marks, it is not the cadence (the round-8 class, read from the written word); a text
# written without accents ("xep hang thang") keeps the old reading. The second rule above already leaves "hạng năm 2024"
# (a year follows); this one covers the periods named by a relative word or by none. No open dev text holds it.
_CADENCE_SPELLINGS = frozenset({"hàng", "hằng", "hang"})
_HANG = re.compile(r"\bhang\b")


def cadence_of_another_word(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the recurring candidate at folded[start:end] reads its «hàng» from a word `text` (NFC, same length)
    writes otherwise («hạng», «hãng»)."""
    m = _HANG.search(folded, start, end)
    return m is not None and text[m.start() : m.end()].lower() not in _CADENCE_SPELLINGS
