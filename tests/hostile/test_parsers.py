"""Hostile input at the parser level: whatever a person types (arbitrary unicode, control characters,
huge numbers, impossible dates, Vietnamese with or without diacritics), every domain parser returns a
well-formed result or its own documented error, never an unexpected exception.

10,000 examples in all (HOSTILE_PARSER_EXAMPLES overrides), spread over the tests below by weight.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import parse_cli
from domain.assign import Mention, arrange
from domain.commands import keyword, split_unit_definition, task_ref
from domain.committee_settings import (
    SettingError,
    parse_offsets,
    parse_positive,
    parse_quiet_hours,
    parse_time,
    parse_weekday,
)
from domain.meetings import MeetingArgError, parse_new_meeting
from domain.periods import PeriodError, parse_period
from domain.types import AssigneeRef, Assignees, Deadline, DeadlineKind, KnownUnit, ParsedConclusion
from domain.understand.assignees import parse_assignees
from domain.understand.conclusion import split_conclusion
from domain.understand.deadlines import find_deadlines, find_invalid_date, parse_deadline, parse_deadline_answer
from domain.understand.directive import parse_directive
from domain.understand.documents import DocumentError, extract_text
from domain.understand.textnorm import fold, nfc
from domain.understand.units_catalog import BUILTIN_UNITS
from tests.conftest import using_postgres
from tests.hostile.strategies import DAYS, VERY_LONG, attached_file, hostile_text

TOTAL = int(os.environ.get("HOSTILE_PARSER_EXAMPLES", "10000"))
# Pure functions: the SQLite pass runs them; the PostgreSQL pass of scripts/test.sh skips them, as it
# skips tests/domain.
pytestmark = pytest.mark.skipif(using_postgres(), reason="no database involved")


def examples(share: float) -> settings:
    return settings(
        max_examples=max(10, int(TOTAL * share)),
        # CI runs the same examples every time; HOSTILE_RANDOM=1 explores new ones.
        derandomize=not os.environ.get("HOSTILE_RANDOM"),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


UNITS = (
    KnownUnit("1", "Văn phòng HĐND&UBND", ("VP", "Văn phòng")),
    KnownUnit("2", "Công an phường", ("CA",)),
    *BUILTIN_UNITS[:5],
)


def check_deadline(d: Deadline, text: str) -> None:
    assert isinstance(d.kind, DeadlineKind)
    assert d.due is None or isinstance(d.due, date)
    if d.kind in (DeadlineKind.NONE, DeadlineKind.IMMEDIATE):
        assert d.due is None
    if d.span is not None:
        start, end = d.span
        assert 0 <= start <= end <= len(nfc(text))
        assert nfc(text)[start:end] == d.phrase
    json.dumps(d.as_json(), ensure_ascii=False)


def check_refs(refs: tuple[AssigneeRef, ...]) -> None:
    for r in refs:
        assert isinstance(r.text, str) and r.text.strip()
        assert r.unit_key is None or isinstance(r.unit_key, str)


def check_assignees(a: Assignees) -> None:
    check_refs(a.lead)
    check_refs(a.support)
    check_refs(a.executor)


@examples(0.25)
@given(text=hostile_text(), today=DAYS)
def test_deadline_parsers(text: str, today: date) -> None:
    deadline_parsers(text, today)


def deadline_parsers(text: str, today: date) -> None:
    check_deadline(parse_deadline(text, today), text)
    for d in find_deadlines(text, today):
        check_deadline(d, text)
    check_deadline(parse_deadline_answer(text, today), text)
    bad = find_invalid_date(text, today)
    assert bad is None or (isinstance(bad, str) and bad)


@examples(0.2)
@given(text=hostile_text(), today=DAYS, context=st.one_of(st.none(), hostile_text(8)))
def test_directive_and_assignee_parsers(text: str, today: date, context: str | None) -> None:
    directive_and_assignee_parsers(text, today, context)


def directive_and_assignee_parsers(text: str, today: date, context: str | None) -> None:
    d = parse_directive(text, today, UNITS, context)
    assert d.text == nfc(text).strip()
    check_assignees(d.assignees)
    if context is None:  # the span is in the directive's own (stripped) text
        check_deadline(d.deadline, d.text)
    check_assignees(parse_assignees(text, UNITS))
    # Mentions at arbitrary (even nonsensical) positions are arranged, never crash.
    n = len(text)
    mentions = [Mention(max(0, n // 3), max(0, n // 2), "1", "Lan"), Mention(0, min(n, 3), "2", "@x")]
    check_assignees(arrange(text, d.assignees, mentions))


@st.composite
def conclusion_text(draw: st.DrawFn) -> str:
    """Several lines with list markers, headings and hostile sentences."""
    lines = draw(
        st.lists(
            st.tuples(st.sampled_from(["", "1. ", "2) ", "a) ", "- ", "* ", "• ", "+ ", "I. ", "Về ", "Giao "]),
                      hostile_text(12)),
            max_size=15,
        )
    )
    return "\n".join(marker + text for marker, text in lines)


@examples(0.2)
@given(text=st.one_of(conclusion_text(), hostile_text()), today=DAYS)
def test_conclusion_splitter(text: str, today: date) -> None:
    conclusion_splitter(text, today)


def conclusion_splitter(text: str, today: date) -> None:
    parsed = split_conclusion(text, today, UNITS)
    assert isinstance(parsed, ParsedConclusion)
    assert parsed.meeting_date is None or isinstance(parsed.meeting_date, date)
    assert parsed.title is None or isinstance(parsed.title, str)
    for d in parsed.directives:
        assert d.text.strip()
        check_assignees(d.assignees)
        assert isinstance(d.deadline.kind, DeadlineKind)
        json.dumps(d.as_json(), ensure_ascii=False)


@examples(0.1)
@given(text=hostile_text(), today=DAYS)
def test_command_argument_parsers(text: str, today: date) -> None:
    ref = task_ref(text)
    if ref is not None:
        assert 0 <= ref.number < 10**9
    found = keyword(text, "han", "hạn", "giao")
    assert found is None or found[0] in ("han", "hạn", "giao")
    _name, aliases = split_unit_definition(text)
    assert all(a.strip() for a in aliases)
    for parser in (parse_time, parse_offsets, parse_weekday, parse_quiet_hours):
        with contextlib.suppress(SettingError):
            parser(text)
    with contextlib.suppress(SettingError):
        assert 1 <= parse_positive(text, 30) <= 30
    try:
        period = parse_period(text, today)
        assert period.start <= period.end and period.label
    except PeriodError as err:
        assert str(err)
    try:
        meeting = parse_new_meeting(text, today)
        assert isinstance(meeting.held_on, date)
    except MeetingArgError:
        pass
    fold(text)


def _json_line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(hostile_text(6)).replace("\n", " ")  # not JSON at all
    if kind == 1:
        return json.dumps(draw(st.one_of(st.integers(), st.lists(st.integers(), max_size=3), st.text(max_size=10))))
    record: dict[str, object] = {"id": draw(st.one_of(st.none(), st.integers(), st.text(max_size=5)))}
    if kind != 2:
        record["text"] = draw(st.one_of(hostile_text(), st.integers(), st.none()))
    if draw(st.booleans()):
        record["date"] = draw(
            st.one_of(
                st.sampled_from(["2026-11-23", "0001-01-01", "9999-12-31", "2026-02-31", "", "hôm qua"]),
                st.integers(),
                st.dates().map(date.isoformat),
            )
        )
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


@examples(0.15)
@given(lines=st.lists(st.composite(_json_line)(), max_size=6))
def test_parse_cli_batch(lines: list[str]) -> None:
    """`nhacviec parse --batch`: one answer line per good input line, a message per bad one."""
    out = io.StringIO()
    status = parse_cli._batch(io.StringIO("\n".join(lines) + "\n"), out, date(2026, 11, 23))
    assert status in (0, 1)
    # JSON Lines are split on "\n" only: U+0085 or U+2028 inside a JSON string are not line ends.
    for line in filter(None, out.getvalue().split("\n")):
        answer = json.loads(line)
        assert set(answer) == {"id", "directives"}
        for d in answer["directives"]:
            assert set(d) == {"text", "lead", "support", "executor", "deadline"}


@examples(0.1)
@given(text=hostile_text(), today=DAYS)
def test_parse_cli_text(text: str, today: date) -> None:
    parse_cli_text(text, today)


def parse_cli_text(text: str, today: date) -> None:
    conclusion = parse_cli.understand(text, today)
    out = parse_cli.render(conclusion, conclusion.meeting_date or today)
    assert isinstance(out, str) and out


@examples(0.02)
@given(text=VERY_LONG, today=DAYS, context=st.one_of(st.none(), hostile_text(8)))
def test_very_long_inputs(text: str, today: date, context: str | None) -> None:
    """A word the grammars react to, repeated 100 to 3,000 times, through each property above."""
    deadline_parsers(text, today)
    directive_and_assignee_parsers(text, today, context)
    conclusion_splitter(text, today)
    parse_cli_text(text, today)


@pytest.mark.parametrize("text", ["trong 99999999 ngày", "trong 999999999 ngày làm việc", "trước 31/12/9999"])
@pytest.mark.parametrize("today", [date(9999, 12, 31), date(1, 1, 1), date(2026, 11, 23)])
def test_extreme_dates(text: str, today: date) -> None:
    """Edges of the calendar: a result (or no deadline), not an OverflowError."""
    check_deadline(parse_deadline(text, today), text)
    check_directive = parse_directive(text, today)
    assert unicodedata.is_normalized("NFC", check_directive.text)


@examples(0.05)
@given(file=attached_file())
def test_attached_files(file: tuple[str, bytes]) -> None:
    """/nhap with a file: its text, or a DocumentError whose message says why, in Vietnamese."""
    name, data = file
    try:
        text = extract_text(name, data)
    except DocumentError as err:
        assert str(err)
        return
    assert isinstance(text, str) and text == text.strip()
