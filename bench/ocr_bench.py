"""How long /nhap takes to read a scan or a photo: seconds per page, against reading the same text
from a PDF that has a text layer (measured in the same run).

Run from the project root:  PYTHONPATH=$PWD python bench/ocr_bench.py [--pages 3] [--repeat 1]

Pages are the project's corpus conclusions (tests/data/seeds) printed on A4 at 200 dpi in Liberation
Serif, turned 1.5°, speckled (tests/ocr_pages.py), then given to `read_document` as:
- a scanned PDF (image only; rasterised again at 300 dpi by pypdfium2),
- PNG files (one per page),
- phone photos as Telegram sends them (JPEG, 1280 pixels high),
- the same, shot in perspective with a shadow across a corner (tests/ocr_pages.phone_shot),
and, as the baseline, a PDF with the same lines as real text (matplotlib writes it; pypdf reads it).
Each kind's time covers everything the worker thread does: decoding, orientation detection (Tesseract
OSD), deskew, despeckle, OCR (Tesseract, Vietnamese model), paragraphs. Also printed: the character
error rate of each kind against the typed text. Kinds run interleaved round by round so the shared
machine's drift touches them alike; the best round is reported.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from bot.tesseract import SystemTools
from domain.understand.documents import read_document
from tests.ocr_pages import as_jpeg, as_pdf, as_png, phone_shot, render_pages

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "data" / "seeds"


def text_pdf(text: str) -> bytes:
    """The same text as a PDF with a text layer: 45 lines a page, as a word processor would print."""
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    lines = [ln for para in text.split("\n") for ln in (textwrap.wrap(" ".join(para.split()), 90) or [""])]
    out = io.BytesIO()
    with PdfPages(out) as pdf:
        for start in range(0, len(lines), 45):
            figure = Figure(figsize=(8.27, 11.69))
            for k, line in enumerate(lines[start : start + 45]):
                figure.text(0.06, 0.96 - 0.021 * k, line, fontsize=10)
            pdf.savefig(figure)
    return out.getvalue()


def cer(reference: str, read: str) -> float:
    ref, hyp = " ".join(reference.split()), " ".join(read.split())
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="pages of corpus text to read (default 3)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best is reported")
    args = parser.parse_args()

    pages, typed = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rendered = render_pages(text, angle=1.5, seed=len(pages))
        if len(pages) + len(rendered) > args.pages:
            continue
        pages += rendered
        typed.append(text)
        if len(pages) == args.pages:
            break
    reference = "\n".join(typed)
    inputs = {
        "text PDF (baseline)": [("a.pdf", text_pdf(reference))],
        "scanned PDF": [("scan.pdf", as_pdf(pages))],
        "PNG pages": [(f"p{k}.png", as_png(p)) for k, p in enumerate(pages)],
        "Telegram photo": [
            (f"p{k}.jpg", as_jpeg(p.resize((round(p.width * 1280 / p.height), 1280)), 85)) for k, p in enumerate(pages)
        ],
        "phone shot": [(f"s{k}.jpg", as_jpeg(phone_shot(p), 85)) for k, p in enumerate(pages)],
    }
    best: dict[str, float] = {}
    rates: dict[str, float] = {}
    for _ in range(args.repeat):
        for kind, files in inputs.items():
            start = time.perf_counter()
            text = "\n".join(read_document(name, data, SystemTools(600)).text for name, data in files)
            elapsed = time.perf_counter() - start
            best[kind] = min(best.get(kind, elapsed), elapsed)
            rates[kind] = cer(reference, text)
    base = best["text PDF (baseline)"] / len(pages)
    print(f"{len(pages)} A4 pages ({len(reference)} characters) from {len(typed)} corpus documents")
    print(f"{'kind':22} {'s/page':>8} {'× text PDF':>11} {'CER':>7}")
    for kind, seconds in best.items():
        per_page = seconds / len(pages)
        print(f"{kind:22} {per_page:8.3f} {per_page / base:11.0f} {rates[kind]:7.2%}")


if __name__ == "__main__":
    main()
