"""The feeds table: which feeds to poll, how often, and how polling has gone.

Feed state is operational, not a fact about the world, so it lives in a mutable table beside
the log. Durations are parsed here because both the CLI and the API accept them.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from store.log import utc_now_iso

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
FEED_COLUMNS = ("url", "interval_s", "fixed_interval", "fetch_full_text", "etag", "last_modified", "added_at",
                "last_polled_at", "last_ok_at", "last_new_at", "next_poll_at", "failures", "last_error",
                "lease_owner", "lease_expires_at", "moved_to", "entries_seen")


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
        conn.execute(text("UPDATE rc_feeds SET interval_s=:i, fixed_interval=:f, fetch_full_text=:t WHERE url=:u"),
                     {"i": interval_s, "f": fixed, "t": full_text, "u": url})
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
