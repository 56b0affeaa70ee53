"""Deadline rules of the sixteenth round (branch deadq, twelfth issue-11 session), written from the deadline misses of
every open dev set with corpus Q's dev part newly open: the structural classes `bench/README.md` ("Session 12 (branch
deadq)") counts. Each rule reads what a word or a time phrase attaches to (how a word is written, which noun a clock
time follows), never words of one sentence; each class has >= 3 dev examples in >= 2 corpora. Tests with invented
sentences of each class: `tests/domain/test_deadline_round16.py`.
"""

from __future__ import annotations

import re
from datetime import date

from domain.calendar import lunar_to_solar

# --- the noun "ngày" (day) is not the adverb "ngay" (at once) -------------------------------------------------------
# Kind of sentence: a day named by a word rather than by figures, written with its accent — a lunar gloss after a solar
# day "(tức ngày mùng 4 tháng Giêng năm Bính Ngọ)" (O069's, O017's, N041's contexts; CK17, CJ09, CM06), a holiday
# named "nghỉ lễ ngày Chiến thắng 30/4 … và ngày Quốc tế lao động" (CQ07, CJ06), a dateline "Đăng ngày: 05-09-2018"
# (CB13), a blank form date "ngày ….. tháng 12" (CM04). The grammar reads folded text, where "ngày" is "ngay": when the
# words around it are not the ones `_is_day_word` knows (a figure, "mai", "hôm" …) it took the noun for §22's
# `immediate` — and an immediate outranks a day, so "thực hiện nghiêm túc thời gian nghỉ lễ ngày Chiến thắng" (CQ07,
# `none`) became "at once". The adverb is never written with the grave accent; a text written without accents stays
# ambiguous and keeps the old reading. The round-8 class of fold collisions ("kíp", "Tuấn", "trọng"), read here from
# the written word of the candidate. Dev: 14 such candidates in 13 texts of 7 corpora (B, J, K, M, N, O, Q).
_DAY_NOUN = "ngày"


def day_noun_read_as_at_once(text: str, start: int, end: int) -> bool:
    """Whether the `immediate` candidate at text[start:end] (NFC, the span the fold indexes) is the word "ngày"."""
    return text[start:end].lower() == _DAY_NOUN


# --- a daily clock time that names a noun's hours, not when the work is done (LABELLING §24, §38.4) -----------------
# Kind of sentence: advice to use less power "vào các khung giờ cao điểm 11h30-14h30 và 20-22h hàng ngày" (Q039-02),
# "trong khung giờ cao điểm (11-14h và 18-23h hàng ngày)" (Q040-01), "trong giờ cao điểm của hệ thống điện (khung giờ
# 11-14h và 18-23h hàng ngày)" (M011-03), "vào khung giờ cao điểm tiêu thụ điện: Từ 10h00 – 14h00 và từ 19h00 – 23h00
# hàng ngày" (L044-01). The hours with their daily cadence are the apposition of a noun (the peak hours, a bulletin),
# put after the noun that "vào / trong" introduces, in brackets or after a colon: a cadence of a noun, not of the task
# (§24; §38.4 tabulates them `none`). When the hours are the action's own, the preposition or a deadline word stands
# right before them — "báo cáo UBND quận, huyện vào 16h00 hàng ngày" (A027-02), "báo cáo … vào 8h sáng và 13h30 hàng
# ngày" (J010-04), "trước 16h30 hàng ngày" (A027-03), "tuần tra … trong khoảng thời gian từ 14 giờ đến 19 giờ hằng
# ngày" (D056-01): all stay `recurring`. So the reading walks back from the hours over the words of time and stops at
# the preposition: a word that is no time word between them is the noun the hours belong to. Dev: 4 texts of 4
# documents in 3 corpora (Q, L, M); the 4 recurring golds of the same "<hours> hằng ngày" shape keep their reading.
_HOUR_TOKEN = re.compile(r"[0-9hgp:.,'\-–—]*[0-9][0-9hgp:.,'\-–—]*|[-–—]")
_HOUR_WORDS = frozenset({"gio", "phut", "va", "tu", "den", "luc", "sang", "chieu", "toi", "trua", "dem"})
_TIME_WORDS = frozenset({"cac", "nhung", "khoang", "thoi", "gian", "gio", "buoi", "luc", "tu", "sang", "chieu", "toi"})
_OPENERS = frozenset({"vao", "trong"})
_STOPS = frozenset({"truoc", "han", "cham", "nhat", "den", "hang", "moi"})
_CLAUSE_ENDS = ".;!?\n"


