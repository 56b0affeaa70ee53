"""Lead misses on dev sets, to tune on: `python bench/devmiss.py v4d v4f v3a v3b train_v2`.

Refuses held-out sets, and v4e (kept as a private check set by the span work: measure it with
bench/lead_figures.py, never read its misses)."""

import sys

from lead_tools import dev_records, is_heldout, open_names

from tests.domain.unseen_scoring import score_sentences

for name in open_names(sys.argv[1:]):
    if is_heldout(name) or name.startswith("v4e"):
        raise SystemExit(f"{name}: not read here (held-out or check set)")
    recs = dev_records(name)
    by_id = {r["id"]: r for r in recs}
    for miss in score_sentences(recs).misses:
        if " lead:" in miss:
            print("---", miss)
            print("   ", by_id[miss.split()[0]]["text"][:300])
