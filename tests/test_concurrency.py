"""Several writer processes and a reader catching up by position: the reader must see every
event exactly once, in order, even though writers commit concurrently."""
from __future__ import annotations

import multiprocessing as mp

from store import log
from store.db import Store
from store.events import NewEvent

WRITERS, PER_WRITER, BATCH = 4, 5000, 50


def _writer(url: str, w: int) -> None:
    s = Store(url, create=False)
    for start in range(0, PER_WRITER, BATCH):
        batch = [NewEvent(type="joined", payload={"w": w, "i": i}, idempotency_key=f"{w}:{i}")
                 for i in range(start, start + BATCH)]
        with s.write() as c:
            log.append(c, batch)
    s.dispose()


def test_reader_sees_all_events_once_in_order(db_url: str) -> None:
    store = Store(db_url)
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db_url, w)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    seen: list[int] = []
    keys: set[str] = set()
    last = 0
    total = WRITERS * PER_WRITER
    while len(seen) < total:
        with store.read() as c:
            for e in log.read(c, after=last, page=700):
                seen.append(e.position)
                keys.add(e.idempotency_key)
                last = e.position
        if not any(p.is_alive() for p in procs) and len(seen) < total:
            with store.read() as c:
                if log.head(c)[0] == last:
                    break
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert seen == list(range(1, total + 1))
    assert len(keys) == total
    with store.read() as c:
        assert log.verify_chain(log.read(c))[1] is None
    store.dispose()
