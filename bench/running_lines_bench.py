"""(docs17) Running headers and footers in text PDFs: does taking them out give the document's items back, and
does it take anything from a document that has none?

Run from the project root:  PYTHONPATH=$PWD python bench/running_lines_bench.py

The seeds and the OPEN dev conclusions (conclusions_v10, v11, v13, v14 dev; never a held-out or closed set) are
printed as text PDFs, 45 lines a page (bench/ocr_bench.text_pdf's layout), then again with a template's footer
on every page («Kết luận giao ban tháng 12 – trang N») and a header on pages 2+ («Thông báo số 123/TB-UBND …»).
Each is read with the running-line step (after) and without it (before); the items (text, leads, deadline)
are compared with those of the same document printed without furniture.
"""

from __future__ import annotations

import glob
import io
import json
import textwrap
from datetime import date
from pathlib import Path

from bench.ocr_bench import text_pdf
from domain.understand import documents, running_lines
from domain.understand.conclusion import split_conclusion

OPEN_SETS = ("v10", "v11", "v13", "v14")
HEADER = "Thông báo số 123/TB-UBND ngày 18/11/2026 của Ủy ban nhân dân huyện"
FOOTER = "Kết luận giao ban tháng 12 – trang {n}"
_REAL = running_lines.repeated


def furnished(text: str, header: str, footer: str) -> tuple[bytes, int]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    lines = [ln for para in text.split("\n") for ln in (textwrap.wrap(" ".join(para.split()), 90) or [""])]
    out, n = io.BytesIO(), 0
    with PdfPages(out) as pdf:
        for n, start in enumerate(range(0, len(lines), 45), start=1):
            figure = Figure(figsize=(8.27, 11.69))
            for k, line in enumerate(lines[start : start + 45]):
                figure.text(0.06, 0.93 - 0.019 * k, line, fontsize=10)
            if n > 1 and header:
                figure.text(0.06, 0.975, header, fontsize=9)
            figure.text(0.06, 0.02, footer.format(n=n), fontsize=9)
            pdf.savefig(figure)
    return out.getvalue(), n


def items(text: str) -> list[tuple[str, list[str], date | None]]:
    return [(d.text, [a.text for a in d.assignees.lead], d.deadline.due)
            for d in split_conclusion(text, date(2026, 11, 19)).directives]


def read(pdf: bytes, step: bool) -> str:
    running_lines.repeated = _REAL if step else (lambda pages, **kw: [set() for _ in pages])
    try:
        return documents.extract_text("a.pdf", pdf)
    finally:
        running_lines.repeated = _REAL


def main() -> None:
    texts = [Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob("tests/data/seeds/*.txt"))]
    for name in OPEN_SETS:
        texts += [json.loads(Path(f).read_text(encoding="utf-8"))["text"]
                  for f in sorted(glob.glob(f"tests/data/conclusions_{name}/dev/*.json"))]
    plain = [read(text_pdf(text), True) for text in texts]
    changed = sum(read(text_pdf(t), False) != p for t, p in zip(texts, plain, strict=True))
    print(f"{len(texts)} documents without furniture: {changed} texts changed by the step")
    for label, header in (("footer on every page", ""), ("footer + header on pages 2+", HEADER)):
        counts = {False: 0, True: 0}
        pages = 0
        for text, clean in zip(texts, plain, strict=True):
            pdf, n = furnished(text, header, FOOTER)
            if n < 2:
                continue
            pages += 1
            for step in (False, True):
                counts[step] += items(read(pdf, step)) == items(clean)
        print(f"{label}: {pages} documents of 2+ pages, items as printed without it: "
              f"before {counts[False]} -> after {counts[True]}")


if __name__ == "__main__":
    main()
