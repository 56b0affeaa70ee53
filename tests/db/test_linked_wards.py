"""wards16: which linked ward committees a written name means (db/linked_wards.py)."""

from __future__ import annotations

import pytest

from db.linked_wards import ward_of, wards_meant
from db.models import Committee

TITLES = ("BCĐ phường Sài Đồng", "BCĐ phường Gia Thụy", "Ban chỉ đạo thị trấn Yên Viên", "BCĐ xã Đông Dư")
WARDS = tuple(w for i, t in enumerate(TITLES) if (w := ward_of(Committee(id=i, chat_id=-i, title=t))) is not None)


@pytest.mark.parametrize(("written", "meant"), [
    ("các phường", ["Phường Sài Đồng", "Phường Gia Thụy"]),
    ("UBND các phường", ["Phường Sài Đồng", "Phường Gia Thụy"]),
    ("Ủy ban nhân dân các phường, xã", ["Phường Sài Đồng", "Phường Gia Thụy", "Xã Đông Dư"]),
    ("các xã, thị trấn", ["Thị trấn Yên Viên", "Xã Đông Dư"]),
    ("UBND các xã", ["Xã Đông Dư"]),
    ("phường Sài Đồng", ["Phường Sài Đồng"]),
    ("UBND phường Gia Thụy", ["Phường Gia Thụy"]),
    ("Công an phường Sài Đồng", []),  # a body of the ward, not its committee
    ("các phòng", []),
    ("phường Thạch Bàn", []),  # not linked
])  # fmt: skip
def test_a_written_name_means_the_linked_wards_it_names(written: str, meant: list[str]) -> None:
    assert [w.unit_name for w in wards_meant(written, WARDS)] == meant


def test_no_linked_wards_means_none() -> None:
    assert wards_meant("các phường", ()) == ()
    assert ward_of(Committee(id=9, chat_id=-9, title="BCĐ chuyển đổi số")) is None
