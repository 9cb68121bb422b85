"""Opening a store: one code path for SQLite (embedded default) and PostgreSQL.

SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE` for writers so the CLI and the daemon
can share one file; PostgreSQL writers serialize appends with a transaction-scoped advisory
lock (see `store.log`).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from platformdirs import user_data_dir
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import SQLModel

from store import schema


class StoreError(Exception):
    """A problem with the store a user can act on; the CLI prints it as one line."""


def default_url() -> str:
    url = os.environ.get("ROLLCALL_DB")
    if url:
        return url
    path = Path(user_data_dir("rollcall")) / "rollcall.db"
    return f"sqlite:///{path}"


def normalize_url(url: str) -> str:
    """Accept bare file paths and plain `postgresql://` URLs, as users will type them."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # The default 2 MB page cache turns index lookups into disk reads once the store
        # outgrows it; 64 MB (and memory-mapped reads) keep a million-event log in memory.
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA mmap_size=268435456")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgresql_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
        # psycopg prepares a statement once its text has run five times, and PostgreSQL
        # then may plan it once for any parameters. A roster scan's best plan depends on
        # the lab and the two dates (the interval-tree ranges it walks), and the generic
        # one measured 22-35 ms against 5-8 ms for the same rows on the 1M log: plan every
        # run for its values.
        with dbapi_conn.cursor() as cur:
            cur.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_conn.commit()


class Store:
    """A handle on one database: the engine plus the transaction helpers every writer uses."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = normalize_url(url or default_url())
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            path = self.url.split("///", 1)[-1]
            if path and path != ":memory:" and not path.startswith("file:"):  # file: is an SQLite URI
                try:
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for database {path}: "
                                     f"{exc.strerror or exc}") from None
            self.engine = create_engine(self.url, connect_args={"timeout": 30})
            _sqlite_hooks(self.engine)
        else:
            self.engine = create_engine(self.url, pool_pre_ping=True, pool_size=5)
            _postgresql_hooks(self.engine)
        if create:
            self.migrate()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: BEGIN IMMEDIATE on SQLite so writers queue instead of failing
        on upgrade; on PostgreSQL a plain transaction (appends take their own lock)."""
        with self.engine.connect().execution_options(write=True) as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction that sees one snapshot throughout: an answer's known-at
        position, its scans and its sources agree even while writers commit (SQLite's WAL
        readers do so already; PostgreSQL needs REPEATABLE READ for it)."""
        conn_ = self.engine.connect()
        if not self.is_sqlite:
            conn_ = conn_.execution_options(isolation_level="REPEATABLE READ")
        with conn_ as conn:
            with conn.begin():
                yield conn

    def migrate(self) -> None:
        """Create the schema, or refuse a database written by a newer rollcall.

        On SQLite the steps first run in a deferred transaction: on an up-to-date database they
        only read, so opening a store (every CLI command does) never waits behind a writer such
        as the daemon's ingestion. Only when that transaction must write and another writer
        got in first does it start over under the write lock."""
        try:
            if self.is_sqlite:
                try:
                    with self.read() as conn:
                        self._migrate(conn)
                    return
                except OperationalError as exc:
                    if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
                        raise
            with self.write() as conn:
                self._migrate(conn)
        except OperationalError as exc:
            raise StoreError(f"cannot open database {self.display_url()}: {exc.orig}") from exc
        except ProgrammingError as exc:
            raise StoreError(f"cannot set up database {self.display_url()}: {exc.orig}") from exc

    def _migrate(self, conn: Connection) -> None:
        if not self.is_sqlite:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72610001)")
        SQLModel.metadata.create_all(conn, tables=[
            t for name, t in SQLModel.metadata.tables.items() if name.startswith("rc_")])
        row = conn.execute(text("SELECT value FROM rc_meta WHERE key='schema_version'")).first()
        if row is None:
            conn.execute(text("INSERT INTO rc_meta(key, value) VALUES ('schema_version', :v)"),
                         {"v": str(schema.SCHEMA_VERSION)})
        elif int(row[0]) > schema.SCHEMA_VERSION:
            raise StoreError(
                f"database {self.display_url()} has schema version {row[0]}, newer than this "
                f"rollcall's {schema.SCHEMA_VERSION}: upgrade rollcall")
        _projection_version(conn)
        schema.upgrade_indexes(conn)
        schema.install_guards(conn)
        from store.feeds import ensure_columns

        ensure_columns(conn)

    def display_url(self) -> str:
        """The URL without a password, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def _projection_version(conn: Connection) -> None:
    """Projection tables of another shape are dropped and made anew: they are derived from
    the log, so the next catch-up replays it into the new shape and nothing is lost."""
    row = conn.execute(text("SELECT value FROM rc_meta WHERE key='projection_version'")).first()
    if row is not None and int(row[0]) == schema.PROJECTION_VERSION:
        return
    columns = {c["name"] for c in inspect(conn).get_columns("rc_membership")}
    if row is not None or "vnode" not in columns:
        for table in schema.PROJECTION_TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        SQLModel.metadata.create_all(conn, tables=[SQLModel.metadata.tables[t] for t in schema.PROJECTION_TABLES])
    conn.execute(text("DELETE FROM rc_meta WHERE key='projection_version'"))
    conn.execute(text("INSERT INTO rc_meta(key, value) VALUES ('projection_version', :v)"),
                 {"v": str(schema.PROJECTION_VERSION)})


def open_store(url: str | None = None) -> Store:
    return Store(url)
