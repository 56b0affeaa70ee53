"""Deadline rules of the eighth round (branch deadl8, issue 11): written from the pooled dev sets (J, K and
the older ones), each a class of sentences with its dev ids in its comment and a test with sentences
written for it in tests/domain/test_deadline_round8.py. The grammar (deadline_grammar.py) calls them with
one hook line each; they read the folded text only (same length as the input, no diacritics).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.understand.deadline_scan import Candidate, Scan

# --- a day whose own clause reports what happened (a past predicate governs it) ------------------------------
# News and reports date the event or the letter that prompted a directive with a day that no deadline word
# governs, and the words right after the day say it is past — with no comma, which the stamp rules of the
# earlier rounds (deadline_grammar._stamps_a_report, "Ngày X, …" at a clause's start) need:
# - the reporting body then a report verb, the narrative's "Ngày X, <body> có công văn …" without its comma,
#   after an opening phrase: "Để đáp ứng yêu cầu …, ngày 25/6/2008 Thống đốc Ngân hàng Nhà nước có công văn
#   số … yêu cầu các tổ chức tín dụng …" (J061-01). The report words are those of _stamps_a_report;
# - with no body between, "đã / vừa (qua / rồi)" right after the day: "Được biết, trước đó vào ngày 07/7 đã
#   xảy ra vụ sập tượng …, Thứ trưởng … yêu cầu …" (K057-03), "Trước đó, vào lúc 13 giờ 46 phút ngày 24/4 vừa
#   qua tại đường ngang … đã xảy ra vụ tai nạn …" (CK30; read as next year's 24/4).
# Left one corpus out: written from J's sentence alone (a body of up to eight words, then a report word), the
# rule fixes both K sentences too (v4k 92 → 93, conclusions_v9 44 → 45 of found); the narrower form written
# from K alone (a past word right after the day) does not move J.
# Three dev sentences, three documents, two corpora (K: K057-03, CK30; J: J061-01). Only a day without a
# deadline word is read so ("hoàn thành trước ngày 15/4 đã được giao" keeps its deadline); a modal, a verb
# of ordering or "và" between the day and the report verb ends the search ("tổ chức ra quân ngày 15/4 và
# ban hành kế hoạch", "vào ngày 20/3 các xã phải báo cáo kết quả đã đạt" stay the work's day).
_STOP_WORDS = frozenset({
    "va", "hoac", "phai", "can", "se", "yeu", "nghi", "giao", "chi", "dao", "hoan", "xong", "truoc", "den",
    "toi", "de", "thi", "nham", "khi", "neu",
})  # fmt: skip
_SUBJECT_THEN_REPORT = re.compile(
    r"\s+((?:[a-z0-9&]+\s+){0,8}?)(?:da|vua|co\s+(?:van\s+ban|cong\s+van|cong\s+dien)|ban\s+hanh|cho\s+biet)\b"
)


def reported_day(f: str, end: int) -> bool:
    """Whether the day ending at f[end] is dated by a report its own clause makes (see above)."""
    m = _SUBJECT_THEN_REPORT.match(f, end)
    return m is not None and not _STOP_WORDS.intersection(m[1].split())


# The same reading for a period opening its clause, set off by a comma, whose clause reports: "Trong tháng 2,
# các xã đã tổ chức ra quân …", "Quý I, toàn huyện vừa hoàn thành …" (a report of what was done in the period,
# read as next February or the coming quarter). "Năm 2023, toàn huyện đã …" and "Đến tháng 12, phường đã …"
# were read so already (deadline_scan.reports_after, Scan.as_of); no dev sentence has the month or quarter
# form, so this is the class above (K057-03, CK30, J061-01) carried to periods, not a class of its own. The
# report word must follow the subject (at most four words after the comma) with no order before it: "Trong
# tháng 4, các xã phải rà soát …" and "Trong tháng 4, các xã rà soát lại các hộ đã thoát nghèo" (the "đã" of a
# relative clause) keep the period.
_PERIOD_REPORTED = re.compile(
    r"\s*,\s*(?:(?!(?:phai|can|se|yeu|nghi|giao|chi|tiep|hoan|xong)\b)[a-z0-9&]+\s+){0,4}?(?:da|vua)\b"
)


def reported_period(scan: Scan, start: int, end: int) -> bool:
    """Whether the period read at scan.f[start:end] (its trigger words included) opens its clause and is followed
    by a clause that reports (see above)."""
    return _PERIOD_REPORTED.match(scan.f, end) is not None and scan.at_clause_start(start)


# --- a day or a document number written with spaces around its separators -------------------------------------
# Typed and copied text puts spaces inside numbers: "trước ngày 20/4/ 2019" (F094-01: read without its year),
# "công văn số 2391/SGD&ĐT- GDTrH ngày 24/8/2012" (J036-01: the code cut at "- ", so the cited document's day
# became the deadline), and users type "10 / 5", "ngày 10 /5/2024", "số 12/KH - UBND ngày …". Rewriting the
# dev sentences that hold a day so (branch deadl6's robustness table) lost 79 of 139 readings. The spaced
# forms are read as the written-together ones: before the scan, the spaces around a "/" between digits, or
# around "/" and "-" inside a document code that starts with digits and "/", are moved to the end of the
# number ("20/4/ 2019" → "20/4/2019 "; same length, so every span still indexes the text), and the ends of the
# candidates that end there are moved back (spaced_ends). A "/" between words ("1 lần / tháng"), a range
# "10 - 15" and "5 - 7 ngày" are not touched; "1 / 2 số hộ" reads as "1/2 số hộ" does (no day without a
# trigger word). Dev: F094-01 (corpus F), J036-01 (corpus J); the rewritten dev sentences.
_SPACED_NUMBER = re.compile(
    r"[0-9]{1,5}(?:\s?/\s?(?:[0-9]{1,4}|[a-z][a-z0-9&]*)(?![\w&]))+(?:\s?-\s?[a-z][a-z0-9&]*(?![\w&]))*"
)
# (the gate of a code spaced at its dash, "12/kh - ubnd", "2391/sgd&dt- gdtrh": a literal "/" first, so the
# regex engine skips ahead to the few slashes of a text)
_SPACED_CODE = re.compile(r"/[a-z][a-z0-9&]*(?: -|- )")
_NUMBER_GLUED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_/.")


def spaced_numbers(folded: str) -> bool:
    """Whether a "/" of `folded` has a space next to it or opens a code spaced at its dash: the gate of
    squeeze_spaced_numbers, run on every text. Substring tests in C first (most texts have no "/", and most
    with one have neither " /", "/ " nor a dash next to a space); the regex (a literal "/" first, so the engine
    skips ahead to the slashes) only for the few texts left. The earlier form, a Python loop over the slashes
    with a regex match at each, cost about twice as much."""
    if "/" not in folded:
        return False
    if " /" in folded or "/ " in folded:
        return True
    return ("- " in folded or " -" in folded) and _SPACED_CODE.search(folded) is not None


def squeeze_spaced_numbers(folded: str) -> tuple[str, dict[int, int] | None]:
    """`folded` with the spaces inside its spaced days and document numbers moved after them (see above), and
    {end in the squeezed text: end in the text} for each number so moved (None when nothing was). Called only
    when spaced_numbers(folded) (deadline_grammar.scan)."""
    ends: dict[int, int] = {}

    def squeeze(m: re.Match[str]) -> str:
        written = m[0]
        if " " not in written or (m.start() > 0 and folded[m.start() - 1] in _NUMBER_GLUED):
            return written  # (no space in it, or the tail of a longer number or a word: "a12 / 5")
        tight = written.replace(" ", "")
        ends[m.start() + len(tight)] = m.end()
        return tight + " " * (len(written) - len(tight))

    squeezed = _SPACED_NUMBER.sub(squeeze, folded)
    return squeezed, ends or None


# --- a word that only folds to a trigger word is not it, where the text is written with its diacritics --------
# The grammar reads folded text, so words that differ only in their marks read alike. Some of these collisions
# were settled by the words around them (deadline_scan._province_before "tỉnh đến", deadline_grammar._evening_stamp
# "Tối 25/11", deadline_scan._electronic "điện tử" / "đầu tư"). Two cannot be settled so and are common in
# administrative text: "kíp" (a shift or a team: "kíp trực", "kíp mổ", "kíp nổ" a detonator) folds to "kịp" (in
# time for: an event anchor), and the given name "Tuấn" ("đồng chí Nguyễn Văn Tuấn tới dự") and "tuân" fold to
# "tuần" ("tuần tới": next week). Where the word is written with marks, its marks decide; written without any
# ("kip thoi gian", "tuan toi") it reads as before. The collision class of the fifth and seventh rounds (CH03,
# I031-01, G028-01, J095-01); no dev sentence holds "kíp" or "Tuấn tới" (the seventh round noted "bố trí kíp
# trực cấp cứu" read as relative), so the readings it changes are those of the test's written sentences.
# Session 11 (found by duty15's test sentences): "tục" ("liên tục thì", "thủ tục thì", "phong tục thì") folds to
# "tức", so "… tục thì …" read as "tức thì" (at once: `immediate`); "tức" written with its marks still is.
_OWN_SPELLING = {"kip": "kịp", "tuan": "tuần", "tuc": "tức"}


def fold_misreads(text: str, folded: str, found: list[Candidate]) -> list[Candidate]:
    """`found` (deadline_scan.Candidate) without the candidates whose phrase holds one of the words above written
    as another word (see above). `text` is the NFC text `folded` folds (same length)."""
    # (each candidate's own span is searched, not the whole text: a sentence has one or two candidates)
    kept = []
    for cand in found:
        misread = False
        for key in _OWN_SPELLING:
            at = folded.find(key, cand.start, cand.end)
            while at >= 0 and not misread:
                end = at + len(key)
                if (at == 0 or not folded[at - 1].isalnum()) and (end >= len(folded) or not folded[end].isalnum()):
                    written = text[at:end].lower()
                    misread = written != key and written != _OWN_SPELLING[key]
                at = folded.find(key, end, cand.end)
        if not misread:
            kept.append(cand)
    return kept if len(kept) < len(found) else found
