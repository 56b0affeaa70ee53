"""Who is to act when the speaker picks or wishes (issue 11, seventh session, branch `leadjk`).

Two structures of a clause whose subject speaks and whose object acts, read from corpora J, K and the
older dev sets (v4g, v4d, v4f, v3a, v3b, train_v2), never from corpus L (left out to test that they
carry):

- a designation: "X chọn / lựa chọn / lấy / cử Y (là | làm) …", X picks Y to do the work, and Y leads
  (LABELLING.md §4: a designation assigns the task to the ones designated);
- a wish: "X mong muốn / mong rằng Y …" is read as "đề nghị": its verbs are entries of
  `data/assign_verbs.txt` and `data/ask_verbs.txt` (no code), and when the ones wished are the public
  ("mọi tầng lớp nhân dân", "người dân"), the one who wishes leads (§8 d), as
  `lead_conventions.public_advice` does for advice;
- a row of asking verbs ("yêu cầu, đề nghị Y", "kêu gọi, vận động Y") asks the addressee after its last
  verb (`past_verb_row`, hooked into `assignees._triggers`).

Each rule is hooked by one line into `domain.understand.assignees`; the tests, with sentences
written for each class, are in `tests/domain/test_lead_doers.py`. Both rules first ask, with one set
operation over the sentence's syllables (in C), whether their verbs occur at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from domain.understand import lead_conventions as C
from domain.understand.vntokens import fold_word, tone_key

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

# ------------------------------------------------------------------ (a) "X chọn / lấy / cử Y làm …"
_DESIGNATE = ("lựa chọn", "chọn", "lấy", "cử")
# Words between the subject and its verb of choosing: aspect and "xác định / quyết định / thống nhất".
_BEFORE_CHOICE = ("đã", "vừa", "cũng", "sẽ", "đang", "xác định", "quyết định", "thống nhất", "tiếp tục")
# What may follow the ones picked: "là / làm <role>", or the motion of the ones sent ("cử Y xuống …").
_ROLE = ("là", "làm")
_MOTION = ("xuống", "đến", "tới", "về", "lên", "đi", "sang", "trực tiếp")
# An indefinite or counted object is a thing picked, not a party ("chọn một phường làm điểm" F072-01:
# the subject does the work there).
_INDEFINITE = ("một", "mỗi", "một số", "những")
# Syllables that make "cử / chọn" part of another word: "bầu cử", "ứng cử", "tuyển chọn", "bình chọn".
_COMPOUND_BEFORE = ("bầu", "ứng", "tuyển", "bình", "đề")


def designated(s: _Sentence, subject: _Found) -> _Found | None:
    """ "<chủ thể> (đã / xác định …) chọn / lựa chọn / lấy / cử Y (là | làm) <việc> …": the subject
    picks Y, a named body or people of a kind, for the work; Y is to do it and leads (LABELLING.md §4,
    "lấy Hội A, Hội B là hai đoàn thể đi đầu …"). "lấy" needs "là / làm" after Y ("lấy mẫu", "lấy ý
    kiến" take things); "cử" and "chọn" take Y's own predicate, "làm <role>" or a motion ("cử cán bộ đô
    thị xuống kiểm tra …"). An indefinite object ("chọn một phường làm điểm") is a place picked for the
    subject's own work, and the subject keeps the task.

    Dev sentences of the class: G117-01 ("Ban Thường vụ Tỉnh đoàn chọn Đoàn thanh niên xã … tổ chức Đại
    hội điểm"), G089-01 ("UBND phường đã cử cán bộ đô thị xuống kiểm tra, nhắc nhở và yêu cầu người dân
    …"), J088-03 ("Địa phương xác định lấy Hội Người cao tuổi, Hội cựu chiến binh là hai đoàn thể …");
    the subject keeps it: F072-01 ("chọn một phường làm điểm")."""
    if not C._has(s, _DESIGNATE):
        return None  # (most sentences pick nobody: one set operation, in C)
    k = subject.end
    limit = min(s.n - 1, k + 6)
    if not C._starts(s, _DESIGNATE, k, limit):
        return None  # (the verb's syllable is elsewhere: "bầu cử", "lấy ý kiến" far from the subject)
    while k < limit:
        n = C._any_at(s, k, _DESIGNATE)
        if n:
            break
        step = C._any_at(s, k, _BEFORE_CHOICE) or s.m(L.ADVERBS, k)
        if not step:
            return None
        k += step
    else:
        return None
    if any(s.is_(k - 1, w) for w in _COMPOUND_BEFORE) or s.is_(k + n, "tri"):
        return None  # "Ủy ban bầu cử xã", "ứng cử", "tuyển chọn", "cử tri": the syllable is part of a word
    verb_is_lay = s.is_(k, "lấy")
    y = k + n
    if not s.word(y) or C._any_at(s, y, _INDEFINITE) or s.tokens[y].is_number:
        return None
    if not A._np_start(s, y):
        return None
    items, end = A._parse_list(s, y)
    if not items or items[0][0] != y:
        return None
    a, b = items[-1]
    for x in range(a + 1, b):
        if any(s.is_(x, w) for w in _MOTION[:-1]) and not s.tokens[x].capitalized:
            items[-1] = (a, x)  # "cử cán bộ địa chính xuống kiểm tra": the motion starts Y's predicate
            end = x
            break
    nxt = A._skip_adverbs(s, end)
    role = any(s.is_(nxt, w) for w in _ROLE)
    if verb_is_lay and not role:
        return None
    if not (role or any(s.is_(nxt, w) for w in _MOTION) or A._predicate_at(s, nxt)):
        return None
    return A._Found(items, y, end, "assigned")


# ------------------------------------------------------------- (b) "X mong muốn <the public> …" → X
_WISH = ("mong muốn", "mong rằng", "mong mỏi")
# "mọi tầng lớp nhân dân", "các tầng lớp nhân dân": the strata of the public are the public.
_STRATA = ("tầng lớp",)


def public_wish(s: _Sentence) -> _Found | None:
    """ "<người / cơ quan> mong muốn <the public> <việc> …": a leader's wish to the public is advice
    to it (§8 d): nobody can remind the public, and the one who wishes leads, as for "khuyến cáo /
    kêu gọi" (`lead_conventions.public_advice`). A wish to a body ("mong muốn các cấp ủy Đảng …") is
    an ask, read by the assigning verbs (`data/assign_verbs.txt`).

    Dev sentences of the class: G114-01 ("Phát biểu tại lễ phát động Chủ tịch UBND xã … mong muốn mọi
    tầng lớp nhân dân của xã tích cực …"); the ask to a body: J045-01, K104-01 ("mong rằng, …, các mô
    hình … cần được Hội …")."""
    if not s.where(s.key("mong")):
        return None  # (every wish verb starts with "mong": one search of the keys, in C)
    for v in C._starts(s, _WISH, s.first + 1, s.n - 1):
        n = C._any_at(s, v, _WISH)
        if not n:
            continue
        y = v + n
        d = C._any_at(s, y, C._PUBLIC_DETERMINERS)
        if d and C._any_at(s, y + d, _STRATA):
            y += d + C._any_at(s, y + d, _STRATA)
        end = C._public_at(s, y)
        if not end:
            continue
        if any(C._any_at(s, x, ("đề nghị", "yêu cầu", "giao")) for x in range(end, s.n)):
            return None  # others are asked too
        subject = C._subject_before(s, v)
        if subject is None:
            subject = _speaker_after_opener(s, v)
        if subject is not None and not any(C._public_at(s, a) or A._the_public(s, a) for a, _ in subject.items):
            return subject
        return None
    return None


def _speaker_after_opener(s: _Sentence, v: int) -> _Found | None:
    """ "Phát biểu tại lễ phát động Chủ tịch UBND xã X mong muốn …": a news opener written with no
    comma before the speaker; the speaker is the last name that runs up to the verb."""
    for c in range(max(s.first, v - 14), v):
        if not (s.word(c) and s.tokens[c].capitalized and A._np_start(s, c)):
            continue
        items, end = A._parse_list(s, c)
        if items and items[0][0] == c and end == v and len(items) == 1:
            return A._Found(items, c, end, "subject")
    return None


# ---------------------------------------------------- (c) "X yêu cầu, đề nghị Y …": verbs of asking in a row
# The second verb of a row of asking verbs joined by "," or "và" ("yêu cầu, đề nghị", "kêu gọi, vận
# động", "giao, yêu cầu", "chỉ đạo, yêu cầu"): the row asks the one addressee after its last verb.
_CHAIN_NEXT = ("yêu cầu", "đề nghị", "kêu gọi", "vận động", "chỉ đạo", "giao", "khuyến khích")
# (the keys of "," and "và" in each writing mode: a mark's key is its text)
_ROW_LINKS = {True: frozenset((",", tone_key("và"))), False: frozenset((",", fold_word("và")))}


def past_verb_row(s: _Sentence, k: int) -> int:
    """From tokens[k], right after a verb of assigning, past the verbs of asking that continue it
    ("yêu cầu, đề nghị các xã …", "kêu gọi, vận động các cơ quan, doanh nghiệp …", "đề nghị và yêu
    cầu …"): where its addressee starts (k itself when no verb follows). A row of verbs asks one
    addressee, as one verb does; without this the first verb has no addressee and the subject is read
    as the one who acts.

    Dev sentences of the class: D081-02 ("Ủy ban MTTQ Việt Nam tỉnh cũng kêu gọi, vận động các cơ quan,
    đơn vị, … đóng góp"); read right before through other paths: K005-01 ("đã chỉ đạo, yêu cầu các Công
    ty …"), B062-01 ("quán triệt, yêu cầu các cơ quan chuyên môn …"), G098-01 ("đã chỉ đạo, giao trách
    nhiệm cụ thể cho …")."""
    if k >= s.n or s.tokens[k][3] not in _ROW_LINKS[s.accented]:
        return k  # (most verbs are followed by their addressee: one set lookup)
    while s.punct(k, ",") or s.is_(k, "và"):
        n = C._any_at(s, k + 1, _CHAIN_NEXT)
        if not n or not s.word(k + 1 + n):
            break
        k += 1 + n
    return k
