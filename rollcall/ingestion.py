"""The ingestion shell: articles in, events appended, projections caught up.

Everything that decides something is pure and lives in `ingest/` (reading, extraction,
resolution, dedup signatures); this module only orders the steps and holds the write
transaction. Extraction runs before the lock (it is the slow part); the lock covers the
duplicate check, the registry refresh and the append, so concurrent workers never record
one article or one fact twice.

An article's refutations (moves it says did not happen, ingest/denials.py) travel in its
`article_ingested` event, so a report ingested later is still checked against them; the
retractions they call for (ingest/crossrefute.py) are appended with the article's facts.
"""
from __future__ import annotations

import dataclasses
import inspect
import json
from dataclasses import dataclass, field
from typing import Callable, Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ingest.dates import infer_published
from ingest.dedup import NearDuplicateIndex
from ingest.errors import SourceError
from ingest.crossrefute import new_refutations, plan_refutations, stays
from ingest.model import Article, Claim, Reading, Refutation
from ingest.resolve import Registry, plan
from ingest.urls import canonical_url
from store import log, projector
from store.db import Store
from store.events import ARTICLE_INGESTED, FACT_EVENTS, NewEvent, CORROBORATED, RETRACTED, MERGED, ALIAS_ADDED
from store.log import utc_now_iso
from store.selectin import select_in

# an extractor returns an article's claims, or a Reading: its claims and its refutations
Extractor = Callable[[str, str, "str | None"], "list[Claim] | Reading"]


def default_extractor() -> Extractor:
    """The extractor is imported when first needed: it loads its gazetteer at import."""
    from ingest.extract import read_article

    return read_article


