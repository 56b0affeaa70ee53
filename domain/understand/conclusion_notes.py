"""Whole conclusions, eighth round (branch `concl8`, seventh issue-11 session): what is and is not a task in
notices, letters and news pages pasted whole (`/nhap`).

Each class below says the kind of text it serves and the dev documents it was written from, by corpus
(leave one corpus out: older = conclusions_v3…v7, J = conclusions_v8, K = conclusions_v9, L = conclusions_v10,
and the sentence sets `*_dev.jsonl` by their letter). `split_conclusion` and `_classify` call them through
one-line hooks. Tests: tests/domain/test_conclusion_round8.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from domain.understand.conclusion_title import title_lines

Fold = Callable[[str], str]

# ------------------------------------------------------------------------------------------ the title
# A title stands above the body. A short text with no heading has its first lines searched for one, and a line
# below the list of points, ending without a full stop and holding a title word ("… báo cáo kịp thời về Ban chỉ
# đạo xã (qua văn phòng" — a stored copy cut in its last sentence, CL01 [L]; "Nhà trường yêu cầu Trưởng các đơn
# vị … thông báo chủ trương này …" CJ02 [J]; "Ủy ban nhân dân huyện Châu Thành thông báo đến các cơ quan, …"
# CJ15 [J]) was taken for the title and dropped from the items. A title is never below a point of the list.


def title_above_the_list(
    lines: Sequence[str], title: str | None, marked: Callable[[str], object], head: Collection[int] = ()
) -> str | None:
    """`title`, unless the line it was read from comes after the first marked point ("1. …", "- …")."""
    if title is None:
        return None
    at = min(title_lines(lines, title), default=None)  # (qafix13: a title may go on over the next lines)
    if at is None:
        return title
    # (a point of the body ends as a sentence does: a breadcrumb or menu above a news title, "- Tin tức", "* Thông
    # báo", is marked too, and the headline under it stays the title)
    first_point = next(
        (k for k, line in enumerate(lines) if k not in head and marked(line) and line.rstrip()[-1:] in ".;:!?…"),
        None,
    )
    return None if first_point is not None and first_point < at else title


# ------------------------------------------------------------------------------------------ closing formula
# "… thông báo cho X biết về <the thing>": making X know a named thing is the work itself, not the execution
# formula "… thông báo để / cho X biết, thực hiện" (LABELLING.md §2). "Bộ … đề nghị UBND các tỉnh … chỉ đạo các
# cơ quan chức năng thông báo cho ngư dân … biết về việc tạm ngừng đánh cá …" (CL08 [L], the item was dropped as
# a formula), "Chủ tịch UBND tỉnh giao … thông báo cho ngư dân biết về việc cấm đánh bắt cá …" (L059-01 [L
# sentences]); the same work said with other verbs in "tổ bầu cử phải thông báo thường xuyên cho cử tri … biết
# về ngày bầu cử, nơi bỏ phiếu" (F088-02 [F]) and "thông tin cho người dân, khách du lịch biết về diễn biến cơn
# bão" (G104-01 [G]). A pointer back to the text itself ("biết về nội dung thông báo này") is still the formula.
_KNOW_WHAT = re.compile(
    r"\bbiet\s+(?:ve|duoc|ro)\s+"
    r"(?!(?:(?:cac|nhung|toan bo)\s+)?(?:noi dung|ket luan|thong bao|van ban|y kien|chi dao)"
    r"(?:\s+\w+){0,3}?\s+(?:tren|nay|neu tren)\b)\w"
)


def names_what_to_know(folded: str) -> bool:
    """The "biết" of "thông báo … biết" is followed by the thing to know: work, not the closing formula."""
    return "biet " in folded and _KNOW_WHAT.search(folded) is not None


# ------------------------------------------------------------------------------------------ a note
# A speaker's note, then what it asks: "<speaker> (cũng | đồng thời | đặc biệt) lưu ý(,) <what is to be done>".
# "Bộ cũng lưu ý, đối với tàu cá có giấy phép … không sang khai thác tại vùng biển phía Đông …" (CL08 [L]),
# "Công văn lưu ý phải chú ý kịp thời đánh giá tác động của thiên tai …" (CK28 [K]), "Đồng chí lưu ý, nội dung
# văn kiện không cần quá dài, … mà cần phải rõ việc …" (L004-01 [L sentences]); both dev items were dropped
# (the speaker read as the subject of a verb the lexicon does not hold, the note's content naming nobody).
# "… lưu ý các sở cần …" names whom it asks and is read as an assignment before this (J058-03, F064-02).
_NOTE = re.compile(
    r"^(?P<who>[^,.;:]{2,80}?)\s(?:(?:cung|dong thoi|dac biet|con|them|tiep tuc)\s+)*luu y\s*[,:]?\s+(?=\S)"
)
_ORDER_IN_SPEAKER = re.compile(r"\b(?:giao(?! duc\b)|yeu cau|de nghi|chi dao|phan cong|da|vua)\b")
# What the note asks: a duty or a ban, an urgency word, a topic and its rule ("đối với X không …").
_NOTE_ASKS = re.compile(
    r"\b(?:phai|can|khong duoc|khong|nghiem cam|cam|chu y|kip thoi|khan truong|tranh|han che|tuyet doi|"
    r"tiep tuc|tang cuong|chu dong)\b"
)


def noted_content(folded: str) -> int | None:
    """Where the content of a speaker's note starts, when the sentence is one ("X lưu ý, …") that asks."""
    if "luu y" not in folded:
        return None
    m = _NOTE.match(folded)
    if m is None or _ORDER_IN_SPEAKER.search(m["who"]) is not None:
        return None
    rest = folded[m.end() :]
    if len(rest.split()) < 4 or re.match(r"(?:\W*\w+){0,3}?\s(?:da|vua)\s", f" {rest}") or not _NOTE_ASKS.search(rest):
        return None
    return m.end()


