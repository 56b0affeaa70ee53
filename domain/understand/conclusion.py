"""Splitting a pasted meeting conclusion (or a whole meeting report) into directives.

What a conclusion looks like (see tests/data/seeds/): a title, a narrative opening ("Chiều ngày
12/02/2020, tại phòng họp A3, ... tổ chức hội nghị ..."), attendance ("Dự và chủ trì hội nghị
có ..."), reports and praise, then the directives: numbered or bulleted points ("1.", "2)", "a)",
"-", "*", "•", "+"), headings whose context carries to the lines under them ("3. Về quản lý máy tính
bảng:", "Giao Văn phòng thực hiện các nội dung sau:"), or several directives in one paragraph.

The pass keeps a stack of open headings (list markers are ranked in the order they first appear,
as in Markdown), splits each line into sentences, and keeps the sentences that direct someone:
an assigning verb ("Giao X", "Đề nghị X"), an order opening with its verb ("Tăng cường ...",
"Khẩn trương ..."), or a subject with a present-tense task ("Công an phường tăng cường ...").
Reports ("đã ..."), attendance, praise, preambles ("Thực hiện Kế hoạch số ...") and page furniture
are skipped. A closing "Hoàn thành trong tháng 4/2018." joins the directive before it and dates the
section's other directives.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from domain.types import AssigneeRef, Assignees, DeadlineKind, KnownUnit, ParsedConclusion, ParsedDirective
from domain.understand import assignee_lexicon as L
from domain.understand.assignees import AssigneeReading, read_assignees
from domain.understand.conclusion_carry import carried
from domain.understand.conclusion_doer import fronted_day_task, without_the_issuers_lines
from domain.understand.conclusion_duty15 import dated_duty_lines
from domain.understand.conclusion_later_day import carried_back
from domain.understand.conclusion_letter_period import letter_period
from domain.understand.conclusion_notes import (
    adverb_comma,
    appeal,
    basis_only,
    consequence,
    names_what_to_know,
    noted_content,
    speech_decides,
    status_as_of,
    stays_off,
    title_above_the_list,
)
from domain.understand.conclusion_round13 import advises, listed_item_subject, names_work, obligation, split_glued
from domain.understand.conclusion_round14 import may_have_time_line, timed_by_the_notice_line, without_then
from domain.understand.conclusion_round15 import (
    may_be_addressed,
    without_the_address_block,
    without_the_issuers_fronted_step,
)
from domain.understand.conclusion_round16 import may_state_the_event_time, timed_by_the_event_time
from domain.understand.conclusion_timelines import timed_by_group_lines
from domain.understand.conclusion_title import continued_title, title_lines
from domain.understand.deadline_round9 import carried_to_items
from domain.understand.deadlines import fold_coded, parse_deadline
from domain.understand.directive import parse_directive
from domain.understand.lead_public_campaign import in_notice as public_in_notice
from domain.understand.regex_gates import MarkSearch, match_gate
from domain.understand.textnorm import fold, nfc
from domain.understand.vntokens import PhraseSet, Token, has_diacritics, tokenize

Fold = Callable[[str], str]


class _FoldedWords(dict[str, str]):
    """word -> textnorm.fold(word), filled as words are met (bounded: a stream of odd tokens must
    not grow it for ever). Words, not texts: what it remembers holds for any text."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 50_000:
            self.clear()
        folded = self[word] = fold(word)
        return folded


_FOLDED_WORDS = _FoldedWords()


def _fold(text: str) -> str:
    """textnorm.fold(text), one space-separated word at a time with the words remembered (the
    splitter folds every line and sentence it reads). The same string: NFC, str.translate and
    str.lower all work character by character, and the one context-dependent case rule of
    str.lower (a final sigma) never looks across a space. A text written in the deadline parser's
    one-byte code (Vietnamese letters, ASCII, the usual marks: nearly every text) is folded through
    it in C instead."""
    folded = fold_coded(text)
    if folded is not None:
        return folded
    return " ".join(map(_FOLDED_WORDS.__getitem__, nfc(text).split(" ")))


class _Folds(dict[str, str]):
    """The folds of one split_conclusion call: a line, its content and its sentence are often the
    same text, folded once. Lives as long as the call (nothing is kept between texts)."""

    def __missing__(self, text: str) -> str:
        folded = self[text] = _fold(text)
        return folded

# ------------------------------------------------------------------------------------------ dates
_DATE = r"(\d{1,2})\s*(?:[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|\s+thang\s+(\d{1,2}),?\s+nam\s+(\d{4}))"
# Patterns on folded text (same length as the original), most telling first.
_MEETING_DATES = (
    # "Chiều ngày 12 tháng 02 năm 2020, tại phòng họp ...", "Ngày 12/4/2018, tại ..."
    re.compile(r"(?:^|[\n.;:]\s*)(?:vao\s+)?(?:(?:sang|chieu|toi|trua)\s+)?ngay\s+" + _DATE + r"\s*,"),
    # "tại cuộc họp ngày 12/4/2018", "hội nghị giao ban ngày 04/12/2020" (not "kỳ họp ..., dự kiến
    # tổ chức vào ngày ...": no comma in between)
    re.compile(r"\b(?:cuoc hop|hoi nghi|buoi lam viec|buoi hop|phien hop|giao ban)\b[^.,;\n]{0,30}?\bngay\s+"
               + _DATE),
)
# "Long Biên, ngày 13 tháng 4 năm 2018" (the letter's date), "Ngày đăng 13/04/2018" (the post's).
_DOCUMENT_DATES = (
    re.compile(r"(?:^|\n)[^\n,.]{2,40},\s*ngay\s+" + _DATE),
    re.compile(r"ngay dang:?\s*" + _DATE),
)


_ANY_DIGIT = re.compile(r"\d")  # a count of results needs a number (_states_a_count)
# What each pattern cannot match without (cheap tests that skip a whole-text pass): "ngày 12", a
# meeting word, ", ngày 13", "ngày đăng".
_DAY_WORD = re.compile(r"ngay\s+\d")
_PLACE_DAY = re.compile(r",\s*ngay\s+\d")
_DATE_GATES: tuple[Callable[[str], object], ...] = (
    _DAY_WORD.search,
    lambda f: _DAY_WORD.search(f) and ("hop" in f or "hoi nghi" in f or "lam viec" in f or "giao ban" in f),
    _PLACE_DAY.search,
    lambda f: "ngay dang" in f,
)


def find_meeting_date(text: str, fold: Fold = _fold, title: str | None = None) -> date | None:
    """The meeting's date as the report states it; else the date in its title line; else the letter's
    or the post's date."""
    # Every pattern holds the word "ngày" and a day number. The fold is made anyway (the splitter
    # reads the same text folded), and a substring test is cheaper than a search for a digit (the
    # gates below look for "ngày" followed by one).
    folded = fold(text)
    if "ngay" not in folded:
        return None
    patterns = (*_MEETING_DATES, *_DOCUMENT_DATES)
    for k, (pattern, gate) in enumerate(zip(patterns, _DATE_GATES, strict=True)):
        if k == len(_MEETING_DATES) and title and (found := _first_date(_TITLE_DATE, fold(title))):
            # A title names the meeting ("KẾT LUẬN / Cuộc họp giao ban Ban Chỉ đạo cải cách hành chính ngày
            # 01/12/2026", "Hội nghị Ban Chấp hành Đảng bộ phường lần thứ 12 ngày …"): its day is the
            # meeting's, however long the name between the meeting word and "ngày" (the pattern above
            # allows 30 characters, for body text, where a longer reach met deadlines).
            return found
        if gate(folded) and (found := _first_date(pattern, folded)):
            return found
    return None


# In the title, after a meeting word; not a deadline's day ("… trước ngày 20/9", "hạn đến ngày …": a
# sentence read as the title when the text has no heading).
_TITLE_DATE = re.compile(r"\b(?:cuoc hop|hoi nghi|buoi lam viec|buoi hop|phien hop|giao ban|ky hop)\b[^\n]*?"
                         r"(?<!truoc )(?<!den )(?<!han )(?<!tu )(?<!sau )(?<!nhat )(?<!trong )\bngay\s+" + _DATE)


def _first_date(pattern: re.Pattern[str], folded: str) -> date | None:
    for m in pattern.finditer(folded):
        day = int(m.group(1))
        month, year = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        try:
            return date(int(year), int(month), day)
        except ValueError:
            continue
    return None


# ------------------------------------------------------------------------------------------ title
_TITLE_WORDS = re.compile(
    r"\b(giao ban|hop|hoi nghi|ket luan|thong bao|lam viec|tiep doan|buoi|phien|so ket|tong ket|chi dao)\b"
)
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_HEADER_LINE = re.compile(r"^(ngay dang|luot xem|so:|cong hoa|doc lap|[-_=]{3,})")


def find_title(lines: Sequence[str], fold: Fold = _fold, head: Collection[int] = ()) -> str | None:
    """The report's title: an early line naming the meeting ("Giao ban Ban chỉ đạo công nghệ thông
    tin quận", "Kết luận của Chủ tịch UBND phường tại cuộc họp ...").

    `head`: the indices of the letter's head lines (_document_head). They count in the window of first
    lines but are never the title: an issuer such as "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" holds a title word
    ("chỉ đạo") and, six words long, passed for the meeting's name (found by qa7 on a signed notice)."""
    for k, line in [(k, ln) for k, ln in enumerate(lines) if ln.strip()][:8]:
        if k in head:
            continue
        stripped = line.strip()
        # (every test below only skips the line: the cheap and the selective ones first; 41 parts say
        # "more than 40 words" as well as all of them, in fewer strings)
        words = stripped.split(None, 40)
        if not 4 <= len(words) <= 40 or stripped.endswith(":"):
            continue
        folded = fold(stripped)
        if _TITLE_WORDS.search(folded) is None:
            continue
        if _HEADER_LINE.match(folded) or _MARKER.match(stripped) or _MEETING_DATES[0].match(folded):
            continue
        if stripped.isupper() and len(words) <= 5:
            continue  # letterhead: "ỦY BAN NHÂN DÂN", "PHƯỜNG SÀI ĐỒNG", "THÔNG BÁO"
        if _DOCUMENT_DATES[0].match(folded):
            continue
        if not _SENTENCE_INSIDE.search(stripped):
            # (qafix13) a title in two paragraphs ("… tại cuộc họp" / "Ban Chỉ đạo … tháng 12 năm 2026") is read whole
            return continued_title(lines, k, stripped.rstrip("."), fold, _MARKER.match, head)
    return None


# ------------------------------------------------------------------------------------------ lines
# (concl4) "1/ Các trường thông báo …", "2/ Trường tổ chức …" (CI03, three points; CX04 "1/ Thực hiện các cuộc
# vận động …:"): a slash after the number marks a point as "1." does; a date opening a line has no space there.
_MARKER = re.compile(
    r"^\s*(?P<m>[IVXL]{1,5}[.)](?=\s)|\d{1,2}(?:\.\d{1,2})*[.)](?=\s|[^\d\s])|\d{1,2}/(?=\s)|[a-zđ][.)](?=\s)"
    r"|\(\d{1,2}\)|\([a-zđ]\)|[-–—+*•·●○▪■►✓](?=\s))\s*"
)
# The signature block: "Nơi nhận:", "TM. UBND", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH", and the
# digital signature's stamp ("Người ký: ...").
_END_OF_BODY = re.compile(r"^\s*(noi nhan|tm\.|kt\.|tl\.|tuq\.|t/m|k/t|nguoi ky\s*:)")
# Page furniture, news pages' included: the national title and motto of every official letter ("CỘNG HÒA
# XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc": CG15, CX05), the posting or update line
# ("Cập nhật lúc: 02/12/2024 08:30", "Thứ Hai, 02/12/2024 - 08:30", "02/12/2024 | 08:30"), the byline
# ("Tác giả: ...", "Người viết: ...").
_FURNITURE = re.compile(
    r"^(cong hoa xa hoi chu nghia|doc lap\s*[-–]\s*tu do|"
    r"ngay dang|dang ngay|luot xem|tong so luot|so luot|lien ket website|thong ke truy cap|nguon\s*:|tin,? anh|"
    r"anh\s*:|in bai|chia se|ban in|tin lien quan|cac tin khac|xem them|cap nhat(?: luc| ngay)?\s*:|"
    r"(?:tac gia|nguoi viet|bai va anh|bai,? anh|phong vien|ctv)\s*:|"
    r"(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat),?\s*(?:ngay\s+)?\d|"
    r"\(?\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\)?(?:\s*[|,\-–]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:am|pm))?(?:\s*\(?gmt[^)]*\)?)?)?\W*$)"
)


_ROMAN_MARKER = re.compile(r"[IVXL]{1,5}[.)]")


def _marker_type(marker: str) -> str:
    if _ROMAN_MARKER.fullmatch(marker):
        return "roman"
    if marker[0].isdigit():
        return f"num{marker.count('.') if marker.endswith('.') else marker.count('.') + 1}{marker[-1]}"
    if marker.startswith("("):
        return "paren-num" if marker[1].isdigit() else "paren-alpha"
    if marker[0].isalpha():
        return "alpha"
    return {"–": "-", "—": "-"}.get(marker[0], marker[0]) if marker[0] in "-–—+" else "bullet"


# ------------------------------------------------------------------------------------------ sentences
_ABBREVIATIONS = {"tp", "q", "p", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "st", "v.v", "ks", "ls", "ng"}
# The end mark, then the quotes and spaces between sentences: the boundary starts after the mark.
# (Matching the mark rather than looking behind for it lets the regex engine skip to the marks.)
_BOUNDARY = re.compile(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]?[^\W\d_a-zđ])")


# An end mark with room after it for the rest of a boundary (what _BOUNDARY needs, read from it: a mark
# added to the pattern is looked for too): most lines are one sentence whose only mark ends it, and a
# few bounded finds in C cost less than the regex's walk over the line.
_may_have_boundary = MarkSearch(_BOUNDARY).possible


def split_sentences(text: str) -> list[str]:
    """Sentences of one line: at ". " before a capital, not after "TP." or "Q."."""
    if not _may_have_boundary(text):
        return split_glued(whole) if (whole := text.strip()) else []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + 1
        before = text[start:cut].rstrip(".!?…\"”’)")
        last_word = _fold(before.split()[-1]) if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        out.append(text[start:cut].strip())
        start = m.end()
    out.append(text[start:].strip())
    # (concl13, conclusion_round13.py: "… chốt gác.Đối với …", an end mark glued to the next sentence)
    return [g for s in out if s for g in split_glued(s)]


