"""Hostile input against every parser that reads outside data (hypothesis).

Each property: the parser returns well-formed output or raises the documented `SourceError`
(nothing else), and finishes in bounded time (a generous per-example deadline). Inputs are
generated (front matter, JSON values, XML-ish and HTML-ish token soups, text with bidi
overrides, zero-width characters and huge tokens) and mutated from the real documents in
tests/data/feeds/, seeds/ and tests/corpus/articles/.

Every crash found here and fixed becomes a file in tests/data/regressions/, replayed by
`test_regression_corpus` (see the README there); crashes inside the extractor modules are
replayed as strict xfails for their owner.

Profiles: the default (150 examples a property) keeps the file under ~40 s; `HYPOTHESIS_PROFILE=deep` runs 20x more
examples per property for a bug hunt.
"""
from __future__ import annotations

import json
import os
import re
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.errors import SourceError
from ingest.model import FACT_TYPES, PRECISIONS, Article

settings.register_profile(
    "default", max_examples=150, deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "deep", max_examples=1200, deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
FEEDS = REPO / "tests" / "data" / "feeds"
REGRESSIONS = REPO / "tests" / "data" / "regressions"
ARTICLE_FILES = sorted((REPO / "seeds").glob("*.md")) + sorted((REPO / "seeds").glob("*.txt")) + sorted(
    (REPO / "tests" / "corpus" / "articles").glob("*"))
FEED_FILES = sorted(p for p in FEEDS.iterdir() if p.is_file())

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
PRECISION_OF = {4: "year", 7: "month", 10: "day"}


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """First calls load language data (dateparser, trafilatura, the gazetteer): seconds that
    must not count against the first example's deadline."""
    normalize_date("3 mars 2026 à 10h")
    extract_main("<html><body><p>Warm up.</p></body></html>")
    extract_claims("Warm up", "Max Schwarzer joined OpenAI in 2024.", "2026-01-01")
    find_dates("last month", "2026-01-01")


# ---------------------------------------------------------------------------------------------
# hostile characters and tokens

BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
ODD = ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\u0085", "\u2028", "\u2029", "\ue000", "\uffff",
       "\ufffd", "\U0001f600", "\u0301", "\u0660", "\u00a0", "\u3000", "\r", "\r\n", "\t",
       "İ", "ß", "ﬁ", "Ǆ", "\u0130\u0307", "𝐀𝐧𝐭𝐡𝐫𝐨𝐩𝐢𝐜", "Ｏｐｅｎ", "\U000e0041"]
WORDS = ["joined", "left", "joins", "leaves", "hired", "appointed", "as", "chief", "scientist",
         "OpenAI", "Anthropic", "Google DeepMind", "Meta", "xAI", "Mistral AI", "Max Schwarzer",
         "Andrej Karpathy", "He", "She", "former", "CEO", "of", "the", "at", "from", "to", "in",
         "on", "May", "March 3, 2026", "2024", "yesterday", "last month", "two weeks ago",
         "Jan.", "Dr.", "U.S.", "(", ")", ",", ".", "—", "'s", "\"", "“", "”", "board", "rumor",
         "denied", "not", "talks", "Correction:", "reportedly", "1899", "2201", "0000-00-00",
         "2026-02-30", "31 February 2025", "Sept. 2025", "early 2024", "mid-2025"]
hostile_char = st.sampled_from(BIDI + ZERO_WIDTH + ODD)
hostile_text = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(WORDS), hostile_char,
              st.builds(lambda c, n: c * n, st.sampled_from("a.(<&\n -9"), st.integers(1, 400))),
    max_size=60).map(" ".join)


def huge_token(n: int = 5000) -> st.SearchStrategy[str]:
    return st.builds(lambda c, k: c * k, st.sampled_from(["A", "a", "9", "Ab", "x-", "\u0301", "中"]),
                     st.integers(n // 10, n))


# ---------------------------------------------------------------------------------------------
# helpers


@contextmanager
def hard_limit(seconds: float):
    """Fail (instead of hanging the run) when one call exceeds `seconds` of wall time."""
    def fire(*_):
        raise TimeoutError(f"took more than {seconds}s")
    old = signal.signal(signal.SIGALRM, fire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)  # pytest-timeout may own a timer
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, outer - (time.monotonic() - started)))


def check_date(value: str | None, precision: str | None = None) -> None:
    if value is None:
        assert precision in (None, "unknown")
        return
    assert isinstance(value, str) and DATE_RE.match(value), value
    if precision is not None:
        assert precision == PRECISION_OF[len(value)], (value, precision)


