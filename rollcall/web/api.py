"""The JSON API under /api/: the CLI's queries and corrections over HTTP, same shapes.

Every route is a plain (sync) function: FastAPI runs it in its thread pool, each request opens
its own read or write transaction, and nothing is cached between requests, so answers always
reflect the log. Parameters are validated here, before any query runs: dates are YYYY-MM-DD,
`known_at` a date or ISO datetime, pages 1..1000 long. Unknown names are 404 with the store's
own message.
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.engine import Connection

from rollcall.web.security import check_feed_url, require_read, require_write
from store import log, queries
from store.db import Store
from store.feeds import add_feed, format_duration, list_feeds, parse_duration, remove_feed
from store.selectin import select_in

FACT_TYPES = ("joined", "left", "role_changed", "held_role")

reads = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
writes = APIRouter(prefix="/api", dependencies=[Depends(require_write)])


def _store(request: Request) -> Store:
    return request.app.state.store


def valid_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return queries.check_date(value)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def valid_known_at(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        queries.normalize_known_at(value)
    except ValueError:
        raise HTTPException(422, f"known_at: {value!r} is not a date or ISO datetime") from None
    return value.strip()


def _not_found(exc: LookupError) -> HTTPException:
    return HTTPException(404, str(exc).strip("'\""))


# -- enrichment: article titles for sources ------------------------------------------------
def _titles(conn: Connection, sources: list[dict]) -> None:
    """Give every source the title of its article (one query per response); the CLI's fields
    are kept as they are."""
    ids = sorted({s["article"] for s in sources if s.get("article")})
    titles = dict(select_in(conn, "SELECT id, title FROM rc_articles WHERE id", ids))
    for s in sources:
        s["title"] = titles.get(s.get("article"))


def _all_sources(items: list[dict]) -> list[dict]:
    return [s for it in items for s in it.get("sources", [])]


# -- reads ----------------------------------------------------------------------------------
@reads.get("/orgs", summary="Every organization the store knows")
def get_orgs(request: Request, known_at: str | None = None) -> dict:
    known_at = valid_known_at(known_at)
    with _store(request).read() as conn:
        return {"known_at": known_at, "orgs": queries.orgs(conn, known_at)}


@reads.get("/rosters/{org}", summary="Who is at ORG (valid time as_of, transaction time known_at)")
def get_roster(request: Request, org: str, as_of: str | None = None, known_at: str | None = None,
               offset: int = Query(0, ge=0), limit: int | None = Query(None, ge=1, le=10000),
               name: str | None = Query(None, max_length=200, description="Members whose name contains this")) -> dict:
    as_of, known_at = valid_date(as_of, "as_of"), valid_known_at(known_at)
    with _store(request).read() as conn:
        try:
            r = queries.roster(conn, org, as_of=as_of, known_at=known_at, limit=limit, offset=offset, name=name)
        except queries.NotFound as exc:
            raise _not_found(exc) from None
        _titles(conn, _all_sources(r["members"]))
        return r


@reads.get("/replay", summary="Every roster as of a date")
def get_replay(request: Request, to: str | None = None, known_at: str | None = None,
               limit: int | None = Query(None, ge=1, le=10000),
               name: str | None = Query(None, max_length=200, description="Members whose name contains this")) -> dict:
    to, known_at = valid_date(to, "to"), valid_known_at(known_at)
    with _store(request).read() as conn:
        r = queries.replay(conn, to, known_at=known_at, limit=limit, name=name)
        _titles(conn, [s for ros in r["rosters"] for s in _all_sources(ros["members"])])
        return r


@reads.get("/people/{name}", summary="One person's timeline")
def get_person(request: Request, name: str, known_at: str | None = None) -> dict:
    known_at = valid_known_at(known_at)
    with _store(request).read() as conn:
        try:
            r = queries.person(conn, name, known_at=known_at)
        except queries.NotFound as exc:
            raise _not_found(exc) from None
        _titles(conn, _all_sources(r["timeline"]))
        return r


@reads.get("/events", summary="The fact log, paginated, in log order")
def get_events(request: Request,
               type: Literal["joined", "left", "role_changed", "held_role"] | None = None,  # noqa: A002
               person: str | None = None, org: str | None = None, include_retracted: bool = False,
               known_at: str | None = None, offset: int = Query(0, ge=0),
               limit: int = Query(100, ge=1, le=1000)) -> dict:
    known_at = valid_known_at(known_at)
    with _store(request).read() as conn:
        try:
            items = list(queries.facts(conn, type_=type, person=person or None, org=org or None,
                                       include_retracted=include_retracted, known_at=known_at,
                                       offset=offset, limit=limit + 1))
        except queries.NotFound as exc:
            raise _not_found(exc) from None
        more = len(items) > limit
        items = items[:limit]
        _titles(conn, _all_sources(items))
    return {"items": items, "offset": offset, "limit": limit, "next_offset": offset + limit if more else None}


@reads.get("/flows", summary="Moves of people between organizations in a period")
def get_flows(request: Request, from_: str | None = Query(None, alias="from"), to: str | None = None,
              known_at: str | None = None) -> dict:
    start, end, known_at = valid_date(from_, "from"), valid_date(to, "to"), valid_known_at(known_at)
    if start and end and start > end:
        raise HTTPException(422, f"from ({start}) is after to ({end})")
    with _store(request).read() as conn:
        return queries.flows(conn, start, end, known_at=known_at)


@reads.get("/articles", summary="Stored articles, newest first, paginated")
def get_articles(request: Request, offset: int = Query(0, ge=0), limit: int = Query(20, ge=1, le=1000)) -> dict:
    with _store(request).read() as conn:
        rows = conn.execute(text(
            "SELECT id, title, url, path, published, published_inferred, source, stored_at FROM rc_articles "
            "ORDER BY stored_at DESC, id LIMIT :n OFFSET :o"), {"n": limit + 1, "o": offset}).fetchall()
    items = [{"id": r[0], "title": r[1], "url": r[2], "path": r[3], "published": r[4],
              "published_inferred": bool(r[5]), "source": r[6], "stored_at": r[7]} for r in rows[:limit]]
    return {"items": items, "offset": offset, "limit": limit,
            "next_offset": offset + limit if len(rows) > limit else None}


@reads.get("/stats", summary="Counts and the span of dates the store covers")
def get_stats(request: Request) -> dict:
    with _store(request).read() as conn:
        position, _, recorded_at = log.head(conn)
        one = lambda sql: conn.execute(text(sql)).scalar()  # noqa: E731
        return {
            "events": position, "last_recorded_at": recorded_at,
            "facts": one("SELECT COUNT(*) FROM rc_facts WHERE retracted_position IS NULL"),
            "retracted": one("SELECT COUNT(*) FROM rc_facts WHERE retracted_position IS NOT NULL"),
            "articles": one("SELECT COUNT(*) FROM rc_articles"),
            "people": one("SELECT COUNT(*) FROM rc_entities WHERE kind='person' AND merged_into IS NULL"),
            "orgs": one("SELECT COUNT(*) FROM rc_entities WHERE kind='org' AND merged_into IS NULL"),
            "first_date": one("SELECT MIN(date) FROM rc_facts WHERE date IS NOT NULL AND retracted_position IS NULL"),
            "last_date": one("SELECT MAX(date) FROM rc_facts WHERE date IS NOT NULL AND retracted_position IS NULL"),
            "first_recorded_at": one("SELECT MIN(recorded_at) FROM rc_events"),
        }


def _feed_out(f: dict) -> dict:
    out = {k: f[k] for k in ("url", "added_at", "last_polled_at", "last_ok_at", "last_new_at", "next_poll_at",
                             "failures", "last_error", "moved_to", "entries_seen")}
    out["every"] = format_duration(int(f["interval_s"]))
    out["interval_s"] = int(f["interval_s"])
    return out


@reads.get("/feeds", summary="The feeds the daemon polls")
def get_feeds(request: Request) -> dict:
    with _store(request).read() as conn:
        return {"feeds": [_feed_out(f) for f in list_feeds(conn)]}


# -- writes ---------------------------------------------------------------------------------
class FeedIn(BaseModel):
    url: str = Field(min_length=1, max_length=2048)
    every: str = Field("15m", max_length=32, description="30s, 15m, 1h, 2d")


class RetractionIn(BaseModel):
    event_id: str = Field(min_length=1, max_length=200)
    reason: str = Field(min_length=1, max_length=2000)


class MergeIn(BaseModel):
    a: str = Field(min_length=1, max_length=300, description="kept: its id and name survive")
    b: str = Field(min_length=1, max_length=300, description="merged into a")
    kind: Literal["person", "org"] | None = None


@writes.post("/feeds", status_code=201, summary="Add a feed (or change its interval)")
def post_feed(request: Request, body: FeedIn, response: Response) -> dict:
    url = check_feed_url(body.url, allow_internal=request.app.state.policy.allow_internal_feeds)
    try:
        seconds = parse_duration(body.every)
    except ValueError as exc:
        raise HTTPException(422, f"every: {exc}") from None
    with _store(request).write() as conn:
        added = add_feed(conn, url, seconds)
    if not added:
        response.status_code = 200
    return {"url": url, "every": format_duration(seconds), "added": added}


@writes.delete("/feeds", summary="Stop polling a feed")
def delete_feed(request: Request, url: str = Query(min_length=1, max_length=2048)) -> dict:
    with _store(request).write() as conn:
        removed = remove_feed(conn, url.strip())
    if not removed:
        raise HTTPException(404, f"no feed with url {url.strip()!r}")
    return {"removed": url.strip()}


def _catch_up(request: Request) -> None:
    from store import projector

    projector.catch_up(_store(request))


@writes.post("/retractions", status_code=201, summary="Retract a fact: it stops counting, the log keeps it")
def post_retraction(request: Request, body: RetractionIn) -> dict:
    from rollcall.corrections import retraction

    if not body.reason.strip():
        raise HTTPException(422, "reason: a retraction needs a reason")
    with _store(request).write() as conn:
        try:
            ev = retraction(conn, body.event_id, body.reason)
        except ValueError as exc:
            msg = str(exc)
            raise HTTPException(409 if "already retracted" in msg else 404, msg) from None
        (stored,) = log.append(conn, [ev])
    _catch_up(request)
    return {"retracted": body.event_id, "event": stored.event_id, "position": stored.position,
            "reason": body.reason.strip()}


@writes.post("/merges", status_code=201, summary="Two names are one person (or organization); a's id is kept")
def post_merge(request: Request, body: MergeIn) -> dict:
    from rollcall.corrections import merger

    with _store(request).write() as conn:
        try:
            ev = merger(conn, body.a, body.b, body.kind)
        except ValueError as exc:
            raise HTTPException(409, str(exc)) from None
        except LookupError as exc:
            raise _not_found(exc) from None
        (stored,) = log.append(conn, [ev])
    _catch_up(request)
    p = stored.payload
    return {"kind": p["kind"], "from": p["from"], "into": p["into"], "position": stored.position}
