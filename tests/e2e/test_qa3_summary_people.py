"""The Monday summary and /tonghop: people given a task directly are not listed as if they were units."""

from __future__ import annotations

from tests.e2e.conftest import Env
from tests.e2e.peoplekit import people_and_a_unit
from tests.e2e.test_reminders_e2e import at, reminders, wake

__all__ = ["reminders"]  # the fixture, used by name


async def test_people_assigned_directly_are_listed_apart_from_units(reminders: Env) -> None:
    env = reminders
    committee = await people_and_a_unit(env, binh_due="20/12", hoa_due="22/12")
    chair, group = committee.chair, committee.group

    on_demand = (await env.say(chair, group, "/tonghop")).plain
    month = (await env.say(chair, group, "/tonghop thang 11/2026")).plain
    by_unit = month.split("Theo đơn vị chủ trì")[1].split("Giao trực tiếp cho cá nhân")[0]
    assert "• Công an phường: 1/2\n" in by_unit and "binh" not in by_unit and "Hoa" not in by_unit
    assert "• @binh_pham: 0/1" in month.split("Giao trực tiếp cho cá nhân")[1]
    before = len(env.world.bot_messages(group))
    await wake(env, at(2026, 11, 30, 7, 30))
    [posted] = [m.plain for m in env.world.bot_messages(group)[before:] if m.plain.startswith("📊")]
    for summary in (on_demand, posted):
        units = summary.split("Theo đơn vị")[1].split("Giao trực tiếp cho cá nhân")[0]
        assert "• Công an phường: 1/2\n" in units
        assert "binh" not in units and "Hoa" not in units
        people = summary.split("Giao trực tiếp cho cá nhân")[1]
        assert "• @binh_pham: 0/1" in people and "• Hoa Trần: 0/1" in people
        assert [line for line in summary.split("\n") if line != line.rstrip()] == []