def check_article(a: Article) -> None:
    assert isinstance(a, Article)
    assert isinstance(a.title, str) and a.title.strip(), a
    assert isinstance(a.text, str)
    check_date(a.published)
    if a.url is not None:
        assert a.url.startswith(("http://", "https://")) and "\n" not in a.url
    for f in (a.title, a.source, a.author, a.guid, a.summary):
        assert f is None or isinstance(f, str)
    assert a.id.startswith("sha256:")


def check_source_error(exc: SourceError, source: str | None = None) -> None:
    assert isinstance(exc.reason, str) and exc.reason and "\n" not in str(exc)
    if source is not None:
        assert exc.source.startswith(source)


def check_claims(claims) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(claims, list)
    for c in claims:
        assert c.type in FACT_TYPES, c
        assert isinstance(c.person, str) and c.person.strip(), c
        assert isinstance(c.org, str) and c.org.strip(), c
        assert c.role is None or (isinstance(c.role, str) and c.role.strip()), c
        assert c.date_precision in PRECISIONS
        check_date(c.date, c.date_precision)
        assert 0.0 <= c.confidence <= 1.0
        assert isinstance(c.quote, str)


def mutate(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    """Byte-level mutations: 0 delete a slice, 1 insert bytes, 2 duplicate a slice, 3 flip a byte,
    4 truncate, 5 swap two slices."""
    buf = bytearray(data)
    for op, a, b, blob in ops:
        n = len(buf)
        if n == 0:
            buf.extend(blob)
            continue
        a, b = a % n, b % n
        if a > b:
            a, b = b, a
        if op == 0:
            del buf[a:b]
        elif op == 1:
            buf[a:a] = blob
        elif op == 2:
            buf[a:a] = buf[a:b][:4096]
        elif op == 3:
            buf[a] ^= (b % 255) + 1
        elif op == 4:
            del buf[b:]
        else:
            mid = (a + b) // 2
            buf[a:b] = buf[mid:b] + buf[a:mid]
    return bytes(buf)


mutation_ops = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 1 << 20), st.integers(0, 1 << 20),
                                  st.one_of(st.binary(max_size=24), hostile_char.map(lambda c: c.encode("utf-8")),
                                            st.sampled_from([b"<!ENTITY", b"]]>", b"<![CDATA[", b"<item>",
                                                             b"</item>", b"<entry>", b"&amp;", b"&#0;",
                                                             b"&#x110000;", b"\xff\xfe", b"\x00",
                                                             b"<?xml version='1.0' encoding='utf-16'?>",
                                                             b"<script>", b"<!--"]))),
                        min_size=1, max_size=8)


# ---------------------------------------------------------------------------------------------
# seed files: front matter / text articles

FRONT_KEYS = ["title", "headline", "url", "link", "published", "date", "source", "publisher", "author",
              "by", "guid", "id", "summary", "description", "Title", "DATE", "x", "tags"]
front_value = st.one_of(
    st.sampled_from(["", "''", '""', "'", '"', "2026-03-04", "March 3, 2026", "1899-12-31",
                                 "2201-01-01", "0", "-1", "99999999999999", "1e308", "nan", "yesterday",
                                 "javascript:alert(1)", "https://例え.jp/パス?utm_source=x#f", "http://[::1",
                                 "https://a.example.com:99999/", "//evil.example.com", "https://",
                                 "<b>x</b>", "&amp;", "---", "...", "title: nested", "# comment"]),
    hostile_text.map(lambda s: s.replace("\n", " ")[:300]),
)
front_matter = st.lists(st.tuples(st.sampled_from(FRONT_KEYS), front_value), max_size=8).map(
    lambda kv: "---\n" + "\n".join(f"{k}: {v}" for k, v in kv) + "\n---\n")
text_article = st.tuples(
    st.one_of(st.just(""), front_matter, st.just("---\n"), st.just("---\ntitle: x\n")),
    st.one_of(st.just(""), st.sampled_from(["# Headline\n", "Headline\n", "   \n", "#\n", "###### \n"]),
              hostile_text.map(lambda s: s + "\n")),
    hostile_text,
    st.sampled_from(["", "\n", "\r\n", "\r", "\ufeff"]),
).map(lambda t: (t[3] + t[0] + t[1] + t[2]).replace("\n", "\n" if t[3] != "\r\n" else "\r\n"))


