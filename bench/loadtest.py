"""Load test (issue 8): the API under fixed concurrency while the daemon ingests.

    .venv/bin/python -m bench.loadtest [--seconds 60] [--concurrency 16] [--files 2000] [--pg]

1. writes `--files` generated seed articles to a temporary folder;
2. starts `rollcall serve` (the API) and `rollcall run --no-http --seeds FOLDER` (the daemon)
   on one fresh database, both on loopback, as separate processes sharing the store;
3. holds GET /api/rosters/{org}, /api/orgs and /api/people/{name} at `--concurrency` for
   `--seconds`, counting 5xx answers and transport errors (404 for an organization the daemon
   has not reached yet is counted apart: it is a correct answer);
4. waits (bounded by `--settle`) until the daemon has read every file, stops both processes;
5. ingests the same files independently (`Ingestor.ingest(read_paths(...))` in this process,
   into a second fresh database) and compares: the same article and fact idempotency keys, no
   key twice, the same number of events of each type.

Exit status 0 only when there were zero HTTP errors and nothing was lost or duplicated.
Everything is bounded in time and stays on 127.0.0.1. Not part of `python -m bench`.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from bench import gen
from bench.cases import free_port, load, start_server, stop_server, write_seed_files
from bench.common import ROOT, database, pg_available, python


def counts(url: str) -> dict:
    from store.db import Store

    st = Store(url)
    with st.read() as c:
        rows = c.exec_driver_sql("SELECT event_id, idempotency_key FROM rc_events WHERE idempotency_key IS NOT NULL").all()
        by_id = {eid: key for eid, key in rows}
        # a corroboration's key names the fact's random event id: compare by the fact's own key
        keys = [("corr:" + k.split(":", 3)[1] + ":" + k.split(":", 3)[2] + ":" + by_id.get(k.rsplit(":", 1)[1], "?")
                 if k.startswith("corr:") else k) for _, k in rows]
        types = Counter({r[0]: r[1] for r in c.exec_driver_sql("SELECT type, COUNT(*) FROM rc_events GROUP BY type")})
        articles = c.exec_driver_sql("SELECT COUNT(*) FROM rc_articles").scalar()
        facts = c.exec_driver_sql("SELECT COUNT(*) FROM rc_facts").scalar()
    st.dispose()
    return {"keys": keys, "types": types, "articles": articles, "facts": facts}


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--settle", type=float, default=300.0, help="max seconds to wait for the daemon to finish")
    ap.add_argument("--pg", action="store_true", help="run on PostgreSQL instead of SQLite")
    opts = ap.parse_args()
    engine = "postgresql" if opts.pg else "sqlite"
    if opts.pg and not pg_available():
        print("PostgreSQL unreachable", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="rollcall-load-"))
    ok = False
    try:
        folder = work / "seeds"
        write_seed_files(folder, opts.files, seed=21)
        print(f"{opts.files} seed files in {folder}", flush=True)
        with database(engine, work, "live") as url:
            from store.db import Store

            Store(url).dispose()  # schema created once, before two processes race to do it
            port = free_port()
            api = start_server(url, port, work / "serve.log")
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            daemon_log = open(work / "daemon.log", "wb")
            daemon = subprocess.Popen([python(), "-c", "from rollcall.cli import main; main()", "--db", url, "run",
                                       "--no-http", "--seeds", str(folder)], cwd=ROOT, env=env,
                                      stdout=daemon_log, stderr=subprocess.STDOUT)
            try:
                orgs = gen.orgs(30)
                urls = [f"http://127.0.0.1:{port}/api/rosters/{quote(o)}" for o in orgs]
                urls += [f"http://127.0.0.1:{port}/api/orgs"]
                urls += [f"http://127.0.0.1:{port}/api/rosters/{quote(o)}?as_of=2020-06-01" for o in orgs[:10]]
                t0 = time.monotonic()
                r = asyncio.run(load(urls, opts.concurrency, opts.seconds))
                not_found = r["errors"].pop("404", 0)
                http_errors = sum(r["errors"].values())
                print(f"load: {r['requests']:,} requests in {opts.seconds:.0f} s ({r['rps']:.0f}/s), "
                      f"p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, errors {r['errors'] or 0}, "
                      f"404 (org not known yet) {not_found}", flush=True)
                # let the daemon finish reading every file, bounded
                deadline = time.monotonic() + opts.settle
                while time.monotonic() < deadline:
                    done = counts(url)
                    seen = done["types"].get("article_ingested", 0)
                    if seen >= opts.files or daemon.poll() is not None:
                        break
                    time.sleep(2)
                print(f"daemon read {seen} of {opts.files} files in {time.monotonic() - t0:.0f} s", flush=True)
            finally:
                daemon.send_signal(signal.SIGTERM)
                try:
                    daemon.wait(30)
                except subprocess.TimeoutExpired:
                    daemon.kill()
                stop_server(api)
            live = counts(url)
        with database(engine, work, "ref") as ref_url:
            from ingest.seedfiles import read_paths
            from rollcall.ingestion import Ingestor
            from store.db import Store

            st = Store(ref_url)
            Ingestor(st).ingest(read_paths([folder]))
            st.dispose()
            ref = counts(ref_url)
        dup = [k for k, n in Counter(live["keys"]).items() if n > 1]
        lost = set(ref["keys"]) - set(live["keys"])
        extra = set(live["keys"]) - set(ref["keys"])
        print(f"events by type: live {dict(live['types'])}; independent {dict(ref['types'])}")
        print(f"articles live {live['articles']} / independent {ref['articles']}; "
              f"facts live {live['facts']} / independent {ref['facts']}")
        print(f"keys lost {len(lost)}, extra {len(extra)}, duplicated {len(dup)}")
        for k in sorted(lost)[:5]:
            print("  lost:", k)
        for k in sorted(extra)[:5]:
            print("  extra:", k)
        ok = (http_errors == 0 and not dup and not lost and not extra and live["types"] == ref["types"]
              and live["articles"] == ref["articles"])
        print(json.dumps({"ok": ok, "requests": r["requests"], "rps": r["rps"], "p99_ms": r["p99_ms"],
                          "http_errors": http_errors, "not_found": not_found, "lost": len(lost),
                          "extra": len(extra), "duplicated": len(dup)}))
        if not ok:
            print(f"logs kept in {work}", file=sys.stderr)
    finally:
        if ok:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
