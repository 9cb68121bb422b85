"""Scoring extraction against a gold file, without the store: a measurement harness.

`score` reimplements shared/tools/score_events.py (same matching: type + person + org,
names compared against every alias case- and accent-blind, each gold fact matched at most
once so a second prediction is a duplicate false positive, optional facts neutral). The
folder runner reads article files with a minimal reader, extracts claims, merges them
naively across articles by (type, person name, org) into `rollcall events --json`-shaped
dicts, and scores them. Real cross-article resolution lives elsewhere; this stays small so
extraction quality can be measured on its own.

Run: python -m ingest.evaluation --gold GOLD.json --articles DIR [--json] [--show]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

from .dates import infer_published
from .extract import extract_claims
from .model import Claim, content_id

MOVES = ("joined", "left", "role_changed")


def norm(name: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a name (as the shared scorer does)."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _name_of(x: object) -> str:
    if isinstance(x, dict):
        return x.get("name") or x.get("id") or ""
    return str(x or "")


class _Aliases:
    def __init__(self, table: dict[str, list[str]]):
        self.ids: dict[str, set[str]] = {}
        for key, names in table.items():
            for n in [key, *names]:
                self.ids.setdefault(norm(n), set()).add(key)

    def ids_of(self, name: str) -> set[str]:
        n = norm(name)
        if n in self.ids:
            return self.ids[n]
        return self.ids.get(re.sub(r"\b[a-z]\b ", "", n), set())


def date_ok(pred: str | None, gold: str | None) -> bool:
    """Right at the gold's precision and no coarser than it."""
    if gold is None:
        return True
    if pred is None:
        return False
    pred = pred[:10]
    return pred[: len(gold)] == gold and len(pred) >= len(gold)