def daily_hours_of_a_noun(f: str, start: int) -> bool:
    """Whether "hằng ngày" at f[start] (folded text) closes clock hours that are a noun's apposition (see above)."""
    window = f[max(0, start - 140) : start]
    cut = max(window.rfind(c) for c in _CLAUSE_ENDS)
    tokens = window[cut + 1 :].replace("(", " ( ").replace(":", " : ").split()
    at, digits = len(tokens), False
    while at > 0 and (_HOUR_TOKEN.fullmatch(tokens[at - 1]) or tokens[at - 1] in _HOUR_WORDS):
        at -= 1
        digits = digits or any(c.isdigit() for c in tokens[at])
    if not digits:
        return False  # no clock time right before the cadence: `_qualifies_a_noun` reads that case
    words = [t for t in tokens[:at] if t.isalnum()]
    between = 0  # words that are no time word, between the preposition and the hours
    for word in reversed(words[-12:]):
        if word in _OPENERS:
            return between > 0
        if word in _STOPS:
            return False
        if word not in _TIME_WORDS:
            between += 1
    return False


# --- a day of Tết written as a lunar day: "mùng 1 Tết", "mồng 5 tháng Giêng" (LABELLING §15, §23, §36.6) ---------
# Kind of sentence: a measure or an event set for a day of the lunar new year written by its lunar name — "từ 10h
# mùng 1 Tết Nguyên đán Bính Ngọ, CSGT … kiểm tra nồng độ cồn" (P014-01; §36.6 decides it a start day, `date`, and
# cites a record of corpus J labelled the same), "khai mạc vào sáng mùng 6 tháng Giêng". The grammar read no lunar
# day: the holiday's name after it was taken alone, as an occasion, and the sentence had no deadline. The lunar day
# is resolved in the lunar year the text names (a solar year, "Bính Ngọ 2026", or the can-chi name alone, "Tết Bính
# Ngọ": the year of that name nearest the document's date), else the next such day. A lunar day written as the gloss
# of a solar day — "đến hết ngày 20/02/2026 (tức mùng 4 tháng Giêng năm Bính Ngọ)", "nhằm ngày mồng 9 tháng Giêng" —
# is not read: the solar day before it already is (O069's, O017's, N041's contexts; CJ09, CK17, CM06, CQ01: 8 texts
# of 6 corpora, whose readings this leaves as they were). Dev: the form in 9 texts of 7 corpora; in one (P014-01) it
# is the sentence's own time — below the bar of a class, so a commit of its own the lead may drop.
_CAN = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
_CHI = ("ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi")  # Tý, Tỵ fold alike
_LUNAR_DAY = re.compile(
    r"(?:ngay\s+)?(?:mung|mong)\s+(?P<d>0?[1-9]|10)\s+"
    r"(?:tet(?:\s+(?:nguyen\s+dan|am\s+lich|co\s+truyen))?|thang\s+gieng(?:\s+am\s+lich)?)"
    rf"(?:\s+(?:nam\s+)?(?P<can>{'|'.join(_CAN)})\s+(?P<chi>{'|'.join(sorted(set(_CHI)))}))?"
    r"(?:\s+(?:nam\s+)?(?P<y>(?:19|20)[0-9]{2}))?\b"
)
_GLOSS_WORDS = ("tuc", "nham")


def _year_named(can: str, chi: str, today_year: int) -> int | None:
    """The solar year of the lunar new year named by can-chi, nearest `today_year` (within two years)."""
    for shift in (0, 1, -1, 2, -2):
        year = today_year + shift
        if _CAN[(year - 4) % 10] == can and _CHI[(year - 4) % 12] == chi:
            return year
    return None


def lunar_new_year_days(f: str, today: date) -> list[tuple[int, int, date | None, bool]]:
    """(start, end, solar day, year written) of every day of Tết written by its lunar name in `f` (folded text) that is
    no gloss of a solar day (see above); the solar day is None outside the years the lunar calendar covers."""
    if "mung" not in f and "mong" not in f:
        return []
    found = []
    for m in _LUNAR_DAY.finditer(f):
        if m.start() > 0 and f[m.start() - 1].isalnum():
            continue
        before, near = f[max(0, m.start() - 80) : m.start()], f[max(0, m.start() - 25) : m.start()]
        bracket = before.rfind("(")
        if (bracket >= 0 and ")" not in before[bracket:]) or any(f" {w} " in f" {near} " for w in _GLOSS_WORDS):
            continue  # a gloss of the solar day written before it (in brackets, or after "tức" / "nhằm")
        day = int(m["d"])
        year = int(m["y"]) if m["y"] else (_year_named(m["can"], m["chi"], today.year) if m["can"] else None)
        found.append((m.start(), m.end(), _solar(year, day, today), year is not None))
    return found


def _solar(year: int | None, day: int, today: date) -> date | None:
    try:
        if year is not None:
            return lunar_to_solar(year, 1, day)
        this = lunar_to_solar(today.year, 1, day)
        return this if this >= today else lunar_to_solar(today.year + 1, 1, day)
    except ValueError:
        return None