def _takes_author(fn: Callable[..., object]) -> bool:
    """The extractor accepts an `author` keyword (inspected once, when the Ingestor is made)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    p = params.get("author")
    return p is not None and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


REGISTRY_EVENTS = FACT_EVENTS + (CORROBORATED, RETRACTED, MERGED, ALIAS_ADDED, ARTICLE_INGESTED)
CHUNK = 50
# News articles run to tens of kilobytes; a text far beyond that is a dump, not an article, and
# reading it would hold the worker for minutes (extraction runs at about 5 s per MB).
MAX_ARTICLE_CHARS = 2_000_000


@dataclass
class IngestReport:
    new: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    events_appended: int = 0
    facts_new: int = 0
    facts_corroborated: int = 0
    facts_retracted: int = 0

    def merge(self, other: "IngestReport") -> None:
        for f in ("new", "duplicates", "unchanged", "rejected"):
            getattr(self, f).extend(getattr(other, f))
        self.events_appended += other.events_appended
        self.facts_new += other.facts_new
        self.facts_corroborated += other.facts_corroborated
        self.facts_retracted += other.facts_retracted

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def locators(a: Article) -> list[str]:
    """Every name an input is known under; a file by its path, an entry by URL and GUID."""
    out = []
    if a.path:
        out.append(f"path:{a.path}")
    if a.url:
        try:
            out.append(f"url:{canonical_url(a.url)}")
        except ValueError:  # not an http(s) URL: no identity to record, and no reason to fail the batch
            pass
    if a.guid:
        out.append(f"guid:{a.guid}")
    return out


def label(a: Article) -> str:
    return a.path or a.url or a.guid or a.title[:60]


def with_published(a: Article) -> Article:
    """An undated article gets a date inferred from its own text, marked as inferred."""
    if a.published:
        return a
    inferred = infer_published(a.title, a.text)
    return dataclasses.replace(a, published=inferred, published_inferred=True) if inferred else a


class Ingestor:
    """Holds the state worth keeping between batches: the registry and the near-duplicate
    index, both rebuilt from the store on first use and refreshed from the log's tail."""

    def __init__(self, store: Store, extractor: Extractor | None = None) -> None:
        self.store = store
        self.extractor = extractor or default_extractor()
        # the metadata author is passed only to an extractor that takes it (ingest.extract's
        # does; a test's plain 3-argument function does not)
        self.extractor_takes_author = _takes_author(self.extractor)
        self.registry = Registry()
        self.near: NearDuplicateIndex | None = None

    def read(self, a: Article) -> Reading:
        """The extractor's reading of one article, with its metadata author when it takes one
        (an extractor that returns bare claims states no refutations)."""
        if self.extractor_takes_author:
            out = self.extractor(a.title, a.text, a.published, author=a.author)  # type: ignore[call-arg]
        else:
            out = self.extractor(a.title, a.text, a.published)
        return out if isinstance(out, Reading) else Reading(list(out))

    def extract(self, a: Article) -> list[Claim]:
        """The extractor's claims for one article."""
        return self.read(a).claims

    # -- state ----------------------------------------------------------------------------
    def refresh(self, conn: Connection) -> None:
        """Bring the registry up to the log's head; call inside the append lock."""
        for e in log.read(conn, after=self.registry.position, types=REGISTRY_EVENTS):
            self.registry.apply(e)
        self.registry.position = max(self.registry.position, log.head(conn)[0])

    def _near_index(self, conn: Connection) -> NearDuplicateIndex:
        if self.near is None:
            self.near = NearDuplicateIndex()
            for aid, sig, body in conn.execute(text("SELECT id, minhash, text FROM rc_articles")):
                try:
                    self.near.add(aid, bytes(sig) if sig is not None else body)
                except ValueError:
                    self.near.add(aid, body)
        return self.near

    # -- work -----------------------------------------------------------------------------
    def ingest(self, items: Iterable[Article | SourceError],
               progress: Callable[[str], None] | None = None) -> IngestReport:
        report = IngestReport()
        chunk: list[Article] = []
        for item in items:
            if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
                item = SourceError(label(item), f"article text of {len(item.text):,} characters is over the "
                                                f"{MAX_ARTICLE_CHARS:,}-character limit for one article")
            if isinstance(item, SourceError):
                report.rejected.append({"source": item.source, "reason": item.reason})
                if progress:
                    progress(item.source)
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                report.merge(self._chunk(chunk, progress))
                chunk = []
        if chunk:
            report.merge(self._chunk(chunk, progress))
        return report

    def _known(self, conn: Connection, articles: list[Article]) -> tuple[set[str], set[str]]:
        ids = list({a.id for a in articles})
        locs = list({loc for a in articles for loc in locators(a)})
        known_ids = {r[0] for r in select_in(conn, "SELECT id FROM rc_articles WHERE id", ids)}
        known_locs = {r[0] for r in select_in(conn, "SELECT locator FROM rc_article_locators WHERE locator", locs)}
        return known_ids, known_locs

    def _chunk(self, articles: list[Article], progress: Callable[[str], None] | None) -> IngestReport:
        report = IngestReport()
        with self.store.read() as conn:
            known_ids, _ = self._known(conn, articles)
        prepared: list[tuple[Article, Reading | None]] = []
        for a in articles:
            a = with_published(a)
            prepared.append((a, None if a.id in known_ids else self.read(a)))
        indexed: list[tuple[str, object]] = []
        with self.store.write() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({log.APPEND_LOCK})")
            self.refresh(conn)
            near = self._near_index(conn)
            known_ids, known_locs = self._known(conn, articles)
            events: list[NewEvent] = []
            article_rows: list[dict] = []
            locator_rows: dict[str, str] = {}
            batch_sigs: dict[str, object] = {}
            for a, reading in prepared:
                claims = reading.claims if reading else []
                refutations = reading.refutations if reading else []
                locs = [loc for loc in locators(a) if loc not in known_locs and loc not in locator_rows]
                src = label(a)
                if a.id in known_ids or a.id in batch_sigs:
                    if not locs:
                        report.unchanged.append({"source": src, "article": a.id})
                        continue
                    events.append(self._seen_event(a, a.id, "exact", locs))
                    report.duplicates.append({"source": src, "article": a.id, "duplicate_of": a.id, "match": "exact"})
                    locator_rows.update({loc: a.id for loc in locs})
                    continue
                sig = near.signature(a.text)
                first = near.query(sig)
                if first is None:
                    for other_id, other_sig in batch_sigs.items():
                        if near.score(sig, other_sig) is not None:
                            first = other_id
                            break
                # a corrected version is a near copy that refutes what its first copy did not:
                # a new statement, read as a new article (its own copy of the rest corroborates)
                copy_of = first
                if first is not None and not new_refutations(first, refutations, self.registry):
                    events.append(self._seen_event(a, first, "near", locs))
                    report.duplicates.append({"source": src, "article": a.id, "duplicate_of": first, "match": "near"})
                    locator_rows.update({loc: first for loc in locs})
                    continue
                batch_sigs[a.id] = sig
                article_rows.append(self._article_row(a, sig.to_bytes()))
                locator_rows.update({loc: a.id for loc in locs})
                events.append(NewEvent(type=ARTICLE_INGESTED, idempotency_key=f"article:{a.id}", payload={
                    "article": a.id, "title": a.title, "url": a.url, "path": a.path, "published": a.published,
                    "published_inferred": a.published_inferred, "duplicate_of": None, "match": None,
                    **_refutation_payload(refutations)}))
                planned = plan(a, claims, self.registry)
                planned += plan_refutations(self.registry.see_article(a), refutations, planned, self.registry, copy_of)
                events.extend(planned)
                report.facts_retracted += sum(1 for e in planned if e.type == RETRACTED)
                report.facts_new += sum(1 for e in planned if e.type in FACT_EVENTS)
                report.facts_corroborated += sum(1 for e in planned if e.type == CORROBORATED)
                report.new.append({"source": src, "article": a.id, "title": a.title,
                                   "published": a.published, "claims": len(claims)})
                indexed.append((a.id, sig))
            if article_rows:
                conn.execute(text(
                    "INSERT INTO rc_articles (id, title, text, url, path, published, published_inferred, source, guid, "
                    "minhash, stored_at, author) VALUES (:id, :title, :text, :url, :path, :published, "
                    ":published_inferred, :source, :guid, :minhash, :stored_at, :author)"), article_rows)
            if locator_rows:
                conn.execute(text("INSERT INTO rc_article_locators (locator, article_id) VALUES (:l, :a)"),
                             [{"l": k, "a": v} for k, v in locator_rows.items()])
            appended = log.append(conn, events)
            report.events_appended = len(appended)
            if appended:
                self.registry.position = appended[-1].position
        for aid, sig in indexed:
            near.add(aid, sig)
        if progress:
            for a, _ in prepared:
                progress(label(a))
        projector.catch_up(self.store)
        return report

    @staticmethod
    def _seen_event(a: Article, first: str, match: str, locs: list[str]) -> NewEvent:
        return NewEvent(type=ARTICLE_INGESTED, idempotency_key=f"seen:{a.id}:{locs[0] if locs else ''}", payload={
            "article": a.id, "title": a.title, "url": a.url, "path": a.path, "published": a.published,
            "published_inferred": a.published_inferred, "duplicate_of": first, "match": match})

    @staticmethod
    def _article_row(a: Article, minhash: bytes) -> dict:
        return {"id": a.id, "title": a.title, "text": a.text, "url": a.url, "path": a.path,
                "published": a.published, "published_inferred": a.published_inferred, "source": a.source,
                "guid": a.guid, "minhash": minhash, "stored_at": utc_now_iso(), "author": a.author}


