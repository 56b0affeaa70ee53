"""The `nhacviec` command: run the bot, parse text, and the tools around them."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from bot import texts as T

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.settings import Settings


# Updates the bot handles; the same list in polling and webhook mode (and in bot.app.running).
# chat_member (people joining, leaving, promoted, demoted) comes only when asked for by name, and
# only where the bot is an administrator; elsewhere "left_chat_member" messages and getChatMember
# tell the bot (handlers/membership.py).
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "chat_member", "edited_message"]


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("nhacviec")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+source"


def _run(args: argparse.Namespace) -> int:
    return run_bot(_settings(), webhook=bool(args.webhook))


def _startup_line(settings: Settings, mode: str) -> str:
    """What is running against what: the mode, the database (password masked), the Bot API."""
    from bot.logging_setup import Redactor

    try:
        database = settings.safe_database_url
    except Exception:  # unparsable: say nothing of it rather than risk the password
        database = "?"
    api = Redactor(settings.secrets)(settings.telegram_api_url)
    return f"Nhắc việc {version()} starting: {mode}, database {database}, Bot API {api}"


def run_bot(settings: Settings, *, webhook: bool = False, clock: Clock | None = None) -> int:
    """Run until SIGINT/SIGTERM. Polling by default; webhook with --webhook or WEBHOOK_URL set.

    On SQLite a second instance is refused (bot.instance_lock); on PostgreSQL any number may run
    behind a load balancer: the dispatcher's claims (FOR UPDATE SKIP LOCKED) share the work out.
    `clock` is for tests that move time in a bot subprocess.
    """
    from telegram.error import InvalidToken

    from bot.instance_lock import AlreadyRunning, InstanceLock
    from bot.logging_setup import setup_logging
    from bot.metrics import MONITOR, status_path_for
    from bot.wait_network import telegram_answers, under_service_manager, wait_for_telegram
    from bot.webhook import WebhookConfigError, webhook_config

    if not settings.bot_token:
        from bot.config_check import config_file_hint

        print(T.NO_TOKEN, file=sys.stderr)
        if hint := config_file_hint():
            print(hint, file=sys.stderr)
        return 2
    from bot.config_check import token_problem

    if problem := token_problem(settings.bot_token):  # before Telegram is asked: no network said "unreachable"
        print(problem, file=sys.stderr)
        return 2
    from bot.restore import interrupted_restore

    if cut := interrupted_restore(settings.database_url):  # else a new, empty database is made
        print(T.OPS15_RESTORE_INTERRUPTED.format(partial=cut), file=sys.stderr)
        return 2
    hook = None
    if webhook or settings.webhook_url:
        try:
            hook = webhook_config(settings)
        except WebhookConfigError as exc:
            print(exc, file=sys.stderr)
            return 2
    # The webhook's path is a secret too: whoever knows it (and the token) can post updates.
    secrets = [*settings.secrets, hook.url_path if hook else ""]
    setup_logging(settings.log_level, [s for s in secrets if s])
    lock = InstanceLock(settings.database_url)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(T.SECOND_INSTANCE_REFUSED.format(lock=exc), file=sys.stderr)
        return 3
    from bot.app import build_application
    from bot.clock import clock_from_env

    mode = "webhook" if hook is not None else "polling"
    logging.getLogger("nhacviec").info("%s", _startup_line(settings, mode))
    MONITOR.configure(status_path_for(settings), mode=mode, dispatch_interval=settings.dispatch_interval)
    try:
        app = build_application(settings, clock or clock_from_env())  # the database is ready: status reads it
        revoked = TokenRevoked(app)
        MONITOR.on_token_rejected = revoked
        if under_service_manager(os.environ):  # at boot the network may come after us (bot/wait_network.py)
            wait_for_telegram(
                lambda: telegram_answers(settings.api_base_url, settings.bot_token or ""),
                failed=lambda exc: MONITOR.telegram_failed(exc, channel="startup"),
                answered=lambda: MONITOR.telegram_ok(channel="startup"),
            )
        if hook is not None:
            print(T.WEBHOOK_STARTING.format(listen=hook.listen, port=hook.port, path_hint=hook.path_hint),
                  file=sys.stderr)
            # PTB's tornado server refuses (403) any request whose X-Telegram-Bot-Api-Secret-Token
            # is not secret_token; setWebhook registers the public URL (each instance sets the same
            # one, so a restart of any of them keeps Telegram pointed at the load balancer).
            run = partial(app.run_webhook, **hook.server_options())
        else:
            run = app.run_polling
        try:
            run(allowed_updates=ALLOWED_UPDATES, close_loop=False)
        except InvalidToken:
            if not revoked.seen:
                raise  # at start-up: bot.startup says it
        if revoked.seen:
            return revoked.stopped()
    finally:
        MONITOR.on_token_rejected = None
        MONITOR.stopped()
        lock.release()
    return 0


class TokenRevoked:
    """Telegram answered 401 to a running bot: its token was revoked or replaced in @BotFather. PTB then
    gives up polling and the bot stayed up, deaf, with `nhacviec status` saying all was well, until someone
    restarted it. Now it stops, says what to do in one line, and exits 2 (systemd does not restart it:
    RestartPreventExitStatus), so `systemctl status` and `nhacviec status` show the problem."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen = False

    def __call__(self) -> None:
        if self.seen or not self.app.running:  # at start-up a 401 is bot.startup's to tell
            return
        self.seen = True
        logging.getLogger("nhacviec").error(
            "Telegram rejected the token while running (revoked in @BotFather?): stopping")
        self.app.stop_running()

    def stopped(self) -> int:
        """PTB's run_* re-raised the polling task's InvalidToken before stopping the application: stop it here
        (the loop was left open for this), so that no task is left pending, then say what to do."""
        import asyncio
        import contextlib

        loop = asyncio.get_event_loop()
        with contextlib.suppress(Exception):
            if self.app.running:
                loop.run_until_complete(self.app.stop())
            loop.run_until_complete(self.app.shutdown())
            if self.app.post_shutdown is not None:
                loop.run_until_complete(self.app.post_shutdown(self.app))
        loop.close()
        from bot.config_check import config_file_hint

        print(T.OPS15_TOKEN_REVOKED, file=sys.stderr)
        if hint := config_file_hint():
            print(hint, file=sys.stderr)
        return 2


