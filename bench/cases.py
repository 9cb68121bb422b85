"""The measurements. Each function runs inside `python -m bench.worker` and returns a dict of
figures; the orchestrator (`bench.__main__`) turns them into table rows.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from bench import gen
from bench.common import ROOT, Timer, database, maxrss_mib, pct, pg_dsn, pg_parts, pg_schema, python
from rollcall import heap

# =========================================================================================
# Appends: rollcall's log.append vs the bare driver inserting the same rows
# =========================================================================================


def _precomputed_rows(events: list, batch: int) -> list[list[tuple]]:
    """The exact rows log.append would write (hash chain included), made outside any timing."""
    from store.events import GENESIS_HASH, canonical_json, event_hash
    from store.log import utc_now_iso

    rows, prev, recorded, out = [], GENESIS_HASH, utc_now_iso(), []
    for pos, e in enumerate(events, 1):
        pj = canonical_json(e.payload)
        h = event_hash(prev, pos, e.event_id, e.type, e.person_key, e.org_key, e.valid_date,
                       e.valid_precision, recorded, e.idempotency_key, pj)
        rows.append((pos, e.event_id, e.type, e.person_key, e.org_key, pj, e.valid_date, e.valid_precision,
                     recorded, e.idempotency_key, prev, h))
        prev = h
        if len(rows) == batch:
            out.append(rows)
            rows = []
    if rows:
        out.append(rows)
    return out


def appends(engine: str, size: int, workdir: str, batch: int = 1000) -> dict:
    from store import log
    from store.db import Store

    wd = Path(workdir)
    events = gen.small_events(size)
    res: dict = {"batch": batch}
    with database(engine, wd, "app") as url:
        st = Store(url)
        t = Timer()
        for i in range(0, size, batch):
            chunk = events[i:i + batch]
            with t:
                with st.write() as c:
                    log.append(c, chunk)
        with st.read() as c:
            assert log.head(c)[0] == size
        st.dispose()
        res["rollcall_eps"] = size / t.elapsed
    batches = _precomputed_rows(events, batch)
    cols = "position, event_id, type, person_key, org_key, payload, valid_date, valid_precision, recorded_at, " \
           "idempotency_key, prev_hash, hash"
    with database(engine, wd, "raw") as url:
        Store(url).dispose()  # same table, indexes and triggers
        if engine == "sqlite":
            import sqlite3

            con = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            t = Timer()
            for rows in batches:
                with t:
                    con.execute("BEGIN IMMEDIATE")
                    con.executemany(f"INSERT INTO rc_events ({cols}) VALUES ({', '.join('?' * 12)})", rows)
                    con.execute("COMMIT")
            con.close()
            res["baseline"] = "sqlite3 executemany"
        else:
            import psycopg

            schema = url.split("search_path%3D", 1)[1] if "search_path%3D" in url else None
            with psycopg.connect(pg_dsn(schema)) as con:
                t = Timer()
                for rows in batches:
                    with t:
                        with con.transaction():
                            with con.cursor().copy(f"COPY rc_events ({cols}) FROM STDIN") as cp:
                                for r in rows:
                                    cp.write_row(r)
            res["baseline"] = "psycopg COPY"
        res["raw_eps"] = size / t.elapsed
    return res


# =========================================================================================
# The peer: eventsourcing (SQLite and PostgreSQL recorders) on the same workload
# =========================================================================================


def _fold(counts: dict, type_: str, org: str | None) -> None:
    """The 'simple projection' both sides rebuild: current headcount per organization."""
    if type_ == "joined":
        counts[org] = counts.get(org, 0) + 1
    elif type_ == "left":
        counts[org] = counts.get(org, 0) - 1


def peer(engine: str, size: int, workdir: str, batch: int = 1000) -> dict:
    from store import log
    from store.db import Store

    try:
        import eventsourcing  # noqa: F401 - the peer is an optional extra
    except ModuleNotFoundError:
        return {"skipped": "eventsourcing not installed (pip install -e '.[bench]')"}

    wd = Path(workdir)
    events = gen.small_events(size)
    for k, e in enumerate(events):  # a realistic mix of joins and departures for the fold
        if k % 3 == 2:
            object.__setattr__(e, "type", "left")
    res: dict = {"batch": batch}
    # -- rollcall
    with database(engine, wd, "peer_rc") as url:
        st = Store(url)
        t = Timer()
        for i in range(0, size, batch):
            with t:
                with st.write() as c:
                    log.append(c, events[i:i + batch])
        res["rc_append_eps"] = size / t.elapsed
        best = []
        for _ in range(2):  # best of two: the first also warms the page cache
            with Timer() as t, st.read() as c:
                n = sum(1 for _ in log.read(c))
            assert n == size
            best.append(t.elapsed)
        res["rc_read_eps"] = size / min(best)
        best = []
        for _ in range(2):
            with Timer() as t, st.read() as c:
                counts: dict = {}
                for e in log.read(c):
                    _fold(counts, e.type, e.org_key)
            best.append(t.elapsed)
        res["rc_project_eps"] = size / min(best)
        rc_counts = counts
        st.dispose()
    # -- eventsourcing
    from dataclasses import dataclass

    from eventsourcing.domain import DomainEvent
    from eventsourcing.persistence import DatetimeAsISO, InfrastructureFactory, JSONTranscoder, Mapper, UUIDAsHex

    @dataclass(frozen=True)
    class Fact(DomainEvent):
        type: str
        person_key: str | None
        org_key: str | None
        payload: dict
        valid_date: str | None
        valid_precision: str
        idempotency_key: str | None

    Fact.__module__ = __name__
    Fact.__qualname__ = "PeerFact"
    globals()["PeerFact"] = Fact

    def run_peer(env: dict) -> dict:
        out: dict = {}
        factory = InfrastructureFactory.construct(env)
        recorder = factory.application_recorder()
        tc = JSONTranscoder()
        tc.register(UUIDAsHex())
        tc.register(DatetimeAsISO())
        mapper = Mapper(transcoder=tc)
        versions: dict[str, int] = {}
        ids: dict[str, uuid.UUID] = {}
        t = Timer()
        for i in range(0, size, batch):
            with t:
                stored = []
                for e in events[i:i + batch]:
                    key = e.person_key or "-"
                    oid = ids.get(key) or ids.setdefault(key, uuid.uuid5(uuid.NAMESPACE_URL, key))
                    v = versions[key] = versions.get(key, 0) + 1
                    de = Fact(originator_id=oid, originator_version=v, timestamp=DomainEvent.create_timestamp(),
                              type=e.type, person_key=e.person_key, org_key=e.org_key, payload=e.payload,
                              valid_date=e.valid_date, valid_precision=e.valid_precision,
                              idempotency_key=e.idempotency_key)
                    stored.append(mapper.to_stored_event(de))
                recorder.insert_events(stored)
        out["append_eps"] = size / t.elapsed

        def read_all():
            start, page = 1, 5000
            while True:
                notes = recorder.select_notifications(start, page)
                for nt in notes:
                    yield mapper.to_domain_event(nt)
                if len(notes) < page:
                    return
                start = notes[-1].id + 1

        best = []
        for _ in range(2):
            with Timer() as t:
                n = sum(1 for _ in read_all())
            assert n == size, n
            best.append(t.elapsed)
        out["read_eps"] = size / min(best)
        best = []
        for _ in range(2):
            with Timer() as t:
                counts: dict = {}
                for de in read_all():
                    _fold(counts, de.type, de.org_key)
            best.append(t.elapsed)
        out["project_eps"] = size / min(best)
        assert counts == rc_counts
        factory.close()
        return out

    if engine == "sqlite":
        path = wd / f"peer-{uuid.uuid4().hex[:8]}.db"
        try:
            out = run_peer({"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(path)})
        finally:
            for s in ("", "-wal", "-shm"):
                Path(str(path) + s).unlink(missing_ok=True)
    else:
        p = pg_parts()
        with pg_schema("bench_peer") as (schema, _):
            out = run_peer({"PERSISTENCE_MODULE": "eventsourcing.postgres", "POSTGRES_DBNAME": p["dbname"],
                            "POSTGRES_HOST": p["host"], "POSTGRES_PORT": p["port"], "POSTGRES_USER": p["user"],
                            "POSTGRES_PASSWORD": p["password"], "POSTGRES_SCHEMA": schema})
    res.update({f"peer_{k}": v for k, v in out.items()})
    return res


# =========================================================================================
# Projection rebuild and roster latency on generated fact logs
# =========================================================================================


def generate_log(url: str, size: int) -> dict:
    """Append `size` realistic fact events in big batches, transaction time advancing."""
    from store import log
    from store.db import Store

    st = Store(url)
    batch = max(1000, min(20000, size // 100))
    times = gen.recorded_times((size + batch - 1) // batch)
    buf: list = []
    k = 0
    with Timer() as t:
        for e in gen.fact_log(size):
            buf.append(e)
            if len(buf) == batch:
                with st.write() as c:
                    log.append(c, buf, now=times[k])
                buf, k = [], k + 1
        if buf:
            with st.write() as c:
                log.append(c, buf, now=times[k])
    st.dispose()
    return {"gen_s": t.elapsed, "first": times[0], "last": times[-1]}


def rebuild_child(url: str) -> dict:
    """Run in its own process: rebuild from position 0, report the rate and peak RSS."""
    from store import projector
    from store.db import Store

    st = Store(url)
    base = maxrss_mib()
    with Timer() as t:
        n = projector.rebuild(st)
    st.dispose()
    return {"events": n, "seconds": t.elapsed, "eps": n / t.elapsed, "maxrss_mib": maxrss_mib(),
            "baseline_rss_mib": base}


def _child(case: str, args: dict, timeout: float = 3600) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([python(), "-m", "bench.worker", case, json.dumps(args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        raise RuntimeError(f"{case} failed: {proc.stderr.strip()[-800:]}")
    return json.loads(lines[-1])


def roster_latency(url: str, first: datetime, last: datetime, queries: int, seed: int = 3,
                   limit: int | None = None) -> dict:
    """p50/p99 of `roster --as-of --known-at` on random labs (weighted like the log), dates and
    known-at times; `limit` asks for the first page only (the total is still counted)."""
    from store import queries as q
    from store.db import Store

    st = Store(url)
    rng = random.Random(seed)
    orgs = gen.orgs(60)
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(orgs))]
    span = (last - first).total_seconds()
    lat: list[float] = []
    members: list[int] = []
    with st.read() as c:  # warm the connection pool and caches
        q.roster(c, orgs[0], "2020-01-01", None, limit=limit)
    heap.settle()  # as `rollcall serve` and `rollcall run` do once started
    for i in range(queries):
        org = rng.choices(orgs, weights)[0]
        as_of = f"{rng.randint(2016, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        known = datetime.fromtimestamp(first.timestamp() + rng.random() * span, tz=timezone.utc)
        known_at = known.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        t0 = time.perf_counter()
        try:
            with st.read() as c:
                r = q.roster(c, org, as_of, known_at, limit=limit)
            members.append(r["total"])
        except q.NotFound:
            members.append(0)
        lat.append((time.perf_counter() - t0) * 1000)
    st.dispose()
    return {"p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99), "queries": queries,
            "mean_members": sum(members) / max(1, len(members)), "max_members": max(members or [0])}


def projection(engine: str, size: int, workdir: str, queries: int | None = None) -> dict:
    wd = Path(workdir)
    queries = queries or (300 if size <= 100_000 else 200)
    with database(engine, wd, f"proj{size}") as url:
        g = generate_log(url, size)
        rb = _child("rebuild_child", {"url": url})
        first = g["first"]
        last = g["last"]
        lat = roster_latency(url, first, last, queries)
        # a p99 of 200 samples is their second-worst, one scheduler hiccup on a 2-core machine;
        # pages are cheap enough to ask a thousand times, so their p99 is the tenth-worst
        paged = roster_latency(url, first, last, PAGE_QUERIES, limit=PAGE)
    return {"gen_s": g["gen_s"], **{f"rebuild_{k}": v for k, v in rb.items()},
            **{f"roster_{k}": v for k, v in lat.items()}, **{f"page_{k}": v for k, v in paged.items()}}


PAGE = 100  # members per page in the paged roster figures (`roster --limit 100`)
PAGE_QUERIES = 1000


# =========================================================================================
# Articles: a generated corpus, extraction rate, end-to-end ingestion
# =========================================================================================

_TEMPLATES = [
    ("{p} leaves {a} for {b}",
     "{city}, {md} - {p}, the {a} {role_a} who {did}, said {when} that {pr} is leaving to join {b}, where {pr} "
     "will work as {role_b}.\n\n{s} wrote on X that {pr} wanted to get back to hands-on research. A spokesperson "
     "for {b} confirmed the hire. {a} did not comment on who would take over."),
    ("{b} hires {a} veteran {p} as {role_b}",
     "{b} has hired {p}, a longtime {role_a} at {a}, as its new {role_b}, the company said on {day}.\n\n"
     "{s} spent {n} years at {a}, where {pr} {did}. {pr_cap} starts at {b} next month."),
    ("{a} names {p} {role_b}",
     "{a} on {day} promoted {p} to {role_b}. {s} was previously {role_a} at the company and {did}.\n\n"
     "The appointment follows a reorganization of the research group earlier this year."),
    ("{p} departs {a}",
     "{p} has left {a} after {n} years, {pr} said in a post on {day}. {s}, who {did}, did not say what {pr} "
     "would do next.\n\nThe departure is the latest in a string of senior exits from {a} this year."),
    ("{a} adds {p} to its board",
     "{a} said on {day} that {p} has joined its board of directors. {s} is {role_a} at {b}.\n\n"
     "The company has expanded its board twice in the past year as it prepares for new funding."),
    ("Inside the race for AI talent",
     "Compensation packages for top researchers have climbed sharply, according to recruiters at several "
     "labs. {a} and {b} have both expanded their research teams this year, recruiters said.\n\n"
     "None of the companies would comment on specific offers."),
]
_DID = ["led the post-training group", "ran the company's inference team", "built its evaluation platform",
        "co-led the alignment effort", "oversaw model safety", "headed developer relations",
        "shipped the company's first coding model", "managed the pretraining cluster"]
_CITIES = ["SAN FRANCISCO", "LONDON", "NEW YORK", "PARIS", "BEIJING", "TORONTO", "SEATTLE"]


def _filler_paragraphs() -> list[str]:
    paras: list[str] = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus" / "articles"):
        if not folder.exists():
            continue
        for f in sorted(folder.iterdir()):
            if f.suffix not in (".md", ".txt") or f.name.lower().startswith("readme"):
                continue
            body = f.read_text(errors="replace").split("---", 2)[-1]
            paras.extend(p.strip() for p in body.split("\n\n") if len(p.strip()) > 120)
    return paras


def corpus(n: int, seed: int = 5) -> list[tuple[str, str, str]]:
    """`n` varied articles (title, text, published): move templates with random people, orgs,
    roles and dates, padded with paragraphs from the project's seed and development texts."""
    rng = random.Random(seed)
    names = gen.people_names(5000, rng)
    orgs = gen.orgs(60)
    filler = _filler_paragraphs()
    out = []
    for i in range(n):
        title_t, body_t = _TEMPLATES[rng.randrange(len(_TEMPLATES))]
        a, b = rng.sample(orgs, 2)
        p = names[rng.randrange(len(names))]
        she = rng.random() < 0.5
        y, m, d = rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)
        month = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"][m - 1]
        ctx = dict(p=p, a=a, b=b, s=p.split()[-1], pr="she" if she else "he", pr_cap="She" if she else "He",
                   role_a=rng.choice(gen.ROLES), role_b=rng.choice(gen.ROLES), did=rng.choice(_DID),
                   city=rng.choice(_CITIES), md=f"{month} {d}", when=rng.choice(["yesterday", "on Monday", f"on {month} {d}"]),
                   day=f"{month} {d}, {y}", n=rng.randint(2, 9))
        body = body_t.format(**ctx)
        extra = rng.sample(filler, k=min(len(filler), rng.randint(1, 4))) if filler else []
        text = "\n\n".join([body, *extra]) + f"\n\n(Report {i}.)"
        out.append((title_t.format(**ctx), text, f"{y}-{m:02d}-{d:02d}"))
    return out


