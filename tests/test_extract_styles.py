"""Styles beyond newswire, each shown on sentences written for these tests (not corpus text):
first-person posts, transcripts, speaker bios, trackers and tables, career histories,
descriptive org references, acqui-hires, boomerangs, interim and announced roles, name order,
same-surname people, corrections and refuted claims."""
import pytest

from ingest.extract import extract_claims


def facts(text, published="2025-04-10", title=""):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


def keys(text, published="2025-04-10", title=""):
    return set(facts(text, published, title))


# --- first person: the author named in the headline, byline or a speaker label
def test_first_person_post_by_headline_author():
    k = keys("After four great years at Intel, today is my first day at Groq as staff engineer!",
             title="Tomas Rivera: New beginnings")
    assert {("joined", "Tomas Rivera", "Groq"), ("left", "Tomas Rivera", "Intel")} <= k


def test_first_person_post_with_posted_by_byline():
    k = keys("Posted by Jonas Pellegrini\n\nSome personal news: I was let go from Vireo Labs this week.")
    assert ("left", "Jonas Pellegrini", "Vireo Labs") in k


def test_first_person_joined_on_x():
    k = keys("Personal update: I've joined Anthropic to work on interpretability. "
             "I left Cohere in March after three years.", title="Dana Whitfield on X")
    assert {("joined", "Dana Whitfield", "Anthropic"), ("left", "Dana Whitfield", "Cohere")} <= k


def test_first_person_new_position_linkedin():
    k = keys("I'm happy to share that I'm starting a new position as Research Engineer at Orbital Labs!",
             title="Lea Moretti on LinkedIn: Starting a new position")
    assert ("joined", "Lea Moretti", "Orbital Labs") in k


def test_transcript_speaker_label_is_the_first_person():
    k = keys("Host: Thanks for coming on.\n"
             "Sarah Lindqvist: Sure. I joined Mistral in March after five years at Meta.")
    assert {("joined", "Sarah Lindqvist", "Mistral"), ("left", "Sarah Lindqvist", "Meta")} <= k


def test_quoted_first_person_is_the_speaker():
    k = keys('"I left OpenAI in May to start something new," Priya Nair said.')
    assert ("left", "Priya Nair", "OpenAI") in k


def test_first_person_without_author_is_nobody():
    assert keys("I joined Anthropic in 2023.") == set()


# --- lists, bios, trackers, tables
def test_speaker_bio_list():
    k = keys("Speakers include Lena Ortiz (Chief Scientist, Vantage AI) and Omar Haddad (Research Lead, Cohere).")
    assert {("held_role", "Lena Ortiz", "Vantage AI"), ("held_role", "Omar Haddad", "Cohere")} <= k


def test_tracker_bullet_ex_a_now_b():
    k = keys("Who moved this week:\n- Ana Ruiz — ex-Google DeepMind, now Anthropic\n- Ben Okafor — ex-Meta, now Mistral")
    assert {("left", "Ana Ruiz", "Google DeepMind"), ("joined", "Ana Ruiz", "Anthropic"),
            ("left", "Ben Okafor", "Meta"), ("joined", "Ben Okafor", "Mistral")} <= k


def test_markdown_table_of_moves():
    k = keys("| Name | From | To | Role |\n|---|---|---|---|\n"
             "| Ana Ruiz | Google DeepMind | Anthropic | researcher |\n"
             "| Ben Okafor | Meta | Mistral | head of inference |")
    assert {("left", "Ana Ruiz", "Google DeepMind"), ("joined", "Ana Ruiz", "Anthropic"),
            ("left", "Ben Okafor", "Meta"), ("joined", "Ben Okafor", "Mistral")} <= k


# --- career histories
def test_career_history_chain_of_moves():
    f = facts("Kim Sorensen joined Google in 2015, moved to OpenAI in 2018 and left in 2021 to co-found Anthropic.")
    assert f[("joined", "Kim Sorensen", "Google")].date == "2015"
    assert f[("joined", "Kim Sorensen", "OpenAI")].date == "2018"
    assert ("joined", "Kim Sorensen", "Anthropic") in f


def test_career_history_before_that():
    k = keys("Before joining Cohere in 2022, Ivo Petrov spent four years at Google Brain.")
    assert {("joined", "Ivo Petrov", "Cohere"), ("left", "Ivo Petrov", "Google")} <= k


def test_departure_beside_current_title_elsewhere():
    k = keys("Pia Holm, who left Intel in January, is chief scientist at Groq.")
    assert {("left", "Pia Holm", "Intel"), ("joined", "Pia Holm", "Groq")} <= k


# --- org references
def test_descriptive_org_reference():
    assert ("joined", "Nadia Petrov", "OpenAI") in keys("Nadia Petrov has joined the ChatGPT maker as a researcher.")
    assert ("left", "Omar Sayed", "Anthropic") in keys("Omar Sayed has left the Claude developer.")


def test_possessive_person_is_not_an_org():
    k = keys("Farid Haddad joined Musk's xAI in March.")
    assert ("joined", "Farid Haddad", "xAI") in k
    assert not any(o.startswith("Musk") for _, _, o in k)


def test_title_words_are_not_orgs():
    k = keys("Rhea Kapoor, Chief Technology Officer at Vantage AI, spoke first.")
    assert not any("Chief" in o or "Technology" == o for _, _, o in k)


# --- kinds of moves
def test_acquihire_team_joins():
    k = keys("Microsoft hired Inflection co-founders Mustafa Suleyman and Karen Simonyan in March 2024.")
    assert {("joined", "Mustafa Suleyman", "Microsoft"), ("joined", "Karen Simonyan", "Microsoft")} <= k


def test_boomerang_returns():
    k = keys("Lukas Berger returns to Google after two years at Mistral.")
    assert {("joined", "Lukas Berger", "Google"), ("left", "Lukas Berger", "Mistral")} <= k


def test_interim_role():
    f = facts("Nordwind Labs named Carla Diaz interim chief executive on Tuesday.")
    assert ("joined", "Carla Diaz", "Nordwind Labs") in f or ("role_changed", "Carla Diaz", "Nordwind Labs") in f


def test_announced_future_move():
    f = facts("Priya Nair will join Anthropic next month, the company said.")
    assert ("joined", "Priya Nair", "Anthropic") in f


