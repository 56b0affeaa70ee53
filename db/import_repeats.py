"""Items of a conclusion being imported that the committee has already saved (qa13).

An office holds the same conclusion twice: the unsigned .docx and the signed scan (or a phone photo of
it). Sent one after the other with /nhap, both previews looked new and «Lưu tất cả» saved every
directive twice — two tasks each, two reminders for every unit head. The preview now names, for each
item, the task it repeats, so the secretary drops it or cancels. An OCR reading of the same sentence
differs by a few letters per word, so texts are compared by similarity (rapidfuzz, the maintained
Levenshtein library the project already uses), folded (with or without diacritics), not for equality;
directives of one meeting that share words only («Giao … báo cáo trước ngày …») stay far below.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Task
from domain.understand.textnorm import fold

# Same directive read twice (docx against a phone photo's OCR): 90+; different directives of one
# conclusion: 50–65 (measured on a district's conclusion, qa13).
SAME_TEXT = 85.0


async def repeated_tasks(session: AsyncSession, committee_id: int, texts: Sequence[str]) -> list[int | None]:
    """For each text, the number of an existing task (open or done, not cancelled) of the committee
    with nearly the same text, else None."""
    rows = (
        await session.execute(
            select(Task.number, Task.text).where(Task.committee_id == committee_id, Task.status != "cancelled")
        )
    ).all()
    if not rows:
        return [None] * len(texts)
    choices = [fold(text) for _, text in rows]
    found: list[int | None] = []
    for text in texts:
        best = process.extractOne(fold(text), choices, scorer=fuzz.ratio, score_cutoff=SAME_TEXT)
        found.append(rows[best[2]][0] if best is not None else None)
    return found
