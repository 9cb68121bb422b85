"""Feed parsing on sample documents, and the fetcher against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import asyncio
import gzip
import time
from email.utils import formatdate
from pathlib import Path

import feedparser
import pytest

from ingest.errors import SourceError
from ingest.feeds import parse_feed
from ingest.fetch import (
    FeedRequest,
    FetchOptions,
    fetch_and_parse,
    fetch_article_page,
    fetch_feeds,
    next_backoff,
    parse_retry_after,
    with_page_text,
)
from ingest.model import Article

try:
    from feedserver import (  # noqa: F401 - feed_server is a fixture
        FeedServer,
        conditional,
        declared_huge,
        feed_server,
        gzipped,
        redirect,
        reset_connection,
        retry_after,
        sequence,
        slow_drip,
        stall,
        status,
        undeclared_stream,
    )
except ImportError:  # run as a package (tests/__init__.py present)
    from tests.feedserver import (  # type: ignore[no-redef]  # noqa: F401
        FeedServer,
        conditional,
        declared_huge,
        feed_server,
        gzipped,
        redirect,
        reset_connection,
        retry_after,
        sequence,
        slow_drip,
        stall,
        status,
        undeclared_stream,
    )

DATA = Path(__file__).parent / "data" / "feeds"
FEED_URL = "https://wire.example.com/feed.xml"
FAST = FetchOptions(connect_timeout=2, read_timeout=2, deadline=10, backoff_base=0.01,
                    max_inline_retry_after=1.0, trust_env=False)


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def run(coro):
    return asyncio.run(coro)


def big_feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>https://big.example.com/{i}</link></item>"
        for i in range(n)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}'
            "</channel></rss>").encode()


# ---------------------------------------------------------------------------------------------
# parse_feed


def test_rss2_entries_become_plain_text_articles():
    result = parse_feed(data("rss2.xml"), FEED_URL)
    assert result.title == "Frontier Lab Wire"
    assert result.version == "rss20"
    by_title = {a.title: a for a in result.articles}
    raman = by_title["Priya Raman joins Helix AI as head of alignment"]
    assert raman.url == "https://wire.example.com/2026/03/raman-helix"  # utm_* dropped
    assert raman.guid == "wire-1001"
    assert raman.author == "Lena Ortiz"
    assert raman.source == "Frontier Lab Wire"
    # 23:30 at UTC-5 is the next day in UTC
    assert raman.published == "2026-03-05"
    assert raman.text.startswith("Priya Raman, who led the interpretability group at Northwind")
    assert "She starts in April." in raman.text
    for article in result.articles:
        for bad in ("<", ">", "script", "tracking pixel", "color: red", "alert("):
            assert bad not in article.text, (bad, article.text)
    assert raman.summary == "Priya Raman is leaving Northwind Labs."


def test_rss2_relative_link_guid_and_untitled_entry():
    result = parse_feed(data("rss2.xml"), FEED_URL)
    beck = next(a for a in result.articles if a.title.startswith("Tomas Beck"))
    assert beck.url == "https://wire.example.com/2026/03/beck-quill"  # resolved against feed
    assert beck.published == "2026-03-02"
    untitled = next(a for a in result.articles if "Mina Cho" in a.text)
    assert untitled.title.startswith("Short post without a headline")
    assert untitled.url == "https://wire.example.com/2026/03/cho-orbital"  # AMP folded
    assert untitled.published is None  # "not a date"
    assert any("neither title nor text" in w for w in result.warnings)
    assert len(result.articles) == 3


def test_atom_xhtml_content_and_escaped_markup():
    result = parse_feed(data("atom.xml"), "https://ledger.example.org/atom")
    assert result.title == "Lab & Ledger"
    okafor, escaped = result.articles
    assert okafor.text == ("Daniel Okafor has been named chief technology officer of Meridian "
                           "Models.\nHe was previously VP of Engineering there.")
    assert okafor.summary == "Okafor moves up from VP of Engineering."
    assert okafor.published == "2026-05-20"  # 22:15 at UTC-7 -> next day UTC
    assert okafor.url == "https://ledger.example.org/okafor-cto"  # fragment dropped
    assert okafor.author == "Sam Field"
    assert escaped.published == "2026-05-18"  # from <updated>
    assert "<" not in escaped.title and "<" not in escaped.text
    assert "alert" not in escaped.text
    assert "Ana Silva left Cobalt AI." in escaped.text


def test_rdf_and_json_feed():
    rdf = parse_feed(data("rdf.xml"), "https://rdf.example.net/rss")
    assert [a.title for a in rdf.articles] == ["Entry A", "Entry B"]
    assert rdf.articles[0].published == "2026-01-05"
    js = parse_feed(data("feed.json"), "https://json.example.com/feed.json")
    (kofi,) = js.articles
    assert kofi.text == "Kofi Mensah has joined Lattice as a research scientist."
    assert kofi.published == "2026-02-10" and kofi.source == "JSON Moves"


def test_malformed_feed_keeps_what_it_can_with_a_warning():
    result = parse_feed(data("malformed.xml"), "https://broken.example.com/feed")
    assert [a.title for a in result.articles] == ["First entry survives"]
    assert any("not well-formed" in w for w in result.warnings)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("page.html", "an HTML page, not a feed; the page links to feed(s): "
                      "https://wire.example.com/feeds/all.xml"),
        ("not_a_feed.xml", "not an RSS/Atom/JSON feed (document element <config>)"),
        ("bomb.xml", "document declares XML entities (entity-expansion bomb?); refused"),
        ("truncated_head.xml", "malformed feed, no entry readable"),
    ],
)
def test_rejected_documents_name_url_and_reason(name, reason):
    with pytest.raises(SourceError) as err:
        parse_feed(data(name), FEED_URL)
    assert err.value.source == FEED_URL
    assert err.value.reason.startswith(reason)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\x01\x02binary", b"just some text",
                                  b'{"not": "a feed"}', b"<html><body>hi</body></html>"])
def test_garbage_is_a_source_error_not_a_crash(body):
    with pytest.raises(SourceError):
        parse_feed(body, FEED_URL)


def test_feedparser_itself_survives_the_billion_laughs():
    """Even without our pre-check, feedparser/expat must not expand the bomb."""
    started = time.monotonic()
    parsed = feedparser.parse(data("bomb.xml"))
    assert time.monotonic() - started < 2
    assert all(len(e.get("title", "")) < 1000 for e in parsed.entries)


def test_entry_cap_bounds_a_100k_entry_feed():
    body = big_feed(100_000)
    started = time.monotonic()
    result = parse_feed(body, "https://big.example.com/feed", max_entries=5_000)
    elapsed = time.monotonic() - started
    assert len(result.articles) == 5_000
    assert result.total_entries == 100_000
    assert result.articles[-1].title == "Item 4999"
    assert any("100,000 entries; kept the first 5,000" in w for w in result.warnings)
    assert not any("well-formed" in w for w in result.warnings)  # the cut closes the document
    assert elapsed < 15


def test_http_charset_is_honoured():
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\u00e9 Wire</title>'
            "<item><title>Se\u00f1or Ruiz joins</title><description>Text</description></item>"
            "</channel></rss>").encode("iso-8859-1")
    result = parse_feed(body, FEED_URL, content_type="application/rss+xml; charset=ISO-8859-1")
    assert result.title == "Caf\u00e9 Wire"
    assert result.articles[0].title == "Se\u00f1or Ruiz joins"


def test_body_over_cap_is_rejected_by_parser():
    with pytest.raises(SourceError, match="over the 100-byte cap"):
        parse_feed(data("rss2.xml"), FEED_URL, max_bytes=100)


# ---------------------------------------------------------------------------------------------
# pure scheduling helpers


def test_next_backoff_grows_to_a_cap_with_jitter_and_honours_retry_after():
    assert next_backoff(0, None) == 0
    no_jitter = [next_backoff(n, None, rand=lambda: 0.0) for n in range(1, 12)]
    assert no_jitter[:4] == [60, 120, 240, 480]
    assert no_jitter[-1] == 6 * 3600  # capped at hours
    assert next_backoff(3, None, rand=lambda: 1.0) == pytest.approx(240 * 0.75)
    assert next_backoff(1, 3600.0, rand=lambda: 0.0) == 3600.0
    assert next_backoff(1, 10 ** 9) == 24 * 3600  # absurd Retry-After is bounded
    assert next_backoff(10 ** 6, None) <= 6 * 3600  # no overflow


def test_parse_retry_after_seconds_and_dates():
    assert parse_retry_after("120") == 120
    assert parse_retry_after(" 3 ") == 3
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    future = formatdate(time.time() + 90, usegmt=True)
    assert 80 <= parse_retry_after(future) <= 91
    assert parse_retry_after(formatdate(time.time() - 90, usegmt=True)) == 0


# ---------------------------------------------------------------------------------------------
# fetching from a real local server


def test_ok_then_conditional_get_gives_not_modified(feed_server: FeedServer):
    lm = formatdate(time.time() - 86400, usegmt=True)
    feed_server.add_route("/feed.xml", conditional(data("rss2.xml"), etag='"abc"',
                                                   last_modified=lm))
    url = feed_server.url("/feed.xml")
    (first,) = run(fetch_feeds([FeedRequest(url)], options=FAST))
    assert first.status == "ok" and first.body == data("rss2.xml")
    assert first.etag == '"abc"' and first.last_modified == lm
    assert first.http_status == 200 and first.final_url == url and first.attempts == 1
    (second,) = run(fetch_feeds([FeedRequest(url, first.etag, first.last_modified)],
                                options=FAST))
    assert second.status == "not_modified" and second.body is None
    assert second.etag == '"abc"'
    sent = feed_server.requests("/feed.xml")[-1]
    assert sent.header("If-None-Match") == '"abc"'
    assert sent.header("If-Modified-Since") == lm
    assert "rollcall" in (sent.header("User-Agent") or "")


def test_500_then_success_is_retried(feed_server: FeedServer):
    feed_server.add_route("/flaky", sequence(status(500), status(502),
                                             conditional(data("atom.xml"))))
    (result,) = run(fetch_feeds([feed_server.url("/flaky")], options=FAST))
    assert result.status == "ok" and result.attempts == 3
    assert len(feed_server.requests("/flaky")) == 3


def test_persistent_500_gives_up_after_max_attempts(feed_server: FeedServer):
    feed_server.add_route("/down", status(500))
    (result,) = run(fetch_feeds([feed_server.url("/down")], options=FAST))
    assert result.status == "error" and result.error.startswith("HTTP 500")
    assert result.attempts == 3 and len(feed_server.requests("/down")) == 3


def test_404_is_not_retried(feed_server: FeedServer):
    (result,) = run(fetch_feeds([feed_server.url("/missing")], options=FAST))
    assert result.status == "error" and result.http_status == 404 and result.attempts == 1


def test_429_long_retry_after_is_reported_not_slept(feed_server: FeedServer):
    feed_server.add_route("/limited", retry_after(429, "3600"))
    started = time.monotonic()
    (result,) = run(fetch_feeds([feed_server.url("/limited")], options=FAST))
    assert time.monotonic() - started < 2
    assert result.status == "error" and result.retry_after == 3600
    assert len(feed_server.requests("/limited")) == 1


def test_503_short_retry_after_is_retried_inline(feed_server: FeedServer):
    feed_server.add_route("/busy", sequence(retry_after(503, "0"), conditional(data("rss2.xml"))))
    (result,) = run(fetch_feeds([feed_server.url("/busy")], options=FAST))
    assert result.status == "ok" and result.attempts == 2


def test_429_with_http_date_retry_after(feed_server: FeedServer):
    feed_server.add_route("/date", retry_after(429, formatdate(time.time() + 600, usegmt=True)))
    (result,) = run(fetch_feeds([feed_server.url("/date")], options=FAST))
    assert result.status == "error" and 500 < result.retry_after <= 601


def test_429_without_retry_after_does_not_hot_loop(feed_server: FeedServer):
    feed_server.add_route("/nope", status(429))
    (result,) = run(fetch_feeds([feed_server.url("/nope")], options=FAST))
    assert result.status == "error" and result.retry_after is None
    assert len(feed_server.requests("/nope")) == 1


def test_slow_drip_hits_the_total_deadline(feed_server: FeedServer):
    feed_server.add_route("/drip", slow_drip(data("rss2.xml"), delay=0.1))
    opts = FetchOptions(read_timeout=1, deadline=1.0, backoff_base=0.01, trust_env=False)
    started = time.monotonic()
    (result,) = run(fetch_feeds([feed_server.url("/drip")], options=opts))
    assert time.monotonic() - started < 3
    assert result.status == "error" and "deadline" in result.error


def test_stalled_server_hits_the_read_timeout(feed_server: FeedServer):
    feed_server.add_route("/stall", stall(10))
    opts = FetchOptions(read_timeout=0.3, deadline=5, max_attempts=2, backoff_base=0.01,
                        trust_env=False)
    (result,) = run(fetch_feeds([feed_server.url("/stall")], options=opts))
    assert result.status == "error" and "timed out" in result.error
    assert result.attempts == 2


def test_declared_oversized_body_is_refused_without_reading(feed_server: FeedServer):
    feed_server.add_route("/huge", declared_huge(500 * 1024 * 1024))
    (result,) = run(fetch_feeds([feed_server.url("/huge")], options=FAST))
    assert result.status == "error" and "declared Content-Length" in result.error
    assert result.body is None and result.attempts == 1


def test_undeclared_oversized_body_is_aborted_while_streaming(feed_server: FeedServer):
    handler = undeclared_stream(500 * 1024 * 1024)
    feed_server.add_route("/endless", handler)
    opts = FetchOptions(max_bytes=1024 * 1024, deadline=10, backoff_base=0.01, trust_env=False)
    started = time.monotonic()
    (result,) = run(fetch_feeds([feed_server.url("/endless")], options=opts))
    assert time.monotonic() - started < 5
    assert result.status == "error" and "over the 1,048,576-byte cap" in result.error
    time.sleep(0.2)
    assert handler.sent[0] < 50 * 1024 * 1024  # the server was cut off long before 500 MB


def test_gzip_is_decoded(feed_server: FeedServer):
    feed_server.add_route("/gz", gzipped(data("atom.xml")))
    (result,) = run(fetch_feeds([feed_server.url("/gz")], options=FAST))
    assert result.status == "ok" and result.body == data("atom.xml")
    assert "gzip" in (feed_server.requests("/gz")[0].header("Accept-Encoding") or "")


def test_gzip_bomb_is_capped(feed_server: FeedServer):
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))  # ~20 KB on the wire
    feed_server.add_route("/gzbomb", bomb, headers={"Content-Encoding": "gzip"})
    (result,) = run(fetch_feeds([feed_server.url("/gzbomb")],
                                options=FetchOptions(max_bytes=1024 * 1024, trust_env=False)))
    assert result.status == "error" and "cap" in result.error


def test_redirect_chain_records_the_permanent_move(feed_server: FeedServer):
    feed_server.add_route("/old", redirect("/moved", 301))
    feed_server.add_route("/moved", redirect(feed_server.url("/tmp"), 302))
    feed_server.add_route("/tmp", redirect("/final", 307))
    feed_server.add_route("/final", conditional(data("rss2.xml")))
    (result,) = run(fetch_feeds([feed_server.url("/old")], options=FAST))
    assert result.status == "ok"
    assert result.final_url == feed_server.url("/final")
    assert result.permanent_redirect == feed_server.url("/moved")  # only the 301 hop


def test_308_chain_is_fully_permanent(feed_server: FeedServer):
    feed_server.add_route("/a", redirect("/b", 308))
    feed_server.add_route("/b", redirect("/c", 301))
    feed_server.add_route("/c", conditional(data("rss2.xml")))
    (result,) = run(fetch_feeds([feed_server.url("/a")], options=FAST))
    assert result.status == "ok" and result.permanent_redirect == feed_server.url("/c")


def test_temporary_redirect_is_not_permanent(feed_server: FeedServer):
    feed_server.add_route("/t", redirect("/c2", 302))
    feed_server.add_route("/c2", conditional(data("rss2.xml")))
    (result,) = run(fetch_feeds([feed_server.url("/t")], options=FAST))
    assert result.status == "ok" and result.permanent_redirect is None


def test_redirect_loop_and_too_many_redirects(feed_server: FeedServer):
    feed_server.add_route("/loop1", redirect("/loop2", 302))
    feed_server.add_route("/loop2", redirect("/loop1", 302))
    for i in range(10):
        feed_server.add_route(f"/hop{i}", redirect(f"/hop{i + 1}", 302))
    loop, chain = run(fetch_feeds([feed_server.url("/loop1"), feed_server.url("/hop0")],
                                  options=FAST))
    assert loop.status == "error" and loop.error.startswith("redirect loop")
    assert chain.status == "error" and chain.error.startswith("too many redirects")
    assert len(feed_server.requests("/hop5")) == 1 and not feed_server.requests("/hop6")


def test_connection_reset_is_retried_then_reported(feed_server: FeedServer):
    feed_server.add_route("/reset", reset_connection())
    (result,) = run(fetch_feeds([feed_server.url("/reset")], options=FAST))
    assert result.status == "error" and result.attempts == 3
    assert "network error" in result.error or "incomplete" in result.error


def test_connection_reset_then_success(feed_server: FeedServer):
    feed_server.add_route("/reset-once", sequence(reset_connection(),
                                                  conditional(data("rss2.xml"))))
    (result,) = run(fetch_feeds([feed_server.url("/reset-once")], options=FAST))
    assert result.status == "ok" and result.attempts == 2


def test_refused_connection_and_bad_scheme():
    closed = FeedServer().start()
    url = closed.url("/gone")
    closed.stop()
    refused, scheme = run(fetch_feeds([url, "ftp://example.com/feed"], options=FAST))
    assert refused.status == "error" and "network error" in refused.error
    assert scheme.status == "error" and "scheme" in scheme.error and scheme.attempts == 1


def test_internal_addresses_can_be_refused(feed_server: FeedServer):
    feed_server.add_route("/feed.xml", conditional(data("rss2.xml")))
    opts = FetchOptions(allow_internal=False, trust_env=False)
    (result,) = run(fetch_feeds([feed_server.url("/feed.xml")], options=opts))
    assert result.status == "error" and "internal address" in result.error
    assert not feed_server.requests("/feed.xml")


def test_many_feeds_concurrently_with_per_host_limit(feed_server: FeedServer):
    for i in range(12):
        feed_server.add_route(f"/slow{i}", slow_drip(data("rss2.xml"), delay=0.05, chunk=1024))
    urls = [feed_server.url(f"/slow{i}") for i in range(12)]
    started = time.monotonic()
    results = run(fetch_feeds(urls, concurrency=16, per_host=4, options=FAST))
    assert [r.url for r in results] == urls  # order kept
    assert all(r.status == "ok" for r in results)
    stamps = sorted(r.at for i in range(12) for r in feed_server.requests(f"/slow{i}"))
    # 12 requests at 4 per host: the last four cannot start with the first four
    assert stamps[-1] - stamps[0] >= 0.05
    assert time.monotonic() - started < 10


def test_fetch_and_parse_sync_convenience(feed_server: FeedServer):
    feed_server.add_route("/rss", conditional(data("rss2.xml")))
    feed_server.add_route("/page", data("page.html"), content_type="text/html")
    ok, page, missing = fetch_and_parse(
        [feed_server.url("/rss"), feed_server.url("/page"), feed_server.url("/missing")],
        options=FAST,
    )
    assert ok.error is None and len(ok.articles) == 3
    assert all(isinstance(a, Article) for a in ok.items())
    assert page.error is not None and page.error.source == feed_server.url("/page")
    assert page.error.reason.startswith("an HTML page, not a feed")
    assert feed_server.url("/feeds/all.xml") in page.error.reason
    assert missing.error is not None and "404" in missing.error.reason
    assert list(missing.items()) == [missing.error]


def test_fetch_and_parse_entity_bomb_and_huge_feed(feed_server: FeedServer):
    feed_server.add_route("/bomb", data("bomb.xml"))
    feed_server.add_route("/big", big_feed(100_000))
    bomb, big = fetch_and_parse([feed_server.url("/bomb"), feed_server.url("/big")],
                                options=FAST)
    assert bomb.error is not None and "entity" in bomb.error.reason
    assert big.error is None and len(big.articles) == 5_000
    assert any("kept the first 5,000" in w for w in big.warnings)


ARTICLE_PAGE = """<!DOCTYPE html><html><head><title>Okafor named CTO | Ledger</title>
<meta property="article:published_time" content="2026-05-19T22:15:00-07:00"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Okafor named CTO</h1>
<p>Daniel Okafor has been named chief technology officer of Meridian Models, the company said
on Tuesday. He was previously vice president of engineering and joined the company in 2021.</p>
<p>Okafor succeeds Jane Whitfield, who is leaving Meridian Models to start a company of her own.
Whitfield had been CTO since the company was founded.</p>
<script>var tracking = "do not keep me";</script>
</article><footer>Copyright Ledger 2026. All rights reserved.</footer></body></html>"""


def test_fetch_article_page_returns_main_text(feed_server: FeedServer):
    feed_server.add_route("/story", ARTICLE_PAGE, content_type="text/html; charset=utf-8")
    feed_server.add_route("/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    page = run(fetch_article_page(feed_server.url("/story"), options=FAST))
    assert page.status == "ok"
    assert "Daniel Okafor has been named chief technology officer" in page.text
    assert "do not keep me" not in page.text and "<" not in page.text
    assert page.published == "2026-05-20"
    pdf = run(fetch_article_page(feed_server.url("/doc.pdf"), options=FAST))
    assert pdf.status == "error" and "not an HTML page" in pdf.error
    short = Article(title="Okafor named CTO", text="Okafor moves up.")
    full = with_page_text(short, page)
    assert full.text == page.text and full.summary == "Okafor moves up."
    assert full.published == "2026-05-20"
