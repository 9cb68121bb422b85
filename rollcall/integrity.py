"""`rollcall verify`: the hash chain is intact, and the live projections equal a rebuild.

The rebuild happens in a scratch SQLite file, never in the live store, so verifying is
read-only and safe while the daemon runs.
"""
from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy.engine import Connection

from store import log, projector
from store.db import Store

# Projection tables and the columns that must agree (row ids are an implementation detail).
_COMPARED = {
    "rc_facts": "event_id, position, type, person_id, org_id, role, date, precision, date_inferred, confidence, "
                "evidence, recorded_at, retracted_position, retract_reason",
    "rc_fact_sources": "fact_id, position, article, url, path, published, quote, role, date",
    "rc_entities": "kind, id, name, first_position, merged_into, merged_position",
    "rc_aliases": "kind, norm, entity_id, alias, position",
    "rc_membership": "person_id, org_id, role, valid_from, valid_to, since, until, certain, board, fact_ids, tx_from, tx_to",
}
_EVENT_COLS = ("position, event_id, type, person_key, org_key, payload, valid_date, valid_precision, recorded_at, "
               "idempotency_key, prev_hash, hash")


def snapshot(conn: Connection, upto: int) -> dict[str, Counter]:
    out = {}
    for table, cols in _COMPARED.items():
        where = ""
        if table == "rc_membership":
            where = f" WHERE tx_from <= {int(upto)}"
        rows = conn.exec_driver_sql(f"SELECT {cols} FROM {table}{where}").fetchall()
        out[table] = Counter(tuple(_plain(v) for v in r) for r in rows)
    return out


def _plain(v: object) -> object:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        return round(v, 6)
    return v


def copy_events(store: Store, target: Store, upto: int) -> None:
    """Copy the log's prefix up to `upto`, row for row (hashes and times kept), into an
    empty store: a from-scratch replay of exactly what the live store had then."""
    marks = ", ".join(["?" if target.is_sqlite else "%s"] * 12)
    with store.read() as src, target.write() as dst:
        batch = []
        for r in src.exec_driver_sql(f"SELECT {_EVENT_COLS} FROM rc_events WHERE position <= {int(upto)} "
                                     "ORDER BY position"):
            batch.append(tuple(r))
            if len(batch) >= 5000:
                dst.exec_driver_sql(f"INSERT INTO rc_events ({_EVENT_COLS}) VALUES ({marks})", batch)
                batch = []
        if batch:
            dst.exec_driver_sql(f"INSERT INTO rc_events ({_EVENT_COLS}) VALUES ({marks})", batch)


def verify_store(store: Store) -> dict:
    projector.catch_up(store)
    with store.read() as conn:
        n, bad, why = log.verify_chain(log.read(conn))
        upto = projector.get_checkpoint(conn)
        live = snapshot(conn, upto)
    with tempfile.TemporaryDirectory(prefix="rollcall-verify-") as tmp:
        scratch = Store(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        copy_events(store, scratch, upto)
        projector.catch_up(scratch)
        with scratch.read() as conn:
            rebuilt = snapshot(conn, upto)
        scratch.dispose()
    diffs = []
    for table in _COMPARED:
        if live[table] != rebuilt[table]:
            extra = sum((live[table] - rebuilt[table]).values())
            missing = sum((rebuilt[table] - live[table]).values())
            diffs.append(f"{table}: {extra} rows only live, {missing} rows only in the rebuild")
    return {"events": n, "chain_ok": bad is None, "broken_at": bad, "why": why,
            "checkpoint": upto, "projections_ok": not diffs, "differences": diffs}
