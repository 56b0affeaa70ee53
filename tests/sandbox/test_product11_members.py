"""product11: the sandbox page's member controls. Nobody could try the role features as a user: there was
no way on the page to make someone a group administrator, take it back or remove them. Now an
administrator persona does it from «Thành viên nhóm», through the emulator's chat-member changes, and
the bot acts on the chat_member updates Telegram would send it."""

from __future__ import annotations

from typing import Any

import aiohttp

from bot import texts as T
from bot.sandbox import Sandbox
from tests.sandbox.chromium import expect, needs_chromium


async def _send(page: Any, text: str) -> None:
    await page.fill("#input", text)
    await page.press("#input", "Enter")


@needs_chromium
async def test_the_chair_promotes_then_demotes_the_secretary_and_the_bot_refuses_him_a_chairs_command(
    page: Any, sandbox: Sandbox
) -> None:
    minh = sandbox.personas["secretary"].user.id
    await expect(page.locator("#messages")).to_contain_text("Thư ký")  # the setup's /vaitro
    await _send(page, "/giao @hoa_vanphong rà soát hồ sơ thủ tục một cửa trước ngày 2/12")
    await expect(page.locator("#messages .row.bot").last).to_contain_text("Đã ghi nhiệm vụ #1")
    await _send(page, "/giao @hoa_vanphong cập nhật tin bài lên Cổng TTĐT trước ngày 4/12")
    await expect(page.locator("#messages .row.bot").last).to_contain_text("Đã ghi nhiệm vụ #2")

    row = page.locator(f"#members li[data-member='{minh}']")
    await expect(row).to_contain_text("Thành viên")
    await row.locator("button[data-action=promote]").click()  # Lan makes Minh a group administrator
    await expect(row).to_contain_text("Quản trị viên")
    await page.click("#personas li[data-persona=secretary]")
    await _send(page, "/huy 1 trùng việc")  # an administrator is a chair: he may cancel
    await expect(page.locator("#messages")).to_contain_text("đã được huỷ bởi Trần Văn Minh")

    await page.click("#personas li[data-persona=chair]")
    await row.locator("button[data-action=demote]").click()  # Lan takes it back
    await expect(row).to_contain_text("Thành viên")
    await page.click("#personas li[data-persona=secretary]")
    await _send(page, "/huy 2 trùng việc")  # a secretary again: the bot heard the demotion at once
    await expect(page.locator("#messages .row.bot").last).to_contain_text("Chỉ Trưởng ban mới được huỷ")


async def test_only_an_administrator_changes_members_and_a_removal_reaches_the_bot(sandbox: Sandbox) -> None:
    chair, minh, binh = (sandbox.personas[k].user.id for k in ("chair", "secretary", "member"))
    assert sandbox.group is not None
    sandbox.send(binh, sandbox.group.id, "Chào cả nhóm")  # the bot meets Bình
    await sandbox.idle()
    sandbox.send(chair, sandbox.group.id, "/giao @binh_pham rà soát hồ sơ một cửa trước ngày 2/12")
    await sandbox.idle()
    async with aiohttp.ClientSession() as http:
        async def member(user: int, who: int, action: str) -> tuple[int, Any]:
            body = {"user": user, "member": who, "action": action}
            async with http.post(sandbox.url + "/api/member", json=body) as res:
                return res.status, await res.json()

        status, refused = await member(binh, minh, "promote")  # Bình is no administrator
        assert status == 400 and T.SANDBOX_MEMBER_NOT_ADMIN in refused["error"]
        status, refused = await member(chair, chair, "demote")
        assert status == 400 and T.SANDBOX_MEMBER_CREATOR in refused["error"]
        status, done = await member(chair, binh, "remove")
        assert status == 200
        assert {m["id"]: m["status"] for m in done["result"]["members"]}[binh] == "kicked"
        told = [m.plain for m in sandbox.world.bot_messages(sandbox.group)]
        assert told[-1].startswith("👋 Phạm Quốc Bình đã rời nhóm.") and "#1" in told[-1], told[-1]
        status, back = await member(chair, binh, "add")
        assert status == 200 and {m["id"]: m["status"] for m in back["result"]["members"]}[binh] == "member"