def test_translated_from_to():
    k = keys("The researcher Jan Keller changes from SAP to Aleph Alpha.")
    assert {("left", "Jan Keller", "SAP"), ("joined", "Jan Keller", "Aleph Alpha")} <= k


# --- people
def test_chinese_name_order_is_one_person():
    k = keys("Lin Junyang left Alibaba in March. Junyang Lin had led the Qwen team.")
    assert {p for _, p, _ in k} == {"Lin Junyang"} or {p for _, p, _ in k} == {"Junyang Lin"}


def test_same_surname_people_stay_apart():
    k = keys("Wei Zhang joined Moonshot AI. Lei Zhang stayed at DeepSeek.")
    assert ("joined", "Wei Zhang", "Moonshot AI") in k and ("joined", "Lei Zhang", "Moonshot AI") not in k


# --- truth
def test_refuted_claim_in_same_thread():
    k = keys("Heard Ana Ruiz left OpenAI last week.\nReply: Not true, Ana Ruiz is still here at OpenAI.")
    assert ("left", "Ana Ruiz", "OpenAI") not in k


def test_later_still_at_refutes_a_departure():
    k = keys("Ana Ruiz left OpenAI last week, according to a forum post.\nReply: Not true, Ana Ruiz is still at OpenAI.")
    assert ("left", "Ana Ruiz", "OpenAI") not in k


def test_correction_withdraws_a_pair():
    k = keys("Maria Ortiz joined Cohere in May. Correction: An earlier version of this article said "
             "Maria Ortiz joined Cohere; she joined Mistral.")
    assert ("joined", "Maria Ortiz", "Cohere") not in k


# --- career narratives: dates counted from the one before, employers not in the gazetteer
def test_years_later_counts_from_the_previous_date():
    f = facts("Odile Marchetti joined Veltra Systems in 2011 as an intern. Three years later she moved to Crestline AI. "
              "A year later she was promoted to principal scientist.")
    assert f[("joined", "Odile Marchetti", "Crestline AI")].date == "2014"
    assert f[("role_changed", "Odile Marchetti", "Crestline AI")].date == "2015"


def test_spent_years_on_a_team_is_not_a_date():
    f = facts("Bram Castell spent two years on the compiler team before he joined Nuvex Labs in 2019.")
    assert f[("joined", "Bram Castell", "Nuvex Labs")].date == "2019"


def test_unknown_employer_in_work_context():
    k = keys("Yusra Pell joins Tamber Labs from Hollis, where she most recently served as vice president. "
             "Earlier she was a staff engineer at Brightwater.")
    assert ("left", "Yusra Pell", "Hollis") in k


# --- tenures in profiles: "since D she has been", past posts, "previously worked at"
def test_since_tenure_is_a_dated_join():
    f = facts("Tova Lindqvist-Ames was a principal engineer at Marrow Audio for seven years. "
              "Since March 2021 she has been chief technology officer at Quillon Labs.")
    c = f[("joined", "Tova Lindqvist-Ames", "Quillon Labs")]
    assert c.date == "2021-03" and c.role == "chief technology officer"
    f = facts("Ravi Ostrander has served as head of research at Pellucid AI since 2019.")
    assert f[("joined", "Ravi Ostrander", "Pellucid AI")].date == "2019"


def test_since_tenure_needs_a_real_post():
    k = keys("Since 2020 Dmitri Alvarado has been an investor in Cobalt Labs. "
             "Lena Foss has not been at Kestrel AI since 2022.")
    assert not any(o in ("Cobalt Labs", "Kestrel AI") for t, _, o in k if t != "held_role")


def test_departure_after_spent_years_is_from_that_post():
    f = facts("Ines Brauer spent four years at Tallis Robotics. She left for Meridian AI in 2023.")
    assert f[("left", "Ines Brauer", "Tallis Robotics")].date == "2023"
    assert ("joined", "Ines Brauer", "Meridian AI") in f


def test_previously_worked_at_is_a_former_post():
    k = keys("Volta Systems has hired Chen Yusheng as chief architect. Chen previously worked at Arbor Compute, "
             "where he designed its inference stack.")
    assert ("left", "Chen Yusheng", "Arbor Compute") in k


# --- roundup bullets: labels that stand for the subject or the move, items led by their org
def test_bullet_label_is_the_subject():
    k = keys("Moves this week:\n- Soren Vesk: left Polder AI, now at Gravel Labs\n- Aventa Robotics: hired Mina Toro as head of hardware")
    assert {("left", "Soren Vesk", "Polder AI"), ("joined", "Mina Toro", "Aventa Robotics")} <= k


def test_bullet_move_label_names_the_move():
    k = keys("Roundup\n* Stepped down: Ilse Varga, CTO of Brindle\n* Departures: Tomas Reyes has left Quarry AI.")
    assert {("left", "Ilse Varga", "Brindle"), ("left", "Tomas Reyes", "Quarry AI")} <= k


def test_bullet_led_by_its_org_is_that_org():
    k = keys("Week 12\n* Halcyon Labs: Priya Ostler joins as VP of research\n* Tessary AI: Omar Lunde joins as head of sales")
    assert {("joined", "Priya Ostler", "Halcyon Labs"), ("joined", "Omar Lunde", "Tessary AI")} <= k


def test_arrow_with_source_after_destination():
    k = keys("Who moved\n- Lidia Marsh -> Fennel AI (from Corvane Systems), research scientist")
    assert {("joined", "Lidia Marsh", "Fennel AI"), ("left", "Lidia Marsh", "Corvane Systems")} <= k


def test_the_company_is_not_an_apposition_org():
    k = keys("Brisk AI today announced that Hana Ruiz, former chief financial officer of Pellam Freight, "
             "has been appointed to the company's board of directors.")
    assert ("joined", "Hana Ruiz", "Brisk AI") in k and ("joined", "Hana Ruiz", "Pellam Freight") not in k


def test_following_month_and_team_lead_title():
    f = facts("Noor Haddad joined Veltra Labs in 2016. In the spring of 2018 she was made the lead of Veltra Labs' "
              "speech team. The following March she left.", title="Profile of Noor Haddad")
    assert f[("role_changed", "Noor Haddad", "Veltra Labs")].date == "2018"
    assert f[("left", "Noor Haddad", "Veltra Labs")].date == "2019-03"


def test_school_is_not_a_post():
    k = keys("Ola Brekke went to the University of Bergen to study physics, then joined Statra AI in 2015.")
    assert ("joined", "Ola Brekke", "University of Bergen") not in k and ("joined", "Ola Brekke", "Statra AI") in k


