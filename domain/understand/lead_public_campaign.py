"""LABELLING §8 d and §31.1 in one rule: the public's part of an item's lead under a body's lead-in (session 11,
branch conclp; it unifies leaddoc's `public_under_lead_in` and conclo's `public_led_by_the_speaker`).

Kind of text served: a notice or letter whose lead-in names the body that speaks, then items whose doer is the
public ("UBND xã khuyến cáo:" / "Người dân không di chuyển qua …"; "… trường Tiểu học X xin gửi tới các bậc phụ
huynh một số kĩ năng sau:" / "Mong rằng các bậc phụ huynh hãy …"; "Trạm Y tế xã … xin thông báo …:" … "Lưu ý các bà
mẹ:" / "- … phụ huynh cần đưa ngay trẻ …"). Nobody can remind the public: advice, appeals and requests to it are the
campaign of the body that gives them, which leads "also when it is only in the lead-in" (§8 d, `lead_source:
context`); a public named in a list beside bodies, each part with its own determiner, is replaced in place (§31.1).

What §8 d and §31.1 set apart, and session 10's two rules could not: the public *advised* (people at large asked to
join a campaign — flags, cleaning, a storm, a vaccination day) against addressees *bound* by the issuer's own
notice ("Yêu cầu các hộ gia đình đổ rác đúng giờ", students told to pay fees, a lockdown's "phải ở tại nhà"), who
stay as written. Read from the grammar of the lead-in and the item, not from the topic:
  - a lead-in that advises ("khuyến cáo", "lưu ý", "khuyên", "kêu gọi", "vận động", "mong", "xin gửi tới") → advice,
    whatever the item says ("Thực hiện nghiêm túc các hướng dẫn …" under "khuyến cáo:" is still advice);
  - otherwise (a neutral "thông báo", "đề nghị", a lead-in with no verb of its own) the item or lead-in that binds —
    an order ("yêu cầu", "quy định"), an obligation ("phải", "bắt buộc", "có trách nhiệm", "có nghĩa vụ"), a ban
    ("nghiêm cấm", "cấm", "không được"), compliance ("chấp hành"), a payment ("nộp", "đóng" a fee) — keeps the
    public as written; any other item is advice.

One rule, two ways in (hooks of one line each):
  - `in_context` (`directive.parse_directive`): the item's own context — its innermost lead-in colon, or, when that
    lead-in asks the public with its asker left out ("Và mong muốn người dân hãy …, cụ thể như:"), the body of the
    segment before it (leaddoc's L030 form).
  - `in_notice` (`conclusion.split_conclusion`): a whole notice whose speaker stands in a lead-in further up than
    the item's own context ("Nay Trạm Y tế xã … xin thông báo … như sau:", then "Lưu ý các bà mẹ:" and its dashes,
    then "Đề nghị các bà mẹ hãy đưa trẻ …" after the list) — only with one speaker in the text's lead-ins, and only
    for items after its line.
Both call `advised_by`, the rule itself. Dev it was written from (session 10): CM02 ×3 (corpus M conclusions), M012-02
(M), L030-01 (L), CO03, CO06 ×2 (corpus O conclusions). The bound side (session 11): §31.1's and §8 d's own examples;
CO01 (a fee "đề nghị các hộ dân nghiêm túc chấp hành nộp …", gold "các hộ dân") is the dev record of the class.
Tests: `tests/domain/test_conclusion_round15.py`, `test_conclusion_round14.py`, `test_lead_from_document.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from domain.types import AssigneeRef, Assignees, KnownUnit, ParsedDirective
from domain.understand.textnorm import fold, nfc

# A lead-in that advises (lower-case, with diacritics): the items under it are advice whatever they say.
_ADVISES = re.compile(
    r"\b(?:khuyến cáo|lưu ý|khuyên|kêu gọi|vận động|kính mong|rất mong|mong muốn|mong rằng|xin gửi tới|xin gửi đến)\b"
)
# An item or lead-in that binds its addressees to the issuer's rule (§31.1 "an order binding residents", §8 d "a
# school's students told to pay fees"): they stay as written.
_BINDS = re.compile(
    r"\b(?:yêu cầu|quy định(?! của)|phải|bắt buộc|có trách nhiệm|có nghĩa vụ|nghiêm cấm|cấm|không được|chấp hành"
    r"|nộp|đóng (?:phí|tiền|quỹ|thuế|học phí|lệ phí))\b"
)
# The notice's speaking verb (folded): the lead-in lines `in_notice` takes as the notice's speaker.
_SPEAKS = re.compile(r"\s(?:xin\s+|kinh\s+)?(?:thong bao|khuyen cao|luu y|keu goi)\b")
# The mothers of a health station's notice are the public too (§8 d: people at large).
_MORE_PUBLIC = ("bà mẹ",)


# ------------------------------------------------------------------------------------------ the rule
def advised_by(text: str, own: Assignees, lead_ins: Sequence[str], units: Sequence[KnownUnit] = ()) -> Assignees:
    """`own` with its public leads replaced by the body that advises them (the first lead-in of `lead_ins`,
    innermost first, whose subject is a body), unless the item binds them (see the module doc)."""
    if not own.lead or not lead_ins:
        return own
    public = [is_public(r.text, units) for r in own.lead]
    if not any(public):
        return own
    body = _advising_body(lead_ins, units)
    if not body:
        return own
    if not any(_ADVISES.search(nfc(x).lower()) for x in lead_ins) and any(
        _BINDS.search(nfc(x).lower()) for x in (text, *lead_ins)
    ):
        return own  # addressees bound by the issuer's notice stay as written (§31.1, §8 d)
    kept: list[AssigneeRef] = []
    for ref, is_pub in zip(own.lead, public, strict=True):
        for r in body if is_pub else (ref,):
            if not any(_same_body(k.text, r.text) for k in kept):
                kept.append(r)
    return Assignees(lead=tuple(kept), support=own.support, executor=own.executor)


def _same_body(a: str, b: str) -> bool:
    """One body named twice, the second time shorter or abbreviated: "UBND phường" and "Ủy ban nhân dân phường Cự
    Khối" (an item whose own subject already advises the public: "UBND phường phát động …; đề nghị …, toàn thể nhân
    dân …" under "Ủy ban nhân dân phường Cự Khối thông báo:" — the public's part is that body's, named already)."""
    x, y = (re.sub(r"\buy ban nhan dan\b", "ubnd", fold(t)).strip() for t in (a, b))
    return x == y or (x + " ").startswith(y + " ") or (y + " ").startswith(x + " ")


