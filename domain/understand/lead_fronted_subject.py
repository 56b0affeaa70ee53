"""The subject of an obligation or a programme after a fronted part with no comma (issue 11, eighth
session, branch `leadb`).

Kind of sentence: a part put before the subject — a purpose ("Để …"), a topic or object ("Còn lại 5 chỉ
tiêu …"), a programme's opener ("Dự kiến …"), a passive's "được" — run into the subject with no comma, and
the subject followed straight away by a word of obligation ("phải", "cần", "bắt buộc phải") or of programme
("sẽ", "dự kiến", "phấn đấu"): "Để bảo đảm an toàn cho học sinh theo quy định của
Luật Giáo dục các trường bắt buộc phải …", "Còn lại hai hạng mục Ban quản lý dự án dự kiến phấn đấu …",
"Dự kiến Hội Cựu chiến binh xã sẽ tổ chức …", "… đã được chính quyền các thôn phấn đấu hoàn thành …". The
noun phrase that ends right at that word leads (LABELLING.md §4: the subject of an obligation; §1, §29.15: a
body's programme; §29.23: the agent of "được X <verb>"). The reader found no subject at the start (the
sentence opens with the fronted part) and, with no comma, read no clause start before the subject: it named
nobody, or the object of a later "yêu cầu".

The cue that separates the fronted part from the subject: the first noun phrase (left to right, inside the
clause) that ends exactly at the marker, adverbs aside ("các trường vẫn phải" → "các trường"), and that is
not the object of a verb right before it ("hỗ trợ các xã phải di dời" is the fronted part's object), except
after "được" (a passive's agent) and the programme opener "dự kiến".

Dev sentences of the class (written from corpora M and J; L left out to measure): M004-01, M007-01, M072-01
(three documents of M), J041-01 (J; the adverb "vẫn" before the modal). Hooked by one line in
`assignees._find_lead`, only when no subject was found at the start. Tests: `tests/domain/test_lead_leadb.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# The markers, read by their first syllable's key (`where`, a search in C) rather than as a phrase list of
# their own: every phrase list takes a slot in the one-pass table every sentence pays for. (first syllable,
# the rest of the phrase): "phải", "cần (phải)", "bắt buộc phải", "sẽ", "dự kiến", "phấn đấu".
_MARKERS = (("phải", ()), ("cần", ()), ("sẽ", ()), ("dự", ("kiến",)), ("phấn", ("đấu",)))
# After "sẽ": an event or a thing's future, not a task ("Đại hội sẽ diễn ra", "sẽ được hoàn thành").
_NOT_TASKS = ("được", "bị", "diễn ra", "là", "có", "không", "chưa", "trở thành", "kết thúc", "bắt đầu")
# A word before the phrase that makes it part of a phrase begun earlier ("thời gian học hè của học sinh"),
# or inside the object of a preposition one or two words before ("Trên cơ sở đó cần rà soát lại": a
# connective, not a body).
_INSIDE_BEFORE = ("của", "cho", "với", "về", "tới", "đến", "từ", "tại", "trên", "dưới", "theo", "trong", "ngoài", "qua")
_EVENTS = ("đại hội", "hội nghị", "lễ", "kỳ thi", "cuộc thi", "hội thi")
_DETERMINERS = ("các", "những", "mọi")
# Adverbs the name may have run into before the marker ("các trường vẫn phải"); not "mới" ("giáo viên mới").
_TAIL_ADVERBS = ("vẫn", "cũng", "đều", "đã", "đang", "luôn", "còn")
_STOPS = ";.:?!“\""
# A verb before the phrase makes it an object, except these (a passive's agent, a programme's opener).
_OPEN_BEFORE = ("được", "dự kiến", "kiến")


def subject_before_marker(s: _Sentence) -> _Found | None:
    """The subject before a word of obligation or programme after a fronted part (see the module doc).
    Text typed without diacritics is left alone: "lam truong doan se kiem tra" reads as a name."""
    if not s.accented:
        return None
    assigning = s.at(L.ASSIGN_VERBS)
    for q, nxt in _markers(s):
        if q <= s.first + 1 or not s.word(q - 1):
            continue
        if any(p < q and not any(s.punct(x, ";.") for x in range(p, q)) for p in assigning):
            continue  # "Đề nghị các xã cần …": the one asked is read by the reader's own rules
        after = A._skip_adverbs(s, nxt, adjuncts=False)
        if any(_phrase_at(s, k, _NOT_TASKS) for k in (nxt, after)) or not s.word(after):
            continue
        if _assigned_later(s, nxt):
            return None  # "những vấn đề cần phối hợp giải quyết UBND phường giao …": a topic, then who acts
        # Only the stretch after the last comma: a subject right after a comma is a clause start, which
        # the reader's own clause rules read ("Ngày 1/5, 63 tỉnh, thành phố phải …").
        bound = q
        while bound > s.first and not s.punct(bound - 1, _STOPS + ","):
            bound -= 1
        after_comma = bound > s.first and s.punct(bound - 1, ",")
        if after_comma and (not s.word(bound) or A._np_start(s, bound) or not s.word(bound + 1)):
            continue
        for i in range(max(bound, s.first + 1, q - 16), q):
            found = _ending_at(s, i, q)
            if found is not None:
                return found
    return None


def _ending_at(s: _Sentence, i: int, q: int) -> _Found | None:
    """The subject that starts at tokens[i] and ends at the marker tokens[q] (trailing adverbs cut)."""
    if not s.word(i) or not A._np_start(s, i):
        return None
    if _verb_before(s, i) or any(s.is_(i - k, w) for k in (1, 2) for w in _INSIDE_BEFORE) or _ends_head(s, i):
        return None
    if any(_at_event(s, x) for x in range(max(s.first, i - 8), i)):
        return None  # "Đại hội điểm cấp huyện sẽ tổ chức …": an event's name, not a body
    if any(_phrase_at(s, x, _DETERMINERS) for x in range(max(s.first, i - 4), i)):
        return None  # "Các đông chí giáo viên mới cần …" (a typo in the head): inside a phrase begun earlier
    found = A._subject_at(s, i)
    if found is None or found.start != i or not found.items:
        return None
    a, b = found.items[-1]
    if a < q < b:
        b = q  # "các địa phương trong tỉnh bắt buộc phải": the marker read into the name
    elif b > q or found.end > q or A._skip_adverbs(s, found.end) < q:
        return None
    # "các trường vẫn phải": an adverb read into the name is cut off before the marker
    y = next((y for y in range(a + 1, b) if A._skip_adverbs(s, y) >= q and _phrase_at(s, y, _TAIL_ADVERBS)), b)
    items = [*found.items[:-1], (a, y)]
    return A._Found(items, i, y, "subject")


def _markers(s: _Sentence) -> list[tuple[int, int]]:
    """(where a marker starts, where its verb starts), in order: "bắt buộc phải" starts at "bắt", "cần phải" is
    one marker."""
    out = []
    for first, rest in _MARKERS:
        for q in s.where(s.key(first)):
            if not all(s.is_(q + 1 + k, w) for k, w in enumerate(rest)):
                continue
            nxt = q + 1 + len(rest)
            if first == "phải" and s.is_(q - 1, "cần"):
                continue  # read as "cần phải" at "cần"
            if first == "cần" and s.is_(nxt, "phải"):
                nxt += 1
            if first == "phải" and s.is_(q - 2, "bắt") and s.is_(q - 1, "buộc"):
                q -= 2
            out.append((q, nxt))
    return sorted(out)


def _at_event(s: _Sentence, x: int) -> bool:
    """Does an event's name ("Đại hội", "Hội nghị", "lễ") start at tokens[x]?"""
    return _phrase_at(s, x, _EVENTS)


