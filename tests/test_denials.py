"""Pure tests of cross-article refutations, no database: what the extractor reads as a
refutation (ingest/denials.py) and what the resolver decides from it (ingest/crossrefute.py).
Every sentence here is invented for the test."""
from __future__ import annotations

import pytest

from ingest.crossrefute import earlier, plan_refutations
from ingest.extract import read_article
from ingest.model import Article, Claim, Refutation
from ingest.resolve import Registry, SeenArticle, plan
from store.events import RETRACTED


def refs(text: str, published: str = "2026-03-05", title: str = "") -> set[tuple[str, str, str, str]]:
    return {(r.type, r.person, r.org, r.kind) for r in read_article(title, text, published).refutations}


@pytest.mark.parametrize("text, person, org", [
    ("Dana Ruiz said on Tuesday she is not leaving OpenAI.", "Dana Ruiz", "OpenAI"),
    ("Zoe Hartmann has not left Cohere, a spokesperson said.", "Zoe Hartmann", "Cohere"),
    ("Ken Sato remains a professor at Stanford University, the lab said.", "Ken Sato", "Stanford"),
    ("Jae Park is still at Microsoft.", "Jae Park", "Microsoft"),
    ("Dana Ruiz remains at OpenAI, where she leads the reasoning team.", "Dana Ruiz", "OpenAI"),
    ("Mark Lowe is stepping down as chief executive but will stay on at Vanta Labs.", "Mark Lowe", "Vanta Labs"),
    ("Ines Moll has decided to stay at Mistral AI after all.", "Ines Moll", "Mistral"),
    ('"I\'m not leaving MIT," said Tom Hale, who also advises Anthropic.', "Tom Hale", "MIT"),
    ("OpenAI said reports that Dana Ruiz had resigned were inaccurate.", "Dana Ruiz", "OpenAI"),
    ("Dana Ruiz denied reports that she was leaving OpenAI.", "Dana Ruiz", "OpenAI"),
    ("OpenAI denied that Dana Ruiz had left the company.", "Dana Ruiz", "OpenAI"),
    ("Dana Ruiz has no plans to leave OpenAI, she said.", "Dana Ruiz", "OpenAI"),
    ("A spokesperson for OpenAI said Dana Ruiz was not leaving.", "Dana Ruiz", "OpenAI"),
    ("Dana Ruiz, OpenAI's head of safety, said she is not going anywhere.", "Dana Ruiz", "OpenAI"),
])
def test_denials_of_a_departure(text: str, person: str, org: str) -> None:
    got = {(t, p, o) for t, p, o, _ in refs(text)}
    assert any(t == "left" and p == person and org.lower() in o.lower() for t, p, o in got), got


@pytest.mark.parametrize("text, person, org", [
    ("Dana Ruiz's planned move to Meta has fallen through.", "Dana Ruiz", "Meta"),
    ("Omar Kassab will no longer join Amazon, the company said.", "Omar Kassab", "Amazon"),
    ("Jo Tanaka won't be joining Nvidia after all.", "Jo Tanaka", "Nvidia"),
    ("Lena Lind turned down an offer from Google DeepMind.", "Lena Lind", "Google DeepMind"),
    ("Priya Raman is not joining Anthropic, a spokesperson said.", "Priya Raman", "Anthropic"),
    ("Priya Raman spoke to reporters on Friday. Meta rescinded its offer.", "Priya Raman", "Meta"),
    ("Dana Ruiz was due to start in May. Meta rescinded the offer.", "Dana Ruiz", "Meta"),
    ("Ines Moll decided not to join xAI, people familiar with the matter said.", "Ines Moll", "xAI"),
])
def test_moves_that_fell_through(text: str, person: str, org: str) -> None:
    got = refs(text)
    assert ("joined", person, org, "fell_through") in got or ("joined", person, org, "denial") in got, got
    assert any(t == "held_role" and p == person for t, p, _, _ in got)