def test_possessive_pronoun_before_a_name_keeps_the_chain():
    f = facts("Ilka Varga spent a year at Moss Robotics. Her mentor there was Teodor Lind, then a team lead. "
              "Two years later she moved to London to join Brightfield AI as a research scientist.",
              title="Ilka Varga, in profile", published="2024-01-01")
    assert ("joined", "Ilka Varga", "Brightfield AI") in f and ("joined", "Teodor Lind", "Brightfield AI") not in f


def test_listicle_heading_arrow_with_month():
    f = facts("# Moves of the year\n\n### 1. Petra Lund: Corvane Systems → Fennel AI (March)\n\n"
              "Lund, who built Corvane's data platform, joined as a staff engineer.\n\n"
              "### 2. Ivo Marsh: Fennel AI → Tallis Robotics (research scientist)\n", published="2025-12-20")
    assert f[("joined", "Petra Lund", "Fennel AI")].date == "2025-03"
    assert ("left", "Petra Lund", "Corvane Systems") in f
    assert f[("joined", "Ivo Marsh", "Tallis Robotics")].role == "research scientist"
    assert not any(k[0] == "joined" and k[1] == "Petra Lund" and k[2] != "Fennel AI" for k in f)


def test_section_headings_name_the_move_of_their_items():
    f = facts("THE WEEKLY SHUFFLE\n\n=== IN ===\n* Corvane Systems — Ada Plum, ex-Brindle head of data. Started Monday.\n\n"
              "=== OUT ===\n* Fennel AI — Rolf Ekker, who ran inference, is leaving at month's end.\n\n"
              "=== UP ===\n* Tallis Robotics — Mae Orr, previously staff engineer, is now director of hardware.\n\n"
              "=== GOSSIP ===\n* Is Ekker headed to Brindle? Nobody will say.\n", published="2025-06-02")
    assert {("joined", "Ada Plum", "Corvane Systems"), ("left", "Rolf Ekker", "Fennel AI"),
            ("role_changed", "Mae Orr", "Tallis Robotics")} <= set(f)
    assert ("joined", "Rolf Ekker", "Brindle") not in f


def test_yes_no_question_states_no_move():
    assert keys("Is Lina Sorvik headed back to Quanta Labs? Sorvik declined to comment.") == set()


def test_podcast_first_name_labels_and_references():
    f = facts("**MAYA OKORO:** Welcome back. My guest is Linnea Sjoberg, co-founder of Tern Labs.\n\n"
              "**LINNEA SJOBERG:** Thanks.\n\n**MAYA:** You were at Spotify for years.\n\n"
              "**LINNEA:** Eight years. And then in 2022 I left Spotify to start Tern with Piet Vos.\n\n"
              "**MAYA:** Who was your first hire?\n\n**LINNEA:** Ruth Amsel. Ruth joined Tern in 2023.",
              title="The Loop, ep. 12: Linnea Sjoberg (Tern Labs)", published="2025-03-01")
    assert f[("left", "Linnea Sjoberg", "Spotify")].date == "2022"
    assert ("joined", "Piet Vos", "Tern Labs") in f and f[("joined", "Piet Vos", "Tern Labs")].role == "co-founder"
    assert f[("joined", "Ruth Amsel", "Tern Labs")].date == "2023"


def test_given_name_in_a_quote_is_not_the_narrative_subject():
    f = facts("Omar Reyes joined Nuvex Labs in 2019. \"Dana gave us a blank cheque,\" he says of Dana Pruitt, "
              "Nuvex's chief executive. In April 2025 he left Nuvex Labs.", title="Omar Reyes, profiled")
    assert ("left", "Omar Reyes", "Nuvex Labs") in f and ("left", "Dana Pruitt", "Nuvex Labs") not in f


def test_group_hire_then_the_list_that_names_them():
    f = facts("Quanta Labs has hired four engineers from Brindle AI this week. The four are Ada Lum, who built "
              "Brindle's compiler; Oskar Fenn; Rhea Dubois; and Tam Vo. Brindle declined to comment.", published="2025-05-16")
    for p in ("Ada Lum", "Oskar Fenn", "Rhea Dubois", "Tam Vo"):
        assert ("joined", p, "Quanta Labs") in f and ("left", p, "Brindle AI") in f
    assert f[("joined", "Tam Vo", "Quanta Labs")].date == "2025-05"
    k = keys("Vireo Systems has poached two researchers from Ostra Labs: Lin Qiao and Pavel Duda.")
    assert ("left", "Pavel Duda", "Ostra Labs") in k
    assert keys("Quanta Labs has not hired three engineers from Brindle AI. They are Ada Lum, Oskar Fenn and Tam Vo.") == set()


def test_leaving_after_years_to_join_and_to_open_an_office():
    k = keys("On Monday, Mira Castell said she was leaving Corvane Systems after six years to join Fennel AI. "
             "Hours later Ansel Roy said he was leaving Brindle AI to set up a new Oslo office for Tallis Robotics.")
    assert {("joined", "Mira Castell", "Fennel AI"), ("joined", "Ansel Roy", "Tallis Robotics")} <= k


def test_coordinated_promotion_after_a_stint():
    f = facts("Bea Lindholm had been at Quanta Labs for three years and had been promoted in March to research "
              "lead for the lab's speech work.", published="2025-06-01")
    c = f[("role_changed", "Bea Lindholm", "Quanta Labs")]
    assert c.role == "research lead" and c.date == "2025-03"


def test_notice_title_name_lines_and_defined_abbreviation():
    f = facts('Kestrel Dynamics, Inc. (hereinafter "KDI") announces the following changes.\n\n'
              "(1) New appointment\nChief Technology Officer: Hana Ito\n(Current position: Executive Officer, Head of Vision)\n\n"
              "(2) New appointment\nExecutive Officer: Goro Sato\n(Current position: Principal Researcher, Orchid Labs)\n\n"
              "Ms. Ito joined KDI in 2015.", published="2026-02-01")
    assert f[("role_changed", "Hana Ito", "Kestrel Dynamics")].role == "Chief Technology Officer"
    assert f[("joined", "Hana Ito", "Kestrel Dynamics")].date == "2015"
    assert {("joined", "Goro Sato", "Kestrel Dynamics"), ("left", "Goro Sato", "Orchid Labs")} <= set(f)


