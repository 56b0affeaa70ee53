"""Where a lead's name ends, read from the sentence's structure (sixth issue-11 session, branch `names`).

The commonest lead miss across corpora J and K and the older dev sets is a name that stops early at a
word that is part of it ("đơn vị quản lý chợ" → "đơn vị", "Công ty TNHH một thành viên quản lý đường
sắt Hà - Lạng" → "Công ty TNHH một thành viên", "các cơ quan chức năng của Bộ" → "các cơ quan chức
năng"). The reader ends a noun phrase at the first verb-word; these rules say when that verb-word (or a
complement) still belongs to the name. Each is asked only where the reader would end a name (at a
boundary, not at every token), and reads at most a clause ahead.

Each rule names the kind of sentence it serves and the dev sentences it was written from (ids of
`tests/data/*_dev.jsonl`, from at least two corpora); the tests with invented sentences of each class
are in `tests/domain/test_name_bounds.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_trade_names
from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Head, _Sentence

PREDICATE_OPENERS = phrases("predicate_openers")

# Words that mark a clause saying which ones (aspect, remainder, a passive participle) when they follow
# a kind: "các cơ sở đang tổ chức …", "các tổ chức tín dụng còn hạn mức …", "các hộ chưa nộp …", "các
# bệnh viện trong khu vực bị ảnh hưởng của bão …".
_CLAUSE_MARKERS = ("đang", "còn", "chưa", "bị")
# Links before a body inside the object: "Viện nghiên cứu có giường bệnh trực thuộc Bộ Y tế".
_LINKS = ("thuộc", "trực thuộc", "của")
# A company's legal form (a closed class of the Law on Enterprises), written in capitals after "Công
# ty": no proper name ("Công ty TNHH một thành viên quản lý …").
_LEGAL_FORMS = ("TNHH", "MTV", "CP", "TMCP")
_SCAN = 16  # tokens read ahead at most (a clause)
# Nouns after which a task verb is a noun of the object ("báo cáo tình hình thực hiện …", "giám sát
# việc triển khai …"), not the predicate.
_NOUN_BEFORE = ("việc", "sự", "tình hình", "kết quả", "quá trình", "tiến độ", "của")


def _noun_before(s: _Sentence, first: int, x: int) -> bool:
    """Does a noun of `_NOUN_BEFORE` end right before tokens[x] (inside the object, from `first`)?"""
    for noun in _NOUN_BEFORE:
        words = noun.split()
        a = x - len(words)
        if a >= first and all(s.is_(a + i, w) for i, w in enumerate(words)):
            return True
    return False


def _opens_predicate(s: _Sentence, x: int, task_verbs: bool = True) -> bool:
    """Does the predicate proper open at tokens[x]: a modal or an adverb of the actor followed by a verb
    ("phải bố trí", "khẩn trương rà soát", "chủ động nghiên cứu"), or a task verb of `PREDICATE_OPENERS`
    ("tăng cường", "đẩy nhanh", "căn cứ", "về việc")?"""
    hit = s.table(x)
    if hit.get(PREDICATE_OPENERS.slot, 0):
        if s.is_(x, "căn") and s.is_(x + 1, "cứ"):
            # "căn cứ tình hình thực tế, chủ động …" opens the task; "xử lý hồ sơ căn cứ quy định" is
            # the object's adjunct: the adjunct must lead, past its comma, to a word only an actor takes
            comma = next((c for c in range(x + 3, min(s.n, x + 14)) if not s.word(c)), None)
            return (
                comma is not None
                and s.punct(comma, ",")
                and bool(s.m(A._ACTOR_ADVERBS, comma + 1) or s.m(A._OBLIGATIONS, comma + 1))
            )
        if s.is_(x, "về") and s.is_(x + 1, "việc"):
            # a letter's receivers: "… gửi Giám đốc các công ty khai thác … về việc chuẩn bị …"
            return any(p < x for p in s.at(L.SEND_VERBS))
        # a task verb alone ("tăng cường", "triển khai") after a lower-case kind and an object is too
        # often the object's own complement ("lập kế hoạch triển khai …", "lực lượng tăng cường"):
        # only after a Title-Case name (`task_verbs`)
        return task_verbs
    must = max(hit.get(A._MODALS.slot, 0), hit.get(A._OBLIGATIONS.slot, 0))
    opener = max(must, hit.get(A._ACTOR_ADVERBS.slot, 0))
    if not opener:
        return False
    after = A._skip_adverbs(s, x + opener, adjuncts=False)
    if s.is_(after, "được") or s.is_(after, "bị"):
        return False  # "… cần được …": a passive, no actor
    if must:
        return True  # "phải", "cần", "khẩn trương", "có trách nhiệm": only an actor takes them
    # an adverb of how the actor acts ("tích cực", "thường xuyên"), then its verb
    return bool(s.m(L.VERBS, after) or s.m(PREDICATE_OPENERS, after) or s.m(L.ASSIGN_VERBS, after))


def _named_so_far(s: _Sentence, start: int, j: int) -> bool:
    """Does tokens[start:j] (from the kind's head noun) hold a proper name or a known unit ("Sở Tài
    chính", "UBND xã")? Then the verb-word after it is the body's predicate ("Sở Tài chính hướng dẫn
    …"). Title-Case head nouns ("Công ty", "Viện") and a company's legal form ("TNHH") are no name."""
    k = start
    while k < j:
        t = s.tokens[k]
        if t.text == "(":
            close = A._closing_paren(s, k)
            k = close + 1 if close is not None else k + 1  # "các tổ chức tín dụng (TCTD)": its abbreviation
            continue
        if _proper_at(s, k):
            return True
        k += 1
    return False


def _proper_at(s: _Sentence, k: int) -> bool:
    """Is tokens[k] a known unit or a word of a proper name (`_named_so_far`)?"""
    t = s.tokens[k]
    if s.unit_at(k) is not None:
        return True
    if not t.is_word or not t.capitalized or k in s.initial:
        return False
    if s.m(L.ORG_HEADS, k) or s.m(L.PERSON_HEADS, k) or s.m(L.DETERMINERS, k):
        return False
    if s.m(L.ORG_HEADS, k - 1) >= 2 and s.tokens[k - 1].capitalized:
        return False  # the second syllable of a Title-Case head: "Công Ty", "Bệnh Viện"
    return t.text not in _LEGAL_FORMS  # a company's legal form: "Công ty TNHH …"


def _in_legal_form(s: _Sentence, k: int) -> bool:
    """Is tokens[k] inside "(TNHH) một thành viên", a company's legal form (not its members)?"""
    return any(
        s.is_(a, "một") and s.is_(a + 1, "thành") and s.is_(a + 2, "viên") for a in (k - 2, k - 1, k)
    )


def _has_kind(s: _Sentence, start: int, j: int) -> int:
    """The position of the last head noun of a kind of body in tokens[start:j], -1 when none or when
    the last head names people ("Các cán bộ, người lao động vận động gia đình thực hiện …": the
    verb is theirs)."""
    person, org, not_head, place = L.PERSON_HEADS.slot, L.ORG_HEADS.slot, A._NOT_HEADS.slot, L.PLACE_NOUNS.slot
    hits = s.hits
    legal = s.key("viên"), s.key("thành"), s.key("một")
    for k in range(j - 1, start - 1, -1):
        if s.tokens[k][3] in legal and _in_legal_form(s, k):
            continue  # "Công ty TNHH một thành viên": no members
        if any(hits[k - z].get(person, 0) > z for z in range(4) if k - z >= start):
            return -1  # the last head is people's ("người lao động", "cán bộ"): no body named by its trade
        hit = hits[k]
        if hit.get(org, 0) and not hit.get(not_head, 0) and not hit.get(place, 0):
            return k  # (places, "các quận, huyện", are named by no trade; "Ban chỉ đạo tỉnh": its level)
    return -1


def activity_name_end(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """A kind of body named by what it does, its activity's object, then the predicate proper:
    "đơn vị quản lý chợ căn cứ tình hình …, chủ động …", "Giám đốc các công ty khai thác công trình
    thủy lợi khu vực Trung du và Đồng bằng Bắc Bộ về việc …", "Công ty TNHH một thành viên quản lý
    đường sắt Hà - Lạng lắp đặt …", "Ban chỉ đạo quốc gia phòng, chống dịch Covid-19 xây dựng …",
    "các bệnh viện trong khu vực bị ảnh hưởng của bão … cần …". The verb-word at tokens[j] (or a clause
    marker "đang", "còn", "chưa", "bị") and its object say which body; the name runs on to where the
    predicate proper opens. Returns that position, 0 when the verb-word is the predicate (as before).

    Mechanism 2 of "Corpus J dev" and row 1 / 5 of "Corpus K dev" in bench/README.md (LABELLING.md
    §11: a name spans what says which ones, up to the predicate). Structure, not a list of trades:
    - the name so far is a kind (the last head noun names a body, not people or a place) and holds no
      proper name or known unit ("Sở Tài chính hướng dẫn …" keeps its verb as predicate);
    - the object names no one acted upon: no determiner ("hướng dẫn các hộ thực hiện …"), no head of
      a body or person unless after "thuộc / trực thuộc / của", no second verb, no clause stop;
      no comma (but in a committee's work "phòng, chống"), "và" only inside a proper name;
    - a stronger predicate follows the object: a modal, "khẩn trương", "có trách nhiệm" (or an
      actor's adverb with its verb), "căn cứ …," leading to one of them, a letter's "về việc"; after a
      Title-Case head whose object ends in a proper name ("Công ty … quản lý đường sắt Hà - Lạng",
      "Viện nghiên cứu … trực thuộc Bộ Y tế") also a task verb of `PREDICATE_OPENERS`, any verb, or
      the end of a letter's receiver (";"). A task verb alone after a lower-case kind's object is the
      object's complement ("lập kế hoạch triển khai …") and ends nothing.

    Written from K009-01, K008-01, K090-01, K085-01, K020-01 (corpus K) and the class in the older
    sets and J (G073-01, D100-01, D069-01; J033-02, J076-02 where `lead_rules.activities_end` reads the
    comma form; J020-01 for the participle "bị"). Figures per set in bench/README.md ("Name boundaries
    by structure")."""
    if j <= start or (head is not None and head.unit_complete) or not s.word(j) or s.tokens[j].capitalized:
        return 0
    traded = lead_trade_names.trade_name_end(s, start, j)
    if traded:
        return traded  # (leadlist) "các thương nhân phân phối xăng dầu, tổng đại lý, đại lý …": one lead
    hit = s.hits[j]
    v1 = hit.get(L.VERBS.slot, 0)
    marker = not v1 and s.tokens[j][3] in A._word_keys(_CLAUSE_MARKERS, s.accented)
    if not (v1 or marker):
        return 0
    if not marker and (
        hit.get(A._OBLIGATIONS.slot, 0)
        or hit.get(A._ACTOR_ADVERBS.slot, 0)
        or hit.get(L.ADVERBS.slot, 0)
        or hit.get(L.ASSIGN_VERBS.slot, 0)
        or hit.get(A._ASK_VERBS.slot, 0)
        or hit.get(A._CHI_DAO.slot, 0)
        or hit.get(A._PHOI_HOP.slot, 0)
        or hit.get(A._CHU_TRI.slot, 0)
        or hit.get(A._SPEAKING_VERBS.slot, 0)
        or hit.get(PREDICATE_OPENERS.slot, 0)
        or hit.get(L.SEND_VERBS.slot, 0)
        or hit.get(L.NARRATIVE_VERBS.slot, 0)
        or hit.get(L.REPORTING_WORDS.slot, 0)
    ):
        return 0
    kind = _has_kind(s, start, j)
    if kind < 0 or _named_so_far(s, kind, j):
        return 0
    # a Title-Case kind ("Công ty", "Viện"; at a clause start only as the name's first word)
    titled = s.tokens[kind].capitalized and (kind not in s.initial or kind == A._skip_determiners(s, start))
    first = j + max(v1, s.m(L.COMMITTEE_PURPOSES, j), 1)  # "phòng, chống dịch": a committee's work, one activity
    if marker:
        first = j + 1 + s.m(L.VERBS, j + 1)  # "đang tổ chức", "còn hạn mức": the marker and its verb
    links = A._word_keys(_LINKS, s.accented)
    x = first
    proper = False  # the object holds a proper name (Title Case, an abbreviation)
    last = min(s.n, j + _SCAN)
    while x < last:
        t = s.tokens[x]
        if not t.is_word:
            c = t.text
            if c == "(":
                close = A._closing_paren(s, x)
                if close is None:
                    return 0
                x = close + 1  # "bữa ăn học đường (bữa ăn bán trú)": a remark inside the name
                continue
            if c in "-–" and s.word(x - 1) and s.word(x + 1) and s.tokens[x + 1].capitalized:
                x += 1  # "Hà - Lạng"
                continue
            if c == ";" and titled and proper and x > first:
                return x  # "…; Giám đốc các Bệnh viện, Viện nghiên cứu … trực thuộc Bộ Y tế; …"
            return 0
        if x > first and _opens_predicate(s, x, titled and proper):
            if _noun_before(s, first, x):
                return 0  # "báo cáo tình hình thực hiện": the object's noun, the first verb was the predicate
            return x
        at = s.hits[x]
        if titled and proper and x > first and at.get(L.VERBS.slot, 0) and not t.capitalized:
            if at.get(L.ASSIGN_VERBS.slot, 0) or at.get(A._ASK_VERBS.slot, 0) or at.get(A._CHI_DAO.slot, 0):
                return 0
            return x  # "Công ty … quản lý đường sắt Hà - Lạng lắp đặt …": a Title-Case name, then its verb
        if t.capitalized:
            inside = proper and s.word(x - 1) and s.tokens[x - 1].capitalized  # "Bắc Bộ": a name's syllable
            if inside or s.is_(x - 1, "và") or not (at.get(L.ORG_HEADS.slot, 0) or at.get(L.PERSON_HEADS.slot, 0)) or (
                s.tokens[x - 1][3] in links
            ):
                proper = True
                x += 1
                continue
            if s.unit_at(x) is not None and s.tokens[x - 1][3] in links:
                proper = True
                x += 1
                continue
            return 0  # "… hướng dẫn Trường Tiểu học A …": a body acted upon
        if t.is_number or (proper and s.tokens[x - 1].capitalized and s.word(x + 1) and s.tokens[x + 1].capitalized):
            x += 1  # (a number; a lower-case syllable between two of a proper name: "Đồng bằng Bắc Bộ")
            continue
        if at.get(L.DETERMINERS.slot, 0):
            return 0  # "hướng dẫn các hộ …": a group acted upon
        if s.is_(x, "và"):
            if proper and s.word(x + 1) and s.tokens[x + 1].capitalized:
                x += 1  # "Trung du và Đồng bằng Bắc Bộ": inside a proper name
                continue
            return 0
        if t[3] in links:
            x += 1 + (s.is_(x, "trực") and s.is_(x + 1, "thuộc"))
            continue
        who = at.get(L.ORG_HEADS.slot, 0) or at.get(L.PERSON_HEADS.slot, 0)
        if who and not at.get(L.VERBS.slot, 0) and s.tokens[x - 1][3] not in links:
            return 0  # "… vận động nhân dân …": someone acted upon
        if (
            at.get(L.ASSIGN_VERBS.slot, 0)
            or at.get(A._ASK_VERBS.slot, 0)
            or at.get(A._CHI_DAO.slot, 0)
            or at.get(A._TIME_WORDS.slot, 0)
            or at.get(A._WORD_SEPARATORS.slot, 0)
            or t[3] in A._word_keys(A._CLAUSE_LINKS, s.accented)
        ):
            return 0
        if at.get(L.NP_STOPS.slot, 0):
            return 0  # "chấn chỉnh việc …", "… theo quy định": a task's noun or an adjunct, no trade
        keep = at.get(L.NP_KEEP.slot, 0)
        if at.get(L.VERBS.slot, 0) and not s.is_(x, "có") and not keep:
            return 0  # a second verb: the first was the predicate ("kiểm tra hồ sơ báo cáo …")
        x += max(1, keep)
    return 0


# Determiners that open a group of bodies or people ("các cảng", "những hộ"), not a measure ("toàn",
# "cả", "một số" also open places and amounts: "cả năm", "toàn bộ").
_GROUP_DETERMINERS = ("các", "những", "tất cả các")


def lead_rules_ends_at(s: _Sentence, d: int) -> bool:
    """Does an assigning or asking verb end right before tokens[d] (the determiner): "yêu cầu các …"?"""
    return any(
        s.m(L.ASSIGN_VERBS, d - k) == k or s.m(A._ASK_VERBS, d - k) == k for k in (1, 2, 3) if d - k >= 0
    )


def unknown_kind_head(s: _Sentence, j: int) -> int:
    """A kind of body the head lists do not know, told by its structure: a determiner of a group ("các",
    "những"), one or two lower-case nouns (no verb, no stop word), then a word only an actor takes
    ("phải", "cần", "có trách nhiệm", "khẩn trương") or a task verb of `PREDICATE_OPENERS`, with its
    verb: "Đặc biệt, các cảng phải chủ động làm việc với …", "yêu cầu các cảng hàng không chi nhánh
    tăng cường bố trí …", "những hợp tác xã cần rà soát …". Returns the length of the head noun at
    tokens[j] (1, its first syllable: the rest of the name is read by `_extend`), 0 when it is no such
    kind. Asked only after a group determiner where no listed head stands (a few positions a sentence).

    Issue 11 ("Subjects the lexicon does not know: … use [structure] rather than growing a list") and
    row 1 of "Corpus K dev" (K028-02 "các cảng phải", K030-01 "các cảng hàng không chi nhánh tăng
    cường"); the class in J and the older sets: J041-01 ("các trường vẫn phải"), X051-01 ("các thôn tổ
    chức …")."""
    if j < 1 or not s.word(j) or s.tokens[j].capitalized:
        return 0
    groups = A._word_keys(("các", "những"), s.accented)
    if s.tokens[j - 1][3] not in groups:
        return 0
    hit = s.hits[j]
    if (
        hit.get(L.VERBS.slot, 0)
        or hit.get(L.NP_STOPS.slot, 0)
        or hit.get(A._TIME_WORDS.slot, 0)
        or hit.get(A._NOT_HEADS.slot, 0)
        or hit.get(L.PREDICATE_MARKERS.slot, 0)
        or hit.get(L.ADVERBS.slot, 0)
    ):
        return 0
    x = j + 1
    while x < min(s.n, j + 6):
        if not s.word(x) or s.tokens[x].capitalized or s.tokens[x].is_number:
            return 0
        at = s.hits[x]
        agent = at.get(A._AGENT_SIGNALS.slot, 0)
        must = max(at.get(A._MODALS.slot, 0), at.get(A._OBLIGATIONS.slot, 0))
        if agent or must or at.get(PREDICATE_OPENERS.slot, 0):
            # Things may be what "phải", "cần" speak of ("Các hạng mục phụ trợ phải bảo đảm chất
            # lượng", test_assignee_who): a group acts when what follows only an actor does ("chủ
            # động", "có trách nhiệm", "phối hợp", also after "phải"), or when an assigning verb has
            # named it and a task verb follows ("yêu cầu các cảng … tăng cường").
            if agent:
                return 1
            if must:
                after = A._skip_adverbs(s, x + must, adjuncts=False)
                return 1 if s.m(A._AGENT_SIGNALS, x + must) or s.m(A._AGENT_SIGNALS, after) else 0
            return 1 if lead_rules_ends_at(s, j - 1) else 0
        keep = at.get(L.NP_KEEP.slot, 0)
        if keep:
            x += keep  # "hàng không", "chi nhánh" whole: no negation, verb or time word inside a name
            continue
        if at.get(L.VERBS.slot, 0) or at.get(L.NP_STOPS.slot, 0) or at.get(L.PREDICATE_MARKERS.slot, 0):
            return 0
        if at.get(L.DETERMINERS.slot, 0) or at.get(A._TIME_WORDS.slot, 0):
            return 0
        x += 1
    return 0


def bare_body_after_link(s: _Sentence, k: int) -> bool:
    """Is tokens[k], after "của / thuộc / trực thuộc", a body named by its Title-Case head alone — the
    one the text is about ("các cơ quan chức năng của Bộ nghiên cứu …", "các cơ sở trực thuộc Sở tiếp
    tục …", "cơ quan chức năng của Tổng cục kiểm tra …")? Then the complement says which ones and the
    name runs on through it (the reader knew a complement only when a full name followed it). The head
    must stand alone: a verb, a predicate word, punctuation or the end follows it.

    Row 5 of "Corpus K dev" and mechanism 3 of "Corpus J dev" in bench/README.md (complements "của /
    trong / thuộc <body>"). Dev sentences: K057-02, K076-01 (corpus K), G113-01, G029-01 (older, read
    right by the known-unit path when the head is a unit)."""
    if not s.word(k) or not s.tokens[k].capitalized or k in s.initial:
        return False
    size = s.m(L.ORG_HEADS, k)
    if not size or s.m(A._NOT_HEADS, k):
        return False
    nxt = k + size
    if nxt >= s.n or not s.word(nxt):
        return True
    if s.tokens[nxt].capitalized:
        return False  # "của Bộ Xây dựng": a full name, read as before
    return bool(s.m(L.VERBS, nxt) or s.m(L.PREDICATE_MARKERS, nxt) or s.m(A._OBLIGATIONS, nxt))


def _item_end(s: _Sentence, x: int, titled: bool) -> int:
    """The end of one short item of a list of kinds at tokens[x] (1 to 4 words: "học viện", "cao đẳng",
    "du lịch", "Giao thông Vận tải"), 0 when tokens[x] starts none (a determiner, a unit, a person, a
    word of the predicate, a number, a capital where the list is in lower case or the reverse)."""
    a = x
    while x < s.n and s.word(x) and x - a < 4:
        t = s.tokens[x]
        at = s.hits[x]
        if x == a and (at.get(L.DETERMINERS.slot, 0) or at.get(L.PERSON_HEADS.slot, 0) or s.unit_at(x)):
            return 0
        if t.is_number or at.get(A._TIME_WORDS.slot, 0) or s.is_(x, "và"):
            break
        keep = at.get(L.NP_KEEP.slot, 0)
        if keep:
            x += keep
            continue
        if (
            at.get(A._OBLIGATIONS.slot, 0)
            or at.get(A._ACTOR_ADVERBS.slot, 0)
            or at.get(L.ADVERBS.slot, 0)
            or at.get(L.PREDICATE_MARKERS.slot, 0)
            or at.get(L.ASSIGN_VERBS.slot, 0)
            or at.get(L.NP_STOPS.slot, 0)
            or at.get(PREDICATE_OPENERS.slot, 0)
        ):
            break
        if at.get(L.VERBS.slot, 0) and x > a and not at.get(L.ORG_HEADS.slot, 0):
            break  # the predicate after the last item ("trung cấp chuyên nghiệp tăng cường")
        if x == a and bool(t.capitalized) != titled:
            return 0
        x += 1
    return x if x > a else 0


def kinds_tail_end(s: _Sentence, start: int, j: int) -> int:
    """Kinds listed after one determiner or one kind head, to the item after "và", then the predicate:
    "các trường đại học, học viện, cao đẳng và trung cấp chuyên nghiệp tăng cường …", "ngành giao
    thông và du lịch, phối hợp …", "Các ngành Du lịch, Giao thông Vận tải sẵn sàng …". The items share
    the determiner and the head (LABELLING.md §12: one determiner and its kinds are one lead); the
    reader stopped at an item its head lists do not know ("học viện", "du lịch"). Returns where the
    list ends (the predicate), 0 when tokens[j] (a "," or "và") opens no such tail.

    The tail is a run of short items (1–4 words, no determiner, unit, person, number or predicate word)
    joined by "," and ending with "và <item>" — or, in Title Case, sector names joined by "," — and a
    predicate follows at once (a verb, a modal or an adverb of the actor, or ", " and one of them).

    Mechanism 4 of "Corpus J dev" (J058-01/02/04, J069-02) and the older dev sets (G104-02); checked on
    corpus K (row 9), which it was not written from."""
    if not (s.punct(j, ",") or s.is_(j, "và")):
        return 0
    kind = _has_kind(s, start, j)
    if kind < 0 or (s.tokens[kind].capitalized and kind not in s.initial):
        return 0  # a kind, not a named body
    if not (A._is_plural(s, start, j) or kind == start):
        return 0
    titled = s.word(kind + 1) and s.tokens[kind + 1].capitalized  # "Các ngành Du lịch, Giao thông Vận tải"
    if any(s.tokens[x].capitalized for x in range(kind + 1, j) if s.word(x)) != titled:
        return 0
    x = j
    closed = False  # the last item came after "và"
    items = 0
    while x < min(s.n, j + 24):
        if s.is_(x, "và"):
            closed = True
        elif not s.punct(x, ","):
            break
        end = _item_end(s, x + 1, titled)
        if not end:
            return 0
        items += 1
        x = end
        if closed:
            break
    if not items or not (closed or titled):
        return 0
    after = x + 1 if s.punct(x, ",") else x
    after = A._skip_adverbs(s, after, adjuncts=False)
    at = s.table(after)
    if at.get(L.VERBS.slot, 0) or at.get(A._OBLIGATIONS.slot, 0) or at.get(PREDICATE_OPENERS.slot, 0) or (
        at.get(L.PREDICATE_MARKERS.slot, 0)
    ):
        return x
    return 0
