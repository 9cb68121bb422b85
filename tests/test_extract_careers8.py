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
