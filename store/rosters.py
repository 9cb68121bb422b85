"""Rosters: who was at an organization on a day, as the log stood at a position.

A roster is read from the bitemporal membership table through its interval-tree indexes
(`store.intervals`). A big lab's roster at a million events holds thousands of people, each
with sources; `limit`/`offset` page it: the page's order and total come from a narrow scan
(id, person, name, board), and only the page's rows and sources are read in full.
"""
from __future__ import annotations

from heapq import nsmallest
from operator import itemgetter
from sqlalchemy import text
from sqlalchemy.engine import Connection

from store.intervals import TX_ROOT, UNINDEXED, exact_day, probe, tx_path
from store.membership import Segment, certain_on
from store.schema import OPEN_TX
from store.selectin import any_of, mark, select_in, tuples

# Narrow rows sort into roster order as plain tuples: staff before board, then by name.
_NARROW = "board, sort_name, person_id, id"
_FULL = _NARROW + ", person_name, org_id, role, valid_from, valid_to, since, until, certain, fact_ids"


def alive_at(conn: Connection, cols: str, org_id: str, day: str, upto: int,
             ceiling: int | None = None) -> list[tuple]:
    """Membership rows of one organization alive on `day` at position `upto` (`alive_sql`)."""
    return tuples(conn, *alive_sql(conn, cols, org_id, day, upto, ceiling))


def alive_sql(conn: Connection, cols: str, org_id: str, day: str, upto: int,
              ceiling: int | None = None) -> tuple[str, tuple]:
    """Membership rows of one organization whose valid interval contains `day`, as the log
    stood at position `upto`: one index range scan per node on the interval tree's path to
    the day, with the transaction bounds checked inside the index, plus the few rows the tree
    cannot hold exactly (compared as strings). `ceiling`, the log's head read in the same
    snapshot, trims the transaction tree's path (`intervals.tx_path`)."""
    m = mark(conn)
    tx = f" AND tx_from <= {m} AND tx_to > {m}"
    exact = f" AND (valid_from IS NULL OR valid_from <= {m}) AND (valid_to IS NULL OR valid_to > {m})"
    head = f"SELECT {cols} FROM rc_membership WHERE org_id = {m} AND "
    q = exact_day(day)
    if q is None:  # a day outside the tree: every row of the organization, compared exactly
        return f"{head}vnode IS NOT NULL{tx}{exact}", (org_id, upto, upto, day, day)
    pr = probe(q)
    tn = tx_path(upto, ceiling)
    tin, tn_args = any_of(conn, "tnode", tn)
    parts = [f"{head}{tin} AND vnode = {m}{tx}{exact}"]
    args: list = [org_id, *tn_args, UNINDEXED, upto, upto, day, day]
    # A row at transaction node T was alive over an interval holding T, so on one side of
    # `upto` half its bound is already known: each kind of node ranges its own index on the
    # other half (`ix_membership_org_from` / `_to`), not on valid time, where the dead
    # versions of a lab's rows crowd the same nodes. Open rows all sit at the root, with
    # tx_to = OPEN_TX, so the `_to` index ranges valid time there.
    later = [t for t in tn if t >= upto and t != TX_ROOT]  # tx_to > T >= upto: tx_from decides
    earlier = [t for t in tn if t < upto]                  # tx_from <= T < upto: tx_to decides
    right = ((*pr.right, pr.exact), "vlo <=")              # valid-time nodes, and their bound
    left = (pr.left, "vhi >=")
    for tnodes, tcond, tx_args, (vnodes, bound) in (
            ((TX_ROOT,), f"tx_from <= {m}", (upto,), right),
            ((TX_ROOT,), f"tx_to = {m} AND tx_from <= {m}", (OPEN_TX, upto), left),
            (later, f"tx_from <= {m}", (upto,), right),
            (later, f"tx_from <= {m}", (upto,), left),
            (earlier, f"tx_to > {m}", (upto,), right),
            (earlier, f"tx_to > {m}", (upto,), left)):
        if tnodes and vnodes:
            tin, tin_args = any_of(conn, "tnode", tnodes)
            vin, vin_args = any_of(conn, "vnode", vnodes)
            parts.append(f"{head}{tin} AND {tcond} AND {vin} AND {bound} {m}")
            args += [org_id, *tin_args, *tx_args, *vin_args, q]
    return " UNION ALL ".join(parts), tuple(args)


def pick(rows: list[tuple]) -> list[tuple]:
    """One row per person, in roster order: an employment before a board seat, then the
    oldest row, so a whole roster and each of its pages agree."""
    rows.sort()
    seen: set[str] = set()
    out = []
    for r in rows:
        if r[2] not in seen:
            seen.add(r[2])
            out.append(r)
    return out


def pick_head(rows: list[tuple], n: int) -> tuple[list[tuple], int]:
    """(the first `n` rows of `pick(rows)`, how many people `rows` hold), without sorting
    every row: a page of a big lab wants 100 of its ~8,000 people, and sorting them all
    cost more than the index scans that found them. The m smallest rows are a prefix of
    the sorted order, so picking them gives a prefix of `pick`; m doubles in the rare case
    that people with several rows leave it short."""
    total = len({r[2] for r in rows})
    m = n
    while m < len(rows):
        head = pick(nsmallest(m, rows))
        if len(head) >= n:
            return head[:n], total
        m *= 2
    return pick(rows)[:n], total


def named(rows: list[tuple], name: str | None) -> list[tuple]:
    """Rows (narrow or full: the casefolded name is second) whose name contains `name`."""
    if not name or not name.strip():
        return rows
    key = name.strip().casefold()
    return [r for r in rows if key in r[1]]


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
    segs = [Segment(r[5], r[6], r[7], r[8], r[9], r[10], bool(r[11]), bool(r[0]),
                    tuple(r[12].split(",")) if r[12] else ()) for r in rows]
    srcs = sources_for(conn, sorted({f for s in segs for f in s.fact_ids}), upto)
    return [{
        "person": {"id": r[2], "name": r[4] or r[2]},
        "role": seg.role, "since": seg.since, "until": seg.until,
        "certain": certain_on(seg, as_of), "board": seg.board,
        "sources": [s for f in seg.fact_ids for s in srcs.get(f, ())],
    } for r, seg in zip(rows, segs)]


def page(conn: Connection, org_id: str, day: str, upto: int, limit: int | None = None,
         offset: int = 0, ceiling: int | None = None, name: str | None = None) -> tuple[list[dict], int]:
    """(members on the page, total members). `name` keeps the members whose name contains
    it, whatever the case: a lab of thousands is listed a page at a time, so a search has
    to reach the people on later pages too."""
    if limit is None:
        rows = named(pick(alive_at(conn, _FULL, org_id, day, upto, ceiling)), name)
        return members(conn, rows[offset:], day, upto), len(rows)
    narrow = alive_at(conn, _NARROW, org_id, day, upto, ceiling)
    if name and name.strip():
        order = named(pick(narrow), name)
        total = len(order)
    else:
        order, total = pick_head(narrow, offset + limit)
    ids = [r[3] for r in order[offset:offset + limit]]
    full = {r[3]: r for r in select_in(conn, f"SELECT {_FULL} FROM rc_membership WHERE id", ids)}
    return members(conn, [full[i] for i in ids], day, upto), total


def org_ids(conn: Connection, upto: int) -> list[str]:
    """Every organization known at `upto` (merged ones too: before the merge they had rosters)."""
    return [r[0] for r in conn.execute(text(
        "SELECT id FROM rc_entities WHERE kind = 'org' AND first_position <= :p ORDER BY id"), {"p": upto})]
