"""Labelling conventions the lead reader follows (issue 11, sixth session, branch `conv`).

The labels of every corpus follow a few conventions of `tests/data/LABELLING.md` that are not sentence
structures of their own but readings of a frame: a letter "gửi Y (về việc) <task>" (§7), advice to the
public (§8 d), a body's commitment to its own work (§1), the addressees of a letter's "Kính gửi:" line
for its items (§10). Each is one function here, hooked by one line into `domain.understand.assignees`
(several sessions edit that module at once).

Each rule names the kind of sentence it serves and its dev sentences (ids of `tests/data/*_dev.jsonl`,
written from more than one corpus); the unit tests, with sentences written for each class, are in
`tests/domain/test_lead_conventions.py`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_from_document
from domain.understand.vntokens import fold_word, tone_key

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence


@cache
def _syllables(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


@cache
def _firsts(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({p.split()[0]: None for p in phrases})


@cache
def _first_keys(phrases: tuple[str, ...], accented: bool) -> frozenset[str]:
    return frozenset(tone_key(w) if accented else fold_word(w) for w in _firsts(phrases))


def _has(s: _Sentence, phrases: tuple[str, ...]) -> bool:
    """Does a first syllable of `phrases` occur in the sentence at all (one set operation, in C)?"""
    return not _first_keys(phrases, s.accented).isdisjoint(s._keys)


def _phrase_at(s: _Sentence, i: int, phrase: str) -> int:
    """Length in tokens of `phrase` (syllables separated by spaces) when it starts at tokens[i], else 0."""
    words = _syllables(phrase)
    if not s.is_(i, words[0]):
        return 0
    return len(words) if all(s.is_(i + x, w) for x, w in enumerate(words)) else 0


def _any_at(s: _Sentence, i: int, phrases: tuple[str, ...]) -> int:
    return max((_phrase_at(s, i, p) for p in phrases), default=0)


def _starts(s: _Sentence, phrases: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Where the first syllable of one of `phrases` stands in [lo, hi), in order (found by `where`, in C:
    the rules below run for every sentence and most sentences hold none of their words)."""
    return sorted(k for w in _firsts(phrases) for k in s.where(s.key(w)) if lo <= k < hi)


# ------------------------------------------------------------------------- (a) a letter "gửi Y về …"
# The verbs that put out a letter before "gửi": "có công điện gửi", "ban hành Văn bản số … gửi",
# "phát hành công văn … gửi".
_ISSUES = ("có", "ban hành", "phát hành")


def _letter_before(s: _Sentence, q: int) -> bool:
    """Is there "có / ban hành / phát hành" + a letter noun before tokens[q] in the same clause, with only
    the letter's number and words ("khẩn", "thượng khẩn", "số 184/STNMT", "quán triệt") between?"""
    for x in range(q - 1, max(s.first, q - 12) - 1, -1):
        if s.punct(x, ",;.:"):
            return False
        if s.m(A._LETTER_NOUNS, x) and (s.is_(x - 1, "có") or _any_at(s, x - 2, _ISSUES[1:]) == 2):
            return True
    return False


def _new_name(s: _Sentence, k: int) -> bool:
    """Does a new receiver start at tokens[k] after "," or "và" in a letter's list: a person's title
    ("Giám đốc …", "Chủ tịch UBND …"), a body named by a head and a capitalised name or abbreviation
    ("Bộ Công an", "Sở Y tế", "Sở NN&PTNT"), or a new determiner ("các học viện" — §13)? Not a bare head
    sharing the determiner before it ("các Tổng cục, Cục, Vụ, …": one lead) nor a place of the same
    name ("các tỉnh, thành phố")."""
    if not s.word(k) or s.m(L.PLACE_NOUNS, k):
        return False
    t = s.tokens[k]
    if s.is_(k, "các") or s.is_(k, "những"):
        return True
    if not t.capitalized:
        return False
    if A._is_abbreviation(t) and s.word(k + 1):
        return True  # "…, BCĐ xã, thị trấn": a body written by its abbreviation and its place
    head = s.m(L.PERSON_HEADS, k)
    if head:
        return True
    head = s.m(L.ORG_HEADS, k)
    if head and s.word(k + head):
        nxt = s.tokens[k + head]
        return nxt.capitalized or A._is_abbreviation(nxt)
    return False


