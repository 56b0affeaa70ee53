"""`nhacviec parse`: print the directives the bot finds in a text, to check its understanding
without Telegram.

    nhacviec parse [--date YYYY-MM-DD] [--json] [--batch] [TEXT | -]

TEXT may be one directive or a whole meeting conclusion (several lines or points are split with
`domain.understand.conclusion`). Without TEXT, or with "-", the text is read from standard input. `--json`
prints one JSON object per directive; `--batch` reads JSON lines {"id", "text", "date"} and writes
one line {"id", "directives": [...]} for each.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TextIO
from zoneinfo import ZoneInfo

from bot import texts as T
from bot.cli_parser import VietnameseParser
from bot.clock import Clock, SystemClock
from domain.types import Deadline, DeadlineKind, ParsedConclusion, ParsedDirective
from domain.understand.conclusion import split_conclusion
from domain.understand.directive import parse_directive

# The one place this command reads the time: the default directive date, in Viet Nam.
CLOCK: Clock = SystemClock()
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def main(argv: list[str] | None = None) -> int:
    parser = VietnameseParser(prog="nhacviec parse", description=T.PARSE_HELP)
    parser.add_argument("--date", metavar=T.CLI_DATE_METAVAR, help=T.PARSE_HELP_DATE)
    parser.add_argument("--json", action="store_true", help=T.PARSE_HELP_JSON)
    parser.add_argument("--batch", action="store_true", help=T.PARSE_HELP_BATCH)
    parser.add_argument("text", nargs="*", metavar=T.CLI_TEXT_METAVAR, help=T.PARSE_HELP_TEXT)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)

    default_day = _day(args.date) if args.date else CLOCK.now().astimezone(TZ).date()
    if default_day is None:
        print(T.PARSE_BAD_DATE.format(value=args.date), file=sys.stderr)
        return 2
    if args.batch:
        return _batch(sys.stdin, sys.stdout, default_day)
    text = " ".join(args.text)
    if not args.text or text == "-":
        text = sys.stdin.read()
    if not text.strip():
        print(T.PARSE_NO_TEXT, file=sys.stderr)
        return 2
    conclusion = understand(text, default_day)
    if args.json:
        for directive in conclusion.directives:
            print(json.dumps(directive.as_json(), ensure_ascii=False))
    else:
        print(render(conclusion, conclusion.meeting_date or default_day))
    return 0


def understand(text: str, day: date) -> ParsedConclusion:
    """One directive, or a conclusion of several lines or points."""
    lines = [line for line in text.splitlines() if line.strip()]
    conclusion = split_conclusion(text, day)
    if len(lines) > 1 or len(conclusion.directives) > 1:
        return conclusion
    return ParsedConclusion(meeting_date=None, title=None, directives=(parse_directive(text, day),))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _batch(stdin: TextIO, stdout: TextIO, default_day: date) -> int:
    status = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = str(record["text"])
            day = _day(record.get("date")) or default_day
        except (ValueError, KeyError, TypeError) as exc:
            print(T.PARSE_BAD_LINE.format(line=number, error=exc), file=sys.stderr)
            status = 1
            continue
        directives = [d.as_json() for d in understand(text, day).directives]
        answer = {"id": record.get("id"), "directives": directives}
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return status


# ------------------------------------------------------------------------------------------ text output
def render(conclusion: ParsedConclusion, day: date) -> str:
    out: list[str] = []
    if conclusion.meeting_date is not None:
        when = T.fmt_date(conclusion.meeting_date)
        out.append(
            T.PARSE_MEETING.format(title=conclusion.title, date=when)
            if conclusion.title
            else T.PARSE_MEETING_UNTITLED.format(date=when)
        )
    if not conclusion.directives:
        out.append(T.PARSE_NOTHING)
        return "\n".join(out)
    out.append(T.PARSE_COUNT.format(count=len(conclusion.directives), date=T.fmt_date(day)))
    for k, directive in enumerate(conclusion.directives, start=1):
        out.append(T.PARSE_ITEM.format(k=k, text=directive.text))
        out.extend(_rows(directive))
    return "\n".join(out)


def _rows(directive: ParsedDirective) -> list[str]:
    a = directive.assignees
    rows = [(T.PARSE_LABEL_LEAD, "; ".join(r.text for r in a.lead) or T.PARSE_NOBODY)]
    if a.support:
        rows.append((T.PARSE_LABEL_SUPPORT, "; ".join(r.text for r in a.support)))
    if a.executor:
        rows.append((T.PARSE_LABEL_EXECUTOR, "; ".join(r.text for r in a.executor)))
    rows.append((T.PARSE_LABEL_DUE, _due(directive.deadline)))
    return [T.PARSE_ROW.format(label=label + ":", value=value) for label, value in rows]


def _due(deadline: Deadline) -> str:
    if deadline.kind is DeadlineKind.NONE:
        return T.PARSE_NO_DUE
    kind = T.PARSE_KINDS[deadline.kind.value]
    if deadline.cadence is not None:
        kind = f"{kind} {T.PARSE_CADENCES[deadline.cadence.value]}"
    phrase = deadline.phrase or ""
    if deadline.due is not None:
        return T.PARSE_DUE.format(day=T.fmt_day(deadline.due), kind=kind, phrase=phrase)
    return T.PARSE_DUE_NO_DAY.format(kind=kind, phrase=phrase)


if __name__ == "__main__":
    raise SystemExit(main())
