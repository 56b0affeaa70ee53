"""Lead misses of named dev sets (never the private check set or a held-out set):
python bench/devmiss.py v4d v4f v3a v3b train_v2"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.domain.unseen_scoring import load_jsonl, score_sentences

for name in sys.argv[1:]:
    if "heldout" in name:
        sys.exit("held-out sets are measured by the lead engineer only")
    recs = load_jsonl(Path("tests/data") / f"{name}_dev.jsonl")
    s = score_sentences(recs)
    byid = {r["id"]: r for r in recs}
    for m in s.misses:
        if " lead:" in m:
            rid = m.split()[0]
            print("---", m)
            print("   ", byid[rid]["text"][:300])
