"""Deadline misses on development sets, to tune on (modelled on bench/devmiss.py):

    python bench/deadline_devmiss.py v4f v4g train_v2 seed_directives conclusions_v5
    python bench/deadline_devmiss.py --figures v4f v4g      (figures only, one line a set)

A sentence set is named as bench/lead_figures.py names it (`v4f` → tests/data/v4f_dev.jsonl;
`seed_directives` / `dev_directives` are the shared-corpus copies, scored with the conventions of
tests/domain/unseen_scoring.py here); a whole-conclusion set by its folder (`conclusions_v3` …: its
`dev` part). Refuses held-out sets and the check sets `v4e` / `v4i` (measure those with
bench/lead_figures.py: figures only, their misses are never read).
"""

import sys
from pathlib import Path

from lead_tools import DATA, dev_path, dev_records, is_heldout, skip_closed

from tests.domain.unseen_scoring import load_jsonl, score_conclusions, score_sentences

CHECK_SETS = ("v4e", "v4i")


def _refuse(name: str) -> None:
    if is_heldout(name) or name.startswith(CHECK_SETS):
        raise SystemExit(f"{name}: not read here (held-out or check set)")


def _sentences(name: str) -> list[dict]:
    plain = DATA / f"{name}.jsonl"
    return load_jsonl(plain) if plain.exists() else dev_records(name.removesuffix("_dev"))


def _where(name: str) -> Path:
    """The file or folder a set name reads (what tests/data/CLOSED is matched against)."""
    if name.startswith("conclusions_v"):
        return DATA / name / "dev"
    plain = DATA / f"{name}.jsonl"
    return plain if plain.exists() else dev_path(name.removesuffix("_dev"))


def main(argv: list[str]) -> None:
    figures = "--figures" in argv
    names = list(skip_closed({a: _where(a) for a in argv if a != "--figures"}))
    for name in names:
        _refuse(name)
    for name in names:
        if name.startswith("conclusions_v"):
            paths = sorted((DATA / name / "dev").glob("*.json"))
            c = score_conclusions(paths)
            print(f"== {name} dev: deadline right on found {c.deadline}/{c.found} = {100 * c.deadline_rate():.1f} %")
            if not figures:
                for miss in c.misses:
                    if " deadline:" in miss:
                        print("---", miss)
            continue
        recs = _sentences(name)
        by_id = {r["id"]: r for r in recs}
        s = score_sentences(recs)
        print(f"== {name}: deadline {s.deadline}/{s.n} = {100 * s.rate('deadline'):.1f} %")
        if figures:
            continue
        for miss in s.misses:
            if " deadline:" in miss:
                r = by_id[miss.split()[0]]
                print("---", miss, "| doc_date", r.get("doc_date"))
                print("   ", r["text"][:400])
                if r.get("context"):
                    print("    ctx:", r["context"][:300])


if __name__ == "__main__":
    main(sys.argv[1:])
