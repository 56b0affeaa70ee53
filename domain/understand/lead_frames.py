"""Lead rules of the sixth issue-11 session (branch `frames`): who speaks and who acts when a clause
stands between them, and the frames put before a sentence's subject. Kept apart from
`domain.understand.assignees` (several branches edit it at once); each rule is one function, hooked by
one line into the reader.

Method (leave one corpus out): each mechanism was written from the examples of at least two corpora
(corpus J = `v4j_dev` and the older dev sets) and kept only because it also moves the dev part of a
corpus it was not written from (corpus K = `v4k_dev`), and the reverse; the figures are in
`bench/README.md` ("Speaker vs doer and fronted frames"). Unit tests with sentences written for each
class: `tests/domain/test_lead_frames.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_REPORT_VERBS = phrases("frame_report_verbs")
_FRAME_ADVERBS = phrases("frame_adverbs")


# ------------------------------------------------------------------------------------------ mechanism 1
# Speaker vs doer across an intervening clause.


def asks_after_report(s: _Sentence, subject: _Found, p: int) -> bool:
    """A body or a person that reports, announces or explains something, then asks someone in a new
    clause: the assigning verb at tokens[p] still opens its addressee, who leads; the subject is the
    speaker (LABELLING.md §5, §6).

    The class (the clause between the subject and the verb is a report, never the subject's own task):
        "UBND phường đã kiểm tra, tạm thời yêu cầu cơ sở X dừng …"      (a done step, then an adverb)
        "Nhà trường thông báo vẫn còn nhiều bạn chưa nộp …, đề nghị sinh viên …"   (an announcement)
        "Sở … hướng dẫn các phòng …; đồng thời yêu cầu, các trường …"  (guidance, then "đồng thời")
        "Thủ tướng giao nhiệm vụ và phân công cho Bộ trưởng …"         (two assigning verbs joined)
        "ông X – Phó chủ tịch UBND phường đã công bố quyết định …, giao nhiệm vụ cho Y …" (a person)
    Not: a subject whose clause is its own task or carries an obligation ("UBND xã rà soát …, đề nghị
    …", "Sở phải kiểm tra …, yêu cầu …": the subject acts, the request is part of its task); a request
    to the public ("…, đề nghị bà con …": the body that asks leads, LABELLING.md §8 d).

    Examples it was written from: J039-01 (corpus J), B062-01, B084-01, B090-01, D082-01, F137-01,
    G073-01 (older sets, already right through `_speaker_asks` for persons and "đã"); checked on corpus
    K (K019-01, K052-01, K063-01, K098-01), which it was not written from."""
    size = s.m(A._ASK_VERBS, p) or s.m(L.ASSIGN_VERBS, p)
    if p <= subject.end or not size:
        return False
    return _hands_on(s, subject, p) and not A._the_public(s, A._skip_openers(s, p + size))
    # ("…, đề nghị người dân / bà con …": a request to the public is the body's work, §8 d)


def _hands_on(s: _Sentence, subject: _Found, p: int) -> bool:
    if _assigning_pair(s, subject.end, p):
        return True
    c, joined = _clause_break_before(s, subject.end, p)
    if c is None:
        return False
    for x in range(subject.end, c):
        if s.m(A._MODALS, x) or s.is_(x, "sẽ") or s.is_(x, "cần") or s.is_(x, "phải"):
            return False  # "Sở phải kiểm tra …, yêu cầu …": an obligation, the subject acts
    k = subject.end
    while k < c and (s.is_(k, "cũng") or s.is_(k, "đều")):
        k += 1
    if s.is_(k, "đã") or s.is_(k, "vừa"):
        return True  # what was done is reported, then the request
    if s.m(_REPORT_VERBS, k) or s.m(A._SPEAKING_VERBS, k):
        return True
    if s.is_(k, "hướng") and s.is_(k + 1, "dẫn"):
        return joined  # guidance (its party is nobody, §8), then "đồng thời yêu cầu …" / "; yêu cầu …"
    return _a_person(s, subject) and bool(s.m(L.ASSIGN_VERBS, p))


def _clause_break_before(s: _Sentence, a: int, p: int) -> tuple[int | None, bool]:
    """The comma or ";" that ends the clause before the assigning verb at tokens[p], with only adverbs
    between it and the verb ("…, tạm thời yêu cầu", "…; đồng thời yêu cầu"); and whether the new
    clause is marked as another step (";" or "đồng thời")."""
    for c in range(p - 1, max(a, p - 6) - 1, -1):
        if not s.punct(c, ",;"):
            continue
        k, joined = c + 1, s.punct(c, ";")
        while k < p:
            size = s.m(L.ADVERBS, k) or s.m(_FRAME_ADVERBS, k)
            if not size:
                return None, False
            joined = joined or (s.is_(k, "đồng") and s.is_(k + 1, "thời"))
            k += size
        return (c, joined) if k == p else (None, False)
    return None, False


def _assigning_pair(s: _Sentence, a: int, p: int) -> bool:
    """ "X giao nhiệm vụ và phân công cho Y …", "X chỉ đạo và giao cho Y …": two assigning verbs joined
    by "và", the addressee after the second (K063-01's class; "đã chỉ đạo, yêu cầu Y" is K005-01's,
    read elsewhere)."""
    k = a
    while k < p and (s.is_(k, "đã") or s.is_(k, "vừa") or s.is_(k, "cũng")):
        k += 1
    size = s.m(L.ASSIGN_VERBS, k)
    return bool(size) and k + size < p and s.is_(k + size, "và") and k + size + 1 == p


def _a_person(s: _Sentence, subject: _Found) -> bool:
    """A person named with a title ("ông X – Phó chủ tịch UBND phường", "Chủ tịch UBND huyện"): a
    person who speaks does not carry out what they hand on (LABELLING.md §6)."""
    a, _ = subject.items[0]
    a = A._skip_determiners(s, a)
    if s.is_(a, "ông") or s.is_(a, "bà") or s.is_(a, "đồng"):
        return len(subject.items) == 1
    return A._one_person(s, subject) or (len(subject.items) == 1 and bool(s.m(L.PERSON_HEADS, a)))


# ------------------------------------------------------------------------------------------ mechanism 2
# Fronted adverbials and topic frames.

_TIME_OPENERS = phrases("frame_time_openers")
_MAX_FRAMES = 3


def subject_after_frames(s: _Sentence) -> _Found | None:
    """The subject after two or more frames put before it, one of them a time, a "Về <topic>," or a
    speaker's "X cho biết,": "Thực hiện <việc> (đợt 2), từ ngày 23/9, Chi cục … sẽ tổ chức …", "Về kế
    hoạch tuyển sinh, từ ngày 29/4 đến ngày 11/5, các trường THCS hướng dẫn …", "Bắt đầu từ 8 giờ ngày
    16-12-2018 đến 15-2-2019, theo lệnh của …, các đơn vị, địa phương đồng loạt ra quân …", "Ngày 8/9, X
    cho biết, để …, X theo dõi …". One frame alone is read by `assignees._framed_subject` and the
    clause starts; a chain of them hid the subject (the sentence opens with a verb-like opener such as
    "Thực hiện", so later commas were not read as clause starts). Used only when no subject was found
    at the start: it never overrides one.

    Examples it was written from: D023-01, D048-01 (older corpus D), J081-01, J116-01 (corpus J, one
    frame: the subject after "Để …,"); checked on corpus K (K095-01, K047-01, K024-01)."""
    k = A._skip_intro(s, s.first)
    if k >= s.n or not (
        s.m(A._LEAD_IN_OPENERS, k) or s.m(_TIME_OPENERS, k) or s.tokens[k].is_number or s.is_(k, "về")
    ):
        return None
    if len(s.where(",")) < 2:
        return None  # two frames, two commas
    return _after_chain(s, k, 0, False)


def _after_chain(s: _Sentence, k: int, depth: int, stacked: bool) -> _Found | None:
    if depth >= _MAX_FRAMES or k >= s.n - 1:
        return None
    for end, kind in _frame_ends(s, k, depth == 0):
        marked = stacked or kind != "opener"
        if depth >= 1 and marked and A._np_start(s, end):
            found = A._subject_at(s, end)
            if found is not None and found.start == end and not s.punct(found.end, ","):
                pred = A._skip_adverbs(s, found.end)
                size = s.m(L.VERBS, pred)
                cut = size and any(s.punct(x, ",") for x in range(pred, pred + size + 1))
                # (not a name cut at its comma: "…, chiều 7-2, Trung tâm Chỉ huy phòng, chống dịch …")
                if not cut and (A._predicate_at(s, pred) or s.m(A._MODALS, pred) or s.m(A._OBLIGATIONS, pred)):
                    return A._Found(found.items, found.start, found.end, "subject")
        later = _after_chain(s, end, depth + 1, marked)
        if later is not None:
            return later
    return None


def _frame_ends(s: _Sentence, k: int, first: bool) -> list[tuple[int, str]]:
    """Where a frame that opens at tokens[k] may end (the token after its comma), with its kind:
    "time" (a number before the comma), "topic" ("Về …,"), "speaker" ("X cho biết,"), "opener"
    ("Thực hiện …,", "Để …,", "Theo …,": for the sentence's first frame every comma of its first 40
    tokens, as its object may list nouns with commas of its own; a later one ends at its first comma)."""
    if s.m(_TIME_OPENERS, k) or s.tokens[k].is_number:
        for x in range(k + 1, min(s.n - 1, k + 20)):
            if s.punct(x, ";.:"):
                break
            if s.punct(x, ",") and not (x + 1 < s.n and s.tokens[x + 1].is_number):
                dated = any(s.tokens[y].is_number for y in range(k, x))
                return [(x + 1, "time")] if dated else []
        return []
    if s.is_(k, "về") and not s.is_(k + 1, "phía"):
        for x in range(k + 1, min(s.n - 1, k + 25)):
            if s.punct(x, ";.:"):
                break
            if s.punct(x, ","):
                return [(x + 1, "topic")]
        return []
    if s.m(A._LEAD_IN_OPENERS, k):
        out = []
        for x in range(k + 1, min(s.n - 1, k + 40)):
            if s.punct(x, ";.:"):
                break
            if s.punct(x, ","):
                out.append((x + 1, "opener"))
                if not first:
                    break
        return out[:6]
    if not first and A._np_start(s, k):
        # "Ngày 8/9, X cho biết, …": after a first frame, a name (the lists may not know all of it), its
        # speaking verb, a comma
        for x in range(k + 1, min(s.n - 1, k + 20)):
            if not s.word(x):
                break
            said = s.m(A._SPEAKING_VERBS, x) or s.m(_REPORT_VERBS, x)
            if said and s.punct(x + said, ","):
                return [(x + said + 1, "speaker")]
    return []


def topic_doer(s: _Sentence) -> _Found | None:
    """ "Đối với X <which ones> thì / cần / phải <task>" with no comma and no subject of its own after
    the topic: X, a body or people, is the one to do it, its restrictive clause kept whole up to "thì"
    or the modal (LABELLING.md §10, §11, §29.12, §29.16): "Đối với các đơn vị chưa được Sở chấp thuận
    thì buộc tháo dỡ …" → "các đơn vị chưa được Sở chấp thuận"; "Đối với mỗi chi đoàn phải có …";
    "Đối với phụ huynh và người chăm sóc trẻ cần thực hiện …". A doer named after "thì" overrides the
    topic (§10: "Đối với các doanh nghiệp phải làm việc liên tục thì giám đốc các doanh nghiệp bố trí
    …" → the directors; before this rule `lead_rules.topic_acts` gave the topic). Not: an assigning
    verb after "thì" ("… thì giao Phòng Y tế …": the assigning rules read it), a topic that is a thing
    ("Đối với số liệu tồn đọng cần báo cáo …": the lead comes from the context). The comma forms are
    read by `assignees._fronted_topic` and `lead_rules.topic_acts`.

    Examples it was written from: J033-03, CJ04, CJ12, CJ05 (the doer after "thì") (corpus J: four
    documents), and the comma form's G113-02 and I110/I114; checked on corpus K (K035-01), which it was
    not written from."""
    k = A._skip_intro(s, s.first)
    opener = s.m(A._HEADING_OPENERS, k)
    if not opener:
        return None
    t = k + opener
    if s.is_(k, "riêng") and s.is_(t, "đối") and s.is_(t + 1, "với"):
        t += 2
    h = A._skip_determiners(s, t)
    if h >= s.n or not (
        s.unit_at(h) is not None or s.m(L.ORG_HEADS, h) or s.m(L.PERSON_HEADS, h) or A._is_abbreviation(s.tokens[h])
    ):
        return None
    then = next((x for x in range(h + 1, min(s.n - 1, t + 40)) if s.is_(x, "thì")), None)
    if then is not None and any(not s.word(x) for x in range(h + 1, then)):
        then = None  # a comma or a colon before "thì": the other topic rules read it
    if then is not None:
        end, task = then, then + 1
        doer = A._subject_at(s, task)
        if doer is not None and doer.start == task:
            return doer  # "… thì thủ trưởng các đơn vị căn cứ …": the doer named after it (§10)
        if s.is_(task, "buộc") and not A._np_start(s, task + 1):
            pass  # "thì buộc tháo dỡ …": compelled, nobody named after the verb
        elif A._np_start(s, task) or s.m(L.ASSIGN_VERBS, task) or s.m(A._CHI_DAO, task):
            return None  # "… thì giao Phòng …": the assigning rules read it
        elif not (A._predicate_at(s, task) or _topic_modal(s, task)):
            return None
    else:
        end = next((x for x in range(h + 1, min(s.n - 1, t + 30)) if not s.word(x) or _topic_modal(s, x)), None)
        if end is None or not s.word(end):
            return None
    items, e = A._parse_list(s, t, loose=True)
    if not items or e != end:
        items = [(t, end)]
    return A._Found(items, t, end, "assigned")


_TOPIC_MODALS = ("phải", "cần", "có trách nhiệm", "có nhiệm vụ", "chịu trách nhiệm")


def _topic_modal(s: _Sentence, x: int) -> int:
    """A word of obligation at tokens[x] that ends a topic ("cần", "phải", "có trách nhiệm"), not one
    inside a word ("cần trục") or a passive ("cần được")."""
    for phrase in _TOPIC_MODALS:
        words = phrase.split()
        if all(s.is_(x + i, w) for i, w in enumerate(words)):
            after = x + len(words)
            if s.is_(after, "được") or s.is_(after, "bị") or s.is_(after, "trục"):
                return 0
            return len(words)
    return 0


def asked_of(s: _Sentence) -> _Found | None:
    """An order named as a noun, then whom it is for: "“…”, đây là yêu cầu của Tổng Giám đốc … đối với
    Bảo hiểm xã hội các tỉnh …", "… là đề nghị của Sở đối với các trường" — the one it is for leads,
    never the one whose request it is (LABELLING.md §6: "— là chỉ đạo của A đối với B" → B). The
    "chỉ đạo" form is read by `assignees._directed_to`; this is its "yêu cầu / đề nghị" form. Read only
    when no subject or assigning verb gave a lead.

    Examples: J076-01 (corpus J), D093-01 and G059-02 (the "chỉ đạo" form, older sets)."""
    if not s.where(s.key("đối")):
        return None
    for p in s.at(A._ASK_VERBS):
        if not (s.first + 1 <= p < s.n - 3) or not (s.is_(p - 1, "là") or s.is_(p - 1, "những")):
            continue
        for x in range(p + s.m(A._ASK_VERBS, p), min(s.n - 1, p + 30)):
            if s.punct(x, ";.:"):
                break
            if s.is_(x, "đối") and s.is_(x + 1, "với"):
                items, end = A._parse_list(s, x + 2, loose=True)
                if items:
                    return A._Found(items, x + 2, end, "assigned")
                break
    return None