# ------------------------------------------------------------------------------------------ classifying
_ATTENDANCE = re.compile(
    r"^(du va chu tri|chu tri (hoi nghi|cuoc hop|buoi|phien)|du (hoi nghi|cuoc hop|hop|buoi)|tham du|den du|"
    r"cung du|thanh phan|co mat|"
    # the delegates at the meeting, what they did there: "Đại biểu tham gia hội nghị nêu ý kiến, kiến nghị của
    # mình." (CX08, a caption), "Các đại biểu thảo luận tại hội nghị", "Các đại biểu tham dự hội nghị."
    r"(cac )?dai bieu (du|tham du|tham gia hoi nghi|thao luan|phat bieu|neu y kien)|"
    # labels of the minutes: "Chủ trì: đồng chí ...", "Thư ký: ...", "Dự họp: ...", "Chủ tọa: ..."
    r"(chu tri|chu toa|thu ky|du hop|du|khach moi|vang mat)\s*:)"
)
_DATE_OPENING = re.compile(r"^(vao\s+)?((sang|chieu|toi|trua)\s+)?(ngay\s+)?\d{1,2}\s*([/.\-]\d|thang\b)")
_PREAMBLE = re.compile(
    # (concl4: "Căn cứ vào tinh thần chỉ đạo của UBND huyện … tại công văn số …" CI03, "Căn cứ vào kế hoạch nhiệm
    # vụ năm học …" CX04)
    r"^(thuc hien|can cu|theo|thua uy quyen|trien khai)\s+(?:vao\s+)?(?:tinh than\s+)?"
    r"(su chi dao|chi dao|chuong trinh|ke hoach|"
    r"thong bao|cong van|cong dien|quyet dinh|nghi quyet|chi thi|van ban|y kien|noi dung|ket luan|lich|de an|huong dan)"
)
_INLINE_HEADING = re.compile(
    r"^(?P<head>(?:ve phia|ve|doi voi|rieng|ket luan|noi dung|nhiem vu|linh vuc)\b[^:]{0,200}?:)\s*(?=\S)"
)
_TOPIC_HEADING = re.compile(
    r"^(ve phia|ve|doi voi|rieng|phan|muc|nhom|linh vuc"
    r"|(?:cac |mot so )?(?:nhiem vu|cong viec)(?= trong tam| thang| quy))\b"
)
# A closing time line: "Hoàn thành trong tháng 4/2018.", "Thời gian: ...", and its other forms:
# "Thời hạn hoàn thành: ngày 20/12/2024.", "Hạn báo cáo: 20/12", "(Hoàn thành trước ngày 20/12/2024)",
# what it closes named back ("Các nội dung trên hoàn thành trước ...", "Tất cả hoàn thành ...") or asked
# for ("Yêu cầu hoàn thành trước ngày ...").
_CLOSER = re.compile(
    r"^\(?\s*(?:(?:cac|nhung|toan bo) (?:noi dung|nhiem vu|viec|cong viec)(?: tren| neu tren| nay)?\s+"
    r"|tat ca(?: cac noi dung(?: tren)?)?\s+|yeu cau\s+|de nghi\s+)?"
    r"(hoan thanh|(?:thoi gian|thoi han|han chot|han)(?: hoan thanh| thuc hien| bao cao| nop| gui)?"
    r"(?: (?:cac|nhung|toan bo) (?:noi dung|nhiem vu|viec|cong viec)(?: tren| neu tren| nay)?)?|xong|"
    r"bao cao ket qua|tien do)\b"
)
_PAST = PhraseSet(["đã", "vừa", "đã được", "vừa được", "đã có", "vừa có", "cũng đã"])
_OPENING_SKIPS = PhraseSet(
    ["đồng thời", "tiếp tục", "khẩn trương", "thường xuyên", "chủ động", "kịp thời", "cần", "phải",
     "nghiêm túc", "sớm", "định kỳ", "hàng tháng", "hằng tháng", "hàng tuần", "hằng tuần", "hàng quý",
     "hằng quý", "hàng năm", "hằng năm", "trước mắt", "trong thời gian tới", "ngay", "tập trung",
     "quyết liệt", "tích cực", "trực tiếp",
     # concl6, "tiến hành" + an action is that action: "– Tiến hành thu đoàn phí năm 2018, …" (CJ11 ×3, items
     # under "Đối với X." headings), as mid-sentence in "…, tiến hành kiểm tra" / "tiến hành rà soát" /
     # "tiến hành cày ải" (v4 dev sets). Skipped only before a verb (_opening_verb), so "Tiến hành thảo
     # luận …" still stops at the meeting's talk and "Tiến hành hội nghị …" at "tiến hành" (narrative).
     "tiến hành"]
)
_ADJUNCT = PhraseSet(["trên cơ sở", "căn cứ", "theo", "để", "nhằm", "sau khi", "trong quá trình"])
# Openings that state or approve rather than direct: "Đánh giá cao ...", "Đồng ý chủ trương ...",
# and the meeting's decisions: "Thống nhất thời gian tổ chức hội nghị ...", "Chấp thuận đề xuất ...",
# "Cho chủ trương ..." (a decision names nobody to act; "Thống nhất giao X ..." is read as assigned).
_NOT_ORDERS = L.NARRATIVE_VERBS + PhraseSet(["thông qua", "kết luận", "báo cáo tóm tắt", "tổng hợp ý kiến"])
# Decisions are the chair's; under a heading that hands the items to someone ("Giao Phòng Nội vụ thực
# hiện: - Thống nhất danh sách khen thưởng với các xã") the same verbs are that unit's work.
_DECISIONS = PhraseSet(["thống nhất", "chấp thuận", "cho chủ trương", "phê duyệt", "biểu quyết"])
# After a stated decision, the order that follows it: "Thống nhất dự thảo kế hoạch, đồng chí chỉ đạo ...".
_LATER_ORDER = re.compile(r",[^.;]{0,100}\b(chi dao|yeu cau|de nghi|giao)\b")
# Discourse openers before a subject: "Đặc biệt các xã tiếp tục phối hợp ...", "Ngoài ra, Công an phường
# ...": the sentence is read as if it began with its subject.
_DISCOURSE = re.compile(r"^(dac biet|ngoai ra|ben canh do|dong thoi|mat khac|theo do|cu the|nhat la)\s*,?\s+")
# News reports open the speech with where it was given: "Phát biểu chỉ đạo tại buổi làm việc, ông H., Chủ
# tịch UBND TP đề nghị Chủ tịch UBND phường 11, 12 thành lập ..." (CE01), "Phát biểu kết luận tại cuộc
# họp, đồng chí Phó Chủ tịch UBND tỉnh đề nghị Sở TN&MT ..." (X063-01), "Phát biểu bế mạc kỳ họp, ..."
# (A004-01), "Phát biểu tại buổi làm việc, đ/c ..." (A016-01), "Phát biểu kết luận cuộc họp, Ông P.,
# Phó Chủ tịch UBND huyện giao cho ..." (A053-01), "Phát biểu chỉ đạo tại Hội nghị, ..." (E078-01). The
# speech, read from its speaker on, is the item: "phát biểu" opening the sentence read it as a report,
# and the speaker after the comma as the one asked to act.
_SPEECH_OPENER = re.compile(
    r"^(?:phat bieu|ket luan)(?:\s+(?:chi dao|ket luan|be mac|khai mac|tong ket|tai|o))*\b[^,;.:]{0,80},\s+(?=\S)"
)
# A speaker, a colon, then the speech: "Tại thông báo, lãnh đạo TP chỉ đạo: Sau khi nhiệm vụ quy hoạch
# được duyệt, Sở QH-KT ... trước ngày 30-4-2014." (CE09), "..., nhà trường đề nghị: Từ ngày mai ..."
# (CE05). Read from the colon on when that names who acts (the speaker is no lead: see
# _SPEAKER_VERB_LAST).
_SPEAKER_COLON = re.compile(
    r"^[^:;]{3,160}?\b(?:chi dao|ket luan|yeu cau|de nghi|nhan manh|co y kien|y kien chi dao)(?:\s+(?:nhu sau|cu the))?"
    r"\s*:\s+(?=\S)"
)
# A condition and who answers for it, no task: "Nếu không đảm bảo tiến độ ..., thủ trưởng các cơ quan
# phải chịu trách nhiệm trước UBND tỉnh.", "Trường hợp để xảy ra sai phạm, ... chịu trách nhiệm ...".
_SANCTION = re.compile(r"^(neu|truong hop|moi truong hop)\b[^.]{0,200}\bchiu trach nhiem\b")
# Closing formulas: "Trên đây là kết luận của ..., đề nghị các bộ phận liên quan biết, thực hiện./.",
# "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện.", "Thông báo để
# các đơn vị biết và phối hợp thực hiện". They pass the text on; they are no task.
_CLOSING_NOTICE = re.compile(r"\bthong bao (?:de|cho|den|de nghi)\b.{0,200}\bbiet\b")
_CLOSING_AT_START = re.compile(
    r"^tren day la\b"
    r"|^(?:de nghi|yeu cau|kinh de nghi)\b.{0,150}?\bbiet\s*(?:,|va|de)?\s*(?:phoi hop\s+)?"
    r"(?:trien khai\s+|to chuc\s+)?(?:thuc hien|thi hanh|trien khai)(?:\s+(?:theo quy dinh|nghiem tuc))?\W*$"
    # "Yêu cầu các chi bộ, các đồng chí đảng ủy viên nghiêm túc triển khai thực hiện.": no work named
    r"|^(?:yeu cau|de nghi)\b[^.:]{0,150}?\b(?:nghiem tuc|khan truong|trien khai)\s+(?:trien khai\s+|to chuc\s+)?"
    r"thuc hien(?:\s+(?:tot|nghiem tuc|ket luan nay|thong bao nay|cac noi dung tren|noi dung tren))?\W*$"
    # concl6, the notice itself as the object of spreading and carrying it out: "… yêu cầu các Liên chi Đoàn và
    # Đoàn trực thuộc nghiêm túc triển khai thông báo này./." (CJ10), "UBND tỉnh yêu cầu các sở, … phổ biến,
    # kiểm tra, đôn đốc thực hiện nghiêm thông báo này." (CJ05, labelled a formula: guide Q7). Named work
    # ("… kiểm tra việc treo cờ", "… thực hiện Kế hoạch số 05") is no pointer back and stays.
    r"|^(?:yeu cau|de nghi)\b[^.:]{0,150}?\s(?:(?:nghiem tuc|khan truong|trien khai|to chuc|thuc hien|"
    r"quan triet|pho bien|kiem tra|don doc|nghiem|thi hanh)[\s,]+)+(?:va\s+)?"
    # (conclq, session 12: the notice's contents pointed back to, "… tổ chức thực hiện nghiêm các nội dung tại
    # Thông báo này./." (CQ01), the same formula as CJ05's and CJ10's)
    r"(?:(?:cac\s+|toan bo\s+)?noi dung\s+(?:tai|cua|trong)\s+)?"
    r"(?:thong bao|ket luan|van ban)\s+nay\W*$"
)


# The same with who says it first: "Hiệu trưởng nhà trường đề nghị tất cả cán bộ, giáo viên, học sinh toàn
# trường nghiêm túc thực hiện Thông báo này./." (CG15), "UBND phường Cự Khối thông báo đề nghị các ngành
# đoàn thể, … và toàn thể nhân dân trong phường biết và hưởng ứng" (CG14): the words before "đề nghị" /
# "yêu cầu" name the speaker; what follows is still only the formula.
_SPEAKER_FIRST = re.compile(r"^[^,.;:]{2,60}?\s(?:thong bao\s+)?(?=(?:de nghi|yeu cau)\b)")


# _CLOSING_AT_START.match, tried only on a sentence that opens as one of its alternatives does and holds
# the words that alternative requires ("biết", "thực hiện"): the two that open with a request scan up to
# 150 characters lazily, on every "Đề nghị ..." the splitter reads. Read from the pattern
# (domain/understand/regex_gates.py): an alternative added to it needs no change here.
_closing_may_match = match_gate(_CLOSING_AT_START)


def _closing_at_start(folded: str) -> bool:
    return _closing_may_match(folded) and _CLOSING_AT_START.match(folded) is not None


# concl6, the notice passed on "to X to carry out", without "biết": "Nhà trường thông báo đến toàn thể sinh viên
# thực hiện./" (CJ09), "Ban Giám hiệu yêu cầu Thủ trưởng các đơn vị thông báo tới toàn thể CBVC, sinh viên để tổ
# chức thực hiện." (CJ08). Nothing is notified but the notice (no object between "thông báo" and "đến"); a
# named thing to pass on is work: "thông báo lịch tiếp dân đến các hộ để thực hiện", "thông báo tới các hộ về
# việc …" (the guard below).
_NOTICE_TO_CARRY_OUT = re.compile(
    r"\bthong bao (?:den|toi|cho)\s(?:(?!lich\b|ke hoach\b|viec\b|ve\b|thoi gian\b)[^.;:])"
    r"{0,150}?\s(?:de\s+)?(?:(?:to chuc|trien khai|phoi hop)\s+)?(?:thuc hien|trien khai)"
    r"(?:\s+(?:nghiem tuc|theo quy dinh))?\W*$"
)
# concl6, a reason said first, then the formula: "Đây là một trong những cơ sở để đánh giá, phân loại công tác
# Chi đoàn …, đề nghị BCH các Chi đoàn triển khai thực hiện nghiêm túc." (CJ11). Only a reason or purpose
# opening ("Đây là", "Đó là", "Điều này", "Để", "Nhằm"): a task before the comma would name its doer and work.
_REASON_FIRST = re.compile(r"^(?:day la|do la|dieu nay|de|nham)\b[^.;]{0,200}?,\s*(?=(?:de nghi|yeu cau)\b)")


def _closing_formula(folded: str) -> bool:
    """One of the closing formulas above. All but "thông báo để ... biết" open the sentence (or follow
    the speaker who says them)."""
    if _closing_at_start(folded) or (
        "thong bao " in folded
        # (concl8, conclusion_notes.py: "thông báo cho X biết về <the thing>" is work)
        and ((_CLOSING_NOTICE.search(folded) is not None and not names_what_to_know(folded))
             or _NOTICE_TO_CARRY_OUT.search(folded) is not None)
    ):
        return True
    if (reason := _REASON_FIRST.match(folded)) is not None and _closing_at_start(folded[reason.end() :]):
        return True
    if "de nghi" not in folded and "yeu cau" not in folded:
        return False  # (what _SPEAKER_FIRST looks ahead for: a test in C instead of a lazy scan)
    speaker = _SPEAKER_FIRST.match(folded)
    return speaker is not None and _closing_at_start(folded[speaker.end() :])


# The issuer passing the notice on, its subject read by the assignee reader: "Văn phòng Huyện ủy thông
# báo ý kiến kết luận để các chi bộ biết, thực hiện.", "Văn phòng UBND huyện trân trọng thông báo./.",
# "UBND xã xin thông báo đến các ban, ngành biết". The office that writes the notice is no assignee of
# it. What it passes on is the conclusion or nothing: "Văn phòng thông báo lịch tiếp dân để người dân
# biết" is work (and "Giao Văn phòng thông báo ..." is read "assigned").
_NOTICE_PREDICATE = re.compile(
    r"^(?:xin |tran trong |kinh )?thong bao\b(?:\W*$|\s+"
    r"(?:(?:y kien |noi dung )?(?:ket luan|chi dao)\b[^.;]{0,120}?\s)?(?:de|cho|den|toi)\b[^.;]{0,120}?\bbiet\b)"
)
# An order whose only work is to carry out the notice itself: after the leads, nothing but the verbs
# of carrying out ("triển khai", "tổ chức thực hiện", "quán triệt", "thi hành"), their manner
# ("nghiêm túc", "có hiệu quả", "căn cứ chức năng, nhiệm vụ") and a pointer back to the text ("các nội
# dung trên", "kết luận này", "nội dung thông báo này"). "Yêu cầu các đơn vị, địa phương tổ chức thực
# hiện nghiêm túc nội dung thông báo này.", "Đề nghị các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ tổ
# chức thực hiện có hiệu quả các nội dung trên./.". Named work ("... thực hiện Kế hoạch số 05") stays.
_CARRY_OUT_WORD = (
    r"(?:nghiem tuc|nghiem|khan truong|kip thoi|chu dong|tich cuc|day du|dung|tot|co hieu qua|"
    r"hieu qua|va|trien khai|to chuc|thuc hien|quan triet|thi hanh|chap hanh|phoi hop|theo quy dinh|quan tam|"
    r"(?:can cu|theo|tren co so)(?: vao)? chuc nang,? nhiem vu(?: duoc giao)?(?: cua (?:minh|don vi))?)"
)
_THIS_TEXT = (
    r"(?:(?:cac|toan bo|day du cac|nhung)\s+)?(?:noi dung|y kien|ket luan|thong bao|van ban|chi dao|nhiem vu)"
    r"(?:\s+(?:ket luan|chi dao|thong bao|cua thong bao|cua ket luan|tai thong bao|tai ket luan|neu|noi))*"
    r"\s+(?:tren|nay|neu tren|noi tren|nhu tren)"
)
_ONLY_CARRY_OUT = re.compile(
    rf"^[\s,]*(?:{_CARRY_OUT_WORD}[\s,]+)*?(?:thuc hien|trien khai|thi hanh|chap hanh|quan triet)"
    rf"(?:[\s,]+{_CARRY_OUT_WORD})*(?:\s+{_THIS_TEXT})?(?:[\s,]+{_CARRY_OUT_WORD})*\W*$"
)
_ORDER_OPENING = re.compile(r"^(?:yeu cau|de nghi|kinh de nghi|giao)\b")


def _passes_the_notice_on(sentence: str, folded: str, reading: AssigneeReading, fold: Fold = _fold) -> bool:
    """The two closing forms above that need the assignee reading (the issuer, or the leads' end)."""
    if reading.how == "subject":
        return _NOTICE_PREDICATE.match(fold(reading.predicate)) is not None and not _MAKES_KNOWN.search(folded)
    if reading.how != "assigned" or not _ORDER_OPENING.match(folded) or not reading.assignees.lead:
        return False
    end = reading.assignees.lead[-1].span
    if end is None:
        return False
    return _ONLY_CARRY_OUT.match(fold(sentence[end[1] :])) is not None


# "tuyên truyền để người dân biết, thực hiện": making others know is the work itself, no closing formula.
_MAKES_KNOWN = re.compile(r"\b(tuyen truyen|pho bien|thong tin cho|huong dan|van dong|niem yet|quan triet)\b")
# concl6, where to ask and what is attached, no task: "Thông tin chi tiết về cuộc thi, liên hệ: TS …, điện thoại:
# 0915…" (CJ01), "Mọi chi tiết xin liên hệ với Đ/C … ĐTDĐ: 0938…" (CJ11); a label whose content is only a pointer
# to an attachment: "Cách thức gửi bài dự thi: (phụ lục 3 đính kèm)." (CJ01). Only these openings: "Đề nghị các
# đơn vị liên hệ với Phòng Y tế (ĐT: …) để nhận vật tư" asks for work and stays.
_CONTACT_LINE = re.compile(
    r"^\W*(?:moi |de biet them |thong tin |chi tiet |moi thac mac |moi chi tiet |can them thong tin )[^.;]{0,120}?"
    r"\blien he\b"
)
_ATTACHMENT_LABEL = re.compile(
    r"^[^:.;]{3,80}:\s*\(\s*(?:xem\s+)?(?:phu luc|mau|bieu mau|file|tai lieu|the le)[^()]{0,40}"
    r"(?:dinh kem|kem theo|gui kem)\s*\)\W*$"
)
# concl6, the schedule of a break, no task: a make-up working day that swaps days off, "- Đi làm ngày thứ bảy và chủ
# nhật ngày 29 và 30 tháng 01 năm 2011 (…) để nghỉ ngày thứ hai 31 tháng 01 …" (CJ08; said inside the
# entitlement in CJ02 "đi làm bù vào thứ Bảy, ngày 4/5/2019" and CJ04 "thứ bảy, ngày 6-9 đi làm bù để nghỉ hoán
# đổi …"), and the days that follow the break, "Tiếp theo 02 ngày nghỉ lễ là 02 ngày nghỉ cuối tuần: …; vì vậy,
# đợt nghỉ lễ này sẽ kéo dài 04 ngày …" (CJ06). Nobody is given work; an order to arrange the days ("Thủ trưởng
# các đơn vị bố trí nghỉ bù …") opens with its doer and is read as before.
_DAYS_OFF_SCHEDULE = re.compile(
    r"^\W*(?:di lam|lam viec)(?: bu)?\s+(?:vao\s+)?(?:cac\s+)?(?:ngay|thu|chu nhat)\b[^.;]{0,200}?\bde nghi\b"
    r"|^\W*(?:tiep theo|ke tiep|tiep sau)\b[^.;:]{0,60}?\bngay nghi\b[^.;:]{0,40}?\sla\s"
)
_THIS_NOTICE_END = re.compile(r"\b(?:thong bao|ket luan|van ban)\s+nay\W*$")
# A principle standing alone, naming nobody and no work: "Đảm bảo đúng Luật Đấu thầu và các quy định
# hiện hành.", "Phải tuân thủ đúng quy trình, quy định." (a task names its work: "Rà soát ..., đảm bảo
# đúng quy định" opens with "Rà soát").
# The same with the qualities it keeps to listed first: "Đảm bảo công khai, minh bạch, đúng quy định
# của pháp luật.", "Bảo đảm khách quan, đúng trình tự, thủ tục." (short qualities, then the rules, then
# the end of the sentence: "Đảm bảo tiến độ thi công ..." names work and stays).
_PRINCIPLE = re.compile(
    r"^(?:(?:moi|cac|viec)\b[^,.;]{0,60}?\s)?(?:phai\s+|can\s+)?(?:dam bao|bao dam|tuan thu|chap hanh)\s+"
    r"(?:(?:\w+(?:\s\w+){0,2}),\s*){0,4}(?:va\s+)?"
    r"(?:dung|theo|nghiem|chat che)\s+(?:cac\s+)?(?:quy dinh|luat|phap luat|nghi dinh|thong tu|quy trinh|quy che|"
    r"trinh tu|thu tuc|nguyen tac|huong dan)\b"
)
_PRINCIPLE_END = re.compile(r"[^.;:]{0,80}\W*$")


