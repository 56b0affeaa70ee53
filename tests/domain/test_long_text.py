"""Gluing back a paste Telegram's apps cut into several messages; spotting a cut one; reading the
secretary's one-line corrections of a preview."""

from __future__ import annotations

from pathlib import Path

from domain.long_text import Part, cut_kind, join_parts, looks_cut, newline_late, parse_item_edit
from emulator.entities import detect_entities, split_for_sending

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def delivered(text: str) -> list[Part]:
    """The parts as the bot receives them when a person pastes `text` (cut as the apps cut it)."""
    return [Part(part, newline_late(part)) for part, _ in split_for_sending(text, detect_entities(text))]


def test_every_seed_report_pasted_twice_over_comes_back_whole() -> None:
    """Real reports, pasted back to back so that they pass the limit: the glued text has the same
    words and the same line breaks, except where a cut fell on a blank line (one line break kept)."""
    reports = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    text = "\n\n".join(reports * 2)
    parts = delivered(text)
    assert len(parts) >= 10
    glued = join_parts(parts)
    assert glued.split() == text.split()
    assert [line for line in glued.split("\n") if line.strip()] == [line for line in text.split("\n") if line.strip()]


def test_a_long_paragraph_is_glued_with_a_space() -> None:
    """No line break in the second half of the window: the app cut at a space after a sentence or inside
    one; the bot joins with a space, so that no sentence is broken into two lines."""
    sentence = "Giao Văn phòng phối hợp các bộ phận rà soát hồ sơ, cập nhật số liệu và báo cáo kết quả "
    text = "Kết luận:\n" + (sentence * 120).strip()
    parts = delivered(text)
    assert len(parts) == 3
    assert join_parts(parts) == text


def test_an_item_starting_the_next_part_is_a_new_line() -> None:
    parts = [Part("1. Giao Văn phòng rà soát hồ sơ", False), Part("2. Giao Công an phường kiểm tra camera.", False)]
    assert join_parts(parts) == "1. Giao Văn phòng rà soát hồ sơ\n2. Giao Công an phường kiểm tra camera."
    # A part cut by an app is at least half the limit long (a shorter one was sent whole: see below).
    head = "Giao Văn phòng rà soát hồ sơ. " * 80 + "Giao Văn phòng rà soát hồ sơ của"
    parts = [Part(head, False), Part("phường trước 15/12.", False)]
    assert join_parts(parts) == head + " phường trước 15/12."


def test_a_short_message_was_sent_whole_and_the_next_one_is_a_new_line() -> None:
    parts = [Part("Giao Văn phòng rà soát hồ sơ của", False), Part("Công an phường kiểm tra camera", False)]
    assert join_parts(parts) == "Giao Văn phòng rà soát hồ sơ của\nCông an phường kiểm tra camera"


def test_a_cut_text_is_one_near_the_limit_that_stops_mid_sentence() -> None:
    sentence = "Giao Văn phòng rà soát hồ sơ. "
    assert looks_cut("/nhap " + (sentence * 130)[:3500])  # mid-sentence, near the limit
    assert not looks_cut("/nhap " + (sentence * 110).strip())  # 3,300 characters ending a sentence
    assert looks_cut("/nhap " + (sentence * 136).strip())  # right at the limit: cut whatever its end
    assert not looks_cut("/nhap 1. Giao Văn phòng rà soát hồ sơ")  # short
    # Near the limit but ending a sentence: perhaps cut at a line break, perhaps whole; said softly.
    assert cut_kind("/nhap " + (sentence * 110).strip()) == "maybe"
    assert cut_kind("/nhap " + (sentence * 80).strip()) is None


def test_one_line_corrections() -> None:
    assert parse_item_edit("3 hạn 20/12") == parse_item_edit("Mục 3: hạn 20/12")
    edit = parse_item_edit("3 han moi 1/1/2027")
    assert edit is not None and (edit.k, edit.field, edit.value) == (3, "due", "1/1/2027")
    edit = parse_item_edit("12 giao Phòng Văn hoá")
    assert edit is not None and (edit.k, edit.field, edit.value) == (12, "lead", "Phòng Văn hoá")
    edit = parse_item_edit("#2 chủ trì: @lan_chutich")
    assert edit is not None and (edit.k, edit.field, edit.value) == (2, "lead", "@lan_chutich")
    for text in ("xin chào", "3", "hạn 20/12", "3 hạn", "giao Văn phòng"):
        assert parse_item_edit(text) is None, text
