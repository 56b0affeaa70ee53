"""qa19: in the private chat after /nhap, a .docx, a PDF and two photos sent in the gathering are read and give
the same tasks as the same files sent one by one with «/nhap» in the group (stored tasks compared)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.texts import BTN_GATHER_DONE
from domain.understand import documents
from domain.understand.documents import Extracted
from handlers import scans
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import committee, docx_of, preview_after, save, what

DOCX = "Kết luận giao ban\n1. Giao Văn phòng rà soát hồ sơ một cửa trước ngày 15/12/2026."
# A PDF exported from Word has a text layer; typed without diacritics (a phone without a Vietnamese keyboard).
PDF = "2. Giao Cong an phuong kiem tra he thong camera an ninh truoc ngay 20/12/2026."
PHOTOS = {
    b"\xff\xd8\xffpage-3": "3. Giao Trạm Y tế phường hướng dẫn cài đặt sổ sức khoẻ điện tử trước ngày 22/12/2026.",
    b"\xff\xd8\xffpage-4": "4. Giao Hội Phụ nữ phường vận động hội viên cài đặt ứng dụng trước ngày 25/12/2026.",
}


def text_pdf(line: str) -> bytes:
    """A one-page PDF with `line` as its text layer (Helvetica, ASCII): what Word's «Save as PDF» gives."""
    stream = f"BT /F1 11 Tf 40 800 Td ({line}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture
def photos_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR stands in for the photos (tesseract takes seconds a page); the .docx and the PDF are read for real."""
    real = documents.read_document

    def read(name: str, data: bytes, tools: Any = None) -> Extracted:
        for head, text in PHOTOS.items():
            if data.startswith(head):
                return Extracted(text)
        return real(name, data, tools)

    monkeypatch.setattr(scans, "read_document", read)


async def test_files_gathered_in_private_give_the_tasks_the_group_gives(env: Env, photos_read: None) -> None:
    chair, _member, group = await committee(env)
    w = env.world

    # In the group: each file with «/nhap», one preview each.
    from_group: list[tuple[str, date | None, list[str]]] = []
    sends = [
        lambda chat, cap: w.send_document(chair, chat, "ket_luan.docx", docx_of(DOCX), caption=cap),
        lambda chat, cap: w.send_document(chair, chat, "ket_luan.pdf", text_pdf(PDF), caption=cap),
        *(lambda chat, cap, d=d: w.send_photo(chair, chat, d + bytes(500), caption=cap) for d in PHOTOS),
    ]
    for send in sends:
        cursor = len(w.bot_messages(group))
        send(group, "/nhap")
        from_group += await what(env, await save(env, chair, await preview_after(env, group, cursor)))
    assert [(due, leads) for _t, due, leads in from_group] == [
        (date(2026, 12, 15), ["Văn phòng HĐND&UBND"]), (date(2026, 12, 20), ["Công an phường"]),
        (date(2026, 12, 22), ["Trạm Y tế phường"]), (date(2026, 12, 25), ["Hội LHPN"]),
    ]

    # In the private chat: /nhap, then the four files, then «Xong, phân tích».
    await env.say(chair, chair, "/nhap")
    for k, send in enumerate(sends, 1):
        send(chair, None)
        got = await w.wait_for(lambda m, k=k: f"Đã nhận {k} phần" in m.plain, timeout=30, chat=chair)
    await env.idle()
    cursor = len(w.bot_messages(chair))
    await env.press(chair, got, BTN_GATHER_DONE)
    from_private = await what(env, await save(env, chair, await preview_after(env, chair, cursor)))
    assert from_private == from_group  # the same four tasks: texts, deadlines, leads