def test_defined_term_company_in_a_filing():
    f = facts('On May 4, 2026, Ida Brun notified Osprey Systems, Inc. (the "Company") of her decision to resign as Chief '
              'Financial Officer of the Company. On May 5, 2026, the Board of Directors of the Company (the "Board") '
              "appointed Leo Park, the Company's Vice President, Finance, to serve as interim Chief Financial Officer. "
              "Mr. Park will receive a stipend while he serves as interim Chief Financial Officer.", published="2026-05-07")
    assert ("left", "Ida Brun", "Osprey Systems") in f
    assert {k for k in f if k[1] == "Leo Park" and k[0] != "held_role"} == {("role_changed", "Leo Park", "Osprey Systems")}


def test_company_words_end_no_person_name_and_its_is_the_subject():
    k = keys("Pinewood Automation has hired Ivo Marek from Nvidia as its chief technology officer. "
             "The company also said it had added Rosa Lind, a former Amazon executive, to its board of directors.")
    assert {("joined", "Ivo Marek", "Pinewood Automation"), ("joined", "Rosa Lind", "Pinewood Automation")} <= k
    assert not any(p == "Pinewood Automation" for _, p, _ in k)


def test_translated_wire_english():
    f = facts("Nara Cloud Research appoints Dr. Seo Min-jun as Chief Scientist. Before, he served as principal researcher "
              "in Daewon Labs during 7 years. Mr. Seo leaved Daewon Labs at end of August. Meanwhile, Daewon Labs "
              "nominated Ms. Park Ha-eun, who is vice principal researcher, as the acting head of its speech lab from September.",
              published="2026-09-30")
    assert ("joined", "Seo Min-jun", "Nara Cloud Research") in f
    assert ("left", "Seo Min-jun", "Daewon Labs") in f
    c = f[("role_changed", "Park Ha-eun", "Daewon Labs")]
    assert c.date == "2026-09"


def test_interview_intro_started_as_and_before_that():
    f = facts("*Lea Ventura started as head of research at Quanta Labs in January. Before that she spent six years at "
              "Brightfield AI in Paris.*\n\n**Q: Why leave?**\n\nA: It was time.", published="2026-03-01")
    c = f[("joined", "Lea Ventura", "Quanta Labs")]
    assert c.role == "head of research" and c.date == "2026-01"
    assert ("left", "Lea Ventura", "Brightfield AI") in f


def test_obituary_career():
    f = facts("Otto Lindqvist joined Harrow Labs in 1981. He left Harrow Labs in 1995 and joined the faculty of Tamsin "
              "University, where he taught for two decades. He retired from Tamsin in 2016. From 2019 to 2023 he served "
              "on the board of directors of Quanta Labs.", published="2025-07-20")
    assert f[("joined", "Otto Lindqvist", "Tamsin University")].date == "1995"
    assert f[("left", "Otto Lindqvist", "Tamsin University")].date == "2016"
    assert f[("joined", "Otto Lindqvist", "Quanta Labs")].date == "2019"
    assert f[("left", "Otto Lindqvist", "Quanta Labs")].date == "2023"


def test_team_page_lines_without_subject():
    f = facts("# Our team\n\n**Ada Lunde** — Co-founder & CEO\nPreviously research lead at Corvane Systems.\n\n"
              "**Rui Matos** — Chief Scientist\nPreviously Brindle AI and Tallis Robotics.\n\n"
              "**Ola Brekke** — Head of Operations\nJoined last month from Fennel AI.", title="Team | Quanta Labs",
              published="2026-04-10")
    assert {("left", "Ada Lunde", "Corvane Systems"), ("left", "Rui Matos", "Brindle AI"),
            ("left", "Rui Matos", "Tallis Robotics"), ("left", "Ola Brekke", "Fennel AI")} <= set(f)
    assert f[("joined", "Ola Brekke", "Quanta Labs")].date == "2026-03"


def test_machine_translated_german_and_chinese():
    f = facts("The Hamburg company Lumen Systems has won Greta Albers as Chief Scientist Officer. After her doctorate she "
              "researched from 2014 to 2018 at the Fraunhofer Institute for Optics in Jena. 2018 she went to Brindle AI. "
              "For Lumen Systems it is the second hire this year. In March the company had won the former Quanta Labs manager Uwe Rahn as Chief Product Officer.",
              published="2026-05-06")
    assert f[("joined", "Greta Albers", "Fraunhofer Institute for Optics")].date == "2014"
    assert f[("left", "Greta Albers", "Fraunhofer Institute for Optics")].date == "2018"
    assert f[("joined", "Greta Albers", "Brindle AI")].date == "2018"
    assert {("joined", "Greta Albers", "Lumen Systems"), ("joined", "Uwe Rahn", "Lumen Systems"),
            ("left", "Uwe Rahn", "Quanta Labs")} <= set(f)
    assert keys("Lumen Systems won Greta Albers's trust in 2020.") == set()


def test_reports_that_an_org_was_hiring_are_no_hire():
    k = keys("Quanta Labs on Tuesday also addressed separate reports that it was hiring Edda Morn, a director at "
             "Brindle AI. \"Edda is not joining us,\" a spokesperson said.")
    assert ("joined", "Edda Morn", "Quanta Labs") not in k and ("left", "Edda Morn", "Brindle AI") not in k


def test_newsletter_arrows_promotions_and_correction_section():
    f = facts("# The Shuffle #9\n\n## Moves\n\n- **Ines Marr** → Quanta Labs (from Brindle AI). Works on RL; quiet but brilliant.\n\n"
              "## Promotions\n\n- **Olaf Berg** is now VP of research at Tallis Robotics (was director of pretraining).\n\n"
              "## Correction\n\nLast issue we wrote that **Vera Holm** had left Fennel AI for Corvane Systems. She hasn't.",
              published="2026-04-06")
    assert {("joined", "Ines Marr", "Quanta Labs"), ("left", "Ines Marr", "Brindle AI"),
            ("role_changed", "Olaf Berg", "Tallis Robotics")} <= set(f)
    assert not any(k[1] == "Vera Holm" for k in f)


