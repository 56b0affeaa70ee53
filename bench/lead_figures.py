"""Lead strict / words figures on dev sets, no misses printed (safe for a private check set).

    python bench/lead_figures.py v4d v4e v4f v3a v3b train_v2 [--dir DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.domain.unseen_scoring import load_jsonl, score_sentences

args = sys.argv[1:]
base = Path("tests/data")
if "--dir" in args:
    i = args.index("--dir")
    base = Path(args[i + 1])
    del args[i : i + 2]
for name in args:
    if "heldout" in name:
        raise SystemExit("held-out sets are not measured here")
    recs = load_jsonl(base / f"{name}_dev.jsonl")
    s = score_sentences(recs)
    print(
        f"{name:10s} n={s.n:4d} lead {100 * s.rate('lead'):5.1f} %  words {100 * s.rate('lead_words'):5.1f} %"
        f"  deadline {100 * s.rate('deadline'):5.1f} %"
    )