def _run_guarded(args: argparse.Namespace) -> int:
    """`nhacviec run`, with what makes it fail at start-up told in one clear line (bot/texts.py)."""
    from bot.settings import SettingsError

    try:
        return _run(args)
    except SettingsError:
        raise  # told by main() in one line, exit 2
    except Exception as exc:
        from bot.settings import load_settings
        from bot.startup import startup_failed

        return startup_failed(exc, load_settings())


def _settings() -> Settings:
    """The settings; what cannot work as written (DATABASE_URL, TZ_NAME, LOG_LEVEL) refused first."""
    from bot.config_check import check_settings
    from bot.settings import load_settings

    settings = load_settings()
    check_settings(settings)
    return settings


def _backup(args: argparse.Namespace) -> int:
    from bot.backup import run_backup
    from bot.metrics import status_path_for

    settings = _settings()
    return run_backup(settings.database_url, args.to, args.keep, status_path_for(settings).parent)


def _keep_count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(T.BACKUP_KEEP_INVALID.format(value=value))
    return int(value)


def _keep_aside_count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:  # the copy this restore makes always stays
        raise argparse.ArgumentTypeError(T.RESTORE_KEEP_INVALID.format(value=value))
    return int(value)


def _restore(args: argparse.Namespace) -> int:
    from bot.restore import run_check, run_restore

    if args.check:  # no settings needed: it reads the backup only (works while the bot runs)
        return run_check(args.file)
    return run_restore(_settings().database_url, args.file, args.keep_aside)


def _status(args: argparse.Namespace) -> int:
    from bot.status import run_status

    return run_status(_settings())


def _db(args: argparse.Namespace) -> int:
    from bot.dbcli import run_db

    return run_db(_settings(), args.action, getattr(args, "revision", None), backup=not args.no_backup)


def _migrate_to_postgres(args: argparse.Namespace) -> int:
    from bot.migrate_pg import run_migrate_to_postgres

    # A URL without its password: asked for at a terminal, not echoed, kept out of the history and sudo's log.
    ask = _ask_pg_password if sys.stdin.isatty() else None
    return run_migrate_to_postgres(_settings().database_url, args.to, ask)


def _ask_pg_password() -> str:
    import getpass

    return getpass.getpass(T.OPS15_PG_PASSWORD_PROMPT)


