"""Fault injection: make chosen Bot API calls fail the ways Telegram and networks fail.

A FaultPlan holds rules; for each call the server asks `plan.pick(method, chat_id)` and acts out
the first rule that matches (method, chat, a seeded-random fraction of calls, at most `times`).
Everything injected is counted, so a test can assert that the bot saw the fault and recovered.

    plan = FaultPlan(seed=1)
    plan.retry_after(3, methods=["sendMessage"], times=1)       # one 429 "retry after 3"
    plan.server_error(502, fraction=0.2)                          # a fifth of all calls: Bad Gateway
    plan.delay(2.0, methods=["sendMessage"], times=1)             # answer later than the client waits
    plan.disconnect(methods=["getUpdates"], times=1)              # drop the connection
    plan.forbid_users([user.id])                                  # 403 blocked, for these users
    rule = plan.hold(methods=["getChatMember"], users=[user.id])   # unanswered until rule.gate is set
"""

from __future__ import annotations

import asyncio
import enum
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

SEND_METHODS = frozenset({"sendmessage", "senddocument", "sendphoto"})


class FaultKind(enum.StrEnum):
    RETRY_AFTER = "retry_after"  # 429 with parameters.retry_after
    SERVER_ERROR = "server_error"  # 500 (JSON) or 502/504 (a proxy's HTML page, as Telegram's nginx)
    DELAY = "delay"  # the answer comes `delay` seconds late
    DISCONNECT = "disconnect"  # the connection is closed without an answer
    FORBIDDEN = "forbidden"  # 403 with `description`


@dataclass
class FaultRule:
    kind: FaultKind
    methods: frozenset[str] | None = None  # lower-case method names; None: every method
    chats: frozenset[int] | None = None  # chat ids; None: every call, with or without a chat
    fraction: float = 1.0
    times: int | None = None  # at most this many injections; None: no limit
    retry_after: int = 1
    status: int = 500
    delay: float = 0.0
    # True: the call takes effect (the message is sent) and only the answer is lost or late —
    # what makes a client that retries on timeout send duplicates.
    after_processing: bool = False
    description: str = ""
    users: frozenset[int] | None = None  # the call's `user_id` (getChatMember...); None: any call
    # DELAY only: the answer waits until this is set (a test opens it when it wants), not `delay`.
    gate: asyncio.Event | None = None
    injected: int = 0

    def matches(self, method: str, chat_id: int | None, user_id: int | None = None) -> bool:
        if self.times is not None and self.injected >= self.times:
            return False
        if self.methods is not None and method not in self.methods:
            return False
        if self.users is not None and user_id not in self.users:
            return False
        return self.chats is None or chat_id in self.chats


def _methods(methods: Iterable[str] | None) -> frozenset[str] | None:
    return None if methods is None else frozenset(m.lower() for m in methods)


def _chats(chats: Iterable[int] | None) -> frozenset[int] | None:
    return None if chats is None else frozenset(chats)


@dataclass
class InjectedFault:
    method: str
    chat_id: int | None
    kind: FaultKind


@dataclass
class FaultPlan:
    seed: int = 0
    rules: list[FaultRule] = field(default_factory=list)
    log: list[InjectedFault] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    @property
    def counts(self) -> Counter[str]:
        """How many faults of each kind were injected."""
        return Counter(fault.kind.value for fault in self.log)

    def add(self, rule: FaultRule) -> FaultRule:
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def pick(self, method: str, chat_id: int | None, user_id: int | None = None) -> FaultRule | None:
        """The fault to act out for this call, if any (counted as injected)."""
        method = method.lower()
        for rule in self.rules:
            if not rule.matches(method, chat_id, user_id):
                continue
            if rule.fraction < 1.0 and self._random.random() >= rule.fraction:
                continue
            rule.injected += 1
            self.log.append(InjectedFault(method, chat_id, rule.kind))
            return rule
        return None

    # Shortcuts: each adds one rule and returns it (a test may change `times` or `fraction` later).

    def retry_after(self, seconds: int = 1, *, methods: Iterable[str] | None = None,
                    chats: Iterable[int] | None = None, fraction: float = 1.0,
                    times: int | None = None) -> FaultRule:
        return self.add(FaultRule(FaultKind.RETRY_AFTER, _methods(methods), _chats(chats), fraction, times,
                                  retry_after=seconds))

    def server_error(self, status: int = 500, *, methods: Iterable[str] | None = None,
                     chats: Iterable[int] | None = None, fraction: float = 1.0,
                     times: int | None = None) -> FaultRule:
        return self.add(FaultRule(FaultKind.SERVER_ERROR, _methods(methods), _chats(chats), fraction, times,
                                  status=status))

    def delay(self, seconds: float, *, methods: Iterable[str] | None = None,
              chats: Iterable[int] | None = None, fraction: float = 1.0, times: int | None = None,
              after_processing: bool = True) -> FaultRule:
        """An answer `seconds` late. after_processing=True: the call took effect (the message is
        sent) and only the answer is late — a client that times out and retries sends it twice.
        False: the wait comes first; a client that gives up closes the connection, the server
        cancels the handler, and the call never takes effect (a client still waiting gets it done,
        late)."""
        return self.add(FaultRule(FaultKind.DELAY, _methods(methods), _chats(chats), fraction, times,
                                  delay=seconds, after_processing=after_processing))

    def hold(self, *, methods: Iterable[str] | None = None, chats: Iterable[int] | None = None,
             users: Iterable[int] | None = None, times: int | None = None) -> FaultRule:
        """Calls left unanswered until the test sets `rule.gate` (or the client gives up: the call
        then never takes effect). `rule.injected` says how many calls have been held so far."""
        return self.add(FaultRule(FaultKind.DELAY, _methods(methods), _chats(chats), times=times,
                                  users=None if users is None else frozenset(users), gate=asyncio.Event()))

    def server_error_for(self, status: int = 500, *, methods: Iterable[str] | None = None,
                         users: Iterable[int], times: int | None = None) -> FaultRule:
        """`status` for calls about these users (the call's `user_id`: getChatMember...)."""
        return self.add(FaultRule(FaultKind.SERVER_ERROR, _methods(methods), None, times=times, status=status,
                                  users=frozenset(users)))

    def disconnect(self, *, methods: Iterable[str] | None = None, chats: Iterable[int] | None = None,
                   fraction: float = 1.0, times: int | None = None,
                   after_processing: bool = False) -> FaultRule:
        return self.add(FaultRule(FaultKind.DISCONNECT, _methods(methods), _chats(chats), fraction, times,
                                  after_processing=after_processing))

    def forbid_users(self, user_ids: Iterable[int], *,
                     description: str = "Forbidden: bot was blocked by the user",
                     methods: Iterable[str] | None = SEND_METHODS, fraction: float = 1.0,
                     times: int | None = None) -> FaultRule:
        """403 for sends to these users' private chats (whose chat id is the user id)."""
        return self.add(FaultRule(FaultKind.FORBIDDEN, _methods(methods), _chats(user_ids), fraction, times,
                                  description=description))
