"""`rollcall run`: the daemon. Polls feeds and seed folders on schedule, keeps the projections
current, serves /healthz, /metrics (and the API and web page when `rollcall.web` is there).

Jobs (APScheduler 3 BackgroundScheduler, each `max_instances=1`, `coalesce=True`):

- poll: claim due feeds with a lease (`store.feeds.claim_due`), fetch them concurrently, parse,
  ingest new entries (optionally with each entry's page for full text), record the outcome and
  the next poll time (`rollcall.schedule`). Several daemons may share one database: a lease
  keeps a feed with one of them per round, and a dead daemon's feeds go to the others when its
  leases expire. The feeds table is read on every tick, so `rollcall feeds add` needs no restart.
- seeds: read new and changed files in the seed folders (the Ingestor skips unchanged ones).
- catch_up: projections follow the log (also written by other processes).
- maintenance: PRAGMA optimize (and, when much space is free, VACUUM) on SQLite, ANALYZE on
  PostgreSQL.

A database that goes away (PostgreSQL restarting) makes jobs fail, back off and report it on
/healthz; the daemon keeps running and recovers. SIGTERM/SIGINT: stop scheduling, finish (or
abandon) the work in hand, release leases, exit 0 within seconds.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import click

from rollcall import heap
from rollcall.daemonconfig import Config, ConfigError, bundled_seeds, default_worker_id, load
from rollcall.metrics import Metrics
from rollcall.output import progress as progress_bar

log = logging.getLogger("rollcall.daemon")


class Stopped(Exception):
    """The daemon is shutting down; the work in hand is abandoned."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _is_db_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError, OperationalError

    from store.db import StoreError

    return isinstance(exc, (OperationalError, DBAPIError, StoreError))


def _one_line(exc: BaseException) -> str:
    s = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {s[0] if s else ''}"[:300]


