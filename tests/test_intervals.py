"""The interval tree behind roster queries finds exactly the intervals that contain a day."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from store.intervals import TOP, bounds, clamp, day_number, fork_node, probe, registration
from store.membership import Segment, member_on


def found(node: int, lo: int, hi: int, day: int) -> bool:
    """What the query's index scans return for a row registered at (node, lo, hi)."""
    p = probe(day)
    return (node in p.right and lo <= day) or (node in p.left and hi >= day) or node == p.exact


@settings(max_examples=500, deadline=None)
@given(st.integers(1, TOP), st.integers(1, TOP), st.integers(1, TOP))
def test_probe_finds_exactly_the_containing_intervals(a: int, b: int, day: int) -> None:
    lo, hi = min(a, b), max(a, b)
    assert found(fork_node(lo, hi), lo, hi, day) == (lo <= day <= hi)


def test_fork_node_lies_inside_its_interval() -> None:
    for lo, hi in [(1, 1), (1, TOP), (42000, 46000), (65536, 65536), (70000, TOP), (5, 4)]:
        node = fork_node(lo, hi)
        assert (lo <= node <= hi) if lo <= hi else node == 0


dates = st.one_of(st.none(), st.dates(date(1850, 1, 1), date(2300, 12, 31)).map(date.isoformat))


@settings(max_examples=500, deadline=None)
@given(dates, dates, st.dates(date(1850, 1, 1), date(2300, 12, 31)))
def test_index_never_hides_a_member(start: str | None, end: str | None, day: date) -> None:
    """Clamped far-off dates may add candidates (the exact comparison drops them) but a
    segment that counts on the day is always among them."""
    node, lo, hi = registration(start, end)
    seg = Segment("o", None, start, end, None, None, True, False)
    q = clamp(day_number(day.isoformat()))
    if member_on(seg, day.isoformat()):
        assert found(node, lo, hi, q)


def test_bounds_of_open_and_unreadable_dates() -> None:
    assert bounds(None, None) == (1, TOP)
    assert bounds("2024-01-01", "2024-01-02") == (day_number("2024-01-01"),) * 2
    assert bounds("not a date", "2024-13-45") == (1, TOP)
    start = date(2024, 1, 1)
    lo, hi = bounds(start.isoformat(), (start + timedelta(days=10)).isoformat())
    assert hi - lo == 9
