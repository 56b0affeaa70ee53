"""The `nhacviec` command: run the bot, parse text, and the tools around them."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot import texts as T

if TYPE_CHECKING:
    from bot.settings import Settings


def _run(args: argparse.Namespace) -> int:
    from bot.instance_lock import AlreadyRunning, InstanceLock
    from bot.logging_setup import setup_logging
    from bot.settings import load_settings

    settings = load_settings()
    if not settings.bot_token:
        print(T.NO_TOKEN, file=sys.stderr)
        return 2
    # Before anything can fail: every log line and traceback from here on is masked.
    setup_logging(settings.log_level, settings.secrets)
    try:
        lock = InstanceLock(settings.database_url)
        lock.acquire()
    except AlreadyRunning as exc:
        print(T.SECOND_INSTANCE_REFUSED.format(lock=exc), file=sys.stderr)
        return 3
    except Exception as exc:  # e.g. an unparsable DATABASE_URL (the error quotes it, password too)
        return _startup_failed(exc, settings)
    try:
        return _serve(args, settings)
    except Exception as exc:  # at start-up: one clear line, and the traceback (masked) in the log
        return _startup_failed(exc, settings)
    finally:
        lock.release()


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_application

    app = build_application(settings)
    if args.webhook or settings.webhook_url:
        if not settings.webhook_url:
            print("WEBHOOK_URL chưa được đặt.", file=sys.stderr)
            return 2
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=_webhook_path(settings.webhook_url),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
        )
    else:
        app.run_polling(allowed_updates=["message", "callback_query", "my_chat_member", "edited_message"])
    return 0


def _startup_failed(exc: Exception, settings: Settings) -> int:
    """PTB's InvalidToken quotes the token, and a driver error may quote the database URL: the user
    reads a fixed Vietnamese text; the details go to the (redacting) log — a traceback only for the
    unexpected, the known causes in one line."""
    import logging

    from telegram.error import InvalidToken, NetworkError

    from bot.errors import database_unavailable
    from bot.logging_setup import Redactor

    log = logging.getLogger("nhacviec")
    if isinstance(exc, InvalidToken):
        log.error("start-up failed: Telegram rejected the token")
        print(T.BAD_TOKEN, file=sys.stderr)
        return 2
    if database_unavailable(exc):
        log.error("start-up failed: database unavailable: %s: %s", type(exc).__name__, exc)
        try:
            url = settings.safe_database_url
        except Exception:  # unparsable: say nothing of it rather than risk the password
            url = ""
        print(T.DB_UNREACHABLE.format(url=url), file=sys.stderr)
        return 4
    if isinstance(exc, NetworkError):
        log.error("start-up failed: Telegram unreachable: %s", exc)
        # Through the redactor: someone may have pasted ".../bot<token>" into TELEGRAM_API_URL.
        print(Redactor(settings.secrets)(T.TELEGRAM_UNREACHABLE.format(url=settings.telegram_api_url)), file=sys.stderr)
        return 5
    log.error("start-up failed", exc_info=exc)
    print(T.STARTUP_FAILED.format(error=type(exc).__name__), file=sys.stderr)
    return 1


def _webhook_path(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).path.lstrip("/")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="nhacviec", description="Nhắc việc — bot Telegram của Ban chỉ đạo")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="chạy bot (long polling, hoặc --webhook)")
    run.add_argument("--webhook", action="store_true", help="chế độ webhook (WEBHOOK_URL, WEBHOOK_PORT...)")
    sub.add_parser("parse", help="in các nhiệm vụ bot hiểu được từ một đoạn văn bản", add_help=False)
    if argv and argv[0] == "parse":
        from bot.parse_cli import main as parse_main

        return parse_main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