def _principle(folded: str) -> bool:
    m = _PRINCIPLE.match(folded)
    if m is None:
        return False
    qualities = folded[: m.end()].count(",")
    return qualities == 0 or _PRINCIPLE_END.fullmatch(folded, m.end()) is not None


# Decisions with the deciding body as subject, and praise: "Thường trực UBND xã thống nhất chủ trương
# sửa chữa trụ sở.", "UBND xã đồng ý cho Trường Tiểu học ...", "Ban Thường vụ nhất trí thông qua ...",
# "Biểu dương tinh thần trách nhiệm của lực lượng Công an xã." They record what was agreed or praised;
# an order after them ("Thống nhất ..., Phó Chủ tịch chỉ đạo ...") or inside ("Thống nhất giao Phòng Kinh
# tế chủ trì ...") is kept by the checks below, and under a heading that hands the items to a unit the
# same verbs are that unit's work.
_DECISION_WORDS = (
    r"(?:ve co ban |co ban )?(?:thong nhat|dong y|nhat tri|chap thuan|cho chu truong|phe duyet|bieu quyet)\b"
)
_SUBJECT_DECIDES = re.compile(r"^(?:da |cung )?" + _DECISION_WORDS)
_NAMED_BODY_DECIDES = re.compile(r"^(?P<who>[^,.;:]{2,60}?)\s" + _DECISION_WORDS)
_ORDER_WORD = re.compile(r"\b(?:giao|yeu cau|de nghi|chi dao|phan cong|chu tri)\b")
_WORK_AFTER = re.compile(r"[,;]\s*(?:de\s+)?(?:trinh|bao cao|tham muu|de xuat|hoan thanh|thuc hien|trien khai)\b")


def _decided(sentence: str, folded: str, reading: AssigneeReading, fold: Fold = _fold) -> bool:
    if reading.how == "subject":
        # "Phòng Tài chính thống nhất với các xã phương án ..., trình UBND huyện" agrees on its way to work
        predicate = fold(reading.predicate)
        decided = _SUBJECT_DECIDES.match(predicate) is not None and _WORK_AFTER.search(predicate) is None
    elif reading.how == "":
        # the reader found no subject ("Thường trực" is also a verb: to stand by): a body named with
        # capitals or an abbreviation ("Thường trực UBND xã", "Ban Thường vụ Đảng ủy") before the verb
        # (the verb in small letters: "Thường trực Hội đồng Y tế ..." is a name)
        m = _NAMED_BODY_DECIDES.match(folded)
        decided = (
            m is not None
            and any(w[:1].isupper() for w in sentence[: m.end("who")].split()[1:])
            and sentence[m.end("who") : m.end()].islower()
            and _ORDER_WORD.search(m["who"]) is None
        )
    elif reading.how == "assigned":
        # praise read as handing work to the unit it praises
        # (the order word first: a search in C that spares the token walks for most assignments)
        if _ORDER_WORD.search(folded) is not None:
            return False
        opens, only_states = _opening_verb(sentence)
        decided = (opens and only_states) or _starts_past(sentence)
    else:
        return False
    return decided and _LATER_ORDER.search(folded) is None


def _orders_after_subject(rest: str, fold: Fold = _fold) -> bool:
    """(concl13) What follows a marked item's subject opens with an order's verb, not a decision or praise."""
    opens, only_states = _opening_verb(rest)
    return opens and not only_states and _SUBJECT_DECIDES.match(fold(rest.strip())) is None


def _opening_verb(text: str, under_lead: bool = False) -> tuple[bool, bool]:
    """(opens with a verb, that verb only states/approves) after adverbs ("Khẩn trương", "Tiếp
    tục") and a leading adjunct ("trên cơ sở đánh giá ..., xem xét ...")."""
    accented = has_diacritics(text)
    tokens = tokenize(text, accented)
    k = 0
    for _ in range(4):
        skip = _OPENING_SKIPS.match(tokens, k, accented)
        after = k + skip
        verb_after = L.VERBS.match(tokens, after, accented) or L.ASSIGN_VERBS.match(tokens, after, accented)
        more = _OPENING_SKIPS.match(tokens, after, accented) or _ADJUNCT.match(tokens, after, accented)
        if skip and (verb_after or more):
            k += skip  # "Khẩn trương hoàn thiện ...", "Đồng thời rút kinh nghiệm ..."
            continue
        # (concl7: a verb that starts with an adjunct's word is the verb — "Theo dõi tình hình, dự báo, …" is
        # an order, not "theo …," before the clause: the item was dropped, CK28)
        adjunct = _ADJUNCT.match(tokens, k, accented)
        if adjunct and L.VERBS.match(tokens, k, accented) <= adjunct:
            comma = next((x for x in range(k, min(len(tokens), k + 25)) if tokens[x].text == ","), None)
            if comma is not None:
                k = comma + 1
                continue
        break
    verb = L.VERBS.match(tokens, k, accented) or L.ASSIGN_VERBS.match(tokens, k, accented)
    decision = not under_lead and _DECISIONS.match(tokens, k, accented)
    return bool(verb or decision), bool(decision or (verb and _NOT_ORDERS.match(tokens, k, accented)))


# How many tokens _starts_past reads: the longest phrase of either list, and the syllable after it (a
# compound's "not before" word).
_PAST_REACH = 1 + max(len(tokenize(nfc(p), False)) for p in (*_PAST.phrases, *L.NARRATIVE_VERBS.phrases))


def _starts_past(text: str) -> bool:
    accented = has_diacritics(text)
    # Only the opening words are read: the tokens of the first chunks (a chunk gives one token or
    # more, and the tokens of a text are those of its blank-separated chunks, keyed word by word in
    # the text's writing mode) rather than of the whole text, often a predicate no one tokenized yet.
    tokens = tokenize(" ".join(text.split(None, _PAST_REACH)[:_PAST_REACH]), accented)
    return bool(_PAST.match(tokens, 0, accented) or L.NARRATIVE_VERBS.match(tokens, 0, accented))


def _reported_before(sentence: str, predicate: str) -> bool:
    """Does the sentence report before its subject? "Trong buổi giao ban đã có những ý kiến ..., các
    bộ phận ... bám sát ...", "Hội nghị nghe đồng chí A báo cáo ..., thường trực ..."."""
    if not predicate:
        return False
    cut = len(sentence) - len(predicate)
    accented = has_diacritics(sentence)
    # The words before the predicate are the sentence's own first tokens (the assignee reader has
    # just tokenized the sentence): the predicate starts a token, and a token never reaches past
    # the start of the next one, so tokenizing the prefix anew would give the same tokens.
    whole = tokenize(sentence, accented)
    before = next((k for k, t in enumerate(whole) if t.start >= cut), len(whole))
    if before < len(whole) and whole[before].start == cut:
        tokens: Sequence[Token] = whole[:before]
    else:
        tokens = tokenize(sentence[:cut], accented)
    reported = (_PAST, L.NARRATIVE_VERBS)
    firsts = _REPORTED_FIRST_WORDS[accented]  # (a phrase set matches only where one of its phrases opens)
    return any(
        words.match(tokens, k, accented) for k in range(len(tokens)) if tokens[k].key in firsts for words in reported
    )


def _first_words(accented: bool) -> frozenset[str]:
    phrases = (*_PAST.phrases, *L.NARRATIVE_VERBS.phrases)
    return frozenset(tokens[0].key for p in phrases if (tokens := tokenize(nfc(p), accented)))


# The keys the phrases _reported_before looks for open with, in each writing mode: the words before a
# subject rarely open one, and a set test there spares two phrase-set calls a word.
_REPORTED_FIRST_WORDS = {accented: _first_words(accented) for accented in (True, False)}


@dataclass
class _Verdict:
    directive: bool
    reported_subject: bool = False  # a subject that did something: a verb-initial next sentence continues it
    subject: str | None = None  # the item's own subject the assignee reader did not know ("Từng lớp")


# A subject that speaks or has issued a text, nobody asked to act: "Bà N. (đại diện nhóm hộ kinh doanh)
# trú tại ..., trình bày: Kiến nghị về việc ..." (CE02, a citizen's petition), "UBND TP.HCM có thông báo
# như trên sau cuộc họp ..." (CE09), "Sở GD-ĐT cũng thông báo đến các cơ sở giáo dục ..." is kept by
# the order word check only when it asks someone ("... có văn bản yêu cầu các sở ...", CB10).
_SAYS = re.compile(
    r"^[\s,]*(?:cung |da |vua |moi )?(?:trinh bay|phan anh|co thong bao|co van ban|co cong van|co to trinh|"
    r"thong bao nhu tren|cho biet|bay to|neu y kien)\b"
)
# A subject assessed, not asked: what it has not yet done ("Tuy nhiên, một số xã chưa tổ chức được cuộc
# giám sát nào." CG02; "… công tác giám sát của Thường trực HĐND … chưa bảo đảm quy trình" CG03; "… tại xã
# Phan chưa thực hiện tốt NQ số 10 …" CG04) or how all of it did ("Trong tháng 6 năm 2020, các đơn vị đều
# tập chung chỉ đạo thực hiện tốt nhiệm vụ chuyên môn …" CX01; "Mỗi cán bộ giáo viên đều không ngừng rèn
# luyện …" CX04; "Hầu hết các xã đều đã tổ chức giám sát" CG02). An order says what must be done: a modal
# after it ("Các xã chưa hoàn thành phải …", "Các đơn vị đều phải báo cáo …"), or an urgency word ("Các
# đơn vị chưa nộp báo cáo khẩn trương nộp …"), keeps it; so does a time for what is not yet done ("Các
# xã chưa nộp hồ sơ nộp về phường trước ngày 10/12").
_ASSESSED = re.compile(
    r"^(?:(?:van|con|cung|hau het|nhin chung)\s+)*(?P<how>chua|deu|co ban|buoc dau)\b"
    r"(?![^.;]{0,60}\b(?:phai|can|khan truong|som|ngay|tiep tuc|tap trung|chu dong|kip thoi|phan dau)\b)"
)
# A subject granted something, not asked: "học sinh từ bậc mầm non đến THPT được nghỉ học vào ngày 18.9"
# (CG13, twice), "cán bộ, công chức … được nghỉ Tết Dương lịch 1 ngày" (CG12). "X được giao / được phân công
# …" is an assignment (and read as one by the assignee reader). (When the reader finds no subject, as in
# "Học sinh được nghỉ học …" whose "học" it takes for a verb, the sentence is not caught here.)
_ENTITLED = re.compile(r"^(?:se |cung )?duoc (?!giao\b|phan cong\b|yeu cau\b|de nghi\b|chi dao\b)")
# An assessment said as one: "Theo đánh giá, hoạt động của HĐND huyện, các xã thời gian qua cơ bản đảm bảo
# theo kế hoạch." (CG02), "Theo đánh giá, hoạt động của HĐND đã có nhiều chuyển biến tích cực." (CG03),
# "Nhìn chung, hoạt động của HĐND xã bảo đảm kế hoạch: …" (CG04). What follows it is how things went; an
# order inside ("Qua giám sát, … đề nghị xã …") is read as assigned and kept.
_ASSESSMENT_OPENING = re.compile(
    r"^(?:theo danh gia|nhin chung|danh gia chung|nhin lai|tong the|qua (?:giam sat|kiem tra|khao sat),? cho thay)\b"
)
# A day off announced to those who take it: "Học sinh toàn trường nghỉ học từ sáng ngày 8/12/2022." (CG15),
# "… học sinh từ bậc mầm non đến THPT được nghỉ học vào ngày 18.9." (CG13, twice), "cán bộ, công chức …
# được nghỉ Tết Dương lịch 1 ngày …" (CG12). Nobody is asked to do anything. Letting them off is work:
# "Cho học sinh … nghỉ học …" (CG10), "chỉ đạo Sở GD-ĐT … cho học sinh nghỉ học" (D099-01), as is an
# obligation ("… phải nghỉ học"); "trong những ngày nghỉ Tết" names the days, not who is off, as does (concl13)
# "trong thời gian nghỉ tết" after a task said with no comma ("Văn phòng Sở … bố trí lịch trực cơ quan trong thời
# gian nghỉ tết, …" CM06; the class: CJ05 "… bố trí người trực 24/24 giờ trong thời gian nghỉ lễ", CK16).
_DAY_OFF = re.compile(
    r"^(?P<who>[^,.;:]{2,80}?)(?<!\bngay)(?<!\bdip)(?<!\bky)(?<!\bthoi gian)\s"
    r"(?:se |cung |deu |se duoc |deu duoc |duoc )?"
    r"nghi (?:hoc|lam viec|tet|le)\b"
)
_LETS_OFF = re.compile(r"(?:^|\s)(?:cho|phai|can|yeu cau|de nghi|giao|chi dao|thong bao)(?:\s|$)")
_PAST_WORD = re.compile(r"\b(da|vua)\b")
_LETTER = re.compile(r"[^\W\d_]")


