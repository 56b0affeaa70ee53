"""Regression probe for the understanding code: the same input must give the same output.

    python bench/understanding_probe.py --write /tmp/probe.txt     # before a change
    python bench/understanding_probe.py --check /tmp/probe.txt     # after it: exit 1 on any difference

For speed work (or any refactoring that must not change behaviour). It runs `split_conclusion`,
`parse_deadline`, `find_deadlines`, `find_invalid_date` and `deadline_in_context` over:
- every record of tests/data/*.jsonl but the held-out sets and the closed corpora of tests/data/CLOSED
  (text and context; labels are not read),
- every whole conclusion of tests/data/conclusions_v3/*/*.json (held-out excepted), and every line,
- tests/data/seeds/*.txt (whole, and each line),
- generated text: corpus words shuffled, glued and mutated (digits, dates, accents dropped, case,
  punctuation) from a fixed seed, and strings drawn by hypothesis (derandomized), so that paths the
  corpus never takes are compared too.
One output line per (function, input), the output last; --check compares the outputs of the inputs
both runs share and prints the first differences. (Hypothesis does not always draw the very same
strings, even derandomized: an input met in one run only is counted, not compared.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # lead_tools: the one guard on closed corpora

from lead_tools import open_paths  # noqa: E402

from domain.understand.conclusion import split_conclusion  # noqa: E402
from domain.understand.deadlines import (  # noqa: E402
    deadline_in_context,
    find_deadlines,
    find_invalid_date,
    parse_deadline,
)

DATA = ROOT / "tests" / "data"
NO_DATE = date(2020, 1, 1)
TODAYS = (date(2020, 1, 1), date(2024, 2, 24), date(2025, 12, 31))


def _records() -> list[dict]:
    out = []
    for path in open_paths(sorted(DATA.glob("*.jsonl"))):
        if "heldout" in path.name:
            continue  # held-out sets are only measured by the lead, never read by tuning tools
        if path.name.startswith("relabel_log"):
            continue  # the log of the relabelling to LABELLING.md, not sentences
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if "text" not in r:
                    continue  # (context_fill_session8.jsonl: contexts added to records, no sentence of its own)
                out.append({"text": r["text"], "context": r.get("context"), "doc_date": r.get("doc_date")})
    return out


def _conclusions() -> list[tuple[str, str | None]]:
    out = []
    for path in open_paths(sorted(DATA.glob("conclusions_v3/*/*.json"))):
        if "heldout" in str(path.relative_to(DATA)):
            continue
        d = json.loads(path.read_text(encoding="utf-8"))
        out.append((d["text"], d.get("doc_date")))
    for path in sorted(DATA.glob("seeds/*.txt")):
        out.append((path.read_text(encoding="utf-8"), None))
    return out


_SNIPPETS = [
    "trước ngày 15/12/2020", "trong tháng 4/2018", "hàng tháng", "trước Tết", "Quý II/2019", "ngày 31/02",
    "trong 10 ngày", "cuối năm 2025", "6 tháng đầu năm", "trong tuần này", "tuần sau", "ngay", "định kỳ",
    "29/2/2021", "ngày 12 tháng 4 năm 2018", "chậm nhất 30/6", "từ ngày 17/3/2025 đến ngày 05/4/2025",
    "Giao Văn phòng", "Đề nghị UBND các xã", "1.", "- ", "a) ", "II.", "Hoàn thành trong tháng 4/2018.",
    "Nơi nhận:", "Trên đây là kết luận", ": ", "; ", ". ", "\n", "\n- ", "\n2. ", "(", ")", "“", "…",
]


def _strip_accents(text: str) -> str:
    """Typed without diacritics (case kept)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _generated(texts: list[str], n: int) -> Iterator[str]:
    rng = random.Random(20261206)
    words = [w for t in texts for w in t.split()]
    for _ in range(n):
        choice = rng.random()
        if choice < 0.35:
            out = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        elif choice < 0.7:
            base = rng.choice(texts).split()
            for _ in range(rng.randint(1, 5)):
                at = rng.randint(0, len(base))
                base[at:at] = [rng.choice(_SNIPPETS)]
            out = " ".join(base)
        else:
            parts = [
                rng.choice(_SNIPPETS) if rng.random() < 0.4 else rng.choice(words) for _ in range(rng.randint(1, 60))
            ]
            out = rng.choice(["", " ", "\n"]).join(parts)
        if rng.random() < 0.2:
            out = _strip_accents(out)
        if rng.random() < 0.1:
            out = out.upper()
        if rng.random() < 0.1:
            out = out.replace("/", rng.choice(["-", ".", " / "]))
        yield out


