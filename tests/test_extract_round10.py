"""Round 10 phrasing classes: a move's date kept apart from a relative clause about an earlier
event, announced departures with a month or a quarter, plural subjects continued by "both" and
"the two", given names standing alone for the one person so named, and surnames that are also
English words."""
from ingest.extract import extract_claims


def facts(text, published="2026-07-08", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


# ---------------------------------------------------------------- 1. dates of relative clauses
def test_last_day_after_a_relative_clause_takes_the_weekday():
    # 2026-07-08 is a Wednesday: "Friday was her last day" is the Friday before
    f = facts("Maya Ortiz, who joined OpenAI in 2023, said Friday was her last day at the company.")
    assert f[("left", "Maya Ortiz", "OpenAI")].date == "2026-07-03"
    assert f[("joined", "Maya Ortiz", "OpenAI")].date == "2023"


def test_relative_clause_date_is_not_the_reporting_date():
    f = facts("Idris Calder, who joined Cohere in March 2024, said he is leaving the company.")
    assert ("left", "Idris Calder", "Cohere") in f
    assert f[("left", "Idris Calder", "Cohere")].date != "2024-03"
    assert f[("joined", "Idris Calder", "Cohere")].date == "2024-03"


def test_relative_clause_with_which_keeps_its_date():
    f = facts("Priya Natarajan, who came to Mistral from Google in 2022, announced her resignation from Mistral.")
    assert f[("left", "Priya Natarajan", "Mistral")].date != "2022"


def test_weekday_will_be_the_last_day_is_the_coming_one():
    f = facts("Bram Oosterhuis, who joined Anthropic in 2021, told staff Friday will be his last day at the company.")
    assert f[("left", "Bram Oosterhuis", "Anthropic")].date == "2026-07-10"


# ---------------------------------------------------------------- 2. announced departures
def test_plans_to_leave_at_the_end_of_the_quarter():
    f = facts("Rafael Gomez, the chief financial officer of Mistral, plans to leave at the end of the quarter.")
    assert f[("left", "Rafael Gomez", "Mistral")].date in ("2026-09", "2026-09-30")


def test_retiring_in_a_month_still_ahead_is_this_year():
    f = facts("Hedda Lindqvist, Cohere's chief scientist, is retiring in September.")
    assert f[("left", "Hedda Lindqvist", "Cohere")].date == "2026-09"


def test_retiring_in_a_month_already_past_is_next_year():
    f = facts("Hedda Lindqvist, Cohere's chief scientist, is retiring in March.")
    assert f[("left", "Hedda Lindqvist", "Cohere")].date == "2027-03"


# ---------------------------------------------------------------- 3. plural subjects
def test_both_start_in_a_month_dates_both_joins():
    f = facts("Ana Ruiz and Tom Lee have joined Cohere. Both start in May.", published="2026-03-02")
    assert f[("joined", "Ana Ruiz", "Cohere")].date == "2026-05"
    assert f[("joined", "Tom Lee", "Cohere")].date == "2026-05"


def test_the_two_will_start_in_a_month():
    f = facts("Cohere has hired Lina Okafor and Pavel Dvorak as research leads. The two will start in "
              "September.", published="2026-03-02")
    assert f[("joined", "Lina Okafor", "Cohere")].date == "2026-09"
    assert f[("joined", "Pavel Dvorak", "Cohere")].date == "2026-09"


def test_the_two_previously_worked_at():
    f = facts("Ana Ruiz and Tom Lee have joined Cohere. The two previously worked at Google.", published="2026-03-02")
    assert ("left", "Ana Ruiz", "Google") in f
    assert ("left", "Tom Lee", "Google") in f


def test_both_previously_worked_at():
    f = facts("Mistral hired Ana Ruiz and Tom Lee this week. Both previously worked at Meta.", published="2026-03-02")
    assert ("left", "Ana Ruiz", "Meta") in f
    assert ("left", "Tom Lee", "Meta") in f


# ---------------------------------------------------------------- 4. given names alone
def test_given_name_alone_later_in_the_article():
    f = facts("Nguyen Van An has joined Mistral as a research engineer. An previously worked at Google DeepMind.",
              published="2026-03-02")
    assert ("joined", "Nguyen Van An", "Mistral") in f
    assert ("left", "Nguyen Van An", "Google DeepMind") in f


def test_given_name_shared_by_two_people_is_not_resolved():
    f = facts("Rania Haddad and Rania Saleh spoke at the event. Rania joined Cohere last month.",
              published="2026-03-02")
    assert not any(k[0] == "joined" for k in f)


# ---------------------------------------------------------------- 5. surnames that are words
def test_surname_he_is_a_name():
    f = facts("Kaiming He has joined Mistral as chief scientist.", published="2026-03-02")
    assert ("joined", "Kaiming He", "Mistral") in f


def test_given_name_will_is_a_name():
    f = facts("Will Young has joined Anthropic as head of policy.", published="2026-03-02")
    assert ("joined", "Will Young", "Anthropic") in f


def test_hired_will_young():
    f = facts("Anthropic hired Will Young as head of policy.", published="2026-03-02")
    assert ("joined", "Will Young", "Anthropic") in f


def test_surname_may_later_alone():
    f = facts("Anna May joined Cohere in March. May previously led research at Google.", published="2026-07-02")
    assert ("joined", "Anna May", "Cohere") in f
    assert ("left", "Anna May", "Google") in f


def test_will_opening_a_question_is_not_a_name():
    from ingest.names import find_names
    assert [n.text for n in find_names("Will Anthropic hire Sam Altman?", [])] == ["Sam Altman"]
    assert find_names("Will Young join Anthropic?", []) == []


def test_he_after_a_surname_in_a_headline_is_the_pronoun():
    from ingest.names import find_names
    assert find_names("Sutskever Says He Will Leave", []) == []


def test_word_given_name_beside_other_surnames():
    f = facts("Nguyen Van An and Sara Klein have joined Mistral. An previously worked at Google DeepMind. "
              "Klein previously worked at Meta. An engineer said the team is growing.", published="2026-03-02")
    assert ("left", "Nguyen Van An", "Google DeepMind") in f
    assert ("left", "Sara Klein", "Meta") in f


def test_pair_described_as_formerly_of_an_org():
    f = facts("Ana Ruiz and Tom Lee, both formerly of Google, have joined Cohere.", published="2026-03-02")
    for who in ("Ana Ruiz", "Tom Lee"):
        assert ("joined", who, "Cohere") in f
        assert ("left", who, "Google") in f


def test_the_pair_had_spent_years_at():
    f = facts("Cohere hired Ana Ruiz and Tom Lee. The pair had spent five years at Google.", published="2026-03-02")
    assert ("left", "Ana Ruiz", "Google") in f
    assert ("left", "Tom Lee", "Google") in f


def test_bare_weekday_after_a_reporting_verb_is_the_report_date():
    # 2026-07-08 is a Wednesday
    f = facts("Lise Amundsen has left Cohere, the company said Monday.")
    assert f[("left", "Lise Amundsen", "Cohere")].date == "2026-07-06"


def test_final_day_at_is_a_departure():
    f = facts("Maya Ortiz, who joined OpenAI in 2023, said Friday was her final day at OpenAI.")
    assert f[("left", "Maya Ortiz", "OpenAI")].date == "2026-07-03"


def test_they_after_a_named_pair_is_both():
    f = facts("Ana Ruiz and Tom Lee have joined Cohere. They previously worked at Google.", published="2026-03-02")
    assert ("left", "Ana Ruiz", "Google") in f
    assert ("left", "Tom Lee", "Google") in f


def test_they_after_a_list_of_three_is_not_a_pair():
    f = facts("Ana Ruiz, Kai Berg and Tom Lee have joined Cohere. They previously worked at Google.", published="2026-03-02")
    assert not any(k[0] == "left" for k in f)
