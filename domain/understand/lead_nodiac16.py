"""Text typed without diacritics (issue 11, twelfth session, branch `nodiac`): a sentence typed on a phone
without marks should be read as the same sentence with them, where the folded words are unambiguous.

The reader folds an unmarked sentence (`_Sentence.accented` false) and matches every list on the folded
letters. A few name words then spell a function word or a trigger, and the name ended there (or no name was
found): «Doi Quan ly thi truong so 2 kiem tra …» (thị → «thì»), «UBND thi xa Son Tay …», «Ban Quan ly cho
thuc hien …» (chợ → «cho»), «Ban Ton giao tinh huong dan …» (giáo → «giao»). Inside a name, next to the word
listed in data/lead_nodiac16_name_parts.txt, the folded word can only be the noun: `name_part` tells
`assignees._extend` to step over it. Sentences with marks are untouched (there «thì» is «thì»).

Tests: tests/domain/test_lead_nodiac16.py (a property test: marked vs folded sentence, same lead).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from domain.understand.lexicons import phrases
from domain.understand.vntokens import fold_word

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

_HANDING = ("giao",)  # a person handed a duty: «Giao ông X …» («Cử …» is no handing verb to the reader)
_DATA = Path(__file__).parent / "data" / "lead_nodiac16_name_parts.txt"
_TINH_COMPOUNDS = phrases("lead_nodiac16_tinh_compounds")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]:
    """(words before, the ambiguous word, words after) for each line of the data file."""
    out = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words or line.startswith("#"):
            continue
        k = next(i for i, w in enumerate(words) if w.startswith("*"))
        out.append((tuple(words[:k]), words[k][1:], tuple(words[k + 1 :])))
    return tuple(out)


def _folded(s: _Sentence, i: int) -> str:
    return fold_word(s.tokens[i][0]).lower() if s.word(i) else ""


def name_part(s: _Sentence, start: int, j: int) -> int:
    """How many words at tokens[j] are a folded name word the name steps over (0: none, or a marked text)."""
    if s.accented or j <= start or not s.word(j):
        return 0
    w = _folded(s, j)
    for before, word, after in _rules():
        if w != word or j - len(before) < start:
            continue
        if all(_folded(s, j - len(before) + i) == b for i, b in enumerate(before)) and all(
            _folded(s, j + 1 + i) == a for i, a in enumerate(after)
        ):
            return 1 + len(after)
    if w == "tinh" and _province(s, j):
        return 1
    return 0


def _province(s: _Sentence, j: int) -> bool:
    """ "Ban Dan toc tinh huong dan …", "So Y te tinh kiem tra …": a folded «tinh» at a name's end, before the
    clause's verb, is «tỉnh» (the reader took it for the verb «tính»); «tinh toan», «tinh thue» … stay the verb."""
    from domain.understand import assignee_lexicon as L

    nxt = j + 1
    return s.word(nxt) and not s.m(_TINH_COMPOUNDS, nxt) and bool(s.m(L.VERBS, nxt))


def title_ends_before_duty(s: _Sentence, start: int, j: int) -> bool:
    """ "Giao ông Nguyễn Văn A - Phó Bí thư Thường trực Huyện ủy phụ trách chỉ đạo …": after a person's title,
    «phụ trách» + a verb is what the person is handed (in charge of directing), not part of who the person is;
    np_keep.txt keeps «phụ trách» in a name for «cán bộ phụ trách», «Phó Chủ tịch phụ trách lĩnh vực văn hóa»
    (a portfolio: a noun follows), which stays."""
    from domain.understand import assignee_lexicon as L

    if not (s.is_(j, "phụ") and s.is_(j + 1, "trách") and s.m(L.VERBS, j + 2)):
        return False
    # only where the person is handed the duty («Giao / Phân công / Cử ông X … phụ trách …»): as a clause's
    # subject («Đồng chí B, Phó Chủ tịch xã phụ trách chỉ đạo …») «phụ trách» is the predicate, which the
    # reader does not take for one, so the name keeps it there (no lead is worse than a long one)
    if not any(s.is_(start - 1, w) for w in _HANDING) and not (s.is_(start - 2, "phân") and s.is_(start - 1, "công")):
        return False
    # the title must be followed by its place or body («Phó Chủ tịch UBND huyện»): «Cán bộ phụ trách theo dõi …»
    # is the officer in charge, named by the duty
    return any((size := s.m(L.PERSON_HEADS, k)) > 0 and k + size < j for k in range(start, j))
