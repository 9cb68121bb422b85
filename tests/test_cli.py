"""The command line as users and scripts meet it: JSON shapes from ../shared/docs/cli.md,
exit statuses, corrections, verify. Runs the real console script on a real SQLite file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def rc(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROLLCALL_DB": db}
    p = subprocess.run([sys.executable, "-m", "rollcall", *args], capture_output=True, text=True, env=env, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"rollcall {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'r.db'}"
    rc(db, "ingest", str(SEEDS))
    return db


def test_events_json_follows_the_contract(seeded: str) -> None:
    lines = [json.loads(x) for x in rc(seeded, "events", "--json").stdout.splitlines()]
    assert lines
    for e in lines:
        assert e["id"].startswith("evt_") and isinstance(e["position"], int)
        assert e["type"] in ("joined", "left", "role_changed", "held_role")
        assert set(e["person"]) >= {"id", "name"} and set(e["org"]) >= {"id", "name"}
        assert e["date_precision"] in ("day", "month", "year", "unknown")
        assert e["status"] == "active" and 0 <= e["confidence"] <= 1
        assert e["sources"] and set(e["sources"][0]) >= {"article", "url", "path", "published", "quote"}
    types = {e["type"] for e in json.loads("[" + ",".join(rc(seeded, "events", "--json", "--type", "left").stdout.splitlines()) + "]")}
    assert types == {"left"}


def test_roster_person_replay_flows(seeded: str) -> None:
    r = json.loads(rc(seeded, "roster", "ANTHROPIC", "--as-of", "2026-11-22", "--json").stdout)
    assert r["org"]["id"] == "anthropic" and r["as_of"] == "2026-11-22"
    names = {m["person"]["name"] for m in r["members"]}
    assert {"Max Schwarzer", "Andrej Karpathy"} <= names
    assert all({"since", "until", "certain", "sources", "role"} <= set(m) for m in r["members"])
    early = json.loads(rc(seeded, "roster", "openai", "--as-of", "2026-02-01", "--json").stdout)
    assert "Max Schwarzer" in {m["person"]["name"] for m in early["members"]}
    p = json.loads(rc(seeded, "person", "schwarzer", "--json").stdout)
    assert p["person"]["name"] == "Max Schwarzer" and p["timeline"]
    assert {"date", "type", "org", "role", "sources"} <= set(p["timeline"][0])
    rep = json.loads(rc(seeded, "replay", "--to", "2025-01-01", "--json").stdout)
    assert rep["as_of"] == "2025-01-01" and rep["rosters"]
    short = json.loads(rc(seeded, "replay", "--to", "2025-01-01", "--limit", "1", "--json").stdout)
    assert [(r["org"]["id"], r["total"]) for r in short["rosters"]] == [(r["org"]["id"], r["total"]) for r in rep["rosters"]]
    assert all(len(r["members"]) == min(1, r["total"]) for r in short["rosters"])
    page = json.loads(rc(seeded, "roster", "anthropic", "--as-of", "2026-06-01", "--limit", "2", "--offset", "1",
                         "--json").stdout)
    whole = json.loads(rc(seeded, "roster", "anthropic", "--as-of", "2026-06-01", "--json").stdout)
    assert page["total"] == whole["total"] and page["members"] == whole["members"][1:3]
    kar = json.loads(rc(seeded, "roster", "anthropic", "--as-of", "2026-06-01", "--name", "KARP", "--json").stdout)
    assert [m["person"]["name"] for m in kar["members"]] == ["Andrej Karpathy"] and kar["total"] == 1
    rep_k = json.loads(rc(seeded, "replay", "--to", "2026-06-01", "--name", "karp", "--json").stdout)
    assert [(r["org"]["id"], r["total"]) for r in rep_k["rosters"]] == [("anthropic", 1)]
    fl = json.loads(rc(seeded, "flows", "--from", "2026-01-01", "--to", "2026-12-31", "--json").stdout)
    assert any(f["from"]["id"] == "openai" and f["to"]["id"] == "anthropic" for f in fl["flows"])
    table = rc(seeded, "roster", "anthropic").stdout
    assert "PERSON" in table and "SINCE" in table


def test_errors_are_one_line_with_status_1_and_usage_errors_2(seeded: str, tmp_path: Path) -> None:
    p = rc(seeded, "roster", "no-such-lab", check=False)
    assert p.returncode == 1 and p.stderr.strip().count("\n") == 0 and "no-such-lab" in p.stderr
    p = rc(seeded, "roster", "openai", "--as-of", "2026-13-45", check=False)
    assert p.returncode == 2 and "2026-13-45" in p.stderr
    p = rc(seeded, "ingest", str(tmp_path / "missing.md"), check=False)
    assert p.returncode == 1 and "missing.md" in p.stdout + p.stderr
    p = rc(f"sqlite:///{tmp_path}/nodir/../../../../../../proc/x.db", "events", check=False)
    assert p.returncode == 1 and p.stderr.startswith("rollcall:")


def test_retract_merge_alias_and_known_at(tmp_path: Path, seeded: str) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    rc(db, "ingest", str(SEEDS))
    before = json.loads(rc(db, "roster", "anthropic", "--json").stdout)
    karpathy = [json.loads(x) for x in rc(db, "events", "--json", "--person", "Andrej Karpathy",
                                           "--org", "anthropic").stdout.splitlines()]
    assert karpathy and "Andrej Karpathy" in {m["person"]["name"] for m in before["members"]}
    import time
    from datetime import datetime, timezone
    time.sleep(0.01)
    mark = datetime.now(timezone.utc).isoformat()
    time.sleep(0.01)
    for fact in karpathy:
        out = json.loads(rc(db, "retract", fact["id"], "--reason", "test correction", "--json").stdout)
        assert out["retracted"] == fact["id"]
    after = json.loads(rc(db, "roster", "anthropic", "--json").stdout)
    assert "Andrej Karpathy" not in {m["person"]["name"] for m in after["members"]}
    then = json.loads(rc(db, "roster", "anthropic", "--known-at", mark, "--json").stdout)
    assert {m["person"]["name"] for m in then["members"]} == {m["person"]["name"] for m in before["members"]}
    all_ = [json.loads(x) for x in rc(db, "events", "--json", "--include-retracted").stdout.splitlines()]
    assert any(e["status"] == "retracted" for e in all_)
    p = rc(db, "retract", karpathy[0]["id"], "--reason", "again", check=False)
    assert p.returncode == 1 and "already retracted" in p.stderr
    rc(db, "alias", "Andrej Karpathy", "AK")
    assert json.loads(rc(db, "person", "AK", "--json").stdout)["person"]["name"] == "Andrej Karpathy"
    m = json.loads(rc(db, "merge", "Max Schwarzer", "Andrej Karpathy", "--json").stdout)
    assert m["kind"] == "person" and m["into"] == "max-schwarzer"
    tl = json.loads(rc(db, "person", "Max Schwarzer", "--json").stdout)
    assert "Andrej Karpathy" in tl["aliases"] or any("Karpathy" in a for a in tl["aliases"])
    assert rc(db, "verify").returncode == 0


def test_verify_fails_on_tampering(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "v.db"
    db = f"sqlite:///{path}"
    rc(db, "ingest", str(SEEDS))
    assert "intact" in rc(db, "verify").stdout
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER rc_events_no_update")
    con.execute("UPDATE rc_events SET payload = replace(payload, 'Anthropic', 'Anthrop1c') WHERE position = "
                "(SELECT MIN(position) FROM rc_events WHERE type = 'joined')")
    con.commit()
    con.close()
    p = rc(db, "verify", "--json", check=False)
    assert p.returncode == 1
    assert json.loads(p.stdout)["broken_at"] is not None
