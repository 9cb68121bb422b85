"""The FastAPI app: the API routers, the web page, /healthz, /metrics and the security headers.

Imported only when a server starts (see server.py), so plain CLI commands do not pay for FastAPI.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from rollcall.web import api
from rollcall.web.security import Policy, require_read
from store.db import Store

STATIC = Path(__file__).resolve().parent / "static"

# The page is plain files from this server: nothing else may run, load or be framed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def default_health(store: Store) -> dict:
    try:
        with store.read() as conn:
            conn.execute(text("SELECT 1")).scalar()
            position = conn.execute(text("SELECT COALESCE(MAX(position), 0) FROM rc_events")).scalar()
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy; the type is enough
        return {"ok": False, "status": "error", "db": f"unavailable ({type(exc).__name__})"}
    return {"ok": True, "status": "ok", "db": "ok", "events": int(position or 0)}


def default_metrics(store: Store) -> str:
    with store.read() as conn:
        one = lambda sql: int(conn.execute(text(sql)).scalar() or 0)  # noqa: E731
        events = one("SELECT COALESCE(MAX(position), 0) FROM rc_events")
        active = one("SELECT COUNT(*) FROM rc_facts WHERE retracted_position IS NULL")
        retracted = one("SELECT COUNT(*) FROM rc_facts WHERE retracted_position IS NOT NULL")
        articles = one("SELECT COUNT(*) FROM rc_articles")
        feeds = one("SELECT COUNT(*) FROM rc_feeds")
    return "".join([
        "# HELP rollcall_events_total Events in the append-only log.\n# TYPE rollcall_events_total gauge\n",
        f"rollcall_events_total {events}\n",
        "# HELP rollcall_facts Facts in the projection, by status.\n# TYPE rollcall_facts gauge\n",
        f'rollcall_facts{{status="active"}} {active}\n', f'rollcall_facts{{status="retracted"}} {retracted}\n',
        "# HELP rollcall_articles_total Articles stored.\n# TYPE rollcall_articles_total gauge\n",
        f"rollcall_articles_total {articles}\n",
        "# HELP rollcall_feeds Feeds configured.\n# TYPE rollcall_feeds gauge\n",
        f"rollcall_feeds {feeds}\n",
    ])


def build_app(store: Store, *, token: str | None = None, protect_reads: bool = False,
               allow_internal_feeds: bool = False, health: Callable[[], dict] | None = None,
               metrics: Callable[[], str] | None = None) -> FastAPI:
    app = FastAPI(title="rollcall", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Who works where in the AI industry, and since when, read from the news. "
                              "Reads are open unless the server protects them; writes need "
                              "`Authorization: Bearer <token>`.")
    app.state.store = store
    app.state.policy = Policy(token=token or None, protect_reads=protect_reads,
                              allow_internal_feeds=allow_internal_feeds)
    app.include_router(api.reads)
    app.include_router(api.writes)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/healthz", summary="200 when the store answers, else 503")
    def healthz() -> JSONResponse:
        try:
            result = health() if health is not None else default_health(store)
        except Exception as exc:  # noqa: BLE001
            result = {"ok": False, "status": "error", "error": type(exc).__name__}
        ok = result.get("ok")
        if ok is None:
            ok = result.get("status", "ok") == "ok"
        return JSONResponse(result, status_code=200 if ok else 503)

    @app.get("/metrics", summary="Prometheus text format", response_class=PlainTextResponse)
    def metrics_(request: Request) -> PlainTextResponse:
        require_read(request)
        body = metrics() if metrics is not None else default_metrics(store)
        return PlainTextResponse(body, media_type="text/plain; version=0.0.4; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
