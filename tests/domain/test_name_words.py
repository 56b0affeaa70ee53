"""`name_words.step` lets `assignees._extend` step over words no rule of its chain can act on. It is a
short cut only: from every position, with every head the reader finds there (and with none), a name
must end where the whole chain ends it. Checked on the corpus sentences, with and without diacritics,
and on texts glued from the rules' own words and the phrase lists' words (where determiners, verbs,
demonstratives, committees, modals and capitals meet in every order)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from domain.understand import assignees as A
from domain.understand import name_words
from domain.understand.textnorm import fold, nfc
from domain.understand.vntokens import _REGISTRY

DATA = Path(__file__).resolve().parents[1] / "data"


def _corpus_texts() -> list[str]:
    texts = []
    for name in ("seed_directives.jsonl", "dev_directives.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


_RULE_TEXT = (
    "này đó ấy nói nêu kể trên đây học số 5 kiêm như gồm bao từ đến tại ở trong trên là có được về đóng "
    "chân địa bàn các những một số chủ trì phải cần sẽ tiếp tục chủ động khẩn trương chưa đang đã không "
    "Ban chỉ đạo Sở Phòng Khoa Trung ương huyện xã Công an Hà Nội đồng chí Trưởng thực hiện và , . : ( ) -"
)
_RULE_WORDS = _RULE_TEXT.split()


_HEADS = ("các đơn vị", "các cơ quan", "Các trường", "lực lượng", "Ban quản lý", "Sở Y tế", "đồng chí", "UBND các xã",
          "nhà thầu", "Ban Chỉ đạo", "các hộ", "Phòng Nội vụ")
_FILLERS = ("vùng", "sâu", "chức", "năng", "hạ", "du", "xa", "biên", "giới", "nộp", "báo", "cáo", "tham", "gia",
            "làm", "nhiệm", "vụ", "quản", "lý", "chợ", "Thạch", "Hà", "khu", "vực", "8")
_OPENERS = ("phải", "cần", "sẽ", "tiếp tục", "chủ động", "khẩn trương", "nghiêm túc", "triển khai", "thực hiện")


def _glued_texts(count: int, seed: int) -> list[str]:
    """Runs of the rules' words and the lists' words, and name-like runs: a head, words of every kind
    (plain ones among them), then a modal or an actor's adverb and a verb at varying distances."""
    rng = random.Random(seed)
    words = sorted({w for ps in _REGISTRY for p in ps.phrases for w in p.split()})
    words += list(_RULE_WORDS) * 20  # (the rule words often: they are what the short cut must respect)
    texts = []
    for n in range(count):
        if n % 2:
            picked = [rng.choice(words) for _ in range(rng.randint(3, 22))]
        else:
            pool = (_FILLERS, _RULE_WORDS, words)
            middle = [rng.choice(rng.choice(pool)) for _ in range(rng.randint(0, 14))]
            picked = [rng.choice(_HEADS), *middle, rng.choice(_OPENERS), rng.choice(_OPENERS), "kế hoạch", "."]
        texts.append(" ".join(w.capitalize() if rng.random() < 0.1 else w for w in picked))
    return texts


def _ends(text: str) -> list[int]:
    """Where `_extend` ends a name from every start and head of the text."""
    s = A._Sentence(nfc(text), ())
    out = []
    for start in range(s.n):
        for loose in (False, True):
            head = A._head(s, start, loose)
            if head is not None and head.end <= s.n:
                out.append(A._extend(s, start, head.end, head))
        for j in range(start + 1, min(s.n, start + 4)):
            out.append(A._extend(s, start, j, None))
    return out


def _both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _ends(text)
    with monkeypatch.context() as m:
        m.setattr(name_words, "step", lambda s, start, j, head: 0)  # the whole chain at every word …
        m.setattr(name_words, "clause_ahead", lambda s, j: True)  # … and the clause readers' own walks
        slow = _ends(text)
    assert fast == slow, text


# One invented sentence for each rule of the chain, where it acts (the rule's own class).
_RULE_CLASSES = (
    "Yêu cầu nhà thầu này nỗ lực hơn nữa; các trường nói trên chịu trách nhiệm báo cáo.",
    "Giao Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh và Phòng Công tác học sinh phối hợp thực hiện.",
    "Lãnh đạo các tổ chức tín dụng và cấp ủy các chi bộ phải quán triệt.",
    "Các đơn vị chưa nộp báo cáo phải khẩn trương nộp; các cơ quan có thẩm quyền đẩy nhanh việc cấp phép.",
    "Lực lượng làm nhiệm vụ vùng sâu phải nêu cao tinh thần; các hộ vùng sâu chưa nộp thuế phải nộp ngay.",
    "Ban chỉ đạo Tổng điều tra dân số và nhà ở huyện Tam Dương tiếp tục chỉ đạo.",
    "Ngân hàng Nhà nước chi nhánh tại các Khu vực 8, 9 triển khai; các Tổ tại các Thôn tập trung kiểm tra.",
    "Công an các địa phương trong toàn quốc và các đơn vị trong tỉnh cần kiểm tra.",
    "Các cơ quan Trung ương đóng chân trên địa bàn tỉnh thực hiện; Ban Chỉ đạo Trung ương về phòng chống "
    "thiên tai yêu cầu các địa phương báo cáo.",
    "Các xã vùng hạ du của huyện như: Đức Liên, Đức Hương và các ngành từ huyện đến cơ sở cần chủ động.",
    "Ba huyện miền núi là Sơn Tây, Minh Long và Sơn Hà phải rà soát; Tổ dân phố số 5 báo cáo.",
    "Ban biên tập kiêm biên tập Đài truyền thanh phường và các đơn vị quản lý, vận hành các cần trục thực "
    "hiện kiểm tra.",
    "Sở NN&PTNT một số tỉnh và các đơn vị được giao nhiệm vụ khẩn trương triển khai.",
    "Đồng chí chủ trì kết luận một số nội dung; đồng chí lãnh đạo UBND phường chỉ đạo.",
    "Các doanh nghiệp sản xuất, kinh doanh phân bón phải kiểm tra; các cơ sở giết mổ, buôn bán gia cầm "
    "thực hiện tiêu hủy; các đơn vị vận hành, bảo trì các cần trục thực hiện kiểm tra.",
)