@given(text_article)
@example("---\ntitle: \u202eevil\u202c\n---\nbody")
@example("\ufeff---\n---\n")
@example("# \n\nbody")
def test_parse_text_article_never_crashes(text: str) -> None:
    with hard_limit(10):
        try:
            a = parse_text_article(text, "fuzz.md")
        except SourceError as exc:
            check_source_error(exc, "fuzz.md")
            return
    check_article(a)
    assert a.path == "fuzz.md"


@given(st.binary(max_size=4000))
def test_decode_then_parse_arbitrary_bytes(data: bytes) -> None:
    try:
        a = parse_text_article(decode_text(data, "b.txt"), "b.txt")
    except SourceError as exc:
        check_source_error(exc, "b.txt")
        return
    check_article(a)


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                 front_value, st.datetimes(), st.dates(), st.text(max_size=250)))
def test_normalize_date_is_total(value) -> None:  # type: ignore[no-untyped-def]
    with hard_limit(10):
        out = normalize_date(value)
    check_date(out)
    if out:
        assert 1900 <= int(out[:4]) <= 2200


# ---------------------------------------------------------------------------------------------
# JSON / JSONL records

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        front_value, st.text(max_size=40))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
RECORD_KEYS = ["title", "headline", "name", "text", "body", "content", "article", "html", "content_html",
               "url", "link", "canonical_url", "published", "published_at", "date", "pubDate",
               "datePublished", "source", "author", "byline", "guid", "id", "summary", "dek"]
record = st.one_of(
    json_value,
    st.dictionaries(st.sampled_from(RECORD_KEYS), st.one_of(json_value, hostile_text,
                                                            st.just("<p>x</p><script>alert(1)</script>")),
                    max_size=10),
)


@given(record)
def test_record_to_article_never_crashes(rec) -> None:  # type: ignore[no-untyped-def]
    with hard_limit(10):
        try:
            a = record_to_article(rec, "r.json[0]", "r.json")
        except SourceError as exc:
            check_source_error(exc, "r.json[0]")
            return
    check_article(a)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


@given(st.one_of(
    st.lists(record, max_size=5).map(lambda rs: ("r.json", json.dumps(rs).encode())),
    st.lists(record, max_size=5).map(lambda rs: ("r.jsonl", "\n".join(json.dumps(r) for r in rs).encode())),
    st.dictionaries(st.sampled_from(["articles", "items", "entries", "records", "data", "title"]),
                    st.lists(record, max_size=3), max_size=3).map(lambda d: ("w.json", json.dumps(d).encode())),
    st.tuples(st.sampled_from(["x.json", "x.jsonl", "x.ndjson"]), st.binary(max_size=800)),
    st.tuples(st.sampled_from(["d.json", "d.jsonl"]), st.integers(1, 200_000).map(_deep).map(str.encode)),
))
@example(("deep.json", _deep(100_000).encode()))
@example(("deep.jsonl", ('{"title": "x", "text": ' + _deep(50_000) + "}").encode()))
def test_read_seed_records_on_generated_files(named) -> None:  # type: ignore[no-untyped-def]
    name, data = named
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        with hard_limit(10):
            items = list(read_seed_records(path))
        assert items, "a file always yields something: articles or errors"
        for it in items:
            if isinstance(it, SourceError):
                check_source_error(it, str(path))
            else:
                check_article(it)
        # and read_path, what the CLI calls, agrees
        assert len(list(read_path(path))) == len(items)


# ---------------------------------------------------------------------------------------------
# feeds

XML_TOKENS = ["<?xml version='1.0'?>", "<?xml version='1.0' encoding='utf-8'?>",
              "<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "<rss version='2.0'>", "</rss>",
              "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
              "<guid>", "</guid>", "<description>", "</description>", "<pubDate>", "</pubDate>",
              "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>",
              "<content type='html'>", "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>",
              "</div></content>", "</content>", "<summary type='text'>", "</summary>",
              "<link href='javascript:alert(1)'/>", "<link rel='alternate' href='//x.example.com/a'/>",
              "<updated>", "</updated>", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
              " xmlns='http://purl.org/rss/1.0/'>", "</rdf:RDF>", "<![CDATA[", "]]>", "<!-- ", " -->",
              "<!DOCTYPE rss>", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;", "&amp;", "&lt;p&gt;", "&#x202e;",
              "&#0;", "&#xD800;", "&nbsp;", "<script>alert(1)</script>", "<p onclick='x()'>", "</p>",
              "<img src=x onerror=alert(1)>", "<html>", "<body>", "{", "}", "\"version\":",
              "\"https://jsonfeed.org/version/1.1\"", "\"items\": [", "]", "Mon, 02 Mar 2026 09:00:00 GMT",
              "2026-03-04T10:00:00Z", "Thu, 31 Feb 1899 99:99:99 +9999", "Priya Raman joined OpenAI.",
              "<dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>", "</dc:creator>", "\x00", "\ufeff"]
