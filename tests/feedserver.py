"""A real HTTP server on 127.0.0.1 for testing fetchers and daemons, with programmable routes.

No mocks: the code under test opens real sockets. Reusable by any test module without a
conftest (import it: `from feedserver import FeedServer, feed_server`, or `tests.feedserver`).

    server = FeedServer().start()              # threaded http.server on an ephemeral port
    server.add_route("/feed.xml", rss_bytes, headers={"Content-Type": "application/rss+xml"})
    server.add_route("/flaky", sequence(status(500), static(rss_bytes)))
    server.url("/feed.xml")                    # "http://127.0.0.1:PORT/feed.xml"
    server.requests("/flaky")                  # [Recorded(method, path, headers, at), ...]
    server.stop()

or as a pytest fixture: `def test_x(feed_server): ...` after `from feedserver import feed_server`.

A route is static bytes (+ status and headers) or a handler `fn(h: Handler) -> None` that gets
the live `BaseHTTPRequestHandler` and may do anything to the socket (drip bytes slowly, lie
about lengths, reset the connection). Helpers below build the common misbehaviours. Routes
match on the path without the query string; unknown paths get 404.
"""
from __future__ import annotations

import gzip as _gzip
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

try:
    import pytest
except ImportError:  # pragma: no cover - the module is usable without pytest
    pytest = None  # type: ignore[assignment]

__all__ = [
    "FeedServer", "Recorded", "Handler", "feed_server",
    "static", "status", "sequence", "conditional", "redirect", "slow_drip", "stall",
    "reset_connection", "gzipped", "undeclared_stream", "declared_huge", "retry_after",
]

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Recorded:
    """One request the server saw."""

    method: str
    path: str  # with query string
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    owner: FeedServer

    def handle_error(self, request: object, client_address: object) -> None:
        # Misbehaving routes (resets, cut-offs) end requests abruptly on purpose; socket errors
        # are expected. A bug in a test's handler is still printed.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet tests
        pass

    def _dispatch(self) -> None:
        owner = self.server.owner
        path = urlsplit(self.path).path
        owner._record(path, Recorded(self.command, self.path,
                                     {k.lower(): v for k, v in self.headers.items()}))
        handler = owner._routes.get(path)
        try:
            if handler is None:
                send(self, b"not found", status=404, headers={"Content-Type": "text/plain"})
            else:
                handler(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            self.close_connection = True  # the client went away; that is its right

    do_GET = _dispatch
    do_HEAD = _dispatch
    do_POST = _dispatch


def send(h: BaseHTTPRequestHandler, body: bytes = b"", *, status: int = 200,
         headers: dict[str, str] | None = None) -> None:
    """Write a complete response with a correct Content-Length."""
    h.send_response(status)
    headers = dict(headers or {})
    for name, value in headers.items():
        h.send_header(name, value)
    if not any(k.lower() == "content-length" for k in headers):
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body and h.command != "HEAD":
        h.wfile.write(body)
    h.wfile.flush()


# -- handler builders -------------------------------------------------------------------------


def static(body: bytes | str, status: int = 200, headers: dict[str, str] | None = None,
           content_type: str = "application/rss+xml; charset=utf-8") -> Handler:
    """Always the same response."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    hdrs = {"Content-Type": content_type, **(headers or {})}
    return lambda h: send(h, data, status=status, headers=hdrs)


def status(code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Handler:
    """A bare status response (500, 404, 410 ...)."""
    return static(body or f"status {code}".encode(), code, headers, "text/plain")


def retry_after(code: int, value: str) -> Handler:
    """429/503 with a Retry-After header (seconds or an HTTP date)."""
    return status(code, headers={"Retry-After": value})


def sequence(*handlers: Handler) -> Handler:
    """The n-th request gets the n-th handler; the last one repeats."""
    lock = threading.Lock()
    count = [0]

    def handle(h: BaseHTTPRequestHandler) -> None:
        with lock:
            i = min(count[0], len(handlers) - 1)
            count[0] += 1
        handlers[i](h)

    return handle


def conditional(body: bytes, etag: str | None = '"v1"', last_modified: str | None = None,
                content_type: str = "application/rss+xml") -> Handler:
    """200 with validators, or 304 when the request's If-None-Match/If-Modified-Since match."""
    last_modified = last_modified or formatdate(time.time() - 3600, usegmt=True)

    def handle(h: BaseHTTPRequestHandler) -> None:
        validators = {}
        if etag:
            validators["ETag"] = etag
        if last_modified:
            validators["Last-Modified"] = last_modified
        inm = h.headers.get("If-None-Match")
        ims = h.headers.get("If-Modified-Since")
        if (etag and inm == etag) or (not inm and last_modified and ims == last_modified):
            send(h, b"", status=304, headers=validators)
        else:
            send(h, body, headers={"Content-Type": content_type, **validators})

    return handle


def redirect(location: str, code: int = 302) -> Handler:
    return status(code, headers={"Location": location})


def slow_drip(body: bytes, delay: float = 0.2, chunk: int = 1,
              declare_length: bool = True) -> Handler:
    """Send the body `chunk` bytes at a time, `delay` seconds apart (defeats read timeouts)."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        if declare_length:
            h.send_header("Content-Length", str(len(body)))
        else:
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        h.wfile.flush()
        stop = h.server.owner._stopping  # type: ignore[attr-defined]
        for i in range(0, len(body), chunk):
            if stop.is_set():
                break
            h.wfile.write(body[i : i + chunk])
            h.wfile.flush()
            if stop.wait(delay):
                break
        h.close_connection = True

    return handle


def stall(seconds: float = 5.0, send_headers: bool = True) -> Handler:
    """Send headers (or nothing) and then go silent: the client's read timeout must fire."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        if send_headers:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", "1000")
            h.end_headers()
            h.wfile.flush()
        h.server.owner._stopping.wait(seconds)  # type: ignore[attr-defined]
        h.close_connection = True

    return handle


def reset_connection() -> Handler:
    """Read the request, then reset the TCP connection (RST, no response)."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        sock = h.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.close_connection = True
        sock.close()

    return handle


def gzipped(body: bytes, content_type: str = "application/rss+xml") -> Handler:
    """Content-Encoding: gzip (the client must decode it transparently)."""
    data = _gzip.compress(body)
    return static(data, headers={"Content-Encoding": "gzip"}, content_type=content_type)


def undeclared_stream(total: int, chunk: int = 64 * 1024, fill: bytes = b"x") -> Handler:
    """A body of `total` bytes with no Content-Length, streamed until the connection closes.

    Counts what it managed to send in `sent[0]` (attribute of the handler) so a test can check
    the client aborted early.
    """
    sent = [0]

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        block = (fill * (chunk // len(fill) + 1))[:chunk]
        stop = h.server.owner._stopping  # type: ignore[attr-defined]
        while sent[0] < total and not stop.is_set():
            h.wfile.write(block)
            sent[0] += len(block)

    handle.sent = sent  # type: ignore[attr-defined]
    return handle


def declared_huge(length: int, actual: bytes = b"<rss>") -> Handler:
    """Declares an enormous Content-Length but sends only a few bytes, then closes."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", str(length))
        h.end_headers()
        h.wfile.write(actual)
        h.wfile.flush()
        h.close_connection = True

    return handle


