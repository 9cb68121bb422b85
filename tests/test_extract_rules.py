"""Clause-structure rules, each shown on sentences written for these tests (not corpus text)."""
import pytest

from ingest.extract import extract_claims


def facts(text, published="2025-04-10", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


def keys(text, published="2025-04-10", title=""):
    return set(facts(text, published, title))


def test_markdown_bold_and_numbered_items_do_not_hide_names():
    k = keys("1. **Odile Marchand left Databricks to join Cohere** last month.\n"
             "- **Henrik Solberg** joined Nvidia in May 2024.")
    assert {("left", "Odile Marchand", "Databricks"), ("joined", "Odile Marchand", "Cohere"),
            ("joined", "Henrik Solberg", "Nvidia")} <= k


def test_relative_clause_move_is_read_with_the_head_as_subject():
    f = facts("Rosa Lindgren, who quit Salesforce in June 2023 for Databricks, is now back at Salesforce.")
    assert f[("left", "Rosa Lindgren", "Salesforce")].date == "2023-06"
    assert f[("joined", "Rosa Lindgren", "Databricks")].date == "2023-06"
    assert ("joined", "Rosa Lindgren", "Salesforce") in f


def test_coordinated_heads_share_a_plural_relative_clause():
    k = keys("Nvidia said it would keep Ines Kalnins and Tove Ek, two Nvidia veterans who are also "
             "leaving the company, on as advisers.")
    assert {("left", "Ines Kalnins", "Nvidia"), ("left", "Tove Ek", "Nvidia")} <= k


def test_duration_at_previous_employer_is_a_departure():
    k = keys("After three years at Intel working on compilers, Bruno Costa has joined Groq.")
    assert {("left", "Bruno Costa", "Intel"), ("joined", "Bruno Costa", "Groq")} <= k
    k = keys("Mona Saleh moved to Stripe this week after six years at Shopify.")
    assert ("left", "Mona Saleh", "Shopify") in k


def test_after_leaving_is_a_departure_of_the_main_subject():
    f = facts("Tarek Aziz joined Cohere in March 2024 after leaving Microsoft.")
    assert f[("left", "Tarek Aziz", "Microsoft")].date == "2024-03"
    k = keys("After quitting Uber, Lise Moreau started Orbital Robotics in 2021.")
    assert {("left", "Lise Moreau", "Uber"), ("joined", "Lise Moreau", "Orbital Robotics")} <= k


def test_promoted_to_role_is_a_role_change_with_that_role():
    f = facts("Stripe promoted Kenji Mori to chief operating officer on Tuesday.", published="2025-04-10")
    c = f[("role_changed", "Kenji Mori", "Stripe")]
    assert c.role == "chief operating officer" and c.date == "2025-04-08"
    assert ("joined", "Kenji Mori", "Stripe") not in f


def test_steps_up_at_org_is_a_role_change():
    assert ("role_changed", "Amelie Roux", "Cohere") in keys("With the lead gone, Amelie Roux steps up at Cohere.")


def test_is_off_to_and_is_back_at_are_joins():
    assert ("joined", "Pavel Novak", "Stripe") in keys("Pavel Novak is off to Stripe.")
    assert ("joined", "Pavel Novak", "Stripe") in keys("Pavel Novak is back at Stripe after a year away.")


def test_org_less_departure_of_a_former_title_holder_is_from_that_org():
    text = ("Snowflake has struggled since its former president, Dana Whitfield, left for Uber in March.")
    k = keys(text)
    assert ("left", "Dana Whitfield", "Snowflake") in k and ("joined", "Dana Whitfield", "Uber") in k
    assert ("left", "Dana Whitfield", "Uber") not in k


def test_later_mention_of_a_departure_does_not_invent_another():
    text = ("Nadia Petrov left Dropbox to join Replit. Dropbox's CEO said little after Petrov's exit.")
    assert ("left", "Nadia Petrov", "Replit") not in keys(text)


def test_copular_title_in_a_company_profile_is_a_held_role():
    text = ("Orbital Robotics was unveiled on Monday. Kai Lund is CTO. Eva Berg is a co-founder.")
    k = keys(text)
    assert ("held_role", "Kai Lund", "Orbital Robotics") in k
    assert ("joined", "Eva Berg", "Orbital Robotics") in k


def test_date_of_the_reporting_clause_dates_an_undated_event():
    f = facts("Yuki Sato has left Samsung and is joining Huawei, the companies said on Monday.",
              published="2025-04-10")
    assert f[("left", "Yuki Sato", "Samsung")].date == "2025-04-07"


def test_date_in_the_next_sentence_about_the_same_event():
    f = facts("Marta Silva left Netflix to join Airbnb. She announced the move on Tuesday.",
              published="2025-04-10")
    assert f[("joined", "Marta Silva", "Airbnb")].date == "2025-04-08"


def test_the_company_refers_to_the_topic_org_of_the_previous_sentence():
    text = ("Orbital Robotics opened its doors on Monday, staffed largely by Nvidia alumni. "
            "Kai Lund, who founded the company after leaving Tesla, is its chief executive.")
    k = keys(text)
    assert ("joined", "Kai Lund", "Orbital Robotics") in k and ("left", "Kai Lund", "Tesla") in k
    assert ("joined", "Kai Lund", "Nvidia") not in k


def test_departure_beside_a_current_title_elsewhere_is_a_move():
    k = keys("Pia Holm, who left Intel in January, is chief scientist at Groq.")
    assert {("left", "Pia Holm", "Intel"), ("joined", "Pia Holm", "Groq")} <= k


def test_coordinated_predicates_share_the_subject():
    k = keys("Ravi Kumar left Intel at the end of 2024 after a decade, and founded Lumen Labs.")
    assert ("joined", "Ravi Kumar", "Lumen Labs") in k
    assert facts("Ravi Kumar left Intel at the end of 2024.")[("left", "Ravi Kumar", "Intel")].date == "2024-12-31"


def test_camel_case_surnames_stay_whole():
    assert ("joined", "Anne LeBlanc", "Cohere") in keys("Anne LeBlanc joined Cohere in 2023.")


def test_first_person_post_by_the_headline_author():
    k = keys("After four great years at Intel, today is my first day at Groq as staff engineer!",
             title="Tomas Rivera: New beginnings")
    assert {("joined", "Tomas Rivera", "Groq"), ("left", "Tomas Rivera", "Intel")} <= k


def test_told_someone_on_a_date_dates_the_reported_move():
    f = facts("Pieter Janssen, who joined Philips in 2020, told his team on March 3 that he would become "
              "head of AI at Siemens.", published="2025-04-10")
    assert f[("joined", "Pieter Janssen", "Siemens")].date == "2025-03-03"
    assert f[("left", "Pieter Janssen", "Philips")].date == "2025-03-03"
    assert f[("joined", "Pieter Janssen", "Philips")].date == "2020"


def test_post_held_until_a_date_is_a_departure_then():
    f = facts("The founders are Lars Eklund, who led speech research at Spotify until last October, "
              "and Mira Holt.", published="2025-04-10")
    assert f[("left", "Lars Eklund", "Spotify")].date == "2024-10"


def test_incorporation_date_dates_the_founders():
    f = facts("Lars Eklund and Mira Holt have founded Fjordline Labs, a startup building speech models. "
              "Fjordline was incorporated in February and is based in Oslo.", published="2025-04-10")
    assert f[("joined", "Lars Eklund", "Fjordline Labs")].date == "2025-02"
    assert f[("joined", "Mira Holt", "Fjordline Labs")].date == "2025-02"


def test_that_month_is_the_month_last_mentioned():
    f = facts("In July we invested in Halden Robotics. Halden Robotics was founded that month by two former "
              "Spotify engineers, Lars Eklund and Mira Holt.", published="2025-10-06")
    assert f[("joined", "Lars Eklund", "Halden Robotics")].date == "2025-07"
    assert f[("joined", "Mira Holt", "Halden Robotics")].date == "2025-07"
    f = facts("Mira Holt joined Spotify in March 2021. She left Klarna later that year.", published="2025-10-06")
    assert f[("left", "Mira Holt", "Klarna")].date == "2021"


def test_month_heading_dates_the_moves_of_its_paragraph():
    text = ("Here are the year's moves, month by month.\n\nMarch.\n\nIn a single week, Lars Eklund left Google "
            "for Anthropic.\n\nSeptember. Mira Holt joined Volvo as head of software.")
    f = facts(text, published="2022-12-28")
    assert f[("joined", "Lars Eklund", "Anthropic")].date == "2022-03"
    assert f[("left", "Lars Eklund", "Google")].date == "2022-03"
    assert f[("joined", "Mira Holt", "Volvo")].date == "2022-09"


def test_move_in_an_after_clause_takes_the_main_clause_month():
    f = facts("Jonas Berg, previously Volvo's strategy chief, became interim CEO on June 12 after founder "
              "Mira Holt left Volvo to join Google.", published="2025-07-17")
    assert f[("left", "Mira Holt", "Volvo")].date == "2025-06"
    assert f[("joined", "Mira Holt", "Google")].date == "2025-06"


def test_today_is_my_first_day_is_dated_today():
    f = facts("After five years at Spotify, today is my first day at Google as a research scientist!",
              published="2025-01-13", title="Lars Eklund: a new chapter")
    assert f[("joined", "Lars Eklund", "Google")].date == "2025-01-13"


POST = ("After six years at Spotify, today is my first day at Google as a research scientist!\n\n"
        "\"I left Apple in 2019,\" my new manager told me.")


def test_metadata_author_is_the_narrator_of_a_post_that_names_nobody():
    assert keys(POST, published="2025-01-13", title="Starting a new chapter") == set()
    f = {(c.type, c.person, c.org): c for c in
         extract_claims("Starting a new chapter", POST, "2025-01-13", author="Lars Eklund")}
    assert f[("joined", "Lars Eklund", "Google")].date == "2025-01-13"
    assert ("left", "Lars Eklund", "Spotify") in f
    assert ("left", "Lars Eklund", "Apple") not in f          # a quoted "I" is not the author's
    # several authors, or an organization, name no narrator
    assert extract_claims("Starting a new chapter", POST, "2025-01-13", author="Lars Eklund and Mira Holt") == []
    assert extract_claims("Starting a new chapter", POST, "2025-01-13", author="Spotify Newsroom") == []


def test_ingestor_passes_the_author_only_to_an_extractor_that_takes_it():
    from rollcall.ingestion import _takes_author

    assert _takes_author(extract_claims)
    assert not _takes_author(lambda title, text, published: [])
    assert not _takes_author(len)


def test_date_of_a_later_coordinated_verb_is_not_the_first_verbs():
    f = facts("Andrej Karpathy joined Tesla and returned to OpenAI in February 2023.", published="2025-04-10")
    assert f[("joined", "Andrej Karpathy", "OpenAI")].date == "2023-02"
    assert f[("joined", "Andrej Karpathy", "Tesla")].date is None
    f = facts("Andrej Karpathy joined Tesla in 2017, then went back to OpenAI in February 2023.", published="2025-04-10")
    assert f[("joined", "Andrej Karpathy", "Tesla")].date == "2017"
    # leaving one org and joining the next is one move at one time
    f = facts("Mira Holt left Spotify and joined Google in March 2024.", published="2025-04-10")
    assert f[("left", "Mira Holt", "Spotify")].date == "2024-03"
    assert f[("joined", "Mira Holt", "Google")].date == "2024-03"


def test_a_report_continuing_a_same_time_sentence_shares_its_date():
    text = ("Mira Holt, Spotify's chief technology officer, said yesterday that she is leaving the company.\n\n"
            "Hours later, chief executive Daniel Ek said two research leaders were also leaving. "
            "Ek said Lars Eklund would become senior vice president of research.")
    f = facts(text, published="2024-09-26")
    assert f[("role_changed", "Lars Eklund", "Spotify")].date == "2024-09-25"


def test_a_name_the_article_calls_a_startup_is_an_org_everywhere():
    from ingest.extract import extract_claims
    text = ("Orchard spins out Quillfin to sell its folding models.\n\n"
            "Mara Ostby, a principal engineer at Orchard, will run Quillfin as chief executive. "
            "Quillfin has raised $12 million in seed funding. Tomas Reyes joined Quillfin's board.")
    k = {(c.type, c.person, c.org) for c in extract_claims("Orchard spins out Quillfin", text, "2027-04-01")}
    assert ("joined", "Tomas Reyes", "Quillfin") in k
    assert not any(o in ("Mara Ostby", "Tomas Reyes") for _, _, o in k)


def test_short_form_of_a_renamed_org_is_the_renamed_org():
    from ingest.extract import extract_claims
    text = ("On March 1, Ines Duarte becomes chief executive of Larch Motion, the Leeds robotics company formerly known "
            "as Larch Robotics. Co-founder Piet Alders, who has run Larch since 2020, will become executive chair.")
    k = {(c.type, c.person, c.org) for c in extract_claims("Larch gets a new chief", text, "2027-01-10")}
    assert not any(o in ("Larch Robotics", "Larch") for _, _, o in k)


def test_people_who_expect_a_move_do_not_make_it_one():
    from ingest.extract import extract_claims
    text = "Several people close to Sillon AI expect its scientific director, Ada Marin, to be named chief executive next year."
    assert not [c for c in extract_claims("Moves to watch", text, "2027-01-10") if c.type != "held_role"]


def test_starts_as_title_without_org_is_a_join_at_the_article_org():
    from ingest.extract import extract_claims
    text = ("Brindle Robotics has a new executive team.\n\nKwame Osei starts as chief operating officer on Monday.\n\n"
            "Petra Lowe started in the summer as our first research scientist from outside the company.")
    k = {(c.type, c.person, c.org): c for c in extract_claims("Brindle Robotics reshuffles", text, "2027-02-10")}
    assert k[("joined", "Kwame Osei", "Brindle Robotics")].role == "chief operating officer"
    assert ("joined", "Petra Lowe", "Brindle Robotics") in k


def test_a_company_post_names_its_org_in_a_bio_line():
    from ingest.extract import extract_claims
    text = ("We are growing.\n\nNils Hart joined last month as head of engineering.\n\n"
            "Leo Ash is our chief financial officer. Before Quillfin he was CFO at Perplexity.")
    k = {(c.type, c.person, c.org) for c in extract_claims("New faces at Quillfin", text, "2027-08-10")}
    assert ("joined", "Nils Hart", "Quillfin") in k
    assert ("left", "Leo Ash", "Perplexity") in k


def test_its_and_the_company_skip_a_persons_own_or_former_employer():
    from ingest.extract import extract_claims
    text = ("Quillfin has raised $12 million in seed funding. Brisa's Tomas Reyes has joined its board.\n\n"
            "Ana Ruiz, a former Google researcher, co-founded the company with him in 2024.")
    k = {(c.type, c.person, c.org) for c in extract_claims("Quillfin raises", text, "2027-04-01")}
    assert ("joined", "Tomas Reyes", "Quillfin") in k and ("joined", "Tomas Reyes", "Brisa") not in k
    assert ("joined", "Ana Ruiz", "Google") not in k


def test_coordinated_subject_after_an_apposition_is_not_a_description():
    from ingest.extract import extract_claims
    text = "Oskar Lind, Tidewell Labs' chief executive, and chief scientist Fumi Reyes will join Amazon in February."
    k = {(c.type, c.person, c.org) for c in extract_claims("Amazon hires founders", text, "2027-01-10")}
    assert {("joined", "Oskar Lind", "Amazon"), ("joined", "Fumi Reyes", "Amazon")} <= k
    assert ("held_role", "Oskar Lind", "Amazon") not in k


def test_added_titles_and_changed_roles_are_new_titles():
    from ingest.extract import extract_claims
    text = ("Feldspar KI GmbH has a new CTO.\n\nKonstantin Aydin takes over the position from co-founder Jannik Bauer, "
            "who changes to the newly created role of Chief Research Officer.\n\n"
            "While she is out, Teodor Vasile, our CFO, will be our acting CTO.\n\n"
            "Laleh Cole, CTO at Parallax Motion, adds the title of president.")
    f = {(c.type, c.person, c.org): c for c in extract_claims("Feldspar reshuffle", text, "2027-03-01")}
    assert f[("role_changed", "Jannik Bauer", "Feldspar KI GmbH")].role == "Chief Research Officer"
    assert f[("role_changed", "Teodor Vasile", "Feldspar KI GmbH")].role == "acting CTO"
    assert f[("role_changed", "Laleh Cole", "Parallax Motion")].role == "president"


def test_memo_org_from_a_titled_possessor_and_a_title_starting_today():
    from ingest.extract import extract_claims
    text = ("Team,\n\nSince she arrived in April, Maren Holt has doubled the research team. Starting today, she is "
            "Quillstone's chief scientist and joins the leadership team.\n\nWhile she's out, Teo Vasile will be our acting CTO.")
    f = {(c.type, c.person, c.org): c for c in extract_claims("Leadership changes at Quillstone", text, "2027-09-14")}
    assert f[("role_changed", "Maren Holt", "Quillstone")].role == "chief scientist"
    assert f[("role_changed", "Teo Vasile", "Quillstone")].role == "acting CTO"


def test_a_month_before_a_name_is_no_place():
    from ingest.extract import extract_claims
    k = {(c.type, c.person) for c in extract_claims("x", "In April, Maren Holt joined Cohere as a researcher.", "2027-09-14")}
    assert ("joined", "Maren Holt") in k


def test_layoffs_told_from_the_persons_side_are_departures_from_the_story_org():
    from ingest.extract import extract_claims
    lead = "Cinderpath, the agent startup, laid off 20 of its 60 employees on Tuesday. "
    for sent, who in (("Among those cut was Rhia Vale, who joined in June.", ["Rhia Vale"]),
                      ("Ana Ruiz and Bo Lee were among those laid off.", ["Ana Ruiz", "Bo Lee"]),
                      ("Staff engineer Ferd Brooks said that he had been let go.", ["Ferd Brooks"])):
        k = {(c.type, c.person, c.org) for c in extract_claims("Cinderpath lays off staff", lead + sent, "2027-08-12")}
        assert all(("left", p, "Cinderpath") in k for p in who), (sent, k)


def test_both_stands_for_the_two_people_just_named():
    from ingest.extract import extract_claims
    text = ("Ana Ruiz, a principal researcher at Microsoft, is the chief executive. Bo Lee, a senior researcher, is the CTO. "
            "Both left Microsoft at the end of March and started at Quillfin on April 1.")
    k = {(c.type, c.person, c.org) for c in extract_claims("Quillfin launches", text, "2027-04-14")}
    assert {("left", "Ana Ruiz", "Microsoft"), ("left", "Bo Lee", "Microsoft"),
            ("joined", "Ana Ruiz", "Quillfin"), ("joined", "Bo Lee", "Quillfin")} <= k


def test_where_a_hire_came_from_and_ex_orgs_are_not_current_posts():
    from ingest.extract import extract_claims
    text = ("Meta is hiring. Last year it brought on Dov Halper from xAI. "
            "Rhia Vale (ex-Google DeepMind) has surfaced at Cinderpath. "
            "Its ads group is run by Ximena Lozano, who came over from Microsoft in June, and its lab has been filling up "
            "with people from Google DeepMind.")
    k = {(c.type, c.person, c.org) for c in extract_claims("Meta hiring", text, "2027-08-12")}
    assert ("held_role", "Dov Halper", "xAI") not in k and ("left", "Dov Halper", "xAI") in k
    assert ("held_role", "Rhia Vale", "Google DeepMind") not in k
    assert ("held_role", "Ximena Lozano", "Google DeepMind") not in k
