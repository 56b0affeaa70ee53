"""Whole conclusions, session 9 (concl13): two structural cues the splitter did not read.

1. **Sentences glued together.** Pages copied from the web (news items, answers to petitions) often lose
   the space after an end mark: "... chốt gác.Đối với các lối đi ..." (CK30), "... chợ Đông Ba...Tuy nhiên,
   lực lượng ..." (CI07), "... tổng hợp báo cáo…Dự kiến toàn xã ..." (CK02). split_sentences cuts only at a
   mark followed by a blank, so the report before and the order after became one item (a report proposed as
   a task, or the order lost inside it). A mark glued to a capitalised word is a boundary when what ends
   there is a plain word: an ellipsis after any word, a full stop after a word of two or more small
   letters. Not a boundary: "TP.Hồ Chí Minh", "Tp.HCM", "Q.Bình Thạnh", "UBND TP.Vũng Tàu" (the word
   before is an abbreviation: short or capitalised), a web or mail address ("moj.gov.vn", "forms.gle/Ab"),
   a number ("1.500").

2. **A list item led by a unit the assignee reader cannot delimit.** In a marked list ("+ ", "2/ ", "- "),
   an item said subject first, whose subject opens with a unit or person head the lexicon knows but goes
   on in a shape the reader does not take: a bare head ("2/ Trường tổ chức bảo quản tài sản ...", CI03,
   twice), a name of two parts joined by a dash ("+ Phòng Hành chính – Tổ chức tổng hợp tình hình ...",
   CG21), two titles joined by "hoặc" ("+ Trưởng hoặc Phó trưởng bộ phận nhắc nhở ...", CG21). Those
   items were dropped as naming nobody and opening with no verb. The item's subject is the words before
   its first verb written in small letters (a title-case word is a part of the name: "Tổ chức" in
   "Phòng Hành chính – Tổ chức"), when they are few, start with a known head and hold no comma or colon
   ("Trang phục: Đồng phục …", "Địa điểm: …" are labels, not subjects). What follows the subject is read as
   an item opening with its verb is (conclusion._opening_verb, _SUBJECT_DECIDES): "2. Ban Thường vụ nhất trí
   với đề xuất …" records a decision, no task.
"""

from __future__ import annotations

import re

from domain.understand import assignee_lexicon as L
from domain.understand.textnorm import fold
from domain.understand.vntokens import PhraseSet, has_diacritics, tokenize

# ------------------------------------------------------------------------------------------ 1. glued
# An end mark glued to the capitalised word after it: "…" / "..." after anything, "." after a word.
_GLUED = re.compile(r"(?:\.{3}|…|(?<=[^\W\d_])\.)(?=[^\W\d_][^\W\d_])")


def _plain_word_before(text: str, at: int) -> bool:
    """The word ending at `at` is two or more small letters (not "TP", "Tp", "Q", "p", an address)."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:at]
    return len(word) >= 2 and word.isalpha() and word.islower()


def _letter_after_a_stop(sentence: str) -> bool:
    """A "." followed by a letter or a digit somewhere (every _GLUED match ending in "." has one)."""
    at = sentence.find(".")
    while at >= 0:
        if sentence[at + 1 : at + 2].isalnum():
            return True
        at = sentence.find(".", at + 1)
    return False


def split_glued(sentence: str) -> list[str]:
    """The sentence cut where an end mark is glued to the next sentence's first word (see 1. above)."""
    if "." not in sentence and "…" not in sentence:
        return [sentence]
    if "…" not in sentence and not _letter_after_a_stop(sentence):
        # (speed13) most sentences have a full stop only at their end: no scan of every character by _GLUED
        return [whole] if (whole := sentence.strip()) else []
    out: list[str] = []
    start = 0
    for m in _GLUED.finditer(sentence):
        after = sentence[m.end() :]
        if not (after[:1].isupper() and after[1:2].islower()):
            continue  # "Tp.HCM", "TP.HCM": an abbreviation's capitals, no word of a sentence
        if m.group() == "." and not _plain_word_before(sentence, m.start()):
            continue
        if sentence[start : m.start()].strip():
            out.append(sentence[start : m.end()].strip())
            start = m.end()
    out.append(sentence[start:].strip())
    return [s for s in out if s]


