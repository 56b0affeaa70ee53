"""Counts of lead misses by kind, no sentence printed (usable on a private check set):

    python bench/lead_miss_kinds.py v4e [--dir DIR]

- runs on / stops early: a gold lead is written inside a lead found (the name runs on into the
  predicate), or a lead found inside a gold lead (it stops before a qualifier or a list's last item);
- item missing: every lead found is a gold lead, but some gold leads are not found;
- list: the same words, cut into a different number of leads;
- other one: another noun phrase was taken (speaker vs addressee, triggers, or both wrong);
- nobody: no lead found where the gold has one; extra: a lead found where the gold has none.
"""

import re
import sys

from lead_tools import data_and_names, dev_records, open_names, refuse_heldout

from domain.understand.directive import parse_directive
from domain.understand.textnorm import fold
from tests.domain.unseen_scoring import lead_right, lead_words, today_of


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w&]+", fold(text)))


def _inside(a: str, b: str) -> bool:
    """Is name a written inside name b (the same words, b longer: one of them ends elsewhere)?"""
    return f" {_words(a)} " in f" {_words(b)} "


base, names = data_and_names(sys.argv[1:])
for name in open_names(names, base):
    refuse_heldout(name)
    kinds = {"runs on": 0, "stops early": 0, "item missing": 0, "list": 0, "other one": 0, "nobody": 0, "extra": 0}
    n = 0
    for r in dev_records(name, base):
        n += 1
        gold = r["gold"].get("lead") or []
        parsed = parse_directive(r["text"], today_of(r.get("doc_date")), context=r.get("context"))
        got = [a.text for a in parsed.assignees.lead]
        if lead_right(gold, got):
            continue
        if not got:
            kinds["nobody"] += 1
        elif not gold:
            kinds["extra"] += 1
        elif lead_words(gold) == lead_words(got):
            kinds["list"] += 1
        elif len(got) < len(gold) and all(any(_words(g) == _words(b) for g in gold) for b in got):
            kinds["item missing"] += 1
        elif any(_inside(a, b) and _words(a) != _words(b) for a in gold for b in got):
            kinds["runs on"] += 1
        elif any(_inside(b, a) and _words(a) != _words(b) for a in gold for b in got):
            kinds["stops early"] += 1
        else:
            kinds["other one"] += 1
    print(f"{name:10s} n={n:4d} misses: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
