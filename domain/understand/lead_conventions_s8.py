"""Labelling conventions of LABELLING.md §31 the lead reader follows (issue 11, eighth session, branch `conv11`).

§31 decided the seventh session's open guide questions and 17 fields of 15 records were relabelled to it
(`tests/data/relabel_log_session8.jsonl`). Conventions written in the guide are the rules that carried to
unseen text before (`lead_conventions`, session 6); these are two more, each a class with ≥ 3 dev sentences
from ≥ 2 documents:

- (§31.1) **a mixed appeal with separate determiners**: "X đề nghị <organisations>, … và <the public> …" —
  when the reader has split the public off as its own lead (its own determiner, or set apart by "và"), the
  organisations lead as written and the public's part is X's own campaign: X leads in its place, after the
  organisations. Dev: F002-01 (and F002-02 through its context), CL07 item 0, CG14 item 0 (the body is the
  subject of the item's first clause, "1. UBND phường phát động …; Đề nghị …"); in the class but missed for
  other reasons: G121-01 (the public in a second clause the reader does not take), L044-01 (the body only in
  the sentence before: carry10's `conclusion_carry`). An order ("yêu cầu") binding the public keeps them as
  written (§31.1 last paragraph), and so does a list where nobody asks.
- (§31.4) **a previous report of advising as the lead-in**: a sentence whose only lead is the public as its
  subject ("Người dân phải …", "Đối với phụ huynh … cần …"), after a sentence that reports a body advising,
  reminding, mobilising or informing that public ("Công an phường thường xuyên nhắc nhở, tuyên truyền, vận
  động người dân …", "Trung tâm … đã triển khai các hoạt động truyền thông, tuyên truyền … cho người dân …"):
  the advising body leads (`lead_source: context`). Not when the sentence before reports the body's other work
  (no verb of advice to the public). Dev: L022-01, K035-01; in the class but not read: D083-01 (the sentence
  before names "các thành viên Ban vận động tỉnh" and no verb of advice).

Hooks: `assignees._read_cached` (§31.1, on the lead items found) and `directive.parse_directive` (§31.4, the
context). Tests with invented sentences of each class: `tests/domain/test_conventions_s8.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from domain.types import Assignees, KnownUnit
from domain.understand import assignees as A
from domain.understand import lead_conventions as C
from domain.understand import lead_public as P
from domain.understand.textnorm import fold

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

# ---------------------------------------------------------------------------- §31.1 a mixed appeal
# Verbs of request and appeal (the public's part is the asker's campaign); "yêu cầu" and "giao" bind.
_REQUEST = ("đề nghị", "kêu gọi", "vận động", "khuyến cáo", "khuyến nghị", "mong", "kính đề nghị")
_BINDING = ("yêu cầu", "giao", "buộc", "bắt buộc")
# Gate: substring tests of the text in C, the words written without their first letter so that a capital
# needs no second test (the hook runs for every sentence with two leads or more; folding the text first cost
# 38k instructions a sentence under `bench/parse_instructions.py --stage read`).
_MARKS = {
    True: ("ề nghị", "êu gọi", "ận động", "huyến cáo", "huyến nghị", "mong"),
    False: ("e nghi", "eu goi", "an dong", "huyen cao", "huyen nghi", "mong"),
}
# … and a word of the public (`lead_conventions._PUBLIC`, `lead_public._NEW_PUBLIC`), the same way.
_PUBLIC_MARKS = {
    True: ("gười dân", "hân dân", "à con", "uần chúng", "ộ dân", "ộ gia đình", "ọi người", "hụ huynh", "u khách",
           "ộng đồng", "hách hàng", "ành khách", "iêu dùng", "hăn nuôi", "ham gia giao thông"),
    False: ("guoi dan", "han dan", "a con", "uan chung", "o dan", "o gia dinh", "oi nguoi", "hu huynh", "u khach",
            "ong dong", "hach hang", "anh khach", "ieu dung", "han nuoi", "ham gia giao thong"),
}


def _is_public(s: _Sentence, a: int) -> bool:
    """The public named at tokens[a] ("Nhân dân", "toàn thể nhân dân …", "các hộ dân …", "quý khách hàng"); not
    bare "hộ" ("các hộ kinh doanh" are businesses, K018-01, as `lead_conventions` reads them)."""
    return bool(P._public_at(s, a))


def _asking_verb(s: _Sentence, a: int) -> tuple[int, bool] | None:
    """The nearest verb of asking before tokens[a] (position, is it a request), else None."""
    for x in range(a - 1, s.first - 1, -1):
        if s.punct(x, ".?!"):
            return None
        if C._any_at(s, x, _BINDING):
            return x, False
        if C._any_at(s, x, _REQUEST) and (x in s.initial or not s.tokens[x].capitalized or x == s.first):
            return x, True
    return None


def _asker(s: _Sentence, v: int) -> tuple[int, int] | None:
    """Who asks at tokens[v]: the subject right before the verb ("Ủy ban nhân dân phường đề nghị …"), or,
    when the verb opens a clause after ";" with no subject of its own, the subject that opens the sentence
    ("1. UBND phường phát động …; Đề nghị …", CG14). One body only."""
    found = C._subject_before(s, v)
    if found is None:
        # a framing phrase with verbs of its own before the last comma ("Theo đó, trong thời gian chờ Thủ
        # tướng ban hành chỉ đạo …, Chủ tịch UBND tỉnh đề nghị …", F002-01): the clause after that comma
        c = next((x + 1 for x in range(v - 1, s.first, -1) if s.punct(x, ",;:")), None)
        if c is not None and s.punct(c - 1, ","):
            after = A._subject_at(s, c)
            if after is not None and after.start == c and A._skip_adverbs(s, after.end) == v:
                found = after
    if found is None and any(s.punct(x, ";") for x in range(max(s.first, v - 2), v)):
        found = A._subject_at(s, s.first)
    if found is None or len(found.items) != 1:
        return None
    a, b = found.items[0]
    return None if _is_public(s, a) else (a, b)


def mixed_appeal(s: _Sentence, leads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """LABELLING.md §31.1: the public's part of a request that names organisations too → the asker leads for
    it, after the organisations. `leads` are the lead items the reader found; returned unchanged unless
    one is the public, another is not, the nearest verb of asking before the public is a request (not an
    order), and the asker is named in the sentence."""
    if len(leads) < 2:
        return leads
    text = s.text
    if not any(w in text for w in _MARKS[s.accented]) or not any(w in text for w in _PUBLIC_MARKS[s.accented]):
        return leads  # (no verb of request, or nobody of the public: the common case)
    public = [(a, b) for a, b in leads if _is_public(s, a)]
    if not public or len(public) == len(leads):
        return leads
    asked = _asking_verb(s, public[0][0])
    if asked is None or not asked[1]:
        return leads  # an order binding the public (§31.1 last paragraph), or nobody asks: as written
    if any(_asking_verb(s, a) is None for a, _ in leads):
        return leads  # a subject of its own beside those asked: not one request
    body = _asker(s, asked[0])
    if body is None:
        return leads
    out = [item for item in leads if item not in public]
    if body not in out:
        out.append(body)
    return out


# --------------------------------------------------------- §31.4 a previous report of advising
# The sentence before reports a body advising, reminding, mobilising or informing the public.
_ADVISING = re.compile(
    r"\b(?:nhac nho|tuyen truyen|van dong|khuyen cao|khuyen nghi|truyen thong|keu goi|huong dan)\b"
)
_PUBLIC_WORDS = re.compile(
    r"\b(?:nguoi dan|nhan dan|ba con|quan chung|ho dan|ho gia dinh|phu huynh|cong dong|du khach|khach hang)\b"
)


def advised_public(text: str, own: Assignees, context: str | None, units: Sequence[KnownUnit] = ()) -> Assignees:
    """LABELLING.md §31.4: `text`'s only lead is the public as subject, and `context` (the sentence before)
    reports a body advising that public: the body leads instead (`lead_source: context`)."""
    if not context or len(own.lead) != 1 or context.rstrip().endswith(":"):
        return own
    lead = own.lead[0].text
    if not _PUBLIC_WORDS.search(fold(lead)) or not _public_lead(lead, units):
        return own
    folded = fold(context)
    advice = _ADVISING.search(folded)
    if advice is None or not _PUBLIC_WORDS.search(folded, advice.end()):
        return own
    body = A.parse_assignees(context, units)
    if len(body.lead) != 1 or _PUBLIC_WORDS.search(fold(body.lead[0].text)):
        return own
    at = fold(context).find(fold(body.lead[0].text))
    if at < 0 or at > advice.start():
        return own  # the advising verb is not the body's (it stands before the body is named)
    return Assignees(lead=(replace(body.lead[0], span=None),), support=own.support, executor=own.executor)


def _public_lead(lead: str, units: Sequence[KnownUnit]) -> bool:
    """Is the lead as read a name of the public ("người dân", "phụ huynh và người chăm sóc trẻ")?"""
    s = A._Sentence(lead, tuple(units))
    return _is_public(s, s.first)
