"""Three daemons against one PostgreSQL schema share 30 feeds: every feed is fetched by one of
them per round (never two in the same round), all three take part, each new item becomes one
fact, and when one daemon is killed with SIGKILL its feeds move to the others once its leases
expire. Needs ROLLCALL_TEST_PG (see conftest.py)."""
from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from conftest import PG_URL, drop_pg_schema, make_pg_schema
from feedserver import FeedServer
from test_daemon import (Daemon, LiveFeed, events, free_port, http_get, move, people_in, run_cli, wait_for,
                         write_config)

pytestmark = [pytest.mark.pg, pytest.mark.skipif(not PG_URL, reason="needs ROLLCALL_TEST_PG")]

FEEDS = 30
INTERVAL = 1.0
LEASE = 3.0


def worker_of(user_agent: str) -> str:
    m = re.search(r"worker/(\S+)", user_agent)
    return m.group(1) if m else "?"


@pytest.fixture
def pg_url():
    schema, url = make_pg_schema()
    try:
        yield url
    finally:
        drop_pg_schema(schema)


def test_three_daemons_share_feeds_and_take_over_from_a_killed_one(tmp_path: Path, pg_url: str):
    server = FeedServer().start()
    feeds = [LiveFeed(f"f{i:02d}") for i in range(FEEDS)]
    urls = [server.add_route(f"/f{i:02d}.xml", f) for i, f in enumerate(feeds)]
    daemons: list[Daemon] = []
    try:
        # one feed added with the CLI beforehand; all of them come from each daemon's config too
        # (the same list in all three: adding a known feed changes nothing)
        run_cli(pg_url, "feeds", "add", urls[0], "--every", "1s", "--fixed")
        for i, f in enumerate(feeds):
            p, _, s = move(i)
            f.add(f"{f.name}-0", "Moves", s)
        for w in ("w1", "w2", "w3"):
            cfg = write_config(tmp_path / f"{w}.toml", pg_url, feeds=urls, lease=LEASE, tick=0.2,
                               min_interval=INTERVAL, concurrency=4)
            daemons.append(Daemon(cfg, "--worker-id", w, log=tmp_path / f"{w}.log"))
        first = {move(i)[0] for i in range(FEEDS)}
        wait_for(lambda: first <= people_in(events(pg_url)), 60, "the first item of every feed")

        # a second item everywhere, fetched while all three run
        t_add = time.monotonic()
        for i, f in enumerate(feeds):
            f.add(f"{f.name}-1", "More moves", move(FEEDS + i)[2])
        second = {move(FEEDS + i)[0] for i in range(FEEDS)}
        wait_for(lambda: second <= people_in(events(pg_url)), 30, "the second item of every feed")
        time.sleep(1.5)  # a few more rounds

        # never two fetches of a feed in one round: consecutive fetches are an interval apart
        for f in feeds:
            times = [t for t, _ua, _n in f.fetches]
            gaps = [b - a for a, b in zip(times, times[1:])]
            assert gaps and min(gaps) > 0.8 * INTERVAL, (f.name, gaps)
        # and the second item was first served to exactly one daemon
        first_with_new = [next(ua for t, ua, n in f.fetches if n == 2) for f in feeds]
        assert all(worker_of(ua) in ("w1", "w2", "w3") for ua in first_with_new)
        workers = {worker_of(ua) for f in feeds for t, ua, n in f.fetches if t > t_add}
        assert len(workers) >= 2, workers  # the load is shared
        evs = events(pg_url)
        assert len(evs) == 2 * FEEDS and all(len(e["sources"]) == 1 for e in evs)

        # kill -9 one daemon: its leases expire and the others poll its feeds
        daemons[0].kill9()
        t_kill = time.monotonic()
        for i, f in enumerate(feeds):
            f.add(f"{f.name}-2", "Even more moves", move(2 * FEEDS + i)[2])
        third = {move(2 * FEEDS + i)[0] for i in range(FEEDS)}
        wait_for(lambda: third <= people_in(events(pg_url)), 30, "the third item of every feed after the kill")
        time.sleep(LEASE + 0.5)
        t_check = time.monotonic()  # every lease w1 held has expired by now
        for f in feeds:
            wait_for(lambda: any(t > t_check for t, _ua, _n in f.fetches), 20, f"{f.name} to be polled still")
            after = [worker_of(ua) for t, ua, n in f.fetches if t > t_kill]
            assert after and set(after) <= {"w2", "w3"}, (f.name, after)
        listed = [json.loads(ln) for ln in run_cli(pg_url, "feeds", "list", "--json").stdout.splitlines()]
        assert len(listed) == FEEDS and all(f["lease_owner"] in (None, "w2", "w3") for f in listed)

        for d in daemons[1:]:
            rc, took = d.terminate()
            assert rc == 0 and took < 10, d.log()[-2000:]
        assert len(events(pg_url)) == 3 * FEEDS
        run_cli(pg_url, "verify")
    finally:
        for d in daemons:
            d.cleanup()
        server.stop()


class TcpProxy:
    """A TCP forwarder to PostgreSQL that the test can pull out and put back: to the daemon it
    looks exactly like the database server going down and coming back (refused connections,
    established ones reset)."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> "TcpProxy":
        ls = socket.socket()
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", self.port))
        ls.listen(64)
        self.listener = ls
        threading.Thread(target=self._accept, args=(ls,), daemon=True).start()
        return self

    def _accept(self, ls: socket.socket) -> None:
        while True:
            try:
                client, _ = ls.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        with self.lock:
            conns, self.conns = self.conns, []
        for s in conns:
            try:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.close()
            except OSError:
                pass


def test_database_outage_is_reported_and_survived(tmp_path: Path, pg_url: str):
    target = make_url(pg_url)
    proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432).start()
    via_proxy = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    server = FeedServer().start()
    feed = LiveFeed("outage")
    feed.add("o-0", "Moves", move(500)[2])
    url = server.add_route("/outage.xml", feed)
    port = free_port()
    cfg = write_config(tmp_path / "rollcall.toml", via_proxy, port=port, feeds=[url], lease=3)
    d = Daemon(cfg, "--worker-id", "solo", log=tmp_path / "daemon.log")
    health = f"http://127.0.0.1:{port}/healthz"
    try:
        wait_for(lambda: move(500)[0] in people_in(events(pg_url)), 30, "the first fact")
        proxy.stop()  # the database goes away
        feed.add("o-1", "More moves", move(501)[2])

        def reports_down() -> bool:
            status, body = http_get(health)
            return status == 503 and json.loads(body)["db"]["ok"] is False

        wait_for(reports_down, 20, "/healthz to report the database down")
        time.sleep(2)
        assert d.proc.poll() is None, "the daemon died with its database"
        assert move(501)[0] not in people_in(events(pg_url))

        proxy.start()  # and comes back
        wait_for(lambda: http_get(health)[0] == 200, 30, "/healthz to recover")
        wait_for(lambda: move(501)[0] in people_in(events(pg_url)), 30, "the item published during the outage")
        rc, took = d.terminate()
        assert rc == 0 and took < 10, d.log()[-2000:]
        assert "database error" in d.log() and "reachable again" in d.log()
    finally:
        d.cleanup()
        proxy.stop()
        server.stop()
