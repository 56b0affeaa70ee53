"""Reported news that assigns nobody: the speaker's own issuing, told as done (issue 11, twelfth session,
branch `newsr`).

Kind of sentence: news or a report saying that a body or an office-holder **has issued** something — a notice,
a letter, a plan, a campaign — and naming nobody to carry it out: «UBND tỉnh vừa ban hành thông báo về việc cấm
…», «Bộ Y tế đã phát động chiến dịch … với mục tiêu …». What the clause does is report the speaker's finished
act (the past marker «đã / vừa / mới» on a verb of issuing, and a document or campaign as its object); the one
who issues is the speaker, never the lead (LABELLING.md §5), and an issue with no receivers names nobody (§7 needs
the receivers, §29.24 "… nên đã có văn bản chỉ đạo chấn chỉnh …" → empty, §34.2 "đã" on the action marks a
report). The reader took the subject as the doer of its own verb. `lead_unaddressed_order.document_about` reads
the same report when the document is named by its number («… vừa ký Văn bản số 125 về …»); this is the class
without the number, told by the past marker instead.

Not this class (left to the reader's other rules):
- an issue that names receivers or addressees («… vừa ban hành công văn yêu cầu các sở …», «… đã có công điện
  gửi UBND các tỉnh …», «… phát đi thông báo tới các đơn vị …»): they lead (§7, §8 a);
- a plan or programme the body states for itself, with no past marker or with a verb after «kế hoạch» («Xã phát
  động phong trào …», «Bộ Y tế vừa có kế hoạch triển khai chiến dịch tiêm …»): the body leads (§1, §29.15);
- a campaign that asks the public («… phát động phong trào, vận động nhân dân …»): the body leads (§8 d);
- a sentence that goes on to another clause («…; các xã phải …», «… có trách nhiệm …»).

Dev sentences of the class: G069-01 (corpus G, «… đã phát động “Chiến dịch …” với mục tiêu …»), O062-01 (corpus
O: «… sẽ bị đình chỉ …» took the lead from its context «Ban Chỉ huy … vừa ban hành thông báo về việc đình chỉ
…»); the numbered form already read so: L005-01 (L), M057-01 (M), and K010-01 (K), G128-01 (G) by other rules.
Hooked by one line in `assignees._read_cached`, after `_find_lead` (whichever rule took the subject).
Tests: `tests/domain/test_lead_reported16.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_conventions as C
from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# What something issued is: a letter (the reader's own list) or a document, plan or campaign.
_ISSUED = phrases("lead_reported16_issued")
# A verb of issuing. «có» only with a letter («vừa có kế hoạch triển khai …» is the body's own plan, §1).
_ISSUE = (
    ("ký", "ban", "hành"),
    ("ban", "hành"),
    ("phát", "đi"),
    ("phát", "động"),
    ("công", "bố"),
    ("ký",),
    ("ra",),
    ("có",),
)
_PAST = ("đã", "vừa", "mới")
# A campaign or a consultation among the public is the body's own (§8 d): «vận động nhân dân …», «lấy ý kiến của
# tổ chức, công dân …» (as `lead_unaddressed_order.document_about` reads it).
_PUBLIC = (*C._PUBLIC, "công dân", "khách hàng")
# Words that send what was issued to someone: the receivers lead (§7).
_TO = ("gửi", "tới")


def unless_issue_reported(s: _Sentence, lead: _Found | None) -> _Found | None:
    """None when the subject the reader took only reports its own finished issuing, else `lead` as it was."""
    if lead is None or lead.how != "subject":
        return lead
    return None if issued_naming_nobody(s, lead) else lead


def issued_naming_nobody(s: _Sentence, subject: _Found) -> bool:
    """Does the subject only report its own finished issuing (see the module doc), naming nobody to act?"""
    k = subject.end
    past = False
    while k < s.n and (s.m(L.ADVERBS, k) or s.punct(k, ",")):
        past = past or any(s.is_(k, w) for w in _PAST)
        k += s.m(L.ADVERBS, k) or 1
    if not past:
        return False  # «Xã phát động phong trào …», «X ban hành kế hoạch …»: a programme or a task (§1)
    verb = next((w for w in _ISSUE if all(s.is_(k + j, x) for j, x in enumerate(w))), None)
    if verb is None:
        return False
    what = k + len(verb)
    what += s.punct(what, "“\"'«")  # «… đã phát động “Chiến dịch …”»
    size = s.m(A._LETTER_NOUNS, what)
    if not size and verb != ("có",):
        # not «đã phát động các cơ sở thực hiện …»: those mobilised are addressees, read by the other rules
        size = s.m(_ISSUED, what)
    if not size:
        return False
    for x in range(what, s.n):
        if s.punct(x, ";") or s.is_(x, "trách") or any(s.is_(x, w) for w in _TO):
            return False  # another clause, an obligation, or receivers
        if s.is_(x, "đến") and s.is_(x + 1, "các"):
            return False  # «… phát đi thông báo đến các đơn vị»
        if any(s.m(words, x) for words in (L.SEND_VERBS, A._ASK_VERBS, A._CHI_DAO)):
            return False  # an order, sending: read by the reader's own rules
        giao = s.m(L.ASSIGN_VERBS, x)
        if giao and A._np_start(s, x + giao):
            return False  # «giao <ai>» (not «giao thông», «giao lưu»)
        if C._any_at(s, x, _PUBLIC) and not s.is_(x - 1, "cho"):
            return False  # the body's own campaign among the public (§8 d), not the public it is for («cho»)
    return True
