"""A kind of business named by its trade, inside a list of such kinds (issue 11, ninth session, branch
`leadlist`).

Kind of sentence: kinds of traders ("thương nhân", "đại lý", "doanh nghiệp", "cửa hàng", "cơ sở" …), each
followed by the verb of its trade and the goods ("phân phối xăng dầu", "kinh doanh bán lẻ xăng dầu"), listed
with commas, then the order: "Sở đề nghị các thương nhân phân phối xăng dầu, tổng đại lý, đại lý kinh doanh
xăng dầu bảo đảm nguồn cung …", "… đề nghị tổng đại lý, doanh nghiệp kinh doanh bán lẻ xăng dầu đảm bảo đầy
đủ nguồn hàng". The reader took the trade verb ("phân phối", "bán lẻ") for the predicate and cut the
list after its first kind ("các thương nhân"): LABELLING.md §11 (a name spans what says which ones) and §12
(kinds sharing one determiner are one lead).

A trade verb right after a business kind names it (a closed list, `data/trade_verbs.txt`: verbs whose object
is goods, never a task); its goods are the lower-case words up to where the order opens (a verb of the lists,
a modal) or up to a comma followed by another business kind, where the list goes on. Anything else (a place,
a determiner, a clause stop, no goods) leaves the old reading.

Dev sentences of the class: L014-02, L014-03, L014-04 (corpus L), N039-01 (corpus N): four sentences, two
documents, two corpora. Hooked by one line in `name_bounds.activity_name_end`, so `_extend`'s chain and its
short-cut `name_words.step` (which both end a name there) read it alike. Tests: `tests/domain/test_lead_trade_names.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lexicons import entries
from domain.understand.vntokens import fold_word, tone_key

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

_TRADES = tuple(tuple(e.split()) for e in entries("trade_verbs"))
_TRADE_KEYS = {
    True: tuple(tuple(tone_key(w) for w in t) for t in _TRADES),
    False: tuple(tuple(fold_word(w) for w in t) for t in _TRADES),
}
FIRST_KEYS = {accented: frozenset(t[0] for t in keys) for accented, keys in _TRADE_KEYS.items()}

# A business kind is one of the org heads' business words; named here so that "đơn vị", "cơ quan" (bodies of
# the state, whose verbs are tasks) stay out.
_BUSINESS = ("thương nhân", "đại lý", "doanh nghiệp", "cửa hàng", "cơ sở", "đầu mối", "hộ kinh doanh", "công ty")
_BUSINESS_KEYS = {
    True: tuple(tuple(tone_key(w) for w in b.split()) for b in _BUSINESS),
    False: tuple(tuple(fold_word(w) for w in b.split()) for b in _BUSINESS),
}
_GOODS_MAX = 6  # "xăng dầu", "thuốc thú y", "khí dầu mỏ hóa lỏng": a few words


def _trade_at(s: _Sentence, k: int) -> int:
    """Length of a trade verb starting at tokens[k], 0 if none."""
    for trade in _TRADE_KEYS[s.accented]:
        if all(s.word(k + i) and s.tokens[k + i][3] == w for i, w in enumerate(trade)):
            return len(trade)
    return 0


def _business_before(s: _Sentence, start: int, k: int) -> bool:
    """Does a business kind end right before tokens[k] (and after `start`)?"""
    for kind in _BUSINESS_KEYS[s.accented]:
        a = k - len(kind)
        if a >= start and all(s.word(a + i) and s.tokens[a + i][3] == w for i, w in enumerate(kind)):
            return True
    return False


def _business_at(s: _Sentence, k: int) -> bool:
    """Does a business kind start at tokens[k]: with no determiner of its own (the list's is shared), or
    with one ("…, các doanh nghiệp kinh doanh …": another lead of the list)?"""
    k += s.m(L.DETERMINERS, k)
    if s.word(k) and s.tokens[k][3] == s.key("tổng"):
        k += 1  # "tổng đại lý"
    for kind in _BUSINESS_KEYS[s.accented]:
        if all(s.word(k + i) and s.tokens[k + i][3] == w for i, w in enumerate(kind)):
            return True
    return False


def trade_name_end(s: _Sentence, start: int, j: int) -> int:
    """At a trade verb (tokens[j]) after a business kind, possibly after an earlier trade verb ("kinh
    doanh bán lẻ"): the index where the name ends — at the verb or modal that opens the order, or at a
    comma before another business kind — else 0."""
    if not s.word(j) or s.tokens[j][3] not in FIRST_KEYS[s.accented] or s.tokens[j].capitalized:
        return 0  # (a set test first: asked at every word that may end a name)
    k = j
    while k > start and _trade_at(s, k - 2) == 2 and k - 2 >= start:
        k -= 2  # "doanh nghiệp kinh doanh | bán lẻ": earlier trade verbs already read into the name
    if not _business_before(s, start, k):
        return 0
    x = j
    while (size := _trade_at(s, x)) > 0:
        x += size
    goods = x
    while x < s.n and x - goods < _GOODS_MAX:
        t = s.tokens[x]
        if not s.word(x):
            if x > goods and s.punct(x, ",") and _business_at(s, x + 1):
                return x  # "…, tổng đại lý, đại lý kinh doanh …": the list goes on
            return 0
        if t.capitalized or s.m(L.DETERMINERS, x) or s.m(L.NP_STOPS, x) or s.m(L.ORG_HEADS, x):
            return 0
        adverb = s.m(L.ADVERBS, x) or s.m(A._ACTOR_ADVERBS, x)
        if adverb:
            # "… xăng dầu khẩn trương bổ sung …" opens the order; "phân phối hàng hóa kịp thời cho …"
            # qualifies the trade verb, which was the order
            return x if x > goods and s.m(L.VERBS, x + adverb) else 0
        verb = s.m(L.VERBS, x)
        if verb and x > goods and s.punct(x + verb, ","):
            x += verb  # "vật liệu xây dựng, …": a verb-word that ends the goods before the list's comma
            continue
        if verb or s.m(L.PREDICATE_MARKERS, x) or s.m(A._MODALS, x) or s.m(A._OBLIGATIONS, x):
            return x if x > goods else 0  # the order opens: "… xăng dầu bảo đảm nguồn cung"
        x += 1
    return 0
