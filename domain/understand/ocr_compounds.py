"""(docs18) A compound abbreviation («HĐND&UBND», «GD&ĐT», «KT&HT») put back when OCR added a glyph at its «&».

Tesseract reads the ampersand's loop and tail as a glyph of their own more often than any other letter of an
abbreviation: «HĐND&YUBND», «KT&(HT», «VH&TTT» (seen on scans of one page: three compounds, three shapes). The
unit then reads as no unit the committee knows, and the preview names «Phòng KT&(HT». The fix is a class, not a
string: a written compound in capitals that is no known one, and becomes exactly one known compound when ONE
character next to its «&» is taken out (the stray glyph, or a letter doubled there), is that compound. Known
compounds: every one in the units' catalogue and `data/ocr_compounds.txt`. A compound that is known, or that no
single deletion makes known, is left as read.
"""

from __future__ import annotations

import functools
import re

from domain.understand.lexicons import entries, unit_catalog

# a run of capitals, with the joiners offices write in compounds, holding an «&»; a stray «(» or «/» included
_COMPOUND = re.compile(r"(?<![\w&])[A-ZĐ][A-ZĐ,\-/()]*&[A-ZĐ,\-/()]*[A-ZĐ](?![\w&])")
_WRITTEN = re.compile(r"[A-ZĐ][A-ZĐ,\-]*&[A-ZĐ,\-&]*[A-ZĐ]")


@functools.cache
def known() -> frozenset[str]:
    """The compound abbreviations offices write: the units' catalogue's and the list's."""
    out = set(entries("ocr_compounds"))
    for _, name, aliases in unit_catalog():
        for written in (name, *aliases):
            out.update(_WRITTEN.findall(written))
    return frozenset(out)


def _mended(compound: str) -> str:
    if compound in known():
        return compound
    at = compound.index("&")
    fits = {compound[:k] + compound[k + 1:] for k in (at - 1, at + 1) if 0 <= k < len(compound)} & known()
    return fits.pop() if len(fits) == 1 else compound


def mended(text: str) -> str:
    """The line with each compound abbreviation OCR added a glyph to at its «&» put back."""
    if "&" not in text:
        return text
    return _COMPOUND.sub(lambda m: _mended(m.group()), text)
