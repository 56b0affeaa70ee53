"""One committee set up for the tests that check people given a task directly are listed apart from
the units (test_qa3_summary_people: the summary and /tonghop; test_views_people_apart: the workbook,
the report, the chart, the board)."""

from __future__ import annotations

from dataclasses import dataclass

from emulator import Chat, User, text_mention
from tests.e2e.conftest import Env


@dataclass(frozen=True)
class PeopleCommittee:
    chair: User
    binh: User  # @binh_pham, in no unit
    hoa: User  # Hoa Trần, in no unit and without a username (named by a text mention)
    group: Chat


async def people_and_a_unit(env: Env, *, binh_due: str, hoa_due: str) -> PeopleCommittee:
    """Lan chairs; «Công an phường» (CA) leads #1, done, and #2; Bình leads #3 (due `binh_due`) and Hoa
    #4 (due `hoa_due`), both given to them by name, so that they are counted under no unit."""
    w = env.world
    chair = w.add_user("Lan", "Nguyễn", username="lan_chutich")
    binh = w.add_user("Bình", "Phạm", username="binh_pham")
    hoa = w.add_user("Hoa", "Trần")
    group = w.add_group("BCĐ Chuyển đổi số phường Sài Đồng", creator=chair, members=[binh, hoa])
    await env.say(chair, group, "/donvi them Công an phường = CA")
    await env.say(chair, group, "/giao CA rà soát camera an ninh trước ngày 15/12")
    await env.say(chair, group, "/giao CA kiểm tra cư trú tổ 5 trước ngày 18/12")
    await env.say(chair, group, f"/giao @binh_pham cập nhật cổng thông tin trước ngày {binh_due}")
    await env.say(chair, group, ["/giao ", text_mention(hoa), f" tổng hợp số liệu trước ngày {hoa_due}"])
    await env.say(chair, group, "/xong 1")
    return PeopleCommittee(chair, binh, hoa, group)
