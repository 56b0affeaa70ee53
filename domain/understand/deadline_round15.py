"""Deadline rules of the fifteenth round (branch deadp, eleventh issue-11 session), written from corpus P dev
(`v4p_dev`), corpus N dev and the shared copies (`dev_directives`): the kinds of misses `bench/README.md`
("Session 11 (branch deadp)") counts.

Each rule names the kind of sentence it serves and the dev sentences of its class, and reads a structure of the
text (how a list marks its items, how a word is written) rather than words of one sentence. A cheap exact test gates
each one. Tests with invented sentences of each class: `tests/domain/test_deadline_round15.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from domain.understand.deadline_round14 import _POINTS_BACK as POINTS_BACK  # (one list of pointers back)

# --- a sibling list item is no heading of the item after it (LABELLING §30.1, §31.13, §33.14) -------------------
# Kind of sentence: an item of a list ("- …", "+ …", "2. …", "a) …") with no time of its own, read with the items
# before it as its context, where an earlier item of the SAME list dates its own work or states its own rule: the
# chairman's weekly reception day before "- Trường hợp … không thể tiếp công dân theo lịch, Chủ tịch … uỷ quyền …"
# (P057-02, a cadence carried), "- Tháng tư hàng năm, … công dân … đến Ban CHQS …" before "- Ban chỉ huy quân sự cấp
# huyện đăng ký, lập lý lịch …" (N020-04), the monthly reception day before "- Ngoài ra, Chủ tịch … sẽ tiếp công dân
# đột xuất …" (N029-02, read right since round 14 by its "Ngoài ra"). An item marked like the text is its sibling,
# not its heading: it times its own work, and only a lead-in, a heading, or the same work times an item (§30.1,
# §31.13); an item that points back to its time ("- Trong thời gian trên, …") still takes it. Reading back from the
# text, the sibling items (with the unmarked sentences that continue them) are skipped until a segment that is no
# sibling: an item with another marker, or one with the same marker that ends
# with ":" (a lead-in written with its items' dash, "- Yêu cầu bắt buộc đối với người dân:", P059-01) — from there
# on every segment is read as before (a label time line above that lead-in still times its items, P059-01/02).
# `deadlines.deadline_in_context` already skips siblings (`_governing_parts`); `directive.parse_directive`, which
# /nhap and the batch reader use, read every segment back. Dev: P057-02 (P), N020-04, N029-02 (N): 3 sentences, 3
# documents, 2 corpora; no open dev record takes its gold deadline from a sibling item.
_ITEM = re.compile(r"(?:\d{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}[.)]|[-+*•–])(?:\s|$)")  # "$": a marker cut off its item
_ITEM_FIRST = frozenset("0123456789-+*•–abcdefghijklmnopqrstuvwxyzđIVX")


def _marker(segment: str) -> str | None:
    """The kind of list marker `segment` opens with: "digit", "roman", "letter", or the dash itself; None."""
    if segment[:1] not in _ITEM_FIRST:
        return None  # (the exact test first: most segments open with a capital letter that is no marker)
    m = _ITEM.match(segment)
    if m is None:
        return None
    first = segment[0]
    if first.isdigit():
        return "digit"
    if first in "IVX":  # (upper case: the letters of "a)" are lower case)
        return "roman"
    if first.isalpha():
        return "letter"
    return first


def heading_segments(text: str, folded_text: str, segments: Sequence[str]) -> Iterator[str]:
    """`segments` (a context's parts, outermost first) read back from the text (`folded_text` its fold), without the
    text's sibling items right before it (see above). A text that opens with no list marker, or that points back to
    the time of the lines before ("- Trong thời gian trên, …": §30.1 carries it), reads every segment."""
    mark = _marker(text.lstrip())
    if mark is None or any(w in folded_text for w in POINTS_BACK):
        yield from reversed(segments)
        return
    waiting: list[str] = []  # unmarked segments: a sibling's later sentences, or a heading's
    at = len(segments)
    while at > 0:
        at -= 1
        segment = segments[at]
        style = _marker(segment)
        if style is None:
            waiting.append(segment)
            continue
        if style == mark and not segment.rstrip().endswith(":"):
            waiting.clear()  # a sibling and its sentences
            continue
        yield from waiting
        yield from reversed(segments[: at + 1])
        return
    yield from waiting


# --- "trọng" is not the preposition "trong" (the fold collisions of round 8) -------------------------------------
# Kind of sentence: a period right after an adjective ending in "trọng" — "các sự kiện chính trị, kinh tế, văn hóa
# quan trọng năm 2026" (P011-02's context), "xử lý các vụ việc nghiêm trọng trước ngày 15/12", "các ngày lễ lớn và sự
# kiện lịch sử quan trọng trong năm 2023" (K023-01). The grammar reads folded text, where "trọng" (important,
# serious) is "trong" (within): the trigger words read backwards from the period take it for "trong", so a year
# that names the events becomes a `year` limit (P011-02: the sentence then took that year instead of the peak's
# window further up, §36.4). The class of round 8's `fold_misreads` ("kíp" → "kịp", "Tuấn" → "tuần"), which drops a
# candidate whole; here the misread word sits before a real trigger as often as not ("nghiêm trọng trước ngày …"),
# so the word is masked in the folded text and the sentence read again: the real triggers still count. Only a
# "trong" written otherwise inside a candidate's span is masked; "trọng tâm" outside every span (the giao ban
# heading "nhiệm vụ trọng tâm tháng 8:", read by its own pattern) is left alone. Dev: P011-02 (P); K023-01's own
# "trong" still reads as a limit (its label question, below the bar, is in bench/README.md).
_WITHIN = "trong"


def masked_misread_within(text: str, folded: str, spans: list[tuple[int, int]]) -> str | None:
    """`folded` with every "trong" inside one of `spans` that `text` (NFC, same length) writes otherwise ("trọng",
    "trông") masked as "tr0ng"; None when there is none (see above)."""
    spots: list[int] = []
    for start, end in spans:
        at = folded.find(_WITHIN, start, end)
        while at >= 0:
            stop = at + len(_WITHIN)
            bounded = (at == 0 or not folded[at - 1].isalnum()) and (stop >= len(folded) or not folded[stop].isalnum())
            if bounded and text[at:stop].lower() != _WITHIN:
                spots.append(at)
            at = folded.find(_WITHIN, stop, end)
    if not spots:
        return None
    for at in spots:
        folded = f"{folded[: at + 2]}0{folded[at + 3 :]}"
    return folded


# --- the day work resumes is not the deadline of what is done during the break (LABELLING §30.1, §30.3, §33.2) ---
# Kind of sentence: a task for the time of a break or closure ("… đảm bảo an toàn trong thời gian nghỉ ở nhà",
# O053-01; the items under "1. Trong thời gian nghỉ Lễ các Khoa, Phòng lưu ý …:", P023-01; "Trong thời gian học sinh
# ở nhà, nhà trường đề nghị gia đình …", CG15) whose lines before give the break and then the day work or school
# resumes: "… nghỉ học ngày 30/9 và đi học bình thường trở lại vào ngày mai 1/10", "Bắt đầu làm việc trở lại vào
# ngày thứ Tư (ngày 02/5/2018)", "Ngày mai … hoạt động dạy và học sẽ trở lại bình thường". The task points back to
# the break, which ends the day before work resumes; the return day is the first day after it, and being the latest
# day written it won the carry (P023-01 took 2/5 for the last day off, 1/5; O053-01 took 1/10 for the closure day
# 30/9). When the day a context line gives is one of resuming ("trở lại" before it in its clause), that clause is
# read without it: the break's own days further up are carried instead, or nothing when the line names none
# (O053-01's closure day is the page's day, which the grammar reads as the report's stamp: none, still a miss). No
# open dev record carries a day of resuming as its gold. Dev: P023-01 (P), O053-01 (O), CG15 (G, read `none` by the
# splitter, which this keeps): 3 documents, 3 corpora.
_RESUMES = "tro lai"
_CLAUSE_MARKS = ",;.:\n"


def without_resumption(segment: str, folded: str, span: tuple[int, int] | None) -> str | None:
    """`segment` (NFC; `folded` its fold, same length) without the words from "trở lại" to the end of the phrase at
    `span` when that phrase is the day work resumes (see above); None when it is not."""
    if span is None or _RESUMES not in folded:
        return None
    start = span[0]
    clause = max(folded.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    if start - clause > 80:
        clause = start - 80
    at = folded.find(_RESUMES, clause, start)
    if at < 0:
        return None
    return segment[:at] + segment[span[1] :]
