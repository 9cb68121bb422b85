"""Who may do what over HTTP, and which feed URLs the API accepts.

Writes need `Authorization: Bearer <token>`, compared in constant time; with no token configured
the server refuses every write rather than accepting anonymous ones. Reads are open unless the
server was started with `protect_reads`. Tokens never reach a log line or an error message.

Feed URLs added over HTTP come from whoever holds the token, and the daemon fetches them from
inside the network: only http(s) URLs with a host are accepted, and internal addresses
(loopback, private, link-local, ...) are refused unless `allow_internal_feeds` is set.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from ingest.urls import is_internal_address


@dataclass(frozen=True)
class Policy:
    token: str | None = None
    protect_reads: bool = False
    allow_internal_feeds: bool = False


def _presented(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def check_token(policy: Policy, request: Request, *, what: str) -> None:
    """Raise 401/403 unless the request carries the configured token."""
    if not policy.token:
        raise HTTPException(403, f"no write token configured: {what} is refused "
                                 "(start the server with ROLLCALL_TOKEN set)")
    given = _presented(request)
    if given is None:
        raise HTTPException(401, f"{what} needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8"), policy.token.encode("utf-8")):
        raise HTTPException(403, "wrong token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def require_write(request: Request) -> None:
    check_token(request.app.state.policy, request, what="writing")


def require_read(request: Request) -> None:
    policy: Policy = request.app.state.policy
    if policy.protect_reads:
        check_token(policy, request, what="reading")


def check_feed_url(url: str, *, allow_internal: bool) -> str:
    """The URL, stripped, if the daemon may be told to fetch it; else HTTPException(422)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise HTTPException(422, "feed url is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise HTTPException(422, "feed url must be http or https")
    if not parts.hostname:
        raise HTTPException(422, "feed url has no host")
    if parts.username or parts.password:
        raise HTTPException(422, "feed url must not carry credentials")
    if not allow_internal and is_internal_address(url):
        raise HTTPException(422, f"refusing feed url on an internal address ({parts.hostname}): "
                                 "loopback, private and link-local hosts are not fetched")
    return url
