"""Three shapes of Vietnamese administrative text the lead reader still misread (issue 11, session 11, leadshape).

Each rule names its kind of sentence; tests with invented sentences of each kind: `tests/domain/test_lead_shapes15.py`.

(a) A dotted abbreviation of an administrative level inside a unit's name: «UBND TP. Huế», «Công an Q. 1»,
    «UBND P. 12», «Văn phòng UBND Tp. theo dõi …» (the city named by its abbreviation alone). The reader already
    took «TP. Huế» (a capital after the dot, `assignees._extend`); it cut the name at the dot when the place's
    name is a number (the numbered districts and wards of the big cities) or when there is no name at all (the
    city itself, «UBND TP.», «Công an TP.»), and a subject so cut had no predicate after it. What follows the
    dot says which: a sentence that ends at «TP.» is followed by a capital or nothing, never by a lower-case
    word or a number. The name is kept as written, dot included («Văn phòng UBND Tp.», as the labels copy it,
    LABELLING.md §11): the bot's unit matching folds case and diacritics only, so a committee that registers
    its units with the abbreviation (or adds it as an alias) matches the written form; expanding «TP.» to
    «thành phố» would make the name differ from the label and from what the secretary typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.understand.assignees import _Sentence

# Levels whose places are numbered in the big cities: «Quận 1» → «Q. 1», «Phường 12» → «P. 12».
_NUMBERED_LEVELS = frozenset({"Q", "P"})
# Levels a text names by the abbreviation alone, meaning its own city or town («báo cáo UBND TP.»); a single
# capital with a dot is as often a person's initial («Nguyễn Văn H.») or a numeral («lần thứ X.»).
_NAMED_ALONE = frozenset({"TP", "Tp", "tp", "TX", "TT"})


def dotted_name_end(s: _Sentence, j: int) -> int:
    """After a dotted level abbreviation (tokens[j] is the "." right after «TP», «Q», «P» …, a capital
    after it being read by the caller), where does the name go on? The index after the place's number
    («Công an Q. 1 chủ trì …»), the index after the dot when what follows is a lower-case word or a
    comma, semicolon or bracket (the city itself: «Văn phòng UBND Tp. theo dõi …», «UBND TP., các
    huyện …»); 0 when the dot may end the sentence (a capital follows, or nothing).

    Kind of sentence: a unit of a city, district or ward named with its level abbreviated and dotted.
    Dev (the city named by «TP.» alone, 10 places in 4 documents): CI16 of conclusions v7 (six: «Văn phòng UBND
    Tp. theo dõi», «Chủ tịch UBND Tp. giao», «báo cáo UBND Tp. trước ngày», «trên địa bàn Tp.;»), B130-01
    («cho UBND TP.»), D025-02 («trên địa bàn TP.»), M025-01 («trực thuộc TP.»), M025-02 («HĐND TP.»); a
    numbered district: O064-02's context («Q.2», one only: the number is read as the same class, a place's
    name after the dot, not as a rule of its own)."""
    level = s.tokens[j - 1].text
    if s.word(j + 1) and s.tokens[j + 1].text.isdigit():
        return j + 2 if level in _NUMBERED_LEVELS else 0
    if level not in _NAMED_ALONE:
        return 0  # «Nguyễn Văn H. cho biết», «lần thứ X. …»: an initial or a numeral, not a place
    if not s.word(j + 1):
        return j + 1 if s.punct(j + 1, ",;)") else 0
    return 0 if s.tokens[j + 1].capitalized else j + 1


def directed_partners(
    s: _Sentence, items: list[tuple[int, int]], end: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(executor, support) of «X chỉ đạo A phối hợp (với) B <việc>» once A (`items`, read after «chỉ đạo»,
    the list ending at `end`) is known: B, the partner of the directed body's work, supports (LABELLING.md
    §8 b, §9, §37.1 c); X leads, A executes (the caller's reading).

    Kind of sentence: a body asked (or given the task) to direct another, which is to work with a third —
    «Giao UBND các xã chỉ đạo Trưởng thôn phối hợp Chi hội Nông dân …», «yêu cầu Chủ tịch UBND tỉnh chỉ
    đạo các đơn vị tại địa phương phối hợp với các cơ quan chức năng …». Dev: G052-01 (v4g), CI13 item 1
    (conclusions v7), M014-03 (v4m, with a comma before «phối hợp», read right already by `_later_support`).
    The reader took A and dropped B, or ran A's name over «phối hợp với B» (a place «tại …» before it).
    The cue is structural: «phối hợp» right after the directed list (adverbs aside, no comma), or inside
    the last name read with «với / cùng» after it (a verb then, never part of a unit's name)."""
    from domain.understand import assignees as A  # (imports this module: read at call time)

    if not items:
        return items, []
    a, b = items[-1]
    for k in range(a + 1, b):  # «các đơn vị tại địa phương phối hợp với …»: the name ran over the verb
        ph = s.m(A._PHOI_HOP, k)
        if ph and s.word(k - 1) and s.m(A._WITH, k + ph):
            items = [*items[:-1], (a, k)]
            end = k
            break
    k = A._skip_adverbs(s, end, adjuncts=False) if not s.punct(end, ",;") else end
    ph = s.m(A._PHOI_HOP, k)
    if not ph:
        return items, []
    k += ph
    k += s.m(A._WITH, k)
    support, _ = A._parse_list(s, k)  # (strict: «… của huyện tống đạt …», the task's verb is no name)
    return items, support
