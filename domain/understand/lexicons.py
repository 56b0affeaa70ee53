"""The word lists of the understanding code, read from `domain/understand/data/` once.

Each list is a plain UTF-8 text file, one entry a line, its first lines (starting with "#") saying
which kind of sentence it serves. Two formats:

- phrase lists (`<name>.txt`): one phrase a line, written with diacritics;
  "phrase | not before: a, b" keeps the phrase from matching when one of those syllables follows it
  (Vietnamese writes compound words as separate syllables: "dự" is not "dự án");
- the unit catalogue (`units_catalog.txt`): "slug | display name | alias; alias; ...".

A reader can check and extend a list without reading the rules; the rules (`assignees.py`) say in
their comments which list they use and why.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from domain.understand.textnorm import nfc
from domain.understand.vntokens import PhraseSet

_PACKAGE = "domain.understand"
_NOT_BEFORE = "| not before:"


class LexiconError(ValueError):
    """A data file is missing or has a malformed line (a packaging or editing mistake)."""


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>.txt`: its lines without comments, blank lines and surrounding
    spaces, in file order, NFC-normalised."""
    try:
        text = resources.files(_PACKAGE).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"no word list data/{name}.txt in {_PACKAGE}") from exc
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(nfc(line))
    return tuple(out)


@cache
def phrases(name: str, *more: str) -> PhraseSet:
    """The phrase list `data/<name>.txt` (and any `more` lists read as one with it) as a PhraseSet
    (made once: every PhraseSet takes a slot in the one-pass match table)."""
    words, compounds = parse_phrase_entries(name, entries(name))
    for other in more:
        more_words, more_compounds = parse_phrase_entries(other, entries(other))
        words += more_words
        compounds.update(more_compounds)
    return PhraseSet(words, compounds)


def parse_phrase_entries(name: str, lines: tuple[str, ...]) -> tuple[list[str], dict[str, list[str]]]:
    """(phrases, {phrase: syllables it must not be followed by}) from the entries of a phrase list."""
    words: list[str] = []
    compounds: dict[str, list[str]] = {}
    for number, entry in enumerate(lines, start=1):
        phrase, sep, after = entry.partition(_NOT_BEFORE)
        phrase = " ".join(phrase.split())
        if not phrase or "|" in phrase:
            raise LexiconError(f"data/{name}.txt, entry {number}: {entry!r}")
        words.append(phrase)
        if sep:
            syllables = [s.strip() for s in after.split(",") if s.strip()]
            if not syllables:
                raise LexiconError(f"data/{name}.txt, entry {number}: nothing after 'not before:'")
            compounds[phrase] = syllables
    if not words:
        raise LexiconError(f"data/{name}.txt has no entries")
    return words, compounds


@cache
def unit_catalog(name: str = "units_catalog") -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(slug, display name, aliases) for every line "slug | name | alias; alias" of `data/<name>.txt`."""
    return parse_unit_entries(name, entries(name))


def parse_unit_entries(name: str, lines: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    for number, entry in enumerate(lines, start=1):
        fields = [f.strip() for f in entry.split("|")]
        if len(fields) not in (2, 3) or not fields[0] or not fields[1]:
            raise LexiconError(f"data/{name}.txt, entry {number}: {entry!r}")
        aliases = tuple(a.strip() for a in fields[2].split(";") if a.strip()) if len(fields) == 3 else ()
        out.append((fields[0], fields[1], aliases))
    return tuple(out)
