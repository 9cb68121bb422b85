"""The append-only log on both engines: guards, idempotency, the hash chain, streaming reads."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from store import log
from store.db import Store, StoreError
from store.events import NewEvent


def ev(i: int, key: str | None = None) -> NewEvent:
    return NewEvent(type="joined", payload={"n": i}, person_key=f"p{i % 7}", org_key="o",
                    idempotency_key=key)


def test_append_assigns_gapless_positions_and_chains(store: Store) -> None:
    with store.write() as c:
        out = log.append(c, [ev(i) for i in range(10)])
    assert [e.position for e in out] == list(range(1, 11))
    assert out[1].prev_hash == out[0].hash
    with store.read() as c:
        got = list(log.read(c, page=3))
        assert [e.payload["n"] for e in got] == list(range(10))
        assert log.verify_chain(got) == (10, None, None)


def test_update_and_delete_fail_at_the_database(store: Store) -> None:
    with store.write() as c:
        log.append(c, [ev(1)])
    for stmt in ("UPDATE rc_events SET type='left'", "DELETE FROM rc_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.write() as c:
                c.exec_driver_sql(stmt)
    with store.read() as c:
        assert [e.type for e in log.read(c)] == ["joined"]


def test_reappending_same_keys_changes_nothing(store: Store) -> None:
    batch = [ev(i, key=f"k{i}") for i in range(50)]
    with store.write() as c:
        assert len(log.append(c, batch)) == 50
    again = [ev(i, key=f"k{i}") for i in range(50)] + [ev(99, key="k3")]
    with store.write() as c:
        assert log.append(c, again) == []
    with store.read() as c:
        assert log.head(c)[0] == 50


def test_duplicate_keys_inside_one_batch_append_once(store: Store) -> None:
    with store.write() as c:
        out = log.append(c, [ev(1, "same"), ev(2, "same")])
    assert len(out) == 1


def test_verify_names_a_row_altered_behind_the_store(store: Store) -> None:
    with store.write() as c:
        log.append(c, [ev(i) for i in range(20)])
    with store.write() as c:
        if store.is_sqlite:
            c.exec_driver_sql("DROP TRIGGER rc_events_no_update")
        else:
            c.exec_driver_sql("DROP TRIGGER rc_events_no_change ON rc_events")
        c.execute(text("UPDATE rc_events SET payload = :p WHERE position = 13"), {"p": '{"n":666}'})
    with store.read() as c:
        n, bad, why = log.verify_chain(log.read(c))
    assert bad == 13 and "hash" in why


def test_transaction_time_never_goes_backwards(store: Store) -> None:
    from datetime import datetime, timezone

    with store.write() as c:
        log.append(c, [ev(1)], now=datetime(2030, 1, 1, tzinfo=timezone.utc))
    with store.write() as c:
        (e,) = log.append(c, [ev(2)], now=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert e.recorded_at.startswith("2030-01-01")


def test_filters_and_known_at(store: Store) -> None:
    from datetime import datetime, timezone

    with store.write() as c:
        log.append(c, [ev(i) for i in range(7)], now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    with store.write() as c:
        log.append(c, [NewEvent(type="left", payload={}, person_key="p1", org_key="o")],
                   now=datetime(2026, 2, 1, tzinfo=timezone.utc))
    with store.read() as c:
        assert [e.type for e in log.read(c, person="p1")] == ["joined", "left"]
        assert len(list(log.read(c, types=["left"]))) == 1
        assert log.position_at(c, "2026-01-15T00:00:00Z") == 7
        assert log.position_at(c, "2025-01-01T00:00:00Z") == 0


def test_newer_schema_is_refused(db_url: str) -> None:
    s = Store(db_url)
    with s.write() as c:
        c.exec_driver_sql("UPDATE rc_meta SET value='999' WHERE key='schema_version'")
    s.dispose()
    with pytest.raises(StoreError, match="newer"):
        Store(db_url)
