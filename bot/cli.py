"""The `nhacviec` command: run the bot, parse text, and the tools around them."""

from __future__ import annotations

import argparse
import sys

from bot import texts as T


def _run(args: argparse.Namespace) -> int:
    from bot.instance_lock import AlreadyRunning, InstanceLock
    from bot.logging_setup import setup_logging
    from bot.settings import load_settings

    settings = load_settings()
    if not settings.bot_token:
        print(T.NO_TOKEN, file=sys.stderr)
        return 2
    setup_logging(settings.log_level, [settings.bot_token, settings.webhook_secret or ""])
    lock = InstanceLock(settings.database_url)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(T.SECOND_INSTANCE_REFUSED.format(lock=exc), file=sys.stderr)
        return 3
    from bot.app import build_application
    from bot.clock import clock_from_env

    app = build_application(settings, clock_from_env())
    try:
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
    finally:
        lock.release()
    return 0


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
