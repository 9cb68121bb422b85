"""RSS/Atom/JSON feeds parsed into Articles: the pure half of reading feeds.

`parse_feed(body, url)` turns fetched bytes into a `FeedParseResult`, so parsing can be tested
(and re-run) without a network. feedparser does the tolerant parsing, always on bytes we hand
it (it is never allowed to fetch or open files). Entry HTML becomes plain text via
`ingest.htmltext` (lxml), so markup and scripts never reach `Article.text`. What is not a
usable feed (an HTML page, some other document, an entity bomb, a document with no readable
entries) raises `SourceError(url, reason)`; a feed that is merely sloppy yields what it can plus
warnings. Entries are capped (default 5,000): a 100,000-entry feed is cut *before* parsing, so
time and memory stay bounded. Fetching lives in `ingest.fetch`.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ingest.errors import SourceError
from ingest.htmltext import find_feed_links, html_to_text, looks_like_markup
from ingest.metadates import normalize_date
from ingest.model import Article
from ingest.urls import canonical_url

__all__ = [
    "DEFAULT_MAX_ENTRIES",
    "DEFAULT_MAX_BYTES",
    "FeedParseResult",
    "parse_feed",
    "entry_to_article",
    "one_line",
]

DEFAULT_MAX_ENTRIES = 5_000
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# =============================================================================================
# Parsing
# =============================================================================================


@dataclass(frozen=True)
class FeedParseResult:
    """A parsed feed: its articles (at most the entry cap) and what was odd about it."""

    url: str
    title: str | None
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)
    version: str = ""
    link: str | None = None
    total_entries: int = 0  # entries in the document, before the cap


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
_PROLOG_ITEM = re.compile(
    r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S | re.I
)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_SNIFF_LIMIT = 1 << 20


def _sniff_text(body: bytes) -> tuple[str, bool]:
    """The document's head as text for sniffing; second value: ASCII-compatible bytes."""
    head = body[:_SNIFF_LIMIT]
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore"), False
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", "ignore"), False
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", "ignore"), False
    return head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf"), True


def _prolog(text: str) -> tuple[str, str | None]:
    """(the prolog before the root element, the root element's name or None)."""
    pos = 0
    while pos < len(text):
        m = _PROLOG_ITEM.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    root = _ROOT.match(text, pos)
    return text[:pos], (root.group(1) if root else None)


def _local(name: str | None) -> str:
    return (name or "").rsplit(":", 1)[-1].lower()


def _cap_entries(body: bytes, root: str, max_entries: int) -> tuple[bytes, int]:
    """Cut the document before its (max_entries+1)-th entry and close the root element.

    Returns (body, number of entries in the original document). Only for ASCII-compatible
    encodings; an entry start inside CDATA may make the cut early, which only costs entries.
    """
    local = _local(root)
    tag = {"rss": b"item", "rdf": b"item", "feed": b"entry"}.get(local)
    if tag is None:
        return body, -1
    pattern = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + tag + rb"[\s>/]")
    starts = [m.start() for m in pattern.finditer(body)]
    if len(starts) <= max_entries:
        return body, len(starts)
    prefix = root.encode("latin-1", "ignore")
    closing = b"</channel></" + prefix + b">" if local == "rss" else b"</" + prefix + b">"
    return body[: starts[max_entries]] + closing, len(starts)


