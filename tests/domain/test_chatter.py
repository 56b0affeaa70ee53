"""Talk or text, during a private /nhap gathering (domain/chatter.py): talk is left out, a short
doubtful message kept (and shown), a real part never taken for talk."""

from __future__ import annotations

import pytest

from domain.chatter import Chatter, classify


@pytest.mark.parametrize(
    "text",
    ["ok", "Ok ạ", "oke", "đợi chút", "Đợi em chút nhé", "em gửi tiếp nhé", "em gui tiep nhe", "còn nữa",
     "Dạ vâng", "Cảm ơn bot", "xong rồi", "👍", "😀😀", "...", "!!"],
)
def test_talk_is_left_out(text: str) -> None:
    assert classify(text) is Chatter.CHAT


@pytest.mark.parametrize("text", ["Đồng ý", "Trân trọng", "Nơi nhận:", "Phần II", "Kết luận"])
def test_a_few_words_that_may_be_text_are_kept_as_doubtful(text: str) -> None:
    assert classify(text) is Chatter.SHORT


@pytest.mark.parametrize(
    "text",
    [
        "Công an phường kiểm tra hệ thống camera an ninh trong tháng 12",
        "1. Văn phòng rà soát",
        "Giao Trạm Y tế",
        "phần 2",
        "TM. BAN CHỈ ĐẠO",
        "xong trước 15/12",
        "Văn phòng\nCông an",
    ],
)
def test_real_parts_are_parts(text: str) -> None:
    assert classify(text) is Chatter.PART
