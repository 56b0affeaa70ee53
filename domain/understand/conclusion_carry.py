"""Leads given by the structure around an item that names nobody who acts (issue 11, session 8, `carry10`).

The conclusion splitter already carries a lead to a sentence that names nobody: from the order before it in
the paragraph ("Đồng thời, …", "Ngoài ra, …", a bare verb), from a lead-in or a section heading ("Giao X thực
hiện các nội dung sau:", "3. Về máy tính bảng: giao Văn phòng …"), from "Kính gửi:" (conventions). The dev
conclusions' lead misses of that kind left two classes, where the item *does* name a party, only not the one
who answers for the work (LABELLING.md §8):

- (§8 b, carried) **a subjectless "chỉ đạo / yêu cầu Y …" whose structure says who directs**: the order before
  it already told X to direct Y ("UBND TP đề nghị Phòng GD-ĐT khẩn trương chỉ đạo các trường …. Chỉ đạo các
  trường trong diện quản lý phối hợp …", CK24; "Bộ đề nghị UBND các tỉnh … chỉ đạo các cơ quan chức năng …"
  … "Bên cạnh đó, chỉ đạo các cơ quan chức năng tăng cường …", CL08, and the sentence after it through the
  splitter's thread), or the item stands under a lead-in that gives X the items ("Thủ tướng yêu cầu Chủ tịch
  UBND các tỉnh thực hiện các công việc sau: • Yêu cầu chủ hộ gia đình … cam kết …", CK15). X leads, Y
  executes. Dev: CK24, CL08 ×2, CK15 (corpora K and L).
- (§8 d, carried) **a request or appeal to the public that names no body giving it**, where the sentence
  before names the body that speaks to that public: "Các trường … thông báo tới cha mẹ học sinh …: …" then
  "Trong thời gian các em nghỉ học, đề nghị cha mẹ học sinh quản lý các em …" (CL02); "… nhà trường kính mong
  CMHS … . Trong thời gian trẻ tạm dừng đến trường, kính mong CMHS quan tâm …" (CL03); "ngành điện Thủ đô
  luôn mong nhận được sự chia sẻ của quý khách hàng …" then "Đồng thời, rất mong quý khách hàng, … cùng chung
  tay sử dụng điện tiết kiệm …" (L044-01, a sentence record whose context is that sentence). The body leads.
  With it, the in-sentence forms the public-advice rules lacked: the request verbs "kính mong", "rất mong",
  and the parents as the public ("cha mẹ học sinh", "CMHS", "PHHS", "gia đình"): "nhà trường đề nghị gia đình
  tăng cường quản lý học sinh …" (CG15), "… nhà trường kính mong CMHS tiếp tục …" (CL03). Dev: CL02, CL03 ×2,
  L044-01 (corpus L); CG15 (the older conclusions).

- (§10, §3) **the order before beats the heading**: an item that names nobody, in the paragraph of an order
  that names its own lead, takes that lead rather than a heading's ("2. Sinh viên tiếp tục chủ động phòng,
  chống dịch …. Tham gia các hoạt động …" under "Nhà trường thông báo … như sau:", CJ09; "Đề nghị các Trung
  tâm …. Báo cáo gửi về Cục TGPL …", CK27; "… nhà trường kính mong CMHS …. Trong thời gian …, kính mong CMHS
  …" under "Trường MN … kính gửi thông báo …:", CL03). In the dev conclusions no item had the heading's lead
  right against a different lead of the order before it. Dev: CJ09, CK27, CL03 (corpora J, K, L).

Hooks (one line each): `assignees._find_lead` (`public_request`), `directive.parse_directive` (`from_context`:
the sentence sets' context and the splitter's headings), `conclusion._Splitter.directives` (`carried`: the
earlier items and the sentence read before). Tests with invented sentences of each class:
`tests/domain/test_conclusion_carry.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from domain.types import AssigneeRef, Assignees, KnownUnit, ParsedDirective
from domain.understand import assignees as A
from domain.understand import lead_conventions as C
from domain.understand import lead_doers, lead_from_document
from domain.understand.deadlines import fold_coded
from domain.understand.textnorm import fold, nfc

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

def _fold(text: str) -> str:
    """textnorm.fold, through the deadline parser's one-byte code in C when the text is written in it (as
    the conclusion splitter folds): textnorm.fold of a text met for the first time costs ~70 µs."""
    folded = fold_coded(text)
    return folded if folded is not None else fold(text)


# ------------------------------------------------------------------------------ the public, the verbs
# (§8 d) The parents of a school's pupils are the public too (people at large, not the school's own
# addressees): "cha mẹ học sinh", its abbreviations, "gia đình" (the pupils' families).
_PARENTS = ("cha mẹ học sinh", "cha mẹ", "CMHS", "PHHS", "gia đình")
_PUBLIC = (*C._PUBLIC, "khách hàng", "hành khách", *_PARENTS)
_DETERMINERS = (*C._PUBLIC_DETERMINERS, "quý")
# Requests and appeals said politely: "kính mong", "rất mong" (the speaker asks, as "đề nghị" does).
_POLITE = ("kính mong", "rất mong")
_ASK = (*C._ADVISE, "kính đề nghị", *_POLITE)

# Folded forms for the cheap text tests (the rules run on every sentence the reader is asked about).
_F_PUBLIC = "|".join(sorted({re.escape(fold(p)) for p in _PUBLIC}, key=len, reverse=True))
_F_DETS = "|".join(sorted({re.escape(fold(p)) for p in _DETERMINERS}, key=len, reverse=True))
_F_ASK = "|".join(sorted({re.escape(fold(p)) for p in _ASK}, key=len, reverse=True))
_PUBLIC_AFTER = rf"(?:(?:toi|den|cho)\s+)?(?:(?:{_F_DETS})\s+){{0,3}}(?:{_F_PUBLIC})\b"
# The in-sentence forms' words (a gate before the token rule).
# Written without their first letter, so that one substring test in C finds them capitalised or not, typed
# with diacritics or without (a regex with a leading "\b" and no literal prefix cost ~25 µs a sentence).
_NEW_MARKS = {
    True: ("ính mong", "ất mong", "ha mẹ", "MHS", "HHS", "ia đình"),
    False: ("inh mong", "at mong", "ha me", "MHS", "HHS", "ia dinh"),
}
# The request verbs' folded forms (`asks_public` looks for the verb with `str.find`, then reads around it).
_F_ASK_WORDS = tuple(sorted({fold(p) for p in _ASK}, key=len, reverse=True))
_ASK_AT = re.compile(rf"(?:{_F_ASK})\s+{_PUBLIC_AFTER}")
_BEFORE_ASK = re.compile(r"(?:^|,\s*)$")
# The request verbs without their first letter (capitalised or not), with diacritics and without: a gate.
_ASK_MARKS = tuple({p[1:] for p in (*_ASK, *_F_ASK_WORDS)})

# A list marker or bullet at the start of an item.
_MARKER = re.compile(r"^\s*(?:[IVX]{1,4}[.)]|\d{1,2}(?:\.\d{1,2})*[.)/]*|[a-zđ][.)]|[-–*•+])\s*")
# Discourse openers before an order (as the splitter's `_DISCOURSE`, with the adverb-comma openers).
_OPENER = re.compile(
    r"(?:dong thoi|ben canh do|ngoai ra|mat khac|theo do|cu the|nhat la|kip thoi|dac biet|tiep theo|sau do)"
    r"\s*,?\s*"
)


# ------------------------------------------------------------------ (§8 d) in the sentence: who asks
def public_request(s: _Sentence) -> _Found | None:
    """ "<body> kính mong / rất mong / đề nghị <the parents, the public> …": the body that asks leads
    (LABELLING.md §8 d), in the forms `lead_conventions.public_advice` and `lead_public.wider_public_advice`
    do not read (their verbs and public lack "kính mong", "rất mong", "cha mẹ học sinh", "CMHS", "gia
    đình"). Also when a purpose clause runs into the subject with no comma ("Để đảm bảo công tác phòng chống
    dịch nhà trường kính mong CMHS …", CL03). Not when others are asked too, nor when no body asks (then the
    structure around the sentence may say who does: `from_context`, `carried`). Dev: CG15, CL03."""
    text = s.text
    if not any(mark in text for mark in _NEW_MARKS[s.accented]):
        return None  # (none of the new words: the common case, a few substring tests in C)
    for v in C._starts(s, _ASK, s.first + 1, s.n - 1):
        n = C._any_at(s, v, _ASK)
        if not n:
            continue
        end = _public_at(s, v + n)
        if not end:
            continue
        new = C._any_at(s, v, _POLITE) or not C._public_at(s, v + n)
        if not new:
            return None  # the old forms: the rules before decided
        if any(_asks_at(s, x) for x in range(end, s.n)):
            return None  # others are asked too
        if any(s.is_(x, "và") and A._np_start(s, x + 1) and not _public_at(s, x + 1) for x in range(end, end + 2)):
            return None  # "gia đình và nhà trường": others named with them
        subject = C._subject_before(s, v) or lead_doers._speaker_after_opener(s, v) or _subject_ending_at(s, v)
        if subject is not None and not any(_public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            return subject
        return None
    return None


def _asks_at(s: _Sentence, x: int) -> bool:
    """Another request at tokens[x]: "đề nghị", "yêu cầu", or "giao" handing work to a name ("giao Phòng Y tế
    …"; not the "giao" of "các tuyến giao thông", CG15)."""
    if C._any_at(s, x, ("đề nghị", "yêu cầu")):
        return True
    return s.is_(x, "giao") and (s.is_(x + 1, "cho") or A._np_start(s, x + 1))


def _public_at(s: _Sentence, k: int) -> int:
    """Where the public named at tokens[k] ends its head ("cha mẹ học sinh", "quý phụ huynh", "CMHS"), else 0
    (`lead_conventions._public_at` with the parents among the public)."""
    return C._public_at(s, k, _PUBLIC, _DETERMINERS)


def _subject_ending_at(s: _Sentence, v: int) -> _Found | None:
    """A name that runs up to the verb at tokens[v] after a purpose clause with no comma ("Để đảm bảo
    công tác phòng chống dịch nhà trường kính mong …"): the shortest known name ending right at v."""
    for c in range(v - 1, max(s.first, v - 6) - 1, -1):
        if not (s.word(c) and A._np_start(s, c)):
            continue
        items, _ = A._parse_list(s, c)
        if items and items[0][0] == c and items[0][1] >= v and len(items) == 1:
            # (the reader may run the name on over a verb it does not know: "nhà trường kính mong CMHS")
            return A._Found([(c, v)], c, v, "subject")
    return None


# ------------------------------------------------------------ (§8 d) carried: the body before asks


_OTHERS_WITH = re.compile(rf"\s+va\s+(?!{_PUBLIC_AFTER})")


def asks_public(text: str) -> bool:
    """Does the sentence ask or appeal to the public with no body of its own before the verb ("Trong thời
    gian nghỉ học, đề nghị cha mẹ học sinh …", "Đồng thời, rất mong quý khách hàng …")? The verb opens the
    sentence or follows a comma of its opening; it is the sentence's first request."""
    head = nfc(text[:240])
    if not any(mark in head for mark in _ASK_MARKS):
        return False  # (no request verb near the start, with or without diacritics: a few finds in C)
    folded = _fold(_MARKER.sub("", head, count=1))
    first = min((x for x in (folded.find(w) for w in _F_ASK_WORDS) if x >= 0), default=-1)
    if first < 0:
        return False  # (no request verb near the start: the common case, a few finds in C)
    if re.search(r"\b(?:giao|chi dao)\b", folded[:first]) is not None:
        return False  # another order before it
    if _BEFORE_ASK.search(folded, 0, first) is None:
        return False  # a subject before the verb ("UBND xã đề nghị …"): the in-sentence rules read it
    m = _ASK_AT.match(folded, first)
    if m is None:
        return False
    # "người dân và các doanh nghiệp": others named with them, as `lead_conventions.public_advice` reads it
    return _OTHERS_WITH.match(folded, m.end()) is None


# Verbs by which a body speaks to the public: notices and letters, requests, appeals, wishes.
_SPEAKS = (
    "thông báo", "kính gửi", "gửi", "kính mong", "rất mong", "mong", "đề nghị", "kính đề nghị", "khuyến cáo",
    "kêu gọi", "vận động",
)


def speaker_to_public(sentence: str, units: Sequence[KnownUnit] = ()) -> tuple[AssigneeRef, ...]:
    """The body that speaks to the public in `sentence`: its subject before a verb of saying or asking
    whose object, within a few words, is the public ("Các trường … thông báo tới cha mẹ học sinh …",
    "ngành điện Thủ đô luôn mong nhận được sự chia sẻ của quý khách hàng …", "nhà trường kính mong CMHS
    …"). Empty when no such body is named."""
    sentence = nfc(sentence).strip()
    if not sentence or not re.search(_PUBLIC_AFTER, _fold(sentence)):
        return ()
    s = A._Sentence(sentence, units)
    for v in C._starts(s, _SPEAKS, s.first + 1, s.n - 1):
        n = C._any_at(s, v, _SPEAKS)
        if not n:
            continue
        if not any(_public_at(s, x) for x in range(v + n, min(s.n, v + n + 8))):
            continue
        subject = C._subject_before(s, v) or lead_doers._speaker_after_opener(s, v) or _subject_ending_at(s, v)
        if subject is None or any(_public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            continue
        return tuple(AssigneeRef(s.span_text(a, b), None, None) for a, b in subject.items)
    return ()


def _all_public(refs: Sequence[AssigneeRef]) -> bool:
    return all(re.match(_PUBLIC_AFTER, _fold(r.text)) for r in refs)


# ------------------------------------------------------------ (§8 b) carried: who was told to direct
_DIRECTS = re.compile(r"(chi dao|yeu cau)\s+(?:cho\s+)?")


def _directed(text: str, own: Assignees) -> int | None:
    """Where Y starts in a subjectless "(Đồng thời,) chỉ đạo / yêu cầu Y …" read with Y as its lead,
    else None."""
    if not own.lead or own.lead[0].span is None or own.lead[0].span[0] > 80:
        return None  # (Y stands right after the verb, near the start: most items name their lead elsewhere)
    folded = _fold(nfc(text)[:100])
    k = _MARKER.match(folded)
    at = k.end() if k else 0
    o = _OPENER.match(folded, at)
    at = o.end() if o else at
    m = _DIRECTS.match(folded, at)
    if m is None or own.lead[0].span[0] != m.end():
        return None
    return m.end()


def _head(name: str) -> str:
    """The first two words of a name, folded: "các trường" of "các trường trong diện quản lý"."""
    return " ".join(_fold(name).split()[:2])


def _told_to_direct(antecedent: str, lead: Sequence[AssigneeRef], y: str, units: Sequence[KnownUnit]) -> bool:
    """Was the antecedent's lead X told to direct the same Y ("đề nghị X … chỉ đạo Y' …", Y' with Y's
    first words), X not Y itself?"""
    if not lead or any(_head(x.text) == _head(y) for x in lead):
        return False
    folded = _fold(nfc(antecedent))
    if not re.search(rf"\bchi dao\s+(?:cho\s+)?{re.escape(_head(y))}\b", folded):
        return False
    return A.read_assignees(antecedent, units).how == "assigned"


def _directs(own: Assignees, lead: Sequence[AssigneeRef]) -> Assignees:
    """X leads, Y executes (the public directed is nobody's executor: §8 c)."""
    executor = own.executor if _all_public(own.lead) else (*own.lead, *own.executor)
    return Assignees(
        lead=tuple(replace(r, span=None) for r in lead),
        support=own.support,
        executor=tuple(replace(r, span=None) for r in executor),
    )


def _lead_in(context: str, units: Sequence[KnownUnit]) -> tuple[AssigneeRef, ...]:
    """The lead a lead-in assigns the items under it ("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh … thực hiện
    các công việc sau:"): the innermost heading naming someone, when it ends with a colon and assigns."""
    for segment in reversed(A.context_segments(context, units)):
        reading = A.read_assignees(segment, units)
        if reading.assignees.lead:
            return reading.assignees.lead if segment.rstrip().endswith(":") and reading.how == "assigned" else ()
    return ()


# ------------------------------------------------------------------------------------------ hooks
def from_context(text: str, own: Assignees, context: str, units: Sequence[KnownUnit] = ()) -> Assignees:
    """`parse_directive`'s hook: the lead a sentence takes from its `context` (the sentence before, or the
    splitter's headings) in the two carried classes; `own` unchanged otherwise."""
    y = _directed(text, own)
    if y is not None:
        lead = _lead_in(context, units)
        if not lead:
            last = A.context_segments(context, units)[-1:] or [context]
            told = A.read_assignees(last[0], units)
            if _told_to_direct(last[0], told.assignees.lead, own.lead[0].text, units):
                lead = told.assignees.lead
        if lead:
            return _directs(own, lead)
        return own
    if asks_public(text):
        last = context.splitlines()[-1] if context else ""
        body = speaker_to_public(last, units)
        if body:
            return Assignees(lead=body, support=own.support, executor=own.executor)
    return own


def carried(
    text: str,
    parsed: ParsedDirective,
    earlier: Sequence[tuple[str, ParsedDirective]],
    previous: ParsedDirective | None,
    before: str | None,
    units: Sequence[KnownUnit] = (),
) -> ParsedDirective:
    """The splitter's hook, for an item of a whole conclusion: `earlier` holds the items before it (in the
    text's order, the last few) with their readings, `previous` the order before it in its paragraph (the
    splitter's thread), `before` the sentence read just before it (a task or not)."""
    if not parsed.assignees.lead and before:  # (leaddoc) the body whose programme the sentence before tells
        parsed = replace(parsed, assignees=lead_from_document.subject_before(text, parsed.assignees, before, units))
    own = parsed.assignees
    if previous is not None and previous.assignees.lead and own.lead and all(r.span is None for r in own.lead):
        # (§10, §3) The item names nobody and took a heading's lead, while the order before it in its paragraph
        # names its own: the nearer one leads ("… thông báo … như sau:" / "2. Sinh viên tiếp tục …. Tham gia
        # các hoạt động …", CJ09; "Đề nghị các Trung tâm …. Báo cáo gửi về Cục …", CK27; "… đã có chỉ đạo giám
        # đốc các sở; …. Theo đó, các kết quả … phải được công khai …" under a photo caption read as a
        # heading, CH22). The splitter carried the order before only to an item with no lead at all.
        written = A.parse_assignees(text, units)
        if not written.lead:
            lead = tuple(replace(r, span=None) for r in previous.assignees.lead)
            parsed = replace(parsed, assignees=Assignees(lead, written.support, written.executor))
            own = parsed.assignees
    y = _directed(text, own)
    if y is not None:
        for antecedent, reading in reversed(earlier[-6:]):
            if _told_to_direct(antecedent, reading.assignees.lead, own.lead[0].text, units):
                return replace(parsed, assignees=_directs(own, reading.assignees.lead))
        return parsed
    if not asks_public(text):
        return parsed
    if previous is not None and previous.assignees.lead and not _all_public(previous.assignees.lead):
        body = tuple(replace(r, span=None) for r in previous.assignees.lead)
    else:
        body = speaker_to_public(before or "", units)
    if not body:
        return parsed
    return replace(parsed, assignees=Assignees(lead=body, support=own.support, executor=own.executor))
