"""Projections agree with the log: incrementally maintained = rebuilt from scratch, and every
`--as-of`/`--known-at` answer = the answer of a fresh replay of the log prefix known then."""
from __future__ import annotations

import tempfile
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import create_engine

from rollcall.integrity import copy_events, snapshot, verify_store
from store import log, projector, queries
from store.db import Store
from store.events import CORROBORATED, MERGED, RETRACTED, NewEvent
from store.schema import PROJECTION_VERSION

PEOPLE = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon", "Edsger Dijkstra"]
ORGS = ["OpenAI", "Anthropic", "Google DeepMind", "Mistral"]
DATES = [None, "2020", "2021-06", "2022-03-15", "2023", "2024-11", "2025-02-02"]
BASE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def slug(s: str) -> str:
    return s.lower().replace(" ", "-")


def fact(type_: str, person: str, org: str, date: str | None = None, role: str | None = None,
         published: str | None = "2026-01-01") -> NewEvent:
    return NewEvent(type=type_, person_key=slug(person), org_key=slug(org), valid_date=date, payload={
        "person": {"id": slug(person), "name": person, "aliases": []}, "org": {"id": slug(org), "name": org},
        "role": role, "date": date, "precision": "unknown", "date_inferred": False, "confidence": 0.9,
        "source": {"article": f"sha256:{person}{org}{date}", "url": None, "path": "x.md",
                   "published": published, "quote": f"{person} {type_} {org}"}})


def names(r: dict) -> set[str]:
    return {m["person"]["name"] for m in r["members"]}


def test_roster_on_both_time_axes(store: Store) -> None:
    with store.write() as c:
        log.append(c, [fact("joined", "Ada Lovelace", "OpenAI", "2023-11"),
                       fact("held_role", "Grace Hopper", "OpenAI", role="CTO")], now=BASE)
    with store.write() as c:
        log.append(c, [fact("left", "Ada Lovelace", "OpenAI", "2026-03"),
                       fact("joined", "Ada Lovelace", "Anthropic", "2026-03")], now=BASE + timedelta(days=60))
    projector.catch_up(store)
    with store.read() as c:
        assert names(queries.roster(c, "openai", as_of="2026-02-01")) == {"Ada Lovelace", "Grace Hopper"}
        assert names(queries.roster(c, "openai", as_of="2025-12-01")) == {"Ada Lovelace"}
        assert names(queries.roster(c, "OPENAI", as_of="2026-04-01")) == {"Grace Hopper"}
        assert names(queries.roster(c, "anthropic", as_of="2026-04-01")) == {"Ada Lovelace"}
        # before the second batch was recorded, Ada was still at OpenAI as far as we knew
        early = queries.roster(c, "openai", as_of="2026-04-01", known_at="2026-01-15")
        assert names(early) == {"Ada Lovelace", "Grace Hopper"}
        assert queries.flows(c)["flows"][0]["count"] == 1


def test_retraction_and_merge_take_effect_and_stay_invisible_before(store: Store) -> None:
    with store.write() as c:
        (j,) = log.append(c, [fact("joined", "Alan Turing", "Anthropic", "2024")], now=BASE)
        log.append(c, [fact("joined", "A. M. Turing", "Mistral", "2025")], now=BASE)
    with store.write() as c:
        log.append(c, [NewEvent(type=RETRACTED, payload={"fact": j.event_id, "reason": "wrong", "by": "user"}),
                       NewEvent(type=MERGED, payload={"kind": "person", "from": "a.-m.-turing", "into": "alan-turing"})],
                   now=BASE + timedelta(days=1))
    projector.catch_up(store)
    with store.read() as c:
        assert names(queries.roster(c, "anthropic", as_of="2024-06-01")) == set()
        assert names(queries.roster(c, "anthropic", as_of="2024-06-01", known_at="2026-01-01T12:00:00Z")) == {"Alan Turing"}
        assert names(queries.roster(c, "mistral", as_of="2025-06-01")) == {"Alan Turing"}
        assert names(queries.roster(c, "mistral", as_of="2025-06-01", known_at="2026-01-01T12:00:00Z")) == {"A. M. Turing"}
        retracted = [f for f in queries.facts(c, include_retracted=True) if f["status"] == "retracted"]
        assert [f["id"] for f in retracted] == [j.event_id]
        assert {t["org"]["name"] for t in queries.person(c, "alan turing")["timeline"]} == {"Anthropic", "Mistral"}
    assert verify_store(store)["projections_ok"]