# ------------------------------------------------------------------------------------------ 2. list items
_HEADS = L.ORG_HEADS + L.PERSON_HEADS
_JOINS = PhraseSet(["hoặc", "và", "-", "–", "—"])
_SUBJECT_REACH = 8  # tokens before the verb: a unit's name, not a clause
_TENSE = PhraseSet(["đã", "vừa", "đang"])


def listed_item_subject(text: str) -> str | None:
    """The subject of a marked item said subject first that the assignee reader could not delimit (see 2.
    above), or None."""
    accented = has_diacritics(text)
    tokens = tokenize(text, accented)
    head = _HEADS.match(tokens, 0, accented) if tokens and tokens[0].text[:1].isupper() else 0
    if not head:
        return None
    for k in range(head, min(_SUBJECT_REACH + 1, len(tokens))):  # (the head's own words are no verb: "trực")
        word = tokens[k].text
        if not word[:1].isalpha() and not _JOINS.match(tokens, k, accented):
            return None  # a comma, a colon, a number before any verb: a label or a clause, no subject
        if _TENSE.match(tokens, k, accented):
            return None  # "3. Hội nghị đã thống nhất …": what was done or is being done, no order
        if word[:1].islower() and L.VERBS.match(tokens, k, accented) and not L.NARRATIVE_VERBS.match(
            tokens, k, accented
        ):
            return text[: tokens[k].start].strip()
    return None


# ------------------------------------------------------------------------------------------ 3. obligations
# A sentence whose predicate is an obligation, "phải / cần / có trách nhiệm + <verb>", is an order in the verb's
# mood whoever its subject is (LABELLING.md §1): "Trong năm nay, công tác kiểm sát phải thực hiện chặt chẽ …",
# "Theo yêu cầu, các chi nhánh nêu trên phải có văn bản báo cáo …", "Cờ đã cũ, bạc màu, rách phải được thay
# mới trước khi treo …" (CG12), "Danh sách … phải được niêm yết tại …", "Khi phát hiện cháy rừng, cần báo ngay
# …". The splitter kept them only when the assignee reader found a subject it knows; a fronted adjunct, a
# subject the lexicon does not know ("Cảng hàng không", "nam công dân đủ 17 tuổi") or a thing made to undergo
# the work ("Danh sách …") lost them. Not an obligation: "không phải là …" (a negated copula), "đã phải …"
# (what happened), a nominal "những việc cần làm" (things to do named, nobody told), "cần thiết".
# (The drop rules of conclusion._classify — reports, principles, sanctions, counts — are read first.)
_DEONTIC = PhraseSet(["phải", "cần", "cần phải", "buộc phải", "có trách nhiệm", "có nhiệm vụ"])
_NOT_BEFORE_MODAL = PhraseSet(
    ["không", "chưa", "đã", "vừa", "mới", "việc", "điều", "những gì", "nhiệm vụ", "nội dung", "vấn đề", "công việc",
     "sẽ", "thì"]
)
_PASSIVE = PhraseSet(["được", "bị"])


_REPORTED = PhraseSet(["đã", "vừa"])  # before the obligation: what was done ("… đã quán triệt …, cần …")
_OUTCOME = PhraseSet(["sẽ"])  # after it: "Các trường hợp phải di dời sẽ được hỗ trợ …" (CL05), the outcome rules


# A way of working, no work: "Việc mua sắm thiết bị phải được thực hiện đúng quy định." (a principle, LABELLING.md
# §2: the duty names only the rules the work keeps to).
_MANNER_ONLY = re.compile(
    r"^(?:phai|can|can phai|buoc phai)\s+(?:duoc\s+)?(?:thuc hien|trien khai|to chuc|tien hanh|xu ly)\s+"
    r"(?:theo\s+)?(?:dung|nghiem|chat che)\s+(?:theo\s+)?(?:cac\s+)?(?:quy dinh|luat|phap luat|quy trinh|quy che|"
    r"trinh tu|thu tuc|nguyen tac|huong dan)\b[^.;:]{0,60}\W*$"
)


