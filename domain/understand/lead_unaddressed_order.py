"""An order reported with no addressee: the one who issues it does not lead (issue 11, ninth session,
branch `leadn`).

Kind of sentence: news or a report saying that someone issued an order, with nobody named to carry it out —
- the document itself, named by its number and what it is about: "Chủ tịch UBND tỉnh vừa ký Văn bản số 125 về
  việc đẩy nhanh giải ngân vốn đầu tư công …", "Thủ tướng Chính phủ đã có Công điện số 12/CĐ-TTg về tăng cường
  phòng chống cháy rừng …";
- the order's content right after the directing verb, with a word of obligation and no noun phrase between:
  "Bên cạnh đó, Thứ trưởng chỉ đạo phải có phương án chống ùn tắc …".
The reader took the subject, the one who signs or directs, as the lead. The signer, the sender and the speaker
never lead (LABELLING.md §5); an order naming no addressee names nobody (§4, §6: "Đồng chí yêu cầu …" naming no
addressee → empty), as `assignees._only_asks` already reads "Thủ tướng yêu cầu tăng cường …" and
`lead_conventions.own_order_naming_nobody` "… nên đã có văn bản chỉ đạo chấn chỉnh …".

The cues are structural: a document's number ("số" and a numeral) followed by "về" (what it is about), and no
verb of sending, asking or assigning anywhere after it ("… có công văn số 12 gửi UBND các huyện về …", "… có
công văn số 12 yêu cầu các sở …" name their addressees and are read by the reader's own rules); or the
directing verb followed straight by a word of obligation.

Dev sentences of the class (written from corpora M, L and N; J and K left out to measure): L005-01 (L), N012-05
(N; through it its two subjectless follow-ups, N012-06, N012-07, which carried the speaker from it), M057-01 (M:
its own sentence now names nobody, but its lead still comes from its title "Thủ tướng chỉ đạo: …", which
`assignees_from_context` reads as a lead-in; left alone). L053-01 (L: "… có Văn bản số … về việc lấy ý kiến
của tổ chức, công dân", a request to the public) is why the public is excepted.
Hooked in `assignees._find_lead` beside `_only_asks`. Tests: `tests/domain/test_lead_leadn.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_conventions as C

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# Verbs that bring out a document: "ký", "ban hành", "ký ban hành", "có", "gửi" is not here (it names receivers).
_ISSUE = (("ký", "ban", "hành"), ("ký",), ("ban", "hành"), ("có",))
_OBLIGATIONS = ("phải", "cần")
_PUBLIC = (*C._PUBLIC, "công dân", "khách hàng")


def directs_nobody(s: _Sentence, subject: _Found) -> bool:
    """Is the subject's predicate "chỉ đạo" straight followed by a word of obligation ("Thứ trưởng chỉ đạo phải
    có phương án …")? An order still (the conclusion splitter keeps it), naming nobody."""
    k = A._skip_adverbs(s, subject.end)
    directing = s.m(A._CHI_DAO, k)
    return bool(directing) and any(s.is_(k + directing, w) for w in _OBLIGATIONS)


def document_about(s: _Sentence, subject: _Found) -> bool:
    """Does the subject only bring out a document named by its number and what it is about ("(ký | ban hành |
    có) <văn bản | công điện …> số <n> … về …"), with no verb after it that names receivers or addressees?
    A report of the document: nobody leads, and the conclusion splitter reads it as the report it is (its
    tasks, if any, are in the sentences after it)."""
    k = A._skip_adverbs(s, subject.end)
    size = next((len(w) for w in _ISSUE if all(s.is_(k + j, x) for j, x in enumerate(w))), 0)
    if not size:
        return False
    letter = k + size
    noun = s.m(A._LETTER_NOUNS, letter)
    if not noun or not s.is_(letter + noun, "số"):
        return False
    number = letter + noun + 1
    if number >= s.n or not any(ch.isdigit() for ch in s.tokens[number].text):
        return False
    about = next((x for x in range(number + 1, min(s.n, number + 8)) if s.is_(x, "về")), None)
    if about is None:
        return False
    addressing = (L.ASSIGN_VERBS, L.SEND_VERBS, A._ASK_VERBS, A._CHI_DAO)
    if any(s.m(words, x) for x in range(number, s.n) for words in addressing):
        return False
    # "… vừa có Văn bản số 235 về việc lấy ý kiến của tổ chức, công dân": a request to the public is the
    # body's own campaign, and the body leads (§8 d), here and in the items that carry it from this sentence.
    return not any(C._any_at(s, x, _PUBLIC) for x in range(number, s.n))
