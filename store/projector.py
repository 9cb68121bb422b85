"""Keeping the projection tables current from the log, incrementally, with a checkpoint.

The projector reads events after its checkpoint a page at a time, folds each into the fact,
entity and alias tables, recomputes the membership segments of every person the event
touches (`store.membership.segments`, pure) and records the difference as new bitemporal
rows (`tx_from`) and closed ones (`tx_to`). Each page and its checkpoint commit together,
so a crash leaves the projection at a page boundary, never half-applied.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from ingest.model import name_key, refines
from store import log
from store.db import Store
from store.intervals import registration, tx_node
from store.events import ALIAS_ADDED, CORROBORATED, FACT_EVENTS, MERGED, RETRACTED, StoredEvent
from store.membership import FactView, Fold, Segment, fold as membership_fold
from store.selectin import mark as selectin_mark, select_in
from store.schema import OPEN_TX, PROJECTION_TABLES

CHECKPOINT = "main"
# Facts kept in memory across pages of one catch-up; past this the caches start afresh, so a
# rebuild of any size stays within a few hundred MB.
CACHE_FACTS = 1_000_000


norm_name = name_key



@dataclass(slots=True)
class _Fact:
    event_id: str
    position: int
    type: str
    person_id: str
    org_id: str
    role: str | None
    date: str | None
    precision: str
    date_inferred: bool
    confidence: float
    evidence: str
    recorded_at: str
    retracted_position: int | None = None
    retract_reason: str | None = None

    def view(self, org_of: Callable[[str], str]) -> FactView:
        return FactView(self.event_id, self.type, org_of(self.org_id), self.role, self.date,
                        self.evidence, self.position)

    def row(self) -> tuple:
        """The rc_facts row, in `_FACT_COLS` order."""
        return (self.event_id, self.position, self.type, self.person_id, self.org_id, self.role, self.date,
                self.precision, self.date_inferred, self.confidence, self.evidence, self.recorded_at,
                self.retracted_position, self.retract_reason)


_FACT_COLS = ("event_id", "position", "type", "person_id", "org_id", "role", "date", "precision",
              "date_inferred", "confidence", "evidence", "recorded_at", "retracted_position",
              "retract_reason")
_SEG_COLS = ("id", "person_id", "org_id", "role", "valid_from", "valid_to", "since", "until",
             "certain", "board", "fact_ids", "tx_from", "tx_to", "vnode", "vlo", "vhi", "person_name", "sort_name", "tnode")


class _Run:
    """The state of one catch-up transaction: caches over the projection tables plus the
    writes to flush. Caches are exact because this run is the only writer (it holds the
    store's write lock).

    A `complete` run started on empty projection tables (a rebuild) and has cached every
    row it wrote, so the tables hold nothing it does not know: it never queries them, and
    the rebuild can leave their lookup indexes unbuilt until the end."""

    def __init__(self, conn: Connection, complete: bool = False) -> None:
        self.conn = conn
        self.complete = complete
        # one copy of each repeated string (ids, types, dates, roles, times) across the cached
        # facts: decoded payloads give every event its own copies, and a million facts' worth
        # of duplicates would be most of a rebuild's memory
        self._strings: dict[str, str] = {}
        self.facts: dict[str, _Fact] = {}
        self.new_facts: set[str] = set()
        self.dirty_facts: set[str] = set()
        self.person_facts: dict[str, list[str]] = {}
        # a person's current membership rows by segment identity (`Fold` identities, or
        # ("db", row id) for rows read from the table), and the fold that produced them:
        # None when the next change must refold the whole history
        self.person_rows: dict[str, dict[object, tuple[int, Segment]]] = {}
        self.folds: dict[str, Fold | None] = {}
        self.new_rows: dict[int, list] = {}
        self.closed_rows: dict[int, int] = {}
        self.row_tx_from: dict[int, int] = {}  # of every current row: closing one moves its tnode
        self.sources: list[tuple] = []
        self.entities: dict[tuple[str, str], tuple[str, str | None, int | None]] = {}
        self.new_entities: dict[tuple[str, str], tuple] = {}
        self.dirty_entities: set[tuple[str, str]] = set()
        self.aliases: dict[tuple[str, str], tuple] = {}
        self._alias_seen: set[tuple[str, str]] = set()  # across pages: added ones are stored
        self.alias_overrides: dict[tuple[str, str], tuple] = {}
        self.pending: set[str] = set()
        self._views: dict[str, FactView] = {}  # dropped when a fact changes or orgs merge
        row = conn.exec_driver_sql("SELECT MAX(id) FROM rc_membership").first()
        self.next_row_id = int(row[0] or 0) + 1
        for kind, eid, name, into, pos in conn.exec_driver_sql(
                "SELECT kind, id, name, merged_into, merged_position FROM rc_entities "
                "WHERE merged_into IS NOT NULL"):
            self._set_entity((kind, eid), (name, into, pos))
        # Rows the page's events will ask for, fetched up front by `prefetch` in a few IN
        # queries instead of one query per event; the tables do not change during a run, so
        # these are exactly what the lazy queries would return. Misses still query.
        self._db_entities: dict[tuple[str, str], tuple | None] = {}
        self._db_facts: dict[str, tuple | None] = {}
        self._db_person_facts: dict[str, list[tuple]] = {}
        self._db_open_rows: dict[str, list[tuple]] = {}

    def next_page(self, conn: Connection) -> None:
        """Carry the caches into the next page's transaction, dropping only what was written.
        Valid while no other projector ran in between (the caller checks the checkpoint)."""
        self.conn = conn
        self.new_facts, self.dirty_facts = set(), set()
        self.new_rows, self.closed_rows, self.sources = {}, {}, []
        self.new_entities, self.dirty_entities = {}, set()
        self.aliases, self.alias_overrides, self.pending = {}, {}, set()
        self._db_entities, self._db_facts, self._db_person_facts, self._db_open_rows = {}, {}, {}, {}

    # -- entities -------------------------------------------------------------------------
    def _entity(self, kind: str, eid: str) -> tuple[str, str | None, int | None] | None:
        key = (kind, eid)
        if key not in self.entities:
            if self.complete:
                return None
            if key in self._db_entities:
                row = self._db_entities[key]
            else:
                row = self.conn.execute(text(
                    "SELECT name, merged_into, merged_position FROM rc_entities WHERE kind=:k AND id=:i"),
                    {"k": kind, "i": eid}).first()
            if row is None:
                return None
            self._set_entity(key, (row[0], row[1], row[2]))
        return self.entities[key]

    def _set_entity(self, key: tuple[str, str], value: tuple[str, str | None, int | None]) -> None:
        """Every write to `entities` goes here, to keep the merged-into index (`_children`) exact."""
        if not hasattr(self, "_children"):
            self._children: dict[tuple[str, str], set[str]] = {}
        old = self.entities.get(key)
        if old is not None and old[1] is not None:
            self._children.get((key[0], old[1]), set()).discard(key[1])
        self.entities[key] = value
        if value[1] is not None:
            self._children.setdefault((key[0], value[1]), set()).add(key[1])

    def canonical(self, kind: str, eid: str) -> str:
        ent = self.entities.get((kind, eid))
        if ent is None or ent[1] is None:  # the common case: never merged
            return eid
        seen = set()
        while eid not in seen:
            seen.add(eid)
            ent = self.entities.get((kind, eid))
            if ent is None or ent[1] is None:
                return eid
            eid = ent[1]
        return eid

    def ensure_entity(self, kind: str, eid: str, name: str, position: int) -> None:
        if (kind, eid) in self.new_entities or self._entity(kind, eid) is not None:
            return
        self._set_entity((kind, eid), (name, None, None))
        self.new_entities[(kind, eid)] = (kind, eid, name, position, None, None)

    def add_alias(self, kind: str, alias: str, eid: str, position: int, *, override: bool = False) -> None:
        """The first entity seen under a name keeps it; a user's explicit alias overrides.
        A name this run already added is skipped before it is normalized: every fact repeats
        its person's and organization's names, and the first one stands anyway."""
        if not override:
            if (kind, alias) in self._alias_seen:
                return
            self._alias_seen.add((kind, alias))
        key = norm_name(alias)
        if not key:
            return
        row = (kind, key, eid, alias, position)
        if override:
            self.alias_overrides[(kind, key)] = row
            self.aliases.pop((kind, key), None)
        elif (kind, key) not in self.alias_overrides:
            self.aliases.setdefault((kind, key), row)

    def members_of(self, kind: str, eid: str) -> list[str]:
        """Every entity id that is (or was merged into) this canonical id. Merged entities
        are all in memory (loaded at the start of the run), so this needs no query."""
        ids = [eid]
        children = getattr(self, "_children", {})
        stack, seen = [eid], {eid}
        while stack:  # walk merged-into links backwards from eid
            for other in sorted(children.get((kind, stack.pop()), ())):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
                    if self.canonical(kind, other) == eid:
                        ids.append(other)
        return ids

    def prefetch(self, events: list[StoredEvent]) -> None:
        """Fetch, a few hundred keys per query, the rows this page's events will need: their
        entities, the facts corroborations and retractions point at, and their people's
        stored facts and open membership rows."""
        if self.complete:
            return
        ents: dict[str, set[str]] = {"person": set(), "org": set()}
        fids: set[str] = set()
        people: set[str] = set()
        for e in events:
            if e.type in FACT_EVENTS:
                ents["person"].add(e.payload["person"]["id"])
                ents["org"].add(e.payload["org"]["id"])
                people.add(e.payload["person"]["id"])
            elif e.type in (CORROBORATED, RETRACTED):
                fids.add(e.payload["fact"])
        for kind, ids in ents.items():
            ids = {i for i in ids if (kind, i) not in self.entities}
            self._db_entities.update({(kind, i): None for i in ids})
            for r in select_in(self.conn, "SELECT id, name, merged_into, merged_position FROM rc_entities WHERE kind={m} AND id",
                              sorted(ids), (kind,)):
                self._db_entities[(kind, r[0])] = (r[1], r[2], r[3])
        fids -= self.facts.keys()
        self._db_facts.update({f: None for f in fids})
        for r in select_in(self.conn, f"SELECT {', '.join(_FACT_COLS)} FROM rc_facts WHERE event_id", sorted(fids)):
            self._db_facts[r[0]] = tuple(r)
            people.add(r[3])
        canon = {self.canonical("person", p) for p in people} - self.person_facts.keys()
        members = {m for c in canon for m in self.members_of("person", c)}
        self._db_person_facts.update({m: [] for m in members})
        for r in select_in(self.conn, f"SELECT {', '.join(_FACT_COLS)} FROM rc_facts WHERE person_id", sorted(members)):
            self._db_person_facts[r[3]].append(tuple(r))
        self._db_open_rows.update({c: [] for c in canon})
        for r in select_in(self.conn, f"SELECT {', '.join(_SEG_COLS)} FROM rc_membership WHERE tx_to = {{m}} AND person_id",
                          sorted(canon), (OPEN_TX,)):
            self._db_open_rows[r[1]].append(tuple(r))

    # -- facts ----------------------------------------------------------------------------
    def load_person(self, pid: str) -> None:
        if pid in self.person_facts:
            return
        ids = self.members_of("person", pid)
        marks = ", ".join(f":p{i}" for i in range(len(ids)))
        params = {f"p{i}": v for i, v in enumerate(ids)}
        fids: list[str] = []
        if self.complete:
            fact_rows: Iterable = ()
        elif all(i in self._db_person_facts for i in ids):
            fact_rows = [r for i in ids for r in self._db_person_facts[i]]
        else:
            fact_rows = self.conn.execute(text(
                f"SELECT {', '.join(_FACT_COLS)} FROM rc_facts WHERE person_id IN ({marks})"), params)
        for r in fact_rows:
            f = _Fact(*r)
            f.date_inferred = bool(f.date_inferred)
            self.facts.setdefault(f.event_id, f)
            fids.append(f.event_id)
        self.person_facts[pid] = fids
        rows: dict[object, tuple[int, Segment]] = {}
        seg_rows = () if self.complete else self._db_open_rows[pid] if pid in self._db_open_rows else self.conn.execute(text(
            f"SELECT {', '.join(_SEG_COLS)} FROM rc_membership WHERE person_id=:p AND tx_to=:open"), {"p": pid, "open": OPEN_TX})
        for r in seg_rows:
            if int(r[0]) in self.closed_rows:
                continue
            self.row_tx_from[int(r[0])] = int(r[11])
            rows[("db", int(r[0]))] = (int(r[0]), Segment(r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), bool(r[9]),
                                                          tuple(r[10].split(",")) if r[10] else ()))
        self.person_rows[pid] = rows
        # a person new to the store starts from an empty fold; one with history refolds once
        self.folds[pid] = Fold() if not fids and not rows else None

    def _str(self, value: str | None) -> str | None:
        return None if value is None else self._strings.setdefault(value, value)

    def get_fact(self, fid: str) -> _Fact | None:
        if fid not in self.facts:
            if self.complete:
                return None
            r = self._db_facts[fid] if fid in self._db_facts else self.conn.execute(
                text(f"SELECT {', '.join(_FACT_COLS)} FROM rc_facts WHERE event_id=:e"), {"e": fid}).first()
            if r is None:
                return None
            self.facts[fid] = _Fact(*r)
        return self.facts[fid]

    def settle(self, position: int) -> None:
        """Refold every person the events of one transaction touched, once, stamping the
        membership changes with the transaction's last position. States inside one append
        are never visible to a reader (they share one recorded-at time), so refolding per
        event would only repeat work."""
        for pid in sorted(self.pending):
            self.recompute(pid, position)
        self.pending.clear()

    def view(self, f: _Fact) -> FactView:
        v = self._views.get(f.event_id)
        if v is None:
            v = self._views[f.event_id] = f.view(lambda o: self.canonical("org", o))
        return v

    def recompute(self, pid: str, position: int) -> None:
        """Bring the person's membership rows in line with their facts: a diff of the
        segments the fold touched, or of the whole history after a refold."""
        self.load_person(pid)
        have = self.person_rows[pid]
        fold = self.folds.get(pid)
        if fold is None:
            fold = self.folds[pid] = membership_fold(
                [self.view(f) for f in map(self.facts.__getitem__, self.person_facts[pid])
                 if f.retracted_position is None])
            want = fold.current()
            gone = list(have.items())
            have.clear()
        else:
            want, gone = {}, []
            for ident in fold.take_touched():
                seg = fold.segment(ident)
                old = have.get(ident)
                if old is not None and old[1] == seg:
                    continue
                if old is not None:
                    gone.append((ident, old))
                    del have[ident]
                if seg is not None:
                    want[ident] = seg
        # rows whose segment is unchanged keep their row, whatever identity they had
        ent = self._entity("person", pid)
        name = ent[0] if ent else pid
        spare: dict[Segment, list[int]] = {}
        for _, (rid, seg) in gone:
            spare.setdefault(seg, []).append(rid)
        for ident, seg in want.items():
            rids = spare.get(seg)
            if rids:
                have[ident] = (rids.pop(), seg)
                continue
            rid = self.next_row_id
            self.next_row_id += 1
            self.row_tx_from[rid] = position
            self.new_rows[rid] = [rid, pid, seg.org_id, seg.role, seg.start, seg.end, seg.since, seg.until,
                                  seg.certain, seg.board, ",".join(seg.fact_ids), position, OPEN_TX,
                                  *registration(seg.start, seg.end), name, name.casefold()]
            have[ident] = (rid, seg)
        for rids in spare.values():
            for rid in rids:
                row = self.new_rows.get(rid)
                if row is None:
                    self.closed_rows[rid] = position
                elif row[11] == position:  # born and gone within one transaction: never visible
                    del self.new_rows[rid]
                    del self.row_tx_from[rid]
                else:
                    row[12] = position

    # -- events ---------------------------------------------------------------------------
    def apply(self, e: StoredEvent) -> None:
        p = e.payload
        if e.type in FACT_EVENTS:
            person, org, src = p["person"], p["org"], p.get("source") or {}
            self.ensure_entity("person", person["id"], person["name"], e.position)
            self.ensure_entity("org", org["id"], org["name"], e.position)
            for alias in [person["name"], *person.get("aliases", [])]:
                self.add_alias("person", alias, person["id"], e.position)
            for alias in [org["name"], *org.get("aliases", [])]:
                self.add_alias("org", alias, org["id"], e.position)
            pid = self.canonical("person", person["id"])
            self.load_person(pid)
            evidence = (src.get("published") or e.recorded_at)[:10]
            s = self._str
            f = _Fact(e.event_id, e.position, s(e.type), s(person["id"]), s(org["id"]), s(p.get("role")),
                      s(p.get("date")), s(p.get("precision") or "unknown"), bool(p.get("date_inferred")),
                      float(p.get("confidence", 0.5)), s(evidence), s(e.recorded_at))
            self.facts[f.event_id] = f
            self.new_facts.add(f.event_id)
            self.person_facts[pid].append(f.event_id)
            self._source(e, f.event_id, src, p.get("role"), p.get("date"))
            self.pending.add(pid)
            fold = self.folds.get(pid)
            if fold is not None:
                v = self.view(f)
                if fold.last_key is None or v.key > fold.last_key:
                    fold.add(v)
                else:  # reported out of valid-time order: the history refolds at settle
                    self.folds[pid] = None
        elif e.type == CORROBORATED:
            f = self.get_fact(p["fact"])
            if f is None:
                return
            src = p.get("source") or {}
            self._source(e, f.event_id, src, p.get("role"), p.get("date"))
            evidence = (src.get("published") or e.recorded_at)[:10]
            changed = evidence < f.evidence
            f.evidence = min(f.evidence, evidence)
            d = p.get("date")
            if refines(d, f.date):
                f.date, f.precision, f.date_inferred = d, p.get("precision") or f.precision, bool(p.get("date_inferred"))
                changed = True
            if p.get("role") and not f.role:
                f.role, changed = p["role"], True
            self._touch(f)
            if changed:
                self._refold(self.canonical("person", f.person_id))
        elif e.type == RETRACTED:
            f = self.get_fact(p["fact"])
            if f is None or f.retracted_position is not None:
                return
            f.retracted_position, f.retract_reason = e.position, p.get("reason")
            self._touch(f)
            self._refold(self.canonical("person", f.person_id))
        elif e.type == MERGED:
            self._merge(e)
        elif e.type == ALIAS_ADDED:
            self.add_alias(p["kind"], p["alias"], p["id"], e.position, override=True)

    def _touch(self, f: _Fact) -> None:
        self._views.pop(f.event_id, None)
        if f.event_id not in self.new_facts:
            self.dirty_facts.add(f.event_id)

    def _source(self, e: StoredEvent, fid: str, src: dict, role: str | None, date: str | None) -> None:
        self.sources.append((fid, e.position, src.get("article") or "", src.get("url"), src.get("path"),
                             src.get("published"), src.get("quote"), role, date))

    def _merge(self, e: StoredEvent) -> None:
        kind = e.payload["kind"]
        old, target = self.canonical(kind, e.payload["from"]), self.canonical(kind, e.payload["into"])
        if old == target:
            return
        if kind == "person":
            affected = [old, target]
        else:
            affected = sorted(self._people_at(self.members_of("org", old) + self.members_of("org", target)))
            self._views.clear()  # views carry canonical org ids
        for pid in affected:
            self.load_person(pid)
        known = self._entity(kind, old)
        name = known[0] if known else old
        self._set_entity((kind, old), (name, target, e.position))
        if (kind, old) in self.new_entities:
            self.new_entities[(kind, old)] = self.new_entities[(kind, old)][:4] + (target, e.position)
        elif known is None:  # merging a name before any fact about it: remember the merge
            self.new_entities[(kind, old)] = (kind, old, name, e.position, target, e.position)
        else:
            self.dirty_entities.add((kind, old))
        if kind == "person":
            self.person_facts[target] = self.person_facts[target] + self.person_facts[old]
            self.person_facts[old] = []
        for pid in affected:
            self._refold(pid)

    def _refold(self, pid: str) -> None:
        """A change that is not an in-order addition (a date refined, a retraction, a merge)."""
        self.load_person(pid)
        self.folds[pid] = None
        self.pending.add(pid)

    def _people_at(self, orgs: list[str]) -> set[str]:
        if self.complete:
            return {self.canonical("person", f.person_id) for f in self.facts.values() if f.org_id in orgs}
        marks = ", ".join(f":o{i}" for i in range(len(orgs)))
        rows = self.conn.execute(text(f"SELECT DISTINCT person_id FROM rc_facts WHERE org_id IN ({marks})"),
                                 {f"o{i}": o for i, o in enumerate(orgs)})
        people = {self.canonical("person", r[0]) for r in rows}
        people |= {self.canonical("person", self.facts[f].person_id) for f in self.new_facts
                   if self.facts[f].org_id in orgs}
        return people

    # -- flush ----------------------------------------------------------------------------
    def flush(self, checkpoint: int) -> None:
        c = self.conn
        mark = selectin_mark(c)

        def ins(table: str, cols: tuple[str, ...], rows: list) -> None:
            if rows:
                c.exec_driver_sql(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                  f"({', '.join([mark] * len(cols))})", rows)

        ins("rc_entities", ("kind", "id", "name", "first_position", "merged_into", "merged_position"),
            list(self.new_entities.values()))
        if self.dirty_entities:
            c.exec_driver_sql(
                f"UPDATE rc_entities SET merged_into={mark}, merged_position={mark} WHERE kind={mark} AND id={mark}",
                [(self.entities[k][1], self.entities[k][2], k[0], k[1]) for k in self.dirty_entities])
        if self.aliases:
            keys = list(self.aliases.values())
            if c.dialect.name == "postgresql":
                c.exec_driver_sql(
                    f"INSERT INTO rc_aliases (kind, norm, entity_id, alias, position) VALUES ({mark}, {mark}, {mark}, {mark}, {mark}) "
                    "ON CONFLICT (kind, norm) DO NOTHING", keys)
            else:
                c.exec_driver_sql(
                    f"INSERT OR IGNORE INTO rc_aliases (kind, norm, entity_id, alias, position) VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
                    keys)
        if self.alias_overrides:
            rows = list(self.alias_overrides.values())
            c.exec_driver_sql(f"DELETE FROM rc_aliases WHERE kind={mark} AND norm={mark}", [r[:2] for r in rows])
            ins("rc_aliases", ("kind", "norm", "entity_id", "alias", "position"), rows)
        ins("rc_facts", _FACT_COLS, [self.facts[f].row() for f in self.new_facts])
        if self.dirty_facts:
            sets = ", ".join(f"{col}={mark}" for col in _FACT_COLS[5:])
            c.exec_driver_sql(f"UPDATE rc_facts SET {sets} WHERE position={mark}", [
                self.facts[f].row()[5:] + (self.facts[f].position,) for f in self.dirty_facts])
        ins("rc_fact_sources", ("fact_id", "position", "article", "url", "path", "published", "quote",
                                "role", "date"), self.sources)
        ins("rc_membership", _SEG_COLS, [(*r, tx_node(r[11], r[12])) for r in self.new_rows.values()])
        for r in self.new_rows.values():
            if r[12] != OPEN_TX:
                del self.row_tx_from[r[0]]
        if self.closed_rows:
            c.exec_driver_sql(f"UPDATE rc_membership SET tx_to={mark}, tnode={mark} WHERE id={mark}",
                              [(pos, tx_node(self.row_tx_from.pop(rid), pos), rid)
                               for rid, pos in self.closed_rows.items()])
        set_checkpoint(c, checkpoint)


def get_checkpoint(conn: Connection, name: str = CHECKPOINT) -> int:
    row = conn.execute(text("SELECT position FROM rc_checkpoints WHERE name=:n"), {"n": name}).first()
    return int(row[0]) if row else 0


def set_checkpoint(conn: Connection, position: int, name: str = CHECKPOINT) -> None:
    updated = conn.execute(text("UPDATE rc_checkpoints SET position=:p WHERE name=:n"),
                           {"p": position, "n": name}).rowcount
    if not updated:
        conn.execute(text("INSERT INTO rc_checkpoints (name, position) VALUES (:n, :p)"),
                     {"n": name, "p": position})


@contextmanager
def _gc_paused() -> Iterator[None]:
    """A catch-up allocates millions of small objects (payloads, facts, segments) that live
    until their page is written. Python's cyclic collector rescans them over and over while
    they hold no cycles: 40% of a rebuild's time. Paused for the catch-up, restored after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _apply_page(conn: Connection, run: _Run, start: int, last: int, page: int) -> int:
    """Apply the events after `start` (up to `page` of them, extended to the end of an
    append) and write the result; returns the last position applied."""
    pos = start
    events = list(log.read(conn, after=start, upto=min(last, start + page)))
    if events and events[-1].position < last:  # end the page at a transaction's end
        events += _same_transaction(conn, events[-1], last)
    run.prefetch(events)
    group = None
    for e in events:
        if group is not None and e.recorded_at != group:
            run.settle(pos)
        run.apply(e)
        pos, group = e.position, e.recorded_at
    run.settle(pos)
    run.flush(pos)
    return pos


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72610003)")


