"""A district over 12 wards (~290 tasks Sep-Dec 2026, MULT=10: ~2,900), opened as its chair in headless Chromium
at 360 and 1280 px on Monday 7/12 (the summary reports November): screenshots in /tmp/board17/, the summary's
text, and the district's and a ward's board API times (median of 6). NOSHOT=1: times only.

    NOSHOT=1 MULT=10 .venv/bin/python bench/district_board.py

board17 (7 Dec 2026, loaded 2-core machine): district GET 2.75 s -> 0.14 s (db.board.counting_views)."""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.makedirs("/tmp/board17", exist_ok=True)
from playwright.async_api import async_playwright, expect  # noqa: E402

from bot.sandbox import Sandbox  # noqa: E402
from bot.services import services_of  # noqa: E402
from db import board as db_board  # noqa: E402
from db import tasks as db_tasks  # noqa: E402
from db.committees import committee_by_chat  # noqa: E402
from db.tasks import NewAssignee  # noqa: E402
from domain.types import Deadline, DeadlineKind  # noqa: E402

START = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # Monday 7/12 09:00 Hà Nội: the summary reports November
TODAY = date(2026, 12, 7)
WARDS = [
    "BCĐ phường Bồ Đề",
    "BCĐ phường Phúc Lợi",
    "BCĐ phường Việt Hưng",
    "BCĐ phường Long Biên",
    "BCĐ phường Ái Mộ",
    "Ban Chỉ đạo Chuyển đổi số và Đề án 06 phường Phúc Đồng (giai đoạn 2025-2030)",
    "BCĐ phường Thạch Bàn",
    "BCĐ phường Cự Khối",
    "BCĐ phường Giang Biên",
    "BCĐ phường Đức Giang",
    "BCĐ phường Ngọc Thụy",
]  # + the sandbox's own ward = 12
UNITS = [
    "Văn phòng HĐND&UBND",
    "Công an phường",
    "Trạm Y tế phường",
    "Đoàn Thanh niên",
    "Phòng Văn hóa, Khoa học và Thông tin kiêm Trung tâm Văn hóa - Thể thao và Truyền thông phường",
    "Ban Chỉ huy Quân sự",
    "Tổ dân phố số 12",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
]
VERBS = [
    "Rà soát hồ sơ thủ tục hành chính",
    "Cập nhật dữ liệu dân cư",
    "Tuyên truyền cài đặt VNeID",
    "Kiểm tra an toàn thực phẩm bếp ăn tập thể",
    "Lắp camera an ninh tổ dân phố",
    "Tổng hợp báo cáo chuyển đổi số",
    "Số hóa hồ sơ hộ tịch giai đoạn 2015-2020",
]


async def seed(sb: Sandbox, group, rng: random.Random, count: int) -> None:
    async with services_of(sb.app).session_factory() as s, s.begin():
        committee = await committee_by_chat(s, group.id)
        assert committee is not None
        for n in range(count):
            assigned = date(2026, 9, 1) + timedelta(days=rng.randrange(0, 97))
            due = assigned + timedelta(days=rng.randrange(7, 60))
            task = await db_tasks.create_task(
                s,
                committee,
                text=f"{rng.choice(VERBS)} đợt {n + 1}",
                assignees=[NewAssignee("lead", rng.choice(UNITS))],
                deadline=Deadline(DeadlineKind.DATE, due),
                due=due,
                assigned_on=assigned,
                actor_id=None,
                now=datetime.combine(assigned, datetime.min.time(), UTC),
            )
            r = rng.random()
            if (due < TODAY and r < 0.65) or (due >= TODAY and r < 0.2):
                done = min(TODAY, due + timedelta(days=rng.randrange(-10, 8)))
                done = max(done, assigned)
                task.status, task.closed_on = "done", done
                task.closed_at = datetime.combine(done, datetime.min.time(), UTC)
            elif r > 0.97:
                task.status, task.closed_on = "cancelled", due
                task.closed_at = datetime.combine(due, datetime.min.time(), UTC)