def _pieces(s: _Sentence, a: int, b: int) -> list[tuple[int, int]]:
    """The receivers between tokens[a] and tokens[b]: split at ";" when the list uses it, else at a comma
    or "và" before a new name (`_new_name`)."""
    semis = [x for x in range(a, b) if s.punct(x, ";")]
    if semis:
        cuts = semis
    else:
        cuts = []
        for x in range(a + 1, b):
            if s.punct(x, ","):
                k = x + 1 + (1 if s.is_(x + 1, "và") else 0)
                if _new_name(s, k):
                    cuts.append(x)
            elif s.is_(x, "và") and not s.punct(x - 1, ",") and _new_name(s, x + 1):
                cuts.append(x)
            elif s.is_(x, "cùng") and _new_name(s, x + 1 + (1 if s.is_(x + 1, "với") else 0)):
                cuts.append(x)  # "gửi UBND các phường, xã cùng các trường trực thuộc": both receive it (G028-01)
    out = []
    lo = a
    for c in [*cuts, b]:
        x, y = lo, c
        while x < y and (s.punct(x, ",;-") or s.is_(x, "và") or s.is_(x, "cùng") or s.is_(x, "với")):
            x += 1
        while y > x and not s.word(y - 1) and not s.punct(y - 1, ")"):
            y -= 1
        if x < y:
            out.append((x, y))
        lo = c + 1
    return out


def _about(s: _Sentence, x: int) -> bool:
    """ "về việc …", "về các giải pháp …", "về công tác …", "về tăng cường …": what the letter is about
    (not "về" + a place: "gửi về Bộ" is where a report goes, read before the receivers)."""
    if not s.is_(x, "về"):
        return False
    k = x + 1
    verb = s.m(L.VERBS, k) and not s.tokens[k].capitalized
    return bool(s.is_(k, "việc") or s.is_(k, "công") or s.m(L.DETERMINERS, k) or verb)


_DUE_WORDS = ("trước ngày", "chậm nhất", "ngay", "trước thứ")


def letter_about(s: _Sentence) -> _Found | None:
    """A letter sent to receivers, then what it is about or their task, with no new addressee:
    "Tổng cục … vừa có công điện gửi Giám đốc Sở NN&PTNT các tỉnh, Giám đốc các doanh nghiệp khai thác
    công trình thủy lợi về việc chuẩn bị lấy nước", "… có công điện gửi Bộ GTVT, Bộ Công an, Chủ tịch
    UBND các tỉnh … về các giải pháp cấp bách …", "Bộ … ban hành Văn bản số 4623/… gửi các Tổng cục, Cục,
    Vụ … thuộc Bộ tiếp tục …", "… vừa có công điện quán triệt tới giám đốc KBNN các khu vực, Trưởng Ban
    Giao dịch KBNN." — the receivers lead, each title or named body its own lead (LABELLING.md §7 and
    the decision of §29 (22)). Everything between "gửi" and "về <topic>" is who receives the letter
    (names with verb-words in them: "các doanh nghiệp khai thác công trình thủy lợi liên tỉnh").
    A new addressee after an asking verb ("gửi các sở, yêu cầu Sở Y tế …") is left to the assigning
    rules.

    Dev sentences of the class: K006-01, K081-01, K091-01 (corpus K), J066-03's context (J), G029-01
    (G); already right by `_letter_receivers` and kept so: K043-01, K058-01, K065-01, J059-01,
    J076-02, G030-01, F131-01."""
    if not s.at(A._LETTER_NOUNS):
        return None  # no letter named
    places = {*s.at(L.SEND_VERBS), *s.where(s.key("tới")), *s.where(s.key("đến"))}
    for q in sorted(places):
        if not s.first + 2 <= q < s.n - 1:
            continue
        send = s.m(L.SEND_VERBS, q) or (1 if s.is_(q, "tới") or s.is_(q, "đến") else 0)
        if not send or not _letter_before(s, q):
            continue
        start = q + send
        if s.is_(start, "về"):
            return None  # "gửi về Bộ …": a report's recipient
        counted = s.tokens[start].is_number and s.word(start + 1)  # "gửi 12 tỉnh/thành phố …": a count of bodies
        if not (A._np_start(s, start, loose=True) or counted):
            return None
        end = None
        closed = False
        for x in range(start + 1, min(s.n, start + 80)):
            if s.punct(x, ".:?!"):
                if any(s.word(y) for y in range(x + 1, s.n)):
                    return None  # "… gửi Ủy 1. ban nhân dân …": a cut, not the receivers' end
                end, closed = x, True
                break
            if _any_at(s, x, _DUE_WORDS):
                return None  # "gửi Sở trước ngày 15/12 …": a deadline among the names (a garbled copy)
            if _about(s, x):
                end = x
                break
            ask = s.m(A._ASK_VERBS, x)
            # an adverb that opens the receivers' task ("gửi các Cục, Vụ … thuộc Bộ tiếp tục …")
            if ask or (s.m(A._ACTOR_ADVERBS, x) and not s.punct(x - 1, ",") and x - start >= 2):
                if ask and A._np_start(s, A._skip_openers(s, x + ask)):
                    return None  # "gửi các sở, yêu cầu Sở Y tế …": the new addressee leads
                end = x
                break
        else:
            end, closed = s.n, True
        if end is None or end <= start:
            return None
        if closed and any(s.word(x) and s.m(L.VERBS, x) and not s.tokens[x].capitalized for x in range(start, end)):
            # the receivers run to the sentence end only when they are names alone ("… tới X, Y.")
            items, stop = A._parse_list(s, start, loose=True)
            if not items or stop < end:
                return None
        pieces = _pieces(s, start, end)
        if pieces:
            return A._Found(pieces, start, end, "relayed")
    return None