# ------------------------------------------------------------------------------------------ consequence
# What happens to whoever breaks the rule, said of them in the passive: "Sau thời hạn …, sinh viên chưa hoàn thành
# nghĩa vụ đóng học phí sẽ bị xử lý học vụ theo quy định của Trường." (CL06 [L], offered as a task of "sinh
# viên"), "Các hành vi vi phạm gian lận thương mại … sẽ bị xử lý nghiêm." (CK20 [K]), the clause "nếu DN tiếp tục
# vi phạm sẽ bị xử lý nghiêm" inside an order (L065-01 [L sentences]: the order before it is the task). Nobody is
# given work (LABELLING.md §1: "sẽ bị xử lý nghiêm" is not stored); an order in the same sentence ("yêu cầu …",
# "phải …") keeps it.
_PENALTY = (
    r"bi\s+(?:xu ly|xu phat|phat|ky luat|dinh chi|thu hoi|cat|tru|truy cuu|lap bien ban|buoc|tich thu|"
    r"nhac nho|phe binh|khien trach|canh cao|huy|tam dung|cam|tu choi|loai|xoa ten|khoa)\b"
)
_CONSEQUENCE_PREDICATE = re.compile(r"^(?:(?:se|thi|deu|cung|van|co the|rat de)\s+)*" + _PENALTY)
_CONSEQUENCE = re.compile(r"^[^;:]{3,250}?\s(?:se|thi)\s+" + _PENALTY)
_ORDER_OR_DUTY = re.compile(
    r"\b(?:giao(?! duc\b)|yeu cau|de nghi|chi dao|phan cong|phai|can|co trach nhiem|khan truong|nghiem cam|"
    r"khong duoc)\b"
)


def consequence(folded: str, how: str, predicate: str, fold: Fold) -> bool:
    """A sentence that only says what befalls those at fault (see above)."""
    if "bi " not in folded:  # (substring tests in C before anything else: most sentences have none)
        return False
    if how == "" and "se bi " not in folded and "thi bi " not in folded:
        return False  # ("chuẩn bị", "thiết bị" fold to "bi" too)
    if how == "subject":
        hit = _CONSEQUENCE_PREDICATE.match(fold(predicate)) is not None
    elif how == "":
        hit = _CONSEQUENCE.match(folded) is not None
    else:
        return False
    if not hit:
        return False
    before = folded.split(" bi ", 1)[0]
    return _ORDER_OR_DUTY.search(before) is None