# -- the server ---------------------------------------------------------------------------------


class FeedServer:
    """Threaded HTTP server on 127.0.0.1:<ephemeral> with programmable routes and a request log."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._routes: dict[str, Handler] = {}
        self._log: dict[str, list[Recorded]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> FeedServer:
        if self._server is not None:
            return self
        self._stopping.clear()
        server = _Server((self.host, 0), _RequestHandler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="feedserver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the server first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def add_route(self, path: str, response: bytes | str | Handler, *, status: int = 200,
                  headers: dict[str, str] | None = None,
                  content_type: str = "application/rss+xml; charset=utf-8") -> str:
        """Serve `response` (bytes/str, or a handler) at `path`; returns the route's URL."""
        handler = response if callable(response) else static(response, status, headers,
                                                             content_type)
        with self._lock:
            self._routes[path] = handler
        return self.url(path) if self._server else path

    def remove_route(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def requests(self, path: str) -> list[Recorded]:
        """Requests seen for `path` (without query), oldest first."""
        with self._lock:
            return list(self._log.get(path, []))

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def _record(self, path: str, rec: Recorded) -> None:
        with self._lock:
            self._log.setdefault(path, []).append(rec)


if pytest is not None:

    @pytest.fixture
    def feed_server() -> Iterator[FeedServer]:
        """A started FeedServer, stopped after the test."""
        server = FeedServer().start()
        try:
            yield server
        finally:
            server.stop()
