"""Gregorian month names written in words: «trong tháng Tư», «cuối tháng Bảy», «trước 15 tháng Tám» (branch
monthwords, issue 11, session 12).

Kind of sentence: a deadline whose month is named by its number word rather than a figure — "hoàn thành trong tháng
tư", "báo cáo trước 15 tháng Tám", "tổng kết vào cuối tháng Mười Hai". The grammar reads «tháng» + a figure; a word
left it to read «tháng» alone (the current month) or nothing. Where the word after «tháng» is a month's number word
written with its own marks, the folded text gets the figure in its place (padded to the same length, so every span
still indexes the text) and is read again: the grammar's month reading is used unchanged, only where it already
expects a month's number. Deadaudit's «tháng sáu» (deadline_audit16) is left to its own hook.

Not a month, left as it was (each guard has its tests in tests/domain/test_deadline_month_words16.py):
- a count: «mỗi tháng hai lần», «tháng ba đợt» (a count noun follows);
- a date field: «ngày tháng năm sinh», «ngày … tháng … năm 2026» (a template's blanks);
- a named event: «Cách mạng tháng Tám», «Khởi nghĩa tháng Tám» (no deadline in a name);
- a lunar month: «tháng Giêng», «tháng Chạp» are never mapped (LABELLING §29: a lunar month is due the last solar day
  of that lunar month, which the grammar does not compute — mapping them to 1 / 12 would be a wrong solar reading);
  a number word before «âm lịch» or a can-chi year, after «rằm», or inside a «(tức …)» gloss is lunar too;
- a determiner or compound: «trong tháng một số đơn vị …», «tháng tư vấn»: the ambiguous words (một, hai, ba, tư,
  năm) are read as a month only when capitalised («tháng Tư») or when the clause closes after them («trong tháng
  tư.», «tháng tư năm 2026», «tháng tư hàng năm» — the last one then reads as yearly, as «tháng 4 hàng năm» does).
A text written without accents reads as before: the written word must carry the number word's own marks (only «hai»
and «ba» have none, and they pass the same guards).
"""

from __future__ import annotations

import re

from domain.understand.deadline_scan import Candidate

# The number words as written (lower case, one space inside), and the figure each stands for.
_WRITTEN = {
    "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "bảy": "7", "bẩy": "7",
    "tám": "8", "chín": "9", "mười": "10", "mười một": "11", "mười hai": "12",
}
# Words that are also a determiner or the head of a compound: a month only when capitalised or closing the clause.
_AMBIGUOUS = frozenset({"một", "hai", "ba", "tư", "năm"})

# «tháng» + a number word on the same line (folded text; longest words first so «muoi mot» wins over «muoi»).
_MONTH_WORD = re.compile(
    r"\bthang[ \t\u00a0]+(muoi[ \t\u00a0]+mot|muoi[ \t\u00a0]+hai|muoi|mot|hai|ba|tu|bon|nam|bay|tam|chin)\b"
)
# What closes the clause after the month: end of line, a punctuation mark, a year, «năm nay», «hàng / hằng năm».
_CLOSES = re.compile(r"[ \t\u00a0]*(?:$|[.,;:!?)\]\n]|nam[ \t\u00a0]+(?:[0-9]{4}|nay)\b|hang[ \t\u00a0]+nam\b)", re.M)
# A count after the month word: «mỗi tháng hai lần», «tháng ba đợt», «tháng mười hai buổi»; or a length of time,
# «sau một tháng mười ngày», «một tháng mười lăm ngày» (the number counts the days, not the month).
_COUNT_AFTER = re.compile(r"[ \t\u00a0]+(?:lan|dot|buoi|ky|cuoc|phien|luot|ngay|tuan|lam)\b")
# A lunar month: «âm lịch» or a can-chi year after it.
_LUNAR_AFTER = re.compile(
    r"[ \t\u00a0]+(?:am[ \t\u00a0]+lich|(?:nam[ \t\u00a0]+)?(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)"
    r"[ \t\u00a0]+(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)\b)"
)
# Before «tháng»: a named event, a date field's «ngày», a lunar «rằm».
_BEFORE = re.compile(r"(?:cach[ \t\u00a0]+mang|khoi[ \t\u00a0]+nghia|ngay|ram)[ \t\u00a0]+$")
_GLOSS = re.compile(r"\(\s*tuc\b[^()]*$")  # inside an open «(tức …» gloss


def _is_month(text: str, folded: str, m: re.Match[str]) -> bool:
    start, end = m.start(1), m.end(1)
    written = " ".join(text[start:end].split())
    word = written.lower()
    if word not in _WRITTEN:  # written without its marks (or otherwise): not read
        return False
    if _COUNT_AFTER.match(folded, end) or _LUNAR_AFTER.match(folded, end):
        return False
    line_start = folded.rfind("\n", 0, m.start()) + 1
    if _BEFORE.search(folded, max(line_start, m.start() - 14), m.start()):
        return False
    if _GLOSS.search(folded, line_start, m.start()):
        return False
    if word == "năm" and re.match(r"[ \t\u00a0]+(?:sinh|[0-9])", folded[end:]):  # «tháng năm sinh», a blank field
        return False
    if word.split()[-1] in _AMBIGUOUS and not written[0].isupper():
        return _CLOSES.match(folded, end) is not None
    return True


def month_words_masked(text: str, folded: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`folded` with every month number word after «tháng» that `text` (NFC, same length) writes as a Gregorian
    month turned into its figure (padded with spaces), and the spans of the words; None when there is none."""
    spots = [(m.start(1), m.end(1)) for m in _MONTH_WORD.finditer(folded) if _is_month(text, folded, m)]
    if not spots:
        return None
    for start, end in reversed(spots):
        figure = _WRITTEN[" ".join(text[start:end].split()).lower()]
        folded = folded[:start] + figure.ljust(end - start) + folded[end:]
    return folded, spots


def widened(found: list[Candidate], spots: list[tuple[int, int]]) -> list[Candidate]:
    """`found` with each phrase that ends inside a masked word ending where the word does: the user sees
    «trong tháng Tư», not «trong tháng T» (the figure is shorter than the word it stands for)."""
    out = []
    for c in found:
        for start, end in spots:
            if start < c.end < end:
                c = c._replace(end=end)
        out.append(c)
    return out
