"""The HTTP server: `create_app(store)` builds the FastAPI app (API, web page, /healthz,
/metrics); `rollcall serve` runs it with uvicorn.

The daemon (`rollcall run`) builds the same app and passes its own `health` and `metrics`
callables; alone, the server checks the database itself and reports basic counts. This module
is imported by the CLI at start-up, so it stays light: FastAPI loads only when an app is built.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable

import click

if TYPE_CHECKING:
    from fastapi import FastAPI

    from store.db import Store


def create_app(store: "Store", *, token: str | None = None, protect_reads: bool = False,
               allow_internal_feeds: bool = False, health: Callable[[], dict] | None = None,
               metrics: Callable[[], str] | None = None) -> "FastAPI":
    """The whole HTTP side over `store`. Writes need `token` (none: writes refused); reads need
    it too when `protect_reads`; feed URLs on internal addresses are refused unless
    `allow_internal_feeds`. `health()` -> dict (`ok`/`status`) and `metrics()` -> Prometheus
    text replace the built-in database check and counts."""
    from rollcall.web.app import build_app

    return build_app(store, token=token, protect_reads=protect_reads, allow_internal_feeds=allow_internal_feeds,
                     health=health, metrics=metrics)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token-env", default="ROLLCALL_TOKEN", show_default=True, metavar="NAME",
              help="Environment variable holding the write token (no token: writes are refused).")
@click.option("--protect-reads", is_flag=True, help="Reads need the token too.")
@click.option("--allow-internal-feeds", is_flag=True,
              help="Accept feed URLs on loopback/private/link-local addresses.")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, token_env: str, protect_reads: bool,
                  allow_internal_feeds: bool) -> None:
    """The HTTP API and web page alone (no polling)."""
    import uvicorn

    from rollcall import heap
    from rollcall.cli import open_store

    store = open_store(ctx)
    token = os.environ.get(token_env) or None
    if protect_reads and not token:
        raise click.UsageError(f"--protect-reads needs a token in ${token_env}")
    app = create_app(store, token=token, protect_reads=protect_reads, allow_internal_feeds=allow_internal_feeds)
    click.echo(f"rollcall: serving {store.display_url()} on http://{host}:{port}/ "
               f"(writes {'need the token' if token else 'refused: no token'}"
               f"{', reads need the token' if protect_reads else ''})", err=True)
    heap.settle()
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
