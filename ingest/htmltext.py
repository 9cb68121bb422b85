"""HTML to plain text, shared by seed files, feed entries and fetched article pages.

Articles are stored as text only: markup and scripts from the web must never reach extraction,
the store or the web page that later shows a quote. Two tools, for two kinds of HTML:

- `html_to_text` for fragments (a feed entry's content, a JSON record's `html`): every word the
  author wrote is kept, with a line break at each block element. It uses lxml's parser, never
  regular expressions, so comments, CDATA, broken nesting and entities are handled as a browser
  would.
- `extract_main` for whole pages (an `.html` seed, an entry's link): trafilatura finds the main
  text and drops navigation, ads and footers; its metadata gives title and date. When it finds
  nothing (tiny pages), the page body through `html_to_text` is used instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree
import lxml.html

__all__ = ["html_to_text", "extract_main", "MainText", "find_feed_links", "looks_like_markup"]

# Elements whose content is never prose for a reader.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "head", "title", "meta", "link", "button", "select", "textarea", "canvas", "audio", "video",
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "thead tfoot tr td th ul caption".split()
)
_BREAK = "\ue000"  # private-use sentinel for "line break here"; scrubbed from input first
# Characters XML (and so lxml's text setters) refuse; the HTML parser keeps them in text nodes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def looks_like_markup(text: str) -> bool:
    """Whether supposedly plain text carries tags or entities (feeds often mislabel HTML)."""
    return bool(_MARKUP.search(text))


def _parse(html: str | bytes) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                  no_network=True)
    try:
        if isinstance(html, bytes):
            try:
                html.decode("utf-8")
            except UnicodeDecodeError:
                pass  # let libxml2 honour a declared charset (or fall back to latin-1)
            else:
                parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True,
                                              recover=True, no_network=True, encoding="utf-8")
            doc = lxml.html.document_fromstring(html, parser=parser)
        else:
            # Wrapping makes a fragment and a whole document parse the same way.
            doc = lxml.html.document_fromstring(f"<html><body>{html}</body></html>", parser=parser)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError):
        return None
    return doc


def html_to_text(html: str | bytes | None) -> str:
    """The visible text of an HTML fragment or page: one line per block, whitespace folded."""
    if html is None:
        return ""
    if isinstance(html, str):
        html = html.replace(_BREAK, " ").replace("\x00", "")
        if not html.strip():
            return ""
    elif not html.strip():
        return ""
    doc = _parse(html)
    if doc is None:
        return ""
    for el in doc.iter():  # lxml refuses to *set* text holding what the parser let in
        if el.text and _NOT_XML.search(el.text):
            el.text = _NOT_XML.sub(" ", el.text)
        if el.tail and _NOT_XML.search(el.tail):
            el.tail = _NOT_XML.sub(" ", el.tail)
    for el in list(doc.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in list(doc.iter(lxml.etree.Element)):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCK_TAGS:
            el.tail = _BREAK + (el.tail or "")
            if tag.lower() != "br":
                el.text = _BREAK + (el.text or "")
    body = doc.find("body")
    root = body if body is not None else doc
    raw = root.text_content()
    if isinstance(raw, bytes):  # pragma: no cover - lxml returns str for text_content
        raw = raw.decode("utf-8", "replace")
    text = re.sub(r"\s+", " ", raw.replace("\xa0", " "))
    lines = (line.strip() for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class MainText:
    """What a whole HTML page says: its main text and the metadata its markup declares."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None


_DATE_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='date']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publish-date']/@content",
    "//meta[@name='dc.date']/@content",
    "//meta[@name='DC.date.issued']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)


def _meta_published(doc: lxml.html.HtmlElement) -> str | None:
    """The publication timestamp as the page's meta tags state it (time zone intact)."""
    for path in _DATE_META:
        for value in doc.xpath(path):
            if str(value).strip():
                return str(value).strip()
    return None


def _page_title(doc: lxml.html.HtmlElement) -> str | None:
    for path in ("//meta[@property='og:title']/@content", "//title//text()", "//h1//text()"):
        found = " ".join(" ".join(str(x) for x in doc.xpath(path)).split())
        if found:
            return found
    return None


def extract_main(html: str | bytes, url: str | None = None) -> MainText:
    """Main text of a whole page via trafilatura, falling back to all visible body text.

    The date comes only from the page's metadata markup (htmldate with extensive search off):
    inferring a date from the prose is `ingest.dates`' job, and a guessed date must be marked
    as inferred there, not passed off as metadata here.
    """
    import trafilatura  # heavy import; only pages need it
    from trafilatura.settings import set_date_params

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception:  # trafilatura raises assorted errors on hostile markup
        doc = None
    get = (lambda k: getattr(doc, k, None)) if doc is not None and not isinstance(doc, dict) \
        else (lambda k: (doc or {}).get(k))
    text = (get("text") or "").strip()
    if text and looks_like_markup(text):
        text = html_to_text(text)
    if not text:
        text = html_to_text(html)
    page = _parse(html)
    title = (get("title") or "").strip() or (_page_title(page) if page is not None else None)
    # A full timestamp with its zone beats htmldate's zone-less day: the caller normalises it
    # to the UTC date.
    published = (_meta_published(page) if page is not None else None) or get("date") or None
    if title and text:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
            text = rest.strip()  # like a .txt seed: text is what follows the headline
    return MainText(
        text=text,
        title=" ".join(title.split()) if title else None,
        published=published,
        author=(get("author") or None),
        sitename=(get("sitename") or None),
    )


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
               "application/json", "application/rdf+xml")


def find_feed_links(html: str | bytes, base_url: str | None = None) -> list[str]:
    """Feed URLs an HTML page advertises with <link rel="alternate">, absolute when possible.

    Used to turn "this URL is a web page, not a feed" into an actionable message.
    """
    doc = _parse(html)
    if doc is None:
        return []
    found: list[str] = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            absolute = urljoin(base_url, href) if base_url else href
            if absolute not in found:
                found.append(absolute)
    return found
