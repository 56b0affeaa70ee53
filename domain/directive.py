"""One directive sentence -> ParsedDirective (assignees + deadline)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.assignees import parse_assignees
from domain.deadlines import parse_deadline
from domain.textnorm import nfc
from domain.types import KnownUnit, ParsedDirective


def parse_directive(text: str, today: date, units: Sequence[KnownUnit] = ()) -> ParsedDirective:
    text = nfc(text).strip()
    return ParsedDirective(text=text, assignees=parse_assignees(text, units), deadline=parse_deadline(text, today))