xmlish = st.lists(st.one_of(st.sampled_from(XML_TOKENS), hostile_text.map(lambda s: s[:80]), hostile_char),
                  max_size=80).map("".join)


def _check_feed(body: bytes, url: str, **kw) -> None:  # type: ignore[no-untyped-def]
    with hard_limit(15):
        try:
            result = parse_feed(body, url, **kw)
        except SourceError as exc:
            check_source_error(exc, url)
            return
    assert result.url == url
    for a in result.articles:
        check_article(a)
        assert "<script" not in a.text.lower()
    for w in result.warnings:
        assert isinstance(w, str) and "\n" not in w
    assert result.total_entries >= len(result.articles) or result.total_entries == -1


@given(xmlish, st.sampled_from(["utf-8", "utf-16", "latin-1"]),
       st.sampled_from([None, "application/rss+xml", "text/xml; charset=utf-16", "text/html; charset=bogus",
                        "application/xml; charset=\"x\u202e\""]))
def test_parse_feed_on_generated_xmlish_bytes(doc: str, encoding: str, ctype: str | None) -> None:
    body = doc.encode(encoding, "replace") if encoding != "utf-16" else doc.encode("utf-16", "surrogatepass")
    _check_feed(body, "https://fuzz.example.com/feed", content_type=ctype, max_entries=50)


@given(st.sampled_from(FEED_FILES), mutation_ops)
def test_parse_feed_on_mutated_real_feeds(path: Path, ops) -> None:  # type: ignore[no-untyped-def]
    _check_feed(mutate(path.read_bytes(), ops), "https://wire.example.com/feed.xml", max_entries=50)


@given(st.binary(max_size=3000))
def test_parse_feed_on_random_bytes(body: bytes) -> None:
    _check_feed(body, "https://fuzz.example.com/feed")


# ---------------------------------------------------------------------------------------------
# HTML

HTML_TOKENS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<script>", "</script>", "<style>",
               "</style>", "<a href='javascript:alert(1)'>", "</a>", "<table><tr><td>", "</td></tr></table>",
               "<!-- c -->", "<!--", "-->", "<![CDATA[x]]>", "<?php echo 1 ?>", "&amp;", "&lt;script&gt;",
               "&#x202e;", "&#0;", "&#1114112;", "&nosuchentity;", "<html>", "<head><title>T</title></head>",
               "<body>", "</body>", "</html>", "<meta property='article:published_time' content='2026-03-01'>",
               "<meta name='date' content='31/31/31'>", "<time itemprop='datePublished' datetime='x'>",
               "<svg><script>alert(1)</script></svg>", "<math>", "<template>", "<noscript>", "<frameset>",
               "<base href='http://evil.example.com'>", "<h1>", "</h1>", "<article>", "</article>",
               "<ul><li>", "</li></ul>", "<pre>", "</pre>", "<iframe src=x>", "<object>", "<x-custom a=b>",
               "<p <p <p", ">>>", "<<<", "<\x00>", "\ue000", "\u202e", "\u200b", "<b>Priya Raman</b> joined OpenAI."]
htmlish = st.lists(st.one_of(st.sampled_from(HTML_TOKENS), hostile_text.map(lambda s: s[:80]), hostile_char),
                   max_size=80).map("".join)


@given(st.one_of(htmlish, st.text(max_size=500), htmlish.map(str.encode), st.binary(max_size=1500)))
@example("<p>" * 20000)
@example("<div>" * 5000 + "x")
def test_html_to_text_never_crashes(html) -> None:  # type: ignore[no-untyped-def]
    with hard_limit(10):
        out = html_to_text(html)
    assert isinstance(out, str)
    assert "\ue000" not in out and "\x00" not in out


@settings(max_examples=25, deadline=5000)
@given(st.one_of(htmlish, htmlish.map(str.encode), st.binary(max_size=1500)),
       st.sampled_from([None, "https://example.com/a", "javascript:alert(1)", "not a url", "http://[::1"]))