def one_line(exc: object) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _clean_text(value: str | None, content_type: str | None = None) -> str:
    """Entry HTML (or mislabelled "plain" text carrying markup) -> plain text."""
    if not value:
        return ""
    is_html = (content_type or "text/html").lower() in ("text/html", "application/xhtml+xml",
                                                        "html", "xhtml")
    if is_html or looks_like_markup(value):
        text = html_to_text(value)
        for _ in range(3):  # double-escaped HTML (&amp;lt;p&amp;gt;) unwraps one level a pass
            if not looks_like_markup(text):
                break
            text = html_to_text(text)
        return text
    lines = (" ".join(line.split()) for line in value.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def fold_text(text: str | None) -> str | None:
    folded = " ".join((text or "").split())
    return folded or None


def _headline_from(text: str, limit: int = 120) -> str:
    first = text.split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return (cut or first[:limit]).rstrip(" ,;:-") + "…"


def _entry_url(entry: Any) -> str | None:
    candidates = [entry.get("link")]
    guid = entry.get("id")
    if isinstance(guid, str) and guid.lower().startswith(("http://", "https://")):
        candidates.append(guid)
    for link in entry.get("links", []) or []:
        if link.get("rel", "alternate") == "alternate":
            candidates.append(link.get("href"))
    for candidate in candidates:
        if candidate:
            try:
                return canonical_url(candidate)
            except ValueError:
                continue
    return None


def entry_to_article(entry: Any, feed_title: str | None) -> Article | None:
    """One feedparser entry -> Article (text only), or None when it has no title and no text."""
    contents = [(c.get("type"), c.get("value") or "") for c in (entry.get("content") or [])]
    summary_raw = entry.get("summary") or ""
    summary_type = (entry.get("summary_detail") or {}).get("type")
    if not contents and summary_raw:
        contents = [(summary_type, summary_raw)]
    text = ""
    if contents:
        kind, value = max(contents, key=lambda c: len(c[1]))
        text = _clean_text(value, kind)
    summary = _clean_text(summary_raw, summary_type) if summary_raw else ""
    title_detail = entry.get("title_detail") or {}
    title = fold_text(_clean_text(entry.get("title") or "", title_detail.get("type") or "text/plain"))
    if not title and not text:
        return None
    if not title:
        title = _headline_from(text)
    published = None
    # dict.get: plain lookups, bypassing FeedParserDict's deprecated updated->published alias.
    for key in ("published_parsed", "updated_parsed", "created_parsed",
                "published", "updated", "created"):
        value = dict.get(entry, key) if isinstance(entry, dict) else None
        if value:
            published = normalize_date(value)
            if published:
                break
    return Article(
        title=title,
        text=text,
        url=_entry_url(entry),
        published=published,
        source=feed_title,
        author=fold_text(_clean_text(entry.get("author") or "", "text/plain")),
        guid=fold_text(entry.get("id")) if isinstance(entry.get("id"), str) else None,
        summary=summary if summary and summary != text else None,
    )


def _not_a_feed(body: bytes, url: str, root: str | None, parsed: Any) -> SourceError:
    local = _local(root)
    if local == "html" or (root is None and b"<html" in body[:4096].lower()):
        links = find_feed_links(body[:_SNIFF_LIMIT], url)
        hint = f"; the page links to feed(s): {', '.join(links[:3])}" if links else ""
        return SourceError(url, f"an HTML page, not a feed{hint}")
    if parsed is not None and parsed.get("bozo") and root is None:
        return SourceError(url, f"not a feed: {one_line(parsed.get('bozo_exception'))}")
    if root:
        return SourceError(url, f"not an RSS/Atom/JSON feed (document element <{root}>)")
    return SourceError(url, "not an RSS/Atom/JSON feed")


def _xml_type(content_type: str | None) -> str:
    """The Content-Type to tell feedparser: the server's charset if it named one.

    Never a bare text/xml, which RFC 3023 reads as US-ASCII whatever the document declares.
    """
    m = re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type or "", re.I)
    return f"application/xml; charset={m.group(1)}" if m else "application/xml"


