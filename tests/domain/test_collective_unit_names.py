"""A collective unit of the catalogue («UBND các phường, xã») is named as the text words it (qafix13): a
district's «UBND các xã» was saved and shown as «UBND các phường, xã». Driven through the reader and
`builtin_name`, the name /giao and /nhap save a catalogue unit under."""

from __future__ import annotations

import pytest

from domain.understand.assignees import parse_assignees
from handlers.directives import builtin_name


def _saved_as(written: str) -> str:
    (lead,) = parse_assignees(f"Đề nghị {written} rà soát hạ tầng mạng.").lead
    assert lead.unit_key is not None and lead.unit_key.startswith("builtin:")
    return builtin_name(lead.text, lead.unit_key)


@pytest.mark.parametrize(
    ("written", "saved"),
    [
        ("UBND các xã", "UBND các xã"),
        ("UBND các xã, thị trấn", "UBND các xã, thị trấn"),
        ("Ủy ban nhân dân các phường", "Ủy ban nhân dân các phường"),
        ("UBND cac xa", "UBND các xã"),  # typed without diacritics: the catalogue's spelling of that wording
        ("UBND các phường, xã", "UBND các phường, xã"),
    ],
)
def test_a_collective_unit_is_named_as_written(written: str, saved: str) -> None:
    assert _saved_as(written) == saved


@pytest.mark.parametrize(
    ("written", "saved"),
    [("Phòng KT, HT và ĐT", "Phòng Kinh tế, Hạ tầng và Đô thị"), ("UBND xã", "UBND xã")],
)
def test_a_single_unit_keeps_the_catalogue_naming(written: str, saved: str) -> None:
    assert _saved_as(written) == saved
