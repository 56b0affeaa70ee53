"""What the assignee reader found, as the tests compare it: the leads' / supports' texts of a sentence
read alone (no known units). Shared by the assignee tests, which each repeated these two lines."""

from __future__ import annotations

from domain.understand.assignees import parse_assignees


def lead(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).lead]


def support(text: str) -> list[str]:
    return [a.text for a in parse_assignees(text).support]
