"""Publication dates from metadata, as every source writes them: ISO strings, RFC 822, epoch
seconds, "2026", "March 3, 2026", "3 mars 2026", datetime objects. One function for seed
files, feeds and fetched pages alike, so an article's date means the same wherever it came
from. Dates in the prose are `ingest.dates`' job, not this module's.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from typing import Any

__all__ = ["normalize_date", "METADATA_DATE_LANGUAGES"]

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})\s*$")
_EPOCH = re.compile(r"^\s*-?\d{9,13}(\.\d+)?\s*$")
_MIN_YEAR, _MAX_YEAR = 1900, 2200


def _sane(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


def _from_datetime(value: dt.datetime) -> str | None:
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%d") if _sane(value.year) else None


def _from_epoch(seconds: float) -> str | None:
    if abs(seconds) > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000.0
    try:
        return _from_datetime(dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc))
    except (OverflowError, OSError, ValueError):
        return None


def _parse_with_dateutil(text: str) -> str | None:
    from dateutil import parser as dateutil_parser

    # Parse twice with different defaults: a field that changes with the default was not in
    # the input, so "March 2026" stays month-precise instead of becoming the 1st.
    try:
        a = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        b = dateutil_parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if a.year != b.year:
        return None  # no year given: a date without a year is not a publication date
    if a.month != b.month:
        return f"{a.year:04d}" if _sane(a.year) else None
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}" if _sane(a.year) else None
    return _from_datetime(a)


METADATA_DATE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "ru", "zh", "ja", "ko")


def _parse_with_dateparser(text: str) -> str | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    try:
        value = dateparser.parse(
            text,
            # A fixed set: with all 200+ locales, the first text that looks like a new language
            # loads that locale's data mid-batch (seconds); these load once, on first use.
            languages=list(METADATA_DATE_LANGUAGES),
            settings={
                # Relative dates ("yesterday") in metadata have no anchor we can trust.
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["year", "month", "day"],
                "RETURN_AS_TIMEZONE_AWARE": False,
                "TO_TIMEZONE": "UTC",
            },
        )
    except Exception:  # dateparser raises a zoo of errors on garbage
        return None
    return _from_datetime(value) if value is not None else None


def normalize_date(value: Any) -> str | None:
    """A metadata date in any common shape -> `YYYY-MM-DD` (or `YYYY-MM` / `YYYY`), else None.

    Accepts ISO 8601, RFC 822/1123 (feeds, HTTP), "March 3, 2026", "3 mars 2026", epoch
    seconds or milliseconds, datetime/date/struct_time. A time-zone-aware timestamp gives its
    UTC date (what "published on" means across time zones); a naive one is taken as given.
    Only what the value states is kept: "2026-03" stays month-precise. Garbage, relative
    phrases and years outside 1900-2200 give None, never an exception.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _from_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat() if _sane(value.year) else None
    if isinstance(value, time.struct_time):
        try:
            return _from_epoch(calendar.timegm(value))
        except (OverflowError, ValueError):
            return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 200:
        return None
    if m := _YEAR.match(text):
        return m.group(1) if _sane(int(m.group(1))) else None
    if m := _YEAR_MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        return f"{year:04d}-{month:02d}" if _sane(year) and 1 <= month <= 12 else None
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    if not re.search(r"\d", text):
        return None  # "yesterday", "n/a", "unknown"
    return _parse_with_dateutil(text) or _parse_with_dateparser(text)
