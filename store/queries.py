"""Answers for users: rosters, timelines, replays, flows and the fact log, on both time axes.

Every query takes `known_at` (transaction time) and turns it into a log position first:
facts, sources, retractions and merges recorded after that position do not exist for the
answer. Roster-shaped questions are range scans on the bitemporal membership table.
"""
from __future__ import annotations

import re

from datetime import date as _date, datetime, timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection

from store import log, rosters
from store.selectin import select_in
from store.membership import Segment
from store.projector import norm_name


class NotFound(LookupError):
    """A name that matches no person or organization the store knows."""


def today() -> str:
    return _date.today().isoformat()


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: str) -> str:
    """A calendar date as YYYY-MM-DD, or ValueError: the one rule the CLI and API share."""
    if not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    _date.fromisoformat(value)
    return value


def normalize_known_at(value: str) -> str:
    """Accept a date or a datetime (naive = UTC) and give the log's ISO UTC form; a bare
    date means the end of that day."""
    v = value.strip()
    if len(v) == 10:
        return f"{check_date(v)}T23:59:59.999999Z"
    dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def position_for(conn: Connection, known_at: str | None) -> int:
    if known_at is None:
        return log.head(conn)[0]
    return log.position_at(conn, normalize_known_at(known_at))


def _ceiling(conn: Connection, known_at: str | None, upto: int) -> int:
    """The log's head, which bounds every position a membership row holds (`intervals.tx_path`)."""
    return upto if known_at is None else log.head(conn)[0]


def _merged_map(conn: Connection, kind: str, upto: int) -> dict[str, str]:
    rows = conn.execute(text("SELECT id, merged_into FROM rc_entities WHERE kind=:k AND merged_into IS NOT NULL "
                             "AND merged_position <= :p"), {"k": kind, "p": upto})
    return {r[0]: r[1] for r in rows}


def canonical(merged: dict[str, str], eid: str) -> str:
    seen: set[str] = set()
    while eid in merged and eid not in seen:
        seen.add(eid)
        eid = merged[eid]
    return eid


def entity_names(conn: Connection, kind: str, ids: "Iterable[str]") -> dict[str, str]:
    """Names of many entities in a few IN queries (a roster names hundreds of people)."""
    wanted = sorted(set(ids))
    out = dict(select_in(conn, "SELECT id, name FROM rc_entities WHERE kind = {m} AND id", wanted, (kind,)))
    return {e: out.get(e, e) for e in wanted}


def resolve(conn: Connection, kind: str, name: str, upto: int) -> dict[str, str]:
    """A person or organization by any alias, id, or case: {"id", "name"}; raises NotFound."""
    key = norm_name(name)
    row = conn.execute(text("SELECT entity_id FROM rc_aliases WHERE kind=:k AND norm=:n AND position <= :p"),
                       {"k": kind, "n": key, "p": upto}).first()
    eid = row[0] if row else None
    if eid is None:
        row = conn.execute(text("SELECT id FROM rc_entities WHERE kind=:k AND (id=:i OR id=:s) AND first_position <= :p"),
                           {"k": kind, "i": name, "s": key.replace(" ", "-"), "p": upto}).first()
        eid = row[0] if row else None
    if eid is None:
        eid = _fuzzy(conn, kind, key, upto)
    if eid is None:
        raise NotFound(f"no {'organization' if kind == 'org' else 'person'} named {name!r} is known")
    return _canonical_named(conn, kind, eid, upto)


def _canonical_named(conn: Connection, kind: str, eid: str, upto: int) -> dict[str, str]:
    """Follow merges made by `upto` to the surviving entity, with its name: one query per
    link (usually one in all), where loading the whole merge map cost a query per thousand
    merged people."""
    seen: set[str] = set()
    sql = text("SELECT name, merged_into, merged_position FROM rc_entities WHERE kind=:k AND id=:i")
    while True:
        row = conn.execute(sql, {"k": kind, "i": eid}).first()
        if row is None:
            return {"id": eid, "name": eid}
        if row[1] is None or row[2] is None or row[2] > upto or eid in seen:
            return {"id": eid, "name": row[0]}
        seen.add(eid)
        eid = row[1]


def _fuzzy(conn: Connection, kind: str, key: str, upto: int) -> str | None:
    """A lookup a person would expect to work: a unique surname ("schwarzer"), or a close
    spelling ("Karpaty"). Ambiguous matches find nothing rather than the wrong entity."""
    from rapidfuzz import fuzz, process

    rows = conn.execute(text("SELECT norm, entity_id FROM rc_aliases WHERE kind=:k AND position <= :p"),
                        {"k": kind, "p": upto}).fetchall()
    if not rows or not key:
        return None
    by_last = {eid for norm, eid in rows if norm.split()[-1:] == [key]}
    if len(by_last) == 1:
        return by_last.pop()
    best = process.extract(key, {i: r[0] for i, r in enumerate(rows)}, scorer=fuzz.WRatio, limit=3)
    good = {rows[i][1] for _, score, i in best if score >= 90}
    return good.pop() if len(good) == 1 else None


