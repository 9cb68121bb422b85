"""Appending to and reading from the event log.

Appends take a lock for the length of their transaction (SQLite's write lock via
`BEGIN IMMEDIATE`; PostgreSQL's `pg_advisory_xact_lock`), so positions are assigned gapless
and commit in order: a reader catching up by position can never skip an event that a slower
writer commits later with a lower position. The same lock makes the hash chain and the
idempotency check race-free.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Iterable, Iterator, Sequence

import orjson
from sqlalchemy import text
from sqlalchemy.engine import Connection

from store.selectin import mark, select_in, tuples
from store.events import GENESIS_HASH, NewEvent, StoredEvent, canonical_json, event_hash, stored_hash

APPEND_LOCK = 72610002
_COLUMNS = ("position", "event_id", "type", "person_key", "org_key", "payload", "valid_date",
            "valid_precision", "recorded_at", "idempotency_key", "prev_hash", "hash")
_SELECT = "SELECT " + ", ".join(_COLUMNS) + " FROM rc_events"


def utc_now_iso(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _after(recorded_at: str) -> str:
    """One microsecond later: each append gets its own transaction time, strictly increasing,
    so a known-at instant always falls between appends, never inside one."""
    t = datetime.strptime(recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return utc_now_iso(t + timedelta(microseconds=1))


def _placeholders(conn: Connection, n: int) -> str:
    return ", ".join([mark(conn)] * n)


def existing_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    return {r[0] for r in select_in(conn, "SELECT idempotency_key FROM rc_events WHERE idempotency_key", keys)}


def head(conn: Connection) -> tuple[int, str, str | None]:
    """The last position, its hash and its recorded time (0, genesis, None on an empty log)."""
    row = conn.exec_driver_sql(
        "SELECT position, hash, recorded_at FROM rc_events ORDER BY position DESC LIMIT 1").first()
    if row is None:
        return 0, GENESIS_HASH, None
    return int(row[0]), row[1], row[2]


def append(conn: Connection, events: Sequence[NewEvent], now: datetime | None = None) -> list[StoredEvent]:
    """Append a batch inside the caller's write transaction; returns what was appended.

    Events whose idempotency key is already in the log (or earlier in the batch) are
    skipped, so re-running an ingestion appends nothing. Transaction time never goes
    backwards, even if the system clock does: each append's time is strictly later than the
    previous one's.
    """
    if not events:
        return []
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({APPEND_LOCK})")
    keys = [e.idempotency_key for e in events if e.idempotency_key]
    seen = existing_keys(conn, keys) if keys else set()
    position, prev, last_recorded = head(conn)
    recorded = utc_now_iso(now)
    if last_recorded and recorded <= last_recorded:
        recorded = _after(last_recorded)
    rows: list[tuple] = []
    out: list[StoredEvent] = []
    for e in events:
        if e.idempotency_key:
            if e.idempotency_key in seen:
                continue
            seen.add(e.idempotency_key)
        position += 1
        payload_json = canonical_json(e.payload)
        h = event_hash(prev, position, e.event_id, e.type, e.person_key, e.org_key, e.valid_date,
                       e.valid_precision, recorded, e.idempotency_key, payload_json)
        rows.append((position, e.event_id, e.type, e.person_key, e.org_key, payload_json, e.valid_date,
                     e.valid_precision, recorded, e.idempotency_key, prev, h))
        out.append(StoredEvent(position, e.event_id, e.type, e.person_key, e.org_key, e.payload,
                               e.valid_date, e.valid_precision, recorded, e.idempotency_key, prev, h))
        prev = h
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO rc_events ({', '.join(_COLUMNS)}) VALUES ({_placeholders(conn, len(_COLUMNS))})",
            rows)
    return out


def _payload(text_: str) -> dict:
    """orjson reads payloads ~3x faster than json (it bounds a catch-up); json still reads
    what orjson refuses (NaN, integers past 64 bits), which `canonical_json` may have written."""
    try:
        return orjson.loads(text_)
    except orjson.JSONDecodeError:
        return json.loads(text_)


def _row_to_event(r: Sequence) -> StoredEvent:
    return StoredEvent(int(r[0]), r[1], r[2], r[3], r[4], _payload(r[5]), r[6], r[7], r[8], r[9], r[10], r[11])


def read(conn: Connection, after: int = 0, *, types: Iterable[str] | None = None,
         person: str | None = None, org: str | None = None, upto: int | None = None,
         page: int = 5000) -> Iterator[StoredEvent]:
    """Stream events in position order, a page at a time, so a million-event log never sits
    in memory. Filters narrow by type and subject keys."""
    where: list[str] = []
    params: list = []
    m = mark(conn)
    if types is not None:
        tl = list(types)
        where.append("type IN (" + ", ".join([m] * len(tl)) + ")")
        params += tl
    for col, value in (("person_key", person), ("org_key", org), ("position", upto)):
        if value is not None:
            where.append(f"{col} {'<=' if col == 'position' else '='} {m}")
            params.append(value)
    # the driver's own cursor: no SQLAlchemy row objects on the hot path of every catch-up
    sql = f"{_SELECT} WHERE position > {m}{''.join(' AND ' + w for w in where)} ORDER BY position LIMIT {int(page)}"
    while True:
        rows = tuples(conn, sql, (after, *params))
        for r in rows:
            yield _row_to_event(r)
        if len(rows) < page:
            return
        after = int(rows[-1][0])


def get(conn: Connection, event_id: str) -> StoredEvent | None:
    row = conn.execute(text(f"{_SELECT} WHERE event_id = :e"), {"e": event_id}).first()
    return _row_to_event(row) if row else None


def position_at(conn: Connection, known_at: str) -> int:
    """The last position recorded at or before a transaction time (ISO, UTC).

    Transaction time never goes backwards along the log (`append` clamps it) and positions
    are gapless, so that is the position just before the first event recorded after
    `known_at`: one seek on the recorded-at index. (`MAX(position) WHERE recorded_at <= t`
    reads every earlier index entry: 4 ms at a million events.)"""
    row = conn.execute(text("SELECT position FROM rc_events WHERE recorded_at > :t "
                            "ORDER BY recorded_at, position LIMIT 1"), {"t": known_at}).first()
    if row is not None:
        return int(row[0]) - 1
    return head(conn)[0]


def verify_chain(events: Iterable[StoredEvent]) -> tuple[int, int | None, str | None]:
    """Walk the chain; returns (events checked, first bad position or None, why)."""
    prev = GENESIS_HASH
    expected_position = 0
    n = 0
    for e in events:
        n += 1
        expected_position += 1
        if e.position != expected_position:
            return n, e.position, f"gap: expected position {expected_position}"
        if e.prev_hash != prev:
            return n, e.position, "previous-hash link does not match the event before it"
        if stored_hash(e) != e.hash:
            return n, e.position, "contents do not match the stored hash"
        prev = e.hash
    return n, None, None
