"""Career histories in obituaries and profiles: posts taken on leaving a place, posts left when
the next began, means adjuncts ('by joining O'), open-ended board seats, countries."""
from ingest.extract import extract_claims


def claims(text, published="2026-05-04"):
    return {(c.type, c.person, c.org): (c.role, c.date) for c in extract_claims("", text, published)}


def test_left_a_country_for_a_post_and_stayed_until_the_next():
    got = claims("Marta Quell left Hungary in 1981 for a postdoctoral position at Bell Labs in New Jersey, "
                 "where she spent four years before joining Microsoft in 1985.")
    assert got[("joined", "Marta Quell", "Bell Labs")] == ("postdoctoral researcher", "1981")
    assert got[("left", "Marta Quell", "Bell Labs")][1] == "1985"
    assert not any(k[2] == "Hungary" for k in got)


def test_a_means_adjunct_takes_the_far_subject_and_nearly_everyone_is_no_hedge():
    got = claims("In 2019, at 68, Professor Marta Quell retired from teaching and became professor emerita — and then "
                 "surprised nearly everyone by joining DeepMind as a distinguished scientist.")
    assert got[("joined", "Marta Quell", "Google DeepMind")] == ("distinguished scientist", "2019")


def test_nearly_before_a_move_still_hedges_it():
    assert ("joined", "Marta Quell", "Google DeepMind") not in claims("Marta Quell nearly joined DeepMind in 2019.")


def test_an_open_ended_board_seat_from_a_year():
    got = claims("From 2021 Marta Quell also sat on the advisory board of the Frontier Policy Council.")
    assert got[("joined", "Marta Quell", "Frontier Policy Council")] == ("advisory board member", "2021")


def test_a_leave_of_absence_is_no_departure():
    got = claims("Kofi Mensah, a University of Michigan professor, will join Anthropic's interpretability team in "
                 "September on a two-year leave.", published="2026-06-01")
    assert ("joined", "Kofi Mensah", "Anthropic") in got
    assert ("left", "Kofi Mensah", "University of Michigan") not in got


def test_a_kept_faculty_appointment_named_by_pronoun():
    text = ("Kofi Mensah, associate professor at the University of Michigan, will take a leave of absence to join "
            "Anthropic.\n\nProfessor Mensah will retain his faculty appointment during the leave.")
    got = claims(text, published="2026-06-01")
    assert ("left", "Kofi Mensah", "University of Michigan") not in got
    assert ("held_role", "Kofi Mensah", "University of Michigan") in got


def test_an_apposition_refusing_an_offer_places_no_one_there():
    got = claims("Hyun Park, the researcher who turned down an offer from xAI in the spring, left Meta last month "
                 "and has joined Apple.", published="2026-10-20")
    assert not any(k[2] == "xAI" for k in got)
    assert ("joined", "Hyun Park", "Apple") in got


def test_a_camel_case_brand_is_an_employer():
    got = claims("Mira Holt joined Kestrel Dynamics from iRobot in 2023.", published="2026-04-30")
    assert got[("left", "Mira Holt", "iRobot")][1] == "2023"


def test_a_past_post_told_beside_a_join_was_left():
    got = claims("Mira Holt joined Perplexity this week as head of search quality. She spent a decade on ranking at "
                 "Google.", published="2026-02-06")
    assert ("left", "Mira Holt", "Google") in got

