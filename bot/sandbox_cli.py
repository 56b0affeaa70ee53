"""`nhacviec sandbox [--db FILE] [--port 8080]`: the bot in a browser, without Telegram or a token."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import getpass
import os
import signal
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot import texts as T
from bot.cli_parser import VietnameseParser, port_number


def parser() -> argparse.ArgumentParser:
    p = VietnameseParser(prog="nhacviec sandbox", description=T.SANDBOX_HELP)
    p.add_argument("--db", metavar="TỆP", help=T.SANDBOX_HELP_DB)
    p.add_argument("--port", type=port_number, metavar=T.CLI_PORT_METAVAR, default=8080, help=T.SANDBOX_HELP_PORT)
    p.add_argument("--host", default="127.0.0.1", metavar=T.CLI_HOST_METAVAR, help=T.SANDBOX_HELP_HOST)
    p.add_argument("--force", action="store_true", help=T.SANDBOX_HELP_FORCE)
    return p


# The mark of a sandbox's database: SQLite's application_id header field (PRAGMA application_id),
# which the bot never sets. A database without it is someone's real data: the sandbox moves its
# clock, sends its reminders (to the emulator) and counts their attempts, so it refuses it unless
# told otherwise (--force).
SANDBOX_APPLICATION_ID = 0x4E565342  # "NVSB"


def application_id(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def mark_as_sandbox(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id={SANDBOX_APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()


def check_database(path: Path, *, force: bool) -> str | None:
    """Why the sandbox must not use `path` (a Vietnamese message), or None."""
    if not path.exists() or path.stat().st_size == 0:
        return None  # a new database: the sandbox's own
    try:
        mark = application_id(path)
    except sqlite3.Error:
        return T.SANDBOX_NOT_A_DATABASE.format(path=path)
    if mark != SANDBOX_APPLICATION_ID and not force:
        return T.SANDBOX_NOT_ITS_DATABASE.format(path=path)
    return None


def state_path(db: Path) -> Path:
    """Where a --db sandbox keeps its clock and its conversation between runs."""
    return db.with_name(db.name + ".sandbox.json")


def resume_point(db: Path) -> tuple[datetime | None, int]:
    """(the latest time recorded in the database, the first message id above those it refers to),
    read through db/resume.py (read-only)."""
    from db.resume import resume_point_of_file

    if not db.exists() or db.stat().st_size == 0:
        return None, 1
    point = asyncio.run(resume_point_of_file(db.resolve()))
    return point.latest, point.first_message_id


def ssh_hint(host: str, port: int, environ: dict[str, str] | None = None) -> str | None:
    """Over SSH (the usual way to a district's server), the page on 127.0.0.1 opens only on the server
    itself: an administrator who typed `scripts/start.sh` there opened http://127.0.0.1:8080 on their own
    computer and found nothing. Says how to reach it through the SSH connection (a tunnel), rather than
    suggesting --host 0.0.0.0, which would open the page to anyone who can reach the server."""
    env = os.environ if environ is None else environ
    parts = env.get("SSH_CONNECTION", "").split()
    if len(parts) != 4 or host not in ("127.0.0.1", "localhost", "::1"):
        return None
    server = parts[2] if ":" not in parts[2] else f"[{parts[2]}]"
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "USER"
    return T.SANDBOX_OVER_SSH.format(port=port, user=user, server=server)


async def serve(
    database_url: str, db_label: str, host: str, port: int, state: Path | None = None,
    start: datetime | None = None, first_message_id: int = 1,
) -> None:
    from bot.sandbox import Sandbox

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Ctrl+C or a plain `kill`: stop cleanly (the bot, the emulator, the temporary database).
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    async with Sandbox(database_url, host=host, port=port, state_file=state, start=start,
                       first_message_id=first_message_id) as sandbox:
        print(T.SANDBOX_STARTED.format(url=sandbox.url, db=db_label), flush=True)
        hint = ssh_hint(host, int(sandbox.url.rsplit(":", 1)[1]))
        if hint:
            print(hint, flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from bot.logging_setup import setup_logging

    # Quiet console: the page is where things happen; warnings and errors still show.
    setup_logging("WARNING", [])
    start: datetime | None = None
    first_message_id = 1
    with contextlib.ExitStack() as stack:
        if args.db:
            from bot.instance_lock import AlreadyRunning, InstanceLock

            path, label = Path(args.db).resolve(), str(Path(args.db).resolve())
            # Like a second bot: never beside a running one (it would release the bot's claims and
            # send its reminders), --force or not.
            lock = InstanceLock(f"sqlite:///{path}")
            try:
                lock.acquire()
            except AlreadyRunning as exc:
                print(T.SANDBOX_DB_IN_USE.format(lock=exc), file=sys.stderr)
                return 3
            stack.callback(lock.release)
            refusal = check_database(path, force=args.force)
            if refusal:
                print(refusal, file=sys.stderr)
                return 2
            if not path.exists() or path.stat().st_size == 0:
                mark_as_sandbox(path)
                state_path(path).unlink(missing_ok=True)  # a new database: a new conversation
            state: Path | None = state_path(path)
            if not state.exists():
                latest, first_message_id = resume_point(path)
                if latest is not None and latest > datetime.now(UTC):
                    start = latest  # the bot's time had been moved ahead: it never goes back
        else:
            state = None
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="nhacviec-sandbox-"))
            path, label = Path(folder) / "sandbox.db", T.SANDBOX_DB_TEMPORARY
            mark_as_sandbox(path)
        try:
            asyncio.run(serve(f"sqlite:///{path}", label, args.host, args.port, state, start, first_message_id))
        except KeyboardInterrupt:
            return 0
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                print(T.SANDBOX_PORT_BUSY.format(port=args.port), file=sys.stderr)
                return 2
            raise
    return 0
