"""`rollcall feeds`: the feeds the daemon polls (add, list, remove).

The daemon reads the feeds table on every tick, so changes here take effect without a restart.
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

import click

from rollcall.output import echo_table, emit_json, emit_jsonl


def _duration(_ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    from store.feeds import parse_duration

    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param=param) from None


def _feed_url(_ctx: click.Context, param: click.Parameter, value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(f"{value!r} is not an http(s) URL", param=param)
    return value.strip()


def _store(ctx: click.Context):  # type: ignore[no-untyped-def]
    from rollcall.cli import open_store  # here, not at import: rollcall.cli imports this module

    return open_store(ctx)


def feed_view(row: dict, now: datetime | None = None) -> dict:
    """A feed row as `feeds list --json` prints it (and /healthz reports it)."""
    from rollcall.schedule import feed_state
    from store.feeds import format_duration

    now = now or datetime.now(timezone.utc)
    return {
        "url": row["url"], "interval": format_duration(int(row["interval_s"])), "interval_s": int(row["interval_s"]),
        "fixed_interval": bool(row["fixed_interval"]), "full_text": bool(row["fetch_full_text"]),
        "state": feed_state(row, now), "added_at": row["added_at"], "last_polled_at": row["last_polled_at"],
        "last_ok_at": row["last_ok_at"], "last_new_at": row["last_new_at"], "failures": int(row["failures"] or 0),
        "last_error": row["last_error"], "next_poll_at": row["next_poll_at"], "moved_to": row["moved_to"],
        "lease_owner": row["lease_owner"], "lease_expires_at": row["lease_expires_at"],
        "entries_seen": int(row["entries_seen"] or 0),
        "mean_gap_s": None if row.get("mean_gap_s") is None else round(float(row["mean_gap_s"]), 1),
    }


@click.group("feeds")
def feeds_command() -> None:
    """The feeds the daemon (`rollcall run`) polls."""


@feeds_command.command("add")
@click.argument("url", callback=_feed_url)
@click.option("--every", default="15m", show_default=True, callback=_duration, metavar="DURATION",
              help="How often to poll: 30s, 15m, 1h, 1d. Adapts to how often the feed publishes "
                   "unless --fixed.")
@click.option("--fixed", is_flag=True, help="Poll exactly every DURATION; do not adapt.")
@click.option("--full-text", is_flag=True, help="Fetch each new entry's page for its full text.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def add_cmd(ctx: click.Context, url: str, every: int, fixed: bool, full_text: bool, as_json: bool) -> None:
    """Add a feed (or change an existing feed's settings)."""
    from store.feeds import add_feed, format_duration, get_feed

    store = _store(ctx)
    with store.write() as conn:
        new = add_feed(conn, url, every, fixed=fixed, full_text=full_text)
        row = get_feed(conn, url)
    assert row is not None
    if as_json:
        emit_json({"added": new, **feed_view(row)})
    else:
        click.echo(f"{'added' if new else 'updated'} {url} (every {format_duration(every)}"
                   + (", fixed" if fixed else ", adaptive") + (", full text" if full_text else "") + ")")


@feeds_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed, one per line.")
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Every feed with how polling it has gone."""
    from store.feeds import list_feeds

    store = _store(ctx)
    with store.read() as conn:
        rows = [feed_view(r) for r in list_feeds(conn)]
    if as_json:
        emit_jsonl(rows)
        return
    echo_table(["url", "interval", "state", "last poll", "last ok", "failures", "last error", "next poll", "moved to"],
               [(r["url"], r["interval"] + ("" if r["fixed_interval"] else "~"), r["state"], _t(r["last_polled_at"]),
                 _t(r["last_ok_at"]), r["failures"], r["last_error"], _t(r["next_poll_at"]), r["moved_to"])
                for r in rows], empty="(no feeds: add one with `rollcall feeds add URL`)")


def _t(value: str | None) -> str | None:
    """A stored timestamp, shortened for a table: 2026-03-04 10:00:00."""
    return value[:19].replace("T", " ") if value else None


@feeds_command.command("remove")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def remove_cmd(ctx: click.Context, url: str, as_json: bool) -> None:
    """Stop polling a feed (the articles already read stay in the log)."""
    from store.feeds import remove_feed_or_alias

    store = _store(ctx)
    with store.write() as conn:
        removed = remove_feed_or_alias(conn, url.strip())
    if not removed:
        from rollcall.cli import Fail

        raise Fail(f"no feed {url!r} (see `rollcall feeds list`)")
    emit_json({"removed": url}) if as_json else click.echo(f"removed {url}")
