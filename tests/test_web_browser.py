"""The web page in a real browser: Debian's chromium, headless, driven by Playwright, against a
real server on the project's seed articles (plus one hostile article). Screenshots go to the
test's tmp_path and to /tmp/rollcall-shots/ for people to look at."""
from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from ingest.model import Article
from rollcall.web.server import create_app
from store.db import Store
from webserver import ingest_seeds, running_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path("/tmp/rollcall-shots")
TOKEN = "browser-test-token"
PAYLOAD_TITLE = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
                 'Ada Byron joins Anthropic')
HOSTILE = Article(
    title=PAYLOAD_TITLE,
    text=("Ada Byron joined Anthropic as a research engineer in January 2026, the company said on Tuesday. "
          'Her first post was titled "<img src=x onerror=window.__pwned=3>" and nobody minded.\n\n'
          '<svg onload="window.__pwned=4"></svg> Byron previously worked on compilers.'),
    url="https://news.example.com/2026/01/20/ada-byron-anthropic",
    published="2026-01-20",
    source="Example News",
)


def _browser_or_skip():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install -y chromium chromium-driver)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium chromium-driver)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'rollcall.db'}")
    report = ingest_seeds(store, extra=[HOSTILE])
    assert not report.rejected
    with running_app(create_app(store, token=TOKEN)) as base:
        yield base
    store.dispose()


