"""Stints told by their length: "spent six years at DeepMind before joining Anthropic in 2024",
"left Google in 2022 after eight years there", "after nearly a decade at Microsoft", "a
three-year stint at Meta that ended in March", "in his first week at xAI".

A length is no date, but with the date the stint ended it gives the date it began: the date of
a join the article states without one ("She joined Google out of her PhD ... left in 2022 after
eight years there"). A join the article never states is not made up from a length: the gold
files of every development corpus leave such joins out (tried: precision fell in all of them).
A stated end is a departure of its own ("that ended in March"), and "in his first week at O"
a join just made, dated by the article. The end is the departure the article dates (the move in the same
sentence, "before joining B in 2024", or a dated departure from that org anywhere), or the
end the phrase itself gives ("that ended in March", a departure of its own). A departure told
as what came before joining B ("Before joining Stanford, he spent two years at Microsoft") ends
when the article says B was joined. The start is
counted back by the length at year precision (dates.shift): a length in years says nothing
finer. "Nearly", "over" and "more than" round to the number told, as the text does.
Read over marked strings (see marking.py), after the clause rules, before the article rules.
"""
from __future__ import annotations

import re

from .dates import NUMBERS, DateMention, parse_published, shift
from .extract_types import Raw, SentInfo
from .lexicon import FILL, _clause_prefix, _neg

_N = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_Q = r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|over|just\s+over|just\s+under|close\s+to)\s+)?"
# "six years", "a decade", "two decades", "18 months"; the adjective form "three-year", "decade-long"
_DUR = rf"{_Q}(?P<n>{_N})\s+(?P<u>years?|decades?|months?)"
_DUR_ADJ = rf"{_Q}(?:(?P<an>{_N})[-\s](?P<au>year|decade|month)(?:-long)?|(?P<dl>decade)-long)"
_STINT = r"(?:stint|spell|tenure|run|career|stay|term)"
_AT_ORG = rf"(?:(?:at|with|in)\s+{FILL}«O(?P<o>\d+)»|«O(?P<there>\d+)»)"

# "P spent six years at O", "P ... spent six years there"
_SPENT = re.compile(rf"«[PQ](?P<p>\d+)»(?:[^«.;]|«D\d+»|«O\d+»){{0,60}}?\bspent\s+{_DUR}\s+{_AT_ORG}", re.I)
# "after four years at O", "after a three-year stint at O", "after eight years there",
# "following a decade-long run at O that ended in March"
_AFTER = re.compile(rf"\b(?:after|following|ending|capping)\s+(?:{_DUR}|an?\s+{_DUR_ADJ}\s+{_STINT})\s+{_AT_ORG}"
                    rf"(?:\s*,?\s*(?:that|which)\s+(?:ended|finished|wrapped\s+up)\s+(?:in\s+|on\s+)?«D(?P<end>\d+)»)?", re.I)
# "a three-year stint at Meta that ended in March" (no "after")
_ENDED = re.compile(rf"\ban?\s+{_DUR_ADJ}\s+{_STINT}\s+(?:at|with)\s+{FILL}«O(?P<o>\d+)»\s*,?\s*(?:that|which)\s+"
                    rf"(?:ended|finished|wrapped\s+up)\s+(?:in\s+|on\s+)?«D(?P<end>\d+)»", re.I)
# "left O this week after nearly a decade"
_LEFT_AFTER = re.compile(rf"\b(?:left|leaving|leaves|departed|departs|quit|quits|exited|exits)\s+{FILL}«O(?P<o>\d+)»"
                         rf"(?:\s*«D\d+»)?\s*,?\s+after\s+{_DUR}(?!\s+(?:at|with)\b)", re.I)
