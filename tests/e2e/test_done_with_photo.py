"""/xong with a photo: officials report completion with a phone photo of the signed paper, sent as a
photo (not as a file) with the caption «/xong <số>». It was not taken as a report at all (only files
were); now it is, as a file is: same permissions and answers, the photo marked in the stored note,
in the group and in the private chat."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.models import TaskEvent
from emulator import text_mention
from tests.e2e.conftest import Env

JPEG = b"\xff\xd8\xff" + bytes(2000)  # what the phone sends: a JPEG (Telegram recompresses photos)


async def done_notes(env: Env, task_id: int) -> list[str | None]:
    async with env.sessions() as s:
        rows = await s.scalars(select(TaskEvent.note).where(TaskEvent.task_id == task_id, TaskEvent.kind == "done"))
        return list(rows)


async def test_a_photo_captioned_xong_reports_completion_in_the_group_and_in_private(env: Env) -> None:
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Lê")
    member = w.add_user("Minh", "Phạm", username="minh_member")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, member])
    await env.say(chair, group, ["/giao ", text_mention(binh), " ký biên bản nghiệm thu camera trước 15/12"])
    await env.say(chair, group, ["/giao ", text_mention(binh), " nộp báo cáo quý trước 20/12"])

    # Not his task: refused as /xong with a file or typed is; nothing is stored.
    w.send_photo(member, group, JPEG, caption="/xong 1")
    refused = await w.wait_for(chat=group)
    await env.idle()
    assert "không phải người thực hiện" in refused.plain
    assert (await env.task(1, group)).status == "open"

    # The assignee, in the group: the photo of the signed paper closes #1, and is kept in the note.
    w.send_photo(binh, group, JPEG, caption="/xong 1 đã ký biên bản")
    said = await w.wait_for(lambda m: "#1 đã hoàn thành" in m.plain, chat=group)
    await env.idle()
    assert "#1 đã hoàn thành — đúng hạn" in said.plain
    task = await env.task(1, group)
    assert task.status == "done" and task.closed_on == date(2026, 11, 23)
    assert await env.events(task.id) == ["created", "done"]
    assert await done_notes(env, task.id) == ["đã ký biên bản [ảnh đính kèm]"]

    # In the private chat, a photo with only «/xong 2»: closed, and the group is told, photo named.
    w.start_private(binh)
    await env.idle()
    w.send_photo(binh, binh, JPEG, caption="/xong 2")
    said = await w.wait_for(chat=binh)
    await env.idle()
    assert "#2 đã hoàn thành" in said.plain and "Bot đã thấy ảnh" not in said.plain
    task = await env.task(2, group)
    assert task.status == "done"
    assert await done_notes(env, task.id) == ["[ảnh đính kèm]"]
    told = [m.plain for m in w.bot_messages(group) if "qua tin nhắn riêng" in m.plain]
    assert told == ["✅ Bình Lê báo hoàn thành #2 (qua tin nhắn riêng): [ảnh đính kèm]"], told


async def test_a_photo_without_a_command_in_private_says_it_can_report_completion(env: Env) -> None:
    w = env.world
    binh = w.add_user("Bình", "Lê")
    w.start_private(binh)
    await env.idle()
    w.send_photo(binh, binh, JPEG)
    said = await w.wait_for(lambda m: "Bot đã thấy ảnh" in m.plain, chat=binh)
    assert "chú thích /nhap" in said.plain and "chú thích /xong <số> ghi chú" in said.plain
