"""The daemon's settings: a TOML file (`rollcall.toml`), then environment variables, then the
command line, each overriding the one before.

    [database]
    url = "sqlite:////data/rollcall.db"      # or postgresql+psycopg://user@host/db

    [http]
    host = "127.0.0.1"
    port = 8080
    enabled = true
    token = "..."                          # bearer token for writes (and reads if protect_reads)
    protect_reads = false

    [seeds]
    folders = ["seeds", "/srv/news"]       # relative to this file's folder
    scan_every = "5m"

    [polling]
    tick = "15s"                           # how often the feeds table is checked for due feeds
    concurrency = 16                       # fetches in flight
    per_host = 4
    lease = "10m"                          # how long a claimed feed stays with this daemon
    min_interval = "5m"                    # adaptive intervals are clamped to [min, max]
    max_interval = "24h"
    backoff_base = "1m"                    # first retry after an error; doubles up to backoff_cap
    backoff_cap = "6h"
    failing_after = "1d"                   # no success for this long: reported as failing
    allow_internal_feeds = false           # refuse feeds on loopback/private addresses
    full_text_concurrency = 4
    max_entries = 5000
    attempts = 3                           # tries per fetch (5xx, network errors) within `deadline`
    connect_timeout = "10s"
    read_timeout = "30s"
    deadline = "60s"

    [[feeds]]                              # added to the feeds table at start
    url = "https://example.com/feed.xml"
    every = "15m"
    fixed = false
    full_text = false

    [jobs]
    catch_up_every = "30s"
    maintenance_every = "6h"

    [logging]
    format = "text"                        # or "json": one object per line
    level = "info"

Durations are strings (`30s`, `15m`, `1h`, `1d`) or numbers of seconds (fractions allowed, for
tests). Environment: ROLLCALL_CONFIG (the file), ROLLCALL_DB, ROLLCALL_HOST, ROLLCALL_PORT,
ROLLCALL_TOKEN, ROLLCALL_SEEDS (folders, separated by the OS path separator),
ROLLCALL_CONCURRENCY, ROLLCALL_LEASE, ROLLCALL_POLL_TICK, ROLLCALL_MIN_INTERVAL,
ROLLCALL_ALLOW_INTERNAL_FEEDS, ROLLCALL_LOG_FORMAT, ROLLCALL_LOG_LEVEL, ROLLCALL_WORKER_ID.
"""
from __future__ import annotations

import os
import re
import socket
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from rollcall.schedule import Policy

DEFAULT_PORT = 8080


class ConfigError(Exception):
    """A bad setting; the message names it."""


@dataclass(frozen=True)
class FeedSpec:
    url: str
    every_s: int = 900
    fixed: bool = False
    full_text: bool = False


@dataclass(frozen=True)
class Config:
    db_url: str | None = None
    source: str | None = None  # the config file read, if any
    seeds: tuple[str, ...] = ()
    seeds_default: bool = False  # the bundled seeds/ folder, chosen because nothing was configured
    seed_scan_s: float = 300.0
    feeds: tuple[FeedSpec, ...] = ()
    poll_tick_s: float = 15.0
    concurrency: int = 16
    per_host: int = 4
    lease_s: float = 600.0
    policy: Policy = field(default_factory=Policy)
    allow_internal_feeds: bool = False
    full_text_concurrency: int = 4
    max_entries: int = 5000
    fetch_connect_timeout: float = 10.0
    fetch_read_timeout: float = 30.0
    fetch_deadline: float = 60.0
    fetch_attempts: int = 3
    catch_up_s: float = 30.0
    maintenance_s: float = 6 * 3600.0
    http_enabled: bool = True
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str | None = None
    protect_reads: bool = False
    log_format: str = "text"
    log_level: str = "info"
    worker_id: str = ""


_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(value: Any, name: str) -> float:
    """'15m', '1h', '2d', '500ms', or a number of seconds -> seconds (> 0)."""
    if isinstance(value, bool):
        raise ConfigError(f"{name}: {value!r} is not a duration like 30s, 15m, 1h")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|[smhd]?)\s*", str(value))
        if not m:
            raise ConfigError(f"{name}: {value!r} is not a duration like 30s, 15m, 1h")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds <= 0:
        raise ConfigError(f"{name}: {value!r} must be more than zero")
    return seconds


