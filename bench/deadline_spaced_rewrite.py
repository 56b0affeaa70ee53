"""Robustness of the deadline reading to spaced separators (branch deadl8), on the dev sentence sets only:

    python bench/deadline_spaced_rewrite.py

Every dev sentence (and its context) holding a day or a document code is rewritten with spaces around its
separators ("10 / 5", "10 /5/2024", "20/4/ 2019", "12/KH - UBND"); the count is of sentences whose reading
(kind and due, with the context, as /nhap reads them) changes against the sentence as written. Held-out sets
and the check sets v4e / v4i are not read.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.understand.directive import parse_directive  # noqa: E402
from tests.domain.unseen_scoring import load_jsonl, today_of  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = ("train_v2", "v3a", "v3b", "v4d", "v4f", "v4g", "v4j", "v4k")
REWRITES = {
    "d / m": lambda t: re.sub(r"(?<![\w/])(\d{1,2})/(\d{1,2})(?=[/\s.,;)]|$)", r"\1 / \2", t),
    "d /m/y": lambda t: re.sub(r"(?<![\w/])(\d{1,2})/(\d{1,2})/(\d{4})", r"\1 /\2/\3", t),
    "d/m/ y": lambda t: re.sub(r"(?<![\w/])(\d{1,2})/(\d{1,2})/(\d{4})", r"\1/\2/ \3", t),
    "code - ": lambda t: re.sub(r"(\d+/[A-ZĐ][\wĐ&]*)-([A-ZĐ])", r"\1 - \2", t),
}


def main() -> None:
    records = [r for name in SETS for r in load_jsonl(DATA / f"{name}_dev.jsonl")]
    for label, rewrite in REWRITES.items():
        rewritten = changed = 0
        ids = []
        for r in records:
            text, context = rewrite(r["text"]), rewrite(r["context"]) if r.get("context") else None
            if text == r["text"] and context == r.get("context"):
                continue
            rewritten += 1
            today = today_of(r.get("doc_date"), r["text"], r.get("context"))
            a = parse_directive(r["text"], today, context=r.get("context")).deadline
            b = parse_directive(text, today, context=context).deadline
            if (a.kind, a.due) != (b.kind, b.due):
                changed += 1
                ids.append(r["id"])
        print(f"{label:8} rewritten {rewritten:4}  reading changed {changed:4}  {' '.join(ids[:10])}")


if __name__ == "__main__":
    main()
