"""The polling policy, pure: no database, no clock, no network."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rollcall.schedule import (Policy, cache_max_age, feed_state, feed_ttl, gap_from_dates, interval_for,
                               plan_failure, plan_success, smooth_gap)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
NOJIT = Policy(jitter=0.0)


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def feed(**kw):
    base = {"url": "http://x/feed", "interval_s": 900, "fixed_interval": False, "failures": 0,
            "last_new_at": None, "mean_gap_s": None, "last_ok_at": None, "added_at": iso(NOW - timedelta(days=3)),
            "moved_to": None}
    base.update(kw)
    return base


def secs(plan) -> float:
    return (plan.next_poll_at - NOW).total_seconds()


def test_without_history_the_configured_interval_is_used():
    assert secs(plan_success(feed(), now=NOW, new_entries=0, policy=NOJIT)) == 900


def test_configured_interval_is_clamped_unless_fixed():
    assert secs(plan_success(feed(interval_s=30), now=NOW, new_entries=0, policy=NOJIT)) == 300
    assert secs(plan_success(feed(interval_s=30, fixed_interval=True), now=NOW, new_entries=0, policy=NOJIT)) == 30
    assert secs(plan_success(feed(interval_s=7 * 86400), now=NOW, new_entries=0, policy=NOJIT)) == 86400


def test_interval_is_half_the_publishing_gap():
    # one new entry every 2 hours -> poll hourly
    f = feed(last_new_at=iso(NOW - timedelta(hours=2)), mean_gap_s=7200.0)
    p = plan_success(f, now=NOW, new_entries=1, policy=NOJIT)
    assert p.mean_gap_s == 7200.0 and secs(p) == 3600


def test_busy_feed_is_polled_often_but_not_below_the_minimum():
    f = feed(last_new_at=iso(NOW - timedelta(minutes=10)), mean_gap_s=120.0)
    p = plan_success(f, now=NOW, new_entries=10, policy=NOJIT)  # 60 s per entry
    assert p.mean_gap_s < 120 and secs(p) == 300


def test_quiet_feed_slows_down_to_a_day():
    f = feed(last_new_at=iso(NOW - timedelta(days=20)), mean_gap_s=10 * 86400.0)
    p = plan_success(f, now=NOW, new_entries=0, policy=NOJIT)
    assert p.mean_gap_s > 10 * 86400 and secs(p) == 86400


def test_silence_longer_than_the_usual_gap_grows_the_estimate():
    f = feed(last_new_at=iso(NOW - timedelta(hours=10)), mean_gap_s=3600.0)
    p = plan_success(f, now=NOW, new_entries=0, policy=NOJIT)
    assert p.mean_gap_s > 3600 and secs(p) > 1800


def test_first_estimate_from_entry_dates():
    dates = [(NOW - timedelta(days=d)).date().isoformat() for d in range(10)]  # one a day
    assert gap_from_dates(dates, NOW) == 86400.0
    p = plan_success(feed(), now=NOW, new_entries=10, published=dates, policy=NOJIT)
    assert secs(p) == 43200
    assert gap_from_dates(["2026-03-01"], NOW) is None
    assert gap_from_dates([None, "garbage", "2026"], NOW) is None


def test_smoothing():
    assert smooth_gap(None, 100.0) == 100.0
    assert smooth_gap(100.0, None) == 100.0
    assert 100 < smooth_gap(100.0, 200.0) < 200


def test_ttl_and_max_age_are_floors():
    assert feed_ttl(b"<rss><channel><ttl>60</ttl></channel></rss>") == 3600
    assert feed_ttl(b"<rss><channel><title>x</title></channel></rss>") is None
    assert cache_max_age("public, max-age=7200") == 7200
    assert cache_max_age("max-age=0") is None
    assert cache_max_age("no-cache, max-age=600") is None
    assert cache_max_age(None) is None
    p = plan_success(feed(), now=NOW, new_entries=0, ttl_s=3600, policy=NOJIT)
    assert secs(p) == 3600 and p.cache_s == 3600
    p = plan_success(feed(), now=NOW, new_entries=0, ttl_s=600, max_age_s=5400, policy=NOJIT)
    assert secs(p) == 5400
    # an absurd TTL is capped at the longest interval
    assert interval_for(feed(), None, 30 * 86400, NOJIT) == 86400


def test_jitter_shortens_by_at_most_its_share():
    p = plan_success(feed(interval_s=3600), now=NOW, new_entries=0, policy=Policy(jitter=0.1), rand=lambda: 1.0)
    assert secs(p) == 3240
    p = plan_success(feed(interval_s=3600, fixed_interval=True), now=NOW, new_entries=0,
                     policy=Policy(jitter=0.1), rand=lambda: 1.0)
    assert secs(p) == 3600


def test_failures_back_off_exponentially_with_jitter_and_honour_retry_after():
    pol = Policy(backoff_base=60, backoff_cap=6 * 3600)
    delays = [(plan_failure(feed(failures=n), now=NOW, policy=pol, rand=lambda: 0.0) - NOW).total_seconds()
              for n in range(0, 12)]
    assert delays[:4] == [60, 120, 240, 480]
    assert delays[-1] == 6 * 3600 and all(a <= b for a, b in zip(delays, delays[1:]))
    jittered = (plan_failure(feed(failures=3), now=NOW, policy=pol, rand=lambda: 1.0) - NOW).total_seconds()
    assert 0.7 * 480 <= jittered < 480
    ra = (plan_failure(feed(failures=0), now=NOW, retry_after=3000, policy=pol, rand=lambda: 0.0) - NOW)
    assert ra.total_seconds() == 3000


def test_states_report_long_failures_never_drop_them():
    assert feed_state(feed(), NOW) == "new"
    assert feed_state(feed(last_ok_at=iso(NOW)), NOW) == "ok"
    assert feed_state(feed(failures=3, last_ok_at=iso(NOW - timedelta(hours=2))), NOW) == "retrying"
    assert feed_state(feed(failures=40, last_ok_at=iso(NOW - timedelta(days=3))), NOW) == "failing"
    assert feed_state(feed(failures=5, last_ok_at=None, added_at=iso(NOW - timedelta(days=2))), NOW) == "failing"
    assert feed_state(feed(moved_to="http://y/feed"), NOW) == "moved"
    # a failing feed is still scheduled
    assert plan_failure(feed(failures=500), now=NOW) > NOW