def test_small_pages_give_the_same_projection_as_one_big_page(tmp_path: Path) -> None:
    """Catch-up carries its caches from page to page; the result must not depend on it."""
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    for i in range(6):
        with store.write() as c:
            evs = [fact("joined", PEOPLE[(i + k) % 5], ORGS[(i * k) % 4], DATES[(i + k) % len(DATES)]) for k in range(4)]
            evs.append(fact("left", PEOPLE[i % 5], ORGS[i % 4], "2025-02-02"))
            (first,) = log.append(c, evs[:1], now=BASE + timedelta(minutes=2 * i))
            log.append(c, evs[1:] + [NewEvent(type=CORROBORATED, payload={"fact": first.event_id, "date": "2020-05",
                                                                          "source": {"article": "sha256:x"}})],
                       now=BASE + timedelta(minutes=2 * i + 1))
    projector.catch_up(store, page=3)
    assert verify_store(store)["projections_ok"]
    store.dispose()


op = st.one_of(
    st.tuples(st.just("fact"), st.sampled_from(["joined", "left", "role_changed", "held_role"]),
              st.integers(0, len(PEOPLE) - 1), st.integers(0, len(ORGS) - 1), st.sampled_from(DATES),
              st.sampled_from([None, "CEO", "board member", "researcher"])),
    st.tuples(st.just("corr"), st.integers(0, 50), st.sampled_from(DATES)),
    st.tuples(st.just("retract"), st.integers(0, 50)),
    st.tuples(st.just("merge"), st.sampled_from(["person", "org"]), st.integers(0, 4), st.integers(0, 4)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(op, min_size=1, max_size=8), min_size=1, max_size=4),
       days=st.lists(st.sampled_from(["2019-01-01", "2021-07-01", "2023-06-01", "2025-03-01", "2026-06-01"]),
                     min_size=1, max_size=3))