def test_correction_notices_name_the_wrong_org_not_the_right_one() -> None:
    got = refs("Correction: Dana Ruiz joined Anthropic, not OpenAI.")
    assert {t for t, p, o, k in got if o == "OpenAI" and k == "correction"} == {"joined", "held_role"}
    assert not any(o == "Anthropic" for _, _, o, _ in got)
    # the verb says what was wrong: a departure only, or (for "came from") any tie to the org
    got = refs("An earlier version of this article incorrectly said Omar Kassab had left Google.")
    assert got == {("left", "Omar Kassab", "Google", "correction")}
    got = refs("An earlier version of this article incorrectly said Dana Ruiz came from Amazon; she came from Microsoft.")
    assert {t for t, _, o, _ in got if o == "Amazon"} == {"joined", "left", "role_changed", "held_role"}
    assert not any(o == "Microsoft" for _, _, o, _ in got)
    # an org that only describes the person is no part of what was wrong
    got = refs("Correction: A story on Monday incorrectly reported that Mara Lindahl, formerly the "
               "evaluation lead at Hugging Face, was joining Anthropic. She joined Cohere.")
    assert {o for _, _, o, _ in got} == {"Anthropic"}
    assert {t for t, _, _, _ in got} == {"joined", "held_role"}


def test_a_correction_naming_the_corrected_article_carries_its_date() -> None:
    r = read_article("", "Correction: An article on March 3 incorrectly said Dana Ruiz came from Amazon.", "2026-03-06")
    assert {x.about for x in r.refutations if x.org == "Amazon"} == {"2026-03-03"}


@pytest.mark.parametrize("text", [
    "Tom Hale denied that he was unhappy at MIT.",
    "Alan Berg, who left OpenAI in 2023, joined Meta on Monday.",
    "Carla Diaz stayed at Google for six years before joining Meta.",
    "Ed Fox will remain at Apple until March, when he joins Tesla.",
    "Ed Fox is not leaving Apple until June.",
    "Mia Wu could stay at Adobe if the deal closes.",
    "Eli Ross is not staying at Intel.",
    "Nia Bell's team remains at IBM.",
    "Ivy Cho remains in talks with Apple about a new role.",
    "Tom Yu denied that he left Oracle because of pay.",
    "An earlier version of this article misstated the date Dana Ruiz joined Amazon.",
    "Raj Das is not joining Anthropic's board.",
])
def test_statements_that_refute_nothing(text: str) -> None:
    assert refs(text) == set()


# -- the resolver's decision, pure over the registry -------------------------------------------

def _article(title: str, published: str | None) -> Article:
    return Article(title=title, text=title + " body", path=f"{title}.md", published=published)


def _report(reg: Registry, title: str, published: str | None, *claims: Claim) -> SeenArticle:
    a = _article(title, published)
    seen = reg.see_article(a)
    plan(a, list(claims), reg)
    return seen


LEFT = Claim(type="left", person="Dana Ruiz", org="OpenAI", quote="Dana Ruiz has left OpenAI.")
DENIAL = Refutation(type="left", person="Dana Ruiz", org="OpenAI", quote="Dana Ruiz is not leaving OpenAI.", kind="denial")


def test_a_later_denial_retracts_and_says_the_person_stays() -> None:
    reg = Registry()
    _report(reg, "report", "2026-03-01", LEFT)
    denial = reg.see_article(_article("denial", "2026-03-05"))
    events = plan_refutations(denial, [DENIAL], [], reg)
    retracted = [e for e in events if e.type == RETRACTED]
    assert len(retracted) == 1 and "denial.md" in retracted[0].payload["reason"]
    assert DENIAL.quote in retracted[0].payload["reason"] and retracted[0].payload["by"] == "refutation"
    assert [e.type for e in events if e.type != RETRACTED] == ["held_role"]
    assert all(f.retracted for f in reg.facts[("left", "dana-ruiz", "openai")])


def test_a_denial_published_before_the_report_retracts_nothing() -> None:
    reg = Registry()
    denial = reg.see_article(_article("denial", "2026-02-01"))
    _report(reg, "report", "2026-03-01", LEFT)   # ingested later and published later: the move happened after
    assert plan_refutations(denial, [DENIAL], [], reg) == []


def test_a_report_ingested_after_a_later_dated_denial_is_retracted_on_arrival() -> None:
    reg = Registry()
    denial = reg.see_article(_article("denial", "2026-03-05"))
    assert plan_refutations(denial, [DENIAL], [], reg) == []   # nothing known yet: remembered
    a = _article("report", "2026-03-01")
    planned = plan(a, [LEFT], reg)
    events = plan_refutations(reg.see_article(a), [], planned, reg)
    assert [e.type for e in events][0] == RETRACTED and events[0].payload["fact"] == planned[0].event_id