def _take_env_file(argv: list[str]) -> list[str]:
    """`--env-file FILE` anywhere before the command: where `.env` is read from (NHACVIEC_ENV_FILE)."""
    import os

    from bot.settings import ENV_FILE_VARIABLE

    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--env-file" and i + 1 < len(argv):
            os.environ[ENV_FILE_VARIABLE] = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--env-file="):
            os.environ[ENV_FILE_VARIABLE] = arg.split("=", 1)[1]
            i += 1
            continue
        if not arg.startswith("-"):
            out.extend(argv[i:])  # the command and its own arguments
            break
        out.append(arg)
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    argv = _take_env_file(list(sys.argv[1:] if argv is None else argv))
    from bot.cli_parser import VietnameseParser, name_choices

    parser = VietnameseParser(prog="nhacviec", description=T.CLI_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"nhacviec {version()}", help=T.OPS15_CLI_VERSION)
    parser.add_argument("--env-file", metavar="TỆP", help=T.CLI_ENV_FILE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help=T.CLI_RUN_HELP)
    run.add_argument("--webhook", action="store_true", help=T.CLI_WEBHOOK_HELP)
    backup = sub.add_parser("backup", help=T.CLI_BACKUP_HELP)
    backup.add_argument("--to", metavar="TỆP", help=T.CLI_BACKUP_TO_HELP)
    backup.add_argument("--keep", metavar="N", type=_keep_count, help=T.CLI_BACKUP_KEEP_HELP)
    restore = sub.add_parser("restore", help=T.CLI_RESTORE_HELP)
    restore.add_argument("file", metavar="TỆP", help=T.CLI_RESTORE_FILE_HELP)
    restore.add_argument("--keep-aside", metavar="N", type=_keep_aside_count, help=T.CLI_RESTORE_KEEP_HELP)
    restore.add_argument("--check", action="store_true", help=T.OPS15_CLI_RESTORE_CHECK_HELP)
    sub.add_parser("status", help=T.CLI_STATUS_HELP)
    db = sub.add_parser("db", help=T.CLI_DB_HELP)
    db.add_argument("--no-backup", action="store_true", help=T.CLI_DB_NO_BACKUP_HELP)
    actions = db.add_subparsers(dest="action", required=True)
    actions.add_parser("current", help=T.CLI_DB_CURRENT_HELP)
    actions.add_parser("history", help=T.CLI_DB_HISTORY_HELP)
    up = actions.add_parser("upgrade", help=T.CLI_DB_UPGRADE_HELP)
    down = actions.add_parser("downgrade", help=T.CLI_DB_DOWNGRADE_HELP)
    down.add_argument("revision", metavar="REV", help=T.OPS15_CLI_DB_REV_HELP)
    for changing in (up, down):  # `db upgrade --no-backup`, as one types it, not only `db --no-backup upgrade`
        # SUPPRESS: given before the action, the subcommand's own default must not turn it back off.
        changing.add_argument("--no-backup", action="store_true", default=argparse.SUPPRESS,
                              help=T.CLI_DB_NO_BACKUP_HELP)
    move = sub.add_parser("migrate-to-postgres", help=T.CLI_MIGRATE_PG_HELP)
    move.add_argument("--to", metavar="URL", required=True, help=T.CLI_MIGRATE_PG_TO_HELP)
    sub.add_parser("parse", help=T.CLI_PARSE_HELP, add_help=False)
    sub.add_parser("sandbox", help=T.SANDBOX_HELP, add_help=False)
    for name, description in (("run", T.CLI_RUN_HELP), ("backup", T.CLI_BACKUP_HELP), ("restore", T.CLI_RESTORE_HELP),
                              ("status", T.OPS15_CLI_STATUS_DESCRIPTION), ("db", T.CLI_DB_HELP),
                              ("migrate-to-postgres", T.CLI_MIGRATE_PG_HELP)):
        sub.choices[name].description = description  # `nhacviec status --help` said nothing of what it does
    name_choices(sub)
    name_choices(actions)
    if argv and argv[0] == "parse":
        from bot.parse_cli import main as parse_main

        return parse_main(argv[1:])
    if argv and argv[0] == "sandbox":
        from bot.sandbox_cli import main as sandbox_main

        return sandbox_main(argv[1:])
    args = parser.parse_args(argv)
    commands = {
        "run": _run_guarded,
        "backup": _backup,
        "restore": _restore,
        "status": _status,
        "db": _db,
        "migrate-to-postgres": _migrate_to_postgres,
    }
    from bot.config_check import ConfigError
    from bot.settings import ENV_FILE_VARIABLE, SettingsError

    given = os.environ.get(ENV_FILE_VARIABLE)
    if given:  # named by the administrator (or the systemd wrapper): never silently run without it
        if not os.path.isfile(given):
            print(T.ENV_FILE_MISSING.format(path=given), file=sys.stderr)
            return 2
        if not os.access(given, os.R_OK):
            print(T.ENV_FILE_UNREADABLE.format(path=given), file=sys.stderr)
            return 2
    try:
        return commands[args.command](args)
    except ConfigError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except SettingsError as exc:
        print(T.SETTING_INVALID.format(name=exc.name), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
