"""Whole conclusions, seventh round (branch `concl7`, issue 11): propose only lines with a doer other than
the issuer (mechanism 1 of "Corpus J dev: what the bot misses and why", bench/README.md).

`split_conclusion` hands its directives here once they are read (one hook line); each class below drops an
item that gives no work to anybody but the one who writes, with the kind of sentence it serves and the dev
documents it was written from (leave one corpus out: each class has examples in two of the groups corpus J
= conclusions_v8, corpus K = conclusions_v9, older = v3–v7). Tests: tests/domain/test_conclusion_round7.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from domain.types import DeadlineKind, KnownUnit, ParsedDirective
from domain.understand.assignees import read_assignees
from domain.understand.deadlines import parse_deadline

Fold = Callable[[str], str]

# The paragraph that gives the details of the one before it: "Theo đó, …", "Về việc này, …", "Cụ thể, …".
_DETAILS_FOLLOW = re.compile(r"^\W{0,3}(?:theo do|ve viec nay|cu the)\s*,")
# A news lead that only announces the letter or its purpose, its orders given in the next paragraph:
# - purpose first, then who acted: "Để có số liệu chính xác …, Sở Y tế yêu cầu các đơn vị khẩn trương rà soát
#   …" (CK03, K), "Để hoàn thành việc cấp 950.700 CCCD …, UBND tỉnh ban hành Chỉ thị số 07/CT-UBND …" (CH07,
#   older); the details ("Theo đó, Trung tâm Y tế …") are the tasks (LABELLING.md §3: one task, one record);
# - the letter sent: "Sở Tài nguyên và Môi trường vừa có công văn gửi doanh nghiệp … yêu cầu xử lý kết quả
#   kiểm tra …" (CK22, K), "Văn phòng UBND Tp. vừa có công văn gửi Giám đốc Sở … về việc kiểm tra, xử lý …"
#   (CI16, older). A lead that reports an order ("… đã chỉ đạo các cơ quan … tăng cường …", CH06; "… vừa có
#   văn bản yêu cầu các sở … triển khai …", CH36) is a task the gold keeps beside its details: not matched.
_PURPOSE_FIRST = re.compile(r"^\W{0,3}de\s(?:[^.;:]|\.(?=\d)){10,250},\s")  # ("950.700 CCCD": a number's dot)
_LETTER_SENT = re.compile(
    r"\b(?:vua|da|cung da)\s+(?:co|ban hanh|ky ban hanh|ra)\s+(?:cong van|van ban|cong dien)\b[^.;:]{0,60}?\sgui\s"
)


def _announces_details(text: str, after: Sequence[str], fold: Fold) -> bool:
    if not any(_DETAILS_FOLLOW.match(fold(line)) for line in after[:2]):
        return False
    folded = fold(text)
    return bool(_PURPOSE_FIRST.match(folded) or (" gui " in folded and _LETTER_SENT.search(folded)))


# The issuer's own step: the body that gave the orders earlier in the text, now doing something itself with
# no one asked (LABELLING.md §1: "the issuer's own announced step inside its own notice … is not stored").
# "Ban Giám đốc Công an tỉnh đã yêu cầu toàn lực lượng …" then "Trong thời gian này, Ban Giám đốc Công an tỉnh
# thành lập các đoàn đi kiểm tra …" (CK23, K); "BAN CHẤP HÀNH ĐOÀN TRƯỜNG … THÔNG BÁO" then "BCH Đoàn trường sẽ
# tiến hành kiểm tra và thu các loại sổ sách …" (CJ12, J); "Uỷ ban nhân dân phường Nam Đồng thông báo và đề
# nghị …" then "UBND phường tổ chức đoàn đi kiểm tra công tác treo cờ …" (CG19, older). Another body's
# programme ("Thời gian tới, Sở Y tế sẽ tổ chức kiểm tra …" in a notice of the UBND) stays a directive (§1).
_ISSUES = r"[^.;:\n]{0,40}?\b(?:thong bao|yeu cau|de nghi|chi dao|giao)\b"
_ISSUE_WORD = re.compile(r"\b(?:thong bao|yeu cau|de nghi|chi dao|giao)\b")


def _issues(folded: str) -> bool:
    # (the words looked up as substrings first: a scan in C, the pattern only on the lines that hold one)
    return (
        "thong bao" in folded or "yeu cau" in folded or "de nghi" in folded or "chi dao" in folded or "giao" in folded
    ) and _ISSUE_WORD.search(folded) is not None


_ABBREVIATIONS = (
    (re.compile(r"\bubnd\b"), "uy ban nhan dan"),
    (re.compile(r"\bhdnd\b"), "hoi dong nhan dan"),
    (re.compile(r"\bbch\b"), "ban chap hanh"),
    (re.compile(r"\bbgh\b"), "ban giam hieu"),
    (re.compile(r"\bbgd\b"), "ban giam doc"),
)
_GROUP = re.compile(r"^(?:cac|nhung|toan the|tat ca|moi|tung)\s")
_DUTY = re.compile(r"^\W*(?:(?:cung|van|se)\s+)?(?:phai|can|co trach nhiem|chiu trach nhiem|co nhiem vu)\b")


def _expanded(folded: str) -> str:
    for pattern, words in _ABBREVIATIONS:
        folded = pattern.sub(words, folded)
    return " ".join(folded.replace("uỷ", "uy").split())


_ORDER_BEFORE = re.compile(r"\b(?:giao|yeu cau|de nghi|chi dao|phan cong|cho|gui|thong bao|den|toi)\b")


def _own_subject(item: ParsedDirective, fold: Fold) -> tuple[str, str] | None:
    """The item's one lead when it is the subject of the item's own sentence (named before the predicate, not
    after an order word), and the predicate after it; read off the directive's lead span, not read anew."""
    lead = item.assignees.lead
    if len(lead) != 1 or lead[0].span is None:
        return None
    at, end = lead[0].span
    if at > 60 or _ORDER_BEFORE.search(fold(item.text[:at])):
        return None
    return lead[0].text, item.text[end:]


