"""`rollcall eval`: ingest a gold corpus into a scratch store exactly as a user would, then
score the fact log and the gold's roster questions (same rules as score_events.py)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ingest.evaluation import score
from rollcall.ingestion import Ingestor
from rollcall.sources import read_sources
from store import queries
from store.db import Store


def evaluate_paths(gold: dict, paths: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="rollcall-eval-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        items, _ = read_sources(paths, [])
        report = Ingestor(store).ingest(items)
        with store.read() as conn:
            events = list(queries.facts(conn, include_retracted=True))
            rosters = []
            for q in gold.get("rosters", []):
                names = gold.get("orgs", {}).get(q["org"], [q["org"]])
                for name in [q["org"], *names]:
                    try:
                        rosters.append(queries.roster(conn, name, as_of=q["as_of"]))
                        break
                    except queries.NotFound:
                        continue
        store.dispose()
    result = score(gold, events, rosters)
    result["articles"] = {"new": len(report.new), "duplicates": len(report.duplicates),
                          "rejected": len(report.rejected)}
    result["duplicates_found"] = [[d["source"], d["duplicate_of"], d["match"]] for d in report.duplicates]
    return result


def format_report(r: dict) -> str:
    lines = []
    for k in ("moves", "held_role", "all"):
        m = r[k]
        da = "-" if m["date_accuracy"] is None else f"{m['date_accuracy']:.3f}"
        lines.append(f"{k:10} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
                     f"(gold {m['gold']}, tp {m['tp']}, fp {m['fp']}) dates {m['date_ok']}/{m['dated']} ({da})")
    lines.append(f"duplicates {r['duplicates']}; not-facts emitted {len(r['not_facts_emitted'])}")
    lines += [f"  not-fact: {x}" for x in r["not_facts_emitted"]]
    lines.append("missed: " + (", ".join(r["missed"]) or "-"))
    lines += [f"  false positive: {x}" for x in r["false_positives"]]
    if "rosters" in r:
        ro = r["rosters"]
        lines.append(f"rosters {ro['right']}/{ro['checks']} right")
        lines += [f"  roster: {x}" for x in ro["wrong"]]
    a = r["articles"]
    lines.append(f"articles: {a['new']} new, {a['duplicates']} duplicate, {a['rejected']} rejected")
    return "\n".join(lines)