# ------------------------------------------------------------------------------------------ basis
# The basis of the notice, the body that acts named only inside the document's subject: "Thực hiện công văn số
# 460/UBND-KGVX ngày 15/02/2021 của UBND Thành phố Hà Nội về việc cho học sinh, sinh viên tạm dừng đến trường
# nhằm …" (CL03 [L]: "sinh viên tạm dừng …" was read as subject and verb), and "Thực hiện theo sự chỉ đạo của UBND
# Thành phố … và Sở GD&ĐT …, để tiếp tục phòng …" (CL02 [L]: "theo" between the verb and "sự chỉ đạo"); the
# preambles of the older sets ("Thực hiện sự chỉ đạo của Sở Giáo dục - Đào tạo tại Công văn số …" CG21, "Thực
# hiện sự chỉ đạo của thành phố Hà Nội tổ chức …" CK12) are the same opening, already out. The order after it
# ("…, UBND xã yêu cầu …", "…, các xã phải …") keeps the sentence.
_BASIS = re.compile(
    r"^\W{0,3}(?:thuc hien|can cu|trien khai|theo)\s+(?:vao\s+)?(?:theo\s+)?(?:tinh than\s+)?(?:su\s+)?"
    r"(?:chi dao|cong van|cong dien|ke hoach|thong bao|quyet dinh|nghi quyet|chi thi|van ban|huong dan|ket luan)\b"
)
_ORDER_AFTER_BASIS = re.compile(
    r"\b(?:giao(?! duc\b)|yeu cau|de nghi|phan cong|kinh mong|rat mong|phai|can|co trach nhiem|khan truong|"
    r"nghiem tuc)\b"
)
_DOCUMENT_SUBJECT = re.compile(r"\bve viec\b")
# (the openings _BASIS allows, as a test in C before the pattern: it runs on every sentence the splitter judges)
_BASIS_FIRST = ("thuc hien", "can cu", "trien khai", "theo", "-", "–", "•", "*", "+", "(", "\"", "“")


def basis_only(folded: str, how: str, subject_at: int | None) -> bool:
    """A sentence that only cites what the notice carries out (see above)."""
    if not folded.startswith(_BASIS_FIRST):
        return False
    m = _BASIS.match(folded)
    if m is None:
        return False
    if how == "subject":
        # the subject read inside the cited document's subject line ("… về việc cho học sinh, sinh viên …")
        about = _DOCUMENT_SUBJECT.search(folded, m.end())
        if subject_at is None or about is None or about.start() > subject_at:
            return False
    elif how != "":
        return False
    return _ORDER_AFTER_BASIS.search(folded, m.end()) is None


# ------------------------------------------------------------------------------------------ appeal
# A request said as a wish, to parents, customers, members: "… nhà trường kính mong CMHS tiếp tục thực hiện tốt
# thông điệp 5K …" and "Trong thời gian trẻ tạm dừng đến trường, kính mong CMHS quan tâm nhiều hơn …" (CL03 [L],
# the second dropped), "Đồng thời, rất mong quý khách hàng, các cơ quan công sở … cùng chung tay sử dụng điện
# tiết kiệm" (L044-01 [L sentences]), "… Chủ tịch UBND xã … mong muốn mọi tầng lớp nhân dân của xã tích cực duy
# trì hoạt động thể dục thể thao" (G114-01 [G], dropped), "… mong muốn các cấp ủy Đảng, đảng viên … tiếp tục
# phát huy …" (J045-01 [J]). The closing "Trên đây là … kính mong bà con thực hiện tốt" is caught as a formula
# first; a wish for oneself ("mong muốn được …", "mong rằng …") asks nobody.
_APPEAL = re.compile(
    r"(?:^|[\s,])(?:kinh mong|rat mong|mong muon|tha thiet mong|tran trong mong|xin mong)\s+(?!duoc\b|rang\b|se\b)"
    r"(?:[^.;:]{2,80}?)\s(?:tiep tuc|thuc hien|quan tam|tich cuc|chu dong|cung|phoi hop|tham gia|duy tri|"
    r"chung tay|ung ho|huong ung|phat huy|theo doi|giu|su dung|tao dieu kien|ho tro|chap hanh|nghiem tuc|kiem tra|"
    r"nhac nho|dong vien|trao doi|dam bao|bao dam|khong)\b"
)
_REPORTED = re.compile(r"^(?:(?!\b(?:mong)\b).){0,120}?\b(?:da|vua)\s+(?:kinh mong|rat mong|mong muon)\b")


