"""Experiment (not product code): would a pretrained Vietnamese POS tagger (pyvi) help the assignee
reader find where a name ends? The tagger's part of speech of each word is offered to the reader's
noun-phrase end test (`_ends_np`):

  A  a word the reader's verb list stops at, tagged a noun by pyvi, does not end the name
     ("các cơ quan có thẩm quyền", "Ban chỉ đạo Tổng điều tra", "các tổ chức tín dụng");
  B  a lower-case word the reader does not know, tagged a verb by pyvi (first syllable of the
     word), ends it ("... 13 phường tạo điều kiện", "... trên cả nước chọn một phường");
  AB both.

Prints lead strict / words per dev set for each variant and the tagger's cost per sentence.
pyvi is not a dependency of the project: install it in a separate venv and point PYVI_SITE at its
site-packages, e.g. `python -m venv /tmp/pos && /tmp/pos/bin/pip install pyvi` then
`PYVI_SITE=/tmp/pos/lib/python3.11/site-packages python bench/pos_boundary_experiment.py v4d v4f`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.append(os.environ.get("PYVI_SITE", "/tmp/leadspan_pos/lib/python3.11/site-packages"))

from pyvi import ViPosTagger, ViTokenizer

from domain.understand import assignee_lexicon as L
from domain.understand import assignees as A
from tests.domain.unseen_scoring import load_jsonl, score_sentences

_NOUNS = {"N", "Np", "Ny", "Nc", "Nu", "Nb"}
_cache: dict[str, list[tuple[str, bool]]] = {}
_tag_time = [0.0, 0]


def tags_of(s) -> list[tuple[str, bool]]:
    """(tag, first syllable of its word) for each of the reader's tokens."""
    got = _cache.get(s.text)
    if got is not None:
        return got
    t0 = time.perf_counter()
    words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(s.text))
    _tag_time[0] += time.perf_counter() - t0
    _tag_time[1] += 1
    # align: walk the text, each pyvi word's syllables are separated by "_"
    spans = []
    pos = 0
    for w, t in zip(words, tags, strict=False):
        for n, syl in enumerate(w.split("_")):
            at = s.text.find(syl, pos)
            if at < 0:
                continue
            spans.append((at, at + len(syl), t, n == 0))
            pos = at + len(syl)
    out = []
    for tok in s.tokens:
        hit = next(((t, first) for a, b, t, first in spans if a <= tok.start < b), ("", True))
        out.append(hit)
    _cache[s.text] = out
    return out


_orig = A._ends_np


def make(variant: str):
    def ends_np(s, j, verbs=True):
        r = _orig(s, j, verbs)
        if not s.word(j):
            return r
        tag, first = tags_of(s)[j]
        if "A" in variant and r and tag in _NOUNS and s.m(L.VERBS, j):
            strong = (
                s.m(L.PREDICATE_MARKERS, j)
                or s.m(L.NP_STOPS, j)
                or s.m(L.ASSIGN_VERBS, j)
                or s.is_(j, "được")
                or s.is_(j, "có")
                or s.m(A._WORD_SEPARATORS, j)
            )
            if not strong:
                return False
        fresh_verb = not r and verbs and tag == "V" and first and not s.tokens[j].capitalized
        if "B" in variant and fresh_verb:
            return not (s.m(L.NP_KEEP, j) or s.m(L.CATEGORY_NOUNS, j) or s.m(L.PLACE_NOUNS, j)) or r
        return r

    return ends_np


def main() -> None:
    names = sys.argv[1:] or ["v4d", "v4f", "v3a", "v3b", "train_v2"]
    sets = {n: load_jsonl(Path("tests/data") / f"{n}_dev.jsonl") for n in names}
    for variant in ("rules", "A", "B", "AB"):
        A._ends_np = _orig if variant == "rules" else make(variant)
        A.clear_caches()
        row = []
        for n, recs in sets.items():
            sc = score_sentences(recs)
            row.append(f"{n} {100 * sc.rate('lead'):.1f} ({100 * sc.rate('lead_words'):.1f})")
        print(f"{variant:6s}", " | ".join(row), flush=True)
    if _tag_time[1]:
        print(f"pyvi: {1e6 * _tag_time[0] / _tag_time[1]:.0f} µs a text ({_tag_time[1]} texts)")


if __name__ == "__main__":
    main()
