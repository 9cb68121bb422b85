"""Securities-filing and wire styles, on sentences written for these tests (not corpus text):
hard-wrapped lines, "our" as the filer, honorifics before surnames, legal-form suffixes,
"from D1 to D2" spans told in several word orders, board seats told beside a title."""
from ingest.extract import extract_claims
from ingest.wrapping import unwrap


def facts(text, published="2027-03-01", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


FILING = """Executive officers of Halvard Robotics, Inc.

Maren Ostrowski has served as our Chief Financial Officer since February 2023. From
2015 to January 2023, Ms. Ostrowski held several accounting positions at Intel
Corporation, most recently as Vice President, Controller.

Tobin Achebe has served as our President and Chief Executive Officer since March 2021
and as a member of our board of directors since 2019. Previously, Mr. Achebe was a
partner in the corporate group of Lindqvist Rowe LLP, a law firm, from 2008 to 2018.

Pieter Osei served as our Chief Operating Officer from June 2019 until his resignation,
effective October 31, 2026.
"""


def test_unwrap_joins_wrapped_prose_but_keeps_tables():
    table = "Name            Age   Position\nAna Ruiz         44   Chief Financial Officer\n"
    out = unwrap(FILING + "\n" + table)
    assert "since February 2023. From 2015 to January 2023, Ms. Ostrowski" in out
    assert table in out
    prose = "Short line.\nAnother short line.\nA third.\nAnd a fourth.\nFifth.\n"
    assert unwrap(prose) == prose


def test_filing_bios():
    f = facts(FILING, title="Halvard Robotics, Inc. - Proxy Statement")
    assert f[("joined", "Maren Ostrowski", "Halvard Robotics")].date == "2023-02"
    assert f[("joined", "Maren Ostrowski", "Intel")].date == "2015"
    assert f[("left", "Maren Ostrowski", "Intel")].date == "2023-01"
    assert f[("joined", "Tobin Achebe", "Halvard Robotics")].date in ("2021-03", "2019")
    assert any(c.role == "board member" and c.date == "2019" for k, c in f.items() if k[1] == "Tobin Achebe")
    assert f[("joined", "Tobin Achebe", "Lindqvist Rowe LLP")].date == "2008"
    assert f[("left", "Tobin Achebe", "Lindqvist Rowe LLP")].date == "2018"
    assert f[("joined", "Pieter Osei", "Halvard Robotics")].date == "2019-06"
    assert f[("left", "Pieter Osei", "Halvard Robotics")].date == "2026-10-31"


def test_acting_title_held_since_is_a_new_title():
    f = facts("Rosa Lind, Chief Financial Officer\n\nRosa Lind has been our acting CFO since August.",
              title="Quillon Systems earnings call")
    assert ("joined", "Rosa Lind", "Quillon Systems") not in f


def test_common_nouns_in_capitals_are_not_people():
    f = facts("Halvard Robotics - 2027 Proxy Statement\n\nDana Whit led software for Google's Tensor Processing Unit program.")
    assert not any(k[1] in ("Proxy Statement", "Tensor Processing Unit") for k in f)
