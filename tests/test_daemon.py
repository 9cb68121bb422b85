"""`rollcall run` as a real subprocess against a temporary SQLite file and a real HTTP feed
server on 127.0.0.1: feeds added while it runs are polled, their facts reach the log, seed
folders are watched, /healthz and /metrics answer, SIGTERM ends it cleanly, and a `kill -9`
in the middle of a large ingestion loses nothing and duplicates nothing.

The helpers here are reused by test_daemon_pg.py.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from email.utils import formatdate
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

import pytest

from feedserver import FeedServer, send

ROLLCALL = str(Path(sys.executable).with_name("rollcall"))
if not Path(ROLLCALL).exists():  # not installed as a console script: run the module
    ROLLCALL = ""

FIRST = ["Jane", "Omar", "Priya", "Lucas", "Mei", "Tomas", "Ana", "Kofi", "Sara", "Ivan", "Lena", "Diego"]
SYL1 = ["Mar", "Bel", "Kov", "Dal", "Ren", "Sol", "Tor", "Vel", "Har", "Lin"]
SYL2 = ["rott", "anza", "enko", "quist", "ardi", "ova", "ington", "eux", "berg", "ado"]
ORGS = ["Anthropic", "OpenAI", "Mistral AI", "Cohere", "xAI", "Google DeepMind", "Meta", "Perplexity",
        "Hugging Face", "Nvidia"]


def person(i: int) -> str:
    """A distinct, plausible name for every i < 1200."""
    return f"{FIRST[i % 12]} {SYL1[(i // 12) % 10]}{SYL2[(i // 120) % 10]}"


def move(i: int) -> tuple[str, str, str]:
    """(person, org, sentence) of the i-th generated move."""
    p, org = person(i), ORGS[(i * 7) % 10]
    return p, org, f"{p} joined {org} on March {i % 27 + 1}, 2026."


def rollcall_cmd(*args: str) -> list[str]:
    if ROLLCALL:
        return [ROLLCALL, *args]
    return [sys.executable, "-c", "from rollcall.cli import main; main()", *args]


def run_cli(db: str, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROLLCALL_DB": db}
    env.pop("ROLLCALL_CONFIG", None)
    p = subprocess.run(rollcall_cmd(*args), capture_output=True, text=True, env=env, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"rollcall {' '.join(args)} exited {p.returncode}: {p.stderr[-2000:]}")
    return p


def events(db: str) -> list[dict]:
    out = run_cli(db, "events", "--json").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def people_in(evs: list[dict]) -> set[str]:
    return {e["person"]["name"] for e in evs}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(pred: Callable[[], Any], timeout: float, what: str, every: float = 0.25) -> Any:
    end = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(every)


def http_get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


class LiveFeed:
    """An RSS feed whose items a test adds while daemons poll it; logs who fetched what."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[tuple[str, str, str]] = []  # (guid, title, text)
        self.lock = threading.Lock()
        self.fetches: list[tuple[float, str, int]] = []  # (monotonic time, user agent, items served)

    def add(self, guid: str, title: str, text: str) -> None:
        with self.lock:
            self.items.append((guid, title, text))

    def body(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(t)}</title><link>http://127.0.0.1:9/{self.name}/{escape(g)}</link>"
            f"<guid isPermaLink=\"false\">{escape(g)}</guid>"
            f"<pubDate>{formatdate(1772755200 + 3600 * n, usegmt=True)}</pubDate>"
            f"<description>{escape(x)}</description></item>"
            for n, (g, t, x) in enumerate(self.items))
        return (f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{self.name}</title>"
                f"<link>http://127.0.0.1:9/{self.name}</link><description>test</description>{items}"
                f"</channel></rss>").encode()

    def __call__(self, h: Any) -> None:
        with self.lock:
            body = self.body()
            self.fetches.append((time.monotonic(), h.headers.get("User-Agent", ""), len(self.items)))
        send(h, body, headers={"Content-Type": "application/rss+xml; charset=utf-8"})


