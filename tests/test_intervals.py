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
    """For rows and days the tree holds exactly, the index alone decides membership; other
    rows sit at the unindexed node, which every query reads and compares as strings."""
    from store.intervals import UNINDEXED, exact_day

    node, lo, hi = registration(start, end)
    seg = Segment("o", None, start, end, None, None, True, False)
    q = exact_day(day.isoformat())
    if node != UNINDEXED and q is not None:
        assert found(node, lo, hi, q) == member_on(seg, day.isoformat())


def test_bounds_of_open_and_unreadable_dates() -> None:
    assert bounds(None, None) == (1, TOP)
    assert bounds("2024-01-01", "2024-01-02") == (day_number("2024-01-01"),) * 2
    assert bounds("not a date", "2024-13-45") == (1, TOP)
    start = date(2024, 1, 1)
    lo, hi = bounds(start.isoformat(), (start + timedelta(days=10)).isoformat())
    assert hi - lo == 9


def test_dates_the_tree_cannot_hold_exactly_are_unindexed() -> None:
    from store.intervals import UNINDEXED

    assert registration("2024-01-01", None)[0] != UNINDEXED
    for start, end in [("1850-01-01", None), ("2024-01-01", "2300-01-01"), ("2024-1-5", None), ("20240105", None)]:
        assert registration(start, end) == (UNINDEXED, 0, 0)


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 2_000_000), st.integers(1, 2_000_000), st.integers(0, 2_000_000), st.booleans(),
       st.integers(0, 3))
def test_rows_alive_at_a_position_sit_on_its_transaction_path(a: int, b: int, p: int, still_open: bool,
                                                              extra: int) -> None:
    from store.intervals import tx_node, tx_path
    from store.schema import OPEN_TX

    tx_from, tx_to = min(a, b), (OPEN_TX if still_open else max(a, b) + 1)
    head = max(a, b, p) + extra  # the log's head: no row closed after it
    if tx_from <= p < tx_to:
        assert tx_node(tx_from, tx_to) in tx_path(p)
        assert tx_node(tx_from, tx_to) in tx_path(p, head)


def test_a_head_trims_the_empty_top_of_the_transaction_path() -> None:
    from store.intervals import TX_ROOT, tx_path

    full, trimmed = tx_path(710_000), tx_path(710_000, 1_000_000)
    assert TX_ROOT in trimmed and set(trimmed) <= set(full)
    assert len(trimmed) <= len(full) - 15