def test_incremental_equals_replay_of_prefix(batches: list, days: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check_prefixes(f"sqlite:///{Path(tmp) / 'live.db'}", Path(tmp), batches, days)


@pytest.mark.pg
@settings(max_examples=8, deadline=None)
@given(batches=st.lists(st.lists(op, min_size=1, max_size=8), min_size=1, max_size=4),
       days=st.lists(st.sampled_from(["2019-01-01", "2021-07-01", "2023-06-01", "2025-03-01", "2026-06-01"]),
                     min_size=1, max_size=3))
def test_incremental_equals_replay_of_prefix_on_postgresql(batches: list, days: list) -> None:
    """The same property with the live store on PostgreSQL (its own SQL dialect, types and
    collation) and each reference a fresh SQLite replay: the engines agree, answer for answer."""
    from conftest import PG_URL, drop_pg_schema, make_pg_schema

    if not PG_URL:
        pytest.skip("PostgreSQL tests need ROLLCALL_TEST_PG")
    schema, url = make_pg_schema()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _check_prefixes(url, Path(tmp), batches, days)
    finally:
        drop_pg_schema(schema)


def _events(ops: list, facts: list[str]) -> list[NewEvent]:
    """The events a batch of generated operations stands for; `facts` collects fact ids."""
    events: list[NewEvent] = []
    for o in ops:
        if o[0] == "fact":
            e = fact(o[1], PEOPLE[o[2]], ORGS[o[3]], o[4], o[5])
            facts.append(e.event_id)
        elif o[0] == "corr" and facts:
            e = NewEvent(type=CORROBORATED, payload={"fact": facts[o[1] % len(facts)], "date": o[2], "role": None,
                                                     "source": {"article": "sha256:c", "published": "2025-12-01"}})
        elif o[0] == "retract" and facts:
            e = NewEvent(type=RETRACTED, payload={"fact": facts[o[1] % len(facts)], "reason": "r"})
        elif o[0] == "merge":
            pool = PEOPLE if o[1] == "person" else ORGS
            e = NewEvent(type=MERGED, payload={"kind": o[1], "from": slug(pool[o[2] % len(pool)]),
                                               "into": slug(pool[o[3] % len(pool)])})
        else:
            continue
        events.append(e)
    return events


@settings(max_examples=25, deadline=None)
@given(batches=st.lists(st.lists(op, min_size=1, max_size=10), min_size=1, max_size=5),
       cache=st.sampled_from([1, 4, 1_000_000]), page=st.sampled_from([1, 3, 20000]))
def test_rebuild_equals_the_incremental_projection(batches: list, cache: int, page: int) -> None:
    """`rollcall rebuild` replays with warm caches and without lookup indexes (built at the
    end), and falls back to cold caches and indexes when its caches fill: either way the
    tables must come out as incremental catch-ups left them."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'r.db'}")
        facts: list[str] = []
        for i, ops in enumerate(batches):
            with store.write() as c:
                log.append(c, _events(ops, facts), now=BASE + timedelta(hours=i))
            projector.catch_up(store)
        with store.read() as c:
            upto = projector.get_checkpoint(c)
            live = snapshot(c, upto)
        saved, projector.CACHE_FACTS = projector.CACHE_FACTS, cache
        try:
            assert projector.rebuild(store, page=page) == upto
        finally:
            projector.CACHE_FACTS = saved
        with store.read() as c:
            assert snapshot(c, upto) == live
            assert projector.get_checkpoint(c) == upto
            have = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert set(projector._DEFERRED_INDEXES) <= have
        store.dispose()


def _check_prefixes(live_url: str, tmp: Path, batches: list, days: list) -> None:
    store = Store(live_url)
    facts: list[str] = []
    marks: list[tuple[str, int]] = []
    for i, ops in enumerate(batches):
        events = _events(ops, facts)
        when = BASE + timedelta(hours=i)
        with store.write() as c:
            appended = log.append(c, events, now=when)
        projector.catch_up(store)
        if appended:
            marks.append((when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), appended[-1].position))
    assert verify_store(store)["projections_ok"]
    for known_at, upto in marks:
        fresh = Store(f"sqlite:///{tmp / f'prefix{upto}.db'}")
        copy_events(store, fresh, upto)
        projector.catch_up(fresh)
        with store.read() as live, fresh.read() as ref:
            for org in ORGS:
                for day in days:
                    try:
                        want = queries.roster(ref, org, as_of=day)
                    except queries.NotFound:
                        want = None
                    try:
                        got = queries.roster(live, org, as_of=day, known_at=known_at)
                    except queries.NotFound:
                        got = None
                    if want is None or got is None:
                        assert want is got is None or (want and not want["members"]) or (got and not got["members"])
                        continue
                    strip = lambda r: sorted((m["person"]["id"], m["role"], m["since"], m["until"], m["board"])  # noqa: E731
                                             for m in r["members"])
                    assert strip(got) == strip(want), (org, day, known_at)
        fresh.dispose()
    store.dispose()


def test_projection_tables_of_another_version_are_rebuilt_from_the_log(db_url: str) -> None:
    """An upgrade that changes the projection tables' shape drops them on open; the next
    catch-up replays the log into the new shape and answers as before."""
    store = Store(db_url)
    with store.write() as c:
        log.append(c, [fact("joined", "Ada Lovelace", "OpenAI", "2023-11")], now=BASE)
    projector.catch_up(store)
    with store.write() as c:
        c.exec_driver_sql("UPDATE rc_meta SET value='1' WHERE key='projection_version'")
    store.dispose()
    store = Store(db_url)
    with store.read() as c:
        assert projector.get_checkpoint(c) == 0  # dropped, nothing stale left to answer from
        assert c.exec_driver_sql("SELECT value FROM rc_meta WHERE key='projection_version'").scalar() == str(PROJECTION_VERSION)
    projector.catch_up(store)
    with store.read() as c:
        assert names(queries.roster(c, "openai", as_of="2024-01-01")) == {"Ada Lovelace"}
        assert c.exec_driver_sql("SELECT COUNT(*) FROM rc_events").scalar() == 1
    store.dispose()


def test_roster_pages_agree_with_the_whole_roster(store: Store) -> None:
    _check_pages(store)


@pytest.mark.pg
def test_roster_pages_keep_byte_order_under_a_locale_collation() -> None:
    """A database whose default collation is a language's (here ICU English) orders "Ángel"
    beside "Ada"; pages, ordered by the database, must still agree with whole rosters,
    ordered by Python."""
    from conftest import PG_URL

    if not PG_URL:
        pytest.skip("PostgreSQL tests need ROLLCALL_TEST_PG")
    name = f"rc_icu_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' "
                          "LOCALE 'C.UTF-8'")
    store = Store(PG_URL.rsplit("/", 1)[0] + "/" + name)
    try:
        with store.read() as c:
            assert c.exec_driver_sql("SELECT 'zoe' < 'ángel'").scalar() is False  # not byte order
        _check_pages(store)
    finally:
        store.dispose()
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()


def _check_pages(store: Store) -> None:
    # names whose order differs between byte order and a locale's collation (case, accents,
    # spaces, punctuation): the database orders pages, Python orders whole rosters
    people = ["Zoë Quinn", "Ángel Ruiz", "anna Bell", "Anna Zell", "Ada de la Cruz", "Ada Delacroix",
              "Émile Zola", "Eli O'Neil", "Eli Oneil", "Björn Åberg", "Bjorn Bergman", "Lei Wu"]
    with store.write() as c:
        log.append(c, [fact("joined", p, "OpenAI", "2024-0" + str(1 + i % 9)) for i, p in enumerate(people)]
                   + [fact("joined", people[0], "OpenAI", "2023", role="board member")], now=BASE)
    projector.catch_up(store)
    with store.read() as c:
        whole = queries.roster(c, "openai", as_of="2025-01-01")
        assert whole["total"] == 12 and len(whole["members"]) == 12
        pages = [queries.roster(c, "openai", as_of="2025-01-01", limit=5, offset=o) for o in (0, 5, 10)]
        assert [p["total"] for p in pages] == [12, 12, 12]
        assert [m for p in pages for m in p["members"]] == whole["members"]
        past = queries.roster(c, "openai", as_of="2025-01-01", limit=5, offset=12)
        assert past["members"] == [] and past["total"] == 12


def test_a_name_filter_reaches_members_on_every_page(store: Store) -> None:
    """A lab listed a page at a time must still let users find the person on page 30."""
    people = [f"Person {i:03d} Q{'x' if i % 40 == 7 else ''}" for i in range(250)]
    with store.write() as c:
        log.append(c, [fact("joined", p, "OpenAI", "2024-05") for p in people], now=BASE)
    projector.catch_up(store)
    want = sorted(p for p in people if "qx" in p.casefold())
    with store.read() as c:
        page = queries.roster(c, "openai", as_of="2025-01-01", limit=3, name="QX")
        assert page["total"] == len(want) == 7 and names(page) == set(want[:3])
        whole = queries.roster(c, "openai", as_of="2025-01-01", name=" qx ")
        assert [m["person"]["name"] for m in whole["members"]] == want
        assert queries.roster(c, "openai", as_of="2025-01-01", name="")["total"] == 250
        r = queries.replay(c, "2025-01-01", limit=2, name="person 24")
        assert [(x["org"]["id"], x["total"], len(x["members"])) for x in r["rosters"]] == [("openai", 10, 2)]
        assert queries.replay(c, "2025-01-01", name="nobody")["rosters"] == []


def test_rosters_with_dates_outside_the_interval_tree(store: Store) -> None:
    """Far-off and oddly written dates go to the unindexed node and still answer exactly."""
    with store.write() as c:
        log.append(c, [fact("joined", "Ada Lovelace", "OpenAI", "1850"),
                       fact("joined", "Alan Turing", "OpenAI", "2024-03"),
                       fact("left", "Alan Turing", "OpenAI", "2300")], now=BASE)
    projector.catch_up(store)
    with store.read() as c:
        assert names(queries.roster(c, "openai", as_of="1851-01-01")) == {"Ada Lovelace"}
        assert names(queries.roster(c, "openai", as_of="2025-01-01")) == {"Ada Lovelace", "Alan Turing"}
        assert names(queries.roster(c, "openai", as_of="2299-12-31")) == {"Ada Lovelace", "Alan Turing"}
        assert names(queries.roster(c, "openai", as_of="2300-01-01")) == {"Ada Lovelace"}
