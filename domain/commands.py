"""Parsing the arguments of chat commands (pure, no telegram)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.understand.textnorm import fold

MAX_DIRECTIVE_CHARS = 2000

_TASK_NO = re.compile(r"^\s*#?(\d{1,9})(?:\s+|$)(.*)$", re.S)


@dataclass(frozen=True)
class TaskRef:
    number: int
    rest: str


def task_ref(args: str) -> TaskRef | None:
    """'#12 ghi chú' / '12 ghi chú' -> TaskRef(12, 'ghi chú'); None when there is no number first."""
    m = _TASK_NO.match(args)
    if not m:
        return None
    return TaskRef(int(m.group(1)), m.group(2).strip())


def keyword(args: str, *words: str) -> tuple[str, str] | None:
    """If `args` starts with one of `words` (compared folded, e.g. 'han' matches 'hạn'), return
    (the word as given in `words`, the rest)."""
    stripped = args.strip()
    head, _, rest = stripped.partition(" ")
    folded = fold(head).rstrip(":")
    for w in words:
        if folded == fold(w):
            return w, rest.strip()
    return None


def split_unit_definition(args: str) -> tuple[str, list[str]]:
    """'Văn phòng HĐND&UBND = VP, Văn phòng' -> ('Văn phòng HĐND&UBND', ['VP', 'Văn phòng'])."""
    name, _, alias_part = args.partition("=")
    aliases = [a.strip() for a in re.split(r"[,;]", alias_part) if a.strip()]
    return name.strip(), aliases
