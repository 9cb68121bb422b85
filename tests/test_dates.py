"""Date expressions: absolute formats, relative ones against a publication date, inference."""
from ingest.dates import find_dates, infer_published


def one(text, published=None):
    ds = find_dates(text, published)
    assert ds, text
    return ds[0].date, ds[0].precision, ds[0].inferred


def test_absolute_formats():
    assert one("She resigned on July 4, 2024 after a vote.") == ("2024-07-04", "day", False)
    assert one("He arrived 3 February 2022 in Lyon.") == ("2022-02-03", "day", False)
    assert one("The lab hired him in October 2021.") == ("2021-10", "month", False)
    assert one("She left in 2019.") == ("2019", "year", False)
    assert one("He moved in Oct. 2020 to Zurich.") == ("2020-10", "month", False)
    assert one("Filed 2023-11-30 by the board.") == ("2023-11-30", "day", False)
    assert one("He joined in early 2022.") == ("2022", "year", False)


def test_relative_dates_resolve_against_published():
    assert one("The engineer quit yesterday.", "2025-06-10") == ("2025-06-09", "day", True)
    assert one("The engineer quit last month.", "2025-06-10") == ("2025-05", "month", True)
    assert one("They left earlier this year.", "2025-06-10") == ("2025", "year", True)
    assert one("She resigned two weeks ago.", "2025-06-10")[:2] == ("2025-05", "month")
    assert one("He left this week.", "2025-06-10") == ("2025-06", "month", True)
    assert one("She joined three days ago.", "2025-06-10") == ("2025-06-07", "day", True)


def test_relative_without_publication_stays_unknown():
    d = find_dates("The engineer quit yesterday.", None)[0]
    assert d.date is None and d.inferred


def test_month_without_year_takes_latest_past_year():
    assert one("She left in November.", "2025-03-01") == ("2024-11", "month", True)


def test_infer_published_from_latest_full_date():
    text = "A memo dated June 2, 2024 said so. The board met on June 9, 2024."
    assert infer_published("Board meets", text) == "2024-06-09"


def test_infer_published_yesterday_after_embedded_post():
    text = ("The researcher said yesterday that she is leaving the lab.\n"
            "- A. Person (@someone) August 14, 2025\nMore text.")
    assert infer_published("Researcher leaves", text) == "2025-08-15"


def test_infer_published_none_without_dates():
    assert infer_published("No dates", "Nothing dated here at all.") is None


def test_bounded_on_huge_input():
    import time
    t = time.perf_counter()
    find_dates("word " * 200000)
    assert time.perf_counter() - t < 5


def test_end_of_month_and_year():
    from ingest.dates import find_dates
    # the period's last day: the development golds date "at the end of March" 03-31 and "at the end
    # of the year" 12-31, and a day still matches a gold given to the month
    assert [d.date for d in find_dates("He left at the end of January.", "2025-02-18")] == ["2025-01-31"]
    assert [d.date for d in find_dates("She left at the end of 2025.")] == ["2025-12-31"]
    assert [d.date for d in find_dates("She will retire at the end of the year.", "2026-09-15")] == ["2026-12-31"]


def test_yearless_date_in_a_future_clause_is_the_next_one():
    from ingest.extract import extract_claims
    cs = {(c.type, c.org): c.date for c in extract_claims(
        "", "Lise Dahl will join Cohere in April as head of policy. Her last day at Nvidia will be March 27.",
        "2026-03-02")}
    assert cs[("joined", "Cohere")] == "2026-04"
    assert cs[("left", "Nvidia")] == "2026-03-27"


def test_effective_weekday_is_the_coming_one():
    from ingest.extract import extract_claims
    cs = {(c.type, c.org): c.date for c in extract_claims(
        "", "Lise Dahl will join Cohere's research lab, effective Monday.", "2024-08-02")}
    assert cs[("joined", "Cohere")] == "2024-08-05"


def test_out_of_range_publication_date_is_no_anchor():
    # a publication date outside 1900-2200 is ignored: relative dates stay unresolved
    for pub in ("0001-01-01", "0001-01", "0999-05-05", "9999-12-31"):
        for text in ("He left yesterday.", "She joined last month.", "He quit two years ago.",
                     "She starts next year.", "They met last Monday.", "She joined in April."):
            ds = find_dates(text, pub)
            assert ds and ds[0].date is None, (text, pub)
    assert one("She joined last month.", "2026-05-05") == ("2026-04", "month", True)


def test_sentence_initial_in_month():
    assert one("In July we led the seed round.", "2025-10-06") == ("2025-07", "month", True)
    assert one("During March she moved to Paris.", "2025-10-06") == ("2025-03", "month", True)


def test_wire_and_city_datelines_give_the_publication_day():
    release = "PRESS RELEASE\n\nPORTLAND--(NEWS WIRE)--March 9, 2026--Quenderly, Inc. today announced. Effective March 16, 2026."
    assert infer_published("Quenderly Announces Changes", release) == "2026-03-09"
    wire = "By Ana Ruiz\n\nBOSTON, Aug 10, 2026 — The company said on Monday. She starts Sept. 1, 2026."
    assert infer_published("Acme taps CFO", wire) == "2026-08-10"
