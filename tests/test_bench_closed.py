"""Closed corpora (tests/data/CLOSED) are skipped by the bench tuning tools, by themselves, and said so
on stderr; the unseen scoring (bench/unseen_report.py, tests/domain/test_unseen_corpus.py) still sees
them. Every set here is a fake written in tmp_path: no closed data is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from lead_tools import closed_globs, is_closed, open_names, open_paths, skip_closed  # noqa: E402

from tests.domain.unseen_scoring import conclusion_sets, sentence_sets  # noqa: E402

GLOBS = ["v4p_*", "conclusions_v14"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """tests/data's layout: open and closed sentence sets and conclusion folders (dev and held-out)."""
    for name in ("v4o_dev", "v4p_dev", "v4p_heldout"):
        (tmp_path / f"{name}.jsonl").write_text("", encoding="utf-8")
    for folder in ("conclusions_v13", "conclusions_v14"):
        for part in ("dev", "heldout"):
            (tmp_path / folder / part).mkdir(parents=True)
            (tmp_path / folder / part / "a.json").write_text("{}", encoding="utf-8")
    return tmp_path


def test_the_list_reads_globs_without_comments(tmp_path: Path) -> None:
    listing = tmp_path / "CLOSED"
    listing.write_text("# what it means\n\nv4p_*   # corpus P\nconclusions_v14\n", encoding="utf-8")
    assert closed_globs(listing) == GLOBS
    assert closed_globs(tmp_path / "absent") == []


def test_corpus_q_dev_is_open_and_r_closed_since_session_12() -> None:
    # P was closed for session 10 and opened in 11; Q was closed for session 11 and its dev part opened in 12.
    assert not {"v4p_*", "conclusions_v14", "v4q_*", "conclusions_v15"} & set(closed_globs())
    opened = ("v4p_dev.jsonl", "v4o_dev.jsonl", "v4q_dev.jsonl", "conclusions_v13/dev/x.json",
              "conclusions_v15/dev/a.json")
    for name in opened:
        assert not is_closed(Path("tests/data") / name), name
    # R, collected in session 12 for the next blind first look, is closed, dev part included.
    assert {"v4r_*", "conclusions_v16"} <= set(closed_globs())
    for name in ("v4r_dev.jsonl", "v4r_heldout.jsonl", "conclusions_v16/dev/a.json", "conclusions_v16/heldout/b.json"):
        assert is_closed(Path("tests/data") / name), name


def test_a_glob_matches_a_name_on_the_path_not_a_prefix_of_it() -> None:
    assert is_closed(Path("/somewhere/conclusions_v14/heldout/b.json"), GLOBS)
    assert not is_closed(Path("tests/data/conclusions_v140/dev/b.json"), GLOBS)
    assert not is_closed(Path("tests/data/v4pp_dev.jsonl"), ["v4p_*"])


def test_closed_sets_are_skipped_and_named_on_stderr(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentences = skip_closed(sentence_sets(data), GLOBS)
    conclusions = skip_closed(conclusion_sets(data), GLOBS)
    assert list(sentences) == ["v4o_dev"]
    assert list(conclusions) == ["conclusions_v13_dev", "conclusions_v13_heldout"]
    err = capsys.readouterr().err
    assert "v4p_dev, v4p_heldout" in err and "conclusions_v14_dev, conclusions_v14_heldout" in err


def test_nothing_skipped_says_nothing(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert open_names(["v4o"], data) == ["v4o"]
    assert open_paths([data / "v4o_dev.jsonl"]) == [data / "v4o_dev.jsonl"]
    assert capsys.readouterr().err == ""


def test_named_sets_and_paths_are_filtered_in_order(data: Path) -> None:
    assert open_names(["v4p", "v4o"], data, GLOBS) == ["v4o"]
    files = sorted(data.glob("*.jsonl"))
    assert open_paths(files, GLOBS) == [data / "v4o_dev.jsonl"]


def test_unseen_scoring_still_sees_closed_corpora(data: Path) -> None:
    """Closed is for measuring: the unseen report and test score them."""
    assert "v4p_heldout" in sentence_sets(data)
    assert "conclusions_v14_dev" in conclusion_sets(data)


def test_a_tool_skips_a_closed_set_it_is_named(data: Path) -> None:
    """lead_figures never opens v4p_dev.jsonl (not JSON here: reading it would fail) and says why."""
    (data / "v4p_dev.jsonl").write_text("not json", encoding="utf-8")
    listing = data / "CLOSED"
    listing.write_text("v4p_*\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "lead_figures.py"), "v4p", "--dir", str(data)],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "NHACVIEC_CLOSED_LIST": str(listing)},
    )
    assert run.stdout == ""
    assert "closed corpora skipped (tests/data/CLOSED): v4p" in run.stderr


def test_corpus_r_as_collected_is_whole_checked_and_closed() -> None:
    # Corpus R (session 12, helper corpusr): the collected files are where the unseen scoring looks for them, every
    # one of them is closed to the tuning tools, and the corpus checker passes (it prints counts and ids only).
    data = ROOT / "tests" / "data"
    sentence_files = sorted(data.glob("v4r_*.jsonl"))
    conclusion_files = sorted((data / "conclusions_v16").glob("*/CR*.json"))
    assert [p.name for p in sentence_files] == ["v4r_dev.jsonl", "v4r_heldout.jsonl"]
    assert {p.parent.name for p in conclusion_files} == {"dev", "heldout"}
    assert len(conclusion_files) >= 6
    for path in [*sentence_files, *conclusion_files]:
        assert is_closed(path), path
    checked = subprocess.run(
        [sys.executable, str(data / "check_corpus.py"), "r"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout[-2000:]
    assert checked.stdout.strip().endswith("errors 0")
