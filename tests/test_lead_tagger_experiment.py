"""bench/lead_tagger_experiment.py (an issue-11 experiment, not the bot): it reads only open dev sets, and
without its optional library it says so and exits 0 (python-crfsuite is a bench-only install)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def test_it_trains_and_tests_on_open_dev_sets_only(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # the bench tools read tests/data from the project's root
    import lead_tagger_experiment as experiment

    sets = experiment.open_sets()
    assert {"v4o", "v4p", "v4n", "v4m", "v4l"} <= set(sets)
    assert not [s for s in sets if "heldout" in s]
    assert not {"v4e", "v4i"} & set(sets)  # check sets: figures only, never their records
    assert not [s for s in sets if s.startswith("v4r")]  # corpus R is closed


def test_without_python_crfsuite_it_says_so_and_exits_0() -> None:
    code = (
        "import sys, runpy; sys.modules['pycrfsuite'] = None; sys.argv = ['x']; sys.path.insert(0, 'bench');"
        " runpy.run_path('bench/lead_tagger_experiment.py', run_name='__main__')"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "python-crfsuite is not installed" in run.stdout