def _phrase_at(s: _Sentence, x: int, words: tuple[str, ...]) -> bool:
    """Does one of `words` (of one or more syllables) start at tokens[x]? (Their first syllables' keys are
    looked up first: one set test for most positions.)"""
    firsts = _FIRST_KEYS.get((words, s.accented))
    if firsts is None:
        firsts = _FIRST_KEYS[(words, s.accented)] = frozenset(s.key(e.split()[0]) for e in words)
    if not 0 <= x < s.n or s.tokens[x][3] not in firsts:
        return False
    return any(all(s.is_(x + k, w) for k, w in enumerate(e.split())) for e in words)


_FIRST_KEYS: dict[tuple[tuple[str, ...], bool], frozenset[str]] = {}


def _assigned_later(s: _Sentence, q: int) -> bool:
    """Is there an assigning verb from tokens[q] (after the marker) in the same clause (up to ";" or ".")?"""
    return any(p >= q and not any(s.punct(x, ";.") for x in range(q, p)) for p in s.at(L.ASSIGN_VERBS))


def _ends_head(s: _Sentence, i: int) -> bool:
    """Does a person's or a body's head end right before tokens[i] ("trưởng đoàn": inside a phrase)?"""
    return any(
        s.m(heads, i - k) == k for heads in (L.PERSON_HEADS, L.ORG_HEADS) for k in (1, 2, 3) if i - k >= s.first
    )


def _verb_before(s: _Sentence, i: int) -> bool:
    """Is the phrase at tokens[i] the object of a verb that ends right before it?"""
    for k in (1, 2, 3):
        if i - k < s.first:
            break
        if s.m(L.VERBS, i - k) == k and not s.m(L.ORG_HEADS, i - k) and not s.m(L.PERSON_HEADS, i - k):
            return not any(s.is_(i - 1, w) for w in _OPEN_BEFORE)
    return False