@pytest.fixture(scope="module")
def browser():
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _page(browser, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    return page, errors


def _shot(page, tmp_path: Path, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=full_page)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_rosters_replay_and_a_timeline(site, browser, tmp_path):
    page, errors = _page(browser, 1280, 900)
    started = time.monotonic()
    page.goto(site + "/")
    page.wait_for_selector(".roster[data-org='openai'] .member")
    first_render = time.monotonic() - started
    assert first_render < 3.0, f"first render took {first_render:.2f}s"
    openai = page.locator(".roster[data-org='openai']")
    assert openai.locator("h3").inner_text() == "OpenAI"
    assert openai.locator(".member").count() >= 2
    _shot(page, tmp_path, "desktop-rosters-today", full_page=False)

    # replay every roster to 2026-02-01: Schwarzer was still at OpenAI then
    page.fill("#as-of", "2026-02-01")
    expect(page.locator("#rosters-sub")).to_contain_text("1 Feb 2026")
    page.wait_for_selector(".roster[data-org='openai'] .person-link:text-is('Max Schwarzer')")
    assert "Max Schwarzer" in openai.inner_text()
    assert page.input_value("#as-of-slider") == str((date(2026, 2, 1) - date(1970, 1, 1)).days)
    _shot(page, tmp_path, "desktop-rosters-2026-02-01", full_page=False)

    # the slider moves the date with the keyboard
    page.focus("#as-of-slider")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#as-of")).to_have_value("2026-01-31")
    expect(page.locator("#rosters-sub")).to_contain_text("31 Jan 2026")

    # "known at" before anything was recorded: the store knew of no one
    page.fill("#known-at", "2001-01-01T00:00:00")
    page.dispatch_event("#known-at", "change")
    page.wait_for_selector("#rosters .empty")
    page.click("#known-now")
    page.wait_for_selector(".roster[data-org='openai']")

    # his timeline, with every fact's source quotes and links
    page.click(".roster[data-org='openai'] .person-link:text-is('Max Schwarzer')")
    page.wait_for_selector("#person-timeline .event")
    assert page.inner_text("#person-title") == "Max Schwarzer"
    assert page.url.endswith("#person/max-schwarzer")
    timeline = page.inner_text("#person-timeline")
    assert "Anthropic" in timeline and "OpenAI" in timeline
    events = page.locator("#person-timeline .event")
    for i in range(events.count()):
        assert events.nth(i).locator("blockquote").count() >= 1
    links = page.eval_on_selector_all("#person-timeline a[href]", "els => els.map(e => e.href)")
    assert links and all(h.startswith(("http://", "https://")) for h in links)
    assert page.locator("#person-stints .stint").count() >= 2
    _shot(page, tmp_path, "desktop-person-max-schwarzer")
    assert list(tmp_path.glob("*.png"))

    # flows: an SVG diagram with a ribbon per pair, and the moves table
    page.goto(site + "/#flows")
    page.fill("#flows-from", "2024-01-01")
    page.click("#flows-form button[type=submit]")
    page.wait_for_selector(".flows-svg path.ribbon", state="attached")
    assert "Max Schwarzer" in page.inner_text("#moves-table")
    _shot(page, tmp_path, "desktop-flows")
    assert errors == []


def test_hostile_article_renders_as_text_and_runs_nothing(site, browser, tmp_path):
    page, errors = _page(browser, 1280, 900)
    page.goto(site + "/#sources")
    page.wait_for_selector(".article-title")
    titles = page.locator(".article-title").all_inner_texts()
    assert PAYLOAD_TITLE in titles  # the markup is shown as the characters it is
    _shot(page, tmp_path, "desktop-sources-hostile", full_page=False)

    # wherever the hostile article's sentences show up (a timeline, the log), still just text
    person = httpx.get(site + "/api/people/Ada Byron")
    if person.status_code == 200:
        page.goto(site + "/#person/" + person.json()["person"]["id"])
        page.wait_for_selector("#person-timeline .event")
        assert PAYLOAD_TITLE in page.inner_text("#person-timeline")
    page.goto(site + "/#log")
    page.wait_for_selector(".log-item")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0 and page.locator("main script, main svg[onload]").count() == 0
    assert errors == []


def test_retracted_facts_are_struck_through(site, browser, tmp_path):
    fact = httpx.get(site + "/api/events", params={"person": "Mark Chen", "limit": 1}).json()["items"][0]
    r = httpx.post(site + "/api/retractions", json={"event_id": fact["id"], "reason": "misread the profile"},
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    page, errors = _page(browser, 1280, 900)
    page.goto(site + "/#log")
    item = page.locator(f"#log-{fact['id']}")
    item.wait_for()
    assert "retracted" in item.get_attribute("class")
    assert item.locator("s").count() == 1 and item.locator(".retracted-badge").inner_text().lower() == "retracted"
    assert "misread the profile" in item.inner_text()
    item.scroll_into_view_if_needed()
    _shot(page, tmp_path, "desktop-log-retracted", full_page=False)
    page.uncheck("#log-retracted")
    page.click("#log-form button[type=submit]")
    expect(page.locator(f"#log-{fact['id']}")).to_have_count(0)
    assert errors == []


def test_phone_width(site, browser, tmp_path):
    page, errors = _page(browser, 390, 844)
    page.goto(site + "/")
    page.wait_for_selector(".roster .member")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, tmp_path, "phone-rosters")
    page.goto(site + "/#person/max-schwarzer")
    page.wait_for_selector("#person-timeline .event")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, tmp_path, "phone-person")
    page.goto(site + "/#log")
    page.wait_for_selector(".log-item")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, tmp_path, "phone-log", full_page=False)
    assert errors == []


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """One lab with more people than a card lists (the page asks for the first 200)."""
    from datetime import datetime, timezone

    from store import log, projector
    from store.events import NewEvent

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('bigweb') / 'rollcall.db'}")
    people = [f"Member {i:03d}" for i in range(230)] + ["Zelda Quartermaine"]
    with store.write() as c:
        log.append(c, [NewEvent(type="joined", person_key=p.lower().replace(" ", "-"), org_key="vastlab",
                                valid_date="2024-05", payload={
                                    "person": {"id": p.lower().replace(" ", "-"), "name": p, "aliases": []},
                                    "org": {"id": "vastlab", "name": "Vastlab"}, "role": None, "date": "2024-05",
                                    "precision": "month", "date_inferred": False, "confidence": 0.9,
                                    "source": {"article": f"sha256:{p}", "url": None, "path": "x.md",
                                               "published": "2024-05-02", "quote": f"{p} joined Vastlab"}})
                       for p in people], now=datetime(2024, 6, 1, tzinfo=timezone.utc))
    projector.catch_up(store)
    with running_app(create_app(store, token=TOKEN)) as base:
        yield base
    store.dispose()


def test_roster_filter_finds_people_past_the_first_page(big_site, browser, tmp_path):
    page, errors = _page(browser, 1280, 900)
    page.goto(big_site + "/")
    card = page.locator(".roster[data-org='vastlab']")
    card.locator(".member").first.wait_for()
    assert card.locator(".member").count() == 200
    expect(card.locator(".count")).to_have_text("231 people")
    expect(card.locator(".roster-more")).to_contain_text("The first 200 of 231")
    assert "Zelda Quartermaine" not in card.inner_text()  # she sorts last, past the first 200

    page.fill("#roster-filter", "quarter")  # the server finds her
    expect(card.locator(".person-link")).to_have_text(["Zelda Quartermaine"])
    expect(card.locator(".count")).to_have_text("1 person")
    page.fill("#roster-filter", "member 2")  # Member 200 to Member 229: most past the first 200
    expect(card.locator(".count")).to_have_text("30 people")
    assert card.locator(".member").count() == 30
    page.fill("#roster-filter", "no such person")
    expect(page.locator("#rosters .empty")).to_have_text("Nobody matches the filter.")
    page.fill("#roster-filter", "")
    expect(card.locator(".count")).to_have_text("231 people")
    _shot(page, tmp_path, "desktop-roster-filter")
    assert errors == []
