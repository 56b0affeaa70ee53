"""Does a learned sentence filter generalise where hand rules did not? (issue 11, branch `taskclf`)

    python bench/taskclf_experiment.py counts                # examples of each class
    python bench/taskclf_experiment.py cv [--no-extra]       # 10-fold by document over the dev conclusions
    python bench/taskclf_experiment.py firstlook [--no-extra]  # train without conclusions_v7 dev, score it
    python bench/taskclf_experiment.py export [--no-extra]   # train on every dev conclusion, weights to /tmp
    python bench/taskclf_experiment.py ranks                 # out-of-fold AUC, where each non-task ranks

Examples: every candidate `split_conclusion` proposes from a dev conclusion (conclusions_v3/v4/v5/v5x/v6
dev here, conclusions_v7 dev (corpusI), `--v7 DIR` to read another copy), labelled real when it lies in
a gold directive as tests/domain/unseen_scoring.py::score_conclusions counts it (≥ 60 % of its words in
one gold directive); positives added from the directive sentence dev sets (`*_dev.jsonl`, the seeds,
`dev_directives.jsonl`) unless `--no-extra`. Held-out files are never read.

Model: scikit-learn's LogisticRegression (L2, liblinear) over `features` below (scikit-learn: the maintained
reference implementation, installed in a bench venv only, never a runtime dependency; had the filter been
adopted, the runtime would score the exported weights with a dot product in pure Python).

Threshold: chosen inside each fold, on the training documents only (inner 4-fold by document): the
highest score below which at most `--loss` (1 %) of the inner out-of-fold real candidates fall (a filter
that removes a candidate the secretary needed costs more than a false proposal left in).
Figures, by document: found (gold directives with a proposed item, Dice ≥ 0.5) and real among proposed,
splitter alone vs splitter + filter (items below the threshold dropped), pooled over the documents.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.types import DeadlineKind, ParsedDirective  # noqa: E402
from domain.understand.conclusion import _MARKER as _LINE_MARKER  # noqa: E402
from domain.understand.conclusion import split_conclusion, split_sentences  # noqa: E402
from domain.understand.directive import parse_directive  # noqa: E402
from domain.understand.textnorm import fold  # noqa: E402
from tests.domain.unseen_scoring import _common, _words, load_jsonl, today_of  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from lead_tools import open_paths  # noqa: E402  (the one guard on closed corpora)

DATA = ROOT / "tests" / "data"
WEIGHTS = Path("/tmp/task_filter.json")  # `export` writes here: the filter was not adopted (bench/README.md)
V7 = DATA / "conclusions_v7" / "dev"
SETS = ("conclusions_v3", "conclusions_v4", "conclusions_v5", "conclusions_v5x", "conclusions_v6")
# ------------------------------------------------------------------------------------------ features
# Each candidate: the words and word pairs of the folded item (list marker aside), its first word and
# first two; where it sits (share of the text before it; at a line's start, after a list marker or
# mid-line); whether it has a lead, coordinating units, a deadline, a heading it was read under, an
# assigning verb, a modal of obligation, a past marker, a "!", "?" or ":" at its end; its length.
_MARKER = re.compile(
    r"^\s*(?:[IVXL]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}/|[a-zđ][.)]|\(\d{1,2}\)|\([a-zđ]\)|[-–—+*•·●○▪■►✓])\s*$"
)
_WORD = re.compile(r"[^\W_]+")
_ASSIGN = re.compile(r"\b(?:giao|yeu cau|de nghi|chi dao|phan cong|chi thi|kien nghi)\b")
_MODAL = re.compile(r"\b(?:phai|can|co trach nhiem|co nhiem vu|chiu trach nhiem|khan truong|hay|tiep tuc|chu tri)\b")
_PAST = re.compile(r"\b(?:da|vua)\b")
_LEADING_MARKER = re.compile(
    r"^\s*(?:[IVXL]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|\d{1,2}/|[a-zđ][.)]|[-–—+*•·●○▪■►✓])\s+"
)


def _where(text: str, item: str, start: int) -> tuple[str, int]:
    """What precedes the item on its line in the source ("" at a line's start, the marker, or the
    sentences before it), and where it starts (-1: not found as written)."""
    probe = item[:40]
    at = text.find(probe, start)
    if at < 0:
        at = text.find(probe)
    if at < 0:
        return "?", -1
    line_start = text.rfind("\n", 0, at) + 1
    return text[line_start:at], at


def features(text: str, items: Sequence[ParsedDirective]) -> list[dict[str, float]]:
    """The features of each proposed item of one conclusion `text` (binary unless said)."""
    out = []
    start = 0
    for d in items:
        before, at = _where(text, d.text, start)
        start = at + 1 if at >= 0 else start
        folded = fold(_LEADING_MARKER.sub("", d.text))
        words = _WORD.findall(folded)
        f: dict[str, float] = {"bias": 1.0}
        for w in words:
            f["w:" + w] = 1.0
        for a, b in itertools.pairwise(words):
            f["b:" + a + "_" + b] = 1.0
        if words:
            f["first:" + words[0]] = 1.0
            f["first2:" + "_".join(words[:2])] = 1.0
        f["pos"] = at / len(text) if at >= 0 else 0.5
        if before == "?":
            f["not_found"] = 1.0
        elif not before.strip():
            f["line_start"] = 1.0
        elif _MARKER.match(before):
            f["marker"] = 1.0
        else:
            f["mid_line"] = 1.0
        f["lead"] = float(bool(d.assignees.lead))
        f["support"] = float(bool(d.assignees.support))
        f["deadline"] = float(d.deadline.kind is not DeadlineKind.NONE)
        f["context"] = float(d.context is not None)
        f["assign"] = float(_ASSIGN.search(folded) is not None)
        f["modal"] = float(_MODAL.search(folded) is not None)
        f["past"] = float(_PAST.search(folded) is not None)
        end = d.text.rstrip(' "”’)')
        f["bang"] = float(end.endswith("!"))
        f["question"] = float(end.endswith("?"))
        f["colon"] = float(end.endswith(":"))
        f["log_len"] = math.log1p(len(words)) / 4
        out.append(f)
    return out


# features a lone sentence cannot have (where it sits in a document): left out of the sentence positives
_PLACE = ("pos", "line_start", "marker", "mid_line", "not_found")


@dataclass
class Doc:
    id: str
    set: str
    feats: list[dict[str, float]]
    labels: list[int]
    texts: list[str]
    dice: list[list[float]]  # gold x item
    aux_feats: list[dict[str, float]]  # sentences the splitter did not propose (training only)
    aux_labels: list[int]
    words: list  # the word counts of its gold directives and candidates (to keep its copies out of training)


def seed_documents() -> list[dict]:
    """tests/data/seeds/*.txt as whole conclusions, their directives from seed_directives.jsonl."""
    records = load_jsonl(DATA / "seed_directives.jsonl")
    out = []
    for path in sorted((DATA / "seeds").glob("*.txt")):
        mine = [r for r in records if r["source_url_or_seed"] == f"seed:{path.name}"]
        out.append(
            {
                "id": path.stem[:3],
                "doc_date": mine[0]["doc_date"] if mine else None,
                "text": path.read_text(encoding="utf-8"),
                "directives": mine,
            }
        )
    return out


def load_docs(v7: Path | None, seeds: bool = True) -> list[Doc]:
    dirs = [(s, DATA / s / "dev") for s in SETS]
    if v7 is not None:
        dirs.append(("conclusions_v7", v7))
    found: list[tuple[str, dict]] = []
    for name, folder in dirs:
        assert "heldout" not in str(folder)
        found += [(name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]
    if seeds:
        found += [("seeds", doc) for doc in seed_documents()]
    docs = []
    for name, doc in found:
        items = split_conclusion(doc["text"], today_of(doc.get("doc_date"), doc["text"])).directives
        words = [_words(d.text) for d in items]
        golds = [_words(g["text"]) for g in doc["directives"]]
        labels = [int(any(_common(w, g) / (sum(w.values()) or 1) >= 0.6 for g in golds)) for w in words]
        dice = [[2 * _common(g, w) / ((sum(g.values()) + sum(w.values())) or 1) for w in words] for g in golds]
        aux_feats, aux_labels = not_proposed(doc, words, golds)
        docs.append(
            Doc(
                f"{name}/{doc['id']}",
                name,
                features(doc["text"], items),
                labels,
                [d.text for d in items],
                dice,
                aux_feats,
                aux_labels,
                golds + words,
            )
        )
    return docs


def not_proposed(doc: dict, items: list, golds: list) -> tuple[list[dict[str, float]], list[int]]:
    """The document's other sentences (3 words or more, not part of a proposed item): a task when
    ≥ 60 % of its words lie in a gold directive (a directive the splitter missed), not a task when
    < 30 % do, left out in between."""
    today = today_of(doc.get("doc_date"), doc["text"])
    feats, labels = [], []
    for line in doc["text"].split("\n"):
        for sentence in split_sentences(_LINE_MARKER.sub("", line).strip()):
            w = _words(sentence)
            size = sum(w.values())
            if size < 3 or any(_common(w, i) / size >= 0.6 for i in items):
                continue
            inside = max((_common(w, g) / size for g in golds), default=0.0)
            if 0.3 <= inside < 0.6:
                continue
            feats.append(features(doc["text"], [parse_directive(sentence, today)])[0])
            labels.append(int(inside >= 0.6))
    return feats, labels


Extra = list[tuple[dict[str, float], frozenset[str]]]


def sentence_positives(docs: list[Doc]) -> Extra:
    """Positives from the directive sentence sets, each with the documents it is a copy of (≥ 60 % of
    its words in one of their gold directives or candidates): left out of any fold testing them."""
    files = [*open_paths(sorted(DATA.glob("*_dev.jsonl")))]
    files += [DATA / "seed_directives.jsonl", DATA / "dev_directives.jsonl"]
    out = []
    for path in files:
        assert "heldout" not in path.name
        for r in load_jsonl(path):
            d = parse_directive(
                r["text"], today_of(r.get("doc_date"), r["text"], r.get("context")), context=r.get("context")
            )
            f = features(r["text"], [d])[0]
            for key in _PLACE:
                f.pop(key, None)
            f["pos"] = 0.5
            w = _words(r["text"])
            size = sum(w.values()) or 1
            copies = frozenset(doc.id for doc in docs if any(_common(w, x) / size >= 0.6 for x in doc.words))
            out.append((f, copies))
    return out


# ------------------------------------------------------------------------------------------ model
AUX_WEIGHT = 1.0  # weight of a not-proposed sentence (0: candidates and sentence positives only)


def fit(train_docs: list[Doc], extra: Extra, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    ids = {d.id for d in train_docs}
    positives = [f for f, copies in extra if copies <= ids]
    x = [f for d in train_docs for f in d.feats] + positives
    y = [lab for d in train_docs for lab in d.labels] + [1] * len(positives)
    weight = [1.0] * len(x)
    if AUX_WEIGHT:
        aux = [(f, lab) for d in train_docs for f, lab in zip(d.aux_feats, d.aux_labels, strict=True)]
        x += [f for f, _ in aux]
        y += [lab for _, lab in aux]
        weight += [AUX_WEIGHT] * len(aux)
    vec = DictVectorizer()
    xm = vec.fit_transform([{k: v for k, v in f.items() if k != "bias"} for f in x])
    xm.indices, xm.indptr = xm.indices.astype("int32"), xm.indptr.astype("int32")  # liblinear's index type
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000)
    model.fit(xm, y, sample_weight=weight)
    weights = dict(zip(vec.get_feature_names_out(), model.coef_[0], strict=True))
    weights["bias"] = float(model.intercept_[0])
    return weights


def score(weights: dict[str, float], feats: list[dict[str, float]]) -> list[float]:
    import math

    out = []
    for f in feats:
        z = sum(v * weights.get(k, 0.0) for k, v in f.items())
        out.append(1 / (1 + math.exp(-max(-30, min(30, z)))))
    return out


def folds_by_doc(docs: list[Doc], k: int, seed: int = 7) -> list[list[Doc]]:
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def choose_threshold(train_docs: list[Doc], extra: Extra, c: float, loss: float) -> float:
    """Inner 4-fold by document: the highest threshold that drops at most `loss` of the out-of-fold
    real candidates (never above 0.5)."""
    pos = []
    for part in folds_by_doc(train_docs, 4):
        rest = [d for d in train_docs if d not in part]
        w = fit(rest, extra, c)
        for d in part:
            pos += [s for s, lab in zip(score(w, d.feats), d.labels, strict=True) if lab]
    pos.sort()
    allowed = int(loss * len(pos))
    return min(0.5, pos[allowed] if allowed < len(pos) else 0.5)


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    proposed: int = 0
    real: int = 0

    def add(self, doc: Doc, keep: list[bool]) -> None:
        self.gold += len(doc.dice)
        self.proposed += sum(keep)
        self.real += sum(lab for lab, k in zip(doc.labels, keep, strict=True) if k)
        for row in doc.dice:
            best = max((x for x, k in zip(row, keep, strict=True) if k), default=0.0)
            # score_conclusions takes the best item and asks for Dice ≥ 0.5: same as the best kept one
            self.found += best >= 0.5

    def line(self) -> str:
        f = self.found / self.gold if self.gold else 0
        p = self.real / self.proposed if self.proposed else 0
        return f"found {f:.1%} ({self.found}/{self.gold}), real among proposed {p:.1%} ({self.real}/{self.proposed})"


def evaluate(
    test_docs: list[Doc],
    weights: dict[str, float],
    threshold: float,
    alone: Tally,
    filt: Tally,
    dropped: list[tuple[str, float, int, str]],
) -> None:
    for d in test_docs:
        s = score(weights, d.feats)
        keep = [x >= threshold for x in s]
        alone.add(d, [True] * len(keep))
        filt.add(d, keep)
        dropped += [(d.id, x, lab, t) for x, lab, t, k in zip(s, d.labels, d.texts, keep, strict=True) if not k]


def ranks(docs: list[Doc], extra: Extra, args: argparse.Namespace) -> int:
    """Out-of-fold scores (10-fold by document): how well the score orders the candidates (AUC), and
    for each candidate that is not a task, the share of real candidates scoring below it."""
    pairs: list[tuple[float, int, str, str]] = []
    for part in folds_by_doc(docs, args.folds):
        weights = fit([d for d in docs if d not in part], extra, args.c)
        for d in part:
            pairs += [(x, lab, d.id, t) for x, lab, t in zip(score(weights, d.feats), d.labels, d.texts, strict=True)]
    pos = sorted(x for x, lab, *_ in pairs if lab)
    neg = [p for p in pairs if not p[1]]
    auc = sum(sum(1 for q in pos if q < x) + 0.5 * sum(1 for q in pos if q == x) for x, *_ in neg)
    print(f"{len(pos)} real, {len(neg)} not; AUC {1 - auc / (len(pos) * len(neg)):.3f}")
    for x, _, doc_id, text in sorted(neg):
        below = sum(1 for q in pos if q < x)
        shown = text[:80] if args.show_dropped else ""
        print(f"  not a task {x:.3f}: {below} real below ({below / len(pos):.1%}) {doc_id} {shown}")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["counts", "cv", "firstlook", "export", "ranks"])
    ap.add_argument("--no-extra", action="store_true")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--aux", type=float, default=1.0, help="weight of the not-proposed sentences (0: none)")
    ap.add_argument("--folds", type=int, default=10, help="outer folds by document (61 = leave one out)")
    ap.add_argument("--loss", type=float, default=0.01)
    ap.add_argument(
        "--v7", type=Path, default=V7, help='"none": without conclusions_v7 (choosing a set-up before its first look)'
    )
    ap.add_argument("--show-dropped", action="store_true", help="print the dropped items (not for first looks)")
    args = ap.parse_args(argv)
    global AUX_WEIGHT
    AUX_WEIGHT = args.aux
    docs = load_docs(None if str(args.v7) == "none" else args.v7)
    extra = [] if args.no_extra else sentence_positives(docs)
    if args.what == "counts":
        for name in [*SETS, "conclusions_v7", "seeds"]:
            ds = [d for d in docs if d.set == name]
            pos = sum(sum(d.labels) for d in ds)
            neg = sum(len(d.labels) - sum(d.labels) for d in ds)
            apos = sum(sum(d.aux_labels) for d in ds)
            aneg = sum(len(d.aux_labels) - sum(d.aux_labels) for d in ds)
            print(
                f"{name}: {len(ds)} documents, {pos + neg} candidates: {pos} task, {neg} not task;"
                f" not proposed: {apos} task, {aneg} not task"
            )
        pos = sum(sum(d.labels) for d in docs)
        neg = sum(len(d.labels) - sum(d.labels) for d in docs)
        print(f"all: {len(docs)} documents, {pos} task, {neg} not task; sentence positives {len(extra)}")
        return 0
    if args.what == "export":
        threshold = choose_threshold(docs, extra, args.c, args.loss)
        weights = fit(docs, extra, args.c)
        kept = {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4}
        WEIGHTS.write_text(
            json.dumps({"threshold": round(threshold, 4), "weights": kept}, ensure_ascii=False, indent=0) + "\n",
            encoding="utf-8",
        )
        print(f"threshold {threshold:.3f}, {len(kept)} weights -> {WEIGHTS}")
        return 0
    if args.what == "ranks":
        return ranks(docs, extra, args)
    alone, filt, dropped = Tally(), Tally(), []
    per_set: dict[str, tuple[Tally, Tally]] = {}
    if args.what == "firstlook":
        train = [d for d in docs if d.set != "conclusions_v7"]
        test = [d for d in docs if d.set == "conclusions_v7"]
        threshold = choose_threshold(train, extra, args.c, args.loss)
        evaluate(test, fit(train, extra, args.c), threshold, alone, filt, dropped)
        print(f"threshold {threshold:.3f}")
    else:
        thresholds = []
        for part in folds_by_doc(docs, args.folds):
            train = [d for d in docs if d not in part]
            threshold = choose_threshold(train, extra, args.c, args.loss)
            thresholds.append(threshold)
            weights = fit(train, extra, args.c)
            for d in part:
                a, f = per_set.setdefault(d.set, (Tally(), Tally()))
                evaluate([d], weights, threshold, a, f, dropped)
                evaluate([d], weights, threshold, alone, filt, [])
        print(f"thresholds: min {min(thresholds):.3f} max {max(thresholds):.3f}")
        for name, (a, f) in per_set.items():
            print(f"  {name}: alone {a.line()}\n  {' ' * len(name)}  filter {f.line()}")
    print(f"splitter alone:    {alone.line()}")
    print(f"splitter + filter: {filt.line()}")
    lost = sum(1 for x in dropped if x[2])
    print(f"dropped {len(dropped)} items: {len(dropped) - lost} not tasks, {lost} real")
    if args.show_dropped:
        for doc_id, s, lab, text in sorted(dropped, key=lambda x: x[1]):
            print(f"  {s:.3f} {'REAL' if lab else 'not '} {doc_id}: {text[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
