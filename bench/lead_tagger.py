"""A learned lead reader for an experiment (bench/lead_model_experiment.py), not for the product.

A token-level CRF (python-crfsuite) tags the lead spans of a directive sentence with BIO labels, one
span per lead. The sentence is read as the record's `context`, a separator token, then the text (so
a lead named only in the lead-in can be tagged there). Features: the folded word and its shape,
±2 neighbouring words, the project's lexicons (domain/understand/data/*.txt) covering the token,
the last "handing" trigger before it and the next "acting" trigger after it (identity and
distance), punctuation around it, and (variant B) whether the rule reader's own leads cover it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from domain.understand.directive import parse_directive
from domain.understand.textnorm import fold, nfc

DATA = Path(__file__).resolve().parent.parent / "domain" / "understand" / "data"
SEP = " ¶ "
_TOKEN = re.compile(r"[\w&]+|[^\w\s]")

# Triggers that hand work to what follows ("giao X", "đề nghị X") and ones a subject acts with
# ("X chủ trì", "X cần"); folded, longest first.
BEFORE_TRIGGERS = [
    "giao nhiem vu",
    "giao trach nhiem",
    "giao",
    "yeu cau",
    "de nghi",
    "chi dao",
    "chi thi",
    "nho",
    "phan cong",
    "truc tiep chi dao",
]
AFTER_TRIGGERS = [
    "chu tri",
    "phoi hop",
    "co trach nhiem",
    "chiu trach nhiem",
    "can",
    "phai",
    "khan truong",
    "tap trung",
    "tiep tuc",
    "thuc hien",
    "trien khai",
    "to chuc",
    "tham muu",
    "xay dung",
    "kiem tra",
    "theo doi",
    "bao cao",
    "ra soat",
]


@dataclass
class Token:
    text: str
    start: int
    end: int
    folded: str
    segment: str  # "ctx", "sep", "txt"


def tokenize(text: str, context: str | None) -> tuple[str, list[Token]]:
    """The combined string (context ¶ text) and its tokens with character offsets into it."""
    combined = f"{context}{SEP}{text}" if context else text
    text_from = len(context) + len(SEP) if context else 0
    folded = fold(combined)
    tokens = []
    for m in _TOKEN.finditer(combined):
        seg = (
            "txt"
            if m.start() >= text_from
            else ("sep" if m.group() == "¶" and m.start() >= len(context or "") else "ctx")
        )
        tokens.append(Token(m.group(), m.start(), m.end(), folded[m.start() : m.end()], seg))
    return combined, tokens


def fold_tokens(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(fold(nfc(text)))]


# ------------------------------------------------------------------------------------------ lexicons
@lru_cache(maxsize=1)
def lexicons() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """lexicon name -> first folded token -> phrases (folded token tuples), longest first."""
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for path in sorted(DATA.glob("*.txt")):
        phrases: set[tuple[str, ...]] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if path.stem == "units_catalog":
                parts = line.split("|")[1:]
                names = [n for p in parts for n in p.split(";")]
            else:
                names = [line.split("|")[0]]
            for name in names:
                toks = tuple(fold_tokens(name.strip()))
                if toks:
                    phrases.add(toks)
        index: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=lambda p: (-len(p), p)):
            index.setdefault(p[0], []).append(p)
        out[path.stem] = index
    return out


@lru_cache(maxsize=1)
def lexicon_index() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """first folded token -> (phrase, names of the lexicons holding it): one lookup per token."""
    names: dict[tuple[str, ...], list[str]] = {}
    for name, index in lexicons().items():
        for phrases in index.values():
            for p in phrases:
                names.setdefault(p, []).append(name)
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for p, ns in names.items():
        out.setdefault(p[0], []).append((p, tuple(ns)))
    return out


def _trigger_index(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted((tuple(x.split()) for x in phrases), key=len, reverse=True):
        index.setdefault(p[0], []).append(p)
    return index


_BEFORE = _trigger_index(BEFORE_TRIGGERS)
_AFTER = _trigger_index(AFTER_TRIGGERS)


def _match_at(words: list[str], i: int, index: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    for p in index.get(words[i], ()):
        if tuple(words[i : i + len(p)]) == p:
            return p
    return None


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else ("4-6" if d <= 6 else ("7-12" if d <= 12 else "far"))


def _shape(w: str) -> str:
    if not any(c.isalpha() for c in w):
        return "digit" if w.isdigit() else "punct"
    if w.isupper():
        return "UPPER" if len(w) > 1 else "Upper1"
    if w[0].isupper():
        return "Title" if w[1:].islower() or len(w) == 1 else "Mixed"
    return "lower"


# ------------------------------------------------------------------------------------------ features
def features(tokens: list[Token], rule_tags: list[str] | None = None) -> list[list[str]]:
    words = [t.folded for t in tokens]
    n = len(tokens)
    lex_marks: list[list[str]] = [[] for _ in range(n)]
    index = lexicon_index()
    for i in range(n):
        for p, names in index.get(words[i], ()):
            if tuple(words[i : i + len(p)]) == p:
                lex_marks[i].extend(f"lexB={name}" for name in names)
                for j in range(i + 1, min(n, i + len(p))):
                    lex_marks[j].extend(f"lexI={name}" for name in names)
    before: list[tuple[str, int] | None] = [None] * n  # last handing trigger before (identity, distance)
    last: tuple[str, int] | None = None
    last_punct: tuple[str, int] | None = None
    punct_before: list[tuple[str, int] | None] = [None] * n
    for i in range(n):
        before[i] = (last[0], i - last[1]) if last else None
        punct_before[i] = (last_punct[0], i - last_punct[1]) if last_punct else None
        if tokens[i].segment == "sep":
            last, last_punct = None, None
            continue
        p = _match_at(words, i, _BEFORE)
        if p:
            last = (" ".join(p), i + len(p) - 1)
        if _shape(tokens[i].text) == "punct":
            last_punct = (tokens[i].text, i)
    after: list[tuple[str, int] | None] = [None] * n
    nxt: tuple[str, int] | None = None
    for i in range(n - 1, -1, -1):
        if tokens[i].segment == "sep":
            nxt = None
        p = _match_at(words, i, _AFTER)
        after[i] = (nxt[0], nxt[1] - i) if nxt else None
        if p:
            nxt = (" ".join(p), i)
    seg_start = 0
    out = []
    for i, tok in enumerate(tokens):
        if tok.segment == "sep":
            seg_start = i + 1
        w = words[i]
        shape = _shape(tok.text)
        f = [
            "bias",
            f"w={w}",
            f"shape={shape}",
            f"seg={tok.segment}",
            f"pos={_bucket(i - seg_start)}",
            *lex_marks[i],
        ]
        if shape == "UPPER" or (len(tok.text) >= 2 and sum(c.isupper() for c in tok.text) >= 2):
            f.append("abbr")
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                f.append(f"w{k:+d}={words[j]}")
                f.append(f"shape{k:+d}={_shape(tokens[j].text)}")
                if abs(k) == 1:
                    f.extend(f"{k:+d}:{m}" for m in lex_marks[j] if m.startswith("lexB"))
            else:
                f.append(f"w{k:+d}=<edge>")
        if i > 0:
            f.append(f"bi-1={words[i - 1]}|{w}")
        if i + 1 < n:
            f.append(f"bi+1={w}|{words[i + 1]}")
        if before[i]:
            trig, d = before[i]  # type: ignore[misc]
            f += [f"trigB={trig}", f"trigB_d={_bucket(d)}", f"trigB={trig}|{_bucket(d)}"]
        else:
            f.append("trigB=none")
        if after[i]:
            trig, d = after[i]  # type: ignore[misc]
            f += [f"trigA={trig}", f"trigA_d={_bucket(d)}"]
        else:
            f.append("trigA=none")
        if punct_before[i]:
            p, d = punct_before[i]  # type: ignore[misc]
            f += [f"punctB={p}", f"punctB={p}|{_bucket(d)}"]
        if rule_tags is not None:
            f.append(f"rule={rule_tags[i]}")
            f.append(f"rule={rule_tags[i]}|shape={shape}")
            if i > 0:
                f.append(f"rule-1={rule_tags[i - 1]}")
            if i + 1 < n:
                f.append(f"rule+1={rule_tags[i + 1]}")
            f.append(f"rule_any={any(t != 'O' for t in rule_tags)}")
        out.append(f)
    return out


# ------------------------------------------------------------------------------------------ spans
def locate(name: str, tokens: list[Token], prefer: str) -> tuple[int, int] | None:
    """The first token range whose folded words are `name`'s (punctuation at its ends aside), in
    the preferred segment first."""
    target = fold_tokens(name)
    while target and not re.match(r"\w", target[-1]):
        target.pop()
    while target and not re.match(r"\w", target[0]):
        target.pop(0)
    if not target:
        return None
    words = [t.folded for t in tokens]
    order = [prefer, "txt" if prefer == "ctx" else "ctx"]
    for seg in order:
        for i in range(len(tokens) - len(target) + 1):
            if tokens[i].segment == seg and words[i : i + len(target)] == target:
                return i, i + len(target)
    return None


def bio(n: int, spans: list[tuple[int, int]], tags: list[str] | None = None, kind: str = "") -> list[str]:
    """BIO tags for lead spans (kind "") or, with kind "S", coordinating units' spans added to `tags`."""
    tags = list(tags) if tags else ["O"] * n
    for a, b in sorted(spans):
        if any(t != "O" for t in tags[a:b]):
            continue  # overlapping gold names: keep the first
        tags[a] = "B" + kind
        for j in range(a + 1, b):
            tags[j] = "I" + kind
    return tags


