"""Whom a stated order is for, named at the end of the sentence (issue 11, seventh session, branch `leadl`).

Kind of sentence: the order is stated first, then named as a noun with its speaker and, last, whom it is for:
"“…”, đây là yêu cầu của Tổng Giám đốc … đối với Bảo hiểm xã hội 6 địa phương phía Nam gồm Thành phố Hồ Chí
Minh, Bình Dương, … và Tiền Giang.", "…, cố gắng tìm giải pháp … - là tinh thần được Thứ trưởng … đề nghị với
các đại biểu tham dự hội nghị trực tuyến về công tác quản lý và tổ chức lễ hội.", "Đó là chỉ đạo của UBND tỉnh
đối với các Sở, …, UBND các huyện, thành phố, thị xã tại Công văn số …". The party it is for leads (LABELLING.md
§6), and since the task was said before, nothing after its name is a predicate: the words up to the sentence's
end say which ones (§11: a restrictive clause or an enumeration "gồm …" is kept whole). The reader read the name
as it reads a subject and stopped at the first verb ("tham dự") or "gồm".

Dev sentences of the class: L042-01 (L), J076-01 (J); L077-01 (L) and D093-01 (D), already right, are the
forms it must leave (a document reference "tại Công văn số …" after the name, a name that ends the sentence).
Hooked by one line after `assignees._find_lead`, asked only for an addressee read after "với / tới" with "là"
before it. Tests: `tests/domain/test_lead_public.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_TO = ("với", "tới")
_ORDER_NOUNS = ("yêu cầu", "đề nghị", "chỉ đạo", "tinh thần", "ý kiến", "nhiệm vụ")


def _framed(s: _Sentence, y: int) -> bool:
    """Is the addressee at tokens[y] the one of "là <order noun> (của A | được A <verb>) với / đối với / tới"?
    Looks back over the speaker (at most 30 tokens, no ";" or ".") for "là" + an order noun."""
    for x in range(y - 2, max(s.first, y - 32), -1):
        if s.punct(x, ";.:?!"):
            return False
        if s.is_(x, "là") and any(A.lead_conventions._phrase_at(s, x + 1, n) for n in _ORDER_NOUNS):
            return True
    return False


def _tail_end(s: _Sentence, e: int) -> int:
    """Where the words after a name end when they only say which ones: the sentence's last word, when no
    document, date, time, assigning verb, modal or clause mark comes first; else 0."""
    last = s.n
    while last > e and not s.word(last - 1) and not s.punct(last - 1, ")"):
        last -= 1  # the final "." or "…"
    if last - e < 2:
        return 0
    for x in range(e, last):
        t = s.tokens[x]
        if not t.is_word:
            if s.punct(x, ";:?!“”\"") or (s.punct(x, ".") and x < last - 1):
                return 0
            continue
        if "/" in t.text or s.m(A._LETTER_NOUNS, x) or s.m(L.ASSIGN_VERBS, x) or s.m(A._MODALS, x):
            return 0  # "tại Công văn số 4079/UBND-KT …": where the order is written, not who
        if s.is_(x, "tại") or s.is_(x, "theo") or s.m(A._TIME_WORDS, x) or (s.is_(x, "trong") and s.is_(x + 1, "suốt")):
            return 0  # "… trong suốt dịp nghỉ lễ kéo dài 5 ngày sắp tới": when, not who (D093-01)
    return last


def addressee_to_end(s: _Sentence, found: _Found) -> _Found:
    """The last addressee of a stated order runs to the sentence's end (see the module doc)."""
    y = found.start
    if not found.items or y < 2 or not any(s.is_(y - 1, w) for w in _TO) or not _framed(s, y):
        return found
    a, e = found.items[-1]
    end = _tail_end(s, e)
    if not end:
        return found
    return A._Found([*found.items[:-1], (a, end)], found.start, end, found.how)
