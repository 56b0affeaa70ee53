"""Deadline rules of the sixteenth round (branch deadq, twelfth issue-11 session), written from the deadline misses of
every open dev set with corpus Q's dev part newly open: the structural classes `bench/README.md` ("Session 12 (branch
deadq)") counts. Each rule reads what a word or a time phrase attaches to (how a word is written, which noun a clock
time follows), never words of one sentence; each class has >= 3 dev examples in >= 2 corpora. Tests with invented
sentences of each class: `tests/domain/test_deadline_round16.py`.
"""

from __future__ import annotations

import re

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