def write_seed_files(folder: Path, n: int, seed: int = 5) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, text, published) in enumerate(corpus(n, seed)):
        (folder / f"a{i:05d}.md").write_text(
            f"---\ntitle: {title}\nurl: https://news.example.com/{seed}/{i}\npublished: {published}\n"
            f"source: Bench Wire\n---\n{text}\n")


def extraction(size: int) -> dict:
    try:
        from ingest.extract import extract_claims
    except ModuleNotFoundError as exc:
        return {"skipped": f"ingest.extract not importable ({exc.name})"}
    arts = corpus(size)
    extract_claims(arts[0][0], arts[0][1], arts[0][2])  # import-time and first-call costs out
    claims = 0
    cpu0 = time.process_time()
    with Timer() as t:
        for title, text, published in arts:
            claims += len(extract_claims(title, text, published))
    cpu = time.process_time() - cpu0
    return {"aps": size / t.elapsed, "aps_cpu": size / cpu, "claims": claims, "maxrss_mib": maxrss_mib()}


def e2e_child(url: str, folder: str) -> dict:
    from ingest.seedfiles import read_paths
    from rollcall.ingestion import Ingestor
    from store.db import Store

    st = Store(url)
    base = maxrss_mib()
    with Timer() as t:
        rep = Ingestor(st).ingest(read_paths([folder]))
    with st.read() as c:
        events = c.exec_driver_sql("SELECT COUNT(*) FROM rc_events").scalar()
    st.dispose()
    return {"seconds": t.elapsed, "new": len(rep.new), "duplicates": len(rep.duplicates),
            "rejected": len(rep.rejected), "events": events, "facts_new": rep.facts_new,
            "maxrss_mib": maxrss_mib(), "baseline_rss_mib": base}


