"""Correction notices: which organization a correction says was wrong, and about what.

"Correction: P joined A, not O" and "an earlier version of this article said P had joined O"
name the wrong organization O (the right one, A, is left alone); the verb before O says what
was wrong (an arrival, a departure, or with "came from O" any tie to O). "An article on March
3 incorrectly said ..." names the corrected article's date. "P did not work at O" says so
anywhere, correction notice or not. Clauses about a date, a title or a name correct those,
not an organization.
"""
from __future__ import annotations

import re

from .denial_terms import APOS, GAP, JOIN, LEAVE, ORG, PERSON, ent, named_org, plain
from .extract_types import SentInfo

_NOT_ORG = re.compile(rf"(?:,\s*|\s+)(?:not|rather\s+than|instead\s+of)\s+(?:at\s+|with\s+|from\s+|for\s+)?(?:the\s+)?{ORG}", re.I)
_MISREPORT = re.compile(r"\b(?:earlier\s+version|incorrectly|erroneously|mistakenly|wrongly|misstated|misidentified)\b"
                        r"(?P<c>.*?)(?:[.;]|\s,\s|\bbut\b|\bin\s+fact\b|$)", re.I)
_NOT_ORG_FACT = re.compile(r"\b(?:date|day|title|role|job|spell\w*|name[ds]?|age|figure|amount|number|year|month|when|"
                           r"timing|size|valuation|funding|headcount|location|city)\b|«D\d+»", re.I)
_NEVER_AT = re.compile(rf"{PERSON}{GAP}\b(?:(?:did|does)\s*(?:not|n{APOS}t)\s+work|(?:didn|doesn){APOS}t\s+work|"
                       rf"(?:has|had)\s+never\s+worked|never\s+worked|(?:was|is)\s+never\s+employed|"
                       rf"(?:has|had)\s+no\s+(?:connection|affiliation)|was\s+not\s+employed)\s+(?:at|for|with|by|to)\s+"
                       rf"(?:the\s+)?{ORG}", re.I)
_NEVER_AT_END = re.compile(r"\s*(?:[.;!?\"”)]|$|,|\s+(?:and|but)\b)")
_ABOUT = re.compile(r"\b(?:article|story|report|piece|item|headline|post)\s+(?:published\s+|posted\s+|that\s+(?:ran|appeared)\s+)?"
                    r"(?:on\s+|of\s+)?«D(\d+)»|«D(\d+)»\s+(?:article|story|report|piece|item|post|edition)", re.I)


def corrections(infos: list[SentInfo], si: int) -> list[tuple[str, str, str, str, str | None]]:
    """Correction notices name the organization that was wrong ("P joined A, not O";
    "an earlier version said P had joined O"); "P did not work at O" says so anywhere."""
    info = infos[si]
    s = info.marked
    out: list[tuple[str, str, str, str, str | None]] = []
    for m in _NEVER_AT.finditer(s):
        if plain(m.group("gap")) and _NEVER_AT_END.match(s, m.end()):
            out.append(("all", ent(info, m.group(1)), named_org(info, m), "correction", None))
    if not info.correction:
        return out
    about = None
    for m in _ABOUT.finditer(s):
        d = info.ents[int(m.group(1) or m.group(2))].date
        if d is not None and d.date and d.precision == "day":
            about = d.date
    people_all = [ent(info, x) for x in re.findall(PERSON, s)]
    for m in _NOT_ORG.finditer(s):
        before = re.findall(PERSON, s[:m.start()])
        if before and re.search(ORG, s[:m.start()]):
            what = _misreported(s[:m.start()].rsplit("«O", 1)[0])
            out.append((what, ent(info, before[-1]), ent(info, m.group(1)), "correction", about))
    for m in _MISREPORT.finditer(s):
        clause = m.group("c")
        if _NOT_ORG_FACT.search(clause):
            continue
        people = [ent(info, x) for x in re.findall(PERSON, clause)] or people_all
        wrong = [(_misreported(clause[:o.start()]), o) for o in re.finditer(ORG, clause)]
        # an org a move verb governs is what was misreported; the others only describe the
        # person ("reported that P, formerly the evaluation lead at O, was joining A")
        if any(what != "all" for what, _ in wrong):
            wrong = [(what, o) for what, o in wrong if what != "all"]
        for what, o in wrong:
            out += [(what, p, ent(info, o.group(1)), "correction", about) for p in dict.fromkeys(people)]
    return out


_LEFT_BEFORE = re.compile(rf"\b{LEAVE}\s+(?:the\s+)?$", re.I)
_JOINED_BEFORE = re.compile(rf"\b(?:{JOIN}|hired\s+by|(?:was|been)\s+named\s+\w+(?:\s+\w+)?\s+(?:at|of))\s+(?:the\s+)?$", re.I)


def _misreported(before: str) -> str:
    """What a correction says was wrong about an organization, from the verb just before it:
    a departure ("said P had left O"), an arrival ("P joined A, not O"), or, for anything
    else ("came from O", "worked at O"), every fact of the person there."""
    if _LEFT_BEFORE.search(before):
        return "left"
    if _JOINED_BEFORE.search(before):
        return "joined"
    return "all"
