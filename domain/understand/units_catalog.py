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

from domain.types import KnownUnit
from domain.understand.lexicons import unit_catalog

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
