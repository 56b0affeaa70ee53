"""Scoring the understanding on text it was not written from: labelled sentence files
(`*_dev.jsonl`, `*_heldout.jsonl`) and whole conclusions (`conclusions_v3/{dev,heldout}/*.json`).

Used by tests/domain/test_unseen_corpus.py (floors) and bench/unseen_report.py (the table for
bench/README.md). Both read `tests/data/`; `NHACVIEC_UNSEEN_DATA` (a directory laid out the same
way) replaces it, to measure a working copy of data still being collected.

Sentences (the same conventions as tests/domain/test_deadline_corpus.py and the lead floors of
tests/domain/test_assignees.py):
- deadline: kind and due both right, read with the record's `context` as /nhap does. Kinds are
  compared as written: since the relabelling to tests/data/LABELLING.md the gold uses SPEC.md's
  kinds (holiday, half, week, ...), so the bot's kind must be the gold's (before it, the bot's
  `holiday` and `week` were folded into the corpora's coarser `relative`). `due` is compared where
  the gold has one and the record has a document date;
- a record without a document date (a third of the sentences) is read as of 1 January of the
  earliest year its text or context writes (see `undated_reference`), else 2020-01-01. Before,
  every undated record was read as of 2020-01-01, so a deadline the text writes with an earlier
  year ("trong năm 2015", "trong tháng 8-2014") was a past period that the bot rightly drops, and
  the record scored as a miss although the bot read it as it would on the day it was written: an
  artefact of the scoring, not a miss. The earliest year written is a lower bound of the
  document's year (documents cite earlier years, their deadlines lie later), so nothing a
  document asks for reads as past; `due` is still not compared on these records (their gold
  usually has none: a year-less day cannot be resolved);
- lead: the set of leads found equals the gold set after folding (diacritics, case, spaces, trailing
  punctuation), as tests/domain/test_assignees.py scores the corpus; and, printed beside it, "lead
  (words)": the leads found, taken together, name the gold leads' words, list punctuation and "và"
  aside ("Đảng ủy, UBND các xã" as one name or as two is the same answer; "UBND" for "UBND các
  huyện" is not).

Whole conclusions ({"id", "source_url", "doc_date", "text", "directives": [{"text", "lead",
"support", "deadline"}]}), split with domain.understand.conclusion.split_conclusion on doc_date:
- found (recall): a gold directive is found when a proposed item shares at least half of its
  words (Dice coefficient of the folded word multisets ≥ 0.5; the best such item is its match);
- precision: a proposed item is a real directive when at least 60% of its words lie in one gold
  directive (a gold point the bot splits into two sentences gives two real items);
- deadline right: on the found directives, the matched item's deadline (kind + due) is the gold.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from domain.types import Deadline
from domain.understand.conclusion import split_conclusion
from domain.understand.directive import parse_directive
from domain.understand.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent.parent
UNDATED = date(2020, 1, 1)
_MARKER = re.compile(r"^\s*(?:[IVX]{1,4}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-–*•+])\s*")


def data_dir() -> Path:
    override = os.environ.get("NHACVIEC_UNSEEN_DATA")
    return Path(override) if override else ROOT / "tests" / "data"


def sentence_sets(base: Path | None = None) -> dict[str, Path]:
    """name -> file, e.g. "train_v2_dev", "v3a_dev", "v3a_heldout"."""
    base = base or data_dir()
    files = sorted([*base.glob("*_dev.jsonl"), *base.glob("*_heldout.jsonl")])
    # relabel_log*.jsonl record the relabelling to tests/data/LABELLING.md, not sentences
    return {f.stem: f for f in files if not f.name.startswith("relabel_log")}


def conclusion_sets(base: Path | None = None) -> dict[str, list[Path]]:
    """name -> files: "conclusions_dev" / "conclusions_heldout" for conclusions_v3 (the first
    collection, named before there were others), "conclusions_v4_dev" … for every later one."""
    base = base or data_dir()
    out = {}
    for folder in sorted(base.glob("conclusions_v*")):
        prefix = "conclusions" if folder.name == "conclusions_v3" else folder.name
        for part in ("dev", "heldout"):
            files = sorted((folder / part).glob("*.json"))
            if files:
                out[f"{prefix}_{part}"] = files
    return out


# A year written anywhere, inside a date ("15-1-2015", "tháng 8-2014") or a document number ("29/2008/CT-TTg")
# too: each is a year the text writes, so a lower bound of the document's. (Until the sixth deadline round the
# look-behind also refused "/", "." and "-", so a year written only inside a date was skipped and the record
# read as of 2020: B032-01 "Từ nay đến 15-1-2015", F065-01 "ngay trong tháng 8-2014" scored as misses.)
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")


def undated_reference(*texts: str | None) -> date:
    """The day an undated record is read as of: 1 January of the earliest year (1950-2049) written
    in its text or context, else UNDATED (see the module doc)."""
    years = [int(y) for t in texts if t for y in _YEAR.findall(t)]
    return date(min(years), 1, 1) if years else UNDATED


def today_of(doc_date: str | None, *texts: str | None) -> date:
    return date.fromisoformat(doc_date) if doc_date else undated_reference(*texts)


def deadline_agrees(got: Deadline, gold: dict | None, *, dated: bool = True) -> bool:
    """Kind as written (the gold uses SPEC.md's kinds, see the module doc), and due where the gold
    has one and the record has a date to resolve against."""
    gold = gold or {"kind": "none"}
    if got.kind.value != gold.get("kind"):
        return False
    due = gold.get("due") if dated else None
    return due is None or (got.due is not None and got.due.isoformat() == due)


def norm_name(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip(" .,;:")


def lead_right(gold: list[str], found: list[str]) -> bool:
    return {norm_name(x) for x in gold} == {norm_name(x) for x in found}


def lead_words(names: list[str]) -> Counter[str]:
    """The words of a list of leads, list punctuation and "và" aside (see the module doc)."""
    return Counter(w for name in names for w in re.findall(r"[\w&]+", fold(name)) if w != "va")


# ------------------------------------------------------------------------------------------ sentences
@dataclass
class SentenceScore:
    n: int = 0
    deadline: int = 0
    lead: int = 0
    lead_words: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, what: str) -> float:
        return getattr(self, what) / self.n if self.n else 0.0


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_sentences(records: list[dict]) -> SentenceScore:
    score = SentenceScore()
    for r in records:
        parsed = parse_directive(
            r["text"], today_of(r.get("doc_date"), r["text"], r.get("context")), context=r.get("context")
        )
        gold = r["gold"]
        score.n += 1
        if deadline_agrees(parsed.deadline, gold.get("deadline"), dated=bool(r.get("doc_date"))):
            score.deadline += 1
        else:
            g = gold.get("deadline") or {}
            d = parsed.deadline
            score.misses.append(f"{r['id']} deadline: gold {g.get('kind')} {g.get('due')}, got {d.kind.value} {d.due}")
        gold_leads = gold.get("lead") or []
        found = [a.text for a in parsed.assignees.lead]
        score.lead_words += lead_words(gold_leads) == lead_words(found)
        if lead_right(gold_leads, found):
            score.lead += 1
        else:
            score.misses.append(f"{r['id']} lead: gold {gold_leads}, got {found}")
    return score


# ------------------------------------------------------------------------------------------ conclusions
def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", fold(_MARKER.sub("", text))))


def _common(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


@dataclass
class ConclusionScore:
    gold: int = 0
    found: int = 0
    proposed: int = 0
    real: int = 0
    deadline: int = 0
    lead: int = 0
    lead_words: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    def precision(self) -> float:
        return self.real / self.proposed if self.proposed else 0.0

    def deadline_rate(self) -> float:
        return self.deadline / self.found if self.found else 0.0

    def lead_rate(self, words: bool = False) -> float:
        return (self.lead_words if words else self.lead) / self.found if self.found else 0.0


def score_conclusions(paths: list[Path]) -> ConclusionScore:
    score = ConclusionScore()
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        parsed = split_conclusion(doc["text"], today_of(doc.get("doc_date"), doc["text"])).directives
        items = [(_words(d.text), d) for d in parsed]
        golds = [(_words(g["text"]), g) for g in doc["directives"]]
        score.gold += len(golds)
        score.proposed += len(items)
        for words, item in items:
            size = sum(words.values()) or 1
            if any(_common(words, g) / size >= 0.6 for g, _ in golds):
                score.real += 1
            else:
                score.misses.append(f"{doc['id']} not a directive: {item.text[:90]}")
        for g_words, gold in golds:
            best, best_dice = None, 0.0
            for words, item in items:
                total = sum(g_words.values()) + sum(words.values())
                dice = 2 * _common(g_words, words) / total if total else 0.0
                if dice > best_dice:
                    best, best_dice = item, dice
            if best is None or best_dice < 0.5:
                score.misses.append(f"{doc['id']} missed: {gold['text'][:90]}")
                continue
            score.found += 1
            if deadline_agrees(best.deadline, gold.get("deadline"), dated=bool(doc.get("doc_date"))):
                score.deadline += 1
            else:
                g, d = gold.get("deadline") or {}, best.deadline
                score.misses.append(
                    f"{doc['id']} deadline: gold {g.get('kind')} {g.get('due')}, got {d.kind.value} {d.due}"
                    f" — {gold['text'][:60]}"
                )
            gold_leads, found = _as_list(gold.get("lead")), [a.text for a in best.assignees.lead]
            score.lead += lead_right(gold_leads, found)
            score.lead_words += lead_words(gold_leads) == lead_words(found)
    return score


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(x) for x in value]  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------------ table
def table(base: Path | None = None) -> list[str]:
    rows = ["| set | n | deadline (kind + due) | lead | lead (words) |", "|---|---|---|---|---|"]
    # Pooled over every set of a part: the figure the goals are stated for (each set alone moves by a
    # sentence or two, the pool does not).
    pooled = {"dev": SentenceScore(), "heldout": SentenceScore()}
    for name, path in sentence_sets(base).items():
        s = score_sentences(load_jsonl(path))
        rows.append(
            f"| {name} | {s.n} | {s.rate('deadline'):.1%} | {s.rate('lead'):.1%} | {s.rate('lead_words'):.1%} |"
        )
        part = pooled[_part(name)]
        for what in ("n", "deadline", "lead", "lead_words"):
            setattr(part, what, getattr(part, what) + getattr(s, what))
    for part, s in pooled.items():
        if s.n:
            rows.append(
                f"| **all {part}** | {s.n} | {s.rate('deadline'):.1%} | {s.rate('lead'):.1%}"
                f" | {s.rate('lead_words'):.1%} |"
            )
    conclusions = conclusion_sets(base)
    if conclusions:
        rows += [
            "",
            "| set | documents | gold directives | found | real among proposed | deadline right | lead right"
            " | lead (words) |",
            "|---|---|---|---|---|---|---|---|",
        ]
        pooled_c = {"dev": ConclusionScore(), "heldout": ConclusionScore()}
        documents = {"dev": 0, "heldout": 0}
        for name, paths in conclusions.items():
            c = score_conclusions(paths)
            rows.append(_conclusion_row(name, len(paths), c))
            for what in ("gold", "found", "proposed", "real", "deadline", "lead", "lead_words"):
                setattr(pooled_c[_part(name)], what, getattr(pooled_c[_part(name)], what) + getattr(c, what))
            documents[_part(name)] += len(paths)
        for part, c in pooled_c.items():
            if documents[part]:
                rows.append(_conclusion_row(f"**all {part}**", documents[part], c))
    return rows


def _conclusion_row(name: str, documents: int, c: ConclusionScore) -> str:
    return (
        f"| {name} | {documents} | {c.gold} | {c.recall():.1%} | {c.precision():.1%} "
        f"({c.real}/{c.proposed}) | {c.deadline_rate():.1%} | {c.lead_rate():.1%} | {c.lead_rate(True):.1%} |"
    )


def _part(set_name: str) -> str:
    return "heldout" if set_name.endswith("heldout") else "dev"
