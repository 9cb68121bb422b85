"""Round 9 phrasing classes: posts kept beside a new job, advisory boards and councils, dates in
profiles and career paragraphs, returns and successions, and the one place lexicon."""
from ingest.extract import extract_claims
from ingest.names import find_names
from ingest.places import CITY_AFTER, LEFT_AS_PLACE, is_multiword_place


def facts(text, published="2026-07-08", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


# ---------------------------------------------------------------- 1. posts kept beside a new job
def test_will_remain_a_professor_keeps_the_post():
    f = facts("Tomas Brandt, a professor at Stanford, has joined Mistral as chief scientist. "
              "He will remain a professor at Stanford.")
    assert ("joined", "Tomas Brandt", "Mistral") in f
    assert ("left", "Tomas Brandt", "Stanford") not in f
    assert ("held_role", "Tomas Brandt", "Stanford") in f


def test_not_leaving_said_in_a_quote_keeps_the_post():
    f = facts('Lena Vogt, an associate professor at MIT, is joining Anthropic as a research scientist. '
              '"I\'m not leaving MIT," she said.')
    assert ("joined", "Lena Vogt", "Anthropic") in f
    assert ("left", "Lena Vogt", "MIT") not in f
    assert ("held_role", "Lena Vogt", "MIT") in f


def test_continues_as_an_adviser_is_a_held_post():
    f = facts("Ines Moreau joined OpenAI as head of policy. She continues as an adviser to the Gates Foundation.")
    assert ("joined", "Ines Moreau", "OpenAI") in f
    assert ("held_role", "Ines Moreau", "Gates Foundation") in f
    assert not any(k[0] == "left" for k in f)


def test_stays_on_at_the_university_part_time():
    f = facts("Oren Halevi, a computer scientist at the University of Toronto, has joined Cohere as vice president "
              "of research. Halevi will stay on at the University of Toronto part-time.")
    assert ("left", "Oren Halevi", "University of Toronto") not in f
    assert ("held_role", "Oren Halevi", "University of Toronto") in f


def test_stepping_down_to_stay_on_as_an_adviser_is_a_new_title():
    f = facts("Osric Fenn will step down as chief executive of Cohere on March 31. "
              "He will remain with Cohere as an adviser to the board.", published="2026-02-10")
    assert f[("role_changed", "Osric Fenn", "Cohere")].role == "adviser"
    assert ("left", "Osric Fenn", "Cohere") not in f


def test_leaving_and_advising_through_a_date_is_still_a_departure():
    f = facts("Mistral said chief financial officer Bruno Keszler would leave at the end of March and remain "
              "an adviser to the company through June.", published="2026-02-10")
    assert f[("left", "Bruno Keszler", "Mistral")].date == "2026-03-31"
    assert ("held_role", "Bruno Keszler", "Mistral") not in f


def test_posts_kept_beside_the_new_job_in_other_words():
    base = "Tomas Brandt, a professor at Stanford, has joined Mistral as chief scientist"
    for rest in (" while remaining on the faculty at Stanford.", ", in addition to his role at Stanford.",
                 ". He will continue teaching at Stanford.", ", alongside his professorship at Stanford.",
                 ". He will split his time between Mistral and Stanford."):
        f = facts(base + rest)
        assert ("left", "Tomas Brandt", "Stanford") not in f, rest
        assert ("held_role", "Tomas Brandt", "Stanford") in f, rest


def test_a_post_kept_in_the_first_person_or_a_quote():
    for text in ("Personal news: I am joining Anthropic as a research scientist. I will keep my faculty appointment "
                 "at MIT.\n\n— Lena Vogt",
                 "Personal news: I am joining Anthropic as a research scientist, but I am not leaving MIT.\n\n— Lena Vogt",
                 'Lena Vogt, an MIT professor, is joining Anthropic. "I will remain a professor at MIT," Vogt said.',
                 'Lena Vogt, an MIT professor, is joining Anthropic. "I\'m keeping my lab at MIT," Vogt said.'):
        f = facts(text, title="Some news")
        assert ("held_role", "Lena Vogt", "MIT") in f and ("left", "Lena Vogt", "MIT") not in f, text


# ---------------------------------------------------------------- 2. advisory boards and councils
def test_joining_an_advisory_council_is_an_advisor_seat():
    f = facts("Jonas Weller joins OpenAI's safety advisory council.")
    assert f[("joined", "Jonas Weller", "OpenAI")].role == "advisor"


def test_named_to_a_trust_is_a_board_seat_and_the_trust_is_no_person():
    f = facts("Marta Quell was named to Anthropic's Long-Term Benefit Trust.")
    assert f[("joined", "Marta Quell", "Anthropic")].role == "board member"
    assert not any(k[1] == "Long-Term Benefit Trust" for k in f)


def test_appointed_an_adviser_keeps_the_day_job():
    f = facts("Dalia Brennock, a vice president at Google, has been appointed an adviser to Mistral.")
    assert "advis" in f[("joined", "Dalia Brennock", "Mistral")].role
    assert ("left", "Dalia Brennock", "Google") not in f


def test_advisory_board_seat_keeps_the_day_job():
    f = facts("Helen Achterberg, chief scientist at Meta, was appointed to the advisory board of Hugging Face.")
    assert "advis" in f[("joined", "Helen Achterberg", "Hugging Face")].role
    assert ("left", "Helen Achterberg", "Meta") not in f


def test_signed_on_as_an_adviser_joins_the_storys_company_not_the_alumni_org():
    text = ("Three OpenAI veterans have started Marrowfield Labs, a company that tests agents.\n\n"
            "Marrowfield Labs was co-founded by Ines Moreau and Karim Haddad. Lena Vogt, a Stanford professor "
            "who studies robustness, has signed on as a scientific adviser.")
    f = facts(text, title="OpenAI alumni launch Marrowfield Labs")
    assert f[("joined", "Lena Vogt", "Marrowfield Labs")].role == "scientific adviser"
    assert ("left", "Lena Vogt", "Stanford") not in f


def test_seats_in_more_words_keep_the_day_job():
    day_job = "Lena Vogt, a vice president at Google, "
    for rest, org, role in (("will serve on Mistral's advisory council.", "Mistral", "advisor"),
                            ("was added to the OpenAI board in May.", "OpenAI", "board member"),
                            ("has become a member of OpenAI's safety and security committee.", "OpenAI", "advisor"),
                            ("has been named a trustee of Anthropic's Long-Term Benefit Trust.", "Anthropic", "board member")):
        f = facts(day_job + rest)
        assert f[("joined", "Lena Vogt", org)].role == role, rest
        assert ("left", "Lena Vogt", "Google") not in f, rest
    f = facts("Cohere has named Lena Vogt, a vice president at Google, to its advisory board.")
    assert f[("joined", "Lena Vogt", "Cohere")].role == "advisory board member"
    assert not any(k[0] == "joined" for k in facts("Lena Vogt does not sit on Mistral's board."))
    assert ("joined", "Mirela Stanek", "Cohere") not in facts(
        "Mirela Stanek, an Fernhill partner who sits on Cohere's board, praised the deal.")


def test_a_seat_taken_and_an_announced_board_join_are_dated_by_the_article():
    f = facts("Mirela Stanek, the Fernhill partner who led the deal, has taken a seat on Cohere's board.")
    assert f[("joined", "Mirela Stanek", "Cohere")].role == "board member"
    assert f[("joined", "Mirela Stanek", "Cohere")].date == "2026-07-08"
    f = facts("Cohere also announced that Tariq Lindgren, Chief Technology Officer, will join the company's board of directors.")
    assert f[("joined", "Tariq Lindgren", "Cohere")].date == "2026-07-08"   # (apart from his first join at Cohere)


def test_a_team_pages_advisers_and_board_sections_are_seats_at_its_company():
    text = ("# Our team\n\nWe build models for materials science.\n\n## Board\n\n**Mira Delacorte**, Brightwater Ventures\n\n"
            "## Advisers\n\n**Ilse Marwood**, Mistral AI\n**Kenji Tabata**, University of Tokyo\n\n*We're hiring.*")
    f = facts(text, title="Team — Larchfield AI")
    assert f[("joined", "Mira Delacorte", "Larchfield AI")].role == "board member"
    assert f[("joined", "Ilse Marwood", "Larchfield AI")].role == "adviser"
    assert f[("joined", "Kenji Tabata", "Larchfield AI")].role == "adviser"
    assert ("left", "Ilse Marwood", "Mistral") not in f


# ---------------------------------------------------------------- 3. dates in profiles
def test_a_length_dates_a_join_told_without_a_date():
    f = facts("Tomas Brandt joined DeepMind out of his PhD. He spent six years at DeepMind before joining Anthropic in 2024.")
    assert f[("joined", "Tomas Brandt", "Google DeepMind")].date == "2018"
    assert f[("left", "Tomas Brandt", "Google DeepMind")].date == "2024"
    f = facts("Dalia Brennock joined Google as an engineer. She left Google in 2022 after eight years there.")
    assert f[("joined", "Dalia Brennock", "Google")].date == "2014"


def test_a_length_makes_no_join_the_article_does_not_state():
    # (the development golds leave such joins out: a length alone is no stated move)
    f = facts("Karim Haddad moved to OpenAI in March 2025 after four years at Apple.")
    assert ("left", "Karim Haddad", "Apple") in f
    assert ("joined", "Karim Haddad", "Apple") not in f


def test_a_stint_that_ended_in_a_month_dates_the_departure():
    f = facts("Priya Raman joined Anthropic in May after a three-year stint at Meta that ended in March.")
    assert f[("left", "Priya Raman", "Meta")].date == "2026-03"


def test_after_nearly_a_decade_is_counted_from_the_departure():
    f = facts("Ravi Osei joined Microsoft after graduate school. He left Microsoft in 2025 after nearly a decade "
              "and has joined xAI.", published="2026-07-08")
    assert f[("joined", "Ravi Osei", "Microsoft")].date == "2015"


def test_a_post_held_before_joining_b_ends_when_b_was_joined():
    f = facts("Edith Calloway joined Microsoft in 2012 and has led teams since 2020. Before Microsoft, she spent six "
              "years at IBM Research.")
    assert f[("left", "Edith Calloway", "IBM")].date == "2012"


def test_been_there_since_is_a_tenure_at_the_org_named_before():
    f = facts("Lena Vogt led DeepMind's agentic planning team, and she had been there since 2019.")
    assert f[("joined", "Lena Vogt", "Google DeepMind")].date == "2019"


def test_a_date_of_a_stay_is_not_the_joins():
    f = facts("Lena Vogt was a research intern at Brain. She joined DeepMind full-time a few months later and stayed "
              "until this spring, when she left for Mistral.", published="2027-10-01")
    assert f[("joined", "Lena Vogt", "Google DeepMind")].date is None


def test_first_week_at_is_a_recent_join():
    f = facts("In his first week at xAI, Jonas Weller shipped a new model.", published="2026-07-08")
    assert f[("joined", "Jonas Weller", "xAI")].date[:7] == "2026-07"


def test_nth_week_or_month_at_an_org_and_an_ended_run():
    assert facts("It is Lena Vogt's first week at Mistral.")[("joined", "Lena Vogt", "Mistral")].date == "2026-07"
    assert facts("Lena Vogt, now in her second week at Mistral, said the team was small.")[
        ("joined", "Lena Vogt", "Mistral")].date == "2026-07"
    assert facts("Lena Vogt, in her third month at Mistral, has hired ten people.")[
        ("joined", "Lena Vogt", "Mistral")].date == "2026-05"
    f = facts("Lena Vogt ended a five-year run at Apple in January and joined OpenAI in February.")
    assert f[("left", "Lena Vogt", "Apple")].date == "2026-01"


def test_nth_year_now_is_a_join_counted_back_but_a_look_back_is_not():
    assert facts("Lena Vogt, now in her third year at Google, leads the evaluation team.")[
        ("joined", "Lena Vogt", "Google")].date == "2024"
    assert not any(k[0] == "joined" for k in facts("In her first year at Google, Lena Vogt shipped two models."))


def test_where_clause_since_dates_the_post():
    f = facts("Lucia Ortega will join Nimbus as chief financial officer. She is currently a senior vice president "
              "at Salesforce, where she has worked since 2016.")
    assert f[("joined", "Lucia Ortega", "Salesforce")].date == "2016"


def test_a_where_clause_span_keeps_its_dates_off_the_return():
    f = facts("Nadia Petrov, who led product at Stripe, is returning to OpenAI, where she worked from 2019 to 2022.")
    assert f[("left", "Nadia Petrov", "OpenAI")].date == "2022"
    assert f[("left", "Nadia Petrov", "Stripe")].date == "2026-07-08"


# ---------------------------------------------------------------- 4. returns, interim posts, successions
def test_brought_back_is_a_return():
    f = facts("Meta brought back Ines Moreau, who left in 2023, as head of AI infrastructure.")
    assert f[("joined", "Ines Moreau", "Meta")].role == "head of AI infrastructure"


def test_elevated_to_the_role_of_cleans_the_role():
    f = facts("Karim Haddad was elevated to the role of chief scientist at Cohere in March.")
    assert f[("role_changed", "Karim Haddad", "Cohere")].role == "chief scientist"


def test_succeeded_by_a_newcomer_who_joins_from_elsewhere():
    f = facts("Marta Quell, Cohere's head of research, will be succeeded by Jonas Weller, who joins from Google.")
    assert ("joined", "Jonas Weller", "Cohere") in f
    assert ("left", "Jonas Weller", "Google") in f


def test_succeeds_an_insider_as_a_new_title():
    f = facts("Helen Achterberg, OpenAI's head of sales, succeeds Marta Quell as chief revenue officer. "
              "Quell becomes an adviser to the chief executive.")
    assert f[("role_changed", "Helen Achterberg", "OpenAI")].role == "chief revenue officer"
    assert ("role_changed", "Marta Quell", "OpenAI") in f


def test_the_arrival_and_the_promotion_of_a_person_are_moves():
    f = facts("Mistral also announced the arrival of Tomas Brandt, director of research at Inria, as scientific adviser.")
    assert f[("joined", "Tomas Brandt", "Mistral")].role == "scientific adviser"
    f = facts("OpenAI announced the promotion of Jonas Weller to chief scientist.")
    assert f[("role_changed", "Jonas Weller", "OpenAI")].role == "chief scientist"


def test_two_titles_at_two_dates_are_two_changes():
    f = extract_claims("", "Omar Reyes joined Cohere in 2019. He was promoted to vice president of sales in March 2022. "
                           "In June 2025 he became chief operating officer.", "2026-07-08")
    changes = sorted((c.date, c.role) for c in f if c.type == "role_changed")
    assert changes == [("2022-03", "vice president of sales"), ("2025-06", "chief operating officer")]


def test_a_unit_taken_over_is_a_new_title_interim_when_so_told():
    f = facts("Dalia Brennock, Mistral's longtime deputy for research, took over the inference group on an "
              "interim basis in January.", published="2026-03-02")
    c = f[("role_changed", "Dalia Brennock", "Mistral")]
    assert c.role == "interim head of the inference group" and c.date == "2026-01"
    f = facts("Osric Fenn, a director who has been at Cohere since 2019, took over the embeddings team in April.",
              published="2026-07-08")
    assert f[("role_changed", "Osric Fenn", "Cohere")].role == "head of the embeddings team"


def test_named_him_its_acting_title_is_a_new_title_for_someone_already_there():
    text = ("Last year, Toronto professor Karim Haddad went to Cohere on a one-year sabbatical. "
            "He never came back, and in March Cohere named him its acting chief scientist while it searches for a permanent one.")
    f = facts(text, published="2026-07-08")
    assert f[("role_changed", "Karim Haddad", "Cohere")].role == "acting chief scientist"
    assert f[("role_changed", "Karim Haddad", "Cohere")].date == "2026-03"


def test_a_description_opening_the_sentence_is_the_person_in_focus():
    f = facts("Lena Vogt is going back to OpenAI.\n\nThe reinforcement-learning researcher, who left OpenAI in 2022 to "
              "join Anthropic, will rejoin the company next month.", published="2027-05-12")
    assert f[("left", "Lena Vogt", "OpenAI")].date == "2022"
    assert f[("joined", "Lena Vogt", "Anthropic")].date == "2022"


def test_a_date_of_an_earlier_coordinated_move_is_not_the_later_ones():
    f = facts("Noor Halvorsen, who left for Inflection in 2023 and moved to Microsoft with most of its staff, "
              "is returning to Google DeepMind.", published="2025-02-10")
    assert f[("joined", "Noor Halvorsen", "Inflection AI")].date == "2023"
    assert f[("joined", "Noor Halvorsen", "Microsoft")].date != "2023"


def test_left_the_company_after_comes_from_is_the_company_come_from():
    text = ("Mistral appoints Lena Vogt as chief technology officer with effect from April 1. "
            "Vogt comes from Google DeepMind, where she led the efficient-inference team. "
            "She left the company at the end of February.")
    f = facts(text, published="2027-03-16")
    assert f[("left", "Lena Vogt", "Google DeepMind")].date == "2027-02-28"
    assert ("left", "Lena Vogt", "Mistral") not in f


def test_a_reported_new_title_goes_to_the_storys_org():
    f = facts("Ines Moreau has become chief executive of Mistral. Moreau said Karim Haddad, the third co-founder, "
              "would serve as president.")
    assert f[("role_changed", "Karim Haddad", "Mistral")].role == "president"


def test_the_predecessor_moving_to_an_advisory_role_is_a_new_title():
    f = facts("Nadia Petrov replaces Osric Fenn as head of policy at Anthropic, the company said on Tuesday. "
              "Fenn is moving to an advisory role.")
    assert f[("role_changed", "Osric Fenn", "Anthropic")].role == "adviser"
    assert ("left", "Osric Fenn", "Anthropic") not in f


def test_a_return_presupposes_leaving_the_org_returned_to():
    f = facts("Google has rehired Karim Haddad, who left for OpenAI in 2022, as a vice president.")
    assert f[("left", "Karim Haddad", "Google")].date == "2022"
    assert f[("joined", "Karim Haddad", "OpenAI")].date == "2022"
    assert f[("joined", "Karim Haddad", "Google")].role == "vice president"


def test_take_over_from_a_predecessor_as_a_title():
    f = facts("Dalia Brennock, Cohere's president, took over from Tomas Brandt as chief executive in May.")
    assert f[("role_changed", "Dalia Brennock", "Cohere")].role == "chief executive"


def test_leading_the_company_on_an_interim_basis_is_an_interim_chief_executive():
    f = facts("Priya Raman, Stability AI's chief operating officer, will lead Stability AI on an interim basis.")
    assert f[("role_changed", "Priya Raman", "Stability AI")].role == "interim chief executive"
    f = facts("Priya Raman, a Cohere vice president, will lead the company's research group on an interim basis.")
    assert f[("role_changed", "Priya Raman", "Cohere")].role == "interim head of research group"


def test_leading_a_team_in_the_meantime_and_stepping_down_to_stay_on_as_a_fellow():
    f = facts("Tessa Lyons, who has run global policy at Anthropic since 2023, will join Google DeepMind next month. "
              "Anthropic has not named a successor; her deputy, Omar Haidari, will lead the team in the meantime.")
    assert f[("role_changed", "Omar Haidari", "Anthropic")].role == "interim head of team"
    f = facts("Ambrose Kettle will step down as executive director of Cohere when she arrives and stay on as a senior fellow.")
    assert f[("role_changed", "Ambrose Kettle", "Cohere")].role == "senior fellow"
    assert ("left", "Ambrose Kettle", "Cohere") not in f


def test_a_return_keeps_the_first_stint_and_is_dated_when_told_in_the_present():
    f = extract_claims("", "Lena Vogt rejoins Google, where she first worked from 2015 to 2019.", "2026-07-08")
    assert sorted((c.type, c.date) for c in f if c.org == "Google") == [
        ("joined", "2015"), ("joined", "2026-07-08"), ("left", "2019")]
    f = facts("Boomerang hire: Lena Vogt is back at Google after three years at OpenAI.")
    assert f[("joined", "Lena Vogt", "Google")].date == "2026-07-08"


# ---------------------------------------------------------------- 5. the place lexicon
def test_multiword_places_are_no_people():
    assert is_multiword_place("Santa  Clara") and is_multiword_place("Menlo Park")
    assert [n.text for n in find_names("The lab in Santa Clara hired Clara Park.")] == ["Clara Park"]
    f = facts("Santa Clara chipmaker Corvid Systems hired Ilse Vandermeer as chief hardware officer.")
    assert not any(k[1] == "Santa Clara" for k in f)


def test_place_lexicon_serves_countries_and_college_cities():
    assert "Poland" in LEFT_AS_PLACE and "Jordan" in LEFT_AS_PLACE
    assert CITY_AFTER.match(" London School").group(1) == "London"
    assert [n.text for n in find_names("Jordan Hale moved to Austin from Seattle.")] == ["Jordan Hale"]
