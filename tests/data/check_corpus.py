"""Plain-python check of a collected corpus's records (no jsonschema, never runs the understanding code).

One checker for every corpus with the v4o record shape (it replaces check_v4o.py and check_v4p.py, which were
near copies). Usage::

    python3 tests/data/check_corpus.py o p q      # letters of the corpora to check
    python3 tests/data/check_corpus.py --all      # every corpus of CORPORA whose files are present

For corpus X it checks every line of ``tests/data/v4x_{dev,heldout}.jsonl`` and every
``conclusions_vNN/{dev,heldout}/CX*.json`` (NN from CORPORA): valid JSON, the record fields, id forms (``Xnnn-kk``
inside doc ``Xnnn``; ``CXnn``), unique ids, the split equal to the URL hash (held-out when sha1 % 5 in (0, 1), the
rule of tests/data/README.md), ISO dues, `none` without due or phrase, `recurring` with a cadence, a `lead_source`
or `source: context` only with a context, every deadline phrase found in the text (or, when carried, in the
context), each conclusion directive's text inside its passage, only CXnn.json files in the conclusions folder's
dev/ and heldout/, one URL per document, and no URL (scheme, `www.`, `m.` and a trailing slash ignored) or sentence
(whitespace runs collapsed) shared with any other set of tests/data or ../shared/corpus.
Prints counts and record ids only, never record text (safe on held-out files).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent
ROOT = DATA.parent.parent
# ../shared/corpus as seen from the main checkout (/work/main); NHACVIEC_SHARED_CORPUS points elsewhere.
SHARED = Path(os.environ.get("NHACVIEC_SHARED_CORPUS", "/work/shared/corpus"))
# corpus letter -> its whole-conclusions folder (the corpora collected with the v4o record shape)
CORPORA = {"o": "conclusions_v13", "p": "conclusions_v14", "q": "conclusions_v15", "r": "conclusions_v16"}
KINDS = {"date", "month", "quarter", "half", "year", "week", "relative", "immediate", "recurring", "holiday", "none"}
SENT_FIELDS = {"id", "doc_id", "source_url_or_seed", "doc_date", "doc_date_note", "doc_kind", "text", "gold", "split"}
CONC_FIELDS = {"id", "source_url", "doc_date", "doc_date_note", "kind", "note", "text", "directives"}
# Logs copy records of the sets (relabels, context fills): they are not sets of their own.
NOT_SETS = ("relabel_log", "context_fill")


def split_of(url: str) -> str:
    return "heldout" if int(hashlib.sha1(url.encode()).hexdigest(), 16) % 5 in (0, 1) else "dev"


def url_key(url: str) -> str:
    """The same page under http/https, with or without www./m., with or without a trailing slash."""
    return re.sub(r"^(https?://)?(www\.|m\.)?", "", url.strip()).rstrip("/").lower()


def text_key(text: str) -> str:
    return " ".join(text.split())


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
    if kind != "none" and not d.get("phrase"):
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


def _records(path: Path) -> Iterator[dict]:
    """Every record of a .jsonl (a line each) or .json (one record) file; unreadable lines are skipped here
    (the corpus's own files are checked line by line elsewhere)."""
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(r, dict):
                yield r
    else:
        try:
            r = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return
        if isinstance(r, dict):
            yield r


def other_sets(own: set[Path]) -> tuple[dict[str, str], dict[str, str]]:
    """url key -> file, sentence key -> file over every set of tests/data and ../shared/corpus but `own`."""
    urls: dict[str, str] = {}
    texts: dict[str, str] = {}
    for base in (DATA, SHARED):
        if not base.is_dir():
            continue
        for path in sorted([*base.rglob("*.jsonl"), *base.rglob("*.json")]):
            if path.resolve() in own or path.name.startswith(NOT_SETS):
                continue
            for r in _records(path):
                for key in ("source_url_or_seed", "source_url", "url"):
                    if isinstance(r.get(key), str) and not r[key].startswith("seed:"):
                        urls.setdefault(url_key(r[key]), path.name)
                for t in [r.get("text"), *(d.get("text") for d in r.get("directives") or [] if isinstance(d, dict))]:
                    if isinstance(t, str) and t.strip():
                        texts.setdefault(text_key(t), path.name)
    return urls, texts


def check_corpus(letter: str, errors: list[str]) -> None:
    up = letter.upper()
    folder = DATA / CORPORA[letter]
    sent_paths = [DATA / f"v4{letter}_{split}.jsonl" for split in ("dev", "heldout")]
    conc_paths = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    urls, texts = other_sets({p.resolve() for p in [*sent_paths, *conc_paths]})
    ids: set[str] = set()
    doc_url: dict[str, str] = {}
    url_doc: dict[str, str] = {}
    counts: Counter = Counter()
    kinds: dict[str, Counter] = {"dev": Counter(), "heldout": Counter()}
    docs: dict[str, set] = {"dev": set(), "heldout": set()}

    def not_shared(url: str, sentences: list[str], where: str) -> None:
        if url_key(url) in urls:
            errors.append(f"{where}: URL also in {urls[url_key(url)]}")
        for t in sentences:
            if text_key(t) in texts:
                errors.append(f"{where}: sentence also in {texts[text_key(t)]}")

    for split, path in zip(("dev", "heldout"), sent_paths, strict=True):
        if not path.exists():
            errors.append(f"{path.name}: missing")
            continue
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
            if not re.fullmatch(rf"{up}\d{{3}}-\d{{2}}", r["id"]) or not r["id"].startswith(r["doc_id"] + "-"):
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
                try:
                    dt.date.fromisoformat(r["doc_date"])
                except ValueError:
                    errors.append(f"{where}: bad doc_date")
            not_shared(url, [r["text"]], where)
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
    conc = directives = 0
    for f in conc_paths:
        where = f"{folder.name}/{f.relative_to(folder)}"
        if f.parent.parent != folder or f.parent.name not in ("dev", "heldout") or not re.fullmatch(
            rf"C{up}\d{{2}}\.json", f.name
        ):
            errors.append(f"{where}: the folder holds only dev/C{up}nn.json and heldout/C{up}nn.json")
            continue
        try:
            c = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: {exc}")
            continue
        missing = CONC_FIELDS - c.keys()
        if missing:
            errors.append(f"{where}: lacks {sorted(missing)}")
            continue
        if c["id"] != f.stem or c["id"] in ids:
            errors.append(f"{where}: id is not the file name, or used twice")
        ids.add(c["id"])
        if split_of(c["source_url"]) != f.parent.name:
            errors.append(f"{where}: split is not the URL hash")
        if c["source_url"] in url_doc:
            errors.append(f"{where}: URL also used by sentences or another conclusion")
        url_doc[c["source_url"]] = c["id"]
        not_shared(c["source_url"], [d.get("text", "") for d in c["directives"]], where)
        if not c["directives"]:
            errors.append(f"{where}: no directives")
        for i, d in enumerate(c["directives"]):
            if d["text"] not in c["text"]:
                errors.append(f"{where}[{i}]: directive text not in the passage")
            check_gold(d, f"{where}[{i}]", errors)
        conc += 1
        directives += len(c["directives"])
    for split in ("dev", "heldout"):
        kind_counts = dict(sorted(kinds[split].items()))
        print(f"{up} {split}", counts[split], "sentences", len(docs[split]), "documents", kind_counts)
    print(f"{up} conclusions", conc, "directives", directives)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("letters", nargs="*", help="corpus letters, e.g. o p q")
    parser.add_argument("--all", action="store_true", help="every corpus of CORPORA whose sentence files exist")
    args = parser.parse_args(argv)
    letters = [x.lower() for x in args.letters]
    if args.all:
        letters = [x for x in CORPORA if (DATA / f"v4{x}_dev.jsonl").exists()]
    unknown = [x for x in letters if x not in CORPORA]
    if not letters or unknown:
        known = ", ".join(CORPORA)
        parser.error(f"give corpus letters among {known} (unknown: {', '.join(unknown) or 'none'}) or --all")
    errors: list[str] = []
    for letter in letters:
        check_corpus(letter, errors)
    for e in errors:
        print("ERROR", e)
    print("errors", len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