def test_undated_articles_fall_back_to_ingestion_order() -> None:
    first = SeenArticle("a", None, "a.md", None, False, 1)
    second = SeenArticle("b", None, "b.md", "2026-03-01", False, 2)
    assert earlier(first, second) and not earlier(second, first)
    same_day = SeenArticle("c", None, "c.md", "2026-03-01", False, 3)
    assert earlier(second, same_day) and not earlier(same_day, second)


def test_a_fact_an_older_or_the_same_article_repeats_is_kept() -> None:
    reg = Registry()
    _report(reg, "report", "2026-03-01", LEFT)
    denial = reg.see_article(_article("denial", "2026-03-05"))
    plan(denial, [LEFT], reg)   # the refuting article itself reports the move: not all sources earlier
    assert [e for e in plan_refutations(denial, [DENIAL], [], reg) if e.type == RETRACTED] == []


def test_an_old_stint_is_not_the_move_denied() -> None:
    reg = Registry()
    old = Claim(type="left", person="Dana Ruiz", org="OpenAI", date="2019", date_precision="year", quote="left in 2019")
    _report(reg, "profile", "2026-03-01", old)
    denial = reg.see_article(_article("denial", "2026-03-05"))
    assert plan_refutations(denial, [DENIAL], [], reg) == []


def test_a_correction_naming_a_date_only_touches_facts_from_that_day() -> None:
    reg = Registry()
    wrong = Claim(type="left", person="Dana Ruiz", org="Amazon", quote="Ruiz came from Amazon.")
    _report(reg, "march-3", "2026-03-03", wrong)
    fix = Refutation(type="left", person="Dana Ruiz", org="Amazon", quote="incorrectly said", kind="correction",
                     about="2026-03-02")
    notice = reg.see_article(_article("notice", "2026-03-06"))
    assert plan_refutations(notice, [fix], [], reg) == []
    fix = Refutation(type="left", person="Dana Ruiz", org="Amazon", quote="incorrectly said", kind="correction",
                     about="2026-03-03")
    assert [e.type for e in plan_refutations(notice, [fix], [], reg)] == [RETRACTED]


def test_an_unknown_person_is_never_created_by_a_refutation() -> None:
    reg = Registry()
    denial = reg.see_article(_article("denial", "2026-03-05"))
    assert plan_refutations(denial, [DENIAL], [], reg) == []
    assert reg.person_name == {}


def test_an_articles_own_refutation_withdraws_its_claims_told_up_to_there() -> None:
    claims = read_article("", "Omar Kassab will no longer join Amazon, the company said. "
                              "Dana Ruiz's planned move to Meta has fallen through.", "2026-03-05").claims
    assert not [c for c in claims if c.type == "joined"]
    # a move told after the denial happened later: it stays
    claims = read_article("", "In March, Dana Ruiz denied reports that she was leaving OpenAI. "
                              "In June, she left OpenAI to join Meta.", "2026-07-05").claims
    assert {(c.type, c.org) for c in claims} >= {("left", "OpenAI"), ("joined", "Meta")}


def test_a_description_resolved_by_coreference_gives_way_to_the_name_after_it() -> None:
    r = read_article("", "Ilan Bremer is a researcher at Anthropic. "
                         "He turned down an offer from the startup Quarrystone AI in January.", "2027-03-29")
    assert {x.org for x in r.refutations} == {"Quarrystone AI"}


@pytest.mark.parametrize("text", [
    "Alan Berg, who denied in 2023 that he was leaving Google, left Google in 2024.",
    "In 2019, Ken Sato was still at Google.",
    "Priya Raman is not joining Anthropic's safety team, a spokesperson said.",
])
def test_denials_of_another_time_or_another_thing(text: str) -> None:
    assert refs(text, "2026-07-05") == set()


def test_a_denied_job_says_nothing_of_a_board_seat() -> None:
    reg = Registry()
    seat = Claim(type="left", person="Dana Ruiz", org="OpenAI", role="board member", quote="left OpenAI's board")
    _report(reg, "board", "2026-03-01", seat)
    denial = reg.see_article(_article("denial", "2026-03-05"))
    assert plan_refutations(denial, [DENIAL], [], reg) == []


def test_a_side_post_kept_is_no_denial_of_leaving() -> None:
    assert refs("In addition, Karl Wendt remains honorary professor at the Technical University of Munich.") == set()
    assert refs("Karl Wendt remains an adviser at Mistral AI.") == set()
    # a side post elsewhere in the sentence does not matter
    got = refs("Ravi Sundar works part-time for Anthropic and remains a reader at University College London.")
    assert ("left", "Ravi Sundar", "University College London", "denial") in got