def sender_only(s: _Sentence, subject: _Found, relayed: _Found) -> bool:
    """Does the subject only put out the letter whose receivers `letter_about` found ("Bộ VHTTDL ban hành
    Văn bản số … gửi …", "Chủ tịch Ủy ban Quốc gia phòng chống thiên tai vừa có công điện gửi …": the
    subject read short, its name's own verb-words before the letter)? Then it is the sender (LABELLING.md
    §5), not the lead."""
    for k in range(subject.end, relayed.start):
        if s.punct(k, ",;.:"):
            return False
        n = _any_at(s, k, _ISSUES)
        if n and s.m(A._LETTER_NOUNS, k + n):
            return True
    return False


# ------------------------------------------------------------------------ (c) advice to the public
# Verbs that advise, appeal to, ask or mobilise (LABELLING.md §8 d).
_ADVISE = ("khuyến cáo", "kêu gọi", "vận động", "đề nghị", "yêu cầu", "khuyên")
# The public (people at large: §8 d). Not bare "hộ" ("các hộ kinh doanh" are businesses, K018-01) nor
# organisations, nor donors.
_PUBLIC = (
    "người dân", "nhân dân", "bà con", "quần chúng", "hộ dân", "hộ gia đình", "mọi người", "người chăn nuôi",
    "phụ huynh", "du khách", "người tham gia giao thông", "cộng đồng",
)
_PUBLIC_DETERMINERS = ("tất cả", "mọi", "toàn thể", "các", "các bậc", "toàn", "những")


def _public_at(
    s: _Sentence, k: int, public: tuple[str, ...] | None = None, determiners: tuple[str, ...] | None = None
) -> int:
    """Where the public named at tokens[k] ("tất cả mọi người dân", "bà con tại …", "tới các bậc phụ
    huynh") ends its head, else 0. `public` / `determiners`: wider lists of a rule that reads more kinds of
    public (lead_public: customers; conclusion_carry: parents), else this module's."""
    if s.is_(k, "tới") or s.is_(k, "đến") or s.is_(k, "cho"):
        k += 1
    for _ in range(3):
        d = _any_at(s, k, _PUBLIC_DETERMINERS if determiners is None else determiners)
        if not d:
            break
        k += d
    n = _any_at(s, k, _PUBLIC if public is None else public)
    return k + n if n else 0


