"""The ingestion shell on both engines: articles in, facts once, duplicates recognized,
re-runs append nothing, bad input rejected without touching what is stored."""
from __future__ import annotations

from pathlib import Path

from ingest.seedfiles import read_paths
from rollcall.ingestion import Ingestor, reextract
from store import log, queries
from store.db import Store

WIRE = """---
title: Lena Park leaves Cohere for Mistral
url: https://news.example.com/park-mistral?utm_source=x
published: 2025-04-10
---
Lena Park, who led the embeddings team at Cohere, has left the company to join Mistral as head of retrieval, she said on Wednesday.
Park joined Cohere in 2021. Her new team in Paris will work on search.
Cohere's chief executive Aidan Gomez thanked her in a statement.
"""

BLOG = """Mistral hires Cohere's embeddings lead
A short note on a notable move.

Mistral has hired Lena Park away from Cohere. Park will run retrieval research at the Paris company, according to a post on her blog this week.
Industry watchers said the move strengthens Mistral's enterprise push.
"""


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def ingest(store: Store, *paths: Path):  # type: ignore[no-untyped-def]
    return Ingestor(store).ingest(read_paths([str(p) for p in paths]))


def test_one_move_from_two_articles_is_one_fact_with_two_sources(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.md", WIRE)
    write(tmp_path, "b.txt", BLOG)
    report = ingest(store, tmp_path)
    assert len(report.new) == 2 and not report.rejected
    with store.read() as c:
        facts = list(queries.facts(c))
        joined = [f for f in facts if f["type"] == "joined" and f["org"]["name"] == "Mistral"]
        assert len(joined) == 1 and joined[0]["person"]["name"] == "Lena Park"
        assert len(joined[0]["sources"]) == 2
        left = [f for f in facts if f["type"] == "left" and f["org"]["name"] == "Cohere"]
        assert len(left) == 1
        assert {m["person"]["name"] for m in queries.roster(c, "mistral", as_of="2025-06-01")["members"]} == {"Lena Park"}


def test_reingesting_appends_nothing_and_copies_are_duplicates(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.md", WIRE)
    ingest(store, tmp_path)
    with store.read() as c:
        before = log.head(c)[0]
    again = ingest(store, tmp_path)
    assert len(again.unchanged) == 1 and not again.new
    with store.read() as c:
        assert log.head(c)[0] == before
    copies = tmp_path / "copies"
    copies.mkdir()
    write(copies, "exact.md", WIRE.replace("park-mistral?utm_source=x", "syndicated/park"))
    body = WIRE.split("---\n", 2)[2]
    write(copies, "near.txt", "Syndicated: Park departs Cohere\n\n" + body + "\nThis story first appeared on news.example.com. All rights reserved.\n")
    report = ingest(store, copies)
    assert sorted(d["match"] for d in report.duplicates) == ["exact", "near"]
    with store.read() as c:
        joined = [f for f in queries.facts(c) if f["type"] == "joined" and f["org"]["id"] == "mistral"]
        assert len(joined) == 1 and len(joined[0]["sources"]) == 1


def test_bad_files_are_rejected_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.md", WIRE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    report = ingest(store, tmp_path)
    assert len(report.new) == 1
    assert {Path(r["source"]).name for r in report.rejected} == {"empty.txt", "binary.txt"}
    assert all(r["reason"] for r in report.rejected)


def test_an_oversized_article_is_rejected_with_its_size(store: Store, tmp_path: Path) -> None:
    from rollcall.ingestion import MAX_ARTICLE_CHARS

    write(tmp_path, "a.md", WIRE)
    write(tmp_path, "dump.txt", "Headline\n\n" + ("word " * (MAX_ARTICLE_CHARS // 5 + 10)))
    report = ingest(store, tmp_path)
    assert len(report.new) == 1
    (r,) = report.rejected
    assert r["source"].endswith("dump.txt") and "limit" in r["reason"]


def test_reextract_appends_only_differences(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.md", WIRE)
    Ingestor(store).ingest(read_paths([str(tmp_path)]))
    with store.read() as c:
        n = log.head(c)[0]
    assert reextract(store)["facts_added"] == 0
    with store.read() as c:
        assert log.head(c)[0] == n

    def forgetful(title: str, text: str, published: str | None):  # type: ignore[no-untyped-def]
        from ingest.extract import extract_claims

        return [c for c in extract_claims(title, text, published) if c.type != "left"]

    r = reextract(store, forgetful)
    assert r["retracted"] >= 1 and r["facts_added"] == 0
    with store.read() as c:
        statuses = {(f["type"], f["org"]["id"]): f["status"] for f in queries.facts(c, include_retracted=True)}
        assert statuses[("left", "cohere")] == "retracted" and statuses[("joined", "mistral")] == "active"


def test_reextract_reads_with_the_stored_byline(store: Store, tmp_path: Path) -> None:
    """A first-person post needs its author to name the person; reextract must pass the
    byline it was ingested with, not forget it."""
    write(tmp_path, "post.md", "---\ntitle: Personal news\nauthor: Mara Quell\npublished: 2026-04-02\n---\n"
                               "After six years at Cohere, I am joining Mistral to lead its inference team.\n")
    Ingestor(store).ingest(read_paths([str(tmp_path)]))
    seen: list = []

    def recording(title: str, text: str, published: str | None, author: str | None = None):  # type: ignore[no-untyped-def]
        from ingest.extract import extract_claims

        seen.append(author)
        return extract_claims(title, text, published, author=author)

    r = reextract(store, recording)
    assert seen == ["Mara Quell"] and r["retracted"] == 0 and r["facts_added"] == 0
    with store.read() as c:
        assert {f["person"]["name"] for f in queries.facts(c)} == {"Mara Quell"}


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>AI moves</title><link>http://127.0.0.1/</link>
<item><title>Lena Park joins Mistral</title><link>http://127.0.0.1/park?utm_campaign=rss</link>
<guid>park-1</guid><pubDate>Thu, 10 Apr 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Lena Park has left Cohere to join Mistral as head of retrieval, the company said on Thursday.&lt;/p&gt;</description></item>
<item><title>&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Omar Said joins xAI</title>
<link>http://127.0.0.1/said</link><guid>said-1</guid><pubDate>Fri, 11 Apr 2025 09:00:00 GMT</pubDate>
<description>Omar Said joined xAI this week as a member of technical staff.&lt;script&gt;steal()&lt;/script&gt;</description></item>
</channel></rss>"""


def test_feed_url_ingested_once_as_text(store: Store) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from feedserver import FeedServer

    from rollcall.sources import read_sources

    with FeedServer() as server:
        server.add_route("/feed.xml", RSS.encode(), headers={"Content-Type": "application/rss+xml"})
        items, n = read_sources([], [server.url("/feed.xml")])
        report = Ingestor(store).ingest(items)
        assert len(report.new) == 2 and n == 2
        items, _ = read_sources([], [server.url("/feed.xml")])
        with store.read() as c:
            before = log.head(c)[0]
        again = Ingestor(store).ingest(items)
        assert not again.new and len(again.unchanged) == 2
        with store.read() as c:
            assert log.head(c)[0] == before
            bodies = [r[0] + r[1] for r in c.exec_driver_sql("SELECT title, text FROM rc_articles")]
            facts = list(queries.facts(c))
    assert len(bodies) == 2 and not any("<" in b or "pwned" in b or "steal" in b for b in bodies)
    assert any(f["person"]["name"] == "Lena Park" and f["org"]["name"] == "Mistral" for f in facts)
    assert all(f["sources"][0]["url"].startswith("http://127.0.0.1/") for f in facts)
