"""Roster ordering (pure): a page of a big lab is picked from its rows without sorting them all."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

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