# "in his first week at xAI": a join just made
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_FIRST_DAYS = re.compile(rf"(?:\b(?:his|her|their|my)|«[PQ](?P<p>\d+)»['’]s)\s+(?P<n>first|second|third|fourth|fifth|sixth)\s+(?:few\s+)?"
                         rf"(?P<u>day|week|month|year)s?\s+(?:back\s+)?(?:at|with)\s+{FILL}«O(?P<o>\d+)»", re.I)
# "ended a five-year run at Apple in January": the end of a stint is a departure
_ENDED_RUN = re.compile(rf"«[PQ](?P<p>\d+)»(?P<gap>[^«.;]{{0,30}}?)\b(?:ended|ends|ending|wrapped\s+up|closed\s+out)\s+(?:a|an|her|his|their|my)\s+"
                        rf"(?:{_DUR_ADJ}\s+)?{_STINT}\s+(?:at|with)\s+{FILL}«O(?P<o>\d+)»(?:\s+(?:(?:in|on)\s+)?«D(?P<end>\d+)»)?", re.I)


_RETURN = re.compile(r"\b(?:return\w*|rejoin\w*|back\s+to|boomerang|again)\b", re.I)


_CUES = ((_SPENT, ("spent",)), (_AFTER, ("after", "following", "ending", "capping")),
         (_ENDED, ("ended", "finished", "wrapped")), (_LEFT_AFTER, ("after",)))


def _length(m: re.Match[str]) -> tuple[int, str] | None:
    """(amount, unit) of a matched length; None when the number is no number ("a few")."""
    if m.groupdict().get("dl"):
        return 10, "year"
    n, u = (m.group("n"), m.group("u")) if m.groupdict().get("n") else (m.group("an"), m.group("au"))
    if n is None or u is None:
        return None
    k = int(n) if n.isdigit() else {"fifteen": 15, "twenty": 20}.get(n.lower(), NUMBERS.get(n.lower()))
    if not k:
        return None
    u = u.lower().rstrip("s")
    return (k * 10, "year") if u == "decade" else (k, u)


def _dated(d: DateMention | None) -> bool:
    return d is not None and bool(d.date) and not d.future


def _subject(info: SentInfo, si: int, raws: list[Raw], org: str) -> str | None:
    """Whose stint the sentence tells: the one leaving that org here, else the one person the
    sentence's moves are about, else the one person it names."""
    here = [r for r in raws if r.sent == si and r.type in ("joined", "left") and r.person]
    left = {r.person for r in here if r.type == "left" and r.org == org}
    if len(left) == 1:
        return next(iter(left))
    movers = {r.person for r in here}
    if len(movers) == 1:
        return next(iter(movers))
    people = {e.key for e in info.ents if e.kind in "PQ"}
    return next(iter(people)) if len(people) == 1 else None


def _end(raws: list[Raw], si: int, person: str, org: str) -> DateMention | None:
    """When the stint ended: a dated departure from the org, else the dated move the sentence tells."""
    left = next((r.date for r in raws if r.type == "left" and r.person == person and r.org == org and _dated(r.date)), None)
    if left is not None:
        return left
    return next((r.date for r in raws if r.sent == si and r.person == person and r.org != org
                 and r.type in ("joined", "left") and _dated(r.date)), None)


# "Before joining Stanford, he spent two years at Microsoft", "Before Microsoft, she spent six years at IBM"
_BEFORE_JOINING = re.compile(r"\b(?:before|prior\s+to)\s+(?:joining\s+|moving\s+to\s+|going\s+to\s+|coming\s+to\s+|arriving\s+at\s+)?"
                             r"(?:the\s+)?«O(\d+)»", re.I)


def _ended_by_next_join(info: SentInfo, si: int, raws: list[Raw]) -> None:
    """An undated departure the sentence tells as what came before joining B ends when the
    article says B was joined."""
    for m in _BEFORE_JOINING.finditer(info.marked):
        nxt = info.ents[int(m.group(1))].key
        for r in raws:
            if r.type == "left" and r.sent == si and r.org != nxt and not _dated(r.date):
                r.date = next((x.date for x in raws if x.type == "joined" and x.person == r.person and x.org == nxt
                               and _dated(x.date)), r.date)