def e2e(engine: str, size: int, workdir: str) -> dict:
    try:
        import ingest.extract  # noqa: F401
    except ModuleNotFoundError as exc:
        return {"skipped": f"ingest.extract not importable ({exc.name})"}
    wd = Path(workdir)
    folder = wd / f"seeds{size}"
    write_seed_files(folder, size)
    with database(engine, wd, "e2e") as url:
        r = _child("e2e_child", {"url": url, "folder": str(folder)})
    r["aps"] = size / r["seconds"]
    return r


# =========================================================================================
# HTTP API under load
# =========================================================================================


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, log_path: Path) -> subprocess.Popen:
    """`rollcall serve` on loopback as a subprocess; waits until it answers."""
    import httpx

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ROLLCALL_TOKEN", None)
    logf = open(log_path, "wb")
    proc = subprocess.Popen([python(), "-c", "from rollcall.cli import main; main()", "--db", url, "serve", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env, stdout=logf, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"rollcall serve exited {proc.returncode}: {log_path.read_text()[-500:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/orgs", timeout=2).status_code < 500:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("rollcall serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def load(urls: list[str], concurrency: int, seconds: float) -> dict:
    """Closed-loop load: `concurrency` workers each sending the next request as soon as the
    last one is answered, for `seconds`. Counts non-2xx answers and transport errors."""
    import httpx

    lat: list[float] = []
    errors: dict[str, int] = {}
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30, trust_env=False) as client:
        async def worker(k: int) -> None:
            i = k
            while time.monotonic() < stop:
                u = urls[i % len(urls)]
                i += concurrency
                t0 = time.perf_counter()
                try:
                    r = await client.get(u)
                    if r.status_code >= 400:
                        errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                lat.append((time.perf_counter() - t0) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return {"requests": len(lat), "rps": len(lat) / elapsed, "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99),
            "errors": errors}


def http(engine: str, size: int, workdir: str, seconds: float = 10, concurrency: int = 16) -> dict:
    try:
        import rollcall.web.server  # noqa: F401
    except ModuleNotFoundError as exc:
        return {"skipped": f"rollcall.web.server not importable ({exc.name})"}
    wd = Path(workdir)
    with database(engine, wd, "http") as url:
        g = generate_log(url, size)
        from store import projector
        from store.db import Store

        st = Store(url)
        projector.catch_up(st)
        st.dispose()
        port = free_port()
        proc = start_server(url, port, wd / "serve.log")
        try:
            rng = random.Random(9)
            orgs = gen.orgs(20)
            from urllib.parse import quote as q

            urls = [f"http://127.0.0.1:{port}/api/rosters/{q(rng.choice(orgs))}?as_of={rng.randint(2016, 2026)}-06-01"
                    for _ in range(200)]
            asyncio.run(load(urls[:16], concurrency, 1.0))  # warm-up
            r = asyncio.run(load(urls, concurrency, seconds))
        finally:
            stop_server(proc)
    r["concurrency"] = concurrency
    r["gen_s"] = g["gen_s"]
    return r


# =========================================================================================
# Feeds: one polling round over many feeds on a local server
# =========================================================================================


def feeds(size: int) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from feedserver import FeedServer, conditional

    from ingest.fetch import FeedRequest, fetch_feeds

    def rss(k: int) -> bytes:
        items = "".join(
            f"<item><title>Story {k}-{j}</title><link>https://news.example.com/{k}/{j}</link>"
            f"<guid>urn:bench:{k}:{j}</guid><pubDate>Mon, 0{1 + j % 9} Mar 2026 10:00:00 GMT</pubDate>"
            f"<description>Researcher number {j} moves from one lab to another, people familiar said.</description></item>"
            for j in range(20))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {k}</title>'
                f"<link>https://news.example.com/{k}</link>{items}</channel></rss>").encode()

    server = FeedServer().start()
    try:
        for k in range(size):
            server.add_route(f"/f{k}.xml", conditional(rss(k), etag=f'"v{k}"'))
        reqs = [FeedRequest(server.url(f"/f{k}.xml")) for k in range(size)]
        with Timer() as t1:
            first = asyncio.run(fetch_feeds(reqs, concurrency=16, per_host=16))
        ok = sum(1 for r in first if r.ok)
        again = [FeedRequest(r.url, etag=r.etag, last_modified=r.last_modified) for r in first]
        with Timer() as t2:
            second = asyncio.run(fetch_feeds(again, concurrency=16, per_host=16))
        nm = sum(1 for r in second if r.status == "not_modified")
    finally:
        server.stop()
    return {"full_s": t1.elapsed, "full_ok": ok, "cond_s": t2.elapsed, "not_modified": nm,
            "bytes": sum(len(r.body or b"") for r in first)}


CASES = {
    "appends": appends, "peer": peer, "projection": projection, "rebuild_child": rebuild_child,
    "extraction": extraction, "e2e": e2e, "e2e_child": e2e_child, "http": http, "feeds": feeds,
}
