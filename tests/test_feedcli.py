"""`rollcall feeds add/list/remove` through the real command line (click's runner, a real
SQLite file): output, --json, and the exit statuses of the CLI contract."""
from __future__ import annotations

import json

from click.testing import CliRunner

from rollcall.cli import cli


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_add_list_remove(sqlite_url: str):
    r = run(sqlite_url, "feeds", "add", "https://example.com/feed.xml", "--every", "30m", "--json")
    assert r.exit_code == 0
    added = json.loads(r.output)
    assert added["added"] is True and added["interval_s"] == 1800 and added["state"] == "new"
    r = run(sqlite_url, "feeds", "add", "https://example.com/feed.xml", "--every", "1h", "--fixed", "--full-text")
    assert r.exit_code == 0 and r.output.startswith("updated")
    run(sqlite_url, "feeds", "add", "http://other.example/rss")
    r = run(sqlite_url, "feeds", "list", "--json")
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [f["url"] for f in rows] == ["http://other.example/rss", "https://example.com/feed.xml"]
    f = rows[1]
    assert (f["interval"], f["fixed_interval"], f["full_text"]) == ("1h", True, True)
    for key in ("last_polled_at", "last_ok_at", "failures", "last_error", "next_poll_at", "moved_to", "state"):
        assert key in f
    table = run(sqlite_url, "feeds", "list").output
    assert "example.com/feed.xml" in table and "NEXT POLL" in table
    r = run(sqlite_url, "feeds", "remove", "http://other.example/rss", "--json")
    assert r.exit_code == 0 and json.loads(r.output) == {"removed": "http://other.example/rss"}
    assert len(run(sqlite_url, "feeds", "list", "--json").output.splitlines()) == 1


def test_errors_and_usage_errors(sqlite_url: str):
    r = CliRunner().invoke(cli, ["--db", sqlite_url, "feeds", "remove", "http://nope.example/"])
    assert r.exit_code == 1 and "rollcall: no feed" in r.output
    r = CliRunner().invoke(cli, ["--db", sqlite_url, "feeds", "add", "ftp://x/feed"])
    assert r.exit_code == 2
    r = CliRunner().invoke(cli, ["--db", sqlite_url, "feeds", "add", "http://x/feed", "--every", "soon"])
    assert r.exit_code == 2
    assert "(no feeds" in run(sqlite_url, "feeds", "list").output
