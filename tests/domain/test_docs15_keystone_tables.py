"""(docs15) A ruled task table photographed by a phone held below the page (a 4 % or 6 % keystone: its
vertical rules lean until a gutter between two columns closes) is squared before it is read: the /nhap
preview lists the table's tasks, leads and deadlines, as the same table in a .docx gives them. Before,
such a photo fell back to plain text (docs14's limit)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from rapidfuzz.fuzz import ratio

from bot.tesseract import SystemTools
from domain.understand import scan_tables, table_keystone
from domain.understand.documents import extract_text, read_document
from tests.domain.test_docs14_scanned_tables import EXPECTED, _docx_of_the_table, found
from tests.domain.test_ocr_pages import pytestmark as needs_tesseract
from tests.ocr_pages import as_jpeg
from tests.ocr_tables import photographed


@needs_tesseract
@pytest.mark.parametrize("keystone", [0.04, 0.06])
def test_a_ruled_table_photographed_at_a_slant_gives_the_tasks_of_the_same_table_in_word(keystone: float) -> None:
    # Before: the leaning columns closed a gutter, no table was found, and the page was read as text.
    read = read_document("anh.jpg", as_jpeg(photographed(keystone=keystone)), SystemTools(240))
    assert read.reading is not None and read.reading.table_rows == 10
    # Each row its own item with its own lead and deadline; a photo still costs a letter here and there
    # («Tố quốc», «khu Vực»): the text is compared to the .docx's item by item, letters nearly all right.
    in_word = found(extract_text("phu-luc.docx", _docx_of_the_table()))
    in_photo = found(read.text)
    assert [([lead.casefold() for lead in leads], due) for _, leads, due in in_photo] == [
        ([lead.casefold() for lead in leads], due) for leads, due in EXPECTED]
    assert len(in_photo) == len(in_word) == 10
    for (photo, _, _), (word, _, _) in zip(in_photo, in_word, strict=True):
        assert ratio(photo, word) >= 95, (photo, word)


# ------------------------------------------------------------------------------------------ geometry
def _frame(lean: int) -> Image.Image:
    """A ruled frame of five rows and three columns on a 1700×2300 page, its top `lean` pixels narrower on
    each side than its bottom (a keystone), as `find_rules` sees a photo once the page is upright."""
    page = Image.new("L", (1700, 2300), 245)
    draw = ImageDraw.Draw(page)
    top, bottom, left, right = 400, 1600, 200, 1500

    def at(x: float, y: float) -> float:  # where a point of the square frame lands in the photo
        shrink = lean * (bottom - y) / (bottom - top)
        return left + shrink + (x - left) * (right - left - 2 * shrink) / (right - left)

    for y in range(top, bottom + 1, 240):
        draw.line((at(left, y), y, at(right, y), y), fill=30, width=3)
    for x in (left, 500, 1000, right):
        draw.line((at(x, top), top, at(x, bottom), bottom), fill=30, width=3)
    return page


def test_a_leaning_frame_is_squared_and_its_vertical_rules_then_run_straight_down() -> None:
    page = _frame(lean=60)
    leaning = scan_tables.find_rules(page)
    assert len(leaning.vertical) < 4  # the leaning borders are too slanted to be found as rules
    straight = table_keystone.straighten(page, leaning)
    assert straight is not None
    upright = scan_tables.find_rules(straight)
    xs = [x for x, _, _, _ in upright.vertical]
    assert len(xs) == 4 and abs(xs[0] - 200) <= 4 and abs(xs[-1] - 1500) <= 4
    assert all(bottom - top >= 1100 for _, top, bottom, _ in upright.vertical)


def test_an_upright_table_and_a_page_without_rules_are_left_as_they_are() -> None:
    assert table_keystone.straighten(_frame(lean=0), scan_tables.find_rules(_frame(lean=0))) is None
    # Borders leaning 7° are no page held up to a phone (a misread end): the page is read as it is.
    steep = _frame(lean=150)
    assert table_keystone.straighten(steep, scan_tables.find_rules(steep)) is None
    blank = Image.new("L", (1700, 2300), 245)
    assert table_keystone.straighten(blank, scan_tables.find_rules(blank)) is None
