"""The database schema: the append-only log, the article table beside it, feed state, and
the projection tables rebuilt from the log.

Declared once with SQLModel so SQLite and PostgreSQL share one definition; the few things
SQLModel cannot say (append-only triggers) are engine-specific DDL in `install_guards`.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, Text, inspect
from sqlalchemy.engine import Connection
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 1
# The projection tables' own shape. They hold nothing the log does not, so a store opened by a
# rollcall with another projection version drops and rebuilds them instead of refusing.
PROJECTION_VERSION = 8
# `rc_membership.tx_to` of a row that is still current: a number rather than NULL, so "alive at
# position p" is the one comparison `tx_from <= p < tx_to`, which both engines check inside an index.
OPEN_TX = 1 << 62


class Meta(SQLModel, table=True):
    __tablename__ = "rc_meta"
    key: str = Field(primary_key=True)
    value: str


class Event(SQLModel, table=True):
    """The log. Positions are assigned under a lock, so they are gapless and commit in order."""

    __tablename__ = "rc_events"
    # "the last position recorded by time T" is one seek on (recorded_at, position)
    __table_args__ = (Index("ix_rc_events_recorded_position", "recorded_at", "position"),)
    position: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    event_id: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    type: str = Field(sa_column=Column(Text, nullable=False, index=True))
    person_key: Optional[str] = Field(default=None, sa_column=Column(Text, index=True))
    org_key: Optional[str] = Field(default=None, sa_column=Column(Text, index=True))
    payload: str = Field(sa_column=Column(Text, nullable=False))
    valid_date: Optional[str] = Field(default=None, sa_column=Column(Text))
    valid_precision: str = Field(sa_column=Column(Text, nullable=False))
    recorded_at: str = Field(sa_column=Column(Text, nullable=False))
    idempotency_key: Optional[str] = Field(default=None, sa_column=Column(Text, unique=True))
    prev_hash: str = Field(sa_column=Column(Text, nullable=False))
    hash: str = Field(sa_column=Column(Text, nullable=False))


class Article(SQLModel, table=True):
    """Articles stored once, content-addressed; the log's `article_ingested` points here."""

    __tablename__ = "rc_articles"
    id: str = Field(primary_key=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    url: Optional[str] = Field(default=None, sa_column=Column(Text))
    path: Optional[str] = Field(default=None, sa_column=Column(Text))
    published: Optional[str] = None
    published_inferred: bool = False
    source: Optional[str] = None
    guid: Optional[str] = Field(default=None, sa_column=Column(Text))
    minhash: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary))
    stored_at: str
    author: Optional[str] = Field(default=None, sa_column=Column(Text))  # so reextract reads bylines


class ArticleLocator(SQLModel, table=True):
    """Every URL, GUID and file path an article was seen under, to skip known inputs fast."""

    __tablename__ = "rc_article_locators"
    locator: str = Field(primary_key=True)
    article_id: str = Field(index=True)


class Feed(SQLModel, table=True):
    """Mutable polling state of a feed. Not part of the log: it is operational, not a fact."""

    __tablename__ = "rc_feeds"
    url: str = Field(primary_key=True)
    interval_s: int = 900
    fixed_interval: bool = False
    fetch_full_text: bool = False
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    added_at: str
    last_polled_at: Optional[str] = None
    last_ok_at: Optional[str] = None
    last_new_at: Optional[str] = None
    next_poll_at: Optional[str] = Field(default=None, index=True)
    failures: int = 0
    last_error: Optional[str] = Field(default=None, sa_column=Column(Text))
    lease_owner: Optional[str] = None
    lease_expires_at: Optional[str] = None
    moved_to: Optional[str] = None
    entries_seen: int = 0
    # Polling policy state (rollcall.schedule): the smoothed gap between new entries, and the
    # shortest re-poll the feed allows (its RSS <ttl> or Cache-Control max-age), in seconds.
    mean_gap_s: Optional[float] = None
    cache_s: Optional[int] = None


