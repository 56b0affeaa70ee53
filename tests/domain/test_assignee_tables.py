"""The assignee reader's position tables equal the questions they replace.

`_Sentence.at(list)` (positions where a phrase list starts) must equal asking `m(list, k)` at every
position, `_Sentence.where(key)` must equal comparing every token's key, and `_Sentence.table(i)`
must answer as `m` does, past the end too; the rules read these instead of asking token by token.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.understand.assignees import _Sentence
from domain.understand.vntokens import _REGISTRY

WORDS = [
    "Giao", "giao", "UBND", "huyện", "Sở", "Tài", "chính", "chủ", "trì", ",", "phối", "hợp", "với",
    "các", "đơn", "vị", "liên", "quan", ";", "đề", "nghị", "yêu", "cầu", "Phòng", "Nội", "vụ", "thì",
    "nếu", "lưu", "ý", "có", "văn", "bản", "gửi", "tới", "đến", "về", "việc", ".", ":", "Ban", "chỉ",
    "đạo", "An", "toàn", "giao", "thông", "sự", "của", "Giao", "Đồng", "thời", "(", ")", "03", "xã",
]

SENTENCES = [
    "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan rà soát; đề nghị UBND huyện báo cáo.",
    "Nếu chậm thì Phòng Nội vụ phải giải trình với sự phối hợp của Ban An toàn giao thông.",
    "Bộ đã có văn bản gửi tới các tỉnh về việc tăng cường phòng chống dịch.",
    "Giao dich vien lưu y cac xa, phuong thi hanh.",  # written without diacritics
]


def _check(text: str) -> None:
    s = _Sentence(text, ())
    for phrase_set in _REGISTRY:
        assert s.at(phrase_set) == [k for k in range(s.n) if s.m(phrase_set, k)]
        for i in range(s.n + 2):
            assert s.table(i).get(phrase_set.slot, 0) == s.m(phrase_set, i)
    for key in {t.key for t in s.tokens} | {"không có", ";", s.key("thì")}:
        assert list(s.where(key)) == [k for k, t in enumerate(s.tokens) if t.key == key]


def test_tables_equal_the_questions_on_written_sentences() -> None:
    for text in SENTENCES:
        _check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_tables_equal_the_questions_on_any_word_sequence(words: list[str]) -> None:
    _check(" ".join(words))