def obligation(sentence: str) -> int | None:
    """Where the obligation word of a sentence whose predicate is an obligation to act starts (see 3. above),
    or None. (The caller reads what follows it: a duty to carry out "the above" is the closing formula.)"""
    if sentence.rstrip().endswith("?"):
        return None
    accented = has_diacritics(sentence)
    tokens = tokenize(sentence, accented)
    for k in range(len(tokens)):
        n = _DEONTIC.match(tokens, k, accented)
        if not n:
            continue
        if k and any(_NOT_BEFORE_MODAL.match(tokens, j, accented) == k - j for j in range(max(0, k - 2), k)):
            return None  # the first obligation word is negated, past or nominal: no order here
        if any(_REPORTED.match(tokens, j, accented) for j in range(k)):
            return None
        at = k + n
        at += L.ADVERBS.match(tokens, at, accented)
        at += _PASSIVE.match(tokens, at, accented)
        at += L.ADVERBS.match(tokens, at, accented)
        if not (L.VERBS.match(tokens, at, accented) or L.ASSIGN_VERBS.match(tokens, at, accented)):
            return None
        if any(_OUTCOME.match(tokens, j, accented) for j in range(at, len(tokens))):
            return None
        if _MANNER_ONLY.match(fold(sentence[tokens[k].start :])):
            return None
        return tokens[k].start
    return None


# ------------------------------------------------------------------------------------------ 4. advice
# An item opening with "Khuyến cáo / Khuyến nghị" (to advise) is an order in that verb's mood as "Kêu gọi …",
# "Vận động …" are (those are on the verb list): "Khuyến cáo bà con chăn nuôi gia cố, dùng bạt che chắn chuồng
# trại …" (CI01), "Khuyến cáo các hộ gia đình có nguy cơ thiếu nước … tăng cường …" (M037-04), "Khuyến cáo nông
# dân cần chủ động áp dụng …" (L078-02), after a label: "Những khu vực chuẩn bị xuống giống …: Khuyến cáo vệ sinh
# tốt đồng ruộng …" (L079-01). Who advises leads by the public-advice convention (lead_conventions); here only
# the item is kept. Not the noun: "Khuyến cáo của Bộ Y tế là …", "Khuyến cáo này …".
_ADVISE = PhraseSet(["khuyến cáo", "khuyến nghị"])
_ADVICE_NOUN = PhraseSet(["của", "này", "trên", "là", "nêu trên", "sau", "được"])
_LABEL = re.compile(r"^[^:.;]{2,120}?:\s+")


def advises(text: str) -> bool:
    """The item opens (maybe after a label and its colon) with "Khuyến cáo / Khuyến nghị" + whom or what."""
    for start in (0, label.end() if (label := _LABEL.match(text)) else None):
        if start is None:
            continue
        body = text[start:].lstrip()
        accented = has_diacritics(body)
        tokens = tokenize(body, accented)
        n = _ADVISE.match(tokens, 0, accented)
        if n and n < len(tokens) and tokens[n].text[:1].isalpha() and not _ADVICE_NOUN.match(tokens, n, accented):
            return True
    return False


# ------------------------------------------------------------------------------------------ 5. lead-ins
# A lead-in that asks someone to carry out a named work, its details listed under it: "Phòng Giáo dục … đề nghị
# Hiệu trưởng các trường Tiểu học thực hiện tổ chức cuộc thi vẽ tranh … như sau:" over "1. Thời gian dự thi: …",
# "2. Đối tượng dự thi: …", "3. Thể lệ …" (CJ01); "… đề nghị các cơ quan, đơn vị … treo cờ Tổ quốc, cụ thể như
# sau:" over the two periods (CG20); "Đối với mỗi chi đoàn phải có các loại sổ sau:" over the books (CJ12). When
# no task is found under it, the lead-in is the task (the splitter emits it as the heading closes). A lead-in
# that only points to the items ("… thực hiện tốt các nội dung sau:", "… thực hiện một số nhiệm vụ sau:") names
# no work of its own: its items are the tasks, and with none found nothing is proposed.
_POINTS_ONLY = re.compile(
    r"\b(?:thuc hien|trien khai|quan triet|luu y|chu y)(?:\s+(?:tot|nghiem|nghiem tuc|khan truong|ngay))*"
    r"(?:\s+(?:cac|mot so|nhung|day du cac))?\s+(?:noi dung|nhiem vu|cong viec|viec|yeu cau|van de|bien phap|"
    r"quy dinh|giai phap)\b[^:]{0,40}:\s*$"
)


def names_work(lead_in: str) -> bool:
    """The lead-in (ending with a colon) names the work it asks for, not only "the following points"."""
    return _POINTS_ONLY.search(fold(lead_in)) is None
