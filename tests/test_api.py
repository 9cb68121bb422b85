"""The HTTP API for real: uvicorn on 127.0.0.1 in a thread, a real store filled from the
project's seed articles, httpx as the client. No mocks."""
from __future__ import annotations

import time
from urllib.parse import quote

import httpx
import pytest

from rollcall.web.server import create_app
from store.db import Store
from webserver import ingest_seeds, running_app

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'rollcall.db'}")
    report = ingest_seeds(s)
    assert report.new and not report.rejected
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def base(seeded_store):
    """Read-mostly server shared by the read tests (writes here are feeds only)."""
    with running_app(create_app(seeded_store, token=TOKEN)) as url:
        yield url


@pytest.fixture
def client(base):
    with httpx.Client(base_url=base, timeout=20) as c:
        yield c


def names(members):
    return {m["person"]["name"] for m in members}


# -- reads -------------------------------------------------------------------------------------
def test_orgs_and_rosters_on_both_time_axes(client):
    orgs = client.get("/api/orgs").json()["orgs"]
    assert {"id": "openai", "name": "OpenAI"} in orgs

    r = client.get("/api/rosters/openai", params={"as_of": "2026-02-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["org"] == {"id": "openai", "name": "OpenAI"} and body["as_of"] == "2026-02-01"
    assert "Max Schwarzer" in names(body["members"])
    member = next(m for m in body["members"] if m["person"]["name"] == "Max Schwarzer")
    assert set(member) >= {"person", "role", "since", "sources"}
    assert member["sources"] and all("quote" in s and "title" in s for s in member["sources"])

    # valid time: after he left OpenAI for Anthropic
    assert "Max Schwarzer" not in names(client.get("/api/rosters/openai", params={"as_of": "2026-04-01"}).json()["members"])
    assert "Max Schwarzer" in names(client.get("/api/rosters/anthropic", params={"as_of": "2026-04-01"}).json()["members"])
    # any alias or case finds the organization
    assert client.get("/api/rosters/OPENAI", params={"as_of": "2026-02-01"}).json()["org"]["id"] == "openai"

    # transaction time: before anything was recorded the store knew of no one anywhere
    empty = client.get("/api/replay", params={"to": "2026-02-01", "known_at": "2000-01-01T00:00:00Z"}).json()
    assert empty["rosters"] == [] and empty["known_at"] == "2000-01-01T00:00:00Z"


def test_replay_person_flows(client):
    r = client.get("/api/replay", params={"to": "2026-02-01"}).json()
    by_org = {ros["org"]["id"]: ros for ros in r["rosters"]}
    assert r["as_of"] == "2026-02-01" and "Max Schwarzer" in names(by_org["openai"]["members"])
    # a page per lab: the first member in roster order, every lab still counted in full
    one = client.get("/api/replay", params={"to": "2026-02-01", "limit": 1}).json()
    assert [ros["org"]["id"] for ros in one["rosters"]] == [ros["org"]["id"] for ros in r["rosters"]]
    for ros in one["rosters"]:
        whole = by_org[ros["org"]["id"]]
        assert ros["total"] == whole["total"] == len(whole["members"])
        assert ros["members"] == whole["members"][:1]

    p = client.get("/api/people/" + quote("Max Schwarzer"))
    assert p.status_code == 200
    person = p.json()
    assert person["person"]["id"] == "max-schwarzer"
    assert {(t["type"], t["org"]["id"]) for t in person["timeline"]} >= {("joined", "openai"), ("left", "openai"),
                                                                         ("joined", "anthropic")}
    assert all(t["sources"] and t["sources"][0]["quote"] for t in person["timeline"])
    assert client.get("/api/people/schwarzer").json()["person"]["id"] == "max-schwarzer"  # a unique surname

    flows = client.get("/api/flows", params={"from": "2026-01-01", "to": "2026-12-31"}).json()
    assert any(f["from"]["id"] == "openai" and f["to"]["id"] == "anthropic" and "Max Schwarzer" in f["people"]
               for f in flows["flows"])
    assert all("2026-01-01" <= m["date"][:10] for m in flows["moves"])
    none = client.get("/api/flows", params={"from": "1990-01-01", "to": "1990-12-31"}).json()
    assert none["flows"] == [] and none["moves"] == []


def test_unknown_names_are_404_with_a_message(client):
    for path in ("/api/rosters/No%20Such%20Lab", "/api/people/Nobody%20Atall%20Here"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "no " in r.json()["detail"] and "known" in r.json()["detail"]
    r = client.get("/api/events", params={"person": "Nobody Atall Here"})
    assert r.status_code == 404 and "Nobody Atall Here" in r.json()["detail"]
    assert client.get("/api/no-such-endpoint").status_code == 404


@pytest.mark.parametrize("path,params", [
    ("/api/rosters/openai", {"as_of": "2026-13-01"}),
    ("/api/rosters/openai", {"as_of": "2026-02-30"}),
    ("/api/rosters/openai", {"as_of": "yesterday"}),
    ("/api/rosters/openai", {"as_of": "2026-2-1"}),
    ("/api/rosters/openai", {"known_at": "not a time"}),
    ("/api/rosters/openai", {"known_at": "2026-02-30"}),
    ("/api/replay", {"to": "20260201"}),
    ("/api/replay", {"known_at": "2026-01-01T25:00:00"}),
    ("/api/people/max-schwarzer", {"known_at": "soon"}),
    ("/api/flows", {"from": "2026-01-01", "to": "2025-01-01"}),
    ("/api/flows", {"from": "Jan 2026"}),
    ("/api/events", {"limit": "0"}),
    ("/api/events", {"limit": "1001"}),
    ("/api/events", {"limit": "ten"}),
    ("/api/events", {"offset": "-1"}),
    ("/api/events", {"type": "hired"}),
    ("/api/events", {"include_retracted": "maybe"}),
    ("/api/events", {"known_at": "2026-99-99"}),
    ("/api/articles", {"limit": "5000"}),
])
def test_bad_parameters_are_422(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422, (path, params, r.text)
    assert r.json()["detail"]


def test_events_pagination_walks_the_whole_log_once(client):
    whole = client.get("/api/events", params={"limit": 1000, "include_retracted": "true"}).json()
    assert whole["next_offset"] is None and whole["offset"] == 0 and whole["limit"] == 1000
    assert len(whole["items"]) > 10
    seen, offset, pages = [], 0, 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 7, "offset": offset, "include_retracted": "true"}).json()
        assert page["offset"] == offset and page["limit"] == 7 and len(page["items"]) <= 7
        seen += [f["id"] for f in page["items"]]
        offset = page["next_offset"]
        pages += 1
    assert seen == [f["id"] for f in whole["items"]]
    assert pages == -(-len(seen) // 7) or pages == len(seen) // 7 + 1
    positions = [f["position"] for f in whole["items"]]
    assert positions == sorted(positions)
    f = whole["items"][0]
    assert set(f) >= {"id", "position", "type", "person", "org", "role", "date", "date_precision",
                      "recorded_at", "status", "confidence", "sources"}
    past_end = client.get("/api/events", params={"offset": 10_000}).json()
    assert past_end["items"] == [] and past_end["next_offset"] is None
    joined = client.get("/api/events", params={"type": "joined", "org": "Anthropic", "limit": 1000}).json()["items"]
    assert joined and all(x["type"] == "joined" and x["org"]["id"] == "anthropic" for x in joined)


def test_articles_stats_health_metrics_openapi(client):
    arts = client.get("/api/articles", params={"limit": 5}).json()
    assert len(arts["items"]) == 5 and arts["next_offset"] == 5 and arts["items"][0]["title"]
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 15 and stats["facts"] > 10 and stats["events"] > stats["facts"]

    h = client.get("/healthz")
    assert h.status_code == 200 and h.json()["ok"] is True
    m = client.get("/metrics")
    assert m.status_code == 200 and m.headers["content-type"].startswith("text/plain")
    assert "rollcall_events_total " in m.text and 'rollcall_facts{status="active"}' in m.text

    spec = client.get("/openapi.json").json()
    for path in ("/api/orgs", "/api/rosters/{org}", "/api/replay", "/api/people/{name}", "/api/events",
                 "/api/flows", "/api/feeds", "/api/retractions", "/api/merges", "/healthz", "/metrics"):
        assert path in spec["paths"], path
    assert set(spec["paths"]["/api/feeds"]) == {"get", "post", "delete"}


def test_page_and_static_files_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text and "http" not in page.text.split("<body>")[0].replace("http-equiv", "")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    for f in ("app.js", "app.css"):
        assert client.get(f"/static/{f}").status_code == 200
    assert client.get("/static/../server.py").status_code == 404


# -- the token rule ----------------------------------------------------------------------------
def test_writes_need_the_token(client):
    body = {"url": "https://93.184.216.34/feed.xml", "every": "15m"}
    r = client.post("/api/feeds", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = client.post("/api/feeds", json=body, headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 403 and "wrong-token" not in r.text and TOKEN not in r.text
    r = client.post("/api/feeds", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    r = client.post("/api/feeds", json=body, headers={"Authorization": f"Bearer {TOKEN}x"})
    assert r.status_code == 403
    for path in ("/api/retractions", "/api/merges"):
        assert client.post(path, json={}).status_code == 401
    assert client.delete("/api/feeds", params={"url": body["url"]}).status_code == 401
    # the right token passes
    r = client.post("/api/feeds", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    assert client.delete("/api/feeds", params={"url": body["url"]}, headers=AUTH).status_code == 200


def test_no_token_configured_refuses_writes_and_protected_reads(seeded_store):
    with running_app(create_app(seeded_store)) as base, httpx.Client(base_url=base) as c:
        for auth in ({}, AUTH):
            r = c.post("/api/feeds", json={"url": "https://93.184.216.34/f"}, headers=auth)
            assert r.status_code == 403 and "no write token configured" in r.json()["detail"]
        assert c.get("/api/orgs").status_code == 200  # reads stay open
    with running_app(create_app(seeded_store, token=TOKEN, protect_reads=True)) as base, \
            httpx.Client(base_url=base) as c:
        for path in ("/api/orgs", "/api/events", "/api/feeds", "/api/people/max-schwarzer", "/metrics"):
            assert c.get(path).status_code == 401, path
            assert c.get(path, headers={"Authorization": "Bearer nope"}).status_code == 403, path
            assert c.get(path, headers=AUTH).status_code == 200, path
        assert c.get("/healthz").status_code == 200  # probes need no token
        assert c.get("/").status_code == 200  # the page itself holds no data


# -- feeds and the SSRF rule -------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/feed.xml", "http://localhost/feed", "http://feeds.localhost/x", "http://10.1.2.3/rss",
    "http://192.168.0.10/rss", "http://172.16.5.4/rss", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/feed", "http://[::ffff:127.0.0.1]/feed", "http://0.0.0.0/feed", "http://2130706433/feed",
    "ftp://93.184.216.34/feed", "file:///etc/passwd", "javascript:alert(1)", "gopher://93.184.216.34/",
    "http:///nohost", "not a url", "https://user:pw@93.184.216.34/feed",
])
def test_feed_urls_refused(client, url):
    r = client.post("/api/feeds", json={"url": url, "every": "15m"}, headers=AUTH)
    assert r.status_code == 422, (url, r.text)
    assert url.strip() not in {f["url"] for f in client.get("/api/feeds").json()["feeds"]}


def test_feeds_add_list_update_remove(client):
    url = "https://93.184.216.34/ai-news.xml"
    r = client.post("/api/feeds", json={"url": url, "every": "30m"}, headers=AUTH)
    assert r.status_code == 201 and r.json() == {"url": url, "every": "30m", "added": True}
    listed = {f["url"]: f for f in client.get("/api/feeds").json()["feeds"]}
    assert listed[url]["every"] == "30m" and listed[url]["interval_s"] == 1800
    r = client.post("/api/feeds", json={"url": url, "every": "1h"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["added"] is False
    assert {f["url"]: f for f in client.get("/api/feeds").json()["feeds"]}[url]["every"] == "1h"
    assert client.post("/api/feeds", json={"url": url, "every": "soon"}, headers=AUTH).status_code == 422
    assert client.post("/api/feeds", json={"every": "1h"}, headers=AUTH).status_code == 422
    assert client.post("/api/feeds", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
                       ).status_code == 422
    assert client.delete("/api/feeds", headers=AUTH).status_code == 422
    assert client.delete("/api/feeds", params={"url": url}, headers=AUTH).json() == {"removed": url}
    r = client.delete("/api/feeds", params={"url": url}, headers=AUTH)
    assert r.status_code == 404 and url in r.json()["detail"]


def test_internal_feeds_allowed_when_configured(seeded_store):
    with running_app(create_app(seeded_store, token=TOKEN, allow_internal_feeds=True)) as base, \
            httpx.Client(base_url=base) as c:
        url = "http://127.0.0.1:9/feed.xml"
        assert c.post("/api/feeds", json={"url": url}, headers=AUTH).status_code == 201
        assert c.post("/api/feeds", json={"url": "file:///etc/passwd"}, headers=AUTH).status_code == 422
        assert c.delete("/api/feeds", params={"url": url}, headers=AUTH).status_code == 200


# -- health and metrics hooks ------------------------------------------------------------------
def test_health_and_metrics_callables(seeded_store):
    def boom() -> dict:
        raise RuntimeError("db gone")

    for health, code in ((lambda: {"ok": True, "feeds": 3}, 200), (lambda: {"ok": False, "why": "stale"}, 503),
                         (lambda: {"status": "degraded"}, 503), (boom, 503)):
        app = create_app(seeded_store, health=health, metrics=lambda: "rollcall_custom 1\n")
        with running_app(app) as base:
            r = httpx.get(base + "/healthz")
            assert r.status_code == code and r.headers["content-type"] == "application/json"
            assert httpx.get(base + "/metrics").text == "rollcall_custom 1\n"


def test_health_503_when_the_database_is_unreachable():
    s = Store("postgresql+psycopg://rollcall@127.0.0.1:9/nothing?connect_timeout=2", create=False)
    with running_app(create_app(s)) as base:
        r = httpx.get(base + "/healthz", timeout=20)
        assert r.status_code == 503 and r.json()["ok"] is False
        assert "127.0.0.1:9" not in r.text  # the type of failure, not connection details


# -- corrections, on both engines -------------------------------------------------------------
def test_retractions_and_merges(db_url):
    store = Store(db_url)
    try:
        ingest_seeds(store)
        with running_app(create_app(store, token=TOKEN)) as base, httpx.Client(base_url=base, timeout=30) as c:
            fact = next(f for f in c.get("/api/events", params={"person": "Max Schwarzer", "org": "OpenAI",
                                                                 "type": "joined"}).json()["items"])
            assert "Max Schwarzer" in names(c.get("/api/rosters/openai", params={"as_of": "2025-01-01"}).json()["members"])
            before = c.get("/api/stats").json()["last_recorded_at"]
            time.sleep(0.01)

            assert c.post("/api/retractions", json={"event_id": fact["id"], "reason": "x"}).status_code == 401
            r = c.post("/api/retractions", json={"event_id": "evt_nope", "reason": "typo"}, headers=AUTH)
            assert r.status_code == 404 and "evt_nope" in r.json()["detail"]
            assert c.post("/api/retractions", json={"event_id": fact["id"]}, headers=AUTH).status_code == 422
            assert c.post("/api/retractions", json={"event_id": fact["id"], "reason": "   "},
                          headers=AUTH).status_code == 422
            r = c.post("/api/retractions", json={"event_id": fact["id"], "reason": "wrong reading"}, headers=AUTH)
            assert r.status_code == 201, r.text
            assert r.json()["retracted"] == fact["id"] and r.json()["position"] > fact["position"]
            r = c.post("/api/retractions", json={"event_id": fact["id"], "reason": "again"}, headers=AUTH)
            assert r.status_code == 409 and "already retracted" in r.json()["detail"]

            # the fact stops counting, the log keeps it, and the past is still answerable
            ids = [f["id"] for f in c.get("/api/events", params={"limit": 1000}).json()["items"]]
            assert fact["id"] not in ids
            everything = c.get("/api/events", params={"limit": 1000, "include_retracted": "true"}).json()["items"]
            gone = next(f for f in everything if f["id"] == fact["id"])
            assert gone["status"] == "retracted" and gone["retract_reason"] == "wrong reading"
            then = c.get("/api/events", params={"limit": 1000, "include_retracted": "true", "known_at": before}).json()
            assert next(f for f in then["items"] if f["id"] == fact["id"])["status"] == "active"
            timeline = c.get("/api/people/max-schwarzer").json()["timeline"]
            assert next(t for t in timeline if t["id"] == fact["id"])["status"] == "retracted"

            # merges
            assert c.post("/api/merges", json={"a": "Daniel Gross", "b": "Daniel Levy"}).status_code == 401
            r = c.post("/api/merges", json={"a": "Daniel Gross", "b": "Nobody Atall Here"}, headers=AUTH)
            assert r.status_code == 404
            r = c.post("/api/merges", json={"a": "Daniel Gross", "b": "daniel gross"}, headers=AUTH)
            assert r.status_code == 409
            assert c.post("/api/merges", json={"a": "x", "b": "y", "kind": "planet"}, headers=AUTH).status_code == 422
            r = c.post("/api/merges", json={"a": "Daniel Gross", "b": "Daniel Levy", "kind": "person"}, headers=AUTH)
            assert r.status_code == 201, r.text
            assert r.json()["kind"] == "person" and r.json()["into"] == "daniel-gross"
            assert c.get("/api/people/Daniel Levy").json()["person"]["id"] == "daniel-gross"
            assert c.get("/metrics").text.count('rollcall_facts{status="retracted"} 1') == 1
    finally:
        store.dispose()
