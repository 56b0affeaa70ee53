"""The one-pass phrase table (`vntokens.match_table`) must answer exactly what each phrase list's own
`PhraseSet.match` answers, at every position, for every list and both writing modes. The table takes
short cuts (a walk that stops at a trie node with no "not after" rule reads that node's merged table,
built once with the index): this test holds them to the definition, on the corpus sentences and on
texts glued from the lists' own words (the runs where phrases nest, overlap and are cut short)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from domain.understand import assignees  # noqa: F401  (registers the reader's phrase lists)
from domain.understand.textnorm import nfc
from domain.understand.vntokens import _REGISTRY, match_table, tokenize

DATA = Path(__file__).resolve().parents[1] / "data"


def _corpus_texts() -> list[str]:
    texts = []
    for name in ("seed_directives.jsonl", "dev_directives.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _glued_texts(count: int, seed: int) -> list[str]:
    """Words of the registered phrases (and their "not after" syllables), a few marks, in random runs."""
    rng = random.Random(seed)
    words = sorted({w for ps in _REGISTRY for p in ps.phrases for w in p.split()})
    words += sorted({w for ps in _REGISTRY for after in ps._compounds.values() for w in after})
    words += [",", ".", ":", "các", "và"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def _check(text: str, accented: bool) -> None:
    tokens = tokenize(nfc(text), accented)
    table = match_table(tokens, accented)
    assert len(table) == len(tokens)
    for i in range(len(tokens)):
        for phrase_set in _REGISTRY:
            assert table[i].get(phrase_set.slot, 0) == phrase_set.match(tokens, i, accented), (text, i)


@pytest.mark.parametrize("accented", [True, False])
def test_table_equals_each_list_on_the_corpus(accented: bool) -> None:
    for text in _corpus_texts():
        _check(text, accented)


@pytest.mark.parametrize("accented", [True, False])
def test_table_equals_each_list_on_glued_phrase_words(accented: bool) -> None:
    for text in _glued_texts(400, seed=11):
        _check(text, accented)
