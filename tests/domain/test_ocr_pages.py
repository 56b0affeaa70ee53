"""Scans and photos read by the real Tesseract (Vietnamese model): conclusions of the project's corpus
(tests/data/seeds) printed on A4 in a serif font, turned 1.5–2°, speckled, saved as PNG and as an
image-only PDF, must give back the same directives — leads and deadlines — as their typed text, and
the same letters, diacritics included (character error rate measured and floored).

scripts/test.sh installs Tesseract, its Vietnamese model and the fonts (apt); without them these
tests are skipped here, never in CI."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bot.tesseract import SystemTools
from domain.understand.conclusion import split_conclusion
from domain.understand.documents import Extracted, read_document
from domain.understand.textnorm import fold
from tests.ocr_pages import as_jpeg, as_pdf, as_png, phone_shot, render_pages, serif_font

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
TODAY = date(2026, 11, 23)


def _tesseract_vie() -> bool:
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    return "vie" in langs.split()


pytestmark = pytest.mark.skipif(
    not (_tesseract_vie() and serif_font()),
    reason="Tesseract with its Vietnamese model and a serif font: apt-get install tesseract-ocr "
    "tesseract-ocr-vie fonts-liberation2 (scripts/test.sh does)",
)

# Floors, from the measurements in bench/README.md (two pages of margin for a noisier machine).
MAX_CER = 0.03
MIN_AGREEMENT = 0.90


def original(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def cer(reference: str, read: str) -> float:
    """Character error rate: edits (insert, delete, substitute) per character of the reference,
    whitespace collapsed on both sides (line breaks are layout, not letters)."""
    ref, hyp = " ".join(reference.split()), " ".join(read.split())
    return Levenshtein.distance(ref, hyp) / len(ref)


def agreement(typed: str, scanned: str) -> tuple[int, int, list[str]]:
    """How many of the typed text's directives the scan gives back with the same lead(s) and the same
    deadline; the directive is found by its wording (≥ 85% alike, OCR's letter errors allowed)."""
    want = split_conclusion(typed, TODAY).directives
    got = split_conclusion(scanned, TODAY).directives
    same, misses = 0, []
    for d in want:
        best = max(got, key=lambda g: fuzz.ratio(fold(d.text), fold(g.text)), default=None)
        if best is None or fuzz.ratio(fold(d.text), fold(best.text)) < 85:
            misses.append(f"not found: {d.text[:80]}")
            continue
        leads = [fold(a.text) for a in d.assignees.lead], [fold(a.text) for a in best.assignees.lead]
        due = (d.deadline.kind, d.deadline.due), (best.deadline.kind, best.deadline.due)
        if leads[0] == leads[1] and due[0] == due[1]:
            same += 1
        else:
            misses.append(f"{d.text[:60]}: lead {leads[0]} vs {leads[1]}, due {due[0]} vs {due[1]}")
    return same, len(want), misses


@pytest.fixture(scope="module")
def scans() -> dict[str, tuple[str, Extracted]]:
    """Each corpus document, printed and read once for the whole module (OCR takes seconds a page)."""
    out = {}
    one = original("001_7f2e9915450f735b.txt")  # one page, six directives: as PNG
    (page,) = render_pages(one, angle=1.5, seed=1)
    out["png"] = (one, read_document("ket-luan.png", as_png(page), SystemTools(120)))
    three = original("004_2aba020f7bcf65ca.txt")  # three pages, nineteen directives: as a scanned PDF
    pages = render_pages(three, angle=-2.0, seed=4)
    out["pdf"] = (three, read_document("ket-luan-scan.pdf", as_pdf(pages), SystemTools(240)))
    return out


@pytest.mark.parametrize("kind", ["png", "pdf"])
def test_scanned_text_keeps_its_letters_and_diacritics(scans: dict[str, tuple[str, Extracted]], kind: str) -> None:
    typed, read = scans[kind]
    rate = cer(typed, read.text)
    print(f"CER {kind}: {rate:.4f}")
    assert rate <= MAX_CER, (rate, read.text[:400])
    assert read.reading is not None and read.reading.pages == read.reading.total_pages


@pytest.mark.parametrize("kind", ["png", "pdf"])
def test_scan_gives_the_same_directives_leads_and_deadlines(scans: dict[str, tuple[str, Extracted]], kind: str) -> None:
    typed, read = scans[kind]
    same, total, misses = agreement(typed, read.text)
    print(f"agreement {kind}: {same}/{total}")
    assert total >= 6
    assert same / total >= MIN_AGREEMENT, misses


def test_pages_come_in_order(scans: dict[str, tuple[str, Extracted]]) -> None:
    typed, read = scans["pdf"]
    assert read.reading is not None and read.reading.pages == 3
    # The first and last paragraphs of the typed text are found, in that order.
    paragraphs = [p for p in typed.split("\n") if len(p.split()) > 6]
    first, last = fold(paragraphs[0])[:40], fold(paragraphs[-1])[:40]
    text = fold(read.text)
    at_first = max(range(len(text)), key=lambda i: fuzz.ratio(first, text[i : i + 40]) if i % 7 == 0 else 0)
    at_last = max(range(len(text)), key=lambda i: fuzz.ratio(last, text[i : i + 40]) if i % 7 == 0 else 0)
    assert at_first < len(text) // 3 < 2 * len(text) // 3 < at_last


@pytest.mark.parametrize("turn", [90, 180])
def test_a_page_on_its_side_or_upside_down_is_read_upright(turn: int) -> None:
    typed = original("001_7f2e9915450f735b.txt")
    (page,) = render_pages(typed, angle=0.5, seed=2)
    sideways = page.rotate(turn, expand=True, fillcolor=255)
    read = read_document("chup-ngang.png", as_png(sideways), SystemTools(120))
    assert cer(typed, read.text) <= MAX_CER


def test_a_phone_shot_in_perspective_with_a_shadow_reads_like_a_scan() -> None:
    """Held a little below the page (the top edge 8 % narrower), the hand's shadow over a corner, a
    1280-pixel JPEG as Telegram sends a photo: the same directives, and few letters wrong."""
    typed = original("001_7f2e9915450f735b.txt")
    (page,) = render_pages(typed, angle=2.0, seed=12)
    read = read_document("IMG_2041.jpg", as_jpeg(phone_shot(page), 85), SystemTools(120))
    rate = cer(typed, read.text)
    print(f"CER phone shot: {rate:.4f}")
    assert rate <= MAX_CER
    same, total, misses = agreement(typed, read.text)
    assert same / total >= MIN_AGREEMENT, misses


def test_a_photo_of_no_text_gets_a_clear_answer() -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (1280, 960), (120, 170, 220))
    draw = ImageDraw.Draw(picture)
    for k in range(12):  # a landscape of shapes: sky, hills, a sun
        draw.ellipse((k * 110, 600 - k * 13, k * 110 + 400, 1100), fill=(40 + k * 9, 120, 60))
    draw.ellipse((950, 80, 1150, 280), fill=(250, 210, 60))
    with pytest.raises(ValueError, match="không thấy chữ trong ảnh"):
        read_document("anh.jpg", as_png(picture), SystemTools(60))


def test_smudged_words_put_their_lines_on_the_list_to_check(scans: dict[str, tuple[str, Extracted]]) -> None:
    from PIL import ImageDraw

    typed = original("000_c1f80c80dfaf2e5d.txt")
    page = render_pages(typed, angle=1.0, seed=3)[0]
    draw = ImageDraw.Draw(page)
    blots = ((400, 520), (900, 900), (300, 1400))  # grey blots over words of three different lines
    for x, y in blots:
        draw.ellipse((x, y, x + 90, y + 40), fill=150)
    read = read_document("vet-ban.png", as_png(page), SystemTools(120))
    assert read.reading is not None
    assert len(read.reading.unsure) >= len(blots), read.reading.unsure
    # Every line where the OCR produced symbols no Vietnamese text has is on the list.
    garbled = [ln for ln in read.text.split("\n") if any(c in ln for c in "@%¡©®")]
    assert garbled and all(any(u in ln for u in read.reading.unsure) for ln in garbled)
    # A clean page lists (almost) nothing: the list is worth reading.
    _, clean = scans["png"]
    assert clean.reading is not None and len(clean.reading.unsure) <= 1
