"""Fetching feeds and article pages politely over HTTP: the shell around `ingest.feeds`.

`fetch_feeds(requests)` is async: httpx with conditional GET, manual redirects (permanent ones
reported so the caller can update the stored URL), connect/read timeouts, a total deadline per
fetch, a body cap that is enforced while streaming, bounded retries with jittered exponential
backoff for 5xx and network errors, and Retry-After handed back to the caller instead of
hot-looping. A fetch never raises: every outcome is a `FetchResult`.

`next_backoff` is the pure schedule the daemon uses for a feed that keeps failing, and
`fetch_and_parse` the synchronous convenience the CLI uses for `rollcall ingest URL`.
"""
from __future__ import annotations

import asyncio
import email.utils
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, AsyncIterator
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.errors import SourceError
from ingest.feeds import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ENTRIES,
    FeedParseResult,
    fold_text,
    one_line,
    parse_feed,
)
from ingest.htmltext import extract_main
from ingest.metadates import normalize_date
from ingest.model import Article
from ingest.urls import is_internal_address

USER_AGENT = "rollcall/0.1 (feed reader; people-moves in AI news)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

__all__ = [
    "FeedRequest",
    "FetchOptions",
    "FetchResult",
    "fetch_feeds",
    "fetch_url",
    "ArticlePage",
    "fetch_article_page",
    "with_page_text",
    "FeedOutcome",
    "fetch_and_parse",
    "next_backoff",
    "parse_retry_after",
]

# =============================================================================================
# Fetching
# =============================================================================================


@dataclass(frozen=True)
class FeedRequest:
    """One feed to fetch, with the validators from its last successful fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one fetch. Defaults suit the daemon; tests shrink the delays."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 60.0  # total per fetch: redirects, retries and their waits included
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    max_attempts: int = 3
    backoff_base: float = 1.0  # first retry waits ~base, then ~2*base, ... (with jitter)
    max_inline_retry_after: float = 5.0  # a longer Retry-After is returned, not slept through
    user_agent: str = USER_AGENT
    allow_internal: bool = True  # False: refuse loopback/private targets, on every hop
    trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY like other tools


@dataclass(frozen=True)
class FetchResult:
    """How one fetch ended. `status` is 'ok' (body set), 'not_modified' or 'error' (error set).

    `etag`/`last_modified` are the validators to send next time (on 304 the old ones when the
    server sent none); `permanent_redirect` is the URL a 301/308 moved the feed to;
    `retry_after` is the server's requested wait in seconds (429/503), for the scheduler;
    `elapsed` is the seconds the fetch took once it had its concurrency slot.
    """

    url: str
    status: str
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    permanent_redirect: str | None = None
    error: str | None = None
    retry_after: float | None = None
    elapsed: float = 0.0
    http_status: int | None = None
    content_type: str | None = None
    attempts: int = 0
    cache_control: str | None = None  # the response's Cache-Control (the daemon honours max-age)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (delta seconds or HTTP date) -> seconds from now, else None."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


def next_backoff(
    consecutive_failures: int,
    retry_after: float | None = None,
    *,
    base: float = 60.0,
    cap: float = 6 * 3600.0,
    jitter: float = 0.25,
    max_retry_after: float = 24 * 3600.0,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before polling a feed that failed `consecutive_failures` times in a row.

    Exponential from `base` (1 min, 2, 4, ...) up to `cap` (6 h), minus up to `jitter` of it
    at random so that feeds failing together do not retry together. A server's Retry-After is
    honoured as a floor (but not beyond `max_retry_after`, against absurd values).
    """
    delay = 0.0
    if consecutive_failures > 0:
        delay = min(cap, base * 2.0 ** min(consecutive_failures - 1, 62))
        delay *= 1.0 - jitter * min(max(rand(), 0.0), 1.0)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, max_retry_after))
    return delay


class _Limiter:
    """At most `concurrency` requests in flight, and at most `per_host` to one host."""

    def __init__(self, concurrency: int, per_host: int) -> None:
        self._all = asyncio.Semaphore(max(1, concurrency))
        self._per_host = max(1, per_host)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        try:
            host = (urlsplit(url).netloc or url).lower()
        except ValueError:
            host = url
        sem = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with sem:  # host first, so waiting on a busy host blocks no other host
            async with self._all:
                yield


