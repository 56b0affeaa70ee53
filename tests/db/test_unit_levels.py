"""qa19: which registered unit a name with a level word means (db.units.near / fits_level): a level word the
unit lacks is another body, unless it is the committee's own level."""

from __future__ import annotations

from db.models import Unit
from db.units import UnitList, committee_levels, fits_level, near


def units(*names: str, own: str = "") -> UnitList:
    out = UnitList(Unit(id=i, committee_id=1, name=n, norm_name=n, aliases=[]) for i, n in enumerate(names, 1))
    out.own_levels = committee_levels(own)
    return out


def test_a_ward_committee_its_own_ubnd_and_the_districts() -> None:
    ward = units("UBND", "Công an phường", own="BCĐ Chuyển đổi số phường Sài Đồng")
    assert near(ward, "UBND phường", "UBND") is ward[0]
    assert near(ward, "UBND quận", "UBND") is None
    assert not fits_level("UBND quận", ward[0], ward) and fits_level("UBND phường", ward[0], ward)
    assert near(ward, "Công an") is ward[1]  # the level left out: still the ward's
    assert near(ward, "Công an quận") is None


def test_a_unit_named_with_its_place() -> None:
    ward = units("UBND phường Sài Đồng", own="UBND PHƯỜNG SÀI ĐỒNG")
    assert near(ward, "UBND phường") is ward[0] and near(ward, "UBND") is ward[0]
    assert near(ward, "UBND quận") is None


def test_a_district_committee() -> None:
    district = units("UBND", own="BCĐ Chuyển đổi số quận Long Biên")
    assert near(district, "UBND quận") is district[0]
    assert near(district, "UBND phường") is None  # a ward's, a lower body


def test_the_level_read_from_the_units_when_the_title_says_none() -> None:
    assert near(units("UBND", "Trạm Y tế phường", own="BCĐ Chuyển đổi số"), "UBND phường") is not None
    assert near(units("Trạm Y tế", own="BCĐ Chuyển đổi số"), "Trạm Y tế phường") is None  # nothing says


def test_social_affairs_is_no_commune() -> None:
    assert committee_levels("BCĐ xã hội hoá giáo dục") == frozenset()
    assert committee_levels("BCĐ thị xã Sơn Tây") == frozenset({"thi xa"})
