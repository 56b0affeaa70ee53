"""Advice to the public, the forms corpus L showed (issue 11, seventh session, branch `leadl`).

`lead_conventions.public_advice` reads "X khuyến cáo / kêu gọi / đề nghị <the public> …" → X (LABELLING.md
§8 c, d; §29 (1)). Corpus L (read by nobody while those rules were written) has the same convention in
forms it does not take:
- another verb of advice: "Cục … khuyến nghị người dân không nên chủ quan …" (L088-01, and through it the
  items under that lead-in, L088-02);
- the public as a utility's or a carrier's customers: "EVN khuyến cáo đến khách hàng hãy sử dụng điện tiết
  kiệm …" (L045-01): customers at large are people at large (§8 d), "hành khách" too;
- the advising body announcing its request: "UBND xã thông báo đề nghị các hộ dân có diện tích đất màu thu
  xếp …" (L028-01): "thông báo (và)" before the verb of advice is how a notice asks, not another task.
Three documents of corpus L; the class is the one of K089-01, K015-01 (K), J092-01 (J).

One function, hooked beside `public_advice` in `assignees._find_lead`. It answers only where one of the
new forms occurs (a new verb, a new word of the public, or "thông báo" right before the verb) and reads
the rest as `public_advice` does (its helpers are reused), so the two cannot disagree on the old forms.
Tests with written sentences of each form: `tests/domain/test_lead_public.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignees as A
from domain.understand import lead_conventions as C

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# The verbs of advice of `public_advice` and the ones it lacks.
_NEW_ADVISE = ("khuyến nghị",)
_ADVISE = C._ADVISE + _NEW_ADVISE
# The public of `public_advice` and the people at large it lacks: a utility's or carrier's customers.
_NEW_PUBLIC = ("khách hàng", "hành khách", "người tiêu dùng")
_PUBLIC = C._PUBLIC + _NEW_PUBLIC
_PUBLIC_DETERMINERS = (*C._PUBLIC_DETERMINERS, "quý")
# A notice announces its request: "UBND xã thông báo đề nghị …", "Ban … thông báo và kêu gọi …".
_ANNOUNCES = ("thông báo",)


def _public_at(s: _Sentence, k: int) -> int:
    """Where the public named at tokens[k] ("khách hàng", "đến quý khách hàng", "các hộ dân") ends its
    head, else 0 (`lead_conventions._public_at` with the wider lists)."""
    return C._public_at(s, k, _PUBLIC, _PUBLIC_DETERMINERS)


def _announced(s: _Sentence, v: int) -> int:
    """Where "thông báo (và)" starts right before the verb at tokens[v], else v."""
    x = v - 1 if s.is_(v - 1, "và") else v
    return x - 2 if C._any_at(s, x - 2, _ANNOUNCES) == 2 else v


# The new forms' words, written without their first letter so that one test finds them capitalised or not:
# one substring search in C per mark (`str.__contains__`), since the rule is asked of every sentence no rule
# before it gave a lead. (A first gate, `lead_conventions._has` on the phrase tuples, and then one `list`
# search of the token keys per mark, cost 31k instructions a sentence under `bench/parse_instructions.py
# --stage read`: a key search compares 50 strings in turn, the tuples are hashed at each call.)
_MARKS = {
    True: ("huyến nghị", "hách hàng", "ành khách", "iêu dùng"),
    False: ("huyen nghi", "hach hang", "anh khach", "ieu dung"),
}
_ANNOUNCE = {True: "hông báo ", False: "hong bao "}
_ANNOUNCED = {
    True: ("hông báo đề nghị", "hông báo và", "hông báo kêu gọi", "hông báo khuyến"),
    False: ("hong bao de nghi", "hong bao va", "hong bao keu goi", "hong bao khuyen"),
}


def _new_form(s: _Sentence) -> bool:
    """Does the sentence hold one of the new forms' words: "khuyến nghị", "khách hàng", "hành khách", "người
    tiêu dùng", or "thông báo (và)" before a verb of advice? (A gate: the rule reads the words themselves.)"""
    text = s.text
    accented = s.accented
    for mark in _MARKS[accented]:
        if mark in text:
            return True
    if _ANNOUNCE[accented] not in text:
        return False
    return any(mark in text for mark in _ANNOUNCED[accented])


def wider_public_advice(s: _Sentence) -> _Found | None:
    """A body advises, appeals to or asks the public in a form `public_advice` does not read ("khuyến nghị
    người dân", "khuyến cáo đến khách hàng", "thông báo đề nghị các hộ dân"): the body leads (LABELLING.md
    §8 d). Not when others are asked too, nor when no body gives it (the public as written, §8 d)."""
    if not _new_form(s):
        return None  # (the common case: none of the new forms' words, a few substring tests in C)
    for v in C._starts(s, _ADVISE, s.first + 1, s.n - 1):
        n = C._any_at(s, v, _ADVISE)
        if not n:
            continue
        end = _public_at(s, v + n)
        if not end:
            continue
        at = _announced(s, v)
        new = at < v or C._any_at(s, v, _NEW_ADVISE) or not C._public_at(s, v + n)
        if not new:
            return None  # the old form: `public_advice` decided it
        if any(C._any_at(s, x, ("đề nghị", "yêu cầu", "giao")) for x in range(end, s.n)):
            return None  # others are asked too
        if any(s.is_(x, "và") and A._np_start(s, x + 1) and not _public_at(s, x + 1) for x in range(end, end + 2)):
            return None  # "khách hàng và các doanh nghiệp": others named with them
        subject = C._subject_before(s, at)
        if subject is not None and not any(_public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            return subject
        return None
    return None
