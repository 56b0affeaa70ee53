"""A caption edited after sending is not a new command. Telegram delivers the edit of a file's or
photo's caption as an `edited_message` carrying the same file; the caption handlers (/xong with the
signed paper, /nhap with the conclusion) took it as the command sent again: a second completion answer,
or a second preview of the same conclusion. Typed commands were already limited to new messages."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import TaskEvent
from emulator import text_mention
from tests.e2e.conftest import Env

CONCLUSION = (
    "KẾT LUẬN GIAO BAN\n"
    "1. Giao Văn phòng rà soát hồ sơ camera an ninh, xong trước ngày 15/12/2026.\n"
    "2. Giao Công an phường tuần tra khu vực chợ, báo cáo trước ngày 20/12/2026.\n"
)


async def test_editing_the_caption_of_a_xong_file_does_not_report_again(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh])
    await env.say(chair, group, ["/giao ", text_mention(binh), " ký biên bản nghiệm thu camera trước 15/12"])

    sent = w.send_document(binh, group, "bien-ban.pdf", b"%PDF-1.4 signed", caption="/xong 1 đã ký")
    await w.wait_for(lambda m: "#1 đã hoàn thành" in m.plain, chat=group)
    await env.idle()
    before = len(w.bot_messages(group))

    w.edit_caption(binh, sent, "/xong 1 đã ký, bản có dấu đỏ")
    await env.idle()
    assert len(w.bot_messages(group)) == before, [m.plain for m in w.bot_messages(group)[before:]]
    task = await env.task(1, group)
    async with env.sessions() as s:
        done = await s.scalar(
            select(func.count()).select_from(TaskEvent).where(TaskEvent.task_id == task.id, TaskEvent.kind == "done")
        )
    assert task.status == "done" and done == 1


async def test_editing_the_caption_of_a_nhap_file_gives_no_second_preview(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair)
    await env.idle()

    sent = w.send_document(chair, group, "ket_luan.txt", CONCLUSION.encode("utf-8"), caption="/nhap")
    await w.wait_for(lambda m: "Văn phòng" in m.plain and "Công an phường" in m.plain, chat=group)
    await env.idle()
    before = len(w.bot_messages(group))

    w.edit_caption(chair, sent, "/nhap kết luận giao ban tuần 49")
    await env.idle()
    assert len(w.bot_messages(group)) == before, [m.plain for m in w.bot_messages(group)[before:]]
