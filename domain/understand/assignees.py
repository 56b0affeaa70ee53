"""Who is assigned in a Vietnamese directive: the lead (chủ trì), coordinators (phối hợp), executors.

Directives name their assignees in a handful of ways; the rules are tried in this order:

1. An assigning verb and the noun phrase after it: "Giao X ...", "giao cho X", "Đề nghị X ...",
   "yêu cầu: "X ...", bottom-up "X đề nghị Y ..." (Y is asked to act, so Y leads). A subject that only
   relays ("X tiếp thu ...; đồng thời đề nghị Y", "X ban hành văn bản ..., giao Y") does not lead.
2. A relayed letter: "UBND TP có văn bản gửi các sở ... yêu cầu khẩn trương ..." (the receivers).
3. The subject of the sentence: "UBND phường phối hợp với ...", "1. Trạm Y tế phường thường xuyên
   ...", "Đồng thời, Sở Xây dựng có trách nhiệm ...", "X được giao ...".
4. A topic heading that names a unit: "Đối với UBND phường: ...".

Coordinators: "X chủ trì, phối hợp (với/cùng) Y", "X phối hợp với Y", "X chủ trì, Y phối hợp",
"..., phối hợp với Y", "với sự phối hợp của Y". "A và B phối hợp <việc>" with nobody chairing: all lead
(LABELLING.md §37.1 a); "A và B phối hợp (với) C": A, B lead, C coordinates.
Executors: "giao A chỉ đạo B ..." (A is accountable and leads, B carries it out). Parties only
guided or informed ("hướng dẫn UBND huyện") are never coordinators.

A noun phrase starts at a known unit, a determiner ("các", "02", "100%") or a head noun (Phòng,
Sở, UBND, đồng chí, cán bộ, thành viên...) and runs until the predicate starts (a verb, an adverb
such as "khẩn trương", a preposition such as "để", "theo").

Lists of assignees (the labelling convention of tests/data/README.md, followed by `_parse_list`):
a list item is [determiner] head [name] [complement: determiner and kinds or places, a place, a
modifier, an area]. Items are ONE lead when they share what one of them says once:
- one determiner and head: a list of kinds or places after it ("các sở, ngành và đơn vị liên quan",
  "UBND các xã, thị trấn", "các cơ quan, đơn vị và hộ dân", "các trường học và trung tâm giáo dục");
- one complement: bodies named by their head alone, then, after commas, one whose name ends with
  which places or which ones ("Đảng ủy, UBND các xã", "HĐND, UBND, Ủy ban MTTQ xã", "cấp ủy, chính
  quyền địa phương", "Ban Công an, Ban Chỉ huy quân sự xã"); a body with a proper name of its own
  shares a place but not a plural ("Sở Tài chính, UBND các huyện" are two);
- one group of people: kinds of people in lower case listed with commas ("cán bộ, công chức xã",
  "giáo viên, nhân viên", "đội ngũ tuyên truyền viên, báo cáo viên của tỉnh");
- one head: its places, named or not ("UBND huyện, thành phố Cà Mau", "UBND TP Thủ Đức và các
  huyện"), and its area ("công an các địa phương trong toàn quốc");
- one kind and its members after a colon ("các đơn vị: Trung tâm Văn hóa huyện, … và Thư viện");
- one kind and the clause saying which ones, before a modal ("Lực lượng làm nhiệm vụ phải …");
- one name: the parts of a name ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Kế hoạch - Đầu tư", "Ban
  An toàn giao thông": a syllable after a Title-Case one is that word's, never a determiner).
Items are SEPARATE leads when each has its own determiner ("UBND xã, các ngành, đoàn thể", "UBND
các xã và các cộng đồng ..."), its own person title ("Giám đốc các sở, Chủ tịch UBND các huyện",
"các phòng chuyên môn, Chủ tịch UBND các xã"), its own complement or name ("Phòng Kinh tế thành
phố, Đoàn Kiểm tra thành phố", "thành phố Phổ Yên, phường Đông Cao", "thành viên ban chỉ đạo, biên
tập"), when "và" joins two full names ("Phòng Nội vụ và Phòng GD&ĐT", "Sở Nội vụ và các sở, ngành
liên quan") or bodies and places ("các cơ quan, đơn vị và thôn, xóm", "các sở, ngành và địa
phương"), when a list of kinds is followed by a body ("sở, ban, ngành, UBND các huyện"), and after
";". The tests of each case: tests/domain/test_assignee_lists.py.

Each assignee keeps the words as written; when they name a committee unit or a built-in one
(`domain.understand.units_catalog`), `unit_key` says which.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, count
from operator import itemgetter

from domain.types import AssigneeRef, Assignees, KnownUnit
from domain.understand import assignee_lexicon as L
from domain.understand import (
    conclusion_carry,
    lead_addressed,
    lead_audit16,
    lead_conventions,
    lead_conventions_s8,
    lead_doers,
    lead_fixed_level,
    lead_frames,
    lead_fronted_subject,
    lead_list_kinds,
    lead_name_end16,
    lead_nodiac16,
    lead_obligation_subject,
    lead_own_complements,
    lead_passive_agent,
    lead_public,
    lead_reported16,
    lead_result_clause,
    lead_round14,
    lead_round14_multi,
    lead_round15,
    lead_rules,
    lead_shapes15,
    lead_typos,
    lead_unaddressed_order,
    lead_will_subject,
    name_bounds,
    name_clauses,
    name_purposes,
    name_stationed,
    name_words,
    textnorm,
    vntokens,
)
from domain.understand.caps_emphasis import capitals_are_emphasis
from domain.understand.lexicons import phrases
from domain.understand.textnorm import nfc
from domain.understand.units_catalog import BUILTIN_UNITS
from domain.understand.vntokens import (
    PhraseSet,
    Token,
    fold_word,
    has_diacritics,
    match_table,
    tokenize,
    tone_key,
)

# The rules' own phrase lists: data files in domain/understand/data/ (see each file's opening
# comment for the kind of sentence it serves).
_LOOSE_TRIGGERS = phrases("loose_triggers")
_ASK_VERBS = phrases("ask_verbs")
_WORD_SEPARATORS = phrases("word_separators")
_INTRO = phrases("intro")
_LEAD_LABELS = phrases("lead_labels")
_SUPPORT_LABELS = phrases("support_labels")
_ACTOR_ADVERBS = phrases("actor_adverbs")
_OBLIGATIONS = phrases("obligations")
_SUBJECT_SIGNALS = phrases("subject_signals")
_TIME_WORDS = phrases("time_words")
_NOT_HEADS = phrases("not_heads", "lead_audit16_not_heads")  # (leadaudit: «hội nhập», folded «phong trào»)
_HEADS_NEEDING_NAME = phrases("heads_needing_name")
_VERB_LIKE_HEADS = phrases("verb_like_heads")
_HEADS_NAMED_BY_TASK = phrases("heads_named_by_task")
_UNIT_FILLERS = phrases("unit_fillers")
_PHOI_HOP = phrases("phoi_hop")
_WITH = phrases("with")
_SUPPORT_OF = phrases("support_of")
_HEADING_OPENERS = phrases("heading_openers")
_CHU_TRI = phrases("chu_tri")
_CHI_DAO = phrases("chi_dao")
_DOTTED_PLACES = {"TP", "Tp", "tp", "Q", "P", "TX", "TT", "H", "X"}
_PASSIVE_RELATIVE = phrases("passive_relative")
_ADJUNCT_OPENERS = phrases("adjunct_openers")
_PRONOUN_HEADS = phrases("pronoun_heads")
_MODALS = phrases("modals")
_DOCUMENT_WORDS = phrases("document_words")
_SPEAKING_VERBS = phrases("speaking_verbs")
_AGENT_SIGNALS = phrases("agent_signals")

_LIST_MARKER = re.compile(
    r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVXL]{1,5})[.)]|\(\d{1,2}\)|\([a-zđ]\)|[-–—*•+·●○▪■►✓]"
    # "Điều 2. Sở Lao động ... chủ trì", "Khoản 3. Giao ...": articles of a decision.
    r"|(?:Điều|Khoản|Mục|Điểm)\s+\d{1,3}[a-zđ]?\s*[.:])\s*"
)
_TEXT_OF = itemgetter(0)  # a token's text (tuple index 0), for selections made in C
_KEY_OF = itemgetter(3)  # a token's comparison key (tuple index 3)
_CLAUSE_OPENERS = {".", ":", ";", "(", "“", '"', "‘", "'", "-", "–", "—", "•", "*", "+", "!", "?", "…"}


# ------------------------------------------------------------------------------------------ units
def _unit_compact(tokens: Sequence[Token]) -> str:
    """Letters and digits of the words, without "và"/"&"/"-": 'Phòng GD & ĐT' -> 'phonggddt'."""
    return "".join(t.compact for t in tokens if t.is_word and t.compact != "va")


class _UnitIndex:
    """Committee units (preferred) and built-in ones, looked up by their compact spelling."""

    def __init__(self, units: Sequence[KnownUnit]) -> None:
        self._by_compact: dict[str, list[tuple[int, KnownUnit, tuple[str, ...] | None, tuple[str, ...] | None]]] = {}
        self._max_tokens = 1
        for priority, group in ((0, units), (1, BUILTIN_UNITS)):
            for unit in group:
                for alias in (unit.name, *unit.aliases):
                    toks = tokenize(nfc(alias), accented=False)
                    key = _unit_compact(toks)
                    if key:
                        spelling = _spelling(toks)
                        bare = _spelling(toks, accented=False)
                        self._by_compact.setdefault(key, []).append((priority, unit, spelling, bare))
                        self._max_tokens = max(self._max_tokens, len(toks))
        # Every beginning of a spelling: reading on from a word stops as soon as no unit's name
        # can start that way (most words start none).
        self._prefixes = {key[:k] for key in self._by_compact for k in range(1, len(key) + 1)}

    def matches_at(self, tokens: Sequence[Token], i: int, accented: bool = True) -> list[tuple[int, int, KnownUnit]]:
        """(end, priority, unit) for every alias spelled by tokens[i:end]. In a text typed without
        diacritics ("Y te phuong phoi hop ..."), a short alias counts written with its capital."""
        if i >= len(tokens) or not tokens[i].is_word:
            return []
        out = []
        acc = ""
        j = i
        while j < len(tokens) and j - i < self._max_tokens + 3:
            t = tokens[j]
            skipped = not t.is_word or (t.compact == "va" and bool(acc))
            if not t.is_word and t.text not in "&-–,":
                break
            if not skipped:
                acc += t.compact
                if acc not in self._prefixes:
                    break
            j += 1
            if not skipped:
                for priority, unit, spelling, bare in self._by_compact.get(acc, ()):
                    # A short abbreviation ("VP", "BBT") counts only when written in capitals:
                    # "cá" is not "CA", "du" is not "ĐU". A short alias in words ("Y tế" for the
                    # committee's "Trạm Y tế phường") counts when written as registered.
                    if (
                        len(acc) > 3
                        or all(t.text.isupper() for t in tokens[i:j] if t.is_word)
                        or (spelling is not None and spelling == _spelling(tokens[i:j]))
                        or (bare is not None and not accented and bare == _spelling(tokens[i:j], accented=False))
                    ):
                        out.append((j, priority, unit))
        return out


def _spelling(tokens: Sequence[Token], accented: bool = True) -> tuple[str, ...] | None:
    """An alias written in words (not an all-capitals abbreviation): its words with diacritics and
    the first word's capital, as a short alias must be written to count ("Y tế", not "y te"); in a
    text typed without diacritics, its words folded ("Y te")."""
    words = [t for t in tokens if t.is_word]
    if not words or all(t.text.isupper() for t in words):
        return None
    key = tone_key if accented else fold_word
    return (str(words[0].capitalized), *(key(t.text) for t in words))


@lru_cache(maxsize=32)
def _unit_index(units: tuple[KnownUnit, ...]) -> _UnitIndex:
    return _UnitIndex(units)


# ------------------------------------------------------------------------------------------ sentence
# Keys of the words the rules name ("giao", "thì" ...): a handful, so kept for good.
_RULE_WORD_KEYS: dict[bool, dict[str, str]] = {True: {}, False: {}}


_NO_PHRASES: dict[int, int] = {}  # past the end: no phrase starts (shared, never written)


class _Sentence:
    """A directive's tokens, with the helpers the rules share."""

    def __init__(self, text: str, units: Sequence[KnownUnit]) -> None:
        self.text = text
        self.accented = has_diacritics(text)
        # `tokenize`'s tokens (remembered per text): the conclusion splitter tokenizes the sentences
        # it has read too, and finds them made. Tokens shared between texts, with no offsets in them,
        # were measured (bench/README.md, round 6): 80k instructions less for the reader alone, more
        # for the whole understanding while the splitter makes tokenize's. The rules read a token's
        # offsets through `start`/`end`, so that another kind of token can serve them.
        self.tokens = tokenize(text, self.accented)
        self.n = len(self.tokens)
        self.units = _unit_index(tuple(units))
        # the tokens' keys (tuple index 3), read once in C: the phrase table and `where` search them
        self._keys: list[str] = list(map(_KEY_OF, self.tokens))
        if lead_typos.doubled(self._keys):  # (leadjk) "các các", "và và", "chỉ đạo đạo": typed twice
            self.tokens, self._keys = lead_typos.undoubled(self.tokens, self._keys, self.accented)
            self.n = len(self.tokens)
        self.hits = match_table(self.tokens, self.accented, self._keys)  # every phrase list, one pass
        # the positions where some phrase starts (half the words start none), selected in C: `at` walks these
        self._starts: list[int] = list(compress(count(), self.hits))
        self.rule_keys = _RULE_WORD_KEYS[self.accented]
        self._units_at: dict[int, tuple[int, KnownUnit] | None] = {}
        # (speed10) per word: can only a clause reader act on it inside a name (name_words.py)
        self.name_words: list[int] = [name_words.UNKNOWN] * self.n
        self.clause_openers: list[int] | None = None  # where a modal or an actor's adverb starts
        self.breaks: list[int] = []  # where punctuation is (read with clause_openers)
        self.emphasis_ends: set[int] = set()  # (gaps2) a unit's name ends here, capitals for emphasis follow
        # Per-sentence memos of pure readings the rules ask again and again (`_skip_intro` ~12 times a
        # sentence, mostly from the same position; `_verb_initial` ~3 times) and the positions of
        # each phrase list (`at`).
        self.intro_ends: dict[int, int] = {}
        self.verb_initial: bool | None = None
        self.lists: dict[tuple[int, bool], tuple[tuple[tuple[int, int], ...], int]] = {}
        self._at: dict[int, list[int]] = {}
        self._where: dict[str, list[int]] = {}
        marker = _LIST_MARKER.match(text)
        skip_to = marker.end() if marker else 0
        # (tuple indices: 1 is a token's start, 0 its text)
        self.first = next((k for k in range(self.n) if self.start(k) >= skip_to), self.n) if skip_to else 0
        # Where a clause starts a capital letter says nothing about a proper name. (The positions after
        # an opener, selected in C: this runs for every sentence and most tokens open nothing.)
        self.initial = {
            self.first,
            *compress(count(1), map(_CLAUSE_OPENERS.__contains__, map(_TEXT_OF, self.tokens[:-1]))),
        }
        self._name_syllables()

    def _name_syllables(self) -> None:
        """ "Ban An toàn giao thông": a syllable after a Title-Case one inside the sentence is the rest
        of that word ("An toàn"), not the determiner "toàn". (After a head or a title the determiner
        is one: "Trưởng các phòng", "Sở Y tế các tỉnh".)"""
        det = L.DETERMINERS.slot
        for k in self.at(L.DETERMINERS):  # (where a determiner starts: read once, not every token)
            if k >= 1 and self.after_name_syllable(k):
                # A copy without the determiner: match_table's tables are shared between positions
                # and texts (never write them).
                self.hits[k] = {slot: size for slot, size in self.hits[k].items() if slot != det}
        self._at.pop(det, None)  # (its positions, read above, may have lost some: read again when asked)

    def after_name_syllable(self, k: int) -> bool:
        """Does tokens[k] follow a Title-Case syllable inside the sentence that is no head or title
        ("toàn" of "An toàn", "trường" of "Môi trường")? Then it is that word's second syllable."""
        t = self.tokens[k - 1] if k > 0 else None
        return (
            t is not None
            and t.is_word
            and t.capitalized
            and not t.text.isupper()
            and k - 1 not in self.initial
            and not self.m(L.PERSON_HEADS, k - 1)
            and not self.m(L.ORG_HEADS, k - 1)
            and not self.m(L.PLACE_NOUNS, k - 1)
        )

    def m(self, phrases: PhraseSet, i: int) -> int:
        if i >= self.n:
            return 0
        return self.hits[i].get(phrases.slot, 0)

    def at(self, phrases: PhraseSet) -> list[int]:
        """Every position where a phrase of the list starts, in order (read from the phrase table once,
        rather than asking `m` at every position)."""
        slot = phrases.slot
        found = self._at.get(slot)
        if found is None:
            # the positions whose table holds the slot, among those where some phrase starts (a C
            # `map(dict.__contains__, ...)` over every token cost twice this: bench/README.md round 8)
            hits = self.hits
            found = self._at[slot] = [k for k in self._starts if slot in hits[k]]
        return found

    def table(self, i: int) -> dict[int, int]:
        """The phrase table at tokens[i] (as `m` reads it): the hottest loops read several lists at one
        position with `.get(slot, 0)`, one method call instead of one for each list."""
        return self.hits[i] if i < self.n else _NO_PHRASES

    def where(self, key: str) -> Sequence[int]:
        """Every position of a token with this comparison key, in order: a rule word's `key(word)`, or a
        punctuation mark itself (its key is its text). For rules that look for one word or mark
        across the sentence (the search runs in C: `list.index` over the keys)."""
        found = self._where.get(key)
        if found is None:
            keys = self._keys
            found = self._where[key] = []
            if key in keys:
                k = keys.index(key)
                while True:
                    found.append(k)
                    try:
                        k = keys.index(key, k + 1)
                    except ValueError:
                        break
        return found

    def key(self, word: str) -> str:
        """The key of a word the rules name (not of the text's words: those have theirs)."""
        keys = _RULE_WORD_KEYS[self.accented]
        key = keys.get(word)
        if key is None:
            key = keys[word] = tone_key(word) if self.accented else fold_word(word)
        return key

    # The rules ask these a few hundred times a sentence: tuple indices rather than Token properties
    # (3: key, 5: is_word, 0: text).
    def is_(self, i: int, word: str) -> bool:
        if 0 <= i < self.n:
            return self.tokens[i][3] == (self.rule_keys.get(word) or self.key(word))
        return False

    def word(self, i: int) -> bool:
        return 0 <= i < self.n and self.tokens[i][5]

    def punct(self, i: int, chars: str) -> bool:
        if 0 <= i < self.n:
            t = self.tokens[i]
            return not t[5] and t[0] in chars
        return False

    def start(self, k: int) -> int:
        """Offset of tokens[k]'s first character in the text."""
        return self.tokens[k][1]

    def end(self, k: int) -> int:
        """Offset after tokens[k]'s last character."""
        return self.tokens[k][2]

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.start(a) : self.end(b - 1)]

    def unit_at(self, i: int) -> tuple[int, KnownUnit] | None:
        """The unit named at tokens[i] (committee units first, then the longest built-in)."""
        if i not in self._units_at:
            self._units_at[i] = self._unit_at(i)
        return self._units_at[i]

    def _unit_at(self, i: int) -> tuple[int, KnownUnit] | None:
        found = []
        emphasis = set()
        for end, priority, unit in self.units.matches_at(self.tokens, i, self.accented):
            nxt = self.tokens[end] if end < self.n else None
            # "Văn phòng Điều phối ..." is another office: a capitalised word that is not a place
            # continues a different name.
            if nxt is not None and nxt.is_word and nxt.capitalized and not self.m(L.PLACE_NOUNS, end):
                # (gaps2) unless capitals for emphasis: «VPPL BÍ MẬT rà soát …» (caps_emphasis.py)
                if not capitals_are_emphasis(self.tokens, i, end, unit):
                    continue
                emphasis.add(end)
            found.append((priority, -end, end, unit))
        if not found:
            return None
        _, _, end, unit = min(found, key=lambda f: (f[0], f[1]))
        if end in emphasis:
            self.emphasis_ends.add(end)
        return end, unit


