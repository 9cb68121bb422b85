"""Store faults inflicted on the real CLI (`python -m rollcall`) and on the store API: kill -9 at
random points of an ingestion, a concurrent writer holding SQLite's lock, two CLIs writing one
file, a read-only database, a full disk, a PostgreSQL backend terminated under a live store,
and dates before 1900 and far in the future. The outcome each time: the same log and
projections as an undisturbed run, or one clear line, exit 1, and nothing half-written.

(Transaction time going backwards with the clock is tests/test_log.py::
test_transaction_time_never_goes_backwards; the daemon's kill -9/SIGTERM/leases are
tests/test_daemon*.py.)
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.seedfiles import read_paths

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("ROLLCALL_TEST_PG")

FIRST = ["Aino", "Bruno", "Chidi", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ilse", "Jonas", "Kalani", "Lucia",
         "Mateo", "Nadia", "Oskar", "Pilar", "Quentin", "Rhea", "Stellan", "Tamsin"]
LAST = ["Abernathy", "Bergstrom", "Castellano", "Delacroix", "Eastwood", "Fairbanks", "Gallagher", "Holloway",
        "Ingersoll", "Jablonski"]
ORGS = ["Anthropic", "OpenAI", "Mistral AI", "Cohere", "xAI", "Google DeepMind", "Meta", "Perplexity",
        "Hugging Face", "Nvidia"]


def person(i: int) -> str:
    return f"{FIRST[i % 20]} {LAST[(i // 20) % 10]}"


SYLLABLES = ("ka lo mi ne ru sa te vo bi da fe gu ho ji ku la ma no pe qui ri so tu va we xi yo za "
             "bre cla dri fla glo kri pla sti tra").split()


def word(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))


def generate(folder: Path, n: int = 200, seed: int = 11, start: int = 0) -> None:
    """n articles: most report one join (some with the departure it ends), every 6th is a second
    report of an earlier move (a corroboration), so the log has facts, corroborations and lefts.
    Article i is the same whatever `start` (its own random stream), and its filler (made-up words,
    people who move nowhere) keeps it far from near-duplicates of the others while giving the
    extractor work to do."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        rnd = random.Random(seed * 1_000_003 + i)
        k = i // 6 if i % 6 == 5 else i
        p, org, old = person(k), ORGS[(k * 7) % 10], ORGS[(k * 3 + 1) % 10]
        if i % 6 == 5:
            body = f"As first reported this month, {p} has joined {org}, the company confirmed."
        elif i % 4 == 0 and old != org:
            body = f"{p} left {old} and joined {org} on March {k % 27 + 1}, 2026."
        else:
            body = f"{p} joined {org} on March {k % 27 + 1}, 2026."
        filler = " ".join(" ".join(word(rnd) for _ in range(12)).capitalize() + "." for _ in range(6))
        filler += " " + " ".join(
            f"{rnd.choice(FIRST)} {rnd.choice(LAST)} discussed {word(rnd)} and {word(rnd)} with "
            f"reporters on Tuesday." for _ in range(20))
        (folder / f"a{i:04d}.md").write_text(
            f"---\ntitle: Report {i}: {p} and {org}\npublished: 2026-03-28\nsource: Fault Wire {i % 9}\n---\n"
            f"{body} {filler}\n", encoding="utf-8")


