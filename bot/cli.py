"""The `nhacviec` command: run the bot, parse text, and the tools around them."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot import texts as T

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.settings import Settings


# Updates the bot handles; the same list in polling and webhook mode (and in bot.app.running).
# chat_member (people joining, leaving, promoted, demoted) comes only when asked for by name, and
# only where the bot is an administrator; elsewhere "left_chat_member" messages and getChatMember
# tell the bot (handlers/membership.py).
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "chat_member", "edited_message"]


def _run(args: argparse.Namespace) -> int:
    from bot.settings import load_settings

    return run_bot(load_settings(), webhook=bool(args.webhook))


def run_bot(settings: Settings, *, webhook: bool = False, clock: Clock | None = None) -> int:
    """Run until SIGINT/SIGTERM. Polling by default; webhook with --webhook or WEBHOOK_URL set.

    On SQLite a second instance is refused (bot.instance_lock); on PostgreSQL any number may run
    behind a load balancer: the dispatcher's claims (FOR UPDATE SKIP LOCKED) share the work out.
    `clock` is for tests that move time in a bot subprocess.
    """
    from bot.instance_lock import AlreadyRunning, InstanceLock
    from bot.logging_setup import setup_logging
    from bot.webhook import WebhookConfigError, webhook_config

    if not settings.bot_token:
        print(T.NO_TOKEN, file=sys.stderr)
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

    app = build_application(settings, clock or clock_from_env())
    try:
        if hook is not None:
            print(T.WEBHOOK_STARTING.format(listen=hook.listen, port=hook.port, path_hint=hook.path_hint),
                  file=sys.stderr)
            # PTB's tornado server refuses (403) any request whose X-Telegram-Bot-Api-Secret-Token
            # is not secret_token; setWebhook registers the public URL (each instance sets the same
            # one, so a restart of any of them keeps Telegram pointed at the load balancer).
            app.run_webhook(
                listen=hook.listen,
                port=hook.port,
                url_path=hook.url_path,
                webhook_url=hook.webhook_url,
                secret_token=hook.secret_token,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    finally:
        lock.release()
    return 0


def _run_guarded(args: argparse.Namespace) -> int:
    """`nhacviec run`, with what makes it fail at start-up told in one clear line (bot/texts.py)."""
    try:
        return _run(args)
    except Exception as exc:
        from bot.settings import load_settings
        from bot.startup import startup_failed

        return startup_failed(exc, load_settings())


def _backup(args: argparse.Namespace) -> int:
    from bot.backup import run_backup
    from bot.settings import load_settings

    return run_backup(load_settings().database_url, args.to)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="nhacviec", description=T.CLI_DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help=T.CLI_RUN_HELP)
    run.add_argument("--webhook", action="store_true", help=T.CLI_WEBHOOK_HELP)
    backup = sub.add_parser("backup", help=T.CLI_BACKUP_HELP)
    backup.add_argument("--to", metavar="FILE", help=T.CLI_BACKUP_TO_HELP)
    sub.add_parser("parse", help=T.CLI_PARSE_HELP, add_help=False)
    sub.add_parser("sandbox", help=T.SANDBOX_HELP, add_help=False)
    if argv and argv[0] == "parse":
        from bot.parse_cli import main as parse_main

        return parse_main(argv[1:])
    if argv and argv[0] == "sandbox":
        from bot.sandbox_cli import main as sandbox_main

        return sandbox_main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run_guarded(args)
    if args.command == "backup":
        return _backup(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
