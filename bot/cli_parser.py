"""argparse in Vietnamese for every `nhacviec …` command (run, backup, restore, status, db, migrate-to-postgres,
parse, sandbox): its help and its error lines («usage:», «error: unrecognized arguments», «the following
arguments are required») were the only English an administrator met.

argparse builds each of its own words with gettext at the moment it needs them (the module-level `_` and
`ngettext`); while a VietnameseParser is built, formats its help or reads a command line, they come from
`bot/texts.py` (CLI_ARGPARSE). A message that table does not know (a newer Python's new wording) stays as
argparse wrote it rather than being guessed at; tests/ops/test_cli_errors.py says which ones the admin meets.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from bot import texts as T


def _gettext(message: str) -> str:
    return T.CLI_ARGPARSE.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def _vietnamese() -> Iterator[None]:
    """argparse's gettext swapped for bot/texts.py while this block runs (one thread: a command line)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose every word is Vietnamese; sub-commands' parsers are of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _vietnamese():  # the titles «tham số», «tùy chọn» and -h's help are named here
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with _vietnamese():  # --version's help is named here
            return super().add_argument(*args, **kwargs)

    def format_usage(self) -> str:
        with _vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        with _vietnamese():
            return super().format_help()

    # A sub-command's parser says itself what it does not know (name_choices marks them): argparse handed the
    # extras up, and `nhacviec status --verbose` was answered with the usage of `nhacviec` and its --help.
    rejects_extras = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _vietnamese():
            parsed, extras = super().parse_known_args(args, namespace)
            if self.rejects_extras and extras:
                self.error(_gettext("unrecognized arguments: %s") % " ".join(extras))
        return parsed, extras

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _vietnamese():  # «unrecognized arguments» is said here, after parse_known_args
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """The usage, what is wrong in one Vietnamese line, and where to read more; exit 2 as argparse does."""
        self.print_usage(sys.stderr)
        self.exit(2, T.CLI_ERROR.format(prog=self.prog, message=message))


def name_choices(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """A missing or unknown command is called «LỆNH», not by the variable it is kept in («thiếu tham số bắt
    buộc: command» told the admin nothing); each command's parser answers for its own options."""
    sub.metavar = T.CLI_COMMAND_METAVAR
    for child in sub.choices.values():
        if isinstance(child, VietnameseParser):
            child.rejects_extras = True


def port_number(value: str) -> int:
    """A TCP port, refused in Vietnamese before anything starts (argparse's int said «invalid int value»)."""
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(T.CLI_PORT_INVALID.format(value=value))
    return int(value)