class Daemon:
    def __init__(self, cfg: Config, *, interactive: bool = False) -> None:
        from store.db import Store

        self.cfg = cfg
        self.worker = cfg.worker_id or default_worker_id()
        self.interactive = interactive
        self.store = Store(cfg.db_url, create=False)
        self.metrics = Metrics()
        self.stop = threading.Event()
        self.ingest_lock = threading.Lock()
        self._ingestor: Any = None
        self._db_ready = False
        self.db_error: str | None = None
        self.db_error_since: datetime | None = None
        self._db_retry_at = 0.0
        self._db_failures = 0
        self._seen_files: dict[str, tuple[int, int]] = {}
        self.jobs: dict[str, dict[str, Any]] = {}
        self.scheduler: Any = None
        self.http: Any = None
        self.started_at = utcnow()
        self.last_round: dict[str, Any] = {}
        self.warned_folders: set[str] = set()

    # -- database ----------------------------------------------------------------------------
    def ensure_db(self) -> None:
        """Create/upgrade the schema and register the configured feeds, once the DB answers."""
        if self._db_ready:
            return
        from store.feeds import add_feed, get_feed

        self.store.migrate()
        with self.store.write() as conn:
            for f in self.cfg.feeds:
                row = get_feed(conn, f.url)
                if row is None or (int(row["interval_s"]), bool(row["fixed_interval"]), bool(row["fetch_full_text"])) \
                        != (f.every_s, f.fixed, f.full_text):
                    add_feed(conn, f.url, f.every_s, fixed=f.fixed, full_text=f.full_text)
        self._db_ready = True
        if self.cfg.feeds:
            log.info("%d feed(s) from the config are in the feeds table", len(self.cfg.feeds))

    def _db_ok(self) -> None:
        if self.db_error:
            log.info("database is reachable again", extra={"event": "db_recovered"})
        self.db_error = None
        self.db_error_since = None
        self._db_failures = 0

    def _db_failed(self, exc: BaseException) -> None:
        self._db_failures += 1
        delay = min(60.0, 0.5 * 2 ** min(self._db_failures, 8))
        self._db_retry_at = time.monotonic() + delay
        if self.db_error is None:
            self.db_error_since = utcnow()
        self.db_error = _one_line(exc)
        self._ingestor = None  # its cached state may hold uncommitted work: rebuild from the store
        self.metrics.inc("rollcall_db_errors_total")
        log.warning("database error (retrying in %.0fs): %s", delay, self.db_error,
                    extra={"event": "db_error", "retry_in_s": delay})

    def ingestor(self):  # type: ignore[no-untyped-def]
        if self._ingestor is None:
            from rollcall.ingestion import Ingestor

            self._ingestor = Ingestor(self.store)
        return self._ingestor

    # -- jobs --------------------------------------------------------------------------------
    def run_job(self, name: str, fn: Callable[[], Any], *, once: bool = False) -> Any:
        """Run one job with the bookkeeping every job shares: DB back-off, metrics, health."""
        if self.stop.is_set():
            return None
        if not once and self.db_error and time.monotonic() < self._db_retry_at:
            return None
        state = self.jobs.setdefault(name, {"runs": 0, "errors": 0, "last_ok_at": None, "last_error": None})
        state["running_since"] = utcnow().isoformat()
        started = time.monotonic()
        try:
            self.ensure_db()
            result = fn()
        except Stopped:
            return None
        except Exception as exc:  # noqa: BLE001 - a job reports and the scheduler goes on
            state["errors"] += 1
            state["last_error"] = _one_line(exc)
            self.metrics.inc("rollcall_job_runs_total", job=name, result="error")
            if _is_db_error(exc):
                self._db_failed(exc)
                if once:
                    raise
            else:
                log.exception("job %s failed: %s", name, _one_line(exc), extra={"job": name})
                if once:
                    raise
            return None
        finally:
            state["running_since"] = None
            state["runs"] += 1
            state["last_duration_s"] = round(time.monotonic() - started, 3)
        self._db_ok()
        state["last_ok_at"] = utcnow().isoformat()
        self.metrics.inc("rollcall_job_runs_total", job=name, result="ok")
        return result

    # poll ------------------------------------------------------------------------------------
    def poll_round(self, progress: Callable[[int], None] | None = None) -> dict[str, int]:
        """Claim and poll due feeds until none is due (or shutdown)."""
        from store.feeds import claim_due

        totals = {"feeds": 0, "ok": 0, "not_modified": 0, "error": 0, "new": 0, "facts": 0}
        batch = max(1, self.cfg.concurrency)  # small claims: daemons sharing a DB share the work
        started = utcnow()  # a round polls what was due when it started, each feed once
        while not self.stop.is_set():
            with self.store.write() as conn:
                rows = claim_due(conn, self.worker, now=utcnow(), lease_s=self.cfg.lease_s, limit=batch,
                                 due_by=started)
            if not rows:
                break
            try:
                self._poll_batch(rows, totals, progress)
            finally:
                self._release([r["url"] for r in rows])  # whatever was not recorded (abandoned)
        if totals["feeds"]:
            log.info("polled %d feed(s): %d ok, %d not modified, %d failed; %d new entries, %d new facts",
                     totals["feeds"], totals["ok"], totals["not_modified"], totals["error"], totals["new"],
                     totals["facts"], extra={"event": "poll_round", **totals})
        self.last_round["poll"] = totals
        return totals

    def _release(self, urls: list[str], *, due_now: bool = False) -> None:
        from store.feeds import iso, release_leases

        try:
            with self.store.write() as conn:
                release_leases(conn, self.worker, urls, next_poll_at=iso(utcnow()) if due_now else None)
        except Exception as exc:  # noqa: BLE001 - they expire anyway
            log.warning("could not release leases: %s", _one_line(exc))

    def _fetch_options(self):  # type: ignore[no-untyped-def]
        from ingest.fetch import USER_AGENT, FetchOptions

        return FetchOptions(connect_timeout=self.cfg.fetch_connect_timeout, read_timeout=self.cfg.fetch_read_timeout,
                            deadline=self.cfg.fetch_deadline, max_attempts=self.cfg.fetch_attempts, allow_internal=self.cfg.allow_internal_feeds,
                            user_agent=f"{USER_AGENT} worker/{self.worker}")

    def _run_async(self, coro: Any) -> Any:
        """Run a coroutine to completion, cancelling it when the daemon is told to stop."""
        import asyncio

        async def guarded() -> Any:
            task = asyncio.ensure_future(coro)
            while not task.done():
                if self.stop.is_set():
                    task.cancel()
                    try:
                        await task
                    except (asyncio.CancelledError, Exception):  # noqa: BLE001
                        pass
                    raise Stopped()
                await asyncio.wait({task}, timeout=0.1)
            return task.result()

        return asyncio.run(guarded())

    def _fetch_iter(self, requests: list[Any], opts: Any) -> Iterator[tuple[int, Any]]:
        """Fetch concurrently (at most `concurrency` in flight, `per_host` per host) and yield
        (index, FetchResult) as each fetch completes, so one slow feed does not hold the others'
        ingestion. Stops (and cancels the fetches in flight) on shutdown."""
        import asyncio
        import queue
        from urllib.parse import urlsplit

        from ingest.fetch import fetch_feeds

        results: "queue.Queue[Any]" = queue.Queue()
        done = object()
        cancel = threading.Event()

        async def main() -> None:
            sem = asyncio.Semaphore(self.cfg.concurrency)
            hosts: dict[str, asyncio.Semaphore] = {}

            async def one(i: int, req: Any) -> None:
                host = (urlsplit(req.url).hostname or "").lower()
                per_host = hosts.setdefault(host, asyncio.Semaphore(self.cfg.per_host))
                async with sem, per_host:
                    (res,) = await fetch_feeds([req], concurrency=1, per_host=1, options=opts)
                results.put((i, res))

            tasks = [asyncio.ensure_future(one(i, r)) for i, r in enumerate(requests)]
            pending = set(tasks)
            while pending:
                if self.stop.is_set() or cancel.is_set():
                    for t in pending:
                        t.cancel()
                    await asyncio.gather(*pending, return_exceptions=True)
                    break
                _done, pending = await asyncio.wait(pending, timeout=0.1)

        def runner() -> None:
            try:
                asyncio.run(main())
            finally:
                results.put(done)

        thread = threading.Thread(target=runner, name="fetch", daemon=True)
        thread.start()
        try:
            while True:
                item = results.get()
                if item is done:
                    return
                yield item
        finally:
            cancel.set()

    def _poll_batch(self, rows: list[dict], totals: dict[str, int], progress: Callable[[int], None] | None) -> None:
        from ingest.errors import SourceError
        from ingest.feeds import parse_feed
        from ingest.fetch import FeedRequest
        from rollcall.schedule import cache_max_age, feed_ttl, plan_failure, plan_success
        from store.feeds import record_failure, record_success, renew_leases

        opts = self._fetch_options()
        requests = [FeedRequest(r["url"], r["etag"], r["last_modified"]) for r in rows]
        lease_checked = time.monotonic()
        for index, res in self._fetch_iter(requests, opts):
            row = rows[index]
            if self.stop.is_set():
                raise Stopped()
            if time.monotonic() - lease_checked > self.cfg.lease_s / 3:
                with self.store.write() as conn:
                    renew_leases(conn, self.worker, [r["url"] for r in rows], now=utcnow(), lease_s=self.cfg.lease_s)
                lease_checked = time.monotonic()
            url = row["url"]
            totals["feeds"] += 1
            self.metrics.observe_poll(res.elapsed)
            now = utcnow()
            error = res.error if res.status == "error" else None
            feed = None
            if res.status == "ok":
                try:
                    feed = parse_feed(res.body or b"", res.final_url or url, max_entries=self.cfg.max_entries)
                except SourceError as exc:
                    error = exc.reason
            if error is not None:
                self.metrics.inc("rollcall_feed_polls_total", result="error")
                self.metrics.inc("rollcall_feed_errors_total")
                totals["error"] += 1
                with self.store.write() as conn:
                    n = record_failure(conn, url, self.worker, now=now, error=error,
                                       next_poll_at=plan_failure(row, now=now, retry_after=res.retry_after,
                                                                 policy=self.cfg.policy))
                log.warning("feed %s failed (%s in a row): %s", url, n, error,
                            extra={"event": "feed_error", "feed": url, "failures": n})
                if progress:
                    progress(1)
                continue
            new_entries = 0
            published: list[str | None] = []
            if feed is not None:
                articles = feed.articles
                if row["fetch_full_text"]:
                    articles = self._with_full_text(articles, opts)
                report = self.ingest(articles)
                new_entries = len(report.new) + len(report.duplicates)
                published = [a.published for a in feed.articles]
                totals["new"] += new_entries
                totals["facts"] += report.facts_new
                for w in feed.warnings[:3]:
                    log.info("feed %s: %s", url, w, extra={"feed": url})
            ttl = feed_ttl(res.body) if res.body else None
            max_age = cache_max_age(getattr(res, "cache_control", None))
            plan = plan_success(row, now=now, new_entries=new_entries, published=published, ttl_s=ttl,
                                max_age_s=max_age, policy=self.cfg.policy)
            entries = (int(row["entries_seen"] or 0) + new_entries) if feed is not None else None
            with self.store.write() as conn:
                record_success(conn, url, self.worker, now=now, next_poll_at=plan.next_poll_at,
                               etag=res.etag, last_modified=res.last_modified, new_entries=new_entries,
                               entries_seen=entries, mean_gap_s=plan.mean_gap_s, cache_s=plan.cache_s,
                               moved_to=res.permanent_redirect)
            if res.permanent_redirect:
                log.warning("feed %s moved permanently to %s; polling the new URL", url, res.permanent_redirect,
                            extra={"event": "feed_moved", "feed": url, "moved_to": res.permanent_redirect})
            kind = "ok" if res.status == "ok" else "not_modified"
            totals[kind] += 1
            self.metrics.inc("rollcall_feed_polls_total", result=kind)
            log.debug("feed %s: %s, %d new, next in %.0fs", url, kind, new_entries, plan.interval_s,
                      extra={"feed": url, "new": new_entries})
            if progress:
                progress(1)

    def _with_full_text(self, articles: list, opts: Any) -> list:  # type: ignore[type-arg]
        """Fetch the pages of entries not read before and use their full text."""
        import asyncio

        from sqlalchemy import text

        from ingest.fetch import fetch_article_page, with_page_text
        from ingest.urls import canonical_url

        wanted: list[int] = []
        with self.store.read() as conn:
            for i, a in enumerate(articles):
                if not a.url:
                    continue
                locs = [f"url:{canonical_url(a.url)}"] + ([f"guid:{a.guid}"] if a.guid else [])
                known = conn.execute(text("SELECT 1 FROM rc_article_locators WHERE locator IN (:a, :b)"),
                                     {"a": locs[0], "b": locs[-1]}).first()
                if not known:
                    wanted.append(i)
        if not wanted:
            return articles

        async def pages() -> list:  # type: ignore[type-arg]
            sem = asyncio.Semaphore(self.cfg.full_text_concurrency)

            async def one(i: int) -> Any:
                async with sem:
                    return await fetch_article_page(articles[i].url, options=opts)

            return list(await asyncio.gather(*(one(i) for i in wanted)))

        out = list(articles)
        for i, page in zip(wanted, self._run_async(pages())):
            if page.status == "ok":
                out[i] = with_page_text(out[i], page)
            else:
                log.info("full text of %s: %s (keeping the feed's text)", articles[i].url, page.error)
        return out

    def ingest(self, items: Iterable[Any], progress: Callable[[str], None] | None = None):  # type: ignore[no-untyped-def]
        """Ingest with the process's one Ingestor; stops taking items when shutting down (the
        chunk in hand is finished: it commits as one transaction or not at all)."""
        def until_stopped() -> Iterator[Any]:
            for item in items:
                if self.stop.is_set():
                    return
                yield item

        with self.ingest_lock:
            try:
                report = self.ingestor().ingest(until_stopped(), progress=progress)
            except Exception:
                self._ingestor = None
                raise
        self.metrics.add_report(report)
        if self.stop.is_set():
            raise Stopped()
        return report

    # seeds -----------------------------------------------------------------------------------
    def seed_round(self, show_progress: bool = False) -> dict[str, int]:
        from ingest.seedfiles import iter_seed_paths, read_path

        for folder in self.cfg.seeds:
            if not Path(folder).exists() and folder not in self.warned_folders:
                log.warning("seed folder %s does not exist (yet)", folder)
                self.warned_folders.add(folder)
        folders = [f for f in self.cfg.seeds if Path(f).exists()]
        changed: list[tuple[Path, tuple[int, int]]] = []
        for p in iter_seed_paths(folders):
            try:
                st = p.stat()
            except OSError:
                continue
            key = (st.st_mtime_ns, st.st_size)
            if self._seen_files.get(str(p)) != key:
                changed.append((p, key))
        totals = {"files": len(changed), "new": 0, "duplicates": 0, "unchanged": 0, "rejected": 0, "facts": 0}
        if not changed:
            self.last_round["seeds"] = totals
            return totals

        def items() -> Iterator[Any]:
            for p, _key in changed:
                yield from read_path(p)

        show = show_progress and len(changed) > 10
        bar_cm = progress_bar(len(changed), "reading seed files", show)
        done: set[str] = set()

        def progress(source: str) -> None:
            if source not in done:
                done.add(source)
                bar.update(1)

        with bar_cm as bar:
            report = self.ingest(items(), progress=progress)
        for p, key in changed:
            self._seen_files[str(p)] = key
        totals.update(new=len(report.new), duplicates=len(report.duplicates), unchanged=len(report.unchanged),
                      rejected=len(report.rejected), facts=report.facts_new)
        for r in report.rejected:
            log.warning("rejected %s: %s", r["source"], r["reason"], extra={"event": "rejected", "source": r["source"]})
        if report.new or report.duplicates or report.rejected:
            log.info("seed folders: %d new, %d duplicate, %d unchanged, %d rejected; %d new facts",
                     totals["new"], totals["duplicates"], totals["unchanged"], totals["rejected"], totals["facts"],
                     extra={"event": "seed_round", **totals})
        self.last_round["seeds"] = totals
        return totals

    # projections, maintenance ----------------------------------------------------------------
    def catch_up(self) -> None:
        from store import projector

        with self.ingest_lock:
            projector.catch_up(self.store)

    def maintenance(self, light: bool = False) -> None:
        if self.store.is_sqlite:
            with self.store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
                if light:
                    return
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
                free = conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
            if pages > 1000 and free > pages // 4:
                with self.ingest_lock, self.store.engine.connect() as conn:
                    conn.exec_driver_sql("VACUUM")
                log.info("vacuumed the database (%d of %d pages were free)", free, pages)
        else:
            with self.store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for t in ("rc_events", "rc_articles", "rc_article_locators", "rc_feeds", "rc_facts",
                          "rc_fact_sources", "rc_membership", "rc_entities", "rc_aliases"):
                    conn.exec_driver_sql(f"ANALYZE {t}")

    # health and metrics ------------------------------------------------------------------------
    def _db_probe(self, timeout: float = 3.0) -> tuple[bool, str | None]:
        out: list[Any] = [False, "timed out"]

        def probe() -> None:
            try:
                with self.store.engine.connect() as conn:
                    conn.exec_driver_sql("SELECT 1")
                out[0], out[1] = True, None
            except Exception as exc:  # noqa: BLE001
                out[0], out[1] = False, _one_line(exc)

        t = threading.Thread(target=probe, daemon=True)
        t.start()
        t.join(timeout)
        return out[0], out[1]

    def scheduler_alive(self) -> bool:
        if self.scheduler is None:
            return False
        return bool(self.scheduler.running) and not self.stop.is_set()

    def health(self) -> dict[str, Any]:
        from rollcall.feedcli import feed_view
        from store.feeds import list_feeds

        now = utcnow()
        db_ok, db_err = self._db_probe()
        feeds: list[dict[str, Any]] = []
        if db_ok and self._db_ready:
            try:
                with self.store.read() as conn:
                    feeds = [feed_view(r, now) for r in list_feeds(conn)]
            except Exception as exc:  # noqa: BLE001
                db_ok, db_err = False, _one_line(exc)
        alive = self.scheduler_alive()
        failing = [f["url"] for f in feeds if f["state"] == "failing"]
        ok = db_ok and alive
        return {
            "status": "ok" if ok and not failing else ("degraded" if ok else "error"),
            "ok": ok,
            "worker": self.worker,
            "started_at": self.started_at.isoformat(),
            "db": {"ok": db_ok, "error": db_err or self.db_error,
                   "error_since": self.db_error_since.isoformat() if self.db_error_since else None},
            "scheduler": {"alive": alive, "jobs": {k: {kk: vv for kk, vv in v.items()} for k, v in self.jobs.items()}},
            "feeds": [{k: f[k] for k in ("url", "state", "last_ok_at", "last_polled_at", "failures", "last_error",
                                         "next_poll_at", "moved_to")} for f in feeds],
            "failing_feeds": failing,
        }

    def render_metrics(self) -> str:
        from sqlalchemy import text

        from rollcall.schedule import feed_state
        from store.feeds import list_feeds

        gauges: list[tuple[str, str, dict[str, str], float]] = []
        db_ok = 0.0
        try:
            if self._db_ready:
                with self.store.read() as conn:
                    now = utcnow()
                    counts: dict[str, int] = {}
                    for r in list_feeds(conn):
                        s = feed_state(r, now, self.cfg.policy)
                        counts[s] = counts.get(s, 0) + 1
                    events = conn.execute(text("SELECT COALESCE(MAX(position), 0) FROM rc_events")).scalar() or 0
                for s in ("new", "ok", "retrying", "failing", "moved"):
                    gauges.append(("rollcall_feeds", "Feeds by state.", {"state": s}, counts.get(s, 0)))
                gauges.append(("rollcall_log_position", "Last position in the event log.", {}, float(events)))
                db_ok = 1.0
        except Exception:  # noqa: BLE001 - /metrics must answer even with the DB down
            db_ok = 0.0
        gauges.append(("rollcall_db_up", "1 when the database answered this scrape.", {}, db_ok))
        gauges.append(("rollcall_scheduler_up", "1 while the scheduler runs.", {}, 1.0 if self.scheduler_alive() else 0.0))
        return self.metrics.render(gauges)

    # running ---------------------------------------------------------------------------------
    def once(self) -> dict[str, Any]:
        """One round of every job, in order; raises on a database error."""
        show = self.interactive
        summary: dict[str, Any] = {}
        self.ensure_db()  # opens the DB, registers the config's feeds
        summary["poll"] = self.run_job("poll", lambda: self._poll_with_bar(show), once=True)
        summary["seeds"] = self.run_job("seeds", lambda: self.seed_round(show), once=True)
        self.run_job("catch_up", self.catch_up, once=True)
        self.run_job("maintenance", lambda: self.maintenance(light=True), once=True)
        return summary

    def _poll_with_bar(self, show: bool) -> dict[str, int]:
        from sqlalchemy import text

        if not show:
            return self.poll_round()
        with self.store.read() as conn:
            due = conn.execute(text("SELECT COUNT(*) FROM rc_feeds WHERE moved_to IS NULL AND "
                                    "(next_poll_at IS NULL OR next_poll_at <= :n)"),
                               {"n": utcnow().strftime("%Y-%m-%dT%H:%M:%S.%fZ")}).scalar() or 0
        if due <= 3:
            return self.poll_round()
        with click.progressbar(length=int(due), label="polling feeds", file=sys.stderr) as bar:
            return self.poll_round(progress=bar.update)

    def start_scheduler(self) -> None:
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler

        sched = BackgroundScheduler(executors={"default": ThreadPoolExecutor(4)}, timezone=timezone.utc)
        now = datetime.now(timezone.utc)
        grace = 30

        def add(name: str, fn: Callable[[], Any], every: float, first: datetime | None) -> None:
            sched.add_job(self.run_job, "interval", args=(name, fn), seconds=every, id=name, name=name,
                          max_instances=1, coalesce=True, misfire_grace_time=max(grace, int(every)),
                          next_run_time=first)

        add("poll", self.poll_round, self.cfg.poll_tick_s, now)
        if self.cfg.seeds:
            add("seeds", self.seed_round, self.cfg.seed_scan_s, now)
        add("catch_up", self.catch_up, self.cfg.catch_up_s, now)
        add("maintenance", self.maintenance, self.cfg.maintenance_s, None)
        sched.start()
        self.scheduler = sched

    def shutdown(self, deadline: float = 8.0) -> None:
        """Stop scheduling, let the jobs notice the stop flag, release leases, stop HTTP."""
        self.stop.set()
        started = time.monotonic()
        if self.scheduler is not None:
            t = threading.Thread(target=lambda: self.scheduler.shutdown(wait=True), daemon=True)
            t.start()
            t.join(max(0.5, deadline - 1.5))
            if t.is_alive():
                log.warning("a job did not finish in time; abandoning it")
        try:
            from store.feeds import release_leases

            with self.store.write() as conn:
                n = release_leases(conn, self.worker)
            if n:
                log.info("released %d lease(s)", n)
        except Exception as exc:  # noqa: BLE001 - they expire anyway
            log.warning("could not release leases: %s", _one_line(exc))
        if self.http is not None:
            self.http.stop(max(0.2, deadline - (time.monotonic() - started)))
        log.info("stopped", extra={"event": "stopped"})


