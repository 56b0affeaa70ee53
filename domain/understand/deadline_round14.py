"""Deadline rules of the fourteenth round (branch deado, tenth issue-11 session), written from corpus O dev
(`v4o_dev`, `conclusions_v13/dev`): the kinds of misses `bench/README.md` ("Session 10 (branch deado)") counts.

Each rule names the kind of sentence it serves, the dev sentences of its class, and reads a structure of the
sentence (where a condition stands, what a discourse connective says of the sentence before, a label line of a
notice) rather than words of one sentence. Cheap substring tests gate every regular expression. Tests with
invented sentences of each class: `tests/domain/test_deadline_round14.py`.
"""

from __future__ import annotations

import re

# --- "ngay" that answers a condition is no deadline (LABELLING §22, §31.6) ------------------------------------
# Kind of sentence: a response set for when something happens, written (a) as a sentence that OPENS with its
# condition — "Khi phát hiện có thiếu sót …, các tổ sẽ kiến nghị chấn chỉnh ngay" (O056-02), "- Trong trường hợp
# phát hiện trẻ có dấu hiệu bất thường: Sốt cao …, phụ huynh cần đưa ngay trẻ đến cơ sở y tế" (CO06 item 3), "Nếu
# có sự cố, báo ngay …" — where the older markers, reading 80 characters back and stopping at a colon, lose the
# condition of a long or listed clause; or (b) with the condition after the verb, "khi có <tin>": "Nhà trường sẽ
# thông tin ngay tới các phụ huynh khi có lịch đi học trở lại" (O053-02). Nothing says when the one task is done:
# the day the condition comes is unknown (`none`). Not "ngay khi có …" (an anchor, read earlier as `relative`),
# nor "bãi bỏ ngay việc … khi giải quyết công việc" (a "khi" that is no event to wait for, L063-02: immediate),
# nor a condition in an earlier clause cut off by ";" (its own clause only).
_CONDITION_OPENERS = ("khi ", "neu ", "trong truong hop ", "truong hop ")
_LIST_MARK = " -–+*•.)/0123456789\t\n"
_WHEN_THERE_IS_AFTER = re.compile(r"(?:\s+[^\s,;.:]+){1,6}?\s+khi\s+co\b")


def conditional_response(f: str, start: int, end: int) -> bool:
    """Does the "ngay" at f[start:end] (folded text) answer a condition (see above)?"""
    if " khi co " in f[end : end + 70] and _WHEN_THERE_IS_AFTER.match(f, end):
        return True
    stop = f.rfind(". ", 0, start)
    opened = max(stop + 2 if stop >= 0 else 0, f.rfind("\n", 0, start) + 1)
    head = f[opened:start].lstrip(_LIST_MARK)
    if not head.startswith(_CONDITION_OPENERS) or ";" in head:
        return False
    return "," in head or ":" in head  # the condition's clause closed before "ngay": "ngay" is in the answer


# --- a day of the sentence before is not carried to a sentence that marks itself as another task --------------
# Kind of sentence: a directive with no time of its own whose prose context (the sentence before, not a lead-in
# ending with ":") dates something else, and which says by its own opening that it is ANOTHER task or an ONGOING
# one: an additive connective at its head ("Ngoài ra, Chủ tịch … sẽ tiếp công dân đột xuất …" after the monthly
# reception day, N029-02; "Đồng thời, kêu gọi mọi tầng lớp nhân dân …" after a campaign's span, D083-01), an
# added order of the same speaker ("Sở GD&ĐT cũng yêu cầu lãnh đạo các cơ sở giáo dục chủ động theo dõi …" after
# the school's gathering day, O054-02), or a standing work continued ("UBND các huyện … tiếp tục theo dõi chặt
# chẽ các bản tin …" after another letter's report hour, O028-02; "… kêu gọi … tiếp tục duy trì và lan tỏa phong
# trào …" after the cleaning days already held, O061-02). LABELLING §30.1 carries a day of the sentence before
# only to the task that is that measure or event, announces it, or points back to its time; a task that says it
# is another one, or that goes on, is none of these (§25: a past day only recalled). A sentence that still points
# back ("trong thời gian trên", "thông báo …") keeps the day (the caller's §30.1 test runs after this one).
_ANOTHER_OPENERS = ("ngoai ra", "ben canh do", "dong thoi,", "dong thoi ")
_ADDED_ORDER = re.compile(r"\bcung (?:da )?(?:yeu cau|de nghi|giao|chi dao|luu y)\b")
_ONGOING = re.compile(r"\btiep tuc (?:theo doi|duy tri)\b")
_POINTS_BACK = ("thoi gian tren", "thoi gian noi tren", "thoi gian neu tren", "thoi gian nay", "thoi gian do",
                "thoi diem tren", "ngay tren")  # fmt: skip
_ANNOUNCES = ("thong bao", "pho bien", "trien khai den")


def another_task(text: str, folded_text: str, source: str) -> bool:
    """Whether a directive `text` (NFC; `folded_text` its fold, same length) marks itself as another or an ongoing
    task, so that a day read in `source`, its prose context, is not its deadline (see above). An ongoing work
    ("tiếp tục theo dõi … để thông báo …") is never due on a day of the sentence before; another task that
    announces ("Đồng thời, thông báo …") still takes it (§30.1)."""
    if source.rstrip().endswith(":") or any(w in folded_text for w in _POINTS_BACK):
        return False  # a lead-in scopes the items under it (§17, §31.13); a pointer back takes its time
    if "tiep tuc" in folded_text and _ONGOING.search(folded_text) is not None:
        return True
    if folded_text.lstrip(_LIST_MARK).startswith(_ANOTHER_OPENERS):
        return not any(w in folded_text for w in _ANNOUNCES)
    if " cung " in folded_text:
        added = _ADDED_ORDER.search(folded_text)  # "cũng", not "cùng" ("phối hợp cùng giáo viên"): one fold
        if added is not None and text[added.start() : added.start() + 4].lower() == "cũng":
            return not any(w in folded_text for w in _ANNOUNCES)
    return False


# --- a bare "trong năm" that qualifies the noun before it is no deadline (LABELLING §24 last case, §25) ----------
# Kind of sentence: "trong năm" with no year and no "nay" closing a noun phrase of a count or a rate — "để đảm bảo
# tổng số ngày làm việc trong năm" (O068-03's context, read by `parse_directive` as the task's year), "tiếp công
# dân … vào tất cả các ngày làm việc trong năm" (N028-01), "đảm bảo tiến độ, tỷ lệ giải ngân vốn đầu tư công trong
# năm" (B116-02): the year is the noun's (the days of the year, the year's disbursement), as "báo cáo tháng" is
# the report's, not a limit of the task. Every bare "trong năm" of the open corpora is of this kind; it sets a
# limit only with a word that asks the work done within it ("hoàn thành … trong năm", "phấn đấu … đạt … trong
# năm"), which the clause before must hold. Dev: O068-03 (O), N028-01 (N), B116-02 (B): 3 documents, 3 corpora.
_WITHIN_YEAR_ASKS = ("hoan thanh", "hoan tat", "xong", "dut diem", "phan dau", "dat ")


def year_of_a_noun(tail_words: tuple[str, ...] | list[str], clause_before: str) -> bool:
    """Whether a bare "trong năm" (its tail's trigger words `tail_words`, the folded clause before it) names the
    year of the noun before it rather than a limit of the task (see above)."""
    return tuple(tail_words) == ("trong",) and not any(w in clause_before for w in _WITHIN_YEAR_ASKS)
