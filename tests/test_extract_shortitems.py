"""Feed items (a headline plus one to three sentences), names from many naming cultures,
first-person career narratives in transcripts, and titles in their many written forms."""
from ingest.extract import extract_claims


def facts(title, text="", published="2026-05-04"):
    return {(c.type, c.person, c.org): c for c in extract_claims(title, text, published)}


# --- headline grammar -------------------------------------------------------------------------

def test_headline_join_with_background_only_summary():
    f = facts("Former Google Brain researcher Tomasz Wilk joins Cohere as head of multilingual",
              "Wilk spent five years at Google.")
    assert f[("joined", "Tomasz Wilk", "Cohere")].role == "head of multilingual"
    assert f[("joined", "Tomasz Wilk", "Cohere")].date == "2026-05-04"
    assert ("left", "Tomasz Wilk", "Google") in f
    assert len([k for k in f if k[0] == "joined"]) == 1


def test_headline_move_repeated_by_the_body_is_one_claim():
    claims = extract_claims("Cohere taps DeepMind's Ana Ruiz as CTO",
                            "Cohere has hired Ana Ruiz as chief technology officer, the company said on Monday.",
                            "2026-05-06")
    joins = [c for c in claims if c.type == "joined"]
    assert len(joins) == 1 and joins[0].org == "Cohere" and joins[0].date == "2026-05-04"


def test_described_headline_subject_is_the_person_the_summary_names():
    f = facts("Ex-OpenAI VP lands at Meta", "Maria Santos will lead Meta's agents group.")
    assert ("joined", "Maria Santos", "Meta") in f
    assert ("left", "Maria Santos", "OpenAI") in f
    f = facts("OpenAI's research chief exits", "Mira Tanaka had led research since 2023.")
    assert ("left", "Mira Tanaka", "OpenAI") in f
    f = facts("Meta AI chief scientist to depart", "Yann Okoro plans to start a company, people familiar said.")
    assert ("left", "Yann Okoro", "Meta") in f


def test_headline_with_auxiliary_dropped_is_dated_by_the_item():
    assert facts("Tom Wilk named Hugging Face CTO")[("joined", "Tom Wilk", "Hugging Face")].role == "CTO"
    assert facts("Tom Wilk hired by Apple")[("joined", "Tom Wilk", "Apple")].date == "2026-05-04"
    assert facts("Tom Wilk appointed Mistral CFO")[("joined", "Tom Wilk", "Mistral")].role == "CFO"
    assert facts("Tom Wilk promoted to CTO at Mistral")[("role_changed", "Tom Wilk", "Mistral")].date == "2026-05-04"


def test_headline_departure_shapes():
    assert ("left", "Tom Wilk", "Hugging Face") in facts("Tom Wilk out at Hugging Face")
    assert ("left", "Tom Wilk", "Mistral") in facts("Tom Wilk ousted as Mistral CEO")
    assert ("left", "Tom Wilk", "Mistral") in facts("Mistral fires CEO Tom Wilk")
    assert ("left", "Tom Wilk", "Mistral") in facts("Tom Wilk to step down as Mistral CEO")
    f = facts("Hugging Face loses CTO Tom Wilk to OpenAI")
    assert ("left", "Tom Wilk", "Hugging Face") in f and ("joined", "Tom Wilk", "OpenAI") in f
    f = facts("Tom Wilk bolts OpenAI for Apple")
    assert ("left", "Tom Wilk", "OpenAI") in f and ("joined", "Tom Wilk", "Apple") in f


def test_headline_arrival_shapes():
    assert ("joined", "Tom Wilk", "Google") in facts("Tom Wilk back at Google")
    assert ("joined", "Tom Wilk", "Google") in facts("Google brings back Tom Wilk")
    assert ("joined", "Tom Wilk", "Apple") in facts("Apple picks Tom Wilk to run AI")
    assert ("joined", "Tom Wilk", "Apple") in facts("Apple's new AI chief is ex-Google Tom Wilk")
    f = facts("Former Google exec Tom Wilk to lead Hugging Face research")
    assert ("joined", "Tom Wilk", "Hugging Face") in f and ("left", "Tom Wilk", "Google") in f
    f = facts("Tom Wilk leaves Google; joins Apple")
    assert ("left", "Tom Wilk", "Google") in f and ("joined", "Tom Wilk", "Apple") in f


