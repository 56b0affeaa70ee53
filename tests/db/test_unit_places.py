"""Session 11 (leadshape): a unit name that places the body at another level than the committee's — with a
dotted abbreviation («UBND TP. Huế», «Công an Q. 1») or a named place («UBND thành phố Huế») — loses the unit
key the reader gave it by its first words (db.unit_places.other_place): it is another body, kept as written."""

from __future__ import annotations

import pytest

from db.models import Unit
from db.unit_places import other_place
from db.units import UnitList, committee_levels, norm
from domain.types import AssigneeRef


def units(*names: str, own: str) -> UnitList:
    out = UnitList(Unit(id=i, committee_id=1, name=n, norm_name=norm(n), aliases=[]) for i, n in enumerate(names, 1))
    out.own_levels = committee_levels(own)
    return out


WARD = "BCĐ Chuyển đổi số phường Sài Đồng"


@pytest.mark.parametrize(
    "written",
    ["UBND TP. Huế", "UBND TP.Huế", "Công an Q. 1", "Văn phòng UBND TP.", "UBND TX. Hương Thủy", "UBND thành phố Huế",
     "Công an H. Phong Điền"],
)
def test_another_levels_place_is_another_body(written: str) -> None:
    ref = other_place(AssigneeRef(written, "builtin:ubnd", (0, len(written))), units("UBND", own=WARD))
    assert ref == AssigneeRef(written, None, (0, len(written)))
    assert other_place(AssigneeRef(written, "1"), units("UBND", own=WARD)).unit_key is None  # registered «UBND» too


@pytest.mark.parametrize("written", ["UBND", "UBND phường", "UBND P. Sài Đồng", "UBND quận", "Trạm Y tế phường"])
def test_the_committees_own_level_and_a_bare_level_word_are_left(written: str) -> None:
    # «UBND quận» (no place named, written out) is qa19's: re-read by handlers.directives.level_checked
    ref = AssigneeRef(written, "builtin:ubnd")
    assert other_place(ref, units("UBND", own=WARD)) is ref


def test_a_unit_registered_with_the_abbreviation_is_that_unit() -> None:
    registered = units("UBND", "UBND TP. Huế", own=WARD)
    assert other_place(AssigneeRef("UBND TP. Huế", "builtin:ubnd"), registered).unit_key == "2"


def test_nothing_is_changed_when_the_committees_level_is_unknown_or_for_a_person() -> None:
    assert other_place(AssigneeRef("UBND TP. Huế", "builtin:ubnd"), units("UBND", own="BCĐ Chuyển đổi số")).unit_key
    person = AssigneeRef("Chủ tịch UBND TP. Huế", "person:3")
    assert other_place(person, units("UBND", own=WARD)) is person


def test_a_city_committee_keeps_its_own_body() -> None:
    city = units("UBND", own="BCĐ Chuyển đổi số thành phố Huế")
    ref = AssigneeRef("UBND TP. Huế", "builtin:ubnd")
    assert other_place(ref, city) is ref