def _advising_body(
    lead_ins: Sequence[str], units: Sequence[KnownUnit], speaker_first: bool = False
) -> tuple[AssigneeRef, ...]:
    from domain.understand.lead_from_document import _programme_subject

    for lead_in in lead_ins:
        if speaker_first:  # (speed: the notice's speaking line, a short name read before its verb, as in session 10)
            body = _speaker(lead_in, units) or _programme_subject(lead_in, units, lead_in=True)
        else:
            body = _programme_subject(lead_in, units, lead_in=True) or _speaker(lead_in, units)
        if body:
            return tuple(replace(r, span=None) for r in body)
    return ()


# an opener before the body ("Nay", "Vậy", a dash), folded
_LEAD_IN_OPENER = re.compile(r"^(?:[-–—+*•]\s*)?(?:(?:nay|vay|do do|vi vay)\s*,?\s+)?")


def _speaker(lead_in: str, units: Sequence[KnownUnit]) -> tuple[AssigneeRef, ...]:
    """The body a lead-in names right before its speaking verb, read as a name ("Trung tâm Y tế huyện Quan Sơn
    khuyến cáo:", where the subject finder stops at a place name), or ()."""
    from domain.understand.assignees import read_assignees

    folded = fold(lead_in)
    verb = _SPEAKS.search(folded)
    if verb is None or len(folded) != len(lead_in):
        return ()
    opener = _LEAD_IN_OPENER.match(folded)
    body = lead_in[opener.end() if opener else 0 : verb.start()].strip(" ,")
    if not body or len(body.split()) > 12:
        return ()
    reading = read_assignees(body, units)
    leads = reading.assignees.lead
    if reading.how != "name" or len(leads) != 1 or is_public(leads[0].text, units):
        return ()
    return (AssigneeRef(leads[0].text, None, None),)