def test_colon_lead_and_arrow_items():
    assert facts("Hugging Face: Tom Wilk joins as CTO")[("joined", "Tom Wilk", "Hugging Face")].role == "CTO"
    f = facts("People moves: Tom Wilk (Google → Apple)")
    assert ("left", "Tom Wilk", "Google") in f and ("joined", "Tom Wilk", "Apple") in f
    assert ("held_role", "Tom Wilk", "Google") not in f


def test_headline_subject_of_a_hire_is_an_organization_the_gazetteer_lacks():
    f = facts("Quillmore taps Anthropic's Dana Cho as CTO", "Cho led the interpretability team.")
    assert f[("joined", "Dana Cho", "Quillmore")].role == "CTO"
    f = facts("Brantwell hires Feldane's Omar Sefu", "Sefu spent six years at Feldane.")
    assert ("joined", "Omar Sefu", "Brantwell") in f and ("left", "Omar Sefu", "Feldane") in f


def test_group_headline_names_its_people_in_the_summary():
    f = facts("xAI poaches two OpenAI researchers", "Lena Ortiz and Mark Bello, who worked on reasoning models, start Monday.")
    for p in ("Lena Ortiz", "Mark Bello"):
        assert ("joined", p, "xAI") in f and ("left", p, "OpenAI") in f


def test_headline_rumour_and_denial_state_no_move():
    assert not facts("Tom Wilk in talks to join Apple", "Talks are at an early stage.")
    assert not facts("Tom Wilk denies he is leaving OpenAI")
    assert not [k for k in facts("Could Tom Wilk be Apple's next AI chief?") if k[0] != "held_role"]


# --- names from everywhere --------------------------------------------------------------------

def test_family_name_first_names_and_their_surname_mentions():
    f = facts("Baidu names Chen Weiming chief scientist", "Chen previously led speech research at Alibaba.")
    assert ("joined", "Chen Weiming", "Baidu") in f and ("left", "Chen Weiming", "Alibaba") in f
    f = facts("Samsung hires Naver's Park Ji-hoon", "Park led the HyperCLOVA X team at Naver.")
    assert ("joined", "Park Ji-hoon", "Samsung") in f and ("left", "Park Ji-hoon", "Naver") in f
    f = facts("Preferred Networks appoints Sato Yuki CTO", "Sato had been a vice president at Sony.")
    assert ("left", "Sato Yuki", "Sony") in f


def test_korean_name_spellings_are_aliases():
    c = next(c for c in extract_claims("Ji-hoon Park leaves Naver", "", "2026-05-04") if c.type == "left")
    assert {"Park Ji-hoon", "Jihoon Park"} <= set(c.person_aliases)


def test_arabic_particles():
    f = facts("G42 appoints Khalid al-Mansouri as chief AI officer", "Al-Mansouri joins from Microsoft.")
    assert ("joined", "Khalid al-Mansouri", "G42") in f and ("left", "Khalid al-Mansouri", "Microsoft") in f
    f = facts("G42 appoints Khalid Al Mansouri as chief AI officer", "Al Mansouri joins from Microsoft.")
    assert ("left", "Khalid Al Mansouri", "Microsoft") in f and len({k[1] for k in f}) == 1
    f = facts("Aisha bint Khalid joins Anthropic", "She was at Apple for five years.")
    assert ("joined", "Aisha bint Khalid", "Anthropic") in f


def test_spanish_double_surname_and_its_later_forms():
    f = facts("José María Fernández Ortega joins Meta",
              "Fernández Ortega spent a decade at Telefónica. Fernández will lead Meta's Spanish-language research.")
    assert ("joined", "José María Fernández Ortega", "Meta") in f
    assert ("left", "José María Fernández Ortega", "Telefónica") in f
    assert {k[1] for k in f} == {"José María Fernández Ortega"}


def test_dutch_particle_surname_opening_a_sentence():
    f = facts("Sanne van der Berg joins Mistral", "Van der Berg spent ten years at ASML.")
    assert ("left", "Sanne van der Berg", "ASML") in f and {k[1] for k in f} == {"Sanne van der Berg"}


def test_icelandic_and_vietnamese_names():
    f = facts("Sigríður Jónsdóttir joins DeepMind", "Jónsdóttir was previously at CCP Games.")
    c = f[("joined", "Sigríður Jónsdóttir", "Google DeepMind")]
    assert "Sigridur Jonsdottir" in c.person_aliases
    assert ("left", "Sigríður Jónsdóttir", "CCP Games") in f
    f = facts("Nguyễn Văn An joins Nvidia as research director")
    assert ("joined", "Nguyễn Văn An", "Nvidia") in f