def stint_starts(infos: list[SentInfo], raws: list[Raw], published: str | None) -> None:
    """Append to `raws` the joins (and stated ends) that stints told by their length date."""
    new: list[Raw] = []
    for si, info in enumerate(infos):
        s = info.marked
        if "«O" not in s:
            continue
        if "efore" in s or "rior to" in s:
            _ended_by_next_join(info, si, raws)
        low = s.lower()
        lengthy = "year" in low or "decade" in low or "month" in low
        if not lengthy and not any(w in low for w in _ORDINALS) and "ended" not in low:
            continue   # (most sentences tell no stint: each reading runs only where its words are)
        pats = [p for p, cues in _CUES if any(c in low for c in cues)] if lengthy else []
        found: list[tuple[str, str, tuple[int, str] | None, DateMention | None]] = []
        for pat in pats:
            for m in pat.finditer(s):
                o = m.group("o") or m.groupdict().get("there")
                if o is None or m.groupdict().get("there") and info.sent.text[info.ents[int(o)].start:info.ents[int(o)].end].lower() != "there":
                    continue   # a bare org after the length is only "there" ("after eight years there")
                org = info.ents[int(o)].key
                person = info.ents[int(m.group("p"))].key if m.groupdict().get("p") else _subject(info, si, raws, org)
                end = info.ents[int(m.group("end"))].date if m.groupdict().get("end") else None
                if person:
                    found.append((person, org, _length(m), end if _dated(end) else None))
        for m in _FIRST_DAYS.finditer(s) if published and any(w in low for w in _ORDINALS) else ():
            org = info.ents[int(m.group("o"))].key
            person = info.ents[int(m.group("p"))].key if m.group("p") else _subject(info, si, raws, org)
            pub, _ = parse_published(published)
            if person and pub is not None and "«D" not in s:
                # (in the n-th month: joined n-1 months before the article; a week or a day: its month)
                unit = m.group("u").lower()
                if unit in ("month", "year") and not re.search(r"(?:\b(?:now|currently|is|are|am|['’]s)|«[PQ]\d+»\s*,)\s+(?:in\s+)?$",
                                                              s[max(0, m.start() - 24):m.start()]):
                    continue   # "In her first year at Google, she ...": told looking back, not of now
                back = _ORDINALS[m.group("n").lower()] - 1 if unit in ("month", "year") else 0
                date, prec = shift(published[:4], -back, "year") if unit == "year" else shift(published[:7], -back, "month")
                new.append(Raw("joined", person, org, None, DateMention(-1, -1, date, prec, True, ""),
                               si, info.sent.text, 0.6, False, None, "span"))
        for m in _ENDED_RUN.finditer(s) if "end" in low or "wrapped" in low or "closed" in low else ():
            prefix = _clause_prefix(s, m.start())
            if _neg(m.group("gap"), prefix):
                continue
            end = info.ents[int(m.group("end"))].date if m.group("end") else None
            new.append(Raw("left", info.ents[int(m.group("p"))].key, info.ents[int(m.group("o"))].key, None,
                           end if _dated(end) else None, si, info.sent.text, 0.7, False, None, "ended-run"))
        for person, org, length, end in found:
            if end is not None:
                new.append(Raw("left", person, org, None, end, si, info.sent.text, 0.75, False, None, "span"))
            end = end or _end(raws, si, person, org)
            joins = [r for r in raws if r.type == "joined" and r.person == person and r.org == org]
            if length is None or end is None or not joins or any(_dated(r.date) or _RETURN.search(r.quote) for r in joins):
                continue   # (a return told beside the first stint's length is the later join)
            date, prec = shift(end.date, -length[0], length[1])
            for r in joins:
                r.date = DateMention(-1, -1, date, prec, True, "")
    raws.extend(new)