def members_of(conn: Connection, kind: str, eid: str, upto: int) -> list[str]:
    merged = _merged_map(conn, kind, upto)
    return [eid] + [k for k in merged if canonical(merged, k) == eid and k != eid]


_SEG_SELECT = ("SELECT person_id, org_id, role, valid_from, valid_to, since, until, certain, board, fact_ids "
               "FROM rc_membership WHERE tx_from <= :p AND tx_to > :p")


def _segment(r: Any) -> tuple[str, Segment]:
    return r[0], Segment(r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), bool(r[8]),
                         tuple(r[9].split(",")) if r[9] else ())


def roster(conn: Connection, org: str, as_of: str | None = None, known_at: str | None = None, *,
           limit: int | None = None, offset: int = 0, name: str | None = None) -> dict:
    """Who was at ORG on `as_of` (default today) as known at `known_at` (default now).
    `limit`/`offset` page the members; `total` counts them all; `name` keeps the members
    whose name contains it (and `total` counts those)."""
    upto = position_for(conn, known_at)
    o = resolve(conn, "org", org, upto)
    day = as_of or today()
    members, total = rosters.page(conn, o["id"], day, upto, limit, offset, _ceiling(conn, known_at, upto), name)
    return {"org": o, "as_of": day, "known_at": known_at, "total": total, "offset": offset, "limit": limit,
            "members": members}


def replay(conn: Connection, to: str | None = None, known_at: str | None = None, *,
           limit: int | None = None, name: str | None = None) -> dict:
    """Every roster on a day. `limit` caps the members listed per organization (the first
    ones in roster order); each roster's `total` still counts them all. With `name`, only
    members whose name contains it, and only the rosters that have some."""
    upto = position_for(conn, known_at)
    day = to or today()
    ceiling = _ceiling(conn, known_at, upto)
    found = {oid: rosters.page(conn, oid, day, upto, limit, ceiling=ceiling, name=name)
             for oid in rosters.org_ids(conn, upto)}
    found = {oid: page for oid, page in found.items() if page[1]}
    org_names = entity_names(conn, "org", found)
    out = [{"org": {"id": oid, "name": org_names[oid]}, "as_of": day, "known_at": known_at, "total": total,
            "members": members} for oid, (members, total) in found.items()]
    out.sort(key=lambda r: (-r["total"], r["org"]["name"].casefold()))
    return {"as_of": day, "known_at": known_at, "rosters": out}


_FACT_SELECT = ("SELECT f.event_id, f.position, f.type, f.person_id, f.org_id, f.role, f.date, f.precision, "
                "f.date_inferred, f.confidence, f.recorded_at, f.retracted_position, f.retract_reason FROM rc_facts f")


def _fact_dicts(conn: Connection, rows: list, upto: int, include_retracted: bool) -> list[dict]:
    people, orgs = _merged_map(conn, "person", upto), _merged_map(conn, "org", upto)
    srcs = rosters.sources_for(conn, [r[0] for r in rows], upto)
    people_names = entity_names(conn, "person", (canonical(people, r[3]) for r in rows))
    org_names = entity_names(conn, "org", (canonical(orgs, r[4]) for r in rows))

    def named(kind: str, eid: str) -> dict:
        return {"id": eid, "name": (people_names if kind == "person" else org_names)[eid]}

    out = []
    for r in rows:
        retracted = r[11] is not None and r[11] <= upto
        if retracted and not include_retracted:
            continue
        out.append({
            "id": r[0], "position": r[1], "type": r[2],
            "person": named("person", canonical(people, r[3])), "org": named("org", canonical(orgs, r[4])),
            "role": r[5], "date": r[6], "date_precision": r[7], "date_inferred": bool(r[8]),
            "recorded_at": r[10], "status": "retracted" if retracted else "active",
            "retract_reason": r[12] if retracted else None,
            "confidence": round(float(r[9]), 3), "sources": srcs.get(r[0], []),
        })
    return out


def facts(conn: Connection, *, type_: str | None = None, person: str | None = None, org: str | None = None,
          include_retracted: bool = False, known_at: str | None = None, offset: int = 0,
          limit: int | None = None, page: int = 2000) -> Iterator[dict]:
    """The fact log, one dict per fact with all its sources, in log order; streamed."""
    upto = position_for(conn, known_at)
    where, params = ["f.position <= :p"], {"p": upto}
    if type_:
        where.append("f.type = :t")
        params["t"] = type_
    for kind, name, col in (("person", person, "person_id"), ("org", org, "org_id")):
        if name:
            ids = members_of(conn, kind, resolve(conn, kind, name, upto)["id"], upto)
            where.append(f"f.{col} IN (" + ", ".join(f":{kind}{i}" for i in range(len(ids))) + ")")
            params.update({f"{kind}{i}": v for i, v in enumerate(ids)})
    if not include_retracted:
        where.append("(f.retracted_position IS NULL OR f.retracted_position > :p)")
    sql = text(f"{_FACT_SELECT} WHERE {' AND '.join(where)} AND f.position > :after ORDER BY f.position LIMIT :n")
    after, skipped, emitted = 0, 0, 0
    while True:
        rows = conn.execute(sql, {**params, "after": after, "n": page}).fetchall()
        if not rows:
            return
        after = rows[-1][1]
        for d in _fact_dicts(conn, rows, upto, include_retracted):
            if skipped < offset:
                skipped += 1
                continue
            if limit is not None and emitted >= limit:
                return
            emitted += 1
            yield d
        if len(rows) < page:
            return