def _classify(
    sentence: str,
    reading: AssigneeReading,
    in_section: bool,
    after_report: bool,
    under_lead: bool = False,
    fold: Fold = _fold,
) -> _Verdict:
    folded = fold(sentence)
    if _FURNITURE.match(folded) or _ATTENDANCE.match(folded):
        return _Verdict(False)
    if _CONTACT_LINE.match(folded) or _ATTACHMENT_LABEL.match(folded):
        return _Verdict(False)
    if reading.how != "assigned" and _DAYS_OFF_SCHEDULE.match(folded):
        return _Verdict(False)
    if _closing_formula(folded) and (not _MAKES_KNOWN.search(folded) or _THIS_NOTICE_END.search(folded)):
        return _Verdict(False)  # (concl6: spreading "thông báo này" itself is still the formula, CJ05)
    if _passes_the_notice_on(sentence, folded, reading, fold):  # (the call's folds: the predicate once)
        return _Verdict(False)
    if reading.how not in ("assigned", "subject") and _principle(folded):
        return _Verdict(False)
    if not under_lead and (_decided(sentence, folded, reading, fold) or speech_decides(folded)):
        return _Verdict(False)  # (concl8, conclusion_notes.py: "Phát biểu tại kỳ họp đồng chí …, thống nhất …")
    if _SANCTION.match(folded) or consequence(folded, reading.how, reading.predicate, fold):
        return _Verdict(False)  # (concl8, conclusion_notes.py: "… sẽ bị xử lý nghiêm")
    if _cheer(sentence, reading) or _duty_to_carry_out_the_text(reading) or _courtesy(folded, reading):
        return _Verdict(False)
    if _petition(folded, sentence):
        return _Verdict(False)
    if reading.how not in ("assigned", "relayed") and _states_a_count(folded):
        return _Verdict(False)
    if _ASSESSMENT_OPENING.match(folded) and reading.how not in ("assigned", "relayed"):
        return _Verdict(False, reported_subject=True)
    if (
        reading.how != "assigned"
        and "nghi " in folded  # (what _DAY_OFF cannot match without)
        and (off := _DAY_OFF.match(folded))
        and not _LETS_OFF.search(off["who"])
    ):
        return _Verdict(False)
    if reading.how not in ("assigned", "relayed") and stays_off(folded):
        return _Verdict(False)  # (concl8, conclusion_notes.py: "Học sinh … tạm dừng đến trường từ …")
    if reading.how not in ("assigned", "relayed") and appeal(folded):
        return _Verdict(True)  # (concl8, conclusion_notes.py: "… kính mong CMHS quan tâm …")
    if reading.how in ("assigned", "relayed"):
        # A reported order is still an order (LABELLING.md §1): "Tại các xã …, đồng chí bí thư huyện ủy đã yêu
        # cầu các đơn vị chuẩn bị tốt việc phòng chống bão số 4 …" (CG01), "Trước đó, ngày 20/4, UBND TP đã có
        # văn bản chỉ đạo các sở, ngành … báo cáo kết quả trước ngày 15/5." (D086-03), "… Sở KHĐT đã có văn bản
        # đề nghị Sở Tài nguyên và Môi trường … rà soát …" (D031-01): the people told to act are reminded.
        return _Verdict(True)
    then = None if after_report else _CONDITION_THEN.match(sentence)
    if then is not None and _action_after_then(sentence, then):
        # (concl6, below: the action after "thì" is the task; a topic "Đối với X … thì <action>" names its doer,
        # LABELLING.md §10 — a condition "Trường hợp … thì" names none and the order before leads)
        topic = _TOPIC_DOER.match(sentence[: then.end()])
        return _Verdict(True, subject=topic["who"].strip() if topic else None)
    if reading.how in ("subject", "framed") and fronted_day_task(folded):
        return _Verdict(True)  # (concl7, conclusion_doer.py: "Chậm nhất là ngày 25/5/2018 các Chi đoàn phải …")
    if _DATE_OPENING.match(folded) or status_as_of(folded):
        return _Verdict(False)  # "Ngày 12/4/2018, tại phòng họp ...", (concl8) "Tính đến ngày 6/3/2020 dịch …"
    if _PAST_WORD.search(" ".join(folded.split(None, 5)[:5])):
        return _Verdict(False)  # "Hội nghị đã thống nhất ...", "Hoi nghi da ..." typed without diacritics
    lead = reading.assignees.lead
    if basis_only(folded, reading.how, lead[0].span[0] if lead and lead[0].span else None):
        return _Verdict(False)  # (concl8, conclusion_notes.py: "Thực hiện công văn … về việc cho học sinh …")
    if reading.how == "subject":
        if _starts_past(reading.predicate) or _reported_before(sentence, reading.predicate):
            return _Verdict(False, reported_subject=True)
        if _SAYS.match(predicate := fold(reading.predicate)) and _ORDER_WORD.search(predicate) is None:
            return _Verdict(False, reported_subject=True)
        assessed = _ASSESSED.match(predicate)
        if assessed and assessed["how"] == "chua" and parse_deadline(sentence, date(2000, 1, 1)).kind in _DATING_KINDS:
            assessed = None
        if assessed or _ENTITLED.match(predicate):
            return _Verdict(False, reported_subject=True)
        return _Verdict(True)
    inline = _INLINE_HEADING.match(folded) if not _not_about(sentence) else None
    body = sentence[inline.end() :] if inline else sentence
    opens, only_states = _opening_verb(body, under_lead)
    if not opens and "khuy" in folded and advises(body):  # (speed13: a "khuyến" folded, before any tokenizing)
        opens = True  # (concl13, conclusion_round13.py: "Khuyến cáo bà con chăn nuôi gia cố chuồng trại …")
    if opens:
        if only_states and _LATER_ORDER.search(folded):
            only_states = False  # "Thống nhất dự thảo kế hoạch, Phó Chủ tịch chỉ đạo khẩn trương hoàn thành ..."
        if only_states or _PREAMBLE.match(fold(body)):
            return _Verdict(False)
        if after_report:
            return _Verdict(False)  # "UBND quận đã xây dựng ... Thường xuyên kiểm tra ...": still the report
        return _Verdict(True)
    if inline and in_section and not _starts_past(body) and not body.lstrip()[:1].isupper():
        # "6. Về dịch vụ công mức độ 3, 4: trên cơ sở ... xem xét ...": a point of the conclusion. (Said
        # as a sentence of its own after the topic, naming nobody and opening with no verb, it is the
        # topic's report: "1. Về dự án đường liên xã: Dự án chậm tiến độ do vướng mặt bằng.")
        return _Verdict(bool(_LETTER.search(body)) and reading.how != "name")
    if under_lead and not after_report and (subject := _order_under_lead(body)) is not None:
        return _Verdict(True, subject=subject if subject and not reading.assignees.lead else None)
    if _REQUIREMENT.match(folded) and parse_deadline(sentence, date(2000, 1, 1)).kind is not DeadlineKind.NONE:
        return _Verdict(True)
    if not after_report and (duty := obligation(sentence)) is not None and not _DUTY_TO_CARRY_OUT.match(
        fold(sentence[duty:])
    ):
        return _Verdict(True)  # (concl13, conclusion_round13.py: "Theo yêu cầu, các chi nhánh … phải có văn bản …")
    return _Verdict(False)


# concl6, a condition or a topic, then "thì" and the action with no subject of its own: "Trường hợp vượt thẩm
# quyền thì tham mưu UBND tỉnh xem xét, xử lí theo quy định hiện hành./." (CJ14), "Đối với các cơ quan, tổ chức
# không thực hiện lịch nghỉ cố định … thì căn cứ vào chương trình, kế hoạch cụ thể của đơn vị để bố trí lịch
# nghỉ cho phù hợp." (CJ04), "Đối với các đơn vị chưa được Sở chấp thuận lắp dựng thì buộc tháo dỡ ngay …"
# (v4j dev J033). The action after "thì" is read as an item's opening is; "thì sẽ …", "thì được …" (an outcome,
# an entitlement) open with no order verb and stay out. (A sanction, "… thì chịu trách nhiệm", is out above.)
_CONDITION_THEN = re.compile(
    r"^\W*(?:trường hợp|truong hop|đối với|doi voi|nếu|neu|riêng|rieng)\b[^.;:]{0,250}?\s(?:thì|thi)\s+",
    re.IGNORECASE,
)
_TOPIC_DOER = re.compile(r"^\W*(?:đối với|doi voi|riêng|rieng)\s+(?P<who>.+?)\s+(?:thì|thi)\s+$", re.IGNORECASE)
# "buộc" (made to) and "căn cứ vào … để" (on the basis of … to) before the action: the action is the verb after.
_BIND_WORDS = re.compile(r"^(?:buộc|buoc|phải|phai|cần|can)\s+|^(?:căn cứ|can cu)\b[^.;]{0,150}?\s(?:để|de)\s+", re.I)


def _action_after_then(sentence: str, then: re.Match[str]) -> bool:
    opens, only_states = _opening_verb(_BIND_WORDS.sub("", sentence[then.end() :], count=1))
    return opens and not only_states


# ------------------------------------------------------------------------------------------ sentence function
# What a sentence does, read from its form rather than its words: an order tells someone to act; these
# state, count, cheer or pass the text on, whoever they name.
#
# A count stated: a result in numbers, not an order. "Có 25/27 đơn vị sở, ban, ngành … gửi báo cáo kết quả
# …" (CH21), "Theo đó, trong tháng 8-2017, toàn tỉnh … có hơn 277 hồ sơ giải quyết quá hạn." (CH21),
# "Trong đó, 112 hồ sơ quá hạn được các cơ quan … thực hiện xin lỗi người dân …" (CH21), "Theo đó, tỉnh
# Thanh Hóa có gần 4.000 hồ sơ quá hạn." (CH22), "Trên địa bàn phường 11 có 22 trường hợp vi phạm …"
# (CE01), "Tại hội nghị, có 15 trưởng thôn phát biểu …" (CX08), "… tỷ lệ treo cờ … đạt trên 90%." (CH09):
# there are N of something, N of them did it, a rate reached. Orders count too, but as a target or a
# duty ("phấn đấu đạt 100%", "mỗi xã có ít nhất 01 mô hình", "3 xã chưa nộp phải nộp …"): those words keep
# the sentence.
_EXISTS_COUNT = re.compile(
    r"(?:^|[\s,])co\s+(?:(?:hon|gan|tren|khoang|tong so|tong cong|chi|toi|den|them|tat ca)\s+)?"
    # (not a span of time: "Các xã có 05 ngày để hoàn thiện hồ sơ" gives the time to do it)
    r"\d[\d.,]*(?:/\d[\d.,]*)?(?:\s*%|\s+(?!(?:ngay|tuan|thang|nam|gio|buoi|phut)\b)[^\W\d_])"
)
_COUNTED_SUBJECT = re.compile(
    r"^(?:(?:theo do|trong do|trong so do|trong so nay|ngoai ra|tinh den nay|den nay|hien nay|hien tai|rieng)"
    r"\s*,?\s*)?(?:(?:hon|gan|tren|khoang|tong so|tong cong|chi)\s+)?[1-9](?:[\d.,]*\d)?(?:/\d+)?\s+[^\W\d_]"
)
# (after its subject: "Tỷ lệ … đạt trên 90%"; "Giảm 5% chi thường xuyên" opening the sentence is an order)
_RATE_REACHED = re.compile(r"\S\s+(?:dat|chiem)\s+(?:(?:tren|hon|gan|khoang|den|toi)\s+)?\d[\d.,]*\s*%")
_TARGET_OR_DUTY = re.compile(
    r"\b(?:phai|can|co trach nhiem|yeu cau|de nghi|giao|chi dao|khan truong|phan dau|it nhat|toi thieu|"
    r"moi|tung|dam bao|bao dam|chi tieu|muc tieu)\b"
)


def _states_a_count(folded: str) -> bool:
    if not _ANY_DIGIT.search(folded):
        return False
    counts = (
        _EXISTS_COUNT.search(folded) is not None
        or _RATE_REACHED.search(folded) is not None
        # a counted subject given a time is told what to do by then: "3 trường chưa kiểm định hoàn thành
        # trước ngày 30/12"
        or (_COUNTED_SUBJECT.match(folded) is not None and _undated(folded))
    )
    return counts and _TARGET_OR_DUTY.search(folded) is None


# A cheer or a greeting: a sentence ending in "!" — the banners of a campaign ("Đảng bộ và nhân dân huyện
# … quyết tâm xây dựng quê hương ngày càng giàu đẹp, văn minh!", "Nhiệt liệt chào mừng kỷ niệm … !",
# CH09), a caption in the same voice ("Tuyên truyền tại UBND xã … nhân dịp kỷ niệm … !", CH09), a
# letter's "Trân trọng!" (CE05). An order is not shouted in an official text; one handed to someone ("Đề
# nghị các hộ dân … !") is read as assigned and stays.
_CHEER_END = re.compile(r"!+[\"”’)\s]*$")


# A duty said with it keeps the order, shouted or not: "Người dân tuyệt đối không được đốt rơm rạ!", "Các hộ
# phải nộp tờ khai trước ngày 20/12!". (A year is no sign of an order: banners cheer "… năm 2025!".)
# (Read with its tones: folded, "cần" is "cán" of "cán bộ".)
_SHOUTED_ORDER = re.compile(r"\b(?:phải|cần|có trách nhiệm|không được|nghiêm cấm|tuyệt đối|khẩn trương)\b")


def _cheer(sentence: str, reading: AssigneeReading) -> bool:
    return (
        reading.how not in ("assigned", "relayed")
        and _CHEER_END.search(sentence) is not None
        and _SHOUTED_ORDER.search(nfc(sentence).lower()) is None
    )


# The execution formula said with its doers as subject: "Ban Nội chính Tỉnh ủy, các Huyện ủy, Thị ủy,
# Thành ủy có trách nhiệm thực hiện tốt nội dung thông báo." (CH10), "Các giáo viên giảng dạy tại trường
# có trách nhiệm thực hiện những việc cần làm trên để phòng chống dịch" (CE06; LABELLING.md §2: "Các giáo
# viên có trách nhiệm thực hiện những việc nêu trên"): a duty, then only the verbs of carrying out and a
# pointer back to the text. Named work ("… có trách nhiệm thực hiện Kế hoạch số 05", "… phải thực hiện
# việc treo cờ …") stays.
_DUTY = r"(?:co trach nhiem|chiu trach nhiem|phai|can|co nhiem vu)"
_POINTER_BACK = r"(?:tren|nay|neu tren|noi tren|nhu tren|ke tren|o tren|da neu)"
_WHAT_IS_ABOVE = (
    r"(?:(?:cac|nhung|toan bo|day du cac)\s+)?(?:"
    r"(?:noi dung|viec|cong viec|nhiem vu|yeu cau|quy dinh|bien phap|y kien|chi dao)(?:\s+can lam)?"
    rf"(?:\s+(?:cua\s+|tai\s+)?(?:ket luan|thong bao|van ban))?\s+{_POINTER_BACK}"
    rf"|(?:(?:noi dung|y kien)\s+)?(?:ket luan|thong bao|van ban)(?:\s+{_POINTER_BACK})?)"
)
_DUTY_TO_CARRY_OUT = re.compile(
    rf"^{_DUTY}\s+(?:{_CARRY_OUT_WORD}[\s,]+)*?(?:thuc hien|trien khai|thi hanh|chap hanh|quan triet)"
    rf"(?:[\s,]+{_CARRY_OUT_WORD})*\s+{_WHAT_IS_ABOVE}"
    r"(?:\s+de\s+[^,.;:]{0,60})?\W*$"
)


def _duty_to_carry_out_the_text(reading: AssigneeReading) -> bool:
    return reading.how == "subject" and _DUTY_TO_CARRY_OUT.match(_fold(reading.predicate)) is not None


# A petition from the public, the question the text answers: "Cử tri thành phố Huế: Cử tri đề nghị nâng cấp,
# sửa chữa 100m đường Tỉnh lộ 4 …" (CI10), "Cử tri thành phố Huế: Kiến nghị Tỉnh quan tâm đầu tư hệ thống
# cống rãnh …" (CI11), both above "Trả lời:"; "Bà N. (đại diện nhóm hộ kinh doanh) … trình bày: Kiến nghị về
# việc …" (CE02, caught by _SAYS). Voters and citizens ask; nobody reminds them, and the body they ask is
# answering, not being assigned (the reply says what it does). Said as a label ("Cử tri …:") or as the
# subject of an asking verb.
_PETITIONER = r"(?:(?:cac|nhieu|mot so)\s+)?(?:cu tri|cong dan|nguoi dan|ba con)"
# (Told to the public, the same words are its orders: "Người dân có kiến nghị về … phải gửi đơn về UBND xã
# trước ngày …": only voters petition with any of the verbs, the others with "kiến nghị / đề nghị", and a
# duty or an urgency word keeps the order.)
_PETITION = re.compile(
    rf"^(?:(?:y kien|kien nghi|phan anh)\s+(?:cua\s+)?)?{_PETITIONER}\b[^:.;]{{0,60}}:\s"
    r"|^(?:(?:cac|nhieu|mot so)\s+)?cu tri\b[^.;:]{0,60}?\s(?:kien nghi|de nghi|phan anh|de xuat|to cao|khieu nai)\b"
    rf"|^{_PETITIONER}\b[^.;:]{{0,60}}?\s(?:kien nghi|de nghi)\b"
)
_PETITION_OR_ORDER = re.compile(r"\b(?:phải|cần|có trách nhiệm|không được|kịp thời|khẩn trương|chủ động|ngay)\b")


def _petition(folded: str, sentence: str) -> bool:
    return _PETITION.match(folded) is not None and _PETITION_OR_ORDER.search(nfc(sentence).lower()) is None


# Courtesy, no task: a greeting, thanks, regards ("Kính chào Ông/Bà.", "UBND phường chân thành cảm ơn phản
# ánh của quý Ông/Bà và mong tiếp tục nhận được phản ánh …" CI07, "Trân trọng!" CE05, CI03, "Trân trọng."
# CI07). Said by the issuer as subject or opening the sentence.
# ("Trân trọng" alone closes a letter; "UBND xã trân trọng đề nghị các hộ …" goes on to ask.)
_COURTESY = re.compile(
    r"^(?:xin |chan thanh |tran trong |rat |kinh )*(?:cam on|kinh chao|xin chao|tran trong(?=\W*$))\b"
)


def _courtesy(folded: str, reading: AssigneeReading) -> bool:
    if _COURTESY.match(folded) is not None:
        return True
    return reading.how == "subject" and _COURTESY.match(_fold(reading.predicate)) is not None


# "Về …" opens a topic ("Về công tác vệ sinh môi trường: …"); folded, "Vệ sinh …", "Vẽ …", "Vé …" look the
# same, and "Vệ sinh chuồng trại khô ráo." (CI01, an order) was read as a topic heading. The topic
# patterns (_TOPIC_HEADING, _INLINE_HEADING) run on folded text: this tells the word apart by its tone.
def _not_about(text: str) -> bool:
    words = nfc(text).split(None, 1)
    first = words[0].lower().strip("\"“‘(*-–•+") if words else ""
    return first[:1] == "v" and first != "về" and _fold(first) == "ve"


# A requirement on the work, with its time: "Việc này cần thực hiện chậm nhất trước 15/9." (B093-02),
# "Việc thành lập phải được thực hiện trong năm 2017." (CE11). Naming nobody, it continues the order
# before it in the paragraph (whose lead it takes); without a time it is a principle ("Việc mua sắm ...
# phải đảm bảo đúng Luật ...", above).
_REQUIREMENT = re.compile(
    r"^viec\b[^,.;:]{0,60}?\b(?:phai|can|buoc phai)\s+(?:duoc\s+)?(?:thuc hien|hoan thanh|hoan tat|trien khai|xong|"
    r"ket thuc|to chuc)\b"
)


# Under a heading that hands the items to someone ("... đề nghị toàn thể giáo viên nghiêm túc thực hiện
# các quy định sau:"), an item is that someone's order in two more shapes: a prohibition ("– Không tổ
# chức các hoạt động tập trung đông người ...", CE06; "không để xảy ra ...", "tuyệt đối không được để
# ..." end orders in A042-01, A049-01, B012-01, B045-02), and a few words naming a part of the lead
# the lexicon does not know before a verb ("– Từng lớp tổ chức chào cờ ngay tại lớp học.", CE06).
_PROHIBITION = PhraseSet(["không", "không được", "tuyệt đối không", "tuyệt đối không được", "nghiêm cấm", "cấm"])
_LET_HAPPEN = PhraseSet(["để", "để xảy ra", "cho phép"])  # "không để xảy ra ...": the order not to let it