def _bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("1", "true", "yes", "on"):
        return True
    if s in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{name}: {value!r} is not true or false")


def _int(value: Any, name: str, low: int = 1, high: int = 1 << 30) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: {value!r} is not a whole number") from None
    if not low <= n <= high:
        raise ConfigError(f"{name}: {n} is not between {low} and {high}")
    return n


def _table(doc: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    t = doc.get(key, {})
    if not isinstance(t, Mapping):
        raise ConfigError(f"[{key}] must be a table")
    return t


def bundled_seeds() -> Path | None:
    """The project checkout's own seeds/ folder (beside the rollcall package), if there is one."""
    folder = Path(__file__).resolve().parent.parent / "seeds"
    return folder if folder.is_dir() else None


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def load(path: str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the file (from `path`, ROLLCALL_CONFIG, or ./rollcall.toml if present), then env."""
    env = os.environ if env is None else env
    path = path or env.get("ROLLCALL_CONFIG") or None
    doc: dict[str, Any] = {}
    base = Path.cwd()
    source = None
    if path is None and Path("rollcall.toml").is_file():
        path = "rollcall.toml"
    if path is not None:
        p = Path(path).expanduser()
        try:
            doc = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} not found") from None
        except OSError as exc:
            raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        base = p.resolve().parent
        source = str(p)
    known = {"database", "http", "seeds", "polling", "feeds", "jobs", "logging", "worker_id"}
    unknown = sorted(set(doc) - known)
    if unknown:
        raise ConfigError(f"unknown section(s) in {source}: {', '.join(unknown)} "
                          f"(expected {', '.join(sorted(known))})")

    db = _table(doc, "database")
    http = _table(doc, "http")
    seeds = _table(doc, "seeds")
    polling = _table(doc, "polling")
    jobs = _table(doc, "jobs")
    logging_ = _table(doc, "logging")

    folders_raw = seeds.get("folders", [])
    if isinstance(folders_raw, str):
        folders_raw = [folders_raw]
    folders = [str((base / Path(str(f)).expanduser()).resolve()) if not Path(str(f)).expanduser().is_absolute()
               else str(Path(str(f)).expanduser()) for f in folders_raw]

    feeds: list[FeedSpec] = []
    raw_feeds = doc.get("feeds", [])
    if not isinstance(raw_feeds, list):
        raise ConfigError("feeds must be an array of tables: [[feeds]] url = \"...\"")
    for i, f in enumerate(raw_feeds):
        if isinstance(f, str):
            f = {"url": f}
        if not isinstance(f, Mapping) or not isinstance(f.get("url"), str):
            raise ConfigError(f"feeds[{i}] needs a url")
        every = f.get("every", f.get("interval", "15m"))
        every_s = max(1, round(duration(every, f"feeds[{i}].every")))
        feeds.append(FeedSpec(url=f["url"].strip(), every_s=every_s, fixed=_bool(f.get("fixed", False), "fixed"),
                              full_text=_bool(f.get("full_text", False), "full_text")))

    d = Policy()
    policy = Policy(
        min_interval=duration(polling.get("min_interval", d.min_interval), "polling.min_interval"),
        max_interval=duration(polling.get("max_interval", d.max_interval), "polling.max_interval"),
        backoff_base=duration(polling.get("backoff_base", d.backoff_base), "polling.backoff_base"),
        backoff_cap=duration(polling.get("backoff_cap", d.backoff_cap), "polling.backoff_cap"),
        failing_after=duration(polling.get("failing_after", d.failing_after), "polling.failing_after"),
    )
    cfg = Config(
        db_url=db.get("url"),
        source=source,
        seeds=tuple(folders),
        seed_scan_s=duration(seeds.get("scan_every", 300), "seeds.scan_every"),
        feeds=tuple(feeds),
        poll_tick_s=duration(polling.get("tick", 15), "polling.tick"),
        concurrency=_int(polling.get("concurrency", 16), "polling.concurrency", 1, 1000),
        per_host=_int(polling.get("per_host", 4), "polling.per_host", 1, 1000),
        lease_s=duration(polling.get("lease", 600), "polling.lease"),
        policy=policy,
        allow_internal_feeds=_bool(polling.get("allow_internal_feeds", False), "polling.allow_internal_feeds"),
        full_text_concurrency=_int(polling.get("full_text_concurrency", 4), "polling.full_text_concurrency", 1, 100),
        max_entries=_int(polling.get("max_entries", 5000), "polling.max_entries", 1, 1_000_000),
        fetch_connect_timeout=duration(polling.get("connect_timeout", 10), "polling.connect_timeout"),
        fetch_read_timeout=duration(polling.get("read_timeout", 30), "polling.read_timeout"),
        fetch_deadline=duration(polling.get("deadline", 60), "polling.deadline"),
        fetch_attempts=_int(polling.get("attempts", 3), "polling.attempts", 1, 10),
        catch_up_s=duration(jobs.get("catch_up_every", 30), "jobs.catch_up_every"),
        maintenance_s=duration(jobs.get("maintenance_every", 6 * 3600), "jobs.maintenance_every"),
        http_enabled=_bool(http.get("enabled", True), "http.enabled"),
        host=str(http.get("host", "127.0.0.1")),
        port=_int(http.get("port", DEFAULT_PORT), "http.port", 0, 65535),
        token=http.get("token") or None,
        protect_reads=_bool(http.get("protect_reads", False), "http.protect_reads"),
        log_format=str(logging_.get("format", "text")),
        log_level=str(logging_.get("level", "info")),
        worker_id=str(doc.get("worker_id", "")),
    )
    return apply_env(cfg, env)


def apply_env(cfg: Config, env: Mapping[str, str]) -> Config:
    def get(name: str) -> str | None:
        v = env.get(name)
        return v if v not in (None, "") else None

    changes: dict[str, Any] = {}
    if get("ROLLCALL_DB"):
        changes["db_url"] = get("ROLLCALL_DB")
    if get("ROLLCALL_HOST"):
        changes["host"] = get("ROLLCALL_HOST")
    if get("ROLLCALL_PORT"):
        changes["port"] = _int(get("ROLLCALL_PORT"), "ROLLCALL_PORT", 0, 65535)
    if get("ROLLCALL_TOKEN"):
        changes["token"] = get("ROLLCALL_TOKEN")
    if get("ROLLCALL_SEEDS"):
        changes["seeds"] = tuple(str(Path(p).expanduser().resolve())
                                 for p in get("ROLLCALL_SEEDS").split(os.pathsep) if p)  # type: ignore[union-attr]
    if get("ROLLCALL_CONCURRENCY"):
        changes["concurrency"] = _int(get("ROLLCALL_CONCURRENCY"), "ROLLCALL_CONCURRENCY", 1, 1000)
    if get("ROLLCALL_LEASE"):
        changes["lease_s"] = duration(get("ROLLCALL_LEASE"), "ROLLCALL_LEASE")
    if get("ROLLCALL_POLL_TICK"):
        changes["poll_tick_s"] = duration(get("ROLLCALL_POLL_TICK"), "ROLLCALL_POLL_TICK")
    if get("ROLLCALL_MIN_INTERVAL"):
        changes["policy"] = replace(cfg.policy, min_interval=duration(get("ROLLCALL_MIN_INTERVAL"),
                                                                      "ROLLCALL_MIN_INTERVAL"))
    if get("ROLLCALL_ALLOW_INTERNAL_FEEDS"):
        changes["allow_internal_feeds"] = _bool(get("ROLLCALL_ALLOW_INTERNAL_FEEDS"), "ROLLCALL_ALLOW_INTERNAL_FEEDS")
    if get("ROLLCALL_LOG_FORMAT"):
        changes["log_format"] = get("ROLLCALL_LOG_FORMAT")
    if get("ROLLCALL_LOG_LEVEL"):
        changes["log_level"] = get("ROLLCALL_LOG_LEVEL")
    if get("ROLLCALL_WORKER_ID"):
        changes["worker_id"] = get("ROLLCALL_WORKER_ID")
    cfg = replace(cfg, **changes)
    if cfg.log_format not in ("text", "json"):
        raise ConfigError(f"log format {cfg.log_format!r}: expected text or json")
    if cfg.policy.min_interval > cfg.policy.max_interval:
        raise ConfigError("polling.min_interval is longer than polling.max_interval")
    return cfg
