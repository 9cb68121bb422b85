"""Who was where, when: folding one person's facts into membership segments (pure).

The rules (also in the README, "How dates are read"):
- A date counts from the first day of its period: "2024" from 2024-01-01, "2026-03" from
  2026-03-01. Membership on day D means start <= D < end.
- An undated fact is placed at its evidence date: the earliest publication date of an
  article that reports it (or, for an undated article, the day rollcall learned it).
- `joined` opens a stint. An undated join opens it at the evidence date, marked uncertain.
- `left` closes the open stint at that organization. With no open stint, it confirms the
  last stint there if one already ended; with none at all, the person was there for an
  unknown time before: a stint with an unknown start (uncertain) ending at the left.
- Joining a new employer on a known date ends every open employment elsewhere on that date
  (marked inferred); an undated join ends nothing, since it cannot be ordered against the
  other jobs. Board seats and advisory roles neither end nor are ended by other jobs.
- `role_changed` starts a new segment with the new role inside the stint (opening one if
  none is open); `held_role` fills in the role of an open stint, or opens one at its
  evidence date. A `held_role` placed right after a `left` from the same organization
  describes the past ("former head of ...") and opens nothing.
- `certain` is false where a bound was inferred or the date is coarser than the query.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

_ORDER = {"joined": 0, "held_role": 1, "role_changed": 2, "left": 3}
_BOARD_WORDS = ("board", "advis", "trustee", "director of the board")


@dataclass(frozen=True)
class FactView:
    fact_id: str
    type: str
    org_id: str
    role: str | None
    date: str | None
    evidence: str
    position: int
    # derived once per fact, not on every fold of the person's history
    when: str = field(init=False, compare=False)
    board: bool = field(init=False, compare=False)
    key: tuple = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        when = period_start(self.date) if self.date else self.evidence
        object.__setattr__(self, "when", when)
        object.__setattr__(self, "board", is_board_role(self.role))
        object.__setattr__(self, "key", (when, _ORDER.get(self.type, 9), self.position))


class Segment(NamedTuple):
    """A stretch of one person's membership at one organization with one role. A named
    tuple: segments are hashed and compared by the thousand when a projection is diffed."""

    org_id: str
    role: str | None
    start: str | None
    end: str | None
    since: str | None
    until: str | None
    certain: bool
    board: bool
    fact_ids: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def period_start(date: str) -> str:
    """First day of a YYYY / YYYY-MM / YYYY-MM-DD period."""
    if len(date) == 4:
        return f"{date}-01-01"
    if len(date) == 7:
        return f"{date}-01"
    return date[:10]


def period_end(date: str) -> str:
    """Last day of the period, so a query inside it knows the bound is fuzzy."""
    if len(date) == 4:
        return f"{date}-12-31"
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        return f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    return date[:10]


@lru_cache(maxsize=16384)
def is_board_role(role: str | None) -> bool:
    r = (role or "").lower()
    return any(w in r for w in _BOARD_WORDS)


@dataclass
class _Stint:
    org_id: str
    role: str | None
    start: str | None
    since: str | None
    certain: bool
    board: bool
    fact_ids: list[str]
    seg_start: str | None


def segments(facts: list[FactView]) -> list[Segment]:
    """Fold one person's active facts into segments ordered by start."""
    out: list[Segment] = []
    open_: dict[tuple[str, bool], _Stint] = {}
    last_type: dict[str, str] = {}
    last_closed: dict[str, int] = {}

    def close(st: _Stint, end: str | None, until: str | None, certain: bool, fid: str | None) -> None:
        ids = st.fact_ids + ([fid] if fid else [])
        out.append(Segment(st.org_id, st.role, st.seg_start, end, st.since, until,
                           st.certain and certain, st.board, tuple(ids)))
        last_closed[st.org_id] = len(out) - 1

    for f in sorted(facts, key=attrgetter("key")):
        when = f.when
        dated = f.date is not None
        board = f.board
        org = f.org_id
        if f.type == "joined":
            st = open_.get((org, board))
            if st is not None:
                st.fact_ids.append(f.fact_id)
                st.role = st.role or f.role
            else:
                if not board and dated:  # an undated join cannot be ordered against other jobs
                    for (o, b), other in list(open_.items()):
                        if o != org and not b:
                            close(other, when, f.date, False, None)
                            del open_[(o, b)]
                open_[(org, board)] = _Stint(org, f.role, when, f.date, dated, board, [f.fact_id], when)
        elif f.type == "held_role":
            st = open_.get((org, board)) or open_.get((org, not board))
            if st is not None:
                st.fact_ids.append(f.fact_id)
                st.role = st.role or f.role
            elif last_type.get(org) != "left":
                open_[(org, board)] = _Stint(org, f.role, when, None, False, board, [f.fact_id], when)
        elif f.type == "role_changed":
            st = open_.get((org, False)) or open_.get((org, True))
            if st is not None:
                if st.seg_start != when or st.role != f.role:
                    out.append(Segment(org, st.role, st.seg_start, when, st.since, f.date,
                                       st.certain, st.board, tuple(st.fact_ids)))
                st.role, st.seg_start = f.role, when
                st.fact_ids = st.fact_ids + [f.fact_id]
            else:
                open_[(org, board)] = _Stint(org, f.role, when, None, False, board, [f.fact_id], when)
        elif f.type == "left":
            keys = [k for k in ((org, False), (org, True)) if k in open_]
            if board and (org, True) in open_:
                keys = [(org, True)]
            if keys:
                st = open_.pop(keys[0])
                close(st, when, f.date, dated, f.fact_id)
            elif org in last_closed:
                # the stint there already ended (by a join elsewhere, or another report of
                # this departure): this left confirms it rather than inventing an earlier stint
                i = last_closed[org]
                out[i] = out[i]._replace(fact_ids=out[i].fact_ids + (f.fact_id,))
            else:
                out.append(Segment(org, f.role, None, when, None, f.date, False, board, (f.fact_id,)))
        last_type[org] = f.type
    for st in open_.values():
        out.append(Segment(st.org_id, st.role, st.seg_start, None, st.since, None, st.certain,
                           st.board, tuple(st.fact_ids)))
    out.sort(key=lambda s: (s.start or "", s.org_id, s.end or "9999"))
    return out


def member_on(seg: Segment, day: str) -> bool:
    return (seg.start is None or seg.start <= day) and (seg.end is None or day < seg.end)


def certain_on(seg: Segment, day: str) -> bool:
    """Certain when the segment's bounds were read, not inferred, and the day lies past the
    fuzzy window of a coarse start date."""
    if not seg.certain:
        return False
    return seg.since is None or period_end(seg.since) <= day