def test_descriptor_before_a_name_in_a_title_case_headline():
    f = facts("Anthropic Hires Apple Veteran Joe Park")
    assert ("joined", "Joe Park", "Anthropic") in f


# --- first-person careers in transcripts -----------------------------------------------------

def test_transcript_guest_career_told_in_the_first_person():
    text = ("Guest: Noor Haddad, founder of Corvid\n\n"
            "HOST: How did you get here?\n\n"
            "HADDAD: I was at Meta for four years, then I left to start Corvid in 2024. "
            "Before that I spent six years at AWS.")
    f = facts("The Build Log, episode 112", text)
    assert ("left", "Noor Haddad", "Meta") in f
    assert ("joined", "Noor Haddad", "Corvid") in f
    assert ("left", "Noor Haddad", "Amazon") in f


def test_intro_names_the_speaker_of_an_interview():
    text = ("Today my guest is Ines Okonkwo, who runs research at Tallow.\n\n"
            "Q: Where were you before Tallow?\n\nA: I spent five years at Google, and before that I was at IBM.")
    f = facts("Interview: Tallow's research lead", text)
    assert ("left", "Ines Okonkwo", "Google") in f
    assert ("left", "Ines Okonkwo", "IBM") in f


# --- titles ---------------------------------------------------------------------------------

def test_titles_in_their_written_forms():
    assert facts("Nvidia names Sarah Lee VP, Research")[("joined", "Sarah Lee", "Nvidia")].role == "VP, Research"
    assert facts("Meta hires Dana Cho as Head of Applied AI (EMEA)")[("joined", "Dana Cho", "Meta")].role == "Head of Applied AI (EMEA)"
    assert facts("Amazon hires Joe Smith as SVP and GM of AGI")[("joined", "Joe Smith", "Amazon")].role == "SVP and GM of AGI"
    assert facts("Dana Cho joins Microsoft as Distinguished Engineer")[("joined", "Dana Cho", "Microsoft")].role == "Distinguished Engineer"
    assert facts("Anthropic hires Dana Cho as Member of Technical Staff")[("joined", "Dana Cho", "Anthropic")].role == "Member of Technical Staff"
    assert facts("OpenAI names Dana Cho Chief of Staff to the CEO")[("joined", "Dana Cho", "OpenAI")].role == "Chief of Staff to the CEO"


# --- found by the second batch of tests/corpus_short ------------------------------------------

def test_new_title_at_an_org_the_summary_says_the_person_held_a_post_at_is_a_promotion():
    f = facts("Kim Soo-yeon named CEO of Upstage", "Kim was previously Upstage's chief operating officer.")
    assert f[("role_changed", "Kim Soo-yeon", "Upstage")].role == "CEO"
    assert ("joined", "Kim Soo-yeon", "Upstage") not in f and ("left", "Kim Soo-yeon", "Upstage") not in f


def test_leaving_after_years_to_start_a_venture():
    f = facts("Scale AI co-founder departs", "Lucy Guo-Tan is leaving Scale AI after seven years to start Kestrel Robotics.")
    assert f[("joined", "Lucy Guo-Tan", "Kestrel Robotics")].role == "founder"


def test_company_demonym_and_ex_prefix_in_headlines():
    f = facts("Perplexity adds former Googler Yuki Tanaka to lead search quality")
    assert ("joined", "Yuki Tanaka", "Perplexity") in f
    f = facts("Samsung hires ex-Naver researcher Jeong Da-eun")
    assert ("joined", "Jeong Da-eun", "Samsung") in f and ("left", "Jeong Da-eun", "Naver") in f


def test_scheduled_present_with_a_later_month_is_this_year():
    f = facts("Tomasz Wilk joins Cohere", "He starts in April.", published="2026-03-02")
    assert f[("joined", "Tomasz Wilk", "Cohere")].date == "2026-04"


def test_a_question_headline_states_no_move():
    f = facts("Is Mark Chen leaving OpenAI? Anthropic in talks with research chief")
    assert not [k for k in f if k[0] in ("joined", "left")]


# --- found by the third batch of tests/corpus_short -------------------------------------------

def test_described_object_of_a_hire_is_the_person_the_summary_names():
    f = facts("Anthropic snaps up Meta's Llama lead", "Arvind Krishnamurthy joins the pretraining team next week.")
    assert ("joined", "Arvind Krishnamurthy", "Anthropic") in f and ("left", "Arvind Krishnamurthy", "Meta") in f


