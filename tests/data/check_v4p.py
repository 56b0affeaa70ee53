"""Plain-python check of corpus P's records (no jsonschema, never runs the understanding code).

Checks every line of ``tests/data/v4p_{dev,heldout}.jsonl`` and every ``conclusions_v14/*/CP*.json``:
valid JSON, the fields of the v4o / conclusions_v13 records, id forms, unique ids, the split equal to the
URL hash (held-out when sha1 % 5 in (0, 1)), ISO dues, `none` without due or phrase, `recurring` with a
cadence, a `lead_source` or `source: context` only with a context (sentences), every deadline phrase found
in the text (or, when carried, in the context), each conclusion directive's
text inside its passage, and no URL used by two documents. Prints counts only (safe on held-out files:
it prints no record text).
"""
from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent
KINDS = {"date", "month", "quarter", "half", "year", "week", "relative", "immediate", "recurring", "holiday", "none"}
SENT_FIELDS = {"id", "doc_id", "source_url_or_seed", "doc_date", "doc_date_note", "doc_kind", "text", "gold", "split"}
CONC_FIELDS = {"id", "source_url", "doc_date", "doc_date_note", "kind", "note", "text", "directives"}


def split_of(url: str) -> str:
    return "heldout" if int(hashlib.sha1(url.encode()).hexdigest(), 16) % 5 in (0, 1) else "dev"


def check_deadline(d: dict, where: str, errors: list[str]) -> None:
    for k in ("kind", "due", "phrase"):
        if k not in d:
            errors.append(f"{where}: deadline lacks {k}")
    kind = d.get("kind")
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind!r}")
    if kind == "none" and (d.get("due") or d.get("phrase")):
        errors.append(f"{where}: none with due/phrase")
    if kind == "recurring" and not d.get("cadence"):
        errors.append(f"{where}: recurring without cadence")
    if kind not in ("none",) and not d.get("phrase"):
        errors.append(f"{where}: {kind} without phrase")
    for x in [d, *(d.get("all") or [])]:
        if x.get("due"):
            try:
                dt.date.fromisoformat(x["due"])
            except ValueError:
                errors.append(f"{where}: bad due {x['due']!r}")


def check_gold(g: dict, where: str, errors: list[str]) -> None:
    for k in ("lead", "support", "deadline", "note"):
        if k not in g:
            errors.append(f"{where}: gold lacks {k}")
    for k in ("lead", "support", "executor"):
        if k in g and not (isinstance(g[k], list) and all(isinstance(x, str) and x for x in g[k])):
            errors.append(f"{where}: {k} not a list of names")
    if "deadline" in g:
        check_deadline(g["deadline"], where, errors)


def main() -> int:
    errors: list[str] = []
    ids: set[str] = set()
    doc_url: dict[str, str] = {}
    url_doc: dict[str, str] = {}
    counts: Counter = Counter()
    kinds: dict[str, Counter] = {"dev": Counter(), "heldout": Counter()}
    docs: dict[str, set] = {"dev": set(), "heldout": set()}
    for split in ("dev", "heldout"):
        path = DATA / f"v4p_{split}.jsonl"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: {exc}")
                continue
            missing = SENT_FIELDS - r.keys()
            if missing:
                errors.append(f"{where}: lacks {sorted(missing)}")
                continue
            if not re.fullmatch(r"P\d{3}-\d{2}", r["id"]) or not r["id"].startswith(r["doc_id"] + "-"):
                errors.append(f"{where}: bad id")
            if r["id"] in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(r["id"])
            url = r["source_url_or_seed"]
            if doc_url.setdefault(r["doc_id"], url) != url or url_doc.setdefault(url, r["doc_id"]) != r["doc_id"]:
                errors.append(f"{where}: one URL per document")
            if r["split"] != split or split_of(url) != split:
                errors.append(f"{where}: split is not the URL hash")
            if r["doc_date"]:
                dt.date.fromisoformat(r["doc_date"])
            check_gold(r["gold"], where, errors)
            g = r["gold"]
            if (g.get("lead_source") or g["deadline"].get("source")) and not r.get("context"):
                errors.append(f"{where}: carried lead/day without context")
            # A phrase is copied as written: from the context when the day is carried, else from the text.
            for d in [g["deadline"], *(g["deadline"].get("all") or [])]:
                source_text = r.get("context", "") if d.get("source") == "context" else r["text"]
                if d.get("phrase") and d["phrase"] not in source_text:
                    errors.append(f"{where}: deadline phrase not found where its source says")
            counts[split] += 1
            kinds[split][g["deadline"]["kind"]] += 1
            docs[split].add(r["doc_id"])
    conc = 0
    for f in sorted(glob.glob(str(DATA / "conclusions_v14" / "*" / "CP*.json"))):
        where = Path(f).name
        c = json.loads(Path(f).read_text(encoding="utf-8"))
        missing = CONC_FIELDS - c.keys()
        if missing:
            errors.append(f"{where}: lacks {sorted(missing)}")
            continue
        if split_of(c["source_url"]) != Path(f).parent.name:
            errors.append(f"{where}: split is not the URL hash")
        if c["source_url"] in url_doc:
            errors.append(f"{where}: URL also used by sentences")
        for i, d in enumerate(c["directives"]):
            if d["text"] not in c["text"]:
                errors.append(f"{where}[{i}]: directive text not in the passage")
            check_gold(d, f"{where}[{i}]", errors)
        conc += 1
    for e in errors:
        print("ERROR", e)
    for split in ("dev", "heldout"):
        print(split, counts[split], "sentences", len(docs[split]), "documents", dict(sorted(kinds[split].items())))
    print("conclusions", conc, "errors", len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
