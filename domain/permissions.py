"""Who may do what in a committee. One table, checked the same way for commands and buttons."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    CHAIR = "chair"
    SECRETARY = "secretary"
    MEMBER = "member"


class Action(enum.StrEnum):
    LOG = "log"  # /giao, /nhap
    EDIT = "edit"  # /sua, fix a deadline, undo a just-logged directive
    CANCEL = "cancel"  # /huy
    APPROVE = "approve"  # approve/reject an extension, set a deadline directly
    MANAGE = "manage"  # /donvi them|gan|bo, /vaitro grant, /caidat
    EXPORT = "export"  # /xuat
    CLOSE = "close"  # /xong (own task)
    REPORT = "report"  # /tiendo, ask for an extension (own task)


_BY_ROLE: dict[Role, frozenset[Action]] = {
    Role.CHAIR: frozenset(Action),
    Role.SECRETARY: frozenset({Action.LOG, Action.EDIT, Action.EXPORT}),
    Role.MEMBER: frozenset(),
}
# What being an assignee of the task (lead, coordinator, executor, or a contact of one) allows.
_AS_ASSIGNEE = frozenset({Action.CLOSE, Action.REPORT})


def allowed(action: Action, role: Role, *, is_assignee: bool = False) -> bool:
    if action in _BY_ROLE[role]:
        return True
    return is_assignee and action in _AS_ASSIGNEE


def current_role(stored: Role | None, *, granted_by_chair: bool, telegram_admin: bool) -> Role:
    """The role a person has now in a committee, from what is stored and what Telegram says.

    Chair rights follow the group: the group's creator and administrators are chairs while they are
    administrators (a chair role recorded because someone was an admin, `granted_by_chair` False,
    ends when Telegram no longer lists them). A role a chair granted with /vaitro (secretary, or
    chair) stays while the person is in the group, whatever Telegram says about admins.
    """
    if telegram_admin:
        return Role.CHAIR
    if stored == Role.CHAIR and granted_by_chair:
        return Role.CHAIR
    if stored == Role.SECRETARY:
        return Role.SECRETARY
    return Role.MEMBER
