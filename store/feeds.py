"""The feeds table: which feeds to poll, how often, and how polling has gone.

Feed state is operational, not a fact about the world, so it lives in a mutable table beside
the log. Durations are parsed here because both the CLI and the API accept them.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from store.log import utc_now_iso

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
FEED_COLUMNS = ("url", "interval_s", "fixed_interval", "fetch_full_text", "etag", "last_modified", "added_at",
                "last_polled_at", "last_ok_at", "last_new_at", "next_poll_at", "failures", "last_error",
                "lease_owner", "lease_expires_at", "moved_to", "entries_seen", "mean_gap_s", "cache_s")
# Columns added after the table first shipped; `ensure_columns` adds them to older databases.
# Columns later rollcalls added to tables a store may already have: table -> column -> type.
_ADDED_COLUMNS = {"rc_feeds": {"mean_gap_s": "DOUBLE PRECISION", "cache_s": "INTEGER"},
                  "rc_articles": {"author": "TEXT"}}


def parse_duration(value: str) -> int:
    """'30s', '15m', '1h', '2d' or plain seconds -> seconds; ValueError names the bad value."""
    m = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", value or "")
    if not m or int(m.group(1)) <= 0:
        raise ValueError(f"{value!r} is not a duration like 30s, 15m, 1h")
    return int(m.group(1)) * _UNITS[m.group(2) or "s"]


def format_duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def add_feed(conn: Connection, url: str, interval_s: int = 900, *, fixed: bool = False,
             full_text: bool = False) -> bool:
    """Add a feed, or update its interval if it is already there; True when it was new."""
    exists = conn.execute(text("SELECT 1 FROM rc_feeds WHERE url=:u"), {"u": url}).first()
    if exists:
        # a shorter interval takes effect now, not after the wait the old one scheduled
        soonest = utc_now_iso(datetime.now(timezone.utc) + timedelta(seconds=interval_s))
        conn.execute(text("UPDATE rc_feeds SET interval_s=:i, fixed_interval=:f, fetch_full_text=:t, "
                          "next_poll_at=CASE WHEN next_poll_at IS NOT NULL AND next_poll_at > :s THEN :s "
                          "ELSE next_poll_at END WHERE url=:u"),
                     {"i": interval_s, "f": fixed, "t": full_text, "u": url, "s": soonest})
        return False
    now = utc_now_iso()
    conn.execute(text("INSERT INTO rc_feeds (url, interval_s, fixed_interval, fetch_full_text, added_at, "
                      "next_poll_at, failures, entries_seen) VALUES (:u, :i, :f, :t, :now, :now, 0, 0)"),
                 {"u": url, "i": interval_s, "f": fixed, "t": full_text, "now": now})
    return True


def remove_feed(conn: Connection, url: str) -> bool:
    return conn.execute(text("DELETE FROM rc_feeds WHERE url=:u"), {"u": url}).rowcount > 0


def list_feeds(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(text(f"SELECT {', '.join(FEED_COLUMNS)} FROM rc_feeds ORDER BY url"))
    return [dict(zip(FEED_COLUMNS, r)) for r in rows]


def get_feed(conn: Connection, url: str) -> dict[str, Any] | None:
    r = conn.execute(text(f"SELECT {', '.join(FEED_COLUMNS)} FROM rc_feeds WHERE url=:u"), {"u": url}).first()
    return dict(zip(FEED_COLUMNS, r)) if r else None


def remove_feed_or_alias(conn: Connection, url: str) -> bool:
    """Remove a feed by its URL, or the feed it moved to (a permanent redirect) as well."""
    row = conn.execute(text("SELECT moved_to FROM rc_feeds WHERE url=:u"), {"u": url}).first()
    removed = remove_feed(conn, url)
    if row is not None and row[0]:
        remove_feed(conn, row[0])
    return removed


def ensure_columns(conn: Connection) -> None:
    """Add the columns a table created by an older rollcall lacks."""
    insp = inspect(conn)
    for table, columns in _ADDED_COLUMNS.items():
        have = {c["name"] for c in insp.get_columns(table)}
        for name, sql_type in columns.items():
            if name not in have:
                conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")


# -- leases: which daemon polls which feed ---------------------------------------------------
#
# A daemon claims due feeds by writing its name and an expiry into the row. Any number of
# daemons may share one database: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets concurrent
# claimers pass over each other's rows instead of queueing on them; on SQLite the caller's
# `BEGIN IMMEDIATE` (Store.write) makes the whole claim one writer at a time. A daemon that dies
# holding leases loses them when they expire; the next claimer takes the feeds over.

def iso(dt: datetime) -> str:
    return utc_now_iso(dt)


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def claim_due(conn: Connection, owner: str, *, now: datetime, lease_s: float, limit: int,
              due_by: datetime | None = None) -> list[dict[str, Any]]:
    """Lease up to `limit` feeds that are due (by `due_by`, default `now`) and not leased by a
    live owner; returns their rows.

    Must run inside a write transaction (Store.write()). Feeds that moved (permanent redirect)
    are not polled any more; their successor row is.
    """
    now_s = iso(now)
    sql = (f"SELECT {', '.join(FEED_COLUMNS)} FROM rc_feeds "
           "WHERE (next_poll_at IS NULL OR next_poll_at <= :due) AND moved_to IS NULL "
           "AND (lease_expires_at IS NULL OR lease_expires_at < :now) "
           "ORDER BY next_poll_at, url LIMIT :n")
    if conn.dialect.name == "postgresql":
        sql += " FOR UPDATE SKIP LOCKED"
    params = {"now": now_s, "due": iso(min(due_by, now)) if due_by else now_s, "n": int(limit)}
    rows = [dict(zip(FEED_COLUMNS, r)) for r in conn.execute(text(sql), params)]
    if not rows:
        return []
    expires = iso(now + timedelta(seconds=lease_s))
    conn.execute(text("UPDATE rc_feeds SET lease_owner=:o, lease_expires_at=:e WHERE url=:u"),
                 [{"o": owner, "e": expires, "u": r["url"]} for r in rows])
    for r in rows:
        r["lease_owner"], r["lease_expires_at"] = owner, expires
    return rows


def renew_leases(conn: Connection, owner: str, urls: list[str], *, now: datetime, lease_s: float) -> int:
    """Extend this owner's leases (long rounds); returns how many it still held."""
    if not urls:
        return 0
    expires = iso(now + timedelta(seconds=lease_s))
    return sum(conn.execute(text("UPDATE rc_feeds SET lease_expires_at=:e WHERE url=:u AND lease_owner=:o"),
                            {"e": expires, "u": u, "o": owner}).rowcount for u in urls)


