"""Common news phrasings of moves, each on sentences written for these tests (no corpus text)."""
from ingest.dates import find_dates
from ingest.extract import extract_claims


def facts(text, published="2025-04-10", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


def keys(text, published="2025-04-10", title=""):
    return set(facts(text, published, title))


# --- hires told before the person is named
def test_post_announced_before_the_hire_is_named():
    f = facts("Cohere has a new research chief. Jane Doerr, who spent a decade at Google, starts Monday.")
    assert f[("joined", "Jane Doerr", "Cohere")].role == "research chief"
    k = keys("Mistral has hired a new head of research. Jane Doerr, formerly of Intel, starts next week.")
    assert {("joined", "Jane Doerr", "Mistral"), ("left", "Jane Doerr", "Intel")} <= k


def test_post_announced_with_the_hire_after_a_colon():
    f = facts("Anthropic has found its new general counsel: Marta Lopes, who previously worked at Stripe.")
    assert f[("joined", "Marta Lopes", "Anthropic")].role == "general counsel"
    assert ("left", "Marta Lopes", "Stripe") in f


def test_speaker_announces_a_hire_and_names_them_after_a_pronoun_sentence():
    k = keys("Databricks held its keynote today. Three weeks ago we hired a new chief scientist. "
             "He joined us from Meta, where he spent seven years. Please welcome Dr. Lars Okafor.")
    assert {("joined", "Lars Okafor", "Databricks"), ("left", "Lars Okafor", "Meta")} <= k


def test_announced_post_is_not_given_to_an_incumbent_or_a_speaker():
    assert not keys("Cohere has a new CEO. Aidan Brandt said the board chose well.")
    k = keys("Cohere names a new CEO. Omar Rios, Cohere's finance chief and interim CEO, will stay on.")
    assert ("joined", "Omar Rios", "Cohere") not in k


# --- "came from O", "arrived from O", "is at O now"
def test_came_from_and_arrived_from_are_departures_and_joins_at_the_org_in_focus():
    f = facts("Halvard Labs builds speech models. Kit Moran came from Stripe in the summer of 2023. "
              "Kit built our serving stack.")
    assert f[("joined", "Kit Moran", "Halvard Labs")].date == "2023"
    assert ("left", "Kit Moran", "Stripe") in f
    assert ("left", "Ana Pires", "Intel") in keys("Groq hired widely last year. Ana Pires arrived from Intel in 2023.")
    assert not keys("Tessa Lund, a director at Cohere who came from the Google side of the deal, agreed.") & {
        ("left", "Tessa Lund", "Google")}


def test_is_at_org_now_is_a_move():
    assert ("joined", "Kit Moran", "OpenAI") in keys("Kit Moran built our stack. Kit's at OpenAI now.")
    assert ("joined", "Ana Pires", "Nvidia") in keys("Ana Pires is now at Nvidia.")


# --- hiring verbs with particles and dates
def test_hired_away_and_lured_away_from_an_employer():
    k = keys("Apple hired away Yuki Tanabe from Google.")
    assert {("joined", "Yuki Tanabe", "Apple"), ("left", "Yuki Tanabe", "Google")} <= k
    k = keys("Cohere lured Wen Liang away from Microsoft with a large package.")
    assert {("joined", "Wen Liang", "Cohere"), ("left", "Wen Liang", "Microsoft")} <= k


def test_role_after_a_date_between_org_and_as():
    assert facts("Dmitri Orlov will join Perplexity next month as head of search.")[
        ("joined", "Dmitri Orlov", "Perplexity")].role == "head of search"


def test_has_since_joined_after_a_departure():
    k = keys("Hamid Qasemi joined Stability AI in September. He left Stability AI again in November, "
             "after two months, and has since joined Character.AI.")
    assert ("joined", "Hamid Qasemi", "Character.AI") in k


def test_relative_clause_with_both_belongs_to_every_head():
    k = keys("Greta Solvang and Tomas Ibarz, who both left Anthropic in June, founded Halcyon.")
    assert {("left", "Greta Solvang", "Anthropic"), ("left", "Tomas Ibarz", "Anthropic")} <= k


def test_founded_then_left_for_is_a_departure_from_the_founded_org():
    f = facts("Ravi Menon co-founded OpenAI in 2015, left for Tesla, came back to OpenAI in February 2023 "
              "and departed again in February 2024.")
    assert ("joined", "Ravi Menon", "Tesla") in f
    assert f[("left", "Ravi Menon", "OpenAI")].date == "2024-02"


# --- dates
def test_may_after_on_is_the_month():
    d = find_dates("she starts on May 1.", "2026-03-02")
    assert d and d[0].date == "2026-05-01"


def test_scheduled_present_tense_is_the_coming_date():
    d = find_dates("He left Nvidia last week and starts at Pinecrest on May 4.", "2026-04-22")
    assert [x.date for x in d][-1] == "2026-05-04"


def test_past_relative_clause_under_a_future_main_clause_is_past():
    f = facts("Lena Kraus will report to Tariq Mansoor, a Microsoft vice president who came over "
              "from Inflection AI in March.", published="2024-10-08")
    assert f[("left", "Tariq Mansoor", "Inflection AI")].date == "2024-03"


# --- new heads and successions
def test_takes_the_helm_is_a_new_head_joined_from_outside():
    f = facts("Julia Weber takes the helm at Aleph Alpha.")
    assert ("joined", "Julia Weber", "Aleph Alpha") in f
    f = facts("Julia Weber joined Cohere in 2019. Julia Weber took the reins at Cohere in March.")
    assert f[("role_changed", "Julia Weber", "Cohere")].date == "2025-03"


def test_succeeded_or_replaced_someone_as_a_title():
    f = facts("Julia Weber succeeded Tom Ames as chief executive of Cohere in March.")
    assert f[("joined", "Julia Weber", "Cohere")].role == "chief executive"
    f = facts("Anselm Reich stepped back from the CTO role at Corrigan Systems in September. "
              "Zainab Fair, who had been running platform engineering, succeeded him as CTO.")
    assert f[("role_changed", "Zainab Fair", "Corrigan Systems")].role == "CTO"


def test_signed_on_as_a_title_at_an_org():
    assert facts("Julia Weber has signed on as chief of staff at Scale AI.")[
        ("joined", "Julia Weber", "Scale AI")].role == "chief of staff"


def test_joined_the_board_of_an_org():
    f = facts("Julia Weber joined the board of Cohere last year.")
    assert f[("joined", "Julia Weber", "Cohere")].role == "board member"


def test_joined_a_team_of_an_org_from_another():
    k = keys("Julia Weber has joined Apple's foundation models team from Cohere.")
    assert {("joined", "Julia Weber", "Apple"), ("left", "Julia Weber", "Cohere")} <= k


def test_title_given_right_after_the_name():
    assert facts("Cohere appointed Julia Weber chief financial officer on Monday.")[
        ("joined", "Julia Weber", "Cohere")].role == "chief financial officer"
    assert facts("Cohere named Julia Weber its chief financial officer.")[
        ("joined", "Julia Weber", "Cohere")].role == "chief financial officer"


# --- boomerangs: a second join of the same org is its own fact
def test_return_dated_to_the_day_is_a_second_join():
    text = ("Kiran Bhatia is going back to Google DeepMind. Her first day back at DeepMind is next Monday, "
            "March 30. She first joined DeepMind in 2019.")
    dates = sorted(c.date for c in extract_claims("", text, "2026-03-24")
                   if c.type == "joined" and c.org == "Google DeepMind")
    assert dates == ["2019", "2026-03-30"]


def test_present_tense_return_is_a_second_join():
    text = "Rhea Kaur is returning to Google DeepMind. She was at DeepMind from 2019 until 2023."
    dates = sorted(c.date for c in extract_claims("", text, "2025-01-09")
                   if c.type == "joined" and c.org == "Google DeepMind")
    assert dates == ["2019", "2025-01-09"]


def test_a_day_just_after_publication_is_the_coming_one():
    assert find_dates("on March 30", "2026-03-24")[0].date == "2026-03-30"
    assert find_dates("on March 30", "2026-01-10")[0].date == "2025-03-30"


# --- bios and held titles
def test_post_with_its_years_in_parentheses_is_a_span():
    f = facts("**Wiremu Tane** — Co-founder & CEO\n\nPreviously research lead at Anthropic (2021–2025).")
    assert f[("joined", "Wiremu Tane", "Anthropic")].date == "2021"
    assert f[("left", "Wiremu Tane", "Anthropic")].date == "2025"
    k = keys("Ana Ruiz worked at Google (2019-present) on search.")
    assert ("joined", "Ana Ruiz", "Google") in k and ("left", "Ana Ruiz", "Google") not in k


def test_title_held_beside_a_founding_is_kept():
    k = keys("Thinking Labs was founded by Mara Voss in 2024. Voss is the company's chief executive.")
    assert {("joined", "Mara Voss", "Thinking Labs"), ("held_role", "Mara Voss", "Thinking Labs")} <= k


def test_white_is_a_surname():
    assert ("held_role", "Sean White", "Inflection AI") in keys("Sean White, Inflection's chief executive, thanked staff.")


def test_has_run_the_orgs_unit_since_is_a_later_title_when_an_earlier_join_is_told():
    f = facts("Greta Abel, the Microsoft vice president who has run the company's AI platform organization "
              "since 2019, will retire on June 30. Abel joined Microsoft in 2004 as a program manager.")
    c = f[("role_changed", "Greta Abel", "Microsoft")]
    assert c.date == "2019" and c.role == "head of AI platform organization"
    assert f[("joined", "Greta Abel", "Microsoft")].date == "2004"
