"""Instructions a corpus sentence costs the understanding code, counted by valgrind (deterministic).

    python bench/parse_instructions.py                 # whole understanding (split_conclusion)
    python bench/parse_instructions.py --stage deadline  # parse_deadline alone
    python bench/parse_instructions.py --stage read      # the assignee reader alone (read_assignees)

Times on a shared machine move with its load by ±30 %; instruction counts do not, so a change
that saves 5 % shows. The same sentences and cache rules as `parse_bench.py` (text caches cleared
before every round, word caches kept): the script runs itself twice under `valgrind --tool=callgrind`
(apt-get install valgrind), once with a warm-up only and once with the warm-up and N timed rounds,
and divides the difference by the sentences read. PYTHONHASHSEED is fixed: dictionary layouts, and
so the counts, are the same from run to run. About a minute per stage.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _rounds(stage: str, rounds: int) -> None:
    from parse_bench import NO_DATE, _clear_text_caches, load, today_of

    from domain.understand.assignees import read_assignees
    from domain.understand.conclusion import split_conclusion
    from domain.understand.deadlines import parse_deadline

    def read(text: str, today: date) -> object:
        return read_assignees(text)

    fn = {"whole": split_conclusion, "deadline": parse_deadline, "read": read}[stage]
    records = [(r["text"], today_of(r)) for r in load()]
    fn("Giao Văn phòng khởi động trước ngày 15/12/2020.", NO_DATE)
    for text, today in records:  # warm-up: word caches filled, as in a running bot
        fn(text, today)
    for _ in range(rounds):
        _clear_text_caches()
        for text, today in records:
            fn(text, today)


def _count(stage: str, rounds: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--inner", "--stage", stage, "--rounds", str(rounds)],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=True,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"valgrind said:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", choices=("whole", "deadline", "read"), default="whole")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        _rounds(args.stage, args.rounds)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    from parse_bench import load

    sentences = len(load()) * args.rounds
    per_sentence = (_count(args.stage, args.rounds) - _count(args.stage, 0)) / sentences
    print(f"{args.stage}: {per_sentence / 1000:,.0f}k instructions a sentence ({sentences // args.rounds} sentences)")


if __name__ == "__main__":
    main()