def test_veteran_of_one_org_to_lead_another_is_arriving():
    f = facts("Ant Group veteran Zhou Jie to helm StepFun's agent unit", "Zhou, 44, spent 11 years at Ant Group.")
    assert ("joined", "Zhou Jie", "StepFun") in f and ("left", "Zhou Jie", "Ant Group") in f
    assert ("held_role", "Zhou Jie", "Ant Group") not in f
    f = facts("Apple veteran Joe Park to lead Apple's Siri team")
    assert ("left", "Joe Park", "Apple") not in f


def test_group_exit_headline_and_status_colon_headline():
    f = facts("Two senior engineers exit Scale AI for Thinking Machines", "Priya Nair and Omar Haddadi both started this week.")
    for p in ("Priya Nair", "Omar Haddadi"):
        assert ("left", p, "Scale AI") in f
    f = facts("Stepping down: Hugging Face's Clément Vidal", "Vidal will remain an adviser.")
    assert ("left", "Clément Vidal", "Hugging Face") in f


def test_most_recently_names_the_post_left():
    f = facts("Aleph Alpha brings on Lukas Brenner as CPO", "Brenner was most recently product lead at SAP.")
    assert f[("joined", "Lukas Brenner", "Aleph Alpha")].role == "CPO" and ("left", "Lukas Brenner", "SAP") in f


# --- headline negatives and appearances ---------------------------------------------------------

def test_headline_questions_deals_not_done_and_appearances_state_no_move():
    for title in ("Apple hires Tom Wilk? Not so fast", "Tom Wilk out at OpenAI? Not so, says company",
                  "Tom Wilk nears deal to join Apple", "Tom Wilk joins Apple podcast to discuss AI",
                  "OpenAI researcher Tom Wilk named to TIME100 AI list", "Apple woos Tom Wilk"):
        assert not [k for k in facts(title) if k[0] in ("joined", "left")], title
    assert ("held_role", "Tom Wilk", "Apple") in facts("Who is Tom Wilk, Apple's new AI chief?")


def test_the_company_named_a_person_is_a_verb_not_a_company_name():
    f = facts("Mistral hires two", "The company named Ana Ruiz and Paul Aubry to its research team.")
    assert ("joined", "Ana Ruiz", "Mistral") in f and ("joined", "Paul Aubry", "Mistral") in f


def test_an_ampersand_firm_name_is_one_organization():
    f = facts("Mistral names general counsel",
              "In February the company named Bérénice Laforgue, a former partner at the law firm Darrieux & Vautrin, as its "
              "first general counsel.", published="2026-03-10")
    assert ("left", "Bérénice Laforgue", "Darrieux & Vautrin") in f


def test_east_asian_names_carry_their_other_order_and_western_names_do_not():
    c = next(c for c in extract_claims("Baidu names Chen Weiming chief scientist", "", "2026-03-02") if c.type == "joined")
    assert "Weiming Chen" in c.person_aliases
    c = next(c for c in extract_claims("Sakana AI hires Hiroshi Tanaka", "", "2026-03-02") if c.type == "joined")
    assert "Tanaka Hiroshi" in c.person_aliases
    c = next(c for c in extract_claims("Apple hires Ryan Lee", "", "2026-03-02") if c.type == "joined")
    assert "Lee Ryan" not in c.person_aliases


def test_a_headline_that_announces_a_move_for_later_is_not_dated_by_the_item():
    f = facts("Veritan to name Microsoft executive Ada Dunne CEO", "The company will announce the appointment next month.",
              published="2026-02-09")
    assert f[("joined", "Ada Dunne", "Veritan")].date != "2026-02-09"


def test_a_body_that_restates_the_description_names_the_person_itself():
    f = facts("OpenAI's head of hardware is leaving for Meta",
              "OpenAI's head of hardware is leaving the company to join Meta, people familiar said.\n\n"
              "Oliver Brennan told colleagues on August 19 that he would become head of AI devices at Meta.",
              published="2025-08-20")
    assert f[("joined", "Oliver Brennan", "Meta")].date == "2025-08-19"


def test_left_to_run_another_orgs_team_is_a_join_there():
    f = facts("Ilse de Jong returns to ASML as chief digital officer", "De Jong left the company in 2021 to run Adyen's data team.")
    assert f[("joined", "Ilse de Jong", "Adyen")].date == "2021" and ("left", "Ilse de Jong", "ASML") in f
