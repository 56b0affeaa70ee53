"""A person named by a title before the name («anh Tuấn», «chị Mai», «đồng chí Hùng»), as officials name a
colleague aloud: a person, never a unit, even when the bot does not know who it is (qa12). Used to say so
(handlers/directives: «chưa xác định được … là ai»), to find the person (handlers/named_people) and for the
«Chủ trì» line's icon (👤, not 🏢: db/tasks.leads_are_people)."""

from __future__ import annotations

import re

# Titles with their diacritics: without them «Chi cục», «Ban» would read as titles.
_TITLED = re.compile(r"\s*(?:anh|chị|ông|bà|cô|chú|đồng\s+chí|đ/c|đc)\.?\s+[^\W\d_]", re.IGNORECASE)


def titled_person(label: str) -> bool:
    """«anh Tuấn», «đồng chí Hùng»: a title, then a capitalised name."""
    m = _TITLED.match(label)
    return m is not None and label[m.end() - 1].isupper()