def release_leases(conn: Connection, owner: str, urls: list[str] | None = None, *,
                   next_poll_at: str | None = None) -> int:
    """Give back leases without recording a poll (shutdown, abandoned work): the feeds are free
    for any daemon at once, or from `next_poll_at` when given."""
    params: dict[str, Any] = {"o": owner}
    sets = "lease_owner=NULL, lease_expires_at=NULL"
    if next_poll_at is not None:
        sets += ", next_poll_at=:np"
        params["np"] = next_poll_at
    if urls is None:
        return conn.execute(text(f"UPDATE rc_feeds SET {sets} WHERE lease_owner=:o"), params).rowcount
    return sum(conn.execute(text(f"UPDATE rc_feeds SET {sets} WHERE url=:u AND lease_owner=:o"),
                            {**params, "u": u}).rowcount for u in urls)


def _held(conn: Connection, url: str, owner: str) -> bool:
    """True when `owner` still holds the lease on `url`, or nobody does (it expired and was
    not taken over): then our result is still the latest word on the feed."""
    row = conn.execute(text("SELECT lease_owner FROM rc_feeds WHERE url=:u"), {"u": url}).first()
    return row is not None and (row[0] is None or row[0] == owner)


def record_success(conn: Connection, url: str, owner: str, *, now: datetime, next_poll_at: datetime,
                   etag: str | None, last_modified: str | None, new_entries: int = 0,
                   entries_seen: int | None = None, mean_gap_s: float | None = None,
                   cache_s: int | None = None, moved_to: str | None = None) -> str | None:
    """A poll worked: store validators and schedule, clear failures, release the lease.

    With `moved_to` (a permanent redirect) the old row keeps its history, stops being polled
    and points at the new URL, which becomes a feed of its own with the same settings. Returns
    the URL the feed lives under now, or None when another daemon had taken the lease over.
    """
    if not _held(conn, url, owner):
        return None
    now_s = iso(now)
    params = {"u": url, "now": now_s, "np": iso(next_poll_at), "et": etag, "lm": last_modified,
              "gap": mean_gap_s, "cache": cache_s, "seen": entries_seen}
    new_sql = ", last_new_at=:now" if new_entries > 0 else ""
    conn.execute(text(
        "UPDATE rc_feeds SET last_polled_at=:now, last_ok_at=:now, failures=0, last_error=NULL, "
        "etag=:et, last_modified=:lm, next_poll_at=:np, mean_gap_s=:gap, cache_s=:cache, "
        "entries_seen=COALESCE(:seen, entries_seen), lease_owner=NULL, lease_expires_at=NULL"
        + new_sql + " WHERE url=:u"), params)
    if not moved_to or moved_to == url:
        return url
    row = get_feed(conn, url)
    assert row is not None
    if get_feed(conn, moved_to) is None:
        conn.execute(text(
            "INSERT INTO rc_feeds (url, interval_s, fixed_interval, fetch_full_text, etag, last_modified, added_at, "
            "last_polled_at, last_ok_at, last_new_at, next_poll_at, failures, entries_seen, mean_gap_s, cache_s) "
            "VALUES (:u, :i, :f, :t, :et, :lm, :now, :now, :now, :ln, :np, 0, :seen, :gap, :cache)"),
            {**params, "u": moved_to, "i": row["interval_s"], "f": row["fixed_interval"], "t": row["fetch_full_text"],
             "ln": row["last_new_at"], "seen": row["entries_seen"]})
    conn.execute(text("UPDATE rc_feeds SET moved_to=:m, next_poll_at=NULL, last_error=:e WHERE url=:u"),
                 {"m": moved_to, "u": url, "e": f"moved permanently to {moved_to}"})
    return moved_to


def record_failure(conn: Connection, url: str, owner: str, *, now: datetime, next_poll_at: datetime,
                   error: str) -> int | None:
    """A poll failed: count it, keep the error, schedule the retry, release the lease.
    Returns the consecutive failure count, or None when the lease had been taken over."""
    if not _held(conn, url, owner):
        return None
    conn.execute(text(
        "UPDATE rc_feeds SET last_polled_at=:now, failures=failures+1, last_error=:e, next_poll_at=:np, "
        "lease_owner=NULL, lease_expires_at=NULL WHERE url=:u"),
        {"u": url, "now": iso(now), "e": (error or "error")[:1000], "np": iso(next_poll_at)})
    row = conn.execute(text("SELECT failures FROM rc_feeds WHERE url=:u"), {"u": url}).first()
    return int(row[0]) if row else None
