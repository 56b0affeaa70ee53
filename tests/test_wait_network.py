"""bot/wait_network.py: under systemd, a bot started before the network waits for Telegram quietly."""

from __future__ import annotations

import logging

import pytest

from bot.wait_network import LONGEST_WAIT, under_service_manager, wait_for_telegram


class FakeTime:
    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    def monotonic(self) -> float:
        return self.t


def test_only_a_service_manager_makes_the_bot_wait() -> None:
    assert under_service_manager({"INVOCATION_ID": "5f1c0d"})
    assert not under_service_manager({"TERM": "xterm"})  # a terminal: fail at once, with the clear line


def test_an_hour_without_network_writes_a_handful_of_lines_then_starts(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeTime()
    down_until = 3600.0
    told: list[str] = []

    def probe() -> BaseException | None:
        return OSError("Network is unreachable") if clock.t < down_until else None

    with caplog.at_level(logging.WARNING, logger="nhacviec"):
        wait_for_telegram(probe, failed=lambda exc: told.append(f"down {exc}"), answered=lambda: told.append("up"),
                          sleep=clock.sleep, monotonic=clock.monotonic)
    assert told == ["down Network is unreachable", "up"]  # the monitor's two lines, once each
    assert 3600 <= clock.t < 3600 + LONGEST_WAIT + 1  # started within a minute of the network coming
    assert clock.sleeps[:4] == [2.0, 4.0, 8.0, 16.0] and max(clock.sleeps) == LONGEST_WAIT
    reminders = [r.getMessage() for r in caplog.records]
    assert len(reminders) == 5 and all(m.startswith("still waiting for Telegram") for m in reminders)  # every 10 min


def test_telegram_answering_at_once_costs_nothing() -> None:
    clock = FakeTime()
    told: list[str] = []
    wait_for_telegram(lambda: None, failed=lambda exc: told.append("down"), answered=lambda: told.append("up"),
                      sleep=clock.sleep, monotonic=clock.monotonic)
    assert told == [] and clock.sleeps == []