def test_company_blog_joins_us_and_steps_back_to_become():
    f = facts("Two years ago we started Quanta Labs on a folding table. Some news.\n\nRia Olsen joins us from Brindle AI, "
              "where she spent a spell on RL. Tom Bekk is stepping back from day-to-day work at Quanta Labs to become an "
              "adviser to the company.", title="Quanta Labs at two", published="2026-10-20")
    assert {("joined", "Ria Olsen", "Quanta Labs"), ("left", "Ria Olsen", "Brindle AI")} <= set(f)
    assert f[("role_changed", "Tom Bekk", "Quanta Labs")].role == "adviser"
    assert ("left", "Tom Bekk", "Quanta Labs") not in f


def test_yearless_start_date_far_after_will_is_next_year():
    f = facts("Mona Lisle, a director of research at Brindle AI, will leave the lab at the end of December and join "
              "compiler company Quanta Labs as chief scientist on Jan. 5, the company confirmed.", published="2026-11-12")
    assert f[("joined", "Mona Lisle", "Quanta Labs")].date == "2027-01-05"


def test_title_announced_before_the_join_sentence_is_the_join():
    f = facts("Vela Systems said Monday that Ines Kroll will become chief executive officer on Jan. 1. Kroll joins "
              "Vela Systems from Tamber Labs, where she most recently served as senior vice president.",
              published="2026-11-16")
    c = f[("joined", "Ines Kroll", "Vela Systems")]
    assert c.role == "chief executive officer" and c.date == "2027-01-01"
    assert ("role_changed", "Ines Kroll", "Vela Systems") not in f and ("left", "Ines Kroll", "Tamber Labs") in f


def test_stayed_before_joining_is_a_departure():
    k = keys("After the acquisition Oren Valdi stayed at Brindle AI for 18 months before joining Quanta Labs.")
    assert ("left", "Oren Valdi", "Brindle AI") in k


def test_step_down_with_immediate_effect_and_left_now_at():
    k = keys("BERLIN (Wire) -- Velm AI on Tuesday announced that its chief executive Ute Brandt would step down "
             "with immediate effect.\n\n- Kai Sorel: left Fennel AI, now at Brindle AI")
    assert {("left", "Ute Brandt", "Velm AI"), ("left", "Kai Sorel", "Fennel AI"), ("joined", "Kai Sorel", "Brindle AI")} <= k


def test_social_post_move_on_and_release_most_recently():
    k = keys("Some personal news! After almost six years at Corvane Systems, I've decided to move on. Excited to share "
             "that I'm joining Fennel AI next month!", title="Rhea Lund on LinkedIn")
    assert {("left", "Rhea Lund", "Corvane Systems"), ("joined", "Rhea Lund", "Fennel AI")} <= k
    f = facts("Quanta Labs today announced that Ivo Marr has joined the company as Chief Operating Officer. Marr most "
              "recently served as Vice President of Operations at Hollis, where he led support. She previously spent "
              "five years at Brindle AI. Dana Orr, who had been at Quanta Labs since its founding in 2020, resigned.",
              published="2026-03-03")
    assert ("left", "Ivo Marr", "Hollis") in f
    assert f[("joined", "Dana Orr", "Quanta Labs")].date == "2020"


def test_interview_answer_started_at():
    f = facts("Q: Walk us through your career.\nA: I started at Yahtzee in 2010. Last year I joined Glint Labs as VP of AI.",
              title="Interview: Bo Sandor", published="2026-02-01")
    assert f[("joined", "Bo Sandor", "Yahtzee")].date == "2010"


def test_surname_chain_join_from_with_bare_date_and_dated_rejoin():
    f = facts("Pia Kroll told staff on Monday that she will step down. Kroll joined the company in 2019 from Intel. "
              "Ada Vos is back at Lyra Robotics. Vos, who left Lyra in 2022 for Brindle AI, rejoined this week as VP of "
              "hardware.", title="Kroll exits Vantage Labs", published="2026-11-20")
    assert f[("left", "Pia Kroll", "Intel")].date == "2019"
    c = f[("joined", "Ada Vos", "Lyra Robotics")]
    assert c.date == "2026-11" and c.role == "VP of hardware"
    assert ("joined", "Ada Vos", "Brindle AI") in f and f[("joined", "Ada Vos", "Brindle AI")].role is None


def test_former_description_stands_for_the_person_in_focus():
    k = keys("Mira Tanaka is moving to Fennel AI. The former Brindle AI engineer announced the move on X. "
             "Tanaka spent three years at Brindle AI.")
    assert {("joined", "Mira Tanaka", "Fennel AI"), ("left", "Mira Tanaka", "Brindle AI")} <= k
    assert ("left", "Max A. Schwarz", "Brindle AI") not in keys("Max A. Schwarz joined Brindle AI in May.")


def test_org_chart_story_promotion_and_earliest_days():
    f = facts("Quanta Labs has quietly reorganized its leadership.\n\n**The top.** Ines Varga, who built the training "
              "cluster as head of infrastructure, was promoted to president in June. Rolf Amsel has been at Quanta Labs "
              "since its earliest days in 2021.", title="Inside Quanta Labs' new org chart", published="2026-07-20")
    assert f[("role_changed", "Ines Varga", "Quanta Labs")].date == "2026-06"
    assert f[("joined", "Rolf Amsel", "Quanta Labs")].date == "2021"


def test_promotion_in_a_sentence_naming_one_org():
    k = keys("Ada Lind is leaving Quanta Labs for Brindle AI. Brindle AI's chief executive said her team at Quanta Labs "
             "would be led by her deputy, Ola Berg, who has been promoted to head of community models.")
    assert ("role_changed", "Ola Berg", "Brindle AI") not in k


def test_place_after_in_is_no_person_and_release_roster():
    k = keys("The second is Ida Holm, an engineer at Brindle AI in Menlo Park, who has been promoted to director.")
    assert not any(p == "Menlo Park" for _, p, _ in k)
    k = keys("About Quanta Labs: the company's leadership team includes Chief Operating Officer Nell Frost and Head of "
             "Safety Uma Rao. It was started by former Brindle AI employees including chief executive Ada Lind.")
    assert ("held_role", "Nell Frost", "Quanta Labs") in k and ("held_role", "Ada Lind", "Brindle AI") not in k


def test_board_and_adviser_posts_keep_the_day_job():
    k = keys("Brindle AI on Monday named Ada Lind to its board of directors. Lind spent five years as Quanta Labs' head "
             "of policy before leaving in March. Separately, Fennel AI said it had brought on Ivo Marr, a professor of "
             "physics at the University of Oslo, as a scientific adviser.", published="2026-06-29")
    assert {("joined", "Ada Lind", "Brindle AI"), ("left", "Ada Lind", "Quanta Labs"), ("joined", "Ivo Marr", "Fennel AI")} <= k
    assert ("left", "Ada Lind", "Brindle AI") not in k and ("left", "Ivo Marr", "University of Oslo") not in k


