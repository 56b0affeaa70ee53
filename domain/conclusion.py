"""Splitting a pasted meeting conclusion into directives. (Stub: the full splitter lands with issue 3.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.directive import parse_directive
from domain.types import KnownUnit, ParsedConclusion


def split_conclusion(text: str, today: date, units: Sequence[KnownUnit] = ()) -> ParsedConclusion:
    lines = [line.strip(" -*•\t") for line in text.splitlines()]
    directives = tuple(parse_directive(line, today, units) for line in lines if line)
    return ParsedConclusion(meeting_date=None, title=None, directives=directives)
