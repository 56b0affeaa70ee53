"""(docs16) A phone photo's uneven light evened before OCR: the paper made one white, its shadows lifted.

A hand or the phone itself shades part of the page: a third of it is 40 % darker, with a hard edge. Tesseract
binarises a page with one threshold (Otsu), so the shaded part's paper fell under it and its letters merged
into black fields: the task table's header was lost and the page read as noise («Hoàn tỉ thiện ñŠSø Sơ»). Here
the paper's own brightness is estimated at each place (a grey closing — the brightest value around, then the
darkest of those — on a copy an eighth the size, by numpy's sliding windows: it removes the letters and rules,
thinner than the window, and keeps the shadow's edge where it is), and the page is divided by it, so that the
paper is white everywhere and ink stays as dark against it as it was. Standard background division, as
document scanners' apps do; Pillow and numpy only.

A page whose paper is evenly lit (every scan, a photo with a light vignette) is returned untouched.
"""

from __future__ import annotations

from typing import Any

_SCALE = 8  # the paper is estimated on a copy this many times smaller
_WINDOW = 9  # pixels of that copy (72 of the page): wider than a letter's stroke or a rule, narrower than a shade
# How much darker (0–255) the paper's darkest part is than its brightest, at least, to be evened: a scan's paper
# varies by a few levels and a light vignette by 20–30; a hand's shadow takes 60–120.
_UNEVEN_BY = 48


def paper(image: Any) -> Any:
    """The paper's brightness around each pixel, on a copy `_SCALE` times smaller (grey image)."""
    import numpy as np
    from PIL import Image

    w, h = image.size
    small = np.asarray(image.resize((max(1, w // _SCALE), max(1, h // _SCALE)), Image.Resampling.BOX))
    closed = _window(_window(small, np.max), np.min)
    return Image.fromarray(closed, mode="L")


def _window(values: Any, pick: Any) -> Any:
    """`pick` (np.max, np.min) over a `_WINDOW`-square around each cell, one axis at a time (a square's max is
    the max of its rows' maxima): numpy's sliding windows, ten times faster than Pillow's rank filters here."""
    import numpy as np

    half = _WINDOW // 2
    for axis in (0, 1):
        padded = np.pad(values, [(half, half) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        values = pick(np.lib.stride_tricks.sliding_window_view(padded, _WINDOW, axis=axis), axis=-1)
    return values


def uneven_by(image: Any) -> int:
    """How much darker the paper's darker parts are than its brighter ones (its 5th and 95th percentiles)."""
    histogram = paper(image).histogram()
    total = sum(histogram)
    seen, low, high = 0, None, None
    for value, count in enumerate(histogram):
        seen += count
        if low is None and seen >= 0.05 * total:
            low = value
        if high is None and seen >= 0.95 * total:
            high = value
    return (high or 0) - (low or 0)


def even(image: Any) -> Any:
    """The grey page with its paper made evenly white, or the page itself when its light is even already."""
    import numpy as np
    from PIL import Image

    if uneven_by(image) < _UNEVEN_BY:
        return image
    background = paper(image).resize(image.size, Image.Resampling.BILINEAR)
    page = np.asarray(image, dtype=np.float32)
    light = np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    return Image.fromarray(np.clip(page * 255.0 / light, 0, 255).astype(np.uint8), mode="L")