@dataclass
class _Attempt:
    result: FetchResult
    retryable: bool = False


class _TooBig(Exception):
    pass


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise _TooBig(f"declared Content-Length {int(declared):,} bytes is over the "
                      f"{max_bytes:,}-byte cap; not downloaded")
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.aiter_bytes():  # decoded: the cap also bounds gzip bombs
        total += len(chunk)
        if total > max_bytes:
            raise _TooBig(f"body is over the {max_bytes:,}-byte cap; stopped reading")
        chunks.append(chunk)
    return b"".join(chunks)


_REDIRECTS = {301, 302, 303, 307, 308}


async def _attempt(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    opts: FetchOptions,
    validators: tuple[str | None, str | None],
) -> _Attempt:
    visited = [url]
    current = url
    permanent: str | None = None
    still_permanent = True

    def done(status: str, retryable: bool = False, **kw: Any) -> _Attempt:
        kw.setdefault("final_url", current)
        return _Attempt(FetchResult(url=url, status=status, permanent_redirect=permanent, **kw),
                        retryable)

    for _hop in range(opts.max_redirects + 1):
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ("http", "https"):
            return done("error", error=f"unsupported URL scheme {scheme or '(none)'!r}")
        if not opts.allow_internal:
            internal = await asyncio.to_thread(is_internal_address, current)
            if internal:
                return done("error", error=f"refused: {current} is an internal address")
        try:
            request = client.build_request("GET", current, headers=headers)
            response = await client.send(request, stream=True, follow_redirects=False)
        except httpx.TimeoutException as exc:
            return done("error", True, error=f"timed out ({type(exc).__name__})")
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            return done("error", error=f"invalid URL: {one_line(exc)}")
        except httpx.TransportError as exc:
            return done("error", True, error=f"network error: {type(exc).__name__}: "
                                             f"{one_line(exc)}")
        try:
            code = response.status_code
            ctype = response.headers.get("content-type")
            common = {"http_status": code, "content_type": ctype}
            if code in _REDIRECTS:
                location = response.headers.get("location", "").strip()
                if not location:
                    return done("error", error=f"HTTP {code} redirect without Location",
                                **common)
                target = urljoin(current, location)
                if target in visited:
                    return done("error", error="redirect loop: " + " -> ".join(
                        visited[visited.index(target):] + [target]), **common)
                if code in (301, 308) and still_permanent:
                    permanent = target
                else:
                    still_permanent = False
                visited.append(target)
                current = target
                continue
            if code == 304:
                return done(
                    "not_modified",
                    etag=response.headers.get("etag") or validators[0],
                    last_modified=response.headers.get("last-modified") or validators[1],
                    cache_control=response.headers.get("cache-control"),
                    **common,
                )
            if 200 <= code < 300:
                try:
                    body = await _read_body(response, opts.max_bytes)
                except _TooBig as exc:
                    return done("error", error=str(exc), **common)
                except httpx.TimeoutException as exc:
                    return done("error", True, error=f"timed out reading body "
                                                     f"({type(exc).__name__})", **common)
                except (httpx.TransportError, httpx.DecodingError) as exc:
                    return done("error", True, error=f"body incomplete: "
                                                     f"{type(exc).__name__}: "
                                                     f"{one_line(exc)}", **common)
                return done(
                    "ok",
                    body=body,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    cache_control=response.headers.get("cache-control"),
                    **common,
                )
            reason = f"HTTP {code} {response.reason_phrase}".strip()
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if code in (429, 503) and retry_after is not None:
                return done("error", True, error=reason, retry_after=retry_after, **common)
            if code >= 500:
                return done("error", True, error=reason, **common)
            return done("error", error=reason, **common)  # 4xx (429 without Retry-After)
        finally:
            await response.aclose()
    return done("error", error=f"too many redirects (more than {opts.max_redirects}): "
                               + " -> ".join(visited))


