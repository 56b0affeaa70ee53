"""The usual units of a Vietnamese ward, commune or district, with the ways they are written
(the list is `domain/understand/data/units_catalog.txt`).

Directives name these units before a committee has registered any ("Giao Phòng GD&ĐT ...",
"VP HĐND&UBND phối hợp ..."). Each entry is a built-in `KnownUnit` keyed "builtin:<slug>".
Matching ignores case, diacritics, spaces, "&"/"và" and "-" (see `domain.understand.assignees`), so
"Phòng GD&ĐT", "phong GDDT" and "Phòng GD và ĐT" are one entry; only genuinely different spellings
(abbreviations, full names) are listed.

Names of localities after a unit ("Công an phường", "Văn phòng HĐND&UBND quận Long Biên") are
accepted by the matcher and need no entry of their own.
"""

from __future__ import annotations

import re

from domain.types import KnownUnit
from domain.understand.lexicons import unit_catalog
from domain.understand.textnorm import fold
from domain.understand.vntokens import has_diacritics

# (slug, display name, aliases): data/units_catalog.txt, one unit a line.
_CATALOG = unit_catalog()

BUILTIN_UNITS: tuple[KnownUnit, ...] = tuple(
    KnownUnit(key=f"builtin:{slug}", name=name, aliases=aliases) for slug, name, aliases in _CATALOG
)


def builtin_unit(key: str) -> KnownUnit | None:
    """The built-in unit with this key ("builtin:<slug>"), if any."""
    for unit in BUILTIN_UNITS:
        if unit.key == key:
            return unit
    return None


# A collective entry: its name is "các" and a list of kinds ("UBND các phường, xã"). An alias of it names a
# narrower or other list ("UBND các xã", "Ủy ban nhân dân các xã, thị trấn"), and a district whose text says
# «UBND các xã» has no wards: shown under the entry's name it read «UBND các phường, xã», a word the text does
# not hold (found by a QA helper as a district office). Any entry so named is treated alike.
_COLLECTIVE = re.compile(r"\bcac\b[^,]*,")


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(name).replace("&", " va ")).split())


def collective_as_written(written: str, unit: KnownUnit | None) -> str | None:
    """The name to show a collective catalogue unit under when `written` words it otherwise than the
    entry's name: as written (typed without diacritics, the catalogue's spelling of that alias); None for
    any other unit, or when `written` is the entry's own name."""
    if unit is None or not _COLLECTIVE.search(fold(unit.name)):
        return None
    wanted = _norm(written)
    if not wanted or wanted == _norm(unit.name):
        return None
    if has_diacritics(written):
        return " ".join(written.split())
    return next((a for a in unit.aliases if _norm(a) == wanted), None)