def score(gold: dict, events: list[dict], rosters: list[dict] | None = None) -> dict:
    """Precision/recall/F1 for moves, held_role and all; dates; duplicates; not-facts."""
    people = _Aliases(gold["people"])
    orgs = _Aliases(gold["orgs"])
    facts = gold["facts"]
    optional = {f["id"] for f in facts if f.get("optional")}
    active = [e for e in events if e.get("status", "active") != "retracted"]
    matched: dict[str, dict] = {}
    false_pos: list[dict] = []
    dupes: list[dict] = []
    for e in active:
        pids = people.ids_of(_name_of(e.get("person")))
        oids = orgs.ids_of(_name_of(e.get("org")))
        hit = None
        for f in facts:
            if f["type"] == e.get("type") and f["person"] in pids and f["org"] in oids:
                hit = f
                if f["id"] not in matched:
                    break
        if hit is None:
            false_pos.append(e)
        elif hit["id"] in matched:
            if hit["id"] not in optional:
                dupes.append(e)
        else:
            matched[hit["id"]] = e

    def prf(kinds: tuple[str, ...]) -> dict:
        want = [f for f in facts if f["type"] in kinds and f["id"] not in optional]
        tp = sum(1 for f in want if f["id"] in matched)
        fp = sum(1 for e in false_pos + dupes if e.get("type") in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / len(want) if want else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        dated = [f for f in want if f["id"] in matched and f.get("date")]
        d_ok = sum(1 for f in dated if date_ok(matched[f["id"]].get("date"), f["date"]))
        return {"gold": len(want), "tp": tp, "fp": fp, "precision": round(p, 3),
                "recall": round(r, 3), "f1": round(f1, 3), "dated": len(dated), "date_ok": d_ok,
                "date_accuracy": round(d_ok / len(dated), 3) if dated else None}

    result: dict = {
        "moves": prf(MOVES),
        "held_role": prf(("held_role",)),
        "all": prf(MOVES + ("held_role",)),
        "duplicates": len(dupes),
        "missed": [f["id"] for f in facts if f["id"] not in matched and f["id"] not in optional],
        "false_positives": [f'{e.get("type")} {_name_of(e.get("person"))} @ {_name_of(e.get("org"))}'
                            for e in false_pos],
    }
    nf_hit = []
    for nf in gold.get("not_facts", []):
        for e in active:
            if (e.get("type") == nf["type"] and nf["person"] in people.ids_of(_name_of(e.get("person")))
                    and nf["org"] in orgs.ids_of(_name_of(e.get("org")))):
                nf_hit.append(f'{nf["type"]} {nf["person"]} @ {nf["org"]} ({nf.get("why")})')
                break
    result["not_facts_emitted"] = nf_hit
    # wrong dates, for inspection
    result["wrong_dates"] = [
        f'{f["id"]} gold={f["date"]} got={matched[f["id"]].get("date")}'
        for f in facts if f["id"] in matched and f.get("date")
        and not date_ok(matched[f["id"]].get("date"), f["date"]) and f["id"] not in optional]
    if rosters is not None and gold.get("rosters"):
        got: dict[tuple[str, str], set[str]] = {}
        for r in rosters:
            for oid in orgs.ids_of(_name_of(r.get("org"))):
                got[(oid, str(r.get("as_of"))[:10])] = {
                    pid for m in r.get("members", []) for pid in people.ids_of(_name_of(m.get("person", m)))}
        right = total = 0
        wrong = []
        for q in gold["rosters"]:
            have = got.get((q["org"], q["as_of"]), set())
            for pid in q.get("members", []):
                total += 1
                if pid in have:
                    right += 1
                else:
                    wrong.append(f'{q["org"]}@{q["as_of"]} missing {pid}')
            for pid in q.get("not_members", []):
                total += 1
                if pid not in have:
                    right += 1
                else:
                    wrong.append(f'{q["org"]}@{q["as_of"]} wrongly has {pid}')
        result["rosters"] = {"checks": total, "right": right,
                             "accuracy": round(right / total, 3) if total else None, "wrong": wrong}
    return result


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def read_article(path: Path) -> tuple[str, str, str | None, bool]:
    """(title, text, published, published_inferred) from a seed-style file: front matter
    between `---` lines (title:, published:), else the first line is the headline."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    title, published = "", None
    m = _FRONT.match(raw)
    if m:
        for line in m.group(1).splitlines():
            k, _, v = line.partition(":")
            k, v = k.strip().lower(), v.strip().strip("'\"")
            if k == "title":
                title = v
            elif k in ("published", "date") and v and v.lower() not in ("null", "none", "~"):
                published = v[:10]
        body = raw[m.end():]
        if not title:
            first, _, body = body.lstrip().partition("\n")
            title = first.lstrip("# ").strip()
    else:
        first, _, body = raw.lstrip().partition("\n")
        title = first.lstrip("# ").strip()
    inferred = False
    if published is None:
        published = infer_published(title, body)
        inferred = published is not None
    return title, body, published, inferred


def article_files(folder: Path) -> list[Path]:
    """Article files in a folder (text-like extensions), sorted by name."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in (".txt", ".md", ".markdown", ".text", ".html", ""))


def merge_claims(per_article: list[tuple[Path, str, str | None, list[Claim]]]) -> list[dict]:
    """Naive cross-article merge by (type, normalized person, org) into events-json dicts."""
    facts: dict[tuple[str, str, str], dict] = {}
    for path, aid, published, claims in per_article:
        for c in claims:
            key = (c.type, norm(c.person), norm(c.org))
            src = {"article": aid, "url": None, "path": str(path), "published": published, "quote": c.quote}
            f = facts.get(key)
            if f is None:
                facts[key] = {"type": c.type, "person": {"name": c.person}, "org": {"name": c.org},
                              "role": c.role, "date": c.date, "date_precision": c.date_precision,
                              "status": "active", "confidence": c.confidence, "sources": [src]}
                continue
            f["sources"].append(src)
            if c.role and not f["role"]:
                f["role"] = c.role
            if c.date and (not f["date"] or len(c.date) > len(f["date"])):
                f["date"], f["date_precision"] = c.date, c.date_precision
            f["confidence"] = max(f["confidence"], c.confidence)
    return list(facts.values())


def run_folder(folder: Path) -> tuple[list[dict], float, int]:
    """Extract and merge every article in `folder`; returns (events, seconds, n_articles)."""
    per: list[tuple[Path, str, str | None, list[Claim]]] = []
    t0 = time.perf_counter()
    files = article_files(folder)
    for p in files:
        title, body, published, _ = read_article(p)
        per.append((p, content_id(title, body), published, extract_claims(title, body, published)))
    dt = time.perf_counter() - t0
    return merge_claims(per), dt, len(files)


def evaluate(gold_path: Path, folder: Path) -> dict:
    """Score a folder of articles against a gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events, dt, n = run_folder(folder)
    res = score(gold, events)
    res["articles"] = n
    res["seconds"] = round(dt, 3)
    res["events"] = events
    return res


def _print(res: dict, show: bool) -> None:
    for k in ("moves", "held_role", "all"):
        r = res[k]
        print(f'{k:10} P={r["precision"]:.3f} R={r["recall"]:.3f} F1={r["f1"]:.3f} '
              f'(gold {r["gold"]}, tp {r["tp"]}, fp {r["fp"]}) dates {r["date_ok"]}/{r["dated"]}')
    print(f'duplicates {res["duplicates"]}; not-facts emitted {len(res["not_facts_emitted"])}')
    for x in res["not_facts_emitted"]:
        print("  not-fact:", x)
    print("missed:", ", ".join(res["missed"]) or "-")
    for x in res["false_positives"]:
        print("  false positive:", x)
    for x in res["wrong_dates"]:
        print("  wrong date:", x)
    print(f'{res["articles"]} articles in {res["seconds"]}s')
    if show:
        for e in res["events"]:
            print(f'  {e["type"]:12} {e["person"]["name"]:24} {e["org"]["name"]:20} {e["role"]!s:40.40} {e["date"]}')


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: score a folder of articles against a gold file."""
    ap = argparse.ArgumentParser(description="Score rollcall extraction on a gold corpus.")
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--articles", required=True, type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="also list the merged facts")
    a = ap.parse_args(argv)
    res = evaluate(a.gold, a.articles)
    if a.json:
        res = {k: v for k, v in res.items() if k != "events"}
        print(json.dumps(res, indent=1))
    else:
        _print(res, a.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
