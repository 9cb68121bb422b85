"""Run rollcall's web app for real in a background thread (uvicorn on 127.0.0.1, a free port),
and fill stores from seed articles. Shared by test_api.py and test_web_browser.py.

    with running_app(create_app(store, token="t")) as base:   # "http://127.0.0.1:PORT"
        httpx.get(base + "/api/orgs")

`seed_extractor()` is the project's extractor when `ingest.extract` exists; before it does, a
stand-in that reads claims for the project's seed articles from seeds/gold.json and, for
articles written by tests, from lines like `CLAIM: joined | Ada Lovelace | Anthropic | researcher | 2026-01`.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import uvicorn

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLAIM_LINE = re.compile(r"^CLAIM:\s*(.+)$", re.M)


@contextmanager
def running_app(app, host: str = "127.0.0.1") -> Iterator[str]:  # type: ignore[no-untyped-def]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _gold_claims() -> Callable:
    from ingest.model import Claim, content_id, precision_of
    from ingest.seedfiles import read_paths

    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    people = {k: v[0] for k, v in gold["people"].items()}
    orgs = {k: v[0] for k, v in gold["orgs"].items()}
    by_file: dict[str, list[dict]] = {}
    for f in gold["facts"]:
        for src in f["sources"]:
            by_file.setdefault(src, []).append(f)
    by_content: dict[str, list[dict]] = {}
    for item in read_paths([SEEDS]):
        if hasattr(item, "title") and item.path:
            by_content[item.id] = by_file.get(Path(item.path).name, [])

    def sentence_with(text: str, name: str) -> str:
        last = name.split()[-1]
        for s in re.split(r"(?<=[.!?])\s+", text):
            if last in s:
                return s.strip()
        return text.strip().split("\n")[0][:200]

    def extract(title: str, text: str, published: str | None) -> list:
        claims = []
        for f in by_content.get(content_id(title, text), []):
            person = people.get(f["person"], f["person"])
            claims.append(Claim(type=f["type"], person=person, org=orgs.get(f["org"], f["org"]), role=f.get("role"),
                                date=f.get("date"), date_precision=precision_of(f.get("date")),
                                quote=sentence_with(text, person), confidence=0.9))
        for m in CLAIM_LINE.finditer(text):
            parts = [p.strip() or None for p in m.group(1).split("|")] + [None] * 5
            type_, person, org, role, date = parts[:5]
            claims.append(Claim(type=type_, person=person, org=org, role=role, date=date,
                                date_precision=precision_of(date), quote=m.group(0), confidence=0.9))
        return claims

    return extract


def seed_extractor() -> Callable:
    try:
        from ingest.extract import extract_claims
    except ImportError:
        return _gold_claims()
    return extract_claims


def ingest_seeds(store, extra: list | None = None):  # type: ignore[no-untyped-def]
    """The project's seed folder (plus any extra Articles) into `store`; returns the report."""
    from ingest.seedfiles import read_paths
    from rollcall.ingestion import Ingestor

    items = list(read_paths([SEEDS])) + list(extra or [])
    return Ingestor(store, extractor=seed_extractor()).ingest(items)
