"""Putting together the assignees of a logged directive: units and people named in the text (found by
domain.understand.assignees) plus people @mentioned in the message, in one lead / coordinators / executors split.

A directive has exactly one lead. Whoever is named after "phối hợp" coordinates; of the rest, the first
named leads and any others coordinate with it (a chair writing "@An, @Bình làm X" expects An to answer
for it, helped by Bình).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.types import AssigneeRef, Assignees
from domain.understand.textnorm import fold

_SUPPORT_MARK = re.compile(r"\bphoi hop\b")


@dataclass(frozen=True)
class Mention:
    """A person mentioned in the message: where, who (a key the caller understands), how written."""

    start: int
    end: int
    person_key: str
    label: str


def _support_from(text: str) -> int | None:
    m = _SUPPORT_MARK.search(fold(text))
    return m.start() if m else None


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def arrange(text: str, parsed: Assignees, mentions: Sequence[Mention]) -> Assignees:
    if not mentions:
        return parsed
    mark = _support_from(text)
    people = {m: AssigneeRef(m.label, f"person:{m.person_key}", (m.start, m.end)) for m in mentions}
    placed: set[Mention] = set()

    def take_people(refs: tuple[AssigneeRef, ...]) -> list[AssigneeRef]:
        # A name the parser read where a person is tagged IS that person, in the role the grammar gave.
        out = []
        for ref in refs:
            hit = next((m for m in mentions if m not in placed and _overlaps(ref.span, (m.start, m.end))), None)
            if hit is not None:
                placed.add(hit)
                out.append(people[hit])
            else:
                out.append(ref)
        return out

    leads = take_people(parsed.lead)
    support = take_people(parsed.support)
    executor = take_people(parsed.executor)
    for m in mentions:
        if m in placed:
            continue
        if mark is not None and m.start > mark:
            support.append(people[m])
        else:
            leads.append(people[m])
    leads.sort(key=_position)
    if not leads and support:
        support.sort(key=_position)
        leads, support = [support[0]], support[1:]
    lead, extra = leads[:1], leads[1:]
    return Assignees(lead=tuple(lead), support=tuple(_unique(extra + support, lead)), executor=tuple(executor))


def _position(ref: AssigneeRef) -> int:
    return ref.span[0] if ref.span else 1 << 30


def _unique(refs: list[AssigneeRef], lead: list[AssigneeRef]) -> list[AssigneeRef]:
    """Same assignee named twice: keep the first mention; never the lead again as coordinator."""
    seen = {(lead[0].unit_key or fold(lead[0].text))} if lead else set()
    out = []
    for ref in refs:
        key = ref.unit_key or fold(ref.text)
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def for_reading(text: str, mentions: Sequence[Mention]) -> str:
    """`text` as the reader should see it: each @username mentioned stands in for a person's name of the same
    length («Ông Annnnnnnn»), so that the grammar around it reads as it does around a name. The reader does
    not take «@hoa_vanphong» for anyone, so «/giao @hoa_vanphong chủ trì, phối hợp Công an phường …» had
    no subject and the unit after «phối hợp» was dropped. Same length: every span found stays valid in
    `text`, and `arrange` puts the person where the stand-in was read. Only for reading; never stored."""
    out = text
    for m in mentions:
        written = text[m.start : m.end]
        if written.startswith("@") and len(written) >= 6:  # a username has at least 5 characters
            out = out[: m.start] + "Ông A" + "n" * (len(written) - 5) + out[m.end :]
    return out


# Words that only say who leads or helps: "/giao Công an phường chủ trì, phối hợp Văn phòng" has no task.
_ROLE_WORDS = frozenset(
    ["giao", "chu", "tri", "phoi", "hop", "voi", "cung", "va", "cho", "dong", "chi", "d/c", "de", "nghi", "yeu", "cau"]
)
_WORD = re.compile(r"[^\W_]+(?:/[^\W_]+)?")


def has_task_text(
    text: str, assignees: Assignees, mentions: Sequence[Mention], deadline_span: tuple[int, int] | None
) -> bool:
    """Is anything left to do once the assignees, the deadline and the role words are taken out?
    ("/giao Công an phường" names someone and no work: it must be refused, not saved as a task
    whose content is the unit's name.)"""
    spans = [r.span for r in (*assignees.lead, *assignees.support, *assignees.executor) if r.span]
    spans += [(m.start, m.end) for m in mentions]
    if deadline_span:
        spans.append(deadline_span)
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    left = [w for w in _WORD.findall(fold("".join(chars))) if w not in _ROLE_WORDS]
    return any(not w.isdigit() for w in left)


# --- @usernames written in an imported conclusion -------------------------------------------------------
# A conclusion pasted after /nhap is read as a whole text and a file has no Telegram entities at all, so the
# @usernames a secretary writes in it ("2. Giao @binh_pham cập nhật cổng thông tin") are found in the text
# itself: Telegram's username rule (5-32 letters, digits and "_", starting with a letter), not inside an
# e-mail address or a longer word.
_WRITTEN_USERNAME = re.compile(r"(?<![\w@.])@([A-Za-z][A-Za-z0-9_]{4,31})(?![\w@])")


def written_usernames(text: str) -> list[tuple[int, int, str]]:
    """(start, end, username) of each @username written in `text`, in order."""
    return [(m.start(), m.end(), m.group(1)) for m in _WRITTEN_USERNAME.finditer(text)]


def arrange_written(text: str, parsed: Assignees, mentions: Sequence[Mention]) -> Assignees:
    """`arrange` for @usernames found in the text: a title the reader took just before one ("đồng chí
    @hoa_vanphong", "Giao đ/c @an_le") is that person, in the role the grammar gave the title."""
    if not mentions:
        return parsed

    def widened(refs: tuple[AssigneeRef, ...]) -> tuple[AssigneeRef, ...]:
        out = []
        for ref in refs:
            if ref.span is not None:
                end = ref.span[1]
                after = next((m for m in mentions if m.start >= end and not text[end : m.start].strip()), None)
                if after is not None:
                    ref = AssigneeRef(ref.text, ref.unit_key, (ref.span[0], after.end))
            out.append(ref)
        return tuple(out)

    return arrange(text, Assignees(widened(parsed.lead), widened(parsed.support), widened(parsed.executor)), mentions)