class Checkpoint(SQLModel, table=True):
    __tablename__ = "rc_checkpoints"
    name: str = Field(primary_key=True)
    position: int = Field(sa_column=Column(BigInteger, nullable=False))


class ProjEntity(SQLModel, table=True):
    """People and organizations. `merged_into` is versioned by the merge's position."""

    __tablename__ = "rc_entities"
    kind: str = Field(primary_key=True)
    id: str = Field(primary_key=True)
    name: str
    first_position: int = Field(sa_column=Column(BigInteger, nullable=False))
    merged_into: Optional[str] = None
    merged_position: Optional[int] = Field(default=None, sa_column=Column(BigInteger))


class ProjAlias(SQLModel, table=True):
    __tablename__ = "rc_aliases"
    kind: str = Field(primary_key=True)
    norm: str = Field(primary_key=True)
    entity_id: str
    alias: str
    position: int = Field(sa_column=Column(BigInteger, nullable=False))


class ProjFact(SQLModel, table=True):
    """A fact as corrected and corroborated so far, keyed by its event's position: rows arrive
    in position order, so a catch-up appends to the table's B-tree instead of inserting at
    random places (event ids are random)."""

    __tablename__ = "rc_facts"
    __table_args__ = (Index("ux_facts_event", "event_id", unique=True),)
    position: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                           autoincrement=False))
    event_id: str = Field(sa_column=Column(Text, nullable=False))
    type: str
    person_id: str = Field(index=True)
    org_id: str = Field(index=True)
    role: Optional[str] = Field(default=None, sa_column=Column(Text))
    date: Optional[str] = None
    precision: str = "unknown"
    date_inferred: bool = False
    confidence: float = 0.5
    evidence: str
    recorded_at: str
    retracted_position: Optional[int] = Field(default=None, sa_column=Column(BigInteger))
    retract_reason: Optional[str] = Field(default=None, sa_column=Column(Text))


class ProjSource(SQLModel, table=True):
    """One row per reporting event (a fact's own article, then each corroboration), keyed
    by that event's position."""

    __tablename__ = "rc_fact_sources"
    __table_args__ = (Index("ix_sources_fact", "fact_id", "position"),)
    position: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                           autoincrement=False))
    fact_id: str = Field(sa_column=Column(Text, nullable=False))
    article: str
    url: Optional[str] = Field(default=None, sa_column=Column(Text))
    path: Optional[str] = Field(default=None, sa_column=Column(Text))
    published: Optional[str] = None
    quote: Optional[str] = Field(default=None, sa_column=Column(Text))
    role: Optional[str] = Field(default=None, sa_column=Column(Text))
    date: Optional[str] = None


