"""Deadline parser vs dateparser on the labelled corpus: accuracy per kind, and speed.

    python bench/parse_bench.py

Both run over the same sentences in the same process (tests/data/*_directives.jsonl), each
resolved against the record's document date (2020-01-01 when the record has none).

How dateparser is scored (it finds dates, it has no notion of deadline kinds, so it gets the most
generous reading that is still a fair test of "did it find the deadline day"):
- gold kinds with a due day (date, month, quarter, year, relative with a day, holiday): correct
  when any date dateparser finds in the sentence is that day;
- gold kinds without a due day (none, immediate, recurring, relative anchors, and dated records
  whose year is unknown): correct when dateparser finds no date at all in the sentence — any date
  it reports would be taken as the deadline.
Ours is scored the same way as tests/domain/test_deadline_corpus.py: kind and due must both match
(due only where the gold has one).

Speed: time per sentence, best of several runs of CPU time (the machine is shared), and the
ratio dateparser / ours. The two are measured in the same run, so the ratio is what to read.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from domain.understand.deadlines import deadline_in_context  # noqa: E402

DATA = ROOT / "tests" / "data"
NO_DATE = date(2020, 1, 1)
RUNS = 5


def load() -> list[dict]:
    records = []
    for name in ("seed_directives.jsonl", "dev_directives.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def today_of(record: dict) -> date:
    return date.fromisoformat(record["doc_date"]) if record["doc_date"] else NO_DATE


def ours(record: dict) -> bool:
    gold = record["gold"]["deadline"]
    got = deadline_in_context(record["text"], today_of(record), record.get("context"))
    if got.kind.value != gold["kind"]:
        return False
    return gold.get("due") is None or (got.due is not None and got.due.isoformat() == gold["due"])


def dateparser_dates(text: str, today: date) -> list[date]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(
            text, languages=["vi"], settings={"RELATIVE_BASE": datetime(today.year, today.month, today.day)}
        )
    return [d.date() for _, d in found or []]


def theirs(record: dict) -> bool:
    gold = record["gold"]["deadline"]
    text = (
        record["text"] if gold.get("source") != "context" else f"{record.get('context', '')} {record['text']}"
    )
    found = dateparser_dates(text, today_of(record))
    if gold.get("due"):
        return date.fromisoformat(gold["due"]) in found
    return not found


def per_sentence_seconds(fn: Callable[[str, date], object], records: list[dict], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for r in records:
            fn(r["text"], today_of(r))
        best = min(best, time.process_time() - start)
    return best / len(records)


def main() -> None:
    records = load()
    score: dict[str, dict[str, list[int]]] = {
        "ours": defaultdict(lambda: [0, 0]),
        "dateparser": defaultdict(lambda: [0, 0]),
    }
    for r in records:
        kind = r["gold"]["deadline"]["kind"]
        for name, judge in (("ours", ours), ("dateparser", theirs)):
            cell = score[name][kind]
            cell[0] += judge(r)
            cell[1] += 1
    print(f"{len(records)} sentences (seed + dev)\n")
    print(f"{'gold kind':<12}{'n':>4}{'ours':>10}{'dateparser':>12}")
    for kind in sorted(score["ours"]):
        n = score["ours"][kind][1]
        print(f"{kind:<12}{n:>4}{score['ours'][kind][0] / n:>10.0%}{score['dateparser'][kind][0] / n:>12.0%}")
    total = {name: sum(c[0] for c in cells.values()) / len(records) for name, cells in score.items()}
    print(f"{'all':<12}{len(records):>4}{total['ours']:>10.1%}{total['dateparser']:>12.1%}\n")

    speed(records)


def _clear_text_caches() -> None:
    """Forget what earlier runs learnt about these very sentences (tokens, readings, folded forms
    and writing mode of a text are remembered), so every timed run reads them as new text;
    word-level caches (one word's keys) stay, as in a running bot that has read other texts."""
    from domain.understand import assignees, textnorm, vntokens

    vntokens.clear_text_caches()
    textnorm.clear_caches()
    assignees.clear_caches()


def understand_whole(text: str, today: date) -> object:
    """What /nhap does with a text: split it into directives, then lead/support and deadline of each."""
    from domain.understand.conclusion import split_conclusion

    return split_conclusion(text, today)


def per_sentence_cold(fn: Callable[[str, date], object], records: list[dict], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        _clear_text_caches()
        start = time.process_time()
        for r in records:
            fn(r["text"], today_of(r))
        best = min(best, time.process_time() - start)
    return best / len(records)


def speed(records: list[dict]) -> None:
    from domain.understand.deadlines import parse_deadline

    parse_deadline("khởi động", NO_DATE)  # warm up: import-time work is not per-sentence work
    understand_whole("Giao Văn phòng khởi động trước ngày 15/12/2020.", NO_DATE)
    dateparser_dates("trước ngày 15/12/2020", NO_DATE)
    # Interleaved rounds, best of each: the machine's drift touches all three alike.
    ours_d = ours_w = theirs_s = float("inf")
    for _ in range(RUNS):
        ours_d = min(ours_d, per_sentence_cold(parse_deadline, records, 3))
        ours_w = min(ours_w, per_sentence_cold(understand_whole, records, 3))
        theirs_s = min(theirs_s, per_sentence_cold(dateparser_dates, records, 1))
    from domain.understand import assignees

    compiled = not assignees.__file__.endswith(".py")  # a mypyc build (see bench/README.md) or plain Python
    print(f"understanding code: {'compiled (mypyc)' if compiled else 'pure Python'}")
    print(f"time per sentence: dateparser search_dates {theirs_s * 1e6:.0f} µs")
    print(f"  deadline only (parse_deadline)                     {ours_d * 1e6:.0f} µs")
    print(f"  whole understanding (split + lead/support + deadline) {ours_w * 1e6:.0f} µs")
    print(f"speed ratio, deadline only (dateparser / ours): {theirs_s / ours_d:.1f}x (target >= 50x)")
    print(f"speed ratio, whole understanding (dateparser / ours): {theirs_s / ours_w:.1f}x (target >= 20x)")

if __name__ == "__main__":
    main()