def appeal(folded: str) -> bool:
    """A polite request to someone to act (see above)."""
    return (
        "mong" in folded
        and not folded.lstrip(" -–•*+").startswith("tren day la ")
        and _APPEAL.search(folded) is not None
        and _REPORTED.search(folded) is None
    )


# ------------------------------------------------------------------------------------------ adverb, comma
# A manner or sequence word set off by a comma before the order: "Kịp thời, thông báo các vụ việc đột xuất … về
# Tổng cục Thủy sản …" (CL08 [L], dropped), "- Tích cực, chủ động triển khai các phương án phòng, chống lụt, bão
# …" (D090-03 [D sentences], dropped), "Sau đó, các địa phương tiến hành hoàn chỉnh hồ sơ …" (F083-03 [F
# sentences], dropped). Read as the discourse openers are ("Đồng thời, …", "Ngoài ra, …"): the sentence as if it
# began after the comma. (Without the comma these words are skipped before the verb already.)
_ADVERB_COMMA = re.compile(
    r"^(?:kip thoi|khan truong|thuong xuyen|tiep tuc|chu dong|nghiem tuc|tich cuc|quyet liet|truoc mat|"
    r"sau do|tiep theo|tiep do|cuoi cung|truoc het|dau tien)\s*,\s+(?=\S)"
)


_ADVERB_FIRST = (
    "kip thoi", "khan truong", "thuong xuyen", "tiep tuc", "chu dong", "nghiem tuc", "tich cuc", "quyet liet",
    "truoc mat", "sau do", "tiep theo", "tiep do", "cuoi cung", "truoc het", "dau tien",
)


def adverb_comma(folded: str) -> re.Match[str] | None:
    """The opening "<adverb>, " of a sentence (see above), or None."""
    return _ADVERB_COMMA.match(folded) if folded.startswith(_ADVERB_FIRST) else None


# ------------------------------------------------------------------------------------------ closure
# A school closure announced to those who stay home, said with "tạm dừng đến trường / tạm nghỉ học / tiếp tục
# nghỉ học": "Học sinh toàn trường tạm dừng đến trường từ ngày 17/02/2021 đến hết ngày 28/02/2021." (CL03 [L],
# offered as a task of "Học sinh toàn trường"). The same class as the day off of the older sets ("Học sinh toàn
# trường nghỉ học từ sáng ngày 8/12/2022." CG15, "… được nghỉ học vào ngày 18.9." CG13: conclusion.py _DAY_OFF),
# which reads only "(được) nghỉ học". Nobody is asked to act; letting them off is work ("Cho học sinh … tạm dừng
# đến trường", "yêu cầu các trường cho học sinh …": an order word in the subject part keeps it).
_STAYS_OFF = re.compile(
    r"^(?!\W*(?:trong|khi|sau|truoc|neu|de|nham|den|tu)\s)"  # (a time frame: "Trong thời gian trẻ tạm dừng …, …")
    r"(?P<who>[^,.;:]{2,80}?)\s(?:(?:se|tiep tuc|duoc|deu|van|cung)\s+)*(?:tam dung|tam nghi|tam hoan|nghi)\s+"
    r"(?:viec\s+)?(?:den truong|di hoc|hoc truc tiep|hoc tap trung|hoc)\b"
)
_LETS_OFF = re.compile(r"(?:^|\s)(?:cho|phai|can|yeu cau|de nghi|giao|chi dao|thong bao)(?:\s|$)")


def stays_off(folded: str) -> bool:
    """A closure said of those who stay home (see above)."""
    # (what the pattern's object needs, as substring tests in C: "nghị" folds to "nghi", and "đề nghị " opens
    # most orders, so the verb alone is no gate)
    if not ("hoc" in folded and ("nghi hoc" in folded or "di hoc" in folded or "dung hoc" in folded
                                 or "hoan hoc" in folded or "viec hoc" in folded or "hoc truc tiep" in folded
                                 or "hoc tap trung" in folded)) and "den truong" not in folded:
        return False
    m = _STAYS_OFF.match(folded)
    return m is not None and _LETS_OFF.search(m["who"]) is None


