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


@dataclass(eq=False)
class _Stint:
    org_id: str
    role: str | None
    start: str | None
    since: str | None
    certain: bool
    board: bool
    fact_ids: list[str]
    seg_start: str | None

    def segment(self) -> Segment:
        return Segment(self.org_id, self.role, self.seg_start, None, self.since, None, self.certain,
                       self.board, tuple(self.fact_ids))


class Fold:
    """One person's facts folded in key order, one at a time, remembering what each fact
    changed. `segments()` folds a whole history at once; the projector keeps a Fold per
    person and, while new facts arrive after the last one in valid time (the common case:
    news reports moves roughly in order), adds them instead of refolding everything, and
    rewrites only the segments they touched.

    Identities: an ended segment is its index in `out` (an int); an open stint is its
    `_Stint` object. `touched` collects the identities changed since `take_touched()`."""

    __slots__ = ("out", "open_", "last_type", "last_closed", "last_key", "touched")

    def __init__(self) -> None:
        self.out: list[Segment] = []
        self.open_: dict[tuple[str, bool], _Stint] = {}
        self.last_type: dict[str, str] = {}
        self.last_closed: dict[str, int] = {}
        self.last_key: tuple | None = None
        self.touched: set = set()

    def _close(self, st: _Stint, end: str | None, until: str | None, certain: bool, fid: str | None) -> None:
        ids = st.fact_ids + [fid] if fid else st.fact_ids
        self.out.append(Segment(st.org_id, st.role, st.seg_start, end, st.since, until,
                                st.certain and certain, st.board, tuple(ids)))
        self.last_closed[st.org_id] = len(self.out) - 1
        self.touched.add(len(self.out) - 1)
        self.touched.add(st)

    def _open(self, key: tuple[str, bool], st: _Stint) -> None:
        self.open_[key] = st
        self.touched.add(st)

    def add(self, f: FactView) -> None:
        """Fold in one fact whose key is above every fact folded so far."""
        self.last_key = f.key
        when = f.when
        dated = f.date is not None
        board = f.board
        org = f.org_id
        open_ = self.open_
        if f.type == "joined":
            st = open_.get((org, board))
            if st is not None:
                st.fact_ids.append(f.fact_id)
                st.role = st.role or f.role
                self.touched.add(st)
            else:
                if not board and dated:  # an undated join cannot be ordered against other jobs
                    for (o, b), other in list(open_.items()):
                        if o != org and not b:
                            self._close(other, when, f.date, False, None)
                            del open_[(o, b)]
                self._open((org, board), _Stint(org, f.role, when, f.date, dated, board, [f.fact_id], when))
        elif f.type == "held_role":
            st = open_.get((org, board)) or open_.get((org, not board))
            if st is not None:
                st.fact_ids.append(f.fact_id)
                st.role = st.role or f.role
                self.touched.add(st)
            elif self.last_type.get(org) != "left":
                self._open((org, board), _Stint(org, f.role, when, None, False, board, [f.fact_id], when))
        elif f.type == "role_changed":
            st = open_.get((org, False)) or open_.get((org, True))
            if st is not None:
                if st.seg_start != when or st.role != f.role:
                    self.out.append(Segment(org, st.role, st.seg_start, when, st.since, f.date,
                                            st.certain, st.board, tuple(st.fact_ids)))
                    self.touched.add(len(self.out) - 1)
                st.role, st.seg_start = f.role, when
                st.fact_ids = st.fact_ids + [f.fact_id]
                self.touched.add(st)
            else:
                self._open((org, board), _Stint(org, f.role, when, None, False, board, [f.fact_id], when))
        elif f.type == "left":
            keys = [k for k in ((org, False), (org, True)) if k in open_]
            if board and (org, True) in open_:
                keys = [(org, True)]
            if keys:
                self._close(open_.pop(keys[0]), when, f.date, dated, f.fact_id)
            elif org in self.last_closed:
                # the stint there already ended (by a join elsewhere, or another report of
                # this departure): this left confirms it rather than inventing an earlier stint
                i = self.last_closed[org]
                self.out[i] = self.out[i]._replace(fact_ids=self.out[i].fact_ids + (f.fact_id,))
                self.touched.add(i)
            else:
                self.out.append(Segment(org, f.role, None, when, None, f.date, False, board, (f.fact_id,)))
                self.touched.add(len(self.out) - 1)
        self.last_type[org] = f.type

    def segment(self, ident: object) -> Segment | None:
        """The segment an identity stands for now, or None if it is gone (a stint that ended
        became a new `out` entry)."""
        if isinstance(ident, int):
            return self.out[ident]
        st = ident
        return st.segment() if self.open_.get((st.org_id, st.board)) is st else None

    def current(self) -> dict[object, Segment]:
        return {**dict(enumerate(self.out)), **{st: st.segment() for st in self.open_.values()}}

    def take_touched(self) -> set:
        t, self.touched = self.touched, set()
        return t


def fold(facts: list[FactView]) -> Fold:
    f = Fold()
    for fact in sorted(facts, key=attrgetter("key")):
        f.add(fact)
    f.touched = set()
    return f


def segments(facts: list[FactView]) -> list[Segment]:
    """Fold one person's active facts into segments ordered by start."""
    out = list(fold(facts).current().values())
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
