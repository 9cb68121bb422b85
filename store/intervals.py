"""Valid-time intervals on plain B-tree indexes: a Relational Interval Tree (pure).

A roster question ("who was at Anthropic on 2025-01-01, as rollcall knew it then") is a
point-in-rectangle search: valid time x transaction time. Scanning every membership row of
an organization that began before the date reads the lab's whole history (hundreds of
thousands of row versions at a million events). The RI-tree (Kriegel, Poetzsch & Seidl, VLDB
2000) registers each interval at one node of a virtual binary tree over day numbers; a point
query then walks the ~17 nodes on the root-to-point path and does one index range scan per
node, touching only rows whose interval contains the day (plus none else). It needs nothing
but two ordinary indexes, so SQLite and PostgreSQL share it.

Each row stores `vnode` (its fork node), `vlo` (first day) and `vhi` (last day, inclusive).
Rows whose bounds are strict YYYY-MM-DD dates inside the tree are decided by the index alone
(no table read); the rest sit at an UNINDEXED node that every query reads with the exact
string comparison.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import NamedTuple

HEIGHT = 17
ROOT = 1 << (HEIGHT - 1)  # 65,536
TOP = (1 << HEIGHT) - 1   # 131,071: the last day number the tree holds
_EPOCH = date(1900, 1, 1).toordinal() - 1  # day 1 is 1900-01-01; day 131,071 is in 2258


UNINDEXED = -1  # vnode of a row with a date the tree cannot hold exactly (see `registration`)


@lru_cache(maxsize=65536)
def day_number(day: str | None) -> int | None:
    """Day number of an ISO date (1900-01-01 is 1), unclamped; None for no/unreadable date."""
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def exact_day(day: str | None) -> int | None:
    """The day number of a strict `YYYY-MM-DD` inside the tree: the dates whose day-number
    order is exactly their string order, so the index alone can decide membership."""
    if day is None or len(day) != 10 or day[4] != "-" or day[7] != "-":
        return None
    n = day_number(day)
    return n if n is not None and 1 <= n <= TOP else None


def clamp(n: int) -> int:
    """Into the tree. Clamping is monotone, so an interval that contains a day still
    contains it after both are clamped: far-off dates cost extra candidates, never misses."""
    return min(max(n, 1), TOP)


def bounds(valid_from: str | None, valid_to: str | None) -> tuple[int, int]:
    """[vlo, vhi], inclusive, of a membership [valid_from, valid_to): an open or unreadable
    end widens to the edge of the tree."""
    lo = day_number(valid_from)
    hi = day_number(valid_to)
    return clamp(1 if lo is None else lo), clamp(TOP if hi is None else hi - 1)


def fork_node(lo: int, hi: int, root: int = ROOT) -> int:
    """The highest node of the virtual tree inside [lo, hi]; 0 for an empty interval (a
    segment that starts and ends on one day covers no day and is never asked for)."""
    if hi < lo:
        return 0
    node, step = root, root >> 1
    while step:
        if hi < node:
            node -= step
        elif node < lo:
            node += step
        else:
            return node
        step >>= 1
    return node


def registration(valid_from: str | None, valid_to: str | None) -> tuple[int, int, int]:
    """(vnode, vlo, vhi) to store beside a membership row. A row with a bound the tree cannot
    hold exactly (unreadable, or before 1900 / after 2258) goes to the UNINDEXED node, which
    every query reads with the exact string comparison."""
    for bound in (valid_from, valid_to):
        if bound is not None and exact_day(bound) is None:
            return UNINDEXED, 0, 0
    lo, hi = bounds(valid_from, valid_to)
    return fork_node(lo, hi), lo, hi


class Probe(NamedTuple):
    """Index range scans that together find every interval containing one day: at nodes
    right of the day, intervals starting on or before it; at nodes left of it, intervals
    ending on or after it; at the day's own node, all of them."""

    right: tuple[int, ...]  # vnode = n AND vlo <= day
    left: tuple[int, ...]   # vnode = n AND vhi >= day
    exact: int              # vnode = day


@lru_cache(maxsize=4096)
def probe(day: int, root: int = ROOT) -> Probe:
    right: list[int] = []
    left: list[int] = []
    node, step = root, root >> 1
    while node != day:
        if day < node:
            right.append(node)
            node -= step
        else:
            left.append(node)
            node += step
        step >>= 1
    return Probe(tuple(right), tuple(left), node)


# Transaction time gets a tree of its own: a row's versions live over [tx_from, tx_to) in log
# positions, and a lab's rows at a million events are ten versions for every live one. Keying
# the index by the row's node in this tree too (`tnode`) skips most dead versions without
# reading them. Open rows (tx_to = OPEN_TX) span to the end of the tree.
TX_ROOT = 1 << 39
TX_TOP = (1 << 40) - 1


def tx_node(tx_from: int, tx_to: int) -> int:
    """The node of a row alive over log positions [tx_from, tx_to)."""
    return fork_node(tx_from, min(tx_to - 1, TX_TOP), TX_ROOT)


def tx_path(position: int, ceiling: int | None = None) -> tuple[int, ...]:
    """Every node whose rows may be alive at `position` (the residual check decides).

    With `ceiling` (the log's head: no row closed after it), the path drops the nodes above
    it but the root: a closed row forks inside its own interval, so at or below the head,
    and open rows all fork at the root. The tree is sized for any log, so at a million
    events about half the path lies in that empty space, each node a wasted index seek
    per valid-time node."""
    pr = probe(min(max(position, 1), TX_TOP), TX_ROOT)
    nodes = (*pr.right, *pr.left, pr.exact)
    if ceiling is None:
        return nodes
    return tuple(n for n in nodes if n <= ceiling or n == TX_ROOT)