def write_config(path: Path, db: str, *, port: int | None = None, feeds: list[str] = (), seeds: list[Path] = (),
                 tick: float = 0.2, lease: float = 5, min_interval: float = 1, concurrency: int = 16,
                 extra: str = "") -> Path:
    feed_tables = "".join(f'\n[[feeds]]\nurl = "{u}"\nevery = "1s"\nfixed = true\n' for u in feeds)
    http = f'port = {port}\nhost = "127.0.0.1"' if port is not None else "enabled = false"
    path.write_text(f"""
[database]
url = "{db}"

[http]
{http}

[seeds]
folders = {json.dumps([str(s) for s in seeds])}
scan_every = 0.5

[polling]
tick = {tick}
concurrency = {concurrency}
lease = {lease}
min_interval = {min_interval}
backoff_base = 1
backoff_cap = 2
allow_internal_feeds = true
connect_timeout = 2
read_timeout = 2
deadline = 4
attempts = 1

[jobs]
catch_up_every = 1
{extra}
{feed_tables}
""", encoding="utf-8")
    return path


class Daemon:
    """`rollcall run` in a subprocess, its stderr in a file."""

    def __init__(self, config: Path, *args: str, log: Path, env: dict[str, str] | None = None) -> None:
        self.log_path = log
        self._log = open(log, "w")
        e = {**os.environ, **(env or {})}
        for k in ("ROLLCALL_DB", "ROLLCALL_CONFIG", "ROLLCALL_PORT"):
            e.pop(k, None)
        self.proc = subprocess.Popen(rollcall_cmd("run", "--config", str(config), *args), stdout=subprocess.DEVNULL,
                                     stderr=self._log, env=e)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def terminate(self, timeout: float = 10) -> tuple[int, float]:
        """SIGTERM; (exit status, seconds it took)."""
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"daemon did not stop within {timeout}s after SIGTERM:\n{self.log()[-3000:]}")
        finally:
            self._log.close()
        return rc, time.monotonic() - t0

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._log.close()

    def cleanup(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if not self._log.closed:
            self._log.close()


@pytest.fixture
def server():
    s = FeedServer().start()
    yield s
    s.stop()


# -- the tests ---------------------------------------------------------------------------------


def test_daemon_polls_feeds_and_seeds_serves_health_and_stops_on_sigterm(tmp_path: Path, server: FeedServer):
    db = f"sqlite:///{tmp_path / 'rollcall.db'}"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    feed_a, feed_b = LiveFeed("a"), LiveFeed("b")
    url_a = server.add_route("/a.xml", feed_a)
    url_b = server.add_route("/b.xml", feed_b)
    url_bad = server.add_route("/broken.xml", b"oops", status=500, content_type="text/plain")
    p0, org0, s0 = move(0)
    feed_a.add("a-0", "People moves", s0)
    port = free_port()
    cfg = write_config(tmp_path / "rollcall.toml", db, port=port, feeds=[url_a, url_bad], seeds=[seeds])
    d = Daemon(cfg, "--log-format", "json", "--worker-id", "solo", log=tmp_path / "daemon.log")
    try:
        wait_for(lambda: http_get(f"http://127.0.0.1:{port}/healthz")[0] == 200, 30, "/healthz")
        wait_for(lambda: p0 in people_in(events(db)), 20, "the first feed item's fact")

        # an item added to a polled feed
        p1, _, s1 = move(1)
        feed_a.add("a-1", "More moves", s1)
        # a feed added with the CLI while the daemon runs
        p2, _, s2 = move(2)
        feed_b.add("b-0", "Hires", s2)
        run_cli(db, "feeds", "add", url_b, "--every", "1s", "--fixed")
        # a file dropped into the watched seed folder
        p3, _, s3 = move(3)
        (seeds / "new-hire.md").write_text(f"# {p3} moves\n\n{s3}\n", encoding="utf-8")
        wait_for(lambda: {p1, p2, p3} <= people_in(events(db)), 20, "facts from feed, new feed and seed file")

        status, body = http_get(f"http://127.0.0.1:{port}/healthz")
        health = json.loads(body)
        assert status == 200 and health["ok"] and health["db"]["ok"] and health["scheduler"]["alive"]
        by_url = {f["url"]: f for f in health["feeds"]}
        assert by_url[url_a]["last_ok_at"] and by_url[url_a]["state"] == "ok"
        assert by_url[url_bad]["failures"] >= 1 and by_url[url_bad]["state"] == "retrying"
        assert "500" in by_url[url_bad]["last_error"]

        status, body = http_get(f"http://127.0.0.1:{port}/metrics")
        text = body.decode()
        assert status == 200
        metrics = {line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines()
                   if line and not line.startswith("#")}
        assert metrics["rollcall_facts_appended_total"] >= 4
        assert metrics["rollcall_articles_ingested_total"] >= 4
        assert metrics["rollcall_feed_errors_total"] >= 1
        assert metrics["rollcall_feed_poll_seconds_count"] >= 3
        assert metrics["rollcall_db_up"] == 1

        listed = {f["url"]: f for f in map(json.loads, run_cli(db, "feeds", "list", "--json").stdout.splitlines())}
        assert listed[url_bad]["failures"] >= 1 and listed[url_bad]["next_poll_at"]
        assert listed[url_a]["failures"] == 0 and listed[url_a]["last_ok_at"]

        # each fact once, however many polls saw its item
        evs = events(db)
        assert sorted(e["person"]["name"] for e in evs) == sorted({p0, p1, p2, p3})
        assert len(feed_a.fetches) >= 3

        rc, took = d.terminate()
        assert rc == 0, d.log()[-3000:]
        assert took < 10
    finally:
        d.cleanup()
    # one JSON object per log line
    lines = [ln for ln in d.log().splitlines() if ln.strip()]
    assert lines and all(isinstance(json.loads(ln), dict) for ln in lines)
    assert any(json.loads(ln).get("event") == "stopped" for ln in lines)
    # leases released on the way out
    assert all(f["lease_owner"] is None for f in map(json.loads, run_cli(db, "feeds", "list", "--json").stdout.splitlines()))
    run_cli(db, "verify")


def test_once_reads_seed_folders_and_exits(tmp_path: Path, server: FeedServer):
    db = f"sqlite:///{tmp_path / 'rollcall.db'}"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(5):
        p, _, s = move(100 + i)
        (seeds / f"s{i}.md").write_text(f"# {p}\n\n{s}\n", encoding="utf-8")
    feed = LiveFeed("f")
    p, _, s = move(200)
    feed.add("f-0", "Moves", s)
    url = server.add_route("/f.xml", feed)
    cfg = write_config(tmp_path / "rollcall.toml", db, seeds=[seeds], feeds=[url])
    env = {**os.environ}
    env.pop("ROLLCALL_DB", None)
    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once", "--json"), capture_output=True,
                       text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["seeds"]["new"] == 5 and summary["poll"]["ok"] == 1 and summary["poll"]["new"] == 1
    assert {move(100 + i)[0] for i in range(5)} | {p} == people_in(events(db))
    # a second round: nothing new, the feed is not due yet
    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once", "--json"), capture_output=True,
                       text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["seeds"]["new"] == 0 and summary["seeds"]["unchanged"] == 5


def test_once_without_config_reads_the_bundled_seeds(tmp_path: Path):
    bundled = Path(__file__).resolve().parents[1] / "seeds"
    if not bundled.is_dir():
        pytest.skip("no bundled seeds/ folder in this checkout")
    env = {**os.environ, "ROLLCALL_DB": f"sqlite:///{tmp_path / 'r.db'}"}
    env.pop("ROLLCALL_CONFIG", None)
    env.pop("ROLLCALL_SEEDS", None)
    r = subprocess.run(rollcall_cmd("run", "--once"), capture_output=True, text=True, env=env, timeout=120,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "bundled" in r.stderr and str(bundled) in r.stderr
    assert "new" in r.stdout and len(events(env["ROLLCALL_DB"])) > 5


def test_bad_config_is_one_line_exit_1(tmp_path: Path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[polling]\ntick = \"soon\"\n")
    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once"), capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and r.stderr.strip().startswith("rollcall: ") and "polling.tick" in r.stderr
    r = subprocess.run(rollcall_cmd("run", "--config", str(tmp_path / "missing.toml"), "--once"),
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "not found" in r.stderr


# -- crash safety --------------------------------------------------------------------------------

_WORDS = ("model training compute cluster research safety alignment inference startup funding benchmark "
          "team product launch release open weights agents reasoning evaluation chips datacenter policy "
          "lab partnership revenue customers enterprise latency scaling tokens context window robotics "
          "vision speech coding assistant platform developers pricing valuation board hiring culture").split()


def generate_seeds(folder: Path, n: int) -> set[str]:
    """n seed articles, each reporting one move, with enough distinct text to not be near-duplicates."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    people = set()
    for i in range(n):
        p, org, sentence = move(i)
        people.add(p)
        filler = " ".join(" ".join(rnd.choice(_WORDS) for _ in range(12)).capitalize() + "." for _ in range(8))
        (folder / f"g{i:04d}.md").write_text(
            f"---\ntitle: {p} joins {org}\npublished: 2026-03-28\nsource: Generated Wire {i}\n---\n"
            f"{sentence} {filler}\n", encoding="utf-8")
    return people


def comparable(evs: list[dict]) -> list[str]:
    """The log as facts, without what differs between runs (ids, transaction times)."""
    def strip(e: dict) -> dict:
        e = {k: v for k, v in e.items() if k not in ("id", "recorded_at")}
        e["sources"] = [{k: v for k, v in s.items() if k != "recorded_at"} for s in e["sources"]]
        return e
    return sorted(json.dumps(strip(e), sort_keys=True) for e in evs)


def count_rows(db_path: Path, table: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as c:
            return c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_during_a_large_ingestion_then_restart_equals_an_uninterrupted_run(tmp_path: Path):
    seeds = tmp_path / "seeds"
    people = generate_seeds(seeds, 300)
    ref_db = f"sqlite:///{tmp_path / 'ref.db'}"
    crash_path = tmp_path / "crash.db"
    crash_db = f"sqlite:///{crash_path}"

    ref_cfg = write_config(tmp_path / "ref.toml", ref_db, seeds=[seeds])
    r = subprocess.run(rollcall_cmd("run", "--config", str(ref_cfg), "--once"), capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    reference = events(ref_db)
    assert people_in(reference) == people

    cfg = write_config(tmp_path / "crash.toml", crash_db, seeds=[seeds])
    d = Daemon(cfg, log=tmp_path / "crash.log")
    try:
        wait_for(lambda: count_rows(crash_path, "rc_articles") >= 60, 60, "the first chunks to commit", every=0.02)
        d.kill9()
    finally:
        d.cleanup()
    stored = count_rows(crash_path, "rc_articles")
    assert stored < 300, "the ingestion finished before the kill: the test proves nothing"

    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once", "--json"), capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["seeds"]["unchanged"] == stored and summary["seeds"]["new"] == 300 - stored
    assert comparable(events(crash_db)) == comparable(reference)
    run_cli(crash_db, "verify")


def test_full_text_feed_reads_the_linked_page(tmp_path: Path, server: FeedServer):
    p, org, sentence = move(300)
    page = (f"<html><head><title>{p} moves</title></head><body><article><h1>{p} moves</h1>"
            f"<p>{sentence} The move was confirmed by people familiar with the matter, who said the "
            f"hire had been in the works for several months and that more departures could follow.</p>"
            f"<p>Neither company commented further on the arrangement.</p></article></body></html>")
    page_url = server.add_route("/story.html", page, content_type="text/html; charset=utf-8")
    rss = (f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Teasers</title><link>{server.base_url}</link>"
           f"<description>t</description><item><title>{p} moves</title><link>{page_url}</link><guid>ft-1</guid>"
           f"<description>A researcher is on the move. Read more.</description></item></channel></rss>")
    url = server.add_route("/teasers.xml", rss)
    db = f"sqlite:///{tmp_path / 'rollcall.db'}"
    run_cli(db, "feeds", "add", url, "--every", "1h", "--full-text")
    cfg = write_config(tmp_path / "rollcall.toml", db)
    env = {**os.environ}
    env.pop("ROLLCALL_DB", None)
    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once"), capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert len(server.requests("/story.html")) == 1
    assert p in people_in(events(db))
    # polled again: the page of an entry already read is not fetched again
    run_cli(db, "feeds", "add", url, "--every", "1s", "--fixed", "--full-text")
    time.sleep(1.1)
    r = subprocess.run(rollcall_cmd("run", "--config", str(cfg), "--once"), capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert len(server.requests("/teasers.xml")) == 2 and len(server.requests("/story.html")) == 1
