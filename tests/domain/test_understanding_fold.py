"""The splitter folds every line and sentence it reads through a faster path (word by word, the
words remembered): it must give exactly textnorm.fold for any text, whatever its script."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.understand.conclusion import _fold
from domain.understand.textnorm import fold

# Vietnamese with and without diacritics, combining marks typed apart, and the few characters whose
# case or decomposition depends on what is around them (Greek final sigma, dotted capital I, Hangul).
TRICKY = st.sampled_from(
    [*"aăâđêôơư ÀÁẢÃẠẰẮẲẴẶĐ\u0300\u0301\u0303\u0309\u0323 \t\n.,;:()“”–…ΣσςΑΒİıßﬁ가각é", "ΟΔΟΣ", "ΣΑ Σ"]
)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(), st.lists(TRICKY, max_size=40).map("".join)))
def test_fast_fold_is_textnorm_fold(text: str) -> None:
    assert _fold(text) == fold(text)
    assert _fold(text) == fold(text)  # and again, from the remembered words
