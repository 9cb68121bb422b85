"""Date expressions in news text, resolved to ISO strings at the precision the text supports.

A fact's date is as precise as its wording: "May 19, 2026" is a day, "November 2023" a month,
"in 2024" a year. Relative expressions ("yesterday", "last month", "two weeks ago") resolve
against the article's publication date and are flagged `inferred`; without a publication date
they stay unresolved (None), because guessing would put a wrong date into the log.

Everything is done with a few precompiled regexes (no dateparser call per sentence) so that
extraction stays fast; `python-dateutil`'s relativedelta does the month arithmetic.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from itertools import chain
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": None, "few": None, "couple": None}

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"(?<![\d-])({_YEAR})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])(?!\d)")),
    ("mdy", re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON}),?\s+({_YEAR})\b")),
    ("my", re.compile(rf"\b({_MON}),?\s+(?:of\s+)?({_YEAR})\b")),
    ("md", re.compile(rf"\b(?:on\s+)?({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)")),
    ("season", re.compile(rf"\b(?:(?:in|since|by|during|until|from|of)\s+)?(?:the\s+)?(early|mid|late|spring|summer|fall|autumn|winter|end of|start of|beginning of|first half of|second half of)[\s-]+(?:of\s+)?({_YEAR})\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|by|during|until|from|of|around|circa|throughout)\s+({_YEAR})\b(?!\s*[-–]?\s*(?:\d|percent|%))", re.I)),
    ("year_comma", re.compile(rf"(?:^|,\s)({_YEAR}),\s", re.I)),
    # a bare year opening a clause (translated text): "2019 she went to O", ", 2019 joined O"
    ("year_lead", re.compile(rf"(?:^|,\s+)({_YEAR})\s+(?=(?:he|she|they|we|i|joined|left|moved|went|became|founded|"
                             rf"co-founded|returned|started|was|were)\b)", re.I)),
    ("in_month", re.compile(rf"\b(?i:in|since|during|until|by|from|this|last|early|late|mid|mid-|(?:end|start|beginning|middle)\s+of)\s+({_MON})(?![\w.]|\s+\d)")),
    ("rel_day", re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|earlier today|the day before yesterday)\b", re.I)),
    # "last Friday", "effective Monday"; a bare weekday opening a past-tense sentence ("Friday
    # was my last day") is the most recent one
    ("rel_weekday", re.compile(r"(?:\b(?:(last|this|on|earlier this|late on|early on|effective|starting|next|from)\s+)|"
                               r"^[\W_]*(?=\w+day\s+(?:was|marked)\b)|"
                               # the wire's bare weekday after a reporting verb: "the company said Tuesday",
                               # "told staff Friday"; "said Friday was her last day"
                               r"\b(?:said|says|announced|confirmed|disclosed|revealed|reported|wrote|posted|told(?:\s+\w+)?)\s+(?=\w+day\b(?!['’]))|"
                               # "..., said that Friday will be his last day"
                               r"\bthat\s+(?=\w+day\s+(?:was|is|will\s+be|would\s+be|marks|marked)"
                               r"\s+(?:[\w'’]+\s+){0,2}?(?:first|last|final)\s+day\b))"
                               r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    # "at the end of the year", "by the end of this month", "at year-end": the period's last day (as
    # a company dates a departure "effective at the end of the year")
    ("rel_end", re.compile(r"\b(?:(?:at|by|toward|towards|before|until)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+(year|month|quarter)|(year|quarter)[\s-]end)\b", re.I)),
    ("rel_period", re.compile(r"\b(this|last|earlier this|late last|early last|earlier last|past|previous|later this)\s+(week|month|year|spring|summer|fall|autumn|winter)\b", re.I)),
    ("ago", re.compile(rf"\b({_NUM}|several|a few|a couple of)\s+(day|week|month|year)s?\s+ago\b", re.I)),
    # "two years later", "the following year", "a year after that": counted from the date last
    # mentioned (resolve_anaphor), as career narratives date one step from the one before
    ("later", re.compile(rf"\b(?:({_NUM}|a\s+few|a\s+couple\s+of)\s+(month|year)s?\s+(?:later|after\s+that)\b|"
                         r"the\s+(?:following|next|subsequent)\s+(month|year)\b(?!\s+(?:of|after|before)\b)|"
                         rf"the\s+(?:following|next|subsequent)\s+({_MON})(?!\w|\s+\d))", re.I)),
    ("next", re.compile(r"\b(next|coming)\s+(week|month|year)\b", re.I)),
    # "that month", "later that year", "the same month": the time last mentioned (the caller
    # resolves these against the article's previous date; see resolve_anaphor)
    ("anaphor", re.compile(rf"\b(?:(?:in|during|by|later|earlier|early|late)\s+)?(?:that|the\s+same)\s+(?:same\s+)?(?:(month|year)\b|({_MON})(?!\w|\s+\d))", re.I)),
]


# Every pattern above needs a digit, a month or weekday name, or a relative-time word: a few
# substring tests for these skip the fourteen pattern scans on sentences that state no date.
_DIGIT = re.compile(r"\d")
_CUE_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day",
              "tonight", "morning", "afternoon", "week", "month", "year", "spring", "summer", "fall",
              "autumn", "winter", "next", "coming", "quarter")


def _has_cue(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    low = text.lower()
    return any(w in low for w in _CUE_WORDS)


_YEARISH = re.compile(_YEAR)
_MONTHISH = re.compile(_MON)
_NEEDS = {"iso": "year", "mdy": "year", "dmy": "year", "my": "year", "season": "year", "year": "year",
          "year_comma": "year", "year_lead": "year", "md": "month", "in_month": "month"}


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a sentence: its span, value and how it was obtained."""

    start: int
    end: int
    date: str | None
    precision: str
    inferred: bool
    text: str
    future: bool = False
    anaphor: str | None = None   # "month" / "year" for "that month" / "that year": unresolved here


