"""(docs14) A scanned task appendix: how many of its rows /nhap gets right, and seconds per page, with the
table rebuilt from Tesseract's word boxes (`domain/understand/scan_tables.py`) and without (the page read as
text, as before docs14), the two interleaved in one run.

Run from the project root:  PYTHONPATH=$PWD python bench/ocr_table_bench.py [--repeat 2] [--before docs15|docs16]

`--before docs16`: "before" has no lighting evened (`lighting.even` off) and keeps a lone mark at a cell's
edge; the photos have a light (0.15), a middling (0.30) and a heavy (0.45) shadow across a third of the page.

`--before docs15`: "before" is docs14's reading (tables rebuilt, a leaning table not squared,
`table_keystone.straighten` off) and the photos are taken at a 2, 4 and 6 % keystone.

Pages: tests/ocr_tables.render_table's ten-row «Danh mục nhiệm vụ» (A4, 200 dpi, Liberation Serif 11 pt,
turned 1.2°, speckled), ruled and borderless, as PNG; and the ruled one photographed (Telegram's 1280 px
JPEG, a 2 % keystone, a light shadow). A row counts for its task when an item holds the task's first four
words, for its lead and deadline when that item's lead is the row's lead (only it) and its day the row's.
The best of `--repeat` rounds is each time (the shared machine drifts).
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from bot.tesseract import SystemTools
from domain.understand import lighting, scan_tables, table_keystone
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import read_document
from tests.ocr_pages import as_jpeg, as_png, phone_shot
from tests.ocr_tables import ROWS, photographed, render_table


def score(text: str) -> tuple[int, int, int]:
    items = split_conclusion(text, date(2026, 11, 19)).directives
    tasks = leads = dues = 0
    for task, lead, _, _, due in ROWS:
        key = " ".join(task.split()[:4])
        item = next((d for d in items if key in d.text), None)
        if item is None:
            continue
        tasks += 1
        leads += [a.text for a in item.assignees.lead] == [lead]
        dues += item.deadline.due == due
    return tasks, leads, dues


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--before", choices=["docs14", "docs15", "docs16"], default="docs14")
    args = parser.parse_args()
    found, erase, rows = scan_tables.find_rules, scan_tables.erase_rules, scan_tables.table_rows
    straighten = table_keystone.straighten
    even, edge_marks = lighting.even, scan_tables._without_edge_marks

    def as_before(before: bool) -> None:
        if args.before == "docs16":  # before docs16: a photo's shadow not lifted, marks at a cell's edge kept
            lighting.even = (lambda image: image) if before else even  # type: ignore[assignment]
            scan_tables._without_edge_marks = (lambda text: text) if before else edge_marks  # type: ignore
            return
        if args.before == "docs15":  # before docs15: docs14's reading, a leaning table not squared
            table_keystone.straighten = (lambda page, rules: None) if before else straighten  # type: ignore
            return
        # Before docs14: no rules looked for, no table rebuilt; the page read as text.
        scan_tables.find_rules = (lambda page: scan_tables.Rules()) if before else found  # type: ignore[assignment]
        scan_tables.erase_rules = erase  # type: ignore[assignment]
        scan_tables.table_rows = (lambda words, rules=None: None) if before else rows  # type: ignore[assignment]

    pages = {
        "ruled, PNG": ("bang.png", as_png(render_table(ruled=True))),
        "borderless, PNG": ("bang.png", as_png(render_table(ruled=False))),
        "ruled, phone photo": ("anh.jpg", as_jpeg(phone_shot(render_table(ruled=True), tilt=0.02, shade=0.15))),
    }
    if args.before == "docs15":
        pages = {
            f"ruled, photo {k} %": ("anh.jpg", as_jpeg(photographed(keystone=k / 100))) for k in (2, 4, 6)
        }
        pages["photo 4 %, dark"] = ("anh.jpg", as_jpeg(photographed(keystone=0.04, shade=0.45)))
    if args.before == "docs16":
        pages = {f"photo {k} %, shade {s}": ("anh.jpg", as_jpeg(photographed(keystone=k / 100, shade=s)))
                 for k, s in ((2, 0.15), (4, 0.15), (2, 0.3), (4, 0.3), (2, 0.45), (4, 0.45), (6, 0.45))}
    best: dict[tuple[str, bool], float] = {}
    scores: dict[tuple[str, bool], tuple[int, int, int]] = {}
    # Before and after interleaved, page by page and round by round: the shared machine's drift touches both.
    for _ in range(args.repeat):
        for kind, (name, data) in pages.items():
            for before in (True, False):
                as_before(before)
                start = time.monotonic()
                text = read_document(name, data, SystemTools(600)).text
                key = (kind, before)
                best[key] = min(best.get(key, float("inf")), time.monotonic() - start)
                scores[key] = score(text)
    as_before(False)
    print(f"{'page':20} {'tasks':>13} {'leads':>13} {'deadlines':>13} {'s/page':>13}   (before -> after)")
    for kind in pages:
        b, a = scores[(kind, True)], scores[(kind, False)]
        cells = [f"{b[i]:2}/10 -> {a[i]:2}/10" for i in range(3)]
        seconds = f"{best[(kind, True)]:5.1f} -> {best[(kind, False)]:4.1f}"
        print(f"{kind:20} {' '.join(f'{c:>13}' for c in cells)} {seconds}")


if __name__ == "__main__":
    main()