def _subject_before(s: _Sentence, v: int) -> _Found | None:
    """The names that stand right before tokens[v] (adverbs of aspect aside) as the subject of its
    clause: "SAWACO khuyến cáo", "Do vậy, BCĐ huyện, BCĐ xã, thị trấn đề nghị", "Lãnh đạo UBND quận 1
    khẳng định". The clause starts at the sentence start, after ".;:" or after an opener's comma."""
    v0 = v
    while v0 - 1 > s.first and s.word(v0 - 1) and (
        s.m(L.ADVERBS, v0 - 1) or any(s.is_(v0 - 1, w) for w in ("đã", "vừa", "cũng", "đang", "tiếp", "tục"))
    ):
        v0 -= 1
    lo = s.first
    for x in range(v0 - 1, s.first - 1, -1):
        if s.punct(x, ".;:?!"):
            lo = x + 1
            break
    asks = (s.m(A._ASK_VERBS, x) or s.m(L.ASSIGN_VERBS, x) or s.m(A._CHI_DAO, x) for x in range(lo, v0))
    verbs = (x == lo or x in s.initial or not s.tokens[x].capitalized for x in range(lo, v0))  # not "Ban Chỉ đạo"
    if any(a and b for a, b in zip(asks, verbs, strict=True)):
        return None  # "Đề nghị các hội, đoàn thể … vận động nhân dân": those asked lead (the assigning rules)
    starts = [lo] + [x + 1 for x in range(lo, v0) if s.punct(x, ",")]
    for c in starts:
        c = A._skip_intro(s, c)
        if c >= v0:
            continue
        if not A._np_start(s, c, loose=True):
            # a name the lexicon does not know, in capitals or Title Case ("SAWACO", "EVNHCMC"): the
            # words up to the verb, when they are few and all capitalised
            if v0 - c <= 3 and all(s.word(x) and s.tokens[x].capitalized for x in range(c, v0)):
                if not lead_from_document.capitalised_run_is_name(s, c, v0):  # (leaddoc) «Vậy đề nghị …»
                    continue
                return A._Found([(c, v0)], c, v0, "subject")
            continue
        items, end = A._parse_list(s, c, loose=True)
        if not items or items[0][0] != c:
            continue
        clipped = [(a, min(b, v0)) for a, b in items if a < v0]
        if (end >= v0 or A._skip_adverbs(s, end) >= v0) and clipped:
            pieces = [p for a, b in clipped for p in _pieces(s, a, b)]
            return A._Found(pieces, c, v0, "subject")
    return None