@pytest.mark.parametrize("folded", [False, True])
def test_same_ends_on_the_corpus_and_rule_classes(folded: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in [*_RULE_CLASSES, *_corpus_texts()]:
        _both_ways(fold(text) if folded else text, monkeypatch)


def test_same_ends_on_glued_rule_words(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _glued_texts(1200, seed=10):
        _both_ways(text, monkeypatch)


def _rule_answers(s: A._Sentence, start: int, j: int, head: A._Head | None, kind: int) -> list[int]:
    """What the chain's rules answer at a word `name_words` says they cannot act on (all 0 expected),
    the clause readers aside."""
    answers = [
        A.lead_rules.demonstrative_end(s, start, j),
        s.m(A.L.NP_KEEP, j),
        A._study_word(s, start, j),
        A._noun_after_determiner(s, start, j),
        s.m(A.L.NP_KEEP, j - 1) > 1 if j - 1 > start else 0,
        s.m(A._CHU_TRI, j),
        s.m(A.L.PERSON_HEADS, j),
        A._committee_level_end(s, j),
        s.m(A.L.COMMITTEE_PURPOSES, j),
    ]
    key = s.tokens[j].key
    if kind == name_words.CAPITAL:
        return [*answers, A._qualifier_end(s, start, j, head)]
    if kind == name_words.END:
        answers.append(not A._ends_np(s, j))  # (the verbs' own rule, activities_end, is asked by step)
    late = [
        *answers,
        s.tokens[j].capitalized,
        s.tokens[j].is_number,
        s.is_(j, "số"),
        s.m(A._PASSIVE_RELATIVE, j),
        s.is_(j, "kiêm"),
        s.m(A.L.DETERMINERS, j),
        A._such_as(s, j) if j > start else 0,
        A.lead_rules.level_range_end(s, j),
        # (the three below as `_extend` asks them: after a set test of the word, or for a verb)
        key in A.name_purposes.VE_KEYS[s.accented] and A.name_purposes.field_after_committee(s, start, j),
        key in A.name_stationed.KEYS[s.accented] and A.name_stationed.stationed_end(s, start, j),
        A._located_end(s, j),
        A._scope(s, j),
        s.is_(j, "là") and A.lead_rules.members_named(s, start, j),
    ]
    if kind == name_words.END:
        return late
    return [
        *late,
        s.m(A.L.VERBS, j) and A.lead_rules.activities_end(s, start, j, head),
        A._ends_np(s, j),
        A._ends_np(s, j, verbs=False),
    ]


def test_each_rule_answers_nothing_at_a_stepped_word() -> None:
    """The claim of name_words.py, rule by rule, for every start and head before such a word; and the
    clause readers are left to `test_clause_readers_need_an_opener_ahead`."""
    texts = [*_RULE_CLASSES, *_corpus_texts(), *_glued_texts(600, seed=12)]
    for text in [*texts, *map(fold, texts)]:
        s = A._Sentence(nfc(text), ())
        for j in range(s.n):
            kind = name_words._kind(s, j)
            if kind == name_words.OTHER:
                continue
            for start in range(max(0, j - 8), j + 1):
                heads = {A._head(s, start), A._head(s, start, True), None}
                for head in heads - {None} if start == j else heads:
                    if head is not None and (head.unit_complete or head.end > j):
                        continue
                    assert not any(_rule_answers(s, start, j, head, kind)), (text, j, start, head)


def test_clause_readers_need_an_opener_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_qualifier_end` and `_relative_clause_end` answer 0 without their gate wherever `clause_ahead`
    says no modal or actor's adverb is within their reach, from every start and head."""
    texts = [*_RULE_CLASSES, *_corpus_texts(), *_glued_texts(600, seed=13)]
    for text in [*texts, *map(fold, texts)]:
        s = A._Sentence(nfc(text), ())
        quiet = [j for j in range(s.n) if not name_words.clause_ahead(s, j)]
        with monkeypatch.context() as m:
            m.setattr(name_words, "clause_ahead", lambda s, j: True)
            for j in quiet:
                for start in range(max(0, j - 8), j + 1):
                    for head in {A._head(s, start), A._head(s, start, True), None}:
                        if head is not None and head.end > j:
                            continue
                        clauses = A._qualifier_end(s, start, j, head), A._relative_clause_end(s, start, j, head)
                        assert clauses == (0, 0) or s.is_(j, "có"), (text, j, start, head)


def test_plain_words_are_stepped_over() -> None:
    """The short cut is taken where it should be: the lower-case words of a kind's name and the
    capitalised words of a body's name inside the sentence."""
    s = A._Sentence(nfc("Giao Sở Tài nguyên và Môi trường cùng các đơn vị chức năng chuyên trách thực hiện."), ())
    kinds = {s.tokens[j].text: name_words._kind(s, j) for j in range(s.n)}
    assert kinds["Tài"] == name_words.CAPITAL
    assert kinds["chức"] == name_words.PLAIN
    assert kinds["các"] == name_words.OTHER  # a determiner
    assert kinds["thực"] == name_words.OTHER  # a verb ends the name
