"""`nhacviec sandbox [--db FILE] [--port 8080]`: the bot in a browser, without Telegram or a token."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import signal
import sys
import tempfile
from pathlib import Path

from bot import texts as T


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nhacviec sandbox", description=T.SANDBOX_HELP)
    p.add_argument("--db", metavar="TỆP", help=T.SANDBOX_HELP_DB)
    p.add_argument("--port", type=int, default=8080, help=T.SANDBOX_HELP_PORT)
    p.add_argument("--host", default="127.0.0.1", help=T.SANDBOX_HELP_HOST)
    return p


async def serve(database_url: str, db_label: str, host: str, port: int) -> None:
    from bot.sandbox import Sandbox

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Ctrl+C or a plain `kill`: stop cleanly (the bot, the emulator, the temporary database).
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    async with Sandbox(database_url, host=host, port=port) as sandbox:
        print(T.SANDBOX_STARTED.format(url=sandbox.url, db=db_label), flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from bot.logging_setup import setup_logging

    # Quiet console: the page is where things happen; warnings and errors still show.
    setup_logging("WARNING", [])
    with contextlib.ExitStack() as stack:
        if args.db:
            path, label = Path(args.db).resolve(), str(Path(args.db).resolve())
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="nhacviec-sandbox-"))
            path, label = Path(folder) / "sandbox.db", T.SANDBOX_DB_TEMPORARY
        try:
            asyncio.run(serve(f"sqlite:///{path}", label, args.host, args.port))
        except KeyboardInterrupt:
            return 0
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                print(T.SANDBOX_PORT_BUSY.format(port=args.port), file=sys.stderr)
                return 2
            raise
    return 0