# Publication dates outside this range are not plausible anchors (and relative arithmetic on
# them could leave the calendar): such a date is ignored, as if none were given.
PUB_MIN_YEAR, PUB_MAX_YEAR = 1900, 2200


def parse_published(published: str | None) -> tuple[_dt.date | None, str]:
    """The publication date as a date object (first day of a coarser period) and precision.

    None when absent, malformed, or outside PUB_MIN_YEAR..PUB_MAX_YEAR."""
    if not published:
        return None, "unknown"
    s = published.strip()[:10]
    try:
        if len(s) >= 10:
            d, prec = _dt.date.fromisoformat(s[:10]), "day"
        elif len(s) == 7:
            d, prec = _dt.date(int(s[:4]), int(s[5:7]), 1), "month"
        elif len(s) == 4:
            d, prec = _dt.date(int(s), 1, 1), "year"
        else:
            return None, "unknown"
    except ValueError:
        return None, "unknown"
    if not PUB_MIN_YEAR <= d.year <= PUB_MAX_YEAR:
        return None, "unknown"
    return d, prec


def _fmt(d: _dt.date, precision: str) -> str:
    if precision == "day":
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}


def _coarsest(a: str, b: str) -> str:
    return a if _RANK[a] <= _RANK[b] else b


def _mon(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _month_end(y: int, m: int) -> _dt.date:
    """The last day of a month."""
    return (_dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1))