def _closing_paren(s: _Sentence, i: int) -> int | None:
    depth = 0
    for k in range(i, min(s.n, i + 40)):
        t = s.tokens[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


# ------------------------------------------------------------------------------------------ noun phrases
@dataclass(frozen=True)
class _Head:
    end: int  # index after the head
    unit_complete: bool  # the head is a whole unit name ("Văn phòng"): no verb-like word joins it
    takes_name: bool  # "Bộ phận", "Ban"...: the next word is part of the name even if it is a verb
    person: bool = False  # a bare personal head ("đồng chí", "ông") with no name yet
    determined: bool = False  # after "các", "những", a number: a kind, not a named body


def _head(s: _Sentence, i: int, loose: bool = False) -> _Head | None:
    """The head of a noun phrase starting at tokens[i] (after determiners), or None."""
    j = i
    determined = False
    while j < s.n:
        d = s.hits[j].get(L.DETERMINERS.slot, 0)
        if d:
            j += d
            determined = True
            continue
        if s.tokens[j].is_number and j + 1 < s.n and s.word(j + 1):
            j += 1
            determined = True
            continue
        counted = lead_rules.count_in_words(s, j) if s.tokens[j][3] in lead_rules.COUNT_KEYS[s.accented] else 0
        if counted:
            j += counted  # "hai ban HĐND xã": a count in words, as "2 ban HĐND xã"
            determined = True
            continue
        break
    if j >= s.n or not s.word(j):
        return None
    # (the phrase lists at tokens[j] read from its table: a dozen questions, no m() call each)
    hit = s.hits[j]
    unit = s.unit_at(j)
    if unit is not None:
        return _Head(unit[0], True, False)
    if hit.get(_NOT_HEADS.slot, 0):
        return None
    level = _level_as_body(s, j, determined)
    if level:
        return _Head(j + level, False, False, False, determined)
    person = hit.get(L.PERSON_HEADS.slot, 0)
    if not person and s.is_(j, "chủ") and (s.m(L.ORG_HEADS, j + 1) or s.m(L.CATEGORY_NOUNS, j + 1)):
        # "chủ doanh nghiệp", "chủ cơ sở", "chủ hộ": the owner of a kind of body
        person = 1 + max(s.m(L.ORG_HEADS, j + 1), s.m(L.CATEGORY_NOUNS, j + 1))
    org = hit.get(L.ORG_HEADS.slot, 0)
    size = max(person, org)
    if size:
        if not determined and hit.get(_VERB_LIKE_HEADS.slot, 0) == size:
            return None  # "tổ chức Hội nghị" is a verb and its object
        needs_name = hit.get(_HEADS_NEEDING_NAME.slot, 0) == size
        if needs_name and not determined and not loose:
            nxt = j + size
            named = s.word(nxt) and (s.tokens[nxt].capitalized or s.tokens[nxt].is_number)
            by_task = s.tokens[j].capitalized and hit.get(_HEADS_NAMED_BY_TASK.slot, 0) == size
            named = named or (by_task and s.word(nxt))
            listing = s.punct(nxt, ",") and s.m(L.CATEGORY_NOUNS, nxt + 1)
            # "Ban vì sự tiến bộ phụ nữ ...", "Ban phòng thủ dân sự ...": named by a cause in words
            named = named or s.m(L.NP_KEEP, nxt) >= 3
            # "Tổ này có nhiệm vụ ...", "Sở này phải ...": the one named before (D116-01, CE09)
            named = named or s.is_(nxt, "này") or s.is_(nxt, "đó") or s.is_(nxt, "ấy")
            if not named and not listing and not hit.get(L.NP_KEEP.slot, 0):
                return None
        takes_name = hit.get(L.HEADS_TAKING_NAME.slot, 0) >= size
        keep = hit.get(L.NP_KEEP.slot, 0)
        if keep > size:  # "Ban chỉ đạo", "Ban quản lý", "Đoàn kiểm tra": the head is the compound
            return _Head(j + keep, False, False, False)
        return _Head(j + size, False, takes_name, person == size, determined)
    t = s.tokens[j]
    verbish = hit.get(L.VERBS.slot, 0) or hit.get(L.PREDICATE_MARKERS.slot, 0)
    if loose and t.capitalized and not verbish and j not in s.initial:
        return _Head(j + 1, False, False)  # "Giao Nam ...": a bare name after "giao"
    unknown = name_bounds.unknown_kind_head(s, j) if determined else 0
    if unknown:
        return _Head(j + unknown, False, False, False, True)  # "các cảng phải …": a kind no list knows
    return None


def _level_as_body(s: _Sentence, j: int, determined: bool) -> int:
    """ "cấp" as the levels of government that must act, not the verb "cấp" (to issue): "các cấp, các
    ngành cần …", "cấp xã nên tổ chức …". A noun after a determiner ("các cấp", "mọi cấp") or with its
    level ("cấp xã", "cấp huyện": the NP_KEEP compounds); the length of the head, else 0.

    Dev sentences: G096-01 ("… yêu cầu các cấp, ngành trên địa bàn … phải …", now right), CG03 ("…
    lưu ý cấp xã nên tổ chức …", with `_reminded`), D004-01 and G075-01 ("các cấp, các ngành … cần …":
    still missed, for a framing clause and a span)."""
    if not s.is_(j, "cấp") or s.m(L.ORG_HEADS, j):
        return 0  # "cấp ủy" is a body of its own
    keep = s.m(L.NP_KEEP, j)
    if keep > 1:
        return keep
    return 1 if determined else 0


def _np_start(s: _Sentence, i: int, loose: bool = False) -> bool:
    return _head(s, i, loose) is not None


def _ends_np(s: _Sentence, j: int, verbs: bool = True) -> bool:
    """Does the word at tokens[j] end a noun phrase (the predicate or an adjunct starts there)?"""
    hit = s.table(j)  # (asked for most words of a phrase: its lists read from one table)
    if s.is_(j, "có"):
        return bool(s.m(L.CO_PREDICATE_OBJECTS, j + 1))
    if s.is_(j, "được"):
        return True
    link = hit.get(L.NP_LINKS_BEFORE_ORG.slot, 0)
    if link:
        # "… của Bộ nghiên cứu": a body named by its head alone continues the name too (name_bounds)
        return not (_np_start(s, j + link) or name_bounds.bare_body_after_link(s, j + link))
    if s.is_(j, "trên"):
        return True
    if hit.get(_WORD_SEPARATORS.slot, 0):
        return True
    if hit.get(L.PREDICATE_MARKERS.slot, 0) or hit.get(L.NP_STOPS.slot, 0) or hit.get(L.ASSIGN_VERBS.slot, 0):
        return True
    if verbs and hit.get(L.VERBS.slot, 0):
        if hit.get(L.VERBS.slot, 0) == 1 and s.is_(j, "ban"):
            # "ban" is a verb ("ban biểu mẫu") unless it closes a list ("các cơ quan, ban, ngành").
            return s.word(j + 1) and not s.tokens[j + 1].capitalized
        return True
    return False


def _dash_inside_name(s: _Sentence, k: int) -> bool:
    """Is tokens[k], after a spaced dash, the rest of a name ("Tài chính - Kế toán", "kinh tế - xã
    hội") rather than another body or a title ("HĐND phường - Thường trực HĐND", "A - Chủ tịch")?"""
    if not s.m(_NOT_HEADS, k) and (s.m(L.ORG_HEADS, k) or s.m(L.PERSON_HEADS, k)):
        return False
    return not _ends_np(s, k, verbs=not s.tokens[k].capitalized)


def _verb_later(s: _Sentence, j: int) -> bool:
    """Is there a verb or predicate word later in this clause (before , ; . :)?"""
    for k in range(j, min(s.n, j + 12)):
        if s.punct(k, ",;.:"):
            return False
        if s.m(L.VERBS, k) or s.m(L.PREDICATE_MARKERS, k):
            return True
    return False


def _extend(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """Grow the noun phrase tokens[start:j] to the right; return the index after its last token."""
    while j < s.n:
        t = s.tokens[j]
        if not t.is_word:
            c = t.text
            if c == "(" and j > start:
                close = _closing_paren(s, j)
                if close is None:
                    break
                inner = j + 1
                remark = s.word(inner) and (
                    s.tokens[inner].capitalized or s.m(L.ORG_HEADS, inner) or s.m(L.PERSON_HEADS, inner)
                )
                if remark and sum(1 for x in range(inner, close) if s.word(x)) > 4:
                    # "Sở NN&PTNT (Thường trực Ban Chỉ huy phòng chống thiên tai ...) chủ trì": a
                    # remark about the unit, not its name; "Phòng Quản lý đô thị (QLĐT)" keeps its
                    # abbreviation. The remark is skipped by whoever reads on (see _after_remark).
                    break
                j = close + 1
                continue
            if c == "&":
                j += 1
                continue
            purpose = name_purposes.purpose_across_comma(s, start, j) if c == "," else 0
            if purpose:
                j = purpose  # (leadl) "Cục Quản lý đê điều và Phòng, chống thiên tai": one purpose
                continue
            acts = lead_rules.activities_end(s, start, j, head) if c == "," else 0
            if acts:
                j = acts  # (round 7) "Các cơ sở sản xuất, nhập khẩu thuốc … thực hiện": which ones
                break
            dotted_place = s.tokens[j - 1].text in _DOTTED_PLACES
            if c == "." and dotted_place and s.word(j + 1) and s.tokens[j + 1].capitalized:
                j += 2  # "UBND TP. Hà Nội", "Công an Q. Long Biên": the name after the dot
                continue
            dotted = lead_shapes15.dotted_name_end(s, j) if c == "." and dotted_place else 0
            if dotted:
                j = dotted  # (leadshape) "Công an Q. 1", "Văn phòng UBND Tp. theo dõi": the dot is the name's
                continue
            if c in "-–—":
                # "Phòng Kế hoạch - Đầu tư", "Ban kinh tế - xã hội": a dash inside a name. Before
                # another head ("HĐND phường - Thường trực HĐND") it separates.
                if s.word(j + 1) and _dash_inside_name(s, j + 1):
                    j += 2  # the word after the dash belongs to the name, whatever its capital says
                    if head is not None and head.unit_complete:
                        head = None  # a longer name than the known unit's: "Phòng Nội vụ - Lao động ..."
                    continue
                break
            if c == ":" and lead_rules.members_named(s, start, j):
                j += 2  # (round 7) "các hạt kiểm lâm: Ba Vì, Chương Mỹ, …": the members, one lead
                continue
            if c == ":" and _place_before(s, j) and _is_plural(s, start, j) and _names_listed(s, j + 1):
                j += 2  # "các Cục DTNN khu vực: Hà Nội, Tây Bắc, …": the places named, one lead
                continue
            if (
                c == ":"
                and _kind_before(s, j)
                and s.word(j + 1)
                and s.tokens[j + 1].capitalized
                # "các sở: Xây dựng, Công Thương" names them; "Phòng TN&MT huyện: Xây dựng kế
                # hoạch ..." and "Chủ tịch UBND các xã: Khẩn trương ..." give the order.
                and not s.m(L.ADVERBS, j + 1)
                and (
                    (s.is_(j - 1 - _kind_before(s, j), "các") and _names_listed(s, j + 1))
                    or not _predicate_at(s, j + 1)
                )
            ):
                j += 2  # "các sở: Xây dựng, Công Thương"
                continue
            break
        # a word at j < n: its phrase lists read from its table (one method call, not one m() each)
        folded = lead_nodiac16.name_part(s, start, j)  # (nodiac) «Doi Quan ly thi truong», «Ban Quan ly cho»
        if folded:
            j += folded
            continue
        if lead_nodiac16.title_ends_before_duty(s, start, j):
            break  # (nodiac) «ông X - Phó Bí thư … phụ trách chỉ đạo …»: the name ends at the title
        if head is None or not head.unit_complete:
            plain = name_words.step(s, start, j, head)  # (speed10) a word few rules below can act on
            if plain > 0:
                j = plain
                continue
            if plain < 0:
                j = -plain  # the name ends there
                break
        closed = lead_rules.demonstrative_end(s, start, j)
        if closed:
            j = closed  # "nhà thầu này", "các đơn vị trên": a demonstrative ends the name
            break
        hit = s.hits[j]
        keep = hit.get(L.NP_KEEP.slot, 0)
        if keep:
            j += keep
            continue
        study = _study_word(s, start, j)
        if study:
            j += study  # "Sở Khoa học và Công nghệ", "Phòng Công tác học sinh": not the verb "học"
            continue
        noun = _noun_after_determiner(s, start, j)
        if noun:
            j += noun  # "lãnh đạo các tổ chức tín dụng", "cấp ủy các chi bộ": a noun, whatever else it is
            continue
        straddle = s.m(L.NP_KEEP, j - 1) if j - 1 > start else 0
        if straddle > 1:
            j += straddle - 1  # "Trưởng ban" + "chỉ đạo": the compound "ban chỉ đạo" straddles the head
            continue
        chu_tri = hit.get(_CHU_TRI.slot, 0)
        if head is not None and j == head.end and head.person and chu_tri and _reporting_next(s, j + chu_tri):
            j += chu_tri  # "đồng chí chủ trì kết luận": the chairing comrade, not a lead
            continue
        qualified = _qualifier_end(s, start, j, head)
        if qualified:
            j = qualified  # "các cơ quan có thẩm quyền đẩy nhanh …": which ones, then the predicate
            continue
        names_head = head is not None and j == head.end and head.takes_name and not head.unit_complete
        if names_head and head.determined and hit.get(L.VERBS.slot, 0) and not t.capitalized:
            names_head = False  # "các sở báo cáo nhanh": a plural kind has no name; the verb follows
        if names_head and not _ends_np(s, j, verbs=False):
            j += max(1, hit.get(L.VERBS.slot, 0))  # "Bộ phận tham mưu", "Ban quản lý", "Ban bảo vệ dân phố"
            continue
        title = hit.get(L.PERSON_HEADS.slot, 0)
        if head is not None and j == head.end and head.person and title:
            j += title  # "đồng chí lãnh đạo UBND", "Đồng chí Trưởng Công an phường"
            continue
        level = _committee_level_end(s, j)
        if level:
            j = level  # "Ban chỉ đạo Tổng điều tra dân số và nhà ở huyện": its work, then its level
            continue
        purpose = hit.get(L.COMMITTEE_PURPOSES.slot, 0)
        levelled = name_purposes.purpose_after_level(s, start, j, purpose) if purpose else 0
        if levelled:
            j = levelled  # (leadl) "Ban Chỉ đạo quốc gia phòng, chống dịch …": a committee, its level, its work
            continue
        if purpose and _after_committee(s, j) and _verb_later(s, j + purpose):
            j += purpose  # "Ban chỉ đạo phòng chống dịch ... tăng cường"
            continue
        if t.capitalized and j not in s.initial:
            if head is not None and head.unit_complete and j == head.end and j in s.emphasis_ends:
                break  # (gaps2) «VPPL BÍ MẬT rà soát …»: the unit, then capitals for emphasis
            if head is not None and head.unit_complete and j > head.end and not _after_place(s, j):
                # "Ban Quản lý dự án đầu tư xây dựng công trình Dân dụng và Hạ tầng ...": a longer name
                # than the known unit's (a capital after a place is the place's name: "xã Thạch Hà").
                head = None
            # "Văn phòng Đăng ký đất đai": a capitalised word of two syllables (a verb elsewhere) is
            # part of the name whole.
            j += max(1, hit.get(L.VERBS.slot, 0))
            continue
        if t.is_number:
            j += 1
            continue
        if s.is_(j, "số") and s.word(j + 1) and s.tokens[j + 1].is_number:
            j += 2  # "Tổ dân phố số 5"
            continue
        relative = hit.get(_PASSIVE_RELATIVE.slot, 0)
        if relative and s.m(_MODALS, j + relative):
            j += relative  # "Các đơn vị được giao nhiệm vụ khẩn trương ...": which units, not what they do
            continue
        if s.is_(j, "kiêm"):
            role = _head(s, j + 1, loose=True)  # "Ban biên tập ... kiêm biên tập Đài truyền thanh"
            if role is not None:
                j, head = role.end, role
                continue
        some = hit.get(L.DETERMINERS.slot, 0)
        if some and hit.get(L.NP_STOPS.slot, 0) and j > start and s.m(L.PLACE_NOUNS, j + some):
            j += some  # "Sở NN&PTNT một số tỉnh, thành phố", "UBND một số xã": which places
            continue
        relative = _relative_clause_end(s, start, j, head)
        if relative:
            j = relative
            continue
        such = _such_as(s, j) if j > start else 0
        if such and _is_plural(s, start, j) and _names_listed(s, j + such):
            j += such + 1  # "các xã vùng hạ du của huyện như: Đức Liên, …": the members, one lead
            continue
        ranged = lead_rules.level_range_end(s, j)
        if ranged:
            j = ranged  # "các ngành từ huyện đến cơ sở": which ones, by their levels
            continue
        field = name_purposes.field_after_committee(s, start, j) if t[3] in name_purposes.VE_KEYS[s.accented] else 0
        if field:
            j = field  # (leadl) "Ban Chỉ đạo Trung ương về phòng chống thiên tai": the committee's field
            continue
        stationed = name_stationed.stationed_end(s, start, j) if t[3] in name_stationed.KEYS[s.accented] else 0
        if stationed:
            j = stationed  # (leadl) "các cơ quan Trung ương đóng chân trên địa bàn tỉnh": which ones (§11)
            continue
        located = _located_end(s, j)
        if located:
            j = located  # "Ngân hàng Nhà nước chi nhánh tại các Khu vực 8, 9 …": which one
            continue
        scope = _scope(s, j)
        if scope:
            j = scope  # "công an các địa phương trong toàn quốc", "các đơn vị trong tỉnh": where they are
            continue
        acts = lead_rules.activities_end(s, start, j, head) if hit.get(L.VERBS.slot, 0) else 0
        if acts:
            j = acts  # (round 7) "các đơn vị quản lý, vận hành các cần trục thực hiện …": which ones
            break
        if s.tokens[j][3] == s.key("là") and lead_rules.members_named(s, start, j):
            j += 2  # (round 7) "ba huyện miền núi là Sơn Tây, Minh Long và Sơn Hà": the members
            continue
        if _ends_np(s, j):
            named = name_bounds.activity_name_end(s, start, j, head)  # "đơn vị quản lý chợ căn cứ …"
            j = named or j
            break
        if head is not None and head.unit_complete:
            follow = _may_follow_unit(s, j) or _grassroots_level(s, j)
            if not follow:
                break  # "Phòng Tài nguyên và Môi trường thanh tra ...": an unlisted verb
            j += follow
            continue
        j += 1
    if j < s.n and s.tokens[j][3] in name_clauses.KEYS[s.accented]:
        return name_clauses.clause_end(s, start, j, head) or j  # (names2) "các trường vốn không … sẽ thực hiện"
    return lead_name_end16.name_end(s, start, j, head) or j  # (leadend) "các đồng chí cấp uỷ các thôn tập trung"


def _study_word(s: _Sentence, start: int, j: int) -> int:
    """ "học" inside a name is a syllable of a noun, not the verb "học" (to study): the field after a
    capitalised syllable ("Khoa học", "Khuyến học", "Trung học") and the people noun "học sinh" / "học
    viên" in a name ("Phòng Công tác học sinh", "Ban đại diện cha mẹ học sinh"). The length, else 0.

    Dev sentences: D079-01 ("Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh" cut at "Khoa"),
    CG21 ("Phòng Công tác học sinh phối hợp …" cut at "Công tác", twice), G080-02 ("Ban đại diện cha mẹ
    học sinh", a name that is no lead there)."""
    if j <= start or not s.is_(j, "học"):
        return 0
    prev = s.tokens[j - 1]
    if prev.is_word and prev.capitalized and j - 1 not in s.initial:
        return 1
    people = s.m(L.PERSON_HEADS, j)
    named = any(s.tokens[x].is_word and s.tokens[x].capitalized and x not in s.initial for x in range(start, j))
    if people > 1 and named:
        return people
    return 0


def _kind_before(s: _Sentence, j: int) -> int:
    """The length of a category noun ending right before tokens[j] ("sở", "đơn vị", "địa phương"), 0
    when there is none."""
    return next((size for size in (2, 1) if j - size >= 0 and s.m(L.CATEGORY_NOUNS, j - size) == size), 0)


def _enumerated(s: _Sentence, start: int, j: int) -> bool:
    """Does tokens[start:j] name a kind, a colon and its members ("các đơn vị: Trung tâm Văn hóa
    huyện, ...")? Then what follows the list's commas and "và" are more members of that one lead
    (tests/data/README.md: an enumeration details one lead).

    Dev class: F029-01, F123-03, with W40-01, B065-01, B094-01 (one-word kinds, read before)."""
    return any(
        (s.punct(x, ":") and (_kind_before(s, x) or _place_before(s, x))) or _such_as(s, x)
        or lead_rules.members_named(s, start, x)  # (round 7) any plural group, ":" or "là"
        for x in range(start + 1, j)
    )


def _after_place(s: _Sentence, j: int) -> bool:
    """Does tokens[j] follow a place noun or another capitalised word of a place's name?"""
    k = j - 1
    while k >= 0 and s.word(k) and s.tokens[k].capitalized and k not in s.initial:
        if s.m(L.PLACE_NOUNS, k) == 1:
            return True  # "UBND TP Thủ Đức": an abbreviated place in capitals
        k -= 1
    return any(k - size + 1 >= 0 and s.m(L.PLACE_NOUNS, k - size + 1) == size for size in (1, 2))


def _names_listed(s: _Sentence, k: int) -> bool:
    """After "các sở:": names ("Xây dựng, Công Thương", capitals after the comma) rather than the order
    ("Đối với UBND các xã: Rà soát, cập nhật danh sách ...")."""
    for x in range(k + 1, min(s.n - 1, k + 5)):
        if s.punct(x, ",;.:"):
            return s.punct(x, ",") and s.word(x + 1) and s.tokens[x + 1].capitalized
    return not _predicate_at(s, k)


def _may_follow_unit(s: _Sentence, j: int) -> int:
    """After a known unit's name: places ("quận", "thành phố"), determiners and kinds ("UBND các
    quận"), linking words. Returns how many tokens, 0 when the name has ended."""
    if _last_part_is_place(s, j):
        return 1  # "quận-huyện"
    return max(
        s.m(L.PLACE_NOUNS, j),
        s.m(L.CATEGORY_NOUNS, j),
        s.m(L.DETERMINERS, j),
        s.m(L.NP_LINKS_BEFORE_ORG, j),
        s.m(L.NP_KEEP, j),
    )


def _reporting_next(s: _Sentence, k: int) -> bool:
    return bool(s.m(L.NARRATIVE_VERBS, k) or s.m(L.REPORTING_WORDS, k))


def _after_committee(s: _Sentence, j: int) -> bool:
    # "Văn phòng Thường trực phòng chống thiên tai ...": the standing office of a committee.
    for name in ("ban chỉ đạo", "hội đồng", "tổ công tác", "ủy ban", "ban quản lý", "tổ", "ban chỉ huy",
                 "liên ngành", "đoàn kiểm tra", "đoàn công tác", "thường trực"):
        words = name.split()
        k = j - len(words)
        if k >= 0 and all(s.is_(k + w, words[w]) for w in range(len(words))):
            return True
    return False


def _is_plural(s: _Sentence, a: int, b: int) -> bool:
    if s.tokens[a].is_number:
        return True
    return any(s.m(L.DETERMINERS, k) for k in range(a, b))


def _bare(s: _Sentence, k: int) -> bool:
    """No proper name follows the category noun ending at tokens[k-1] ("ngành liên quan" is bare,
    "Phòng Nội vụ" is not)."""
    return k >= s.n or not s.tokens[k].is_word or not s.tokens[k].capitalized


def _starts_new_item(s: _Sentence, k: int, plural: bool) -> bool:
    """After a separator, does tokens[k] start another assignee (rather than continue a list of kinds)?"""
    if s.m(L.DETERMINERS, k) or s.tokens[k].is_number:
        return True
    if s.unit_at(k) is not None and not (plural and s.m(L.CATEGORY_NOUNS, k)):
        # (leadlist) "các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương": a kind, in lower case
        return not lead_list_kinds.kind_in_list(s, k, plural)
    org, cat = s.m(L.ORG_HEADS, k), s.m(L.CATEGORY_NOUNS, k)
    named = cat and k + cat < s.n and s.tokens[k + cat].capitalized and not _central_level(s, k + cat)
    if plural:
        # "các trường học và trung tâm giáo dục nghề nghiệp": a kind written in lower case, with no
        # determiner of its own, shares the list's; "các phòng chuyên môn, Trung tâm Y tế" names a body.
        # Dev class (one determiner shared): X014-01, W21-01, W45-01, A039-01.
        # A title of its own ("các đơn vị, Thủ trưởng các cơ quan") is another lead, as in the
        # convention above (CB05's "…, Thủ trưởng các cơ quan, đơn vị").
        title = s.m(L.PERSON_HEADS, k) and s.tokens[k].capitalized and not s.m(_PRONOUN_HEADS, k)
        return bool((org and org > cat and s.tokens[k].capitalized) or named or title)
    if not (cat and cat >= org and _bare(s, k + cat)):
        return True
    # "UBND quận, huyện, thị xã" lists places; "... thị xã và sở, ngành" starts other bodies.
    return bool(s.m(L.PLACE_NOUNS, k)) != _ends_with_place(s, k)


def _more_places(s: _Sentence, start: int, j: int, k: int, kind: str) -> int:
    """After a body and its place, another place, named or not: "UBND huyện, thành phố Cà Mau", "Công
    an huyện Năm Căn, thành phố Cà Mau", "Chủ tịch UBND các quận, thành phố Thủ Đức", and after "và"
    places with their determiner: "UBND TP Thủ Đức và các huyện", "Hội đồng NVQS huyện và các
    xã/thị trấn": the places of one head, one lead. A list that starts with a place ("thành phố Phổ
    Yên, phường Đông Cao") names each place as a body of its own. Returns the index after the new
    place noun, 0 when tokens[k] does not go on with places.

    Dev class (places sharing one head): A009-01, F066-01, F082-01, W17-02, W31-01, X012-01, A027-02,
    B070-01."""
    p = k + (s.m(L.DETERMINERS, k) if kind == "và" else 0)
    size = s.m(L.PLACE_NOUNS, p) or (1 if _first_part_is_place(s, p) else 0)
    if not size or s.unit_at(p) is not None or lead_own_complements.kind_not_place(s, p, size):
        return 0  # (leadlist2: "… và các tổ chức thành viên" is no place)
    first = _skip_determiners(s, start)
    if s.m(L.PLACE_NOUNS, first) or not _after_place(s, j):
        return 0
    if _head(s, first) is None or s.punct(j - 1, ")"):
        return 0
    return p + size


def _first_part_is_place(s: _Sentence, k: int) -> bool:
    """ "xã/thị trấn", "huyện/thành phố": a token joining places starts with one."""
    text = s.tokens[k].text if s.word(k) else ""
    if "/" not in text and "-" not in text:
        return False
    first = re.split(r"[-/]", text)[0]
    return (tone_key(first) if s.accented else fold_word(first)) in _single_place_keys(s.accented)


# Words that link two clauses (a purpose, a condition, a contrast): a clause before them is no
# "which ones" of its subject.
_CLAUSE_LINKS = ("để", "nhằm", "mà", "thì", "nhưng", "hoặc", "nếu", "khi")


def _relative_clause_end(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """A kind of body or people, a clause saying which ones, then the modal that opens the predicate:
    "Lực lượng làm nhiệm vụ phải nêu cao ...", "lực lượng tham gia bảo vệ ANTT ở cơ sở tiếp tục
    nâng cao ...", "Các đơn vị chưa nộp báo cáo phải ...". The clause is part of who acts; returns
    where it ends (at the modal), 0 when tokens[j] opens none. The clause has a verb, no comma, "và",
    number, time word or order of its own; a named unit ("Phòng Nội vụ rà soát ... phải") is not a
    kind and keeps its verb as predicate.

    Dev class: D008-03, E078-01, and W21-01 (the passive form "được phân công phải", read by
    `_PASSIVE_RELATIVE`)."""
    if head is None or head.unit_complete or (s.tokens[start].capitalized and start not in s.initial):
        return 0
    if not name_words.clause_ahead(s, j):
        return 0  # (speed10) no modal within reach: two bisections instead of the walk below
    if not s.word(j):
        return 0
    at_j = s.hits[j]
    if at_j.get(_MODALS.slot, 0) or at_j.get(L.ADVERBS.slot, 0) or at_j.get(L.ASSIGN_VERBS.slot, 0):
        return 0
    if at_j.get(_PHOI_HOP.slot, 0) or at_j.get(_CHU_TRI.slot, 0):
        return 0
    verb = False
    for x in range(j, min(s.n, j + 10)):
        if not s.word(x) or s.is_(x, "và") or s.tokens[x].is_number:
            return 0
        hit = s.hits[x]  # (x < n: the lists at x read from its table, no m() call each)
        modal = hit.get(_MODALS.slot, 0) if x > j else 0
        if modal:
            after = _skip_adverbs(s, x + modal)
            return x if verb and (_predicate_at(s, after) or s.m(L.VERBS, after)) else 0
        if hit.get(L.ASSIGN_VERBS.slot, 0) or hit.get(_TIME_WORDS.slot, 0) or hit.get(_CHI_DAO.slot, 0):
            return 0
        if x > j and (hit.get(_WORD_SEPARATORS.slot, 0) or s.tokens[x][3] in _word_keys(_CLAUSE_LINKS, s.accented)):
            return 0  # "… tuyên truyền vận động nhân dân để tiếp tục …": a purpose, not which ones
        verb = verb or bool(hit.get(L.VERBS.slot, 0))
    return 0


def _scope(s: _Sentence, j: int) -> int:
    """ "trong toàn quốc", "trên cả nước", "trong tỉnh", "trên toàn huyện" after a body: the area it
    covers, part of who it is. Returns the index after it, 0 when tokens[j] opens none.

    Dev class (a body with its area): D027-01, W17-03, A038-01, B117-01."""
    if not (s.is_(j, "trong") or s.is_(j, "trên")) or j == 0 or not s.word(j - 1):
        return 0
    k = j + 1
    whole = s.is_(k, "toàn") or s.is_(k, "cả")
    k += whole
    if whole and (s.is_(k, "quốc") or s.is_(k, "nước")):
        return k + 1
    place = s.m(L.PLACE_NOUNS, k)
    if place and not (s.word(k + place) and s.m(L.PLACE_NOUNS, k + place)):
        return k + place
    return 0


# ------------------------------------------------------------------------------------------ name spans
# Where the name of a kind of body ends when words that say which ones follow it (a clause, a place,
# an area, a committee's work): they are part of who acts when the predicate proper comes after
# them. Tests: tests/domain/test_name_spans.py.

# Words of aspect, polarity or possession that open a clause saying which ones: "đang chậm tiến
# độ", "chưa nộp báo cáo", "còn lại", "có thẩm quyền".
_QUALIFIER_MARKERS = ("đang", "đã", "chưa", "không", "còn", "có")
# The last word of each committee name `_after_committee` knows: a cheap gate before it.
_COMMITTEE_LAST_WORDS = ("đạo", "đồng", "tác", "ban", "lý", "tổ", "huy", "ngành", "tra", "trực")


@lru_cache(maxsize=16)
def _word_keys(words: tuple[str, ...], accented: bool) -> frozenset[str]:
    """The token keys of rule words, for a set test instead of one `is_` a word."""
    keyer = tone_key if accented else fold_word
    return frozenset(keyer(w) for w in words)


def _qualifier_end(s: _Sentence, start: int, j: int, head: _Head | None) -> int:
    """A kind of body, a clause saying which ones, then the predicate proper: "các cơ quan có thẩm
    quyền đẩy nhanh …", "nhà thầu các gói thầu đang chậm tiến độ nghiêm túc rút kinh nghiệm", "các
    đơn vị quản lý … được giao quản lý công trình thủy lợi chủ động ứng phó …", "các cơ quan, đơn vị
    chủ trì tổ chức lễ hội phải chịu trách nhiệm …". Returns where the clause ends (where the predicate
    opens), 0 when tokens[j] opens none.

    `_relative_clause_end` reads the clause closed by a modal; here the predicate may also open with
    an adverb of how the actor acts ("chủ động", "nghiêm túc", "tập trung") when the clause is marked
    as one ("đang", "chưa", "có", "được giao"), or with a plain verb after "có" and its noun. The
    clause names no one (no person, body or determiner: "vận động nhân dân tích cực tham gia" is an
    object who acts), has no comma, "và", number, time word, order or clause link.

    Dev class: F038-01, F042-01, F006-01, F068-01 (four documents)."""
    kind = (head is not None and not head.unit_complete) or (head is None and s.m(L.DETERMINERS, start))
    if not kind or (s.tokens[start].capitalized and start not in s.initial):
        return 0
    if not name_words.clause_ahead(s, j) and not s.is_(j, "có"):
        return 0  # (speed10) no actor's adverb within reach (the cheap pass below, by two bisections)
    if not s.word(j) or s.tokens[j].capitalized or s.m(_ACTOR_ADVERBS, j) or s.m(L.ASSIGN_VERBS, j):
        return 0
    if s.m(_PHOI_HOP, j):
        return 0
    co_noun = s.is_(j, "có") and not s.m(L.CO_PREDICATE_OBJECTS, j + 1) and s.m(L.VERBS, j + 1) < 2
    if not co_noun:
        # a cheap pass first: no adverb or modal before the clause ends, no clause (most words)
        last = min(s.n, j + 14)
        x = j + 2
        while x < last and s.tokens[x][5] and not s.hits[x].get(_ACTOR_ADVERBS.slot, 0):
            x += 1
        if x >= last or not s.tokens[x][5]:
            return 0
    markers = _word_keys(_QUALIFIER_MARKERS, s.accented)
    links = _word_keys(_CLAUSE_LINKS, s.accented)
    marked = co_noun or s.tokens[j][3] in markers
    verb = content = False  # content: a word besides the markers ("được giao tập trung …" has none)
    x = j
    while x < min(s.n, j + 14):
        t = s.tokens[x]
        if not t.is_word or s.is_(x, "và") or t.is_number or (x > j and t.capitalized):
            return 0
        hit = s.hits[x]  # (x < n: the lists at x read from its table, no m() call each)
        if x > j + 1:
            opener = hit.get(_ACTOR_ADVERBS.slot, 0)
            if opener:
                after = _skip_adverbs(s, x + opener)
                if not (_predicate_at(s, after) or s.m(L.VERBS, after)):
                    return 0
                if not content:
                    return 0
                return x if (hit.get(_MODALS.slot, 0) and (verb or marked)) or marked else 0
            if co_noun and x in (j + 2, j + 3) and not hit.get(L.NARRATIVE_VERBS.slot, 0):
                verb_at = _skip_adverbs(s, x, adjuncts=False)
                if s.m(L.VERBS, verb_at) and (verb_at == x or hit.get(L.ADVERBS.slot, 0)):
                    return x  # "các cơ quan có thẩm quyền (sớm) đẩy nhanh …"
        relative = hit.get(_PASSIVE_RELATIVE.slot, 0)
        if relative:
            marked = True  # "… được giao quản lý công trình …"
            x += relative
            continue
        if x > j and s.is_(x, "trên") and s.is_(x + 1, "địa") and s.is_(x + 2, "bàn"):
            marked = True  # where they are: "đóng chân trên địa bàn tỉnh" (LABELLING.md §11; F002-01, F105-01)
            x += 3
            continue
        if (hit.get(L.ASSIGN_VERBS.slot, 0) or hit.get(_TIME_WORDS.slot, 0) or hit.get(_CHI_DAO.slot, 0)
                or hit.get(_WORD_SEPARATORS.slot, 0)):
            return 0
        who = max(hit.get(L.PERSON_HEADS.slot, 0), hit.get(L.ORG_HEADS.slot, 0))
        after_verb = any(x - k >= j and s.m(L.VERBS, x - k) == k for k in (1, 2, 3))
        if x > j and ((who and after_verb and hit.get(L.VERBS.slot, 0) < who) or hit.get(L.DETERMINERS.slot, 0)):
            return 0  # the object of a verb is someone ("vận động nhân dân …"; not "tổ chức lễ hội")
        if x > j and (hit.get(L.NP_STOPS.slot, 0) or t[3] in links):
            return 0
        verb = verb or bool(hit.get(L.VERBS.slot, 0) or hit.get(_CHU_TRI.slot, 0))
        content = content or t[3] not in markers
        x += 1
    return 0


def _located_end(s: _Sentence, j: int) -> int:
    """ "tại" / "ở" and a place after a body, then its predicate: "Ngân hàng Nhà nước chi nhánh tại
    các Khu vực 8, 9, 10, 11 triển khai …", "các Tổ kiểm soát dịch bệnh tại các Thôn, Tổ dân phố tập
    trung …": where the body is, part of which one it is. Returns the index after the place (its
    name, numbers and further places), 0 when tokens[j] opens none or no predicate follows.

    Dev class: F118-01, F118-04, A027-01 (two documents)."""
    if not (s.is_(j, "tại") or s.is_(j, "ở")) or j == 0 or not s.word(j - 1):
        return 0
    k = j + 1 + s.m(L.DETERMINERS, j + 1)
    if not s.m(L.PLACE_NOUNS, k):
        return 0
    k += s.m(L.PLACE_NOUNS, k)
    while k < s.n:
        t = s.tokens[k]
        if t.is_word and (t.capitalized or t.is_number) and not s.m(L.ASSIGN_VERBS, k):
            k += 1  # its name: "Khu vực 8", "huyện Tam Dương", "Khu vực 8-11"
            continue
        if s.punct(k, "-–") and s.word(k + 1) and s.tokens[k + 1].is_number:
            k += 2
            continue
        if s.punct(k, ",") and s.word(k + 1):
            nxt = s.tokens[k + 1]
            if nxt.is_number or (nxt.capitalized and s.m(L.PLACE_NOUNS, k + 1)):
                k += 1  # "Khu vực 8, 9, 10", "các Thôn, Tổ dân phố"
                continue
        if s.m(L.PLACE_NOUNS, k) and s.tokens[k].capitalized:
            k += s.m(L.PLACE_NOUNS, k)
            continue
        break
    after = _skip_adverbs(s, k, adjuncts=False)
    if after == k and s.punct(k, ","):
        return 0
    if s.m(_ACTOR_ADVERBS, k) or (
        _predicate_at(s, after) and not s.m(L.NP_STOPS, after) and not s.m(L.ASSIGN_VERBS, after)
    ):
        return k
    return 0


def _committee_level_end(s: _Sentence, j: int) -> int:
    """A committee named by the work it steers, down to its level: "Ban chỉ đạo Tổng điều tra dân
    số và nhà ở huyện Tam Dương tiếp tục …", "Ban Chỉ đạo cải cách hành chính tỉnh có trách nhiệm
    …". The words between the committee and a place noun are its name when none of them opens a
    predicate (an adverb, an order, a determiner, a preposition, a comma). Returns the index after
    the place noun (its proper name follows as capitals), 0 otherwise.

    Dev class: F093-01, F092-01, B126-01, B078-01 (four documents); with its levels after "các"
    ("… và tìm kiếm cứu nạn các tỉnh, thành phố"): G085-01, as B057-01 and B096-01 write it."""
    if not s.word(j) or not s.word(j - 1) or s.m(L.PLACE_NOUNS, j):
        return 0
    if s.tokens[j - 1][3] not in _word_keys(_COMMITTEE_LAST_WORDS, s.accented) or not _after_committee(s, j):
        return 0
    if s.m(L.VERBS, j) and not s.m(L.COMMITTEE_PURPOSES, j):
        return 0
    for x in range(j, min(s.n, j + 12)):
        if not s.word(x) or s.tokens[x].is_number:
            return 0
        place = s.m(L.PLACE_NOUNS, x)
        if place and x > j and not s.tokens[x].capitalized:
            return x + place
        if s.m(L.PREDICATE_MARKERS, x) or s.m(L.ADVERBS, x) or s.m(L.ASSIGN_VERBS, x) or s.m(_CHI_DAO, x):
            return 0
        det = s.m(L.DETERMINERS, x)
        if det and x > j and s.m(L.PLACE_NOUNS, x + det) and not s.tokens[x + det].capitalized:
            return x  # "Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn các tỉnh, …": its levels
        if det or s.m(_TIME_WORDS, x) or s.m(_PHOI_HOP, x):
            return 0
        if s.m(L.NP_STOPS, x) and not (s.is_(x, "ở") and s.is_(x - 1, "nhà")):
            return 0  # ("nhà ở": housing)
    return 0


def _such_as(s: _Sentence, j: int) -> int:
    """ "như:", "gồm", "bao gồm:" and a capitalised name after a plural kind: "các xã vùng hạ du của
    huyện như: Đức Liên, Đức Hương …", "các đơn vị gồm Trung tâm Văn hóa, Thư viện …" enumerate the
    members of one lead, as "các đơn vị: …" does (LABELLING.md §11; the class of `_enumerated`, with
    D097-01). Returns the length of the words that introduce the names (0: none)."""
    if not 0 <= j < s.n or s.tokens[j][3] not in _word_keys(("như", "gồm", "bao"), s.accented):
        return 0  # (asked after most words of a phrase: one set test before the three is_())
    if s.is_(j, "như"):
        k = j + 2 if s.punct(j + 1, ":") else 0  # "như" alone compares ("lớn như Chùa Hương")
    elif s.is_(j, "gồm") or (s.is_(j, "bao") and s.is_(j + 1, "gồm")):
        k = j + 1 + s.is_(j, "bao")
        k += s.punct(k, ":")
    else:
        return 0
    if not k or not s.word(k) or not s.tokens[k].capitalized or s.m(L.ADVERBS, k) or _predicate_at(s, k):
        return 0
    return k - j


def _central_level(s: _Sentence, k: int) -> bool:
    """ "Trung ương" after a kind is its level, written with capitals like a name but no name: "các bộ,
    ngành Trung ương" and "các bộ, cơ quan Trung ương" are kinds sharing one determiner, one lead.

    Dev class: F011-01, and corpus G's G039-01, G039-02."""
    return s.is_(k, "trung") and s.is_(k + 1, "ương")


def _place_before(s: _Sentence, j: int) -> bool:
    """A place noun ends right before the colon at tokens[j] and a capitalised name follows it: "các
    Cục DTNN khu vực: Hà Nội, Tây Bắc, …" enumerates, as "các đơn vị: …" does (LABELLING.md §11; the
    class of `_enumerated`, with G103-01)."""
    place = any(j - size >= 0 and s.m(L.PLACE_NOUNS, j - size) == size for size in (1, 2))
    return (
        place
        and s.word(j + 1)
        and s.tokens[j + 1].capitalized
        and not s.m(L.ADVERBS, j + 1)
        and not _predicate_at(s, j + 1)
    )


def _grassroots_level(s: _Sentence, j: int) -> int:
    """ "cơ sở" after a body is its level, the grassroots one: "đảng bộ cơ sở", "Công đoàn cơ sở",
    "chi bộ cơ sở" — unless it starts a noun of its own ("cơ sở vật chất", "cơ sở dữ liệu"): only when
    the name ends after it. Returns its length (2) or 0.

    Dev class: D114-01, D114-02, B032-01, B032-02 (two documents)."""
    if not (s.is_(j, "cơ") and s.is_(j + 1, "sở")):
        return 0
    k = j + 2
    if k >= s.n or not s.word(k) or s.m(_WORD_SEPARATORS, k) or _ends_np(s, k) or s.m(_ACTOR_ADVERBS, k):
        return 2
    return 0


def _noun_after_determiner(s: _Sentence, start: int, j: int) -> int:
    """Inside a name, the word after a determiner is a noun even where it is a verb elsewhere:
    "lãnh đạo các tổ chức tín dụng", "cấp ủy các chi bộ, đảng bộ cơ sở". Returns its length (the
    longest noun, verb-like noun or single word), 0 when no determiner comes before tokens[j].

    Dev class: F118-04, D114-01, D114-02 (two documents)."""
    if j - 1 <= start or not s.word(j) or not s.word(j - 1):
        return 0
    det = s.m(L.DETERMINERS, j - 1) == 1 or (j - 2 > start and s.m(L.DETERMINERS, j - 2) == 2)
    if not (det or (j - 3 > start and s.m(L.DETERMINERS, j - 3) == 3)):
        return 0
    if s.m(L.ASSIGN_VERBS, j) or s.m(L.PREDICATE_MARKERS, j) or s.m(_TIME_WORDS, j) or s.m(L.NP_STOPS, j):
        return 0  # ("… nhấn mạnh những kết quả …": what is said, not a name)
    return max(1, s.m(L.VERBS, j), s.m(L.ORG_HEADS, j), s.m(L.CATEGORY_NOUNS, j))


def _place_kind(s: _Sentence, k: int) -> bool:
    """A place or a locality: "thôn", "xã", "huyện", "địa phương"."""
    return bool(s.m(L.PLACE_NOUNS, k)) or (s.is_(k, "địa") and s.is_(k + 1, "phương"))


def _place_switch(s: _Sentence, j: int, k: int) -> bool:
    """ "các cơ quan, đơn vị và thôn, xóm", "các sở, ban, ngành và địa phương", "UBND các xã và
    ngành chức năng": the word after "và" names places where the list before it names bodies, or
    the reverse: another lead. ("các đơn vị và phòng ban", "các quận, huyện và xã, phường" go on.)

    Dev class: D019-01, D029-01 (this form), A021-01 and W38-01's context ("UBND quận, huyện, thị xã
    và sở, ngành liên quan", the same switch read by `_starts_new_item`)."""
    if s.tokens[k].capitalized:
        return False  # "Sở Lao động - Thương binh và Xã hội": the rest of a name
    last = j - 1
    while last > 0 and not s.word(last):
        last -= 1
    before = _ends_with_place(s, j + 1) or (_place_kind(s, last - 1) and s.is_(last, "phương"))
    return before != _place_kind(s, k)


def _ends_with_place(s: _Sentence, k: int) -> bool:
    """Does the phrase before the separator ending at tokens[k] end with a place noun?"""
    j = k - 1
    while j >= 0 and not s.word(j):
        j -= 1
    while j >= 0 and s.m(_WORD_SEPARATORS, j):
        j -= 1
    if j >= 0 and _last_part_is_place(s, j):
        return True
    return any(j - size + 1 >= 0 and s.m(L.PLACE_NOUNS, j - size + 1) == size for size in (1, 2, 3))


def _last_part_is_place(s: _Sentence, j: int) -> bool:
    """ "quận-huyện", "huyện/thành phố": a token joining places ends with one."""
    text = s.tokens[j].text
    parts = re.split(r"[-/]", text)
    if len(parts) < 2:
        return False
    last = parts[-1]
    return (tone_key(last) if s.accented else fold_word(last)) in _single_place_keys(s.accented)


@lru_cache(maxsize=2)
def _single_place_keys(accented: bool) -> frozenset[str]:
    keyer = tone_key if accented else fold_word
    return frozenset(keyer(w) for w in ("quận", "huyện", "xã", "phường", "tỉnh", "thôn", "tổ"))


def _name_fragment(s: _Sentence, k: int, plural: bool) -> bool:
    """After "," or "và": the rest of a name ("Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Đảng ủy,
    HĐND&UBND") or of a group ("100% cán bộ công chức, lao động hợp đồng")."""
    if not s.word(k):
        return False
    if s.tokens[k].capitalized:  # mid-sentence capital: a name ("Xây dựng" in "các sở QHKT, Xây dựng")
        return not (s.m(L.PREDICATE_MARKERS, k) or s.m(L.ASSIGN_VERBS, k))
    if s.is_(k - 1, "và") and s.m(L.NP_KEEP, k) > 1:
        return True  # "Ban Chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn huyện": one name
    return plural and not _ends_np(s, k)


def _fragment_before_predicate(s: _Sentence, k: int) -> bool:
    """One to three lower-case words after a comma, not a body of their own, and then the predicate
    ("phối hợp", "chủ trì", "có trách nhiệm" ...): they finish the name before the comma."""
    for x in range(k, min(s.n, k + 4)):
        if not s.word(x) or s.tokens[x].capitalized:
            return False
        if x > k and (s.m(_PHOI_HOP, x) or s.m(_CHU_TRI, x) or s.m(_ACTOR_ADVERBS, x)):
            return True
        if _np_start(s, x) or s.m(L.VERBS, x) or s.m(L.PREDICATE_MARKERS, x) or s.m(L.NP_STOPS, x):
            return False
    return False


def _apposition(s: _Sentence, start: int, k: int) -> bool:
    """A named person followed by their title: "đồng chí Lê Văn Hải, Phó Chủ tịch UBND phường"."""
    pronoun = s.m(_PRONOUN_HEADS, start)
    if not pronoun or s.is_(start, "các"):
        return False
    name = start + pronoun
    if not (s.word(name) and s.tokens[name].capitalized and not s.tokens[name].text.isupper()):
        return False
    if s.m(L.PERSON_HEADS, name) or s.m(L.ORG_HEADS, name):
        return False
    title = s.m(L.PERSON_HEADS, k)
    return bool(title) and not s.m(_PRONOUN_HEADS, k)


def _bare_body(s: _Sentence, a: int, b: int) -> str:
    """ "head" or "named" when tokens[a:b] is one body named by its head alone ("Đảng ủy", "UBND",
    "cấp ủy", "HĐND"; "named": "Ban Công an"), with no determiner, number, place or modifier of its
    own; "" otherwise. (A kind such as "sở", "ban", "ngành" is not a body: "Sở, ban, ngành, UBND các
    huyện" lists kinds, then another lead.)"""
    if s.m(L.DETERMINERS, a) or s.tokens[a].is_number or s.m(L.PERSON_HEADS, a):
        return ""
    head = _head(s, a)
    if head is None or head.person:
        return ""
    named = head.end < b and s.tokens[head.end].capitalized  # "Ban Công an": its name, in any case after
    if not (s.unit_at(a) is not None or s.m(L.ORG_HEADS, a) > s.m(L.CATEGORY_NOUNS, a) or named):
        return ""
    for x in range(a, b):
        t = s.tokens[x]
        if s.m(L.PLACE_NOUNS, x) or s.m(L.DETERMINERS, x) or t.is_number or s.punct(x, ",;"):
            return ""
        if x >= head.end and not named and t.is_word and not t.capitalized:
            return ""  # "ngành chuyên môn": a modifier of its own
    return "named" if named else "head"


def _qualified_body(s: _Sentence, a: int, b: int, plural: bool = True) -> bool:
    """Is tokens[a:b] a body whose name ends with what says which one: a determiner and places ("UBND
    các xã", "Ban Chỉ huy ... các huyện"), a place ("Ban Chỉ huy quân sự xã", "Ủy ban Mặt trận Tổ
    quốc xã") or a kind of place ("chính quyền địa phương")?"""
    if s.m(L.DETERMINERS, a) or s.tokens[a].is_number or s.m(L.PERSON_HEADS, a):
        return False
    head = _head(s, a)
    if head is None or head.person:
        return False
    if any(s.m(L.DETERMINERS, x) or s.tokens[x].is_number for x in range(a + 1, b)):
        return plural
    last = b - 1
    return any(
        last - size + 1 > a
        and (s.m(L.PLACE_NOUNS, last - size + 1) == size or s.m(L.CATEGORY_NOUNS, last - size + 1) == size)
        and not s.after_name_syllable(last - size + 1)  # "Sở Tài nguyên và Môi trường" ends a name
        for size in (1, 2)
    )


def _shared_complement_end(s: _Sentence, a: int, j: int, k: int) -> int | None:
    """ "Đảng ủy, UBND các xã", "HĐND, UBND, Ủy ban Mặt trận Tổ quốc xã", "cấp ủy, chính quyền địa
    phương", "Ban Công an, Ban Chỉ huy quân sự xã": bodies named by their head alone, then, after a
    comma, one whose name ends with which places (or which ones). What ends the last qualifies them
    all: one lead (the bodies of each commune). Returns where that last body ends, or None.

    A body with a proper name of its own is one body: it shares a place ("Ban Công an, Ban Chỉ huy
    quân sự xã") but not a plural ("Sở Tài chính, UBND các huyện" are two leads).

    Dev class: X014-03, A054-01, A070-01, B023-03, B023-04, B057-01 (6 documents)."""
    bare = _bare_body(s, a, j)
    if not bare or (bare == "named" and lead_fixed_level.own_level(s, a, k)):  # (leadlist2) "Sở Y tế, Công an tỉnh"
        return None
    items, _ = _parse_list(s, k)  # the next body, whole ("Ban Chỉ huy ... và tìm kiếm ... các huyện")
    if not items:
        return None
    first, end = items[0]
    return end if first == k and _qualified_body(s, k, end, plural=bare == "head") else None


def _people_kind(s: _Sentence, k: int) -> int:
    """A kind of people written in lower case, with no determiner, pronoun or name ("cán bộ", "công
    chức", "tuyên truyền viên", "người"): its length, 0 otherwise."""
    # (a capital the sentence's or an item's start forces is no title's: "Cán bộ, công chức xã phải …")
    capital = s.tokens[k].capitalized and k not in s.initial if s.word(k) else False
    if not s.word(k) or capital or s.m(_PRONOUN_HEADS, k) or s.unit_at(k) is not None:
        return 0
    return s.m(L.PERSON_HEADS, k)


def _people_group_end(s: _Sentence, start: int, j: int, k: int) -> int | None:
    """ "cán bộ, công chức xã", "giáo viên, nhân viên", "đội ngũ tuyên truyền viên, báo cáo viên của
    tỉnh": kinds of people written in lower case and listed with commas are one group, one lead.
    (People with a pronoun, a title in capitals or a determiner of their own are other leads:
    "đồng chí cán bộ CNTT, cán bộ văn phòng Đảng ủy", "Giám đốc các sở, Chủ tịch UBND các huyện",
    "cán bộ Mặt trận, các tổ chức thành viên"; so is a kind with its own complement: "thành viên ban
    chỉ đạo, biên tập".) Returns where the group's next kind ends, or None.

    Dev class: B084-01, E003-01, E050-01, E050-02, and D003-01 (same form; its "người có uy tín" is
    not read as people yet: "người" alone is on no list)."""
    first = _people_kind(s, start)
    if not first or not _people_kind(s, k) or any(s.punct(x, ",;") for x in range(start, j)):
        return None
    items, _ = _parse_list(s, k)  # the next kind, whole ("công chức, viên chức xã")
    if not items or items[0][0] != k:
        return None
    # the first kind alone ("giáo viên, nhân viên") or under a collective noun ("đội ngũ" + "bí thư
    # chi bộ"); a kind with its own complement is a lead of its own ("thành viên ban chỉ đạo, biên tập")
    if j == start + first or _people_kind(s, start + first):
        return items[0][1]
    return None


def _separator(s: _Sentence, j: int) -> tuple[int, str]:
    """Length and kind of a list separator at tokens[j] (", ", "; ", " và ", "; cùng ", " - ")."""
    k = j
    kind = ""
    if s.punct(k, ",;"):
        kind = s.tokens[k].text
        k += 1
    w = s.m(_WORD_SEPARATORS, k)
    if w:
        kind = kind or "và"
        k += w
    if not kind and s.punct(j, "-–—"):
        return 1, "-"
    return k - j, kind


def _parse_list(s: _Sentence, i: int, loose: bool = False) -> tuple[list[tuple[int, int]], int]:
    """Noun phrases listed from tokens[i]: [(start, end), ...] and the index where the list ends."""
    # The rules read the same list again (about one call in five a sentence): remembered per sentence,
    # a fresh list each time (callers may extend theirs).
    known = s.lists.get((i, loose))
    if known is None:
        items, end = _read_list(s, i, loose)
        known = s.lists[(i, loose)] = (tuple(items), end)
    return list(known[0]), known[1]


def _read_list(s: _Sentence, i: int, loose: bool) -> tuple[list[tuple[int, int]], int]:
    while s.punct(i, ":“\"'‘”"):
        i += 1
    head = _head(s, i, loose)
    if head is None:
        return [], i
    items: list[tuple[int, int]] = []
    start = i
    j = _extend(s, start, head.end, head)
    while True:
        size, kind = _separator(s, j)
        if not size:
            break
        k = j + size
        if k >= s.n or (kind == "," and s.tokens[k][3] in lead_rules.ASIDE_FIRST_KEYS[s.accented]
                        and lead_rules.aside_end(s, k)):
            break  # (an aside after the comma: "các xã, nhất là …, tăng cường" ends the list)
        plural = _is_plural(s, start, j)
        nxt = _head(s, k)
        enumerating = kind in (",", "và") and s.word(k) and not s.m(L.DETERMINERS, k)
        if enumerating and not _predicate_at(s, k) and _enumerated(s, start, j):
            j = _extend(s, start, k + 1, None)  # "các đơn vị: Trung tâm Văn hóa huyện, Thư viện ..."
            continue
        places = _more_places(s, start, j, k, kind) if kind in (",", "và") else 0
        if places:
            j = _extend(s, start, places, None)  # "UBND huyện, thành phố Cà Mau", "… và các huyện"
            continue
        if nxt is not None and plural and s.m(L.PERSON_HEADS, k) and s.m(L.PERSON_HEADS, start):
            # "Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các huyện": one title each.
            items.append((start, j))
            start = k
            j = _extend(s, k, nxt.end, nxt)
            continue
        people = _people_group_end(s, start, j, k) if nxt is not None and kind == "," else None
        if people is not None:
            j = people  # "cán bộ, công chức xã", "đội ngũ tuyên truyền viên, báo cáo viên"
            continue
        if nxt is not None:
            person_title = kind == "-" and s.m(L.PERSON_HEADS, start)
            if person_title:  # "đồng chí Lương Hồng Điệp - Chủ tịch UBND phường"
                j = _extend(s, start, nxt.end, nxt)
                continue
            if kind == "," and _apposition(s, start, k):
                j = _extend(s, start, nxt.end, nxt)  # "ông Nguyễn Văn Bình, công chức Địa chính"
                continue
            if kind in (",", "và") and lead_rules.title_over_list(s, start, k):
                j = _extend(s, start, nxt.end, nxt)  # "hiệu trưởng các trường A và trường B": one title's list
                continue
            if (kind == ";" or _starts_new_item(s, k, plural) or (kind == "và" and _place_switch(s, j, k))
                    or (kind == "và" and lead_own_complements.own_complements(
                        s, start, j, k, partial(_extend, s, k, nxt.end, nxt)))):  # (leadlist2, §13)
                shared = _shared_complement_end(s, start, j, k) if kind == "," else None
                if shared is not None:
                    j = shared
                    continue
                items.append((start, j))
                start = k
                j = _extend(s, k, nxt.end, nxt)
                continue
            j = _extend(s, start, nxt.end, nxt)
            continue
        if kind == "và" and _place_kind(s, k) and _place_switch(s, j, k):
            items.append((start, j))  # "các hội, đoàn thể và khóm, ấp": places after bodies
            start = k
            j = _extend(s, k, k + 1, None)
            continue
        if plural and kind in (",", "và") and s.m(L.CATEGORY_NOUNS, k):
            j = _extend(s, start, k + s.m(L.CATEGORY_NOUNS, k), None)  # "Trưởng các phòng, ban chuyên môn"
            continue
        if kind == "," and _fragment_before_predicate(s, k):
            # "Phòng Chính trị, tư tưởng phối hợp với ...": the rest of the name, then its predicate
            j = _extend(s, start, k + 1, None)
            continue
        det = s.m(L.DETERMINERS, k)
        if kind in (",", "và") and det and s.word(k + det) and not _ends_np(s, k + det):
            # "UBND các xã và các cộng đồng nhận rừng ...": a determiner of its own starts another
            # lead, whatever its head ("cộng đồng" is on no list).
            items.append((start, j))
            start = k
            j = _extend(s, k, k + det + 1, None)
            continue
        if kind in (",", "và") and _name_fragment(s, k, plural):
            j = _extend(s, start, k + 1, None)
            continue
        tail = name_bounds.kinds_tail_end(s, start, j) if kind in (",", "và") else 0
        if tail:
            j = tail  # "các trường đại học, học viện, cao đẳng và trung cấp …": one determiner's kinds
        break
    items.append((start, j))
    return items, j


# ------------------------------------------------------------------------------------------ rules
@dataclass(frozen=True)
class _Found:
    items: list[tuple[int, int]]
    start: int  # first token of the noun phrase list
    end: int  # index after it
    how: str = ""  # which rule found it: see `AssigneeReading.how`


def _skip_openers(s: _Sentence, k: int) -> int:
    """After an assigning verb: a colon, quotes, "cho", or a time phrase ("đề nghị tháng 12/2018 X")."""
    start = k
    while k < s.n:
        if s.punct(k, ":“\"'‘") or (s.punct(k, ",") and k == start):
            k += 1  # "yêu cầu: ...", "yêu cầu, chủ tịch UBND các quận khẩn trương ..."
            continue
        if s.is_(k, "cho"):
            k += 1
            continue
        break
    t = k
    saw_time = False
    while t < s.n:
        w = s.m(_TIME_WORDS, t)
        if w:
            t += w
            saw_time = True
            continue
        if saw_time and (s.tokens[t].is_number or s.punct(t, "/,") or re.fullmatch(r"[IVX]+",
                                                             s.tokens[t].text)):
            t += 1
            continue
        break
    if saw_time and _np_start(s, t):
        return t
    if not _np_start(s, k, loose=True) and (s.m(_TIME_WORDS, k) or s.m(_LEAD_IN_OPENERS, k)):
        # "yêu cầu: từ ngày 30/4 đến hết ngày 03/5, các đơn vị bố trí ...", "yêu cầu chậm nhất là
        # hết tháng 7, các cơ sở ... phải ...": a time frame, a comma, then who is asked.
        for x in range(k + 1, min(s.n - 1, k + 20)):
            if s.punct(x, ";.:"):
                break
            if s.punct(x, ","):
                dated = any(s.tokens[y].is_number for y in range(k, x))  # a time frame has its numbers
                if dated and _np_start(s, x + 1):
                    return x + 1
                break
    return k


def _trigger_ok(s: _Sentence, p: int, size: int) -> bool:
    if lead_audit16.not_a_trigger(s, p, size):
        return False  # (leadaudit) «tinh thần trách nhiệm của X»: a quality of X, not a duty handed
    if s.is_(p, "giao") and size == 1:
        if s.m(L.GIAO_NOT_BEFORE, p + 1) and not _names_unit_after_giao(s, p + 1):
            return False
        for back in (1, 2):
            if p - back >= 0 and s.m(L.GIAO_NOT_AFTER, p - back) == back:
                if back == 1 and s.is_(p - 1, "đã") and _past_assignment(s, p - 1, p + size):
                    continue
                if back == 1 and s.is_(p - 1, "xã") and _level_then_order(s, p - 1, p + size):
                    continue
                return False
    if s.m(_CHI_DAO, p):
        for back in (1, 2):
            if p - back >= 0 and s.m(L.CHIDAO_NOT_AFTER, p - back) == back:
                return False
    if s.is_(p, "thông") and size == 3:
        # "thông báo đến các trường thực hiện ..." hands work on; "thông báo đến nhân dân" informs.
        items, end = _parse_list(s, p + size)
        if not items or not _predicate_at(s, _skip_adverbs(s, end)):
            return False
    # "được phân công", "được yêu cầu": passive, the subject is the assignee.
    return not ((s.is_(p, "phân") or s.is_(p, "yêu")) and s.is_(p - 1, "được"))


def _level_then_order(s: _Sentence, xa: int, k: int) -> bool:
    """ "UBND xã giao Công an xã kiểm tra …": "xã" ends the giver's name (its level, as "UBND tỉnh giao
    Sở …", "UBND huyện giao …" in X002-01, X013-01, X028-02, A009-01), so "giao" assigns — not the word
    "xã giao" (courtesy: "kỹ năng xã giao"), which no named body with its own predicate follows."""
    if xa == 0 or not s.word(xa - 1) or s.m(L.NP_STOPS, xa - 1):
        return False
    k = _skip_openers(s, k)
    items, end = _parse_list(s, k)
    return bool(items) and _predicate_at(s, _skip_adverbs(s, end))


def _past_assignment(s: _Sentence, da: int, k: int) -> bool:
    """ "Chủ tịch UBND tỉnh đã giao Thanh tra tỉnh kiểm tra ...", "UBND quận đã giao Phòng Tài chính -
    Kế hoạch rà soát ...": someone has handed a named body a task (reported, still to be done), unlike
    "các nhiệm vụ đã giao", "kế hoạch đã giao" (what was handed)."""
    if lead_rules.after_apposition(s, da):
        pass  # "ông X, phó chủ tịch UBND tỉnh, đã giao …": the comma closes the person's title
    elif da == 0 or not s.word(da - 1) or s.m(L.NP_STOPS, da - 1) or s.m(L.NP_STOPS, da - 2):
        return False
    k = _skip_openers(s, k)
    items, end = _parse_list(s, k)
    return bool(items) and _predicate_at(s, _skip_adverbs(s, end))


def _names_unit_after_giao(s: _Sentence, k: int) -> bool:
    """ "Giao Ban biên tập ..." assigns; "giao ban Ban chỉ đạo", "họp giao ban" is a meeting."""
    if not s.is_(k, "ban"):
        return False
    if s.unit_at(k) is not None:
        return True
    # A capital "Ban" names a board ("Giao Ban quản lý chợ"); "giao ban Ban chỉ đạo" is a meeting.
    after_meeting_word = any(s.is_(k - 2, w) for w in ("họp", "buổi", "cuộc", "nghị"))
    return s.tokens[k].capitalized and not s.is_(k + 1, "ban") and not after_meeting_word


def _triggers(s: _Sentence) -> list[tuple[int, _Found]]:
    """Every assigning verb with a noun phrase after it: (verb position, the phrase)."""
    out = []
    slot = L.ASSIGN_VERBS.slot
    done = s.first  # positions before it are read (the start, or inside the last phrase taken)
    for p in s.at(L.ASSIGN_VERBS):
        if p < done:
            continue
        size = s.hits[p][slot]
        if size and _trigger_ok(s, p, size):
            k = _skip_openers(s, lead_doers.past_verb_row(s, p + size))  # (leadjk) "yêu cầu, đề nghị Y"
            items, end = _parse_list(s, k, loose=True)
            if not items and s.m(_ASK_VERBS, p):
                # "yêu cầu mỗi cơ sở Đoàn cần tập trung ...", "đề nghị BQL chợ phải ...", "yêu cầu
                # các điểm trường rà soát ...": a unit known by its writing, not by its head noun.
                signalled = _signalled_subject(s, k, addressee=_asks_as_verb(s, p))
                if signalled is not None:
                    items, end = [(k, signalled.end)], signalled.end
            if items:
                items, end = _chained(s, items, end)
                out.append((p, _Found(items, k, end, "assigned")))
                done = end
    return out


def _asks_as_verb(s: _Sentence, p: int) -> bool:
    """Is "yêu cầu"/"đề nghị" at tokens[p] the verb of a clause (at its start, after an adverb, or
    after the subject: "UBND huyện đề nghị ...") rather than a noun ("theo yêu cầu các ...", "đáp ứng
    yêu cầu các hạng mục ...")?"""
    b = p - 1
    if b < s.first or not s.word(b) or b + 1 in s.initial:
        return True
    if s.m(L.ADVERBS, b) or s.m(_MODALS, b) or s.m(_INTRO, b):
        return True
    return any(_parse_list(s, a)[1] == p for a in range(max(s.first, p - 10), p))


def _chained(s: _Sentence, items: list[tuple[int, int]], end: int) -> tuple[list[tuple[int, int]], int]:
    """Two orders sharing one task: "chỉ đạo các phường, xã và đề nghị các cơ quan, đơn vị chủ động
    ...", "yêu cầu Phòng Y tế, đồng thời đề nghị Trạm Y tế ...": both objects lead."""
    k = end
    if s.punct(k, ","):
        k += 1
    joined = s.m(_WORD_SEPARATORS, k) or s.m(_INTRO, k)
    if not joined:
        return items, end
    k += joined
    size = s.m(L.ASSIGN_VERBS, k)
    if not size or not _trigger_ok(s, k, size):
        return items, end
    more, more_end = _parse_list(s, _skip_openers(s, k + size), loose=True)
    if not more or not _predicate_at(s, _skip_adverbs(s, more_end)):
        return items, end
    return [*items, *more], more_end


def _skip_adverbs(s: _Sentence, k: int, adjuncts: bool = True) -> int:
    """Past adverbs, commas and a "theo chức năng, nhiệm vụ được giao," adjunct."""
    while k < s.n:
        a = s.m(L.ADVERBS, k)
        if a:
            k += a
            continue
        if s.punct(k, ","):
            k += 1
            if s.word(k) and s.tokens[k][3] in lead_rules.ASIDE_FIRST_KEYS[s.accented]:
                k = lead_rules.aside_end(s, k) or k  # "…, nhất là các xã vùng cao, tăng cường …": a remark
            continue
        if s.punct(k, "("):
            close = _closing_paren(s, k)
            if close is not None:
                k = close + 1  # a remark about the subject: "Sở NN&PTNT (Thường trực ...) chủ trì"
                continue
        adjunct = s.m(_ADJUNCT_OPENERS, k) if adjuncts else 0
        if adjunct and s.m(L.VERBS, k) > adjunct:
            adjunct = 0  # "theo dõi" is a verb, not "theo" (according to): "Cong an xa chu dong theo doi ..."
        if adjunct:
            # "theo chức năng, nhiệm vụ được giao, phối hợp ...", "căn cứ chức năng, nhiệm vụ được
            # giao tổ chức ...", "theo lĩnh vực phụ trách chỉ đạo ...": up to the verb.
            after = next(
                (x for x in range(k + adjunct + 1, min(s.n, k + 16)) if _adjunct_ends_at(s, x)), None
            )
            if after is not None and not any(s.punct(x, ";.:") for x in range(k, after)):
                k = after
                continue
        break
    return k


def _adjunct_ends_at(s: _Sentence, x: int) -> bool:
    if s.punct(x - 1, ","):
        return _predicate_at(s, x)
    # "được giao" inside the adjunct ("nhiệm vụ được giao") belongs to it; a verb after it does not.
    return _predicate_at(s, x) and not s.is_(x, "được") and not s.is_(x - 1, "được")


def _predicate_at(s: _Sentence, k: int) -> bool:
    return bool(
        s.m(L.VERBS, k) or s.m(L.PREDICATE_MARKERS, k) or s.m(L.ASSIGN_VERBS, k) or s.is_(k, "được")
    )


def _subject_at(s: _Sentence, i: int, unit_fallback: bool = False) -> _Found | None:
    """A subject noun phrase at tokens[i] followed by its predicate."""
    i = _skip_intro(s, i)
    items, end = _parse_list(s, i)
    if not items:
        return _signalled_subject(s, i)
    which = _which_ones(s, items, end)
    if which is not None:
        return which
    pred = _skip_adverbs(s, end)
    # "lãnh đạo địa phương cần phải tập trung cao", "UBND các huyện có trách nhiệm tổ (chức) ...": a
    # modal after the subject is its predicate even when the verb after it is not on our list.
    modal_before = any(s.m(_ACTOR_ADVERBS, x) for x in range(end, pred)) and not s.punct(end, ",")
    if _predicate_at(s, pred) or modal_before:
        modal = any(s.m(_MODALS, x) for x in range(end, pred))
        if s.m(L.NARRATIVE_VERBS, pred) and not modal and not _commits(s, pred) and not _carries_out(s, pred):
            return None  # "Đồng chí Trưởng ban ghi nhận ...", "đồng chí chủ trì kết luận ..."
        speaker = _Found(items, i, end, "subject")
        if s.m(_SPEAKING_VERBS, pred) and not modal and not _is_group(s, speaker):
            return None  # "Đồng chí Bí thư ... đã đánh giá ..., đồng thời yêu cầu ...": one who speaks
        return _Found(items, i, end, "subject")
    if s.punct(end, ":") and s.word(end + 1) and _predicate_at(s, _skip_adverbs(s, end + 1)):
        # "3. Phòng Tài nguyên và Môi trường huyện: Xây dựng kế hoạch ...", "Chủ tịch UBND các xã:
        # Khẩn trương triển khai ...": the name, a colon, then what it is to do.
        return _Found(items, i, end, "subject")
    if unit_fallback and len(items) == 1:
        # "/giao Văn phòng photo tài liệu ...": a known unit then an unlisted verb.
        unit = s.unit_at(_skip_determiners(s, i))
        if unit is not None:
            e = unit[0]
            while e < s.n and s.m(L.PLACE_NOUNS, e):
                e += s.m(L.PLACE_NOUNS, e)
            # (concl5) not a determiner: "UBND các huyện, thị xã, thành phố:" heading the items under it is the
            # unit and which ones, no verb (read "UBND" + predicate "các huyện ...", the items took «UBND»)
            if s.word(e) and (not s.tokens[e].capitalized or e in s.emphasis_ends) and not s.m(L.DETERMINERS, e):
                return _Found([(i, e)], i, e, "subject")
    return None


def _carries_out(s: _Sentence, k: int) -> bool:
    """ "Ủy ban Kiểm tra Huyện ủy tiến hành kiểm tra ...", "các xã tiến hành rà soát ...": "tiến hành"
    with an action is the task; with a meeting's talk ("tiến hành thảo luận") or after "đã" (a report
    of what was done) it tells what happened."""
    if not (s.is_(k, "tiến") and s.is_(k + 1, "hành")):
        return False
    if s.is_(k - 1, "đã") or s.is_(k - 1, "vừa"):
        return False
    return bool(s.m(L.VERBS, k + 2)) and not s.m(L.NARRATIVE_VERBS, k + 2)


def _commits(s: _Sentence, k: int) -> bool:
    """ "Chủ hộ đã tiếp thu ý kiến và cam kết tháo dỡ ...", "Công ty ghi nhận và cam kết khắc phục
    ...": who reports back but promises to act is the one to act."""
    for x in range(k, min(s.n, k + 12)):
        if s.punct(x, ";.:"):
            return False
        if s.is_(x, "cam") and s.is_(x + 1, "kết") and _predicate_at(s, _skip_adverbs(s, x + 2)):
            return True
    return False


def _which_ones(s: _Sentence, items: list[tuple[int, int]], end: int) -> _Found | None:
    """A subject chosen by a condition, then "thì" and what it must do: "Đơn vị nào chưa thực hiện
    việc thu thì khẩn trương thu ...", "Cá nhân nào vi phạm thì phải chịu trách nhiệm ...", "Xã nào
    chậm giải ngân thì Chủ tịch UBND xã phải giải trình": the whole condition says who."""
    if len(items) != 1:
        return None
    a = items[0][0]
    nao = next((k for k in range(a + 1, min(s.n, end + 1)) if s.is_(k, "nào")), None)
    if nao is None:
        return None
    for k in range(nao + 1, min(s.n, nao + 25)):
        if s.punct(k, ";.:"):
            return None
        if s.is_(k, "thì"):
            after = k + 1 + (1 if s.punct(k + 1, ",") else 0)
            if _np_start(s, after):
                return None  # another subject after "thì": that one acts
            if _predicate_at(s, _skip_adverbs(s, after)) or s.m(_MODALS, after):
                stop = k - 1 if s.punct(k - 1, ",") else k
                return _Found([(a, stop)], a, k, "subject")
            return None
    return None


def _is_abbreviation(t: Token) -> bool:
    """ "BQL", "TTYT", "BCĐ", "HTX", "GD&ĐT": an upper-case abbreviation of a unit name."""
    letters = [c for c in t.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _signalled_subject(s: _Sentence, i: int, addressee: bool = False) -> _Found | None:
    """A subject whose head noun is not on our lists, known by how administrative Vietnamese writes
    unit names: an upper-case abbreviation ("BQL dự án", "TTYT huyện"), a name in Title Case
    ("Trung tâm Văn hóa Thể thao", "Công đoàn Giáo dục") or a plural determiner ("các tiểu ban",
    "mỗi chi hội"), directly followed by a word that makes it the actor ("phải", "cần", "có trách
    nhiệm", "phối hợp", "tập trung", "chủ động", "sẽ" ...; for a plural phrase, only words an actor
    alone can take: see `agent_signals`), not a passive ("cần được").

        BQL các chợ phải bố trí lực lượng ...       TTYT huyện chủ động phối hợp ...
        Công đoàn Giáo dục huyện cần tăng cường ... Hợp tác xã Tân Phú có trách nhiệm ...
        Các cửa hàng xăng dầu có trách nhiệm ...    Mỗi chi hội chủ động vận động ...

    `addressee`: the phrase right after an assigning verb ("yêu cầu các điểm trường rà soát ...",
    "đề nghị BQL chợ bố trí ..."): the verb has made it the one asked, so any verb after a marked
    name ends it (the sentence's structure, not the head noun, says who acts).
    """
    h = _skip_determiners(s, i)
    # A plural or distributive determiner before lower-case words: a kind of bodies or people
    # ("các tiểu ban", "những hộ chăn nuôi"); the words up to the predicate are its name. Dev
    # sentences of the class (heads the lexicon knows, read the same way): X051-01 "các thôn tổ
    # chức", A038-02 "các phường huy động", X048-02 "Các ấp tập trung", B133-02 "các trường nhận",
    # B103-02 "các cộng đồng nhận rừng khoán quản", B137-01 "Các CĐ cấp trên tổ chức".
    plural = h > i and s.word(h) and not s.m(_NOT_HEADS, h) and not s.m(L.VERBS, h)
    # "từng bước", "mỗi năm", "các năm tiếp theo", "mỗi lần": how or when, not who
    plural = plural and not s.m(_TIME_WORDS, h) and not any(s.is_(h, w) for w in ("bước", "lần", "đợt", "khi", "lúc"))
    abbreviation = title_case = determined = False
    for e in range(i, min(s.n, i + 14)):
        t = s.tokens[e]
        hit = s.hits[e]  # (e < n: the lists at e read from its table, no m() call each)
        signal = hit.get(_SUBJECT_SIGNALS.slot, 0) if e > h else 0
        if signal:
            if s.is_(e + signal, "được") or s.is_(e + signal, "bị"):
                return None
            # A Title-Case name may be a feast or a plan ("Tết Nguyên đán sẽ đến"): only a word of
            # obligation makes it an actor; an abbreviation is a unit whatever follows.
            if abbreviation or (title_case and hit.get(_OBLIGATIONS.slot, 0)):
                return _Found([(i, e)], i, e, "subject")
            # A plural phrase may name things ("Các công trình phải bảo đảm chất lượng", "Những khó
            # khăn cần sớm tháo gỡ"): it acts when an assigning verb has named it, or when what follows
            # only an actor can do ("có trách nhiệm", "phối hợp", "chủ động" ...), not "phải", "cần".
            if plural and (addressee or hit.get(_AGENT_SIGNALS.slot, 0)):
                return _Found([(i, e)], i, e, "subject")
            return None
        if not t.is_word and t.text not in "&-–,":
            return None
        if not t.is_word:
            if t.text == "," and not (abbreviation or title_case or plural):
                return None  # "ý nghĩa của Tháng cao điểm, Ủy ban MTTQ tỉnh phối hợp ..." (D081-03)
            continue  # "GĐ các sở Xây dựng, KHĐT, QHKT có trách nhiệm ...": a list inside the name
        if e < h:
            continue
        if hit.get(L.NP_KEEP.slot, 0) or (e > i and s.m(L.NP_KEEP, e - 1) > 1):
            continue  # "các CĐ cấp trên", "Các cấp CĐ": words that stay in a name
        marked = abbreviation or title_case or plural
        determined = determined or (e > i and bool(hit.get(L.DETERMINERS.slot, 0)))
        if _is_abbreviation(t) and not t.is_number:
            abbreviation = True
        elif t.capitalized and (e > i or (addressee and e not in s.initial)):
            # a capital inside the phrase: a proper name ("Công đoàn Giáo dục", "công đoàn Giáo dục"),
            # when the phrase opens marked or the name's head is right before it; "ý nghĩa của Tháng
            # cao điểm, Ủy ban ... phối hợp" (D081-03) is not a name.
            opens_marked = e == i or s.tokens[i].capitalized or h > i or _is_abbreviation(s.tokens[i])
            title_case = title_case or opens_marked or e == i + 1
        elif (
            e > h
            and marked
            and hit.get(L.VERBS.slot, 0)
            and (addressee or (abbreviation and (h > i or determined or e == i + 1)))
            # "Mỗi tiểu ban chủ động ...", "các cơ sở lưu trú phải ...": a verb right before a word of
            # obligation is part of the name; the word of obligation ends it
            and not s.m(_SUBJECT_SIGNALS, e + hit.get(L.VERBS.slot, 0))
        ):
            # "Các CĐ cấp trên tổ chức cho ...", "Các cấp CĐ tổng hợp kết quả ...", "GVCN các lớp nhắc
            # ...", "thì GVCN thông báo ..." (B137-01, B137-02, CE05, E051-02): a unit or a group
            # written by abbreviation, then any verb; after an assigning verb, any marked name.
            return _Found([(i, e)], i, e, "subject")
        elif hit.get(L.NP_STOPS.slot, 0) or hit.get(L.PREDICATE_MARKERS.slot, 0) or hit.get(L.ASSIGN_VERBS.slot, 0):
            return None
        elif hit.get(L.VERBS.slot, 0) and not (plural and e - h < 4):
            # "các tiểu ban phải", "các cơ sở lưu trú cần": in a plural group's first words a verb
            # may be part of its name, the word of obligation after it says where the name ends.
            return None
    return None


def _label_form(s: _Sentence) -> tuple[_Found, list[tuple[int, int]]] | None:
    """ "Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính.", "Đơn vị thực hiện: UBND các xã.":
    the lead (and the coordinators) named after a label and a colon."""
    k = _skip_intro(s, s.first)
    size = s.m(_LEAD_LABELS, k)
    if size >= 3:
        # "Đơn vị chủ trì thực hiện:", "Cơ quan chủ trì soạn thảo:", "Đơn vị chịu trách nhiệm chính:":
        # the label's role said in more words, lower case, up to the colon.
        more = next((x for x in range(k + size, min(s.n, k + size + 4)) if not s.word(x)), k + size)
        if s.punct(more, ":") and all(not s.tokens[x].capitalized for x in range(k + size, more)):
            size = more - k
    # "Đơn vị chủ trì là Sở Y tế", "Cơ quan thực hiện là UBND các xã": a label of several words, "là".
    is_ = size >= 3 and s.is_(k + size, "là")
    if not size or not (s.punct(k + size, ":") or is_):
        return None
    items, end = _parse_list(s, k + size + 1, loose=True)
    kept = [(a, b) for a, b in items if not s.m(_SUPPORT_LABELS, _skip_determiners(s, a))
            and not s.m(_LEAD_LABELS, a)]
    if kept != items:
        items = kept[: next(x for x, it in enumerate(items) if it not in kept)]
        end = items[-1][1] if items else end
    if not items:
        return None
    support: list[tuple[int, int]] = []
    for q in range(end, s.n - 1):
        sup = s.m(_SUPPORT_LABELS, q)
        said = s.punct(q + sup, ":") or (sup >= 3 and s.is_(q + sup, "là"))
        if sup and said and (s.punct(q - 1, ";.,") or q == end):
            support, _ = _parse_list(s, q + sup + 1, loose=True)
            break
    return _Found(items, k + size + 1, end, "assigned"), support


def _skip_determiners(s: _Sentence, i: int) -> int:
    while i < s.n:
        counted = lead_rules.count_in_words(s, i) if s.tokens[i][3] in lead_rules.COUNT_KEYS[s.accented] else 0
        if not (s.m(L.DETERMINERS, i) or s.tokens[i].is_number or counted):
            break
        i += max(1, s.m(L.DETERMINERS, i), counted)
    return i


def _skip_intro(s: _Sentence, i: int) -> int:
    end = s.intro_ends.get(i)
    if end is None:
        end = s.intro_ends[i] = _skip_intro_from(s, i)
    return end


def _skip_intro_from(s: _Sentence, i: int) -> int:
    while s.punct(i, "…"):
        i += 1  # "..., điều hành,…các cơ quan, ban ngành cần ..."
    while i < s.n:
        w = s.m(_INTRO, i)
        if w:
            i += w
            while s.punct(i, ","):
                i += 1
            continue
        break
    return _skip_cadence(s, i)


def _skip_cadence(s: _Sentence, i: int) -> int:
    """How often, before the subject and with no comma: "06 tháng/lần Ủy ban nhân dân cấp xã lập danh
    sách ...", "Hằng quý các đơn vị báo cáo ...", "Định kỳ 6 tháng UBND các xã tổng hợp ..."."""
    if i >= s.n or not (s.tokens[i].is_number or s.m(_TIME_WORDS, i) or s.is_(i, "định")):
        return i  # most clauses start otherwise
    k = i
    timed = False
    while k < s.n:
        w = s.m(_TIME_WORDS, k) or (2 if s.is_(k, "định") and s.is_(k + 1, "kỳ") else 0)
        if w:
            k += w
            timed = True
            continue
        if s.tokens[k].text.endswith("/lần") and s.word(k):
            k += 1  # "tháng/lần" is one token
            timed = True
            continue
        if s.tokens[k].is_number or s.punct(k, "/") or s.is_(k, "lần") or s.is_(k, "một"):
            k += 1
            continue
        break
    if timed and k > i and _np_start(s, k):
        return k
    return i


def _verb_initial(s: _Sentence) -> bool:
    """Does the sentence start with its verb (an order with the assignee left out)?"""
    if s.verb_initial is None:
        s.verb_initial = _opens_with_verb(s)
    return s.verb_initial


def _opens_with_verb(s: _Sentence) -> bool:
    k = _skip_intro(s, s.first)
    if s.m(L.VERBS, k) or s.m(L.ASSIGN_VERBS, k):
        return True
    k = _skip_adverbs(s, k, adjuncts=False)
    return bool(s.m(L.VERBS, k) or s.m(L.ASSIGN_VERBS, k))


def _only_relays(s: _Sentence, a: int, b: int) -> bool:
    """Between a subject and a later assigning verb, only reporting words ("tiếp thu", "ban hành văn
    bản ...", "có công văn")? Then the subject relays and the verb's object is the assignee."""
    k = a
    while k < b:
        if s.is_(k, "sẽ") and s.m(_DOCUMENT_WORDS, k + 1):
            k += 1  # "UBND tỉnh sẽ có thông báo kết luận giao UBND huyện ...": a letter to come
            continue
        if s.m(_MODALS, k):
            return False  # "X có trách nhiệm chỉ đạo Y ...", "X phải đề nghị ...": X acts
        r = s.m(L.REPORTING_WORDS, k)
        if r:
            k += r
            continue
        if _np_start(s, k):
            _, end = _parse_list(s, k)
            k = max(end, k + 1)
            continue
        if s.m(L.VERBS, k) and not (s.tokens[k].capitalized and k not in s.initial):
            return False
        k += 1
    return True


def _speaker_asks(s: _Sentence, subject: _Found, p: int) -> bool:
    """One person who speaks, then asks others in a new clause: "Phó Bí thư Thường trực Tỉnh ủy ...
    ghi nhận những việc làm được ...; đồng thời đề nghị các cấp ủy ...", "Chủ tịch UBND huyện quán
    triệt ..., yêu cầu các cơ quan chuyên môn ...". A person does not carry out what they ask of
    others; a body may ("UBND phường phải rà soát ..., đề nghị ..." keeps UBND phường), unless what
    it did is told first ("Ủy ban MTTQ tỉnh đã triển khai ..., đồng thời đề nghị Liên đoàn Lao động tỉnh
    chỉ đạo ...": a report, then the request; D082-01, and A045-01, A058-01 for the reported past)."""
    if not s.m(_ASK_VERBS, p) and not _person_directs(s, subject, p):
        return False
    if _is_group(s, subject) and not _one_person(s, subject):
        k = subject.end
        while k < p and (s.is_(k, "cũng") or s.is_(k, "đều")):
            k += 1
        if not (s.is_(k, "đã") or s.is_(k, "vừa")):
            return False
    return s.punct(p - 1, ",;") or _after_dong_thoi(s, p) or s.is_(p - 1, "và")


def _person_directs(s: _Sentence, subject: _Found, p: int) -> bool:
    """One person who speaks, then directs others in a new clause: "Bí thư Đảng ủy, Chủ tịch HĐND
    phường ... trực tiếp trao đổi, giải đáp ...; đồng thời chỉ đạo các bộ phận chuyên môn ... rà soát",
    "Chủ tịch UBND huyện ghi nhận ..., chỉ đạo các phòng ...": as with "đề nghị" (`_speaker_asks`), the
    person is not the one to act; those directed are. (A body that directs keeps the task: see
    `_find_lead`, and "X chỉ đạo Y" with nothing between is not this class.)

    Dev sentences: A044-01; the same speaker-then-request shape with "đề nghị"/"yêu cầu": B084-01,
    B118-01, F137-01."""
    if not s.m(_CHI_DAO, p) or _skip_adverbs(s, subject.end) == p:
        return False
    return not _is_group(s, subject) or _one_person(s, subject)


def _one_person(s: _Sentence, found: _Found) -> bool:
    """One person named by several titles: "Bí thư Đảng ủy, Chủ tịch HĐND phường Hồ Vũ Ngọc Lợi",
    "đồng chí X, Bí thư Huyện ủy": every item is a person's title, none plural ("Giám đốc các sở,
    Chủ tịch UBND các huyện" are many)."""
    return all(
        s.m(L.PERSON_HEADS, a) and not s.m(L.DETERMINERS, a) and not _is_plural(s, a, b)
        for a, b in found.items
    ) and any(s.tokens[x].capitalized for x in range(*found.items[-1]))


def _after_dong_thoi(s: _Sentence, p: int) -> bool:
    """ "..., đồng thời đề nghị ...": "đồng thời" (at the same time) opens a new clause (two tokens)."""
    k = p - 1
    if s.punct(k, ","):
        k -= 1
    return s.is_(k, "thời") and s.is_(k - 1, "đồng")


def _promised(s: _Sentence, p: int) -> bool:
    """ "... đã giải đáp và trong thời gian tới sẽ chỉ đạo các bộ phận chuyên môn rà soát": the
    speaker promises to have someone act; that someone is the assignee."""
    for x in range(p - 1, max(s.first, p - 6) - 1, -1):
        if s.is_(x, "sẽ"):
            return True
        if not (s.m(L.ADVERBS, x) or s.m(_TIME_WORDS, x)):
            return False
    return False


_LEAD_IN_OPENERS = phrases("lead_in_openers")


def _after_lead_in(s: _Sentence) -> int | None:
    return _after_opener(s, _skip_intro(s, s.first))


def _after_opener(s: _Sentence, k: int) -> int | None:
    """After a framing phrase at tokens[k] ("Theo quyết định,", "Để ứng phó ...,"): where the clause
    it frames starts (after its comma), or None when no framing phrase starts there."""
    if not s.m(_LEAD_IN_OPENERS, k):
        return None
    # "Để nông nghiệp, nông dân, nông thôn tỉnh ... tiếp tục phát triển, ...": a purpose is a clause
    # of its own and ends at a comma after its verb; the nouns listed before the verb are its own
    # (D014-01; also D004-01, D081-03, E041-02 "Để giải quyết ..., đồng thời ..., UBND huyện ...").
    purpose = s.is_(k, "để") or s.is_(k, "nhằm")
    verb = False
    for x in range(k + 1, min(s.n - 1, k + 40)):
        if s.punct(x, ";.:"):
            return None
        verb = verb or bool(s.m(L.VERBS, x))
        if s.punct(x, ",") and (verb or not purpose):
            return x + 1
    return None


def _framed_subject(s: _Sentence, k: int, unit_fallback: bool = False) -> _Found | None:
    """The subject after a framing phrase at tokens[k] ("Để ..., X cần ...", "Khi ..., X phải ...").
    A frame may list nouns with commas of its own ("Khi thực hiện giải tỏa chợ cóc, chợ tạm, các sở,
    ngành ... cần ...", "Để thực hiện các mục tiêu, nhiệm vụ ... năm 2018, các cấp ... cần ..."): the
    subject stands after the first comma that is followed by one, not necessarily the first comma.

    Dev sentences of the class: F061-02 ("... nhắc nhở: Khi thực hiện giải tỏa chợ cóc, chợ tạm, các
    sở, ngành ... cần"), D004-01 ("Để thực hiện ... các mục tiêu, nhiệm vụ ..., các cấp, các ngành ...
    cần"), D048-01 ("... cho biết, để tiếp tục ứng phó và khắc phục ..., Văn phòng ... theo dõi")."""
    first = _after_opener(s, k)
    if first is None:
        return None
    # (round 7) a purpose's own commas: a verb or a list of nouns after them is more of the purpose
    purpose = s.is_(k, "để") or s.is_(k, "nhằm")
    found = _subject_at(s, first, unit_fallback=unit_fallback)
    if found is not None and not (purpose and lead_rules.purpose_goes_on(s, first - 1, found)):
        return found
    # Only a frame that is a clause ("Để thực hiện ...", "Khi thực hiện ...": the opener, then its
    # verb) lists its own nouns; "Trước diễn biến của dịch, chiều 7-2, Trung tâm ..." does not.
    if not s.m(L.VERBS, _skip_adverbs(s, k + s.m(_LEAD_IN_OPENERS, k), adjuncts=False)):
        return None
    for x in range(first, min(s.n - 1, k + 40)):
        if s.punct(x, ";.:"):
            break
        if s.punct(x, ","):
            found = _subject_at(s, x + 1, unit_fallback=unit_fallback)
            # a later comma: the subject's own predicate follows it directly ("..., chiều 7-2, Trung
            # tâm Chỉ huy phòng, chống dịch ... yêu cầu" is a name cut by its comma, not a subject)
            if found is not None and not s.punct(found.end, ","):
                if purpose and lead_rules.purpose_goes_on(s, x, found):
                    continue
                return found
    return None


def _speaker_before(s: _Sentence, p: int) -> bool:
    """Reported speech after a lead-in: "Phát biểu kết luận buổi làm việc, Chủ tịch UBND huyện yêu
    cầu các ngành ...", "Theo đó, thực hiện Chỉ thị ..., UBND thành phố yêu cầu UBND các quận ...":
    the clause that opens after a comma names who speaks, and the assigning verb right after it
    starts the order (its object is the assignee)."""
    for c in range(p - 1, max(s.first, p - 30) - 1, -1):
        if s.punct(c, ".:"):
            return False
        if not s.punct(c - 1, ",;"):
            continue
        items, end = _parse_list(s, c)
        if items and _skip_adverbs(s, end, adjuncts=False) == p:
            return True
        if items and _sends_letter_then_asks(s, end, p):
            return True
        if s.punct(c - 1, ";"):
            return False  # "thực hiện Công văn ...; Chủ tịch UBND tỉnh yêu cầu: ..." stops here
    return False


def _sends_letter_then_asks(s: _Sentence, end: int, p: int) -> bool:
    """After a framing clause, the speaker sends a letter and asks in it: "Thực hiện chỉ đạo của UBND
    tỉnh, Chủ tịch UBND huyện vừa có công văn yêu cầu các xã …" — as "<speaker> yêu cầu" right after
    the comma (`_speaker_before`), the letter's words in between ("vừa có công văn", "đã ban hành văn
    bản") only relay (`_only_relays`). A word of obligation or a verb of its own there makes the
    speaker act.

    Dev sentences of the class "<opener>, <speaker> (vừa / đã) có công văn / ban hành công văn <ask> Y":
    G058-01 (the opener is a verb phrase, "Nghiêm túc thực hiện chỉ đạo của Thủ tướng …,": gave no lead,
    now the addressees), D099-01, F102-01, CB10 (a time opener: already right by other paths)."""
    k = _skip_adverbs(s, end, adjuncts=False)
    return k < p and any(s.m(_DOCUMENT_WORDS, x) for x in range(k, p)) and _only_relays(s, k, p)


def _relayed_receivers(s: _Sentence) -> _Found | None:
    """ "... có văn bản gửi X yêu cầu khẩn trương ...", "... có văn bản khẩn gửi A, B, chỉ đạo xác minh
    ...": X (A, B), when the request or the direction names nobody itself (D068-01, D068-03)."""
    ask, chi_dao, hits = _ASK_VERBS.slot, _CHI_DAO.slot, s.hits
    for p in range(s.first, s.n):
        hit = hits[p]
        size = hit.get(ask, 0) or hit.get(chi_dao, 0)  # one lookup each, every token: no s.m() calls
        if not size or (s.tokens[p].capitalized and p not in s.initial) or s.is_(p - 1, "ban"):
            continue  # "báo cáo Ban Chỉ đạo ...": a name, not a verb
        k = _skip_openers(s, p + size)
        if _np_start(s, k):
            continue
        for q in range(p - 1, max(s.first, p - 40) - 1, -1):
            if s.punct(q, ";."):
                break
            send = s.m(L.SEND_VERBS, q)
            if send:
                items, end = _parse_list(s, q + send)
                if items and end <= p:
                    return _Found(items, q + send, end, "relayed")
                break
    return None


_LETTER_NOUNS = phrases("letter_nouns")


def _letter_receivers(s: _Sentence) -> _Found | None:
    """A letter sent to receivers who are to act, with no verb of asking (see `_relayed_receivers` for
    "... gửi X yêu cầu ..."): "Bộ Y tế đã có công điện gửi Chủ tịch UBND các tỉnh, thành phố về việc
    tăng cường ...", "Bộ trưởng đã có điện khẩn gửi Sở LĐ-TB&XH các địa phương phối hợp với ... rà
    soát ...". "có" + a letter ("công điện", "văn bản số 12/UBND") + "gửi", then the receivers, then
    either their task ("phối hợp", "rà soát") or what the letter is about ("về việc ..."): the
    receivers lead (LABELLING.md §7). A report sent to someone ("báo cáo gửi Sở Tài chính") is not a
    letter from an authority (no "có" + letter).

    Dev sentences of the class: F024-01, F131-01; with a verb of asking after the receivers (read by
    `_relayed_receivers`): B056-01, B134-01, W45-01, A005-01."""
    # "gửi", or after a letter "tới" / "đến" ("vừa có Công điện tới các Sở GD&ĐT ...", G029-01): only
    # those positions are read (taken from the tables, not by asking at every token)
    places = {*s.at(L.SEND_VERBS), *s.where(s.key("tới")), *s.where(s.key("đến"))}
    for q in sorted(places):
        if not s.first + 2 <= q < s.n - 1:
            continue
        send = s.m(L.SEND_VERBS, q) or (1 if s.is_(q, "tới") or s.is_(q, "đến") else 0)
        if not send:
            continue
        c = next((x for x in range(q - 1, max(s.first, q - 8) - 1, -1) if s.is_(x, "có")), None)
        if c is None or not s.m(_LETTER_NOUNS, c + 1):
            continue
        if not s.m(L.SEND_VERBS, q) and q - c - 1 > s.m(_LETTER_NOUNS, c + 1) + 2:
            continue  # "tới" right after the letter (and its number), not "... đến ngày ..."
        if any(s.punct(x, ",;.:") for x in range(c + 1, q)):
            continue
        items, end = _parse_list(s, q + send)
        if not items:
            continue
        # "gửi Giám đốc Sở GD&ĐT các tỉnh phía Bắc từ Nghệ An trở ra về việc ...": all before "về việc"
        # is who receives it (G030-01)
        about_at = next((x for x in range(end, min(s.n - 1, end + 12)) if (s.is_(x, "về") and s.is_(x + 1, "việc"))
                         or s.punct(x, ",;.:(")), None)
        if about_at is not None and s.is_(about_at, "về") and len(items) == 1:
            return _Found([(q + send, about_at)], q + send, about_at, "relayed")
        k = _skip_adverbs(s, end, adjuncts=False)
        about = s.is_(k, "về") and (s.is_(k + 1, "việc") or s.m(L.VERBS, k + 1))
        # "... phối hợp ...", "... chủ động phương án ...": a verb, or an actor's adverb before it
        acts = _predicate_at(s, k) or any(s.m(_ACTOR_ADVERBS, x) for x in range(end, k + 1))
        if about or (acts and not s.m(_ASK_VERBS, k) and not s.m(L.ASSIGN_VERBS, k)):
            return _Found(items, q + send, end, "relayed")
        ask = s.m(_ASK_VERBS, k)
        if ask and not s.m(L.SEND_VERBS, q) and not _np_start(s, _skip_openers(s, k + ask)):
            return _Found(items, q + send, end, "relayed")  # "... tới X, yêu cầu theo dõi ...": as "gửi"
    return None


def _writes_letter(s: _Sentence, subject: _Found) -> bool:
    """A subject read too far, over the letter it sends: "Bộ trưởng Bộ GD&ĐT có Công điện số 1170/CĐ-
    BGDĐT" (G030-01): it only writes; the receivers lead."""
    return any(s.is_(x, "có") and s.m(_LETTER_NOUNS, x + 1) for x in range(subject.start + 1, subject.end))


def _is_group(s: _Sentence, found: _Found) -> bool:
    """A body or several people (who are given the task of directing), not the one person speaking."""
    a, b = found.items[0]
    if len(found.items) > 1 or _is_plural(s, a, b) or s.unit_at(_skip_determiners(s, a)) is not None:
        return True
    if _is_abbreviation(s.tokens[a]) and not s.m(L.PERSON_HEADS, a):
        return True  # "BCĐ huyện", "BQL dự án": a body written by its abbreviation
    return bool(s.m(L.ORG_HEADS, a)) and not s.m(L.PERSON_HEADS, a)


def _clause_starts(s: _Sentence) -> list[int]:
    """Where a subject may start: the sentence start, after ";" and ":", and after "," unless the
    sentence opens with its verb (then later commas separate its objects, not clauses)."""
    commas = not _verb_initial(s)
    out = [s.first]
    la, thi = s.key("là"), s.key("thì")  # (compared with each token's key: no is_() call a token)
    # Only the tokens that may open a clause are visited, their positions searched in C (`where`: a
    # mark's key is the mark itself), in order.
    marks = (";", ":", ",") if commas else (";", ":")
    for k in sorted(k for key in (*marks, la, thi) for k in s.where(key) if s.first <= k < s.n - 1):
        t, key = s.tokens[k][0], s.tokens[k][3]
        if t in ";:" or (t == "," and commas):
            out.append(k + 1)
        elif key == la and _modal_subject_after(s, k + 1):
            # "nhiệm vụ trọng tâm trong tháng 12 là các phòng, ban liên quan, UBND 7 phường cần phải
            # nỗ lực ...": what the task is, then who must do it.
            out.append(k + 1)
        elif key == thi:
            # "Trường hợp đơn vị nào chậm trễ thì Thủ trưởng đơn vị phải giải trình", "Nếu ... thì
            # UBND xã chịu trách nhiệm": after the condition, who acts.
            out.append(k + 1)
    return out


def _modal_subject_after(s: _Sentence, k: int) -> bool:
    items, end = _parse_list(s, k)
    return bool(items) and any(s.m(_MODALS, x) for x in range(end, min(s.n, end + 2)))


def _fronted_topic(s: _Sentence) -> _Found | None:
    """A topic put before the clause ("Đối với X, ...", "Riêng X, ...", "Về phía X, ..."), then a clause
    with its own subject:
    - the subject only asks, naming nobody ("Đối với NHNN chi nhánh các tỉnh, thành phố, NHNN yêu cầu
      phối hợp với ..."): the topic is who is asked, when it names a body or people;
    - the subject acts ("Đối với những thôn bị cô lập, các địa phương cần kiểm tra ...", "Đối với các
      cụm công nghiệp ..., Sở Công thương tiếp tục khảo sát ..."): the subject leads, whatever the
      rest of the sentence holds (a later "giao" belongs to its task);
    - the subject hands the task to someone named ("..., Chủ tịch UBND tỉnh đề nghị Ban Dân tộc tỉnh
      ..."): not decided here (the assigning rules read it).

    Dev sentences of the class: F119-02 (topic asked), D097-02, F107-01, F068-03 (subject acts),
    F030-02, A002-01, A010-02, W41-04 (subject hands on)."""
    k = _skip_intro(s, s.first)
    opener = s.m(_HEADING_OPENERS, k)
    if not opener:
        return None
    t = k + opener
    for c in range(t + 1, min(s.n - 1, t + 30)):
        if s.punct(c - 1, ";.:"):
            return None
        if not s.punct(c - 1, ","):
            continue
        found = _subject_at(s, c)
        if found is None:
            continue
        pred = _skip_adverbs(s, found.end)
        if s.m(_ASK_VERBS, pred):
            after = _skip_openers(s, pred + s.m(_ASK_VERBS, pred))
            h = _skip_determiners(s, t)
            names_body = (
                s.unit_at(h) is not None or bool(s.m(L.ORG_HEADS, h)) or bool(s.m(L.PERSON_HEADS, h))
                or _is_abbreviation(s.tokens[h])
            )
            if names_body and not _np_start(s, after) and _predicate_at(s, after):
                # "các tỉnh, thành phố, NHNN yêu cầu": the places listed belong to the topic; the
                # subject is the last phrase before the verb.
                for c2 in range(found.end - 1, c, -1):
                    if s.punct(c2 - 1, ","):
                        later = _subject_at(s, c2)
                        named = all(s.word(x) and s.tokens[x].capitalized for x in range(c2, found.end))
                        if named or (later is not None and later.end == found.end):
                            c = c2
                            break
                items, end = _parse_list(s, t)
                if not items or end != c - 1:
                    items = [(t, c - 1)]  # a name the lists do not know: up to the comma
                return _Found(items, t, c - 1, "assigned")
            return None
        if s.m(L.ASSIGN_VERBS, pred) or s.m(_CHI_DAO, pred) or s.m(_SPEAKING_VERBS, pred):
            return None
        # the subject acts when a word of obligation or an actor's adverb says so ("các địa phương cần",
        # "Sở Công thương tiếp tục", "UBND các tỉnh phải"); "các quận, huyện chưa có báo cáo ..." is
        # the topic's own relative clause.
        acts = any(s.m(_ACTOR_ADVERBS, x) for x in range(found.end, pred + 1))
        if found.start > c or not acts:
            continue
        return _with_later_subjects(s, found)
    return None


def _heading_unit(s: _Sentence) -> _Found | None:
    """ "Đối với UBND phường: ..." names the assignee of what follows."""
    k = _skip_intro(s, s.first)
    opener = s.m(_HEADING_OPENERS, k)
    if not opener:
        return None
    items, end = _parse_list(s, k + opener)
    if items and (end >= s.n or s.punct(end, ":,.-–")):
        return _Found(items, k + opener, end, "heading")
    return None


def _said_as_follows(s: _Sentence) -> int | None:
    """Where the words of the one who speaks start, when the sentence reports them: "... (có ý kiến /
    chỉ đạo / kết luận) như sau: ...", and a speaker, a verb of saying and a clause with its own
    subject ("Bí thư Thành ủy lưu ý, các quận phải ...", "Công văn nêu rõ, UBND các phường tăng cường
    ...", "Phó Chủ tịch yêu cầu, chủ tịch UBND các quận khẩn trương ...", "Đồng thời lưu ý, Công an
    tỉnh cần ...", and with no comma when the clause's subject is followed by a word of obligation:
    "Giám đốc Công an tỉnh nhấn mạnh các đơn vị được phân công phải ..."). The one who speaks does
    not act; the clause's subject does.

    Dev sentences of the class: W38-01 (context "Công văn nêu rõ, UBND quận ... tăng cường"), A060-01
    ("Văn bản nêu rõ: ...; Chủ tịch UBND tỉnh giao ..."), B034-01 ("... có văn bản cho biết, Chủ tịch
    UBND tỉnh đã giao Thanh tra tỉnh ..."), B128-01 ("Phó Chủ tịch ... yêu cầu, chủ tịch UBND các
    quận ... khẩn trương ..."), W31-01 ("... Nguyễn Văn Sửu yêu cầu: \"Các đồng chí chủ tịch ..."),
    D024-02 ("Đồng thời lưu ý, Công an tỉnh cần ..."), D008-01 ("... nhấn mạnh các đơn vị được phân
    công phải ...")."""
    start = _skip_intro(s, s.first)
    speaking, ask, hits, tokens = _SPEAKING_VERBS.slot, _ASK_VERBS.slot, s.hits, s.tokens
    for x in range(start, min(s.n - 1, start + 40)):
        if not tokens[x][5]:  # punctuation (5: is_word)
            if s.punct(x, ";."):
                return None
            if s.punct(x, ":"):
                if s.is_(x - 1, "sau") and s.is_(x - 2, "như") and s.word(x + 1):
                    return x + 1
                if _colon_reports(s, start, x):
                    if _subject_at(s, x + 1) is not None:
                        return x + 1
                    # "lãnh đạo TP chỉ đạo: Sau khi ... được duyệt, Sở QH-KT kết hợp ..." (CE09)
                    after = _framed_subject(s, x + 1)
                    if after is not None:
                        return after.start
                return None
            continue
        hit = hits[x]
        speaks = hit.get(speaking, 0)
        size = speaks or hit.get(ask, 0)
        if not size or not _only_speaker_before(s, start, x):
            continue
        c = x + size
        if s.punct(c, ",:"):
            k = c + 1
            while s.punct(k, "“\"'‘"):
                k += 1
            if _subject_at(s, k) is not None:
                return k
            # "X cho biết, để tiếp tục ứng phó ..., X theo dõi sát ...": a purpose or a time frame
            # before the reported clause's subject (D048-01).
            after = _framed_subject(s, k)
            if after is not None:
                return after.start
        elif speaks and s.word(c):
            # no comma: the reported clause's subject must be followed by a word of obligation
            found = _subject_at(s, c)
            pred = _skip_adverbs(s, found.end) if found is not None else c
            if found is not None and any(s.m(_MODALS, y) for y in range(found.end, pred + 1)):
                return c
    return None


def _colon_reports(s: _Sentence, start: int, c: int) -> bool:
    """Does the clause before the colon at tokens[c] frame what follows as someone's words: a verb of
    saying, asking, directing or reporting among its last words ("UBND huyện có ý kiến:", "UBND tỉnh
    chỉ đạo:", "Sở GD&ĐT thông báo:", "Chủ tịch UBND tỉnh yêu cầu:"), and no word of obligation (then
    the clause is itself a task: "UBND xã phải thực hiện các việc sau: ...")?

    Dev sentences of the class: W31-01, A028-01 ("... yêu cầu: ..."), A060-01 ("Văn bản nêu rõ:
    ..."), A011-01, E034-01 ("... kết luận như sau:"), X028-01 (context "Cử tri ... đề nghị:")."""
    if c - start < 2:
        return False
    framed = any(
        s.m(_SPEAKING_VERBS, y) or s.m(_ASK_VERBS, y) or s.m(_CHI_DAO, y) or s.m(L.REPORTING_WORDS, y)
        or s.is_(y, "kiến")
        # "Lãnh đạo TP cũng nhắc nhở: Khi ..., các sở ... cần ..." (F061-02): a reminder before a colon
        # frames words as "lưu ý:" does (not a verb of saying elsewhere: "X nhắc nhở Y ..." asks Y).
        or (s.is_(y, "nhắc") and s.is_(y + 1, "nhở"))
        for y in range(max(start + 1, c - 4), c)
    )
    return framed and not any(s.m(_MODALS, y) for y in range(start, c))


def _only_speaker_before(s: _Sentence, start: int, x: int) -> bool:
    """No other verb before the verb of saying at tokens[x] in its clause: the speaker's name and
    titles only (a framing phrase before a comma, "Kết luận cuộc họp, Đại tá ... nhấn mạnh", aside)."""
    clause = next((y + 1 for y in range(x - 1, start - 1, -1) if s.punct(y, ",")), start)
    return not any(
        (s.m(L.VERBS, y) or s.m(L.ASSIGN_VERBS, y) or s.m(_MODALS, y))
        and not (s.tokens[y].capitalized and y not in s.initial)
        and not _continues(s, y)
        for y in range(clause, x)
    )


def _continues(s: _Sentence, y: int) -> bool:
    """ "tiếp tục" at tokens[y] (or its second syllable) right before a verb of saying: the speaker
    says again ("Chủ tịch UBND thành phố tiếp tục lưu ý các quận, huyện ...", F064-02), not a verb of
    its own; a word of obligation ("X cần lưu ý ...") still makes X the one to act."""
    return (s.is_(y, "tiếp") and s.is_(y + 1, "tục")) or (s.is_(y, "tục") and s.is_(y - 1, "tiếp"))


def _reminded(s: _Sentence) -> _Found | None:
    """ "<người nói> (tiếp tục) lưu ý Y <vị ngữ> …": the speaker reminds Y, Y is to act
    (LABELLING.md §5) — the reminder asks as "đề nghị" does. Only when nothing but the speaker's name
    and titles comes before the verb, and Y has a predicate of its own ("nên / cần / phải" or a verb);
    "lưu ý:" and "lưu ý, …" frame words instead (`_colon_reports`).

    Dev sentences: CG03 ("Phó Chủ tịch HĐND huyện … lưu ý cấp xã nên tổ chức …"), F064-02 ("… tiếp tục
    lưu ý các quận, huyện tiếp tục đẩy mạnh …"), D024-02 ("Đồng thời lưu ý, Công an tỉnh cần …": the
    comma form, left to the subject after it)."""
    for x in s.where(s.key("lưu")):
        if not s.first + 1 <= x < min(s.n - 1, s.first + 30) or not s.is_(x + 1, "ý"):
            continue
        if not _only_speaker_before(s, s.first, x) or s.punct(x - 1, ",;:"):
            return None
        found = _subject_at(s, x + 2)
        if found is None or found.start != x + 2:
            return None
        return _Found(found.items, found.start, found.end, "assigned")
    return None


def _find_lead(s: _Sentence) -> _Found | None:
    label = _label_form(s)
    if label is not None:
        return label[0]
    k = _skip_intro(s, s.first)
    coordinators = s.m(_SUPPORT_LABELS, k)
    if coordinators and s.punct(k + coordinators, ":"):
        return None  # "Cơ quan phối hợp: Công an huyện, ...": only who coordinates (the lead is elsewhere)
    conventional = lead_conventions.public_advice(s) or lead_conventions.committed_subject(s)  # (conv)
    conventional = conventional or lead_public.wider_public_advice(s)  # (leadl) "khuyến nghị người dân"
    conventional = conventional or conclusion_carry.public_request(s)  # (carry10) "kính mong CMHS"
    if conventional is not None:
        return conventional
    wished = lead_doers.public_wish(s)  # (leadjk) "X mong muốn <the public> …": X leads
    if wished is not None:
        return wished
    fronted = _fronted_topic(s) or lead_frames.topic_doer(s) or lead_rules.topic_acts(s)
    if fronted is not None:
        return fronted
    subject = _subject_at(s, s.first, unit_fallback=True)
    if subject is None:
        subject = _framed_subject(s, _skip_intro(s, s.first), unit_fallback=True)
    if subject is None:
        subject = lead_frames.subject_after_frames(s)
    if subject is None:
        subject = lead_fronted_subject.subject_before_marker(s)  # (leadb) "Để … các trường bắt buộc phải"
    if subject is None:
        subject = lead_result_clause.subject_after_conjunction(s)  # (leadm) "… nên các trường phải …"
    if subject is None:
        subject = lead_obligation_subject.subject_before_obligation(s)  # (leadn) "Người ở lại … cần phải"
    said = _said_as_follows(s)
    if said is not None:
        # "UBND huyện có ý kiến như sau: Phòng Tài nguyên và Môi trường chủ trì ...": the body that
        # speaks, then who acts.
        subject = _subject_at(s, said, unit_fallback=True)
    speaker = subject if subject is not None or not s.where(s.key("lưu")) else lead_rules.reminded_speaker(s)
    if speaker is not None and said is None:
        reminded = lead_rules.reminded_addressee(s, speaker)
        if reminded is not None:
            return _later_assigned(s, reminded)
    if subject is not None and said is None:
        chosen = lead_doers.designated(s, subject)  # (leadjk) "X chọn / lấy / cử Y làm …": Y acts
        if chosen is not None:
            return _later_assigned(s, chosen)
    if subject is None and said is None:
        reminded = _reminded(s)
        if reminded is not None:
            return _later_assigned(s, reminded)
    verb_initial = _verb_initial(s)
    triggers = _triggers(s)
    for p, found in triggers:
        if said is not None and p < said:
            continue
        # "X sẽ chỉ đạo Y ...", "Ban QLDA sẽ yêu cầu đơn vị thi công ...": X promises to have Y act
        # (A045-01, D027-01, E025-01).
        promise = bool(s.m(_CHI_DAO, p) or s.m(_ASK_VERBS, p)) and _promised(s, p)
        acts = subject is not None and p >= subject.end and not _only_relays(s, subject.end, p)
        if acts and s.m(_CHI_DAO, p) and _skip_adverbs(s, subject.end) == p:
            # "X đang tập trung chỉ đạo Y ...", "Chi bộ tiếp tục chỉ đạo Đoàn thanh niên ...": Y acts
            acts = not _reported_order(s, subject.end, p) and not _issuer_directs(s, subject, p)
        acts = acts and not lead_frames.asks_after_report(s, subject, p)  # "X đã kiểm tra, tạm thời yêu cầu Y"
        if acts and not promise and not _speaker_asks(s, subject, p):
            break  # the subject acts; a later "đề nghị ..." is part of its task
        directs = subject is not None and s.m(_CHI_DAO, p) and _skip_adverbs(s, subject.end) == p
        # "Công an tỉnh đã chỉ đạo các phòng nghiệp vụ ... xây dựng kế hoạch": a reported order; those
        # directed carry the task (as after "đã giao").
        directs = directs and not _reported_order(s, subject.end, p)
        # "UBND phường chỉ đạo các tổ dân phố ...": the group leads, the others execute. A promise
        # ("UBND phường ... sẽ chỉ đạo các bộ phận chuyên môn rà soát") hands the task on.
        if (
            directs
            and (_is_group(s, subject) or _asked_after_colon(s, said))
            and not promise
            and not _issuer_directs(s, subject, p)
        ):
            break
        if verb_initial and p > s.first:
            # "Tăng cường ..., giao Văn phòng theo dõi": only a new clause re-assigns.
            new_clause = (
                s.m(_LOOSE_TRIGGERS, p)
                or s.punct(p - 1, ",;")
                or _after_dong_thoi(s, p)
                or promise
            )
            if not (new_clause or _speaker_before(s, p) or _only_relays(s, s.first, p)):
                continue
        return _also_asked(s, _later_assigned(s, found), triggers)
    relayed = lead_conventions.letter_about(s) or _relayed_receivers(s) or _letter_receivers(s)
    # "Các bộ ... xây dựng kế hoạch ...; báo cáo gửi đến Bộ Công an ...": a subject that acts before
    # the letter is sent keeps the lead; one that only writes ("UBND TP có văn bản gửi ...") does not.
    if relayed is not None and (
        subject is None or _only_relays(s, subject.end, relayed.start) or _writes_letter(s, subject)
        or lead_conventions.sender_only(s, subject, relayed)
    ):
        return relayed
    if subject is not None:
        if lead_unaddressed_order.document_about(s, subject):
            return None  # (leadn) "X vừa ký Văn bản số … về …": the signer reports a document, nobody leads
        if _only_asks(s, subject, triggers) or lead_conventions.own_order_naming_nobody(s, subject) or (
            lead_unaddressed_order.directs_nobody(s, subject)  # (leadn) "X chỉ đạo phải …"
        ):
            # An order whose addressee is left out (as "Yêu cầu hoàn thành ..."): nobody leads, and it
            # is still an order.
            k = _skip_adverbs(s, subject.end)
            k += s.m(_ASK_VERBS, k)
            return _Found([], k, k, "assigned")
        return _with_later_subjects(s, subject)
    directed = _directed_to(s) or _after_condition(s) or lead_frames.asked_of(s)
    if directed is not None:
        return directed
    # "Đồng chí Nguyễn Văn A, Bí thư Đảng ủy, Chủ tịch HĐND xã đã đánh giá ...": the commas between a
    # person's titles open no clause (the titles are the speaker's, not other subjects).
    opening_end = _parse_list(s, _skip_intro(s, s.first))[1]
    opening_end = max(opening_end, _after_lead_in(s) or 0)  # no subject inside the framing phrase
    for k in _clause_starts(s)[1:]:
        if k < opening_end:
            continue
        found = _subject_at(s, k)
        if found is not None:
            return _unless_only_asks(s, found, triggers)
    modal = (
        lead_rules.modal_subject(s) or lead_conventions.asked_in_passive(s) or lead_conventions.programme_subject(s)
    ) or lead_passive_agent.agent_after_duoc(s)  # (leadn) "… sẽ được nhà trường thông báo"
    if modal is not None:
        return modal
    heading = _heading_unit(s)
    if heading is not None:
        return heading
    return _bare_phrase(s)


def _asked_after_colon(s: _Sentence, said: int | None) -> bool:
    """ "UBND huyện Sóc Sơn yêu cầu: Chủ tịch UBND xã Phù Lỗ chỉ đạo lực lượng ... tống đạt ...": the
    one named after "yêu cầu:" is asked (as after "yêu cầu" without the colon) and is told to direct:
    that one leads and those directed execute (LABELLING.md §8b), even a single person.

    Dev sentences: G052-01; the class without a colon: D090-01, D114-03, X012-01, A031-03, B052-01."""
    if said is None or not s.punct(said - 1, ":"):
        return False
    return any(s.m(_ASK_VERBS, y) for y in range(max(s.first, said - 4), said - 1))


def _issuer_directs(s: _Sentence, subject: _Found, p: int) -> bool:
    """ "Huyện ủy chỉ đạo các đơn vị trên chỉnh sửa ...", "UBND huyện chỉ đạo các đơn vị, các địa
    phương tăng cường ...", "Tổng cục QLTT chỉ đạo cục QLTT các tỉnh ... phối hợp ...", "Chi bộ tiếp tục
    chỉ đạo Đoàn thanh niên ...": one body that gives its own order (the issuer, or a body whose order
    the sentence reports). Those directed are accountable and lead, with no executor (LABELLING.md
    §8a). Not (§8b: X leads, Y executes): a body told to direct — plural, so it is the addressees
    ("UBND các xã chỉ đạo các ban, ngành ...", X014-02), an item of a list addressed to it ("- UBND xã
    chỉ đạo các thôn ..."), one that must direct ("X cần / phải / có trách nhiệm chỉ đạo Y"), or one
    named after an assigning verb (read elsewhere). Nor when those directed are the public ("chỉ đạo
    nhân dân ...": X leads, §8c). Words of aspect between X and "chỉ đạo" ("đã", "tiếp tục", "tập
    trung") keep it X's own order.

    Dev sentences (relabelled to §8 by the labels branch): B029-01, B040-01, B068-03, B103-01, D017-01,
    F112-01, X059-01; corpus G (first look before this rule was read against it): G035-01; the plural
    contrast X014-02; the public X055-01."""
    if s.first > 0 or len(subject.items) != 1:
        return False
    for x in range(subject.end, p):
        if (s.m(_OBLIGATIONS, x) and not s.m(_ACTOR_ADVERBS, x)) or any(
            s.is_(x, w) for w in ("phải", "cần", "hãy", "sẽ", "trách", "nhiệm")
        ):
            return False
    a, b = subject.items[0]
    if _is_plural(s, a, b) or s.m(L.PERSON_HEADS, a):
        return False
    return not _the_public(s, p + s.m(_CHI_DAO, p))


# The public: nobody can remind them, so directing or mobilising them is the director's own task
# (LABELLING.md §8c; X055-01 "... tiếp tục chỉ đạo nhân dân chăm sóc lúa ...").
_PUBLIC = ("nhân dân", "người dân", "hộ", "hộ dân", "hộ gia đình", "bà con", "quần chúng")


def _the_public(s: _Sentence, k: int) -> bool:
    """Does the phrase at tokens[k] name the public ("nhân dân", "người dân", "các hộ gia đình")?"""
    k = _skip_determiners(s, _skip_openers(s, k))
    return any(all(s.is_(k + i, w) for i, w in enumerate(phrase.split())) for phrase in _PUBLIC)


def _after_condition(s: _Sentence) -> _Found | None:
    """A condition, then "thì" and who acts: "...; trường hợp thôn không đủ điều kiện theo quy định, các
    thôn có tính chất đặc thù riêng khác thì UBND huyện báo cáo, đề xuất ...", "Nếu phát hiện ổ dịch,
    các hộ chăn nuôi thì Trạm Thú y phải ...": the subjects named inside the condition (after its
    commas) do not act; the one after "thì" does. Read only when no subject or assigning verb gave a
    lead.

    Dev sentences: F029-02; the class at the sentence start (read by `_clause_starts`): the examples in
    its comment, B120-02 ("nếu các cơ sở chưa khắc phục ..., cơ quan chức năng ...")."""
    for t in s.where(s.key("thì")):
        if not s.first + 2 <= t < s.n - 1:
            continue
        start = next((y + 1 for y in range(t - 1, s.first - 1, -1) if s.punct(y, ";.")), s.first)
        if not any(s.is_(y, "nếu") or (s.is_(y, "trường") and s.is_(y + 1, "hợp")) or s.is_(y, "khi")
                   for y in range(start, t)):
            continue
        found = _subject_at(s, t + 1 + (1 if s.punct(t + 1, ",") else 0))
        if found is not None:
            return found
    return None


def _directed_to(s: _Sentence) -> _Found | None:
    """An order named as a noun, then whom it is for: "“Tăng cường kiểm tra ...” - là chỉ đạo của Tổng
    cục QLTT tới Cục QLTT các địa phương ...", "Chủ tịch UBND tỉnh cũng đã có những chỉ đạo cụ thể đối
    với các sở, ngành ... khẩn trương triển khai ..." — the one it is for leads (LABELLING.md §6: "— là
    chỉ đạo của A đối với B" → B). Read only when no subject or assigning verb gave a lead.

    Dev sentences: D093-01, G059-02."""
    for p in s.at(_CHI_DAO):
        if not s.first + 1 <= p < s.n - 2:
            continue
        size = s.m(_CHI_DAO, p)
        b = p - 2 if s.is_(p - 2, "ý") and s.is_(p - 1, "kiến") else p  # (leadm) "là ý kiến chỉ đạo của A đối với B"
        if not (s.is_(b - 1, "là") or s.is_(b - 1, "những") or s.is_(b - 1, "các")):
            continue
        for x in range(p + size, min(s.n - 1, p + size + 12)):
            if s.punct(x, ";.:"):
                break
            to = 2 if s.is_(x, "đối") and s.is_(x + 1, "với") else (1 if s.is_(x, "tới") else 0)
            if to:
                items, end = _parse_list(s, x + to)
                if items:
                    return _Found(items, x + to, end, "assigned")
                break
    return None


def _reported_order(s: _Sentence, a: int, p: int) -> bool:
    """ "Công an tỉnh đã chỉ đạo ...", "Huyện Quỳnh Nhai đang tập trung chỉ đạo các xã ...", "UBND huyện
    đang tiếp tục chỉ đạo các ngành ...": an order reported as given or under way (a word of aspect
    among the adverbs before "chỉ đạo"); those directed carry the task, as after "đã giao".

    Dev sentences: A058-01 ("đã chỉ đạo"), D029-01 ("đã chỉ đạo"), D058-01 ("đang tập trung chỉ
    đạo"), E041-02 ("đang tiếp tục chỉ đạo"); "sẽ chỉ đạo" is a promise (see _promised)."""
    return any(s.is_(x, "đã") or s.is_(x, "vừa") or s.is_(x, "đang") for x in range(a, p))


def _only_asks(s: _Sentence, subject: _Found, triggers: list[tuple[int, _Found]]) -> bool:
    """ "Thủ tướng yêu cầu huy động tổng lực các lực lượng ...", "Chủ tịch UBND tỉnh đề nghị tăng
    cường ...": the subject's predicate is a request naming nobody (no addressee after the verb was
    found). Who asks does not carry out what is asked (the speaker never leads): nobody is named.

    Dev sentences: D047-01 ("Thủ tướng yêu cầu huy động ..."); the same class with the addressee
    written (where the addressee leads, never the speaker): B050-01, B080-01, A020-02, W05-03. With
    "chỉ đạo" and one body's own order (§8a): G046-01; not "X chỉ đạo, hướng dẫn Y ..." (F120-03)."""
    k = _past_letter(s, _skip_adverbs(s, subject.end))
    if s.m(_CHI_DAO, k) and all(p != k for p, _ in triggers) and _issuer_directs(s, subject, k):
        # "UBND huyện cũng chỉ đạo đẩy mạnh công tác kiểm tra ..." (G046-01): one body's own order
        # naming nobody: the body speaks (LABELLING.md §8a), nobody is named.
        # (a verb right after it: "chỉ đạo, hướng dẫn các trường ..." (F120-03) names them after)
        after = k + s.m(_CHI_DAO, k)
        return bool(s.m(L.VERBS, after)) and not _np_start(s, after)
    return bool(s.m(_ASK_VERBS, k)) and all(p != k for p, _ in triggers)


def _past_letter(s: _Sentence, k: int) -> int:
    """After "có" + a letter and its number at tokens[k] ("đã có công văn số 12/UBND chỉ đạo ...",
    "vừa có văn bản yêu cầu ..."): where the verb the letter carries starts; else k. The body that writes
    the letter is its sender (LABELLING.md §5): its request naming nobody names nobody (G128-01)."""
    if not (s.is_(k, "có") and s.m(_LETTER_NOUNS, k + 1)):
        return k
    x = k + 1 + s.m(_LETTER_NOUNS, k + 1)
    while x < s.n and (s.word(x) or s.punct(x, "/-")) and not s.m(_ASK_VERBS, x) and not s.m(_CHI_DAO, x):
        if s.m(L.VERBS, x) or x - k > 8:
            return k
        x += 1  # "khẩn", "hỏa tốc", "số 1924/UBND-NLN"
    return x


def _unless_only_asks(s: _Sentence, found: _Found, triggers: list[tuple[int, _Found]]) -> _Found:
    """A subject found after a framing clause that only asks ("Hiện cả nước đang thi công 1.700 km
    cao tốc, Thủ tướng yêu cầu khẩn trương xây dựng ..."): as at the sentence start (`_only_asks`),
    who asks is not the lead and nobody is named.

    Dev sentences of the class: F008-01 (after a clause of context); at the start D047-01, F069-01,
    F078-01 ("Chính phủ yêu cầu tăng cường ...")."""
    if _only_asks(s, found, triggers):
        k = _skip_adverbs(s, found.end)
        k += s.m(_ASK_VERBS, k)
        return _Found([], k, k, "assigned")
    return found


def _with_later_subjects(s: _Sentence, subject: _Found) -> _Found:
    """Two tasks in one sentence, each with its subject, after ";": "Phòng Nội vụ rà soát biên chế;
    Phòng Tài chính - Kế hoạch bố trí kinh phí", "toàn Đoàn thực hiện 67 công trình ...; mỗi Đoàn xã
    có ít nhất 1 công trình": both lead. One that only coordinates ("...; Công an phường phối hợp")
    or asks is not another lead."""
    items = list(subject.items)
    for k in s.where(";"):
        if not subject.end <= k < s.n - 1:
            continue
        found = _subject_at(s, k + 1)
        if found is None:
            continue
        pred = _skip_adverbs(s, found.end)
        if s.m(_PHOI_HOP, pred) or s.m(L.ASSIGN_VERBS, pred) or s.m(_CHI_DAO, pred):
            continue
        # "Chủ tịch UBND 36 phường, xã: ...; Chủ tịch UBND các phường, xã chịu trách nhiệm ...": the
        # same people named again.
        seen = {_head_words(s, a, b) for a, b in items}
        items.extend(it for it in found.items if _head_words(s, *it) not in seen)
    if len(items) == len(subject.items):
        return subject
    return _Found(items, subject.start, subject.end, subject.how)


def _later_assigned(s: _Sentence, found: _Found) -> _Found:
    """An order, then after ";" another clause with its own subject: "Đồng chí Bí thư cũng đề nghị
    Thường trực HĐND huyện xem xét thành phần tham dự ...; các cơ quan liên quan chuẩn bị các điều
    kiện ..." — both lead (LABELLING.md §12: separate leads after ";"), as for subjects
    (`_with_later_subjects`). Not when the ";" only separates coordinators listed after "phối hợp"
    ("Giao X chủ trì, phối hợp với A; B tổ chức triển khai ...": D076-01, D112-01).

    Dev sentences: D040-02; the coordinator lists D076-01, D112-01, F006-01."""
    semi = next((k for k in s.where(";") if found.end <= k < s.n - 1), None)
    if semi is None:
        return found
    for x in range(found.end, semi):
        ph = s.m(_PHOI_HOP, x)
        if ph:
            items, end = _parse_list(s, x + ph + s.m(_WITH, x + ph), loose=True)
            if items and end >= semi:
                return found  # "phối hợp với A; B ...": a list of coordinators
    return _with_later_subjects(s, found)


def _also_asked(s: _Sentence, found: _Found, triggers: list[tuple[int, _Found]]) -> _Found:
    """An order, then ", (;) đồng thời (<the speaker>) <yêu cầu / đề nghị / giao> Y …" naming someone new: a
    second order in the same sentence, both addressees lead (LABELLING.md §4, §12), as after ";"
    (`_later_assigned`). The same addressee asked again is not a second lead.

    Dev sentences: CG01 ("… yêu cầu các đơn vị chuẩn bị …, đồng thời đồng chí yêu cầu các xã ngừng …"
    — and the items after it, which name nobody), B046-01, S003-02 (the same or only addressee, no
    change), F137-01, B084-01, G077-01 (đồng thời after a statement: the only order keeps its lead)."""
    items = list(found.items)
    for q, later in triggers:
        if q < found.end or not later.items:
            continue
        k = q - 1
        while k > found.end and k > q - 4 and s.word(k) and not s.is_(k, "thời"):
            k -= 1  # "đồng thời đồng chí yêu cầu": the speaker named again
        if not (s.is_(k, "thời") and s.is_(k - 1, "đồng") and s.punct(k - 2, ",;")):
            continue
        if k != q - 1 and not (s.m(L.PERSON_HEADS, k + 1) or s.m(_PRONOUN_HEADS, k + 1)):
            continue
        seen = {_head_words(s, a, b) for a, b in items}
        items.extend(it for it in later.items if _head_words(s, *it) not in seen)
    if len(items) == len(found.items):
        return found
    return _Found(items, found.start, found.end, found.how)


def _head_words(s: _Sentence, a: int, b: int) -> tuple[str, ...]:
    """The first two words of a name after its determiners: who it names, whatever the count."""
    k = _skip_determiners(s, a)
    return tuple(s.tokens[x].key for x in range(k, min(b, k + 2)))


def _bare_phrase(s: _Sentence) -> _Found | None:
    """A line that is only a name ("- Thường trực HĐND", "Văn phòng:") heads the items under it."""
    items, end = _parse_list(s, s.first)
    rest = [t for t in s.tokens[end:] if t.is_word or t.text not in ".:;,"]
    if items and not rest:
        return _Found(items, s.first, end, "name")
    return None


def _support_and_executor(
    s: _Sentence, lead: _Found
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(lead items, support items, executor items) around a lead found at `lead`."""
    leads = list(lead.items)
    support: list[tuple[int, int]] = []
    executor: list[tuple[int, int]] = []
    label = _label_form(s)
    if label is not None and label[0] == lead:
        return leads, label[1], executor
    # (conv) a letter's receivers joined by "cùng" all receive it (G028-01): no coordinators among them
    for x, (a, _) in enumerate(leads[1:] if lead.how != "relayed" else (), start=1):
        with_ = 2 if s.m(_WITH, a - 2) == 2 else (1 if s.is_(a - 1, "cùng") else 0)
        if with_ and s.word(a - with_ - 1) and not s.is_(a - with_ - 1, "và"):
            # "đề nghị Sở TN&MT cùng với Sở Kế hoạch và Đầu tư, ngành chức năng rà soát ...": those
            # named after "cùng (với)" work with the lead.
            return leads[:x], leads[x:], executor
    k = _skip_adverbs(s, lead.end)
    chu_tri = s.m(_CHU_TRI, k)
    if chu_tri:
        k2 = k + chu_tri
        while s.punct(k2, ",;"):
            k2 += 1
        k3 = _skip_adverbs(s, k2)
        if s.m(_PHOI_HOP, k3):
            k = k3
        else:
            # "X chủ trì, Y phối hợp"
            items, end = _parse_list(s, k2, loose=True)
            if items and s.m(_PHOI_HOP, _skip_adverbs(s, end)):
                support = items
            k = k3
    phoi_hop = s.m(_PHOI_HOP, k)
    if phoi_hop and not support:
        k2 = k + phoi_hop
        k2 += s.m(_WITH, k2)
        items, _ = _parse_list(s, k2, loose=True)
        if items:
            support = items
        # (phoihop) No "else": "A và B (cùng) phối hợp <việc>" with nobody said to chair keeps A and B (and
        # every further member) as leads, support empty (LABELLING.md §9, §12, §29.2, decided again in
        # §37.1 a: the secretary cannot tell who answers for the work, so each is reminded). This read A lead,
        # B support until then; the shared copy's W27-01 is still labelled that way (§26).
    chi_dao = s.m(_CHI_DAO, k)
    if chi_dao and not _the_public(s, k + chi_dao):  # the public executes nothing (§8c)
        items, end = _parse_list(s, k + chi_dao, loose=True)
        executor = items
        if not support:  # (leadshape) «X chỉ đạo A phối hợp (với) B <việc>»: B supports A's work
            executor, support = lead_shapes15.directed_partners(s, items, end)
    if not support:
        support = _later_support(s, lead.end)
    return leads, support, executor


def _later_support(s: _Sentence, j: int) -> list[tuple[int, int]]:
    """ "..., phối hợp với Y" or "với sự phối hợp của Y" later in the lead's clause."""
    end = min((k for k in (*s.where(";"), *s.where(".")) if k >= j), default=s.n)
    # only where "phối hợp" or "sự phối hợp của" starts (from the phrase table, no m() per token)
    for k in sorted({*s.at(_SUPPORT_OF), *s.at(_PHOI_HOP)}):
        if k < j:
            continue
        if k >= end:
            break
        of = s.m(_SUPPORT_OF, k)
        if of:
            items, _ = _parse_list(s, k + of)
            if items:
                return items
        ph = s.m(_PHOI_HOP, k)
        if ph and s.punct(k - 1, ",") and s.m(_WITH, k + ph):
            items, _ = _parse_list(s, k + ph + s.m(_WITH, k + ph))
            if items:
                return items
    return []


# ------------------------------------------------------------------------------------------ public API
_GROUP_WORDS = ("cấp", "địa", "đơn")  # "các cấp", "các địa phương", "các đơn vị"


def _ref(s: _Sentence, a: int, b: int) -> AssigneeRef:
    text = s.span_text(a, b)
    unit = None
    k = a
    while k < b:
        found = s.unit_at(k)
        if found is not None and found[0] <= b:
            # (concl5) the unit's kind then a determiner names other bodies of that kind, not this committee's
            # unit: «UBND các huyện, thị xã, thành phố», «UBND các quận, huyện» (CB10, CG12, CG20, CH23, CH36 ×4,
            # CH37), «Thường trực HĐND các xã» (CG02) were keyed to the ward's own «UBND» / «Thường trực HĐND»,
            # and the /nhap preview showed «UBND» (found by QA). A catalogue entry for the group ("UBND các xã,
            # thị trấn") is matched whole and keeps its key; "các" before what the unit works on ("Ban Quản lý dự án
            # … các công trình giao thông") is part of one body's name.
            d = s.m(L.DETERMINERS, found[0]) if found[0] < b else 0
            if d and (s.m(L.PLACE_NOUNS, found[0] + d) or any(s.is_(found[0] + d, w) for w in _GROUP_WORDS)):
                break  # (a determiner then a place or a level: "các huyện", "các cấp", "các địa phương")
            unit = found[1]
            break
        filler = s.m(_UNIT_FILLERS, k) or (1 if s.tokens[k].is_number else 0)
        if not filler:
            break
        k += filler
    return AssigneeRef(text, unit.key if unit else None, (s.start(a), s.end(b - 1)))


def parse_assignees(text: str, units: Sequence[KnownUnit] = ()) -> Assignees:
    """Lead, coordinating and executing assignees named in `text`, matched against `units` and the
    built-in catalogue. Names not found in either are returned as written (unit_key None)."""
    return read_assignees(text, units).assignees


@dataclass(frozen=True)
class AssigneeReading:
    """The assignees of a sentence and how they were found (the conclusion splitter uses it to
    tell directives from reports)."""

    assignees: Assignees
    # "assigned": after an assigning verb ("Giao X", "đề nghị X"); "relayed": the receivers of a
    # letter; "subject": the subject of the sentence; "heading": "Đối với X:"; "name": the text is
    # only a name; "framed": the subject of a word of obligation after a framing phrase
    # (`lead_rules.modal_subject`); "": nobody.
    how: str
    # The text after the subject, where its predicate starts ("đã tổng hợp ...", "phối hợp ...").
    predicate: str
    # The sentence opens with its verb ("Tăng cường ...", "Khẩn trương ..."): an order whose
    # assignee is left out, or a report continuing the previous sentence's subject.
    verb_initial: bool


def read_assignees(text: str, units: Sequence[KnownUnit] = ()) -> AssigneeReading:
    # The conclusion splitter reads a sentence to classify it and again as a directive: read once.
    return _read_cached(nfc(text), tuple(units))


@lru_cache(maxsize=4096)
def _read_cached(text: str, units: tuple[KnownUnit, ...]) -> AssigneeReading:
    s = _Sentence(text, units)
    lead = _find_lead(s)
    lead = lead_reported16.unless_issue_reported(s, lead)  # (newsr) "X vừa ban hành thông báo về …": a report
    lead = lead_audit16.role_named_subject(s, lead)  # (leadaudit) «Cơ quan chủ trì chịu trách nhiệm …»
    if lead is None:
        lead = lead_will_subject.subject_before_will(s)  # (leadverbs) «X (cho biết,) sẽ <verb>», nobody else named
    if lead is None:
        lead = lead_round15.determined_subject_obliged(s)  # (leadp) «Tất cả phương tiện phải …», nobody else named
    if lead is not None and lead.how == "assigned":
        lead = lead_addressed.addressee_to_end(s, lead)  # (leadl) "là yêu cầu của A đối với B <which ones>."
    verb_initial = _verb_initial(s)
    if lead is None:
        return AssigneeReading(Assignees(), "", "", verb_initial)
    leads, support, executor = _support_and_executor(s, lead)
    leads = lead_conventions_s8.mixed_appeal(s, leads)  # (conv11) §31.1 the public's part → who asks
    leads = lead_round14.level_list_heads(s, leads)  # (leado) «UBND các xã, phường …» cut at its comma
    leads = lead_round14.named_places_list(s, leads)  # (leado) «UBND các huyện A, B, thị xã C»
    leads = lead_round14_multi.later_orders(s, lead, leads, support, executor)  # (leadmulti) «…; đề nghị B …»
    leads = lead_round15.own_complement_members(s, leads)  # (leadp) «Trưởng các thôn, Ban nhân dân các thôn …»
    assignees = Assignees(
        lead=tuple(_ref(s, a, b) for a, b in leads),
        support=tuple(_ref(s, a, b) for a, b in support),
        executor=tuple(_ref(s, a, b) for a, b in executor),
    )
    predicate = s.text[s.start(lead.end) :] if lead.how == "subject" and lead.end < s.n else ""
    return AssigneeReading(assignees, lead.how, predicate, verb_initial)


def assignees_from_context(context: str, units: Sequence[KnownUnit] = ()) -> Assignees:
    """The assignees a lead-in or heading gives the items under it.

    `context` holds the headings from the outermost to the innermost (one per line, or run
    together as in "... như sau: 1. Đối với HĐND phường - Thường trực HĐND"); the innermost that
    names someone wins."""
    for segment in reversed(context_segments(nfc(context), units)):
        found = parse_assignees(segment, units)
        if found.lead and not lead_conventions.capitals_heading_names_nobody(segment, units):
            return found
    return Assignees(lead=lead_conventions.letter_addressees(nfc(context), units))  # "Kính gửi:" (conv)


_SEGMENT_BREAK = re.compile(r"(?<=[.:;])\s+(?=\S)|\s+(?=(?:\d{1,2}|[a-zđ])[.)]\s)")


def context_segments(context: str, units: Sequence[KnownUnit] = ()) -> list[str]:
    """The headings in a context, outermost first (lines, sentences, "1." and " - " parts)."""
    out: list[str] = []
    for line in context.splitlines():
        for part in _SEGMENT_BREAK.split(line):
            out.extend(_split_dash_headings(part, units))
    return [p.strip() for p in out if p.strip()]


def _split_dash_headings(part: str, units: Sequence[KnownUnit]) -> list[str]:
    """ "Đối với HĐND phường - Thường trực HĐND" -> two headings; "Phòng Kế hoạch - Đầu tư" stays."""
    if not any(mark in part for mark in "-–+•*"):
        return [part]  # no mark to cut at: no sentence to read (most headings)
    s = _Sentence(part, units)
    cuts = [
        s.start(k)
        for k in range(1, s.n - 1)
        if s.punct(k, "-–+•*")
        and s.word(k - 1)
        and s.end(k - 1) < s.start(k)  # spaced: " - ", not "Tiến-PCT"
        and _np_start(s, k + 1)
    ]
    return [part[a:b] for a, b in itertools.pairwise([0, *cuts, len(part)])]


def find_mentions_of_units(text: str, units: Sequence[KnownUnit] = ()) -> list[AssigneeRef]:
    """Every committee or built-in unit named anywhere in `text`, in order, not overlapping.

    A unit inside a longer name ("Sở Tư pháp" is not the ward's "Tư pháp") is not a mention."""
    s = _Sentence(nfc(text), units)
    out: list[AssigneeRef] = []
    k = 0
    while k < s.n:
        found = s.unit_at(k)
        if found is not None and not _inside_other_name(s, k):
            end, unit = found
            out.append(AssigneeRef(s.span_text(k, end), unit.key, (s.start(k), s.end(end - 1))))
            k = end
            continue
        k += 1
    return out


def _inside_other_name(s: _Sentence, k: int) -> bool:
    if k == 0 or not s.word(k - 1):
        return False
    prev = s.tokens[k - 1]
    if prev.capitalized and k - 1 not in s.initial:
        return True
    return bool(s.m(L.ORG_HEADS, k - 1) or s.m(L.PERSON_HEADS, k - 1)) and not s.m(_UNIT_FILLERS, k - 1)


def clear_caches() -> None:
    """Forget readings of texts seen before (benchmarks time texts read as new): readings, tokens,
    folded texts, writing modes."""
    _read_cached.cache_clear()
    vntokens.clear_text_caches()
    textnorm.clear_caches()
