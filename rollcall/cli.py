"""`rollcall`: the command line, a thin shell over `ingest/` and `store/`.

The contract (names, options, JSON shapes) is ../shared/docs/cli.md. Exit 0 on success, 1 on
an error (one line on stderr), 2 on a usage error (click's own).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click

from rollcall.output import echo_table, emit_json, emit_jsonl, progress



class Fail(click.ClickException):
    """An error worth one line, exit status 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"rollcall: {self.format_message()}", err=True)


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from store.queries import check_date

    try:
        return check_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param=param) from None


def _datetime(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from store.queries import normalize_known_at

    try:
        normalize_known_at(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date or ISO datetime", param=param) from None
    return value


def open_store(ctx: click.Context):  # type: ignore[no-untyped-def]
    from store.db import Store, StoreError

    obj = ctx.ensure_object(dict)
    if "store" not in obj:
        try:
            obj["store"] = Store(obj.get("db"))
        except StoreError as exc:
            raise Fail(str(exc)) from None
        ctx.call_on_close(obj["store"].dispose)
    return obj["store"]


class _Group(click.Group):
    """Database failures inside any command (disk full, read-only file, lost connection) are
    one line and exit 1, like every other error; the failed transaction was rolled back."""

    def invoke(self, ctx: click.Context) -> Any:
        from sqlalchemy.exc import DBAPIError

        from store.db import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise Fail(str(exc)) from None
        except DBAPIError as exc:
            store = (ctx.obj or {}).get("store")
            where = f" on {store.display_url()}" if store is not None else ""
            why = " ".join(str(exc.orig).split()) or type(exc.orig).__name__
            raise Fail(f"database error{where}: {why}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="ROLLCALL_DB", metavar="URL",
              help="Database URL (default: an SQLite file in the user data directory). "
                   "postgresql+psycopg://... selects PostgreSQL.")
@click.version_option(package_name="rollcall")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Who works where in the AI industry, and since when, read from the news."""
    ctx.ensure_object(dict)["db"] = db


# -- ingest -----------------------------------------------------------------------------------
@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], as_json: bool) -> None:
    """Ingest seed files, folders of them, or feed URLs, once."""
    from rollcall.sources import read_sources

    store = open_store(ctx)
    from rollcall.ingestion import Ingestor

    paths = [s for s in sources if not re.match(r"^https?://", s, re.I)]
    urls = [s for s in sources if re.match(r"^https?://", s, re.I)]
    items, total = read_sources(paths, urls)
    show = sys.stderr.isatty() and not as_json
    with progress(total, "ingesting", show) as bar:
        report = Ingestor(store).ingest(items, progress=lambda _s: bar.update(1))
    if as_json:
        emit_json(report.as_dict())
    else:
        for r in report.new:
            click.echo(f"new        {r['source']}  ({r['claims']} claims)")
        for r in report.duplicates:
            click.echo(f"duplicate  {r['source']}  ({r['match']} copy of {r['duplicate_of'][:19]})")
        for r in report.rejected:
            click.echo(f"rejected   {r['source']}: {r['reason']}")
        click.echo(f"{len(report.new)} new, {len(report.duplicates)} duplicate, {len(report.unchanged)} unchanged, "
                   f"{len(report.rejected)} rejected; {report.facts_new} new facts, "
                   f"{report.facts_corroborated} corroborations")
    for r in report.rejected:
        if not as_json:
            continue
        click.echo(f"rollcall: rejected {r['source']}: {r['reason']}", err=True)
    if report.rejected:
        ctx.exit(1)


# -- reading ----------------------------------------------------------------------------------
def _query(ctx: click.Context, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    from store.queries import NotFound

    store = open_store(ctx)
    try:
        with store.read() as conn:
            result = fn(conn, *args, **kwargs)
            return list(result) if not isinstance(result, dict) else result
    except NotFound as exc:
        raise Fail(str(exc)) from None


def _srcs(sources: list[dict]) -> int:
    return len(sources)


@cli.command()
@click.option("--type", "type_", type=click.Choice(["joined", "left", "role_changed", "held_role"]))
@click.option("--person", help="Any name or alias of a person.")
@click.option("--org", help="Any name or alias of an organization.")
@click.option("--include-retracted", is_flag=True, help="Show retracted facts too (status: retracted).")
@click.option("--known-at", callback=_datetime, help="What the store knew at this DATETIME.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many facts.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def events(ctx: click.Context, type_: str | None, person: str | None, org: str | None,
           include_retracted: bool, known_at: str | None, limit: int | None, as_json: bool) -> None:
    """The fact log: one line per fact, with every source that reports it."""
    from store.queries import NotFound, facts

    store = open_store(ctx)
    try:
        with store.read() as conn:
            rows = facts(conn, type_=type_, person=person, org=org, include_retracted=include_retracted,
                         known_at=known_at, limit=limit)
            if as_json:
                emit_jsonl(rows)
                return
            echo_table(["id", "type", "person", "org", "role", "date", "sources", "status"],
                       [(r["id"], r["type"], r["person"]["name"], r["org"]["name"], r["role"], r["date"],
                         len(r["sources"]), r["status"]) for r in rows])
    except NotFound as exc:
        raise Fail(str(exc)) from None


@cli.command()
@click.argument("org")
@click.option("--as-of", callback=_date, help="Valid time: who was there on DATE (default today).")
@click.option("--known-at", callback=_datetime, help="Transaction time: as the store knew it then.")
@click.option("--limit", type=click.IntRange(min=1), help="At most N members (a page); default all.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N members.")
@click.option("--name", help="Only members whose name contains TEXT (any case).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def roster(ctx: click.Context, org: str, as_of: str | None, known_at: str | None, limit: int | None,
           offset: int, name: str | None, as_json: bool) -> None:
    """Who is at ORG."""
    from store.queries import roster as q

    r = _query(ctx, q, org, as_of=as_of, known_at=known_at, limit=limit, offset=offset, name=name)
    if as_json:
        emit_json(r)
        return
    click.echo(f"{r['org']['name']} as of {r['as_of']}" + (f", as known at {known_at}" if known_at else ""))
    echo_table(["person", "role", "since", "certain", "sources"],
               [(m["person"]["name"], m["role"] + (" (board)" if m["board"] and "board" not in (m["role"] or "").lower() else "")
                 if m["role"] else ("board" if m["board"] else None), m["since"] or "?", m["certain"],
                 len(m["sources"])) for m in r["members"]], empty="(nobody known)")
    shown = len(r["members"])
    if shown < r["total"] - offset:
        click.echo(f"{offset + 1}-{offset + shown} of {r['total']} members; --offset {offset + shown} for more")


@cli.command()
@click.argument("name")
@click.option("--known-at", callback=_datetime)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def person(ctx: click.Context, name: str, known_at: str | None, as_json: bool) -> None:
    """One person's timeline."""
    from store.queries import person as q

    r = _query(ctx, q, name, known_at=known_at)
    if as_json:
        emit_json(r)
        return
    click.echo(r["person"]["name"] + (f"  (also: {', '.join(r['aliases'])})" if r["aliases"] else ""))
    echo_table(["date", "type", "org", "role", "sources", "status"],
               [(t["date"] or "?", t["type"], t["org"]["name"], t["role"], len(t["sources"]), t["status"])
                for t in r["timeline"]])


@cli.command()
@click.option("--to", "to", callback=_date, required=True, help="Replay every roster to this DATE.")
@click.option("--known-at", callback=_datetime)
@click.option("--limit", type=click.IntRange(min=1), help="List at most N members per organization.")
@click.option("--name", help="Only members whose name contains TEXT (any case).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def replay(ctx: click.Context, to: str, known_at: str | None, limit: int | None, name: str | None,
           as_json: bool) -> None:
    """Every roster as of DATE."""
    from store.queries import replay as q

    r = _query(ctx, q, to, known_at=known_at, limit=limit, name=name)
    if as_json:
        emit_json(r)
        return
    for ros in r["rosters"]:
        shown = "" if ros["total"] == len(ros["members"]) else f", the first {len(ros['members'])} listed"
        click.echo(f"\n{ros['org']['name']} ({ros['total']}{shown})")
        echo_table(["person", "role", "since"], [(m["person"]["name"], m["role"], m["since"] or "?")
                                                 for m in ros["members"]])


@cli.command()
@click.option("--from", "start", callback=_date, help="Moves on or after DATE.")
@click.option("--to", "end", callback=_date, help="Moves on or before DATE (default today).")
@click.option("--known-at", callback=_datetime)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def flows(ctx: click.Context, start: str | None, end: str | None, known_at: str | None, as_json: bool) -> None:
    """Moves of people between organizations."""
    from store.queries import flows as q

    r = _query(ctx, q, start, end, known_at=known_at)
    if as_json:
        emit_json(r)
        return
    echo_table(["from", "to", "people", "who"], [(f["from"]["name"], f["to"]["name"], f["count"],
                                                  ", ".join(f["people"])) for f in r["flows"]], empty="(no moves)")


# -- corrections ------------------------------------------------------------------------------
def _append(ctx: click.Context, events: list) -> list:  # type: ignore[type-arg]
    from store import log, projector

    store = open_store(ctx)
    with store.write() as conn:
        out = log.append(conn, events)
    projector.catch_up(store)
    return out


@cli.command()
@click.argument("event_id")
@click.option("--reason", required=True, help="Why the fact stops counting.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def retract(ctx: click.Context, event_id: str, reason: str, as_json: bool) -> None:
    """A correction: the fact stops counting; the log keeps it."""
    from rollcall.corrections import retraction

    store = open_store(ctx)
    try:
        with store.read() as conn:
            ev = retraction(conn, event_id, reason)
    except ValueError as exc:
        raise Fail(str(exc)) from None
    (stored,) = _append(ctx, [ev])
    result = {"retracted": event_id, "event": stored.event_id, "position": stored.position, "reason": reason}
    emit_json(result) if as_json else click.echo(f"retracted {event_id} at position {stored.position}")


@cli.command()
@click.argument("name_a")
@click.argument("name_b")
@click.option("--org", "is_org", is_flag=True, help="The names are organizations (default: people, "
                                                      "falling back to organizations).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def merge(ctx: click.Context, name_a: str, name_b: str, is_org: bool, as_json: bool) -> None:
    """NAME_A and NAME_B are one person (or organization); NAME_A's id is kept."""
    from rollcall.corrections import merger

    store = open_store(ctx)
    try:
        with store.read() as conn:
            ev = merger(conn, name_a, name_b, "org" if is_org else None)
    except (ValueError, LookupError) as exc:
        raise Fail(str(exc).strip("'\"")) from None
    (stored,) = _append(ctx, [ev])
    p = stored.payload
    result = {"kind": p["kind"], "from": p["from"], "into": p["into"], "position": stored.position}
    emit_json(result) if as_json else click.echo(f"merged {p['kind']} {p['from']} into {p['into']}")


@cli.command()
@click.argument("name")
@click.argument("alias")
@click.option("--org", "is_org", is_flag=True, help="NAME is an organization.")
@click.pass_context
def alias(ctx: click.Context, name: str, alias: str, is_org: bool) -> None:
    """Teach rollcall another name for a known person or organization."""
    from rollcall.corrections import aliasing

    store = open_store(ctx)
    try:
        with store.read() as conn:
            ev = aliasing(conn, name, alias, "org" if is_org else "person")
    except LookupError as exc:
        raise Fail(str(exc).strip("'\"")) from None
    _append(ctx, [ev])
    click.echo(f"{alias!r} now names {ev.payload['id']}")


# -- maintenance ------------------------------------------------------------------------------
@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verify(ctx: click.Context, as_json: bool) -> None:
    """Check the log's hash chain and that rebuilt projections equal the live ones."""
    from rollcall.integrity import verify_store

    result = verify_store(open_store(ctx))
    if as_json:
        emit_json(result)
    else:
        click.echo(f"hash chain: {result['events']} events, "
                   + ("intact" if result["chain_ok"] else f"BROKEN at position {result['broken_at']}: {result['why']}"))
        click.echo("projections: " + ("equal to a rebuild" if result["projections_ok"] else
                                      "DIFFER from a rebuild: " + "; ".join(result["differences"][:5])))
    if not (result["chain_ok"] and result["projections_ok"]):
        ctx.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def rebuild(ctx: click.Context, as_json: bool) -> None:
    """Rebuild every projection from the log."""
    from store import log, projector

    store = open_store(ctx)
    with store.read() as conn:
        total = log.head(conn)[0]
    with progress(total, "rebuilding", sys.stderr.isatty() and not as_json) as bar:
        done = [0]

        def advance(position: int, _last: int) -> None:
            bar.update(position - done[0])
            done[0] = position

        n = projector.rebuild(store, progress=advance)
    emit_json({"events": n}) if as_json else click.echo(f"rebuilt projections from {n} events")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def reextract(ctx: click.Context, as_json: bool) -> None:
    """Re-read stored articles with the current extractor; append only the differences."""
    from rollcall.ingestion import reextract as run

    r = run(open_store(ctx))
    emit_json(r) if as_json else click.echo(
        f"{r['articles']} articles re-read: {r['facts_added']} new facts, {r['corroborations']} corroborations, "
        f"{r['retracted']} retracted")


@cli.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold file (gold-format.md).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True)
def eval_(gold: str, paths: tuple[str, ...], as_json: bool) -> None:
    """Score extraction on a gold corpus, as ../shared/tools/score_events.py does."""
    from rollcall.evaluate import evaluate_paths, format_report

    try:
        gold_doc = json.loads(Path(gold).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Fail(f"{gold}: not a readable gold file ({exc})") from None
    result = evaluate_paths(gold_doc, list(paths))
    emit_json(result) if as_json else click.echo(format_report(result))


def _register_shell_commands() -> None:
    """Commands whose modules live beside this one; imported here, after `cli` exists,
    because they import helpers from this module."""
    from rollcall.daemon import run_command
    from rollcall.feedcli import feeds_command
    from rollcall.web.server import serve_command

    cli.add_command(feeds_command, "feeds")
    cli.add_command(run_command, "run")
    cli.add_command(serve_command, "serve")


_register_shell_commands()


def main() -> None:
    cli(prog_name="rollcall")
