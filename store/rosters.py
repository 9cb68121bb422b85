"""Rosters: who was at an organization on a day, as the log stood at a position.

A roster is read from the bitemporal membership table through its interval-tree indexes
(`store.intervals`). A big lab's roster at a million events holds thousands of people, each
with sources; `limit`/`offset` page it: the page's order and total come from a narrow scan
(id, person, name, board), and only the page's rows and sources are read in full.
"""
from __future__ import annotations

from operator import itemgetter
from sqlalchemy import text
from sqlalchemy.engine import Connection

from store.intervals import clamp, day_number, probe
from store.membership import Segment, certain_on
from store.selectin import mark, select_in

_NARROW = "id, person_id, person_name, board"
_FULL = _NARROW + ", org_id, role, valid_from, valid_to, since, until, certain, fact_ids"


def alive_at(conn: Connection, cols: str, org_id: str, day: str, upto: int) -> list[tuple]:
    """Membership rows of one organization whose valid interval contains `day`, as the log
    stood at position `upto`: one index range scan per node on the interval tree's path to
    the day, the transaction bounds checked inside the index, the exact date bounds kept as
    a residual filter."""
    pr = probe(clamp(day_number(day) or 1))
    m = mark(conn)
    rest = (f" AND tx_from <= {m} AND tx_to > {m}"
            f" AND (valid_from IS NULL OR valid_from <= {m}) AND (valid_to IS NULL OR valid_to > {m})")
    rest_args = (upto, upto, day, day)
    head = f"SELECT {cols} FROM rc_membership WHERE org_id = {m} AND "
    parts, args = [f"{head}vnode = {m}{rest}"], [org_id, pr.exact, *rest_args]
    for nodes, bound in ((pr.right, "vlo <="), (pr.left, "vhi >=")):
        if nodes:
            parts.append(f"{head}vnode IN ({', '.join([m] * len(nodes))}) AND {bound} {m}{rest}")
            args += [org_id, *nodes, pr.exact, *rest_args]
    return conn.exec_driver_sql(" UNION ALL ".join(parts), tuple(args)).fetchall()


def pick(rows: list[tuple]) -> list[tuple]:
    """One row per person (an employment before a board seat, then the oldest row, so a full
    roster and each of its pages agree), in roster order: staff, then board, by name."""
    best: dict[str, tuple] = {}
    for r in rows:
        b = best.get(r[1])
        if b is None or (bool(r[3]), r[0]) < (bool(b[3]), b[0]):
            best[r[1]] = r
    return sorted(best.values(), key=lambda r: (bool(r[3]), (r[2] or r[1]).casefold(), r[1]))


def sources_for(conn: Connection, fact_ids: list[str], upto: int) -> dict[str, list[dict]]:
    """Each fact's sources known at `upto`, oldest first."""
    out: dict[str, list[dict]] = {f: [] for f in fact_ids}
    rows = select_in(conn, "SELECT fact_id, position, article, url, path, published, quote "
                     "FROM rc_fact_sources WHERE position <= {m} AND fact_id", fact_ids, (upto,))
    rows.sort(key=itemgetter(1))
    for fid, _, article, url, path, published, quote in rows:
        out[fid].append({"article": article, "url": url, "path": path, "published": published, "quote": quote})
    return out


def members(conn: Connection, rows: list[tuple], as_of: str, upto: int) -> list[dict]:
    """Member dicts for `_FULL` rows already picked and ordered."""
    segs = [Segment(r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]), bool(r[3]),
                    tuple(r[11].split(",")) if r[11] else ()) for r in rows]
    srcs = sources_for(conn, sorted({f for s in segs for f in s.fact_ids}), upto)
    return [{
        "person": {"id": r[1], "name": r[2] or r[1]},
        "role": seg.role, "since": seg.since, "until": seg.until,
        "certain": certain_on(seg, as_of), "board": seg.board,
        "sources": [s for f in seg.fact_ids for s in srcs.get(f, ())],
    } for r, seg in zip(rows, segs)]


def page(conn: Connection, org_id: str, day: str, upto: int, limit: int | None = None,
         offset: int = 0) -> tuple[list[dict], int]:
    """(members on the page, total members)."""
    if limit is None:
        rows = pick(alive_at(conn, _FULL, org_id, day, upto))
        return members(conn, rows[offset:], day, upto), len(rows)
    order = pick(alive_at(conn, _NARROW, org_id, day, upto))
    ids = [r[0] for r in order[offset:offset + limit]]
    full = {r[0]: r for r in select_in(conn, f"SELECT {_FULL} FROM rc_membership WHERE id", ids)}
    return members(conn, [full[i] for i in ids], day, upto), len(order)


def org_ids(conn: Connection, upto: int) -> list[str]:
    """Every organization known at `upto` (merged ones too: before the merge they had rosters)."""
    return [r[0] for r in conn.execute(text(
        "SELECT id FROM rc_entities WHERE kind = 'org' AND first_position <= :p ORDER BY id"), {"p": upto})]