def person(conn: Connection, name: str, known_at: str | None = None) -> dict:
    upto = position_for(conn, known_at)
    p = resolve(conn, "person", name, upto)
    ids = members_of(conn, "person", p["id"], upto)
    marks = ", ".join(f":i{i}" for i in range(len(ids)))
    rows = conn.execute(text(f"{_FACT_SELECT} WHERE f.person_id IN ({marks}) AND f.position <= :p ORDER BY f.position"),
                        {**{f"i{i}": v for i, v in enumerate(ids)}, "p": upto}).fetchall()
    timeline = _fact_dicts(conn, rows, upto, include_retracted=True)
    timeline.sort(key=lambda f: (f["date"] or (f["sources"][0]["published"] if f["sources"] and f["sources"][0]["published"] else "9999"),
                                 f["position"]))
    aliases = sorted({r[0] for r in conn.execute(text(
        f"SELECT alias FROM rc_aliases WHERE kind='person' AND entity_id IN ({marks}) AND position <= :p"),
        {**{f"i{i}": v for i, v in enumerate(ids)}, "p": upto})} - {p["name"]})
    stints = [_segment(r)[1] for r in conn.execute(text(_SEG_SELECT + " AND person_id=:pid ORDER BY valid_from"),
                                                    {"p": upto, "pid": p["id"]})]
    stint_orgs = entity_names(conn, "org", (s.org_id for s in stints))
    return {"person": p, "aliases": aliases, "known_at": known_at,
            "timeline": [{"date": f["date"], "type": f["type"], "org": f["org"], "role": f["role"],
                          "id": f["id"], "status": f["status"], "date_inferred": f["date_inferred"],
                          "sources": f["sources"]} for f in timeline],
            "stints": [{"org": {"id": s.org_id, "name": stint_orgs[s.org_id]}, "role": s.role,
                        "from": s.start, "to": s.end, "since": s.since, "until": s.until,
                        "certain": s.certain, "board": s.board} for s in stints]}


def flows(conn: Connection, start: str | None = None, end: str | None = None, known_at: str | None = None) -> dict:
    """Moves between organizations: a person's stint at A followed by a stint at B whose
    dated start lies inside [start, end]. Board seats are not moves."""
    upto = position_for(conn, known_at)
    lo, hi = start or "0000-01-01", end or today()
    by_person: dict[str, list[Segment]] = {}
    for r in conn.execute(text(_SEG_SELECT + " AND board = :b ORDER BY person_id, valid_from"),
                          {"p": upto, "b": False}):
        pid, seg = _segment(r)
        by_person.setdefault(pid, []).append(seg)
    moves = []
    for pid, segs in by_person.items():
        segs.sort(key=lambda s: (s.start or "", s.end or "9999"))
        for a, b in zip(segs, segs[1:]):
            if a.org_id == b.org_id or a.end is None or b.start is None or b.since is None:
                continue  # a move needs a dated arrival to be placed in a period
            if lo <= b.start <= hi and a.end <= b.start:
                moves.append({"person": {"id": pid},
                              "from": {"id": a.org_id},
                              "to": {"id": b.org_id},
                              "date": b.since or b.start})
    pn = entity_names(conn, "person", (m["person"]["id"] for m in moves))
    on = entity_names(conn, "org", (o for m in moves for o in (m["from"]["id"], m["to"]["id"])))
    for m in moves:
        m["person"]["name"] = pn[m["person"]["id"]]
        m["from"]["name"], m["to"]["name"] = on[m["from"]["id"]], on[m["to"]["id"]]
    totals: dict[tuple[str, str], dict] = {}
    for m in moves:
        key = (m["from"]["id"], m["to"]["id"])
        t = totals.setdefault(key, {"from": m["from"], "to": m["to"], "count": 0, "people": []})
        t["count"] += 1
        t["people"].append(m["person"]["name"])
    return {"from": start, "to": end, "known_at": known_at,
            "flows": sorted(totals.values(), key=lambda t: -t["count"]),
            "moves": sorted(moves, key=lambda m: m["date"] or "")}


def orgs(conn: Connection, known_at: str | None = None) -> list[dict]:
    upto = position_for(conn, known_at)
    merged = _merged_map(conn, "org", upto)
    rows = conn.execute(text("SELECT id, name FROM rc_entities WHERE kind='org' AND first_position <= :p ORDER BY name"),
                        {"p": upto})
    return [{"id": r[0], "name": r[1]} for r in rows if r[0] not in merged]
