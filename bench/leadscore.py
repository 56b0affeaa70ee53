"""Lead strict / words on named dev sets (no misses printed): python bench/leadscore.py v4e v4d ...
A name may be a path to a .jsonl file (e.g. a corpus helper's v4g_dev.jsonl)."""
import sys
from pathlib import Path

from lead_tools import dev_path, skip_closed, unseen_data

from tests.domain.unseen_scoring import load_jsonl, score_sentences

paths = {name: Path(name) if name.endswith(".jsonl") else dev_path(name, unseen_data()) for name in sys.argv[1:]}
for path in skip_closed(paths).values():
    s = score_sentences(load_jsonl(path))
    print(f"{path.stem:14s} n={s.n:4d} lead {s.rate('lead'):6.1%}  words {s.rate('lead_words'):6.1%}")
