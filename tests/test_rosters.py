"""Roster ordering (pure): a page of a big lab is picked from its rows without sorting them all."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from store.rosters import pick, pick_head

# narrow rows: (board, sort_name, person_id, id); a person has one name, several rows
_people = st.lists(st.sampled_from("abcdefghij"), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_people, st.lists(st.booleans(), max_size=40), st.integers(0, 45))
def test_a_page_head_is_the_head_of_the_whole_order(people: list[str], boards: list[bool], n: int) -> None:
    rows = [(boards[i] if i < len(boards) else False, f"name {p}", f"id-{p}", i) for i, p in enumerate(people)]
    head, total = pick_head(list(rows), n)
    whole = pick(list(rows))
    assert head == whole[:n]
    assert total == len(whole)


def test_people_with_many_rows_do_not_shorten_a_page() -> None:
    # one person holds the ten smallest rows: the first guess (n rows) finds one person
    rows = [(False, "aaron", "p-aaron", i) for i in range(10)]
    rows += [(False, f"zed {k}", f"p-{k}", 100 + k) for k in range(5)]
    head, total = pick_head(rows, 3)
    assert [r[2] for r in head] == ["p-aaron", "p-0", "p-1"]
    assert head[0][3] == 0 and total == 6


# The scans themselves: rows with random valid intervals and transaction lifetimes go into a
# real rc_membership table; every (day, position) must find exactly the rows a plain filter
# finds. Small positions keep every kind of transaction-tree node in play (the root's open
# rows, nodes before and after the asked position, the position's own node).
_DAYS = ["2019-12-31", "2020-01-01", "2020-06-15", "2021-03-01", "2024-02-29", None, "1850-01-01", "2021"]
_row = st.tuples(st.sampled_from(_DAYS), st.sampled_from(_DAYS), st.integers(1, 40), st.integers(1, 12),
                 st.booleans())


def _scan_matches_filter(url: str, rows: list[tuple], days: list[str]) -> None:
    from store.db import Store
    from store.intervals import registration, tx_node
    from store.membership import Segment, member_on
    from store.rosters import alive_at
    from store.schema import OPEN_TX

    store = Store(url)
    kept = []
    with store.write() as c:
        for i, (start, end, born, span, still_open) in enumerate(rows):
            tx_to = OPEN_TX if still_open else born + span
            vnode, vlo, vhi = registration(start, end)
            c.exec_driver_sql(
                "INSERT INTO rc_membership (id, person_id, org_id, valid_from, valid_to, certain, board, fact_ids, "
                "tx_from, tx_to, sort_name, tnode, vnode, vlo, vhi) VALUES "
                f"({i + 1}, 'p{i}', 'lab', {_q(start)}, {_q(end)}, false, false, '', {born}, {tx_to}, 'p{i}', "
                f"{tx_node(born, tx_to)}, {vnode}, {vlo}, {vhi})")
            kept.append((i + 1, start, end, born, tx_to))
    head = max([r[3] for r in kept] + [r[4] for r in kept if r[4] != OPEN_TX] + [1])
    with store.read() as c:
        for day, upto in ((d, p) for d in days for p in range(head + 2)):
            got = sorted(r[0] for r in alive_at(c, "id", "lab", day, upto, head))
            want = sorted(i for i, start, end, born, tx_to in kept if born <= upto < tx_to
                          and member_on(Segment("lab", None, start, end, None, None, False, False), day))
            assert got == want, (day, upto)
    store.dispose()


def _q(v: str | None) -> str:
    return "NULL" if v is None else f"'{v}'"


_asks = st.lists(st.sampled_from(["2019-12-31", "2020-01-01", "2020-03-01", "2022-01-01", "1900-01-01"]),
                 min_size=1, max_size=3, unique=True)  # each at every position of the log


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_row, max_size=30), _asks)
def test_roster_scans_find_exactly_the_alive_rows(tmp_path_factory, rows: list[tuple], days: list) -> None:
    _scan_matches_filter(f"sqlite:///{tmp_path_factory.mktemp('scan') / 'm.db'}", rows, days)


@pytest.mark.pg
@settings(max_examples=25, deadline=None)
@given(st.lists(_row, max_size=30), _asks)
def test_roster_scans_find_exactly_the_alive_rows_on_postgresql(rows: list[tuple], days: list) -> None:
    from conftest import PG_URL, drop_pg_schema, make_pg_schema

    if not PG_URL:
        pytest.skip("PostgreSQL tests need ROLLCALL_TEST_PG")
    schema, url = make_pg_schema()
    try:
        _scan_matches_filter(url, rows, days)
    finally:
        drop_pg_schema(schema)
