"""The deadline parser on every labelled corpus sentence, with accuracy floors.

tests/data/seed_directives.jsonl (the five seed meeting reports) and dev_directives.jsonl (other
committees' documents) are copied verbatim from the shared corpus; each record keeps its source.

Each sentence is resolved against its document date. A record without one (or whose gold `due`
is unknown, e.g. a year-less "trước ngày 10/6" from an undated excerpt) is scored on kind only,
as the corpus labels it. Records whose deadline sits in their `context` (a lead-in such as
"Quý II/2019 tập trung thực hiện ...:") are read with it, through deadline_in_context — what the
/nhap import does.

The floors are what the parser reaches today, rounded down a little: they may only go up.
`pytest -s` prints the accuracies.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from domain.types import Deadline
from domain.understand.deadlines import deadline_in_context, parse_deadline

DATA = Path(__file__).resolve().parent.parent / "data"
UNDATED = date(2020, 1, 1)  # any day: records without a date are scored on kind only

# (kind, kind+due) floors per set, with and without the context lines.
FLOORS = {
    "seed": {"kind": 0.97, "kind_due": 0.97, "text_only_kind_due": 0.95},
    "dev": {"kind": 0.96, "kind_due": 0.96, "text_only_kind_due": 0.90},
}


def load(name: str) -> list[dict]:
    lines = (DATA / f"{name}_directives.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def today_of(record: dict) -> date:
    return date.fromisoformat(record["doc_date"]) if record["doc_date"] else UNDATED


def agrees(got: Deadline, gold: dict, *, with_due: bool) -> bool:
    if got.kind.value != gold["kind"]:
        return False
    if not with_due or gold.get("due") is None:
        return True
    return got.due is not None and got.due.isoformat() == gold["due"]


def accuracies(records: list[dict]) -> dict[str, object]:
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    hits = {"kind": 0, "kind_due": 0, "text_only_kind_due": 0}
    misses: list[str] = []
    for r in records:
        gold = r["gold"]["deadline"]
        got = deadline_in_context(r["text"], today_of(r), r.get("context"))
        alone = parse_deadline(r["text"], today_of(r))
        kind_ok, full_ok = agrees(got, gold, with_due=False), agrees(got, gold, with_due=True)
        hits["kind"] += kind_ok
        hits["kind_due"] += full_ok
        hits["text_only_kind_due"] += agrees(alone, gold, with_due=True)
        cell = per_kind[gold["kind"]]
        cell[0] += kind_ok
        cell[1] += full_ok
        cell[2] += 1
        if not full_ok:
            misses.append(f"{r['id']}: gold {gold['kind']} {gold.get('due')}, got {got.kind.value} {got.due}")
    n = len(records)
    return {
        **{key: value / n for key, value in hits.items()},
        "per_kind": {kind: (c[0] / c[2], c[1] / c[2], c[2]) for kind, c in sorted(per_kind.items())},
        "misses": misses,
    }


@pytest.mark.parametrize("name", ["seed", "dev"])
def test_corpus_accuracy_floors(name: str) -> None:
    result = accuracies(load(name))
    print(f"\n{name}: kind {result['kind']:.1%}, kind+due {result['kind_due']:.1%}, "
          f"kind+due without context {result['text_only_kind_due']:.1%}")  # fmt: skip
    for kind, (k, kd, n) in result["per_kind"].items():  # type: ignore[union-attr]
        print(f"  {kind:<10} n={n:<3} kind {k:.0%}  kind+due {kd:.0%}")
    for miss in result["misses"]:  # type: ignore[union-attr]
        print("  miss", miss)
    for field, floor in FLOORS[name].items():
        assert result[field] >= floor, f"{name} {field} {result[field]:.3f} fell below {floor}"


def test_corpus_records_keep_their_source() -> None:
    for name in ("seed", "dev"):
        for r in load(name):
            assert r["source_url_or_seed"], r["id"]
