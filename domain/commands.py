"""Parsing the arguments of chat commands (pure, no telegram)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.understand.textnorm import fold

MAX_DIRECTIVE_CHARS = 2000

_TASK_NO = re.compile(r"^\s*#?(\d{1,9})(?:\s+|$)(.*)$", re.S)


@dataclass(frozen=True)
class TaskRef:
    number: int
    rest: str


def task_ref(args: str) -> TaskRef | None:
    """'#12 ghi chú' / '12 ghi chú' -> TaskRef(12, 'ghi chú'); None when there is no number first."""
    m = _TASK_NO.match(args)
    if not m:
        return None
    return TaskRef(int(m.group(1)), m.group(2).strip())


def keyword(args: str, *words: str) -> tuple[str, str] | None:
    """If `args` starts with one of `words` (compared folded, e.g. 'han' matches 'hạn'; a keyword of
    several words, 'quá hạn', matches those words, 'qua han' too), return (the word as given in `words`,
    the rest)."""
    stripped = args.strip()
    tokens = stripped.split()
    for w in words:
        wanted = fold(w).split()
        if not wanted or len(tokens) < len(wanted):
            continue
        head = [fold(t) for t in tokens[: len(wanted)]]
        head[-1] = head[-1].rstrip(":")
        if head == wanted:
            cut = re.match(r"\S+(?:\s+\S+){" + str(len(wanted) - 1) + "}", stripped)
            assert cut is not None
            return w, stripped[cut.end() :].strip()
    return None


def split_unit_definition(args: str) -> tuple[str, list[str]]:
    """'Văn phòng HĐND&UBND = VP, Văn phòng' -> ('Văn phòng HĐND&UBND', ['VP', 'Văn phòng'])."""
    name, _, alias_part = args.partition("=")
    aliases = [a.strip() for a in re.split(r"[,;]", alias_part) if a.strip()]
    return name.strip(), aliases


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring letters ("giao" -> "gioa") each count one."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def close_command(name: str, known: list[str]) -> str | None:
    """One of `known` that `name` is a slip of the keyboard from (one letter off; two for names of
    seven letters or more), or None: in a group, a command that is close to none of ours is taken
    for another bot's (/stats, /ban, /id...) and left alone."""
    word = name.lower()
    if not word or word in known:
        return None
    best: tuple[int, str] | None = None
    for candidate in known:
        limit = 2 if min(len(word), len(candidate)) >= 7 else 1
        distance = edit_distance(word, candidate)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else _with_a_word_added(word, known)


# (qa12) Words a person adds to one of our commands, writing it as said: «/giaoviec», «/giao_viec», «/xongviec»,
# «/xemnhiemvu». Another bot's commands do not end so (Vietnamese for «task», «job»): still ours to answer.
_ADDED_WORDS = ("viec", "congviec", "nhiemvu", "nv", "cho")


def _with_a_word_added(word: str, known: list[str]) -> str | None:
    joined = word.replace("_", "")
    for candidate in sorted(known, key=len, reverse=True):
        if len(candidate) >= 3 and joined.startswith(candidate) and joined[len(candidate):] in _ADDED_WORDS:
            return candidate
    return None
