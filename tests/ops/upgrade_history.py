"""A committee's weeks, run by WHICHEVER release is on PYTHONPATH (tests/ops/test_upgrade.py runs it with an
old release's tree, from `git archive`): tasks, one done, ten days of reminders and a Monday summary, a
pending extension asked by the assignee, a conclusion imported with /nhap, and a second group.
Usage: python upgrade_history.py DATABASE_URL. Prints the database's row counts as JSON.

Written against the e2e helpers that every release since session 9 has (tests/faults_db/conftest.py), so the
old release's own code writes the rows: what an administrator's database holds when they upgrade."""

from __future__ import annotations

import asyncio
import sys
from types import SimpleNamespace

from jobs.scheduling import summary_planner_tick
from tests.faults_db.conftest import bot_env, command, committee, tick

CONCLUSION = (
    "/nhap\n"
    "1. Giao Văn phòng hoàn thiện báo cáo chuyển đổi số quý IV trước ngày 18/12/2026.\n"
    "2. Giao Công an phường rà soát hộ tạm trú trên địa bàn trước ngày 22/12/2026."
)


async def seed(database_url: str) -> None:
    async with bot_env(database_url) as env:
        w = env.world
        chair, binh, group = await committee(env)
        await command(env, chair, group, "/donvi them Văn phòng HĐND&UBND = VP, Văn phòng")
        await command(env, chair, group, "/donvi them Công an phường = CA")
        await command(env, chair, group, "/giao Văn phòng rà soát camera an ninh xong trước ngày 25/11")
        await command(env, chair, group, "/giao Công an phường báo cáo tình hình trật tự trước 27/11")
        await command(env, chair, group, "/giao Văn phòng tổng hợp số liệu chuyển đổi số trước 4/12")
        await command(env, chair, group, "/xong 1 đã lắp thêm 4 camera")
        await command(env, chair, group, "/giao anh Bình lập danh sách hộ cận nghèo trước 9/12")
        for _ in range(10):
            env.advance(days=1)
            await summary_planner_tick(SimpleNamespace(application=env.app))  # type: ignore[arg-type]
            await tick(env)
        await command(env, binh, group, "/giahan 4 18/12 chờ số liệu của tổ dân phố")
        preview = await env.say(chair, group, CONCLUSION)
        label = next(t for t in preview.button_texts() if "Lưu tất cả" in t)
        await env.press(chair, preview, label)
        second = w.add_group("BCĐ An toàn giao thông", creator=chair)
        await env.idle()
        await command(env, chair, second, "/giao Công an phường ra quân kiểm tra mũ bảo hiểm trước 20/12")
        print(env.clock.now().isoformat())


if __name__ == "__main__":
    asyncio.run(seed(sys.argv[1]))
