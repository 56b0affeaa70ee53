"""The understanding on text it was not written from: the table for bench/README.md.

    python bench/unseen_report.py [DATA_DIR]

Reads tests/data/ (or DATA_DIR, laid out the same way): every `*_dev.jsonl` and `*_heldout.jsonl`
sentence file (deadline kind + due, lead) and the whole conclusions under
`conclusions_v3/{dev,heldout}/` (directives found, real directives among the proposed items,
deadline and lead right on the found ones). How each figure is counted:
tests/domain/unseen_scoring.py; the floors: tests/domain/test_unseen_corpus.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.domain.unseen_scoring import table  # noqa: E402


def main(argv: list[str]) -> int:
    base = Path(argv[0]) if argv else None
    print("\n".join(table(base)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
