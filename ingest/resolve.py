"""Who is who, and is this fact already known: turning an article's claims into log events.

Resolution is pure over a `Registry`, a small in-memory view of the people, organizations
and facts the log holds. The shell keeps the registry current by feeding it every stored
event (`Registry.apply`), under the append lock, so two workers never both record one fact.

People: a name matches a known person by any alias (case-, accent- and punctuation-blind;
middle initials and bracketed nicknames dropped: "Max A. Schwarzer", "Diederik (Durk)
Kingma"), else by a fuzzy first-name match among people who share the exact surname
(rapidfuzz ratio >= PERSON_FUZZ, or one first name a 3+ letter prefix of the other:
"Alex"/"Alexander"), or as the same two names in the other order ("Lin Junyang" /
"Junyang Lin", as East Asian names are written both ways). Two people who share only a
surname are never merged.

Facts: a claim with the same type, person and organization as an active fact, and a date
compatible with it (equal, one refining the other, or either unknown), is a corroboration
of that fact; `held_role` claims always corroborate. Otherwise it is a new fact (also when
the only fact with that key was retracted: a later report of a denied move records it again).

The registry also knows every article seen (publication date, ingestion order) and the
refutations each one stated, so ingest/crossrefute.py can decide which facts a later
article's denial retracts, whichever of the two articles is ingested first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ingest.dates import period_bounds
from ingest.hypocorisms import same_given_name
from ingest.model import Article, Claim, FACT_TYPES, Refutation, name_key, refines
from ingest.orgforms import OrgForms
from store.events import ALIAS_ADDED, ARTICLE_INGESTED, CORROBORATED, MERGED, RETRACTED, NewEvent, StoredEvent

PERSON_FUZZ = 88
SAME_EVENT_DAYS = 45
# A move is announced months before it starts ("will join in June", reported in March), and
# articles date it by either; nobody joins or leaves one employer twice within four months.
# A new title can follow an interim one within weeks, so role changes keep the short window.
SAME_MOVE_DAYS = {"joined": 120, "left": 120}


def norm(name: str) -> str:
    return name_key(name)


def slug(name: str) -> str:
    return norm(name).replace(" ", "-") or "unnamed"


def name_variants(name: str) -> list[str]:
    """The spellings one person's name stands for: with and without middle initials and
    bracketed or quoted nicknames ("Diederik (Durk) Kingma" is also "Durk Kingma")."""
    out = [name]
    m = re.match(r"^(\S+)\s+[(\"“']([^)\"”']+)[)\"”']\s+(.+)$", name)
    if m:
        out += [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"]
    for n in list(out):
        stripped = re.sub(r"\s+[A-Z]\.?(?=\s)", "", n)
        if stripped != n:
            out.append(stripped)
    return list(dict.fromkeys(x.strip() for x in out if x.strip()))


def _tokens(name: str) -> list[str]:
    return norm(name).split()


@dataclass
class KnownFact:
    event_id: str
    type: str
    person_id: str
    org_id: str
    role: str | None
    date: str | None
    retracted: bool = False
    sources: list[str] = field(default_factory=list)   # article ids, first report first


@dataclass(frozen=True)
class SeenArticle:
    """What resolution needs of an article once it is stored: its identity and source fields
    (a fact recorded on its behalf cites them) and its place in time: publication date, and
    ingestion order (the article event's position) where dates cannot decide."""

    id: str
    url: str | None
    path: str | None
    published: str | None
    published_inferred: bool
    order: int
    title: str = ""

    @property
    def label(self) -> str:
        return self.path or self.url or self.title[:60] or self.id


@dataclass
class Registry:
    position: int = 0
    person_alias: dict[str, str] = field(default_factory=dict)
    person_name: dict[str, str] = field(default_factory=dict)
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    org_alias: dict[str, str] = field(default_factory=dict)
    org_name: dict[str, str] = field(default_factory=dict)
    merged: dict[tuple[str, str], str] = field(default_factory=dict)
    facts: dict[tuple[str, str, str], list[KnownFact]] = field(default_factory=dict)
    fact_by_id: dict[str, KnownFact] = field(default_factory=dict)
    org_forms: OrgForms = field(default_factory=OrgForms)
    articles: dict[str, SeenArticle] = field(default_factory=dict)
    refutations: list[tuple[str, Refutation]] = field(default_factory=list)   # (article id, refutation)
    refutations_at: dict[tuple[str, str], list[tuple[str, Refutation]]] = field(default_factory=dict)
    last_order: int = 0

    # -- learning from the log ------------------------------------------------------------
    def canonical(self, kind: str, eid: str) -> str:
        seen: set[str] = set()
        while (kind, eid) in self.merged and eid not in seen:
            seen.add(eid)
            eid = self.merged[(kind, eid)]
        return eid

    def add_person(self, pid: str, name: str, aliases: list[str] = ()) -> None:
        self.person_name.setdefault(pid, name)
        for a in [name, *aliases]:
            for v in name_variants(a):
                if len(_tokens(v)) >= 2:
                    self.person_alias.setdefault(norm(v), pid)
        toks = _tokens(name)
        if toks:
            self.by_surname.setdefault(toks[-1], set()).add(pid)

    def add_org(self, oid: str, name: str, aliases: list[str] = ()) -> None:
        self.org_name.setdefault(oid, name)
        for a in [name, *aliases]:
            self.org_alias.setdefault(norm(a), oid)
            self.org_forms.add(oid, a)

    def add_fact(self, f: KnownFact) -> None:
        self.fact_by_id[f.event_id] = f
        self.facts.setdefault((f.type, f.person_id, f.org_id), []).append(f)

    def see_article(self, a: "Article | SeenArticle", order: int | None = None) -> SeenArticle:
        """The article as the registry knows it, registered on first sight with the next
        ingestion order (or the given one: its event's position, when read from the log)."""
        known = self.articles.get(a.id)
        if known is not None:
            return known
        self.last_order = max(self.last_order, order if order is not None else self.last_order + 1)
        seen = SeenArticle(a.id, a.url, a.path, a.published, bool(a.published_inferred),
                           order if order is not None else self.last_order, a.title)
        self.articles[a.id] = seen
        return seen

    def add_refutation(self, article_id: str, ref: Refutation) -> None:
        """Remember what an article refuted, indexed by (type, organization), so a report
        arriving later (an older article ingested after the denial) is checked against it."""
        self.refutations.append((article_id, ref))
        self.refutations_at.setdefault((ref.type, self.org_id(ref.org)), []).append((article_id, ref))

    def apply(self, e: StoredEvent) -> None:
        """Fold one stored event in; events must arrive in position order."""
        p = e.payload
        if e.type in FACT_TYPES:
            self.add_person(p["person"]["id"], p["person"]["name"], p["person"].get("aliases", []))
            self.add_org(p["org"]["id"], p["org"]["name"], p["org"].get("aliases", []))
            self.add_fact(KnownFact(e.event_id, e.type, p["person"]["id"], p["org"]["id"], p.get("role"), p.get("date"),
                                    sources=[(p.get("source") or {}).get("article") or ""]))
        elif e.type == ARTICLE_INGESTED:
            self.see_article(SeenArticle(p["article"], p.get("url"), p.get("path"), p.get("published"),
                                         bool(p.get("published_inferred")), e.position, p.get("title") or ""), e.position)
            for r in p.get("refutations") or ():
                self.add_refutation(p["article"], Refutation(
                    type=r["type"], person=r["person"], org=r["org"], quote=r.get("quote", ""), kind=r.get("kind", "denial"),
                    person_aliases=tuple(r.get("person_aliases") or ()), about=r.get("about")))
        elif e.type == CORROBORATED:
            f = self.fact_by_id.get(p["fact"])
            if f is not None:
                f.sources.append((p.get("source") or {}).get("article") or "")
                d = p.get("date")
                if refines(d, f.date):
                    f.date = d
                f.role = f.role or p.get("role")
        elif e.type == RETRACTED:
            f = self.fact_by_id.get(p["fact"])
            if f is not None:
                f.retracted = True
        elif e.type == MERGED:
            self.merged[(p["kind"], p["from"])] = p["into"]
        elif e.type == ALIAS_ADDED:
            if p["kind"] == "person":
                self.person_alias[norm(p["alias"])] = p["id"]
            else:
                self.org_alias[norm(p["alias"])] = p["id"]
        self.position = max(self.position, e.position)

    # -- resolving ------------------------------------------------------------------------
    def find_person(self, name: str, aliases: tuple[str, ...] = ()) -> str | None:
        for candidate in [name, *aliases]:
            for v in name_variants(candidate):
                pid = self.person_alias.get(norm(v))
                if pid:
                    return self.canonical("person", pid)
        toks = _tokens(name)
        if len(toks) < 2:
            return None
        if len(toks) == 2:
            # family-name-first order ("Lin Junyang" / "Junyang Lin") names one person
            pid = self.person_alias.get(f"{toks[1]} {toks[0]}")
            if pid:
                return self.canonical("person", pid)
        first = toks[0]
        for pid in sorted(self.by_surname.get(toks[-1], ())):
            other = _tokens(self.person_name[pid])
            if len(other) < 2 or other[-1] != toks[-1]:
                continue
            of = other[0]
            if fuzz.ratio(first, of) >= PERSON_FUZZ or same_given_name(first, of) or (
                    min(len(first), len(of)) >= 3 and (first.startswith(of) or of.startswith(first))):
                return self.canonical("person", pid)
        return None

    def person_id(self, name: str, aliases: tuple[str, ...] = ()) -> tuple[str, bool]:
        pid = self.find_person(name, aliases)
        if pid:
            return pid, False
        base = slug(name)
        pid, n = base, 2
        while pid in self.person_name:
            pid, n = f"{base}-{n}", n + 1
        return pid, True

    def org_id(self, name: str) -> str:
        oid = self.org_alias.get(norm(name)) or self.org_forms.find(name)
        return self.canonical("org", oid) if oid else slug(name)


def _compatible(a: str | None, b: str | None, window: int = SAME_EVENT_DAYS) -> bool:
    """Two reports' dates can describe one move when either is unknown, one refines the
    other, or they lie within `window` days of each other: articles date one move by its
    announcement, its effective day or their own publication."""
    if not a or not b:
        return True
    try:
        (alo, ahi), (blo, bhi) = period_bounds(a), period_bounds(b)
    except ValueError:
        return a[:min(len(a), len(b))] == b[:min(len(a), len(b))]
    gap = max((blo - ahi).days, (alo - bhi).days, 0)
    return gap <= window


def source_of(article: "Article | SeenArticle", claim: Claim) -> dict:
    return {"article": article.id, "url": article.url, "path": article.path,
            "published": article.published, "published_inferred": article.published_inferred,
            "quote": claim.quote}


def plan(article: "Article | SeenArticle", claims: list[Claim], reg: Registry) -> list[NewEvent]:
    """The events that record an article's claims: new facts, or corroborations of facts
    the registry already holds. The registry learns each planned fact at once, so claims
    later in the same batch corroborate it instead of duplicating it."""
    out: list[NewEvent] = []
    for c in claims:
        pid, new_person = reg.person_id(c.person, c.person_aliases)
        oid = reg.org_id(c.org)
        person_name = c.person if new_person else reg.person_name.get(pid, c.person)
        org_name = reg.org_name.get(oid, c.org)
        src = source_of(article, c)
        existing = [f for f in reg.facts.get((c.type, pid, oid), []) if not f.retracted
                    and (c.type == "held_role" or _compatible(c.date, f.date, SAME_MOVE_DAYS.get(c.type, SAME_EVENT_DAYS)))]
        if existing:
            f = existing[0]
            key = f"corr:{article.id}:{f.event_id}"
            out.append(NewEvent(type=CORROBORATED, person_key=pid, org_key=oid, valid_date=c.date,
                                valid_precision=c.date_precision, idempotency_key=key,
                                payload={"fact": f.event_id, "source": src, "role": c.role, "date": c.date,
                                         "precision": c.date_precision, "date_inferred": c.date_inferred,
                                         "confidence": c.confidence}))
            if refines(c.date, f.date):
                f.date = c.date
            f.role = f.role or c.role
            f.sources.append(article.id)
            continue
        aliases = sorted({a for a in (c.person, *c.person_aliases) if a != person_name})
        ev = NewEvent(type=c.type, person_key=pid, org_key=oid, valid_date=c.date,
                      valid_precision=c.date_precision,
                      idempotency_key=f"fact:{article.id}:{c.type}:{pid}:{oid}:{c.date or ''}",
                      payload={"person": {"id": pid, "name": person_name, "aliases": aliases},
                               "org": {"id": oid, "name": org_name,
                                       "aliases": [c.org] if norm(c.org) != norm(org_name) else []},
                               "role": c.role, "date": c.date, "precision": c.date_precision,
                               "date_inferred": c.date_inferred, "confidence": c.confidence, "source": src})
        out.append(ev)
        reg.add_person(pid, person_name, aliases)
        reg.add_org(oid, org_name, [c.org])
        reg.add_fact(KnownFact(ev.event_id, c.type, pid, oid, c.role, c.date, sources=[article.id]))
    return out
