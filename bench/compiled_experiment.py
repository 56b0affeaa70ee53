"""mypyc build of the understanding code, as a bench experiment (never needed by the bot or CI).

    python bench/compiled_experiment.py build [--dest /tmp/nhacviec_mypyc]   # ~5 min CPU of gcc
    python bench/compiled_experiment.py measure [--dest …]                   # instructions, compiled vs plain

`build` copies the tracked files of this tree (as they are on disk) to DEST, so no `.so` ever lands
next to the sources here, and compiles there with mypyc (`pip install mypy`, gcc and the Python
headers: python3-dev) every `domain.understand` module that `split_conclusion` and `parse_deadline`
import. The copy differs from the sources in one line: `Token(tuple)` gets
`@mypyc_attr(native_class=False)` (mypyc cannot compile a native subclass of `tuple`). mypy runs with
`allow_redefinition` (a variable reused with another type gets a new one, as Python has it) and
`ignore_errors` for the package: the type errors mypy reports today are left as they are.

`measure` runs `bench/parse_instructions.py` (valgrind) on the three stages in this tree and in DEST.
Behaviour is checked with the usual tools run inside DEST: `bench/understanding_probe.py --check`
against a probe written there with the `.so` files moved aside (the hypothesis part of the probe
draws other strings in another directory), and `pytest tests/domain`. bench/README.md, "Session 12
(branch speedc)", has the figures and why this is not shipped.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEST = Path("/tmp/nhacviec_mypyc")
MYPY_CONFIG = """[mypy]
allow_redefinition = True
ignore_missing_imports = True
follow_imports = silent
[mypy-domain.understand.*]
ignore_errors = True
"""
NON_NATIVE = (
    "vntokens.py",
    "\nclass Token(tuple):",
    "\nfrom mypy_extensions import mypyc_attr\n\n\n@mypyc_attr(native_class=False)\nclass Token(tuple):",
)


def _modules() -> list[str]:
    """The understanding modules on the path of the whole understanding, as file paths."""
    code = (
        "import sys; sys.path.insert(0, '.')\n"
        "import domain.understand.conclusion, domain.understand.deadlines\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('domain.understand.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return [f"domain/understand/{m.rsplit('.', 1)[1]}.py" for m in out.stdout.split()]


def build(dest: Path) -> None:
    if shutil.which("gcc") is None or not _venv_mypyc().exists():
        raise SystemExit("needs gcc, the Python headers and mypy (pip install mypy)")
    if dest.exists():
        shutil.rmtree(dest)
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    path, old, new = NON_NATIVE
    target = dest / "domain" / "understand" / path
    text = target.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: {old.strip()!r} not found; update NON_NATIVE")
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    (dest / "mypyc.ini").write_text(MYPY_CONFIG, encoding="utf-8")
    modules = _modules()
    started = time.monotonic()
    result = subprocess.run(
        [str(_venv_mypyc()), "--config-file", "mypyc.ini", *modules], cwd=dest, capture_output=True, text=True
    )
    (dest / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode:
        raise SystemExit(f"mypyc failed, see {dest / 'build.log'}:\n{result.stdout[-3000:]}")
    built = sorted(dest.glob("domain/understand/*.so"))
    wall = time.monotonic() - started
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime  # mypy and gcc, both children
    print(f"{len(built)} of {len(modules)} modules compiled in {dest}: "
          f"{cpu / 60:.1f} min CPU, {wall / 60:.1f} min wall")


def _venv_mypyc() -> Path:
    return Path(sys.executable).with_name("mypyc")


def measure(dest: Path) -> None:
    for stage in ("whole", "read", "deadline"):
        for label, tree in (("plain Python", ROOT), ("mypyc", dest)):
            out = subprocess.run(
                [sys.executable, "bench/parse_instructions.py", "--stage", stage],
                cwd=tree, capture_output=True, text=True, check=True,
            ).stdout.strip()
            count = re.search(r"([\d,]+)k", out)
            print(f"{stage:<9}{label:<14}{count.group(1) if count else out}k instructions a sentence")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("build", "measure"))
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args()
    {"build": build, "measure": measure}[args.action](args.dest)


if __name__ == "__main__":
    main()
