"""Cross-article denials, fallen-through moves and corrections, through the real pipeline
(seed files -> extraction -> resolution -> log -> projections) into a real SQLite file (and
PostgreSQL when ROLLCALL_TEST_PG names one, through the shared `store` fixture):
a later article that says a reported move did not happen retracts the earlier fact, the log
keeps it, rosters follow, and a yet-later report records the move again. Every story here is
invented for the test."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.seedfiles import read_paths
from rollcall.ingestion import Ingestor
from store import log, queries
from store.db import Store
from store.events import RETRACTED


def article(folder: Path, name: str, published: str, title: str, body: str) -> Path:
    p = folder / name
    p.write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return p


def ingest(store: Store, *paths: Path):  # type: ignore[no-untyped-def]
    return Ingestor(store).ingest(read_paths([str(p) for p in paths]))


def facts(store: Store, person: str) -> list[dict]:
    with store.read() as c:
        return list(queries.facts(c, person=person, include_retracted=True))


def status(store: Store, person: str) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for f in facts(store, person):
        out.setdefault((f["type"], f["org"]["name"]), []).append(f["status"])
    return out


def members(store: Store, org: str, as_of: str) -> set[str]:
    with store.read() as c:
        return {m["person"]["name"] for m in queries.roster(c, org, as_of=as_of)["members"]}


REPORT = ("2026-03-02", "Dana Ruiz leaves OpenAI for Meta",
          "Dana Ruiz, a senior researcher at OpenAI, has left the company to join Meta's superintelligence lab, "
          "according to people familiar with the matter.")
DENIAL = ("2026-03-05", "Ruiz says she is staying put",
          "Dana Ruiz said on Tuesday she is not leaving OpenAI, denying reports that she would join Meta. "
          '"I love my team," she said.')
AGAIN = ("2026-06-10", "Ruiz joins Meta after all",
         "Dana Ruiz has left OpenAI and joined Meta, the company said on Monday.")


def test_a_later_denial_retracts_the_report_and_the_roster_keeps_the_person(store: Store, tmp_path: Path) -> None:
    a = article(tmp_path, "report.md", *REPORT)
    b = article(tmp_path, "denial.md", *DENIAL)
    ingest(store, a)
    assert status(store, "Dana Ruiz")[("left", "OpenAI")] == ["active"]
    assert "Dana Ruiz" not in members(store, "openai", "2026-04-01")
    report = ingest(store, b)
    assert report.facts_retracted == 2
    st = status(store, "Dana Ruiz")
    assert st[("left", "OpenAI")] == ["retracted"] and st[("joined", "Meta")] == ["retracted"]
    left = next(f for f in facts(store, "Dana Ruiz") if f["type"] == "left")
    assert "denial.md" in left["retract_reason"] and "not leaving OpenAI" in left["retract_reason"]
    # nothing deleted: the fact is still in the log, with its first source
    assert left["sources"][0]["path"].endswith("report.md")
    # the denial says she is at OpenAI: on the roster after it, not at Meta
    assert "Dana Ruiz" in members(store, "openai", "2026-04-01")
    assert "Dana Ruiz" not in members(store, "meta", "2026-04-01")
    # what the store knew before the denial is still answerable
    with store.read() as c:
        retraction = next(e for e in log.read(c) if e.type == RETRACTED)
        assert retraction.payload["by"] == "refutation" and retraction.payload["fact"] == left["id"]


def test_a_report_after_the_denial_records_the_move_again(store: Store, tmp_path: Path) -> None:
    paths = [article(tmp_path, n, *s) for n, s in (("1-report.md", REPORT), ("2-denial.md", DENIAL), ("3-again.md", AGAIN))]
    ingest(store, *paths)
    st = status(store, "Dana Ruiz")
    assert sorted(st[("left", "OpenAI")]) == ["active", "retracted"]
    assert sorted(st[("joined", "Meta")]) == ["active", "retracted"]
    assert "Dana Ruiz" in members(store, "meta", "2026-07-01")
    assert "Dana Ruiz" not in members(store, "openai", "2026-07-01")
    assert "Dana Ruiz" in members(store, "openai", "2026-04-01")
    # re-ingesting the same files appends nothing
    with store.read() as c:
        head = log.head(c)[0]
    ingest(store, *paths)
    with store.read() as c:
        assert log.head(c)[0] == head


def test_out_of_order_ingestion_is_decided_by_publication_date(store: Store, tmp_path: Path) -> None:
    # the denial arrives first; the older report, read later, is recorded and retracted at once
    ingest(store, article(tmp_path, "denial.md", *DENIAL))
    ingest(store, article(tmp_path, "report.md", *REPORT))
    st = status(store, "Dana Ruiz")
    assert st[("left", "OpenAI")] == ["retracted"] and st[("joined", "Meta")] == ["retracted"]
    assert "Dana Ruiz" in members(store, "openai", "2026-04-01")
    # a report published after the denial, even if read last, stands
    ingest(store, article(tmp_path, "again.md", *AGAIN))
    assert "active" in status(store, "Dana Ruiz")[("joined", "Meta")]


def test_a_hire_that_fell_through(store: Store, tmp_path: Path) -> None:
    hire = article(tmp_path, "hire.md", "2026-03-25", "Nimbus Robotics lands Tesla veteran as CTO",
                   "Nimbus Robotics has hired Thaddeus Orme, a senior engineer on Tesla's Optimus program, as its "
                   "chief technology officer. Orme will start in April.")
    off = article(tmp_path, "off.md", "2026-04-30", "Nimbus CTO hire falls through",
                  "Thaddeus Orme, the Tesla engineer whom Nimbus Robotics announced last month as its next chief "
                  "technology officer, will not be joining the company after all. Orme decided to remain at Tesla, "
                  "people familiar with the matter said.")
    ingest(store, hire)
    assert "Thaddeus Orme" in members(store, "Nimbus Robotics", "2026-04-15")
    ingest(store, off)
    st = status(store, "Thaddeus Orme")
    assert st[("joined", "Nimbus Robotics")] == ["retracted"]
    assert "Thaddeus Orme" not in members(store, "Nimbus Robotics", "2026-06-01")
    assert "Thaddeus Orme" in members(store, "Tesla", "2026-06-01")


def test_a_correction_notice_names_the_wrong_org_and_keeps_the_right_one(store: Store, tmp_path: Path) -> None:
    hire = article(tmp_path, "hire.md", "2026-04-09", "Cohere hires training lead",
                   "Cohere has hired Hollis Brenner to be its vice president of model training, the Toronto company "
                   "said on Thursday. Brenner joins from Google, where he led a team responsible for training efficiency.")
    fix = article(tmp_path, "corrections.md", "2026-04-10", "Corrections",
                  "Correction: An article published on April 9 about Cohere incorrectly said Hollis Brenner came from "
                  "Google; he came from Microsoft.")
    ingest(store, hire, fix)
    st = status(store, "Hollis Brenner")
    assert st[("left", "Google")] == ["retracted"]
    assert st[("joined", "Cohere")] == ["active"]
    assert not any(o == "Microsoft" and "retracted" in s for (_, o), s in st.items())


def test_im_not_leaving_from_someone_taking_a_second_post(store: Store, tmp_path: Path) -> None:
    hire = article(tmp_path, "hire.md", "2026-02-01", "Anthropic hires MIT professor",
                   "Anthropic has hired Tom Hale, a professor of computer science at MIT, as a part-time research "
                   "scientist. Hale joined Anthropic this week.")
    later = article(tmp_path, "later.md", "2026-02-20", "Hale on his new job",
                    'Tom Hale said the arrangement lets him keep teaching. "My students are why I\'m still here," '
                    'he said. "I\'m not leaving MIT."')
    ingest(store, hire, later)
    st = status(store, "Tom Hale")
    assert st.get(("left", "MIT"), ["retracted"]) == ["retracted"]
    assert st[("joined", "Anthropic")] == ["active"]
    assert "Tom Hale" in members(store, "MIT", "2026-03-01")
    assert "Tom Hale" in members(store, "Anthropic", "2026-03-01")


def test_what_refutes_nothing_retracts_nothing(store: Store, tmp_path: Path) -> None:
    first = article(tmp_path, "first.md", "2026-01-10", "Berg goes to Meta",
                    "Alan Berg has left OpenAI to join Meta as a research director, the company said on Friday. "
                    "Mara Lind, a professor at MIT, has left MIT to join Anthropic.")
    second = article(tmp_path, "second.md", "2026-02-10", "Meta's new lab",
                     "Alan Berg, who left OpenAI to join Meta in January, said the lab would publish more. "
                     "Mara Lind denied that she was unhappy at MIT. "
                     "Carla Diaz stayed at Google for six years before joining Meta.")
    report = ingest(store, first, second)
    assert report.facts_retracted == 0
    for person in ("Alan Berg", "Mara Lind"):
        assert all(s == ["active"] for s in status(store, person).values())
    with store.read() as c:
        assert not any(e.type == RETRACTED for e in log.read(c))


def test_an_articles_own_denial_stays_in_article_logic(store: Store, tmp_path: Path) -> None:
    # one article reports the rumour and the denial: no fact, nothing to retract
    one = article(tmp_path, "one.md", "2026-05-01", "Rumour denied",
                  "A gossip account posted that Sofia Brandl had signed with Perplexity. Sofia Brandl, head of "
                  "partnerships at Hugging Face, denied the report.")
    report = ingest(store, one)
    assert report.facts_retracted == 0
    assert ("joined", "Perplexity") not in status(store, "Sofia Brandl")


REPO = Path(__file__).resolve().parents[1]


def rc(db: str, *args: str) -> list[dict]:
    env = {**os.environ, "ROLLCALL_DB": db}
    p = subprocess.run([sys.executable, "-m", "rollcall", *args], capture_output=True, text=True, env=env,
                       timeout=120, cwd=REPO)
    assert p.returncode == 0, p.stderr
    return [json.loads(x) for x in p.stdout.splitlines() if x.strip()]


def test_events_json_shows_the_retracted_fact_only_when_asked(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    folder = tmp_path / "news"
    folder.mkdir()
    article(folder, "report.md", *REPORT)
    article(folder, "denial.md", *DENIAL)
    rc(db, "ingest", str(folder), "--json")
    shown = rc(db, "events", "--json", "--person", "Dana Ruiz")
    assert not any(e["type"] == "left" for e in shown) and all(e["status"] == "active" for e in shown)
    everything = rc(db, "events", "--json", "--person", "Dana Ruiz", "--include-retracted")
    left = [e for e in everything if e["type"] == "left"]
    assert len(left) == 1 and left[0]["status"] == "retracted" and left[0]["org"]["name"] == "OpenAI"
    assert rc(db, "verify", "--json")


def test_reextract_applies_refutations_to_a_store_read_without_them(store: Store, tmp_path: Path) -> None:
    from ingest.extract import extract_claims
    from rollcall.ingestion import reextract

    paths = [article(tmp_path, "report.md", *REPORT), article(tmp_path, "denial.md", *DENIAL)]
    Ingestor(store, extractor=extract_claims).ingest(read_paths([str(p) for p in paths]))   # claims only
    assert status(store, "Dana Ruiz")[("left", "OpenAI")] == ["active"]
    out = reextract(store)
    assert out["retracted"] == 2
    st = status(store, "Dana Ruiz")
    assert st[("left", "OpenAI")] == ["retracted"] and st[("joined", "Meta")] == ["retracted"]
    assert "Dana Ruiz" in members(store, "openai", "2026-04-01")
    assert reextract(store)["retracted"] == 0   # once


OKONKWO = ("Rafael Okonkwo, who led retrieval research at Cohere, left the Toronto company last month and has joined "
           "{org}'s AGI organization, where he will work on retrieval for its models. Okonkwo spent four years at Cohere "
           "and was one of the main authors of its Rerank models. Cohere chief executive Aidan Gomez thanked him in a "
           "post on LinkedIn, calling Rerank one of the quiet workhorses of enterprise AI. The company has been hiring "
           "steadily for its AGI group in San Francisco and Seattle. A company spokesperson said Okonkwo would report "
           "to the group's head of foundation models but did not name that person. Analysts said the hire reflects a "
           "wider push into enterprise search, where retrieval quality decides which vendor wins large contracts.")


def test_an_updated_version_with_a_correction_is_more_than_a_copy(store: Store, tmp_path: Path) -> None:
    first = article(tmp_path, "v1.md", "2025-09-03", "Cohere retrieval lead joins big tech", OKONKWO.format(org="Microsoft"))
    fixed = article(tmp_path, "v2.md", "2025-09-03", "Cohere retrieval lead joins big tech",
                    OKONKWO.format(org="Amazon") + "\n\nCorrection, September 4, 2025: An earlier version of this "
                    "article said Okonkwo had joined Microsoft. He joined Amazon's AGI organization.")
    copy = article(tmp_path, "v3.md", "2025-09-05", "Cohere retrieval lead joins big tech (syndicated)",
                   OKONKWO.format(org="Amazon") + " Reporting by the wire.")
    ingest(store, first)
    report = ingest(store, fixed, copy)
    assert report.facts_retracted == 1 and [d["source"] for d in report.duplicates] == [str(copy)]
    st = status(store, "Rafael Okonkwo")
    assert st[("joined", "Microsoft")] == ["retracted"] and st[("joined", "Amazon")] == ["active"]
    assert st[("left", "Cohere")] == ["active"]


def test_one_batch_read_out_of_order_gives_the_same_answer(store: Store, tmp_path: Path) -> None:
    # files are read in name order: the denial first, the older report second, in one batch
    a = article(tmp_path, "a-denial.md", *DENIAL)
    b = article(tmp_path, "b-report.md", *REPORT)
    assert ingest(store, a, b).facts_retracted == 2
    assert "Dana Ruiz" in members(store, "openai", "2026-04-01")


def undated(folder: Path, name: str, title: str, body: str) -> Path:
    p = folder / name
    p.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return p


def test_undated_articles_are_ordered_by_ingestion(store: Store, tmp_path: Path) -> None:
    report = undated(tmp_path, "report.txt", "Ruiz leaves OpenAI", REPORT[2])
    denial = undated(tmp_path, "denial.txt", "Ruiz stays", "Dana Ruiz said she is not leaving OpenAI.")
    ingest(store, report)
    ingest(store, denial)
    assert status(store, "Dana Ruiz")[("left", "OpenAI")] == ["retracted"]


def test_an_undated_report_read_after_an_undated_denial_stands(store: Store, tmp_path: Path) -> None:
    denial = undated(tmp_path, "denial.txt", "Ruiz stays", "Dana Ruiz said she is not leaving OpenAI.")
    report = undated(tmp_path, "report.txt", "Ruiz leaves OpenAI", REPORT[2])
    ingest(store, denial)
    ingest(store, report)
    assert status(store, "Dana Ruiz")[("left", "OpenAI")] == ["active"]
