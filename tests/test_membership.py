"""The pure membership fold: the README's date rules, one at a time."""
from __future__ import annotations

from store.membership import FactView, certain_on, member_on, segments


def f(i: int, type_: str, org: str, date: str | None = None, role: str | None = None,
      evidence: str = "2026-06-01") -> FactView:
    return FactView(f"e{i}", type_, org, role, date, evidence, i)


def at(facts: list[FactView], org: str, day: str) -> bool:
    return any(s.org_id == org and member_on(s, day) for s in segments(facts))


def test_join_then_leave_bounds_the_stint_at_period_starts() -> None:
    facts = [f(1, "joined", "openai", "2023-11"), f(2, "left", "openai", "2026-03")]
    assert at(facts, "openai", "2023-11-01") and at(facts, "openai", "2026-02-28")
    assert not at(facts, "openai", "2023-10-31") and not at(facts, "openai", "2026-03-01")


def test_joining_elsewhere_ends_previous_employment_but_not_a_board_seat() -> None:
    facts = [f(1, "joined", "a", "2020"), f(2, "joined", "boardco", "2021", role="board member"),
             f(3, "joined", "b", "2022-05-01")]
    assert not at(facts, "a", "2023-01-01")
    assert at(facts, "b", "2023-01-01") and at(facts, "boardco", "2023-01-01")
    (a,) = [s for s in segments(facts) if s.org_id == "a"]
    assert a.end == "2022-05-01" and not a.certain


def test_undated_left_is_bounded_by_its_evidence() -> None:
    facts = [f(1, "left", "openai", None, evidence="2026-03-04")]
    assert at(facts, "openai", "2026-01-01") and not at(facts, "openai", "2026-03-05")


def test_undated_left_after_dated_join_elsewhere_does_not_duplicate() -> None:
    facts = [f(1, "held_role", "openai", evidence="2025-01-01"), f(2, "joined", "anthropic", "2026-05-19"),
             f(3, "left", "openai", None, evidence="2026-05-20")]
    segs = [s for s in segments(facts) if s.org_id == "openai"]
    assert len(segs) == 1 and segs[0].end == "2026-05-19" and "e3" in segs[0].fact_ids


def test_role_change_splits_the_stint() -> None:
    facts = [f(1, "joined", "openai", "2023-11"), f(2, "role_changed", "openai", "2025-09", role="VP of Research")]
    segs = segments(facts)
    assert [s.role for s in segs] == [None, "VP of Research"]
    assert segs[1].since == "2023-11"


def test_former_role_after_left_opens_nothing() -> None:
    facts = [f(1, "left", "openai", "2024"), f(2, "held_role", "openai", None, evidence="2026-01-01"),
             f(3, "joined", "anthropic", "2024")]
    assert not at(facts, "openai", "2026-06-01")
    assert at(facts, "anthropic", "2026-06-01")


def test_certainty_of_a_coarse_start() -> None:
    (s,) = segments([f(1, "joined", "x", "2024")])
    assert not certain_on(s, "2024-06-01") and certain_on(s, "2025-01-01")


def test_an_undated_join_ends_nothing() -> None:
    facts = [f(1, "joined", "microsoft", "2024-03"), f(2, "joined", "deepmind", None, role="co-founder",
                                                        evidence="2026-01-01")]
    assert at(facts, "microsoft", "2026-06-01") and at(facts, "deepmind", "2026-06-01")