def _order_under_lead(text: str) -> str | None:
    """None, or the item's own short subject ("Từng lớp"; "" for a prohibition, which names none)."""
    accented = has_diacritics(text)
    tokens = tokenize(text, accented)
    ban = _PROHIBITION.match(tokens, 0, accented)
    if ban:
        return "" if L.VERBS.match(tokens, ban, accented) or _LET_HAPPEN.match(tokens, ban, accented) else None
    for k in range(1, min(4, len(tokens))):
        if not tokens[k - 1].text[:1].isalpha():
            return None  # punctuation before any verb: no short subject
        if L.VERBS.match(tokens, k, accented) and not _NOT_ORDERS.match(tokens, k, accented):
            return text[: tokens[k].start].strip()
    return None


_WHERE_ONLY = re.compile(r"^(?:tren dia ban|trong|thuoc|tai)\b[^,.;:]{0,40}$")
_PLURAL_KIND = re.compile(r"^(?:cac|nhung|toan the|tat ca(?: cac)?)\s")


def _all_capitals(text: str) -> bool:
    """Some letters, all of them capitals ("II. NHIỆM VỤ TRỌNG TÂM"): a loop that stops at the first
    small letter (the second character of most lines) rather than a list of every letter."""
    seen = False
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            seen = True
    return seen


def _is_heading(content: str, reading: AssigneeReading, fold: Fold = _fold) -> bool:
    """A line that only opens a section: "3. Về quản lý máy tính bảng:", "1. Đối với việc thực hiện
    các kết luận.", "- Thường trực HĐND", "II. NHIỆM VỤ TRỌNG TÂM"."""
    stripped = content.strip()
    if stripped.endswith(":"):
        return True
    if len(stripped.split(None, 15)) <= 15 and _all_capitals(stripped):  # (16 parts: more than 15 words)
        return True
    if reading.how == "subject" and _WHERE_ONLY.match(fold(reading.predicate)):
        # "2. Các trạm y tế trên địa bàn": the name's place read as its predicate
        reading = replace(reading, how="name")
    if reading.how == "name":
        # "- Thường trực HĐND" heads the points under it; a bare "Đơn vị" (a table header) does not.
        # "3. Các trường học trên địa bàn", "b) Các tổ dân phố" (a plural determiner opens a kind of
        # unit written in small letters) head the dashes under them too.
        refs = reading.assignees.lead
        return (
            any(r.unit_key for r in refs)
            or any(w[:1].isupper() for w in stripped.split()[1:])
            or (_PLURAL_KIND.match(fold(stripped)) is not None and len(stripped.split()) >= 3)
        )
    folded = fold(stripped)
    return bool(_TOPIC_HEADING.match(folded)) and ":" not in stripped and len(stripped.split()) <= 25 and (
        not _not_about(stripped)
    ) and not ((then := _CONDITION_THEN.match(stripped)) is not None and _action_after_then(stripped, then))
    # (concl6: "Đối với các hộ chưa đăng ký thì hướng dẫn …" holds its action after "thì": an item, no heading)


# What follows the closer's verb: the time itself ("Hoàn thành trong tháng 4/2018", "Thời gian: 30/6",
# "Xong trước Tết"), not more work ("Hoàn thành rà soát camera trong tháng 12" is an item of its own).
_CLOSER_TIME = re.compile(
    r"\s*(?::|\b(?:trong|truoc|truoc ngay|cham nhat|ngay|vao|xong|den|toi|thang|quy|tuan|nam|dot|dip|la|"
    r"muon nhat|khong qua|cuoi|giua|dau|\d))"
)


_CLOSER_WORD = re.compile(r"\d|\b(thang|quy|tuan|nam|ngay|tet)\b")


def _is_closer(sentence: str, fold: Fold = _fold) -> bool:
    """ "Hoàn thành trong tháng 4/2018.", "Thời gian: trước ngày 30/6." closing the point above."""
    folded = fold(sentence)
    m = _CLOSER.match(folded)
    return (
        m is not None
        and len(sentence.split()) <= 12
        and _CLOSER_TIME.match(folded, m.end()) is not None
        and _CLOSER_WORD.search(folded) is not None
    )


# The sentence after a task that only gives that task's deadline, alone or with the step that closes
# it (LABELLING.md §3): no subject of its own, it opens with reporting back or finishing ("Báo cáo UBND
# tỉnh và trả lời công dân rõ trước ngày 20/12/2022." CE02; "Báo cáo kết quả về Chủ tịch UBND huyện chậm
# nhất vào ngày 29/6/2020./." B010-02; "Báo cáo UBND tỉnh kết quả trước ngày 25/3/2023" B112-02; "Yêu cầu
# hoàn thiện gửi Văn phòng UBND tỉnh trước ngày 20/7/2018." F090-02), with the time label ("Thời gian giải
# quyết hoàn thành trước ngày 30 tháng 6./." B024-02; "Thời gian hoàn thành việc lấy ý kiến nhân dân chậm
# nhất trong ngày 21/4/2025." F062-03) or as a requirement on the work ("Việc thành lập phải được thực hiện
# trong năm 2017." CE11), and a time that dates it. A standing report ("Báo cáo BGH hàng ngày.") or an
# urgent one has no date to give: it stays a task of its own, as does anything after a task that is
# already dated.
_CLOSES_THE_TASK = re.compile(
    r"^(?:(?:yeu cau|de nghi)\s+)?(?:(?:sau do|dong thoi)\s*,?\s*)?"
    r"(?:(?:gui\s+)?bao cao|tra loi|hoan thanh|hoan thien|hoan tat|xong|nop|gui\b|ket qua\b"
    r"|thoi gian|thoi han|han chot|viec\b[^,.;:]{0,60}?\b(?:phai|can|buoc phai)\b)"
)
_DATING_KINDS = frozenset(DeadlineKind) - {DeadlineKind.NONE, DeadlineKind.RECURRING, DeadlineKind.IMMEDIATE}


def _closes_the_task(sentence: str, fold: Fold = _fold) -> bool:
    return (
        len(sentence.split()) <= 30
        and _CLOSES_THE_TASK.match(fold(sentence)) is not None
        and parse_deadline(sentence, date(2000, 1, 1)).kind in _DATING_KINDS
    )


def _undated(text: str) -> bool:
    return parse_deadline(text, date(2000, 1, 1)).kind is DeadlineKind.NONE


# Sections that report or assess rather than assign, and the aims of a plan: "I. Đánh giá chung", "1.
# Đánh giá kết quả tháng 11", "A. ĐÁNH GIÁ KẾT QUẢ ĐẠT ĐƯỢC:" (CX04: its dashes "- Thực hiện nghiêm túc
# bộ tài liệu …", "- Duy trì nề nếp trong đội ngũ …" say what the team did), "2. Tồn tại, hạn chế:",
# "Kết quả thực hiện …", "Tình hình thực hiện …", "I. MỤC TIÊU" / "1. Mục tiêu tổng quát" (CX05: "- Bảo
# đảm các sự kiện hộ tịch … được đăng ký kịp thời …" is an aim). The lines under such a heading are no
# task unless they assign work ("Đề nghị Phòng Y tế …"); the conclusion's work comes under "II. Nhiệm vụ
# trọng tâm …". "Đánh giá" opens one only for results or a period ("2. Đánh giá, xếp loại đảng viên" is
# year-end work whose items are orders), "Tình hình" only for how things went ("Tình hình an ninh trật
# tự:" is a topic that may head the orders on it). A heading that goes on to name work ("Khó khăn, vướng
# mắc và đề xuất", "Kết quả tháng 11 và nhiệm vụ tháng 12") is not one; "Kết quả thực hiện nhiệm vụ tháng
# 11" (the work done) is.
_REPORT_SECTION = re.compile(
    r"^(?:[a-z\d][.)/]\s*|(?:phan|muc)\s+[ivx\d]+\s*[.:\-]?\s*)?(?:nhung |mot so |cac )?"
    r"(?:danh gia (?:chung|lai|ket qua|tinh hinh|viec thuc hien|thuc hien|hoat dong|cong tac (?:thang|quy|nam|tuan)"
    r"|(?:thang|quy|nam|tuan|nhung)\b)"
    r"|tinh hinh (?:thuc hien|chung|hoat dong|ket qua)"
    r"|ket qua|ton tai|han che|uu diem|khuyet diem|nguyen nhan|kho khan|thuan loi|nhan xet"
    r"|mat (?:duoc|lam duoc|chua duoc)|bai hoc|muc tieu|muc dich)\b"
)
_WORK_WORDS = re.compile(
    r"(?:,|\bva\b|\-)\s*(?:\w+\s+){0,3}?(?:nhiem vu|de xuat|kien nghi|giai phap|phuong huong|ke hoach)\b"
)


def _report_section(text: str, fold: Fold = _fold) -> bool:
    folded = fold(text.strip())
    return _REPORT_SECTION.match(folded) is not None and _WORK_WORDS.search(folded) is None


def _report_title(content: str, reading: AssigneeReading, fold: Fold = _fold) -> bool:
    """A marked title with no full stop that opens a report section ("I. Đánh giá chung")."""
    stripped = content.strip()
    return (
        len(stripped.split()) <= 12
        and not _PROSE_END.search(stripped)
        and not stripped.endswith(";")
        and reading.how != "assigned"
        and _report_section(stripped, fold)
    )


def _short_title(content: str, reading: AssigneeReading) -> bool:
    """A marked line with no end mark, short, naming no doer: "2. Đánh giá, xếp loại chất lượng
    đảng viên cuối năm" then "- Các chi bộ tổ chức kiểm điểm …" (a list of another mark under it). A list
    typed without full stops ("1. Rà soát camera" + "2. Kiểm tra …") keeps its points."""
    stripped = content.strip()
    return (
        len(stripped.split()) <= 12
        and _SENTENCE_END.search(stripped) is None
        and reading.how not in ("assigned", "subject", "relayed")
    )


# A point that only names who leads, its work in the items under it: "3. Về máy tính bảng: giao Văn
# phòng HĐND và UBND phường chủ trì.", "2. Giao Phòng Văn hóa chủ trì, phối hợp các đơn vị thực hiện."
_LEAD_ONLY = re.compile(
    r"^(?:giao(?: cho)?|de nghi|yeu cau|phan cong)\s+[^.;:]{2,120}?\s"
    r"(?:chu tri|thuc hien|phu trach|theo doi|tham muu)"
    r"(?:\s*(?:,|va)\s*(?:phoi hop|phan cong|to chuc|theo doi)[^.;:]{0,100}?)?"
    r"(?:\s+(?:thuc hien|trien khai|trien khai thuc hien|to chuc thuc hien))?\s*[.;]?$"
)


# (concl5) The same point said in more ways, told apart by the list under it (items of another mark follow, as
# under "3. Trung tâm Văn hóa Thông tin Thể thao huyện" in CB02): with its time ("3. Về máy tính bảng: giao Văn
# phòng chủ trì, hoàn thành trong tháng 4/2025.", "… chủ trì thực hiện, thời gian hoàn thành trước ngày
# 30/4/2025."), with the unit as subject ("Văn phòng HĐND và UBND phường chủ trì thực hiện."), or pointing to
# the items without a colon ("2. Giao Phòng Kinh tế thực hiện một số nội dung sau"). The items are its work:
# they take its lead, coordinators and time; the point is a task itself only when no item follows.
_POINTS_TO_ITEMS = (
    r"(?:\s+(?:cac|mot so|nhung)\s+(?:noi dung|nhiem vu|cong viec|viec|yeu cau)"
    r"(?:\s+(?:cu the|chu yeu|trong tam|chinh))?\s+(?:sau|nhu sau|sau day)(?:\s+day)?)?"
)
_THE_POINTS_TIME = re.compile(
    r"\s*(?:[,;(]\s*)?(?:(?:thoi gian|thoi han)(?:\s+(?:hoan thanh|thuc hien))?\s*:?\s*|(?:hoan thanh|xong)\s+)"
    r"(?:truoc|trong|cham nhat|vao|den)?\b[^.;:]*?\d[^.;:]*[.;)]?\s*$"
)
_HANDS_THE_ITEMS = re.compile(
    r"^(?:giao(?: cho)?|de nghi|yeu cau|phan cong)\s+[^.;:]{2,120}?\s(?:thuc hien|trien khai|to chuc thuc hien)"
    + _POINTS_TO_ITEMS + r"$"
)
_LEAD_ONLY_PREDICATE = re.compile(
    r"^(?:chu tri|thuc hien|phu trach|theo doi|tham muu)"
    r"(?:\s*(?:,|va)\s*(?:phoi hop|phan cong|to chuc|theo doi)[^.;:]{0,100}?)?"
    r"(?:\s+(?:thuc hien|trien khai|trien khai thuc hien|to chuc thuc hien))?" + _POINTS_TO_ITEMS + r"\s*[.;]?$"
)


def _leads_the_list(body: str, reading: AssigneeReading | None, fold: Fold = _fold) -> bool:
    """Does the point (folded, after its topic) only name who leads the list under it (above)?"""
    if reading is None or not reading.assignees.lead or reading.how not in ("assigned", "subject"):
        return False
    bare = _THE_POINTS_TIME.sub("", body).rstrip(" ,;.")
    if reading.how == "subject":
        predicate = _THE_POINTS_TIME.sub("", fold(reading.predicate)).rstrip(" ,;.")
        return _LEAD_ONLY_PREDICATE.match(predicate) is not None
    return _LEAD_ONLY.match(bare) is not None or _HANDS_THE_ITEMS.match(bare) is not None


# A heading's time in brackets: "1. Giao Phòng Kinh tế (hoàn thành trước ngày 20/12/2024):", "2. Phòng Tài
# chính (thời hạn: trước 20/12/2024):". Read inside the name it would be part of it; set before the
# heading, on its own line, it dates the items and leaves the name whole.
_BRACKETED = re.compile(r"\s*\(([^()]{3,80})\)")
_TIME_WORDS = re.compile(r"\b(?:hoan thanh|thoi han|thoi gian|truoc|xong|cham nhat|han|trong)\b")


def _time_aside(text: str) -> str:
    if "(" not in text:
        return text
    for m in _BRACKETED.finditer(text):
        inside = _fold(m.group(1))
        if _TIME_WORDS.search(inside) and _CLOSER_WORD.search(inside):
            return f"{m.group(1).strip()}\n{text[: m.start()]}{text[m.end() :]}"
    return text


# The month or quarter of the work a heading or lead-in announces: "Về công tác tháng 7/2018, đồng chí
# Giám đốc Sở ... nhấn mạnh một số nhiệm vụ trọng tâm như sau:" (E018-01, E018-02), "... một số công việc
# trọng tâm cần tổ chức thực hiện trong tháng 9 năm 2020, cụ thể như sau:" (X048-01..03), "II. NHIỆM VỤ
# TRỌNG TÂM THÁNG 12/2024": the items are that period's work, due at its end (as "Trong tháng 12, các bộ
# phận ... thực hiện:" already is). Said as "trong tháng ..." for the deadline reader, which takes a
# month after a noun for the noun's ("báo cáo tháng 2"). Not a year (a plan's year names the plan), not
# a report of the period ("Kết quả thực hiện nhiệm vụ tháng 11").
_WORK_OF_PERIOD = re.compile(
    r"\b(?:nhiem vu|cong viec|noi dung|cong tac|chuong trinh cong tac|ke hoach cong tac)"
    r"(?:\s+(?:trong tam|chu yeu|chinh|can thuc hien|can tap trung))?\s+(?=(?:thang|quy)\s+(?:\d|[ivx]+\b))"
)
_REPORTED_PERIOD = re.compile(r"\b(?:ket qua|danh gia|tinh hinh|bao cao|so ket|tong ket)\b")


def _work_period(text: str) -> str:
    folded = _fold(text)
    m = _WORK_OF_PERIOD.search(folded)
    if m is None or _REPORTED_PERIOD.search(folded, 0, m.start()) or len(folded) != len(text):
        return text
    return f"{text[: m.end()]}trong {text[m.end() :]}"


# A lead-in naming who speaks, its verb last: "Phó Chủ tịch UBND xã kết luận:", "Ban Thường vụ Đảng ủy
# kết luận như sau:", "Chủ tịch UBND huyện chỉ đạo:", "UBND tỉnh có ý kiến như sau:" (CB02, A055-01,
# B112-01, X069-01, X070-01; "Chủ tịch UBND huyện giao:" B010-01: the items under it name their own
# leads), and the issuer of a notice: "Ủy ban nhân dân phường Cự Khối thông báo:" (CG14), "TRƯỜNG THPT VÕ
# GIỮ THÔNG BÁO" (CG15; a heading in capitals needs no colon). The speaker is no lead of the
# items under it; what else the lead-in says ("Trong tháng 12, ...") still frames them. "Đề nghị UBND các
# xã chỉ đạo:" hands the items to the body it names (read "assigned") and is no speaker's lead-in.
_SPEAKER_VERB_LAST = re.compile(
    r"\b(?:ket luan|chi dao|co y kien(?: chi dao)?|y kien chi dao|nhan manh|phat bieu(?: ket luan)?|yeu cau|de nghi|"
    r"giao nhiem vu|giao|quyet dinh|thong bao)(?:\s+(?:nhu sau|cu the|mot so noi dung(?: sau)?|cac noi dung(?: sau)?))?"
    r"\s*:?$"
)


