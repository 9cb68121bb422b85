"""Founding statements that name several people, read over marked strings (see marking.py):

- "O was founded [in D | that month] by [two former X researchers,] P, [apposition,] and P2"
- "P co-founded O with P2, [who ...,] and P3"
- "The founders are P, who ...; P2, ...; and P3" (the org is the one a nearby sentence says
  was founded, else the article's topic org)

Each named founder is `joined` with role "co-founder" (or "founder" when only one is named).
A person counts as listed when the text just before them is a list separator ("by", ",",
"and", ";", ":"), optionally followed by a short descriptor, so people named inside an
apposition or a relative clause ("who worked with P3") are not founders.
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo

_BY = re.compile(r"\b(?:co-?)?founded\s+(?:(?:in|on)\s+«D\d+»\s+|«D\d+»\s+|(?:that|this|last|the\s+same)\s+(?:month|year|week|spring|summer|autumn|fall|winter)\s+|"
                 r"(?:earlier|later)\s+(?:this|that)\s+(?:month|year)\s+)?by\b", re.I)
_WITH = re.compile(r"«[PQ](\d+)»\s+(?:co-?founded|founded|started|launched)\s+(?:the\s+|a\s+)?«O(\d+)»(?:\s+(?:in|on)\s+«D\d+»)?\s+with\b", re.I)
_ARE = re.compile(r"\b(?:the|its|their)\s+(?:co-?)?founders\s+(?:are|were|include|included)\b|«O(\d+)»'s\s+(?:co-?)?founders\s+(?:are|were|include|included)\b", re.I)
_SEP_BEFORE = re.compile(r"(?:\bby|,|;|:|\band|\bwith|\bare|\bwere|\binclude[sd]?|\bincluding|\bnamely)\s+(?:(?:[\w'’-]+|«O\d+»)\s+){0,4}$", re.I)
_NOT_FOUNDER = re.compile(r"\b(?:with|alongside|under|than|by\s+then|joined|hired|later|whom|who)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_TEAM_HIRE = re.compile(
    r"«O(\d+)»\s+(?:said\s+(?:it\s+)?(?:had\s+|has\s+)?|has\s+|had\s+|have\s+|will\s+)?(?:hired|hires|hire|acqui-?hired|brought\s+(?:on|in)|is\s+hiring|poached)\s+"
    r"(?:the|its|all\s+(?:three|two|four)|both|two|three)?\s*(?:co-?)?founders\s+(?:of\s+[^«.;]{0,40}«O(\d+)»)?[^.;«]{0,60}?"
    r"(\bincluding|:|\bnamely)\s+", re.I)
_PARTNER = re.compile(r"«[PQ](\d+)»'s\s+(?:fellow\s+)?co-?founder\s*(?:is|was|will\s+be|,)\s+«P(\d+)»", re.I)
_FOUNDED_OBJ = re.compile(r"\b(?:co-?)?found(?:ed|s|ing)?\s+(?:the\s+|a\s+)?«O(\d+)»", re.I)


def _listed(seg: str) -> list[str]:
    """Placeholder indexes of the people a list names, in order, up to the list's end."""
    end = re.search(r"[.!?](?:\s|$)|\s+to\s+(?:build|create|develop|make|work|focus|pursue)\b|\s+in\s+order\s+to\b", seg)
    seg = seg[:end.start()] if end else seg
    out = []
    for m in re.finditer(r"«[PQ](\d+)»", seg):
        before = seg[max(0, m.start() - 60):m.start()]
        if m.start() < 3 or (_SEP_BEFORE.search(before) and not _NOT_FOUNDER.search(before[-25:])):
            if m.start() < 3 or not re.search(r"\b(?:who|which|whom)\b[^;]*$", _since_sep(seg[:m.start()])):
                out.append(m.group(1))
    return out


def _since_sep(text: str) -> str:
    """Text since the last list separator that could open a new list item."""
    cut = max(text.rfind(";"), text.rfind(", and "), text.rfind(" and "))
    return text[cut:] if cut >= 0 else text


def founders(info: SentInfo, si: int, out: list[Raw], prev: list[SentInfo]) -> None:
    s = info.simple or info.marked
    if "ound" not in s:
        return
    ents = info.ents

    def emit(idxs: list[str], org_key: str, date, extra: int = 0) -> None:
        keys = []
        for x in idxs:
            k = ents[int(x)].key
            if k not in keys:
                keys.append(k)
        role = "co-founder" if len(keys) + extra > 1 else "founder"
        for k in keys:
            out.append(Raw("joined", k, org_key, role, date, si, info.sent.text, 0.75, False, None, "founders"))

    def date_in(text: str):
        m = re.search(r"«D(\d+)»", text)
        if m:
            d = ents[int(m.group(1))].date
            if d is not None and d.date:
                return d
        return None

    for t in _BY.finditer(s):
        om = None
        for om in re.finditer(r"«O(\d+)»", s[max(0, t.start() - 60):t.start()]):
            pass
        if om is None:
            continue
        people = _listed(s[t.end():])
        if len(people) > 1:
            emit(people, ents[int(om.group(1))].key, date_in(s[t.start():t.end()]))
    for t in _WITH.finditer(s):
        people = _listed(s[t.end():])
        if people:
            emit(people, ents[int(t.group(2))].key, date_in(t.group(0)), extra=1)
    for t in _TEAM_HIRE.finditer(s):
        # an acqui-hire: "O hired the founders of O2, including chief executive P and CTO P2"
        for x in _listed(s[t.start(3):]):
            k = ents[int(x)].key
            out.append(Raw("joined", k, ents[int(t.group(1))].key, None, date_in(s[t.end():]), si,
                           info.sent.text, 0.75, False, None, "team-hire"))
    for t in _ARE.finditer(s):
        org = ents[int(t.group(1))].key if t.group(1) else None
        if org is None:
            for p in reversed(prev[-2:]):
                m = _FOUNDED_OBJ.search(p.marked)
                if m:
                    org = p.ents[int(m.group(1))].key
                    break
        if org is None and info.ctx_org is not None:
            org = ents[int(info.ctx_org)].key
        people = _listed(s[t.end():])
        if org and people:
            emit(people, org, None)
    for t in _PARTNER.finditer(s):
        # "My co-founder is P" / "Her co-founder, P, ...": P co-founded what the first person
        # is said (in this article, so far) to have founded
        who = ents[int(t.group(1))].key
        theirs = next((r for r in reversed(out) if r.type == "joined" and r.person == who and r.org
                       and r.role and re.search(r"found", r.role, re.I)), None)
        if theirs is not None:
            if theirs.role.lower() == "founder":
                theirs.role = "co-founder"   # a founder with a co-founder is one of two
            out.append(Raw("joined", ents[int(t.group(2))].key, theirs.org, "co-founder", theirs.date, si,
                           info.sent.text, 0.7, False, None, "founders"))
