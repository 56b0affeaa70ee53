"""A conclusion's title that goes on over the next line(s) (qafix13).

A .docx keeps each paragraph of a heading as a line: "Kết luận của đồng chí Phó Chủ tịch UBND huyện tại cuộc
họp" / "Ban Chỉ đạo Chuyển đổi số huyện tháng 12 năm 2026" is one title in two paragraphs, and reading only the
first showed a cut name in /nhap's preview, in «Đã lưu …» and in /hop (found by a QA helper as a district
office; a photo read by OCR came as one line). A line goes on the title when the title so far ends without a
sentence's mark and the line reads as the rest of the noun phrase: it opens lower-case ("về việc …", "tại cuộc
họp …"), or with a body's name ("Ban Chỉ đạo …", "UBND huyện …", "Hội đồng …") or a time ("tháng 12 năm
2026", "ngày 18/12/2026", "quý IV", "6 tháng đầu năm", "lần thứ 3"), and is no sentence of the body: no point
marker, no full stop (nor ";", ":") at its end or inside, two words at least (a stray word is a broken copy's),
no "Ngày 18/12/2026, …" opening. `split_conclusion` drops the continuation lines from the body with the title's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

Fold = Callable[[str], str]

_MAX_MORE_LINES = 2  # a title rarely takes more than three paragraphs; a longer run is the body
_MAX_WORDS = 60
_ENDS_A_SENTENCE = ".;:!?…"
# Folded openings that continue a noun phrase: a body's name, a time, a session.
_CONTINUES = re.compile(
    r"^(?:ban\b|uy ban\b|ubnd\b|hdnd\b|hoi dong\b|dang uy\b|dang bo\b|chi bo\b|tinh uy\b|huyen uy\b|thanh uy\b"
    r"|quan uy\b|thi uy\b|mat tran\b|so\b|phong\b|to (?:cong tac|giup viec)\b|doan\b|van phong\b|trung tam\b"
    r"|cuc\b|chi cuc\b|cong an\b|bo chi huy\b"
    r"|(?:thang|ngay|nam|quy|dot|lan thu|ky)\s+[\divxl]|\d{1,2}\s+thang\b)"
)
# "Ngày 18/12/2026, đồng chí … chủ trì …": a day with a comma after it opens the body's first sentence.
_DAY_THEN_COMMA = re.compile(r"^(?:vao\s+)?ngay\s+\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
                             r"|\s+thang\s+\d{1,2},?\s+nam\s+\d{4})\s*,")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def _goes_on(line: str, fold: Fold, marked: Callable[[str], object]) -> bool:
    stripped = line.strip()
    # (a paragraph of the body ends as a sentence does, and a lone word is a stray piece of a broken copy)
    if len(stripped.split()) < 2 or marked(stripped) or stripped[-1] in _ENDS_A_SENTENCE:
        return False
    if ";" in stripped or ":" in stripped or _SENTENCE_INSIDE.search(stripped):
        return False
    return stripped[0].islower() or (
        _CONTINUES.match(folded := fold(stripped)) is not None and _DAY_THEN_COMMA.match(folded) is None
    )


def continued_title(
    lines: Sequence[str], at: int, first: str, fold: Fold, marked: Callable[[str], object],
    head: Collection[int] = (),
) -> str:
    """The title read from lines[at] (`first`, its text) with the lines that go on with it."""
    title = first
    if lines[at].strip()[-1:] in _ENDS_A_SENTENCE:
        return title
    more = 0
    for k in range(at + 1, len(lines)):
        if not lines[k].strip():
            continue
        if more == _MAX_MORE_LINES or k in head or not _goes_on(lines[k], fold, marked):
            break
        joined = f"{title} {lines[k].strip()}"
        if len(joined.split()) > _MAX_WORDS:
            break
        title, more = joined, more + 1
    return title


def title_lines(lines: Sequence[str], title: str | None) -> set[int]:
    """The indices of the lines a title was read from (one, or a run that joins to it)."""
    if not title:
        return set()
    for k, line in enumerate(lines):
        text = line.strip()
        if not text or not title.startswith(text.rstrip(".")):
            continue
        run, joined = [k], text
        for j in range(k + 1, len(lines)):
            if joined.rstrip(".") == title or len(joined) >= len(title):
                break
            if lines[j].strip():
                run.append(j)
                joined = f"{joined} {lines[j].strip()}"
        if joined.rstrip(".") == title:
            return set(run)
    return set()