def _speaker_removed(text: str, reading: AssigneeReading, fold: Fold = _fold) -> str | None:
    """The lead-in without its speaker, when it is a speaker's lead-in (above); else None."""
    if reading.how not in ("subject", "name") or not reading.assignees.lead:
        return None
    verb = _SPEAKER_VERB_LAST.search(fold(text))
    spans = [r.span for r in reading.assignees.lead]
    if verb is None or any(span is None or span[0] >= verb.start() for span in spans):
        return None
    out, at = [], 0
    for span in spans:
        assert span is not None
        out.append(text[at : span[0]])
        at = span[1]
    out.append(text[at:])
    return " ".join("".join(out).split())


_ASSIGNS_FIRST = re.compile(r"^(?:giao(?: cho)?|phan cong|giao nhiem vu(?: cho)?)\s")


def _names_only(content: str, reading: AssigneeReading | None) -> bool:
    """ "3. Về công tác chuyển đổi số: Giao Văn phòng HĐND - UBND xã" (the items under it say what): the
    point assigns, and nothing follows the name it assigns to."""
    if reading is None or reading.how != "assigned" or not reading.assignees.lead:
        return False
    inline = _INLINE_HEADING.match(_fold(content)) if not _not_about(content) else None
    start = inline.end() if inline else 0
    span = reading.assignees.lead[-1].span
    return (
        span is not None
        and _ASSIGNS_FIRST.match(_fold(content[start:])) is not None
        and not content[span[1] :].strip(" .;:")
    )


# What a speaker says when it is only a time, the items following: "Từ ngày mai thứ sáu ngày 29 tháng 1
# năm 2021.", "Kể từ ngày 01/12/2024:", "Trong tháng 12/2024:" (CE05).
_TIME_ONLY = re.compile(
    r"^(?:tu|ke tu|bat dau tu|tu nay den|trong|truoc|den|cham nhat)\b[^.;:]{0,80}?(?:\d|ngay mai|tuan)"
)


def _said_time(sentence: str, units: Sequence[KnownUnit], fold: Fold = _fold) -> str | None:
    folded = fold(sentence)
    m = _SPEAKER_COLON.match(folded) if ":" in folded else None  # (its colon: a test in C first)
    if m is None:
        return None
    rest = sentence[m.end() :].strip()
    if (
        len(rest.split()) > 14
        or _TIME_ONLY.match(fold(rest)) is None
        or read_assignees(rest, units).how
        or _opening_verb(rest)[0]
    ):
        return None
    return rest


# (concl5) A lead-in naming its doers, then the scope each works in: "02 đồng chí Phó Chủ tịch UBND phường theo
# lĩnh vực phụ trách:", "Các phòng, ban theo chức năng, nhiệm vụ được giao:". The scope is no part of the name
# (LABELLING.md §11: the name ends at "theo"), and with no verb after it the assignee reader found nobody, so
# the dashes under it had no lead (found by QA). Dev class of the scope after the doers: "… yêu cầu các cơ
# quan, đơn vị, địa phương trong thời gian tới theo chức năng, nhiệm vụ:" (B115-01, B115-02), "… trên địa bàn
# huyện theo chức năng, nhiệm vụ được giao" (CB04), "Giám đốc các Sở: Nội vụ, Tài chính căn cứ theo chức
# năng, nhiệm vụ được giao, …" (CB13): read there, with a verb, already. Here the heading is read without it.
_SCOPE = re.compile(
    r",?\s+(?:can cu\s+)?theo\s+(?:linh vuc|chuc nang|nhiem vu|dia ban|su phan cong|phan cong)\b[^:]{0,80}:$"
)


def _without_scope(
    text: str, reading: AssigneeReading, units: Sequence[KnownUnit], fold: Fold = _fold
) -> tuple[str, AssigneeReading]:
    folded = fold(text)
    m = _SCOPE.search(folded)
    if m is None or len(folded) != len(text):
        return text, reading
    bare = f"{text[: m.start()]}:"
    again = read_assignees(bare, units)
    return (bare, again) if again.assignees.lead else (text, reading)


# ------------------------------------------------------------------------------------------ the pass
@dataclass
class _Heading:
    level: float
    text: str
    section: int
    leads: bool = False  # names who carries out the items under it
    unmarked: bool = False
    items_at: int = 0  # how many items were found before it opened
    listed: bool = False  # marked lines ("- ...", "1. ...") came under it
    report: bool = False  # opens a part that reports or assesses (see _REPORT_SECTION): no task under it
    under: int = 0  # lines and headings read under it
    fallback: str | None = None  # a marked title read as a report heading: a task if nothing comes under it
    # (concl13) an unmarked lead-in that asks someone to do a named work: a task itself if no task comes under it
    asks: str | None = None


@dataclass
class _Candidate:
    text: str
    context: list[str]
    section: int
    closers: list[str] = field(default_factory=list)
    # a point that only names its lead ("giao Văn phòng chủ trì."): dropped when items follow under it
    heads: int | None = None
    dropped: bool = False
    # the order before it in the same paragraph (its candidate's index), whose lead it takes when it
    # names nobody (not its deadline)
    previous: int | None = None
    # the part of the text that says who acts and by when (the speech after "Phát biểu chỉ đạo tại ..., ")
    read_from: str | None = None
    # its own subject, unknown to the assignee reader, leading it rather than the heading's lead
    subject: str | None = None
    # (carry10) the sentence read just before it, a task or not (who speaks to the public there)
    before: str | None = None


def _speaker_misread(reading: AssigneeReading, speech_start: int) -> bool:
    """Nobody found in the sentence, or only inside its opening (the speaker read as the one asked)."""
    leads = reading.assignees.lead
    return not leads or all(r.span is not None and r.span[0] < speech_start for r in leads)


class _Splitter:
    def __init__(self, units: Sequence[KnownUnit], fold: Fold = _fold) -> None:
        self.units = units
        self.fold = fold
        self.marker_levels: list[str] = []
        self.stack: list[_Heading] = []
        self.sections = 0
        self.candidates: list[_Candidate] = []
        self.next_line = ""  # the line after the one being read (split_conclusion sets it)
        self.after_task = False  # the last sentence read was emitted as a task
        self.thread: int | None = None  # the order whose lead that task had (its candidate's index)
        # a one-sentence line's reading, kept for its sentence (read_assignees would normalise the
        # text again to find it in its cache)
        self.readings: dict[str, AssigneeReading] = {}
        self.last_read: str | None = None  # (carry10) the sentence read last (`_Candidate.before`)
        self.line_marked = False  # (concl13) the line being read opens with a list mark

    def _level(self, marker: str | None) -> float:
        if marker is None:
            # An unmarked lead-in under a numbered heading belongs to it; otherwise it is outermost.
            marked = [h.level for h in self.stack if h.level >= 0 and h.level == int(h.level)]
            return marked[-1] + 0.5 if marked else -1
        kind = _marker_type(marker)
        if kind not in self.marker_levels:
            self.marker_levels.append(kind)
        return self.marker_levels.index(kind)

    def _push(self, level: float, text: str, unmarked: bool = False) -> None:
        self.sections += 1
        for h in self.stack:
            h.under += 1
        text = _work_period(_time_aside(text))
        reading = read_assignees(text, self.units)
        if not reading.assignees.lead and text.endswith(":"):
            text, reading = _without_scope(text, reading, self.units, self.fold)
        spoken = _speaker_removed(text, reading, self.fold)
        leads = spoken is None and bool(reading.assignees.lead)
        at = len(self.candidates)
        report = reading.how != "assigned" and _report_section(text, self.fold)
        self.stack.append(
            _Heading(level, spoken if spoken is not None else text, self.sections, leads, unmarked, at, report=report)
        )
        if unmarked and reading.how == "assigned" and leads and text.endswith(":") and names_work(text):
            self.stack[-1].asks = text

    def _open(self, marker: str | None, level: float, text: str) -> None:
        """A heading opens: a marked one under the headings above its level; an unmarked one in place of
        the unmarked one before it, unless that one has no item yet: "... đề nghị toàn thể giáo viên
        thực hiện các quy định sau:" then "Trong thời gian học sinh ở trường:" (CE06) narrows the first
        (both frame the items under them) rather than replacing it."""
        if marker is not None:
            self._push(level, text)
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and top.unmarked and top.items_at == len(self.candidates) and top.level >= level:
            self._push(top.level + 0.25, text, unmarked=True)
            return
        self._pop_to(level)
        self._push(level, text, unmarked=True)

    def _list_under(self, marker: str) -> bool:
        """Is the next line an item of another kind of mark (a list under this line)?"""
        m = _MARKER.match(self.next_line)
        return m is not None and _marker_type(m.group("m").strip()) != _marker_type(marker)

    def _pop_to(self, level: float) -> None:
        while self.stack and self.stack[-1].level >= level:
            self._drop_top()

    def _drop_top(self) -> None:
        top = self.stack.pop()
        if top.fallback is not None and not top.under:
            # "3. Đánh giá, xếp loại cán bộ cuối năm" with nothing under it: a point of the list after all
            self._sentences([top.fallback])
        elif top.asks is not None and top.items_at == len(self.candidates):
            # (concl13, conclusion_round13.py: "… đề nghị Hiệu trưởng các trường thực hiện tổ chức cuộc thi … như
            # sau:" over "1. Thời gian dự thi: …", "2. Đối tượng dự thi: …": the details of the task it asks for)
            self._sentences([top.asks])

    def finish(self) -> None:
        while self.stack:
            self._drop_top()

    def line(self, raw: str) -> None:
        m = _MARKER.match(raw)
        marker = m.group("m").strip() if m else None
        content = raw[m.end() :].strip() if m else raw.strip()
        if not content:
            return
        content = without_then(content)  # (conclo, conclusion_round14.py: "Vậy đề nghị các hộ dân …")
        self.line_marked = marker is not None  # (concl13: listed_item_subject reads marked items only)
        # an unmarked line goes on from the task the line before ended with (its deadline sentence, §3)
        carry, self.after_task = self.after_task and marker is None, False
        level = self._level(marker)
        if marker is not None:
            self._pop_to(level)
            for h in self.stack:
                h.listed = True
        sentences = split_sentences(content)
        listed_lead_in = bool(self.stack) and self.stack[-1].listed and self.stack[-1].unmarked
        if marker is None and listed_lead_in and not _is_closer(sentences[0], self.fold):
            # "... đề nghị toàn thể giáo viên thực hiện các quy định sau:\nTrong thời gian học sinh ở
            # trường:\n– ...\n– ...\nBên cạnh đó, giáo viên phải ..." (CE06): the list under a lead-in
            # ended, and the lead-ins with it (the paragraph after it is not their item)
            while self.stack and self.stack[-1].unmarked and self.stack[-1].listed:
                self._drop_top()
        said_time = _said_time(sentences[-1], self.units, self.fold)
        if said_time is not None:
            # "..., nhà trường đề nghị: Từ ngày mai thứ sáu ngày 29 tháng 1 năm 2021." heads the items
            # below with its time (the speaker is no lead of them)
            self._sentences(sentences[:-1])
            self._open(marker, level, said_time)
            return
        whole = read_assignees(content, self.units) if len(sentences) == 1 else None
        if whole is not None:
            self.readings[content] = whole
        if whole is not None and _is_heading(content, whole, self.fold):
            self._open(marker, level, content)
            return
        if marker is not None and whole is not None and (
            _report_title(content, whole, self.fold) or (self._list_under(marker) and _short_title(content, whole))
        ):
            # "I. Đánh giá chung", "2. Đánh giá, xếp loại đảng viên cuối năm" + "- Các chi bộ …": a title when
            # lines come under it, a point of the list when the next point follows at once (_drop_top)
            self._open(marker, level, content)
            self.stack[-1].fallback = content
            return
        heading = None
        if sentences[-1].endswith(":"):
            heading = sentences.pop()
        inline = _INLINE_HEADING.match(self.fold(content)) if not _not_about(content) else None
        body = self.fold(content[inline.end() :] if inline else content)
        if marker is not None and heading is None and len(sentences) == 1 and (
            _LEAD_ONLY.match(body) or _names_only(content, whole)
            or (self._list_under(marker) and _leads_the_list(body, whole, self.fold))
        ):
            # "3. Về máy tính bảng: giao Văn phòng chủ trì." names the lead of the items under it: the
            # whole point heads them, and stands as a task itself only when no item follows.
            count = len(self.candidates)
            self._sentences(sentences)
            # (concl5) a lead-in by its place: its coordinators go to every item under it as well ("giao Văn
            # phòng chủ trì, phối hợp với Phòng Kinh tế thực hiện." then "- Rà soát …": directive.py hands a
            # lead-in's support on only when it ends with a colon)
            self._push(level, f"{content.rstrip(' .;')}:" if self._list_under(marker) else content)
            for c in self.candidates[count:]:
                c.heads = self.sections
            return
        if inline and marker is not None and heading is None:
            # "2. Về hệ thống camera an ninh: rà soát .... Đề xuất ...": the topic frames every
            # sentence of the point and the unmarked lines under it.
            self._push(level, content[: inline.end("head")])
        self._sentences(sentences, carry and heading is None)
        if heading is not None:
            self._open(marker, level, heading)

    def _sentences(self, sentences: list[str], carry: bool = False) -> None:
        for h in self.stack:
            h.under += 1
        under_lead = any(h.leads for h in self.stack)
        in_report = any(h.report for h in self.stack)
        after_report = False
        # An unmarked paragraph that goes on from a task with a lead of its own (or carried) continues its
        # thread: "UBND TPHCM giao chủ tịch UBND phường, xã, ... vận động ...." then the paragraphs "Bố trí
        # trực vào ngày nghỉ, ..." and "Tiếp tục hướng dẫn, kiểm tra, ..." (CH32, two items); "UBND các huyện,
        # thị xã, thành phố chỉ đạo ..." then "Đồng thời, thông báo, kiểm tra, đôn đốc ..." (CH36). Only the
        # lead is carried, and only to a sentence that names nobody and has no lead from a heading.
        previous: int | None = self.thread if carry else None
        line_first = len(self.candidates)
        section = self.stack[-1].section if self.stack else 0
        just_emitted = carry  # the sentence before (in this paragraph, or ending the line before) was a task
        for sentence in sentences:
            read_from: str | None = None
            same_point = bool(self.candidates) and (
                len(self.candidates) > line_first or self.candidates[-1].section == section
            )
            if _is_closer(sentence, self.fold) and same_point:
                last = self.candidates[-1]
                last.text = f"{last.text} {sentence}"
                last.closers.append(sentence)
                continue
            reading = self.readings.get(sentence) or read_assignees(sentence, self.units)
            if (
                just_emitted
                and not reading.assignees.lead
                and _closes_the_task(sentence, self.fold)
                and _undated(self.candidates[-1].text)
            ):
                # "Giao X kiểm tra .... Báo cáo UBND tỉnh trước ngày 20/12/2022." (LABELLING.md §3): the
                # task's own deadline, with its report back, is part of it; unlike a closer above it
                # dates this task only
                self.candidates[-1].text = f"{self.candidates[-1].text} {sentence}"
                continue
            just_emitted = False
            folded = self.fold(sentence)
            opener = _DISCOURSE.match(folded) or adverb_comma(folded)  # (concl8: "Kịp thời, thông báo …")
            speech = _SPEECH_OPENER.match(folded)
            if speech is None and ":" in folded:  # (_SPEAKER_COLON's colon: a test in C first)
                speech = _SPEAKER_COLON.match(folded)
            if opener is not None and not reading.how:
                rest = sentence[opener.end() :]
                reading = read_assignees(rest, self.units)
                verdict = _classify(rest, reading, bool(self.stack), after_report, under_lead, self.fold)
            elif speech is not None and not speech_decides(folded) and _speaker_misread(reading, speech.end()) and (
                said := read_assignees(sentence[speech.end() :], self.units)
            ).assignees.lead:
                read_from, reading = sentence[speech.end() :], said
                verdict = _classify(read_from, reading, bool(self.stack), after_report, under_lead, self.fold)
            elif not reading.assignees.lead and (note := noted_content(folded)) is not None:
                # (concl8, conclusion_notes.py: "Bộ cũng lưu ý, đối với tàu cá … không sang khai thác …")
                read_from = sentence[note:] if len(folded) == len(sentence) else sentence
                reading = read_assignees(read_from, self.units)
                verdict = _classify(read_from, reading, bool(self.stack), after_report, under_lead, self.fold)
                if not verdict.directive and not verdict.reported_subject:
                    verdict = _Verdict(True)
            else:
                verdict = _classify(sentence, reading, bool(self.stack), after_report, under_lead, self.fold)
            if (
                not verdict.directive
                and self.line_marked
                and sentence is sentences[0]
                and not reading.how
                and not after_report
                and (subject := listed_item_subject(sentence)) is not None
                and _orders_after_subject(sentence[len(subject) :], self.fold)
                and _NAMED_BODY_DECIDES.match(folded) is None
            ):
                # (concl13, conclusion_round13.py: "+ Phòng Hành chính – Tổ chức tổng hợp …", "2/ Trường tổ chức …")
                verdict = _Verdict(True, subject=subject)
            if in_report and verdict.directive and reading.how != "assigned":
                # "I. Đánh giá chung" / "A. ĐÁNH GIÁ KẾT QUẢ ĐẠT ĐƯỢC:" then "- Thực hiện nghiêm túc ...": what
                # was done, said as orders are said; only an assignment ("Đề nghị Phòng Y tế ...") is work
                verdict = _Verdict(False)
            after_report = verdict.reported_subject or (after_report and not verdict.directive)
            if verdict.directive:
                just_emitted = True
                # "Đồng chí yêu cầu ban soạn thảo rà soát .... Làm rõ những kết quả ...": a sentence of
                # the same paragraph that names nobody continues the order before it.
                own = bool(reading.assignees.lead)
                first = len(self.candidates)
                self._emit(sentence, None if own else previous, read_from, verdict.subject)
                if own:
                    previous = first
            elif not verdict.directive and reading.assignees.lead:
                previous = None  # someone else's report in between: the thread is lost
            self.last_read = sentence
        self.after_task = just_emitted
        self.thread = previous if just_emitted else None

    def _emit(
        self, sentence: str, previous: int | None = None, read_from: str | None = None, subject: str | None = None
    ) -> None:
        context = [h.text for h in self.stack]
        section = self.stack[-1].section if self.stack else 0
        open_sections = {h.section for h in self.stack}
        for c in self.candidates:
            if c.heads is not None and c.heads in open_sections:
                c.dropped = True
        if read_from is not None or subject is not None:
            # one item, the whole sentence, read from where the speech starts / led by its own subject
            self.candidates.append(
                _Candidate(sentence, context, section, previous=previous, read_from=read_from, subject=subject)
            )
            self.candidates[-1].before = self.last_read
            return
        for k, clause in enumerate(_directive_clauses(sentence, self.units)):
            # a later clause naming nobody continues the first ("Giao X ...; Kiểm soát ..."); one naming
            # its own lead ("...; giao Công an xã ...") takes nothing from it (not its deadline)
            own = k > 0 and bool(read_assignees(clause, self.units).assignees.lead)
            clause_context = context if k == 0 or own else [*context, _first_clause(sentence)]
            self.candidates.append(
                _Candidate(clause, clause_context, section, previous=previous, before=self.last_read)
            )

    def directives(self, basis: date) -> list[ParsedDirective]:
        # A closer dates the directives of its section up to it ("- A. - B. Hoàn thành trong tháng 4."),
        # not the items after it ("a) ... Thời gian hoàn thành: trước 15/3. b) ..." dates a) only).
        closers: dict[int, list[tuple[int, str]]] = {}
        for i, c in enumerate(self.candidates):
            if c.section:
                closers.setdefault(c.section, []).extend((i, x) for x in c.closers)
        out: list[ParsedDirective] = []
        read: dict[int, ParsedDirective] = {}
        seen: set[str] = set()
        several = len(self.candidates) > 1  # (one candidate has no twin: its key is not made)
        for j, c in enumerate(self.candidates):
            if c.dropped:
                continue
            if several:
                key = " ".join(self.fold(c.text).split()).strip(" .;")  # blanks squeezed
                if key in seen:
                    continue  # web pages often print the report twice
                seen.add(key)
            # (a closer's label and its time read as one phrase: "Thời hạn hoàn thành: ngày 20/12/2024." is
            # cut at its colon when read as a lead-in, and "ngày 20/12/2024" alone names no deadline)
            context = [
                *c.context,
                *(x.replace(": ", " ", 1) for i, x in closers.get(c.section, ()) if i >= j and x not in c.closers),
            ]
            parsed = parse_directive(c.read_from or c.text, basis, self.units, context="\n".join(context) or None)
            if c.read_from is not None:
                parsed = replace(parsed, text=c.text)
            if c.subject is not None:
                # "– Từng lớp tổ chức chào cờ ngay tại lớp học." under "... đề nghị toàn thể giáo viên ...:"
                # (CE06): the part of the heading's lead the item names leads it
                own = parsed.assignees
                # (concl6: a topic's doer stands after "Đối với": its place in the text)
                at = 0 if c.text.startswith(c.subject) else max(c.text.find(c.subject), 0)
                ref = AssigneeRef(c.subject, None, (at, at + len(c.subject)))
                parsed = replace(parsed, assignees=Assignees((ref,), own.support, own.executor))
            if not parsed.assignees.lead and c.previous is not None:
                # The previous order's leads as read there (its list, its heading), not read anew out of
                # its sentence: "Chủ tịch UBND huyện giao A; B phân công lãnh đạo, nhân viên trực .... Kịp
                # thời báo cáo ..." continues A and B, not "lãnh đạo, nhân viên" (CB04; CB01 "Làm rõ ...").
                before = read.get(c.previous)
                if before is None:
                    before = parse_directive(self.candidates[c.previous].text, basis, self.units)
                own = parsed.assignees
                lead = tuple(replace(ref, span=None) for ref in before.assignees.lead)
                parsed = replace(parsed, assignees=Assignees(lead, own.support, own.executor))
            earlier = [(self.candidates[i].text, read[i]) for i in list(read)[-6:]]  # (carry10) the items before
            parsed = carried(c.read_from or c.text, parsed, earlier, read.get(c.previous), c.before, self.units)
            read[j] = parsed
            out.append(parsed)
        return out