def test_apposition_with_two_posts_and_role_cut_at_continue():
    f = facts('"The right leader," said Ida Voss, partner at Kestrel Ventures and a member of Quanta Labs\' board of '
              "directors. Co-founder Rolf Dahl will become Chief Technology Officer and continue to lead architecture.",
              title="Quanta Labs names a new CEO")
    assert {("held_role", "Ida Voss", "Kestrel Ventures"), ("held_role", "Ida Voss", "Quanta Labs")} <= set(f)
    assert f[("role_changed", "Rolf Dahl", "Quanta Labs")].role == "Chief Technology Officer"


def test_became_title_with_bare_possessive_apostrophe():
    k = keys("In 2023 Quanta Labs bought the startup. Ada Lind became Quanta Labs' vice president of AI.")
    assert ("joined", "Ada Lind", "Quanta Labs") in k


def test_bare_possessive_reads_like_s():
    f = facts("Ada Lind joined Quanta Labs' board of directors in May. Ola Berg, Brindle Systems' chief scientist, left.")
    assert f[("joined", "Ada Lind", "Quanta Labs")].role == "board member"
    assert ("left", "Ola Berg", "Brindle Systems") in f


def test_timeline_entries_date_every_sentence_and_that_month():
    f = facts("# Timeline\n\n**October 2024** — Ada Lind and Ola Berg, a researcher who left Brindle AI that August, "
              "incorporate Quanta Labs.\n\n**January 2025** — Rui Matos joins from Nvidia as the first employee.\n\n"
              "**October 2026** — Ivo Marr joins from Fennel AI. Berg steps back from the CTO job to become an adviser. "
              "Matos is promoted to VP of engineering.", published="2026-11-20")
    assert f[("joined", "Ola Berg", "Quanta Labs")].date == "2024-10"
    assert f[("left", "Ola Berg", "Brindle AI")].date == "2024-08"
    assert f[("role_changed", "Rui Matos", "Quanta Labs")].date == "2026-10"
    assert f[("role_changed", "Ola Berg", "Quanta Labs")].date == "2026-10"


def test_podcast_caps_label_and_appointed_as_its_title():
    f = facts("HOST: Today I am joined by Ana Pires.\nANA PIRES: I did. After seven years at Lumen I joined Fennel AI in "
              "September as head of research.", title="The Loop, ep. 4", published="2026-11-20")
    assert ("left", "Ana Pires", "Lumen") in f and f[("joined", "Ana Pires", "Fennel AI")].date == "2026-09"
    f = facts("Brindle AI has appointed Mara Lund, formerly head of hardware at Quanta Labs, as its chief technology officer.",
              title="Brindle AI hires Mara Lund as CTO")
    assert f[("joined", "Mara Lund", "Brindle AI")].role in ("CTO", "chief technology officer")
    assert ("role_changed", "Mara Lund", "Brindle AI") not in f


def test_interview_you_offsets_and_cofounder_colleague():
    f = facts("Q: You left Quanta Labs after nine years. Why?\nA: I wanted to build something. In March I co-founded "
              "Tessel Labs with my old colleague Ravi Anand.", title="Q&A with Hana Sato", published="2026-06-01")
    assert {("left", "Hana Sato", "Quanta Labs"), ("joined", "Ravi Anand", "Tessel Labs")} <= set(f)
    f = facts("When Rafa Ortiz arrived at Sunfield AI in 2021, the lab had four researchers. He had spent the previous "
              "decade at Brindle Systems, rising to distinguished engineer. Two years after joining, he was named chief "
              "scientist.", title="How Rafa Ortiz rebuilt Sunfield AI", published="2026-11-20")
    assert f[("role_changed", "Rafa Ortiz", "Sunfield AI")].date == "2023"
    assert not any(k[0] == "role_changed" and k[2] == "Brindle Systems" for k in f)


def test_career_span_from_month_and_bare_end_year():
    f = facts("Ines Varga was at Brindle Systems from 2017 to 2022. She worked at Quanta Labs from March 2022 until "
              "August 2025.", title="Profile of Ines Varga", published="2026-06-01")
    assert f[("joined", "Ines Varga", "Brindle Systems")].date == "2017"
    assert f[("left", "Ines Varga", "Brindle Systems")].date == "2022"
    assert f[("joined", "Ines Varga", "Quanta Labs")].date == "2022-03"
    assert f[("left", "Ines Varga", "Quanta Labs")].date == "2025-08"


def test_started_working_at_is_a_join():
    f = facts("Lena Fisch started working at Quanta Labs in March 2024.", title="Profile of Lena Fisch", published="2026-06-01")
    assert f[("joined", "Lena Fisch", "Quanta Labs")].date == "2024-03"


def test_numbered_deposition_elliptical_answers():
    text = ("DEPOSITION OF TOVE LINDQVIST\n\n"
            " 1   Q.  Ms. Lindqvist, where are you currently employed?\n"
            " 2   A.  Brindle Systems.\n"
            " 3   Q.  When did you start working at Brindle Systems?\n"
            " 4   A.  February of 2025.\n"
            " 5   Q.  And where did you work before that?\n"
            " 6   A.  Quanta Labs.\n"
            " 7   Q.  For what period?\n"
            " 8   A.  From June 2021 until January\n"
            " 9       2025.\n"
            "10   Q.  Who hired you there?\n"
            "11   A.  Omar Reyes.\n")
    f = facts(text, title="Lumen v. Brindle Systems: Deposition of Tove Lindqvist", published="2026-05-01")
    assert f[("joined", "Tove Lindqvist", "Brindle Systems")].date == "2025-02"
    assert f[("joined", "Tove Lindqvist", "Quanta Labs")].date == "2021-06"
    assert f[("left", "Tove Lindqvist", "Quanta Labs")].date == "2025-01"
    assert not any(k[1] == "Omar Reyes" for k in f)