def parse_feed(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    max_entries: int = DEFAULT_MAX_ENTRIES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FeedParseResult:
    """Fetched feed bytes -> FeedParseResult; SourceError(url, reason) if it is not a feed.

    `url` names the feed in errors and is the base for relative links; `content_type` (the
    HTTP header) is used only for its charset. Rejected: empty bodies,
    bodies over `max_bytes`, HTML pages (with the feed links the page advertises, if any),
    other documents, documents declaring XML entities (the billion-laughs family; no real feed
    needs them), and malformed documents from which no entry could be read.
    """
    import feedparser

    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError("parse_feed takes the fetched bytes")
    body = bytes(body)
    if not body.strip():
        raise SourceError(url, "empty response, not a feed")
    if len(body) > max_bytes:
        raise SourceError(url, f"feed is {len(body):,} bytes, over the {max_bytes:,}-byte cap")
    head, ascii_compatible = _sniff_text(body)
    prolog, root = _prolog(head)
    if "<!entity" in (prolog if root else head[:65536]).lower():
        raise SourceError(
            url, "document declares XML entities (entity-expansion bomb?); refused"
        )
    if _local(root) == "html":
        raise _not_a_feed(body, url, root, None)

    warnings: list[str] = []
    total = -1
    if ascii_compatible and root and max_entries >= 0:
        body, total = _cap_entries(body, root, max_entries)
    if root is None and head.lstrip().startswith("{"):
        return _parse_json_feed(body, url, max_entries)
    try:
        parsed = feedparser.parse(
            io.BytesIO(body),  # a stream, so feedparser can never treat it as a URL or path
            # application/xml: the XML declaration / BOM decides the encoding (RFC 7303).
            response_headers={"content-location": url, "content-type": _xml_type(content_type)},
            sanitize_html=True,
            resolve_relative_uris=True,
        )
    except Exception as exc:  # noqa: BLE001 - a parser crash is a bad feed, not our crash
        raise SourceError(url, f"feed parser failed: {one_line(exc)}") from None
    version = parsed.get("version") or ""
    entries = list(parsed.get("entries") or [])
    if not version and not entries:
        raise _not_a_feed(body, url, root, parsed)
    if parsed.get("bozo") and not entries:
        raise SourceError(
            url, f"malformed feed, no entry readable: {one_line(parsed.get('bozo_exception'))}"
        )
    if total < 0 or len(entries) > total:  # the parser may recover entries the quick count missed
        total = len(entries)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if type(exc).__name__ != "CharacterEncodingOverride":
            warnings.append(f"{url}: feed is not well-formed ({one_line(exc)}); "
                            f"read {len(entries)} entries anyway")
    if total > max_entries:
        warnings.append(f"{url}: feed has {total:,} entries; kept the first {max_entries:,}")
    entries = entries[:max_entries]

    feed = parsed.get("feed") or {}
    title_detail = feed.get("title_detail") or {}
    feed_title = fold_text(_clean_text(feed.get("title") or "", title_detail.get("type")))
    articles: list[Article] = []
    for index, entry in enumerate(entries):
        try:
            article = entry_to_article(entry, feed_title)
        except Exception as exc:  # noqa: BLE001 - one odd entry must not lose the feed
            warnings.append(f"{url}: entry {index + 1} skipped ({one_line(exc)})")
            continue
        if article is None:
            warnings.append(f"{url}: entry {index + 1} has neither title nor text; skipped")
            continue
        articles.append(article)
    link = feed.get("link")
    return FeedParseResult(
        url=url,
        title=feed_title,
        articles=articles,
        warnings=warnings,
        version=version,
        link=link if isinstance(link, str) else None,
        total_entries=total,
    )


def _parse_json_feed(body: bytes, url: str, max_entries: int) -> FeedParseResult:
    """JSON Feed 1.x (jsonfeed.org), which feedparser 6.0 does not read."""
    import json

    try:
        doc = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise SourceError(url, f"not a feed: invalid JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
    ):
        raise SourceError(url, "not an RSS/Atom/JSON feed (a JSON document without a "
                               "jsonfeed.org version)")
    items = doc.get("items") if isinstance(doc.get("items"), list) else []
    feed_title = fold_text(_clean_text(str(doc.get("title") or ""), "text/plain"))
    warnings: list[str] = []
    if len(items) > max_entries:
        warnings.append(f"{url}: feed has {len(items):,} entries; kept the first {max_entries:,}")
    articles: list[Article] = []
    for index, item in enumerate(items[:max_entries]):
        if not isinstance(item, dict):
            warnings.append(f"{url}: entry {index + 1} is not an object; skipped")
            continue
        html = item.get("content_html")
        plain = item.get("content_text")
        text = _clean_text(str(html), "text/html") if html else _clean_text(str(plain or ""),
                                                                            "text/plain")
        summary = _clean_text(str(item.get("summary") or ""), "text/plain") or None
        title = fold_text(_clean_text(str(item.get("title") or ""), "text/plain"))
        if not title and not text:
            warnings.append(f"{url}: entry {index + 1} has neither title nor text; skipped")
            continue
        link = item.get("url") or item.get("external_url")
        try:
            link = canonical_url(urljoin(url, str(link))) if link else None
        except ValueError:
            link = None
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        author = next((a.get("name") for a in authors if isinstance(a, dict) and a.get("name")),
                      None)
        articles.append(Article(
            title=title or _headline_from(text),
            text=text,
            url=link,
            published=normalize_date(item.get("date_published") or item.get("date_modified")),
            source=feed_title,
            author=fold_text(str(author)) if author else None,
            guid=fold_text(str(item.get("id"))) if item.get("id") is not None else None,
            summary=summary if summary != text else None,
        ))
    home = doc.get("home_page_url")
    return FeedParseResult(url=url, title=feed_title, articles=articles, warnings=warnings,
                           version="json1", link=home if isinstance(home, str) else None,
                           total_entries=len(items))
