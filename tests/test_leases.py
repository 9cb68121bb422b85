"""The lease SQL on both engines: claiming due feeds, exclusivity between claimers, expiry,
renewal, release, and recording polls (success, failure, permanent redirect)."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from store.db import Store
from store.feeds import (add_feed, claim_due, ensure_columns, get_feed, iso, list_feeds, record_failure,
                         record_success, release_leases, remove_feed_or_alias, renew_leases)

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def _add(store: Store, n: int, when: datetime = T0) -> list[str]:
    urls = [f"http://127.0.0.1:1/feed{i:02d}.xml" for i in range(n)]
    with store.write() as conn:
        ensure_columns(conn)
        for u in urls:
            add_feed(conn, u, 60)
        conn.exec_driver_sql(f"UPDATE rc_feeds SET next_poll_at = '{iso(when)}'")
    return urls


def claim(store: Store, owner: str, now: datetime, limit: int = 100, lease_s: float = 60) -> list[str]:
    with store.write() as conn:
        return [r["url"] for r in claim_due(conn, owner, now=now, lease_s=lease_s, limit=limit)]


def test_claims_are_exclusive_until_the_lease_expires(store: Store):
    urls = _add(store, 5)
    assert claim(store, "a", T0 - timedelta(seconds=1)) == []  # not due yet
    assert claim(store, "a", T0, limit=3) == urls[:3]
    assert claim(store, "b", T0 + timedelta(seconds=1)) == urls[3:]
    assert claim(store, "c", T0 + timedelta(seconds=2)) == []
    # a's leases run out (a died): c takes a's feeds, not b's
    assert claim(store, "c", T0 + timedelta(seconds=61)) == urls[:3]
    with store.read() as conn:
        owners = {r["url"]: r["lease_owner"] for r in list_feeds(conn)}
    assert [owners[u] for u in urls] == ["c", "c", "c", "b", "b"]


def test_renew_and_release(store: Store):
    urls = _add(store, 3)
    assert claim(store, "a", T0, lease_s=10) == urls
    with store.write() as conn:
        assert renew_leases(conn, "a", urls[:2], now=T0 + timedelta(seconds=5), lease_s=10) == 2
        assert renew_leases(conn, "b", urls, now=T0, lease_s=10) == 0
    # urls[2]'s lease expired at +10 s; the renewed ones last until +15 s
    assert claim(store, "b", T0 + timedelta(seconds=12)) == urls[2:]
    with store.write() as conn:
        assert release_leases(conn, "a", [urls[0]]) == 1
    assert claim(store, "b", T0 + timedelta(seconds=13)) == [urls[0]]
    with store.write() as conn:
        assert release_leases(conn, "b") == 2
        assert release_leases(conn, "a", next_poll_at=iso(T0 + timedelta(hours=1))) == 1
    assert claim(store, "c", T0 + timedelta(seconds=14)) == [urls[0], urls[2]]  # urls[1] waits an hour
    with store.read() as conn:
        assert get_feed(conn, urls[1])["next_poll_at"] == iso(T0 + timedelta(hours=1))


def test_success_and_failure_are_recorded_and_release_the_lease(store: Store):
    (u,) = _add(store, 1)
    assert claim(store, "a", T0) == [u]
    with store.write() as conn:
        assert record_failure(conn, u, "a", now=T0, next_poll_at=T0 + timedelta(minutes=1), error="HTTP 500") == 1
    assert claim(store, "a", T0 + timedelta(seconds=59)) == []
    assert claim(store, "a", T0 + timedelta(minutes=1)) == [u]
    with store.write() as conn:
        assert record_failure(conn, u, "a", now=T0, next_poll_at=T0 + timedelta(minutes=2), error="HTTP 503") == 2
    assert claim(store, "b", T0 + timedelta(minutes=2)) == [u]
    # a's late answer does not overwrite b's lease
    with store.write() as conn:
        assert record_success(conn, u, "a", now=T0, next_poll_at=T0 + timedelta(hours=1), etag='"x"',
                              last_modified=None) is None
        assert record_success(conn, u, "b", now=T0 + timedelta(minutes=2), next_poll_at=T0 + timedelta(hours=1),
                              etag='"v2"', last_modified="Tue, 10 Mar 2026 10:00:00 GMT", new_entries=3,
                              entries_seen=3, mean_gap_s=1200.0, cache_s=600) == u
        row = get_feed(conn, u)
    assert row["failures"] == 0 and row["last_error"] is None and row["etag"] == '"v2"'
    assert row["lease_owner"] is None and row["last_new_at"] == iso(T0 + timedelta(minutes=2))
    assert row["entries_seen"] == 3 and row["mean_gap_s"] == 1200.0 and row["cache_s"] == 600
    assert row["next_poll_at"] == iso(T0 + timedelta(hours=1))


def test_permanent_redirect_moves_the_feed(store: Store):
    (u,) = _add(store, 1)
    new = "http://127.0.0.1:1/new-home.xml"
    assert claim(store, "a", T0) == [u]
    with store.write() as conn:
        assert record_success(conn, u, "a", now=T0, next_poll_at=T0 + timedelta(minutes=5), etag=None,
                              last_modified=None, new_entries=1, entries_seen=1, moved_to=new) == new
        old, moved = get_feed(conn, u), get_feed(conn, new)
    assert old["moved_to"] == new and old["next_poll_at"] is None and "moved" in old["last_error"]
    assert moved["interval_s"] == 60 and moved["next_poll_at"] == iso(T0 + timedelta(minutes=5))
    # the old URL is never claimed again; the new one is
    assert claim(store, "a", T0 + timedelta(days=1)) == [new]
    with store.write() as conn:
        assert remove_feed_or_alias(conn, u)
        assert list_feeds(conn) == []


def test_concurrent_claimers_never_share_a_feed(db_url: str):
    setup = Store(db_url)
    urls = _add(setup, 40)
    setup.dispose()
    got: dict[str, list[str]] = {}

    def worker(name: str) -> None:
        s = Store(db_url, create=False)
        mine: list[str] = []
        for _ in range(20):
            mine += claim(s, name, T0 + timedelta(seconds=1), limit=3)
        got[name] = mine
        s.dispose()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [u for mine in got.values() for u in mine]
    assert sorted(claimed) == sorted(urls)  # each feed exactly once