def catch_up(store: Store, *, page: int = 20000, progress: Callable[[int, int], None] | None = None) -> int:
    """Apply every event after the checkpoint; returns how many were applied. Safe to call
    from several processes: the write lock serializes them and each re-reads the checkpoint.
    Each page commits with its checkpoint, so a crash loses at most the page in progress."""
    applied = 0
    run: _Run | None = None
    flushed = -1
    with _gc_paused():
        while True:
            with store.write() as conn:
                _lock(conn)
                start = get_checkpoint(conn)
                last, _, _ = log.head(conn)
                if last <= start:
                    return applied
                if run is not None and start == flushed and len(run.facts) < CACHE_FACTS:
                    run.next_page(conn)  # nobody else projected since our last page: caches hold
                else:
                    run = _Run(conn)
                pos = _apply_page(conn, run, start, last, page)
                applied += pos - start
            flushed = pos
            if progress:
                progress(pos, last)


def _same_transaction(conn: Connection, last: StoredEvent, head: int) -> list[StoredEvent]:
    """The rest of the append that `last` belongs to (appends have distinct recorded-at times)."""
    out: list[StoredEvent] = []
    for e in log.read(conn, after=last.position, upto=head, page=1000):
        if e.recorded_at != last.recorded_at:
            break
        out.append(e)
    return out


