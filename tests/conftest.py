"""Fixtures shared by every test: a real SQLite file and, when ROLLCALL_TEST_PG is set, the
real PostgreSQL, each test in a schema of its own so tests never see each other's data."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine

PG_URL = os.environ.get("ROLLCALL_TEST_PG")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


def make_pg_schema() -> tuple[str, str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    eng = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    eng.dispose()
    return schema, pg_schema_url(schema)


def drop_pg_schema(schema: str) -> None:
    eng = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request, tmp_path):
    """A fresh database URL on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rollcall.db'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ROLLCALL_TEST_PG (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    schema, url = make_pg_schema()
    try:
        yield url
    finally:
        drop_pg_schema(schema)


@pytest.fixture
def store(db_url):
    from store.db import Store

    s = Store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'rollcall.db'}"
