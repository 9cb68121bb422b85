"""One claim per fact: the claims of an article's sentences, merged per (type, person, org).

Several sentences often tell one move (a headline, a lede, a quote): they become one claim with
the best date, the best role and the highest confidence. Two facts of one (type, person, org)
stay apart where the text tells them apart: a second join in another year is a return
(boomerang), and a second new title at another date is a later promotion ("interim CEO in
March ... back to CFO in January").
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Claim

_RETURN = re.compile(r"\b(?:return(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|(?:going|coming|heading|headed|came|went|is|are)\s+back|boomerang)\b", re.I)
_RANKP = {"day": 3, "month": 2, "year": 1, "unknown": 0}


def one_per_fact(claims: list[Claim], fallbacks: set[int] | None = None) -> list[Claim]:
    """One claim per (type, person, org); best date, then confidence; role from the best
    claim that has one; held_role dropped where a move on the same pair exists. A date the
    text states beats the publication date given to a present-tense headline."""
    fallbacks = fallbacks or set()
    best: dict[tuple[str, str, str], Claim] = {}
    roles: dict[tuple[str, str, str], tuple[float, str]] = {}
    # a second join of the same org in another year is a return (boomerang),
    # its own fact
    # (a date the text gives to the day counts even when its year is inferred, "next
    # Monday, March 30"; a return told in the present, "is going back to O", is dated by the
    # publication)
    years: dict[tuple[str, str, str], list[str]] = {}

    def own_year(c: Claim) -> bool:
        if c.type != "joined" or not c.date:
            return False
        if id(c) in fallbacks:
            return bool(_RETURN.search(c.quote))
        return not c.date_inferred or c.date_precision == "day"

    for c in claims:
        if own_year(c):
            ys = years.setdefault((c.type, c.person, c.org), [])
            if c.date[:4] not in ys:
                ys.append(c.date[:4])
    # a new title at another date, told as another title, is a change of its own ("interim CEO
    # since March ... will return to his role as CFO in January"); an undated telling is the first
    titles: dict[tuple[str, str, str], list[tuple[str, str]]] = {}

    def own_title(c: Claim) -> bool:
        return c.type == "role_changed" and bool(c.date and c.role) and id(c) not in fallbacks and not c.date_inferred

    def title_group(c: Claim) -> int:
        ts = titles.setdefault((c.type, c.person, c.org), [])
        for i, (d, r) in enumerate(ts):
            if _same_time(c.date or "", d) or _same_title(c.role or "", r):
                return i
        ts.append((c.date or "", c.role or ""))
        return len(ts) - 1

    groups = {id(c): title_group(c) for c in claims if own_title(c)}
    for c in claims:
        k = (c.type, c.person, c.org)
        ys = years.get(k, [])
        if len(ys) > 1 and own_year(c) and c.date[:4] != ys[0]:
            k = (c.type, c.person, c.org + "\x00" + c.date[:4])
        elif groups.get(id(c)):
            k = (c.type, c.person, c.org + "\x01" + str(groups[id(c)]))
        if c.role:
            prev = roles.get(k)
            if prev is None or c.confidence > prev[0] or (c.confidence == prev[0] and len(c.role) > len(prev[1])):
                roles[k] = (c.confidence, c.role)
        cur = best.get(k)
        score = (_RANKP[c.date_precision] > 0, id(c) not in fallbacks, not c.date_inferred,
                 _RANKP[c.date_precision], c.confidence)
        if cur is None:
            best[k] = c
            continue
        cscore = (_RANKP[cur.date_precision] > 0, id(cur) not in fallbacks, not cur.date_inferred,
                  _RANKP[cur.date_precision], cur.confidence)
        if score > cscore:
            best[k] = replace(c, confidence=max(c.confidence, cur.confidence))
            if id(c) in fallbacks:
                fallbacks.add(id(best[k]))
        else:
            keep = id(cur) in fallbacks
            best[k] = replace(cur, confidence=max(c.confidence, cur.confidence))
            if keep:
                fallbacks.add(id(best[k]))
    # (a founding is no post: "P founded O ... P is its chief executive" keeps the title held)
    moved = {(p, o.split("\x00")[0].split("\x01")[0]) for (t, p, o), c in best.items()
             if t != "held_role" and not (t == "joined" and c.role and re.search(r"\bfound", c.role, re.I))}
    out = []
    for k, c in best.items():
        if k[0] == "held_role" and (k[1], k[2]) in moved:
            continue
        r = roles.get(k)
        if r and r[1] != c.role:
            c = replace(c, role=r[1])
        out.append(c)
    return out


def _same_time(a: str, b: str) -> bool:
    """Two dates that may name one day: one is the other at a coarser precision."""
    return a.startswith(b) or b.startswith(a)


def _same_title(a: str, b: str) -> bool:
    """Two tellings of one title ("interim CEO", "CEO on an interim basis" aside): one contains the other."""
    x, y = a.lower(), b.lower()
    return x in y or y in x