class ProjMembership(SQLModel, table=True):
    """Bitemporal membership: a person at an org over valid time [valid_from, valid_to), as the log
    stood between transaction positions [tx_from, tx_to). Valid time is indexed as a relational
    interval tree (`store.intervals`: vnode, vlo, vhi), so a roster on any date at any known-at
    reads only rows whose interval contains that date."""

    __tablename__ = "rc_membership"
    __table_args__ = (
        # keyed by the row's node in the transaction-time tree and the valid-time tree
        # (`store.intervals`), then by one transaction bound: a scan at a node after the
        # asked position ranges on tx_from, one before it on tx_to, so dead versions are
        # mostly skipped rather than read and dropped (`store.rosters.alive_sql`); valid
        # bounds and the columns that order a roster ride along, so paging one reads no
        # table rows
        # (PostgreSQL indexes do not carry the row id as SQLite's do: INCLUDE it, so the scan
        # stays index-only)
        Index("ix_membership_org_from", "org_id", "tnode", "vnode", "tx_from", "vlo", "vhi", "board",
              "sort_name", "person_id", postgresql_include=["id"]),
        Index("ix_membership_org_to", "org_id", "tnode", "vnode", "tx_to", "vhi", "vlo", "tx_from", "board",
              "sort_name", "person_id", postgresql_include=["id"]),
        Index("ix_membership_person_tx", "person_id", "tx_from"),
    )
    id: Optional[int] = Field(default=None, sa_column=Column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True))
    person_id: str
    org_id: str
    role: Optional[str] = Field(default=None, sa_column=Column(Text))
    valid_from: Optional[str] = None
    valid_to: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    certain: bool = False
    board: bool = False
    fact_ids: str = Field(sa_column=Column(Text, nullable=False))
    tx_from: int = Field(sa_column=Column(BigInteger, nullable=False))
    tx_to: int = Field(sa_column=Column(BigInteger, nullable=False))  # OPEN_TX while current
    person_name: Optional[str] = Field(default=None, sa_column=Column(Text))
    sort_name: str = Field(sa_column=Column(Text, nullable=False))  # casefolded name: roster order
    tnode: int = Field(sa_column=Column(BigInteger, nullable=False))
    vnode: int = Field(sa_column=Column(Integer, nullable=False))
    vlo: int = Field(sa_column=Column(Integer, nullable=False))
    vhi: int = Field(sa_column=Column(Integer, nullable=False))


PROJECTION_TABLES = ("rc_membership", "rc_fact_sources", "rc_facts", "rc_aliases",
                     "rc_entities", "rc_checkpoints")

_SQLITE_GUARDS = [
    """CREATE TRIGGER IF NOT EXISTS rc_events_no_update BEFORE UPDATE ON rc_events
       BEGIN SELECT RAISE(ABORT, 'rc_events is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS rc_events_no_delete BEFORE DELETE ON rc_events
       BEGIN SELECT RAISE(ABORT, 'rc_events is append-only'); END""",
]

_PG_GUARDS = [
    """CREATE OR REPLACE FUNCTION rc_events_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'rc_events is append-only'; END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS rc_events_no_change ON rc_events",
    """CREATE TRIGGER rc_events_no_change BEFORE UPDATE OR DELETE ON rc_events
       FOR EACH ROW EXECUTE FUNCTION rc_events_append_only()""",
    "DROP TRIGGER IF EXISTS rc_events_no_truncate ON rc_events",
    """CREATE TRIGGER rc_events_no_truncate BEFORE TRUNCATE ON rc_events
       FOR EACH STATEMENT EXECUTE FUNCTION rc_events_append_only()""",
]


def upgrade_indexes(conn: Connection) -> None:
    """Index changes on tables a store already has (create_all only makes missing tables):
    the recorded-at index became (recorded_at, position). Looked up in the catalog first:
    even a no-op `CREATE INDEX IF NOT EXISTS` locks rc_events on PostgreSQL, and holding that
    lock while the guards below ask for an exclusive one deadlocks with running appenders."""
    have = {i["name"] for i in inspect(conn).get_indexes("rc_events")}
    if "ix_rc_events_recorded_position" not in have:
        conn.exec_driver_sql("CREATE INDEX ix_rc_events_recorded_position ON rc_events (recorded_at, position)")
    if "ix_rc_events_recorded_at" in have:
        conn.exec_driver_sql("DROP INDEX ix_rc_events_recorded_at")


def install_guards(conn: Connection) -> None:
    """Append-only is enforced by the database, so no code path (ours or a user's SQL
    session) can rewrite history without first dropping a trigger."""
    if conn.dialect.name == "postgresql" and conn.exec_driver_sql(
            "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'rc_events'::regclass "
            "AND tgname IN ('rc_events_no_change', 'rc_events_no_truncate')").scalar() == 2:
        return  # installed: re-creating them would take an exclusive lock on the log at every open
    stmts = _PG_GUARDS if conn.dialect.name == "postgresql" else _SQLITE_GUARDS
    for stmt in stmts:
        conn.exec_driver_sql(stmt)