def test_unnumbered_qa_where_did_you_go_next():
    text = ("Q. You were at Lumen until 2023?\nA. That's right.\nQ. Where did you go next?\nA. Fennel AI, in March 2023.\n"
            "Q. And before Lumen?\nA. Quanta Labs, from 2016 until 2019.\n")
    f = facts(text, title="Transcript: interview of Ada Moretti", published="2026-05-01")
    assert f[("joined", "Ada Moretti", "Fennel AI")].date == "2023-03"
    assert f[("joined", "Ada Moretti", "Quanta Labs")].date == "2016"
    assert f[("left", "Ada Moretti", "Quanta Labs")].date == "2019"


def test_span_ended_by_a_departure_clause():
    f = facts("Ada Moretti worked at Quanta Labs from 2016 until she left to join Fennel AI. She was at Brindle Systems "
              "from May 2012 until she quit in 2015.", title="Profile of Ada Moretti", published="2026-05-01")
    assert f[("joined", "Ada Moretti", "Quanta Labs")].date == "2016"
    assert ("left", "Ada Moretti", "Quanta Labs") in f and ("joined", "Ada Moretti", "Fennel AI") in f
    assert f[("joined", "Ada Moretti", "Brindle Systems")].date == "2012-05"
    assert f[("left", "Ada Moretti", "Brindle Systems")].date == "2015"


def test_left_to_go_to_names_the_org_worked_at():
    f = facts("Ada Moretti worked at Brindle Systems from 2012 until she left to go to Tessel, a small lab.",
              title="Profile of Ada Moretti", published="2026-05-01")
    assert f[("joined", "Ada Moretti", "Brindle Systems")].date == "2012"
    assert ("left", "Ada Moretti", "Brindle Systems") in f


def test_renamed_org_former_name_is_the_same_org():
    f = facts("Tessel Automation, the Leeds startup that builds warehouse arms, is changing its name to Tessel Robotics. "
              '"We make robots," said Nia Okoro, who co-founded Tessel Automation in 2020 with Bram Hols and is its '
              "chief executive.\n\nHols, who has been CTO since the company's founding, becomes chief scientist in June.",
              title="Tessel gets a new name", published="2026-04-01")
    assert f[("joined", "Bram Hols", "Tessel Robotics")].date == "2020"
    assert f[("joined", "Nia Okoro", "Tessel Robotics")].role == "co-founder"
    assert ("role_changed", "Bram Hols", "Tessel Robotics") in f
    assert not any(k[2] == "Tessel Automation" for k in f)
    f = facts("Marlow Labs, formerly known as Quire Research, hired Ines Varga as CTO. Varga joined Quire Research in 2021 as "
              "a research engineer.", title="Marlow Labs hires Ines Varga", published="2026-04-01")
    assert not any(k[2] == "Quire Research" for k in f)


def test_self_introduced_writer_and_contracted_tenure():
    f = facts("Hi all! I'm Tove. I joined Poolside last month.\n\nQ: Why did you leave Cohere?\n\n"
              "A: I'd been at Cohere since 2019, and by the time I left in May I was done.",
              title="I'm Tove Berg, new CTO at Poolside. AMA!", published="2026-06-15")
    assert f[("joined", "Tove Berg", "Cohere")].date == "2019"
    assert f[("left", "Tove Berg", "Cohere")].date == "2026-05"
    assert ("left", "Tove Berg", "Poolside") not in f


def test_caps_cast_list_and_hired_most_of_us():
    text = ("PANELISTS:\nTOVE BERG, Research Lead, Anthropic\nOMAR REYES, Cohere\n\nMODERATOR: NIA OKORO\n\n"
            "OKORO: Tove, you have moved a lot.\n\n"
            "BERG: I was at Adept, and then in 2023 Mistral hired most of us, so I was at Mistral for about a year. "
            "And then I came to Anthropic last year.")
    f = facts(text, title="Panel: the talent wars", published="2026-06-15")
    dates = {org: f[("joined", "Tove Berg", org)].date for org in ("Mistral", "Anthropic")}
    assert dates == {"Mistral": "2023", "Anthropic": "2025"}
    moves_of_others = [k for k in f if k[1] in ("Nia Okoro", "Omar Reyes") and k[0] != "held_role"]
    assert moves_of_others == []


def test_maiden_name_is_the_same_person():
    f = facts("Dr. Lena Fisch, née Lena Brandt, joined Adept in 2019. Brandt had been at Cohere from 2012 to 2018. "
              "Omar Reyes (née Sayed) joined Mistral in 2021; Sayed was at Poolside from 2015 to 2020.",
              title="Team news", published="2026-06-15")
    want = {("joined", "Lena Fisch", "Adept"): "2019", ("left", "Lena Fisch", "Cohere"): "2018",
            ("joined", "Omar Reyes", "Poolside"): "2015"}
    assert {k: f[k].date for k in want} == want
    assert [k for k in f if k[1] in ("Lena Brandt", "Sayed")] == []


def test_first_person_plural_team_post():
    f = facts("Our team welcomes Ines Varga, who joins us from Cohere as head of data.\n\n"
              "Sad news: Omar Reyes left us for Mistral in May.\n\nWe are also delighted that Ana Pires has joined our "
              "team as CFO.", title="Quanta Labs: team update", published="2026-06-15")
    assert f[("joined", "Ines Varga", "Quanta Labs")].role == "head of data"
    assert ("left", "Ines Varga", "Cohere") in f
    assert f[("left", "Omar Reyes", "Quanta Labs")].date == "2026-05"
    assert ("joined", "Omar Reyes", "Mistral") in f
    assert f[("joined", "Ana Pires", "Quanta Labs")].role == "CFO"


def test_court_filing_employment_span_and_commenced_employment():
    paragraphs = [
        '14. Defendant Ines Varga ("Varga") was employed by Cohere as a member of technical staff from February 12, 2024 '
        "until her resignation, which became effective on July 28, 2025.",
        "17. On or about August 4, 2025, Varga commenced employment with Mistral, a direct competitor of Cohere.",
        "18. Plaintiff also names Ivo Lind, who was employed by Adept from 2019 until 2022.",
    ]
    f = facts("\n\n".join(paragraphs), title="Lumen Corp. v. Varga — Complaint", published="2026-01-10")
    got = {k: f[k].date for k in f if k[0] in ("joined", "left")}
    assert got == {("joined", "Ines Varga", "Cohere"): "2024-02-12", ("left", "Ines Varga", "Cohere"): "2025-07-28",
                   ("joined", "Ines Varga", "Mistral"): "2025-08-04",
                   ("joined", "Ivo Lind", "Adept"): "2019", ("left", "Ivo Lind", "Adept"): "2022"}
    assert f[("joined", "Ines Varga", "Cohere")].role == "member of technical staff"