def is_public(name: str, units: Sequence[KnownUnit] = ()) -> bool:
    """A lead that is people at large (§8 d): the reader's public ("Người dân", "các hộ gia đình", "phụ huynh"), or
    the splitter's list with its determiners ("các bà mẹ")."""
    from domain.understand.lead_from_document import _is_public

    return _is_public(name, units) or _public_pattern().match(fold(name)) is not None


_PATTERN: list[re.Pattern[str]] = []


def _public_pattern() -> re.Pattern[str]:
    """(speed) The public lead's pattern, built once: a determiner or two, then a public noun (folded)."""
    if not _PATTERN:
        from domain.understand import conclusion_carry as CC  # (the §8 d lists the reader keeps)

        public = "|".join(sorted({re.escape(fold(p)) for p in (*CC._PUBLIC, *_MORE_PUBLIC)}, key=len, reverse=True))
        dets = "|".join(sorted({re.escape(fold(p)) for p in CC._DETERMINERS}, key=len, reverse=True))
        _PATTERN.append(re.compile(rf"^(?:(?:{dets})\s+){{0,3}}(?:{public})\b"))
    return _PATTERN[0]


# ------------------------------------------------------------------------------------------ way in 1: a context
def in_context(text: str, own: Assignees, context: str | None, units: Sequence[KnownUnit] = ()) -> Assignees:
    """`parse_directive`'s hook, last: the item's innermost lead-in colon (or, when it asks the public with its
    asker left out, the segment before it) as the lead-ins of `advised_by`."""
    if not own.lead or not context or not context.rstrip().endswith(":"):
        # (speed14 gate) `context_segments` cuts only at whitespace and never leaves a blank last part, so its
        # last segment ends with ":" exactly when the context does; no name is read otherwise
        return own
    if not any(is_public(r.text, units) for r in own.lead):
        return own  # (a public in a list beside bodies is replaced in place, as `in_notice` does: §31.1)
    from domain.understand.assignees import context_segments
    from domain.understand.lead_from_document import _asks_public_unsaid

    segments = context_segments(context, units)
    if not segments or not segments[-1].rstrip().endswith(":"):
        return own  # the sentence before, not a lead-in: `advised_public` (§31.4) decides
    lead_ins = [segments[-1]]
    if len(segments) > 1 and _asks_public_unsaid(segments[-1], units):
        lead_ins.append(segments[-2])  # "Và mong muốn …:" after "BCĐ … đã kiểm tra …"
    return advised_by(text, own, lead_ins, units)


# ------------------------------------------------------------------------------------------ way in 2: a notice
def in_notice(
    directives: list[ParsedDirective], lines: Sequence[str], units: Sequence[KnownUnit] = (),
    folds: Callable[[str], str] = fold,
) -> list[ParsedDirective]:
    """`split_conclusion`'s hook: the notice's one speaking lead-in (a line ending with a colon, a speaking verb)
    as the outer lead-in of every item after it; the item's own lead-in colon, if any, first."""
    colons = [k for k, line in enumerate(lines) if line.rstrip().endswith(":")]
    if not colons or not directives:
        return directives  # (gate: no lead-in line, most texts; nothing imported or folded)
    from domain.understand.conclusion import split_sentences

    found: list[tuple[int, str, str]] = []
    for k in colons:
        if _SPEAKS.search(folds(lines[k])) is None:
            continue  # (a speaking verb)
        sentence = split_sentences(lines[k])[-1]
        body = _advising_body([sentence], units, speaker_first=True)
        if len(body) == 1 and not is_public(body[0].text, units):
            found.append((k, sentence, body[0].text))
    if len({fold(name) for *_, name in found}) != 1:
        return directives
    at, speaker_line, _ = found[0]
    out = []
    for d in directives:
        if d.assignees.lead and any(is_public(a.text, units) for a in d.assignees.lead):
            key = folds(d.text)[:40]
            where = next((k for k, line in enumerate(lines) if key and key in folds(line)), -1)
            if where > at:
                own = [d.context.strip().splitlines()[-1]] if d.context and d.context.rstrip().endswith(":") else []
                d = replace(d, assignees=advised_by(d.text, d.assignees, [*own, speaker_line], units))
        out.append(d)
    return out
