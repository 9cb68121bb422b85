"""rollcall's benchmark suite: `python -m bench` (full, ~8 min) or `python -m bench --quick` (< 2 min).

Prints a Markdown table — rollcall's figure, the raw-driver baseline or the peer library
(`eventsourcing`) measured in the same run, their ratio, the target and pass/fail — and
writes it to bench/results/latest.md and latest.json. A full run also writes
bench/RESULTS.md (the committed copy, with the machine it ran on and bench/NOTES.md, the
analysis of the misses).

Every measurement runs in a fresh subprocess (`python -m bench.worker`), so peak-RSS figures
are per measurement. PostgreSQL rows use a throwaway schema on $ROLLCALL_BENCH_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards; they are skipped
with a note when that server is unreachable.
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from bench.common import BENCH, RESULTS, machine, pg_available, run_worker

QUICK = {
    "appends": [10_000], "peer": [10_000], "proj_sqlite": [10_000], "proj_pg": [10_000],
    "extract": [1_000], "e2e": [300], "http": (10_000, 3.0, ["sqlite"]), "feeds": [1_000],
}
FULL = {
    "appends": [10_000, 100_000], "peer": [10_000, 100_000], "proj_sqlite": [10_000, 100_000, 1_000_000],
    "proj_pg": [10_000, 100_000], "extract": [1_000, 10_000], "e2e": [10_000],
    "http": (100_000, 10.0, ["sqlite"]), "feeds": [1_000],
}
ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def fmt(v: object, unit: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        if math.isnan(v):
            return "—"
        s = f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.2f}"
    else:
        s = f"{v:,}" if isinstance(v, int) else str(v)
    return f"{s} {unit}".strip()


class Table:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, metric: str, size: object, rollcall: object, other: object = None, ratio: float | None = None,
            target: str = "—", ok: bool | None = None, unit: str = "", other_label: str = "", note: str = "") -> None:
        row = {"metric": metric, "size": size, "rollcall": rollcall, "other": other, "other_label": other_label,
               "ratio": ratio, "target": target, "pass": ok, "unit": unit, "note": note}
        self.rows.append(row)
        print(f"  {metric} [{size}]: {fmt(rollcall, unit)}"
              + (f" vs {fmt(other, unit)} ({other_label})" if other is not None else "")
              + (f" ratio {ratio:.2f}" if ratio is not None else "")
              + (f" -> {'PASS' if ok else 'FAIL'}" if ok is not None else "") + (f"  {note}" if note else ""),
              flush=True)

    def skip(self, metric: str, size: object, why: str) -> None:
        self.add(metric, size, None, note=f"skipped: {why}")

    def markdown(self) -> str:
        out = ["| metric | size | rollcall | baseline / peer | ratio | target | result |",
               "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
        for r in self.rows:
            other = f"{fmt(r['other'], r['unit'])} ({r['other_label']})" if r["other"] is not None else "—"
            res = "—" if r["pass"] is None else ("pass" if r["pass"] else "**FAIL**")
            if r["note"]:
                res = f"{res} ({r['note']})" if r["pass"] is not None else r["note"]
            size = f"{r['size']:,}" if isinstance(r["size"], int) else str(r["size"])
            ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}"
            out.append(f"| {r['metric']} | {size} | {fmt(r['rollcall'], r['unit'])} | {other} | {ratio} | "
                       f"{r['target']} | {res} |")
        return "\n".join(out)


_SAVE = None  # set by main(): rewrites bench/results/latest.* after every case


def run(case: str, args: dict, timeout: float) -> dict:
    t0 = time.monotonic()
    if _SAVE:
        _SAVE(partial=True)
    r = run_worker(case, args, timeout)
    print(f"[{case} {args.get('engine', '')} {args.get('size', '')}] {time.monotonic() - t0:.1f}s", flush=True)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only (< 2 minutes)")
    ap.add_argument("--only", action="append", default=[],
                    help="run only these groups: appends, peer, projection, extract, e2e, http, feeds")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL rows")
    ap.add_argument("--no-results-md", action="store_true", help="full run: do not rewrite bench/RESULTS.md")
    ap.add_argument("--pg-million", action="store_true",
                    help="add the 1,000,000-event projection case on PostgreSQL (about 8 more minutes)")
    opts = ap.parse_args()
    plan = dict(QUICK if opts.quick else FULL)
    if opts.pg_million:
        plan["proj_pg"] = [*plan["proj_pg"], 1_000_000]
    want = set(opts.only) or {"appends", "peer", "projection", "extract", "e2e", "http", "feeds"}
    pg = not opts.no_pg and pg_available()
    engines = ["sqlite", "postgresql"] if pg else ["sqlite"]
    started = time.monotonic()
    t = Table()
    mach = machine()
    mode = "quick" if opts.quick else "full"

    def save(partial: bool = False) -> str:
        elapsed = time.monotonic() - started
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        head = (f"Run: {when}, `{'python -m bench --quick' if opts.quick else 'python -m bench'}` ({mode}, "
                f"{elapsed / 60:.1f} min{', PARTIAL: still running or interrupted' if partial else ''}). "
                f"Machine: {mach['nproc']} cores, {mach['cpu']}, {mach['ram']} RAM, Python {mach['python']}, "
                f"SQLite {mach['sqlite']}, PostgreSQL {mach['postgresql']}.")
        table = t.markdown()
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "latest.md").write_text(f"# rollcall benchmark ({mode})\n\n{head}\n\n{table}\n")
        (RESULTS / "latest.json").write_text(json.dumps({"when": when, "mode": mode, "elapsed_s": elapsed,
                                                         "partial": partial, "machine": mach, "rows": t.rows},
                                                        indent=1, default=str))
        return head

    global _SAVE
    _SAVE = save
    work = Path(tempfile.mkdtemp(prefix="rollcall-bench-"))
    try:
        if "appends" in want:
            for eng in engines:
                for n in plan["appends"]:
                    r = run("appends", {"engine": eng, "size": n, "workdir": str(work)}, 900)
                    m = f"append events/s, {ENGINES[eng]} (1,000/batch)"
                    if "error" in r:
                        t.skip(m, n, r["error"])
                        continue
                    ratio = r["rollcall_eps"] / r["raw_eps"]
                    if eng == "sqlite":
                        t.add(m, n, r["rollcall_eps"], r["raw_eps"], ratio, "≥ 20,000/s and ≥ 0.50 of raw",
                              r["rollcall_eps"] >= 20_000 and ratio >= 0.5, "/s", r["baseline"])
                    else:
                        t.add(m, n, r["rollcall_eps"], r["raw_eps"], ratio, "—", None, "/s", r["baseline"])
            if not pg:
                t.skip("append events/s, PostgreSQL", "—", "PostgreSQL unreachable")
        if "peer" in want:
            for eng in engines:
                for n in plan["peer"]:
                    r = run("peer", {"engine": eng, "size": n, "workdir": str(work)}, 900)
                    if "error" in r:
                        t.skip(f"vs eventsourcing, {ENGINES[eng]}", n, r["error"])
                        continue
                    for what, key in (("append", "append_eps"), ("read back in order", "read_eps"),
                                      ("rebuild simple projection", "project_eps")):
                        a, b = r[f"rc_{key}"], r[f"peer_{key}"]
                        t.add(f"{what} events/s vs eventsourcing, {ENGINES[eng]}", n, a, b, a / b,
                              "rollcall faster (> 1.00)", a > b, "/s", "eventsourcing")
        if "projection" in want:
            for eng, sizes in (("sqlite", plan["proj_sqlite"]), ("postgresql", plan["proj_pg"] if pg else [])):
                for n in sizes:
                    r = run("projection", {"engine": eng, "size": n, "workdir": str(work)}, 1800)
                    name = ENGINES[eng]
                    if "error" in r:
                        t.skip(f"projection rebuild, {name}", n, r["error"])
                        continue
                    eps = r["rebuild_eps"]
                    t.add(f"projection rebuild from 0, events/s, {name}", n, eps, None, None,
                          "≥ 100,000/s" if eng == "sqlite" else "—", eps >= 100_000 if eng == "sqlite" else None,
                          "/s", note=f"{r['rebuild_seconds']:.1f} s")
                    t.add(f"projection rebuild peak RSS, {name}", n, r["rebuild_maxrss_mib"], None, None, "—", None,
                          "MiB")
                    for key, label in (("roster", "whole roster"), ("page", "first page of 100")):
                        t.add(f"roster --as-of --known-at p50, {label}, {name}", n, r[f"{key}_p50_ms"], unit="ms",
                              note=f"{r[f'{key}_queries']} queries, mean {r[f'{key}_mean_members']:.0f} members, "
                                   f"max {r[f'{key}_max_members']:,}")
                        t.add(f"roster --as-of --known-at p99, {label}, {name}", n, r[f"{key}_p99_ms"],
                              target="≤ 20 ms (at 1M)", ok=r[f"{key}_p99_ms"] <= 20, unit="ms")
            if not pg:
                t.skip("projection rebuild, PostgreSQL", "—", "PostgreSQL unreachable")
        if "extract" in want:
            for n in plan["extract"]:
                r = run("extraction", {"size": n}, 900)
                m = "extraction articles/s (1 core)"
                if "error" in r or "skipped" in r:
                    t.skip(m, n, r.get("error") or r["skipped"])
                    continue
                t.add(m, n, r["aps"], None, None, "≥ 100/s", r["aps"] >= 100, "/s",
                      note=f"{r['claims']:,} claims; CPU-time rate {r['aps_cpu']:.0f}/s")
        if "e2e" in want:
            for n in plan["e2e"]:
                r = run("e2e", {"engine": "sqlite", "size": n, "workdir": str(work)}, 1200)
                m = "end-to-end ingestion of seed files, articles/s, SQLite"
                if "error" in r or "skipped" in r:
                    t.skip(m, n, r.get("error") or r["skipped"])
                    continue
                t.add(m, n, r["aps"], None, None, "—", None, "/s",
                      note=f"{r['seconds']:.0f} s; {r['new']:,} new, {r['duplicates']:,} dup; {r['events']:,} events")
                t.add("end-to-end ingestion peak RSS, SQLite", n, r["maxrss_mib"], unit="MiB")
        if "http" in want:
            size, secs, http_engines = plan["http"]
            for eng in [e for e in http_engines if e in engines]:
                r = run("http", {"engine": eng, "size": size, "workdir": str(work), "seconds": secs}, 1200)
                m = f"GET /api/rosters/{{org}} req/s, c=16, {ENGINES[eng]}"
                if "error" in r or "skipped" in r:
                    t.skip(m, size, r.get("error") or r["skipped"])
                    continue
                errs = sum(r["errors"].values())
                t.add(m, f"{size:,} events, {secs:.0f} s", r["rps"], None, None, "0 errors", errs == 0, "/s",
                      note=f"{r['requests']:,} requests, errors {r['errors'] or 0}")
                t.add(f"GET /api/rosters/{{org}} p99, c=16, {ENGINES[eng]}", f"{size:,} events", r["p99_ms"],
                      unit="ms", note=f"p50 {r['p50_ms']:.1f} ms")
        if "feeds" in want:
            for n in plan["feeds"]:
                r = run("feeds", {"size": n}, 600)
                if "error" in r:
                    t.skip("feed polling round", n, r["error"])
                    continue
                t.add("feed round, full bodies (200)", n, r["full_s"], unit="s",
                      note=f"{r['full_ok']:,} ok, {r['bytes'] / 1e6:.1f} MB")
                t.add("feed round, conditional (304)", n, r["cond_s"], None, None, "< 10 s",
                      r["cond_s"] < 10 and r["not_modified"] == n, "s", note=f"{r['not_modified']:,} not modified")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    head = save()
    table = t.markdown()
    print("\n" + head + "\n\n" + table)
    if not opts.quick and not opts.only and not opts.no_results_md:
        notes = BENCH / "NOTES.md"
        (BENCH / "RESULTS.md").write_text(
            "# rollcall benchmark results\n\n"
            "Regenerate with `make bench` (or `.venv/bin/python -m bench`; `--quick` for the small sizes). "
            "Every figure below was measured in one run on the machine named; baselines and the peer "
            "(`eventsourcing` 9.x, same workload, same database server) ran in that same run.\n\n"
            f"{head}\n\n{table}\n\n" + (notes.read_text() if notes.exists() else ""))
    failed = [r for r in t.rows if r["pass"] is False]
    print(f"\n{len(failed)} target(s) missed; tables in {RESULTS}/latest.md", file=sys.stderr)


if __name__ == "__main__":
    main()