async def _fetch_one(
    client: httpx.AsyncClient,
    url: str,
    opts: FetchOptions,
    limiter: _Limiter,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = FEED_ACCEPT,
) -> FetchResult:
    started = time.monotonic()
    headers = {"Accept": accept, "User-Agent": opts.user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempts = 0
    last: FetchResult | None = None

    async def run() -> FetchResult:
        nonlocal attempts, last
        while True:
            attempts += 1
            outcome = await _attempt(client, url, headers, opts, (etag, last_modified))
            last = outcome.result
            if not outcome.retryable or attempts >= opts.max_attempts:
                return outcome.result
            if outcome.result.retry_after is not None:
                if outcome.result.retry_after > opts.max_inline_retry_after:
                    return outcome.result  # the scheduler waits, not this task
                delay = outcome.result.retry_after
            else:
                delay = opts.backoff_base * 2 ** (attempts - 1) * (0.5 + random.random() / 2)
            if time.monotonic() - started + delay >= opts.deadline:
                return outcome.result
            await asyncio.sleep(delay)

    try:
        # One slot per fetch, held across its redirects and retries (politeness: a failing host
        # is not hit by a new request while this one backs off). The deadline starts once the
        # slot is held, so waiting behind other feeds of a busy host does not count against it.
        async with limiter.slot(url):
            started = time.monotonic()
            async with asyncio.timeout(opts.deadline):
                result = await run()
    except TimeoutError:
        base = last or FetchResult(url=url, status="error")
        result = replace(base, status="error", body=None,
                         error=f"gave up after the {opts.deadline:g}s deadline"
                               + (f" (last: {last.error})" if last and last.error else ""))
    except Exception as exc:  # noqa: BLE001 - a fetch reports, it never raises
        result = FetchResult(url=url, status="error",
                             error=f"unexpected error: {type(exc).__name__}: {one_line(exc)}")
    return replace(result, attempts=attempts, elapsed=time.monotonic() - started)


def _client(opts: FetchOptions, concurrency: int) -> httpx.AsyncClient:
    timeout = httpx.Timeout(connect=opts.connect_timeout, read=opts.read_timeout,
                            write=opts.read_timeout, pool=opts.deadline)
    limits = httpx.Limits(max_connections=max(1, concurrency),
                          max_keepalive_connections=max(1, concurrency))
    return httpx.AsyncClient(timeout=timeout, limits=limits, follow_redirects=False,
                             trust_env=opts.trust_env)


async def fetch_feeds(
    requests: Sequence[FeedRequest | str],
    *,
    concurrency: int = 16,
    per_host: int = 4,
    options: FetchOptions | None = None,
    client: httpx.AsyncClient | None = None,
) -> list[FetchResult]:
    """Fetch many feeds concurrently; one FetchResult per request, in the same order.

    Conditional GET from each request's etag/last_modified. Never raises for a bad feed.
    A `client` may be passed to share connections; its redirect setting is ignored.
    """
    opts = options or FetchOptions()
    reqs = [FeedRequest(r) if isinstance(r, str) else r for r in requests]
    if not reqs:
        return []
    limiter = _Limiter(concurrency, per_host)
    own = client is None
    http = client or _client(opts, concurrency)
    try:
        return list(await asyncio.gather(*(
            _fetch_one(http, r.url, opts, limiter, etag=r.etag, last_modified=r.last_modified)
            for r in reqs
        )))
    finally:
        if own:
            await http.aclose()


async def fetch_url(
    url: str,
    *,
    options: FetchOptions | None = None,
    client: httpx.AsyncClient | None = None,
    accept: str = FEED_ACCEPT,
) -> FetchResult:
    """Fetch one URL with the same limits, retries and redirect handling as feeds."""
    opts = options or FetchOptions()
    own = client is None
    http = client or _client(opts, 1)
    try:
        return await _fetch_one(http, url, opts, _Limiter(1, 1), accept=accept)
    finally:
        if own:
            await http.aclose()


@dataclass(frozen=True)
class ArticlePage:
    """An entry's linked page, fetched for its full text."""

    url: str
    status: str  # 'ok' | 'error'
    text: str = ""
    title: str | None = None
    published: str | None = None
    final_url: str | None = None
    error: str | None = None
    fetch: FetchResult | None = None


_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


async def fetch_article_page(
    url: str,
    *,
    options: FetchOptions | None = None,
    client: httpx.AsyncClient | None = None,
) -> ArticlePage:
    """Fetch an article page and return its main text (trafilatura), for link-only entries."""
    fetched = await fetch_url(url, options=options, client=client, accept=PAGE_ACCEPT)
    if not fetched.ok or fetched.body is None:
        return ArticlePage(url=url, status="error", final_url=fetched.final_url,
                           error=fetched.error or fetched.status, fetch=fetched)
    ctype = (fetched.content_type or "").split(";", 1)[0].strip().lower()
    if ctype and ctype not in _HTML_TYPES:
        return ArticlePage(url=url, status="error", final_url=fetched.final_url,
                           error=f"not an HTML page ({ctype})", fetch=replace(fetched, body=None))
    try:
        main = await asyncio.to_thread(extract_main, fetched.body, fetched.final_url or url)
    except Exception as exc:  # noqa: BLE001
        return ArticlePage(url=url, status="error", final_url=fetched.final_url,
                           error=f"could not extract text: {one_line(exc)}", fetch=fetched)
    if not main.text.strip():
        return ArticlePage(url=url, status="error", final_url=fetched.final_url,
                           error="no readable text on the page", fetch=fetched)
    return ArticlePage(url=url, status="ok", text=main.text, title=main.title,
                       published=normalize_date(main.published), final_url=fetched.final_url,
                       fetch=fetched)


def with_page_text(article: Article, page: ArticlePage) -> Article:
    """The article with its page's full text when that says more than the feed did.

    The feed's own text is kept as the summary; a date from page metadata fills a missing one.
    """
    if page.status != "ok" or len(page.text) <= len(article.text):
        return article
    return replace(
        article,
        text=page.text,
        summary=article.summary or (fold_text(article.text) if article.text else None),
        published=article.published or page.published,
    )


# =============================================================================================
# Synchronous convenience for the CLI
# =============================================================================================


@dataclass(frozen=True)
class FeedOutcome:
    """A feed URL fetched and parsed once: the feed, or the one error that stopped it."""

    url: str
    fetch: FetchResult
    feed: FeedParseResult | None = None
    error: SourceError | None = None

    @property
    def articles(self) -> list[Article]:
        return list(self.feed.articles) if self.feed else []

    @property
    def warnings(self) -> list[str]:
        return list(self.feed.warnings) if self.feed else []

    def items(self) -> Iterator[Article | SourceError]:
        """Articles, or the error, in the same shape `seedfiles.read_path` yields."""
        if self.error is not None:
            yield self.error
        yield from self.articles


def fetch_and_parse(
    urls: Iterable[str],
    *,
    options: FetchOptions | None = None,
    concurrency: int = 16,
    per_host: int = 4,
    max_entries: int = DEFAULT_MAX_ENTRIES,
) -> list[FeedOutcome]:
    """Fetch and parse feed URLs once (`rollcall ingest URL`). Sync: not for inside a loop."""
    url_list = list(urls)
    opts = options or FetchOptions()
    results = asyncio.run(fetch_feeds(url_list, concurrency=concurrency, per_host=per_host,
                                      options=opts))
    outcomes: list[FeedOutcome] = []
    for url, fetched in zip(url_list, results):
        if fetched.status == "error":
            outcomes.append(FeedOutcome(url, fetched, error=SourceError(url, fetched.error or
                                                                         "fetch failed")))
            continue
        if fetched.status == "not_modified" or fetched.body is None:
            outcomes.append(FeedOutcome(url, fetched))
            continue
        try:
            feed = parse_feed(fetched.body, fetched.final_url or url,
                              content_type=fetched.content_type, max_entries=max_entries,
                              max_bytes=opts.max_bytes)
        except SourceError as exc:
            outcomes.append(FeedOutcome(url, replace(fetched, body=None),
                                        error=SourceError(url, exc.reason)))
            continue
        outcomes.append(FeedOutcome(url, replace(fetched, body=None), feed=feed))
    return outcomes
