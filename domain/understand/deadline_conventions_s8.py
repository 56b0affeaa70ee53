"""LABELLING.md §31.6: "ngay" that times the response to each case of a class is no deadline (issue 11, eighth
session, branch `conv11`).

"ngay" times one task that can start now ("khắc phục ngay sự cố", "triển khai ngay kế hoạch") → `immediate`
(§22). "ngay" that times the response to **each case** of a class sets how every future case is handled, not
when one task is done: `none`, as §22's "khi có cháy phải dập tắt ngay" (the contingency `deadline_grammar`
already reads: "khi xảy ra / phát sinh / phát hiện …" before it). The forms that marker lacks:
- the class named after the verb by "đối với (các / những / mọi / từng) <cases>": "Báo cáo ngay cho UBND xã
  đối với các trường hợp trở về …" (CL01), "thông quan ngay đối với hàng hóa là thực phẩm …" (J010-02, right
  before only because "ngay đối" read as a day);
- a condition or "each time" before it in its clause: "mỗi khi", "khi có", "nếu (có / phát hiện / xảy ra)",
  "trường hợp (có / phát hiện / xảy ra)", "phát hiện …" ("Khi phát hiện trộm … phải liên hệ ngay …", L022-01,
  read by the older marker; "Nếu phát hiện gia cầm chết …, phải báo ngay …");
("ngay khi có …" after the verb is read before this as `relative` by the older rules, left as it is.)
Not "báo cáo ngay các trường hợp …" (the cases named as the object: G072-01, left by the guide to a second
reader), nor an "đối với" far from the verb ("báo cáo ngay về Cục … trong quá trình … đối với mặt hàng …",
J010-03: one report now), nor "Đối với X, … ngay …" (a topic before the verb, J033-03).

One function, hooked by one line into `deadline_grammar._immediates`. Tests: `tests/domain/test_conventions_s8.py`.
"""

from __future__ import annotations

import re

# The cases named right after the verb (its complement "cho / với / về X" allowed, no comma between).
_CASES = (
    r"truong\s+hop|ca|vu|vu\s+viec|hang\s+hoa|ho\s+so|lo\s+hang|chuyen\s+hang|doi\s+tuong|phuong\s+tien"
)
_FOR_EACH_CASE = re.compile(
    r"^[^,;.:]{0,40}?\bdoi\s+voi\s+(?:(?:cac|nhung|moi|tung|moi)\s+)?(?:" + _CASES + r")\b"
)
_EACH_TIME_BEFORE = re.compile(
    r"\b(?:moi\s+khi|khi\s+co|neu\s+(?:co|phat\s+hien|xay\s+ra)|truong\s+hop\s+(?:co|phat\s+hien|xay\s+ra)"
    r"|phat\s+hien\b.*\bphai)\b"
)


def per_case(f: str, start: int, end: int, clause_before: str) -> bool:
    """Does the "ngay" at f[start:end] (folded text) time the response to each case of a class?"""
    if _FOR_EACH_CASE.match(f[end : end + 90]):
        return True
    return ("khi" in clause_before or "neu" in clause_before or "hien" in clause_before or "hop" in clause_before) and (
        _EACH_TIME_BEFORE.search(clause_before) is not None
    )