# ------------------------------------------------------------------------------------------ status
# The situation as of a day, before the notice's orders: "Tính đến ngày 6/3/2020 dịch bệnh viêm đường hô hấp cấp
# do COVID -19 tiếp tục gây ra diễn biến rất phức tạp …" (CL02 [L], offered as a task: "tiếp tục" read as an
# order's adverb), "Đến ngày 12/3/2020 trên địa bàn xã Liên Sơn đang thực hiện cách ly tại gia đình cho 01 hộ …"
# (CL01 [L], not offered: a day alone is left to the fronted-day reading). A day opening a report, as
# conclusion.py's _DATE_OPENING ("Ngày 12/4/2018, tại …"), reckoned up to
# it. An order or a duty in the sentence keeps it ("Đến nay toàn tỉnh đã có 11/11 đơn vị cấp huyện chỉ đạo tổ
# chức …" J016-01 [J sentences] is a report with an order inside; "Tính đến ngày 20/3, các xã phải …" asks).
# ("Đến ngày 20/6, các đơn vị gửi …" is a deadline said first, conclusion_doer.fronted_day_task: only "tính đến" and
# "đến nay / đến thời điểm này", which look back, are read here.)
_AS_OF = re.compile(
    r"^\W{0,3}(?:tinh (?:den|toi)\s+(?:het\s+)?(?:ngay\s+\d|nay\b|thoi diem\b|\d{1,2}\s*/)"
    r"|(?:den|cho den)\s+(?:nay|thoi diem (?:nay|hien tai))\b)"
)
_ASKS = re.compile(
    r"\b(?:giao(?! duc\b)|yeu cau|de nghi|chi dao|phan cong|phai|can|co trach nhiem|khan truong|kinh mong|"
    r"rat mong|hoan thanh|bao cao|nop)\b"
)


_AS_OF_FIRST = ("tinh ", "den ", "cho den", "-", "–", "•", "*", "+", "(", "\"", "“")


def status_as_of(folded: str) -> bool:
    """A statement of how things stand on a day (see above)."""
    if not folded.startswith(_AS_OF_FIRST):
        return False
    return _AS_OF.match(folded) is not None and _ASKS.search(folded) is None


# ------------------------------------------------------------------------------------------ a speech that decides
# A news speech whose only content is a decision or praise: "Phát biểu tại kỳ họp đồng chí P. – Bí thư, Chủ tịch UBND
# xã - Chủ tịch Ủy ban bầu cử xã, thống nhất thành lập 7 tổ bầu cử." (CK02 [K], offered as a task). A decision
# names nobody to act (LABELLING.md §2), and praise is none; the same opening with an order after the praise is a
# task and stays: "Phát biểu kết luận tại hội nghị, Phó Bí thư … ghi nhận những việc làm được …; đồng thời đề nghị
# …" (B084-01 [B sentences]), "Phát biểu chỉ đạo, đồng chí N., Bí thư Đảng ủy xã đánh giá cao sự chủ động … ,
# yêu cầu …" (F137-01 [F sentences]).
_SPEECH_DECIDES = re.compile(
    r"^\W{0,3}(?:phat bieu|ket luan)\b[^.;]{0,200}?[\s,](?:(?:da|cung)\s+)?"
    r"(?:thong nhat|dong y|nhat tri|chap thuan|ghi nhan|bieu duong|danh gia cao|bieu quyet)\b"
)
_SPEECH_ORDERS = re.compile(
    r"\b(?:giao(?! duc\b)|yeu cau|de nghi|chi dao|phan cong|phai|can|co trach nhiem|khan truong|luu y|dong thoi)\b"
)


def speech_decides(folded: str) -> bool:
    """A speech that only decides or praises (see above)."""
    if not folded.startswith(("phat bieu", "ket luan", "-", "–", "•", "*", "+")):
        return False
    m = _SPEECH_DECIDES.match(folded)
    # (the order words looked for after the opening's own "chỉ đạo"/"kết luận": "Phát biểu chỉ đạo, …")
    return m is not None and _SPEECH_ORDERS.search(folded, m.end()) is None and not _SPEECH_ORDERS.search(
        folded[: m.end()].split(",", 1)[-1] if "," in folded[: m.end()] else ""
    )