async def main() -> None:
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as folder:
        async with (
            Sandbox(f"sqlite:///{folder}/d.db", port=0, start=START, realtime=False, dispatch_interval=3600) as sb,
            async_playwright() as pw,
        ):
            w = sb.world
            dchair = w.add_user("Hằng", "Nguyễn", username="hang_quan")
            district = w.add_group("BCĐ Chuyển đổi số quận Long Biên", creator=dchair)
            sb.send(dchair.id, district.id, "/donvi")
            await sb.idle()
            groups = [sb.group]
            for i, title in enumerate(WARDS):
                chair = w.add_user(f"Chủ tịch {i}", "Trần", username=f"ct_ward{i}")
                g = w.add_group(title, creator=chair)
                sb.send(chair.id, g.id, "/donvi")
                await sb.idle()
                groups.append(g)
            counts = [c * int(os.environ.get("MULT", "1")) for c in [40, 25, 0, 30, 18, 35, 22, 27, 3, 33, 28, 30]]
            t0 = time.perf_counter()
            for g, c in zip(groups, counts, strict=True):
                await seed(sb, g, rng, c)
            async with services_of(sb.app).session_factory() as s, s.begin():
                up = await committee_by_chat(s, district.id)
                for g in groups:
                    low = await committee_by_chat(s, g.id)
                    await db_board.link(s, up.id, low.id, None, sb.clock.now())
            print("seeded", sum(counts), time.perf_counter() - t0)
            browser = await pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            expect.set_options(timeout=20_000)
            dlink = sb.url + sb.board_link(dchair.id, district.id)
            for width in () if os.environ.get("NOSHOT") else (360, 1280):
                page = await browser.new_page(viewport={"width": width, "height": 800}, locale="vi-VN")
                t0 = time.perf_counter()
                await page.goto(dlink)
                await expect(page.locator(".lower").first).to_be_visible()
                print("district load", width, time.perf_counter() - t0)
                await page.screenshot(path=f"/tmp/board17/district_lower_{width}.png", full_page=True)
                await page.click("[data-tab=chart]")
                await page.screenshot(path=f"/tmp/board17/district_chart_{width}.png", full_page=True)
                await page.click("[data-tab=lower]")
                t0 = time.perf_counter()
                await page.locator(".lower button").first.click()
                await expect(page.locator(".task").first).to_be_visible()
                print("ward load", width, time.perf_counter() - t0)
                await page.screenshot(path=f"/tmp/board17/ward_tasks_{width}.png", full_page=False)
                await page.click("[data-tab=chart]")
                await page.screenshot(path=f"/tmp/board17/ward_chart_{width}.png", full_page=True)
                await page.click("[data-tab=calendar]")
                await page.screenshot(path=f"/tmp/board17/ward_calendar_{width}.png", full_page=False)
                # the ward with no tasks
                await page.click("#up")
                await page.locator(".lower", has_text="Phúc Lợi").locator("button").click()
                await page.wait_for_timeout(800)
                await page.screenshot(path=f"/tmp/board17/ward_empty_{width}.png", full_page=True)
                await page.click("[data-tab=chart]")
                await page.screenshot(path=f"/tmp/board17/ward_empty_chart_{width}.png", full_page=True)
            # the ward secretary (sandbox's own ward)
            page = (
                None
                if os.environ.get("NOSHOT")
                else await browser.new_page(viewport={"width": 360, "height": 800}, locale="vi-VN")
            )
            if page:
                await page.goto(sb.url + sb.board_link(sb.personas["secretary"].user.id, sb.group.id))
                await expect(page.locator(".task").first).to_be_visible()
                await page.screenshot(path="/tmp/board17/secretary_tasks_360.png", full_page=False)
                await page.locator(".task").first.click()
                await expect(page.locator("#detail h2")).to_be_visible()
                await page.screenshot(path="/tmp/board17/secretary_detail_360.png", full_page=False)
            from jobs.summary import summary_messages

            async with services_of(sb.app).session_factory() as s:
                parts = await summary_messages(s, up.id, sb.clock.now())
            sb.send(dchair.id, district.id, "/tonghop")
            await sb.idle()
            await asyncio.sleep(2)
            await sb.idle()
            Path("/tmp/board17/summary.txt").write_text(  # noqa: ASYNC240 (a bench, one small file)
                "\n=====\n".join(parts)
                + "\n#####\n"
                + "\n-----\n".join(m.plain for m in w.bot_messages(district)[-4:])
            )
            import aiohttp

            base = sb.url + "/board/"
            from urllib.parse import parse_qs

            init = parse_qs(sb.board_link(dchair.id, district.id).split("#", 1)[1])["tgWebAppData"][0]
            async with aiohttp.ClientSession() as http:
                for cid, name in ((up.id, "district"), (low.id, "last ward")):
                    times = []
                    for _ in range(6):
                        t0 = time.perf_counter()
                        async with http.get(base + f"api/c/{cid}", headers={"Authorization": "tma " + init}) as r:
                            await r.read()
                            assert r.status == 200, r.status
                        times.append(time.perf_counter() - t0)
                    print(name, "api", sorted(times)[3])

            await browser.close()


asyncio.run(main())
