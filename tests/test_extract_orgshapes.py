"""Organization-name boundaries: departments under a title, named institutions, colleges
named with their city, and a defined term for an incorporated one-word name."""
from ingest.extract import extract_claims
from ingest.orgs import find_orgs


def _surfaces(text: str) -> list[str]:
    return [o.surface for o in find_orgs(text)]


def test_department_under_a_title_is_no_employer() -> None:
    assert _surfaces("Lena Morrow, currently Vice President of Warehouse Engineering, was promoted.") == []
    assert "Cloud Software" not in _surfaces("At Oracle she was head of Cloud Software for five years.")


def test_top_title_of_a_company_still_names_it() -> None:
    assert "Brightline Software" in _surfaces("He is CEO of Brightline Software.")


def test_named_institution_keeps_its_adjective() -> None:
    assert "Open Standards Council" in _surfaces("She chairs the Open Standards Council in Geneva.")
    assert "Center for Applied Data Ethics" in _surfaces("He left the Center for Applied Data Ethics.")
    assert _surfaces("The Council met on Friday.") == []


def test_institution_head_inside_a_department_is_no_name() -> None:
    assert _surfaces("Tom Reyes, Senior Vice President of Data Center Operations, retires.") == []


def test_college_named_with_its_city() -> None:
    assert "Trinity College Dublin" in _surfaces("Ava Quinn, a lecturer at Trinity College Dublin, joined.")


def test_defined_company_term_in_a_filing() -> None:
    text = ('On May 2, 2026, the Board of Directors of Pellucid, Inc. (the "Company") appointed Ruth Okoye, '
            'age 51, to serve as interim Chief Financial Officer of the Company, effective June 1, 2026.')
    claims = extract_claims("Form 8-K", text, "2026-05-04")
    assert any(c.person == "Ruth Okoye" and c.org == "Pellucid" for c in claims)


def test_the_board_of_a_release_is_its_company_board() -> None:
    text = ("Marlow Robotics today announced changes to its Board of Directors.\n\n"
            "Dr. Hana Sato has joined the Board effective June 2, 2026.\n\n"
            "Owen Tarrant, a partner at Birchfield Capital, will step down from the Board on June 30, 2026.")
    claims = {(c.type, c.person, c.org) for c in extract_claims("Marlow Robotics adds director", text, "2026-06-03")}
    assert ("joined", "Hana Sato", "Marlow Robotics") in claims
    assert ("left", "Owen Tarrant", "Marlow Robotics") in claims
    assert ("joined", "Owen Tarrant", "Birchfield Capital") not in claims


def test_place_before_what_is_there_is_no_person() -> None:
    text = "Dana Pike now runs Ostrava Systems, a Palo Verde startup that designs sensors."
    people = {c.person for c in extract_claims("", text, "2026-03-01")}
    assert "Palo Verde" not in people


def test_title_case_headline_ai_adjective_is_no_org() -> None:
    assert _surfaces("Acme Names New CFO to Advance AI Infrastructure Plans") == []
    assert "Sakana AI Labs" in _surfaces("She joined Sakana AI Labs.")
