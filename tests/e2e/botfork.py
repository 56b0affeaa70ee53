"""A fork server for the killed-bot tests (test_crash_restart.py, test_membership_restart.py).

Those tests start `nhacviec run` again after each kill -9, and importing the bot (python-telegram-bot,
SQLAlchemy, Alembic, the handlers, the Vietnamese lexicons) costs about 1.5 s of CPU per start: 31
starts were half the CPU of the crash test, which on a loaded CI machine turned into minutes. This
process imports the bot once, then forks one bot process per `start`: each is a real process of its
own (its own memory, its own event loop, engine and connections, all made after the fork), killed by
SIGKILL as before; only the imports are not repeated. Nothing runs here before a fork but imports
(no thread, no loop, no connection: the bot's modules open nothing at import), so a child starts from
the state a fresh interpreter would have reached after the same imports.

Protocol, one line each way on stdin/stdout (run as `python -m tests.e2e.botfork`, with the bot's
environment and working directory): "ready" once imported; `start LOGFILE` -> the child's pid (it runs
`bot.cli.main(["run"])`, its output to LOGFILE); `wait PID` -> its exit status once it is gone (the
server is its parent: only it can reap it). End of input: the server exits.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

# What `nhacviec run` imports on its way up (bot.cli imports the rest lazily, in run_bot), and what it
# imports only once running: Viet Nam's holidays (domain.calendar loads the package's Vietnam calendar alone),
# the HTTP client's transport (httpcore, h11, anyio), the SQLite driver.
PRELOAD = (
    "bot.cli", "bot.app", "bot.clock", "bot.instance_lock", "bot.logging_setup", "bot.metrics", "bot.settings",
    "bot.startup", "bot.wait_network", "bot.webhook",
    "domain.calendar", "httpcore", "h11", "anyio._backends._asyncio", "aiosqlite",
)
for _name in PRELOAD:
    importlib.import_module(_name)
importlib.import_module("domain.calendar")._vietnam_calendar()


def _child(log_path: str) -> None:
    """In the forked child: output to the log, no stdin, then the bot as `nhacviec run` runs it."""
    code = 1
    try:
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the server's pipes are not the bot's
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.close(null)
        code = importlib.import_module("bot.cli").main(["run"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "start":
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(argument)
            print(pid, flush=True)
        elif command == "wait":
            _, status = os.waitpid(int(argument), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)
        else:
            print(f"unknown command {command!r}", flush=True)


if __name__ == "__main__":
    serve()
