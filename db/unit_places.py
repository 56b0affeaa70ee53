"""A unit named with another place than the committee's own («UBND TP. Huế», «Công an Q. 1» in a ward's
committee) is another body: saved as written, never as the committee's own «UBND» / «Công an» (session 11,
leadshape; the reader keeps such names whole, `domain/understand/lead_shapes15.py`).

The reader of names keys «UBND TP. Huế» to the catalogue's «UBND» (its first words), and the unit matching
(`db.units`) knew level words only spelled out and only at a name's end («UBND quận», qa19): a dotted level
abbreviation («TP.», «Q.», «P.», «TX.», «TT.», «H.») or a place named after the level («UBND thành phố Huế»)
was read as the committee's own unit, so the task lost its place. Here a level is read whether written out or
abbreviated, and a name whose level is not the committee's own, or whose level is abbreviated — a place named
— is kept as written: the chair is asked to add it, as any unit not yet listed.
"""

from __future__ import annotations

import re

from db import units as db_units
from domain.types import AssigneeRef
from domain.understand.textnorm import fold

# A level's dotted abbreviation, read on folded text: «tp. hue», «tp.hcm», «q. 1», «p.12», «tx. huong thuy».
_ABBREVIATED = {"tp": "thanh pho", "tx": "thi xa", "tt": "thi tran", "q": "quan", "p": "phuong", "h": "huyen"}
_DOTTED = re.compile(r"(?<![\w.])(tp|tx|tt|q|p|h)\.\s*")


def _words(name: str) -> tuple[list[str], bool]:
    """The folded words of `name` with dotted level abbreviations spelled out, and whether there was one."""
    folded = " ".join(fold(name).replace("&", " va ").split())
    spelled, count = _DOTTED.subn(lambda m: _ABBREVIATED[m[1]] + " ", folded)
    return spelled.split(), count > 0


def other_place(ref: AssigneeRef, registered: list[db_units.Unit]) -> AssigneeRef:
    """`ref` without its unit key when its name places the body elsewhere than the committee's level — a
    level written after the body's first word, abbreviated («UBND TP. Huế», «Công an Q. 1», «Văn phòng
    UBND TP.») or followed by the place's name («UBND thành phố Huế») — and that level is not the
    committee's own (known from its report heading or title). Else `ref` unchanged: «UBND quận» is qa19's
    (`handlers.directives.level_checked`), «UBND phường» in a ward's committee is its own; a registered unit
    named so exactly (the chair added «UBND TP. Huế») is that unit."""
    key = ref.unit_key or ""
    own_levels = getattr(registered, "own_levels", frozenset())
    if not (key.isdigit() or key.startswith("builtin:")) or not own_levels:
        return ref  # (a person, or a name already kept as written; or nothing says the committee's level)
    words, abbreviated = _words(ref.text)
    for i in range(1, len(words)):
        level = db_units._level_at(words, i)
        if level is None:
            continue
        named = len(words) > i + len(level.split())
        if (abbreviated or named) and level not in own_levels:
            unit = db_units.named(registered, ref.text)
            return AssigneeRef(ref.text, str(unit.id) if unit is not None else None, ref.span)
        return ref
    return ref