# an order passed on inside the issuer's sentence: "(gửi công văn …) đề nghị / yêu cầu <determiner> <ai> …"
_RELAYS = re.compile(r"\b(?:de nghi|yeu cau|chi dao)\s+(?:cac|tat ca|toan the|nhung|moi|ong|ba|quy)\s")


def _own_step(name: str, predicate: str, before: str, fold: Fold) -> bool:
    name = _expanded(fold(name))
    if len(name.split()) < 2 or _GROUP.match(name) or _DUTY.match(fold(predicate)):
        return False
    if _RELAYS.search(fold(predicate)):
        return False  # (conclp) the issuer's letter that asks others: "… gửi công văn tới các ngân hàng … đề nghị
        # các ngân hàng bố trí …" (CP05) is an order reported, not the issuer's own step (LABELLING §1)
    # (the issuer opens its line or sentence: "… thông báo đến toàn thể sinh viên …" is no issuing by them)
    return re.search(rf"(?:^|\n|[.!?]\s)\W{{0,3}}{re.escape(name)}\b{_ISSUES}", before) is not None


# A deadline day said before the subject, then the subject and its duty: "Chậm nhất là ngày 25/5/2018 (Thứ 6) các
# Chi đoàn phải hoàn tất việc nộp đoàn phí …" (CJ11, J: the item was dropped), "…; Ngày 12/3/2021, các đơn vị,
# ấp hoàn thành giới thiệu danh sách người ứng cử …" (CK02, K: found with no deadline), and in the sentence sets
# "Trước ngày 18/10, các địa phương phải báo cáo …" (B002-02), "Trước ngày 25-10, UBND các huyện … phải báo cáo
# sơ bộ …" (G005-01). A day that opens a report ("Ngày 12/4/2018, tại phòng họp …, Ban chỉ đạo tổ chức …",
# "Ngày 4/9, Bộ trưởng … có Công điện … gửi …") has no duty after its subject: still no task.
_FRONTED_DAY = re.compile(
    r"^\W{0,3}(?P<day>(?:cham nhat(?: la)?|han chot(?: la)?|truoc|den het|ngay)\s+(?:ngay\s+)?"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)(?:\s*\([^)]{0,20}\))?\s*,?\s+"
    r"(?P<rest>[^.;:]{3,120})"
)
_DUTY_AFTER_SUBJECT = re.compile(r"^(?!.*\b(?:da|vua)\s)[^,]*?(?:,[^,]*?){0,3}\s(?:phai|can|hoan thanh|hoan tat|nop)\s")
_REPORT_PLACE = re.compile(r"^(?:tai|o|trong|vao|luc)\s")


def fronted_day_task(folded: str) -> bool:
    """A sentence whose deadline day stands before its subject and whose subject has a duty (see above)."""
    m = _FRONTED_DAY.match(folded)
    return m is not None and not _REPORT_PLACE.match(m["rest"]) and _DUTY_AFTER_SUBJECT.match(m["rest"]) is not None


# (the openings above, with or without diacritics: a test on the text before it is folded)
_FRONTED_RAW = re.compile(
    r"^\W{0,3}(?:chậm nhất|cham nhat|hạn chót|han chot|trước|truoc|đến hết|den het|ngày|ngay)\s", re.IGNORECASE
)