# "; " then a capital, or then a new assignment in small letters ("Giao Phòng Kinh tế rà soát ...; giao
# Công an xã tăng cường tuần tra.": two orders, two leads).
_SEMICOLON_CLAUSE = re.compile(r";\s+(?=[^\W\d_a-zđ]|(?:giao|đề nghị|yêu cầu|de nghi|yeu cau)\s)")
_NEW_ASSIGNMENT = re.compile(r"^(?:giao|đề nghị|yêu cầu|de nghi|yeu cau)\s")


def _directive_clauses(sentence: str, units: Sequence[KnownUnit]) -> list[str]:
    """ "Giao X ... hàng tháng; Kiểm soát, đôn đốc ... trước ngày 15/12/2020." is two directives when
    the part after "; " opens a new order with a capital letter, or with "giao"/"đề nghị"/"yêu cầu"
    after an order ("Giao A ...; giao B ..."; after a report, "..., Phó Chủ tịch đã ghi nhận, trả lời
    công dân; giao các cơ quan ... xem xét" is one order, CE04)."""
    if ";" not in sentence:
        return [sentence.strip()]  # (what _SEMICOLON_CLAUSE splits at: a test in C first)
    parts = _SEMICOLON_CLAUSE.split(sentence)
    if len(parts) == 1:
        return [sentence.strip()]
    first_end = len(parts[0])
    new_assignment = _NEW_ASSIGNMENT.match(parts[1]) is not None
    if new_assignment and read_assignees(parts[0], units).how != "assigned":
        return [sentence.strip()]
    whole = read_assignees(sentence, units).assignees
    if not new_assignment and any(a.span and a.span[1] > first_end for a in (*whole.lead, *whole.support)):
        # "Đề nghị A; B tập trung ...": the list of assignees goes on; so does a list of coordinators
        # ("Giao Sở GTVT chủ trì, phối hợp các Sở: ...; Ban Quản lý khu kinh tế tỉnh; UBND các huyện: ...
        # nghiên cứu ..., báo cáo ... trước ngày 10/7/2024", D076-01; "Giao Chánh Thanh tra tỉnh chủ trì,
        # phối hợp với Thủ trưởng các sở ...; Chủ tịch UBND các huyện ... tổ chức triển khai ...", D112-01:
        # one order, its time at the end)
        return [sentence.strip()]
    out = [parts[0].strip().rstrip(";")]
    for part in parts[1:]:
        reading = read_assignees(part, units)
        opens, only_states = _opening_verb(part)
        if reading.how in ("assigned", "subject") or (opens and not only_states):
            out.append(part.strip())
        else:
            out[-1] = f"{out[-1]}; {part.strip()}"
    return out


def _first_clause(sentence: str) -> str:
    return _SEMICOLON_CLAUSE.split(sentence)[0].strip().rstrip(";") + ";"


# ------------------------------------------------------------------------------------------ public API
# "Kết luận: 1. Giao ... 2. Đề nghị ...": numbered points run together on one line.
_INLINE_POINT = re.compile(r"([.;:])\s+(?=(?:(?:\d{1,2}|[a-zđ])[.)]|[-–+•*])\s+[^\W\d_])")
# The same without the group, as a test before `sub` (which goes through Python-level template code on
# every call): a pattern that opens with a character set lets the engine skip to those characters.
_HAS_INLINE_POINT = re.compile(r"[.;:]\s+(?=(?:(?:\d{1,2}|[a-zđ])[.)]|[-–+•*])\s+[^\W\d_])")


# A ".", ";" or ":" with room after it (what _HAS_INLINE_POINT opens with, read from it): bounded finds
# in C before a search that walks the whole text.
_may_have_inline_point = MarkSearch(_HAS_INLINE_POINT).possible


_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")
_BLANKS = re.compile(r"[ \t]+")


def _clean(text: str, fold: Fold = _fold) -> list[str]:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if "\u200b" in text or "\u200c" in text or "\u200d" in text or "\ufeff" in text:
        text = _ZERO_WIDTH.sub("", text)
    if _may_have_inline_point(text) and _HAS_INLINE_POINT.search(text) is not None:
        text = _INLINE_POINT.sub(r"\1\n", text)
    # (a line with neither a tab nor two spaces running has no blanks to squeeze)
    lines = [
        (_BLANKS.sub(" ", line) if "\t" in line or "  " in line else line).strip() for line in text.split("\n")
    ]
    # (concl5) a letter's head run into one line (see _split_head_line): only among the first lines
    if any(_NATIONAL.search(fold(line)) for line in lines[:12] if line):
        lines = [part for k, line in enumerate(lines) for part in (
            _split_head_line(line, fold(line)) if k < 12 and line else [line]
        )]
    # A line the copy broke (a PDF's or a narrow page's printed lines): "1. Giao Phòng Kinh tế rà soát" +
    # "hồ sơ đất đai trên địa bàn, hoàn thành trước ngày 15/12." A Vietnamese sentence starts with a
    # capital and an item with its mark, so a line in small letters after one that did not end goes on
    # with it (as domain/understand/ocr.py joins the lines of a scan). Not in a text typed in small
    # letters throughout (a chat message: "giao cong an xa ra soat camera" + "phong kinh te kiem tra ...").
    # (one line has nothing to join: the count of capitals is for texts of several)
    starts = (
        [c for ln in lines if (c := ln[m.end() if (m := _MARKER.match(ln)) else 0 :][:1]).isalpha()]
        if len(lines) > 1
        else []
    )
    capitals = sum(1 for c in starts if c.isupper())
    rejoin = capitals * 2 > len(starts) or _wrapped_print(lines)
    body: list[str] = []
    for line in lines:
        if _END_OF_BODY.match(fold(line)):
            break  # "Nơi nhận:", signature block
        if (
            rejoin
            and body
            and body[-1]
            and line[:1].islower()
            and not _LINE_DONE.search(body[-1])
            and not _MARKER.match(line)
        ):
            body[-1] = f"{body[-1]} {line}"
            continue
        body.append(line)
    return body


def _wrapped_print(lines: list[str]) -> bool:
    """A printed page's lines (a PDF's text layer, a Word file saved as PDF) are mostly continuations in
    small letters, so the count of capitals above says "typed in small letters" — yet where a sentence or
    an item really starts (after a line that ended, or at a list mark) it starts with a capital. Two such
    starts at least, most of them capitals: the page was wrapped by its width, and its small-letter lines
    go on with the line before. (A chat message typed in small letters starts its sentences in small
    letters; one whose first line alone has a capital has one start only.) Found by qa6: CI05 as a PDF."""
    heads = 0
    capitals = 0
    done = True  # the first line starts a sentence
    for line in lines:
        marker = _MARKER.match(line)
        if done or marker:
            first = line[marker.end() if marker else 0 :][:1]
            if first.isalpha():
                heads += 1
                capitals += first.isupper()
        done = bool(line) and _LINE_DONE.search(line) is not None
    return heads >= 2 and capitals * 2 > heads


class _EndMark:
    """A pattern "one of these marks, then only non-word characters to the end" (`[.!?…]\\W*$`),
    searched from where the text's last run of non-word characters starts: the mark can only be in
    that run, and the regex engine, searching from the start, would try every position of the line
    (three such tests run on every line the splitter reads)."""

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        i = len(text)
        while i and not (text[i - 1].isalnum() or text[i - 1] == "_"):  # (\w: alphanumeric or "_")
            i -= 1
        return self._pattern.search(text, i)


_LINE_DONE = _EndMark(r"[.!?…:;]\W*$")


_SENTENCE_END = _EndMark(r"[.!?…:;]\W*$")
_NARRATIVE_OPENING = re.compile(
    # "(TTXVN) Hôm nay, ...", "(Baohatinh.vn) - Vừa qua, ...", "Mới đây, ...", "Trong 2 ngày 1 và 2/12, ..."
    r"^(\(\w[^)]{0,40}\)\s*[-–]?\s*)?(vua qua|hom qua|hom nay|sang nay|chieu nay|toi nay|ngay dang|moi day|gan day|"
    r"trong (?:hai|ba|bon|nam|\d+) ngay)\b"
    # "Tại hội nghị, ...", "Theo báo cáo của Sở Tài chính, ...": the story reports the meeting
    r"|^(tai|trong) (hoi nghi|cuoc hop|buoi lam viec|buoi hop|phien hop|buoi giao ban|buoi kiem tra)\b"
    r"|^theo (bao cao|thong tin|so lieu)\b"
    # "Chủ tịch UBND tỉnh vừa có văn bản chỉ đạo ...", "Sở GD-ĐT đã ban hành ...": news of a document;
    # "UBND huyện vừa tổ chức hội nghị ...": news of a meeting
    r"|^[^.;:]{3,80}?\b(vua|da|moi)\s+(co van ban|co cong van|ky|ban hanh|gui van ban|co chi dao|chi dao|"
    r"to chuc|tien hanh|hop|lam viec|kiem tra|chu tri)\b"
)


