"""The agent of a passive task: "<việc> sẽ / cần / phải / đã được X <verb>" → X leads (issue 11, ninth session,
branch `leadn`).

Kind of sentence: the work is the subject and the party that does it comes after "được", right before the verb:
"Thời gian học lại sẽ được nhà trường thông báo sau", "Các mô hình này cần được Hội tiếp tục nhân rộng", "Các ý
kiến đã được lãnh đạo Công an huyện giải trình". LABELLING.md §29.23 (decision 23): "<task> cần / phải được X
<verb>" with X a party that can act → X leads, copied as written. The reader named nobody (or carried a lead from
the sentence before): the subject is a thing and it read no doer after "được".

The cue is the word order: a word of time or obligation ("sẽ", "cần", "phải", "đã", "đang", "vẫn", "tiếp tục"),
"được", then a noun phrase the reader knows as a party (its head, a determiner, or a Title-case name), then a
verb or a second "được" (`… cần được Hội tiếp tục được khẳng định …`). With no noun phrase after "được"
("phải được niêm yết", "sẽ được tiêm") nobody is named, as before.

Dev sentences of the class (written from corpora N and K; L, M and J left out to measure): N060-01 (N), K104-01
(K); L023-02 (L: "đã được lãnh đạo Công an huyện giải trình", measured, not written from). Hooked as the last
fallback of `assignees._find_lead`, beside `lead_conventions.asked_in_passive`: only where nothing else named a
doer. Tests: `tests/domain/test_lead_leadn.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_BEFORE = ("sẽ", "cần", "phải", "đã", "đang", "vẫn", "tiếp tục", "cũng")


def agent_after_duoc(s: _Sentence) -> _Found | None:
    """The noun phrase between "<sẽ | cần | …> được" and the verb of the task, the first in the sentence."""
    if not s.accented:
        return None
    for x in s.where(s.key("được")):
        if not any(s.is_(x - 1, w) for w in _BEFORE) and not (s.is_(x - 2, "tiếp") and s.is_(x - 1, "tục")):
            continue
        k = x + 1
        if not s.word(k) or (s.m(L.VERBS, k) and not A._np_start(s, k)):
            continue  # "phải được niêm yết": no agent
        if not (A._np_start(s, k) or s.m(L.DETERMINERS, k) or s.tokens[k].capitalized):
            continue
        items, end = A._parse_list(s, k)
        if not items or items[0][0] != k or end <= k:
            continue
        after = A._skip_adverbs(s, end, adjuncts=False)
        if not s.word(after) or not (s.m(L.VERBS, after) or s.is_(after, "được") or after > end):
            continue  # (an adverb after the name, "Hội tiếp tục nhân rộng", is a predicate's start too)
        return A._Found(items, k, end, "subject")
    return None
