"""When to poll a feed next: the pure policy the daemon applies after every poll.

No database and no clock of its own: every function takes the facts (the feed's row as a dict,
`now`, what the poll found) and returns numbers, so the policy is tested directly.

- A feed with `fixed_interval` is polled every `interval_s`, exactly.
- Otherwise the interval adapts to how often the feed actually publishes: half the smoothed
  gap between new entries (so a new entry waits on average a quarter of the feed's own
  rhythm), clamped to [min_interval, max_interval] (5 min .. 24 h by default). Before the
  daemon has seen the feed publish, the spread of entry dates in the document gives a first
  estimate, and before that the configured `interval_s` is used.
- What the publisher asks for is a floor: RSS `<ttl>` (minutes), `Cache-Control: max-age`,
  and on errors `Retry-After`.
- Errors back off exponentially with jitter (`ingest.fetch.next_backoff`), so feeds failing
  together do not retry together. A feed is never dropped for failing: after `failing_after`
  (a day by default) it is reported as failing by `feeds list` and `/healthz`.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, Iterable

MIN_INTERVAL = 5 * 60
MAX_INTERVAL = 24 * 3600
EWMA_ALPHA = 0.3  # weight of the newest observed gap in the smoothed mean


@dataclass(frozen=True)
class Policy:
    min_interval: float = MIN_INTERVAL
    max_interval: float = MAX_INTERVAL
    backoff_base: float = 60.0
    backoff_cap: float = 6 * 3600.0
    jitter: float = 0.1  # spread of successful re-polls, so feeds added together drift apart
    failing_after: float = 24 * 3600.0


@dataclass(frozen=True)
class Plan:
    """What to store after a successful poll."""

    next_poll_at: datetime
    interval_s: float
    mean_gap_s: float | None
    cache_s: int | None


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def observed_gap(last_new_at: datetime | None, now: datetime, new_entries: int) -> float | None:
    """Seconds per new entry since the last poll that found new ones, or None without history."""
    if last_new_at is None or new_entries <= 0:
        return None
    span = (now - last_new_at).total_seconds()
    return span / new_entries if span > 0 else None


def smooth_gap(previous: float | None, observed: float | None, alpha: float = EWMA_ALPHA) -> float | None:
    """Exponentially weighted mean of the gaps between new entries."""
    if observed is None:
        return previous
    if previous is None:
        return observed
    return alpha * observed + (1 - alpha) * previous


def gap_from_dates(published: Iterable[str | None], now: datetime) -> float | None:
    """A first estimate of the publishing gap from the entries' dates (YYYY-MM-DD or finer):
    the span from the oldest entry to now over the number of entries. None with fewer than 2
    dated entries."""
    days: list[date] = []
    for p in published:
        if not p or len(p) < 10:
            continue
        try:
            days.append(date.fromisoformat(p[:10]))
        except ValueError:
            continue
    if len(days) < 2:
        return None
    oldest = min(days)
    span = (now.date() - oldest).days * 86400.0 + 86400.0  # the oldest day counts whole
    return max(span, 0.0) / len(days)


_TTL = re.compile(rb"<(?:\w+:)?ttl>\s*(\d{1,6})\s*</(?:\w+:)?ttl>", re.I)
_MAX_AGE = re.compile(r"(?:^|[,\s])(s-maxage|max-age)\s*=\s*\"?(\d+)", re.I)


def feed_ttl(body: bytes | None) -> int | None:
    """The RSS channel's <ttl> in seconds (it is given in minutes), if the document has one."""
    if not body:
        return None
    m = _TTL.search(body[:65536])
    return int(m.group(1)) * 60 if m and int(m.group(1)) > 0 else None


def cache_max_age(cache_control: str | None) -> int | None:
    """`Cache-Control: max-age=N` (or s-maxage) in seconds; None for no-cache/no-store/absent."""
    if not cache_control:
        return None
    if re.search(r"no-store|no-cache", cache_control, re.I):
        return None
    ages = [int(m.group(2)) for m in _MAX_AGE.finditer(cache_control)]
    return max(ages) if ages and max(ages) > 0 else None


def interval_for(feed: dict[str, Any], mean_gap_s: float | None, cache_s: int | None, policy: Policy) -> float:
    """Seconds between successful polls of this feed."""
    configured = float(feed.get("interval_s") or 900)
    if feed.get("fixed_interval"):
        base = configured
    elif mean_gap_s is not None:
        base = clamp(mean_gap_s / 2.0, policy.min_interval, policy.max_interval)
    else:
        base = clamp(configured, policy.min_interval, policy.max_interval)
    if cache_s:
        # the publisher's floor, but never beyond the longest interval we allow
        base = max(base, min(float(cache_s), max(policy.max_interval, configured)))
    return base


def plan_success(feed: dict[str, Any], *, now: datetime, new_entries: int, published: Iterable[str | None] = (),
                 ttl_s: int | None = None, max_age_s: int | None = None, policy: Policy = Policy(),
                 rand: Callable[[], float] = random.random) -> Plan:
    """The schedule after a successful poll (a 304 counts, with no new entries)."""
    gap = feed.get("mean_gap_s")
    last_new = parse_time(feed.get("last_new_at"))
    observed = observed_gap(last_new, now, new_entries)
    if observed is not None:
        gap = smooth_gap(gap, observed)
    elif gap is None and new_entries > 0:
        gap = gap_from_dates(published, now)
    elif gap is not None and last_new is not None and new_entries == 0:
        # quiet for longer than the feed's usual gap: let the estimate grow with the silence
        silent = (now - last_new).total_seconds()
        if silent > gap:
            gap = smooth_gap(gap, silent)
    floors = [s for s in (ttl_s, max_age_s) if s]
    cache_s = max(floors) if floors else None
    interval = interval_for(feed, gap, cache_s, policy)
    if not feed.get("fixed_interval") and policy.jitter > 0:
        interval *= 1.0 - policy.jitter * clamp(rand(), 0.0, 1.0)
        interval = max(interval, policy.min_interval)
    return Plan(next_poll_at=now + timedelta(seconds=interval), interval_s=interval,
                mean_gap_s=gap, cache_s=cache_s)


def plan_failure(feed: dict[str, Any], *, now: datetime, retry_after: float | None = None,
                 policy: Policy = Policy(), rand: Callable[[], float] = random.random) -> datetime:
    """When to retry a feed whose poll just failed (its `failures` not yet incremented)."""
    from ingest.fetch import next_backoff  # here: importing httpx slows every CLI command

    failures = int(feed.get("failures") or 0) + 1
    delay = next_backoff(failures, retry_after, base=policy.backoff_base, cap=policy.backoff_cap, rand=rand)
    return now + timedelta(seconds=max(delay, min(policy.min_interval, policy.backoff_base)))


def feed_state(feed: dict[str, Any], now: datetime, policy: Policy = Policy()) -> str:
    """One word for `feeds list` and /healthz: new, ok, moved, retrying (failing briefly) or
    failing (no successful poll for `failing_after`, a day by default)."""
    if feed.get("moved_to"):
        return "moved"
    if not int(feed.get("failures") or 0):
        return "ok" if feed.get("last_ok_at") else "new"
    since = parse_time(feed.get("last_ok_at")) or parse_time(feed.get("added_at"))
    if since is not None and (now - since).total_seconds() >= policy.failing_after:
        return "failing"
    return "retrying"


def parse_time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
