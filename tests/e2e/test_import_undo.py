"""«↩️ Hoàn tác lần nhập này» under a saved /nhap: a whole import saved by mistake (the wrong text, the wrong
committee) is taken back at once instead of one /huy a task (found by qa6: 19 tasks could only be cancelled
one by one). As «↩️ Hoàn tác» under /giao: by the importer or the chair, while nobody else has acted."""

from __future__ import annotations

from db.models import Task
from tests.e2e.conftest import Env
from tests.e2e.test_long_conclusion import bot_messages_since, preview_after, save
from tests.e2e.wardkit import office_with_contact

CONCLUSION = (
    "/nhap\nKết luận giao ban tuần\n"
    "1. Giao Văn phòng rà soát hồ sơ một cửa, báo cáo trước ngày 15/12/2026.\n"
    "2. Giao Công an phường kiểm tra tạm trú trên địa bàn, xong trước ngày 20/12/2026.\n"
    "3. Giao Văn phòng chuẩn bị hội nghị tổng kết trước ngày 28/12/2026.\n"
)


async def saved(env: Env) -> tuple[object, list[Task], object]:
    office = await office_with_contact(env, chair_username="lan_chutich")
    cursor = len(env.world.bot_messages(office.group))
    env.world.send_text(office.chair, office.group, CONCLUSION)
    pages = await preview_after(env, office.group, cursor)
    tasks = await save(env, office.chair, pages)
    answer = next(m for m in bot_messages_since(env, office.group, cursor) if "Đã lưu" in m.plain)
    return office, tasks, answer


async def statuses(env: Env, tasks: list[Task]) -> list[str]:
    from db.tasks import task_by_id

    async with env.sessions() as s:
        return [(await task_by_id(s, t.id)).status for t in tasks]  # type: ignore[union-attr]


async def test_the_importer_takes_the_whole_import_back(env: Env) -> None:
    office, tasks, answer = await saved(env)
    assert len(tasks) == 3
    await env.press(office.chair, answer, "↩️ Hoàn tác lần nhập này")
    assert await statuses(env, tasks) == ["cancelled"] * 3
    shown = next(m for m in env.world.bot_messages(office.group) if m.message_id == answer.message_id)
    assert "Đã hoàn tác lần nhập: 3 nhiệm vụ (#1–#3)" in shown.plain and "Đã lưu" in shown.plain
    assert not shown.button_texts()
    listing = await env.say(office.chair, office.group, "/viec")
    assert "#1" not in listing.plain and "#3" not in listing.plain


async def test_a_member_cannot_and_nothing_changes(env: Env) -> None:
    office, tasks, answer = await saved(env)
    query = await env.press(office.hoa, answer, "↩️ Hoàn tác lần nhập này")
    assert query.show_alert and "Chỉ người đã giao nhiệm vụ #1 hoặc Trưởng ban" in (query.answer_text or "")
    assert await statuses(env, tasks) == ["open"] * 3


async def test_once_someone_has_reported_nothing_is_undone(env: Env) -> None:
    office, tasks, answer = await saved(env)
    await env.say(office.hoa, office.group, "/tiendo 3 đã gửi giấy mời")
    query = await env.press(office.chair, answer, "↩️ Hoàn tác lần nhập này")
    assert query.show_alert and "#3" in (query.answer_text or "") and "Không hoàn tác được" in (query.answer_text or "")
    assert await statuses(env, tasks) == ["open"] * 3
