"""Printed pages made from text, as a scanner or a phone would give them: A4 at 200 dpi, a serif
font with the Vietnamese letters (Debian's fonts-dejavu / fonts-liberation), turned by a degree or
two, with speckle noise; saved as PNG, as JPEG, or as a PDF holding only images (Pillow writes it).
Deterministic (seeded). Used by the OCR tests and bench/ocr_bench.py."""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))
MARGIN = round(0.8 * DPI)
# Fonts with every Vietnamese precomposed letter (Debian's fonts-liberation 1.x lacks them; its
# fonts-liberation2 has them).
FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
)


def serif_font() -> str | None:
    return next((f for f in FONTS if Path(f).exists()), None)


def render_pages(
    text: str, *, angle: float = 1.5, noise: float = 0.004, seed: int = 7, points: int = 13
) -> list[Image.Image]:
    """`text` typeset on as many A4 pages as it needs, paragraphs wrapped to the page width."""
    path = serif_font()
    assert path is not None, "no serif font with Vietnamese letters (apt-get install fonts-liberation)"
    font = ImageFont.truetype(path, round(points * DPI / 72))
    line_height = round(font.size * 1.45)
    # Characters per line for this font: measured on a typical Vietnamese line.
    sample = "Giao Ủy ban nhân dân phường chủ trì, phối hợp thực hiện kiểm tra"
    per_char = font.getlength(sample) / len(sample)
    width = int((A4[0] - 2 * MARGIN) / per_char)
    lines: list[str] = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        lines.extend(textwrap.wrap(para, width) or [""])
    per_page = (A4[1] - 2 * MARGIN) // line_height
    rng = random.Random(seed)
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        y = MARGIN
        for line in lines[start : start + per_page]:
            draw.text((MARGIN, y), line, font=font, fill=20)
            y += line_height
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pages.append(_speckle(page, noise, rng))
    return pages


def _speckle(page: Image.Image, amount: float, rng: random.Random) -> Image.Image:
    """Salt and pepper dots over `amount` of the pixels, and a faint grey cast, like a cheap scan."""
    pixels = page.load()
    w, h = page.size
    for _ in range(int(w * h * amount)):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = 0 if rng.random() < 0.5 else 255
    return page.point(lambda v: 235 if v > 235 else v)


def phone_shot(page: Image.Image, *, tilt: float = 0.04, shade: float = 0.45, height: int = 1280) -> Image.Image:
    """The page photographed by a phone held a little below it: the top edge narrower than the bottom
    (`tilt` of the width on each side), the shadow of the hand across one corner (`shade`: how much
    darker), sent as Telegram sends a photo (`height` pixels)."""
    w, h = page.size
    dx = w * tilt
    rect = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    seen = [(dx, 0.0), (w - dx, 0.0), (float(w), float(h)), (0.0, float(h))]  # where the corners land
    warped = page.transform(
        (w, h), Image.Transform.PERSPECTIVE, _perspective(seen, rect), Image.Resampling.BICUBIC, fillcolor=235
    )
    ramp = Image.linear_gradient("L").resize((w, h)).rotate(35, fillcolor=255)
    light = ramp.point(lambda v: int(255 - shade * (255 - v)))
    shot = ImageChops.multiply(warped.convert("L"), light)
    return shot.resize((round(w * height / h), height), Image.Resampling.LANCZOS)


def _perspective(out: list[tuple[float, float]], source: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE coefficients: the output point out[i] shows the input point source[i]."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(out, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solved = np.linalg.solve(np.array(rows, dtype=float), np.array(source, dtype=float).reshape(8))
    return [float(c) for c in solved]


def as_png(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def as_jpeg(page: Image.Image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    page.convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def as_pdf(pages: list[Image.Image]) -> bytes:
    """An image-only PDF (no text layer), as a scanner writes."""
    out = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(out, format="PDF", save_all=True, append_images=rest, resolution=DPI)
    return out.getvalue()


def render_notice(
    head: tuple[list[str], list[str]],
    title: list[str],
    paragraphs: list[str],
    sign: tuple[list[str], list[str]],
    *,
    angle: float = 1.2,
    noise: float = 0.003,
    seed: int = 3,
    points: int = 13,
) -> list[Image.Image]:
    """An official notice as offices print it (Decree 30/2020 layout): the agency and the national
    title side by side at the top, the title centred, paragraphs with a first-line indent, then «Nơi
    nhận» and the signature side by side; a page number at the foot of every page but the first."""
    path = serif_font()
    assert path is not None, "no serif font with Vietnamese letters (apt-get install fonts-liberation)"
    font = ImageFont.truetype(path, round(points * DPI / 72))
    line_height = round(font.size * 1.45)
    w, h = A4
    indent = round(0.4 * DPI)
    middle = w // 2

    def wrap(text: str, width_px: int) -> list[str]:
        out, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width_px:
                out.append(line)
                line = word
            else:
                line = trial
        return [*out, line] if line else out

    pages: list[Image.Image] = []
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN

    def new_page() -> None:
        nonlocal page, draw, y
        pages.append(page)
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        y = MARGIN
        number = str(len(pages) + 1)
        draw.text(((w - font.getlength(number)) / 2, h - MARGIN // 2), number, font=font, fill=20)

    def columns(left: list[str], right: list[str]) -> None:
        nonlocal y
        for i in range(max(len(left), len(right))):
            for col, x0, x1 in ((left, MARGIN, middle - 20), (right, middle, w - MARGIN)):
                if i < len(col) and col[i]:
                    draw.text((x0 + (x1 - x0 - font.getlength(col[i])) / 2, y), col[i], font=font, fill=20)
            y += line_height

    columns(*head)
    y += line_height
    for text in title:
        for line in wrap(text, w - 2 * MARGIN - 2 * indent):
            draw.text(((w - font.getlength(line)) / 2, y), line, font=font, fill=20)
            y += line_height
    y += line_height // 2
    for text in paragraphs:
        for k, line in enumerate(wrap(text, w - 2 * MARGIN - indent) if text else []):
            if y > h - MARGIN - line_height:
                new_page()
            draw.text((MARGIN + (indent if k == 0 else 0), y), line, font=font, fill=20)
            y += line_height
    y += line_height
    if y + line_height * max(len(sign[0]), len(sign[1])) > h - MARGIN:
        new_page()
    columns(*sign)
    pages.append(page)
    rng = random.Random(seed)
    return [_speckle(p.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255), noise, rng) for p in pages]