def test_extract_main_never_crashes(html, url) -> None:  # type: ignore[no-untyped-def]
    with hard_limit(20):
        main = extract_main(html, url)
    assert isinstance(main.text, str)
    assert main.title is None or (isinstance(main.title, str) and "\n" not in main.title)
    assert main.published is None or isinstance(main.published, str)
    check_date(normalize_date(main.published))


@settings(max_examples=25, deadline=5000)
@given(st.one_of(htmlish, st.binary(max_size=1500)), mutation_ops)
def test_html_seed_files_never_crash(html, ops) -> None:  # type: ignore[no-untyped-def]
    data = mutate(html.encode() if isinstance(html, str) else html, ops)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "page.html"
        path.write_bytes(data)
        with hard_limit(20):
            try:
                a = read_seed_file(path)
            except SourceError as exc:
                check_source_error(exc, str(path))
                return
        check_article(a)


@given(st.one_of(htmlish, st.binary(max_size=800)), st.sampled_from([None, "https://x.example.com/", "::"]))
def test_find_feed_links_never_crashes(html, base) -> None:  # type: ignore[no-untyped-def]
    out = find_feed_links(html, base)
    assert isinstance(out, list) and all(isinstance(u, str) for u in out)


# ---------------------------------------------------------------------------------------------
# URLs

url_text = st.one_of(
    st.text(max_size=80),
    st.builds(lambda s, h, p, q: f"{s}{h}{p}{q}",
              st.sampled_from(["http://", "https://", "HTTPS://", "//", "javascript:", "ftp://", "http:/", ""]),
              st.sampled_from(["example.com", "例え.jp", "xn--", "[::1]", "[::ffff:127.0.0.1]", "[zz]",
                               "a..b", ".", "user:pw@host", "host:0", "host:65536", "host:-1", "host:x",
                               "\u202eevil.com", "ex\u200bample.com", "%00", "a" * 300, "amp.news.example.com"]),
              st.text(max_size=20).map(lambda s: "/" + s), st.text(max_size=20).map(lambda s: "?" + s)),
)


@given(url_text)
@example("http://[::1")
@example("https://" + "a." * 200 + "com")
def test_canonical_url_raises_only_value_error(url: str) -> None:
    try:
        out = canonical_url(url)
    except ValueError:
        return
    assert out.startswith(("http://", "https://"))
    assert canonical_url(out) == out or True  # idempotence is not promised for every odd input


@given(url_text)
def test_is_internal_address_never_raises(url: str) -> None:
    def no_dns(*_a, **_k):  # no network in tests
        raise OSError("no DNS here")
    assert isinstance(is_internal_address(url, resolve=no_dns), bool)


# ---------------------------------------------------------------------------------------------
# dates in text

pub_dates = st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(1900, 1, 1),
                                          max_value=__import__("datetime").date(2200, 12, 31)).map(
    lambda d: d.isoformat()), st.sampled_from(["2026", "2026-03", "1900-01-01", "2200-12-31"]))
date_text = st.lists(st.one_of(st.sampled_from(WORDS), hostile_text.map(lambda s: s[:40]), hostile_char,
                               st.sampled_from(["on Monday", "last Friday", "earlier this week", "a few days ago",
                                                "12 months ago", "next year", "Published: May 3, 2024",
                                                "https://x.com/2024/02/29/story", "2023-02-29", "in 1950",
                                                "in 2049", "late 1999", "Sept. 31, 2025", "the day before yesterday",
                                                "seven months after", "12th of December, 2012"])),
                     max_size=40).map(" ".join)


@given(date_text, pub_dates)
def test_find_dates_is_well_formed(text: str, published: str | None) -> None:
    with hard_limit(10):
        found = find_dates(text, published)
    last_end = -1
    for d in found:
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.start >= last_end, "mentions do not overlap"
        last_end = d.end
        assert d.precision in PRECISIONS
        check_date(d.date, d.precision)


@given(date_text, date_text)
def test_infer_published_is_well_formed(title: str, text: str) -> None:
    with hard_limit(10):
        out = infer_published(title, text)
    check_date(out)
    if out:
        assert len(out) == 10


# ---------------------------------------------------------------------------------------------
# the extractor


@given(hostile_text, hostile_text, pub_dates)
def test_extract_claims_on_random_text(title: str, text: str, published: str | None) -> None:
    with hard_limit(10):
        check_claims(extract_claims(title, text, published))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


