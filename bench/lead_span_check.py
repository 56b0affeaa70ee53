"""Does the reader's noun phrase, read from where a gold lead starts, end where the gold lead ends?
Independent of which noun phrase the reader takes as the lead: a measure of name spans alone.

    python bench/lead_span_check.py show tests/data/v4d_dev.jsonl ...   # counts and the words where it ends
    python bench/lead_span_check.py count tests/data/v4e_dev.jsonl      # counts only (check sets)

"runs on" mostly counts whole lists read past one gold item (lists are read whole from a start)."""

import sys
from collections import Counter
from pathlib import Path

from lead_tools import is_heldout, open_paths

from domain.understand import assignees as A
from domain.understand.textnorm import nfc
from tests.domain.unseen_scoring import load_jsonl

mode, files = sys.argv[1], sys.argv[2:]
early: Counter[str] = Counter()
late: Counter[str] = Counter()
example: dict[tuple[str, str], tuple[str, str]] = {}
right = total = 0
for path in map(str, open_paths(Path(f) for f in files)):
    if is_heldout(path) or (mode == "show" and "v4e" in path):
        raise SystemExit(f"{path}: held-out or check set, use 'count'" if not is_heldout(path) else path)
    for record in load_jsonl(Path(path)):
        text = nfc(record["text"])
        s = None
        for gold in record["gold"].get("lead") or []:
            at = text.find(nfc(gold))
            if at < 0:
                continue
            s = s or A._Sentence(text, ())
            a = next((k for k, t in enumerate(s.tokens) if t.start >= at), None)
            b = next((k for k, t in enumerate(s.tokens) if t.start >= at + len(nfc(gold))), s.n)
            if a is None or not A._np_start(s, a, loose=True):
                continue
            _, end = A._parse_list(s, a, loose=True)
            total += 1
            if end == b:
                right += 1
            elif end < b:
                words = " ".join(t.text for t in s.tokens[end : end + 2])
                early[words] += 1
                example.setdefault(("early", words), (record["id"], s.span_text(a, b)))
            else:
                words = " ".join(t.text for t in s.tokens[b : b + 2])
                late[words] += 1
                example.setdefault(("late", words), (record["id"], s.span_text(a, end)))
print(f"gold leads read from their start: {total}; end right {right}; stop early {sum(early.values())};"
      f" run on {sum(late.values())}")
if mode == "show":
    for words, n in early.most_common(40):
        print("stops early at", n, repr(words), example[("early", words)])
    for words, n in late.most_common(40):
        print("runs on into  ", n, repr(words), example[("late", words)])