def public_advice(s: _Sentence) -> _Found | None:
    """A body advises, appeals to, asks or mobilises the public, and only them: "SAWACO khuyến cáo người
    dân nên chủ động tích trữ nước", "Bộ NN&PTNT khuyến cáo bà con tại khu vực … cần thu hoạch sớm …",
    "Do vậy, BCĐ huyện, BCĐ xã, thị trấn đề nghị tất cả mọi người dân tích cực hưởng ứng …" — the body
    that gives the advice leads (LABELLING.md §8 c, d; §29 (1)): it is its campaign the secretary tracks.
    Not when other addressees are asked as well ("đề nghị Nhân dân và yêu cầu các sở …", F002-01: they
    are listed as written), nor when no body gives it (the public as the subject: "Nhân dân cần …",
    J088-01; "kêu gọi mọi tầng lớp nhân dân …" with no subject, D083-01).

    Dev sentences of the class: K089-01, K015-01 (corpus K), J092-01 (J) and, through its context,
    J092-02; the guide's own example "Sở Y tế khuyến cáo người dân cần rửa tay thường xuyên."."""
    if not (_has(s, _PUBLIC) and _has(s, _ADVISE)):
        return None  # (no word of the public or of advice: the common case, read in C)
    for v in _starts(s, _ADVISE, s.first + 1, s.n - 1):
        n = _any_at(s, v, _ADVISE)
        if not n:
            continue
        end = _public_at(s, v + n)
        if not end:
            continue
        if any(_any_at(s, x, ("đề nghị", "yêu cầu", "giao")) for x in range(end, s.n)):
            return None  # others are asked too
        if any(s.is_(x, "và") and A._np_start(s, x + 1) and not _public_at(s, x + 1) for x in range(end, end + 2)):
            return None  # "người dân và các doanh nghiệp": others named with them
        subject = _subject_before(s, v)
        if subject is not None and not any(_public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            return subject
        return None
    return None


# ------------------------------------------------------------------ (b) a body's commitment to its work
_COMMITS = ("khẳng định", "cam kết")


def committed_subject(s: _Sentence) -> _Found | None:
    """A body states it will do its own work: "Lãnh đạo UBND quận 1 khẳng định sẽ 2 lần mỗi tuần trực tiếp
    đi kiểm tra …", "Công ty cam kết sẽ hoàn thành …" — the body leads (LABELLING.md §1: a body's stated
    programme is a directive for it when it is not the issuer; §29 (15)); "khẳng định / cam kết" is its
    verb, not part of its name. Only with "sẽ" or a task verb right after (a commitment, not "khẳng định
    rằng kết quả …").

    Dev sentences of the programme class: K068-01 (this form), K086-01, K095-01 (corpus K), J016-01,
    J088-02 (J: "còn X sẽ chỉ đạo …", "Thời gian này địa phương phát động …")."""
    if not _has(s, _COMMITS):
        return None
    for v in _starts(s, _COMMITS, s.first + 1, min(s.n - 1, s.first + 25)):
        n = _any_at(s, v, _COMMITS)
        if not n:
            continue
        if not (s.is_(v + n, "sẽ") or s.is_(v + n, "tiếp")):
            return None
        return _subject_before(s, v)
    return None


# ------------------------------------------------ (a) the context's letter frame for its items (§10)
def _addressee_line(context: str) -> str | None:
    """The names after "Kính gửi:" in a context ("Kính gửi: - BCH Công đoàn Bộ phận - Ủy viên Ban Văn
    thể …", "Kính gửi: Các trường THCS, TH&THCS trên địa bàn Thành phố … II. …"), up to the first "…",
    line break or sentence end."""
    from domain.understand.vntokens import fold_word

    low = " ".join(fold_word(w) for w in context.split())
    at = low.find("kinh gui:")
    if at < 0:
        return None
    # the same offset in the original: count words
    words = context.split()
    n = len(low[:at].split())
    rest = " ".join(words[n + 2 :]) if words[n + 1 : n + 2] == ["gửi:"] or fold_word(words[n + 1]) == "gui:" else None
    if rest is None:
        return None
    for stop in ("…", "...", "\n"):
        if stop in rest:
            rest = rest.split(stop, 1)[0]
    return rest.strip() or None


def letter_addressees(context: str, units) -> tuple:
    """The addressees of the letter a context opens with "Kính gửi:": the items of a notice or guidance
    that name no doer are theirs (LABELLING.md §10, §8 b: an item of a letter addressed to X). Read only
    when no heading or lead-in of the context names anyone. Each "- " bullet or ";" is one addressee.

    Dev sentences: J084-01, J036-02 (corpus J); the letter frame's context for K081-02/03 (K, through
    `letter_about`)."""
    line = _addressee_line(context)
    if not line:
        return ()
    parts = [p.strip(" -;,.") for p in line.replace(";", " - ").split(" - ")]
    leads = []
    for p in parts:
        if not p:
            continue
        found = A.parse_assignees(p, units)
        if found.lead and found.lead[0].text == p:
            leads.extend(found.lead)
        elif found.lead:
            leads.append(found.lead[0])
    return tuple(leads)


_VOWELS = set("aeiouyăâêôơư")
_CLUSTERS = ("ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr")


def _abbreviation(word: str) -> bool:
    """ "UBND", "BCH", "TTYT": letters that are no Vietnamese syllable (two consonants in a row that no
    syllable has, or no vowel); "CHUNG", "THỂ" are syllables."""
    from domain.understand.vntokens import fold_word

    w = fold_word(word).lower()
    if not w.isalpha() or len(w) < 2:
        return False
    if not any(c in _VOWELS for c in w):
        return True
    for x in range(len(w) - 1):
        a, b = w[x], w[x + 1]
        if a not in _VOWELS and b not in _VOWELS and w[x : x + 2] not in _CLUSTERS:
            return True
    return False


def capitals_heading_names_nobody(segment: str, units) -> bool:
    """A section heading written in capitals ("II. MỘT SỐ YÊU CẦU CỤ THỂ") read as "yêu cầu" + a name in
    capitals: read again with its words in small letters (abbreviations without diacritics such as UBND,
    BCH kept), it names nobody. (J036-02: the heading gave "CỤ THỂ".)"""
    letters = [c for c in segment if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return False
    for ref in A.parse_assignees(segment, units).lead:
        words = ref.text.split()
        if any(_abbreviation(w) for w in words):
            return False  # an abbreviation ("UBND", "BCH") names a body
        lowered = A._Sentence(ref.text.lower(), units)
        if A._np_start(lowered, 0):
            return False  # a head or a determiner in small letters ("các xã", "ủy ban …")
    return True


# ------------------------------------------------- (d) the one asked in the passive: "X bị / được yêu cầu"
_PASSIVE_ASK = ("bị yêu cầu", "được yêu cầu", "bị đề nghị", "được đề nghị")


def asked_in_passive(s: _Sentence) -> _Found | None:
    """ "X (đã / cũng) bị / được yêu cầu <việc>": X is the one told to act and leads (LABELLING.md §29
    (23)), also when an existential "có" opens it and a restrictive clause picks the group ("Theo Sở Y tế,
    có 3 phòng khám trên địa bàn không đủ điều kiện đã bị yêu cầu tạm dừng hoạt động" → "3 phòng khám
    trên địa bàn không đủ điều kiện": the clause is kept whole up to the verb, §11, §29 (12)). Read only
    when no other rule found anyone (a fallback).

    Dev sentences of the class: K044-01 (K, "có … đã bị yêu cầu"); already right by the subject reading:
    J054-03, J072-04 (J), A062-01, B032-02 (older)."""
    for v in _starts(s, _PASSIVE_ASK, s.first + 1, s.n - 2):
        if not _any_at(s, v, _PASSIVE_ASK):
            continue
        v0 = v
        while v0 - 1 > s.first and any(s.is_(v0 - 1, w) for w in ("đã", "vừa", "cũng", "đều")):
            v0 -= 1
        c = next((x + 1 for x in range(v0 - 1, s.first - 1, -1) if s.punct(x, ",;:.")), s.first)
        if s.is_(c, "có") and (s.tokens[c + 1].is_number or s.m(L.DETERMINERS, c + 1)):
            c += 1  # "có 3 bệnh viện …": who there are
        if c >= v0 or not A._np_start(s, c, loose=True):
            return None
        return A._Found([(c, v0)], c, v0, "subject")
    return None


# ------------------------------------------------- (e) a body's own order naming nobody: empty lead
_NOTICES = ("nhận thấy", "phát hiện", "nhận định", "đánh giá")


def own_order_naming_nobody(s: _Sentence, subject: _Found) -> bool:
    """ "Qua kiểm tra, Bộ Y tế nhận thấy một số địa phương chưa thực hiện nghiêm … nên đã có văn bản chỉ
    đạo chấn chỉnh hoạt động tiêm chủng …": the body notes a fault, then reports its own order, which
    names nobody (the places at fault are the reason, not the addressees): the lead is empty
    (LABELLING.md §4, §8 a; as "UBND huyện cũng chỉ đạo đẩy mạnh …" and "… đã có công văn chỉ đạo tăng
    cường …", read by `_only_asks`).

    Dev sentences of the class: K010-01 (K, this form); G046-01, G128-01 (G, the subject's own order
    right after it, already empty)."""
    if not _has(s, _NOTICES):
        return False
    k = A._skip_adverbs(s, subject.end)
    if not _any_at(s, k, _NOTICES):
        return False
    end = next((x for x in range(k, s.n) if s.punct(x, ";.")), s.n)
    for x in range(k + 2, end):
        if not (s.is_(x, "có") and s.m(A._LETTER_NOUNS, x + 1)):
            continue
        if not any(s.is_(y, "nên") or s.is_(y, "và") or s.punct(y, ",") for y in range(max(k, x - 4), x)):
            continue
        p = A._past_letter(s, x)
        size = s.m(A._CHI_DAO, p) or s.m(A._ASK_VERBS, p)
        return bool(size) and p != x and not A._np_start(s, A._skip_openers(s, p + size))
    return False


# ---------------------------------------------------- (b) a body's programme: "X sẽ / tiếp tục <verb>"
_PROGRAMME = ("sẽ", "tiếp tục")
# what an event or a thing "will" do: not a task ("Đại hội sẽ diễn ra", "nhà sẽ được hoàn thành")
_NOT_TASKS = (
    "được", "bị", "diễn ra", "là", "có", "không", "chưa", "họp", "kết thúc", "bắt đầu", "khai mạc", "bế mạc",
    "trở thành", "đạt",
)
_EVENTS = ("đại hội", "hội nghị", "lễ", "giải", "chương trình", "kỳ thi", "cuộc thi", "hội thi", "lớp", "đoàn")


def programme_subject(s: _Sentence) -> _Found | None:
    """A body's stated programme for its own coming work, its subject after an opener or a report the
    subject rules do not cross: "Thời gian tới, Bộ đội Biên phòng tiếp tục tăng cường tuần tra …",
    "Thực hiện tháng tổng vệ sinh (đợt 2), từ ngày 23/9, Chi cục Chăn nuôi và Thú y sẽ tổ chức …",
    "… đã có 10/11 đơn vị tổ chức xong, còn đơn vị Châu Thành sẽ chỉ đạo Hội nghị hoàn thành trong
    10/2017" — the body leads (LABELLING.md
    §1, §29 (15): a directive for X when X is not the issuer). Read only when no other rule found anyone
    (a fallback); an event or a passive after "sẽ" is no task ("Đại hội sẽ diễn ra …", "sẽ được …").

    Dev sentences of the class: K086-01, K095-01 (K), J016-01 (J); F094-01 (F, "Đô lương sẽ hoàn thành …":
    a place name with a lower-case second syllable) is left: a Title-Case name needs two capitals, or an
    abbreviation, since "Công việc này sẽ kết thúc …" opens a sentence with a capital too (probe)."""
    for v in _starts(s, _PROGRAMME, s.first + 1, s.n - 1):
        n = _any_at(s, v, _PROGRAMME)
        if not n or s.tokens[v].capitalized:
            continue
        k = v + n
        if _any_at(s, k, _NOT_TASKS) or not s.word(k) or (not s.m(L.VERBS, k) and not s.m(A._ACTOR_ADVERBS, k)):
            continue
        x = v
        while x - 1 > s.first and s.word(x - 1) and any(s.is_(x - 1, w) for w in ("cũng", "đều", "vẫn")):
            x -= 1
        subject = _programme_doer(s, x)
        if subject is not None:
            return subject
    return None


def _programme_doer(s: _Sentence, v0: int) -> _Found | None:
    """The body right before tokens[v0] at a clause start (after the sentence start, a comma, "; " or
    ", còn"), by the lexicon or, for a name it does not know, a Title-Case word ("Bộ đội Biên phòng",
    "Đô Lương") of at most four syllables."""
    lo = next((x + 1 for x in range(v0 - 1, s.first - 1, -1) if s.punct(x, ".;:?!")), s.first)
    starts = [lo] + [x + 1 for x in range(lo, v0) if s.punct(x, ",")]
    for c in reversed(starts):
        c = A._skip_intro(s, c)
        if s.is_(c, "còn"):
            c += 1
        if not s.first <= c < v0 or any(not s.word(x) for x in range(c, v0)):
            continue
        if _any_at(s, c, _EVENTS):
            return None
        lexicon = A._np_start(s, c)
        if lexicon:
            items, end = A._parse_list(s, c)
            if items and items[0][0] == c and end >= v0:
                return A._Found([(c, v0)], c, v0, "subject")
        capitals = sum(1 for x in range(c, v0) if s.tokens[x].capitalized)
        named = capitals >= 2 or (v0 - c == 1 and A._is_abbreviation(s.tokens[c]))  # not "Công việc này"
        if s.tokens[c].capitalized and v0 - c <= 5 and named and not s.m(L.VERBS, c):
            return A._Found([(c, v0)], c, v0, "subject")
        if not lexicon:
            return None
    return None
