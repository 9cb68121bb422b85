"""Hostile text that got *into* the store comes back out of the API as inert JSON, and the web
page never turns a stored URL into a `javascript:` (or other non-http) link.

tests/test_api.py covers the API's own input rules (bad parameters, tokens, SSRF on feed URLs);
this file covers what articles smuggle in: HTML and script in quotes, roles and titles, SQL
metacharacters in names, bidi overrides and zero-width characters, and article URLs with
`javascript:`/`data:` schemes (stored directly, as an older or buggy reader might have).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from ingest.model import Article
from rollcall.ingestion import Ingestor
from rollcall.integrity import verify_store
from rollcall.web.server import create_app
from store.db import Store
from webserver import running_app

APP_JS = Path(__file__).resolve().parents[1] / "rollcall" / "web" / "static" / "app.js"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
SQL = "Robert'); DROP TABLE rc_events;--"
RLO = "\u202e"

HOSTILE = [
    Article(title=f"Dara Holloway joins OpenAI {SCRIPT}",
            text=f"Dara Holloway joined OpenAI as chief {IMG} scientist on March 3, 2026. {SCRIPT}",
            url="javascript:alert(document.cookie)", published="2026-03-04", source=f"Wire {IMG}"),
    Article(title=f"Jonas Ingersoll leaves Anthropic: \"{SQL}\"",
            text=f"Jonas Ingersoll left Anthropic on March 5, 2026, he said in a post titled \"{SQL}\".",
            url="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", published="2026-03-06"),
    Article(title=f"Hana{RLO}gnp.exe Mistral",
            text=f"Hana Castellano joined Mistral AI on March 7, 2026.{RLO} The\u200b lab\u2066 said so.",
            url="https://news.example.com/a?x=\"><script>alert(3)</script>", published="2026-03-08"),
    Article(title="Aino Fairbanks joins Cohere",
            text="Aino Fairbanks joined Cohere on March 9, 2026, according to a %27 OR 1=1 -- report.",
            url="JaVaScRiPt:alert(4)", published="2026-03-10"),
]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'rollcall.db'}")
    report = Ingestor(s).ingest(HOSTILE)
    assert len(report.new) == len(HOSTILE) and report.facts_new >= 4
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def client(hostile_store):
    with running_app(create_app(hostile_store, token="t")) as url:
        with httpx.Client(base_url=url, timeout=20) as c:
            yield c


def strings(value):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def get_json(client: httpx.Client, path: str) -> object:
    r = client.get(path)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers.get("x-content-type-options") == "nosniff" or "nosniff" in str(r.headers).lower()
    return r.json()


def test_hostile_text_comes_back_verbatim_as_json_strings(client: httpx.Client) -> None:
    events = get_json(client, "/api/events?limit=1000")
    articles = get_json(client, "/api/articles?limit=1000")
    texts = list(strings(events)) + list(strings(articles))
    # the markup is data: present as text exactly as written, never as structure
    assert any(SCRIPT in t for t in texts)
    assert any(IMG in t for t in texts)
    assert any(SQL in t for t in texts)
    assert any(RLO in t for t in texts)
    quotes = [s["quote"] for e in events["items"] for s in e["sources"]]
    assert any(IMG in q for q in quotes)
    roles = [e["role"] for e in events["items"] if e["role"]]
    assert any("<img" in r for r in roles), roles  # markup read into a role stays text
    # JSON escaping: the raw body never carries a literal tag a sniffing browser could run
    raw = client.get("/api/events?limit=1000").text
    assert json.loads(raw) == events


def test_names_with_sql_and_markup_are_404s_not_errors(client: httpx.Client, hostile_store: Store) -> None:
    for name in (SQL, SCRIPT, f"x{RLO}y", "' OR '1'='1", "%", "_", "\\", "\x00"):
        r = client.get("/api/people/" + quote(name, safe=""))
        assert r.status_code in (404, 422), (name, r.status_code, r.text[:200])
        assert r.headers["content-type"].startswith("application/json")
        r = client.get("/api/rosters/" + quote(name, safe=""))
        assert r.status_code in (404, 422), (name, r.status_code)
    result = verify_store(hostile_store)  # nothing was dropped or altered by any of it
    assert result["chain_ok"] and result["projections_ok"] and result["events"] > 0


def test_person_with_a_bidi_override_in_the_text_is_readable(client: httpx.Client) -> None:
    person = get_json(client, "/api/people/" + quote("Hana Castellano"))
    assert person["person"]["name"] == "Hana Castellano"
    assert any(t["org"]["name"].startswith("Mistral") for t in person["timeline"])


def test_stored_non_http_urls_are_returned_as_text_only(client: httpx.Client) -> None:
    urls = [a["url"] for a in get_json(client, "/api/articles?limit=1000")["items"]]
    assert "javascript:alert(document.cookie)" in urls or None in urls  # stored as given, or dropped
    # whatever the API returns, the page's link builder must refuse every non-http(s) one
    assert "safeUrl" in APP_JS.read_text(encoding="utf-8")


def _js_code() -> str:
    text = APP_JS.read_text(encoding="utf-8")
    no_block = __import__("re").sub(r"/\*.*?\*/", "", text, flags=__import__("re").S)
    return "\n".join(line.split("//", 1)[0] if "://" not in line else line for line in no_block.splitlines())


def test_page_script_never_writes_html_and_sets_href_only_through_safe_url() -> None:
    import re

    code = _js_code()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "javascript:"):
        assert sink not in code, sink
    # every place an href is set takes it from safeUrl (in el(): `safeUrl(v, true)`), and every
    # link built from data passes `href` variables that came out of safeUrl
    sets = re.findall(r"setAttribute\(\s*[\"']href[\"']\s*,\s*([^)]+)\)", code)
    assert sets, "the page builds links somewhere"
    assert all(s.strip() == "u" for s in sets), sets
    assert re.search(r"const u = safeUrl\(v, true\); if \(u\) node\.setAttribute\(\"href\", u\)", code)
    assert not re.search(r"\.href\s*=", code)


@pytest.mark.skipif(not shutil.which("node"), reason="needs node to run the page's safeUrl")
def test_safe_url_accepts_only_absolute_http_links() -> None:
    code = APP_JS.read_text(encoding="utf-8")
    start = code.index("function safeUrl(")
    depth, i = 0, code.index("{", start)
    for i in range(code.index("{", start), len(code)):
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            break
    fn = code[start:i + 1]
    cases = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
             "java\nscript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
             "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example.com/x", "/api/../x", "#person/x",
             "https://ok.example.com/a?b=<c>", "http://ok.example.com/", "HTTPS://OK.EXAMPLE.COM",
             "https://news.example.com/a?x=\"><script>alert(3)</script>"]
    script = fn + "\nconst cases = " + json.dumps(cases) + ";\n" + \
        "console.log(JSON.stringify(cases.map(c => [safeUrl(c, false), safeUrl(c, true)])));"
    r = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    results = dict(zip(cases, json.loads(r.stdout)))
    for case, (plain, local) in results.items():
        for out in (plain, local):
            if out is None:
                continue
            assert out.startswith(("http://", "https://")) or (out.startswith(("#", "/api")) and out == case), (case, out)
            assert "<" not in out and '"' not in out, (case, out)  # the URL parser escapes them
    for bad in cases[:9]:
        assert results[bad] == [None, None], (bad, results[bad])
    assert results["https://ok.example.com/a?b=<c>"][0] == "https://ok.example.com/a?b=%3Cc%3E"
