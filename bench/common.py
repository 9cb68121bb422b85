"""Shared plumbing for the benchmark: databases on both engines, timing, memory, machine facts.

Every measurement runs in a subprocess of its own (`python -m bench.worker CASE ...`), so
one case's peak RSS, caches or open connections never colour another's.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PG_URL = os.environ.get("ROLLCALL_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def python() -> str:
    return sys.executable


def maxrss_mib() -> float:
    """Peak resident set of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Timer:
    def __init__(self) -> None:
        self.elapsed = 0.0

    def __enter__(self) -> "Timer":
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed += time.perf_counter() - self._t


# -- PostgreSQL ---------------------------------------------------------------------------

def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(pg_dsn(), connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "skip the PG rows"
        return False


def pg_dsn(schema: str | None = None) -> str:
    """The libpq form of PG_URL (for psycopg and eventsourcing), optionally with a search_path."""
    dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    if schema:
        sep = "&" if "?" in dsn else "?"
        dsn += f"{sep}options={quote(f'-csearch_path={schema}')}"
    return dsn


def pg_parts() -> dict[str, str]:
    from sqlalchemy.engine import make_url

    u = make_url(PG_URL)
    return {"host": u.host or "127.0.0.1", "port": str(u.port or 5432), "user": u.username or "postgres",
            "password": u.password or "", "dbname": u.database or "postgres"}


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


def pg_exec(sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_dsn(), autocommit=True) as c:
        c.execute(sql)


@contextmanager
def pg_schema(prefix: str = "bench") -> Iterator[tuple[str, str]]:
    """A fresh schema for one run, dropped afterwards: (schema, SQLAlchemy URL)."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    pg_exec(f"CREATE SCHEMA {schema}")
    try:
        yield schema, pg_schema_url(schema)
    finally:
        try:
            pg_exec(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        except Exception:  # noqa: BLE001
            pass


@contextmanager
def database(engine: str, workdir: Path, name: str = "rollcall") -> Iterator[str]:
    """A fresh, empty database URL on `engine` ('sqlite' or 'postgresql')."""
    if engine == "sqlite":
        path = workdir / f"{name}-{uuid.uuid4().hex[:8]}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    else:
        with pg_schema(f"bench_{name}") as (_, url):
            yield url


# -- running cases in subprocesses ----------------------------------------------------------

def run_worker(case: str, args: dict, timeout: float) -> dict:
    """Run one case in a fresh interpreter; it prints one JSON object as its last line."""
    cmd = [python(), "-m", "bench.worker", case, json.dumps(args)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f}s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-6:]
        return {"error": f"exit {proc.returncode}: " + " | ".join(tail)}
    return json.loads(lines[-1])


# -- machine --------------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    pg = ""
    try:
        import psycopg

        with psycopg.connect(pg_dsn(), connect_timeout=3) as c:
            # the buffer cache decides how much of a 1M-event projection (~1.2 GB) a query
            # finds in memory, so it belongs with the version in every report
            pg = (f'{c.execute("SHOW server_version").fetchone()[0]}, '
                  f'shared_buffers {c.execute("SHOW shared_buffers").fetchone()[0]}')
    except Exception:  # noqa: BLE001
        pg = "unavailable"
    import sqlite3

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": ram, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "postgresql": pg, "platform": platform.platform()}
