"""Successions told from the predecessor's side: "P1, Cohere's head of research, will be
succeeded by P2", "P1 was replaced as CEO by P2".

The successor takes the predecessor's post: the org and title are the ones the sentence gives
the predecessor ("as CEO", "at O", or the apposition "Cohere's head of research"). Whether that
is a join or a new title is the article-level rules' call (claims_finish: a successor the
article places at the org already is promoted, one from elsewhere joins), so the claim leaves
here as "role?". The active form ("P2 succeeds P1 as ROLE") is a trigger in lexicon.ROLE_TRIG.

A unit taken over is a title too: "P took over the embeddings team", "took over the post-training
group on an interim basis in January", "will take over O's research group" make P the unit's
head ("took over as CEO" is ROLE_TRIG's).
"""
from __future__ import annotations

import re

from .clausedates import date_for
from .extract_types import Raw, SentInfo
from .lexicon import CLAUSE_PREFIX_NEG, _clause_prefix, _clean_role, _neg

_SUCCEEDED_BY = re.compile(
    r"«[PQ](?P<p1>\d+)»(?P<gap>[^«.;]{0,40}?)\b(?:will\s+be|is\s+to\s+be|was|is|has\s+been|had\s+been|is\s+being|would\s+be)\s+"
    r"(?:succeeded|replaced)\s+(?:as\s+(?:the\s+|its\s+)?(?P<role>[^«,.;]{2,60}?)\s+)?(?:(?:at|of)\s+(?:the\s+)?«O(?P<o>\d+)»\s+)?"
    r"by\s+(?:[^«,.;]|«O\d+»){0,50}?«[PQ](?P<p2>\d+)»", re.I)


_TOOK_OVER = re.compile(
    r"«[PQ](?P<p>\d+)»(?P<gap>(?:[^«.;]|«D\d+»){0,40}?)\b(?:take|takes|took|taken|taking)\s+over\s+"
    r"(?:(?:the|its|their|one\s+of\s+(?:its|the))\s+|«O(?P<o>\d+)»['’]s\s+|«[PQ]\d+»['’]s\s+)?"
    r"(?P<what>(?:[\w-]+\s+){0,4}?)(?P<unit>team|teams|group|groups|lab|unit|division|organization|org|department|effort)\b"
    r"(?P<after>(?:[^«.;]|«D\d+»){0,60})", re.I)
_INTERIM = re.compile(r"\b(?:on\s+an?\s+(?:interim|acting|temporary)\s+basis|in\s+an?\s+(?:interim|acting)\s+capacity|temporarily)\b", re.I)


def took_over(info: SentInfo, si: int, out: list[Raw]) -> None:
    """A new title for each unit the sentence says a person took over."""
    s = info.simple or info.marked
    if " over " not in s:
        return
    ents = info.ents
    for m in _TOOK_OVER.finditer(s):
        prefix = _clause_prefix(s, m.start())
        if _neg(m.group("gap"), prefix) or CLAUSE_PREFIX_NEG.search(prefix) or re.search(r"«[PQO]\d+»", m.group("gap")):
            continue
        what = m.group("what").strip()
        unit = m.group("unit").lower().rstrip("s") if m.group("unit").lower() != "teams" else "team"
        head = f"head of the {what} {unit}" if what else f"head of the {unit}"
        role = _clean_role(f"interim {head}" if _INTERIM.search(m.group("after")) else head)
        if role is None:
            continue
        org = ents[int(m.group("o"))].key if m.group("o") else ""
        date = date_for(info, s, m.start(), m.start("gap"), m.end("unit"))
        out.append(Raw("role?", ents[int(m.group("p"))].key, org, role, date, si, info.sent.text, 0.65,
                       not re.search(r"\btook\b", m.group(0), re.I), None, "role?"))


# the predecessor's own change: "Fenn is moving to an advisory role", "will transition into an advisory position"
_TO_ADVISORY = re.compile(
    r"«[PQ](?P<p>\d+)»(?P<gap>[^«.;]{0,30}?)\b(?:mov|shift|transition|switch|step)(?:s|es|ed|ing|ping|ped)?\s+(?:back\s+)?(?:in)?to\s+"
    r"(?:an?\s+)?(?:part-time\s+|senior\s+)?(?:advisory|adviser|advisor|consulting)\s+(?:role|position|capacity|post)"
    r"(?:\s+(?:at|with)\s+(?:the\s+)?«O(?P<o>\d+)»)?", re.I)


def to_advisory(info: SentInfo, si: int, out: list[Raw]) -> None:
    """A person moving into an advisory role takes a new title at the org they are at."""
    s = info.simple or info.marked
    if "advis" not in s and "consulting" not in s:
        return
    for m in _TO_ADVISORY.finditer(s):
        prefix = _clause_prefix(s, m.start())
        if _neg(m.group("gap"), prefix) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        org = info.ents[int(m.group("o"))].key if m.group("o") else ""
        date = date_for(info, s, m.start(), m.start("gap"), m.end())
        out.append(Raw("role_changed", info.ents[int(m.group("p"))].key, org, "adviser", date, si, info.sent.text, 0.65,
                       True, None, "advisory"))


def succeeded_by(info: SentInfo, si: int, out: list[Raw]) -> None:
    """The successor's claim for each "P1 will be succeeded by P2" the sentence tells."""
    s = info.simple or info.marked
    if "succeeded" not in s and "replaced" not in s:
        return
    ents = info.ents
    for m in _SUCCEEDED_BY.finditer(s):
        prefix = _clause_prefix(s, m.start())
        if _neg(m.group("gap"), prefix) or CLAUSE_PREFIX_NEG.search(prefix):
            continue
        old, new = ents[int(m.group("p1"))].key, ents[int(m.group("p2"))].key
        if old == new:
            continue
        held = next((a for a in info.affils if a.person == old and not a.former), None)
        org = ents[int(m.group("o"))].key if m.group("o") else held.org if held else ""
        role = _clean_role(m.group("role")) if m.group("role") else held.role if held else None
        if not org and role is None:
            continue
        date = date_for(info, s, m.start(), m.start("gap"), m.end())
        out.append(Raw("role?", new, org, role, date, si, info.sent.text, 0.7, "will" in m.group(0).lower(),
                       held.unit if held and held.org == org else None, "role?"))
