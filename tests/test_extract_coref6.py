"""Coreference and clause rules added in the extract6 session, on sentences written for these
tests (no corpus text)."""
from ingest.extract import extract_claims
from ingest.givennames import given_gender, pronoun_fits


def keys(text, published="2025-04-10", title=""):
    return {(c.type, c.person, c.org) for c in extract_claims(title, text, published)}


def test_given_name_gender_only_vetoes_contradicting_pronouns():
    assert given_gender("harold brandt") == "m" and given_gender("ingrid vos") == "f"
    assert given_gender("alex rivera") is None and given_gender("wei zhang") is None
    assert not pronoun_fits("harold brandt", "she") and pronoun_fits("alex rivera", "she")


def test_she_does_not_pass_to_a_quoted_man():
    text = ("Ingrid Vos has built walking robots for twenty years. "
            "\"Ingrid never gave up on a prototype,\" Harold Brandt, her former adviser, said. "
            "In 2016 she left Festo for Siemens. She left Siemens in 2021.")
    k = keys(text)
    assert {("left", "Ingrid Vos", "Festo"), ("joined", "Ingrid Vos", "Siemens"), ("left", "Ingrid Vos", "Siemens")} <= k
    assert not any(p == "Harold Brandt" for _, p, _ in k if _ != "held_role")


def test_she_inside_a_quote_is_not_the_male_speaker():
    text = ("Paula Ferreira, who runs the data group at Siemens, will retire in June. "
            "\"Paula has shaped Siemens since she joined as an analyst in 1998,\" Victor Hale wrote.")
    k = keys(text)
    assert ("joined", "Victor Hale", "Siemens") not in k
