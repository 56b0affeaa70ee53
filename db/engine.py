"""Engine and session factory. SQLite gets WAL, a busy timeout and foreign keys at connect."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

# How long a write waits for another writer before "database is locked" (SQLite), and how long a
# new PostgreSQL connection may take. Short on purpose: PTB handles one update at a time, so every
# second spent waiting here is a second the whole bot stands still; after it the user is told
# "thử lại sau" (bot/errors.py) and nothing was saved.
DEFAULT_BUSY_TIMEOUT = 5.0
PG_CONNECT_TIMEOUT = 10.0


def normalise_url(url: str) -> str:
    """Accept the usual spellings and pick the async driver (aiosqlite / asyncpg)."""
    if url.startswith("sqlite:///") or url.startswith("sqlite://"):
        return url.replace("sqlite://", "sqlite+aiosqlite://", 1)
    if url.startswith("postgres://"):
        return url.replace("postgres://", "postgresql+asyncpg://", 1)
    if url.startswith("postgresql://"):
        return url.replace("postgresql://", "postgresql+asyncpg://", 1)
    return url


def is_sqlite(url: str) -> bool:
    return make_url(normalise_url(url)).get_backend_name() == "sqlite"


def create_engine(url: str, *, echo: bool = False, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> AsyncEngine:
    """hide_parameters: a database error (logged with its statement) never quotes the values —
    people's names, task texts, chat ids."""
    url = normalise_url(url)
    if is_sqlite(url):
        # sqlite3's `timeout` is the busy timeout (the busy handler retries until it runs out).
        engine = create_async_engine(
            url, echo=echo, hide_parameters=True, connect_args={"timeout": busy_timeout}
        )

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            # WAL: readers never wait for the writer (the dispatcher's sends do not block /viec).
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    # pre_ping: after a server restart the pooled connections are dead; each checkout tests its
    # connection and replaces a dead one, so the bot recovers without a restart of its own.
    # pool_recycle: connections older than this are replaced (server-side idle timeouts, failovers).
    return create_async_engine(
        url,
        echo=echo,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_recycle=1800,
        pool_size=10,
        max_overflow=10,
        pool_timeout=busy_timeout * 2,
        connect_args={"timeout": PG_CONNECT_TIMEOUT},
    )


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
