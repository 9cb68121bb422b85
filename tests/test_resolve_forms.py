"""One company or one person however a later article writes the name (pure, no database)."""
from __future__ import annotations

from ingest.hypocorisms import same_given_name
from ingest.model import Article, Claim
from ingest.orgforms import OrgForms, legal_key, stem_key
from ingest.resolve import Registry, plan


def claim(type_: str, person: str, org: str, date: str | None = None) -> Claim:
    return Claim(type=type_, person=person, org=org, date=date, role=None, quote=f"{person} {type_} {org}")


def art(n: int) -> Article:
    return Article(title=f"a{n}", text=f"text {n}", path=f"a{n}.md", published="2026-05-01")


def test_name_keys() -> None:
    assert legal_key("Nimbostrata, Inc.") == "nimbostrata"
    assert legal_key("Feldspar KI GmbH") == "feldspar ki"
    assert stem_key("Mossgrove Compute Inc.") == "mossgrove"
    assert stem_key("Quillfeather Labs") == "quillfeather"
    assert stem_key("Mossgrove") is None          # nothing to drop
    assert stem_key("Arc Labs") is None           # too little would remain
    assert stem_key("Stanford University") is None  # not a descriptive word: another body


def test_forms_meet_in_either_order() -> None:
    forms = OrgForms()
    forms.add("mossgrove-compute", "Mossgrove Compute")
    forms.add("nimbostrata", "Nimbostrata")
    forms.add("tern", "Tern")
    assert forms.find("Mossgrove") == "mossgrove-compute"
    assert forms.find("Mossgrove Compute, Inc.") == "mossgrove-compute"
    assert forms.find("Nimbostrata Inc.") == "nimbostrata"
    assert forms.find("Tern Labs") == "tern"
    assert forms.find("Halden") is None


def test_two_descriptive_names_stay_two_companies() -> None:
    forms = OrgForms()
    forms.add("open-robotics", "Open Robotics")
    assert forms.find("Open Systems") is None
    forms.add("arden-labs", "Arden Labs")
    forms.add("arden-ai", "Arden AI")
    assert forms.find("Arden") is None  # two companies could be meant: neither is guessed


def test_gazetteer_names_are_left_to_the_gazetteer() -> None:
    forms = OrgForms()
    forms.add("google", "Google")
    assert forms.find("Google Research") is None
    forms.add("kestrel-research", "Kestrel Research")
    assert forms.find("Kestrel") == "kestrel-research"


def test_registry_gives_one_id_and_records_the_other_form_as_an_alias() -> None:
    reg = Registry()
    first = plan(art(1), [claim("joined", "Sofia Bertolini", "Mossgrove Compute", "2025-07")], reg)
    later = plan(art(2), [claim("joined", "Sofia Bertolini", "Mossgrove", "2025-07-21"),
                          claim("left", "Anneke Visser", "Mossgrove", "2025-08")], reg)
    assert later[0].type == "corroborated" and later[0].payload["fact"] == first[0].event_id
    assert later[1].payload["org"] == {"id": "mossgrove-compute", "name": "Mossgrove Compute", "aliases": ["Mossgrove"]}


def test_given_name_short_forms() -> None:
    assert same_given_name("dez", "desmond") and same_given_name("bill", "william")
    assert same_given_name("nora", "leonora") and same_given_name("sasha", "aleksandra")
    assert not same_given_name("anna", "hanna")
    assert not same_given_name("ana", "diana")
    assert not same_given_name("mark", "maria")


def test_registry_knows_a_person_by_the_name_they_go_by() -> None:
    reg = Registry()
    plan(art(1), [claim("left", "Desmond K. Okafor", "OpenAI", "2026-01")], reg)
    assert reg.person_id("Dez Okafor") == ("desmond-k-okafor", False)
    assert reg.person_id("Dana Okafor")[1] is True  # another given name: another person


def test_a_move_dated_by_announcement_and_by_start_is_one_fact() -> None:
    reg = Registry()
    first = plan(art(1), [claim("joined", "Ines Carvalho", "Mistral", "2026-03-02")], reg)
    later = plan(art(2), [claim("joined", "Ines Carvalho", "Mistral", "2026-06"),
                          claim("joined", "Ines Carvalho", "Mistral", "2027-01")], reg)
    assert later[0].type == "corroborated" and later[0].payload["fact"] == first[0].event_id
    assert later[1].type == "joined"  # ten months on: another stint
    titles = plan(art(3), [claim("role_changed", "Ines Carvalho", "Mistral", "2026-09-01")], reg)
    again = plan(art(4), [claim("role_changed", "Ines Carvalho", "Mistral", "2026-11-01")], reg)
    assert titles[0].type == again[0].type == "role_changed"  # an interim title, then the post