# A rebuild drops these and builds each once at the end (one sort) instead of inserting a
# million entries at random places: the query-only indexes, and the lookup indexes that
# only a run with cold caches needs (a complete run never reads the tables).
_DEFERRED_INDEXES = ("ix_sources_fact", "ix_membership_org_from", "ix_membership_org_to",
                     "ux_facts_event", "ix_rc_facts_person_id", "ix_rc_facts_org_id",
                     "ix_membership_person_tx")


def rebuild(store: Store, *, page: int = 20000, progress: Callable[[int, int], None] | None = None) -> int:
    """Replay the whole log into emptied projection tables, in one transaction: readers keep
    the old answers until it commits, and a crash leaves the old projections in place."""
    indexes = {i.name: i for t in SQLModel.metadata.tables.values() for i in t.indexes}
    with _gc_paused(), store.write() as conn:
        _lock(conn)
        for table in PROJECTION_TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")
        for name in _DEFERRED_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        last, _, _ = log.head(conn)
        pos, run = 0, _Run(conn, complete=True)
        deferred = list(_DEFERRED_INDEXES)
        while pos < last:
            if len(run.facts) >= CACHE_FACTS:
                # bounded memory: later pages read back what they need, through the indexes
                for name in deferred:
                    indexes[name].create(conn)
                deferred = []
                run = _Run(conn)
            else:
                run.next_page(conn)
            pos = _apply_page(conn, run, pos, last, page)
            if progress:
                progress(pos, last)
        for name in deferred:
            indexes[name].create(conn)
        set_checkpoint(conn, pos)
    if store.is_sqlite:
        # one transaction wrote the whole projection through the WAL: fold it back into the
        # database file and give the space back, instead of leaving a WAL as big as the store
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        # fresh statistics (or the planner scans a lab's whole history, not the interval-tree
        # nodes) and a visibility map (so roster scans stay inside the index)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) rc_membership, rc_facts, rc_fact_sources, rc_entities")
    return pos