def headlines(lines: Sequence[str], units: Sequence[KnownUnit] = (), fold: Fold = _fold) -> list[str]:
    """The lines of a news page above its story: a category ("Hoạt động khối chính quyền"), the
    headline ("UBND huyện Thạch Hà triển khai nhiệm vụ trọng tâm tháng 12"). They come before the
    first prose line, end with no full stop, and that prose line opens the story with its date or
    a narrative opening ("Ngày 02/12/2024, UBND huyện tổ chức ...", "Thực hiện Kế hoạch số ...",
    "(Baohatinh.vn) - Vừa qua ..."). A line that assigns work is never a headline; nor is anything
    when no such story opening follows (a list of orders typed without full stops)."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if _SENTENCE_END.search(stripped) or len(stripped.split(None, 40)) > 40:  # (41 parts: more than 40)
            if not out:
                return []  # nothing above the first prose line: no headline, whatever opens the story
            folded = fold(stripped)
            opens_story = bool(
                _DATE_OPENING.match(folded) or _PREAMBLE.match(folded) or _NARRATIVE_OPENING.match(folded)
                or _MEETING_DATES[0].match(folded)
            )  # fmt: skip
            if opens_story:
                return out
            # A story opening not recognised: the lines above a paragraph of prose are still a page's
            # head when at most one of them reads as an order (the headline: "Tập trung cao độ phòng
            # chống bão số 3"); a list of orders typed without full stops has several.
            prose = len(stripped.split()) >= 15 and not _MARKER.match(stripped)
            orders = sum(1 for x in out if _reads_as_order(x, units))
            return out if prose and out and orders <= 1 and len(out[-1 if orders == 0 else 0].split()) >= 4 else []
        if _MARKER.match(stripped) or read_assignees(stripped, units).how == "assigned":
            return []
        out.append(stripped)
    return []


def _reads_as_order(line: str, units: Sequence[KnownUnit]) -> bool:
    reading = read_assignees(line, units)
    return reading.how == "subject" or reading.verb_initial or _opening_verb(line)[0]


# A news page's photo caption: a line with no full stop naming a person by name and what they do there,
# set between paragraphs of prose. "Đồng chí Nguyễn Trung Thảo, Phó Chủ tịch UBND tỉnh chủ trì tiếp công
# dân tháng 7" (CE04), "Đồng chí Ngọc Kim Nam- Bí thư huyện ủy kiểm tra công tác phòng chống bão số 4 tại
# trường tiểu học xã Minh Sơn" (CG01), "Đồng chí Trịnh Bá Quân, TP Kinh tế tổng hợp phát biểu ý kiến tại
# Hội nghị" (CX02), "Đồng chí Lê Trí Thức, chủ tịch UBNd TPLS phát biểu kết luận kỳ họp" (CX03). It
# records the picture, not an order: only in a text whose paragraphs end with full stops (a list of
# orders typed without them is not a news page), never with a mark, an assigning verb or a deadline.
# Some pages end the caption with a full stop ("Đồng chí Đỗ Thị Lai triển khai nôi dung cuộc họp." CX06;
# "Đồng chí Dương Xuân Hùng, Uỷ viên BTV, Trưởng ban Tổ chức Tỉnh ủy kiểm tra khu tái định cư Tân Tiến."
# in B040's page): a short line of one sentence whose verb is one of being there (speaking, visiting,
# inspecting, presenting).
_PERSON_OPENING = re.compile(r"^(?:dong chi|d/c|ong|ba)\s+(?P<name>\S)")
_BEING_THERE = re.compile(
    r"\s(?:phat bieu|kiem tra|tham|tham hoi|trao|tang|du|lam viec|chu tri|trien khai|trinh bay|quan triet|"
    r"bao cao|tiep|chuc mung|dang huong|khao sat)\b"
)
_PROSE_END = _EndMark(r"[.!?…]\W*$")


def _is_prose(lines: Sequence[str]) -> bool:
    return any(len(ln.split()) >= 15 and _PROSE_END.search(ln) for ln in lines)


def _caption(line: str, units: Sequence[KnownUnit], fold: Fold = _fold) -> bool:
    m = _PERSON_OPENING.match(folded := fold(line))
    if m is None or not line[m.start("name")].isupper() or _MARKER.match(line):
        return False
    if _SENTENCE_END.search(line) and not (
        line.rstrip().endswith(".")
        and len(line.split()) <= 20
        and len(split_sentences(line)) == 1
        and _BEING_THERE.search(folded) is not None
    ):
        return False
    if len(line.split()) > 30 or read_assignees(line, units).how == "assigned":
        return False
    return parse_deadline(line, date(2000, 1, 1)).kind is DeadlineKind.NONE


# A schedule line naming its activity: "Thời gian chào cờ: từ 7giờ15 ... thứ hai hàng tuần" (CG21), "*Thời
# gian: Treo cờ Đảng, cờ Tổ quốc, ... bắt đầu từ ngày 28/3/2023 đến hết ngày 05/4/2023." (CH09), "Thời gian
# thực hiện việc treo cờ Tổ quốc, từ ngày 21 đến hết ngày 25-5-2021. Thời gian thực hiện treo băng- rôn ..."
# (CH36). It times the items of the document about that activity that give no time of their own (CH36's
# three orders to hang flags and banners, CH09's "1. ... thực hiện tốt việc treo cờ", CG21's "Bộ phận giữ
# xe không cho xe vào trường khi làm lễ chào cờ"), before or after it, and not the others (CH09's "2. Tổ
# chức làm vệ sinh ..."). The activity is the two words after the label, matched letters only ("băng-
# rôn" is "băng- rôn" elsewhere); a doer there ("Thời gian các trường nhận hồ sơ ...", B133) is no activity.
_SCHEDULE = re.compile(
    r"^[-–•+*\s]*thoi gian(?: thuc hien| hoan thanh| to chuc| trien khai)?(?: viec)?\s*:?\s*"
    r"(?!(?:tu|den|truoc|trong|ngay|vao|tai|la|bat dau|cham nhat|ke tu|hoan thanh|thuc hien|cac|nhung|moi)\b)"
    r"(?P<act>[^\W\d_]+[\s-]+[^\W\d_]+)"
)
_LETTERS = re.compile(r"[^a-z]+")


def _schedules(lines: Sequence[str], basis: date, fold: Fold = _fold) -> list[tuple[str, object]]:
    """(the activity in letters, its deadline) for each schedule line that dates its activity."""
    out = []
    for line in lines:
        for sentence in split_sentences(line):
            m = _SCHEDULE.match(fold(sentence))
            if m is None:
                continue
            deadline = parse_deadline(sentence, basis)
            if deadline.kind in _DATING_KINDS or deadline.kind is DeadlineKind.RECURRING:
                out.append((_LETTERS.sub("", m.group("act")), deadline))
    return out


def _timed_by_schedule(
    directives: list[ParsedDirective], schedules: list[tuple[str, object]], fold: Fold = _fold
) -> list[ParsedDirective]:
    out = []
    for d in directives:
        if d.deadline.kind is DeadlineKind.NONE and not _SCHEDULE.match(fold(d.text)):
            letters = _LETTERS.sub("", fold(d.text))
            for activity, deadline in schedules:
                if activity in letters:
                    d = replace(d, deadline=deadline)
                    break
        out.append(d)
    return out


# ------------------------------------------------------------------------------------------ document head
# (concl5) The head of an official letter: the issuer in capitals ("UBND PHƯỜNG SÀI ĐỒNG", "SỞ GDĐT BÌNH ĐỊNH",
# "TRƯỜNG THPT VÕ GIỮ" CG15, "TRƯỜNG THCS PHONG XUÂN" CX04, "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH" CX05), the
# number ("Số: 155/KH-UBND" CX05; "Số" then "142/TB-VG Ân" CG15), the national title and motto, the dateline
# ("Phong Xuân, ngày 10 tháng 01 năm 2023" CX04, "Bắc Ninh, ngày 26 tháng 5 năm 2017" CX05, "Phú Nhuận, ngày
# 26 tháng 04 năm 2020" CE06, "Mỹ, ngày 8 tháng 12 năm 2022" CG15), the subject line ("V/v ...") and rules
# drawn under them ("______", "*"). None is a task, and the issuer is the body that speaks (LABELLING.md
# §5), never the lead of the items that name nobody: read as a heading, "UBND PHƯỜNG SÀI ĐỒNG" led them
# (found by QA on real conclusions). A copy from a two-column PDF or Word page gives these lines in any
# order (CG15: left and right columns interleaved) or runs them into one line; that line is cut at the
# national title, the motto, the number and the dateline first (_split_head_line).
_NATIONAL = re.compile(
    r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc|dang cong san viet nam"
)
_HEAD_NUMBER = re.compile(r"^so\b\s*:?\s*(?:\d[\w.]*\s*(?:[/\-–]\s*[\w&đ.\-–]+)*)?\s*\W*$")
# (the code as printed, in capitals after a slash: "142/TB-VG", "37/UBND-VP"; not an item "1- Giao …")
_HEAD_CODE = re.compile(r"^\d[\d.]*\s*/\s*[A-ZĐ]{1,6}(?:\s*[-–/]\s*[A-ZĐ&]{1,10})*\b")
_DATELINE = re.compile(
    r"^[^\d,.:;]{2,40},\s*ngay\s+\d{1,2}(?:\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\s+thang\s+\d{1,2},?\s+nam\s+\d{4})\W*$"
)
_SUBJECT_LINE = re.compile(r"^v/v\b")
_RULE_LINE = re.compile(r"^[\W_]+$")
# (in a joined head: where the national title starts, the motto ends, the number starts, the dateline runs)
_HEAD_CUTS = re.compile(
    r"(?P<before>cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|\bso\s*:\s*\d)"
    r"|(?P<after>doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc)"
    r"|(?P<date>,\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2},?\s+nam\s+\d{4})"
)


# The national title as a letter's head prints it, in capitals, and the motto: written in a sentence ("… Quốc
# khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", "… thành lập Đảng Cộng sản Việt Nam (3/2/1930 …)") the
# words are no head, and the line is no head to cut.
_PRINTED_NATIONAL = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc"
)
_ISSUER_NUMBER = re.compile(r"\bso\s*:\s*\d")


def _head_printed(line: str, folded: str) -> bool:
    """A line as a letter's head prints it: the national title in capitals or the motto, or the issuer in
    capitals then its number ("UBND PHƯỜNG SÀI ĐỒNG Số: 125/TB-UBND")."""
    if _PRINTED_NATIONAL.search(nfc(line)) is not None:
        return True
    m = _ISSUER_NUMBER.search(folded)
    if m is not None and m.start() == 0:
        # (qa10) the number then the dateline, the head's third row read across both columns by OCR
        # ("Số: 27/TB-BCĐ Nghĩa Tân, ngày 20 tháng 11 năm 2026" from a scan or a photo)
        return _HEAD_DATELINE_AFTER.search(folded, m.end()) is not None
    return m is not None and m.start() > 0 and _all_capitals(line[: m.start()])


_HEAD_DATELINE_AFTER = re.compile(r",\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2},?\s+nam\s+\d{4}\W*$")


def _split_head_line(line: str, folded: str) -> list[str]:
    """A letter's head run into one line, cut where its parts start (above)."""
    if len(folded) != len(line) or _HEAD_CUTS.search(folded) is None or not _head_printed(line, folded):
        return [line]
    cuts: set[int] = set()
    for m in _HEAD_CUTS.finditer(folded):
        if m["before"]:
            # (the number only after the issuer's capitals: "Quyết định số: 12/QĐ-UBND" in a sentence stays)
            if not folded.startswith("so", m.start()) or _all_capitals(line[: m.start()]):
                cuts.add(m.start())
        elif m["after"]:
            # (qa10) the motto ends its column, and starts it too: OCR reads a head's two columns across,
            # so the issuer comes before it on the line ("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Độc lập - Tự do - Hạnh
            # phúc"), and, read as one line, that issuer was taken for the meeting's name
            cuts.update((m.start(), m.end()))
        else:
            # the place before the dateline's comma: up to four words with capitals ("Sài Đồng, ngày ...")
            start = m.start()
            words = list(re.finditer(r"\S+", line[: m.start()]))[-4:]
            for w in reversed(words):
                if not w.group()[:1].isupper() or _NATIONAL.search(folded, w.start(), m.start()):
                    break
                start = w.start()
            cuts.update((start, m.end()))
    bounds = sorted({0, *cuts, len(line)})
    return [part for a, b in itertools.pairwise(bounds) if (part := line[a:b].strip(" ,;"))]


def _head_line(line: str, folded: str) -> bool:
    # (the number read with its tone: a wrapped line's lone "sơ" or "sổ" folds to "so" as well)
    number = _HEAD_NUMBER.match(folded) is not None and nfc(line)[:2].lower() == "số"
    national = _NATIONAL.match(folded) is not None and _PRINTED_NATIONAL.match(nfc(line)) is not None
    return bool(national or number or _DATELINE.match(folded))


def _document_head(lines: Sequence[str], fold: Fold = _fold) -> set[int]:
    """The indices of the letter's head lines (above) among the first lines: everything up to the last
    number, national title or dateline that is a head line, capitals or a code; lines in small letters
    there (a page's title: CG15 "Thông báo nghỉ học do mưa lũ") stay."""
    first = []
    for k, ln in enumerate(lines):
        stripped = ln.strip()
        if not stripped:
            continue
        if len(first) == 14 or _MARKER.match(stripped) or (len(stripped.split()) >= 8 and _PROSE_END.search(stripped)):
            break  # the body has begun: a dateline or a number after it is no head (a short text signed below)
        first.append(k)
    markers = [k for k in first if _head_line(lines[k].strip(), fold(lines[k].strip()))]
    if not markers:
        return set()
    out = set()
    for k in first:
        if k > markers[-1]:
            break
        stripped = lines[k].strip()
        folded = fold(stripped)
        if (
            k in markers
            or _RULE_LINE.match(stripped)
            or _SUBJECT_LINE.match(folded)
            or _HEAD_CODE.match(nfc(stripped))
            or (_all_capitals(stripped) and not stripped.endswith(":") and not _MARKER.match(stripped))
        ):
            out.add(k)
    return out


_TEXT_KIND = re.compile(
    r"^(?:thong bao\s+)?(?:ket luan|thong bao|bao cao|ke hoach|bien ban)\s+"
    r"(?:cua|ve|tai|ket luan|y kien|so|v/v|hoi nghi|cuoc hop|phien hop|buoi)\b"
)


def _names_the_text(line: str, units: Sequence[KnownUnit]) -> bool:
    """ "THÔNG BÁO Kết luận của ...", "Kết luận của ... tại cuộc họp ...": the kind of text, then whose it is."""
    reading = read_assignees(line, units)
    return _TEXT_KIND.match(_fold(line)) is not None and reading.how not in ("assigned", "relayed")


# concl6, lines above the body that give no work: a title printed again in the page ("THÔNG BÁO Về việc duy trì
# sinh hoạt Đoàn hàng tháng", CJ10, under the page's own title line), and a basis line "Thực hiện <what>" in the
# block of "Căn cứ …" lines, naming neither a document nor an order ("Thực hiện các chỉ tiêu công tác năm 2018
# của Đoàn khối …" CJ11, "Thực hiện nghĩa tình ủng hộ biên giới hải đảo năm 2011" CJ12: _PREAMBLE knows only
# "Thực hiện <document> …"). A "Thực hiện …" line anywhere else is read as before (it may be an item).
_PRINTED_TITLE = re.compile(r"^(?:THÔNG BÁO|KẾT LUẬN|KẾ HOẠCH|CÔNG VĂN|QUYẾT ĐỊNH|CHỈ THỊ)\s+(?:[Vv]ề việc|V/v|v/v)\b")
_BASIS_OPENING = re.compile(r"^(?:can cu|thuc hien)\s")


def _above_the_body(lines: Sequence[str], k: int, fold: Fold = _fold) -> bool:
    line = lines[k].strip()
    if _PRINTED_TITLE.match(line) and not _SENTENCE_INSIDE.search(line):
        return True
    folded = fold(line)
    if not folded.startswith("thuc hien ") or line.endswith(":") or _ORDER_WORD.search(folded):
        return False
    before = next((lines[j] for j in range(k - 1, -1, -1) if lines[j].strip()), "")
    return _BASIS_OPENING.match(fold(before.strip())) is not None and "thong bao" not in folded


def split_conclusion(text: str, today: date, units: Sequence[KnownUnit] = ()) -> ParsedConclusion:
    """The directives in a meeting conclusion, resolved against the meeting's date when the text
    states it (else `today`)."""
    folds = _Folds().__getitem__
    lines = _clean(text, folds)
    # (the title and a news page's head lines are still looked for among all the lines, as before: with the
    # letter's head taken out first, their window of first lines would reach into the orders)
    head = _document_head(lines, folds)
    title = title_above_the_list(lines, find_title(lines, folds, head), _MARKER.match, head)  # (concl8)
    above_story = headlines(lines, units, folds)
    title_at = title_lines(lines, title)  # (qafix13: a title may go on over the next lines; they are no body)
    if above_story and title not in above_story and not any(lines[k].strip() in above_story for k in title_at):
        # (qafix13) never the letter's head or its place and date: «Sóc Sơn, ngày 19 tháng 12 năm 2026» replaced a
        # one-line title that ends with a full stop (the story's first line to a news-page reading)
        heads = {lines[k].strip() for k in head}
        named = [h for h in above_story if len(h.split()) >= 4 and h not in heads
                 and not _DOCUMENT_DATES[0].match(folds(h))]
        title = named[-1] if named else title
        title_at = title_lines(lines, title)
    # (a title in several lines is no body; a one-line title's line is kept or dropped as before, on its full stop)
    title_more = title_at if len(title_at) > 1 else set()
    meeting_date = find_meeting_date("\n".join(lines), folds, title)  # (one line: that line, already folded)
    splitter = _Splitter(units, folds)
    # (whether the text is prose is asked only of a line that reads as a caption: few texts have one)
    # (concl5) find_title returns the title without its full stop: at the top of the text ("THÔNG BÁO Kết luận của
    # Chủ tịch UBND phường tại cuộc họp giao ban." under the letter's head), the line that ends with one is the
    # title too, not a task, when it reads as no order (a one-line text is often the order itself, and lower
    # down such a line may be the conclusion's one order, read as a title).
    top = next((k for k, line in enumerate(lines) if line and k not in head), -1)
    kept = [
        line
        for k, line in enumerate(lines)
        if line and k not in head and line != title and k not in title_more and line not in above_story
        and not (k == top and line.rstrip(".") == title and _names_the_text(line, units))
        and not _FURNITURE.match(folds(line))
        and not _above_the_body(lines, k, folds)
        and not (_caption(line, units, folds) and _is_prose(lines))
    ]  # fmt: skip
    for k, line in enumerate(kept):
        splitter.next_line = kept[k + 1] if k + 1 < len(kept) else ""
        splitter.line(line)
    splitter.finish()
    directives = splitter.directives(meeting_date or today)
    # (the schedule pass only when a "thời gian" is written: the whole text's fold is already cached)
    whole = folds("\n".join(lines))  # (speed14: joined and folded once; `lines` is not changed below)
    schedules = _schedules(kept, meeting_date or today, folds) if "thoi gian" in whole else []
    if schedules:
        directives = _timed_by_schedule(directives, schedules, folds)
    if may_have_time_line(whole):  # (conclo, conclusion_round14.py: the notice's time label line)
        directives = timed_by_the_notice_line(directives, kept, meeting_date or today, folds)
    if may_state_the_event_time(whole):  # (conclq, conclusion_round16.py: the event's one stated time)
        directives = timed_by_the_event_time(directives, kept, meeting_date or today, folds)
    # (concl7, conclusion_doer.py: the issuer's own lines out, a fronted day dates its task)
    directives = without_the_issuers_lines(directives, kept, units, folds, meeting_date or today)
    directives = without_the_issuers_fronted_step(directives, lines, folds)  # (conclp, conclusion_round15.py)
    if may_be_addressed(whole):  # (conclp, conclusion_round15.py: the letter's "Kính gửi:" block)
        directives = without_the_address_block(directives, lines, folds)
    # (deadl9, LABELLING §30.1: items announcing a measure or pointing back: `whole` above)
    if len(kept) > 2 and "thoi gian" in whole:  # (conv12, LABELLING §32.1: "Thời gian:" group lines)
        directives = timed_by_group_lines(directives, kept, meeting_date or today, folds)
    if len(kept) > 2:  # (conv12, LABELLING §32.2: a later line's day)
        directives = carried_back(directives, kept, folds)
    if "thong bao" in whole or "pho bien" in whole or "trong thoi gian" in whole:
        directives = carried_to_items(directives, kept, meeting_date or today, folds)
    if "nghi" in whole and "truc" in whole:  # (duty15, §38.1: a holiday notice's duty line, the break's last day)
        directives = dated_duty_lines(directives, kept, meeting_date or today, folds)
    directives = letter_period(directives, meeting_date or today, folds)  # (concperiod, LABELLING §31.13)
    directives = public_in_notice(directives, kept, units, folds)  # (conclo, conclp: lead_public_campaign.py, §8 d)
    return ParsedConclusion(meeting_date=meeting_date, title=title, directives=tuple(directives))