def test_post_named_span_and_legal_suffix():
    f = facts("Omar Reyes was head of research at Cohere from 2018 to 2020. Before that, Ines Varga served as "
              "Corporate Controller of NVIDIA Corporation from 2016 until 2021.", title="Lumen Corp. 8-K",
              published="2026-01-01")
    spans = {(k[0], k[1], k[2]): f[k].date for k in f}
    assert spans[("joined", "Omar Reyes", "Cohere")] == "2018" and spans[("left", "Omar Reyes", "Cohere")] == "2020"
    assert f[("joined", "Omar Reyes", "Cohere")].role == "head of research"
    assert spans[("joined", "Ines Varga", "Nvidia")] == "2016" and spans[("left", "Ines Varga", "Nvidia")] == "2021"


def test_tenure_with_possessive_org():
    f = facts("Ms. Ines Varga, 47, has served as Poolside's Vice President, Finance since March 2021. Omar Reyes has "
              "been Cohere's head of research since 2019.", title="Filing", published="2026-01-01")
    assert f[("joined", "Ines Varga", "Poolside")].date == "2021-03"
    assert (f[("joined", "Omar Reyes", "Cohere")].date, f[("joined", "Omar Reyes", "Cohere")].role) == ("2019", "head of research")


def test_most_of_us_moved_over_to():
    f = facts("A bit of history: I was at Adept from 2019 until 2023. Then in March 2024 most of us moved over to "
              "Mistral when Adept changed course.", title="Tove Berg: going back", published="2026-01-01")
    assert f[("joined", "Tove Berg", "Mistral")].date == "2024-03"
    assert f[("joined", "Tove Berg", "Adept")].date == "2019"


def test_maiden_name_told_in_prose_and_accepted_a_place():
    f = facts("Tove Berg studied physics in Oslo. The papers from that period carry her maiden name — T. Lindqvist — "
              "which confuses people.\n\nIn the summer of 2014, Lindqvist accepted a place as a research resident at "
              "Cohere. Two years later she moved to London to join Mistral as a research scientist.",
              title="The long road", published="2026-01-01")
    assert [f[("joined", "Tove Berg", o)].date for o in ("Cohere", "Mistral")] == ["2014", "2016"]
    assert [k for k in f if "Lindqvist" in k[1]] == []


def test_orgless_departure_years_apart_from_a_stated_one():
    f = facts("In 2016 Tove Berg moved to London to join Mistral as a research scientist. The following March "
              "she left.\n\nYears later she joined Cohere. She left Cohere in September 2024.",
              title="The long road", published="2026-01-01")
    assert (f[("left", "Tove Berg", "Mistral")].date, f[("left", "Tove Berg", "Cohere")].date) == ("2017-03", "2024-09")


def test_our_title_is_at_the_org_of_the_post():
    f = facts("NIA OKORO, CEO: We had a good quarter. Our head of research, Ivo Lind, is building a team in Lagos.",
              title="Lumen Labs Q3 2026 earnings call", published="2026-11-01")
    assert f[("held_role", "Ivo Lind", "Lumen Labs")].role == "head of research"
    f = facts("Our head of research, Ivo Lind, is building a team in Lagos.", title="Podcast", published="2026-11-01")
    assert [k for k in f if k[1] == "Ivo Lind"] == []


def test_interim_basis_is_an_interim_title():
    f = facts("Omar Reyes, currently general manager of model serving, will lead AI platform on an interim basis "
              "starting July 1 while Cohere searches for a permanent successor.",
              title="Cohere's Ana Pires to retire", published="2026-06-01")
    c = f[("role_changed", "Omar Reyes", "Cohere")]
    assert (c.role, c.date) == ("interim head of AI platform", "2026-07-01")


def test_interim_cover_after_apposition():
    f = facts("Cohere said its head of pretraining, Omar Reyes, would cover post-training on an interim basis while it "
              "searched for a successor. Reyes joined Cohere in January.", title="Cohere loses its post-training lead",
              published="2026-06-01")
    assert f[("role_changed", "Omar Reyes", "Cohere")].role == "interim head of post-training"


def test_interim_title_after_an_earlier_arrival_is_a_role_change():
    f = facts("Cohere's CTO, Nia Okoro, is leaving the company at the end of August, and Omar Reyes will step in as "
              "interim CTO from September 1, the company said.\n\nReyes only arrived in March, when he left Mistral to "
              "become Cohere's head of science.", title="Cohere names Omar Reyes interim CTO as Nia Okoro departs",
              published="2026-08-19")
    assert f[("joined", "Omar Reyes", "Cohere")].date == "2026-03"
    assert f[("role_changed", "Omar Reyes", "Cohere")].date == "2026-09-01"


def test_named_to_an_interim_post_is_a_role_change():
    f = facts("Cohere has named Ivo Lind to lead the data team on an interim basis. Lind has been on the team since 2021.",
              title="Cohere data chief departs", published="2026-06-19")
    assert ("role_changed", "Ivo Lind", "Cohere") in f and ("joined", "Ivo Lind", "Cohere") not in f
    f = facts("Cohere has named Ivo Lind, a former Mistral executive, interim chief executive.",
              title="Cohere names interim CEO", published="2026-06-19")
    assert ("joined", "Ivo Lind", "Cohere") in f


def test_served_as_interim_since_with_org_from_apposition():
    f = facts("Omar Reyes, Cohere's chief financial officer, who has served as interim chief executive since March, "
              "will stay on.", title="Cohere names a new CEO", published="2026-11-20")
    c = f[("role_changed", "Omar Reyes", "Cohere")]
    assert (c.role, c.date) == ("interim chief executive", "2026-03")


def test_shared_surname_stays_with_the_subject_over_a_relative_named_in_passing():
    k = keys("Otto Brandvik, who built early speech recognizers, has died. His son, Lars Brandvik, confirmed the death.\n\n"
             "Dr. Brandvik joined Bell Labs in 1971. He left Bell Labs in 1990 for Cornell University.",
             title="Otto Brandvik dies at 88", published="2027-01-10")
    assert ("joined", "Otto Brandvik", "Bell Labs") in k and ("left", "Otto Brandvik", "Bell Labs") in k
    assert not any(p == "Lars Brandvik" for _, p, _ in k)