def _refutation_payload(refutations: list[Refutation]) -> dict:
    """The article event's record of its refutations (absent when it states none, so the
    events of ordinary articles keep their shape)."""
    if not refutations:
        return {}
    return {"refutations": [dataclasses.asdict(r) for r in refutations]}


def stored_articles(conn: Connection) -> Iterable[Article]:
    for r in conn.execute(text("SELECT title, text, url, path, published, published_inferred, source, guid, "
                               "author FROM rc_articles ORDER BY stored_at, id")):
        yield Article(title=r[0], text=r[1], url=r[2], path=r[3], published=r[4],
                      published_inferred=bool(r[5]), source=r[6], guid=r[7], author=r[8])


def reextract(store: Store, extractor: Extractor | None = None) -> dict:
    """Re-read every stored article with the current extractor and append only the
    difference: new facts or corroborations, retractions (marked `by: reextract`) of facts
    that no stored article supports any more, and retractions of stored facts that a later
    stored article refutes (marked `by: refutation`, as at ingestion)."""
    ing = Ingestor(store, extractor)
    added = retracted = 0
    supported: set[str] = set()
    with store.read() as conn:
        articles = list(stored_articles(conn))
        fact_sources: dict[str, set[str]] = {}
        for fid, art in conn.execute(text(
                "SELECT s.fact_id, s.article FROM rc_fact_sources s JOIN rc_facts f ON f.event_id = s.fact_id "
                "WHERE f.retracted_position IS NULL")):
            fact_sources.setdefault(fid, set()).add(art)
    with store.write() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({log.APPEND_LOCK})")
        ing.refresh(conn)
        events: list[NewEvent] = []
        refuted: set[str] = set()
        for a in articles:
            reading = ing.read(a)
            planned = plan(a, reading.claims, ing.registry)
            planned += plan_refutations(ing.registry.see_article(a), reading.refutations, planned, ing.registry)
            for ref in reading.refutations:   # a denied departure's "P is at O" still stands
                supported.update(stays(a.id, ref, ing.registry))
            for e in planned:
                if e.type == RETRACTED:
                    # only a stored, active fact (one planned again in this run is not in the log)
                    if e.payload["fact"] in fact_sources and e.payload["fact"] not in refuted:
                        refuted.add(e.payload["fact"])
                        events.append(e)
                    continue
                fid = e.payload.get("fact") or e.event_id
                supported.add(fid)
                if e.type in FACT_EVENTS or (e.type == CORROBORATED and a.id not in fact_sources.get(fid, set())):
                    events.append(e)
        for fid in fact_sources:
            if fid not in supported and fid not in refuted:
                events.append(NewEvent(type=RETRACTED, idempotency_key=None, payload={
                    "fact": fid, "reason": "re-extraction no longer reads this fact from its sources", "by": "reextract"}))
        appended = log.append(conn, events)
        added = sum(1 for e in appended if e.type in FACT_EVENTS)
        retracted = sum(1 for e in appended if e.type == RETRACTED)
    projector.catch_up(store)
    return {"articles": len(articles), "facts_added": added, "corroborations": sum(
        1 for e in appended if e.type == CORROBORATED), "retracted": retracted}


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)
