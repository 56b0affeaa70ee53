"""An enumeration of administrative levels inside one lead, cut at its comma (issue 11, tenth session, leado).

Kind of sentence: one body named for several levels at once — "UBND các xã, phường ở Hà Nội được yêu cầu …",
"tại các Trạm y tế xã, Thị trấn đồng loạt thực hiện …", "danh sách cử tri do UBND xã, thị trấn lập …". The
levels after the head are ONE lead (LABELLING.md §12: commas inside one title; §11: a name with its places). On a
path where the reader starts the name after the comma, only the tail ("phường ở Hà Nội", "Thị trấn") is kept,
a place, not a body. The cue is structural: a lead that OPENS with a level word right after "<level word>,"
is the tail of an enumeration of levels; the lead is the noun phrase the enumeration belongs to.

Written from corpus O (O002-01), G (G133-01) and F (F089-01 through its context); corpora L, M, N were not read
for it (their figures are in bench/README.md, session 10). Tests: `tests/domain/test_lead_round14.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

# Administrative levels: each names a place of a kind, never a body by itself (the body is the head before).
_LEVELS = (("thị", "xã"), ("thị", "trấn"), ("thành", "phố"), ("xã",), ("phường",), ("huyện",), ("quận",), ("tỉnh",))
# Words a name does not cross going back: where its noun phrase begins (a preposition, a passive's or a
# relative's marker, a conjunction) — "tại các Trạm y tế xã, …" starts at "các".
_STOPS = ("tại", "ở", "của", "cho", "với", "từ", "đến", "do", "được", "bị", "và", "hoặc", "là", "thì", "nên")
_MAX_BACK = 8  # a head of a few words ("Trung tâm Y tế", "UBND"); further back is another phrase


def _level_at(s: _Sentence, k: int) -> int:
    """How many words of an administrative level start at tokens[k] (any case), else 0."""
    for words in _LEVELS:
        if all(s.word(k + i) and s.is_(k + i, w) for i, w in enumerate(words)):
            return len(words)
    return 0


def _level_ending_at(s: _Sentence, x: int) -> int:
    """Where a level word that ends right before tokens[x] starts, else -1."""
    for size in (2, 1):
        if x - size >= 0 and _level_at(s, x - size) == size:
            return x - size
    return -1


def _enumeration_start(s: _Sentence, a: int) -> int:
    """The first level of the enumeration whose tail starts at tokens[a] ("xã" of "các xã, phường"), else -1."""
    first = -1
    x = a
    while s.punct(x - 1, ","):
        k = _level_ending_at(s, x - 1)
        if k < s.first:
            break
        first = x = k
    return first


def _opens_nothing(s: _Sentence, k: int) -> bool:
    """A word a unit's head does not run back over: a verb, an adverb or predicate marker ("cả nước mới chỉ có
    14/63 tỉnh, …": a report), a count or a date ("18 huyện, thị xã": places counted, not a body), or another
    level ("UBND các xã UBND quận, huyện": the enumeration's own head comes after it)."""
    t = s.tokens[k]
    return bool(
        s.m(L.ASSIGN_VERBS, k)
        or s.m(L.VERBS, k)
        or s.m(L.ADVERBS, k)
        or s.m(L.PREDICATE_MARKERS, k)
        or any(ch.isdigit() for ch in t.text)
        or _level_ending_at(s, k + 1) >= 0
    )


def _head_start(s: _Sentence, first: int, floor: int) -> int:
    """Where the noun phrase holding the enumeration begins: back from its first level over a determiner and a
    head of a few words, to the clause start, a punctuation mark or a stop word; -1 when no head is there."""
    x = first
    while x - 1 >= floor and first - (x - 1) <= _MAX_BACK and s.word(x - 1):
        if any(s.is_(x - 1, w) for w in _STOPS) or _opens_nothing(s, x - 1):
            break
        x -= 1
    # the phrase opens at its head or a determiner: skip words before it that open nothing ("Trong các ngày …")
    while x < first and not (s.m(L.DETERMINERS, x) or s.m(L.ORG_HEADS, x) or s.tokens[x].capitalized):
        x += 1
    if x >= first:
        return -1  # "xã, phường" alone: no body named before the levels
    if s.m(L.DETERMINERS, x) and x + s.m(L.DETERMINERS, x) == first:
        return -1  # "các xã, phường": the places themselves (the reader's own list rules decide)
    return x


def level_list_heads(s: _Sentence, leads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each lead that is only the tail of an enumeration of levels ("phường ở Hà Nội" of "UBND các xã, phường
    ở Hà Nội") becomes the whole noun phrase; the others are kept as they are."""
    out: list[tuple[int, int]] = []
    for a, b in leads:
        if not s.punct(a - 1, ",") or not _level_at(s, a):  # (speed14: the comma first, one test)
            out.append((a, b))
            continue  # (the common case: a lead that does not open with a level word after a comma)
        first = _enumeration_start(s, a)
        floor = out[-1][1] if out else s.first
        start = _head_start(s, first, floor) if first >= 0 else -1
        if start < 0 or any(x < b and start < y for x, y in out):
            out.append((a, b))
            continue
        out.append((start, b))
    return out


# ------------------------------------------------------------------ places named after a plural kind of place
# Kind of sentence: one body for several named places, some of them named with their own level — "Chủ tịch UBND
# các địa phương Hà Tĩnh, Quảng Trị, Thành phố Huế, Thành phố Đà Nẵng, Quảng Ngãi …", "UBND các huyện Lý Sơn,
# Bình Sơn, Mộ Đức, thị xã Đức Phổ và thành phố Quảng Ngãi". The places are the members of ONE lead (LABELLING.md
# §12: a list of members under one head; N032-01's colon form "các địa phương: …, thành phố Đà Nẵng, …" is already
# read so). The reader starts a new lead at a level word; after a head that is naming places, a level word with a
# proper name ("thị xã Đức Phổ") is one more member. The cue is the list's layout: a plural kind of place, proper
# names, and items that are a level word + a proper name. Written from corpus O (O032-02) and L (L059-01), the
# class checked on N (N032-01, unmoved); M was not read for it.
_PLACE_KIND_EXTRA = (("địa", "phương"),)


def _proper(s: _Sentence, k: int) -> bool:
    """A word written as a proper name ("Huế", "Đức"): a capital, and not a text written all in capitals (there
    case says nothing: "THANH PHO HUE, …")."""
    return s.word(k) and s.tokens[k].capitalized and not s.tokens[k].text.isupper()


def _names_places(s: _Sentence, a: int, b: int) -> bool:
    """Does the lead tokens[a:b] name places after a plural kind ("… các huyện Lý Sơn, …") and end on a name?"""
    if not _proper(s, b - 1):
        return False
    for k in range(a, b - 2):
        d = s.m(L.DETERMINERS, k)
        if not d:
            continue
        p = k + d
        size = _level_at(s, p) or next(
            (len(w) for w in _PLACE_KIND_EXTRA if all(s.is_(p + i, x) for i, x in enumerate(w))), 0
        )
        if size and p + size < b and _proper(s, p + size):
            return True
    return False


def _named_level(s: _Sentence, a: int) -> bool:
    """Does tokens[a] open "<level word> <Proper name>" ("thị xã Đức Phổ", "Thành phố Huế")?"""
    size = _level_at(s, a)
    return bool(size) and _proper(s, a + size)


def _joined(s: _Sentence, b: int, a2: int) -> bool:
    """Only a comma or "và" between two leads."""
    return 0 < a2 - b <= 2 and all(s.punct(x, ",") or s.is_(x, "và") for x in range(b, a2))


def named_places_list(s: _Sentence, leads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Leads that are a level word + a proper name, right after a lead naming places of a plural kind, are
    members of that lead: "UBND các huyện Lý Sơn, Mộ Đức" + "thị xã Đức Phổ" → one lead."""
    if len(leads) < 2:
        return leads
    out: list[tuple[int, int]] = []
    for a, b in leads:
        if out and _joined(s, out[-1][1], a) and _named_level(s, a) and _names_places(s, *out[-1]):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out