def rc(db: str, *args: str, check: bool = True, timeout: float = 180, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROLLCALL_DB": db}
    p = subprocess.run([sys.executable, "-m", "rollcall", *args], capture_output=True, text=True, env=env,
                       timeout=timeout, cwd=kw.pop("cwd", REPO), **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"rollcall {' '.join(args)} exited {p.returncode}: {p.stderr[-2000:]}")
    return p


def spawn(db: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "ROLLCALL_DB": db}
    return subprocess.Popen([sys.executable, "-m", "rollcall", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO, **kw)


def comparable_events(db: str) -> list[str]:
    """The fact log without what differs between runs: ids, positions, transaction times."""
    out = []
    for line in rc(db, "events", "--include-retracted", "--json").stdout.splitlines():
        e = json.loads(line)
        for k in ("id", "position", "recorded_at"):
            e.pop(k, None)
        e["sources"] = sorted((json.dumps({k: v for k, v in s.items() if k != "recorded_at"}, sort_keys=True)
                               for s in e["sources"]))
        out.append(json.dumps(e, sort_keys=True))
    return sorted(out)


def projections(db: str) -> dict:
    return {"replay": json.loads(rc(db, "replay", "--to", "2026-12-31", "--json").stdout),
            "flows": json.loads(rc(db, "flows", "--from", "2020-01-01", "--to", "2026-12-31", "--json").stdout)}


def one_line_error(p: subprocess.CompletedProcess) -> str:
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 1, (p.returncode, p.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("rollcall: "), p.stderr[-2000:]
    assert "Traceback" not in p.stderr
    return lines[0]


def count(db: str, table: str) -> int:
    path = db.split("///", 1)[-1]
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as c:
            return c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "articles"
    generate(folder, 200)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> dict:
    """One undisturbed CLI run over the corpus (SQLite): the answer every faulted run must equal."""
    db = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}"
    started = time.monotonic()
    p = rc(db, "ingest", "--json", str(corpus))
    elapsed = time.monotonic() - started
    report = json.loads(p.stdout)
    assert len(report["new"]) + len(report["duplicates"]) == 200 and not report["rejected"]
    evs = comparable_events(db)
    assert len(evs) > 150
    assert any(json.loads(e)["type"] == "left" for e in evs)
    assert any(len(json.loads(e)["sources"]) > 1 for e in evs)
    started = time.monotonic()
    rc(db, "events", "--limit", "1")
    startup = time.monotonic() - started
    return {"db": db, "events": evs, "projections": projections(db), "seconds": elapsed, "startup": startup}


def second_db(db_url: str, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    """Another empty database on the same engine as `db_url`; returns (url, cleanup)."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / name}", lambda: None
    from conftest import drop_pg_schema, make_pg_schema

    schema, url = make_pg_schema()
    return url, lambda: drop_pg_schema(schema)


# ---------------------------------------------------------------------------------------------
# kill -9 of `rollcall ingest`, many times, at random points


def _event_count(db: str, engines: dict) -> int:
    if db.startswith("sqlite"):
        return count(db, "rc_events")
    from sqlalchemy import create_engine, text

    eng = engines.setdefault(db, create_engine(db, pool_size=1))
    try:
        with eng.connect() as c:
            return int(c.execute(text("SELECT COUNT(*) FROM rc_events")).scalar() or 0)
    except Exception:  # noqa: BLE001 - not created yet
        return 0


def _kill_repeatedly(db: str, corpus: Path, kills: int, reference: dict, seed: int) -> list[dict]:
    """Start `rollcall ingest` and SIGKILL it, `kills` times, at points spread over a run
    whatever the machine's speed: a few during start-up (a random share of the measured
    start-up time), the rest when the log has grown past a random target between its current
    length and the full run's, plus a random 0-300 ms so the kill lands anywhere in the next
    chunk (extraction, the write transaction, the projection catch-up). Runs that finish first
    do not count as kills."""
    rnd = random.Random(seed)
    engines: dict = {}
    final = count(reference["db"], "rc_events")
    log: list[dict] = []
    try:
        while sum(not x["finished"] for x in log) < kills and len(log) < 3 * kills:
            before = _event_count(db, engines)
            at_startup = len(log) % 4 == 0 or before >= final
            target = before if at_startup else rnd.randint(before + 1, final)
            extra = rnd.uniform(0.05, 0.8 * reference["startup"]) if at_startup else rnd.uniform(0, 0.3)
            proc = spawn(db, "ingest", str(corpus))
            started = time.monotonic()
            while proc.poll() is None and _event_count(db, engines) < target and time.monotonic() - started < 120:
                time.sleep(0.02)
            time.sleep(extra)
            finished = proc.poll() is not None
            if not finished:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            proc.communicate()
            log.append({"events_before": before, "target": target, "after_s": round(time.monotonic() - started, 2),
                        "finished": finished, "events_after": _event_count(db, engines)})
    finally:
        for eng in engines.values():
            eng.dispose()
    return log


@pytest.mark.slow
def test_kill_9_of_cli_ingest_at_random_points_then_resume_equals_an_undisturbed_run(
        db_url: str, corpus: Path, reference: dict) -> None:
    if db_url.startswith("postgresql"):
        rc(db_url, "events", "--limit", "1")  # create the schema
    seed = int(os.environ.get("ROLLCALL_FAULT_SEED", "20260523"))
    log = _kill_repeatedly(db_url, corpus, 10, reference, seed)
    print(json.dumps(log))
    assert sum(not x["finished"] for x in log) == 10, log
    final = count(reference["db"], "rc_events")
    # commits come a chunk (50 articles) at a time, so a 200-article run has 3 states between
    # empty and complete; at least two of them must have been left behind by a kill
    assert sum(0 < x["events_after"] < final for x in log if not x["finished"]) >= 2, log
    # finish the job
    p = rc(db_url, "ingest", "--json", str(corpus))
    report = json.loads(p.stdout)
    assert not report["rejected"]
    assert comparable_events(db_url) == reference["events"], f"seed {seed}: {log}"
    assert projections(db_url) == reference["projections"]
    rc(db_url, "verify")
    # and a run after completion appends nothing
    again = json.loads(rc(db_url, "ingest", "--json", str(corpus)).stdout)
    assert again["events_appended"] == 0 and len(again["unchanged"]) == 200


# ---------------------------------------------------------------------------------------------
# SQLite: a concurrent writer, two CLIs at once


def test_sqlite_locked_by_another_writer_waits_then_succeeds(tmp_path: Path, corpus: Path, reference: dict) -> None:
    db_path = tmp_path / "locked.db"
    db = f"sqlite:///{db_path}"
    rc(db, "events", "--limit", "1")  # create the file and schema
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO rc_meta(key, value) VALUES ('fault-test', 'holding the write lock')")
    hold = 3.0
    started = time.monotonic()
    proc = spawn(db, "ingest", "--json", str(corpus))
    try:
        time.sleep(hold)
        assert proc.poll() is None, "the CLI did not wait for the lock"
        # readers are not blocked by the writer (WAL)
        r = rc(db, "events", "--limit", "1", timeout=20)
        assert r.returncode == 0
    finally:
        holder.execute("COMMIT")
        holder.close()
    out, err = proc.communicate(timeout=180)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, err
    assert elapsed >= hold
    assert comparable_events(db) == reference["events"]
    rc(db, "verify")


def test_two_clis_ingesting_one_sqlite_file_at_once(tmp_path: Path) -> None:
    """Overlapping folders (40 identical articles in both, under other paths) ingested by two processes
    at the same moment: every article once, every fact once, the same facts as one after the other."""
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, 120, seed=3, start=0)
    generate(b, 120, seed=3, start=80)  # a0080..a0119 are the same articles in both folders
    both = f"sqlite:///{tmp_path / 'both.db'}"
    seq = f"sqlite:///{tmp_path / 'seq.db'}"
    rc(both, "events", "--limit", "1")
    procs = [spawn(both, "ingest", "--json", str(a)), spawn(both, "ingest", "--json", str(b))]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [r[1][-1500:] for r in results]
    rc(seq, "ingest", str(a))
    rc(seq, "ingest", str(b))

    def facts(db: str) -> list[tuple]:
        rows = [json.loads(x) for x in rc(db, "events", "--json").stdout.splitlines()]
        return sorted((r["type"], r["person"]["id"], r["org"]["id"], r["date"], r["role"],
                       tuple(sorted({s["article"] for s in r["sources"]}))) for r in rows)

    got = facts(both)
    assert got == facts(seq)
    assert len(got) == len(set(got)) and len({g[:3] for g in got}) == len(got)  # nothing twice
    assert count(both, "rc_articles") == 200  # 240 files, 40 of them copies under another path
    assert count(both, "rc_article_locators") == 240
    rc(both, "verify")


# ---------------------------------------------------------------------------------------------
# read-only database


def _no_dac() -> list[str] | None:
    """A command prefix that runs a child as root *without* the capabilities that let root
    ignore file permissions, so chmod means what it says (None when that is not possible)."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0:
        return []  # not root: permissions already apply
    if not setpriv:
        return None
    caps = "-dac_override,-dac_read_search,-fowner"
    probe = subprocess.run([setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "true"], capture_output=True)
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"] if probe.returncode == 0 else None


def test_read_only_database_file_is_one_line_exit_1_and_untouched(tmp_path: Path, corpus: Path) -> None:
    prefix = _no_dac()
    if prefix is None:
        pytest.skip("running as root without setpriv: chmod cannot make a file read-only for us")
    folder = tmp_path / "ro"
    folder.mkdir()
    db_path = folder / "r.db"
    db = f"sqlite:///{db_path}"
    rc(db, "ingest", str(REPO / "seeds"))
    before = sha(db_path)
    listing = sorted(os.listdir(folder))
    os.chmod(db_path, 0o444)
    os.chmod(folder, 0o555)
    try:
        env = {**os.environ, "ROLLCALL_DB": db}
        p = subprocess.run([*prefix, sys.executable, "-m", "rollcall", "ingest", str(corpus)], capture_output=True,
                           text=True, env=env, timeout=120, cwd=tmp_path)
        line = one_line_error(p)
        assert str(db_path) in line and "readonly database" in line, line
    finally:
        os.chmod(folder, 0o755)
        os.chmod(db_path, 0o644)
    assert sha(db_path) == before and sorted(os.listdir(folder)) == listing  # nothing written, no -wal


def test_read_only_uri_is_one_line_exit_1_and_untouched(tmp_path: Path, corpus: Path) -> None:
    """SQLite's own read-only mode (`file:...?mode=ro`): the store opens, the first append fails;
    before the fix this was a 60-line traceback and a stray `file:` folder in the working dir."""
    db_path = tmp_path / "r.db"
    rc(f"sqlite:///{db_path}", "ingest", str(REPO / "seeds"))
    before = sha(db_path)
    work = tmp_path / "cwd"
    work.mkdir()
    p = rc(f"sqlite:///file:{db_path}?mode=ro&uri=true", "ingest", str(corpus), check=False, cwd=work)
    line = one_line_error(p)
    assert "database error" in line and "readonly database" in line, line
    assert sha(db_path) == before
    assert list(work.iterdir()) == []  # no folder named 'file:'
    rc(f"sqlite:///{db_path}", "verify")


def test_database_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    p = rc(f"sqlite:///{blocker / 'sub' / 'r.db'}", "ingest", str(REPO / "seeds"), check=False)
    line = one_line_error(p)
    assert "cannot create the folder for database" in line, line


# ---------------------------------------------------------------------------------------------
# disk full


def _file_size_limit(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_disk_full_during_cli_ingest_is_one_line_and_keeps_earlier_data(
        tmp_path: Path, corpus: Path, reference: dict) -> None:
    """RLIMIT_FSIZE makes every write past 600 kB fail as a full disk would (EFBIG): SQLite
    reports an I/O error on the chunk that crosses it; the chunks committed before stay."""
    db_path = tmp_path / "full.db"
    db = f"sqlite:///{db_path}"
    env = {**os.environ, "ROLLCALL_DB": db}
    p = subprocess.run([sys.executable, "-m", "rollcall", "ingest", str(corpus)], capture_output=True, text=True,
                       env=env, timeout=180, cwd=REPO, preexec_fn=_file_size_limit(600_000))
    line = one_line_error(p)
    assert "database error" in line and ("disk" in line or "full" in line), line
    stored = count(db, "rc_articles")
    assert 0 < stored < count(reference["db"], "rc_articles"), "the limit must bite mid-run"
    rc(db, "verify")  # what was committed is whole: chain intact, projections == rebuild
    partial = comparable_events(db)
    # every fact kept is a fact of the full run, with a subset of its sources
    ref_keys = {json.dumps({k: v for k, v in json.loads(e).items() if k not in ("sources", "confidence")})
                for e in reference["events"]}
    assert partial and all(json.dumps({k: v for k, v in json.loads(e).items()
                                       if k not in ("sources", "confidence")}) in ref_keys for e in partial)
    # space again: the same command completes the job
    rc(db, "ingest", str(corpus))
    assert comparable_events(db) == reference["events"]


def test_page_limit_full_store_raises_and_keeps_earlier_data(tmp_path: Path, corpus: Path) -> None:
    """The store API with SQLite's `max_page_count` (a full database): the chunk that does not
    fit raises and is rolled back whole; earlier chunks and the chain are intact."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from rollcall.ingestion import Ingestor
    from rollcall.integrity import verify_store
    from store.db import Store

    s = Store(f"sqlite:///{tmp_path / 'pages.db'}")
    with s.read() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
    s.engine.dispose()

    @event.listens_for(s.engine, "connect")
    def _limit(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 120}")

    items = list(read_paths([corpus]))
    ing = Ingestor(s)
    with pytest.raises(OperationalError, match="full"):
        ing.ingest(items)
    with s.read() as c:
        stored = c.exec_driver_sql("SELECT COUNT(*) FROM rc_articles").scalar()
        events = c.exec_driver_sql("SELECT COUNT(*) FROM rc_events").scalar()
    assert 0 < stored < 200 and events > stored
    result = verify_store(s)
    assert result["chain_ok"] and result["projections_ok"], result
    s.dispose()


# ---------------------------------------------------------------------------------------------
# PostgreSQL: the connection dies under a live store


@pytest.mark.pg
def test_postgres_backend_terminated_under_a_live_store(tmp_path: Path, corpus: Path) -> None:
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ROLLCALL_TEST_PG")
    from sqlalchemy import create_engine, event, text
    from sqlalchemy.exc import DBAPIError

    from conftest import drop_pg_schema, make_pg_schema
    from rollcall.ingestion import Ingestor
    from rollcall.integrity import verify_store
    from store.db import Store

    schema, url = make_pg_schema()
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    pids: set[int] = set()
    try:
        s = Store(url)

        @event.listens_for(s.engine, "connect")
        def _track(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
            with dbapi_conn.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                pids.add(cur.fetchone()[0])
            dbapi_conn.rollback()  # hand the pool an idle connection, as a connect hook must

        s.engine.dispose()  # so every connection from here on is tracked

        def terminate() -> int:
            with admin.connect() as c:
                return sum(bool(c.execute(text("SELECT pg_terminate_backend(:p)"), {"p": p}).scalar())
                           for p in list(pids))

        items = list(read_paths([corpus]))
        ing = Ingestor(s)
        ing.ingest(items[:100])
        assert terminate() >= 1  # idle pooled connections die
        ing.ingest(items[100:])  # pool_pre_ping replaces them: the next operation just works

        # killed inside a transaction: that transaction fails whole, the next one works
        with s.read() as c:
            n_before = c.execute(text("SELECT COUNT(*) FROM rc_events")).scalar()
        with pytest.raises(DBAPIError):
            with s.write() as c:
                c.execute(text("INSERT INTO rc_meta(key, value) VALUES ('half', 'written')"))
                terminate()
                c.execute(text("SELECT 1"))
        with s.read() as c:
            assert c.execute(text("SELECT COUNT(*) FROM rc_events")).scalar() == n_before
            assert c.execute(text("SELECT COUNT(*) FROM rc_meta WHERE key='half'")).scalar() == 0
        result = verify_store(s)
        assert result["chain_ok"] and result["projections_ok"], result
        assert Ingestor(s).ingest(items).events_appended == 0
        s.dispose()
    finally:
        admin.dispose()
        drop_pg_schema(schema)


# ---------------------------------------------------------------------------------------------
# dates before 1900 and far in the future


def test_dates_before_1900_and_in_the_future(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rollcall.ingestion import Ingestor
    from rollcall.integrity import verify_store
    from store import queries

    arts = {
        "old-meta.md": ("---\ntitle: Archive piece\npublished: 1850-06-01\n---\n"
                        "Ada Pemberton joined Meta in 1899. She left Meta in 1492 and joined OpenAI in 3000."),
        "future.md": ("---\ntitle: Dispatch from the future\npublished: 2199-12-31\n---\n"
                      "Zed Quorum joined Anthropic yesterday, the company said."),
        "fifties.md": ("---\ntitle: History\npublished: 2026-01-05\n---\n"
                       "Olive Tremaine joined Google DeepMind on March 3, 1950."),
        "ahead.md": ("---\ntitle: Plans\npublished: 2026-01-06\n---\n"
                     "Brooks Halvorsen joined xAI in 2049, the lab said."),
    }
    for name, body in arts.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    report = Ingestor(store).ingest(read_paths([tmp_path]))
    assert not report.rejected and len(report.new) == 4
    published = {r["source"].rsplit("/", 1)[-1]: r["published"] for r in report.new}
    assert published["old-meta.md"] is None  # 1850 is outside 1900-2200: not a publication date
    assert published["future.md"] == "2199-12-31"
    with store.read() as c:
        fs = {(f["person"]["name"], f["org"]["name"]): f for f in queries.facts(c)}
        for f in fs.values():
            assert f["date"] is None or (1900 <= int(f["date"][:4]) <= 2200), f
        assert fs[("Zed Quorum", "Anthropic")]["date"] == "2199-12-30"
        assert fs[("Olive Tremaine", "Google DeepMind")]["date"] == "1950-03-03"
        names = lambda r: {m["person"]["name"] for m in r["members"]}  # noqa: E731
        assert "Zed Quorum" not in names(queries.roster(c, "Anthropic", as_of="2026-06-01"))
        assert "Zed Quorum" in names(queries.roster(c, "Anthropic", as_of="2200-01-01"))
        assert "Olive Tremaine" in names(queries.roster(c, "Google DeepMind", as_of="1960-01-01"))
        assert "Olive Tremaine" not in names(queries.roster(c, "Google DeepMind", as_of="1949-12-31"))
        if ("Brooks Halvorsen", "xAI") in fs:
            assert fs[("Brooks Halvorsen", "xAI")]["date"] == "2049"
            assert "Brooks Halvorsen" not in names(queries.roster(c, "xAI", as_of="2048-12-31"))
        queries.replay(c, "1901-01-01")
        queries.replay(c, "2199-12-31")
        queries.flows(c, "1900-01-01", "2200-12-31")
    result = verify_store(store)
    assert result["chain_ok"] and result["projections_ok"], result
