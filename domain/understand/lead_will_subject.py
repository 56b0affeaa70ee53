"""The subject of a programme sentence, right before «sẽ» (issue 11, ninth session, branch `leadverbs`).

Kind of sentence: what a body or an office-holder will do, told with «sẽ» straight after its name, or after
«<name> cho biết(,)» (news reporting the body's own plan): «Chủ tịch UBND huyện hoặc Phó Chủ tịch UBND huyện sẽ
tiếp công dân …», «Các cơ quan chức năng cho biết sẽ siết chặt …», «Lãnh đạo Phòng … cho biết, sẽ mời hiệu trưởng
…», «Chúng tôi sẽ rà soát lại …». The one who will act leads (LABELLING.md §4, the subject; «chúng tôi» is an
anaphor copied as written, §10 / §31.11 / M Q5). The reader named nobody: «hoặc» is not a list joint for it,
«cho biết» is a speaking verb (the speaker does not act), «chúng tôi» is no head it knows.

Dev sentences of the class: N029-01, N029-02, N009-01 (corpus N), M006-01 (corpus M): three documents, two
corpora. Only when nothing else named a lead (a fallback, hooked by one line in `assignees._read_cached`): M033-01
(«<event>, lãnh đạo Phòng … cho biết, sẽ …») keeps the first clause's subject, and M064-01 («"Chúng tôi sẽ …,
yêu cầu các hộ dân …») its order's addressee — overriding those would need the conclusion splitter to read
«cho biết, sẽ …» as a plan, not a report (left alone). And only when the noun phrase read at a clause start
ends exactly at «sẽ» (or at «cho biết(,) sẽ»): «Dự kiến sẽ có …», «Thời gian tới sẽ …» name nobody and stay
so; «sẽ được / bị» (the subject undergoes) is not taken. Tests: `tests/domain/test_lead_leadverbs.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# A gate on the text, since the hook is asked of every sentence that named nobody.
_MARK = {True: " sẽ ", False: " se "}
# «sẽ được tiêm», «sẽ bị xử lý», «sẽ có …», «sẽ là …»: the subject does not act.
_NOT_ACTING = ("được", "bị", "có", "là")
# The speaker's «we»: an anaphor the secretary resolves; copied as written (LABELLING §10).
_WE = (("chúng", "tôi"), ("chúng", "ta"))


def subject_before_will(s: _Sentence) -> _Found | None:
    """The noun phrase that ends right before «sẽ <verb>» (see the module doc), else None."""
    if _MARK[s.accented] not in f" {s.text} ":
        return None
    will = next((k for k in range(s.first + 1, s.n - 1) if s.is_(k, "sẽ")), None)
    if will is None or not s.word(will + 1) or any(s.is_(will + 1, w) for w in _NOT_ACTING):
        return None
    end = will
    if s.punct(end - 1, ","):
        end -= 1
    said = end - 2 >= s.first and s.is_(end - 2, "cho") and s.is_(end - 1, "biết")
    if said:
        end -= 2
    first = s.first + 1 if s.punct(s.first, "“\"") else s.first  # a quoted speaker: «"Chúng tôi sẽ …»
    starts = [A._skip_intro(s, first)]
    starts += [A._skip_intro(s, k + 1) for k in range(s.first, end) if s.punct(k, ",")]
    for start in starts:
        subject = _ending_at(s, start, end)
        if subject is not None:
            # the predicate is the plan from «sẽ» on, not «cho biết» (the conclusion splitter reads a
            # predicate that opens with a speaking verb as a report and would drop the task)
            return A._Found(subject.items, subject.start, will, "subject") if said else subject
    return None


def _ending_at(s: _Sentence, start: int, end: int) -> _Found | None:
    if start >= end:
        return None
    if any(all(s.is_(start + i, w) for i, w in enumerate(we)) for we in _WE) and start + 2 == end:
        return A._Found([(start, end)], start, end, "subject")
    items, stop = A._parse_list(s, start)
    if not items:
        return None
    if s.is_(stop, "hoặc"):
        # «Chủ tịch UBND huyện hoặc Phó Chủ tịch UBND huyện sẽ …»: either may act, both lead; a bare title
        # before «hoặc» shares the body named after it («Chủ tịch hoặc Phó Chủ tịch UBND thành phố»): one lead.
        more, stop2 = A._parse_list(s, stop + 1)
        if not more or not _reaches(s, stop2, end):
            return None
        a, b = items[-1]
        if len(items) == 1 and s.m(L.PERSON_HEADS, a) == b - a:
            return A._Found([(a, more[0][1]), *more[1:]], start, stop2, "subject")
        return A._Found([*items, *more], start, stop2, "subject")
    if not _reaches(s, stop, end):
        return None
    return A._Found(items, start, stop, "subject")


def _reaches(s: _Sentence, stop: int, end: int) -> bool:
    """Only adverbs («cũng», «đều») between the noun phrase and «sẽ» / «cho biết»."""
    return stop == end or (stop < end and A._skip_adverbs(s, stop) >= end)