@st.composite
def mutated_article(draw):  # type: ignore[no-untyped-def]
    path = draw(st.sampled_from(ARTICLE_FILES))
    a = parse_text_article(path.read_text(encoding="utf-8"), path.name)
    sents = _sentences(a.text)
    how = draw(st.lists(st.sampled_from(["shuffle", "insert", "bidi", "zw", "huge", "drop", "nfd", "upper",
                                         "glue"]), min_size=1, max_size=4))
    rnd = draw(st.randoms(use_true_random=False))
    for op in how:
        if op == "shuffle":
            rnd.shuffle(sents)
        elif op == "drop" and sents:
            sents.pop(rnd.randrange(len(sents)))
        elif op == "insert" and sents:
            i = rnd.randrange(len(sents))
            s = sents[i]
            k = rnd.randrange(len(s) + 1)
            sents[i] = s[:k] + draw(hostile_text.map(lambda t: t[:60])) + s[k:]
        elif op in ("bidi", "zw") and sents:
            pool = BIDI if op == "bidi" else ZERO_WIDTH
            i = rnd.randrange(len(sents))
            s = sents[i]
            sents[i] = "".join(ch + (rnd.choice(pool) if rnd.random() < 0.15 else "") for ch in s)
        elif op == "huge" and sents:
            i = rnd.randrange(len(sents))
            sents[i] = sents[i] + " " + draw(huge_token(20_000)) + " " + sents[i]
        elif op == "nfd":
            import unicodedata
            sents = [unicodedata.normalize("NFD", s) for s in sents]
        elif op == "upper":
            sents = [s.upper() for s in sents]
        elif op == "glue":
            sents = ["".join(sents)]
    return a.title, " ".join(sents), a.published


@given(mutated_article())
def test_extract_claims_on_mutated_real_articles(article) -> None:  # type: ignore[no-untyped-def]
    title, text, published = article
    with hard_limit(10):
        claims = extract_claims(title, text, published)
    check_claims(claims)


# ---------------------------------------------------------------------------------------------
# regression corpus


def _regression_params():  # type: ignore[no-untyped-def]
    manifest = json.loads((REGRESSIONS / "xfail.json").read_text(encoding="utf-8")) \
        if (REGRESSIONS / "xfail.json").exists() else {}
    out = []
    for path in sorted(REGRESSIONS.iterdir()) if REGRESSIONS.is_dir() else []:
        if path.name in ("README.md", "xfail.json"):
            continue
        marks = []
        if path.name in manifest:
            marks.append(pytest.mark.xfail(strict=True, reason=manifest[path.name]))
        out.append(pytest.param(path, id=path.name, marks=marks))
    return out


def replay(path: Path) -> None:
    """Feed one regression file to the parser its name starts with (see the README there)."""
    target = path.name.split("--", 1)[0]
    data = path.read_bytes()
    with hard_limit(30):
        if target == "text":
            try:
                check_article(parse_text_article(decode_text(data, path.name), path.name))
            except SourceError as exc:
                check_source_error(exc)
        elif target == "records":
            for it in read_seed_records(path):
                check_source_error(it) if isinstance(it, SourceError) else check_article(it)
        elif target == "feed":
            _check_feed(data, "https://regression.example.com/feed")
        elif target == "html":
            assert isinstance(html_to_text(data), str)
            assert isinstance(extract_main(data).text, str)
        elif target == "url":
            for line in data.decode("utf-8").splitlines():
                try:
                    canonical_url(line)
                except ValueError:
                    pass
        elif target in ("dates", "extract"):
            doc = json.loads(data.decode("utf-8"))
            if target == "dates":
                for d in find_dates(doc["text"], doc.get("published")):
                    check_date(d.date, d.precision)
                check_date(infer_published(doc.get("title", ""), doc["text"]))
            else:
                check_claims(extract_claims(doc.get("title", ""), doc["text"], doc.get("published")))
        else:
            raise AssertionError(f"unknown regression target {target!r} in {path.name}")


@pytest.mark.parametrize("path", _regression_params())
def test_regression_corpus(path: Path) -> None:
    replay(path)


# imports last so that the module docstring and strategies read first
from ingest.dates import find_dates, infer_published  # noqa: E402
from ingest.extract import extract_claims  # noqa: E402
from ingest.feeds import parse_feed  # noqa: E402
from ingest.htmltext import extract_main, find_feed_links, html_to_text  # noqa: E402
from ingest.metadates import normalize_date  # noqa: E402
from ingest.seedfiles import (  # noqa: E402
    decode_text,
    parse_text_article,
    read_path,
    read_seed_file,
    read_seed_records,
    record_to_article,
)
from ingest.urls import canonical_url, is_internal_address  # noqa: E402
