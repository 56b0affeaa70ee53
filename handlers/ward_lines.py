"""(board16) A district's /baocao and /xuat carry its linked wards' lines — the Monday summary's ward part, the
same figures in the same order (jobs.summary: domain.board.lower_line of the month that week's summary reports,
most overdue first, the wards added up): the board and the summary had them, the two files a district chair
signs and files had none. Read only: a district chair sees a ward's tasks, never edits them."""

from __future__ import annotations

import html
import re
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts as T
from db.board import counting_views, lower_committees
from db.models import Committee
from db.reminders import settings_of
from domain.board import lower_line, order_lower
from domain.reminders import iso_week_of, nominal_summary_day


async def ward_part(session: AsyncSession, committee: Committee, today: date) -> list[str]:
    """The summary's ward part as plain lines (its heading first, without the emoji a signed file does not
    carry); [] for a committee with no ward linked under it."""
    wards = await lower_committees(session, committee.id)
    if not wards:
        return []
    nominal = nominal_summary_day(iso_week_of(today), settings_of(committee))
    counted = await counting_views(session, [c.id for c in wards])
    lines = order_lower([lower_line(c.id, c.title, counted[c.id], today, nominal) for c in wards])
    text = html.unescape(re.sub(r"<[^>]+>", "", T.render_lower_lines(lines)))
    return [T.BOARD16_WARDS_HEADING, *text.split("\n")[1:]]  # the summary's first line carries «🏘»
