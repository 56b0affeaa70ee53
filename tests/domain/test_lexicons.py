"""The understanding code's word lists are data files (domain/understand/data/), loaded once."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from domain.understand import assignee_lexicon as L
from domain.understand import lexicons
from domain.understand.lexicons import LexiconError, entries, parse_phrase_entries, parse_unit_entries, phrases
from domain.understand.units_catalog import BUILTIN_UNITS
from domain.understand.vntokens import tokenize

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "domain" / "understand" / "data"
FILES = sorted(DATA.glob("*.txt"))


def test_the_lists_are_data_files() -> None:
    assert len(FILES) > 40
    assert (DATA / "units_catalog.txt").exists()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_list_says_what_it_serves_and_loads(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 20, "a list opens with the kind of sentence it serves"
    if path.stem == "units_catalog":
        assert len(lexicons.unit_catalog()) == len(BUILTIN_UNITS)
    else:
        assert phrases(path.stem).phrases == tuple(dict.fromkeys(" ".join(e.split(" | ")[0].split())
                                                                  for e in entries(path.stem)))


def test_a_list_is_loaded_once() -> None:
    assert phrases("assign_verbs") is phrases("assign_verbs") is L.ASSIGN_VERBS


def test_phrases_match_with_and_without_diacritics() -> None:
    tokens = tokenize("giao nhiệm vụ cho Văn phòng", accented=True)
    assert L.ASSIGN_VERBS.match(tokens, 0, accented=True) == 4
    plain = tokenize("giao nhiem vu cho Van phong", accented=False)
    assert L.ASSIGN_VERBS.match(plain, 0, accented=False) == 4


def test_not_before_keeps_a_syllable_from_starting_another_word() -> None:
    tokens = tokenize("dự án", accented=True)
    assert L.NARRATIVE_VERBS.match(tokens, 0, accented=True) == 0
    tokens = tokenize("dự hội nghị", accented=True)
    assert L.NARRATIVE_VERBS.match(tokens, 0, accented=True) == 1


def test_phrase_entries_are_parsed() -> None:
    words, compounds = parse_phrase_entries("x", ("giao  cho", "dự | not before: án, toán"))
    assert words == ["giao cho", "dự"]
    assert compounds == {"dự": ["án", "toán"]}


@pytest.mark.parametrize("bad", [("a | b",), ("dự | not before:",), ()])
def test_a_malformed_phrase_list_is_refused(bad: tuple[str, ...]) -> None:
    with pytest.raises(LexiconError):
        parse_phrase_entries("x", bad)


def test_unit_entries_are_parsed() -> None:
    assert parse_unit_entries("x", ("tram-y-te | Trạm Y tế | TYT; Trạm y tế phường", "bhxh | Bảo hiểm xã hội")) == (
        ("tram-y-te", "Trạm Y tế", ("TYT", "Trạm y tế phường")),
        ("bhxh", "Bảo hiểm xã hội", ()),
    )
    with pytest.raises(LexiconError):
        parse_unit_entries("x", ("only-a-slug",))


def test_a_missing_list_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="no word list"):
        entries("no_such_list")


def test_comments_and_blank_lines_are_not_entries() -> None:
    text = (DATA / "assign_verbs.txt").read_text(encoding="utf-8")
    assert all(not e.startswith("#") and e.strip() == e and e for e in entries("assign_verbs"))
    assert len(entries("assign_verbs")) == sum(
        1 for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def test_the_package_ships_the_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["setuptools"]["package-data"]["domain.understand"] == ["data/*"]
