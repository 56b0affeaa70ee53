"""Would a LEARNED lead reader carry to unseen corpora better than the rules? Leave-one-corpus-out.

    python bench/lead_tagger_experiment.py [--stack] [--home] [--delex] [--fixes] [--corpora O,P,N,M,L]
                                            [--iterations 100] [--c1 0.1] [--c2 0.05]

An experiment for issue 11 (bench/README.md, "Session 11 (branch tagger)"), not part of the bot: nothing in
bot/, domain/ or handlers/ imports it. It needs python-crfsuite (`pip install sklearn-crfsuite` into your own
venv, NOT in pyproject.toml); without it it says so and exits 0.

For each of the corpora O, P, N, M, L a token-level CRF (BIO over each lead span of `context ¶ text`, the
tokens, features and span helpers of bench/lead_tagger.py: folded word, case shape, ±2 words and bigrams,
punctuation before, the project's lexicons covering the token, the last handing verb before it — giao, yêu cầu,
đề nghị, chỉ đạo … — and the next acting verb after it — chủ trì, phối hợp, cần … — with distances) is trained
on every OTHER open dev set and tested on that corpus's dev set. `--stack` adds a second model whose features
also hold the rule reader's own lead span (stacking).

Scored exactly as bench/lead_figures.py scores lead (tests/domain/unseen_scoring.py: `lead_right`, strict
set equality after folding; `lead_words`), on EVERY record of the tested set, so that its n is the rules'.
Records whose gold lead is not found verbatim in the text or context are left out of training (counted).

Data: only the open dev sets (tests/data/*_dev.jsonl minus the check sets v4e/v4i, whose records are never
read, minus the closed corpora of tests/data/CLOSED via bench/lead_tools.py). No held-out file is opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata

from lead_tools import DATA, dev_records, open_names, refuse_heldout

try:
    import pycrfsuite
except ImportError:  # an optional, bench-only dependency
    pycrfsuite = None

from lead_tagger import Token, bio, features, lead_tags, locate, spans_of, surface, tokenize

from domain.understand.directive import parse_directive
from domain.understand.textnorm import nfc
from tests.domain.unseen_scoring import lead_right, lead_words, score_sentences, today_of

CHECK_SETS = {"v4e", "v4i"}  # figures only, never their records (HELPERS.md)
CORPORA = {"O": "v4o", "P": "v4p", "N": "v4n", "M": "v4m", "L": "v4l"}
# The rules' figures on each corpus from bench/README.md and tests/domain/test_unseen_corpus.py's comments
# (never measured here): blind held-out now, and the blind first look at the dev set before it was opened.
RULES_HELDOUT = {"O": 70.2, "P": 64.1, "N": 78.4, "M": 54.7, "L": 66.0}
RULES_FIRST_LOOK_DEV = {"O": 69.7, "P": 66.2, "N": 56.4, "M": 49.5, "L": 50.0}


@dataclass
class Item:
    record: dict
    combined: str
    tokens: list[Token]
    gold_tags: list[str] | None  # None: a gold lead is not in the text or context verbatim
    rule_tags: list[str]
    rule_right: bool  # the rule reader's leads are the gold's (lead_right)


def open_sets() -> list[str]:
    names = sorted(p.name.removesuffix("_dev.jsonl") for p in DATA.glob("*_dev.jsonl"))
    names = [n for n in names if n not in CHECK_SETS and not n.startswith("relabel_log")]
    for n in names:
        refuse_heldout(n)
    return open_names(names)


def rule_reading(record: dict, tokens: list[Token], combined: str, context: str | None) -> tuple[list[str], bool]:
    """The rule reader's leads as token tags, read as of the day unseen_scoring reads the record, and
    whether they are right."""
    parsed = parse_directive(
        record["text"], today_of(record.get("doc_date"), record["text"], record.get("context")), context=context
    )
    tags = lead_tags(parsed.assignees.lead, tokens, combined, nfc(record["text"]).strip(), bool(context))
    right = lead_right(record["gold"].get("lead") or [], [a.text for a in parsed.assignees.lead])
    return tags, right


def prepare(record: dict) -> Item:
    text = nfc(record["text"]).strip()
    context = nfc(record["context"]).strip() if record.get("context") else None
    combined, tokens = tokenize(text, context)
    gold = record["gold"].get("lead") or []
    from_context = record["gold"].get("lead_source") in ("context", "previous sentence")
    spans = [locate(g, tokens, "ctx" if from_context else "txt") for g in gold]
    gold_tags = None if any(s is None for s in spans) else bio(len(tokens), [s for s in spans if s])
    rules, right = rule_reading(record, tokens, combined, record.get("context"))
    return Item(record, combined, tokens, gold_tags, rules, right)


# Word-identity features (the folded word, its neighbours, bigrams): `--delex` drops them, leaving shape,
# punctuation, position, lexicons and the handing / acting verbs — the "structural" reader the last sessions'
# lesson (only structural cues carried to fresh text) suggests.
_WORD_FEATURES = ("w=", "w-", "w+", "bi-", "bi+")
DELEX = False
SHOW_FIXES = False  # --fixes: name the dev records the tagger gets right and the rules miss (dev only)


def item_features(it: Item, stack: bool) -> list[list[str]]:
    feats = features(it.tokens, it.rule_tags if stack else None)
    if DELEX:
        feats = [[f for f in fs if not f.startswith(_WORD_FEATURES)] for fs in feats]
    return feats


def train(items: list[Item], stack: bool, params: dict, path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for it in items:
        if it.gold_tags is not None:
            trainer.append(item_features(it, stack), it.gold_tags)
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(path)


def tagged_leads(tagger: object, it: Item, stack: bool) -> list[str]:
    tags = tagger.tag(item_features(it, stack))  # type: ignore[attr-defined]
    return [surface(it.combined, it.tokens, s) for s in spans_of(tags)]


def score(tagger: object, items: list[Item], stack: bool) -> tuple[int, int, int, int]:
    """Strict and "words" right, and where tagger and rules differ in rightness: sentences the tagger gets
    right that the rules miss, and the reverse."""
    strict = words = fixes = breaks = 0
    for it in items:
        gold = it.record["gold"].get("lead") or []
        found = tagged_leads(tagger, it, stack)
        right = lead_right(gold, found)
        strict += right
        words += lead_words(gold) == lead_words(found)
        fixes += right and not it.rule_right
        if SHOW_FIXES and right and not it.rule_right:
            print(f"    tagger right, rules wrong: {it.record['id']} gold {gold}", file=sys.stderr)
        breaks += it.rule_right and not right
    return strict, words, fixes, breaks


def main() -> int:
    if pycrfsuite is None:
        print("python-crfsuite is not installed: `pip install sklearn-crfsuite` in your own venv (bench only).")
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("--stack", action="store_true", help="also a model with the rules' lead span as a feature")
    ap.add_argument("--corpora", default="O,P,N,M,L")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    ap.add_argument("--home", action="store_true", help="also train on every set, the tested one included")
    ap.add_argument("--delex", action="store_true", help="no word-identity features (structure only)")
    ap.add_argument("--fixes", action="store_true", help="name the sentences the tagger gets right, the rules not")
    args = ap.parse_args()
    global DELEX, SHOW_FIXES
    DELEX, SHOW_FIXES = args.delex, args.fixes
    print(f"python-crfsuite {metadata.version('python-crfsuite')}")
    sets = open_sets()
    print("open dev sets:", " ".join(sets))
    t0 = time.perf_counter()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    print(f"CRF (L-BFGS) {params}" + (", structure only (--delex)" if DELEX else ""))
    items = {name: [prepare(r) for r in dev_records(name)] for name in sets}
    prep = time.perf_counter() - t0
    total = sum(len(v) for v in items.values())
    skipped = {n: sum(it.gold_tags is None for it in v) for n, v in items.items()}
    print(
        f"{total} sentences prepared in {prep:.1f} s; gold lead not found verbatim (left out of training): "
        + ", ".join(f"{n} {k}" for n, k in skipped.items() if k)
        + f" — {sum(skipped.values())} in all"
    )
    variants = [False, True] if args.stack else [False]
    header = "| corpus | n | rules dev (written from it) | rules first look dev | rules held-out | tagger dev"
    header += " | tagger+rules dev |" if args.stack else " |"
    if args.home:
        header += " home: tagger | home: tagger+rules |" if args.stack else " home: tagger |"
    print(
        '(strict lead %, "words" in brackets; +k −j: sentences the tagger gets right that the rules miss,'
        " and the reverse)"
    )
    print(header)
    for letter in args.corpora.split(","):
        name = CORPORA[letter]
        if name not in items:
            print(f"{letter}: {name} is not an open dev set here")
            continue
        test = items[name]
        rules = score_sentences([it.record for it in test])
        cells = [
            f"{letter} ({name})",
            str(len(test)),
            f"{100 * rules.rate('lead'):.1f} ({100 * rules.rate('lead_words'):.1f})",
            f"{RULES_FIRST_LOOK_DEV[letter]:.1f}",
            f"{RULES_HELDOUT[letter]:.1f}",
        ]
        away = [it for n, v in items.items() if n != name for it in v]
        runs = [(stack, away) for stack in variants]
        if args.home:
            runs += [(stack, away + test) for stack in variants]
        for stack, training in runs:
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "lead.crfsuite")
                t1 = time.perf_counter()
                train(training, stack, params, path)
                t_train = time.perf_counter() - t1
                tagger = pycrfsuite.Tagger()
                tagger.open(path)
                t2 = time.perf_counter()
                strict, words, fixes, breaks = score(tagger, test, stack)
                per = (time.perf_counter() - t2) / len(test) * 1000
                size = os.path.getsize(path)
                tagger.close()
            cells.append(f"{100 * strict / len(test):.1f} ({100 * words / len(test):.1f}) +{fixes} −{breaks}")
            print(
                f"  [{letter} {'stack' if stack else 'plain'}{' home' if training is not away else ''}:"
                f" trained on {len(training)} in {t_train:.0f} s,"
                f" model {size / 1e6:.1f} MB, features + tagging {per:.2f} ms a sentence]",
                file=sys.stderr,
            )
        print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