def _dated_by_its_fronted_day(item: ParsedDirective, fold: Fold, basis: date) -> ParsedDirective:
    if item.deadline.kind is not DeadlineKind.NONE or not _FRONTED_RAW.match(item.text):
        return item
    folded = fold(item.text[:200])
    if not fronted_day_task(folded):
        return item
    m = _FRONTED_DAY.match(folded)
    assert m is not None
    day = re.sub(r"^(?:cham nhat(?: la)?|han chot(?: la)?|truoc|den het|ngay)\s+(?:ngay\s+)?", "", m["day"])
    deadline = parse_deadline(f"trước ngày {day}", basis)
    return replace(item, deadline=deadline) if deadline.kind is DeadlineKind.DATE else item


# The closing formula cut off where the page ends (a photo or scan of page 1 only, a copy that stops): "… Văn
# phòng HĐND-UBND xã thông báo để các đơn vị, cá nhân liên quan" — the addressees of "thông báo để / đến / cho /
# tới" and nothing after them, no full stop, as the text's last line. Had it gone on, it would say "biết, thực
# hiện" (LABELLING.md §2: the execution formula); a notice that gives the addressees work names it ("thông báo
# đến các hộ dân nộp thuế trước ngày …": a verb after them) and stays. (Seen by QA in /nhap with scans of page
# 1; in dev the same cut formula ends CG14's text, "… toàn thể nhân dân trong phường biết và hưởng", caught
# already by its "biết".)
_PASSED_ON_TO = re.compile(r"\bthong bao\s+(?:de|den|cho|toi)\s+(?=\S)")
_MAY_PASS_ON = re.compile(r"thông báo|thong bao", re.IGNORECASE)
_ENDINGS = frozenset('.!?;:/…)]"”')


def _cut_formula(item: ParsedDirective, line: str, units: Sequence[KnownUnit], fold: Fold) -> bool:
    end = line.rstrip()
    if end[-1:] in _ENDINGS or not end.endswith(item.text.rstrip()) or not _MAY_PASS_ON.search(line):
        return False
    folded = fold(item.text)
    to = next(reversed(list(_PASSED_ON_TO.finditer(folded))), None)  # (the last one: the formula's)
    if to is None:
        return False
    rest = item.text[to.end() :] if len(item.text) == len(folded) else ""
    # (only the issuer before "thông báo", only addressees after it: "Từ ngày 19 đến ngày 21/6 các Trưởng xóm chuyển
    # phiếu thông báo đến các hộ gia đình để các hộ nắm được …" is a task cut short, not the formula)
    issuer = folded[: to.start()]
    if not rest or len(issuer.split()) > 12 or any(c.isdigit() for c in issuer) or " de " in f" {folded[to.end() :]} ":
        return False
    reading = read_assignees(rest, units)
    return reading.how in ("name", "") and not reading.predicate.strip()


def without_the_issuers_lines(
    directives: list[ParsedDirective], lines: Sequence[str], units: Sequence[KnownUnit], fold: Fold, basis: date
) -> list[ParsedDirective]:
    """The directives less the lines that give no work to a doer other than the issuer."""
    if not directives:
        return directives
    out: list[ParsedDirective] = []
    issuing: list[int] | None = None  # the lines that name an issuing verb (found when first needed)
    at = 0  # the line the search for the next item starts from (items come in the text's order)
    for item in directives:
        head = item.text[:40]
        k = next((j for j in range(at, len(lines)) if head in lines[j]), None)
        if k is None:
            k = next((j for j, line in enumerate(lines) if head in line), None)
        if k is None:
            out.append(_dated_by_its_fronted_day(item, fold, basis))
            continue
        at = k
        line = lines[k]
        whole_line = k + 1 < len(lines) and line.rstrip().endswith(item.text.rstrip()[-20:])
        if whole_line and _announces_details(item.text, lines[k + 1 :], fold):
            continue
        if k == len(lines) - 1 and item is directives[-1] and _cut_formula(item, line, units, fold):
            continue
        start = line.find(head)
        subject = _own_subject(item, fold) if k or start > 0 else None
        if subject is not None:
            if issuing is None:
                issuing = [j for j, x in enumerate(lines) if _issues(fold(x))]
            earlier = [j for j in issuing if j < k]
            folded_line = fold(line)
            # (the part of the line before the item: a slice of the line's cached fold when folding kept its length)
            prefix = folded_line[:start] if len(folded_line) == len(line) else fold(line[:start])
            if earlier or _issues(prefix):
                before = "\n".join([*(_expanded(fold(lines[j])) for j in earlier), _expanded(prefix)])
                if _own_step(*subject, before, fold):
                    continue
        out.append(_dated_by_its_fronted_day(item, fold, basis))
    return out