def spans_of(tags: list[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for i, t in enumerate([*tags, "O"]):
        t = t if t in ("B", "I") else "O"  # coordinating units' tags (BS, IS) are not leads
        if t == "B" or t == "O" or (t == "I" and start is None):
            if start is not None:
                out.append((start, i))
                start = None
            if t in ("B", "I"):
                start = i
    return out


def surface(combined: str, tokens: list[Token], span: tuple[int, int]) -> str:
    return combined[tokens[span[0]].start : tokens[span[1] - 1].end]


# ------------------------------------------------------------------------------------------ records
@dataclass
class Prepared:
    record: dict
    combined: str
    tokens: list[Token]
    gold_tags: list[str] | None  # None when a gold lead could not be located
    gold_tags_support: list[str] | None  # the same with the coordinating units tagged BS/IS
    rule_leads: list[str]
    rule_tags: list[str]


def today_of(doc_date: str | None) -> date:
    return date.fromisoformat(doc_date) if doc_date else date(2020, 1, 1)


def lead_tags(leads: list, tokens: list[Token], combined: str, text: str, in_context: bool) -> list[str]:
    """The token tags of the rule reader's leads (their spans when kept, else found by their words); shared
    with lead_tagger_experiment.py, which reads the record as of another day."""
    text_from = len(combined) - len(text)
    spans = []
    for ref in leads:
        if ref.span is not None:
            a, b = ref.span[0] + text_from, ref.span[1] + text_from
            idx = [i for i, t in enumerate(tokens) if t.start >= a and t.end <= b]
            if idx:
                spans.append((idx[0], idx[-1] + 1))
                continue
        found = locate(ref.text, tokens, "ctx" if in_context else "txt")
        if found:
            spans.append(found)
    return bio(len(tokens), spans)


def rule_reading(record: dict, tokens: list[Token], combined: str) -> tuple[list[str], list[str]]:
    """The rule reader's leads (as unseen_scoring reads them) and their token tags."""
    text, context = nfc(record["text"]).strip(), record.get("context")
    parsed = parse_directive(record["text"], today_of(record.get("doc_date")), context=context)
    leads = [a.text for a in parsed.assignees.lead]
    return leads, lead_tags(parsed.assignees.lead, tokens, combined, text, bool(context))


def prepare(record: dict) -> Prepared:
    text = nfc(record["text"]).strip()
    context = nfc(record["context"]).strip() if record.get("context") else None
    combined, tokens = tokenize(text, context)
    gold = record["gold"].get("lead") or []
    from_context = record["gold"].get("lead_source") in ("context", "previous sentence")
    spans = [locate(g, tokens, "ctx" if from_context else "txt") for g in gold]
    gold_tags = None if any(s is None for s in spans) else bio(len(tokens), [s for s in spans if s])
    support = [locate(g, tokens, "txt") for g in record["gold"].get("support") or []]
    with_support = bio(len(tokens), [s for s in support if s], gold_tags, "S") if gold_tags else None
    leads, rule_tags = rule_reading(record, tokens, combined)
    return Prepared(record, combined, tokens, gold_tags, with_support, leads, rule_tags)
