"""Extraction on sentences written for these tests (not copied from any seed or corpus)."""
import time

import pytest

from ingest.extract import extract_claims


def facts(text, published="2025-04-10", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


def keys(text, published="2025-04-10", title=""):
    return set(facts(text, published, title))


def test_join_with_role_and_date():
    f = facts("Priyanka Desai joined Cohere as head of evaluation in January 2024.")
    c = f[("joined", "Priyanka Desai", "Cohere")]
    assert c.role == "head of evaluation" and c.date == "2024-01" and c.date_precision == "month"
    assert c.quote.startswith("Priyanka Desai joined")


def test_left_a_to_join_b_is_two_claims_sharing_the_date():
    f = facts("Tomas Berg left Microsoft in March 2023 to join Mistral.")
    assert f[("left", "Tomas Berg", "Microsoft")].date == "2023-03"
    assert f[("joined", "Tomas Berg", "Mistral")].date == "2023-03"


def test_departure_noun_from_a_to_b():
    k = keys("Observers called Ana Ruiz's departure from Apple to Nvidia a surprise.")
    assert {("left", "Ana Ruiz", "Apple"), ("joined", "Ana Ruiz", "Nvidia")} <= k


def test_verbs_of_every_kind():
    assert ("joined", "Wei Zhang", "xAI") in keys("Wei Zhang defects to xAI.")
    assert ("left", "Omar Haddad", "Databricks") in keys("Omar Haddad steps down from Databricks.")
    assert ("joined", "Lena Fischer", "Apple") in keys("Lena Fischer returns to Apple after four years away.")
    assert ("joined", "Kofi Mensah", "Anthropic") in keys("Anthropic hired Kofi Mensah as a research engineer.")
    assert ("joined", "Rita Gomes", "Meta") in keys("Meta poached Rita Gomes from Apple.")


def test_relative_clause_with_its_own_verb():
    assert ("left", "Jonas Weber", "Tesla") in keys("Jonas Weber, who jumped ship last week, has left Tesla.")


@pytest.mark.xfail(reason="known gap: a title outside the role lexicon ('senator') blocks 'O appointed TITLE P'")
def test_board_with_unlisted_title():
    f = facts("Cohere appointed former senator Ruth Ellis to its board of directors.")
    assert f[("joined", "Ruth Ellis", "Cohere")].role == "board member"


def test_board_and_founder_roles():
    f = facts("Cohere appointed former director Ruth Ellis to its board of directors.")
    assert f[("joined", "Ruth Ellis", "Cohere")].role == "board member"
    f = facts("Hana Sato co-founded Lumenforge Labs in 2022.")
    c = f[("joined", "Hana Sato", "Lumenforge Labs")]
    assert c.role == "co-founder" and c.date == "2022"


def test_promotion_is_role_change_in_current_org():
    text = "Carlos Mendez joined Scale AI in 2021. He was promoted to chief technology officer in May 2024."
    c = facts(text)[("role_changed", "Carlos Mendez", "Scale AI")]
    assert c.role == "chief technology officer" and c.date == "2024-05"


def test_appositions_and_parentheses_are_held_roles():
    f = facts("The talk featured Nadia Petrova (Hugging Face chief of staff) and Arjun Rao, Perplexity's head of search.")
    assert f[("held_role", "Nadia Petrova", "Hugging Face")].role == "chief of staff"
    assert f[("held_role", "Arjun Rao", "Perplexity")].role == "head of search"


def test_former_role_is_a_departure():
    f = facts("According to Elif Kaya, former chief of staff at Anthropic, the culture shifted.")
    assert f[("left", "Elif Kaya", "Anthropic")].role == "chief of staff"


def test_role_as_subject_and_surname_pronoun_coref():
    text = ("Nvidia's director of robotics Samuel Okafor is leaving the company. "
            "Okafor will be missed, colleagues said. He joins Tesla next month as its AI chief.")
    k = keys(text)
    assert ("left", "Samuel Okafor", "Nvidia") in k


def test_wrong_gender_pronoun_still_links():
    text = "Mateo Silva led research at Baidu. She has announced her departure to join DeepSeek."
    assert ("joined", "Mateo Silva", "DeepSeek") in keys(text)


def test_org_alias_and_unit_map_to_employer():
    k = keys("Li Wei, a researcher on Alibaba's Qwen team, joined Open AI.")
    assert ("joined", "Li Wei", "OpenAI") in k
    assert ("left", "Li Wei", "Alibaba") in k


def test_relative_date_resolves_against_published():
    c = facts("Rosa Lindgren joined Runway yesterday.", "2025-09-02")[("joined", "Rosa Lindgren", "Runway")]
    assert c.date == "2025-09-01" and c.date_inferred
    c = facts("Rosa Lindgren joined Runway yesterday.", None)[("joined", "Rosa Lindgren", "Runway")]
    assert c.date is None


def test_dedup_one_claim_per_type_person_org():
    text = "Ivan Petrov joins Cohere. Ivan Petrov joined Cohere on March 3, 2025, as chief scientist."
    cs = [c for c in extract_claims("", text, "2025-03-05") if c.type == "joined"]
    assert len(cs) == 1 and cs[0].date == "2025-03-03" and cs[0].role == "chief scientist"


# ---- things that are not facts
def test_rumors_talks_denials_hypotheticals_are_not_facts():
    assert not keys("Greta Holm is in talks to join Mistral.")
    assert not keys("Greta Holm is reportedly considering an offer from Mistral.")
    assert not keys("Greta Holm denied she would leave Mistral.")
    assert not keys("If Greta Holm joined Mistral, the team would double.")
    assert not keys("Greta Holm might join Mistral next year.")
    assert not keys("Greta Holm did not join Mistral.")


def test_unnamed_people_and_group_actions_are_not_facts():
    assert not keys("Two senior engineers resigned to join Meta.")
    assert not keys("The company's former CTO left for Apple.")
    assert not keys("Meta is offering researchers ten times their salary.")


def test_people_merely_quoted_or_advisors_are_not_moves():
    k = keys("She did her PhD at Stanford under Paul Rivers and Dana Holt. Paul Rivers said she was brilliant.")
    assert not any(t != "held_role" for t, _, _ in k)
    assert not any(p in ("Paul Rivers", "Dana Holt") for _, p, _ in k)


def test_correction_withdraws_wrong_org():
    text = ("Yusuf Demir joined Nvidia last week. "
            "Correction: An earlier version of this article said Yusuf Demir joined Nvidia; he joined AMD.")
    k = keys(text)
    assert ("joined", "Yusuf Demir", "Nvidia") not in k



def test_headline_counts():
    k = keys("", title="Figma veteran Chloe Park joins Anthropic")
    assert ("joined", "Chloe Park", "Anthropic") in k


def test_huge_unpunctuated_input_is_bounded():
    text = "and the Lumen people went on " * 40000  # ~1 MB, no punctuation
    t = time.perf_counter()
    extract_claims("x", text, None)
    assert time.perf_counter() - t < 10
