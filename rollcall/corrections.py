"""Corrections as events: retractions, merges and aliases, checked against the store first
so a typo gets a clear error instead of an event that means nothing."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from store import log, queries
from store.events import ALIAS_ADDED, FACT_EVENTS, MERGED, RETRACTED, NewEvent


def retraction(conn: Connection, event_id: str, reason: str) -> NewEvent:
    ev = log.get(conn, event_id)
    if ev is None or ev.type not in FACT_EVENTS:
        raise ValueError(f"no fact with id {event_id!r} (see `rollcall events`)")
    row = conn.execute(text("SELECT retracted_position FROM rc_facts WHERE event_id=:e"), {"e": event_id}).first()
    if row is not None and row[0] is not None:
        raise ValueError(f"fact {event_id} is already retracted (at position {row[0]})")
    if not reason.strip():
        raise ValueError("a retraction needs a --reason")
    return NewEvent(type=RETRACTED, person_key=ev.person_key, org_key=ev.org_key,
                    payload={"fact": event_id, "reason": reason.strip(), "by": "user"})


def merger(conn: Connection, name_a: str, name_b: str, kind: str | None = None) -> NewEvent:
    """B becomes part of A: A's id and name are kept, B's names become A's aliases."""
    upto = log.head(conn)[0]
    kinds = [kind] if kind else ["person", "org"]
    last: Exception | None = None
    for k in kinds:
        try:
            a = queries.resolve(conn, k, name_a, upto)
            b = queries.resolve(conn, k, name_b, upto)
        except queries.NotFound as exc:
            last = exc
            continue
        if a["id"] == b["id"]:
            raise ValueError(f"{name_a!r} and {name_b!r} already name the same {k}")
        return NewEvent(type=MERGED, person_key=a["id"] if k == "person" else None,
                        org_key=a["id"] if k == "org" else None,
                        payload={"kind": k, "from": b["id"], "into": a["id"]})
    raise LookupError(str(last))


def aliasing(conn: Connection, name: str, alias: str, kind: str) -> NewEvent:
    target = queries.resolve(conn, kind, name, log.head(conn)[0])
    return NewEvent(type=ALIAS_ADDED, payload={"kind": kind, "id": target["id"], "alias": alias})
