"""Cheap tests that tell a regex cannot match, read from the regex itself.

The conclusion splitter asks a few dozen regexes of every sentence, and most of them fail; each call
costs the regex engine's set-up (a couple of thousand machine instructions) even when the first
character already rules the match out, and a search walks the whole line. A test in C first
(`str.startswith` with the words every match opens with, a bounded `str.find` of the marks a search
starts at) spares that. The tests are derived from the pattern when the module is imported, so a rule
writer who adds an alternative to a pattern never has to keep a hand-written gate in step: an
alternative that opens with no fixed word simply turns the gate off.

    OPENS = opening_words(_SANCTION)     # ("moi truong hop", "neu", "truong hop"); ("",) when no gate
    folded.startswith(OPENS) and _SANCTION.match(folded)   # the test inline: no Python call on top
    marks = MarkSearch(_BOUNDARY)        # marks.possible(text) is False only when no match exists
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

_Way = tuple[str, bool]  # (the literal text a way through the pattern opens with, whether it is all of it)
_MOST_WAYS = 256  # past this many alternatives, stop reading further (the openings found so far still hold)


def _ways(items: Any) -> list[_Way]:
    """The literal openings of a parsed (sub)pattern, one per way through its alternatives."""
    ways: list[_Way] = [("", True)]
    for op, av in items:
        if op is _sre.AT and av is _sre.AT_BEGINNING and all(p == "" for p, _ in ways):
            continue  # "^" at the start: every match of .match() is there
        if op is _sre.LITERAL:
            ways = [(p + chr(av), True) if whole else (p, whole) for p, whole in ways]
            continue
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group that changes no flag
            inner = _ways(av[3].data)
        elif op is _sre.BRANCH:
            inner = [way for alternative in av[1] for way in _ways(alternative.data)]
        else:
            return [(p, False) for p, _ in ways]  # anything else: the openings end here
        ways = [
            (p + q, rest_whole) if whole else (p, False)
            for p, whole in ways
            for q, rest_whole in (inner if whole else [("", False)])
        ]
        if len(ways) > _MOST_WAYS or not any(whole for _, whole in ways):
            return [(p, False) for p, _ in ways]
    return ways


def openings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """What every match of `pattern.match(text)` (at the text's start) opens with, or None when some
    alternative opens with no fixed text (or the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = {p for p, _ in _ways(_sre_parse.parse(pattern.pattern, pattern.flags).data)}
    except (TypeError, AttributeError, ValueError):  # a regex syntax this reader does not know: no gate
        return None
    if not found or "" in found:
        return None
    return tuple(sorted(found))


def opening_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """openings(pattern) as the argument of str.startswith, ("",) (always true) when there is no gate.
    Meant to be tested inline before the match: a Python function around the two would cost as much
    as the regex call it spares."""
    return openings(pattern) or ("",)


def _longest_run(items: Any) -> str:
    """The longest run of plain characters a sequence holds at its top level (every match holds it)."""
    best = run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


def match_gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is False only when `pattern.match(text)` (from the text's start) cannot match: for
    each alternative of the pattern's top level, the text must open with one of its openings and hold
    the longest run of plain text the alternative requires ("^đề nghị ... biết ..." needs "biet"). For
    a pattern whose alternatives scan far (".{0,150}?"), and which most texts do not even open like."""
    if pattern.flags & re.IGNORECASE:
        return _always
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags).data)
        while items and items[0] == (_sre.AT, _sre.AT_BEGINNING):
            items = items[1:]
        if len(items) == 1 and items[0][0] is _sre.BRANCH:
            alternatives = [list(alternative.data) for alternative in items[0][1][1]]
        else:
            alternatives = [items]
        needs: list[tuple[tuple[str, ...], str]] = []
        for alternative in alternatives:
            opens = tuple(sorted({p for p, _ in _ways(alternative)}))
            needs.append((opens if "" not in opens else ("",), _longest_run(alternative)))
    except (TypeError, AttributeError, ValueError, IndexError):
        return _always

    def gate(text: str) -> bool:
        for opens, need in needs:  # noqa: SIM110 - a plain loop: no generator on every sentence
            if text.startswith(opens) and need in text:
                return True
        return False

    return gate


def _always(text: str) -> bool:
    return True


class MarkSearch:
    """For a pattern that opens with a set of plain characters ("[.!?…]..."): whether a text has one of
    them early enough to start a match (`pattern.search` can match only if so)."""

    __slots__ = ("_marks", "_width")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        op, av = parsed.data[0]
        plain = op is _sre.IN and all(o is _sre.LITERAL for o, _ in av) and not pattern.flags & re.IGNORECASE
        self._marks = tuple(chr(v) for _, v in av) if plain else None
        self._width = parsed.getwidth()[0]  # the shortest match: the mark must leave room for it

    def possible(self, text: str) -> bool:
        if self._marks is None:
            return True
        # A match starting at p needs p + width <= len(text). The part it may start in, cut once: a
        # one-character `in` is a memchr, and str.find's three arguments are parsed the slow way.
        head = text[: max(0, len(text) - self._width + 1)]
        for mark in self._marks:  # noqa: SIM110 - a plain loop: no generator on every line
            if mark in head:
                return True
        return False
