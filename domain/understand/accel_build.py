"""Builds the optional compiled understanding code (see `accel.py`).

    python -m domain.understand.accel_build            # build (needs `pip install cython` and gcc)
    python -m domain.understand.accel_build --status   # say whether this process uses it
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from domain.understand.accel import COMPILED, HERE, MODULES, build_dir, fingerprint, is_compiled


def build(*, jobs: int = 2, quiet: bool = False) -> Path:
    """Compile `MODULES` into `build_dir()` (a no-op when it exists). Raises when Cython or a C compiler
    is missing; the package then stays plain Python."""
    if (build_dir() / "BUILT").is_file():
        return build_dir()
    try:
        import Cython  # noqa: F401
    except ImportError as exc:
        raise SystemExit("Cython is not installed: pip install cython (or pip install -e '.[accel]')") from exc
    with tempfile.TemporaryDirectory(prefix="nhacviec-accel-") as tmp:
        work = Path(tmp) / "domain" / "understand"
        work.mkdir(parents=True)
        for init in (Path(tmp) / "domain" / "__init__.py", work / "__init__.py"):
            init.write_text("")
        for name in MODULES:
            shutil.copyfile(HERE / f"{name}.py", work / f"{name}.py")
        target = COMPILED / fingerprint(work)  # of what is compiled, even if a source is edited meanwhile
        script = Path(tmp) / "build_accel.py"
        script.write_text(_BUILD_SCRIPT)
        env = {
            **os.environ,
            # -O1 without debug symbols: a fraction of -O3 -g's compile time for about the same speed on
            # this code (it is calls into the interpreter's C API, not loops gcc can improve).
            "CFLAGS": "-O1 -g0",
        }
        cmd = [sys.executable, str(script), str(jobs), *MODULES]
        subprocess.run(cmd, cwd=tmp, env=env, check=True, capture_output=quiet)
        staging = COMPILED / f".{target.name}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        for name in MODULES:
            shutil.copyfile(work / f"{name}{suffix}", staging / f"{name}{suffix}")
        (staging / "BUILT").write_text(" ".join(MODULES) + "\n")
        for old in COMPILED.iterdir():  # builds of earlier sources are never used again
            if old.is_dir() and old.name != staging.name:
                shutil.rmtree(old, ignore_errors=True)
        staging.rename(target)
    return target


# Run in the temporary copy: every module translated to C (Cython, in parallel), then compiled in place
# (setuptools' build_ext, in parallel): one extension per module, named as in the package.
_BUILD_SCRIPT = """
import sys
from Cython.Build import cythonize
from setuptools import Distribution

jobs, names = int(sys.argv[1]), sys.argv[2:]
modules = cythonize(
    [f"domain/understand/{name}.py" for name in names],
    nthreads=jobs,
    language_level=3,
    compiler_directives={"annotation_typing": False},
    quiet=True,
)
dist = Distribution({"name": "nhacviec-accel", "ext_modules": modules})
command = dist.get_command_obj("build_ext")
command.inplace = True
command.parallel = jobs
dist.run_command("build_ext")
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--status" in args:
        from domain.understand import assignees

        state = "compiled" if is_compiled(assignees) else "plain Python"
        built = "yes" if (build_dir() / "BUILT").is_file() else "no"
        print(f"understanding code: {state} (a build of these sources: {built})")
        return 0
    print(f"built: {build(quiet='--quiet' in args)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