# -- HTTP ------------------------------------------------------------------------------------------


def build_app(daemon: Daemon):  # type: ignore[no-untyped-def]
    """The web server's app when `rollcall.web.server` exists; else just /healthz and /metrics."""
    try:
        from rollcall.web.server import create_app
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("rollcall.web"):
            raise
        create_app = None
    if create_app is not None:
        return create_app(daemon.store, token=daemon.cfg.token, protect_reads=daemon.cfg.protect_reads,
                          allow_internal_feeds=daemon.cfg.allow_internal_feeds, health=daemon.health,
                          metrics=daemon.render_metrics)
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse, PlainTextResponse

    app = FastAPI(title="rollcall daemon", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        h = daemon.health()
        return JSONResponse(h, status_code=200 if h["ok"] else 503)

    @app.get("/metrics")
    def metrics() -> PlainTextResponse:
        return PlainTextResponse(daemon.render_metrics(), media_type="text/plain; version=0.0.4")

    return app


class HttpServer:
    def __init__(self, app: Any, host: str, port: int) -> None:
        import uvicorn

        self.config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False,
                                     lifespan="off", timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(self.config)
        self.thread = threading.Thread(target=self._serve, name="http", daemon=True)
        self.error: BaseException | None = None

    def _serve(self) -> None:
        try:
            self.server.run()
        except BaseException as exc:  # noqa: BLE001 - SystemExit from a failed bind
            self.error = exc

    def start(self, timeout: float = 10.0) -> tuple[str, int]:
        self.thread.start()
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.server.started:
                sock = self.server.servers[0].sockets[0]
                host, port = sock.getsockname()[:2]
                return host, port
            if not self.thread.is_alive():
                break
            time.sleep(0.02)
        raise OSError(f"cannot listen on {self.config.host}:{self.config.port}"
                      + (" (address in use?)" if self.error is not None or not self.thread.is_alive() else ""))

    def stop(self, timeout: float = 3.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


# -- the command -------------------------------------------------------------------------------


@click.command("run")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Settings file (default: $ROLLCALL_CONFIG, else ./rollcall.toml if present).")
@click.option("--host", help="Address for /healthz, /metrics and the API (default 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port for HTTP (default 8080; 0 picks a free one).")
@click.option("--no-http", is_flag=True, help="Do not serve HTTP.")
@click.option("--once", is_flag=True, help="One round of every job, then exit.")
@click.option("--seeds", "seed_folders", multiple=True, type=click.Path(file_okay=False),
              help="A seed folder to watch (repeatable; adds to the config's).")
@click.option("--log-format", type=click.Choice(["text", "json"]), help="json: one JSON object per line.")
@click.option("--worker-id", help="This daemon's name in feed leases (default host:pid:random).")
@click.option("--json", "as_json", is_flag=True, help="With --once: print the round's summary as JSON.")
@click.pass_context
def run_command(ctx: click.Context, config_path: str | None, host: str | None, port: int | None, no_http: bool,
                once: bool, seed_folders: tuple[str, ...], log_format: str | None, worker_id: str | None,
                as_json: bool) -> None:
    """The daemon: polls feeds and seed folders, keeps projections current, serves HTTP."""
    from rollcall import logsetup
    from rollcall.cli import Fail
    from store.db import StoreError

    try:
        cfg = load(config_path)
    except ConfigError as exc:
        raise Fail(str(exc)) from None
    db = (ctx.obj or {}).get("db")
    changes: dict[str, Any] = {}
    if db:
        changes["db_url"] = db
    if host:
        changes["host"] = host
    if port is not None:
        changes["port"] = port
    if log_format:
        changes["log_format"] = log_format
    if worker_id:
        changes["worker_id"] = worker_id
    if no_http:
        changes["http_enabled"] = False
    if seed_folders:
        changes["seeds"] = tuple(cfg.seeds) + tuple(str(Path(s).resolve()) for s in seed_folders)
    cfg = replace(cfg, **changes)
    logsetup.setup(cfg.log_format, cfg.log_level)
    if not cfg.seeds and cfg.source is None and not os.environ.get("ROLLCALL_SEEDS"):
        bundled = bundled_seeds()
        if bundled is not None:
            cfg = replace(cfg, seeds=(str(bundled),), seeds_default=True)
            click.echo(f"rollcall: no config and no seed folders given; reading the bundled {bundled}", err=True)
    interactive = sys.stderr.isatty() and cfg.log_format == "text"
    daemon = Daemon(cfg, interactive=interactive)
    log.info("rollcall daemon starting%s: database %s, %d seed folder(s), worker %s",
             " (one round)" if once else "", daemon.store.display_url(), len(cfg.seeds), daemon.worker,
             extra={"event": "starting", "worker": daemon.worker})

    def on_signal(signum: int, _frame: Any) -> None:
        if not daemon.stop.is_set():
            log.info("received %s; stopping", signal.Signals(signum).name, extra={"event": "signal"})
        daemon.stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    if once:
        try:
            summary = daemon.once()
        except StoreError as exc:
            raise Fail(str(exc)) from None
        except Exception as exc:  # noqa: BLE001
            if _is_db_error(exc):
                raise Fail(f"database {daemon.store.display_url()}: {_one_line(exc)}") from None
            raise
        finally:
            daemon.store.dispose()
        _print_summary(summary, as_json, daemon)
        return

    # a database that is not there yet at start: keep trying, unless told to stop
    while not daemon.stop.is_set():
        try:
            daemon.ensure_db()
            break
        except Exception as exc:  # noqa: BLE001
            if not _is_db_error(exc):
                raise
            daemon._db_failed(exc)
            daemon.stop.wait(max(0.5, daemon._db_retry_at - time.monotonic()))
    if daemon.stop.is_set():
        return
    if cfg.http_enabled:
        daemon.http = HttpServer(build_app(daemon), cfg.host, cfg.port)
        try:
            bound_host, bound_port = daemon.http.start()
        except OSError as exc:
            raise Fail(str(exc)) from None
        log.info("serving http://%s:%d (/healthz, /metrics)", bound_host, bound_port,
                 extra={"event": "listening", "host": bound_host, "port": bound_port})
    heap.settle()
    daemon.start_scheduler()
    try:
        while not daemon.stop.wait(0.5):
            pass
    finally:
        daemon.shutdown()
        daemon.store.dispose()


def _print_summary(summary: dict[str, Any], as_json: bool, daemon: Daemon) -> None:
    poll = summary.get("poll") or {}
    seeds = summary.get("seeds") or {}
    if as_json:
        click.echo(__import__("json").dumps({"poll": poll, "seeds": seeds, "seed_folders": list(daemon.cfg.seeds),
                                             "metrics": {"facts_appended": daemon.metrics.get("rollcall_facts_appended_total"),
                                                         "events_appended": daemon.metrics.get("rollcall_events_appended_total")}}))
        return
    if poll.get("feeds"):
        click.echo(f"feeds: {poll['feeds']} polled ({poll['ok']} ok, {poll['not_modified']} not modified, "
                   f"{poll['error']} failed); {poll['new']} new entries, {poll['facts']} new facts")
    else:
        click.echo("feeds: none due")
    if daemon.cfg.seeds:
        click.echo(f"seeds: {seeds.get('files', 0)} file(s) read: {seeds.get('new', 0)} new, "
                   f"{seeds.get('duplicates', 0)} duplicate, {seeds.get('unchanged', 0)} unchanged, "
                   f"{seeds.get('rejected', 0)} rejected; {seeds.get('facts', 0)} new facts")
    if daemon.stop.is_set():
        click.echo("stopped early (signal); the next round picks up where this one stopped", err=True)
