"""Whole-conclusion figures on the development parts only (issue 11): per set, found, real among
proposed, deadline on found, lead on found — scored by tests/domain/unseen_scoring.score_conclusions.

    .venv/bin/python bench/conclusion_dev_figures.py            # figures of every dev set
    .venv/bin/python bench/conclusion_dev_figures.py --misses conclusions_v9_dev   # misses of one dev set

Held-out sets are refused (HELPERS.md): their files are never scored or printed here. Groups for
leave-one-corpus-out: conclusions_v8 dev = corpus J, conclusions_v9 dev = corpus K, v3–v7 = older.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lead_tools import refuse_heldout, skip_closed

from tests.domain.unseen_scoring import ConclusionScore, conclusion_sets, score_conclusions

_FIELDS = ("gold", "found", "proposed", "real", "deadline", "lead", "lead_words")


def _row(name: str, docs: int, c: ConclusionScore) -> str:
    return (
        f"{name:22} docs {docs:3}  gold {c.gold:3}  found {c.recall():6.1%} ({c.found})  "
        f"real {c.precision():6.1%} ({c.real}/{c.proposed})  deadline {c.deadline_rate():6.1%} "
        f"({c.deadline}/{c.found})  lead {c.lead_rate():6.1%} ({c.lead}/{c.found})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", metavar="SET", help="print the misses of one dev set")
    args = ap.parse_args()
    sets = {n: p for n, p in conclusion_sets().items() if n.endswith("_dev") or n == "conclusions_dev"}
    sets = skip_closed(sets)
    if args.misses:
        refuse_heldout(args.misses)
        if args.misses not in sets:
            raise SystemExit(f"no dev set {args.misses}; dev sets: {', '.join(sets)}")
        for line in score_conclusions(sets[args.misses]).misses:
            print(line)
        return
    pooled, docs = ConclusionScore(), 0
    for name, paths in sets.items():
        refuse_heldout(name)
        c = score_conclusions(paths)
        print(_row(name, len(paths), c))
        for f in _FIELDS:
            setattr(pooled, f, getattr(pooled, f) + getattr(c, f))
        docs += len(paths)
    print(_row("all dev", docs, pooled))


if __name__ == "__main__":
    main()
