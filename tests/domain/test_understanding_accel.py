"""The optional compiled build of the understanding code (`domain/understand/accel.py`) is used only
when it was made from exactly the current sources, and never when NHACVIEC_PURE is set: a stale build
must never shadow an edited rule. (Whether the compiled code gives the same outputs as plain Python is
checked by `bench/understanding_probe.py --check`, run once compiled and once with NHACVIEC_PURE=1.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.understand import accel


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    here = tmp_path / "understand"
    here.mkdir()
    for name in accel.MODULES:
        (here / f"{name}.py").write_text(f"NAME = {name!r}\n")
    monkeypatch.setattr(accel, "HERE", here)
    monkeypatch.setattr(accel, "COMPILED", here / "_compiled")
    monkeypatch.delenv("NHACVIEC_PURE", raising=False)
    return here


def _fake_build() -> Path:
    target = accel.build_dir()
    target.mkdir(parents=True)
    (target / "BUILT").write_text("")
    return target


def test_no_build_means_plain_python(sources: Path) -> None:
    path = [str(sources)]
    assert not accel.activate(path)
    assert path == [str(sources)]


def test_a_build_of_the_current_sources_goes_first(sources: Path) -> None:
    target = _fake_build()
    path = [str(sources)]
    assert accel.activate(path)
    assert path == [str(target), str(sources)]
    assert accel.activate(path) and path.count(str(target)) == 1  # asked twice, put once


def test_an_edited_module_is_never_shadowed_by_a_stale_build(sources: Path) -> None:
    _fake_build()
    (sources / "assignees.py").write_text("NAME = 'a rule added since'\n")
    path = [str(sources)]
    assert not accel.activate(path)
    assert path == [str(sources)]


def test_an_unfinished_build_is_not_used(sources: Path) -> None:
    accel.build_dir().mkdir(parents=True)  # compiled files may be there, but no BUILT mark
    assert not accel.activate([str(sources)])


@pytest.mark.parametrize("value", ["1", "yes"])
def test_nhacviec_pure_turns_it_off(sources: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    _fake_build()
    monkeypatch.setenv("NHACVIEC_PURE", value)
    path = [str(sources)]
    assert not accel.activate(path)
    assert path == [str(sources)]


def test_every_compiled_module_is_a_module_of_the_package() -> None:
    here = Path(accel.__file__).resolve().parent
    for name in accel.MODULES:
        assert (here / f"{name}.py").is_file(), name
    assert "accel" not in accel.MODULES and "__init__" not in accel.MODULES
