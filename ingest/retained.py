"""Posts a person keeps beside a new job: "will keep a part-time faculty appointment at
Stanford", "while keeping his chair", "will continue his position at the university".

A professor hired by a company is described at the university in the same sentence as the
hire, and the article-level rules read that as leaving it ("joining B while described at A is
leaving A"). When the article says the post is kept, the person is still there: the departure
is withdrawn and the post is a held role. The post's organization is the one the sentence names
after the post noun ("appointment at O", "his O appointment"); failing that, the academic
organization the article describes the person at (a university in the gazetteer, or a post
whose title is academic).
"""
from __future__ import annotations

import re

from .extract_types import Raw, SentInfo
from .orgs import gazetteer

_KEEP = re.compile(
    r"«[PQ](\d+)»(?P<gap>(?:[^«.;]|«[A-Z]\d+»){0,160}?)\b(?:keep|keeps|keeping|kept|retain|retains|retaining|retained|"
    r"maintain|maintains|maintaining|continue|continues|continuing|reduc(?:e|es|ing))\s+"
    r"(?:(?:his|her|their|a|an|the|«[PQ]\d+»'s)\s+)?(?:(?:«O(?P<pre>\d+)»|[\w-]+)\s+){0,3}?"
    r"(?P<post>chair|professorship|(?:faculty\s+)?(?:appointment|position|post|seat)|affiliation|tenure)\b"
    r"(?:\s+(?:at|with|in)\s+(?:the\s+)?«O(?P<org>\d+)»)?", re.I)
_ACADEMIC = re.compile(r"\b(?:professor|lecturer|faculty|chair|academic|dean|teach\w*|taught)\b", re.I)
_ACADEMIC_KINDS = ("university", "institute")


def _academic_org(person: str, claims: list[Raw]) -> str | None:
    """The one academic organization the article places the person at (of several, the one
    it has the person leaving), if there is one."""
    g = gazetteer()
    orgs = {c.org for c in claims if c.person == person and c.org and (
        c.role and _ACADEMIC.search(c.role) or (g.get(c.org) is not None and g[c.org].kind in _ACADEMIC_KINDS)
        or re.search(r"\b(?:University|College|Institute|ETH|EPFL)\b", c.org))}
    if len(orgs) > 1:
        # "joined Michigan in 2014" beside "associate professor at the University of Michigan":
        # the post kept is the one the article has the person leaving
        orgs = {o for o in orgs if any(c.type == "left" and c.person == person and c.org == o for c in claims)}
    return next(iter(orgs)) if len(orgs) == 1 else None


def kept_posts(infos: list[SentInfo], claims: list[Raw]) -> list[Raw]:
    """`claims` without the departures from posts the article says are kept, plus a held role
    for each such post."""
    kept: dict[tuple[str, str], int] = {}
    for si, info in enumerate(infos):
        s = info.simple or info.marked
        if not re.search(r"\b(?:keep|kept|retain|maintain|continu|reduc)", s, re.I):
            continue
        for m in _KEEP.finditer(info.marked):
            person = info.ents[int(m.group(1))].key
            others = {info.ents[int(x)].key for x in re.findall(r"«[PQ](\d+)»", m.group("gap"))} - {person, info.first_person}
            if others or re.search(r"\b(?:not|never|n't)\b", m.group("gap")):
                continue   # another person's post, or one not kept ("told me" is the writer, no subject)
            idx = m.group("org") or m.group("pre")
            org = info.ents[int(idx)].key if idx is not None else _academic_org(person, claims)
            if org:
                kept.setdefault((person, org), si)
    if not kept:
        return claims
    out = [c for c in claims if not (c.type == "left" and (c.person, c.org) in kept)]
    for (person, org), si in kept.items():
        if not any(c.type in ("held_role", "joined") and c.person == person and c.org == org for c in out):
            role = next((c.role for c in claims if c.person == person and c.org == org and c.role), None)
            out.append(Raw("held_role", person, org, role, None, si, infos[si].sent.text, 0.7, True, None, "kept"))
    return out


_ON_LEAVE = re.compile(r"\b(?:on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:leave|sabbatical|secondment)|"
                       r"leave\s+of\s+absence|sabbatical|secondment|on\s+loan)\b", re.I)
_GAVE_UP = re.compile(r"\b(?:resign\w*|quit|never\s+(?:came|went)\s+back|did\s+not\s+return|gave\s+up)\b", re.I)


def on_leave(text: str, following: list[str]) -> bool:
    """A join told as a leave ("will join B on a two-year leave", "a leave of absence",
    "a sabbatical") keeps the post held, unless the sentences that follow say it was given up
    ("He never came back: he resigned his tenured post")."""
    return bool(_ON_LEAVE.search(text)) and not any(_GAVE_UP.search(t) for t in following)