def _hypothesis_texts(n: int) -> list[str]:
    """Arbitrary strings over the alphabet the parsers care about (derandomized: same every run)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("0123456789/.-:;,()\n ") + list("ạàáâầấậăằắặđêềếệôồốộơờớợưừứựTtNnHhQqGg"))
    pieces = st.one_of(st.text(alphabet, max_size=12), st.sampled_from(_SNIPPETS))
    out: list[str] = []

    @settings(max_examples=n, derandomize=True, database=None, suppress_health_check=list(HealthCheck),
              deadline=None)
    @given(st.lists(pieces, max_size=25).map(" ".join))
    def collect(text: str) -> None:
        out.append(text)

    collect()
    return out


def _today(doc_date: str | None) -> date:
    return date.fromisoformat(doc_date) if doc_date else NO_DATE


def _probe() -> Iterator[str]:
    records = _records()
    conclusions = _conclusions()
    for r in records:
        today = _today(r["doc_date"])
        text, context = r["text"], r["context"]
        yield f"pd\t{text!r}\t{parse_deadline(text, today)!r}"
        yield f"fd\t{text!r}\t{find_deadlines(text, today)!r}"
        yield f"inv\t{text!r}\t{find_invalid_date(text, today)!r}"
        yield f"dic\t{text!r}\t{context!r}\t{deadline_in_context(text, today, context)!r}"
        yield f"sc\t{text!r}\t{split_conclusion(text, today)!r}"
        if context:
            yield f"pdc\t{context!r}\t{parse_deadline(context, today)!r}"
            yield f"scc\t{context!r}\t{split_conclusion(context + chr(10) + text, today)!r}"
    for text, doc_date in conclusions:
        today = _today(doc_date)
        yield f"SC\t{text!r}\t{split_conclusion(text, today)!r}"
        for line in text.splitlines():
            if line.strip():
                yield f"pdl\t{line!r}\t{parse_deadline(line, today)!r}"
                yield f"scl\t{line!r}\t{split_conclusion(line, today)!r}"
    texts = [r["text"] for r in records] + [line for t, _ in conclusions for line in t.splitlines() if line.strip()]
    generated = list(_generated(texts, 1500)) + _hypothesis_texts(400)
    for k, text in enumerate(generated):
        today = TODAYS[k % len(TODAYS)]
        # (today in the key: a text drawn twice may meet another day, and hypothesis's draws vary)
        yield f"gpd\t{text!r}\t{today}\t{(find_deadlines(text, today), find_invalid_date(text))!r}"
        context = generated[k - 1] if k % 3 == 0 else None
        yield f"gdic\t{text!r}\t{context!r}\t{today}\t{deadline_in_context(text, today, context)!r}"
        yield f"gsc\t{text!r}\t{today}\t{split_conclusion(text, today)!r}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the outputs here")
    group.add_argument("--check", type=Path, help="compare the outputs with this file")
    args = parser.parse_args()
    lines = list(_probe())
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} outputs written to {args.write} (sha256 {digest})")
        return
    before = dict(_keyed(args.check.read_text(encoding="utf-8").splitlines()))
    now = dict(_keyed(lines))
    shared = [k for k in now if k in before]
    diffs = [k for k in shared if before[k] != now[k]]
    for k in diffs[: int(os.environ.get("PROBE_SHOW", "10"))]:
        print(f"  {k[:300]}\n- {before[k][:600]}\n+ {now[k][:600]}\n")
    unmatched = len(now) - len(shared)
    note = f"; {unmatched} inputs met in this run only (not compared)" if unmatched else ""
    if diffs:
        print(f"{len(diffs)} of {len(shared)} outputs differ{note} (sha256 now {digest})")
        sys.exit(1)
    print(f"{len(shared)} outputs identical{note} (sha256 {digest})")


def _keyed(lines: list[str]) -> Iterator[tuple[str, str]]:
    """(function and inputs, output) of each line; the output is the last tab-separated field."""
    for line in lines:
        key, _, output = line.rpartition("\t")
        yield key, output


if __name__ == "__main__":
    main()
