"""Resolution is pure: names to people, claims to new facts or corroborations."""
from __future__ import annotations

from ingest.model import Article, Claim
from ingest.resolve import Registry, name_variants, plan


def claim(type_: str, person: str, org: str, date: str | None = None, role: str | None = None, **kw) -> Claim:
    return Claim(type=type_, person=person, org=org, date=date, role=role, quote=f"{person} {type_} {org}", **kw)


def art(n: int, published: str | None = "2026-03-04") -> Article:
    return Article(title=f"a{n}", text=f"text {n}", path=f"a{n}.md", published=published)


def test_name_variants_drop_initials_and_expand_nicknames() -> None:
    assert "Max Schwarzer" in name_variants("Max A. Schwarzer")
    assert {"Diederik Kingma", "Durk Kingma"} <= set(name_variants("Diederik (Durk) Kingma"))


def test_one_person_however_written_but_never_by_surname_alone() -> None:
    reg = Registry()
    plan(art(1), [claim("joined", "Max Schwarzer", "Anthropic")], reg)
    assert reg.person_id("Max A. Schwarzer") == ("max-schwarzer", False)
    assert reg.person_id("max schwarzer") == ("max-schwarzer", False)
    assert reg.person_id("Maximilian Schwarzer") == ("max-schwarzer", False)  # a first name extending the other
    assert reg.person_id("Anna Schwarzer") == ("anna-schwarzer", True)  # same surname, another person
    plan(art(3), [claim("left", "Lin Junyang", "Alibaba")], reg)
    assert reg.person_id("Junyang Lin") == ("lin-junyang", False)
    plan(art(2), [claim("joined", "Diederik (Durk) Kingma", "Anthropic")], reg)
    assert reg.person_id("Durk Kingma")[0] == reg.person_id("Diederik Kingma")[0]


def test_reports_of_one_move_corroborate_one_fact() -> None:
    reg = Registry()
    first = plan(art(1), [claim("left", "Max Schwarzer", "OpenAI", "2026-03-03"),
                          claim("joined", "Max Schwarzer", "Anthropic", "2026-03")], reg)
    assert [e.type for e in first] == ["left", "joined"]
    again = plan(art(2), [claim("left", "Max Schwarzer", "OpenAI", "2026-03-04", role="VP of Research"),
                          claim("joined", "Max A. Schwarzer", "Anthropic", "2026-03-02")], reg)
    assert [e.type for e in again] == ["corroborated", "corroborated"]
    assert again[0].payload["fact"] == first[0].event_id and again[0].payload["role"] == "VP of Research"
    # a finer date refines the fact it corroborates
    assert reg.fact_by_id[first[1].event_id].date == "2026-03-02"


def test_a_rejoin_years_later_is_a_new_fact() -> None:
    reg = Registry()
    plan(art(1), [claim("joined", "Ada Lovelace", "OpenAI", "2019")], reg)
    later = plan(art(2), [claim("joined", "Ada Lovelace", "OpenAI", "2025-06")], reg)
    assert [e.type for e in later] == ["joined"]


def test_held_roles_always_corroborate_and_undated_claims_match_dated_facts() -> None:
    reg = Registry()
    plan(art(1), [claim("held_role", "Mark Chen", "OpenAI", role="Chief Research Officer"),
                  claim("joined", "Jan Leike", "Anthropic", "2024")], reg)
    out = plan(art(2), [claim("held_role", "Mark Chen", "OpenAI"), claim("joined", "Jan Leike", "Anthropic")], reg)
    assert [e.type for e in out] == ["corroborated", "corroborated"]


def test_idempotency_keys_are_stable_for_one_article() -> None:
    a, b = Registry(), Registry()
    k1 = [e.idempotency_key for e in plan(art(1), [claim("joined", "Jane Doe", "Mistral", "2025")], a)]
    k2 = [e.idempotency_key for e in plan(art(1), [claim("joined", "Jane Doe", "Mistral", "2025")], b)]
    assert k1 == k2
