"""Signed posts, bare weekdays, copular 'is a former O ROLE who ...' and 'become ROLE in O's unit'."""
from ingest.extract import extract_claims


def facts(text, published="2026-07-08", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


def test_post_signed_at_its_foot_names_the_first_person():
    f = facts("Friday was my last day at Google.\n\nI joined in 2015 as a research intern.\n\n— Dalia Brennock",
              title="Leaving after eleven years")
    left = f[("left", "Dalia Brennock", "Google")]
    assert left.date == "2026-07-03"   # the Friday before a Wednesday post
    assert ("joined", "Dalia Brennock", "Google") in f


def test_two_different_signatures_name_no_author():
    f = facts("Friday was my last day at Google.\n\n— Dalia Brennock\n\nI left Meta too.\n\n— Osric Fenn",
              title="Two posts")
    assert not any(k[0] == "left" for k in f)


def test_copular_former_title_and_its_relative_clause():
    f = facts("Marta Quell, 41, is a former Microsoft researcher who co-founded Anthropic in 2021 with Ivo Dansk.")
    assert f[("joined", "Marta Quell", "Anthropic")].role == "co-founder"
    assert ("joined", "Ivo Dansk", "Anthropic") in f
    assert ("left", "Marta Quell", "Microsoft") in f


def test_become_title_in_another_orgs_unit_is_a_join():
    f = facts("Under the deal, Foxglove chief executive Marta Quell will become a director in Amazon's robotics lab.",
              published="2026-03-18")
    assert ("joined", "Marta Quell", "Amazon") in f


def test_release_legal_name_makes_a_new_company_an_org():
    text = ("PORTLAND--(WIRE)--May 4, 2026--Quenderly, Inc. (NASDAQ: QNDR) today announced leadership changes.\n\n"
            "Ravi Osei, the company's Chief Operating Officer since 2022, has been promoted to President.\n\n"
            "About Quenderly\nQuenderly builds storage systems.")
    f = facts(text, published="2026-05-04", title="Quenderly Announces Leadership Changes")
    assert ("role_changed", "Ravi Osei", "Quenderly") in f


def test_intention_to_retire_in_a_later_month_is_this_year():
    f = facts("Eldon Marsh, Senior Vice President of Operations at Nvidia, has informed the company of his "
              "intention to retire in June.", published="2026-03-09")
    assert f[("left", "Eldon Marsh", "Nvidia")].date == "2026-06"


def test_the_company_said_is_the_articles_company_not_the_last_employer_named():
    text = ("Anthropic said on Monday it had named Lena Vogt as chief financial officer. "
            "She is currently a vice president at Salesforce.\n\n"
            "Omar Reyes, who has been interim CFO since April, will return to his role as chief accounting officer, the company said.")
    orgs = {k[2] for k in facts(text, published="2026-08-10") if k[:2] == ("role_changed", "Omar Reyes")}
    assert orgs == {"Anthropic"}


def test_a_possessor_before_ai_is_no_company():
    f = facts("Cohere hired Ravi Osei as a research scientist.", title="BRITAIN'S AI BOOM GETS CROWDED")
    assert ("joined", "Ravi Osei", "Cohere") in f
    assert not any("BRITAIN" in k[2] for k in f)


def test_fronted_month_before_a_future_clause_is_the_coming_one():
    f = facts("In March, Anthropic will add Lena Vogt, a former policy lead at Google, as head of its policy team.",
              published="2026-02-24")
    assert f[("joined", "Lena Vogt", "Anthropic")].date == "2026-03"


def test_a_second_hire_verb_shares_the_org_subject_and_ends_the_first_title():
    f = facts("In March, Mistral hired former Nvidia executive Jonas Weller as chief AI officer and promoted "
              "Ines Moreau to president.", published="2026-08-10")
    assert f[("joined", "Jonas Weller", "Mistral")].role == "chief AI officer"
    assert f[("role_changed", "Ines Moreau", "Mistral")].role == "president"


def test_a_join_takes_the_start_day_the_next_sentence_gives():
    text = ("Mistral said on Monday it had named Lena Vogt as chief financial officer, filling a post that has "
            "been vacant since Omar Reyes resigned at the end of March. Vogt, 49, will start on Sept. 1.")
    assert facts(text, published="2026-08-10")[("joined", "Lena Vogt", "Mistral")].date == "2026-09-01"


def test_a_past_join_keeps_its_date_beside_a_new_start_day():
    text = ("Tessa Moor, who has run policy at Anthropic since 2023, will join Cohere next month as head of policy. "
            "She is expected to start on April 15.")
    f = facts(text, published="2026-03-27")
    assert f[("joined", "Tessa Moor", "Cohere")].date == "2026-04-15"
    assert f[("joined", "Tessa Moor", "Anthropic")].date == "2023"


def test_a_quoted_post_starting_a_named_venture_with_a_co_founder():
    text = ("> Friday was my last day at Google.\n>\n> I joined in 2017 as a Brain resident, fresh out of a PhD.\n>\n"
            "> I'm leaving to start a company. It's called Quillmoss, and it builds audit tools. "
            "My co-founder is Maren Oduya, who spent three years at Hugging Face.\n>\n> — Dalia Brennock")
    got = {k: (c.role, c.date) for k, c in facts(text, title="Leaving Google after nine years").items()}
    assert got[("joined", "Dalia Brennock", "Google")] == ("Brain resident", "2017")
    assert {got[("joined", p, "Quillmoss")][0] for p in ("Dalia Brennock", "Maren Oduya")} == {"co-founder"}
    assert ("left", "Dalia Brennock", "Google") in got


def test_acquihire_parallel_titles_and_a_founder_who_stays():
    text = ("Amazon has hired the founders of Foxglove Labs. Under the deal, Foxglove chief executive Marta Quell will become a director in Amazon's robotics lab, "
            "and CTO Ivo Dansk will join as a principal scientist. Foxglove will continue as a licensing business "
            "run by chief operating officer Lena Vogt, who is not joining Amazon.")
    got = {k: c.role for k, c in facts(text, published="2026-03-18").items()}
    assert got[("joined", "Ivo Dansk", "Amazon")] == "principal scientist"
    assert ("held_role", "Ivo Dansk", "Amazon") not in got
    assert not any(k[1] == "Lena Vogt" and k[2] == "Amazon" for k in got)


def test_roundup_item_is_a_new_title_with_its_origin():
    got = {k: c.role for k, c in facts("- Ana Ruiz is Cohere's new chief revenue officer (from Salesforce).\n"
                                       "- Lena Vogt is Mistral AI's first general counsel.\n",
                                       published="2026-02-06").items()}
    assert got[("joined", "Ana Ruiz", "Cohere")] == "chief revenue officer"
    assert ("left", "Ana Ruiz", "Salesforce") in got
    assert got[("joined", "Lena Vogt", "Mistral")] == "general counsel"
    assert ("held_role", "Ana Ruiz", "Cohere") not in got


def test_a_title_after_anothers_parenthesis_is_not_at_the_parenthesised_org():
    got = facts("Verdigris Research launched on Tuesday. CEO Dez Amara (ex-OpenAI) and chief scientist "
                "Mira Holt (ex-Google DeepMind) co-founded it.", published="2026-02-06")
    assert ("held_role", "Mira Holt", "OpenAI") not in got


def test_the_replaced_interim_holder_held_the_title_since_then():
    got = facts("Mistral hired Ana Ruiz as chief operating officer. She replaces Tom Reyes, who has been interim COO "
                "since January.", published="2026-08-18")
    c = got[("role_changed", "Tom Reyes", "Mistral")]
    assert (c.role, c.date) == ("interim COO", "2026-01")
