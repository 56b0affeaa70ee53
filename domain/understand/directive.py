"""One directive -> ParsedDirective: who (domain.understand.assignees) and by when (domain.understand.deadlines).

A directive under a lead-in or heading ("Giao Văn phòng thực hiện các nội dung sau:", "Quý II/2019
tập trung thực hiện ...:", "Đối với HĐND phường") takes the assignee and the deadline from that
`context` when it names none itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from domain.types import AssigneeRef, Assignees, Deadline, DeadlineKind, KnownUnit, ParsedDirective
from domain.understand.assignees import assignees_from_context, context_segments, parse_assignees
from domain.understand.conclusion_carry import from_context
from domain.understand.deadline_round9 import start_day_carried
from domain.understand.deadline_round14 import another_task
from domain.understand.deadline_round15 import heading_segments, without_resumption
from domain.understand.deadlines import fast_fold, parse_deadline
from domain.understand.lead_conventions_s8 import advised_public
from domain.understand.lead_from_document import subject_before
from domain.understand.lead_public_campaign import in_context as public_under_lead_in
from domain.understand.textnorm import nfc


def parse_directive(
    text: str, today: date, units: Sequence[KnownUnit] = (), context: str | None = None
) -> ParsedDirective:
    """`today` is the directive's date (message date or meeting date) deadlines resolve against."""
    text = nfc(text).strip()
    assignees = parse_assignees(text, units)
    deadline = parse_deadline(text, today)
    context = nfc(context).strip() if context else None
    if context:
        assignees = from_context(text, assignees, context, units)  # (carry10) who directs, who asks the public
        if not assignees.lead:
            assignees = _assignees_from(context, units, assignees)
            assignees = subject_before(text, assignees, context, units)  # (leaddoc) the body's programme before
        if deadline.kind is DeadlineKind.NONE:
            deadline = _deadline_from(context, today, units, text)
    assignees = advised_public(text, assignees, context, units)  # (conv11) §31.4 a report of advising before
    assignees = public_under_lead_in(text, assignees, context, units)  # (leaddoc, conclp) §8 d, lead_public_campaign
    return ParsedDirective(text=text, assignees=assignees, deadline=deadline, context=context)


def _assignees_from(context: str, units: Sequence[KnownUnit], own: Assignees) -> Assignees:
    found = assignees_from_context(context, units)
    if not found.lead:
        return own
    # A lead-in ("... chủ trì, phối hợp Y thực hiện các nội dung sau:") hands its coordinators to
    # every item under it; a previous sentence only says who the subject is.
    lead_in = context.endswith(":")
    return Assignees(
        lead=_unanchored(found.lead),
        support=own.support or (_unanchored(found.support) if lead_in else ()),
        executor=own.executor or (_unanchored(found.executor) if lead_in else ()),
    )


def _unanchored(refs: tuple[AssigneeRef, ...]) -> tuple[AssigneeRef, ...]:
    """Spans index the text they were found in; names taken from the context have none here."""
    return tuple(replace(ref, span=None) for ref in refs)


def _deadline_from(context: str, today: date, units: Sequence[KnownUnit], text: str = "") -> Deadline:
    for segment in heading_segments(text, fast_fold(text), context_segments(context, units)):  # (deadp) siblings
        found = parse_deadline(segment, today)
        if found.kind is not DeadlineKind.NONE and "lại" in segment:  # (deadp) "… đi học trở lại vào ngày 1/10"
            rest = without_resumption(segment, fast_fold(segment), found.span)
            found = found if rest is None else parse_deadline(rest, today)
        if found.kind is not DeadlineKind.NONE:
            if another_task(text, fast_fold(text), segment):  # (deado) "Ngoài ra, …", "tiếp tục theo dõi …"
                return Deadline.none()
            if not start_day_carried(text, found, segment):  # LABELLING §30.1: another task's start day; the campaign's
                return Deadline.none()  # other bounds, further back, are not the task's either
            return replace(found, span=None)
    return Deadline.none()
