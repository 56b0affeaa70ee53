"""Leads the document gives a sentence that names nobody (issue 11, session 10, branch `leaddoc`).

Kind 6 of the lead misses (`bench/README.md`, "lead misses of corpus O dev by kind"): the sentence names no doer
and the lead is the document's — the sentence before, a lead-in. LABELLING.md §3 and §10: a subjectless item takes
the lead of the sentence before (`lead_source: previous sentence / context`). The reader already carries a lead
from a context that *assigns* ("Giao X …:", "Sở Y tế yêu cầu X …", a heading naming X): `directive._assignees_from`
takes the innermost context segment whose reading names a lead. Two structural gaps were left:

- **The capital of a sentence's first word read as a name** (`capitalised_run_is_name`). A word the lexicon does
  not know, written with a capital right before a verb, stands for a name ("SAWACO khuyến cáo", "Theo đó,
  EVNHCMC đề nghị"); but at the start of a sentence every word has a capital, so a lone Title-case first word
  is no evidence: "Vậy đề nghị các hộ dân …" gave the lead "Vậy", "Và mong muốn người dân …, cụ thể như:" gave
  the items under it the lead "Và" (so the body of the sentence before, which the reader knew, was never
  reached). The run counts as a name only when one of its words has a capital where a clause does not start,
  or is written in capitals (an abbreviation). Dev: L030-01 (corpus L, through its lead-in), CO01 (corpus O
  conclusions), D058's kind … (see tests).
- **The subject of the sentence before continues** (`subject_before`). A subjectless item ("Thứ nhất là lãnh
  đạo …", "Theo dõi việc khắc phục …", a bare verb) after a sentence whose own reading gives no lead because
  it assigns nothing — the body's programme told in news or a report ("Năm 2019, Ban Thường vụ Đảng ủy tập
  trung chỉ đạo nâng cao …", "Ban Thường vụ Huyện ủy … đã thống nhất lựa chọn 2 nội dung công việc …") —
  takes that sentence's grammatical subject: the body whose programme the items spell out (§1 a body's
  programme, §10 previous sentence). Only a named body as subject (not the public, §8 d; not a place), only
  when the context gave no lead at all (a lead-in that assigns, a heading, a letter's addressee come first).

- **The public's items under a body's lead-in** (`public_under_lead_in`; since session 11
  `lead_public_campaign.in_context`, one rule with conclo's speaker rule). §8 d: advice, appeals and requests to
  the public are the campaign of the body that gives them, "also when it is only in the lead-in". An item whose
  only doer is the public ("Người dân không di chuyển qua …", "Mong rằng các bậc phụ huynh hãy …", "1. Nhân dân
  tiếp tục …") under a lead-in colon whose subject is a body ("UBND xã khuyến cáo:", "… trường Tiểu học X xin gửi
  tới các bậc phụ huynh một số kĩ năng sau:") takes that body. A lead-in that asks the public with its asker
  left out ("Và mong muốn người dân hãy …, cụ thể như:") takes the subject of the sentence before it (the
  body that "đã kiểm tra và xin ghi nhận …"). `lead_conventions_s8.advised_public` reads the sentence-before
  form (§31.4) and leaves lead-ins alone. Dev: CM02 ×3 (corpus M conclusions), M012-02 (corpus M), L030-01
  (corpus L).

Hooks (one line each): `lead_conventions._subject_before` (`capitalised_run_is_name`), `directive.parse_directive`
(`subject_before`, `public_under_lead_in`), `conclusion_carry.carried` (`subject_before`, the sentence read before
an item of a whole conclusion). Tests with invented sentences of each class: `tests/domain/test_lead_from_document.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from domain.types import AssigneeRef, Assignees, KnownUnit
from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_conventions as C
from domain.understand import lead_doers
from domain.understand.textnorm import fold, nfc

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence


# ------------------------------------------------------------- a capital at a clause start is no name
def capitalised_run_is_name(s: _Sentence, c: int, v: int) -> bool:
    """Do the capitalised words tokens[c:v] (right before a verb, unknown to the lexicon) read as a name?
    Yes when a word of them has its capital where no clause starts ("Theo đó, Vinaphone" is after a comma:
    not a clause-start capital either way; "Bình Giang": "Giang"), or is written in capitals ("SAWACO",
    "BCĐ"). A lone Title-case word that opens the sentence ("Vậy", "Và", "Nay") says nothing."""
    for x in range(c, v):
        t = s.tokens[x]
        if x not in s.initial:
            return True
        if sum(ch.isupper() for ch in t.text) >= 2:
            return True  # an abbreviation in capitals
    return False


# ------------------------------------------------------------- the subject of the sentence before
def subject_before(text: str, own: Assignees, context: str | None, units: Sequence[KnownUnit] = ()) -> Assignees:
    """`parse_directive`'s hook, after the context's assigning reading gave no lead: the grammatical subject
    of the nearest sentence before `text` that has one (subjectless items between are passed over: "Thứ nhất
    là …. Thứ hai là …"), when `text` names nobody and that sentence is a body's own programme (no lead-in
    colon after it, its subject a named body)."""
    if own.lead or not context or not _names_nobody(text, units):
        return own
    ordinal = _ORDINAL.match(fold(text[:40])) is not None
    for segment in reversed(A.context_segments(context, units)[-4:]):
        if segment.rstrip().endswith(":"):
            return own  # a lead-in naming nobody: its items keep the empty lead (§10)
        found = _programme_subject(segment, units, done_ok=ordinal)
        if found is None:
            continue  # a subjectless item of the same run: look further back
        if not found:
            return own
        return Assignees(lead=found, support=own.support, executor=own.executor)
    return own


def _programme_subject(
    sentence: str, units: Sequence[KnownUnit], lead_in: bool = False, done_ok: bool = False
) -> tuple[AssigneeRef, ...] | None:
    """The named body standing as the subject of the first verb of `sentence` that has one; () when that
    subject is not a body (the public, a place); None when no verb has a subject (a subjectless item)."""
    s = A._Sentence(sentence, tuple(units))
    for v in range(s.first + 1, s.n):
        if not (s.word(v) and _verb_at(s, v)) or s.tokens[v].capitalized:
            continue
        subject = C._subject_before(s, v) or lead_doers._speaker_after_opener(s, _before_aspect(s, v))
        if subject is None:
            continue
        if not lead_in and any(_asks_at(s, x) for x in range(s.first, v + 1)):
            return ()  # "Sở GD-ĐT đề nghị …, các đơn vị … phải …": the subject speaks (§5); "Giao X tăng cường …":
            # X is the object of an order whose own reading decided (a sibling item keeps its own lead, §10)
        if not lead_in and not done_ok and _done(s, v):
            return ()  # a report of work done ("Công an phường đã triển khai …") breaks the thread; only an
            # ordinal ("Thứ nhất là …") spells out what the body "đã thống nhất lựa chọn"
        if A._parse_list(s, subject.items[0][0], loose=True)[1] > v:
            continue  # the verb is a syllable of the name ("trường Tiểu học …": "học")
        if any(C._public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            return ()  # the public as subject (§8 d: named as written, never carried)
        if not all(A._np_start(s, a) or A._is_abbreviation(s.tokens[a]) for a, _ in subject.items):
            continue  # a word the lexicon does not know as a head ("Bình Giang lựa chọn …", a headline)
        if not all(_body_head(s, a) for a, _ in subject.items):
            return ()  # a person who speaks ("Thứ trưởng chỉ đạo …", "đồng chí … biểu dương"): §5, never carried
        return tuple(AssigneeRef(s.span_text(a, b), None, None) for a, b in subject.items)
    return None


# The verbs a body speaks with in a lead-in (besides the reader's verbs): "khuyến cáo:", "xin gửi tới …", "thông báo".
_SPEAKS = (
    "khuyến cáo", "kêu gọi", "vận động", "đề nghị", "yêu cầu", "khuyên", "gửi", "thông báo", "lưu ý", "mong muốn",
)


def _asks_at(s: _Sentence, v: int) -> bool:
    """A verb by which the subject hands the work to others: asking, assigning, directing, advising."""
    return bool(s.m(A._ASK_VERBS, v) or s.m(L.ASSIGN_VERBS, v) or s.m(A._CHI_DAO, v) or C._any_at(s, v, _SPEAKS))


def _verb_at(s: _Sentence, v: int) -> bool:
    return bool(s.m(L.VERBS, v) or s.m(A._ASK_VERBS, v) or C._any_at(s, v, _SPEAKS))


def _body_head(s: _Sentence, a: int) -> bool:
    """Does the name at tokens[a] open with the head of a body ("Ban", "Sở", "UBND", "lực lượng"), after its
    determiner, rather than a person's title ("Thứ trưởng", "đồng chí")?"""
    while a < s.n and s.m(L.DETERMINERS, a):
        a += s.m(L.DETERMINERS, a)
    if A._is_abbreviation(s.tokens[a]):
        return True  # "BCĐ", "UBND": a unit written in capitals
    return bool(s.m(L.ORG_HEADS, a)) and not s.m(L.PERSON_HEADS, a)


