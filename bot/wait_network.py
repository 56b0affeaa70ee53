"""At boot the network may come up after the service: wait for Telegram before starting.

`After=network-online.target` is only as good as the distribution's wait-online unit (none is enabled
on many small servers), so at boot without a network `nhacviec run` failed with "Telegram
unreachable", systemd restarted it 5 s later, and the journal filled with eight lines every nine
seconds until the network came. Under a service manager the bot now waits for Telegram in-process:
one line when the wait begins (the monitor's «Telegram unreachable», so `nhacviec status` and
/healthz say so meanwhile), one every ten minutes while it lasts, one when Telegram answers.

Run by hand from a terminal it still fails at once with its one clear line: a wrong TELEGRAM_API_URL
typed by an administrator should be told, not waited on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

import httpx

log = logging.getLogger("nhacviec")

FIRST_WAIT = 2.0  # seconds before the second try; doubled each time up to LONGEST_WAIT
LONGEST_WAIT = 60.0
REMIND_EVERY = 600.0  # a line in the log every ten minutes while the wait lasts


def under_service_manager(environ: Mapping[str, str]) -> bool:
    """systemd sets INVOCATION_ID for every service it starts (since v232); a terminal does not."""
    return bool(environ.get("INVOCATION_ID"))


def telegram_answers(api_base_url: str, token: str, timeout: float = 10.0) -> BaseException | None:
    """None when Telegram's server answers at all (even 401: the token is start-up's to judge), else
    the transport error. The same proxy settings as the bot's own client (httpx reads the environment)."""
    try:
        httpx.get(f"{api_base_url}{token}/getMe", timeout=timeout)
    except httpx.TransportError as exc:
        return exc
    return None


def wait_for_telegram(
    probe: Callable[[], BaseException | None],
    *,
    failed: Callable[[BaseException], None],
    answered: Callable[[], None],
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> None:
    """Try `probe` until it answers, waiting 2, 4, 8 … up to 60 s between tries. `failed` is told of
    the first failure (the monitor logs its one line and marks Telegram unreachable), `answered` when
    it answers after a failure; in between, one line every REMIND_EVERY seconds."""
    error = probe()
    if error is None:
        return
    failed(error)
    began = last_line = monotonic()
    wait = FIRST_WAIT
    while True:
        sleep(wait)
        wait = min(LONGEST_WAIT, wait * 2)
        error = probe()
        if error is None:
            answered()
            return
        if monotonic() - last_line >= REMIND_EVERY:
            last_line = monotonic()
            log.warning("still waiting for Telegram (%.0f min): %s: %s", (last_line - began) / 60,
                        type(error).__name__, error)
