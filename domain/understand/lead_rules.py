"""Lead rules of the fifth round (issue 11): general mechanisms read from a sentence's structure, kept
apart from `domain.understand.assignees` (whose mechanics are being rewritten for speed) so that each
rule is one function, hooked once into the reader.

Each rule names the kind of sentence it serves and its dev sentences (ids of `tests/data/*_dev.jsonl`);
the unit tests with sentences written for each class are in `tests/domain/test_lead_round5.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_shapes15
from domain.understand.vntokens import fold_word, tone_key

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence
    from domain.understand.vntokens import PhraseSet

# Words after which the noun phrase before a modal is the object or a complement of something else, not
# the subject ("hướng dẫn các xã cần …" is handled by the assigning verbs; these are the ones that make
# the phrase a thing talked about).
_CLAUSE_STOPS = ";.:(“\"?!"


def modal_subject(s: _Sentence) -> _Found | None:
    """The subject of a word of obligation ("cần", "phải", "có trách nhiệm", "chủ động" …) that stands after
    something other than a clause start: a framing phrase with no comma ("Phát huy những kết quả đã đạt
    được các cấp, các ngành cần …"), a topic, a relative "mà" ("mục tiêu mà TP. Hà Nội phải đạt"), an
    adverb of connection. Read backwards from the modal: the longest list of noun phrases that ends
    right before it (adverbs aside) is who must act; a passive ("cần được", "phải bị") has no actor.

    Used only when no other rule has found anyone (a fallback: it never overrides an addressee). Found
    this way the lead is told apart (`how` "framed"): what stands before it is not a subject's report,
    and the conclusion splitter keeps judging the sentence by its opening, as when nobody was found.

    Dev sentences of the class: G075-01 ("Phát huy … đạt được các cấp, các ngành cần"), G078-01 ("mục
    tiêu mà TP. Hà Nội phải đạt"), F094-01 ("Đô lương sẽ hoàn thành": a place as a subject), G018-01
    ("yêu cầu cấp uỷ, chính quyền xã với trách nhiệm … cần chủ động"), F088-02 ("Ngoài ra, tổ bầu cử
    phải")."""
    for q in _modal_positions(s):
        after = A._skip_adverbs(s, q + s.m(A._OBLIGATIONS, q), adjuncts=False)
        if s.is_(after, "được") or s.is_(after, "bị"):
            continue  # "những tồn tại cần được khắc phục": no actor
        bound = q
        while bound > s.first and (not s.punct(bound - 1, _CLAUSE_STOPS) or abbreviation_dot(s, bound - 1)):
            bound -= 1
        for i in range(max(bound, q - 16), q):
            # a capitalised word read loosely as a name, but not in a text written in capitals
            loose = not s.tokens[i].text.isupper()
            if not A._np_start(s, i, loose=loose) or (i > bound and _inside_phrase(s, i)):
                continue
            items, end = A._parse_list(s, i, loose=True)
            if not items:
                continue
            if end <= q <= A._skip_adverbs(s, end) or _adjunct_before(s, end, q):
                return A._Found(items, i, end, "framed")
    return None


def _modal_positions(s: _Sentence) -> list[int]:
    """Where a word of obligation stands ("phải", "cần", "có trách nhiệm", "chủ động", "phối hợp" …:
    words only an actor takes; not "sẽ", which an event takes as well: "Đại hội sẽ diễn ra …")."""
    return sorted(s.at(A._OBLIGATIONS))


def _inside_phrase(s: _Sentence, i: int) -> bool:
    """Is tokens[i] not where a subject can start: inside a noun phrase that starts earlier, or the
    object of a word before it ("Thông báo cho nhân dân các quận … khẩn trương …", "từ huyện đến cơ sở
    cần …")? A subject follows a clause's punctuation, a verb ("… đã đạt được các cấp cần …"), "mà",
    or an assigning verb."""
    if not s.word(i - 1):
        return False
    if s.is_(i - 1, "mà") or s.is_(i - 1, "được"):
        return False
    if _ends_at(s, A._ASK_VERBS, i):
        return False  # "yêu cầu X với trách nhiệm … cần": the one asked (not "chỉ đạo X", see below)
    prev_verb = s.m(L.VERBS, i - 1) and not s.m(L.ORG_HEADS, i - 1) and not s.m(L.PERSON_HEADS, i - 1)
    # "tham mưu cho UBND phường chỉ đạo các bộ phận … tập trung …": the object of a direction the
    # reader has declined (X030-01) is not a subject
    return not ((prev_verb and not _ends_at(s, L.ASSIGN_VERBS, i)) or _ends_at(s, A._INTRO, i))


def _ends_at(s: _Sentence, phrases: PhraseSet, i: int) -> bool:
    """Does a phrase of the list end right before tokens[i] ("yêu cầu", "Ngoài ra")?"""
    return any(s.m(phrases, i - k) == k for k in (1, 2, 3, 4) if i - k >= s.first)


def _adjunct_before(s: _Sentence, end: int, q: int) -> bool:
    """ "cấp uỷ, chính quyền xã với trách nhiệm và quyết tâm cao nhất cần …": a "với" adjunct between
    the subject and its modal (how it is to act), with no verb of its own."""
    if not s.is_(end, "với") or q - end > 12:
        return False
    return not any(s.punct(x, ",;") or s.m(L.VERBS, x) for x in range(end + 1, q))


# Words of the range's ends: a level or a kind of place ("từ tỉnh đến cơ sở", "từ huyện đến xã", "từ
# trung ương đến địa phương"); a named place is written in Title Case ("từ Thừa Thiên Huế trở ra").
_LEVEL_WORDS = ("cơ sở", "trung ương", "địa phương", "thôn", "bản", "ấp", "tổ", "khu dân cư", "thôn xóm", "làng")
_RANGE_ENDS = ("trở ra", "trở vào", "trở lên", "trở xuống", "trở về trước", "trở về sau")


def level_range_end(s: _Sentence, j: int) -> int:
    """A range of levels or places after a kind of bodies says which ones (LABELLING.md §11: place and
    level belong to the name): "các ngành từ huyện đến cơ sở", "các ban ngành chức năng từ tỉnh đến cơ
    sở", "các địa phương từ Thừa Thiên Huế trở ra", "cán bộ các cấp từ trung ương tới địa phương". Returns
    the index after the range, 0 when tokens[j] starts none.

    Dev sentences: D004-01 ("các cấp, các ngành từ huyện đến cơ sở cần …"), I023-01 ("các ban ngành chức
    năng từ tỉnh đến cơ sở cần …"), I003-01 ("các địa phương từ Thừa Thiên Huế trở ra và các cơ quan
    …")."""
    if s.tokens[j][3] != s.key("từ"):
        return 0
    k = _range_term(s, j + 1)
    if not k:
        return 0
    for words in _RANGE_ENDS:
        parts = words.split()
        if all(s.is_(k + x, w) for x, w in enumerate(parts)):
            return k + len(parts)
    if s.is_(k, "đến") or s.is_(k, "tới"):
        return _range_term(s, k + 1)
    return 0


def _range_term(s: _Sentence, k: int) -> int:
    """One end of a range: a level or a kind of place ("huyện", "cơ sở", "trung ương"), or a place
    named in Title Case (up to four words); the index after it, 0 when none is there."""
    if not s.word(k):
        return 0
    if s.m(A._TIME_WORDS, k):
        return 0  # "từ ngày 10/5", "TỪ NGÀY …": a time, not a place
    if s.tokens[k].capitalized and k not in s.initial and not s.tokens[k].text.isupper():
        e = k
        while e < min(s.n, k + 4) and s.word(e) and s.tokens[e].capitalized:
            e += 1
        return e
    size = s.m(L.PLACE_NOUNS, k)
    if size:
        return k + size
    for words in _LEVEL_WORDS:
        parts = words.split()
        if all(s.is_(k + x, w) for x, w in enumerate(parts)):
            return k + len(parts)
    return 0


def after_apposition(s: _Sentence, da: int) -> bool:
    """ "Ngày 28-8, ông Trần Văn A, phó chủ tịch UBND tỉnh, đã giao Công an tỉnh chủ trì …": the comma
    before "đã" closes a person named with their title (an apposition), so "đã giao" is that person's
    past order, as "Chủ tịch UBND tỉnh đã giao Thanh tra tỉnh …" with no comma (`_past_assignment`), not
    "các nhiệm vụ đã giao".

    Dev sentences (a person, their title between commas, then "đã <order>"): I004-01 ("đã giao"; wrong
    before), I004-03, I005-01 ("đã chỉ đạo": already read by `_person_directs`)."""
    c = da - 1
    if not s.punct(c, ","):
        return False
    for a in range(max(s.first, c - 25), c):
        if not (s.m(L.PERSON_HEADS, a) or s.m(A._PRONOUN_HEADS, a)) or (a > s.first and s.word(a - 1)):
            continue
        items, end = A._parse_list(s, a)
        if items and end == c:
            return True
    return False


# Demonstratives that close a Vietnamese noun phrase: nothing after them is part of the name.
_DEMONSTRATIVES = ("này", "đó", "ấy", "nói trên", "nêu trên", "kể trên", "trên đây")
_DEMONSTRATIVE_FIRSTS = ("này", "đó", "ấy", "nói", "nêu", "kể", "trên")


def demonstrative_end(s: _Sentence, start: int, j: int) -> int:
    """A demonstrative is the last word of a noun phrase ("nhà thầu này", "các đơn vị trên", "các
    trường nói trên", "Sở này"): the name ends after it, whatever word comes next — a verb the word
    lists lack ("nhà thầu này nỗ lực hơn nữa …") included. "trên" alone is a demonstrative only when the
    predicate follows it (a verb, a modal or an adverb), not a place ("các đơn vị trên địa bàn").
    Returns the index after the demonstrative (where the name ends), 0 when tokens[j] is none.

    Dev sentences: I018-01 ("yêu cầu nhà thầu này nỗ lực hơn nữa thi công …": ran on), B029-01
    ("chỉ đạo các đơn vị trên chỉnh sửa …": stopped before "trên"); read right before, the same class:
    F127-01 ("các trường nói trên chịu trách nhiệm"), B143-01 ("4 bộ, ngành nêu trên khẩn trương"),
    D116-01 ("Tổ này có nhiệm vụ"), F068-02 ("Bộ này và UBND các cấp")."""
    if j <= start or not s.word(j) or s.tokens[j][3] not in A._word_keys(_DEMONSTRATIVE_FIRSTS, s.accented):
        return 0  # (most words: one set look-up)
    if any(s.m(A._TIME_WORDS, x) for x in range(max(start, j - 3), j)):
        return 0  # "trong tuần này", "thời điểm này": the time's own demonstrative
    if s.is_(j, "trên") and not s.is_(j + 1, "đây"):
        after = j + 1
        predicate = A._predicate_at(s, after) or s.m(A._MODALS, after) or s.m(L.ADVERBS, after)
        return after if predicate else 0
    for words in _DEMONSTRATIVES:
        parts = words.split()
        if all(s.is_(j + x, w) for x, w in enumerate(parts)):
            return j + len(parts)
    return 0


# Verbs of reminding and advising: the speaker tells the one named after them what to do. Not "nhắc
# (nhở)": a teacher who reminds parents ("GVCN các lớp nhắc PHHS kiểm tra …", CE05) keeps the task.
_REMINDING = ("lưu ý",)
_TO = ("tới", "đến", "cho")
# going somewhere before the purpose: "đã đến kiểm tra và lưu ý …", "xuống kiểm tra, lưu ý …"
_MOTION = ("đến", "tới", "xuống", "về")


def reminded_speaker(s: _Sentence) -> _Found | None:
    """The names at the clause's start when the reader found no subject there (its predicate is a verb
    the word lists lack, or a motion: "… đã đến kiểm tra …"), for `reminded_addressee`."""
    i = A._skip_intro(s, s.first)
    items, end = A._parse_list(s, i)
    return A._Found(items, i, end, "subject") if items else None


def reminded_addressee(s: _Sentence, subject: _Found) -> _Found | None:
    """ "<chủ thể> (đã / cũng …) lưu ý (tới) Y <vị ngữ> …": a body or a person
    reminds or advises Y, and Y is to act (LABELLING.md §5: who speaks is not the lead; the reminder
    asks as "đề nghị" does). The verb may close a chain of the subject's own verbs with no object ("đã
    đến kiểm tra và lưu ý Y …"). Y must have a predicate of its own; when Y is the public ("người
    dân", households: LABELLING.md §8c) nobody can be reminded and the subject keeps the task.

    Dev sentences: I076-03 ("Bộ GD-ĐT lưu ý các đơn vị tuyệt đối không được …": a body, fixed); a person
    who reminds was read before (CG03, F064-02: `_reminded`, which a body as speaker did not reach).
    Seen, not done (one sentence each, and the corpora disagree on whom advice to the public or parents
    makes the lead: CE05 vs I058-02): "khuyến cáo (tới) Y" (I058-02, I106-01)."""
    if not s.where(s.key("lưu")):
        return None  # (most sentences remind nobody)
    k = subject.end
    limit = min(s.n - 1, k + 8)
    while k < limit:
        size = _reminding_at(s, k)
        if size:
            break
        chain = s.is_(k, "và") or s.is_(k, "đã") or s.is_(k, "cũng") or any(s.is_(k, w) for w in _MOTION)
        if s.m(L.ADVERBS, k) or s.m(L.VERBS, k) or chain:
            k += max(1, s.m(L.ADVERBS, k), s.m(L.VERBS, k))
            continue
        return None
    else:
        return None
    y = k + size
    if any(s.is_(y, w) for w in _TO):
        y += 1
    if A._the_public(s, y):
        return None
    found = A._subject_at(s, y)
    if found is None or found.start != y:
        return None
    return A._Found(found.items, found.start, found.end, "assigned")


def _reminding_at(s: _Sentence, k: int) -> int:
    for words in _REMINDING:
        parts = words.split()
        if all(s.is_(k + x, w) for x, w in enumerate(parts)):
            return len(parts)
    return 0


def topic_acts(s: _Sentence) -> _Found | None:
    """ "(- ) Đối với X(,) <việc> …" with no subject of its own after the topic: X, a body or people,
    is the one to do it — the "Đối với <đơn vị>:" heading (`_heading_unit`) written with a comma or
    nothing before the task ("- Đối với các cụm, khối thi đua gửi hồ sơ trước ngày 20/12", "Đối với các
    cơ quan tuyên truyền, báo chí, chỉ đạo tăng cường tuyên truyền …"). The topic's items may be
    separated by ";" ("Đối với Thanh tra bộ; Thanh tra tỉnh; các cục … gửi hồ sơ …"). A topic that is a
    thing ("Đối với việc …", "Đối với phần mềm …: giao …") names nobody; a verb of its own clause
    ("các quận chưa có báo cáo …") or an order later in the sentence leaves it to the other rules.

    Dev sentences: I110-01, I110-02, I114-02 (two documents); the class with a colon: G113-02, S004-11
    (`_heading_unit`, `_fronted_topic`); things as topics (no lead): S004-03, S004-05, S004-09."""
    k = A._skip_intro(s, s.first)
    opener = s.m(A._HEADING_OPENERS, k)
    if not opener:
        return None
    t = k + opener
    h = A._skip_determiners(s, t)
    if h >= s.n or not (
        s.unit_at(h) is not None or s.m(L.ORG_HEADS, h) or s.m(L.PERSON_HEADS, h) or A._is_abbreviation(s.tokens[h])
    ):
        return None
    items, end = A._parse_list(s, t, loose=True)
    while items and s.punct(end, ";"):
        more, more_end = A._parse_list(s, end + 1, loose=True)
        if not more:
            break
        items, end = [*items, *more], more_end
    if not items:
        return None
    # with a comma before the task, the topic runs to that comma ("các cơ quan tuyên truyền, báo chí,
    # chỉ đạo …": a name the lists cut at "tuyên truyền")
    comma = next((c for c in range(end, min(s.n - 1, end + 12)) if s.punct(c, ",") and _task_at(s, c + 1)), None)
    if comma is not None and all(s.word(x) or s.punct(x, ",") for x in range(end, comma)):
        if end != comma:
            items, end = [(t, comma)], comma
        p = comma + 1
    elif _task_at(s, end):
        p = end
    else:
        return None
    if A._np_start(s, p) or any(q >= p for q, _ in A._triggers(s)):
        return None
    return A._Found(items, t, end, "assigned")


def _task_at(s: _Sentence, p: int) -> bool:
    """Does a task (a verb, "chỉ đạo", an actor's adverb) start at tokens[p], not the topic's own
    clause ("chưa có báo cáo …", "đang thực hiện …": which ones)?"""
    if not s.word(p) or (s.tokens[p].capitalized and p not in s.initial):
        return False
    if any(s.is_(p, w) for w in ("chưa", "không", "đang", "đã", "còn", "có", "bị", "được")):
        return False
    return bool(s.m(L.VERBS, p) or s.m(A._CHI_DAO, p) or s.m(A._ACTOR_ADVERBS, p))


# ------------------------------------------------------------------------------------------ round 6
# Rules of the sixth round (issue 11, branch lead6); tests with written sentences of each class in
# tests/domain/test_lead_round6.py.


def title_over_list(s: _Sentence, start: int, k: int) -> bool:
    """A title (or a party committee) whose complement is a plural kind governs the kinds listed after
    it: "hiệu trưởng các trường THPT chuyên và trường THPT có lớp chuyên", "cấp ủy các chi bộ, đảng
    bộ cơ sở", "thủ trưởng các phòng chuyên môn, đơn vị sự nghiệp" are one lead — the heads of all
    of them (LABELLING.md §13: "a title before the whole list keeps it one"; §11: a title's list
    stays inside it). Only a kind written in lower case with no determiner, number or title of its
    own goes on with the title's complement: "…, Mặt trận và các đoàn thể" (a name in capitals, a
    determiner of its own) and "…, thủ trưởng các ban" (a title of its own) start other leads, and
    a title over a body ("Chủ tịch UBND các xã, …") is read by the place lists, not here.

    Dev sentences (class: list structure, K8): B133-01, D114-01, D114-02 (two documents; cut in two
    before). Is tokens[k], after a "," or "và" of the list that starts at tokens[start], such a kind?"""
    f = A._skip_determiners(s, start)
    title = s.m(L.PERSON_HEADS, f) or (s.is_(f, "cấp") and s.m(L.ORG_HEADS, f))
    if not title or s.m(A._PRONOUN_HEADS, f):
        return False  # "ông", "đồng chí": a person, not the heads of a kind
    if not s.m(L.DETERMINERS, f + title):
        return False  # "Chủ tịch UBND các xã": the title's complement is a body
    if not s.word(k) or s.tokens[k].capitalized or s.tokens[k].is_number:
        return False
    return not (s.m(L.DETERMINERS, k) or s.m(L.PERSON_HEADS, k))


# Counts written in words: "hai", "ba", …, "mười", and their compounds ("mười hai", "hai mươi lăm").
# Not "một" ("một số" and "một vài" are determiners of their own; "một" alone is no count of a group).
_COUNT_WORDS = ("hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "lăm", "mốt")


def _keys(words: tuple[str, ...]) -> dict[bool, frozenset[str]]:
    """The token keys of words, for text with and without diacritics (a set test at each token, no call)."""
    return {True: frozenset(tone_key(w) for w in words), False: frozenset(fold_word(w) for w in words)}


COUNT_KEYS = _keys(_COUNT_WORDS)


def count_in_words(s: _Sentence, j: int) -> int:
    """A count written in words before a kind of body or people counts the group as digits do ("2 ban
    HĐND xã", "18 xã, thị trấn", "02 đồng chí PCT" are read): "hai ban HĐND xã", "ba trường tiểu
    học", "mười hai xã". Returns the count's length when a head noun (a body, a title, a kind, a place)
    follows it, else 0 — so "năm 2023", "năm học", "ba mẹ" are no counts.

    Dev sentences (class: a counted group, in words or digits): G012-01 ("…; hai ban HĐND xã tăng
    cường …": nobody read), D056-01 ("hai Hạt Kiểm lâm …", read by its capital); in digits B143-01,
    G033-02, G076-01, D119-01, S001-03 (read)."""
    keys = COUNT_KEYS[s.accented]
    if not s.word(j) or s.tokens[j][3] not in keys:
        return 0  # (most words: one set look-up)
    k = j
    while k < min(s.n, j + 4) and s.word(k) and s.tokens[k][3] in keys:
        k += 1
    if not s.word(k) or s.tokens[k].is_number or s.m(L.DETERMINERS, k):
        return 0
    head = max(s.m(L.ORG_HEADS, k), s.m(L.PERSON_HEADS, k), s.m(L.CATEGORY_NOUNS, k), s.m(L.PLACE_NOUNS, k))
    return k - j if head else 0


# Words that open an aside naming a part of what was just said: "các xã, nhất là các xã vùng cao, …".
_ASIDE_OPENERS = ("nhất là", "đặc biệt là", "trong đó có", "kể cả")
ASIDE_FIRST_KEYS = _keys(tuple(w.split()[0] for w in _ASIDE_OPENERS))


def aside_end(s: _Sentence, k: int) -> int:
    """ "<noun phrase>, nhất là / đặc biệt là / trong đó có / kể cả <a part of it>, <predicate>": after
    a comma, an aside that singles out some of what was named ("các xã trong huyện, nhất là những địa
    bàn trọng điểm, thực hiện …", "các sở, ngành, đặc biệt là Sở Y tế, chủ động …") is no lead of its
    own and no item of the list (LABELLING.md §11: the name runs to the predicate; the aside is a
    remark, as one in brackets). Returns where the predicate starts after the aside's closing comma,
    0 when tokens[k] opens no aside or the aside is not closed by a comma before a predicate (an aside
    at the end of the sentence is part of the task: "…, nhất là việc quyết toán.").

    Dev sentences (class: an aside after a noun phrase; the list reader took "nhất" or "đặc biệt" for
    an item): D058-01, D058-02 (the lead, "…, nhất"); the same aside after other noun phrases, read
    right: W54-01, W56-02, A010-01, D091-02, D103-03 (five documents)."""
    if not s.word(k) or s.tokens[k][3] not in ASIDE_FIRST_KEYS[s.accented] or not s.punct(k - 1, ","):
        return 0  # (most words: one set look-up)
    size = 0
    for words in _ASIDE_OPENERS:
        parts = words.split()
        if all(s.is_(k + x, w) for x, w in enumerate(parts)):
            size = len(parts)
            break
    if not size:
        return 0
    for x in range(k + size + 1, min(s.n - 1, k + 25)):
        if s.punct(x, ";.:()"):
            return 0
        if s.punct(x, ",") and s.word(x + 1):
            after = A._skip_adverbs(s, x + 1, adjuncts=False)
            if A._predicate_at(s, after) or s.m(A._MODALS, after) or s.m(A._ACTOR_ADVERBS, x + 1):
                return x + 1
    return 0


def abbreviation_dot(s: _Sentence, k: int) -> bool:
    """Is the "." at tokens[k] the dot of an abbreviated place inside a name ("TP. Hà Nội", "Q. Long
    Biên", "TX. Sơn Tây"), not the end of a clause? The name reader (`_extend`) reads these dots as
    part of the name; the search for the subject of a modal (`modal_subject`) stopped at them.

    Dev sentences (class: a dotted place abbreviation in a name): G078-01 ("mục tiêu mà TP. Hà Nội
    phải đạt": nobody before); read right inside names: W41-01 ("UBND TP. Hà Nội"), F077-01 ("Ban Chỉ
    đạo 389 TP. Hồ Chí Minh"), G053-01 ("Văn phòng UBND TP.Phan Thiết")."""
    if not s.punct(k, ".") or not s.word(k - 1) or not s.word(k + 1):
        return False
    # (leadshape) a number or a lower-case word after the dot: "mà UBND P. 12 phải", "mà UBND TP. phải"
    return s.tokens[k - 1].text in A._DOTTED_PLACES and (
        s.tokens[k + 1].capitalized or lead_shapes15.dotted_name_end(s, k) > 0
    )


# ------------------------------------------------------------------------------------------ round 7
# Seventh round (helper lead7, corpus J dev). Tests: tests/domain/test_lead_round7.py.


def purpose_goes_on(s: _Sentence, x: int, found: _Found) -> bool:
    """A fronted purpose ("Để …," / "Nhằm …,") keeps its own commas: is the subject `found` after the
    comma at tokens[x] still inside the purpose, not the clause it frames?

    - The purpose lists its verbs: "Để bảo đảm an toàn cho người dân vui xuân, đón Tết, lực lượng
      CSGT … sẽ …" — what follows the comma opens with a lower-case word that starts no noun phrase
      (no determiner, head or capital: "đón Tết" is more of the purpose, not a name in Title Case).
    - The purpose lists its nouns: "Để bảo đảm an toàn … của giáo viên, học sinh, cán bộ quản lý
      giáo dục và nhân dân, Bộ trưởng … yêu cầu …" — the comma sits inside a list that starts before
      it, and what follows the "subject" is a plain verb, not a modal, an adverb of the actor or an
      assigning verb (those make it the frame's subject: "Để phòng dịch cho người dân, UBND xã
      phải …").

    LABELLING.md §11 (a name begins at a determiner, head or Title-Case word, not at a verb) and kind
    8 of "Corpus J dev" in bench/README.md (a fronted adverbial leaks into the name). Dev sentences:
    J081-01 (and J081-02, which takes J081-01's subject as its context), J116-01 (two documents;
    the purpose frames read right in 35 other dev sentences stay as they were)."""
    i = found.start
    if not s.word(i):
        return False
    if not s.tokens[i].capitalized and not A._np_start(s, i, loose=True):
        return True  # "…, đón Tết, lực lượng …": no name starts at a lower-case word that is no head
    # the comma inside a list of nouns that starts earlier in the purpose
    k = x - 1
    while k > max(s.first, x - 30) and not s.punct(k - 1, ";:"):
        k -= 1
    crosses = any(A._np_start(s, y) and A._parse_list(s, y)[1] > x for y in range(k, x))
    if not crosses:
        return False
    after = A._skip_adverbs(s, found.end, adjuncts=False)
    strong = (
        s.m(A._MODALS, after)
        or s.m(A._ACTOR_ADVERBS, found.end)
        or s.m(L.ASSIGN_VERBS, after)
        or s.m(A._ASK_VERBS, after)
        or s.m(A._CHI_DAO, after)
    )
    return not strong


def activities_end(s: _Sentence, start: int, j: int, head: object) -> int:
    """A kind of body named by what it does, a list of its activities and their object, then the
    predicate proper: "các đơn vị quản lý, vận hành các cần trục thực hiện …", "các cơ sở lưu trú du
    lịch, cung ứng dịch vụ thực hiện niêm yết giá …", "các doanh nghiệp sản xuất, kinh doanh phân bón
    phải …". Two verbs joined by a comma right after the kind (activities listed: "quản lý, vận hành",
    "sản xuất, nhập khẩu") say which ones; the name runs on to the word that opens the predicate —
    "thực hiện", a modal or an adverb of the actor ("phải", "cần", "khẩn trương", "chủ động" …), or
    "về việc" (LABELLING.md §11 names it among the words that start the task).
    Without that word (or with an assigning verb, "chỉ đạo", a clause stop before it) the first verb
    is the predicate, as before: "các đơn vị kiểm tra, xử lý vi phạm." Returns the predicate's
    position, 0 when tokens[j] opens no such list.

    LABELLING.md §11 (a name spans the qualifiers that say which ones, to the predicate) and
    mechanism 2 of "Corpus J dev" in bench/README.md (a verb-word that is part of a name). Dev
    sentences: J033-02 ("các đơn vị quản lý, vận hành các cần trục thực hiện"), J069-01 ("các cơ sở
    lưu trú du lịch, cung ứng dịch vụ thực hiện"), J076-02 ("Các cơ sở sản xuất, nhập khẩu thuốc,
    trang thiết bị y tế", the receivers of a letter) — three documents."""
    if head is None or getattr(head, "unit_complete", True) or not getattr(head, "determined", False):
        return 0  # a plural kind ("các đơn vị", "các cơ sở"), not a named body
    if getattr(head, "person", False) or not s.m(L.ORG_HEADS, A._skip_determiners(s, start)):
        return 0  # bodies named by their trade; people ("thành viên Ban Chỉ đạo bám sát …") are not
    if s.tokens[start].capitalized and start not in s.initial:
        return 0  # a named body ("Phòng Kinh tế quản lý, theo dõi …") keeps its verbs as predicate
    if s.word(j):
        if j != getattr(head, "end", -1):
            return 0  # right after the kind: "các cơ quan liên quan tổng hợp, báo cáo …" is their task
        first = s.m(L.VERBS, j)
        if not first or s.m(A._OBLIGATIONS, j) or s.m(L.ASSIGN_VERBS, j) or s.m(A._CHI_DAO, j):
            return 0
        if s.m(A._ACTOR_ADVERBS, j) or s.m(L.ADVERBS, j):
            return 0  # "… tiếp tục quán triệt, triển khai …": the predicate
        # the activities: a verb (and up to three words of its own), a comma, another activity (a
        # lower-case word that starts no noun phrase: "vận hành", "cung ứng"; not "hộ gia đình")
        comma = next((x for x in range(j + first, min(s.n, j + first + 4)) if not s.word(x)), None)
        if comma is None or not s.punct(comma, ",") or not s.word(comma + 1):
            return 0
    else:
        # the first activity already read into the name ("Các cơ sở sản xuất, nhập khẩu thuốc …":
        # "sản xuất" is no verb of the lists), then a comma and a verb
        end = getattr(head, "end", j)
        if not s.punct(j, ",") or not (end < j <= end + 3) or not s.m(L.VERBS, j + 1):
            return 0
        if any(s.tokens[x].capitalized or not s.word(x) for x in range(end, j)):
            return 0
        comma = j
    nxt = comma + 1
    if s.tokens[nxt].capitalized or A._np_start(s, nxt) or s.m(A._OBLIGATIONS, nxt) or s.m(L.ASSIGN_VERBS, nxt):
        return 0
    if s.m(A._ACTOR_ADVERBS, nxt) or s.m(L.ADVERBS, nxt):
        return 0  # "…, thường xuyên kiểm tra": the subject's next task, not another trade
    noun_markers = A._word_keys(("việc", "của", "sự", "các", "những"), s.accented)
    carry, topic = s.key("thực"), s.key("về")
    links = A._word_keys(A._CLAUSE_LINKS, s.accented)
    last_comma = comma
    for x in range(nxt + 1, min(s.n, j + 20)):
        if s.punct(x, ";.:()") or s.m(L.ASSIGN_VERBS, x) or s.m(A._ASK_VERBS, x) or s.m(A._CHI_DAO, x):
            return 0
        if not s.word(x):
            last_comma = x if s.punct(x, ",") else last_comma
            continue
        if s.tokens[x][3] in links:
            return 0  # "… sửa chữa phòng học để thực hiện …": a purpose, the first verb was the predicate
        key = s.tokens[x][3]
        obligation = s.m(A._OBLIGATIONS, x)
        if obligation:
            after = A._skip_adverbs(s, x + obligation)
            opens = A._predicate_at(s, after) or bool(s.m(L.VERBS, after))  # not "cần trục"
        else:
            opens = (key == carry and s.is_(x + 1, "hiện")) or (key == topic and s.is_(x + 1, "việc"))
        if opens and s.tokens[x - 1][3] in noun_markers:
            opens = False  # "giám sát việc thực hiện": a noun, the object's
        if opens and not obligation and any(s.m(L.VERBS, x - z) == z for z in (1, 2)):
            opens = False  # "triển khai thực hiện", "tổ chức thực hiện": one verb of the task
        if not opens and s.m(L.NP_STOPS, x):
            return 0  # "đẩy mạnh công tác tuyên truyền kết quả thực hiện …": an object of tasks, no trade
        if opens:
            # after a comma (adverbs aside) it is the subject's next task ("…, xử lý các vi phạm,
            # khẩn trương báo cáo", "…, tiếp tục thực hiện …")
            return 0 if A._skip_adverbs(s, last_comma + 1) >= x and last_comma > comma else x
    return 0


def members_named(s: _Sentence, start: int, j: int) -> int:
    """A plural group, ":" or "là", then the names of its members: "các hạt kiểm lâm: Ba Vì, Chương
    Mỹ, Mỹ Đức, Sơn Tây, Sóc Sơn", "ba huyện miền núi là Sơn Tây, Minh Long và Sơn Hà phải …". The
    names say which ones and are part of the one lead (LABELLING.md §11: "an enumeration after ":" /
    "như:" / "gồm""; §12: one kind and its members after ":"), whatever the group's head noun — the
    reader knew it only after a category noun or a place ("các sở: Xây dựng, …", `_enumerated`).
    Returns the length of the ":" or "là" at tokens[j] (1) when at least two names in capitals
    follow, joined by "," or "và"; else 0. A single capitalised word after it ("các xã là Tân Phú")
    or words in lower case ("… là đơn vị …", "…: Rà soát, …") are no enumeration.

    Dev sentences: J002-01 (":"), J028-01 ("là"); the class read right after a category noun or
    "gồm": F123-03, F029-01, D097-01 — five documents."""
    if not (s.punct(j, ":") or s.is_(j, "là")):
        return 0
    if not (A._is_plural(s, start, j) or count_in_words(s, start)):
        return 0  # a plural group: "các …", "5 …", "ba huyện …"
    k = j + 1
    if not s.word(k) or not s.tokens[k].capitalized or s.m(L.ADVERBS, k) or A._predicate_at(s, k):
        return 0
    names = 1
    for x in range(k + 1, min(s.n - 1, k + 12)):
        if s.word(x) and s.tokens[x].capitalized:
            continue
        if (s.punct(x, ",") or s.is_(x, "và")) and s.word(x + 1) and s.tokens[x + 1].capitalized:
            if A._predicate_at(s, x + 1) or s.m(L.ADVERBS, x + 1):
                return 0
            names += 1
            continue
        if s.punct(x, "-–"):
            continue  # "Bà Rịa-Vũng Tàu"
        break
    return 1 if names >= 2 else 0
