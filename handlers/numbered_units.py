"""Numbered units of one kind (qa9): «Tổ dân phố số 5», «Khu phố 3», «Thôn 2», «Tổ dân phố II» are each
their own unit, not the catalogue's kind «Tổ dân phố». Before, a conclusion's «Giao Tổ dân phố số 5 …»
was previewed and saved as «Chủ trì: Tổ dân phố», and «/giao Tổ dân phố số 7 …» was then the same unit:
which residential group had the task was lost, and every group's tasks were counted as one unit's.
The reader finds the name as written; this decides only the name it is saved under."""

from __future__ import annotations

import re

from db import units as db_units
from domain.types import KnownUnit

# What follows the kind's name: a number, a number and a letter (5A), or a Roman numeral, after «số».
_NUMBER = re.compile(r"(?:so\s+)?(?:\d+[a-z]?|[ivxl]+)")


def numbered_unit(written: str, kind: str) -> bool:
    """`written` is one numbered unit of the kind `kind` names («Tổ dân phố số 5» of «Tổ dân phố»)."""
    w, k = db_units.norm(written), db_units.norm(kind)
    return bool(k) and w.startswith(k + " ") and _NUMBER.fullmatch(w[len(k) :].strip()) is not None


def kind_name(written: str, known: KnownUnit | None) -> str:
    """The catalogue's name to match registered units by, or "" when `written` is a numbered unit of
    that kind (then only a registered unit of that very number is the same unit)."""
    if known is None or numbered_unit(written, known.name):
        return ""
    return known.name