# An ordinal that opens an item of a list told in prose: "Thứ nhất là …", "Thứ hai, …", "Một là …".
_ORDINAL = re.compile(
    r"^\s*(?:thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|(?:mot|hai|ba|bon|nam|sau)\s+la)\b"
)


def _names_nobody(text: str, units: Sequence[KnownUnit]) -> bool:
    """Is `text` an item with no subject: it opens with its verb (after openers, a list marker), or with an
    ordinal of a list told in prose ("Thứ hai là lãnh đạo …")?"""
    if _ORDINAL.match(fold(text[:40])):
        return True
    # (speed14) the reader's own flag: `_read_cached` computes `_verb_initial` on this very sentence, and the
    # caller has just read `text` (a cache hit), where a new `_Sentence` tokenised it again
    return A.read_assignees(text, units).verb_initial


def _done(s: _Sentence, v: int) -> bool:
    """Is the verb at tokens[v] told as done ("đã", "vừa" before it)?"""
    return any(s.is_(x, "đã") or s.is_(x, "vừa") for x in range(_before_aspect(s, v), v))


def _before_aspect(s: _Sentence, v: int) -> int:
    """Where the aspect words before the verb at tokens[v] start ("… Huyện ủy đã thống nhất": "đã")."""
    while v - 1 > s.first and any(s.is_(v - 1, w) for w in ("đã", "vừa", "đang", "cũng", "sẽ")):
        v -= 1
    return v


# ------------------------------------------------------------- the public's items under a body's lead-in
# `public_under_lead_in` moved (session 11, conclp) to lead_public_campaign.in_context: one §8 d rule with conclo's
# speaker rule; the helpers below stay here (they read lead-ins as `subject_before` does).
def _is_public(name: str, units: Sequence[KnownUnit]) -> bool:
    s = A._Sentence(nfc(name), tuple(units))
    k = s.first
    while k < s.n and s.m(L.DETERMINERS, k):
        k += s.m(L.DETERMINERS, k)
    return bool(C._public_at(s, s.first) or C._public_at(s, k) or A._the_public(s, s.first))


def _asks_public_unsaid(lead_in: str, units: Sequence[KnownUnit]) -> bool:
    """A lead-in whose only named party is the public it asks, its asker left out."""
    found = A.parse_assignees(lead_in, units).lead
    return bool(found) and all(_is_public(r.text, units) for r in found)