def period_bounds(d: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day a date of any precision ("2026", "2026-03", "2026-03-04") covers;
    ValueError for anything else."""
    y = int(d[:4])
    if len(d) == 4:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    m = int(d[5:7])
    if len(d) == 7:
        return _dt.date(y, m, 1), _dt.date(y, m, calendar.monthrange(y, m)[1])
    day = _dt.date(y, m, int(d[8:10]))
    return day, day


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """All date expressions in `text`, non-overlapping, leftmost-longest first.

    Relative expressions resolve against `published`; when it is None they are returned with
    date None so callers know a date was stated but cannot be placed.
    """
    if not _has_cue(text):
        return []
    pub, pub_prec = parse_published(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    has_year = bool(_YEARISH.search(text))
    has_month = bool(_MONTHISH.search(text))
    low = text.lower()
    has_step = "later" in low or "following" in low or "next" in low or "subsequent" in low or "after that" in low
    for kind, pat in _PATTERNS:
        need = _NEEDS.get(kind)
        if (need == "year" and not has_year) or (need == "month" and not has_month) or (kind == "later" and not has_step) \
                or (kind == "rel_end" and "end" not in low):
            continue
        for m in pat.finditer(text):
            a, b = _span(kind, m)
            if not free(a, b):
                continue
            dm = _interpret(kind, m, pub, pub_prec)
            if dm is None:
                continue
            taken.append((a, b))
            found.append(dm)
    found.sort(key=lambda d: d.start)
    return found


_FUTURE_CUE = re.compile(r"\b(?:will|'ll|shall|is\s+(?:expected|set|due|scheduled)\s+to|are\s+(?:expected|set|due|scheduled)\s+to|"
                         r"(?:is|are)\s+(?:joining|starting|leaving|taking\s+over|retiring|stepping\s+(?:down|aside)|departing|moving|returning)|"
                         r"effective|starting|plans?\s+to|planning\s+to|intends?\s+to|intention\s+to|expects\s+to)\b[^.;]{0,160}$", re.I)


_PAST_RELATIVE = re.compile(r"\b(?:who|which|where|after|since)\s+(?:[\w-]+\s+){0,3}?(?:had\s+|has\s+)?"
                            r"(?:came|went|left|joined|took|began|spent|was|were|moved|arrived|quit|resigned|departed)\b[^.;]*$", re.I)
# a present tense that schedules: "starts at O on May 4", "joins on June 2"
_PRESENT_SOON = re.compile(r"\b(?:starts|begins|joins|takes\s+over|takes\s+up|steps\s+down|leaves|retires|arrives|"
                           r"(?:they|both|two|pair|duo)\s+(?:start|begin|join|arrive))\b[^.;]{0,40}$", re.I)
_FRONTED_FUTURE = re.compile(r"\s*,?\s*(?:[\w'’.-]+\s+){0,5}?(?:will|is\s+(?:set|due|expected)\s+to|are\s+(?:set|due|expected)\s+to)\b", re.I)
_WOULD = re.compile(r"\bwould\b[^.;]{0,60}$", re.I)


def _future_context(m: re.Match[str]) -> bool:
    """The clause before a year-less date speaks of the future ("will join ... in April")."""
    before = m.string[max(0, m.start() - 170):m.start()]
    if re.search(r"\b(?:said|says|announced|confirmed|told\s+\w+|wrote|posted|reported|added)\s*(?:on\s*)?$", before, re.I):
        return False   # "..., the companies said on Monday": the time of the report
    if not before.strip(" \t\n\"“*_-") or re.search(r"[.;:!?]\s*$", before):
        # a fronted date: "In March, O will add P as ...": the clause after it sets the tense
        return bool(_FRONTED_FUTURE.match(m.string, m.end()))
    fm = _FUTURE_CUE.search(before)
    if fm and _PAST_RELATIVE.search(before, fm.start()):
        return False   # "will report to P, who came over from O in March": the relative clause's past
    return bool(fm)


def _span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """The date's own span: a bare weekday leaves the reporting verb before it ("said Tuesday") in
    the text, where the reporting and scope rules read it."""
    if kind == "rel_weekday" and m.group(1) is None:
        return m.start(2), m.end()
    return m.span()


def _interpret(kind: str, m: re.Match[str], pub: _dt.date | None, pub_prec: str) -> DateMention | None:
    a, b = _span(kind, m)
    txt = m.string[a:b]

    def mk(date: str | None, prec: str, inferred: bool, future: bool = False) -> DateMention:
        return DateMention(a, b, date, prec if date else "unknown", inferred, txt, future)

    if kind == "iso":
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return mk(d.isoformat(), "day", False) if d else None
    if kind == "mdy":
        d = _safe_date(int(m.group(3)), _mon(m.group(1)), int(m.group(2)))
        return mk(d.isoformat(), "day", False) if d else None
    if kind == "dmy":
        d = _safe_date(int(m.group(3)), _mon(m.group(2)), int(m.group(1)))
        return mk(d.isoformat(), "day", False) if d else None
    if kind == "my":
        return mk(f"{int(m.group(2)):04d}-{_mon(m.group(1)):02d}", "month", False)
    if kind == "season":
        # "the end of 2025" names the year's last month, "the start of 2025" its first
        edge = {"end of": "12", "start of": "01", "beginning of": "01"}.get(m.group(1).lower())
        if edge == "12":
            return mk(f"{m.group(2)}-12-31", "day", False)   # the year's last day, as releases mean it
        if edge:
            return mk(f"{m.group(2)}-{edge}", "month", False)
        return mk(m.group(2), "year", False)
    if kind in ("year", "year_comma", "year_lead"):
        return mk(m.group(1), "year", False)
    if kind == "md":
        if m.group(1).lower().rstrip(".") == "may" and not m.group(1)[:1].isupper():   # "may 5" is a modal
            return None
        if pub is None:
            return mk(None, "unknown", True)
        mon, day = _mon(m.group(1)), int(m.group(2))
        y = pub.year if (mon, day) <= (pub.month, pub.day) or pub_prec == "year" else pub.year - 1
        if _future_context(m) and pub_prec != "year" and (mon, day) < (pub.month, pub.day):
            y = pub.year + 1   # "she will start on April 15": the next April 15
        elif _future_context(m) and pub_prec != "year":
            y = pub.year
        elif pub_prec == "day" and (mon, day) > (pub.month, pub.day) and (
                mon - pub.month <= 4 and _PRESENT_SOON.search(m.string[max(0, m.start() - 60):m.start()])
                or (_safe_date(pub.year, mon, day) or pub) - pub <= _dt.timedelta(days=21)):
            # "he starts at O on May 4" (reported in April), "on March 30" (reported March 24): the
            # coming one, not the one nearly a year back
            y = pub.year
        d = _safe_date(y, mon, day)
        return mk(d.isoformat(), "day", True) if d else None
    if kind == "in_month":
        word = m.group(0).split()[0].lower()
        mon = _mon(m.group(1))
        if m.group(1) == "May" and word == "in" and False:
            return None
        if pub is None:
            return mk(None, "unknown", True)
        if word == "last":
            y = pub.year - 1 if mon >= pub.month else pub.year
        elif word == "this":
            y = pub.year
        elif _future_context(m) and pub_prec != "year":
            y = pub.year if mon >= pub.month else pub.year + 1   # "will join in April"
        elif mon > pub.month and pub_prec != "year" and (_WOULD.search(m.string[max(0, m.start() - 90):m.start()]) or mon - pub.month <= 4
                                                          and _PRESENT_SOON.search(m.string[max(0, m.start() - 60):m.start()])):
            y = pub.year   # "said she would step down in June" (reported in April), "he starts in April" (in March)
        else:
            y = pub.year if mon <= pub.month else pub.year - 1
        if word == "end":   # "at the end of March": its last day
            return mk(_month_end(y, mon).isoformat(), "day", True)
        return mk(f"{y:04d}-{mon:02d}", "month", True)
    if kind == "rel_end":
        if pub is None:
            return mk(None, "unknown", True)
        unit = (m.group(1) or m.group(2)).lower()
        if unit == "quarter":   # "at the end of the quarter": the calendar quarter the article is in
            d = _month_end(pub.year, (pub.month - 1) // 3 * 3 + 3)
        else:
            d = _dt.date(pub.year, 12, 31) if unit == "year" else _month_end(pub.year, pub.month)
        return mk(d.isoformat(), "day", True, d > pub)
    if kind == "rel_day":
        w = m.group(1).lower()
        if pub is None:
            return mk(None, "unknown", True)
        delta = {"yesterday": 1, "the day before yesterday": 2}.get(w, 0)
        d = pub - _dt.timedelta(days=delta)
        return mk(_fmt(d, _coarsest("day", pub_prec)), _coarsest("day", pub_prec), True)
    if kind == "rel_weekday":
        if pub is None:
            return mk(None, "unknown", True)
        which, wd = (m.group(1) or "").lower(), WEEKDAYS[m.group(2).lower()]
        if not which and re.match(r"\s+(?:is|will\s+be|would\s+be)\b", m.string[m.end():], re.I):
            # "Friday will be her last day": the coming one (today's when it is today)
            d = pub + _dt.timedelta(days=(wd - pub.weekday()) % 7)
            return mk(_fmt(d, _coarsest("day", pub_prec)), _coarsest("day", pub_prec), True, d > pub)
        if which in ("effective", "starting", "next", "from") or (which == "on" and _future_context(m)):
            # "effective Monday", "will start on Monday": the coming one
            ahead = (wd - pub.weekday()) % 7 or 7
            d = pub + _dt.timedelta(days=ahead)
            return mk(_fmt(d, _coarsest("day", pub_prec)), _coarsest("day", pub_prec), True, True)
        back = (pub.weekday() - wd) % 7
        if which == "last" and back == 0:
            back = 7
        d = pub - _dt.timedelta(days=back)
        return mk(_fmt(d, _coarsest("day", pub_prec)), _coarsest("day", pub_prec), True)
    if kind == "rel_period":
        if pub is None:
            return mk(None, "unknown", True)
        which, unit = m.group(1).lower(), m.group(2).lower()
        last = "last" in which or which in ("past", "previous")
        if unit == "week":
            d = pub - _dt.timedelta(days=7 if last else 0)
            return mk(_fmt(d, _coarsest("month", pub_prec)), _coarsest("month", pub_prec), True)
        if unit == "month":
            d = pub - relativedelta(months=1 if last else 0)
            return mk(_fmt(d, _coarsest("month", pub_prec)), _coarsest("month", pub_prec), True)
        y = pub.year - (1 if last else 0)
        return mk(f"{y:04d}", "year", True)
    if kind == "ago":
        n = NUMBERS.get(m.group(1).lower(), None) if not m.group(1).isdigit() else int(m.group(1))
        unit = m.group(2).lower()
        if pub is None or n is None:
            return mk(None, "unknown", True)
        if unit == "day":
            d, prec = pub - _dt.timedelta(days=n), "day"
        elif unit == "week":
            d, prec = pub - _dt.timedelta(days=7 * n), "month"
        elif unit == "month":
            d, prec = pub - relativedelta(months=n), "month"
        else:
            d, prec = pub - relativedelta(years=n), "year"
        prec = _coarsest(prec, pub_prec)
        return mk(_fmt(d, prec), prec, True)
    if kind == "anaphor":
        if m.group(2):   # "that August": that month of the year last mentioned
            return DateMention(a, b, None, "unknown", True, txt, False, f"in {_mon(m.group(2))}")
        return DateMention(a, b, None, "unknown", True, txt, False, m.group(1).lower())
    if kind == "later":
        if m.group(4):   # "the following March": that month's next occurrence
            return DateMention(a, b, None, "unknown", True, txt, False, f"next {_mon(m.group(4))}")
        w = (m.group(1) or "one").lower()
        n = int(w) if w.isdigit() else NUMBERS.get(w.split()[-1]) if not w.startswith("a ") else None
        if not n:
            return None   # "a few years later": no amount to count
        return DateMention(a, b, None, "unknown", True, txt, False, f"+{n} {(m.group(2) or m.group(3)).lower()}")
    if kind == "next":
        if pub is None:
            return DateMention(a, b, None, "unknown", True, txt, True)
        unit = m.group(2).lower()
        d = pub + (relativedelta(months=1) if unit == "month" else relativedelta(years=1) if unit == "year" else relativedelta(weeks=1))
        prec = _coarsest("year" if unit == "year" else "month", pub_prec)
        return DateMention(a, b, _fmt(d, prec), prec, True, txt, True)
    return None


_OFFSET = re.compile(rf"\b({_NUM}|several|a few)\s+(day|week|month|year)s?\s+(after|before|later|earlier)\b", re.I)


def resolve_anaphor(d: DateMention, antecedent: DateMention | None) -> DateMention:
    """ "that month" / "that year" read as the month or year of the date mentioned before it."""
    if d.anaphor is None or antecedent is None or not antecedent.date:
        return d
    if d.anaphor.startswith("in "):
        return DateMention(d.start, d.end, f"{antecedent.date[:4]}-{int(d.anaphor[3:]):02d}", "month", True, d.text,
                           antecedent.future, d.anaphor)
    if d.anaphor.startswith("next "):
        mon = int(d.anaphor.split()[1])
        y = int(antecedent.date[:4])
        y += 1 if len(antecedent.date) < 7 or int(antecedent.date[5:7]) >= mon else 0
        return DateMention(d.start, d.end, f"{y:04d}-{mon:02d}", "month", True, d.text, antecedent.future, d.anaphor)
    if d.anaphor.startswith("+"):
        # "two years later": the antecedent moved on, never finer than the step ("a year later")
        n, unit = d.anaphor[1:].split()
        date, prec = shift(antecedent.date, int(n), unit)
        return DateMention(d.start, d.end, date, prec, True, d.text, antecedent.future, d.anaphor)
    prec = _coarsest(d.anaphor, precision_of_str(antecedent.date))
    if prec != d.anaphor:
        return d   # "that month" after a bare year: no month to take
    date = antecedent.date[:7] if prec == "month" else antecedent.date[:4]
    return DateMention(d.start, d.end, date, prec, True, d.text, antecedent.future, d.anaphor)


def offset_expression(text: str) -> tuple[int, str, int] | None:
    """A relative-to-event offset such as "seven months after": (amount, unit, sign), or None."""
    m = _OFFSET.search(text)
    if not m:
        return None
    w = m.group(1).lower()
    n = int(w) if w.isdigit() else NUMBERS.get(w)
    if not n:
        return None
    sign = 1 if m.group(3).lower() in ("after", "later") else -1
    return n, m.group(2).lower(), sign


def shift(date: str, amount: int, unit: str) -> tuple[str, str]:
    """Move an ISO date by a signed amount of days/weeks/months/years, keeping precision."""
    d, prec = parse_published(date)
    if d is None:
        return date, precision_of_str(date)
    if unit == "day":
        d2 = d + _dt.timedelta(days=amount)
    elif unit == "week":
        d2 = d + _dt.timedelta(days=7 * amount)
        prec = _coarsest("month", prec)
    elif unit == "month":
        d2 = d + relativedelta(months=amount)
        prec = _coarsest("month", prec)
    else:
        d2 = d + relativedelta(years=amount)
        prec = "year"
    return _fmt(d2, prec), prec


def precision_of_str(date: str | None) -> str:
    """Precision of an ISO date string from its length."""
    if not date:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown")


_URL_DATE = re.compile(rf"(?<!\d)({_YEAR})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])(?!\d)")
_DATELINE = re.compile(r"^\s*(?:published|posted|updated|date|dated)\b[:\s]*(.{0,60})$", re.I | re.M)
# a wire or release dateline: "SEATTLE--(BUSINESS WIRE)--March 9, 2026--", "SEATTLE, Aug 10, 2026 —"
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z.]{1,15})?\s*(?:--\s*\([^()\n]{1,40}\)\s*--|,)\s*(.{6,40})", re.M)


def infer_published(title: str, text: str) -> str | None:
    """A publication date for an article without metadata, read from its own text.

    A dateline ("Published: ...") wins. Otherwise the latest explicit full date the article
    states (in prose or in a URL it cites) is taken as the day it was written; when the text
    says "yesterday" in a sentence that does not itself carry that date, the article was
    written the day after (an embedded post dated D, "announced yesterday" => D+1).
    Returns None when the text states no full date.
    """
    full = f"{title}\n{text}"
    for m in chain(_DATELINE.finditer(full), _WIRE_DATELINE.finditer(full)):
        wire = m.re is _WIRE_DATELINE   # (the date must open a wire dateline's tail, not sit in its prose)
        ds = [d for d in find_dates(m.group(1)) if d.precision == "day" and d.date and (not wire or d.start <= 3)]
        if ds:
            return ds[0].date
    best: _dt.date | None = None
    best_pos = -1
    for d in find_dates(full):
        if d.precision == "day" and d.date and not d.inferred:
            dd = _dt.date.fromisoformat(d.date)
            if best is None or dd > best:
                best, best_pos = dd, d.start
    if best is None:
        for m in _URL_DATE.finditer(full):
            dd = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if dd and (best is None or dd > best):
                best, best_pos = dd, m.start()
    if best is None:
        return None
    for m in re.finditer(r"\byesterday\b", full, re.I):
        # the sentence around "yesterday"
        s = max(full.rfind(".", 0, m.start()), full.rfind("\n", 0, m.start()))
        e_candidates = [x for x in (full.find(".", m.end()), full.find("\n", m.end())) if x != -1]
        e = min(e_candidates) if e_candidates else len(full)
        if not (s < best_pos < e):
            return (best + _dt.timedelta(days=1)).isoformat()
    return best.isoformat()
